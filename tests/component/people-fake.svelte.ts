// The fake corpus client with the entity pass's status (reactive, as the real client has it),
// and small people-index values for the people and analysis component tests.
import type { PersonDetail, PersonSummary, PlaceRow, PostDetail, PostSummary } from '../../src/core/analysis/people-views';
import type { EntitiesStatus } from '../../src/worker/analysis-protocol';
import { FakeClient } from './fake-client.svelte';

/** A FakeClient whose `entities` status a test can move. */
export class EntitiesFake extends FakeClient {
  entities = $state.raw<EntitiesStatus | null>(null);
}

/** A status, overridable. */
export function status(over: Partial<EntitiesStatus> = {}): EntitiesStatus {
  return {
    phase: 'ready', done: 51, total: 51, revision: 1, articles: 51, people: 2, posts: 3, places: 1, dictionaryWords: 2,
    resegmented: 4, timings: { tagMs: 50, extractMs: 40, writeMs: 5, resegmentMs: 30, totalMs: 300 }, problem: null, ...over,
  };
}

export const people: PersonSummary[] = [
  {
    id: '丁文广@凤泉区', name: '丁文广', district: '凤泉区', roles: ['official'], confidence: 'high',
    latestPost: { post: '凤泉区委书记', title: '书记', date: '2026-05-30' }, postCount: 2, articleCount: 2, namesakes: 0,
  },
  {
    id: '张三@press:新乡日报', name: '张三', district: null, roles: ['reporter'], confidence: 'medium',
    latestPost: null, postCount: 0, articleCount: 5, namesakes: 1,
  },
];

export const dingWenguang: PersonDetail = {
  ...people[0],
  posts: [
    { post: '凤泉区区长', title: '区长', org: '凤泉区', district: '凤泉区', official: true, mentions: 1, undated: 0,
      first: { date: '2023-08-26', precision: 'day', articleId: 21 }, last: { date: '2023-08-26', precision: 'day', articleId: 21 } },
    { post: '凤泉区委书记', title: '书记', org: '凤泉区委', district: '凤泉区', official: true, mentions: 2, undated: 1,
      first: { date: '2026', precision: 'year', articleId: 40 }, last: { date: '2026-05-30', precision: 'day', articleId: 44 } },
  ],
  reasons: [{ code: 'district', detail: ['凤泉区'] }],
  sameNameAs: [],
  articles: [
    { id: 21, headline: '凤泉区召开“4+N”专班工作调度会', date: '2023-08-26', district: '凤泉区', paper: null },
    { id: 44, headline: '开展集体学习研讨', date: '2026-05-30', district: '凤泉区', paper: '新乡日报' },
  ],
};

export const posts: PostSummary[] = [
  { post: '卫滨区委书记', title: '书记', org: '卫滨区委', district: '卫滨区', holders: 2, latest: '邓国永' },
];

export const weibinSecretary: PostDetail = {
  post: '卫滨区委书记', title: '书记', org: '卫滨区委', district: '卫滨区', latest: '邓国永',
  holders: [
    { personId: '李海潮@卫滨区', name: '李海潮', first: { date: '2023-08-25', precision: 'day', articleId: 3 }, last: null, mentions: 1, undated: 0 },
    { personId: '邓国永@卫滨区', name: '邓国永', first: { date: '2026-05-29', precision: 'day', articleId: 30 }, last: { date: '2026-06-02', precision: 'day', articleId: 31 }, mentions: 2, undated: 1 },
  ],
};

const path = (county: string, town: string | null = null) => ({ province: '河南省', city: '新乡市', county, town });

export const places: PlaceRow[] = [
  { name: '洪门镇', level: 'town', status: 'resolved', resolvedBy: 'district', ...path('红旗区', '洪门镇'), candidates: [], mentions: 1, articles: 1 },
  {
    name: '城关镇', level: 'town', status: 'ambiguous', resolvedBy: null, province: null, city: null, county: null, town: null,
    candidates: Array.from({ length: 15 }, (_, i) => path(`某${i}县`, '城关镇')), mentions: 1, articles: 1,
  },
];
