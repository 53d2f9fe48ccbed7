// The people index on the seed bulletins, measured against a hand-read gold list
// (tests/fixtures/entities-gold.json): precision and recall of (name, title) pairs per article,
// and the timelines the issue names (丁文广, 刘怀斌, who was 卫滨区委书记 when).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tag } from 'jieba-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/decode/index';
import { analyseEntities, entityArticles, holdersOf, type EntityReport } from '../../src/core/entities/index';
import { parseBulletin } from '../../src/core/parse/index';
import { loadGazetteer } from '../../src/core/places/index';
import { ROOT } from './cli-run';
import { seedFiles } from './helpers/seeds';

interface GoldPost { file: string; index: number; name: string; title: string; org: string | null }
interface GoldPress { file: string; index: number; name: string; role: string }
interface Gold { officials: GoldPost[]; others: GoldPost[]; press: GoldPress[]; untitled: Array<{ file: string; index: number; name: string }> }

const gold: Gold = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/entities-gold.json'), 'utf-8'));

/** Precision and recall of a predicted set against a gold set. */
function score(predicted: Set<string>, expected: Set<string>) {
  const hits = [...predicted].filter((k) => expected.has(k)).length;
  return {
    precision: predicted.size ? hits / predicted.size : 1,
    recall: expected.size ? hits / expected.size : 1,
    missed: [...expected].filter((k) => !predicted.has(k)),
    extra: [...predicted].filter((k) => !expected.has(k)),
  };
}

let report: EntityReport;

beforeAll(async () => {
  const articles = seedFiles().flatMap((f) => {
    const decoded = decodeBytes(f.bytes);
    return entityArticles(f.name, parseBulletin(decoded.text, { fileName: `seeds/${f.name}` }));
  });
  report = analyseEntities(articles, { tagger: { tag: (t) => tag(t, true) }, gazetteer: await loadGazetteer() });
});

/** Every (article, name, title[, org]) a mention states, split into public posts and others. */
function predictedPairs(official: boolean, withOrg: boolean): Set<string> {
  const out = new Set<string>();
  for (const p of report.people) {
    for (const m of p.mentions) {
      for (const post of m.posts) {
        if (post.official !== official) continue;
        out.add([m.file, m.index, m.name, post.title, ...(withOrg ? [post.org] : [])].join('|'));
      }
    }
  }
  return out;
}

function goldPairs(rows: GoldPost[], withOrg: boolean): Set<string> {
  return new Set(rows.map((r) => [r.file, r.index, r.name, r.title, ...(withOrg ? [r.org] : [])].join('|')));
}

describe('people and posts on the seeds, against the gold list', () => {
  it('finds officials with their titles at precision and recall of at least 0.9', () => {
    const s = score(predictedPairs(true, false), goldPairs(gold.officials, false));
    console.log(`officials (name, title): precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}`, { missed: s.missed, extra: s.extra });
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('resolves the organisation of each title against the article district and city', () => {
    const s = score(predictedPairs(true, true), goldPairs(gold.officials, true));
    console.log(`officials (name, title, org): precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}`, { missed: s.missed, extra: s.extra });
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('finds people with descriptors (种植大户蔡虎) and non-public posts', () => {
    const s = score(predictedPairs(false, false), goldPairs(gold.others, false));
    console.log(`others (name, title): precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}`, { missed: s.missed, extra: s.extra });
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('credits reporters, correspondents, authors and photographers in a role of their own', () => {
    const predicted = new Set<string>();
    for (const p of report.people) {
      for (const m of p.mentions) if (['reporter', 'correspondent', 'author', 'photographer'].includes(m.role)) predicted.add([m.file, m.index, m.name, m.role].join('|'));
    }
    const s = score(predicted, new Set(gold.press.map((r) => [r.file, r.index, r.name, r.role].join('|'))));
    console.log(`press (name, role): precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)}`, { missed: s.missed, extra: s.extra });
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('lists people named without a title, with low confidence', () => {
    for (const u of gold.untitled) {
      const person = report.people.find((p) => p.name === u.name && p.articles.some((a) => a.file === u.file && a.index === u.index));
      expect(person, u.name).toBeDefined();
      expect(person!.posts).toEqual([]);
      expect(person!.confidence).toBe('low');
    }
  });
});

describe('timelines the seeds show', () => {
  const person = (id: string) => {
    const p = report.people.find((x) => x.id === id);
    if (!p) throw new Error(`no person ${id} in ${report.people.map((x) => x.id).join(' ')}`);
    return p;
  };

  it('丁文广 is 凤泉区 区长 in 2023 and 区委书记 in 2026', () => {
    const posts = person('丁文广@凤泉区').posts.map((p) => [p.post, p.first?.date]);
    expect(posts).toEqual([['凤泉区区长', '2023-08-26'], ['凤泉区委书记', '2026-05-30']]);
  });

  it('刘怀斌 is 红旗区 区委副书记、区长 in 2023 and 区委书记、区长 in 2026', () => {
    const p = person('刘怀斌@红旗区');
    const post = (name: string) => p.posts.find((x) => x.post === name)!;
    expect(post('红旗区委副书记').first?.date).toBe('2023-08-25');
    expect(post('红旗区区长').first?.date).toBe('2023-08-25');
    expect(post('红旗区区长').last).toMatchObject({ date: '2026', precision: 'year' });
    expect(post('红旗区委书记').first).toMatchObject({ date: '2026', precision: 'year' });
    // The 新乡日报 page of 6月8日 has no year: counted, not dated.
    expect(post('红旗区委书记').undated).toBe(1);
    expect(p.articles).toHaveLength(3);
  });

  it('卫滨区委书记 is 李海潮 in 2023 and 邓国永 in 2026', () => {
    expect(holdersOf(report, '卫滨区委书记').map((h) => [h.name, h.first?.date])).toEqual([['李海潮', '2023-08-25'], ['邓国永', '2026-05-29']]);
  });

  it('places the 市 of a 焦作 page in 焦作市 (市政协副主席 吕沛)', () => {
    expect(person('吕沛@高新区').posts.map((p) => p.post)).toContain('焦作市政协副主席');
  });
});
