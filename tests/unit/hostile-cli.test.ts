// Hostile input on the command line: each bad file gets a specific message naming it and the
// problem, and every other file in the same run is still parsed and reported.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { runCli } from './cli-run';

const good = '## 红旗区召开会议\n\n本报讯 6月8日，红旗区召开会议。(红旗宣)\n';

describe('the CLI on hostile input', () => {
  it('reports each bad file by name with its problem and parses the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baoxun-hostile-'));
    const files: Record<string, Buffer> = {
      'empty.txt': Buffer.alloc(0),
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'report.txt': Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      'program.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]),
      'gbk.txt': iconv.encode(good, 'gbk'),
      'controls.txt': Buffer.from(`\u202e${good}\u200b\u0007\u2066隐藏\u2069`),
      'html.md': Buffer.from(`## <script>alert(1)</script>标题\n\n本报讯 <img src=x onerror=alert(1)> [点我](javascript:alert(1))。(某宣)\n`),
      'long-line.txt': Buffer.from('会议强调，要坚持高质量发展。'.repeat(360_000)),
      '"; rm -rf ~ ;\u202e.txt': Buffer.from(good),
    };
    mkdirSync(join(dir, 'sub'));
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, 'sub', name), bytes);
    const run = await runCli(['parse', join(dir, 'sub')]);
    expect(run.code).toBe(1); // some files failed, and that is said by the exit code
    const out = JSON.parse(run.stdout);
    const by = Object.fromEntries(out.bulletins.map((b: { file: string }) => [b.file.split('/').pop(), b]));
    expect(by['image.txt'].error).toMatch(/PNG/);
    expect(by['report.txt'].error).toMatch(/PDF/);
    expect(by['program.txt'].error).toMatch(/executable/);
    expect(by['empty.txt'].error).toBeNull();
    expect(by['empty.txt'].articles).toEqual([]);
    expect(by['gbk.txt']).toMatchObject({ encoding: 'gb18030', error: null });
    expect(by['gbk.txt'].articles[0].headline).toBe('红旗区召开会议');
    expect(by['controls.txt'].articles[0].headline).toBe('红旗区召开会议');
    expect(by['html.md'].articles[0].headline).toBe('<script>alert(1)</script>标题'); // kept as text
    expect(by['long-line.txt'].error).toBeNull();
    expect(by['"; rm -rf ~ ;\u202e.txt'].articles).toHaveLength(1);
  }, 120_000);
});
