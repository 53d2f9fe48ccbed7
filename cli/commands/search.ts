// `search <file|dir>... --query "<q>"`: load the bulletins into a corpus exactly as the page does
// (decode, parse, jieba, the same store and search tables, reprints clustered), run the query desk's
// search (src/core/query) and print {"total":N,"hits":[{"file","index","headline","snippet"}]}.
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { cut } from 'jieba-wasm';
import { decodeBytes, isBulletinName } from '../../src/core/decode/index';
import { sha256Hex } from '../../src/core/hash';
import { ingestFile, segmentArticle } from '../../src/core/ingest/index';
import { parseBulletin } from '../../src/core/parse/index';
import { partsText } from '../../src/core/query/highlight';
import { Searcher } from '../../src/core/query/search';
import { StoryTracker } from '../../src/core/query/stories';
import { FACET_FIELDS, SORT_ORDERS, type FacetField, type FacetFilter, type SortOrder } from '../../src/core/query/types';
import { jiebaSegmenter, type Segmenter } from '../../src/core/segment/index';
import { CorpusStore } from '../../src/core/store/index';
import { optimizeSearchIndexes } from '../../src/core/store/search-index';
import { EXIT, INVOCATION, type CliIO } from '../io';
import { describeFsError, listBulletinFiles } from '../lib/bulletin-files';

/** Usage text of the search command. */
export const SEARCH_USAGE = `Usage: ${INVOCATION} search <file|dir>... --query "<q>" [options]

Load the bulletins as the page does and search them with the page's query language
(docs/search.md); print one JSON object:
  {"total":N,"hits":[{"file","index","headline","snippet"}]}
"total" counts every match (a reprinted story once); "hits" holds the first --limit of them in
result order; "index" is the article's position in parse output for that file.
Options:
  --query, -q <q>     the query (required): terms, "phrases", -exclusions, a OR b, fields
  --limit <N>         hits to print (default 20, at most 500)
  --offset <N>        skip the first N hits (default 0)
  --sort <order>      relevance (default), newest, oldest, paper
  --filter <f:v>      a filter chip, e.g. district:红旗区 (repeatable; fields: ${FACET_FIELDS.join(' ')})
  --every-printing    list every printing of a reprinted story
Exit status: 0 ok, 1 some file failed (still searched: the rest), 2 usage error. See docs/cli.md.
`;

interface Options {
  paths: string[];
  query: string | null;
  limit: number;
  offset: number;
  sort: SortOrder;
  filters: FacetFilter[];
  everyPrinting: boolean;
}

/** Read the arguments; a string is a usage error. */
export function parseArgs(args: string[]): Options | string | 'help' {
  const o: Options = { paths: [], query: null, limit: 20, offset: 0, sort: 'relevance', filters: [], everyPrinting: false };
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => (i + 1 < args.length ? args[++i] : null);
    if (ended || arg === '-' || !arg.startsWith('-')) o.paths.push(arg);
    else if (arg === '--') ended = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--query' || arg === '-q') {
      const v = value();
      if (v === null) return 'give the query after --query';
      o.query = v;
    } else if (arg === '--limit' || arg === '--offset') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) return `${arg} needs a whole number`;
      if (arg === '--limit') o.limit = Math.min(v, 500);
      else o.offset = v;
    } else if (arg === '--sort') {
      const v = value() as SortOrder | null;
      if (!v || !SORT_ORDERS.includes(v)) return `--sort is one of ${SORT_ORDERS.join(', ')}`;
      o.sort = v;
    } else if (arg === '--filter') {
      const v = value() ?? '';
      const at = v.indexOf(':');
      const field = v.slice(0, at) as FacetField;
      if (at <= 0 || !FACET_FIELDS.includes(field) || at === v.length - 1) return `--filter takes field:value, field one of ${FACET_FIELDS.join(', ')}`;
      o.filters.push({ field, value: v.slice(at + 1) });
    } else if (arg === '--every-printing') o.everyPrinting = true;
    else return `unknown option ${arg}`;
  }
  if (o.query === null) return 'give the query with --query';
  if (!o.paths.length) return 'give at least one file or directory';
  return o;
}

/** Load one file named outside the bulletin extensions (the command line reads what it is given). */
async function ingestNamed(store: CorpusStore, segmenter: Segmenter, file: string, bytes: Uint8Array): Promise<string | null> {
  const sha256 = await sha256Hex(bytes);
  if (store.findBySha256(sha256)) return null;
  const decoded = decodeBytes(bytes);
  if (decoded.error) return decoded.error;
  const parsed = parseBulletin(decoded.text, { fileName: file });
  store.addBulletin({
    name: file, path: file, source: 'file', sha256, size: bytes.length, encoding: decoded.encoding, bom: decoded.bom,
    error: null, text: decoded.text, parsed, segments: parsed.articles.map((a) => segmentArticle(segmenter, a)),
  });
  return null;
}

/** Run `search`. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const o = parseArgs(args);
  if (o === 'help') {
    io.out(SEARCH_USAGE);
    return EXIT.ok;
  }
  if (typeof o === 'string') {
    io.err(`search: ${o}\n\n${SEARCH_USAGE}`);
    return EXIT.usage;
  }
  const { entries, notes } = await listBulletinFiles(o.paths);
  for (const note of notes) io.err(`search: ${note}\n`);
  const store = CorpusStore.create(await initSqlJs());
  const segmenter = jiebaSegmenter(cut);
  let failed = false;
  for (const entry of entries) {
    let error = entry.error;
    if (error === null) {
      try {
        const bytes = await readFile(entry.file);
        if (isBulletinName(entry.file)) {
          const r = await ingestFile(store, segmenter, { name: entry.file, bytes });
          if (r.state === 'error') error = r.problem?.message ?? 'could not be loaded';
          else if (r.state === 'skipped') io.err(`search: ${entry.file}: ${r.problem?.message ?? 'skipped'}\n`);
        } else error = await ingestNamed(store, segmenter, entry.file, bytes);
      } catch (err) {
        error = `cannot read: ${describeFsError(err)}`;
      }
    }
    if (error !== null) {
      failed = true;
      io.err(`search: ${entry.file}: ${error}\n`);
    }
  }
  new StoryTracker(store.db).update();
  optimizeSearchIndexes(store.db);
  const page = new Searcher(store.db, segmenter).search({
    query: o.query!, limit: o.limit || 1, offset: o.offset, sort: o.sort, filters: o.filters, everyPrinting: o.everyPrinting,
  });
  for (const h of page.hints) io.err(`search: query: ${h.message}\n`);
  const hits = (o.limit ? page.rows : []).map((r) => ({ file: r.file, index: r.index, headline: r.headline, snippet: partsText(r.snippet) }));
  io.out(`${JSON.stringify({ total: page.total, hits })}\n`);
  store.close();
  return failed ? EXIT.inputFailed : EXIT.ok;
}
