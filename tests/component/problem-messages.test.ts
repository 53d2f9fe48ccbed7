// What the page says about each file problem, decoder failure, zip entry and repair, in Chinese
// and in English: the core gives codes and details, the page makes the sentence (problem-text.ts,
// repair-notes.ts). No English sentence of the core reaches the Chinese page.
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FileStatusList from '../../src/ui/components/FileStatusList.svelte';
import { decodeBytes } from '../../src/core/decode';
import { problem } from '../../src/core/ingest';
import type { Problem, ProblemCode } from '../../src/core/ingest/types';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { problemText } from '../../src/ui/lib/problem-text';
import { flagLabel, flagNoteText, repairNoteText } from '../../src/ui/lib/repair-notes';
import type { FileProgress } from '../../src/worker/protocol';

afterEach(() => i18n.set('zh'));

/** Every problem code with a detail as the core or the worker gives it. */
const byCode = {
  'not-bulletin': problem('not-bulletin'),
  duplicate: problem('duplicate', '七月/第1期.txt'),
  'duplicate-text': problem('duplicate-text', '七月/第1期.txt'),
  unreadable: problem('unreadable', 'not a text file: it looks like a PNG image', 'binary:png'),
  'parse-failed': problem('parse-failed', 'RangeError: x'),
  'read-failed': problem('read-failed', 'NotReadableError: x'),
  'file-too-large': problem('file-too-large', '200 MB > 64 MB'),
  'zip-invalid': problem('zip-invalid', 'invalid zip data'),
  'zip-entry-damaged': problem('zip-entry-damaged', 'CRC-32 0badf00d ≠ 12345678', 'crc'),
  'zip-too-large': problem('zip-too-large', '500 MB'),
  'zip-nested': problem('zip-nested'),
  'zip-metadata': problem('zip-metadata'),
  'fetch-failed': problem('fetch-failed', 'HTTP 404 for https://x/a.txt', 'http:404'),
  'store-failed': problem('store-failed', 'database full'),
  'worker-crashed': problem('worker-crashed', 'the corpus worker stopped'),
  'lost-in-crash': problem('lost-in-crash'),
  cancelled: problem('cancelled'),
} satisfies Record<ProblemCode, Problem>;

const bytes = (...b: number[]) => new Uint8Array([...b, ...new TextEncoder().encode('rest of the file')]);
/** Decoder failures, each through the real decoder. */
const decoderInputs: Record<string, Uint8Array> = {
  png: bytes(0x89, 0x50, 0x4e, 0x47), jpeg: bytes(0xff, 0xd8, 0xff), gif: bytes(0x47, 0x49, 0x46, 0x38),
  pdf: bytes(0x25, 0x50, 0x44, 0x46), zip: bytes(0x50, 0x4b, 0x03, 0x04), elf: bytes(0x7f, 0x45, 0x4c, 0x46),
  exe: bytes(0x4d, 0x5a), ole: bytes(0xd0, 0xcf, 0x11, 0xe0), gzip: bytes(0x1f, 0x8b),
  nul: new Uint8Array([0x41, 0, 0x42]), neither: new Uint8Array([0x80, 0x80, 0xff, 0xfe, 0x81, 0x30, 0xff]),
  control: new TextEncoder().encode('\u0001\u0002\u0003\u0004 abc'),
};
function decoderProblem(input: Uint8Array): Problem {
  const d = decodeBytes(input);
  if (!d.error) throw new Error('decoded');
  return problem('unreadable', d.error, d.reason);
}

/** An English sentence of the core: a run of three English words. */
const ENGLISH = /[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}/;

