// The shared harness of the browser tests: serves the already-built dist/ with the same code as
// `npm start` (scripts/serve.mjs) on a free port, and drives Debian's Chromium with playwright-core.
// It builds nothing: `npm run test:e2e` builds first, so the tests see what users get.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { DIST_DIR, startStaticServer, type RunningServer } from '../../scripts/serve.mjs';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Where the screenshots the README links to are written. */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** How long the sample corpus may take to load (two WASM modules compile on a shared 2-core box). */
export const READY_TIMEOUT = 60_000;

/** A page of the app plus everything that went wrong in it. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console.error messages of the page and its worker. */
  errors: string[];
}

/** A served app and a running browser. */
export interface Harness {
  url: string;
  browser: Browser;
  /** Open the app in a fresh browser context (empty storage), by default waiting until ready. */
  openApp(opts?: { width?: number; height?: number; waitReady?: boolean }): Promise<AppPage>;
  close(): Promise<void>;
}

/** Serve dist/ and launch Chromium; fails (never skips) when either is missing. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run .ci/run or apt-get install chromium fonts-noto-cjk`);
  }
  if (!existsSync(join(DIST_DIR, 'index.html'))) {
    throw new Error('dist/index.html not found: the browser tests test the built app; run npm run test:e2e (it builds first)');
  }
  const server: RunningServer = await startStaticServer({ port: 0 });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    await server.close();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    browser,
    async openApp({ width = 1280, height = 860, waitReady = true } = {}) {
      // zh-CN like the app's users; the language switch test turns it to English itself.
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', deviceScaleFactor: 1 });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`); });
      page.on('worker', (worker) => worker.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`worker console.error: ${msg.text()}`);
      }));
      await page.goto(server.url);
      if (waitReady) await waitUntilReady(page);
      return { page, context, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/** Options of a page opened by the harness. */
export type OpenAppOptions = Parameters<Harness['openApp']>[0];

/**
 * The harness of one test file, started by the first test that opens the app and closed after
 * the file. Started lazily inside the tests (not in beforeAll) so that a missing browser fails
 * every test with the reason, rather than reporting them as skipped.
 */
export function useHarness(): { openApp(opts?: OpenAppOptions): Promise<AppPage> } {
  let started: Promise<Harness> | null = null;
  afterAll(async () => {
    const h = await started?.catch(() => null);
    await h?.close();
  });
  return { openApp: async (opts) => (await (started ??= startHarness())).openApp(opts) };
}

/** Wait for the app to say the sample corpus is loaded (data-state="ready" on the app root). */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.locator('[data-testid="app"][data-state="ready"]').waitFor({ timeout: READY_TIMEOUT });
}

/** The whole numbers in a text ("1,234 篇，第 2 页" → [1234, 2]). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

/**
 * The number an element shows. Counts carry their value in data-total / data-value (a query with
 * digits in it would otherwise be misread from the text); the visible text must then show that
 * number, or, for zero, say so in words ("没有找到" has no digit to read).
 */
export async function numberIn(page: Page, testId: string): Promise<number> {
  const el = page.getByTestId(testId).first();
  const text = (await el.innerText()).trim();
  const attr = (await el.getAttribute('data-total')) ?? (await el.getAttribute('data-value'));
  if (attr !== null && attr !== '') {
    const n = Number(attr);
    if (n !== 0 && !numbersIn(text).includes(n)) throw new Error(`[data-testid=${testId}] holds ${n} but shows ${JSON.stringify(text)}`);
    if (n === 0 && !text) throw new Error(`[data-testid=${testId}] shows nothing`);
    return n;
  }
  const [first] = numbersIn(text);
  if (first === undefined) throw new Error(`no number in [data-testid=${testId}]: ${JSON.stringify(text)}`);
  return first;
}

/** Wait until an element shows the expected number. */
export async function expectNumber(page: Page, testId: string, expected: number, timeout = 30_000): Promise<void> {
  await expect.poll(() => numberIn(page, testId).catch(() => NaN), { timeout, message: `number in ${testId}` }).toBe(expected);
}

/** Type a query into the search box and wait until the results say how many articles match. */
export async function searchFor(page: Page, query: string, expected: number): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await expectNumber(page, 'result-count', expected);
}

/** Save a screenshot of the whole page into docs/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), fullPage: false });
}
