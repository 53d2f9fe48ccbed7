#!/usr/bin/env node
// The production build carries no test machinery: no trace of the browser tests' save hooks
// (window.__baoxunTestHooks is read only by a `vite build --mode e2e` build, src/main.ts) and no
// test-build mark. Usage: node scripts/check-production-build.mjs [dist-dir]; exits 1 with the
// files that hold a forbidden string. Run by scripts/test-all.mjs after the build, and by
// tests/unit/production-build.test.ts on a fresh build.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Strings a production build must not hold. */
export const FORBIDDEN = ['__baoxunTestHooks', 'baoxun-build" content="e2e'];

async function* filesUnder(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    // Source maps too: they quote the sources (comments included) that went into the bundle.
    else if (/\.(js|mjs|html|css|json|map)$/.test(e.name)) yield p;
  }
}

/** The files of `dir` holding a forbidden string, with the string. */
export async function forbiddenIn(dir) {
  const found = [];
  for await (const file of filesUnder(dir)) {
    const text = await readFile(file, 'utf8');
    for (const s of FORBIDDEN) if (text.includes(s)) found.push({ file, string: s });
  }
  return found;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist/', import.meta.url));
  const found = await forbiddenIn(dir);
  for (const f of found) console.error(`check-production-build: ${f.file} holds "${f.string}"`);
  if (found.length) process.exitCode = 1;
  else console.log(`check-production-build: ${dir} holds no test hooks`);
}
