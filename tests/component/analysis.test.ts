// The analysis components: the concordance (lines, sorting, CSV with a byte-order mark), the
// analysis view running the open tab over the current search, trends (terms, chart, exports),
// frequencies (a word opens its concordance), co-occurrence, and the user words panel.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { concordance, trends } from '../../src/core/analysis/index';
import type { AnalysisDoc } from '../../src/core/analysis/types';
import AnalysisView from '../../src/ui/components/AnalysisView.svelte';
import Concordance from '../../src/ui/components/Concordance.svelte';
import UserWords from '../../src/ui/components/UserWords.svelte';
import { AnalysisDesk } from '../../src/ui/lib/analysis-client.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { page } from './fake-client.svelte';
import { EntitiesFake, status } from './people-fake.svelte';

let saved: Blob[] = [];
beforeEach(() => {
  i18n.set('zh');
  localStorage.clear();
  saved = [];
  // jsdom has no object URLs: keep the blobs the page would download.
  URL.createObjectURL = vi.fn((b: Blob) => {
    saved.push(b);
    return `blob:${saved.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
  // jsdom has no ResizeObserver (bind:clientWidth uses one): a stand-in that never reports.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => vi.restoreAllMocks());

function doc(id: number, body: string, date = '2026-06-08'): AnalysisDoc {
  return { id, headline: `标题${id}`, subtitle: null, kicker: null, body, segHeadline: '', segKicker: '', segBody: '', date, district: '红旗区', paper: '新乡日报' };
}
const DOCS = [doc(1, '要树立正确政绩观，践行正确政绩观。', '2026-05-02'), doc(2, '纠正错误政绩观偏差', '2026-06-01')];
const cut = (t: string) => t.match(/树立|践行|纠正|错误|正确|偏差|[^树践纠错正偏]/g) ?? [];

function setup() {
  const client = new EntitiesFake();
  client.entities = status();
  client.handlers = {
    kwic: ({ term }) => concordance(DOCS, term, { cut }),
    trends: ({ terms, groupBy }) => trends(DOCS, terms, { groupBy }),
    frequencies: () => ({ articles: 2, tokens: 6, words: [{ term: '政绩观', count: 3, docs: 2 }, { term: '正确', count: 2, docs: 1 }], phrases: [] }),
    keywords: () => ({ total: 2, articles: [{ articleId: 1, headline: '标题1', date: null, keywords: [{ word: '政绩观', count: 2, score: 3.1 }] }] }),
    cooccurrence: () => ({
      articles: 2, moreEdges: 0,
      nodes: [{ id: 'a', name: '刘怀斌', district: '红旗区', articles: 2 }, { id: 'b', name: '李向军', district: '红旗区', articles: 1 }],
      edges: [{ source: 'a', target: 'b', count: 1, articleIds: [1] }],
    }),
    'user-words': ({ words }) => ({ words: words.map((w) => ({ word: w.word, tag: w.tag ?? 'n', freq: w.freq ?? 1000, known: false })), pendingRemoval: [], resegmented: 3, ms: 12 }),
  };
  const desk = new AnalysisDesk(() => client);
  return { client, desk };
}

describe('Concordance', () => {
  it('lines up each match between its contexts, sorts by the words before or after, and exports CSV', async () => {
    const user = userEvent.setup();
    const { desk } = setup();
    const onopenarticle = vi.fn();
    render(Concordance, { desk, term: '政绩观', onopenarticle });
    await user.click(screen.getByTestId('kwic-run'));
    await waitFor(() => expect(screen.getAllByTestId('kwic-row')).toHaveLength(3));
    expect(screen.getByTestId('kwic-count')).toHaveTextContent('“政绩观”出现 3 次，见于 2 篇文章');
    const left = () => screen.getAllByTestId('kwic-left').map((e) => e.textContent);
    expect(left()).toEqual(['要树立正确', '要树立正确政绩观，践行正确', '纠正错误']);
    await user.click(screen.getByTestId('kwic-sort-left'));
    // In pinyin order 错误 (cuòwù) comes before 正确 (zhèngquè).
    expect(screen.getAllByTestId('kwic-row').map((r) => r.dataset.leftWord)).toEqual(['错误', '正确', '正确']);
    expect(screen.getByTestId('kwic-sort-left')).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByTestId('kwic-sort-right'));
    expect(screen.getAllByTestId('kwic-row').map((r) => r.dataset.rightWord)).toEqual(['，', '。', '偏差']);
    await user.click(screen.getByTestId('kwic-export'));
    // UTF-8 with a byte-order mark (Blob.text() would drop it while decoding: read the bytes).
    const bytes = new Uint8Array(await saved[0].arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[1]).toBe('要树立正确,政绩观,，践行正确政绩观。,1,body,标题1,2026-05-02,红旗区,新乡日报');
    await user.click(screen.getAllByTestId('kwic-row')[2]);
    expect(onopenarticle).toHaveBeenCalledWith(2);
  });
});

describe('AnalysisView', () => {
  it("runs the concordance of the search's term over the current result set", async () => {
    const { client, desk } = setup();
    client.query = '政绩观';
    client.page = page([], { query: '政绩观', total: 2, terms: ['政绩观'] });
    render(AnalysisView, { client, desk, onopenarticle: vi.fn() });
    await waitFor(() => expect(screen.getAllByTestId('kwic-row')).toHaveLength(3));
    const ask = client.calls.find(([t]) => t === 'kwic')![1] as { term: string; scope: { query: string } };
    expect(ask.term).toBe('政绩观');
    expect(ask.scope).toMatchObject({ query: '政绩观', filters: [], everyPrinting: false, sort: 'relevance' });
    expect(screen.getByTestId('analysis-scope')).toHaveTextContent('符合“政绩观”的 2 篇文章');
  });

  it('draws a trend of two terms and saves its data and the chart', async () => {
    const user = userEvent.setup();
    const { client, desk } = setup();
    client.page = page([], { total: 2 });
    render(AnalysisView, { client, desk, onopenarticle: vi.fn() });
    await user.click(screen.getByTestId('analysis-tab-trends'));
    await user.type(screen.getByTestId('trend-input'), '政绩观，偏差');
    await user.click(screen.getByTestId('trend-run'));
    const chart = await screen.findByTestId('trend-chart', undefined, { timeout: 5000 });
    expect(client.calls.find(([t]) => t === 'trends')![1]).toMatchObject({ terms: ['政绩观', '偏差'], groupBy: 'none' });
    expect(chart).toHaveAttribute('data-series', '2');
    expect(chart).toHaveAttribute('data-months', '2');
    expect(chart.querySelectorAll('circle')).toHaveLength(4);
    await user.click(screen.getByTestId('trend-export-csv'));
    expect((await saved[0].text()).split('\r\n')[1]).toBe('2026-05,政绩观,,1,1,2,2,1');
    await user.click(screen.getByTestId('trend-export-svg'));
    expect(await saved[1].text()).toContain('<svg');
  });

  it('lists frequencies, and a word opens its concordance', async () => {
    const user = userEvent.setup();
    const { client, desk } = setup();
    client.page = page([], { total: 2 });
    render(AnalysisView, { client, desk, onopenarticle: vi.fn() });
    await user.click(screen.getByTestId('analysis-tab-freq'));
    await waitFor(() => expect(screen.getAllByTestId('freq-word')).toHaveLength(2));
    expect(screen.getAllByTestId('keyword-row')[0]).toHaveTextContent('政绩观');
    await user.click(within(screen.getAllByTestId('freq-word')[0]).getByRole('button', { name: '政绩观' }));
    await waitFor(() => expect(screen.getAllByTestId('kwic-row')).toHaveLength(3));
    expect(screen.getByTestId('kwic-input')).toHaveValue('政绩观');
  });

  it('shows who appears together as a table and a network', async () => {
    const user = userEvent.setup();
    const { client, desk } = setup();
    client.page = page([], { total: 2 });
    render(AnalysisView, { client, desk, onopenarticle: vi.fn() });
    await user.click(screen.getByTestId('analysis-tab-co'));
    await waitFor(() => expect(screen.getAllByTestId('co-pair')).toHaveLength(1));
    expect(screen.getByTestId('co-pair')).toHaveTextContent('刘怀斌（红旗区）');
    await waitFor(() => expect(screen.getAllByTestId('co-node')).toHaveLength(2), { timeout: 5000 });
  });
});

describe('UserWords', () => {
  it('sends a word to the worker, lists it, and says how many articles were segmented again', async () => {
    const user = userEvent.setup();
    const { client, desk } = setup();
    render(UserWords, { desk });
    await user.type(screen.getByTestId('user-word-input'), '二马机制');
    await user.click(screen.getByTestId('user-word-add'));
    await waitFor(() => expect(screen.getByTestId('user-words-result')).toHaveAttribute('data-resegmented', '3'));
    expect(client.calls).toContainEqual(['user-words', { words: [{ word: '二马机制', tag: 'n' }] }]);
    expect(screen.getAllByTestId('user-word')).toHaveLength(1);
    // One character is no word for jieba's dictionary: refused with a reason, nothing sent.
    await user.type(screen.getByTestId('user-word-input'), '马');
    await user.click(screen.getByTestId('user-word-add'));
    expect(screen.getByRole('alert')).toHaveTextContent('2 到 32 个字');
    expect(client.calls.filter(([t]) => t === 'user-words')).toHaveLength(1);
  });

  it("lists the corpus's words from the start and again when the people index moves on", async () => {
    const { client, desk } = setup();
    let words = [{ word: '万人助万企', tag: 'n', freq: 1000, known: false }];
    client.handlers['user-words-list'] = () => words;
    const stop = desk.restoreUserWords();
    await waitFor(() => expect(desk.userWords.map((w) => w.word)).toEqual(['万人助万企']));
    // Another corpus opened (its pass bumps the revision): its words replace the list.
    words = [{ word: '二马机制', tag: 'nz', freq: 1000, known: false }];
    client.entities = status({ revision: 2 });
    await waitFor(() => expect(desk.userWords.map((w) => w.word)).toEqual(['二马机制']));
    stop();
    expect(client.calls.filter(([t]) => t === 'user-words-list')).toHaveLength(2);
  });
});
