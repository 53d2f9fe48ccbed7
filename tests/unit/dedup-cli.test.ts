// The `dedup` command over a folder holding a duplicate file, a GBK copy, a reprinted story, the
// sample bulletins' echoes and pasted passage, and a file that is not text.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type DedupReport } from '../../cli/commands/dedup';
import { parseBulletin } from '../../src/core/parse/index';
import { ROOT, runCli } from './cli-run';

const UTF8 = '## 红旗区召开防汛会议\n\n本报讯 6月8日，红旗区召开防汛工作会议，部署汛期安全工作。\n\n（红旗宣）\n';
const GBK = Buffer.from(
  '232320baecc6ecc7f8d5d9bfaab7c0d1b4bbe1d2e90a0ab1beb1a8d1b62036d4c238c8d5a3acbaecc6ecc7f8d5d9bfaab7c0d1b4b9a4d7f7bbe1d2e9a3acb2bfcaf0d1b4c6dab0b2c8abb9a4d7f7a1a30a0aa3a8baecc6ecd0fba3a90a',
  'hex',
);
const SEED_001 = join(ROOT, 'seeds/001_feb1d816decd85e9.txt');
const SEED_000 = join(ROOT, 'seeds/000_3fbf3b7c5be8bd62.txt');

let dir: string;
let reprintHeadline: string;

/** The 卫滨区 night-inspection story of seed 001 as another paper printed it. */
async function reprintBulletin(): Promise<string> {
  const text = await readFile(SEED_001, 'utf8');
  const story = parseBulletin(text).articles.find((a) => a.headline.includes('夜查'))!;
  const body = story.body.replace(/,/g, '，').replace('实地查看', '实地察看').replace('确保数据平稳', '确保数据稳定');
  reprintHeadline = '卫滨区长夜查环保攻坚';
  return `## ${reprintHeadline}\n\n本报讯 ${body.split('\n').join('\n\n')}\n\n（新乡日报记者 王芳）\n\n## 封丘县举办农民丰收节\n\n本报讯 近日，封丘县在留光镇举办农民丰收节，展示特色农产品二十余种，吸引群众三千余人。\n`;
}

function capture() {
  const io = { stdout: '', stderr: '', out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baoxun-dedup-'));
  await copyFile(SEED_000, join(dir, 'a-000.txt'));
  await copyFile(SEED_001, join(dir, 'b-001.txt'));
  await copyFile(SEED_001, join(dir, 'c-001-copy.txt'));
  await writeFile(join(dir, 'd-flood-gbk.txt'), GBK);
  await writeFile(join(dir, 'e-flood-utf8.md'), UTF8.replace(/\n/g, '\r\n'));
  await writeFile(join(dir, 'f-reprint.txt'), await reprintBulletin());
  await writeFile(join(dir, 'g-scan.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli dedup', () => {
  let report: DedupReport;
  let code: number;
  let stderr: string;
  beforeAll(async () => {
    const io = capture();
    code = await run([dir], io);
    report = JSON.parse(io.stdout) as DedupReport;
    stderr = io.stderr;
  });

  it('prints the four parts in order and exits 1 because one file is not text', () => {
    expect(Object.keys(report)).toEqual(['duplicateFiles', 'clusters', 'echoes', 'foreign']);
    expect(code).toBe(1);
    expect(stderr).toContain('g-scan.txt: not a text file');
  });

  it('groups the byte-identical copy and the GBK copy of a UTF-8 bulletin, the file read first', () => {
    expect(report.duplicateFiles).toEqual([
      [join(dir, 'b-001.txt'), join(dir, 'c-001-copy.txt')],
      [join(dir, 'd-flood-gbk.txt'), join(dir, 'e-flood-utf8.md')],
    ]);
  });

  it('clusters the reprinted story with its first printing, by position in parse output', async () => {
    const seed = parseBulletin(await readFile(SEED_001, 'utf8')).articles;
    const index = seed.findIndex((a) => a.headline.includes('夜查'));
    expect(report.clusters).toHaveLength(1);
    const articles = report.clusters[0].articles;
    expect(articles).toHaveLength(2);
    expect(articles.filter((a) => a.canonical)).toHaveLength(1);
    expect(articles.map(({ file, index: i, headline }) => ({ file, index: i, headline }))).toEqual(expect.arrayContaining([
      { file: join(dir, 'b-001.txt'), index, headline: seed[index].headline },
      { file: join(dir, 'f-reprint.txt'), index: 0, headline: reprintHeadline },
    ]));
    // the duplicate file's articles are not clustered a second time
    expect(JSON.stringify(report.clusters)).not.toContain('c-001-copy');
  });

  it('reports the echoes and the pasted passage of the sample bulletins', () => {
    const echoes = report.echoes.filter((e) => e.file === join(dir, 'a-000.txt'));
    expect(echoes.length).toBeGreaterThanOrEqual(2);
    expect(echoes.some((e) => e.text.includes('刘怀斌主持活动并讲话'))).toBe(true);
    expect(echoes.some((e) => e.text.startsWith('建立“微心愿”清单'))).toBe(true);
    expect(report.foreign).toHaveLength(1);
    const [f] = report.foreign;
    expect(f).toMatchObject({ file: join(dir, 'b-001.txt'), headline: '牧野区召开大气污染防治攻坚调度会',
      belongsToHeadline: '卫滨区领导夜查环保攻坚调度大气污染防治攻坚工作' });
    expect(f.text.startsWith('魏海晓强调')).toBe(true);
    expect(f.reason).toContain('魏海晓');
  });

  it('answers --help, and refuses no paths or an unknown option with exit 2', async () => {
    const help = capture();
    expect(await run(['--help'], help)).toBe(0);
    expect(help.stdout).toContain('dedup <file|dir>');
    const none = capture();
    expect(await run([], none)).toBe(2);
    expect(none.stdout).toBe('');
    const bad = capture();
    expect(await run(['--fast', dir], bad)).toBe(2);
    expect(bad.stderr).toContain('unknown option --fast');
  });

  it('is wired into the command line', async () => {
    const out = await runCli(['dedup', join(dir, 'b-001.txt'), join(dir, 'c-001-copy.txt')]);
    expect(out.code).toBe(0);
    const r = JSON.parse(out.stdout) as DedupReport;
    expect(r.duplicateFiles).toEqual([[join(dir, 'b-001.txt'), join(dir, 'c-001-copy.txt')]]);
    expect(r.foreign).toHaveLength(1);
  });
});
