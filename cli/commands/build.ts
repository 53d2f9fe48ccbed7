// `build <file|dir>... -o corpus.sqlite`: the page's whole pipeline (decode, parse, repair,
// dedup, segment, index) over a folder of any size, on every core, into the SQLite file the page
// opens ("Open a corpus file") or a site publishes (corpus/manifest.json: {"sqlite": ...}).
// Progress goes to stderr, a JSON report to stdout. Details: docs/cli.md ("build").
import { EXIT, INVOCATION, type CliIO } from '../io';
import { buildCorpus, type BuildOptions } from '../lib/build/build-corpus';

/** Usage text of the build command. */
export const BUILD_USAGE = `Usage: ${INVOCATION} build <file|dir>... -o <corpus.sqlite> [options]

Build the corpus the page opens, as an SQLite file: files are found as by parse, prepared on
every core (worker threads) and written by one writer, with the page's schema (docs/schema.md).
The file is written as <output>.partial and renamed when complete.
Options:
  -o, --output <file>   where to write the corpus (required)
  -j, --jobs <n>        worker threads (default: the number of cores)
  --engine <e>          native (SQLite on disk, bounded memory; needs better-sqlite3),
                        sqljs (in memory), auto (default: native when installed)
  -q, --quiet           no progress on stderr
Prints a JSON report: counts, seconds, megabytes per second, peak memory.
Exit status: 0 ok, 1 some file failed, 2 usage error.
`;

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Run `build`. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const paths: string[] = [];
  const opts: Partial<BuildOptions> = {};
  let quiet = false;
  let optionsEnded = false;
  const usage = (why: string) => {
    io.err(`build: ${why}\n\n${BUILD_USAGE}`);
    return EXIT.usage;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') optionsEnded = true;
    else if (arg === '-h' || arg === '--help') {
      io.out(BUILD_USAGE);
      return EXIT.ok;
    } else if (arg === '-o' || arg === '--output') {
      if (args[i + 1] === undefined) return usage(`${arg} needs a file name`);
      opts.output = args[++i];
    } else if (arg === '-j' || arg === '--jobs') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1) return usage(`${arg} needs a whole number of threads, got ${args[i]}`);
      opts.jobs = n;
    } else if (arg === '--engine') {
      const e = args[++i];
      if (e !== 'native' && e !== 'sqljs' && e !== 'auto') return usage(`--engine is native, sqljs or auto, got ${e}`);
      opts.engine = e;
    } else if (arg === '-q' || arg === '--quiet') quiet = true;
    else return usage(`unknown option ${arg}`);
  }
  if (!opts.output) return usage('give the output file with -o <corpus.sqlite>');
  if (paths.length === 0) return usage('give at least one file or directory');
  const report = await buildCorpus(paths, {
    output: opts.output, jobs: opts.jobs, engine: opts.engine ?? 'auto',
    progress: quiet ? undefined : (p) => io.err(`build: ${p.files}/${p.total} files, ${mb(p.bytes)}, ${p.articles} articles, `
      + `${(p.bytes / 1e6 / Math.max(p.seconds, 0.001)).toFixed(2)} MB/s, RSS ${mb(p.rssBytes)}\n`),
  });
  for (const note of report.notes) io.err(`build: ${note}\n`);
  for (const f of report.failed) io.err(`build: ${f.file}: ${f.error}\n`);
  io.out(`${JSON.stringify(report)}\n`);
  return report.failed.length ? EXIT.inputFailed : EXIT.ok;
}
