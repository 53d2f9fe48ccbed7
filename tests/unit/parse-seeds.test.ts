// The parser against the expected articles of the five sample bulletins, and against the same
// bulletins rewritten into other dialects (plain/Markdown, full/half width, no blank lines, CRLF,
// GBK). The dialect runs stand in for the pages of other papers the parser is judged on.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseBulletin } from '../../src/core/parse';
import { decodeBytes } from '../../src/core/decode';
import type { Article } from '../../src/core/types';
import { expected, flat, seedFiles } from './helpers/seeds';
import * as d from './helpers/dialects';

/** Normalise for comparison across dialects: no whitespace, half-width punctuation, ASCII digits. */
const norm = (s: string | null | undefined) =>
  d.toHalfWidthPunct(flat(s)).replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function check(name: string, articles: Article[]) {
  const gold = expected[name].articles;
  const problems: string[] = [];
  if (articles.length !== gold.length) problems.push(`${articles.length} articles, expected ${gold.length}`);
  for (const g of gold) {
    const a = articles.find((x) => norm(x.headline) === norm(g.headline) || norm(x.headline) + norm(x.subtitle) === norm(g.headline) + norm(g.subtitle));
    if (!a) {
      problems.push(`headline not found: ${g.headline}`);
      continue;
    }
    for (const key of ['kicker', 'column', 'lead', 'credit', 'dateline', 'byline', 'subtitle'] as const) {
      if (!(key in g) && key !== 'kicker' && key !== 'column' && key !== 'lead' && key !== 'credit') continue;
      if (norm(a[key]) !== norm(g[key] ?? null)) problems.push(`${g.headline.slice(0, 10)} ${key}: ${a[key]} ≠ ${g[key]}`);
    }
    if ((a.kind ?? 'news') !== (g.kind ?? 'news')) problems.push(`${g.headline.slice(0, 10)} kind ${a.kind}`);
    const orphan = norm((expected[name].orphans_or_attached_to_next ?? []).join(''));
    const body = norm(a.body);
    if (!body.startsWith(norm(g.body_starts)) && !(orphan && body.startsWith(orphan.slice(0, 12)))) {
      problems.push(`${g.headline.slice(0, 10)} body starts ${body.slice(0, 12)}`);
    }
    for (const j of g.joined ?? []) if (!body.includes(norm(j))) problems.push(`${g.headline.slice(0, 10)} not joined: ${j}`);
    for (const m of g.must_not_contain ?? []) if (body.includes(norm(m))) problems.push(`${g.headline.slice(0, 10)} holds ${m}`);
  }
  return problems;
}

const seeds = seedFiles();

describe('the parser on the sample bulletins', () => {
  for (const seed of seeds) {
    it(`reads every article of ${seed.name} as expected`, () => {
      const parsed = parseBulletin(seed.text, { fileName: seed.name });
      expect(check(seed.name, parsed.articles)).toEqual([]);
    });
  }

  it('keeps the orphan paragraph out of the closed article before it', () => {
    const seed = seeds.find((s) => expected[s.name].orphans_or_attached_to_next)!;
    const parsed = parseBulletin(seed.text, { fileName: seed.name });
    const orphan = norm(expected[seed.name].orphans_or_attached_to_next![0]);
    const holders = parsed.articles.filter((a) => norm(a.body).includes(orphan));
    const inFragments = parsed.fragments.some((f) => norm(f.text).includes(orphan));
    expect(inFragments || holders.length === 1).toBe(true);
    const idx = parsed.articles.findIndex((a) => norm(a.body).includes(orphan));
    if (idx > 0) expect(norm(parsed.articles[idx].body).startsWith(orphan.slice(0, 12))).toBe(true);
  });
});

const DIALECTS: Record<string, (text: string, headlines: string[]) => string> = {
  'plain text (no Markdown)': (t) => d.stripMarkdown(t),
  'full-width punctuation': (t) => d.toFullWidthPunct(t),
  'half-width punctuation': (t) => d.toHalfWidthPunct(t),
  'full-width digits': (t) => d.toFullWidthDigits(t),
  'no blank lines between paragraphs': (t) => d.noBlankLines(t),
  'plain text with no blank lines': (t) => d.noBlankLines(d.stripMarkdown(t)),
  'Markdown headings on every headline': (t, h) => d.addMarkdown(t, h),
};

describe('the parser on the sample bulletins rewritten into other dialects', () => {
  for (const [dialect, rewrite] of Object.entries(DIALECTS)) {
    it(`finds at least 95% of the headlines, and no subhead as an article, in ${dialect}`, () => {
      let found = 0;
      let total = 0;
      let extra = 0;
      for (const seed of seeds) {
        const gold = expected[seed.name].articles;
        const text = rewrite(seed.text, gold.map((g) => g.headline));
        const parsed = parseBulletin(text, { fileName: seed.name });
        const heads = new Set(parsed.articles.map((a) => norm(a.headline)));
        const headsWithSub = new Set(parsed.articles.map((a) => norm(a.headline) + norm(a.subtitle)));
        for (const g of gold) {
          total++;
          if (heads.has(norm(g.headline)) || headsWithSub.has(norm(g.headline) + norm(g.subtitle))) found++;
        }
        extra += Math.max(0, parsed.articles.length - gold.length);
      }
      expect(found / total).toBeGreaterThanOrEqual(0.95);
      expect(extra).toBe(0);
    });
  }

  it('reads CRLF, CR-only, UTF-16 and GBK files like the UTF-8 originals', () => {
    for (const seed of seeds) {
      const reference = parseBulletin(seed.text, { fileName: seed.name }).articles.map((a) => [a.headline, a.credit, a.body]);
      const variants: Array<[string, Uint8Array]> = [
        ['crlf', new Uint8Array(Buffer.from(d.crlf(seed.text), 'utf-8'))],
        ['cr', new Uint8Array(Buffer.from(seed.text.replace(/\n/g, '\r'), 'utf-8'))],
        ['bom', new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.text)]))],
        ['utf16le', new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.text, 'utf16le')]))],
        ['gbk', new Uint8Array(iconv.encode(seed.text, 'gbk'))],
        ['gb18030', new Uint8Array(iconv.encode(seed.text, 'gb18030'))],
      ];
      for (const [label, bytes] of variants) {
        const dec = decodeBytes(bytes);
        expect(dec.error, `${seed.name} ${label}`).toBeNull();
        const got = parseBulletin(dec.text, { fileName: seed.name }).articles.map((a) => [a.headline, a.credit, a.body]);
        expect(got, `${seed.name} ${label}`).toEqual(reference);
      }
    }
  });
});
