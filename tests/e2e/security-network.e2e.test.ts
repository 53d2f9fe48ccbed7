// No request leaves the page except for the app's own files and a corpus the user chose. Every
// request of the browser context (page, workers, service worker) is recorded while a person uses
// every view; a link naming another site's corpus fetches nothing from it until the user agrees;
// a corpus manifest cannot send the page to a third site.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR, startStaticServer, type RunningServer } from '../../scripts/serve.mjs';
import { articleCount, makeBulletin } from './corpus';
import { dropFiles } from './drop';
import { expectNumber, numberIn, waitUntilReady } from './harness';
import { expectRow } from './hostile-kit';
import { pasteBulletin, resultsFor, useKeepHarness } from './keep-harness';

// A copy of the built site with two corpora of its own: one plain, one whose manifest names a
// file on a third site (a server of its own, on another port).
const site = mkdtempSync(join(tmpdir(), 'baoxun-net-'));
const h = useKeepHarness(site);
let third: RunningServer;
const OWN = makeBulletin('银杏坪', 2);

beforeAll(async () => {
  cpSync(DIST_DIR, site, { recursive: true });
  third = await startStaticServer({ port: 0, root: site });
  mkdirSync(join(site, 'other'), { recursive: true });
  writeFileSync(join(site, 'other', 'own.txt'), OWN);
  writeFileSync(join(site, 'other', 'manifest.json'), JSON.stringify({ files: ['own.txt'] }));
  mkdirSync(join(site, 'leaky'), { recursive: true });
  writeFileSync(join(site, 'leaky', 'own.txt'), OWN);
  writeFileSync(join(site, 'leaky', 'manifest.json'), JSON.stringify({ files: ['own.txt', `${third.url}other/own.txt`] }));
  mkdirSync(join(site, 'leaky-sqlite'), { recursive: true });
  writeFileSync(join(site, 'leaky-sqlite', 'manifest.json'), JSON.stringify({ sqlite: `${third.url}corpus.sqlite` }));
});
afterAll(async () => {
  await third?.close();
  rmSync(site, { recursive: true, force: true });
});

/** Record every request of a browser context: its URL. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The requests that went anywhere but `origin` (data: and blob: URLs never leave the page). */
function elsewhere(urls: string[], origin: string): string[] {
  return urls.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
}

describe('network requests', () => {
  it('using every view of the page requests nothing outside its own site', async () => {
    const context = await h.context();
    const urls = recordRequests(context);
    const { page, errors } = await h.open(context);
    const origin = new URL(page.url()).origin;
    const text = makeBulletin('枇杷湾', 3);
    await pasteBulletin(page, text, articleCount(text));
    await dropFiles(page, [{ name: '枇杷湾二.txt', content: makeBulletin('枇杷坡', 2) }]);
    await expectRow(page, '枇杷湾二.txt', 'done');
    expect(await resultsFor(page, '枇杷')).toBeGreaterThan(0);
    await page.getByTestId('result-item').first().click();
    await page.getByTestId('article-view').waitFor();
    for (const view of ['bulletins', 'people', 'analysis', 'duplicates', 'sql']) {
      await page.getByTestId(`view-${view}`).click();
      await expect.poll(() => page.getByTestId('app').getAttribute('data-view')).toBe(view);
    }
    await page.getByTestId('sql-input').fill('SELECT count(*) FROM articles');
    await page.getByTestId('sql-run').click();
    await page.locator('[data-testid="sql-console"][data-state="done"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('view-search').click();
    await page.reload();
    await waitUntilReady(page);

    // The requests were real: the page's files, the samples, the WASM modules.
    expect(urls.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(urls.some((u) => u.includes('/seeds/'))).toBe(true);
    expect(elsewhere(urls, origin)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("a link naming another site's corpus fetches nothing from it until the user agrees, then only that corpus", async () => {
    const url = await h.url();
    const foreign = url.replace('localhost', '127.0.0.1').replace(/\/$/, '');
    const link = `?corpus=${encodeURIComponent(`${foreign}/other/manifest.json`)}`;

    const declined = await h.context();
    const seen = recordRequests(declined);
    const first = await h.open(declined, link, false);
    await first.page.getByTestId('corpus-confirm').waitFor();
    await first.page.waitForTimeout(1000); // time for anything eager to go out
    expect(seen.filter((u) => u.startsWith(foreign))).toEqual([]);
    await first.page.getByTestId('corpus-confirm-cancel').click();
    await waitUntilReady(first.page);
    expect(seen.filter((u) => u.startsWith(foreign))).toEqual([]);

    const agreed = await h.context();
    const asked = recordRequests(agreed);
    const second = await h.open(agreed, link, false);
    await second.page.getByTestId('corpus-confirm-open').click();
    // Whether another site lets this one read its files is that site's choice (CORS); what the
    // page asks for is the corpus the user agreed to, under its folder, and nothing else.
    await expect.poll(() => asked.filter((u) => u.startsWith(foreign)).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await second.page.waitForTimeout(1000);
    const theirs = asked.filter((u) => u.startsWith(foreign));
    expect(theirs.every((u) => u.startsWith(`${foreign}/other/`)), theirs.join('\n')).toBe(true);
    expect(elsewhere(asked, new URL(url).origin).filter((u) => !u.startsWith(foreign))).toEqual([]);
  });

  it('a corpus manifest naming a file or a database on a third site does not make the page fetch it', async () => {
    const context = await h.context();
    const urls = recordRequests(context);
    const { page } = await h.open(context, '?corpus=leaky/manifest.json');
    const origin = new URL(page.url()).origin;
    await expectNumber(page, 'article-count', articleCount(OWN));
    expect(await resultsFor(page, '银杏坪')).toBe(articleCount(OWN));
    const refused = await expectRow(page, `${third.url}other/own.txt`, 'error');
    expect(refused).toMatch(/不在语料所在的网站.*上,没有下载/);
    expect(await numberIn(page, 'bulletin-count')).toBe(1);

    const other = await h.context();
    const more = recordRequests(other);
    const sqlite = await h.open(other, '?corpus=leaky-sqlite/manifest.json', false);
    await sqlite.page.locator('[data-testid=app][data-state=error], [data-testid=app][data-state=ready]').waitFor({ timeout: 60_000 });
    await sqlite.page.waitForTimeout(500);
    expect(elsewhere([...urls, ...more], origin)).toEqual([]);
  });
});
