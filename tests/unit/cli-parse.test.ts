// The `parse` command as scripts use it: a child process, JSON on stdout, an exit code.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/decode/index';
import { parseBulletin } from '../../src/core/parse/index';
import { ROOT, runCli } from './cli-run';

const ARTICLE_KEYS = [
  'kicker', 'headline', 'subtitle', 'column', 'kind', 'lead', 'dateline', 'date', 'byline', 'credit',
  'district', 'body', 'original', 'repairs', 'flags', 'reporters', 'correspondents', 'spans',
];
const BULLETIN_KEYS = ['file', 'sha256', 'encoding', 'error', 'meta', 'articles', 'fragments'];

const UTF8_BULLETIN = `## 红旗区开展防汛应急演练

本报讯 6月8日，红旗区在卫河沿岸开展防汛应急演练，检验队伍快速反应能力。

（红旗宣）

## 牧野区推进老旧小区改造

本报讯 近日，牧野区启动第二批老旧小区改造，涉及居民一千二百余户。
`;
// '## 封丘县召开防汛会议\n\n本报讯 6月8日，封丘县召开防汛工作会议。\n\n（封丘宣）\n' in GBK: real
// users hold GBK files and never say so, and the CLI must read them like the page does.
const GBK_BULLETIN = Buffer.from(
  '232320b7e2c7f0cfd8d5d9bfaab7c0d1b4bbe1d2e90a0ab1beb1a8d1b62036d4c238c8d5a3acb7e2c7f0cfd8d5d9bfaab7c0d1b4b9a4d7f7bbe1d2e9a1a30a0aa3a8b7e2c7f0d0fba3a90a',
  'hex',
);
const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

interface Report { file: string; sha256: string | null; encoding: string | null; error: string | null;
  meta: unknown; articles: Array<Record<string, unknown>>; fragments: unknown[] }
