// Runs the real CLI in a child process, as scripts and the judging tools do, and collects its
// output. `node --import tsx` instead of `npm run` keeps each spawn fast; one test goes through npm.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root (tests/unit/../..). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What one CLI run produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command and collect its exit code, stdout and stderr (never rejects on exit code). */
export function runProcess(cmd: string, args: string[], cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// tsx's loader by absolute URL, so the CLI can run from any working directory.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Run `cli/main.ts <args>` from `cwd` (paths in args are relative to it). */
export function runCli(args: string[], cwd = ROOT): Promise<CliRun> {
  return runProcess(process.execPath, ['--import', TSX_LOADER, `${ROOT}cli/main.ts`, ...args], cwd);
}
