// The scale benchmark's Node measurement (bench/lib/ingest-scale.ts) on a small generated corpus:
// it loads every article the parser finds, and its figures add up (the breakdown is of the same
// end-to-end pass, the ratio is the two throughputs divided).
import { describe, expect, it } from 'vitest';
import { measureIngest } from '../../bench/lib/ingest-scale';
import { generateCorpus } from '../../bench/search/corpus';

describe('benchmark ingest measurement', () => {
  it('loads the generated corpus whole and reports consistent figures', async () => {
    const corpus = generateCorpus({ articles: 120, seed: 7 });
    const again = generateCorpus({ articles: 120, seed: 7 });
    expect(again.map((b) => b.text)).toEqual(corpus.map((b) => b.text)); // deterministic
    const r = await measureIngest(corpus);
    expect(r.articles).toBe(corpus.reduce((n, b) => n + b.articles, 0));
    expect(r.files).toBe(corpus.length);
    expect(r.chars).toBe(corpus.reduce((n, b) => n + b.text.length, 0));
    expect(r.ratioToJieba).toBeCloseTo(r.endToEndCharsPerSecond / r.jiebaCharsPerSecond, 10);
    const stage = (name: string) => r.stages.find((s) => s.stage.startsWith(name));
    expect(stage('END TO END')?.seconds).toBe(r.endToEndSeconds);
    // Segmenting and inserting happen inside the end-to-end pass, so they cannot exceed it.
    expect((stage('segment')?.seconds ?? Infinity) + (stage('store insert')?.seconds ?? Infinity)).toBeLessThanOrEqual(r.endToEndSeconds);
    expect(r.peak.rss).toBeGreaterThanOrEqual(r.baseline.rss);
  }, 60_000);
});
