// A corpus worker that really runs out of memory. In Chromium a worker out of JavaScript heap
// takes the whole renderer (the tab) down, so no code of the page survives to say so; what must
// hold is that the saved corpus is intact, and that the next page names what the dead tab was
// loading. The browser runs with a small heap limit so the worker reaches it in seconds.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST_DIR, startStaticServer, type RunningServer } from '../../scripts/serve.mjs';
import { articleCount, makeBulletin } from './corpus';
import { CHROMIUM_PATH, expectNumber, numberIn, waitUntilReady } from './harness';
import { corpusWorker, dropGeneratedFolder } from './hostile-kit';
import { expectSaveState, pasteBulletin, requireTestBuild, resultsFor } from './keep-harness';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
  // Every V8 heap of the browser is capped, the worker's included.
  '--js-flags=--max-old-space-size=256',
];

let started: Promise<{ server: RunningServer; browser: Browser }> | null = null;
const start = () => (started ??= (async () => {
  // The save delay below is a test hook, which only a test build reads.
  await requireTestBuild(DIST_DIR);
  const server = await startStaticServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  return { server, browser };
})());
afterAll(async () => {
  const s = await started?.catch(() => null);
  await s?.browser.close();
  await s?.server.close();
});

describe('a worker out of memory', () => {
  it('takes the tab down, the saved corpus is intact and the next page names the files it was loading', async () => {
    const { server, browser } = await start();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await context.addInitScript(() => { (window as unknown as { __baoxunTestHooks: unknown }).__baoxunTestHooks = { saveDelayMs: 200 }; });
    const first = await context.newPage();
    await first.goto(server.url);
    await waitUntilReady(first);
    const text = makeBulletin('风铃渡', 3);
    await pasteBulletin(first, text, articleCount(text));
    await expectSaveState(first, 'saved');
    const saved = { bulletins: await numberIn(first, 'bulletin-count'), articles: await numberIn(first, 'article-count') };

    // A big folder starts loading; once the page has noted it, the worker allocates until its
    // heap is full (between two files: a worker runs one task at a time).
    await dropGeneratedFolder(first, '云栖简报', 3000, '第{i}期.txt', '## {han}号坊召开会议\n\n本报讯 6月8日，{han}号坊召开防汛会议。\n\n（{han}号坊宣）\n');
    await expect.poll(() => first.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('baoxun.loading.')).map(([, v]) => v).join('')), { timeout: 30_000 })
      .toContain('云栖简报/');
    const crashed = new Promise<void>((resolve) => first.on('crash', () => resolve()));
    const worker = await corpusWorker(first);
    void worker.evaluate(() => {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(1_000_000).fill(Math.random()));
    }).catch(() => undefined);
    await crashed;

    // The next page of the site: the saved corpus, whole, and a note of the dead tab's files.
    const second = await context.newPage();
    const errors: string[] = [];
    second.on('pageerror', (e) => errors.push(e.message));
    await second.goto(server.url);
    await waitUntilReady(second);
    expect(await second.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    await expectNumber(second, 'bulletin-count', saved.bulletins);
    await expectNumber(second, 'article-count', saved.articles);
    expect(await resultsFor(second, '风铃渡')).toBe(articleCount(text));
    const banner = second.locator('[data-testid=worker-crashed][data-state=previous]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await second.getByTestId('worker-crashed-interrupted').innerText()).toContain('云栖简报/');
    // Dismissed, the note is gone for good: a third page says nothing.
    await second.getByTestId('worker-crashed-dismiss').click();
    const third = await context.newPage();
    await third.goto(server.url);
    await waitUntilReady(third);
    expect(await third.getByTestId('worker-crashed').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);
});
