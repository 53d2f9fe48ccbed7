// Repairs inline in the article body (jsdom), on real sample articles parsed by the core: echoes
// and pasted passages struck through with a note where they were, joins marked, the link of a
// pasted passage to its own article, and the switch to the original text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeBytes } from '../../src/core/decode/index';
import { parseBulletin } from '../../src/core/parse/index';
import { articleRef } from '../../src/core/query/ref';
import type { ArticleDetail } from '../../src/core/store/types';
import type { Article } from '../../src/core/types';
import ArticleView from '../../src/ui/components/ArticleView.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { cutParts, inlineRepairs } from '../../src/ui/lib/inline-repairs';

beforeEach(() => i18n.set('zh'));

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const SHA = 'f'.repeat(64);

function sample(file: string) {
  const text = decodeBytes(readFileSync(join(SEEDS, file))).text;
  return { text, articles: parseBulletin(text, { fileName: file }).articles };
}

function detail(a: Article, text: string, index = 0): ArticleDetail {
  return {
    id: 100 + index, bulletinId: 1, index, article: a,
    bulletin: { id: 1, name: 'x.txt', path: 'x.txt', sha256: SHA, paper: null, date: null, encoding: 'utf-8', text, textOffset: 0, totalLength: text.length },
  };
}

/** The clean text of the body: what is left when the inline repair marks are taken out. */
function cleanText(): string {
  const copy = screen.getByTestId('article-body').cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-testid="repair-inline"]').forEach((m) => m.remove());
  return [...copy.querySelectorAll('p')].map((p) => p.textContent).join('\n');
}

