// Searching the sample corpus and opening what was found.
import { describe, expect, it } from 'vitest';
import { articleMatches, flat, seedArticles } from './corpus';
import { expectNumber, screenshot, searchFor, useHarness } from './harness';

const h = useHarness();

/** A query that matches some but not all sample articles, so a change of results is visible. */
function pickQuery(): { query: string; expected: number } {
  const articles = seedArticles();
  for (const query of ['防汛', '党建', '志愿', '乡村振兴', '人大', '红旗区']) {
    const expected = articles.filter((a) => articleMatches(a, query)).length;
    if (expected > 0 && expected < articles.length) return { query, expected };
  }
  throw new Error('no test query matches the sample corpus: update pickQuery');
}

describe('search', () => {
  it('typing in the search box updates the results', async () => {
    const { page, errors } = await h.openApp();
    const total = seedArticles().length;
    const { query, expected } = pickQuery();
    const search = page.getByTestId('search-input');
    await search.click();
    await search.pressSequentially(query, { delay: 80 });
    await expectNumber(page, 'result-count', expected);
    const items = page.getByTestId('result-item');
    await expect.poll(() => items.count()).toBe(expected);
    for (const text of await items.allInnerTexts()) expect(flat(text)).toContain(query);
    await screenshot(page, 'search.png');

    // Text found nowhere: no results, said so.
    await search.fill('');
    await search.pressSequentially('绝无此词', { delay: 50 });
    await expectNumber(page, 'result-count', 0);
    expect(await items.count()).toBe(0);

    // Clearing the box brings every article back.
    await search.fill('');
    await expectNumber(page, 'result-count', total);
    expect(errors).toEqual([]);
  });

  it('clicking a result opens the article with its original text', async () => {
    const { page, errors } = await h.openApp();
    const { query, expected } = pickQuery();
    await searchFor(page, query, expected);
    const item = page.getByTestId('result-item').first();
    const itemText = flat(await item.innerText());
    const article = seedArticles().find((a) => articleMatches(a, query) && itemText.includes(flat(a.headline)));
    expect(article, `the result "${itemText.slice(0, 50)}" is a sample article matching ${query}`).toBeDefined();
    await item.click();
    const view = page.getByTestId('article-view');
    await view.waitFor();
    expect(flat(await view.innerText())).toContain(flat(article!.headline));
    // The original text may sit in a collapsed <details>: open it as a reader would.
    const original = page.getByTestId('article-original');
    await original.waitFor();
    if (await original.evaluate((el) => el instanceof HTMLDetailsElement && !el.open)) {
      await original.locator('summary').click();
    }
    await expect.poll(async () => flat(await original.innerText())).toContain(flat(article!.original));
    expect(errors).toEqual([]);
  });
});
