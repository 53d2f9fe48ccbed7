// The query desk's components: syntax hints under the box, the help, facet values that add
// chips, chips that remove themselves, the order and the printing switch, hits marked by the
// searched strings (folded).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FacetCounts } from '../../src/core/query/types';
import Facets from '../../src/ui/components/Facets.svelte';
import FilterChips from '../../src/ui/components/FilterChips.svelte';
import ResultList from '../../src/ui/components/ResultList.svelte';
import SearchBox from '../../src/ui/components/SearchBox.svelte';
import SearchToolbar from '../../src/ui/components/SearchToolbar.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { FakeClient, page, row } from './fake-client.svelte';

beforeEach(() => i18n.set('zh'));

const FACETS: FacetCounts[] = [
  { field: 'district', values: [{ value: '红旗区', count: 7 }, { value: '卫滨区', count: 3 }], truncated: false },
  { field: 'year', values: [{ value: '2026', count: 6 }, { value: '2023', count: 4 }], truncated: false },
  { field: 'kind', values: [{ value: 'photo', count: 2 }], truncated: false },
  { field: 'reporter', values: [], truncated: false },
];

describe('SearchBox', () => {
  it('shows a hint under the box for syntax it cannot use, and none for good syntax', async () => {
    const client = new FakeClient();
    render(SearchBox, { client });
    await userEvent.type(screen.getByTestId('search-input'), 'date:六月 防汛');
    const hint = screen.getByTestId('search-hint');
    expect(hint).toHaveTextContent('“六月”不是日期');
    expect(screen.getByTestId('search-input')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(screen.getByTestId('search-input'));
    await userEvent.type(screen.getByTestId('search-input'), 'headline:防汛 -会议');
    expect(screen.queryByTestId('search-hint')).toBeNull();
  });

  it('words hints in English when the page is in English', async () => {
    i18n.set('en');
    const client = new FakeClient();
    client.query = 'foo:bar';
    render(SearchBox, { client });
    expect(screen.getByTestId('search-hint')).toHaveTextContent('Unknown field "foo:"');
  });

  it('opens and closes the syntax help', async () => {
    const client = new FakeClient();
    render(SearchBox, { client });
    await userEvent.click(screen.getByTestId('search-help-toggle'));
    const help = screen.getByTestId('search-help');
    for (const example of ['"学习 教育"', '防汛 -会议', '红旗区 OR 卫滨区', 'headline:座谈会', 'date:2026-06']) expect(help).toHaveTextContent(example);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('search-help')).toBeNull();
  });
});

describe('Facets', () => {
  it('lists each value with its count and adds a chip when clicked', async () => {
    const client = new FakeClient();
    client.page = page([row()], { facets: FACETS });
    render(Facets, { client });
    const values = screen.getAllByTestId('facet-value');
    expect(values.map((v) => v.textContent?.replace(/\s+/g, ''))).toEqual(['红旗区7', '卫滨区3', '2026年6', '2023年4', '图片新闻2']);
    expect(screen.queryByText('记者')).toBeNull(); // a facet without values is left out
    await userEvent.click(values[1]);
    expect(client.calls).toContainEqual(['addFilter', { field: 'district', value: '卫滨区' }]);
    expect(screen.getAllByTestId('facet-value')[1]).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getAllByTestId('facet-value')[1]);
    expect(client.calls).toContainEqual(['removeFilter', { field: 'district', value: '卫滨区' }]);
  });
});

describe('FilterChips', () => {
  it('shows one removable chip per filter', async () => {
    const client = new FakeClient();
    client.filters = [{ field: 'district', value: '红旗区' }, { field: 'kind', value: 'photo' }];
    render(FilterChips, { client });
    const chips = screen.getAllByTestId('filter-chip');
    expect(chips.map((c) => c.textContent?.replace('×', '').trim())).toEqual(['区县: 红旗区', '类型: 图片新闻']);
    await userEvent.click(within(chips[0]).getByTestId('filter-chip-remove'));
    expect(client.calls).toContainEqual(['removeFilter', { field: 'district', value: '红旗区' }]);
    expect(screen.getAllByTestId('filter-chip')).toHaveLength(1);
  });
});

describe('SearchToolbar', () => {
  it('changes the order and switches to every printing', async () => {
    const client = new FakeClient();
    client.page = page([row()], { total: 3, printings: 5 });
    render(SearchToolbar, { client });
    expect(screen.getByTestId('printings-summary')).toHaveTextContent('共 5 次刊登');
    await userEvent.selectOptions(screen.getByTestId('sort-select'), 'newest');
    expect(client.calls).toContainEqual(['setSort', 'newest']);
    await userEvent.click(screen.getByTestId('every-printing'));
    expect(client.calls).toContainEqual(['setEveryPrinting', true]);
  });
});

describe('ResultList with the desk', () => {
  it('marks every searched string, folded, and shows how often a story was printed', () => {
    const client = new FakeClient();
    client.page = page([row({ headline: '凤泉区學習會議', kicker: null, snippet: [{ text: '學習', hit: true }], printings: 1 } as never)], { query: '学习 会议', terms: ['学习', '会议'] });
    client.page.rows[0].printings = 3;
    render(ResultList, { client });
    const item = screen.getByTestId('result-item');
    expect([...item.querySelectorAll('.headline mark')].map((m) => m.textContent)).toEqual(['學習會議']);
    expect(screen.getByTestId('result-printings')).toHaveTextContent('刊登 3 次');
  });
});
