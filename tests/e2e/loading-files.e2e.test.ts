// Loading a user's own files: dropped, picked, as a folder, as a zip; and files that are not
// bulletins. Each test starts from a fresh page with the sample corpus and checks the counts grow
// by exactly what the core parser finds in the new files.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleCount, makeBulletin, PNG_BYTES, seedArticles, seedFileCount } from './corpus';
import { dropFiles, dropFolder } from './drop';
import { expectNumber, numberIn, useHarness } from './harness';

const h = useHarness();
let tmp: string;
beforeAll(async () => { tmp = await mkdtemp(join(tmpdir(), 'baoxun-e2e-')); });
afterAll(async () => { if (tmp) await rm(tmp, { recursive: true, force: true }); });

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The status row of one file, found by the name it shows. */
const statusOf = (page: Page, name: string) => page.getByTestId('file-status').filter({ hasText: name });

/** Wait until the file's status says `status`, and return its text. */
async function expectStatus(page: Page, name: string, status: string): Promise<string> {
  const row = statusOf(page, name).first();
  await expect.poll(() => row.getAttribute('data-status').catch(() => null), { timeout: 30_000, message: `status of ${name}` }).toBe(status);
  return row.innerText();
}

/** The counts before a test adds files: the whole sample corpus. */
async function sampleCounts(page: Page) {
  await expectNumber(page, 'bulletin-count', seedFileCount());
  await expectNumber(page, 'article-count', seedArticles().length);
  return { bulletins: seedFileCount(), articles: seedArticles().length };
}

/** Search for a place name and expect exactly `n` results. */
async function expectFound(page: Page, place: string, n: number) {
  await page.getByTestId('search-input').fill(place);
  await expectNumber(page, 'result-count', n);
  await page.getByTestId('search-input').fill('');
}

