import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import ArticleView from '../../src/ui/components/ArticleView.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { detail } from './fake-client.svelte';

beforeEach(() => i18n.set('zh'));

const field = (name: string) => document.querySelector(`[data-field="${name}"] dd`);

describe('ArticleView', () => {
  it('shows the headline block: column, kicker, headline and subtitle', () => {
    render(ArticleView, { detail: detail(), onclose: () => {} });
    expect(screen.getByTestId('article-column')).toHaveTextContent('县域动态');
    expect(screen.getByTestId('article-kicker')).toHaveTextContent('封丘县防汛办');
    expect(screen.getByTestId('article-headline')).toHaveTextContent('封丘县召开防汛工作会议');
    expect(screen.getByTestId('article-subtitle')).toHaveTextContent('——压实责任');
  });

  it('lists every metadata field with its label, and a dash where the parser found nothing', () => {
    render(ArticleView, { detail: detail({ district: null, reporters: [] }), onclose: () => {} });
    expect(field('lead')).toHaveTextContent('本报讯');
    expect(field('dateline')).toHaveTextContent('6月8日');
    expect(field('date')).toHaveTextContent('2026-06-08');
    expect(field('byline')).toHaveTextContent('记者 张三 通讯员 李四');
    expect(field('correspondents')).toHaveTextContent('李四');
    expect(field('credit')).toHaveTextContent('封丘宣');
    expect(field('kind')).toHaveTextContent('消息');
    expect(field('paper')).toHaveTextContent('新乡日报');
    expect(field('district')).toHaveTextContent('—');
    expect(field('reporters')).toHaveTextContent('—');
    expect(field('source')).toHaveTextContent('新乡日报_2026-06-10_04.txt · 第 2 篇');
    expect(within(screen.getByTestId('article-meta')).getByText('供稿')).toBeInTheDocument();
  });

  it('shows one paragraph per body line with the search hits marked', () => {
    render(ArticleView, { detail: detail(), query: '防汛', onclose: () => {} });
    const paras = screen.getByTestId('article-body').querySelectorAll('p');
    expect([...paras].map((p) => p.textContent)).toEqual(['封丘县召开会议。', '部署防汛工作。']);
    expect(screen.getByTestId('article-body').querySelectorAll('mark')).toHaveLength(1);
    expect(screen.getByTestId('article-headline').querySelector('mark')).toHaveTextContent('防汛');
  });

  it('lists the repairs with the original text kept', () => {
    render(ArticleView, { detail: detail(), onclose: () => {} });
    const repairs = screen.getByTestId('article-repairs');
    expect(repairs).toHaveTextContent('接续');
    expect(repairs).toHaveTextContent('部署防汛工作');
    expect(repairs).toHaveTextContent('page break');
  });

  it('keeps the original file collapsed until opened, then shows it with the article marked', async () => {
    const d = detail();
    render(ArticleView, { detail: d, onclose: () => {} });
    const original = screen.getByTestId('article-original');
    expect(original).not.toHaveAttribute('open');
    expect(screen.queryByTestId('article-original-text')).toBeNull();
    expect(original).toHaveTextContent('原始文件:新乡日报_2026-06-10_04.txt');
    await userEvent.click(within(original).getByText(/原始文件/));
    const text = await screen.findByTestId('article-original-text');
    expect(text.textContent).toBe(d.bulletin.text);
    expect(text.querySelector('mark')!.textContent).toBe(d.article.original);
  });

  it('marks the article inside a windowed excerpt of a huge file', async () => {
    const d = detail();
    const cut = 4;
    d.bulletin = { ...d.bulletin, text: d.bulletin.text.slice(cut), textOffset: cut, totalLength: 2_000_000 };
    render(ArticleView, { detail: d, onclose: () => {} });
    await userEvent.click(within(screen.getByTestId('article-original')).getByText(/原始文件/));
    const text = await screen.findByTestId('article-original-text');
    expect(text.querySelector('mark')!.textContent).toBe(d.article.original);
    expect(screen.getByTestId('article-original')).toHaveTextContent('共 2,000,000 个');
  });

  it('renders corpus markup as text and goes back with the back button', async () => {
    const onclose = vi.fn();
    const { container } = render(ArticleView, { detail: detail({ body: '<script>alert(1)</script>\n<a href="x">链接</a>' }), onclose });
    expect(container.querySelector('script, a')).toBeNull();
    expect(screen.getByTestId('article-body')).toHaveTextContent('<script>alert(1)</script>');
    await userEvent.click(screen.getByTestId('article-close'));
    expect(onclose).toHaveBeenCalledOnce();
  });

  it('speaks English after the switch', () => {
    i18n.set('en');
    render(ArticleView, { detail: detail(), onclose: () => {} });
    expect(screen.getByTestId('article-close')).toHaveTextContent('Back to the list');
    expect(field('kind')).toHaveTextContent('news');
    expect(screen.getByTestId('article-meta')).toHaveTextContent('Credit');
  });
});
