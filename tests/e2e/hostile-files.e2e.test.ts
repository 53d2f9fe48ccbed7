// Hostile files dropped on the page: empty files, binaries named .txt, bytes that are no text,
// mixed encodings in one folder, GBK without a BOM, control, zero-width and bidirectional
// characters, and file names made to fool a reader. Each bad file is named with its problem,
// every other file loads, and the corpus holds exactly what it held plus the good files.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { articleCount, makeBulletin } from './corpus';
import { dropFiles, dropFolder } from './drop';
import { expectNumber, numberIn, useHarness } from './harness';
import { expectRow, fileRow, watchDialogs } from './hostile-kit';
import { resultsFor } from './keep-harness';

const h = useHarness();
const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

describe('hostile files', () => {
  it('each bad file is named with its problem while the good ones load and the corpus stays whole', async () => {
    const { page, errors } = await h.openApp();
    const before = { bulletins: await numberIn(page, 'bulletin-count'), articles: await numberIn(page, 'article-count') };
    const good = makeBulletin('枫林渡', 3);
    const gbk = makeBulletin('桂花坪', 2);
    const cut = makeBulletin('杉木冲', 2);
    // Cut one byte into its last character: the final '）' (3 bytes) loses two, the newline goes.
    const cutBytes = utf8(cut).slice(0, -3);
    expect(cut.endsWith('）\n')).toBe(true);
    await dropFiles(page, [
      { name: 'empty.txt', content: new Uint8Array() },
      { name: 'image.txt', content: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52) },
      { name: 'report.txt', content: utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n') },
      { name: 'program.txt', content: bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0) },
      { name: 'setup.txt', content: bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff) },
      { name: 'garbage.txt', content: new Uint8Array([...utf8('## 标题\n\n本报讯 '), 0xff, 0xfe, 0xfd, ...utf8('。')]) },
      { name: 'cut-short.txt', content: cutBytes },
      { name: 'gbk-no-bom.txt', content: new Uint8Array(iconv.encode(gbk, 'gbk')) },
      { name: 'good.txt', content: good },
    ]);
    expect(await expectRow(page, 'image.txt', 'error')).toMatch(/PNG/);
    expect(await expectRow(page, 'report.txt', 'error')).toMatch(/PDF/);
    expect(await expectRow(page, 'program.txt', 'error')).toMatch(/可执行程序\(ELF\)/);
    expect(await expectRow(page, 'setup.txt', 'error')).toMatch(/可执行程序\(Windows\)/);
    expect(await expectRow(page, 'garbage.txt', 'error')).toMatch(/UTF-8.*GB18030/);
    // An empty file is a bulletin with nothing in it: loaded, and its row says no article was found.
    expect(await expectRow(page, 'empty.txt', 'done')).toMatch(/(^|\D)0 篇/);
    await expectRow(page, 'cut-short.txt', 'done');
    await expectRow(page, 'gbk-no-bom.txt', 'done');
    await expectRow(page, 'good.txt', 'done');
    for (const name of ['image.txt', 'report.txt', 'program.txt', 'setup.txt', 'garbage.txt']) {
      expect(await fileRow(page, name).innerText(), 'the row names its file').toContain(name);
    }

    const loaded = [good, gbk, cut];
    await expectNumber(page, 'bulletin-count', before.bulletins + loaded.length + 1); // + the empty one
    await expectNumber(page, 'article-count', before.articles + loaded.reduce((n, t) => n + articleCount(t), 0));
    expect(await resultsFor(page, '枫林渡')).toBe(articleCount(good));
    expect(await resultsFor(page, '桂花坪')).toBe(articleCount(gbk));
    expect(await resultsFor(page, '杉木冲')).toBe(articleCount(cut));
    expect(errors).toEqual([]);
  });

  it('a folder of mixed encodings loads every bulletin, each decoded right', async () => {
    const { page, errors } = await h.openApp();
    const before = await numberIn(page, 'article-count');
    const texts = {
      'utf8.txt': makeBulletin('石岩村', 2),
      'utf8-bom.txt': makeBulletin('石门村', 2),
      'utf16le.txt': makeBulletin('石桥村', 2),
      'utf16be.md': makeBulletin('石湾村', 2),
      'gbk.txt': makeBulletin('石塘村', 2),
      // A character outside the BMP that GBK lacks: GB18030 writes it in four bytes.
      'gb18030.txt': makeBulletin('石𠮷村', 2),
    };
    const encode: Record<keyof typeof texts, (s: string) => Uint8Array> = {
      'utf8.txt': (s) => utf8(s),
      'utf8-bom.txt': (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]),
      'utf16le.txt': (s) => new Uint8Array(iconv.encode(s, 'utf-16le', { addBOM: true })),
      'utf16be.md': (s) => new Uint8Array(iconv.encode(s, 'utf-16be', { addBOM: true })),
      'gbk.txt': (s) => new Uint8Array(iconv.encode(s, 'gbk')),
      'gb18030.txt': (s) => new Uint8Array(iconv.encode(s, 'gb18030')),
    };
    const names = Object.keys(texts) as Array<keyof typeof texts>;
    await dropFolder(page, '混合编码', names.map((n) => ({ name: n, content: encode[n](texts[n]) })));
    for (const n of names) await expectRow(page, `混合编码/${n}`, 'done');
    await expectNumber(page, 'article-count', before + names.length * 2);
    for (const n of names) {
      const place = /石.+?村/u.exec(texts[n])?.[0] as string;
      expect(await resultsFor(page, place), `${n}: ${place} found`).toBe(2);
    }
    expect(errors).toEqual([]);
  });

  it('control, zero-width and bidirectional characters, and a name made to fool, stay plain text', async () => {
    const { page, errors } = await h.openApp();
    const dialogs = watchDialogs(page);
    const before = await numberIn(page, 'article-count');
    // Right-to-left override, isolates, zero-width space and joiner, a BOM mid-text, a bell,
    // a terminal escape sequence: inside the headline and the body.
    const text = `## 芦苇\u200b荡召开\u202e会议\u202c\n\n本报讯 6月8日，芦苇荡\u2066召开\u2069防汛会议。\u0007会议\u001b[31m要求\u001b[0m压实责任\ufeff，\u200d完成清淤。\n\n（芦苇荡宣）\n`;
    const name = '"; rm -rf ~ ;\u202etxt.exe\u202c<img src=x onerror=alert(1)>.txt';
    await dropFiles(page, [{ name, content: text }, { name: '..\\..\\windows\\system32.txt', content: makeBulletin('芦花岛', 1) }]);
    const row = await expectRow(page, name, 'done');
    expect(row).toContain(name); // shown as the very characters, not as markup
    await expectRow(page, '..\\..\\windows\\system32.txt', 'done');
    await expectNumber(page, 'article-count', before + articleCount(text) + 1);
    expect(await resultsFor(page, '防汛会议')).toBe(1);
    await page.getByTestId('result-item').first().click();
    const article = page.getByTestId('article-view');
    await article.waitFor();
    expect(await article.innerText()).toContain('压实责任');
    // Nothing in a name or a text became an element or ran.
    expect(await page.locator('img[onerror], [onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
