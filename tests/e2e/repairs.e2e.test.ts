// Repairs shown where they happened in an article, in real Chromium on the sample corpus: echoes
// and pasted passages struck through with a note, the pasted one linking to its own article, and
// the switch between the clean and the original text.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flat, seedArticles, type SeedArticle } from './corpus';
import { screenshot, useHarness } from './harness';

const h = useHarness();

/** Open a sample article through the bulletin view, as a reader would. */
async function openSample(page: Page, a: SeedArticle): Promise<void> {
  await page.getByTestId('view-bulletins').click();
  await page.getByTestId('bulletin-item').getByRole('button', { name: a.file, exact: true }).click();
  await page.getByTestId('bulletin-article').filter({ hasText: a.headline.replaceAll('**', '') }).first().getByRole('button').click();
  await page.getByTestId('article-view').waitFor();
  await expect.poll(async () => flat(await page.getByTestId('article-headline').innerText())).toBe(flat(a.headline));
}

describe('repairs in the article view', () => {
  it('the 刘怀斌 echo in the first sample article is struck through with a note', async () => {
    const first = seedArticles()[0];
    const echoes = first.repairs.filter((r) => r.type === 'echo');
    expect(echoes.some((r) => r.original.includes('刘怀斌'))).toBe(true);
    const { page, errors } = await h.openApp();
    await openSample(page, first);

    const marks = page.locator('[data-testid="article-body"] [data-testid="repair-inline"][data-type="echo"]');
    await expect.poll(() => marks.count()).toBe(echoes.length);
    const liu = marks.filter({ hasText: '刘怀斌' }).first();
    const struck = liu.locator('del');
    expect(flat(await struck.innerText())).toBe(flat(echoes.find((r) => r.original.includes('刘怀斌'))!.original));
    expect(await struck.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
    // The note says what it is and where the first copy is.
    const note = await liu.getByTestId('repair-note').innerText();
    expect(note).toContain('重复');
    expect(note).toMatch(/第 \d+ 段/);
    // The clean text around it is the clean body: struck passages aside, nothing else changed.
    const clean = await page.getByTestId('article-body').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-testid="repair-inline"]').forEach((m) => m.remove());
      return copy.textContent ?? '';
    });
    expect(flat(clean)).toBe(flat(first.body));
    // Joins are marked where the break was.
    expect(await page.locator('[data-testid="article-body"] [data-testid="repair-inline"][data-type="join"]').count())
      .toBe(first.repairs.filter((r) => r.type === 'join').length);
    await liu.scrollIntoViewIfNeeded();
    await screenshot(page, 'repairs-inline.png');

    // The original text: exactly as in the file, the echo present and marked.
    await page.getByTestId('text-mode-original').click();
    const original = page.getByTestId('article-body');
    await expect.poll(() => original.getAttribute('data-mode')).toBe('original');
    expect(await original.evaluate((el) => el.textContent)).toBe(first.original);
    expect(await original.locator('[data-testid="repair-inline"][data-type="echo"]').count()).toBe(echoes.length);
    await page.getByTestId('text-mode-clean').click();
    await expect.poll(() => page.getByTestId('article-body').getAttribute('data-mode')).toBe('clean');
    expect(errors).toEqual([]);
  });

  it('the pasted 魏海晓 paragraph links to the article it belongs to', async () => {
    const articles = seedArticles();
    const host = articles.find((a) => a.repairs.some((r) => r.type === 'foreign' && r.original.includes('魏海晓')));
    expect(host, 'a sample article holds the pasted 魏海晓 passage').toBeDefined();
    const flag = host!.flags.find((f) => f.type === 'foreign' && f.belongsTo !== undefined)!;
    const owner = articles.filter((a) => a.file === host!.file)[flag.belongsTo!];
    expect(owner.body).toContain('魏海晓');

    for (const width of [1280, 390]) {
      const { page, errors } = await h.openApp({ width, height: width > 500 ? 860 : 844 });
      await openSample(page, host!);
      const pasted = page.locator('[data-testid="article-body"] [data-testid="repair-inline"][data-type="foreign"]').filter({ hasText: '魏海晓' });
      await pasted.waitFor();
      expect(await pasted.locator('del').evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
      const link = pasted.getByTestId('repair-owner');
      expect(flat(await link.innerText())).toContain(flat(owner.headline).slice(0, 8));
      await pasted.scrollIntoViewIfNeeded();
      await screenshot(page, width > 500 ? 'repairs-pasted.png' : 'repairs-pasted-phone.png');
      if (width < 500) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
      await link.click();
      await expect.poll(async () => flat(await page.getByTestId('article-headline').innerText())).toBe(flat(owner.headline));
      expect(await page.getByTestId('article-body').innerText()).toContain('魏海晓');
      expect(errors).toEqual([]);
    }
  });
});
