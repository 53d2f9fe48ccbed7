// The SQL console's own worker dies (ended from inside, as a crash or the browser would end it):
// the console says so, the next query starts a new worker on a fresh copy, and the corpus and
// the rest of the page are untouched (the console only ever held a read-only copy).
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedArticles } from './corpus';
import { expectNumber, numberIn, useHarness } from './harness';
import { resultsFor } from './keep-harness';

const h = useHarness();

/** The SQL console's worker (built as console-worker-<hash>.js), other than `not`. */
async function consoleWorker(page: Page, not?: Worker): Promise<Worker> {
  let found: Worker | undefined;
  await expect.poll(() => {
    found = page.workers().find((w) => /\/console-worker-[^/]*\.js/.test(w.url()) && w !== not);
    return found !== undefined;
  }, { timeout: 30_000, message: 'an SQL console worker in the page' }).toBe(true);
  return found as Worker;
}

async function run(page: Page, sql: string): Promise<void> {
  await page.getByTestId('sql-input').fill(sql);
  await page.getByTestId('sql-run').click();
  await page.locator('[data-testid="sql-console"][data-state="done"]').waitFor({ timeout: 30_000 });
}

describe('when the SQL console worker dies', () => {
  it('the console says so and the next query restarts it, with the corpus intact', async () => {
    const { page, errors } = await h.openApp();
    const articles = seedArticles().length;
    const bulletins = await numberIn(page, 'bulletin-count');
    await page.getByTestId('view-sql').click();
    await run(page, 'SELECT count(*) FROM articles');
    expect(await page.getByTestId('sql-row').first().innerText()).toContain(String(articles));

    const dead = await consoleWorker(page);
    // The console watches it through its lifeline lock before it dies.
    await expect.poll(() => page.evaluate(async () => (await navigator.locks.query()).pending?.length ?? 0)).toBeGreaterThanOrEqual(2);
    const closed = new Promise<void>((resolve) => dead.once('close', () => resolve()));
    void dead.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
    await closed;
    const notice = page.getByTestId('sql-crashed');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.innerText()).toMatch(/意外停止.*下次运行查询时会自动重新启动.*语料不受影响/s);

    // The next query runs on a new worker; the notice goes.
    await run(page, 'SELECT count(*) FROM articles');
    expect(await page.getByTestId('sql-row').first().innerText()).toContain(String(articles));
    const fresh = await consoleWorker(page, dead);
    expect(fresh).not.toBe(dead);
    expect(await page.getByTestId('sql-crashed').count()).toBe(0);

    // The corpus and its worker were never touched.
    await expectNumber(page, 'bulletin-count', bulletins);
    await expectNumber(page, 'article-count', articles);
    await page.getByTestId('view-search').click();
    expect(await resultsFor(page, '会议')).toBeGreaterThan(0);
    expect(await page.getByTestId('worker-crashed').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
