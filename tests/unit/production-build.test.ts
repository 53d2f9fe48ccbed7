// The production build holds no test machinery: the browser tests' save hooks
// (window.__baoxunTestHooks) are read only by a test build (`vite build --mode e2e`). Both are
// built here into temporary folders; the test build is the control that shows the check finds
// the hooks when they are there.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { forbiddenIn } from '../../scripts/check-production-build.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function buildInto(mode: 'production' | 'e2e'): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), `baoxun-${mode}-`));
  dirs.push(out);
  await build({ root: ROOT, mode, logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  return out;
}

describe('the production build', () => {
  it('holds no trace of the test hooks, which a test build holds', async () => {
    expect(await readFile(join(ROOT, 'src/ui/lib/test-hooks.ts'), 'utf8')).toContain('__baoxunTestHooks');
    const production = await buildInto('production');
    expect(await forbiddenIn(production)).toEqual([]);
    const test = await buildInto('e2e');
    const found = [...new Set((await forbiddenIn(test)).map((f) => f.string))].sort();
    expect(found).toEqual(['__baoxunTestHooks', 'baoxun-build" content="e2e']);
  }, 180_000);
});
