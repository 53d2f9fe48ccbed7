// The page's shell paints from index.html alone: with scripts off the header, the view tabs and
// the "starting" line are there, styled by the inline CSS; and when the app takes over, its
// header and tabs sit where the shell's were, so nothing jumps (docs/performance.md, cold start).
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let harness: Promise<Harness> | null = null;
const h = () => (harness ??= startHarness());
afterAll(async () => (await harness?.catch(() => null))?.close());

/** Top and bottom of the header and of the tab strip, in CSS pixels. */
async function bands(page: Page, header: string, tabs: string) {
  return page.evaluate(([hs, ts]) => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom) };
    };
    return { header: box(hs), tabs: box(ts) };
  }, [header, tabs] as const);
}

describe('the shell', () => {
  it('shows the header, the view tabs and the starting line before any script runs, where the app then puts its own', async () => {
    const { browser, url } = await h();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    const shell = page.getByTestId('app-shell');
    expect(await shell.isVisible()).toBe(true);
    expect(await shell.locator('h1').innerText()).toBe('本报讯');
    expect(await shell.innerText()).toContain('正在启动');
    // The inline CSS applies (the page's colours, the header's double rule).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 243, 238)');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.page-header')!).borderBottomStyle)).toBe('double');
    const before = await bands(page, '.page-header', '.shell-views');
    await context.close();

    const { page: app, errors } = await h().then((x) => x.openApp({ waitReady: false }));
    await app.locator('[data-testid="app"]').waitFor();
    expect(await app.getByTestId('app-shell').count()).toBe(0);
    const after = await bands(app, '[data-testid="app"] header', '[data-testid="app"] nav');
    expect(after.header).toEqual(before.header);
    expect(Math.abs(after.tabs.bottom - before.tabs.bottom)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
  });
});
