// Loading many files at once: the progress bar counts the files and estimates the time left, and
// the cancel button stops the load cleanly: the files loaded before it stay whole and searchable,
// the rest are listed as cancelled, and every count agrees with what is in the corpus.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { articleCount, makeBulletin, seedArticles, seedFileCount } from './corpus';
import { dropFiles, type FileSpec } from './drop';
import { expectNumber, numberIn, useHarness } from './harness';

const h = useHarness();
const FILES = 300;

/** A place name only file `i` mentions ("试验007村" is not a substring of "试验070村"). */
const place = (i: number) => `试验${String(i).padStart(3, '0')}村`;

function generatedFiles(): Array<FileSpec & { articles: number }> {
  return Array.from({ length: FILES }, (_, i) => {
    const content = makeBulletin(place(i), 8);
    return { name: `进度测试_${String(i).padStart(3, '0')}.txt`, content, articles: articleCount(content) };
  });
}

/** The state and problem of every row the drop added, by file name. */
async function rows(page: Page): Promise<Array<{ name: string; state: string; outcome: string }>> {
  return page.$$eval('[data-testid=file-status]', (els) => els
    .map((el) => ({ name: el.getAttribute('data-name') ?? '', state: el.getAttribute('data-status') ?? '', outcome: el.querySelector('[data-testid=file-outcome]')?.textContent ?? '' }))
    .filter((r) => r.name.startsWith('进度测试_')));
}

describe('ingest progress and cancel', () => {
  it('dropping 300 files shows counts and an ETA, and cancelling midway keeps what was loaded and nothing else', async () => {
    const { page, errors } = await h.openApp();
    await expectNumber(page, 'article-count', seedArticles().length);
    const files = generatedFiles();
    await dropFiles(page, files);

    // The bar appears with the files counted out of 300.
    const bar = page.getByTestId('ingest-progress');
    await bar.waitFor({ timeout: 30_000 });
    expect(Number(await bar.getAttribute('max'))).toBe(FILES);
    // Midway: some files are done, an ETA in seconds is shown, many are still waiting.
    await expect.poll(async () => Number(await bar.getAttribute('value').catch(() => '0')), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
    const eta = page.getByTestId('ingest-eta');
    await expect.poll(async () => Number(await eta.getAttribute('data-seconds')), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('ingest-counts').innerText()).toMatch(/\d+\D+300/);
    const doneBeforeCancel = Number(await bar.getAttribute('value'));
    expect(doneBeforeCancel, 'the load was still under way when cancelled').toBeLessThan(FILES - 20);
    await page.getByTestId('ingest-cancel').click();

    // The load settles: the bar goes away, every dropped file is either loaded or cancelled.
    await page.locator('[data-testid="app"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('ingest').waitFor({ state: 'detached', timeout: 30_000 });
    const settled = await rows(page);
    expect(settled).toHaveLength(FILES);
    const done = settled.filter((r) => r.state === 'done');
    const cancelled = settled.filter((r) => r.state === 'skipped');
    expect(done.length + cancelled.length, JSON.stringify(settled.filter((r) => r.state !== 'done' && r.state !== 'skipped'))).toBe(FILES);
    expect(done.length).toBeGreaterThanOrEqual(doneBeforeCancel);
    expect(cancelled.length, 'files after the cancel were not loaded').toBeGreaterThan(0);
    for (const r of cancelled) expect(r.outcome).toMatch(/取消|cancel/i);
    // Files load in order, so the loaded ones are exactly the first ones.
    const doneNames = new Set(done.map((r) => r.name));
    files.forEach((f, i) => expect(doneNames.has(f.name), f.name).toBe(i < done.length));

    // The corpus counts agree with the rows: whole bulletins, nothing half-written.
    const loadedArticles = files.slice(0, done.length).reduce((n, f) => n + f.articles, 0);
    await expectNumber(page, 'bulletin-count', seedFileCount() + done.length);
    await expectNumber(page, 'article-count', seedArticles().length + loadedArticles);

    // Search works: a loaded file's place is found, a cancelled file's place is not.
    const last = done.length - 1;
    await page.getByTestId('search-input').fill(place(last));
    await expectNumber(page, 'result-count', files[last].articles);
    await page.getByTestId('search-input').fill(place(done.length));
    await expect.poll(() => numberIn(page, 'result-count').catch(() => NaN), { timeout: 30_000 }).toBe(0);
    expect(errors).toEqual([]);
  });
});