describe('repairs inline in the article body', () => {
  const s000 = sample('000_3fbf3b7c5be8bd62.txt');
  const first = s000.articles[0];

  it('strikes the echoes through where they were printed, with a note naming the first copy', () => {
    render(ArticleView, { detail: detail(first, s000.text), onclose: () => {} });
    const echoes = screen.getAllByTestId('repair-inline').filter((m) => m.dataset.type === 'echo');
    expect(echoes.map((m) => m.querySelector('del')?.textContent)).toEqual(first.repairs.filter((r) => r.type === 'echo').map((r) => r.original));
    expect(within(echoes[0]).getByTestId('repair-note')).toHaveTextContent('重复,已删 · 与第 1 段重复(95% 相同)');
    // The kept text is exactly the clean body.
    expect(cleanText()).toBe(first.body.split('\n').filter((l) => l.trim()).join('\n'));
    // The echo sits inside the paragraph it was printed in, after the text before it.
    expect(echoes[0].closest('p')?.textContent).toMatch(/区委常委、区区长刘怀斌/);
  });

  it('marks each join where the break was, with what it dropped across the break', () => {
    render(ArticleView, { detail: detail(first, s000.text), onclose: () => {} });
    const joins = screen.getAllByTestId('repair-inline').filter((m) => m.dataset.type === 'join');
    expect(joins).toHaveLength(first.repairs.filter((r) => r.type === 'join').length);
    expect(joins[0]).toHaveAttribute('aria-label', '已接续;跨断处重复的“系”已删');
    // In place: the kept 体系, the struck 系 printed again across the break, then 和市委.
    expect(joins[0].closest('p')?.textContent).toContain('目标任务体系系和市委');
    expect(joins[0].querySelector('del')).toHaveTextContent('系');
  });

  it('switches to the original text, exactly as in the file, and back', async () => {
    render(ArticleView, { detail: detail(first, s000.text), onclose: () => {} });
    await userEvent.click(screen.getByTestId('text-mode-original'));
    const body = screen.getByTestId('article-body');
    expect(body).toHaveAttribute('data-mode', 'original');
    expect(body.textContent).toBe(first.original);
    expect(screen.getByTestId('text-mode-original')).toHaveAttribute('aria-pressed', 'true');
    expect(within(body).getAllByTestId('repair-inline').length).toBe(first.repairs.length);
    await userEvent.click(screen.getByTestId('text-mode-clean'));
    expect(screen.getByTestId('article-body')).toHaveAttribute('data-mode', 'clean');
  });

  it('links a pasted passage to the article it belongs to', async () => {
    const s001 = sample('001_feb1d816decd85e9.txt');
    const index = s001.articles.findIndex((a) => a.repairs.some((r) => r.type === 'foreign'));
    const host = s001.articles[index];
    const owner = host.flags.find((f) => f.type === 'foreign')!.belongsTo!;
    const onopenref = vi.fn();
    render(ArticleView, { detail: detail(host, s001.text, index), onclose: () => {}, onopenref });
    const pasted = screen.getAllByTestId('repair-inline').find((m) => m.dataset.type === 'foreign')!;
    expect(pasted.querySelector('del')?.textContent).toContain('魏海晓强调');
    expect(pasted.closest('p')).toBeNull(); // a paragraph of its own
    const link = within(pasted).getByTestId('repair-owner');
    expect(link).toHaveTextContent(`属于《${s001.articles[owner].headline}》`);
    await userEvent.click(link);
    expect(onopenref).toHaveBeenCalledWith(articleRef(SHA, owner));
  });

  it('renders repaired text as text, never as HTML', () => {
    const body = '开头一句。<b>粗体</b>结尾。';
    const original = `## 标题\n开头一句。<img src=x onerror=alert(1)><b>粗体</b>结尾。`;
    const start = original.indexOf('<img');
    const a: Article = {
      ...first, headline: '标题', body, original,
      repairs: [{ type: 'echo', original: '<img src=x onerror=alert(1)>', replacement: '', span: { start, end: start + 28 }, note: 'printed again: the first copy is in paragraph 1' }],
      flags: [], spans: { article: { start: 0, end: original.length }, headline: { start: 0, end: 5 }, paragraphs: [{ start: 5, end: original.length }] },
    };
    render(ArticleView, { detail: detail(a, original), onclose: () => {} });
    const bodyEl = screen.getByTestId('article-body');
    expect(bodyEl.querySelector('img, b')).toBeNull();
    expect(within(bodyEl).getByTestId('repair-inline').querySelector('del')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(cleanText()).toBe(body);
  });

  it('shows no switch for an article without repairs', () => {
    const plain = s000.articles.find((a) => a.repairs.length === 0)!;
    render(ArticleView, { detail: detail(plain, s000.text), onclose: () => {} });
    expect(screen.queryByTestId('text-mode-clean')).toBeNull();
    expect(screen.queryAllByTestId('repair-inline')).toHaveLength(0);
  });
});

describe('the layout of inline repairs', () => {
  it('places every repair of the sample bulletins and keeps each body paragraph whole', () => {
    for (const file of ['000_3fbf3b7c5be8bd62.txt', '001_feb1d816decd85e9.txt', '002_a0d3969966a41768.txt', '003_827634933f63f40b.txt', '004_2faae2a4ae9c89fa.txt']) {
      for (const a of sample(file).articles) {
        const layout = inlineRepairs(a);
        expect(layout.aligned, `${file} «${a.headline}»`).toBe(true);
        expect(layout.placed).toHaveLength(a.repairs.length);
        const paragraphs = layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
        expect(paragraphs).toEqual(a.body.split('\n').filter((l) => l.trim()));
      }
    }
  });

  it('falls back to the plain body when the body cannot be aligned to the original', () => {
    const a = { ...sample('000_3fbf3b7c5be8bd62.txt').articles[0] };
    const layout = inlineRepairs({ ...a, body: `${a.body}并非原文中的句子ℤ` });
    expect(layout.aligned).toBe(false);
    expect(layout.placed).toEqual([]);
  });

  it('cuts hit parts at the marks without losing text', () => {
    const parts = [{ text: '红旗区', hit: false }, { text: '防汛', hit: true }, { text: '会议', hit: false }];
    const cut = cutParts(parts, [4, 0, 7]);
    expect(cut.map((p) => p.map((x) => x.text).join(''))).toEqual(['', '红旗区防', '汛会议', '']);
    expect(cut[2][0]).toEqual({ text: '汛', hit: true });
  });
});
