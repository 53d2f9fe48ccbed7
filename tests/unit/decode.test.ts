// Decoding without being told: UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030, line
// ends; and a specific error for files that are not text.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { decodeBytes, isBulletinName } from '../../src/core/decode';

const text = '## 红旗区召开会议\r\n\r\n本报讯 6月8日，红旗区召开会议。(红旗宣)\r\n';
const lf = text.replace(/\r\n/g, '\n');

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM and normalises CRLF and CR', () => {
    expect(decodeBytes(new Uint8Array(Buffer.from(text)))).toMatchObject({ text: lf, encoding: 'utf-8', bom: false, error: null });
    const bom = decodeBytes(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    expect(bom).toMatchObject({ text: lf, encoding: 'utf-8', bom: true });
    expect(decodeBytes(new Uint8Array(Buffer.from(text.replace(/\r\n/g, '\r')))).text).toBe(lf);
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true })))).toMatchObject({ text: lf, encoding: 'utf-16le' });
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'utf16be', { addBOM: true })))).toMatchObject({ text: lf, encoding: 'utf-16be' });
  });

  it('detects GBK and GB18030 without being told', () => {
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'gbk')))).toMatchObject({ text: lf, encoding: 'gb18030', error: null });
    const rare = '㐀䶵 𠀀 — 本报讯';
    expect(decodeBytes(new Uint8Array(iconv.encode(rare, 'gb18030'))).text).toBe(rare);
  });

  it('names what a binary file looks like', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(decodeBytes(png).error).toMatch(/PNG/);
    expect(decodeBytes(new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ'))).error).toMatch(/PDF/);
    expect(decodeBytes(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])).error).toMatch(/executable/);
    expect(decodeBytes(new Uint8Array([0x41, 0x42, 0, 0x43])).error).toMatch(/NUL/);
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 32);
    expect(decodeBytes(noise).error).toMatch(/not a text file/);
  });

  it('reads an empty file as empty text', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ text: '', error: null });
  });

  it('never throws on arbitrary bytes, and returns text or an error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const d = decodeBytes(bytes);
        expect(d.error === null || d.text === '').toBe(true);
        expect(d.text.includes('\r')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isBulletinName', () => {
  it('accepts .txt and .md in any case and nothing else', () => {
    expect(['a.txt', 'B.TXT', 'c.md', 'd.Markdown'].every(isBulletinName)).toBe(true);
    expect(['a.png', 'a.docx', 'txt', 'a.txt.exe', 'a.zip'].some(isBulletinName)).toBe(false);
  });
});
