// The corpus file is the whole bundle: what a user did to a corpus (a bulletin's paper and date
// corrected, reprinted stories merged and split, a dictionary word added) is in the SQLite file
// the page exports, and importing that file into another browser profile brings all of it back:
// the bulletin view shows the correction, the duplicates view the decisions, the words list the
// word, and jieba has learnt the word (a bulletin added afterwards keeps it whole in the index).
// And dictionary words an older page kept in localStorage move into the corpus, once.
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dropFiles } from './drop';
import { waitUntilReady } from './harness';
import { expectSaveState, pasteBulletin, useKeepHarness } from './keep-harness';
import { reprintableArticle, reprintBulletin } from './reprints';

const h = useKeepHarness();
const WORD = '万人助万企';
/** A bulletin holding the word, added in the second profile after the import. */
const LATER = `## 云台山推进${WORD}活动\n\n本报讯 6月3日，云台山召开${WORD}活动推进会，走访企业四十家。\n\n（云台山宣）\n`;

async function download(page: Page, testId: string): Promise<Buffer> {
  await page.getByTestId('view-search').click(); // the export menu sits above the results
  await page.getByTestId('export-menu').locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFile((await file.path())!);
}

async function openDuplicates(page: Page): Promise<void> {
  await page.getByTestId('view-duplicates').click();
  await page.locator('[data-testid="duplicates-view"][data-state="idle"] [data-testid="cluster-total"]').waitFor();
}

async function openBulletin(page: Page, name: string): Promise<void> {
  await page.getByTestId('view-bulletins').click();
  await page.getByTestId('bulletin-item').getByRole('button', { name, exact: true }).click();
  await page.locator('[data-testid="bulletin-view"] h2', { hasText: name }).waitFor();
}

async function openWords(page: Page): Promise<void> {
  await page.getByTestId('view-analysis').click();
  await page.getByTestId('analysis-tab-words').click();
}

/** The decisions the duplicates view lists, by kind. */
async function decisionKinds(page: Page): Promise<string[]> {
  await openDuplicates(page);
  return (await page.getByTestId('story-decision').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''))).sort();
}

describe('the corpus file is the bundle', () => {
  it("a corpus exported as SQLite brings the user's corrections, story decisions and words into another profile", async () => {
    const a = await h.open(await h.context());
    const first = reprintBulletin(reprintableArticle());
    const other = reprintBulletin(reprintableArticle(4, 1));
    await dropFiles(a.page, [{ name: '转载一.txt', content: first.text }, { name: '转载三.txt', content: other.text }]);
    await openDuplicates(a.page);
    await expect.poll(() => a.page.getByTestId('cluster-card').count(), { timeout: 30_000 }).toBe(2);
    // Merge the two stories, then split one printing off the merged story.
    await a.page.getByTestId('cluster-select').nth(0).check();
    await a.page.getByTestId('cluster-select').nth(1).check();
    await a.page.getByTestId('cluster-merge').click();
    await expect.poll(() => a.page.getByTestId('cluster-card').count()).toBe(1);
    await a.page.locator('[data-testid="printing"][data-role="compared"] [data-testid="cluster-split"]').first().click();
    await expect.poll(() => a.page.getByTestId('story-decision').count()).toBe(2);
    const kinds = await decisionKinds(a.page);
    expect(kinds).toEqual(['merge', 'split']);

    await openBulletin(a.page, '转载一.txt');
    await a.page.getByTestId('bulletin-paper-input').fill('测试日报');
    await a.page.getByTestId('bulletin-date-input').fill('2019年12月31日');
    await a.page.getByTestId('bulletin-meta-save').click();
    await a.page.getByTestId('bulletin-meta-saved').waitFor();

    await openWords(a.page);
    await a.page.getByTestId('user-word-input').fill(WORD);
    await a.page.getByTestId('user-word-add').click();
    await a.page.getByTestId('user-words-result').waitFor({ timeout: 30_000 });
    await waitUntilReady(a.page);

    const file = await download(a.page, 'export-sqlite');
    const SQL = await initSqlJs();
    const exported = new SQL.Database(file);
    const one = (sql: string) => exported.exec(sql)[0]?.values ?? [];
    expect(one('SELECT word, tag FROM user_words')).toEqual([[WORD, 'n']]);
    expect(one("SELECT c.paper, c.date FROM bulletin_corrections c JOIN bulletins b ON b.id = c.bulletin_id WHERE b.name = '转载一.txt'")).toEqual([['测试日报', '2019-12-31']]);
    expect(one('SELECT decision FROM story_overrides GROUP BY seq ORDER BY seq').map((r) => r[0])).toEqual(['together', 'apart']);
    exported.close();

    // Another profile: the samples first, then the file opened in their place.
    const b = await h.open(await h.context());
    await b.page.getByTestId('import-corpus').setInputFiles({ name: 'corpus.sqlite', mimeType: 'application/vnd.sqlite3', buffer: file });
    await b.page.getByTestId('import-confirm').click();
    await b.page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await waitUntilReady(b.page);

    expect(await decisionKinds(b.page)).toEqual(kinds);
    await openBulletin(b.page, '转载一.txt');
    expect(await b.page.getByTestId('bulletin-paper').innerText()).toBe('测试日报');
    expect(await b.page.getByTestId('bulletin-date').innerText()).toContain('2019-12-31');
    await openWords(b.page);
    await expect.poll(() => b.page.getByTestId('user-word').allInnerTexts()).toEqual([expect.stringContaining(WORD)]);

    // jieba in the new profile has the word: a bulletin added now indexes it as one word
    // (without it jieba cuts 万人助 / 万企, and the phrase query finds nothing).
    await b.page.getByTestId('view-search').click();
    await pasteBulletin(b.page, LATER, 1);
    const again = new SQL.Database(await download(b.page, 'export-sqlite'));
    const whole = again.exec(`SELECT count(*) FROM articles a JOIN articles_fts f ON f.rowid = a.id
      WHERE articles_fts MATCH '"${WORD}"' AND a.headline LIKE '云台山%'`)[0].values[0][0];
    expect(whole).toBe(1);
    again.close();
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});

describe('words an older page kept in this browser', () => {
  it('move into the corpus once, and stay with it after a reload', async () => {
    const context = await h.context();
    // What a page before schema version 6 left in localStorage.
    await context.addInitScript((word) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('baoxun.userWords', JSON.stringify([{ word, tag: 'n' }]));
        sessionStorage.setItem('seeded', '1');
      }
    }, WORD);
    const { page, errors } = await h.open(context);
    await openWords(page);
    await expect.poll(() => page.getByTestId('user-word').allInnerTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining(WORD)]);
    expect(await page.evaluate(() => localStorage.getItem('baoxun.userWords'))).toBeNull();
    await expectSaveState(page, 'saved');
    await page.reload();
    await waitUntilReady(page);
    await openWords(page);
    await expect.poll(() => page.getByTestId('user-word').allInnerTexts()).toEqual([expect.stringContaining(WORD)]);
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('saved');
    expect(errors).toEqual([]);
  });
});
