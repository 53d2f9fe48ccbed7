import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ResultList from '../../src/ui/components/ResultList.svelte';
import SearchBox from '../../src/ui/components/SearchBox.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { FakeClient, page, row } from './fake-client.svelte';

beforeEach(() => i18n.set('zh'));

describe('SearchBox', () => {
  it('sends every keystroke to the client as the new query', async () => {
    const client = new FakeClient();
    render(SearchBox, { client });
    await userEvent.type(screen.getByTestId('search-input'), '防汛');
    const queries = client.calls.filter(([k]) => k === 'setQuery').map(([, q]) => q);
    expect(queries.at(-1)).toBe('防汛');
    expect(queries.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the client’s current query and a Chinese placeholder', () => {
    const client = new FakeClient();
    client.query = '学习';
    render(SearchBox, { client });
    const input = screen.getByTestId('search-input') as HTMLInputElement;
    expect(input.value).toBe('学习');
    expect(input.placeholder).toContain('精确匹配');
  });
});

describe('ResultList', () => {
  it('shows headline, kicker, credit and source file of each result and the count', () => {
    const client = new FakeClient();
    client.page = page([row(), row({ id: 2, headline: '第二篇', kicker: null, credit: null, file: 'b.md' })], { total: 2 });
    render(ResultList, { client });
    const items = screen.getAllByTestId('result-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('封丘县召开防汛工作会议');
    expect(items[0]).toHaveTextContent('封丘县防汛办');
    expect(within(items[0]).getByTestId('result-credit')).toHaveTextContent('封丘宣');
    expect(within(items[0]).getByTestId('result-file')).toHaveTextContent('新乡日报_2026-06-10_04.txt');
    expect(within(items[1]).queryByTestId('result-credit')).toBeNull();
    expect(screen.getByTestId('result-count')).toHaveTextContent('共 2 篇文章');
  });

  it('marks exactly the hits of the query in headline, kicker and snippet', () => {
    const client = new FakeClient();
    client.page = page([row()], { query: '防汛', total: 1 });
    render(ResultList, { client });
    const marks = screen.getByTestId('result-item').querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['防汛', '防汛', '防汛']);
    expect(screen.getByTestId('result-count')).toHaveTextContent('1 篇文章包含“防汛”');
    expect(screen.getByTestId('result-list')).toHaveAttribute('data-query', '防汛');
  });

  it('renders markup in corpus text as text, never as HTML', () => {
    const client = new FakeClient();
    const evil = '<img src=x onerror="window.pwned=1">标题';
    client.page = page([row({ headline: evil, snippet: [{ text: '<b>粗体</b>', hit: false }] })]);
    const { container } = render(ResultList, { client });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByTestId('result-item')).toHaveTextContent(evil);
    expect(screen.getByTestId('result-snippet')).toHaveTextContent('<b>粗体</b>');
  });

  it('opens the clicked article', async () => {
    const client = new FakeClient();
    client.page = page([row({ id: 11 }), row({ id: 12, headline: '另一篇' })]);
    render(ResultList, { client });
    await userEvent.click(screen.getAllByTestId('result-item')[1]);
    expect(client.calls).toContainEqual(['openArticle', 12]);
  });

  it('says when nothing matches and pages through long result lists', async () => {
    const client = new FakeClient();
    client.page = page([], { query: '洪涝', total: 0 });
    const { rerender } = render(ResultList, { client });
    expect(screen.getByTestId('result-count')).toHaveTextContent('没有文章包含“洪涝”');
    expect(screen.queryAllByTestId('result-item')).toHaveLength(0);

    client.page = page([row({ id: 1 }), row({ id: 2 })], { total: 5, offset: 2 });
    await rerender({ client });
    expect(screen.getByTestId('page-info')).toHaveTextContent('第 3–4 篇');
    await userEvent.click(screen.getByTestId('page-next'));
    await userEvent.click(screen.getByTestId('page-prev'));
    expect(client.calls.filter(([k]) => k === 'gotoOffset')).toEqual([['gotoOffset', 4], ['gotoOffset', 0]]);
  });

  it('flags a search in progress', () => {
    const client = new FakeClient();
    client.page = page([row()]);
    client.searching = true;
    render(ResultList, { client });
    expect(screen.getByTestId('result-list')).toHaveAttribute('data-state', 'busy');
    expect(screen.getByTestId('result-count')).toHaveTextContent('搜索中');
  });
});
