// The query desk's core: syntax, folding, the gram index, compilation to SQL, ranking, facets,
// highlighting and the search itself (docs/search.md).
export { parseQuery, highlightTerms, dateBounds, type Clause, type ParsedQuery, type QueryHint } from './syntax';
export { foldText, isFolded } from './fold';
export { gramQuery, gramTokens, gramRuns, type GramQuery } from './grams';
export { compileQuery, type CompiledQuery } from './compile';
export { hitRanges, highlightParts, hitSnippet, partsText, type SnippetShape } from './highlight';
export { Searcher, MAX_LIMIT } from './search';
export { articleRef, parseArticleRef } from './ref';
export { FACET_LIMIT } from './facets';
export { DocColumns } from './doc-columns';
export * from './types';
