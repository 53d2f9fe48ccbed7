// CSV files of the analysis views (concordance lines, trend data, frequency and co-occurrence
// tables): the SQL console's writer (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel
// reads the Chinese text as UTF-8).
import { toCsv } from '../console/csv';
import type { TimelineReport } from './timeline';
import type { CoReport, FrequencyReport, KwicLine, TrendReport } from './types';

/** Concordance lines as CSV: left context, match, right context and where each line is from. */
export function concordanceCsv(lines: readonly KwicLine[]): string {
  return toCsv(
    ['left', 'match', 'right', 'article_id', 'field', 'headline', 'date', 'district', 'paper'],
    lines.map((l) => [l.left, l.match, l.right, l.articleId, l.field, l.headline, l.date, l.district, l.paper]),
  );
}

/** Trend data as CSV: one row per month and series, with the counts behind each value. */
export function trendCsv(report: TrendReport): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const s of report.series) {
    report.months.forEach((month, i) => {
      rows.push([month, s.term, s.group, s.articles[i], s.holding[i], s.occurrences[i], s.perArticle[i], s.share[i]]);
    });
  }
  return toCsv(['month', 'term', 'group', 'articles', 'articles_with_term', 'occurrences', 'per_article', 'share'], rows);
}

/** The word and phrase lists as CSV. */
export function frequencyCsv(report: FrequencyReport): string {
  return toCsv(['kind', 'term', 'count', 'articles'], [
    ...report.words.map((w) => ['word', w.term, w.count, w.docs]),
    ...report.phrases.map((p) => ['phrase', p.term, p.count, p.docs]),
  ]);
}

/** The co-occurring pairs as CSV. */
export function cooccurrenceCsv(report: CoReport): string {
  const name = new Map(report.nodes.map((n) => [n.id, n]));
  return toCsv(['person_a', 'district_a', 'person_b', 'district_b', 'articles'], report.edges.map((e) => [
    name.get(e.source)?.name ?? e.source, name.get(e.source)?.district ?? null,
    name.get(e.target)?.name ?? e.target, name.get(e.target)?.district ?? null, e.count,
  ]));
}

/** The corpus timeline as CSV: one row per month. */
export function timelineCsv(report: TimelineReport): string {
  return toCsv(['month', 'articles', 'event_dates', 'articles_naming_dates'], report.months.map((m) => [m.month, m.articles, m.events, m.eventArticles]));
}
