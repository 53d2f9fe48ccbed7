// Small hand-made bulletins and parsed results for the store and ingest tests. They do not
// depend on the parser's current rules: the store tests build ParsedBulletin values directly.
import type { Article, ParsedBulletin } from '../../src/core/types';

/** An article with every field set, overridable. */
export function article(over: Partial<Article> = {}): Article {
  const body = over.body ?? '红旗区开展理论学习。\n与会人员进行研讨交流。';
  return {
    kicker: '红旗区委理论学习中心组',
    headline: '开展集中学习研讨',
    subtitle: '——树立和践行正确政绩观',
    column: '红旗动态',
    kind: 'news',
    lead: '本报讯',
    dateline: '6月8日',
    date: '2026-06-08',
    byline: '记者 张三 通讯员 李四',
    reporters: ['张三'],
    correspondents: ['李四'],
    credit: '红旗宣',
    district: '红旗区',
    body,
    original: `## 开展集中学习研讨\n${body}`,
    repairs: [{ type: 'join', original: '理论\n学习', replacement: '理论学习', span: { start: 5, end: 10 }, note: 'column break' }],
    flags: [{ type: 'no-credit', note: 'none found' }],
    spans: { article: { start: 0, end: 40 }, headline: { start: 3, end: 11 }, paragraphs: [{ start: 12, end: 22 }] },
    ...over,
  };
}

/** A parsed bulletin with the given articles and one orphan fragment. */
export function parsed(articles: Article[], fragments = 1): ParsedBulletin {
  return {
    meta: { paper: '新乡日报', date: '2026-06-10', dateSource: 'file-name' },
    articles,
    fragments: Array.from({ length: fragments }, (_, i) => ({
      text: `孤立段落${i}`, reason: 'orphan' as const, span: { start: 100 + i, end: 105 + i },
    })),
  };
}

/** A small Markdown bulletin with three articles under ## headings. */
export const MARKDOWN_BULLETIN = [
  '## 封丘县召开防汛工作会议',
  '',
  '本报讯 6月8日,封丘县召开防汛工作会议,部署汛期各项工作。',
  '',
  '会议要求各乡镇压实责任。(封丘宣)',
  '',
  '## 高新区举办科技活动周',
  '',
  '本报讯 近日,高新区举办科技活动周,展示创新成果。',
  '',
  '## 中原区开展义诊活动',
  '',
  '本报讯 6月9日,中原区卫健委组织专家开展义诊。',
  '',
].join('\n');
