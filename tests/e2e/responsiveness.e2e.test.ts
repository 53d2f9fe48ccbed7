// The page stays usable while a big batch loads: all the work happens in the worker.
import { describe, expect, it } from 'vitest';
import { articleCount, makeBulletin, seedArticles, seedFileCount } from './corpus';
import { dropFiles, type FileSpec } from './drop';
import { expectNumber, useHarness } from './harness';

const h = useHarness();

/** Han numerals for unique place names (search and dedup treat digits like any other text). */
const han = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');

describe('responsiveness', () => {
  it('the page stays responsive while a thousand files load', async () => {
    const { page, errors } = await h.openApp();
    await expectNumber(page, 'article-count', seedArticles().length);
    const files: FileSpec[] = Array.from({ length: 1000 }, (_, i) => ({
      name: `批量/第${i + 1}期.txt`,
      content: makeBulletin(`${han(i + 1)}号村`, 1 + (i % 3)),
    }));
    const added = files.reduce((n, f) => n + articleCount(f.content as string), 0);

    // Long tasks (main-thread work over 50 ms) from the moment the files are dropped.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
    });
    const observedFrom = await page.evaluate(() => performance.now());
    await dropFiles(page, files);
    // While loading, typing in the search box still gets through.
    await page.getByTestId('search-input').fill('号村');
    await expectNumber(page, 'bulletin-count', seedFileCount() + files.length, 120_000);
    await expectNumber(page, 'article-count', seedArticles().length + added, 30_000);
    // The made-up bulletins repeat twenty stories with different village names: the desk counts
    // such reprints once unless every printing is asked for.
    await page.getByTestId('every-printing').check();
    await expectNumber(page, 'result-count', added, 30_000);

    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const elapsed = await page.evaluate((t0) => performance.now() - t0, observedFrom);
    const worst = Math.max(0, ...longTasks);
    console.log(`1000 files loaded in ${(elapsed / 1000).toFixed(1)} s; main-thread long tasks: ${longTasks.length}, longest ${worst.toFixed(0)} ms`);
    expect(worst, 'the longest main-thread task while loading (ms)').toBeLessThanOrEqual(100);
    expect(errors).toEqual([]);
  });
});
