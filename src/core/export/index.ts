// Exports of the corpus: result sets as CSV, JSON Lines and Markdown, and the generic CSV writer
// other views use for their tables. The whole corpus is exported as its SQLite file (db.export()).
export { BOM, csvChunks, csvField, csvRecord, toCsv } from './csv';
export { exportArticles, type ExportArticle } from './articles';
export {
  ARTICLE_FORMATS, articlesCsv, articlesJsonl, articlesMarkdown, CSV_COLUMNS, exportFileName, markdownText,
  type ArticleFormat, type ExportContext,
} from './formats';
