// Level 1: the same bulletin in two files (equal bytes, or equal text after decoding and
// whitespace normalisation) is recognised; different bulletins are not.
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/decode/index';
import { duplicateFileGroups, fileIdentity, sha256Hex } from '../../src/core/dedup/index';

const TEXT = '## 红旗区召开防汛会议\n\n本报讯 6月8日，红旗区召开防汛工作会议，部署汛期安全工作。\n\n（红旗宣）\n';
// TEXT encoded as GBK/GB18030: a user's GBK copy of the same bulletin.
const GBK = Uint8Array.from(Buffer.from(
  '232320baecc6ecc7f8d5d9bfaab7c0d1b4bbe1d2e90a0ab1beb1a8d1b62036d4c238c8d5a3acbaecc6ecc7f8d5d9bfaab7c0d1b4b9a4d7f7bbe1d2e9a3acb2bfcaf0d1b4c6dab0b2c8abb9a4d7f7a1a30a0aa3a8baecc6ecd0fba3a90a',
  'hex',
));
const utf8 = (s: string) => new TextEncoder().encode(s);
const identityOf = (bytes: Uint8Array) => fileIdentity(decodeBytes(bytes).text);

describe('fileIdentity', () => {
  it('is the same for a UTF-8 file, its GBK copy, a CRLF copy and a re-wrapped copy', () => {
    const id = identityOf(utf8(TEXT));
    expect(identityOf(GBK)).toBe(id);
    expect(identityOf(utf8(TEXT.replace(/\n/g, '\r\n')))).toBe(id);
    expect(identityOf(utf8('\ufeff' + TEXT.replace('部署汛期', '部署\n汛期') + '\n\n  '))).toBe(id);
  });

  it('differs when one character of the text differs (including punctuation width)', () => {
    const id = fileIdentity(TEXT);
    expect(fileIdentity(TEXT.replace('6月8日', '6月9日'))).not.toBe(id);
    expect(fileIdentity(TEXT.replace('，', ','))).not.toBe(id);
    expect(fileIdentity('')).not.toBe(fileIdentity(' x'));
  });
});

describe('sha256Hex', () => {
  it('matches the standard test vector', async () => {
    expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('duplicateFileGroups', () => {
  it('groups files with equal bytes or equal text, the first given first, and leaves unique files out', async () => {
    const files = [
      { name: 'a.txt', bytes: utf8(TEXT) },
      { name: 'other.txt', bytes: utf8(TEXT.replace('防汛', '防火')) },
      { name: 'a-gbk.txt', bytes: GBK },
      { name: 'a-copy.txt', bytes: utf8(TEXT) },
      { name: 'scan.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2]) },
      { name: 'scan-copy.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2]) },
    ];
    const prints = await Promise.all(files.map(async (f) => {
      const d = decodeBytes(f.bytes);
      return { name: f.name, sha256: await sha256Hex(f.bytes), identity: d.error === null ? fileIdentity(d.text) : null };
    }));
    expect(duplicateFileGroups(prints)).toEqual([['a.txt', 'a-gbk.txt', 'a-copy.txt'], ['scan.png', 'scan-copy.png']]);
  });

  it('returns no groups when every file is different', () => {
    expect(duplicateFileGroups([
      { name: 'x', sha256: '1', identity: 'i1' },
      { name: 'y', sha256: '2', identity: 'i2' },
      { name: 'z', sha256: '3', identity: null },
    ])).toEqual([]);
  });
});
