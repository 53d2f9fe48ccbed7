// A deployed site that carries its own corpus: the built page copied with a corpus/ folder
// (bulletin files), another corpus in other/, and a prebuilt SQLite corpus in prebuilt/ made by
// the command line (with a dictionary word added). Opening the site opens its corpus; `?corpus=` opens another one of the same
// site; a link with the query reopens the same view for anyone; another site's corpus is opened
// only after the user agrees; a corpus with the user's own files offers the export, not a link.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js/dist/sql-wasm.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeUserWords } from '../../src/core/store/user-words';
import { DIST_DIR } from '../../scripts/serve.mjs';
import { buildCorpus } from '../../cli/lib/build/build-corpus';
import { articleCount, makeBulletin } from './corpus';
import { expectNumber, numberIn, waitUntilReady } from './harness';
import { pasteBulletin, resultsFor, useKeepHarness } from './keep-harness';

const site = mkdtempSync(join(tmpdir(), 'baoxun-site-'));
const h = useKeepHarness(site);

/** The site's corpora: name → bulletin texts (the place names make their articles findable). */
const MAIN = [makeBulletin('北山镇', 3), makeBulletin('北山镇', 2)];
const OTHER = [makeBulletin('南湖乡', 4)];
const PREBUILT = [makeBulletin('东坡村', 3), makeBulletin('西岭村', 2)];
let prebuiltArticles = 0;

function writeFiles(dir: string, texts: string[]): string[] {
  mkdirSync(dir, { recursive: true });
  const names = texts.map((_, i) => `简报_2026-06-${String(10 + i).padStart(2, '0')}_${i}.txt`);
  texts.forEach((t, i) => writeFileSync(join(dir, names[i]), t));
  return names;
}

beforeAll(async () => {
  cpSync(DIST_DIR, site, { recursive: true });
  writeFileSync(join(site, 'corpus', 'manifest.json'), JSON.stringify({ files: writeFiles(join(site, 'corpus'), MAIN) }));
  writeFileSync(join(site, 'other', 'manifest.json'), JSON.stringify({ files: writeFiles(join(site, 'other'), OTHER) }));
  const src = join(site, 'prebuilt-src');
  writeFiles(src, PREBUILT);
  mkdirSync(join(site, 'prebuilt'), { recursive: true });
  const report = await buildCorpus([src], { output: join(site, 'prebuilt', 'corpus.sqlite'), jobs: 1 });
  prebuiltArticles = report.articles;
  // The publisher's dictionary word travels in the file (user_words) to every visitor.
  const file = join(site, 'prebuilt', 'corpus.sqlite');
  const db = new (await initSqlJs()).Database(readFileSync(file));
  writeUserWords(db, [{ word: '东坡村', tag: 'ns' }]);
  writeFileSync(file, db.export());
  db.close();
  writeFileSync(join(site, 'prebuilt', 'manifest.json'), JSON.stringify({ sqlite: 'corpus.sqlite' }));
}, 120_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

const total = (texts: string[]) => texts.reduce((n, t) => n + articleCount(t), 0);

describe('a site with its own corpus', () => {
  it('a site with corpus/manifest.json opens that corpus, and a link with a query reopens the view for anyone', async () => {
    const { page, errors } = await h.open(await h.context());
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('hosted');
    await expectNumber(page, 'article-count', total(MAIN));
    expect(await resultsFor(page, '北山镇')).toBe(total(MAIN));
    expect(await resultsFor(page, '会议')).toBe(MAIN.join('').split('## ').filter((a) => a.includes('会议')).length);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('q=');
    const link = page.url();

    // Someone else (a fresh browser profile) opens the link: same corpus, same results.
    const other = await h.open(await h.context(), link.slice(link.indexOf('?')));
    await other.page.locator('[data-testid=result-list][data-state=idle][data-query="会议"]').waitFor();
    expect(await numberIn(other.page, 'result-count')).toBe(await numberIn(page, 'result-count'));

    // The share dialog offers the link as it is: the corpus is the site's.
    await page.getByTestId('share-button').click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-shareable')).toBe('yes');
    expect(await page.getByTestId('share-link').inputValue()).toBe(page.url());
    await page.getByTestId('share-close').click();
    expect([...errors, ...other.errors]).toEqual([]);
  });

  it('?corpus= opens another corpus of the same site, a prebuilt SQLite file too, and links keep naming it', async () => {
    const { page, errors } = await h.open(await h.context(), '?corpus=other/manifest.json');
    expect(await page.getByTestId('storage-panel').getAttribute('data-origin')).toBe('hosted');
    await expectNumber(page, 'article-count', total(OTHER));
    expect(await resultsFor(page, '南湖乡')).toBe(total(OTHER));
    await expect.poll(() => page.evaluate(() => location.search)).toMatch(/^\?corpus=other%2Fmanifest\.json&q=/);

    const sqlite = await h.open(await h.context(), '?corpus=prebuilt/manifest.json');
    await expectNumber(sqlite.page, 'article-count', prebuiltArticles);
    expect(prebuiltArticles).toBe(total(PREBUILT));
    expect(await resultsFor(sqlite.page, '东坡村')).toBe(articleCount(PREBUILT[0]));
    await sqlite.page.getByTestId('view-analysis').click();
    await sqlite.page.getByTestId('analysis-tab-words').click();
    await expect.poll(() => sqlite.page.getByTestId('user-word').allInnerTexts()).toEqual([expect.stringContaining('东坡村')]);
    expect([...errors, ...sqlite.errors]).toEqual([]);
  });

  it('a corpus on another site is opened only after the user agrees', async () => {
    const url = await h.url();
    const foreign = url.replace('localhost', '127.0.0.1');
    const { page } = await h.open(await h.context(), `?corpus=${encodeURIComponent(`${foreign}other/manifest.json`)}`, false);
    const ask = page.getByTestId('corpus-confirm');
    await ask.waitFor();
    expect(await ask.getAttribute('data-origin')).toBe(foreign.replace(/\/$/, ''));
    expect(await page.getByTestId('app').getAttribute('data-state')).toBe('starting');
    await page.getByTestId('corpus-confirm-cancel').click();
    await waitUntilReady(page);
    // This site's own corpus instead, and the link no longer names the other one.
    await expectNumber(page, 'article-count', total(MAIN));
    expect(await page.evaluate(() => location.search)).not.toContain('corpus=');
  });

  it('a corpus holding the user\'s own files explains that the link cannot carry them and offers the export', async () => {
    const { page } = await h.open(await h.context());
    const text = makeBulletin('自家村', 2);
    await pasteBulletin(page, text, articleCount(text));
    await page.getByTestId('share-button').click();
    const dialog = page.getByTestId('share-dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-shareable')).toBe('no');
    expect(await page.getByTestId('share-private').innerText()).toMatch(/1 份简报/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.sqlite$/);
  });
});