describe('problem messages', () => {
  it('says every problem code in Chinese, with its detail, and no English sentence of the core', () => {
    for (const [code, p] of Object.entries(byCode)) {
      const zh = problemText(p);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, code).not.toContain(p.message);
      const shown = p.reason ? zh : zh.replace(p.detail ?? '\u0000', '');
      expect(shown, `${code}: ${zh}`).not.toMatch(ENGLISH);
    }
    expect(problemText(byCode.duplicate)).toContain('七月/第1期.txt');
    expect(problemText(byCode['file-too-large'])).toContain('200 MB > 64 MB');
    expect(problemText(byCode['zip-entry-damaged'])).toBe('压缩包中的这个文件已损坏(校验和不符:CRC-32 0badf00d ≠ 12345678),其他文件照常载入');
    expect(problemText(byCode['fetch-failed'])).toBe('下载失败:服务器回答 HTTP 404');
  });

  it('says every problem code in English after the switch', () => {
    i18n.set('en');
    for (const [code, p] of Object.entries(byCode)) {
      const en = problemText(p);
      expect(en.replace(p.detail ?? '\u0000', ''), code).not.toMatch(/[\u4e00-\u9fff]/);
      expect(en.length, code).toBeGreaterThan(8);
    }
    expect(problemText(byCode['zip-entry-damaged'])).toBe('damaged inside its archive (its checksum does not match: CRC-32 0badf00d ≠ 12345678); the other entries load');
  });

  it('says every decoder failure in both languages by its reason', () => {
    for (const [kind, input] of Object.entries(decoderInputs)) {
      const p = decoderProblem(input);
      expect(p.reason, kind).toBeTruthy();
      i18n.set('zh');
      const zh = problemText(p);
      expect(zh, kind).toMatch(/^无法按文本读取:/);
      expect(zh, `${kind}: ${zh}`).not.toMatch(ENGLISH);
      i18n.set('en');
      expect(problemText(p), kind).toMatch(/^cannot be read as text: [^\u4e00-\u9fff]+$/);
      // The English page says what the core says (the core's sentence, less its own prefix).
      expect(p.detail!.replace(/^not readable as text: /, ''), kind).toBe(problemText(p).replace(/^cannot be read as text: /, '').replace(/; drop the archive itself as \.zip$/, ''));
    }
    i18n.set('zh');
    expect(problemText(decoderProblem(decoderInputs.elf))).toBe('无法按文本读取:不是文本文件,看起来是可执行程序(ELF)');
    i18n.set('en');
    expect(problemText(decoderProblem(decoderInputs.zip))).toMatch(/ZIP archive .*drop the archive itself as \.zip/);
    i18n.set('zh');
    expect(problemText(decoderProblem(decoderInputs.control))).toBe('无法按文本读取:不是文本文件:按 utf-8 读取时控制字符太多(二进制数据?)');
  });

  it('names the file beside its message in the file list', () => {
    const row: FileProgress = { key: 'k', name: '坏文件.txt', source: 'file', state: 'error', articles: 0, fragments: 0, encoding: null, problem: decoderProblem(decoderInputs.pdf) };
    render(FileStatusList, { files: [row] });
    const shown = screen.getByTestId('file-status');
    expect(shown).toHaveTextContent('坏文件.txt');
    expect(screen.getByTestId('file-outcome')).toHaveTextContent('无法按文本读取:不是文本文件,看起来是 PDF 文档');
  });

  it('says repair and flag notes as the parser writes them in the page\'s language', () => {
    const notes = {
      echo: repairNoteText({ type: 'echo', note: 'printed again: the first copy is in paragraph 2 (93% alike)' }),
      join: repairNoteText({ type: 'join', note: 'joined a sentence split by a column or page break' }),
      dropped: repairNoteText({ type: 'join', note: 'joined a sentence split by a break; dropped 「体系」 printed twice across it' }),
      foreign: repairNoteText({ type: 'foreign', note: 'pasted from «全区召开会议»: continues in article 2 («全区召开会议»)' }),
      flag: flagNoteText({ type: 'foreign', note: 'a passage of «全区召开会议» pasted here: here it is a paragraph of its own' }),
      headless: flagNoteText({ type: 'no-headline', note: 'a story that opens with a lead but has no headline above it' }),
    };
    expect(notes).toEqual({
      echo: '与第 2 段重复(93% 相同)', join: '此处原有分栏或换页,已接续', dropped: '已接续;跨断处重复的“体系”已删',
      foreign: '属于《全区召开会议》', flag: '《全区召开会议》的一段文字串到了这里', headless: '这篇稿件以导语开头,上面没有标题',
    });
    expect(flagLabel({ type: 'foreign' })).toBe('串文');
    i18n.set('en');
    expect(repairNoteText({ type: 'echo', note: 'printed again: the first copy is in paragraph 2' })).toBe('repeats paragraph 2');
    expect(flagLabel({ type: 'no-headline' })).toBe('no headline');
    // A note of a shape the page does not know is shown as written.
    expect(repairNoteText({ type: 'join', note: 'page break' })).toBe('page break');
  });
});
