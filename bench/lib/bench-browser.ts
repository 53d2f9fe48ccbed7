// What the browser benchmarks share: Debian's Chromium with the machine's flags, and the bench
// page (bench/search/page: the app's real worker without its UI) built with a generated corpus.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import type { GeneratedBulletin } from '../search/corpus';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium as every benchmark runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Build the bench page into `out` with `corpus` as its hosted corpus (corpus/manifest.json). */
export async function buildBenchPage(out: string, corpus: readonly GeneratedBulletin[]): Promise<void> {
  await build({
    root: join(ROOT, 'bench/search/page'), base: './', configFile: false, logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true }, worker: { format: 'es' },
  });
  mkdirSync(join(out, 'corpus'), { recursive: true });
  for (const b of corpus) writeFileSync(join(out, 'corpus', b.name), b.text);
  writeFileSync(join(out, 'corpus', 'manifest.json'), JSON.stringify({ files: corpus.map((b) => b.name) }));
}
