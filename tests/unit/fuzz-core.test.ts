// Property-based fuzzing of every stage that reads user input: decode, parse (with its repairs),
// dedup and the query language. CI runs a bounded budget; `npm run fuzz` runs a long one
// (FUZZ_RUNS=20000). Any counterexample found becomes a regression case in the list below.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from '../../src/core/decode';
import { parseBulletin } from '../../src/core/parse';
import { findEchoes } from '../../src/core/repair/echo';
import { findForeign } from '../../src/core/repair/foreign';
import { StoryIndex, fileIdentity } from '../../src/core/dedup';
import { parseQuery } from '../../src/core/query/syntax';
import { compileQuery } from '../../src/core/query/compile';
import { bulletin, mutatedSeed, sentence } from './helpers/bulletin-arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  bulletin,
  mutatedSeed,
  fc.constantFrom('\u202e本报讯\u200b(记者\u0000)', '<img src=x onerror=alert(1)>', '[a](javascript:alert(1))', '#'.repeat(500), '（'.repeat(1000), '“'.repeat(999)),
);

/** Inputs that once broke a stage; kept so they never break it again. */
const REGRESSIONS: string[] = ['', '\n', '**', '(', '## \n本报讯', '□', '记者', '本报讯(记者'];

describe(`fuzzing the core (${RUNS} runs a property)`, () => {
  it('decodes any bytes to text or a specific error', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4000 }), (b) => {
      const d = decodeBytes(b);
      expect(typeof d.text).toBe('string');
      expect(d.error === null || d.error.length > 10).toBe(true);
    }), { numRuns: RUNS });
  });

  it('parses any text without throwing, with spans inside the text', () => {
    for (const r of REGRESSIONS) parseBulletin(r);
    fc.assert(fc.property(hostile, (text) => {
      const p = parseBulletin(text, { fileName: 'x.txt' });
      for (const a of p.articles) {
        expect(a.spans.article.start).toBeGreaterThanOrEqual(0);
        expect(a.spans.article.end).toBeLessThanOrEqual(text.length);
        for (const r of a.repairs) expect(r.span.start).toBeLessThanOrEqual(r.span.end);
      }
    }), { numRuns: RUNS });
  });

  it('finds echoes and pasted passages in any paragraphs without throwing, inside their bounds', () => {
    const paras = fc.array(fc.oneof(sentence, fc.string({ maxLength: 120 })), { maxLength: 8 });
    fc.assert(fc.property(fc.array(paras, { maxLength: 6 }), (articles) => {
      for (const ps of articles) {
        for (const h of findEchoes(ps)) {
          expect(h.start).toBeLessThan(h.end);
          expect(h.end).toBeLessThanOrEqual(ps[h.paragraph].length);
        }
      }
      for (const h of findForeign(articles.map((ps, i) => ({ headline: `h${i}`, paragraphs: ps })))) {
        expect(h.article).not.toBe(h.belongsTo);
        expect(h.end).toBeLessThanOrEqual(articles[h.article][h.paragraph].length);
      }
    }), { numRuns: RUNS });
  });

  it('clusters any texts without throwing, each article in at most one cluster', () => {
    fc.assert(fc.property(fc.array(fc.oneof(sentence, fc.string({ maxLength: 400 })), { maxLength: 30 }), (texts) => {
      const index = new StoryIndex();
      index.add(texts.map((text, id) => ({ id, text })));
      const seen = new Set<unknown>();
      for (const c of index.clusters()) for (const m of c.members) {
        expect(seen.has(m)).toBe(false);
        seen.add(m);
      }
      for (const t of texts) expect(typeof fileIdentity(t)).toBe('string');
    }), { numRuns: RUNS });
  });

  it('parses and compiles any query without throwing', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 60 })), (q) => {
      const parsed = parseQuery(q);
      expect(() => compileQuery(parsed)).not.toThrow();
    }), { numRuns: RUNS * 4 });
  });
});
