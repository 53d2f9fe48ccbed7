// The CSV writer every export of the page uses (articles, people, concordance lines, console
// results): RFC 4180 (fields with a comma, quote, CR or LF quoted, quotes doubled, records ending
// in CRLF), UTF-8 with a byte-order mark so that Excel opens Chinese text as UTF-8. One writer,
// kept where the SQL console first needed it; this module is its public name for exports.
export { BOM, csvChunks, csvField, csvRecord, toCsv } from '../console/csv';
