// Building a corpus file from a folder of any size: worker threads prepare the files (decode,
// parse, repair, segment) in parallel, one writer stores them in order with the same rules and
// tables as the page, then reprints are clustered and the indexes merged. The database is written
// to `<output>.partial` and renamed to `<output>` only when complete, so a build that fails or is
// interrupted never leaves a half-made corpus under the output's name, nor destroys an older one.
import { rename, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { Database, SqlJsStatic } from 'sql.js';
import { writeFile } from 'node:fs/promises';
import { GroupWriter } from '../../../src/core/ingest/ingest-group';
import type { IngestResult } from '../../../src/core/ingest/types';
import { StoryTracker } from '../../../src/core/query/stories';
import { CorpusStore } from '../../../src/core/store/index';
import { optimizeSearchIndexes } from '../../../src/core/store/search-index';
import { listBulletinFiles } from '../bulletin-files';
import { nativeSqlite, openNativeDatabase, type NativeSqlJsDatabase } from './native-db';
import { runPool } from './pool';
import type { WorkerJob } from './pool-types';

/** How a build is run. */
export interface BuildOptions {
  output: string;
  /** Worker threads (default: every core). */
  jobs?: number;
  /** native: SQLite on disk (bounded memory); sqljs: sql.js in memory (no native module needed). */
  engine?: 'native' | 'sqljs' | 'auto';
  /** Called now and then with what is done. */
  progress?: (p: BuildProgress) => void;
}

/** Where a build is. */
export interface BuildProgress {
  files: number;
  total: number;
  bytes: number;
  articles: number;
  seconds: number;
  rssBytes: number;
}

/** What a build did. */
export interface BuildReport {
  output: string;
  engine: 'native' | 'sqljs';
  workers: number;
  files: number;
  bulletins: number;
  articles: number;
  fragments: number;
  /** Files skipped as copies of a bulletin already stored (same bytes or same text). */
  duplicates: number;
  /** Files stored with an error (undecodable) or not readable at all. */
  failed: Array<{ file: string; error: string }>;
  reprintedStories: number;
  inputBytes: number;
  outputBytes: number;
  /** load: reading files until the last is stored (workers and writer together); writer: of that,
   *  the time the writer spent storing (when close to load, the one writer is the bottleneck). */
  seconds: { total: number; load: number; writer: number; stories: number; optimize: number; vacuum: number };
  /** Input megabytes (10^6 bytes) per second over the whole build. */
  mbPerSecond: number;
  /** Highest resident memory of the process (every thread): the kernel's high-water mark. */
  peakRssBytes: number;
  notes: string[];
}

function sqlJsShim(db: Database): SqlJsStatic {
  // CorpusStore.create calls `new SQL.Database()`: hand it the file-backed database instead.
  return { Database: function NativeDatabase() { return db; } } as unknown as SqlJsStatic;
}

/** Build a corpus file from files and folders. */
export async function buildCorpus(paths: string[], opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 200);
  const partial = `${opts.output}.partial`;
  const notes: string[] = [];
  try {
    const { entries, notes: listed } = await listBulletinFiles(paths);
    notes.push(...listed);
    const failed: BuildReport['failed'] = entries.filter((e) => e.error !== null).map((e) => ({ file: e.file, error: e.error! }));
    const jobs: WorkerJob[] = entries.filter((e) => e.error === null).map((e, seq) => ({ seq, path: e.file, name: e.file }));

    const Native = opts.engine === 'sqljs' ? null : nativeSqlite();
    if (opts.engine === 'native' && !Native) throw new Error('--engine native needs better-sqlite3, which is not installed (npm install)');
    const engine: BuildReport['engine'] = Native ? 'native' : 'sqljs';
    if (!Native && opts.engine !== 'sqljs') notes.push('better-sqlite3 is not installed: the corpus is built in memory with sql.js (memory grows with the corpus)');
    await rm(partial, { force: true });
    let native: NativeSqlJsDatabase | null = null;
    const store = Native
      ? CorpusStore.create(sqlJsShim((native = openNativeDatabase(Native, partial)).asSqlJs()))
      : CorpusStore.create(await initSqlJs());

    const workers = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), Math.max(1, jobs.length)));
    let inputBytes = 0;
    let done = 0;
    let duplicates = 0;
    let articles = 0;
    let lastProgress = 0;
    let writerMs = 0;
    const stored = (job: WorkerJob, r: IngestResult) => {
      if (r.state === 'skipped') duplicates++;
      else if (r.state === 'error') failed.push({ file: job.path, error: r.problem?.message ?? 'failed' });
      articles += r.articles;
    };
    // The writer stores the prepared files a group per transaction (core/ingest/ingest-group.ts).
    const writer = new GroupWriter<WorkerJob>(store, stored);
    const write = (step: () => void) => {
      const storing = performance.now();
      step();
      writerMs += performance.now() - storing;
    };
    await runPool(jobs, workers, (reply) => {
      done++;
      const job = jobs[reply.seq];
      if (!reply.prepared) {
        failed.push({ file: job.path, error: `cannot read: ${reply.readError}` });
        return;
      }
      inputBytes += reply.prepared.size;
      write(() => writer.add(reply.prepared!, job));
      if (done === jobs.length) write(() => writer.flush());
      const now = performance.now();
      if (opts.progress && (now - lastProgress > 2000 || done === jobs.length)) {
        lastProgress = now;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        opts.progress({ files: done, total: jobs.length, bytes: inputBytes, articles, seconds: (now - started) / 1000, rssBytes: process.memoryUsage().rss });
      }
    });
    write(() => writer.flush());
    const loaded = performance.now();
    // The last steps rewrite much of the file in a few big transactions; a rollback journal kept
    // in memory would hold every page they change (the whole file for a compaction). Without a
    // journal they cannot be undone, which costs nothing here: a build that fails deletes its
    // partial file.
    native?.pragma('journal_mode = OFF');
    const reprintedStories = new StoryTracker(store.db).update();
    const clustered = performance.now();
    optimizeSearchIndexes(store.db);
    const optimized = performance.now();
    // Merging the indexes frees the pages of their old segments (some 15% of the file): compact
    // it, so a published corpus downloads no empty pages. Natively into a new file (VACUUM INTO),
    // so neither memory nor a journal holds a copy of the database.
    const free = Number(store.db.exec('PRAGMA freelist_count')[0]?.values[0]?.[0] ?? 0);
    const pages = Number(store.db.exec('PRAGMA page_count')[0]?.values[0]?.[0] ?? 1);
    const compact = free > pages / 10;
    const compacted = `${opts.output}.compact.partial`;
    const stats = store.stats();
    let finished = partial;
    if (native) {
      if (compact) {
        await rm(compacted, { force: true });
        native.run('VACUUM INTO ?', [compacted]);
        finished = compacted;
      } else native.pragma('journal_mode = DELETE'); // a plain database file, as sql.js and sqlite3 expect
      native.close();
    } else {
      if (compact) store.db.run('VACUUM');
      await writeFile(partial, store.db.export());
      store.close();
    }
    const vacuumed = performance.now();
    if (finished !== partial) await rm(partial, { force: true });
    await rename(finished, opts.output);
    const outputBytes = (await stat(opts.output)).size;
    const total = (performance.now() - started) / 1000;
    // The kernel's own high-water mark (kilobytes) catches peaks between two samples.
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    return {
      output: opts.output, engine, workers, files: entries.length, bulletins: stats.bulletins, articles: stats.articles,
      fragments: stats.fragments, duplicates, failed, reprintedStories, inputBytes, outputBytes,
      seconds: {
        total, load: (loaded - started) / 1000, writer: writerMs / 1000, stories: (clustered - loaded) / 1000, optimize: (optimized - clustered) / 1000,
        vacuum: (vacuumed - optimized) / 1000,
      },
      mbPerSecond: inputBytes / 1e6 / total,
      peakRssBytes: peakRss,
      notes,
    };
  } catch (e) {
    await rm(partial, { force: true }).catch(() => undefined);
    await rm(`${opts.output}.compact.partial`, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    clearInterval(sampler);
  }
}
