// The dispatcher: usage errors, help, and commands that are planned or not yet present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runProcess } from './cli-run';

describe('cli dispatcher', () => {
  it('prints usage on stderr and exits 2 when no command is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: .*<command>/);
    expect(run.stderr).toContain('parse');
  });

  it('lists the commands on stdout for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/parse\s+split bulletins/);
    expect(run.stdout).toMatch(/dedup\s+/);
  });

  it('names an unknown command in a usage error', async () => {
    const run = await runCli(['frobnicate', 'seeds']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it('dispatches search to its module, which asks for a query', async () => {
    const run = await runCli(['search', 'seeds']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give the query with --query');
  });

  it('dispatches dedup to its module, or says clearly that it is missing', async () => {
    const run = await runCli(['dedup', '--help']);
    if (existsSync(join(ROOT, 'cli/commands/dedup.ts'))) {
      expect(run.stderr).not.toContain('not available');
      expect(run.stderr).not.toMatch(/internal error|ERR_MODULE_NOT_FOUND/);
    } else {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("the 'dedup' command is not available");
    }
  });

  it('prints only JSON on stdout when run through npm as scripts do', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = await runProcess(npm, ['run', '--silent', 'cli', '--', 'parse', 'seeds/003_827634933f63f40b.txt']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { bulletins: Array<{ file: string; error: string | null }> };
    expect(out.bulletins).toEqual([expect.objectContaining({ file: 'seeds/003_827634933f63f40b.txt', error: null })]);
  });
});
