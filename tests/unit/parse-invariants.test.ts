// Properties the parser keeps on any input: it never throws, it loses no character (every
// letter, digit and Han character of the input is in exactly one field, body, fragment or
// recorded repair), and its work grows linearly with the input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBulletin } from '../../src/core/parse';
import type { ParsedBulletin } from '../../src/core/types';
import { bulletin, mutatedSeed } from './helpers/bulletin-arbitraries';
import { seedFiles } from './helpers/seeds';

/** Count the content characters (letters, digits, Han) of a text, Markdown and punctuation aside. */
function tally(text: string, into = new Map<string, number>(), sign = 1): Map<string, number> {
  for (const ch of text.normalize('NFC')) {
    if (/[\p{L}\p{N}]/u.test(ch)) into.set(ch, (into.get(ch) ?? 0) + sign);
  }
  return into;
}

/** Where content characters of the input went, minus the input: all zero when nothing is lost. */
function accounting(input: string, parsed: ParsedBulletin): Map<string, number> {
  const t = tally(input, new Map(), -1);
  for (const a of parsed.articles) {
    for (const v of [a.kicker, a.headline, a.subtitle, a.column, a.lead, a.byline, a.credit, a.body]) if (v) tally(v, t);
    if (a.byline && a.credit && a.byline === a.credit) tally(a.byline, t, -1);
    for (const r of a.repairs) {
      tally(r.original, t);
      tally(r.replacement, t, -1);
    }
  }
  for (const f of parsed.fragments) tally(f.text, t);
  for (const [k, v] of t) if (v === 0) t.delete(k);
  return t;
}

describe('parser invariants', () => {
  it('never throws and loses no character on generated bulletins', () => {
    fc.assert(
      fc.property(bulletin, (text) => {
        const parsed = parseBulletin(text);
        expect(Object.fromEntries(accounting(text, parsed))).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and loses no character on mutated sample bulletins', () => {
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        const parsed = parseBulletin(text);
        expect(Object.fromEntries(accounting(text, parsed))).toEqual({});
        for (const a of parsed.articles) expect(text.slice(a.spans.article.start, a.spans.article.end)).toBe(a.original);
      }),
      { numRuns: 150 },
    );
  });

  it('loses no character of the sample bulletins', () => {
    for (const s of seedFiles()) expect(Object.fromEntries(accounting(s.text, parseBulletin(s.text)))).toEqual({});
  });

  it('keeps the source span of every headline, lead, credit and paragraph', () => {
    for (const s of seedFiles()) {
      for (const a of parseBulletin(s.text).articles) {
        const at = (span?: { start: number; end: number }) => (span ? s.text.slice(span.start, span.end) : null);
        expect(at(a.spans.headline)?.replace(/[#*\s]/g, '')).toContain(a.headline.replace(/\s/g, ''));
        if (a.lead) expect(at(a.spans.lead)).toBe(a.lead);
        if (a.byline && a.spans.byline) expect(at(a.spans.byline)).toContain(a.byline);
        if (a.dateline) expect(at(a.spans.dateline)).toBe(a.dateline);
        if (a.credit) expect(at(a.spans.credit)?.replace(/\s/g, '')).toContain(a.credit.replace(/\s/g, ''));
        expect(a.spans.paragraphs.length).toBeGreaterThan(0);
      }
    }
  });

  it('does work linear in the input: 16 times the text takes far less than 16² times as long', () => {
    const base = seedFiles().map((s) => s.text).join('\n\n');
    const time = (text: string) => {
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) parseBulletin(text);
      return (performance.now() - t0) / 3;
    };
    time(base); // warm up the JIT
    const small = time(base);
    const large = time(Array(16).fill(base).join('\n\n'));
    // Linear is 16x; quadratic would be 256x. The margin absorbs noise on a shared machine.
    expect(large / small).toBeLessThan(64);
    const line = '会议强调，要坚持高质量发展。'.repeat(40_000); // one 560k-character line
    expect(() => parseBulletin(line)).not.toThrow();
  });
});
