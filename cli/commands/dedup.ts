// `dedup <file|dir>...`: duplicate files, reprinted stories, echoes and pasted passages over a
// collection of bulletins, as one JSON object on stdout. Files are read in the same order and
// parsed by the same code as `parse`, so an article's `index` is its position in that file's
// `articles` in `parse` output. A file that is a duplicate of an earlier one is not parsed again
// (the page loads it once), so its articles are neither clustered nor reported twice.
import { readFile } from 'node:fs/promises';
import { decodeBytes } from '../../src/core/decode/index';
import { duplicateFileGroups, fileIdentity, sha256Hex, StoryIndex, type FileFingerprint } from '../../src/core/dedup/index';
import type { Article } from '../../src/core/types';
import { EXIT, INVOCATION, type CliIO } from '../io';
import { describeFsError, listBulletinFiles } from '../lib/bulletin-files';
import { reportFromBytes } from '../lib/bulletin-report';
import { readPathArgs } from '../lib/path-args';

/** Usage text of the dedup command. */
export const DEDUP_USAGE = `Usage: ${INVOCATION} dedup <file|dir>...

Find duplicate files, reprinted stories, echoes and pasted passages; print one JSON object:
  {"duplicateFiles":[["a.txt","b.txt"]],
   "clusters":[{"articles":[{"file","index","headline","canonical"}]}],
   "echoes":[{"file","index","headline","text","note","span"}],
   "foreign":[{"file","index","headline","text","belongsTo","belongsToHeadline","reason","span"}]}
Files are found as by parse; "index" is the article's position in parse output. In a duplicate
group the first file is the one read. Exit status: 0 ok, 1 some file failed, 2 usage error.
Methods and parameters: docs/dedup.md.
`;

/** An article as dedup output names it. */
export interface ArticleRef {
  file: string;
  index: number;
  headline: string;
}

/** The JSON object `dedup` prints. */
export interface DedupReport {
  /** Groups of files holding the same bulletin; the first one is the copy that was read. */
  duplicateFiles: string[][];
  /** Stories printed more than once; the canonical printing first. */
  clusters: Array<{ articles: Array<ArticleRef & { canonical: boolean }> }>;
  /** Passages printed twice in one article; the later copy, removed from the clean body. */
  echoes: Array<ArticleRef & { text: string; note: string; span: { start: number; end: number } }>;
  /** Passages of another article pasted into this one, and the article they belong to. */
  foreign: Array<ArticleRef & { text: string; belongsTo: number | null; belongsToHeadline: string | null;
    reason: string; span: { start: number; end: number } | null }>;
}

/** A file that could not be read, decoded or parsed, and why. */
export interface DedupFailure {
  file: string;
  error: string;
}

function repairsOf(file: string, index: number, a: Article, all: Article[], report: DedupReport): void {
  for (const r of a.repairs) {
    if (r.type === 'echo') report.echoes.push({ file, index, headline: a.headline, text: r.original, note: r.note, span: r.span });
  }
  for (const f of a.flags) {
    if (f.type !== 'foreign') continue;
    const cut = a.repairs.find((r) => r.type === 'foreign' && f.span && r.span.start === f.span.start);
    const owner = f.belongsTo ?? null;
    report.foreign.push({
      file, index, headline: a.headline, text: cut?.original ?? '', belongsTo: owner,
      belongsToHeadline: owner !== null ? all[owner]?.headline ?? null : null, reason: f.note, span: f.span ?? null,
    });
  }
}

/** Run levels 1-4 over the given paths (the command without its printing). */
export async function dedupPaths(paths: string[]): Promise<{ report: DedupReport; failures: DedupFailure[]; notes: string[] }> {
  const { entries, notes } = await listBulletinFiles(paths);
  const report: DedupReport = { duplicateFiles: [], clusters: [], echoes: [], foreign: [] };
  const failures: DedupFailure[] = [];
  const prints: FileFingerprint[] = [];
  const firstWith = new Set<string>(); // keys (bytes or text identity) of the files already read
  const refs = new Map<string, ArticleRef>();
  const index = new StoryIndex();
  for (const entry of entries) {
    if (entry.error !== null) { failures.push({ file: entry.file, error: entry.error }); continue; }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(entry.file);
    } catch (err) {
      failures.push({ file: entry.file, error: `cannot read: ${describeFsError(err)}` });
      continue;
    }
    const decoded = decodeBytes(bytes);
    const print: FileFingerprint = {
      name: entry.file, sha256: await sha256Hex(bytes), identity: decoded.error === null ? fileIdentity(decoded.text) : null,
    };
    prints.push(print);
    const keys = [`b:${print.sha256}`, print.identity === null ? '' : `t:${print.identity}`].filter(Boolean);
    const duplicate = keys.some((k) => firstWith.has(k));
    for (const k of keys) firstWith.add(k);
    if (duplicate) continue;
    const parsed = reportFromBytes(entry.file, bytes);
    if (parsed.error !== null) { failures.push({ file: entry.file, error: parsed.error }); continue; }
    parsed.articles.forEach((a, i) => {
      const id = `${refs.size}`;
      refs.set(id, { file: entry.file, index: i, headline: a.headline });
      index.add([{ id, text: a.body, headline: a.headline }]);
      repairsOf(entry.file, i, a, parsed.articles, report);
    });
  }
  report.duplicateFiles = duplicateFileGroups(prints);
  report.clusters = index.clusters().map((c) => ({
    articles: [c.canonical, ...c.alsoAppearedIn].map((id) => ({ ...refs.get(String(id))!, canonical: id === c.canonical })),
  }));
  return { report, failures, notes };
}

/** Run `dedup` over the given paths. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const paths = readPathArgs('dedup', args, DEDUP_USAGE, io);
  if (typeof paths === 'number') return paths;
  const { report, failures, notes } = await dedupPaths(paths);
  for (const note of notes) io.err(`dedup: ${note}\n`);
  for (const f of failures) io.err(`dedup: ${f.file}: ${f.error}\n`);
  io.out(JSON.stringify(report) + '\n');
  return failures.length ? EXIT.inputFailed : EXIT.ok;
}
