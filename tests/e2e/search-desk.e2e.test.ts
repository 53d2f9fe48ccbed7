// The query desk in a real browser: exact search while typing, facets and chips, links that
// reopen a view, history, scripts folded together, syntax hints and help, reprints counted once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { articleMatches, flat, seedArticles } from './corpus';
import { dropFiles } from './drop';
import { expectNumber, numberIn, screenshot, useHarness, waitUntilReady } from './harness';

const h = useHarness();

/** Wait until the results show the answer to `query`. */
async function settled(page: Page, query: string): Promise<void> {
  await page.locator(`[data-testid="result-list"][data-state="idle"][data-query="${query.trim().replaceAll('"', '\\"')}"]`).waitFor({ timeout: 30_000 });
}

/** A person's name from the sample corpus that appears in some but not all articles. */
function someName(): { name: string; expected: number } {
  const articles = seedArticles();
  for (const name of ['刘怀斌', '张改华', '李晓雷', '邓国永']) {
    const expected = articles.filter((a) => articleMatches(a, name)).length;
    if (expected > 0 && expected < articles.length) return { name, expected };
  }
  throw new Error('no test name occurs in the sample corpus: update someName');
}

describe('the query desk', () => {
  it('typing a name finds every article that contains it', async () => {
    const { page, errors } = await h.openApp();
    const { name, expected } = someName();
    const input = page.getByTestId('search-input');
    await input.click();
    await input.pressSequentially(name, { delay: 60 });
    await settled(page, name);
    await expectNumber(page, 'result-count', expected);
    const items = page.getByTestId('result-item');
    await expect.poll(() => items.count()).toBe(expected);
    for (const text of await items.allInnerTexts()) expect(flat(text)).toContain(name);
    // Every hit in each snippet is marked.
    const marks = await page.locator('[data-testid="result-snippet"] mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set([name]));
    expect(errors).toEqual([]);
  });

  it('clicking a facet value adds a removable filter chip', async () => {
    const { page, errors } = await h.openApp();
    await page.getByTestId('search-input').fill('学习');
    await settled(page, '学习');
    const before = await numberIn(page, 'result-count');
    const value = page.locator('[data-testid="facet-value"][data-field="district"]').first();
    const [district, count] = [await value.getAttribute('data-value'), Number(await value.getAttribute('data-count'))];
    expect(count).toBeLessThan(before);
    await value.click();
    const chip = page.getByTestId('filter-chip');
    await expect.poll(() => chip.count()).toBe(1);
    expect(await chip.innerText()).toContain(district!);
    await expectNumber(page, 'result-count', count);
    for (const text of await page.getByTestId('result-item').allInnerTexts()) expect(flat(text)).toContain('学习');
    await screenshot(page, 'search-desk.png');
    await chip.getByTestId('filter-chip-remove').click();
    await expect.poll(() => chip.count()).toBe(0);
    await expectNumber(page, 'result-count', before);
    expect(errors).toEqual([]);
  });

  it('a copied link reopens the same search and article', async () => {
    const { page, context, errors } = await h.openApp();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('search-input').fill('学习 -会议');
    await settled(page, '学习 -会议');
    await page.locator('[data-testid="facet-value"][data-field="year"]').first().click();
    await expect.poll(() => page.getByTestId('filter-chip').count()).toBe(1);
    await page.getByTestId('sort-select').selectOption('newest');
    const item = page.getByTestId('result-item').nth(1);
    await item.click();
    const headline = flat(await page.getByTestId('article-headline').innerText());
    const total = await numberIn(page, 'result-count');
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByTestId('copy-link').getAttribute('data-state')).toBe('copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('a=');

    const other = await context.newPage();
    await other.goto(link);
    await waitUntilReady(other);
    await expect.poll(() => other.getByTestId('search-input').inputValue()).toBe('学习 -会议');
    await expect.poll(() => other.getByTestId('filter-chip').count()).toBe(1);
    expect(await other.getByTestId('sort-select').inputValue()).toBe('newest');
    await expectNumber(other, 'result-count', total);
    await other.getByTestId('article-view').waitFor();
    expect(flat(await other.getByTestId('article-headline').innerText())).toBe(headline);
    // The article marks the hits and has scrolled the first into view.
    const mark = other.locator('[data-testid="article-view"] mark').first();
    await mark.waitFor();
    expect(await mark.innerText()).toBe('学习');
    expect(errors).toEqual([]);
  });

  it('back and forward restore the previous searches', async () => {
    const { page, errors } = await h.openApp();
    const input = page.getByTestId('search-input');
    for (const q of ['学习', '防汛', '红旗区']) {
      await input.fill(q);
      await settled(page, q);
      await page.waitForTimeout(1600); // a pause: the next search is a new history entry
    }
    await page.locator('[data-testid="facet-value"][data-field="district"]').first().click();
    await expect.poll(() => page.getByTestId('filter-chip').count()).toBe(1);
    await page.goBack();
    await settled(page, '红旗区');
    await expect.poll(() => page.getByTestId('filter-chip').count()).toBe(0);
    await page.goBack();
    await settled(page, '防汛');
    expect(await input.inputValue()).toBe('防汛');
    await page.goBack();
    await settled(page, '学习');
    await page.goForward();
    await settled(page, '防汛');
    await page.goForward();
    await settled(page, '红旗区');
    await page.goForward();
    await expect.poll(() => page.getByTestId('filter-chip').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('a query in traditional characters finds the simplified articles, and the reverse', async () => {
    const { page, errors } = await h.openApp();
    const expected = seedArticles().filter((a) => articleMatches(a, '学习')).length;
    await page.getByTestId('search-input').fill('學習');
    await settled(page, '學習');
    await expectNumber(page, 'result-count', expected);
    expect(await page.locator('[data-testid="result-snippet"] mark').first().innerText()).toBe('学习');
    await dropFiles(page, [{ name: '繁體簡報.txt', content: '## 鳳泉區開展學習活動\n\n本報訊 鳳泉區組織幹部學習貫徹會議精神。\n\n（鳳泉宣）\n' }]);
    await waitUntilReady(page);
    await page.getByTestId('search-input').fill('凤泉区开展学习');
    await settled(page, '凤泉区开展学习');
    await expectNumber(page, 'result-count', 1);
    expect(await page.getByTestId('result-item').innerText()).toContain('鳳泉區開展學習活動');
    expect(errors).toEqual([]);
  });

  it('invalid syntax shows a hint under the box, and the help explains the syntax', async () => {
    const { page, errors } = await h.openApp();
    await page.getByTestId('search-input').fill('date:六月 防汛');
    const hint = page.getByTestId('search-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toContain('六月');
    await settled(page, 'date:六月 防汛');
    await page.getByTestId('search-input').fill('防汛');
    await expect.poll(() => hint.count()).toBe(0);
    await page.getByTestId('search-help-toggle').click();
    const help = page.getByTestId('search-help');
    await help.waitFor();
    for (const word of ['headline:', 'district:', 'date:', 'OR', '-']) expect(await help.innerText()).toContain(word);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a story printed in two papers counts once, and the switch shows every printing', async () => {
    const { page, errors } = await h.openApp();
    const story = '## 获嘉县举办非遗剪纸展览\n\n本报讯 6月3日，获嘉县举办非遗剪纸展览，展出作品一百二十件，多为传承人近年新作。展览免费开放一个月，吸引了众多市民前来参观。\n\n据介绍，剪纸是当地流传数百年的民间艺术，近年来县里通过进校园、办培训等方式培养了一批年轻传承人。\n\n（获嘉宣）\n';
    await dropFiles(page, [
      { name: '新乡日报_2026-06-04_03.txt', content: story },
      // The reprint carries its own credit line, so the file is not the same file again.
      { name: '平原晚报_2026-06-05_02.txt', content: story.replace('（获嘉宣）', '（通讯员 李明）') },
    ]);
    await waitUntilReady(page);
    await page.getByTestId('search-input').fill('非遗剪纸');
    await settled(page, '非遗剪纸');
    await expectNumber(page, 'result-count', 1);
    expect(await numberIn(page, 'result-printings')).toBe(2);
    await page.getByTestId('every-printing').check();
    await expectNumber(page, 'result-count', 2);
    expect(errors).toEqual([]);
  });

  it('the desk fits a phone screen', async () => {
    const { page, errors } = await h.openApp({ width: 390, height: 844 });
    await page.getByTestId('search-input').fill('学习');
    await settled(page, '学习');
    await page.getByTestId('search-input').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="facets"] summary').click();
    await page.locator('[data-testid="facet-value"][data-field="year"]').first().click();
    await expect.poll(() => page.getByTestId('filter-chip').count()).toBe(1);
    await page.getByTestId('search-input').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'search-desk-phone.png');
    expect(errors).toEqual([]);
  });
});