const bulletinsOf = (stdout: string) => (JSON.parse(stdout) as { bulletins: Report[] }).bulletins;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baoxun-cli-'));
  await mkdir(join(dir, 'corpus/nested/deeper'), { recursive: true });
  await mkdir(join(dir, 'corpus/.hidden'), { recursive: true });
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'corpus/a-utf8.txt'), UTF8_BULLETIN);
  await writeFile(join(dir, 'corpus/nested/b-gbk.md'), GBK_BULLETIN);
  await writeFile(join(dir, 'corpus/nested/deeper/photo.png'), PNG_BYTES);
  await writeFile(join(dir, 'corpus/.hidden/c.txt'), UTF8_BULLETIN);
  await writeFile(join(dir, 'scan.txt'), PNG_BYTES);
  await writeFile(join(dir, 'bulletin.log'), UTF8_BULLETIN);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli parse', () => {
  it('walks a directory recursively and reports each bulletin under the path as given', async () => {
    const run = await runCli(['parse', 'corpus'], dir);
    expect(run.code).toBe(0);
    const bulletins = bulletinsOf(run.stdout);
    // Name order, hidden folders and non-bulletin extensions left out.
    expect(bulletins.map((b) => b.file)).toEqual(['corpus/a-utf8.txt', 'corpus/nested/b-gbk.md']);
    expect(run.stderr).toContain('skipped 1 file(s) without a bulletin extension: corpus/nested/deeper/photo.png');
  });

  it('gives every bulletin its hash, encoding, meta and every article field in a fixed order', async () => {
    const run = await runCli(['parse', 'corpus/a-utf8.txt', 'corpus/nested/b-gbk.md'], dir);
    expect(run.code).toBe(0);
    const [utf8, gbk] = bulletinsOf(run.stdout);
    for (const b of [utf8, gbk]) {
      expect(Object.keys(b)).toEqual(BULLETIN_KEYS);
      expect(b.error).toBeNull();
      expect(Object.keys(b.meta as object)).toEqual(['paper', 'date', 'dateSource']);
      for (const a of b.articles) expect(Object.keys(a)).toEqual(ARTICLE_KEYS);
    }
    expect(utf8.sha256).toBe(sha256(Buffer.from(UTF8_BULLETIN)));
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.articles.map((a) => a.headline)).toEqual(['红旗区开展防汛应急演练', '牧野区推进老旧小区改造']);
    expect(gbk.sha256).toBe(sha256(GBK_BULLETIN));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.articles[0].headline).toBe('封丘县召开防汛会议');
    expect(String(gbk.articles[0].original)).toContain('封丘县召开防汛工作会议');
  });

  it('prints Chinese text unescaped', async () => {
    const run = await runCli(['parse', 'corpus/a-utf8.txt'], dir);
    expect(run.stdout).toContain('"headline":"红旗区开展防汛应急演练"');
    expect(run.stdout).not.toMatch(/\\u[0-9a-f]{4}/i);
  });

  it('fails a binary file alone: exit 1, its error says what it is, the others are parsed', async () => {
    const run = await runCli(['parse', 'corpus/a-utf8.txt', 'scan.txt', 'corpus/nested'], dir);
    expect(run.code).toBe(1);
    const bulletins = bulletinsOf(run.stdout);
    expect(bulletins.map((b) => b.file)).toEqual(['corpus/a-utf8.txt', 'scan.txt', 'corpus/nested/b-gbk.md']);
    const bad = bulletins[1];
    expect(bad.error).toMatch(/PNG image/);
    expect(bad.sha256).toBe(sha256(PNG_BYTES));
    expect(bad.articles).toEqual([]);
    expect(bulletins[0].articles.length).toBe(2);
    expect(bulletins[2].articles.length).toBeGreaterThan(0);
    expect(run.stderr).toContain('scan.txt');
  });

  it('reports a missing path as a failed entry and goes on', async () => {
    const run = await runCli(['parse', 'no-such-file.txt', 'corpus/a-utf8.txt'], dir);
    expect(run.code).toBe(1);
    const [missing, good] = bulletinsOf(run.stdout);
    expect(missing).toMatchObject({ file: 'no-such-file.txt', sha256: null, encoding: null, articles: [] });
    expect(missing.error).toMatch(/no such file/);
    expect(good.error).toBeNull();
  });

  it('always attempts a file named explicitly, whatever its extension', async () => {
    const run = await runCli(['parse', 'bulletin.log'], dir);
    expect(run.code).toBe(0);
    expect(bulletinsOf(run.stdout)[0].articles.length).toBe(2);
  });

  it('reports a file reached twice once', async () => {
    const run = await runCli(['parse', 'corpus/a-utf8.txt', 'corpus'], dir);
    expect(bulletinsOf(run.stdout).map((b) => b.file)).toEqual(['corpus/a-utf8.txt', 'corpus/nested/b-gbk.md']);
  });

  it('notes a directory without bulletins on stderr and prints an empty list', async () => {
    const run = await runCli(['parse', 'empty'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ bulletins: [] });
    expect(run.stderr).toMatch(/empty: no bulletin files/);
  });

  it('treats no paths or an unknown option as a usage error: exit 2, usage on stderr, nothing on stdout', async () => {
    for (const args of [['parse'], ['parse', '--frobnicate', 'corpus']]) {
      const run = await runCli(args, dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage:');
    }
    const dashed = await runCli(['parse', '--', '--frobnicate'], dir);
    expect(dashed.code).toBe(1); // after --, it is a (missing) file name
  });

  it('prints what the core parser finds in each seed', async () => {
    const run = await runCli(['parse', 'seeds'], ROOT);
    expect(run.code).toBe(0);
    const bulletins = bulletinsOf(run.stdout);
    const seeds = (await readdir(join(ROOT, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();
    expect(bulletins.map((b) => b.file)).toEqual(seeds.map((n) => `seeds/${n}`));
    for (const b of bulletins) {
      const bytes = await readFile(join(ROOT, b.file));
      const parsed = parseBulletin(decodeBytes(bytes).text, { fileName: b.file });
      expect(b.articles.map((a) => a.headline)).toEqual(parsed.articles.map((a) => a.headline));
      expect(b.articles.map((a) => a.body)).toEqual(parsed.articles.map((a) => a.body));
      expect(b.fragments.length).toBe(parsed.fragments.length);
    }
  });
});
