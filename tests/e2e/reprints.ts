// Reprints for the dedup tests: a real sample article printed again the way papers reprint, as a
// bulletin of its own (headline rewritten, a paragraph dropped, a few typos, another credit).
// Pure Node + the core, so the unit tests of the dedup desk use the same fixtures as the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../src/core/decode/index';
import { parseBulletin } from '../../src/core/parse/index';
import type { Article } from '../../src/core/types';

/** The seeds folder (the app's sample corpus). */
const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

/** A sample article with the file it is in. */
export interface SampleArticle {
  file: string;
  index: number;
  article: Article;
  paragraphs: string[];
}

/** The first sample article with at least `minParagraphs` body paragraphs and no repairs (so
 *  what a test sees changed is only what the reprint changed). */
export function reprintableArticle(minParagraphs = 4, skip = 0): SampleArticle {
  const files = ['000_3fbf3b7c5be8bd62.txt', '001_feb1d816decd85e9.txt', '002_a0d3969966a41768.txt', '003_827634933f63f40b.txt', '004_2faae2a4ae9c89fa.txt'];
  let seen = 0;
  for (const file of files) {
    const text = decodeBytes(readFileSync(join(SEEDS, file))).text;
    const articles = parseBulletin(text, { fileName: file }).articles;
    for (let index = 0; index < articles.length; index++) {
      const a = articles[index];
      const paragraphs = a.body.split('\n').filter((p) => p.trim());
      if (paragraphs.length >= minParagraphs && a.repairs.length === 0 && a.body.length > 400 && seen++ >= skip) {
        return { file, index, article: a, paragraphs };
      }
    }
  }
  throw new Error(`no sample article with ${minParagraphs}+ paragraphs and no repairs`);
}

/** Replace the Han character at each of `positions` (fractions of the text) by another. */
export function withTypos(text: string, positions: number[]): { text: string; replaced: Array<[string, string]> } {
  const chars = [...text];
  const replaced: Array<[string, string]> = [];
  for (const f of positions) {
    let i = Math.floor(f * chars.length);
    while (i < chars.length && !/\p{Script=Han}/u.test(chars[i])) i++;
    if (i >= chars.length) continue;
    const sub = chars[i] === '的' ? '地' : '的';
    replaced.push([chars[i], sub]);
    chars[i] = sub;
  }
  return { text: chars.join(''), replaced };
}

/** How a reprint differs from its source. */
export interface Reprint {
  /** The bulletin text to load. */
  text: string;
  headline: string;
  /** The paragraph left out. */
  dropped: string;
  /** [original, typo] characters. */
  typos: Array<[string, string]>;
}

/**
 * The sample article reprinted: a new headline (`prefix` + the old one's last part), the
 * paragraph at `drop` left out, three typos, another credit.
 */
export function reprintBulletin(src: SampleArticle, opts: { prefix?: string; drop?: number; typoAt?: number[] } = {}): Reprint {
  const prefix = opts.prefix ?? '聚焦:';
  const drop = opts.drop ?? 2;
  const headline = `${prefix}${src.article.headline.trim().split(/\s+/).pop()}`;
  const kept = src.paragraphs.filter((_, i) => i !== drop);
  const { text: body, replaced } = withTypos(kept.join('\n'), opts.typoAt ?? [0.2, 0.45, 0.7]);
  const [lead, ...rest] = body.split('\n');
  const text = [
    `## ${headline}`, '', `**本报讯** ${lead}`, '', ...rest.flatMap((p) => [p, '']), '(转载自本地新闻网)', '',
  ].join('\n');
  return { text, headline, dropped: src.paragraphs[drop], typos: replaced };
}
