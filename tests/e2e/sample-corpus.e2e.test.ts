// A first visit: the built-in sample corpus, the language switch, and a phone-sized screen.
import { describe, expect, it } from 'vitest';
import { articleMatches, flat, seedArticles, seedFileCount } from './corpus';
import { expectNumber, screenshot, searchFor, useHarness } from './harness';

const HAN = /[\u3400-\u9fff]/;
const h = useHarness();

describe('first visit', () => {
  it('the sample corpus is loaded and counted on first visit', async () => {
    const { page, errors } = await h.openApp();
    const seeds = seedArticles();
    await expectNumber(page, 'bulletin-count', seedFileCount());
    await expectNumber(page, 'article-count', seeds.length);
    // The list shows articles with their headline and source file.
    const items = page.getByTestId('result-item');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    const first = flat(await items.first().textContent());
    const shown = seeds.find((a) => first.includes(flat(a.headline)));
    expect(shown, `the first result "${first.slice(0, 60)}" names a sample article's headline`).toBeDefined();
    expect(first).toContain(flat(shown?.file.replace(/\.txt$/, '')));
    await screenshot(page, 'sample-corpus.png');
    expect(errors).toEqual([]);
  });

  it('the language switch turns the interface to English', async () => {
    const { page, errors } = await h.openApp();
    const search = page.getByTestId('search-input');
    const label = async () => `${await search.getAttribute('placeholder') ?? ''} ${await search.getAttribute('aria-label') ?? ''}`;
    expect(await label()).toMatch(HAN); // Chinese by default
    expect(await page.getByTestId('drop-zone').innerText()).toMatch(HAN);
    await page.getByTestId('lang-switch').click();
    await expect.poll(label).not.toMatch(HAN);
    expect(await label()).toMatch(/[A-Za-z]{3}/);
    const dropText = await page.getByTestId('drop-zone').innerText();
    expect(dropText).not.toMatch(HAN);
    expect(dropText).toMatch(/[A-Za-z]{3}/);
    expect(await page.getByTestId('article-count').innerText()).not.toMatch(HAN);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    // The corpus is untouched by the switch.
    await expectNumber(page, 'article-count', seedArticles().length);
    expect(errors).toEqual([]);
  });

  it('the page works at phone width', async () => {
    const { page, errors } = await h.openApp({ width: 390, height: 844 });
    await expectNumber(page, 'article-count', seedArticles().length);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways at phone width').toBeLessThanOrEqual(0);
    const search = page.getByTestId('search-input');
    const box = await search.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await searchFor(page, '防汛', seedArticles().filter((a) => articleMatches(a, '防汛')).length);
    const item = page.getByTestId('result-item').first();
    await item.click();
    const view = page.getByTestId('article-view');
    await view.waitFor();
    const viewBox = await view.boundingBox();
    expect(viewBox!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone.png');
    expect(errors).toEqual([]);
  });
});
