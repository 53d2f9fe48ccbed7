// Pathological repetition: one sentence printed over and over (a broken export, a spam page) is
// not a layout echo to be searched for among hundreds of earlier copies each. Echo detection
// bounds its work on it (CROWDED_GRAM in src/core/repair/echo.ts) and still finds the echoes of
// the prose around it. Before the bound, 200,000 characters of one sentence took ~11 s here and
// 5 M characters ~2.5 min; now 500,000 take ~0.1 s.
import { describe, expect, it } from 'vitest';
import { findEchoes } from '../../src/core/repair/echo';

const SENTENCE = '会议强调，要坚持高质量发展，推进乡村全面振兴。';

describe('findEchoes on one sentence repeated', () => {
  it('500,000 characters of one repeated sentence take a few seconds at most, and are echoes of the first copy', () => {
    const text = SENTENCE.repeat(Math.ceil(500_000 / SENTENCE.length));
    const t0 = performance.now();
    const hits = findEchoes([text]);
    const ms = performance.now() - t0;
    expect(ms, 'time for 500,000 characters (ms)').toBeLessThan(5000);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      // Each hit is a later run of whole sentences repeating text that comes before it.
      expect(h.sourceStart).toBeLessThan(h.start);
      const copy = text.slice(h.start, h.end);
      expect(copy.length % SENTENCE.length).toBe(0);
      expect(text.slice(h.sourceStart, h.sourceEnd)).toBe(copy);
    }
    // Everything after the first sentence is covered: the copies, dropped, leave one sentence.
    const covered = hits.reduce((n, h) => n + (h.end - h.start), 0);
    expect(covered).toBe(text.length - SENTENCE.length);
  });

  it('prose beside a long repetition still has its own echo found', () => {
    // Prose of sentences that never repeat (a fixed pseudo-random pick of common characters).
    const pool = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
    let seed = 11;
    const ch = () => pool[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pool.length];
    const sentence = () => `${Array.from({ length: 18 }, ch).join('')}，${Array.from({ length: 14 }, ch).join('')}。`;
    const prose = () => Array.from({ length: 12 }, sentence).join('');
    const echo = '镇党委书记王建国带队检查河道清淤进度，并就汛期值班、物资储备和群众转移提出整改要求。';
    const paragraphs = [`${prose()}${echo}${prose()}`, SENTENCE.repeat(5000), `${prose()}${echo}${prose()}`];
    const t0 = performance.now();
    const hits = findEchoes(paragraphs);
    expect(performance.now() - t0).toBeLessThan(5000);
    const prosy = hits.filter((h) => h.paragraph !== 1).map((h) => paragraphs[h.paragraph].slice(h.start, h.end));
    expect(prosy).toEqual([echo]);
    expect(hits.find((h) => h.paragraph === 2)?.sourceParagraph).toBe(0);
  });
});
