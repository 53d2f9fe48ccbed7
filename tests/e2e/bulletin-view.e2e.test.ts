// The bulletin view in real Chromium: what the parser made of a file, in page order, and a
// correction of the bulletin's date that the articles' dates follow.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeBytes, isBulletinName } from '../../src/core/decode/index';
import { parseBulletin } from '../../src/core/parse/index';
import type { ParsedBulletin } from '../../src/core/types';
import { SEEDS_DIR, flat } from './corpus';
import { screenshot, useHarness } from './harness';

const h = useHarness();

interface Seed {
  name: string;
  text: string;
  parsed: ParsedBulletin;
}

function seeds(): Seed[] {
  return readdirSync(SEEDS_DIR).filter(isBulletinName).sort().map((name) => {
    const text = decodeBytes(readFileSync(join(SEEDS_DIR, name))).text;
    return { name, text, parsed: parseBulletin(text, { fileName: name }) };
  });
}

/** Articles and fragments of a parse in page order, as the view lists them. */
function pageOrder(p: ParsedBulletin): Array<{ type: 'article' | 'fragment'; text: string; reason?: string }> {
  return [
    ...p.articles.map((a) => ({ type: 'article' as const, start: a.spans.article.start, end: a.spans.article.end, text: a.headline, reason: undefined })),
    ...p.fragments.map((f) => ({ type: 'fragment' as const, start: f.span.start, end: f.span.end, text: f.text, reason: f.reason })),
  ].sort((x, y) => x.start - y.start || x.end - y.end).map(({ type, text, reason }) => ({ type, text, ...(reason ? { reason } : {}) }));
}

async function openBulletin(page: Page, name: string): Promise<void> {
  await page.getByTestId('view-bulletins').click();
  await page.getByTestId('bulletin-item').getByRole('button', { name, exact: true }).click();
  await page.locator(`[data-testid="bulletin-view"] h2`, { hasText: name }).waitFor();
}

/** The pieces on screen, in order. */
async function shownPieces(page: Page) {
  return page.locator('[data-testid="bulletin-article"], [data-testid="bulletin-fragment"]').evaluateAll((els) =>
    els.map((el) => ({
      type: el.getAttribute('data-testid') === 'bulletin-article' ? 'article' : 'fragment',
      text: el.textContent ?? '',
      reason: el.getAttribute('data-reason'),
    })));
}

describe('bulletin view', () => {
  it('the bulletin view shows articles and the orphan fragment in page order', async () => {
    const seed = seeds().find((s) => s.parsed.fragments.some((f) => f.reason === 'orphan'));
    expect(seed, 'a sample bulletin with an orphan paragraph').toBeDefined();
    const { page, errors } = await h.openApp();
    await page.getByTestId('view-bulletins').click();
    const items = page.getByTestId('bulletin-item');
    await expect.poll(() => items.count()).toBe(seeds().length);
    const item = items.filter({ hasText: seed!.name });
    expect(flat(await item.innerText())).toContain(`${seed!.parsed.articles.length}`);
    await openBulletin(page, seed!.name);

    const expected = pageOrder(seed!.parsed);
    const shown = await shownPieces(page);
    expect(shown.map((p) => p.type)).toEqual(expected.map((p) => p.type));
    shown.forEach((p, i) => {
      if (p.type === 'article') expect(flat(p.text)).toContain(flat(expected[i].text));
      else {
        expect(p.reason).toBe(expected[i].reason);
        expect(flat(p.text)).toContain(flat(expected[i].text).slice(0, 40));
      }
    });
    const orphan = page.locator('[data-testid="bulletin-fragment"][data-reason="orphan"]').first();
    expect(await orphan.innerText()).toContain('孤立段落');
    await screenshot(page, 'bulletin-view.png');

    // An article of the bulletin opens in the reader.
    await page.getByTestId('bulletin-article').first().getByRole('button').click();
    expect(flat(await page.getByTestId('article-headline').innerText())).toBe(flat(seed!.parsed.articles[0].headline));
    expect(errors).toEqual([]);
  });

  it("correcting a bulletin's date updates its articles' dates", async () => {
    const dated = /^\d{1,2}月\d{1,2}日/;
    const seed = seeds().find((s) => s.parsed.articles.filter((a) => dated.test(a.dateline ?? '')).length >= 2);
    expect(seed, 'a sample bulletin with dated articles').toBeDefined();
    const corrected = parseBulletin(seed!.text, { fileName: seed!.name, date: '2019-12-31', paper: '测试日报' });
    const { page, errors } = await h.openApp();
    await openBulletin(page, seed!.name);

    await page.getByTestId('bulletin-paper-input').fill('测试日报');
    await page.getByTestId('bulletin-date-input').fill('2019年12月31日');
    await page.getByTestId('bulletin-meta-save').click();
    await page.getByTestId('bulletin-meta-saved').waitFor();
    expect(await page.getByTestId('bulletin-date').innerText()).toContain('2019-12-31');
    expect(await page.getByTestId('bulletin-paper').innerText()).toBe('测试日报');

    const dates = await page.getByTestId('bulletin-article-date').allInnerTexts();
    expect(dates).toEqual(corrected.articles.map((a) => a.date ?? a.dateline ?? '—'));
    expect(dates.filter((d) => d.startsWith('2019-')).length).toBe(corrected.articles.filter((a) => dated.test(a.dateline ?? '')).length);

    // The article view and the SQL console see the new dates too.
    const index = corrected.articles.findIndex((a) => dated.test(a.dateline ?? ''));
    await page.getByTestId('bulletin-article').nth(0).waitFor();
    await page.locator('[data-testid="bulletin-article"]').filter({ hasText: corrected.articles[index].headline.replaceAll('**', '') }).first().getByRole('button').click();
    await expect.poll(() => page.locator('[data-field="date"] dd').innerText()).toContain(corrected.articles[index].date!);
    expect(await page.locator('[data-field="paper"] dd').innerText()).toBe('测试日报');
    await page.getByTestId('view-sql').click();
    await page.getByTestId('sql-input').fill(`SELECT a.date FROM articles a JOIN bulletins b ON b.id = a.bulletin_id
      WHERE b.name = '${seed!.name}' ORDER BY a.idx`);
    await page.getByTestId('sql-run').click();
    await page.locator('[data-testid="sql-console"][data-state="done"]').waitFor();
    const sqlDates = await page.getByTestId('sql-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[role="gridcell"]')?.textContent));
    expect(sqlDates).toEqual(corrected.articles.map((a) => a.date ?? 'NULL'));

    // Cleared again, the bulletin goes back to what its file says.
    await page.getByTestId('view-bulletins').click();
    await page.getByTestId('bulletin-paper-input').fill('');
    await page.getByTestId('bulletin-date-input').fill('');
    await page.getByTestId('bulletin-meta-save').click();
    await expect.poll(() => page.getByTestId('bulletin-article-date').allInnerTexts()).toEqual(seed!.parsed.articles.map((a) => a.date ?? a.dateline ?? '—'));
    expect(errors).toEqual([]);
  });

  it('the bulletin view fits a phone screen', async () => {
    const seed = seeds()[0];
    const { page, errors } = await h.openApp({ width: 390, height: 844 });
    await page.getByTestId('view-bulletins').click();
    await page.getByTestId('bulletin-item').first().waitFor();
    await screenshot(page, 'bulletin-list-phone.png');
    await openBulletin(page, seed.name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow of the page (px)').toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
