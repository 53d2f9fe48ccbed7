// `npx tsx bench/build/run.ts [--mb 100] [--jobs N] [--engine native|sqljs]`: the command-line
// build over a generated folder of bulletins (bench/build/generate.ts, kept in the system's temp
// folder between runs): throughput and peak memory of the whole build, run as users run it (a
// child process: `npm run cli -- build`). Writes bench/results/build-<date>-<N>mb.json.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../tests/unit/cli-run';
import { generateFolder } from './generate';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const mb = Number(arg('mb', '100'));
  if (!(mb > 0)) throw new Error('--mb needs a positive number');
  const dir = join(tmpdir(), `baoxun-bench-build-${mb}mb`);
  let t = performance.now();
  const folder = generateFolder(dir, mb);
  console.log(`input: ${folder.files} files, ${(folder.bytes / 1e6).toFixed(1)} MB, ~${folder.articles} articles in ${dir} `
    + `(generated or reused in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  const out = join(tmpdir(), `baoxun-bench-build-${mb}mb.sqlite`);
  rmSync(out, { force: true });
  const args = ['build', dir, '-o', out, '-q'];
  if (process.argv.includes('--jobs')) args.push('--jobs', arg('jobs', '2'));
  if (process.argv.includes('--engine')) args.push('--engine', arg('engine', 'auto'));
  t = performance.now();
  const run = await runCli(args);
  const wall = (performance.now() - t) / 1000;
  if (run.code !== 0 && run.code !== 1) throw new Error(`build failed (${run.code}): ${run.stderr.slice(-2000)}`);
  const report = JSON.parse(run.stdout) as Record<string, unknown> & {
    engine: string; workers: number; bulletins: number; articles: number; inputBytes: number; outputBytes: number;
    mbPerSecond: number; peakRssBytes: number; seconds: Record<string, number>; reprintedStories: number;
  };
  const rows = [
    ['input', `${(report.inputBytes / 1e6).toFixed(1)} MB in ${report.bulletins} bulletins, ${report.articles} articles`],
    ['output', `${(report.outputBytes / 1e6).toFixed(1)} MB SQLite (${(report.outputBytes / report.inputBytes).toFixed(2)} x input)`],
    ['engine, threads', `${report.engine}, ${report.workers} worker threads + 1 writer`],
    ['time', `${report.seconds.total.toFixed(1)} s (load ${report.seconds.load.toFixed(1)}, reprints ${report.seconds.stories.toFixed(1)}, `
      + `merge indexes ${report.seconds.optimize.toFixed(1)}, compact ${report.seconds.vacuum.toFixed(1)}); `
      + `the writer was busy ${report.seconds.writer.toFixed(1)} s of the load; wall with start-up ${wall.toFixed(1)} s`],
    ['throughput', `${report.mbPerSecond.toFixed(2)} MB/s`],
    ['peak memory', `${(report.peakRssBytes / 2 ** 20).toFixed(0)} MiB resident (process, all threads)`],
    ['reprinted stories', String(report.reprintedStories)],
  ];
  console.log(rows.map(([k, v]) => `${k.padEnd(18)} ${v}`).join('\n'));
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', `build-${date}-${mb}mb.json`);
  writeFileSync(file, `${JSON.stringify({
    date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null,
    memoryBytes: totalmem(), input: { files: folder.files, bytes: folder.bytes }, wallSeconds: wall,
    outputFileBytes: statSync(out).size, report,
  }, null, 2)}\n`);
  console.log(`results written to ${file.slice(ROOT.length)}`);
  if (!process.argv.includes('--keep')) rmSync(out, { force: true });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
