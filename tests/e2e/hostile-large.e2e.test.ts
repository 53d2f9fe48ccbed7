// Big input, made inside the page (nothing of it on disk): a 200 MB text file (refused at once
// with the size limit named), a large file under the limit (loaded with the tab's memory
// bounded), a single line of five million characters, and a folder of 10,000 files (timed, the
// page responsive throughout). Memory is Chromium's renderer resident size, sampled from /proc.
import { describe, expect, it } from 'vitest';
import { articleCount, makeBulletin } from './corpus';
import { expectNumber, numberIn, useHarness, waitUntilReady } from './harness';
import {
  dropGenerated, dropGeneratedFolder, expectRow, longTasks, pageHeapMegabytes, rendererMegabytes, watchLongTasks, watchRendererMemory,
} from './hostile-kit';
import { resultsFor } from './keep-harness';

const h = useHarness();
const MB = 1024 * 1024;

describe('big input', () => {
  it('a 200 MB text file is refused at once with the size limit named, and the others load', async () => {
    const { page, errors } = await h.openApp();
    const before = { bulletins: await numberIn(page, 'bulletin-count'), articles: await numberIn(page, 'article-count') };
    const good = makeBulletin('松涛岭', 2);
    const memory = watchRendererMemory();
    const t0 = Date.now();
    await dropGenerated(page, [
      { name: 'huge-200MB.txt', content: { repeat: '会议强调，要坚持高质量发展，推进乡村全面振兴。\n', bytes: 200 * MB, prefix: '## 超大文件\n\n' } },
      { name: '松涛岭.txt', content: { repeat: good, bytes: 1 } },
    ]);
    const message = await expectRow(page, 'huge-200MB.txt', 'error');
    expect(message).toMatch(/文件太大/);
    expect(message).toMatch(/200 MB > 64 MB/); // the file's size and the limit, both named
    await expectRow(page, '松涛岭.txt', 'done');
    await waitUntilReady(page);
    const seconds = (Date.now() - t0) / 1000;
    const peak = memory.stop();
    console.log(`200 MB file refused in ${seconds.toFixed(1)} s; renderer peak ${peak} MB, page heap ${await pageHeapMegabytes(page)} MB`);
    expect(seconds).toBeLessThan(30);
    // The file is never read: the tab holds the Blob the test made, not a copy per stage.
    if (peak) expect(peak).toBeLessThan(900);
    await expectNumber(page, 'bulletin-count', before.bulletins + 1);
    await expectNumber(page, 'article-count', before.articles + articleCount(good));
    expect(errors).toEqual([]);
  });

  it('a 12 MB bulletin of different stories loads with the tab\'s memory bounded', async () => {
    const { page, errors } = await h.openApp();
    const before = await numberIn(page, 'article-count');
    const memory = watchRendererMemory();
    const t0 = Date.now();
    await dropGenerated(page, [{ name: 'big-12MB.txt', content: { articles: 12 * MB } }]);
    const row = await expectRow(page, 'big-12MB.txt', 'done', 300_000);
    await waitUntilReady(page);
    const seconds = (Date.now() - t0) / 1000;
    const peak = memory.stop();
    const added = Number(/([\d,]+) 篇/.exec(row)?.[1].replaceAll(',', ''));
    console.log(`12 MB bulletin: ${added} articles in ${seconds.toFixed(1)} s; renderer peak ${peak} MB`);
    expect(added).toBeGreaterThan(3000);
    await expectNumber(page, 'article-count', before + added);
    if (peak) expect(peak).toBeLessThan(1500);
    expect(errors).toEqual([]);
  }, 400_000);

  it('a single line of five million characters loads, and the page stays responsive', async () => {
    const { page, errors } = await h.openApp();
    const before = await numberIn(page, 'article-count');
    await watchLongTasks(page);
    const memory = watchRendererMemory();
    const t0 = Date.now();
    const good = makeBulletin('长林坡', 1);
    // A bulletin exported without a single line break: a headline, then 5 M characters of prose.
    await dropGenerated(page, [
      { name: 'one-line.txt', content: { line: 5_000_000, headline: '长行镇召开会议' } },
      { name: '长林坡.txt', content: { repeat: good, bytes: 1 } },
    ]);
    // While it loads, typing still reaches the page.
    await page.getByTestId('search-input').fill('长行镇');
    const row = await expectRow(page, 'one-line.txt', 'done', 300_000);
    await expectRow(page, '长林坡.txt', 'done');
    await waitUntilReady(page);
    const seconds = (Date.now() - t0) / 1000;
    const peak = memory.stop();
    const tasks = await longTasks(page);
    console.log(`5 M-character line loaded in ${seconds.toFixed(1)} s; renderer peak ${peak} MB; long tasks ${tasks.count}, longest ${tasks.longest} ms`);
    expect(row).toMatch(/(^|\D)1 篇/);
    await expectNumber(page, 'article-count', before + 1 + articleCount(good));
    expect(await resultsFor(page, '长林坡')).toBe(articleCount(good));
    // The article opens with its headline and its whole body (the view does not freeze on it).
    expect(await resultsFor(page, '长行镇')).toBe(1);
    await page.getByTestId('result-item').first().click();
    await page.getByTestId('article-view').waitFor();
    expect(await page.getByTestId('article-headline').innerText()).toContain('长行镇召开会议');
    const shown = await page.getByTestId('article-view').evaluate((el) => el.textContent?.length ?? 0);
    expect(shown).toBeGreaterThan(5_000_000);
    expect(tasks.longest, 'the longest main-thread task while loading (ms)').toBeLessThanOrEqual(250);
    if (peak) expect(peak).toBeLessThan(2048);
    expect(errors).toEqual([]);
  }, 400_000);

  it('a folder of 10,000 files loads with the page responsive throughout', async () => {
    const { page, errors } = await h.openApp();
    // The pages of the tests before are closed, so the renderer measured is this page's alone.
    for (const c of page.context().browser()?.contexts() ?? []) if (c !== page.context()) await c.close();
    const before = { bulletins: await numberIn(page, 'bulletin-count'), articles: await numberIn(page, 'article-count') };
    await watchLongTasks(page);
    const idle = Math.max(0, ...rendererMegabytes());
    const memory = watchRendererMemory();
    const t0 = Date.now();
    await dropGeneratedFolder(page, '万份简报', 10_000, '第{i}期.txt',
      '## {han}号村召开防汛会议\n\n本报讯 6月8日，{han}号村召开防汛工作会议，部署河道清淤和堤坝巡查。\n\n（{han}号村宣）\n');
    // The page answers while the files load.
    await page.getByTestId('search-input').fill('号村');
    await expectNumber(page, 'bulletin-count', before.bulletins + 10_000, 900_000);
    await waitUntilReady(page);
    const seconds = (Date.now() - t0) / 1000;
    const peak = memory.stop();
    const tasks = await longTasks(page);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`10,000 files loaded in ${seconds.toFixed(1)} s; renderer ${idle} MB before, peak ${peak} MB, page heap ${await pageHeapMegabytes(page)} MB, ${nodes} elements; long tasks ${tasks.count}, longest ${tasks.longest} ms`);
    await expectNumber(page, 'article-count', before.articles + 10_000);
    // Every file is accounted for: the summary counts them all, none failed, none still waiting.
    const summary = page.getByTestId('file-summary');
    expect(await summary.getAttribute('data-total')).toBe(String(before.bulletins + 10_000));
    expect(await summary.getAttribute('data-done')).toBe(String(before.bulletins + 10_000));
    expect(await summary.getAttribute('data-pending')).toBe('0');
    // So many files start the list on their problems only: none here.
    expect(await page.getByTestId('file-filter-problems').isChecked()).toBe(true);
    await page.getByTestId('file-no-problems').waitFor();
    // Shown all, only the rows in view are in the page, and scrolling reaches the last file.
    await page.getByTestId('file-filter-problems').uncheck();
    const list = page.getByTestId('file-list');
    expect(await list.getAttribute('data-windowed')).toBe('true');
    expect(await page.getByTestId('file-status').count()).toBeLessThan(100);
    await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expectRow(page, '万份简报/第9999期.txt', 'done');
    // Each progress event costs the page the rows it changed (file-rows.svelte.ts), once per
    // frame: no task near the 200 ms at which a click or a keystroke feels stuck.
    expect(tasks.longest, 'the longest main-thread task while loading (ms)').toBeLessThanOrEqual(200);
    // Measured 650 MB (312 MB before the drop); it was 0.9 to 1.9 GB with every row in the page.
    if (peak) expect(peak).toBeLessThan(1200);
    expect(errors).toEqual([]);
  }, 1_000_000);
});
