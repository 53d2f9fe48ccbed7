// A deterministic corpus for the search benchmark and the recall tests: bulletins written from
// the sample articles with variations (districts, papers, dates, names, numbers, sentences from
// other articles, reordered and trimmed paragraphs), some printed in traditional characters,
// some reprinted in another paper. Written as bulletin text, so the page and the CLI load it
// through the same decode → parse → index path as real files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { decodeBytes, isBulletinName } from '../../src/core/decode/index';
import { parseBulletin } from '../../src/core/parse/index';
import type { Article } from '../../src/core/types';
import { Rng } from '../lib/prng';

/** One generated bulletin file. */
export interface GeneratedBulletin {
  name: string;
  text: string;
  /** Articles the parser finds in it. */
  articles: number;
}

/** How the corpus is generated. */
export interface CorpusOptions {
  /** Stop once the bulletins hold at least this many articles. */
  articles: number;
  seed?: number;
  /** Share of articles printed in traditional characters. */
  traditional?: number;
  /** Share of articles that reprint an earlier one in another paper. */
  reprints?: number;
  seedsDir?: string;
}

const SEED_DISTRICTS = ['红旗区', '凤泉区', '卫滨区', '牧野区', '封丘县', '中原区', '高新区'];
const DISTRICTS = [...SEED_DISTRICTS, '原阳县', '延津县', '获嘉县', '新乡县', '辉县市', '长垣市', '卫辉市', '二七区', '金水区', '惠济区'];
const PAPERS = ['新乡日报', '平原晚报', '郑州日报', '河南日报农村版', '新乡广播电视报'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅志强晓东海燕春雨慧欣鹏飞宇航思远佳琪子涵浩然雅婷博文俊杰';
const UNITS = ['宣', '宣传部', '融媒体中心', '发布'];

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

function seedArticles(dir: string): Article[] {
  return readdirSync(dir).filter(isBulletinName).sort()
    .flatMap((f) => parseBulletin(decodeBytes(readFileSync(join(dir, f))).text, { fileName: f }).articles)
    .filter((a) => a.body.length >= 40 && a.headline.length >= 4);
}

function personName(rng: Rng): string {
  let n = rng.pick([...SURNAMES]);
  const len = rng.chance(0.7) ? 2 : 1;
  for (let i = 0; i < len; i++) n += rng.pick([...GIVEN]);
  return n;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[。！？])/u).map((s) => s.trim()).filter((s) => s.length > 6);
}

function swapDistricts(text: string, to: string): string {
  let out = text;
  for (const d of SEED_DISTRICTS) out = out.replaceAll(d, to);
  return out;
}

interface Story {
  headline: string;
  kicker: string | null;
  paragraphs: string[];
  credit: string;
  district: string;
}

function makeStory(rng: Rng, seeds: Article[], pool: string[]): Story {
  const a = rng.pick(seeds);
  const district = rng.pick(DISTRICTS);
  const numbers = (s: string) => s.replace(/\d+/g, (m) => String(rng.int(1, m.length > 2 ? 9999 : 99)));
  let paragraphs = a.body.split('\n').map((p) => numbers(swapDistricts(p, district))).filter((p) => p.trim());
  if (paragraphs.length > 2 && rng.chance(0.3)) paragraphs = [paragraphs[0], ...paragraphs.slice(1).reverse()];
  if (paragraphs.length > 2) paragraphs = paragraphs.slice(0, rng.int(Math.ceil(paragraphs.length * 0.6), paragraphs.length));
  // About half of each paragraph's sentences come from other sample articles, so two stories
  // made from the same sample share too little to be taken for reprints (only the explicit
  // reprints below are); a made-up person speaks now and then.
  paragraphs = paragraphs.map((p) => {
    const ss = sentences(p);
    if (!ss.length) return p;
    const mixed = ss.map((x) => (rng.chance(0.55) ? numbers(swapDistricts(rng.pick(pool), district)) : x));
    // Short paragraphs (captions) grow, so they are not all alike.
    while (mixed.length < 3) mixed.push(numbers(swapDistricts(rng.pick(pool), district)));
    if (rng.chance(0.6)) mixed.splice(rng.int(0, mixed.length), 0, `${personName(rng)}表示，将${rng.pick(['持续推进', '认真落实', '全力做好', '扎实开展'])}${rng.pick(['相关工作', '各项任务', '整改落实', '服务保障'])}。`);
    return mixed.join('');
  });
  const short = district.replace(/[区县市]$/, '');
  const credit = rng.chance(0.6)
    ? `${short}${rng.pick(UNITS)}`
    : `记者 ${personName(rng)} 通讯员 ${personName(rng)}`;
  return {
    headline: numbers(swapDistricts(a.headline, district)).replace(/\s+/g, ''),
    kicker: a.kicker && rng.chance(0.5) ? swapDistricts(a.kicker, district) : null,
    paragraphs,
    credit,
    district,
  };
}

function storyText(s: Story, month: number, day: number, traditional: boolean): string {
  const [first, ...rest] = s.paragraphs;
  const lines = [
    ...(s.kicker ? [s.kicker, ''] : []),
    `## ${s.headline}`, '',
    `本报讯 ${month}月${day}日，${first}`, '',
    ...rest.flatMap((p) => [p, '']),
    `（${s.credit}）`, '',
  ];
  const text = lines.join('\n');
  return traditional ? toTraditional(text) : text;
}

/** Generate bulletins until they hold at least `opts.articles` articles (as the parser counts). */
export function generateCorpus(opts: CorpusOptions): GeneratedBulletin[] {
  const rng = new Rng(opts.seed ?? 20260610);
  const seeds = seedArticles(opts.seedsDir ?? join(import.meta.dirname, '..', '..', 'seeds'));
  if (!seeds.length) throw new Error('no sample articles to generate from');
  const pool = seeds.flatMap((a) => sentences(a.body));
  const stories: Story[] = [];
  const out: GeneratedBulletin[] = [];
  let total = 0;
  for (let n = 0; total < opts.articles; n++) {
    const paper = PAPERS[n % PAPERS.length];
    const year = rng.int(2023, 2026);
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const parts: string[] = [];
    const count = rng.int(6, 14);
    for (let i = 0; i < count; i++) {
      let story: Story;
      if (stories.length > 20 && rng.chance(opts.reprints ?? 0.05)) {
        const earlier = rng.pick(stories);
        // A reprint: the same story, sometimes without its last paragraph.
        story = rng.chance(0.5) && earlier.paragraphs.length > 2
          ? { ...earlier, paragraphs: earlier.paragraphs.slice(0, -1) }
          : earlier;
      } else {
        story = makeStory(rng, seeds, pool);
        stories.push(story);
      }
      parts.push(storyText(story, month, day, rng.chance(opts.traditional ?? 0.05)));
    }
    const text = parts.join('\n');
    const name = `${paper}_${date}_${String(n % 8 + 1).padStart(2, '0')}_${n}.txt`;
    const articles = parseBulletin(text, { fileName: name }).articles.length;
    out.push({ name, text, articles });
    total += articles;
  }
  return out;
}
