// Exactness of search: for hundreds of random 2–6 character strings cut from the corpus, search
// returns exactly the articles a plain substring scan finds (after folding), on the sample
// bulletins and on a generated corpus with traditional printings and reprints.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, generatedFiles, randomSubstrings, scan, seedFiles, segmenter, type LoadedCorpus } from './search-helpers';

const QUOTES = /["“”„「」『』]/;

/** The query a user would type for a literal string: in ASCII quotes, or bare when it holds one. */
function asQuery(literal: string): string | null {
  if (!literal.includes('"')) return `"${literal}"`;
  return typableBare(literal) ? literal : null;
}

/** Whether a literal can be typed bare (no syntax meaning): no spaces, no leading minus, no field, no OR. */
function typableBare(literal: string): boolean {
  return !/[\s\u3000]/.test(literal) && !/^[-－]/.test(literal) && !QUOTES.test(literal[0])
    && !/^[A-Za-z\u4e00-\u9fff]{1,10}[:：]/.test(literal) && !['OR', '|', '或'].includes(literal);
}

function checkRecall(corpus: LoadedCorpus, queries: string[]): { checked: number; failures: string[] } {
  const failures: string[] = [];
  let checked = 0;
  for (const literal of queries) {
    const query = asQuery(literal);
    if (!query) continue;
    const expected = scan(corpus, literal.trim());
    const got = corpus.searcher.allIds({ query, everyPrinting: true });
    checked++;
    if (JSON.stringify([...got].sort((a, b) => a - b)) !== JSON.stringify(expected)) {
      failures.push(`${JSON.stringify(literal)}: search ${got.length}, scan ${expected.length}`);
    }
    if (typableBare(literal)) {
      const bare = corpus.searcher.allIds({ query: literal, everyPrinting: true });
      if (bare.length !== expected.length) failures.push(`${JSON.stringify(literal)} typed bare: ${bare.length}, scan ${expected.length}`);
    }
  }
  return { checked, failures };
}

describe('search finds exactly the articles that contain the query', () => {
  let seeds: LoadedCorpus;
  let generated: LoadedCorpus;
  beforeAll(async () => {
    seeds = await loadCorpus(seedFiles());
    generated = await loadCorpus(generatedFiles(1500));
  }, 120_000);

  it('on the sample bulletins: 400 random strings, recall 100% and no false hits', () => {
    const { checked, failures } = checkRecall(seeds, randomSubstrings(seeds, 400, 1));
    expect(checked).toBeGreaterThanOrEqual(380);
    expect(failures).toEqual([]);
  });

  it('on a generated corpus with traditional printings: 400 random strings, recall 100% and no false hits', () => {
    expect(generated.texts.size).toBeGreaterThanOrEqual(1500);
    const { checked, failures } = checkRecall(generated, randomSubstrings(generated, 400, 2));
    expect(checked).toBeGreaterThanOrEqual(380);
    expect(failures).toEqual([]);
  });

  it('finds names that jieba cuts differently in the query and in the text', () => {
    // Made-up names inside running text ("…胡然静表示，…"): jieba often cuts them apart there, or
    // joins them with the next character, while the name typed alone is cut another way.
    const names = new Map<string, string>();
    for (const text of generated.texts.values()) {
      for (const m of text.matchAll(/([^。，\n]{0,8})([\u4e00-\u9fff]{3})表示，/g)) names.set(m[2], m[0]);
    }
    let differently = 0;
    for (const [name, context] of [...names].slice(0, 80)) {
      const alone = segmenter.cut(name).join('|');
      const inContext = segmenter.cut(context);
      if (!inContext.includes(name) || alone !== name) differently++;
      expect(generated.searcher.allIds({ query: name, everyPrinting: true }).length, name).toBe(scan(generated, name).length);
    }
    expect(differently, 'names jieba cuts differently alone and in context').toBeGreaterThanOrEqual(10);
  });

  it('finds articles whose grams are not written yet (loading) through their text', async () => {
    const loading = await loadCorpus(generatedFiles(400, 13), { flush: false });
    const pending = Number(loading.store.db.exec('SELECT count(*) FROM search_pending')[0].values[0][0]);
    expect(pending).toBeGreaterThan(0);
    const { checked, failures } = checkRecall(loading, randomSubstrings(loading, 150, 4));
    expect(checked).toBeGreaterThanOrEqual(140);
    expect(failures).toEqual([]);
  });

  it('holds for arbitrary strings over a tricky alphabet (case, width, scripts, surrogates, punctuation)', async () => {
    const alphabet = ['学', '學', '习', '習', 'a', 'A', 'Ａ', '1', '１', ' ', '，', ',', '。', '-', '𠀋', 'é', '区', '*', '(', '\u3000', '＂'];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 14 }).map((a) => a.join(''));
    const docs = fc.sample(text, { numRuns: 60, seed: 42 }).filter((t) => t.trim());
    const body = (t: string) => `本报讯 ${t}。\n\n`;
    const files = [{ name: 'alphabet.md', text: docs.map((t, i) => `## 标题${i}\n\n${body(t)}`).join('\n') }];
    const corpus = await loadCorpus(files);
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((a) => a.join('')), (literal) => {
      const query = asQuery(literal);
      if (!query || !literal.trim()) return true;
      const got = corpus.searcher.allIds({ query, everyPrinting: true }).sort((a, b) => a - b);
      expect(got).toEqual(scan(corpus, literal.trim()));
      return true;
    }), { numRuns: 300, seed: 7 });
  });
});
