// The corpus worker dies (it is ended from inside, as a crash or the browser would end it): the
// page says so, starts a new worker, opens the saved corpus again, and names the files the dead
// worker took with it. A worker that keeps dying is not restarted for ever.
import { describe, expect, it } from 'vitest';
import { articleCount, makeBulletin } from './corpus';
import { expectNumber, numberIn, waitUntilReady } from './harness';
import { corpusWorker, expectRow, fileRow, killCorpusWorker } from './hostile-kit';
import { expectSaveState, pasteBulletin, resultsFor, useKeepHarness } from './keep-harness';
import { dropFolder } from './drop';

const h = useKeepHarness();

describe('when the corpus worker dies', () => {
  it('the page says so, restarts the worker and the saved corpus is intact', async () => {
    const context = await h.context({ saveDelayMs: 200 });
    const { page, errors } = await h.open(context);
    const text = makeBulletin('青石桥', 3);
    await pasteBulletin(page, text, articleCount(text));
    await expectSaveState(page, 'saved');
    const bulletins = await numberIn(page, 'bulletin-count');
    const articles = await numberIn(page, 'article-count');

    const dead = await killCorpusWorker(page);
    const banner = page.getByTestId('worker-crashed');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    await page.locator('[data-testid=worker-crashed][data-state=restarted]').waitFor({ timeout: 60_000 });
    await waitUntilReady(page);
    const fresh = await corpusWorker(page, dead);
    expect(fresh).not.toBe(dead);
    expect(await page.getByTestId('worker-crashed-message').innerText()).toMatch(/重新启动/);

    // The same corpus, from the saved copy: every bulletin and article, searchable.
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    await expectNumber(page, 'bulletin-count', bulletins);
    await expectNumber(page, 'article-count', articles);
    expect(await resultsFor(page, '青石桥')).toBe(articleCount(text));
    expect(await fileRow(page, 'pasted-1.txt').getAttribute('data-status')).toBe('done');

    // The new worker loads files and saves them.
    const more = makeBulletin('白沙洲', 2);
    await pasteBulletin(page, more, articleCount(more));
    expect(await resultsFor(page, '白沙洲')).toBe(articleCount(more));
    await expectSaveState(page, 'saved');
    await page.getByTestId('worker-crashed-dismiss').click();
    await expect.poll(() => page.getByTestId('worker-crashed').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('files the dead worker was loading are named, and the corpus is what was saved', async () => {
    const context = await h.context({ saveDelayMs: 200 });
    const { page, errors } = await h.open(context);
    await expectSaveState(page, 'saved');
    const before = { bulletins: await numberIn(page, 'bulletin-count'), articles: await numberIn(page, 'article-count') };
    // Enough files that the worker is still busy with them when it dies.
    const files = Array.from({ length: 600 }, (_, i) => ({ name: `第${String(i).padStart(3, '0')}期.txt`, content: makeBulletin(`崖口${i}村`, 2) }));
    await dropFolder(page, '崖口简报', files);
    const done = page.locator('[data-testid=file-status][data-status=done][data-name^="崖口简报/"]');
    await expect.poll(() => done.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    await killCorpusWorker(page);
    await page.locator('[data-testid=worker-crashed][data-state=restarted]').waitFor({ timeout: 60_000 });
    await waitUntilReady(page);

    // Every file of the drop ends done (it was saved before the crash) or failed naming the crash.
    const rows = await page.locator('[data-testid=file-status][data-name^="崖口简报/"]').evaluateAll((els) =>
      els.map((el) => ({ name: el.getAttribute('data-name'), status: el.getAttribute('data-status'), text: (el as HTMLElement).innerText })));
    expect(rows).toHaveLength(files.length);
    const kept = rows.filter((r) => r.status === 'done');
    const failed = rows.filter((r) => r.status !== 'done');
    expect(failed.length, 'the worker died with files still waiting').toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.status).toBe('error');
      expect(r.text).toMatch(/语料处理进程意外停止/);
    }
    const interrupted = page.getByTestId('worker-crashed-interrupted');
    expect(await interrupted.innerText()).toContain('崖口简报/');

    // The corpus holds exactly the saved state: the samples and the files saved before the crash.
    await expectNumber(page, 'bulletin-count', before.bulletins + kept.length);
    await expectNumber(page, 'article-count', before.articles + kept.length * 2);
    // A failed file is not in the corpus; it can be dropped again and then loads.
    const again = failed[0].name as string;
    const original = files.find((f) => `崖口简报/${f.name}` === again);
    if (!original) throw new Error(`no file behind ${again}`);
    const place = /崖口\d+村/.exec(original.content)?.[0] as string;
    expect(await resultsFor(page, place)).toBe(0);
    await page.getByTestId('search-input').fill('');
    await dropFolder(page, '崖口简报', [original]);
    await expect.poll(() => page.locator(`[data-testid=file-status][data-status=done][data-name="${again}"]`).count(), { timeout: 60_000 }).toBe(1);
    expect(await resultsFor(page, place)).toBe(2);
    expect(errors).toEqual([]);
  });

  it('a worker that keeps dying is not restarted for ever, and the page says to reload', async () => {
    const context = await h.context({ saveDelayMs: 200 });
    const { page } = await h.open(context);
    await expectSaveState(page, 'saved');
    const articles = await numberIn(page, 'article-count');
    let dead = await killCorpusWorker(page);
    // Each restart opens the corpus in a new worker; it dies again as soon as it is there.
    for (let i = 0; i < 3; i++) dead = await killCorpusWorker(page, dead);
    await page.locator('[data-testid=worker-crashed][data-state=failed]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('worker-crashed-message').innerText()).toMatch(/不再自动重启.*重新载入页面/);
    await expect.poll(() => page.getByTestId('app').getAttribute('data-state')).toBe('error');

    // A reload opens the saved corpus as usual.
    await page.reload();
    await waitUntilReady(page);
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    await expectNumber(page, 'article-count', articles);
    expect(await page.getByTestId('worker-crashed').count()).toBe(0);
  });
});
