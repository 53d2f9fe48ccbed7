// A term's frequency by month, normalised by how many articles each month has, so a month with
// twice the articles does not look like twice the interest. Optionally split by district or
// paper (the largest groups only), several terms at once. Matching is the search's (folded).
import { foldText } from '../query/fold';
import type { AnalysisDoc, TrendGroupBy, TrendReport, TrendSeries } from './types';

/** Options of a trend report. */
export interface TrendOptions {
  groupBy?: TrendGroupBy;
  /** Groups charted when split (the largest by articles; default 5). */
  maxGroups?: number;
}

/** The month (YYYY-MM) of an ISO date, or null for a date with only a year, or none. */
export function monthOf(date: string | null): string | null {
  const m = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Every month from `first` to `last` (YYYY-MM), both included. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Non-overlapping occurrences of a folded needle in a folded text. */
export function countOccurrences(folded: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) n++;
  return n;
}

function searchable(doc: AnalysisDoc): string {
  return foldText([doc.headline, doc.subtitle ?? '', doc.kicker ?? '', doc.body].join('\n'));
}

/** Each term's occurrences per article and share of articles by month (and group). */
export function trends(docs: readonly AnalysisDoc[], terms: readonly string[], opts: TrendOptions = {}): TrendReport {
  const groupBy = opts.groupBy ?? 'none';
  const maxGroups = Math.max(1, Math.floor(opts.maxGroups ?? 5));
  const wanted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  const dated = docs.flatMap((d) => {
    const month = monthOf(d.date);
    return month ? [{ d, month }] : [];
  });
  const undated = docs.length - dated.length;
  const empty: TrendReport = { terms: wanted, groupBy, months: [], series: [], undated, otherGroups: 0 };
  if (!dated.length || !wanted.length) return empty;
  const sortedMonths = dated.map((x) => x.month).sort();
  const months = monthRange(sortedMonths[0], sortedMonths[sortedMonths.length - 1]);
  const monthIndex = new Map(months.map((m, i) => [m, i]));

  // The groups: every article (null), or the largest districts or papers.
  const groupOf = (d: AnalysisDoc): string | null => (groupBy === 'district' ? d.district : groupBy === 'paper' ? d.paper : null);
  let groups: Array<string | null> = [null];
  let otherGroups = 0;
  if (groupBy !== 'none') {
    const sizes = new Map<string, number>();
    for (const { d } of dated) {
      const g = groupOf(d);
      if (g) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    }
    const ranked = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([g]) => g);
    groups = ranked.slice(0, maxGroups);
    otherGroups = ranked.length - groups.length;
  }

  const needles = wanted.map(foldText);
  const series: TrendSeries[] = [];
  const byKey = new Map<string, TrendSeries>();
  for (const term of wanted) {
    for (const group of groups) {
      const s: TrendSeries = {
        term, group, perArticle: [], share: [], occurrences: months.map(() => 0), holding: months.map(() => 0), articles: months.map(() => 0),
      };
      series.push(s);
      byKey.set(`${term}\u0000${group ?? ''}`, s);
    }
  }
  for (const { d, month } of dated) {
    const group = groupOf(d);
    if (groupBy !== 'none' && (group === null || !groups.includes(group))) continue;
    const i = monthIndex.get(month)!;
    const text = searchable(d);
    wanted.forEach((term, t) => {
      const s = byKey.get(`${term}\u0000${group ?? ''}`)!;
      const n = countOccurrences(text, needles[t]);
      s.articles[i]++;
      s.occurrences[i] += n;
      if (n) s.holding[i]++;
    });
  }
  for (const s of series) {
    s.perArticle = s.articles.map((a, i) => (a ? s.occurrences[i] / a : null));
    s.share = s.articles.map((a, i) => (a ? s.holding[i] / a : null));
  }
  return { terms: wanted, groupBy, months, series, undated, otherGroups };
}
