// Offline: after one visit the service worker has cached the page, its scripts, styles, WASM and
// the samples, and the corpus is saved in the browser, so the page opens and searches with the
// network gone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/core/parse/index';
import { articleMatches, makeBulletin, articleCount, seedArticles } from './corpus';
import { expectNumber, waitUntilReady } from './harness';
import { expectSaveState, pasteBulletin, resultsFor, useKeepHarness } from './keep-harness';

const h = useKeepHarness();

/** Wait until a service worker controls the page and has cached every file of its list. */
async function waitForOfflineCache(page: Page): Promise<number> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
  return page.evaluate(async () => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('baoxun-'));
    if (keys.length !== 1) throw new Error(`expected one cache, found ${keys.join(', ')}`);
    return (await (await caches.open(keys[0])).keys()).length;
  });
}

describe('offline', () => {
  it('the page works offline after the first visit', async () => {
    const context = await h.context();
    const { page } = await h.open(context);
    const text = makeBulletin('落霞湾', 2);
    await pasteBulletin(page, text, articleCount(text));
    await expectSaveState(page, 'saved');
    const cached = await waitForOfflineCache(page);
    expect(cached).toBeGreaterThan(10);
    // The WASM files are among them.
    const wasm = await page.evaluate(async () => {
      const key = (await caches.keys()).find((k) => k.startsWith('baoxun-'))!;
      return (await (await caches.open(key)).keys()).map((r) => r.url).filter((u) => u.endsWith('.wasm')).length;
    });
    expect(wasm).toBeGreaterThanOrEqual(2);

    await context.setOffline(true);
    // A new page (not just a reload from memory) with the network gone: everything comes from
    // the service worker's cache and the saved corpus.
    const offline = await context.newPage();
    await offline.goto(`${await h.url()}?q=${encodeURIComponent('会议')}`);
    await waitUntilReady(offline);
    expect(await offline.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    await expectNumber(offline, 'article-count', seedArticles().length + articleCount(text));
    expect(await resultsFor(offline, '落霞湾')).toBe(articleCount(text));
    const all = [...seedArticles(), ...parseBulletin(text).articles];
    expect(await resultsFor(offline, '会议')).toBe(all.filter((a) => articleMatches(a, '会议')).length);
    // Opening an article works too.
    await offline.getByTestId('result-item').first().click();
    await offline.getByTestId('article-view').waitFor();
    expect(await offline.evaluate(() => navigator.onLine)).toBe(false);
    await context.setOffline(false);
  });
});