describe('loading files', () => {
  it('dropping a bulletin file adds its articles', async () => {
    const { page, errors } = await h.openApp();
    const before = await sampleCounts(page);
    const dropped = makeBulletin('青檀镇', 3);
    await dropFiles(page, [{ name: '青檀镇简报_2026-06-10.txt', content: dropped }]);
    const status = await expectStatus(page, '青檀镇简报_2026-06-10.txt', 'done');
    // The per-file status says how many articles were found.
    expect(status.replace('青檀镇简报_2026-06-10.txt', '')).toMatch(new RegExp(`(^|\\D)${articleCount(dropped)}(\\D|$)`));
    await expectNumber(page, 'bulletin-count', before.bulletins + 1);
    await expectNumber(page, 'article-count', before.articles + articleCount(dropped));
    await expectFound(page, '青檀镇', articleCount(dropped));

    // The file picker does the same.
    const picked = makeBulletin('紫荆乡', 2);
    await page.getByTestId('file-input').setInputFiles([{ name: '紫荆乡.md', mimeType: 'text/markdown', buffer: Buffer.from(picked) }]);
    await expectStatus(page, '紫荆乡.md', 'done');
    await expectNumber(page, 'bulletin-count', before.bulletins + 2);
    await expectNumber(page, 'article-count', before.articles + articleCount(dropped) + articleCount(picked));
    await expectFound(page, '紫荆乡', articleCount(picked));
    expect(errors).toEqual([]);
  });

  it('dropping a folder adds every bulletin in it', async () => {
    const { page, errors } = await h.openApp();
    const before = await sampleCounts(page);
    // Five files over two levels: more than one batch of the directory reader.
    const files = [
      { name: '一版.txt', content: makeBulletin('白桦村', 2) },
      { name: '二版.md', content: makeBulletin('白桦村', 3).replaceAll('白桦村', '白桦屯') },
      { name: '说明.docx', content: PNG_BYTES },
      { name: '六月/三版.txt', content: makeBulletin('白桦岭', 1) },
      { name: '六月/四版.txt', content: makeBulletin('白桦岭', 4).replaceAll('白桦岭', '白桦沟') },
    ];
    const { entryCalls, lateCalls } = await dropFolder(page, '白桦简报', files);
    expect(entryCalls, 'the app reads dropped folders with webkitGetAsEntry').toBeGreaterThan(0);
    expect(lateCalls, 'the app called webkitGetAsEntry after the drop event (a browser returns null then)').toBe(0);
    const bulletins = files.filter((f) => /\.(txt|md)$/.test(f.name));
    const added = bulletins.reduce((n, f) => n + articleCount(f.content as string), 0);
    await expectNumber(page, 'bulletin-count', before.bulletins + bulletins.length);
    await expectNumber(page, 'article-count', before.articles + added);
    await expectFound(page, '白桦', added);
    await expectStatus(page, '说明.docx', 'skipped');
    expect(errors).toEqual([]);
  });

  it('choosing a folder with the folder picker adds every bulletin in it', async () => {
    const { page, errors } = await h.openApp();
    const before = await sampleCounts(page);
    const folder = join(tmp, '柳林简报');
    await mkdir(join(folder, '七月'), { recursive: true });
    const a = makeBulletin('柳林镇', 2);
    const b = makeBulletin('柳林街', 3);
    await writeFile(join(folder, '一版.txt'), a);
    await writeFile(join(folder, '七月', '二版.md'), b);
    await writeFile(join(folder, '七月', 'cover.png'), PNG_BYTES);
    await page.getByTestId('folder-input').setInputFiles(folder);
    await expectNumber(page, 'bulletin-count', before.bulletins + 2);
    await expectNumber(page, 'article-count', before.articles + articleCount(a) + articleCount(b));
    await expectFound(page, '柳林', articleCount(a) + articleCount(b));
    await expectStatus(page, 'cover.png', 'skipped');
    expect(errors).toEqual([]);
  });

  it('a zip of bulletins is unpacked and loaded', async () => {
    const { page, errors } = await h.openApp();
    const before = await sampleCounts(page);
    const a = makeBulletin('梧桐镇', 3);
    const b = makeBulletin('梧桐乡', 2);
    const zip = zipSync({
      '梧桐镇.txt': utf8(a),
      '六月/梧桐乡.md': utf8(b),
      '六月/版面图.png': PNG_BYTES,
    });
    await page.getByTestId('file-input').setInputFiles([{ name: '梧桐合订本.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }]);
    await expectNumber(page, 'bulletin-count', before.bulletins + 2);
    await expectNumber(page, 'article-count', before.articles + articleCount(a) + articleCount(b));
    await expectFound(page, '梧桐', articleCount(a) + articleCount(b));
    await expectStatus(page, '版面图.png', 'skipped');
    expect(errors).toEqual([]);
  });

  it('pasting a bulletin\'s text adds its articles', async () => {
    const { page, errors } = await h.openApp();
    const before = await sampleCounts(page);
    const pasted = makeBulletin('榆树庄', 2);
    await page.getByTestId('paste-input').fill(pasted);
    await page.getByTestId('paste-submit').click();
    await expectNumber(page, 'bulletin-count', before.bulletins + 1);
    await expectNumber(page, 'article-count', before.articles + articleCount(pasted));
    await expectFound(page, '榆树庄', articleCount(pasted));
    expect(await page.getByTestId('paste-input').inputValue(), 'the box is emptied for the next paste').toBe('');
    expect(errors).toEqual([]);
  });

  it('a non-bulletin file is skipped with a message naming it', async () => {
    const { page, errors } = await h.openApp();
    const before = await sampleCounts(page);
    const good = makeBulletin('桑园村', 2);
    await dropFiles(page, [
      { name: 'photo.png', content: PNG_BYTES, type: 'image/png' },
      { name: '桑园村.txt', content: good },
    ]);
    const message = await expectStatus(page, 'photo.png', 'skipped');
    expect(message).toContain('photo.png');
    expect(message.replace('photo.png', '').trim().length, 'the status says why, not only the name').toBeGreaterThan(0);
    await expectStatus(page, '桑园村.txt', 'done');
    await expectNumber(page, 'bulletin-count', before.bulletins + 1);
    await expectNumber(page, 'article-count', before.articles + articleCount(good));
    expect(errors).toEqual([]);
  });

  it('a damaged file fails with its reason while the others load', async () => {
    const { page, errors } = await h.openApp();
    const before = await sampleCounts(page);
    const good = makeBulletin('杏花村', 2);
    await dropFiles(page, [
      { name: 'scan.txt', content: PNG_BYTES },
      { name: '杏花村.txt', content: good },
    ]);
    const message = await expectStatus(page, 'scan.txt', 'error');
    expect(message.replace('scan.txt', '')).toMatch(/PNG|图|image|二进制|binary|文本|text/i);
    await expectStatus(page, '杏花村.txt', 'done');
    await expectNumber(page, 'article-count', before.articles + articleCount(good));
    expect(await numberIn(page, 'bulletin-count')).toBe(before.bulletins + 1);
    expect(errors).toEqual([]);
  });
});
