// The people index's components: the list (filter, roles, order), a person's posts over time with
// dated links to articles, who held a post when, places with an ambiguous one left ambiguous, and
// the index following the worker's entity pass.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import PeopleView from '../../src/ui/components/PeopleView.svelte';
import PlacesView from '../../src/ui/components/PlacesView.svelte';
import { AnalysisDesk } from '../../src/ui/lib/analysis-client.svelte';
import { i18n } from '../../src/ui/lib/i18n.svelte';
import { dingWenguang, EntitiesFake, people, places, posts, status, weibinSecretary } from './people-fake.svelte';

beforeEach(() => i18n.set('zh'));

function setup(over: Partial<ReturnType<typeof status>> = {}) {
  const client = new EntitiesFake();
  client.entities = status(over);
  client.handlers = {
    people: () => people,
    posts: () => posts,
    places: () => places,
    person: ({ personId }) => (personId === dingWenguang.id ? dingWenguang : null),
    post: ({ post, district }) => (post === '卫滨区委书记' && district === '卫滨区' ? weibinSecretary : null),
  };
  const desk = new AnalysisDesk(() => client);
  const onopenarticle = vi.fn();
  render(PeopleView, { desk, onopenarticle });
  return { client, desk, onopenarticle };
}

describe('PeopleView', () => {
  it('lists the people with district, latest post and confidence, and says the index is current', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByTestId('person-item')).toHaveLength(2));
    expect(screen.getByTestId('people-view')).toHaveAttribute('data-state', 'ready');
    const ding = screen.getAllByTestId('person-item')[0];
    expect(ding).toHaveTextContent('丁文广');
    expect(ding).toHaveTextContent('凤泉区委书记');
    expect(ding).toHaveTextContent('把握高');
    expect(screen.getAllByTestId('person-item')[1]).toHaveTextContent('另有 1 位同名者');
    expect(screen.getByTestId('entities-status')).toHaveTextContent('51 篇文章中识别出 2 人');
  });

  it('filters by name, district or post and by role', async () => {
    const user = userEvent.setup();
    setup();
    await waitFor(() => expect(screen.getAllByTestId('person-item')).toHaveLength(2));
    await user.type(screen.getByTestId('people-filter'), '凤泉');
    expect(screen.getAllByTestId('person-item')).toHaveLength(1);
    await user.clear(screen.getByTestId('people-filter'));
    await user.selectOptions(screen.getByTestId('people-role'), 'press');
    expect(screen.getAllByTestId('person-item').map((li) => li.dataset.personId)).toEqual(['张三@press:新乡日报']);
    await user.selectOptions(screen.getByTestId('people-role'), 'all');
    await user.selectOptions(screen.getByTestId('people-order'), 'articles');
    expect(screen.getAllByTestId('person-item').map((li) => li.dataset.personId)[0]).toBe('张三@press:新乡日报');
  });

  it("opens a person's page: posts in time order with dates and precision, articles that open", async () => {
    const user = userEvent.setup();
    const { client, onopenarticle } = setup();
    await waitFor(() => expect(screen.getAllByTestId('person-item')).toHaveLength(2));
    await user.click(within(screen.getAllByTestId('person-item')[0]).getByRole('button', { name: '丁文广' }));
    await waitFor(() => expect(screen.getAllByTestId('person-post')).toHaveLength(2));
    expect(client.calls).toContainEqual(['person', { personId: '丁文广@凤泉区' }]);
    const [mayor, secretary] = screen.getAllByTestId('person-post');
    expect(mayor).toHaveAttribute('data-post', '凤泉区区长');
    expect(within(mayor).getByTestId('person-post-first')).toHaveTextContent('2023-08-26');
    // A year-only date says so; the last mention is its own link.
    expect(within(secretary).getByTestId('person-post-first')).toHaveTextContent('2026（仅知年份）');
    expect(secretary).toHaveTextContent('其中 1 次无年份');
    await user.click(within(secretary).getByTestId('person-post-last'));
    expect(onopenarticle).toHaveBeenCalledWith(44);
    expect(screen.getByTestId('person-confidence')).toHaveTextContent('见于凤泉区');
    await user.click(screen.getAllByTestId('person-article')[0]);
    expect(onopenarticle).toHaveBeenLastCalledWith(21);
    await user.click(screen.getByTestId('people-back'));
    expect(screen.getAllByTestId('person-item')).toHaveLength(2);
  });

  it('opens a post page that lists who held it when, and a holder opens their page', async () => {
    const user = userEvent.setup();
    const { client } = setup();
    await user.click(screen.getByTestId('people-tab-posts'));
    await waitFor(() => expect(screen.getAllByTestId('post-item')).toHaveLength(1));
    await user.click(within(screen.getByTestId('post-item')).getByRole('button', { name: '卫滨区委书记' }));
    await waitFor(() => expect(screen.getAllByTestId('post-holder')).toHaveLength(2));
    expect(screen.getAllByTestId('post-holder').map((h) => h.dataset.personId)).toEqual(['李海潮@卫滨区', '邓国永@卫滨区']);
    expect(within(screen.getAllByTestId('post-holder')[1]).getByTestId('post-holder-last')).toHaveTextContent('2026-06-02');
    client.handlers.person = () => ({ ...dingWenguang, id: '邓国永@卫滨区', name: '邓国永' });
    await user.click(within(screen.getAllByTestId('post-holder')[1]).getByRole('button', { name: '邓国永' }));
    await waitFor(() => expect(screen.getByTestId('person-name')).toHaveTextContent('邓国永'));
  });

  it('shows the pass in progress, and fetches the index again when a new revision is ready', async () => {
    const { client } = setup({ phase: 'tagging', done: 10, total: 51, revision: 0 });
    expect(screen.getByTestId('people-view')).toHaveAttribute('data-state', 'computing');
    expect(screen.getByTestId('entities-status')).toHaveTextContent('正在分词标注：10/51 篇');
    const asked = () => client.calls.filter(([t]) => t === 'people').length;
    await waitFor(() => expect(asked()).toBe(1));
    client.entities = status({ revision: 2 });
    await waitFor(() => expect(asked()).toBe(2));
    await waitFor(() => expect(screen.getByTestId('people-view')).toHaveAttribute('data-state', 'ready'));
  });
});

describe('PlacesView', () => {
  it('places a town under its district and city, and lists an ambiguous name with its candidates', async () => {
    const user = userEvent.setup();
    render(PlacesView, { places });
    const [hongmen, chengguan] = screen.getAllByTestId('place-item');
    expect(hongmen).toHaveAttribute('data-status', 'resolved');
    expect(hongmen).toHaveTextContent('河南省 › 新乡市 › 红旗区 › 洪门镇');
    expect(chengguan).toHaveAttribute('data-status', 'ambiguous');
    expect(chengguan).toHaveTextContent('有歧义：15 个可能');
    // Nearly a hundred candidates would flood the list: the first twelve, and how many more.
    expect(within(chengguan).getAllByTestId('place-candidate')).toHaveLength(12);
    expect(chengguan).toHaveTextContent('另有 3 个');
    await user.click(screen.getByTestId('places-level-ambiguous'));
    expect(screen.getAllByTestId('place-item')).toHaveLength(1);
    await user.click(screen.getByTestId('places-level-county'));
    expect(screen.queryAllByTestId('place-item')).toHaveLength(0);
  });
});
