// What the keeping tests need beyond the shared harness: browser contexts whose pages get test
// hooks before the app starts (window.__baoxunTestHooks), several pages in one context (a reload,
// a tab closed and another opened), browsers that keep a profile on disk (a restart), and reading
// the saved copy's files in the Origin Private File System from a page of the site.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { DIST_DIR, startStaticServer, type RunningServer } from '../../scripts/serve.mjs';
import { CHROMIUM_PATH, expectNumber, numberIn, waitUntilReady } from './harness';
import type { KeepTestHooks } from '../../src/worker/keep-protocol';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Test hooks are read only by a test build (`vite build --mode e2e`, which marks its
 *  index.html): a test that needs them fails at once, saying so, on a production build. */
export async function requireTestBuild(root: string): Promise<void> {
  const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => '');
  if (!html.includes('<meta name="baoxun-build" content="e2e"')) {
    throw new Error(`${root} is a production build, which ignores test hooks: build with \`npx vite build --mode e2e\` (npm run test:e2e does)`);
  }
}

/** A page of the app with the errors it reported. */
export interface KeptPage {
  page: Page;
  errors: string[];
}

function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`); });
  page.on('worker', (w) => w.on('console', (msg) => { if (msg.type() === 'error') errors.push(`worker console.error: ${msg.text()}`); }));
  return errors;
}

/** The served site (dist/ by default) and a browser, started by the first test that needs them. */
export function useKeepHarness(root?: string) {
  let started: Promise<{ server: RunningServer; browser: Browser }> | null = null;
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  const start = () => (started ??= (async () => {
    const server = await startStaticServer({ port: 0, ...(root ? { root } : {}) });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
    return { server, browser };
  })());
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    const s = await started?.catch(() => null);
    await s?.browser.close();
    await s?.server.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  return {
    async url(): Promise<string> {
      return (await start()).server.url;
    },
    /** A fresh browser profile (in memory); its pages get `hooks` before the app starts. */
    async context(hooks?: KeepTestHooks, opts: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
      const { browser } = await start();
      const c = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', acceptDownloads: opts.acceptDownloads ?? true });
      if (hooks) {
        await requireTestBuild(root ?? DIST_DIR);
        await c.addInitScript((h) => { (window as unknown as { __baoxunTestHooks: unknown }).__baoxunTestHooks = h; }, hooks);
      }
      contexts.push(c);
      return c;
    },
    /** A browser with a profile on disk: close it and launch again on the same folder to restart. */
    async persistentProfile(): Promise<{ launch(): Promise<BrowserContext> }> {
      await start();
      const dir = await mkdtemp(join(tmpdir(), 'baoxun-profile-'));
      dirs.push(dir);
      return {
        launch: async () => {
          const c = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: ARGS, viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
          contexts.push(c);
          return c;
        },
      };
    },
    /** Open the app (optionally with a query part) in a new page of `context`. */
    async open(context: BrowserContext, search = '', waitReady = true): Promise<KeptPage> {
      const page = await context.newPage();
      const errors = watch(page);
      await page.goto(`${(await start()).server.url}${search}`);
      if (waitReady) await waitUntilReady(page);
      return { page, errors };
    },
  };
}

/** Wait until the storage panel says the corpus is saved (or another phase). */
export async function expectSaveState(page: Page, state: string, timeout = 60_000): Promise<void> {
  await expect.poll(() => page.getByTestId('storage-panel').getAttribute('data-save-state').catch(() => null), { timeout, message: 'save state' }).toBe(state);
}

/** Paste a bulletin and wait until the article count has grown by `articles`. */
export async function pasteBulletin(page: Page, text: string, articles: number): Promise<void> {
  const before = await numberIn(page, 'article-count');
  await page.getByTestId('paste-input').fill(text);
  await page.getByTestId('paste-submit').click();
  await expectNumber(page, 'article-count', before + articles);
  await waitUntilReady(page);
}

/** Type a query and return the number of results once the list has settled on it. */
export async function resultsFor(page: Page, query: string): Promise<number> {
  await page.getByTestId('search-input').fill(query);
  await page.locator(`[data-testid=result-list][data-state=idle][data-query="${query.replace(/"/g, '\\"')}"]`).waitFor({ timeout: 30_000 });
  return numberIn(page, 'result-count');
}

/** The saved copy's files as the site's pages see them in the Origin Private File System. */
export interface SavedFiles {
  manifests: Array<{ file: string; seq: number; slot: string; size: number } | { file: string; torn: true }>;
  slots: Record<string, number>;
}

/** Read the manifests and slot sizes of the local corpus (call from a page of the site). */
export async function readSavedFiles(page: Page): Promise<SavedFiles> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await (await root.getDirectoryHandle('baoxun-corpora')).getDirectoryHandle('local');
    const out: SavedFiles = { manifests: [], slots: {} };
    for (const which of ['a', 'b']) {
      try {
        const text = await (await (await dir.getFileHandle(`manifest-${which}.json`)).getFile()).text();
        try {
          const m = JSON.parse(text) as { seq: number; slot: string; size: number };
          out.manifests.push({ file: which, seq: m.seq, slot: m.slot, size: m.size });
        } catch {
          out.manifests.push({ file: which, torn: true });
        }
      } catch { /* no such manifest */ }
      try {
        out.slots[which] = (await (await dir.getFileHandle(`slot-${which}.sqlite`)).getFile()).size;
      } catch { /* no such slot */ }
    }
    return out;
  });
}
