// Where each field of an article came from: clicking a field opens the original text and marks
// its source exactly; repairs are marked at the join; the text stays exactly the file's text.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ArticleView from '../../src/ui/components/ArticleView.svelte';
import type { ArticleDetail } from '../../src/core/store/types';
import type { Span } from '../../src/core/types';
import { i18n } from '../../src/ui/lib/i18n.svelte';

beforeEach(() => i18n.set('zh'));

const TEXT = [
  '新乡日报 第04版', '', '封丘县防汛办', '## 封丘县召开防汛工作会议', '——压实责任',
  '本报讯(记者 张三 通讯员 李四) 6月8日,封丘县召开会议。部署防', '', '汛工作。(封丘宣)', '', '## 下一篇',
].join('\n');

/** The span of the first `needle` at or after `from`. */
function at(needle: string, from = 0): Span {
  const start = TEXT.indexOf(needle, from);
  if (start < 0) throw new Error(`not in the text: ${needle}`);
  return { start, end: start + needle.length };
}

function sourceDetail(window: { offset: number } | null = null): ArticleDetail {
  const article = { start: TEXT.indexOf('封丘县防汛办'), end: TEXT.indexOf('\n\n## 下一篇') };
  const join = at('部署防\n\n汛工作');
  const offset = window?.offset ?? 0;
  return {
    id: 7, bulletinId: 3, index: 0,
    article: {
      kicker: '封丘县防汛办', headline: '封丘县召开防汛工作会议', subtitle: '——压实责任', column: null, kind: 'news',
      lead: '本报讯', dateline: '6月8日', date: '2026-06-08', byline: '记者 张三 通讯员 李四', reporters: ['张三'],
      correspondents: ['李四'], credit: '封丘宣', district: '封丘县', body: '6月8日,封丘县召开会议。部署防汛工作。',
      original: TEXT.slice(article.start, article.end),
      repairs: [{ type: 'join', original: '部署防\n\n汛工作', replacement: '部署防汛工作', span: join, note: 'joined a sentence split by a page break' }],
      flags: [],
      spans: {
        article, kicker: at('封丘县防汛办'), headline: at('封丘县召开防汛工作会议'), subtitle: at('——压实责任'),
        lead: at('本报讯'), byline: at('记者 张三 通讯员 李四'), dateline: at('6月8日'), credit: at('封丘宣'),
        paragraphs: [at('6月8日,封丘县召开会议。部署防'), at('汛工作。')],
      },
    },
    bulletin: {
      id: 3, name: '新乡日报_2026-06-10_04.txt', path: '新乡日报_2026-06-10_04.txt', sha256: 'a'.repeat(64), paper: '新乡日报',
      date: '2026-06-10', encoding: 'utf-8', text: TEXT.slice(offset), textOffset: offset, totalLength: TEXT.length,
    },
  } as ArticleDetail;
}

const fieldButton = (field: string) => within(document.querySelector<HTMLElement>(`[data-field="${field}"]`)!).getByRole('button');
const highlights = () => screen.queryAllByTestId('source-highlight').map((m) => m.textContent).join('|');

describe('field sources in the article view', () => {
  it('clicking a field opens the original and marks exactly where the field came from', async () => {
    render(ArticleView, { detail: sourceDetail(), onclose: () => {} });
    expect(screen.queryByTestId('article-original-text')).toBeNull();
    await userEvent.click(fieldButton('byline'));
    expect(screen.getByTestId('article-original')).toHaveAttribute('open');
    expect(highlights()).toBe('记者 张三 通讯员 李四');
    expect(screen.getByTestId('source-status')).toHaveTextContent('已在原文中标出:署名');
    for (const [field, text] of [['kicker', '封丘县防汛办'], ['headline', '封丘县召开防汛工作会议'], ['subtitle', '——压实责任'],
      ['lead', '本报讯'], ['dateline', '6月8日'], ['credit', '封丘宣'], ['reporters', '张三'], ['correspondents', '李四']]) {
      await userEvent.click(fieldButton(field));
      expect(highlights(), field).toBe(text);
      expect(fieldButton(field)).toHaveAttribute('aria-pressed', 'true');
    }
    // The text shown is still exactly the file's text: marks add elements, never characters.
    expect(screen.getByTestId('article-original-text').textContent).toBe(TEXT);
  });

  it('previews a field on hover and goes back to the clicked one on leaving', async () => {
    render(ArticleView, { detail: sourceDetail(), onclose: () => {} });
    await userEvent.click(fieldButton('credit'));
    await fireEvent.mouseEnter(fieldButton('headline'));
    expect(highlights()).toBe('封丘县召开防汛工作会议');
    await fireEvent.mouseLeave(fieldButton('headline'));
    expect(highlights()).toBe('封丘宣');
  });

  it('points inferred fields at what they were read from, and says so', async () => {
    render(ArticleView, { detail: sourceDetail(), onclose: () => {} });
    const date = document.querySelector('[data-field="date"]')!;
    expect(date).toHaveTextContent('由“6月8日”和简报日期推断');
    await userEvent.click(fieldButton('date'));
    expect(highlights()).toBe('6月8日');
    const district = document.querySelector('[data-field="district"]')!;
    expect(district).toHaveTextContent('取自引题');
    await userEvent.click(fieldButton('district'));
    expect(highlights()).toBe('封丘县');
    expect(screen.getAllByTestId('source-highlight')[0].closest('mark.article')).not.toBeNull();
    const kind = document.querySelector('[data-field="kind"]')!;
    expect(kind).toHaveTextContent('推断所得');
    expect(within(kind as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('marks a repair at its join and highlights the repaired passage from the repairs list', async () => {
    render(ArticleView, { detail: sourceDetail(), onclose: () => {} });
    await userEvent.click(screen.getByTestId('repair-source'));
    const original = screen.getByTestId('article-original-text');
    const mark = within(original).getByTestId('repair-mark');
    expect(mark).toHaveAttribute('title', '接续 · 此处原有分栏或换页,已接续');
    expect(within(mark).getByTestId('repair-join').textContent).toBe('\n\n');
    expect(highlights()).toBe('部署防\n\n汛工作');
    expect(original.textContent).toBe(TEXT);
  });

  it('finds the source inside a window of a huge file', async () => {
    const d = sourceDetail({ offset: 12 });
    render(ArticleView, { detail: d, onclose: () => {} });
    await userEvent.click(fieldButton('credit'));
    expect(highlights()).toBe('封丘宣');
    expect(screen.getByTestId('article-original-text').textContent).toBe(TEXT.slice(12));
  });

  it('says when a field’s source lies outside the window shown', async () => {
    const d = sourceDetail({ offset: 12 });
    d.article.spans.kicker = { start: 0, end: 4 }; // before the window
    render(ArticleView, { detail: d, onclose: () => {} });
    await userEvent.click(fieldButton('kicker'));
    expect(screen.getByTestId('source-status')).toHaveTextContent('不在显示的片段内');
    expect(screen.queryAllByTestId('source-highlight')).toHaveLength(0);
  });
});
