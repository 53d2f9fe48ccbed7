// A bulletin full of HTML, Markdown and template tricks, under a file name made of markup, is
// shown as text wherever the page shows corpus text: the result list, the article, its source,
// the bulletin view and the SQL console grid. Nothing in it runs: no dialog opens, no flag is
// set, and no element with an event handler, no frame and no javascript: link is in the page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { articleCount } from './corpus';
import { dropFiles } from './drop';
import { expectNumber, numberIn, useHarness } from './harness';
import { expectRow, watchDialogs } from './hostile-kit';
import { resultsFor } from './keep-harness';

const h = useHarness();

// (No double underscores: the parser reads __x__ as Markdown emphasis and drops the marks.)
const HEADLINE = '<script>window.pwned=1;alert(1)</script>蒲公英村召开会议';
const BULLETIN = [
  '<img src=x onerror="window.pwned=2;alert(2)">蒲公英报 第3版',
  '',
  `## ${HEADLINE}`,
  '',
  '本报讯 6月8日，蒲公英村召开会议。<svg onload="window.pwned=3;alert(3)"></svg>[点我](javascript:alert(4))',
  '<a href="javascript:window.pwned=5;alert(5)">链接</a><iframe src="javascript:alert(6)"></iframe>',
  '',
  '**粗体** _斜体_ `代码` {@html "<b>x</b>"} ${alert(7)} {{constructor.constructor("alert(8)")()}}',
  '<style>body{display:none}</style><form action="https://example.com"><input name=q></form>',
  '',
  '（蒲公英村宣）',
  '',
].join('\n');
const NAME = '<img src=x onerror=alert(9)>蒲公英.md';

/** Everything in the page that would mean markup from the corpus became live. */
async function liveMarkup(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as unknown as { pwned?: unknown }).pwned ?? null,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 80)),
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    forms: document.querySelectorAll('form[action]').length,
    hiddenBody: getComputedStyle(document.body).display === 'none',
  }));
}

const NOTHING_LIVE = { pwned: null, handlers: [], frames: 0, jsLinks: 0, inlineScripts: 0, forms: 0, hiddenBody: false };

describe('untrusted text on screen', () => {
  it('a bulletin of markup and tricks is shown as text in every view, and none of it runs', async () => {
    const { page, errors } = await h.openApp();
    const dialogs = watchDialogs(page);
    const before = await numberIn(page, 'article-count');
    await dropFiles(page, [{ name: NAME, content: BULLETIN }]);
    expect(await expectRow(page, NAME, 'done')).toContain(NAME);
    await expectNumber(page, 'article-count', before + articleCount(BULLETIN));

    // The result list and the article view.
    expect(await resultsFor(page, '蒲公英')).toBe(articleCount(BULLETIN));
    expect(await page.getByTestId('result-list').innerText()).toContain('<script>');
    await page.getByTestId('result-item').first().click();
    await page.getByTestId('article-view').waitFor();
    expect(await page.getByTestId('article-headline').innerText()).toContain(HEADLINE);
    const body = await page.getByTestId('article-view').innerText();
    expect(body).toContain('[点我](javascript:alert(4))');
    expect(body).toContain('<a href="javascript:window.pwned=5;alert(5)">链接</a>');
    expect(await liveMarkup(page)).toEqual(NOTHING_LIVE);

    // The bulletin view: the list and the bulletin with its articles.
    await page.getByTestId('view-bulletins').click();
    const item = page.getByTestId('bulletin-item').filter({ hasText: '蒲公英.md' });
    await item.waitFor();
    expect(await item.innerText()).toContain(NAME);
    await item.getByRole('button').first().click();
    await page.getByTestId('bulletin-view').waitFor();
    const bulletin = await page.getByTestId('bulletin-view').innerText();
    expect(bulletin).toContain(HEADLINE);
    expect(bulletin).toContain('<img src=x onerror="window.pwned=2;alert(2)">蒲公英报'); // page furniture, kept as text
    expect(await liveMarkup(page)).toEqual(NOTHING_LIVE);

    // The SQL console's grid.
    await page.getByTestId('view-sql').click();
    await page.getByTestId('sql-input').fill("SELECT headline, body FROM articles WHERE headline LIKE '%蒲公英%'");
    await page.getByTestId('sql-run').click();
    await page.locator('[data-testid="sql-console"][data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sql-grid').innerText()).toContain(HEADLINE);
    expect(await liveMarkup(page)).toEqual(NOTHING_LIVE);

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
