// The command line on hostile folders (tests/unit/hostile-cli.test.ts has the single bad files):
// mixed encodings in one folder, bytes that are no text, UTF-8 cut inside a character, a .zip
// named as a bulletin, and a folder of 10,000 files, timed. Every file is reported by name.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoxun-hostile-cli-'));
  dirs.push(dir);
  return dir;
}

const bulletin = (place: string) => `## ${place}召开防汛会议\n\n本报讯 6月8日，${place}召开防汛工作会议。（${place}宣）\n`;
type Reported = { file: string; encoding: string | null; error: string | null; articles: Array<{ headline: string }> };

describe('the CLI on hostile folders', () => {
  it('reads a folder of mixed encodings, names the files that are no text, and reads UTF-8 cut short', async () => {
    const dir = folder();
    const files: Record<string, Buffer> = {
      'utf8.txt': Buffer.from(bulletin('石岩村')),
      'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bulletin('石门村'))]),
      'utf16le.txt': iconv.encode(bulletin('石桥村'), 'utf-16le', { addBOM: true }),
      'utf16be.txt': iconv.encode(bulletin('石湾村'), 'utf-16be', { addBOM: true }),
      'gbk.txt': iconv.encode(bulletin('石塘村'), 'gbk'),
      'gb18030.txt': iconv.encode(bulletin('石𠮷村'), 'gb18030'),
      'garbage.txt': Buffer.from([...Buffer.from('## 标题\n\n本报讯 '), 0xff, 0xfe, 0xfd]),
      'cut.txt': Buffer.from(bulletin('杉木冲')).subarray(0, -3), // one byte into the final '）'
      'archive.zip.txt': Buffer.from(zipSync({ 'a.txt': strToU8(bulletin('藏宝洞')) })),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const run = await runCli(['parse', dir]);
    expect(run.code).toBe(1);
    const by = Object.fromEntries((JSON.parse(run.stdout).bulletins as Reported[]).map((b) => [b.file.split('/').pop(), b]));
    expect(Object.keys(by).sort()).toEqual(Object.keys(files).sort());
    const expectedEncoding: Record<string, string> = {
      'utf8.txt': 'utf-8', 'utf8-bom.txt': 'utf-8', 'utf16le.txt': 'utf-16le', 'utf16be.txt': 'utf-16be', 'gbk.txt': 'gb18030', 'gb18030.txt': 'gb18030',
    };
    for (const [name, encoding] of Object.entries(expectedEncoding)) {
      expect(by[name], name).toMatchObject({ encoding, error: null });
      expect(by[name].articles[0].headline).toMatch(/^石.+村召开防汛会议$/u);
    }
    expect(by['gb18030.txt'].articles[0].headline).toBe('石𠮷村召开防汛会议');
    expect(by['garbage.txt'].error).toMatch(/neither valid UTF-8 nor GB18030/);
    expect(by['cut.txt']).toMatchObject({ encoding: 'utf-8', error: null });
    expect(by['cut.txt'].articles[0].headline).toBe('杉木冲召开防汛会议');
    expect(by['archive.zip.txt'].error).toMatch(/ZIP archive/);
    expect(run.stderr).toContain('garbage.txt');
  }, 120_000);

  it('parses a folder of 10,000 files, each reported', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'many'));
    for (let i = 0; i < 10_000; i++) writeFileSync(join(dir, 'many', `第${String(i).padStart(5, '0')}期.txt`), bulletin(`${i}号村`));
    const t0 = Date.now();
    const run = await runCli(['parse', join(dir, 'many')]);
    const seconds = (Date.now() - t0) / 1000;
    console.log(`CLI parse of 10,000 files: ${seconds.toFixed(1)} s`);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout).bulletins as Reported[];
    expect(out).toHaveLength(10_000);
    expect(out.every((b) => b.error === null && b.articles.length === 1)).toBe(true);
    expect(out[9_999].file).toMatch(/第09999期\.txt$/);
    expect(seconds).toBeLessThan(120);
  }, 180_000);
});
