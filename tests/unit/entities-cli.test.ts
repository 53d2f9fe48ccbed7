// The `entities` command as scripts use it: a child process, one JSON object on stdout, an exit
// code; article indexes that match `parse` output for the same files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './cli-run';

interface Output {
  files: Array<{ file: string; articles: number; error: string | null }>;
  people: Array<{ id: string; name: string; roles: string[]; confidence: string; reasons: string[];
    posts: Array<{ post: string; title: string; org: string | null; first: { date: string } | null }>;
    articles: Array<{ file: string; index: number }> }>;
  posts: Array<{ post: string; holders: Array<{ name: string }> }>;
  places: Array<{ name: string; status: string; county: string | null; city: string | null }>;
  dictionary: string[];
}

let dir: string;
let seeds: CliRun;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baoxun-entities-'));
  seeds = await runCli(['entities', 'seeds']);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('entities command', () => {
  it('prints people with posts over time, post holders, places and dictionary lines', () => {
    expect(seeds.code).toBe(0);
    const out = JSON.parse(seeds.stdout) as Output;
    expect(Object.keys(out)).toEqual(['files', 'people', 'posts', 'places', 'dictionary']);
    const liu = out.people.find((p) => p.id === '刘怀斌@红旗区')!;
    expect(liu.roles).toEqual(['official']);
    expect(liu.posts.map((p) => p.post)).toEqual(['红旗区区长', '红旗区委副书记', '红旗区委书记']);
    // The shape: each post has title, org and the date it is first seen held.
    expect((liu.posts as unknown as Array<Record<string, unknown>>).map((p) => [p.title, p.org, p.date])).toEqual([
      ['区长', '红旗区', '2023-08-25'], ['副书记', '红旗区委', '2023-08-25'], ['书记', '红旗区委', '2026'],
    ]);
    expect(out.posts.find((p) => p.post === '卫滨区委书记')!.holders.map((h) => h.name)).toEqual(['李海潮', '邓国永']);
    expect(out.places.find((p) => p.name === '洪门镇')).toMatchObject({ status: 'resolved', county: '红旗区', city: '新乡市' });
    expect(out.dictionary).toContain('刘怀斌 1000 nr');
  });

  it('refers to articles by the same file and index as parse', async () => {
    const parsed = JSON.parse((await runCli(['parse', 'seeds'])).stdout) as { bulletins: Array<{ file: string; articles: Array<{ body: string }> }> };
    const out = JSON.parse(seeds.stdout) as Output;
    const cai = out.people.find((p) => p.name === '蔡虎')!;
    const [ref] = cai.articles;
    const body = parsed.bulletins.find((b) => b.file === ref.file)!.articles[ref.index].body;
    expect(body).toContain('种植大户蔡虎');
  });

  it('reports a file it cannot read and still analyses the others', async () => {
    const good = join(dir, 'good.txt');
    await writeFile(good, '## 凤泉区召开会议\n\n本报讯 8月26日，凤泉区召开调度会，区委书记杨洁主持会议并讲话。\n\n（凤泉宣）\n');
    const run = await runCli(['entities', join(dir, 'missing.txt'), good]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing.txt: cannot read: no such file or directory');
    const out = JSON.parse(run.stdout) as Output;
    expect(out.files.map((f) => f.error === null)).toEqual([false, true]);
    expect(out.people.map((p) => p.id)).toEqual(['杨洁@凤泉区']);
  });

  it('rejects a call without paths or with an unknown option, with the usage', async () => {
    const none = await runCli(['entities']);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('give at least one file or directory');
    const bad = await runCli(['entities', '--frob', 'seeds']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option --frob');
  });
});
