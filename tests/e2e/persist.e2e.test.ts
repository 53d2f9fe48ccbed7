// Keeping the corpus in the browser: it survives a reload and a browser restart, in OPFS and in
// the IndexedDB fallback; a save cut short by a killed worker or a closed tab leaves the corpus
// saved before it intact; removing a bulletin and clearing the corpus reach the saved copy too.
import { describe, expect, it } from 'vitest';
import { articleCount, makeBulletin, seedArticles, seedFileCount } from './corpus';
import { expectNumber, numberIn, waitUntilReady } from './harness';
import { expectSaveState, pasteBulletin, readSavedFiles, resultsFor, useKeepHarness } from './keep-harness';

const h = useKeepHarness();

describe('keeping the corpus', () => {
  it('a loaded corpus is still there after a reload', async () => {
    const context = await h.context();
    const { page, errors } = await h.open(context);
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('samples');
    await expectNumber(page, 'article-count', seedArticles().length);
    const text = makeBulletin('青檀镇', 3);
    await pasteBulletin(page, text, articleCount(text));
    await expectSaveState(page, 'saved');
    expect(await page.getByTestId('storage-panel').getAttribute('data-backend')).toBe('opfs');
    const used = page.getByTestId('storage-used');
    await expect.poll(async () => Number(await used.getAttribute('data-corpus-bytes'))).toBeGreaterThan(100_000);

    await page.reload();
    await waitUntilReady(page);
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    await expectNumber(page, 'bulletin-count', seedFileCount() + 1);
    await expectNumber(page, 'article-count', seedArticles().length + articleCount(text));
    expect(await resultsFor(page, '青檀镇')).toBe(articleCount(text));
    expect(errors).toEqual([]);
  });

  it('a loaded corpus survives closing and restarting the browser', async () => {
    const profile = await h.persistentProfile();
    let browser = await profile.launch();
    let { page } = await h.open(browser);
    const text = makeBulletin('白鹭洲', 2);
    await pasteBulletin(page, text, articleCount(text));
    await expectSaveState(page, 'saved');
    await browser.close();

    browser = await profile.launch();
    ({ page } = await h.open(browser));
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    expect(await resultsFor(page, '白鹭洲')).toBe(articleCount(text));
    await browser.close();
  });

  it('the IndexedDB fallback keeps the corpus across a reload too', async () => {
    const context = await h.context({ backend: 'indexeddb' });
    const { page, errors } = await h.open(context);
    const text = makeBulletin('紫荆乡', 2);
    await pasteBulletin(page, text, articleCount(text));
    await expectSaveState(page, 'saved');
    expect(await page.getByTestId('storage-panel').getAttribute('data-backend')).toBe('indexeddb');
    await page.reload();
    await waitUntilReady(page);
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    expect(await resultsFor(page, '紫荆乡')).toBe(articleCount(text));
    expect(errors).toEqual([]);
  });
});

describe('a save that never finishes', () => {
  it('a worker killed in the middle of a save leaves the previous corpus intact', async () => {
    // Saves of the samples complete; a save holding one more bulletin stops for good halfway.
    const context = await h.context({ stallSaveAt: 0.5, stallAboveBulletins: seedFileCount(), saveDelayMs: 200 });
    const first = await h.open(context);
    await expectSaveState(first.page, 'saved');
    const saved = await numberIn(first.page, 'article-count');
    const text = makeBulletin('望江楼', 3);
    await pasteBulletin(first.page, text, articleCount(text));
    await expectSaveState(first.page, 'stalled');

    // Closing the tab kills its worker halfway through writing the slot.
    await first.page.close();
    const probe = await context.newPage();
    await probe.goto(`${await h.url()}seeds/manifest.json`);
    const files = await readSavedFiles(probe);
    const newest = files.manifests.filter((m) => !('torn' in m)).sort((a, b) => ('seq' in b ? b.seq : 0) - ('seq' in a ? a.seq : 0))[0];
    expect(newest && 'slot' in newest).toBe(true);
    if (!newest || !('slot' in newest)) throw new Error('no manifest');
    // The slot the manifest names is whole; the other one holds the torn half of the cut save.
    expect(files.slots[newest.slot]).toBe(newest.size);
    const other = newest.slot === 'a' ? 'b' : 'a';
    expect(files.slots[other]).toBeGreaterThan(0);
    expect(files.slots[other]).not.toBe(newest.size);
    await probe.close();

    // The next page opens the corpus saved before the cut save: without the pasted bulletin.
    const second = await h.open(context);
    expect(await second.page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    await expectNumber(second.page, 'article-count', saved);
    expect(await resultsFor(second.page, '望江楼')).toBe(0);

    // The same when the page is reloaded (its worker killed) in the middle of a save.
    const again = makeBulletin('鹿鸣镇', 2);
    await second.page.getByTestId('search-input').fill('');
    await pasteBulletin(second.page, again, articleCount(again));
    await expectSaveState(second.page, 'stalled');
    await second.page.reload();
    await waitUntilReady(second.page);
    await expectNumber(second.page, 'article-count', saved);
    expect(await resultsFor(second.page, '鹿鸣镇')).toBe(0);
    expect([...first.errors, ...second.errors]).toEqual([]);
  });
});

describe('removing and clearing', () => {
  it('a removed bulletin stays removed after a reload, and a cleared corpus reopens the samples', async () => {
    const context = await h.context({ saveDelayMs: 200 });
    const { page, errors } = await h.open(context);
    const text = makeBulletin('石门乡', 3);
    await pasteBulletin(page, text, articleCount(text));
    await expectSaveState(page, 'saved');
    const total = await numberIn(page, 'article-count');

    await page.getByTestId('view-bulletins').click();
    await page.getByTestId('bulletin-item').filter({ hasText: 'pasted-1.txt' }).getByRole('button').first().click();
    await page.getByTestId('bulletin-remove').click();
    await page.getByTestId('bulletin-remove-confirm').click();
    await expectNumber(page, 'article-count', total - articleCount(text));
    await expectSaveState(page, 'saved');
    await page.reload();
    await waitUntilReady(page);
    await expectNumber(page, 'article-count', total - articleCount(text));
    await page.getByTestId('view-search').click();
    expect(await resultsFor(page, '石门乡')).toBe(0);

    // Clearing empties the saved copy too: the next visit is a first visit again.
    await page.getByTestId('search-input').fill('');
    await page.getByTestId('clear-corpus').click();
    await page.getByTestId('clear-corpus').click();
    await expectNumber(page, 'article-count', 0);
    await expectSaveState(page, 'idle');
    await page.reload();
    await waitUntilReady(page);
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('samples');
    await expectNumber(page, 'article-count', seedArticles().length);
    expect(errors).toEqual([]);
  });
});
