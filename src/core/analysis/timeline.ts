// The corpus over time: articles by month (their own date, else their bulletin's) and the event
// dates their texts name (eventDates), month by month across the articles' span with empty
// months kept, so a gap in the papers shows as a gap.
import { eventDates } from './event-dates';
import type { AnalysisDoc } from './types';

/** One month of the timeline. */
export interface TimelineMonth {
  /** YYYY-MM. */
  month: string;
  /** Articles dated in this month. */
  articles: number;
  /** Dates of this month named in the texts (a date named twice in an article counts once). */
  events: number;
  /** Articles naming at least one date of this month. */
  eventArticles: number;
}

/** The timeline of a result set. */
export interface TimelineReport {
  months: TimelineMonth[];
  /** Articles without a month (no date, or only a year). */
  undatedArticles: number;
  /** Event dates left out: no year could be inferred, or outside the articles' span of months. */
  eventsUndated: number;
  eventsOutside: number;
}

const monthOf = (date: string | null): string | null => /^\d{4}-\d{2}/.exec(date ?? '')?.[0] ?? null;

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Most months a timeline spans (a stray date far out would otherwise draw centuries). */
const MAX_MONTHS = 600;

/** Articles and event dates by month over the docs. */
export function timeline(docs: readonly AnalysisDoc[]): TimelineReport {
  const articles = new Map<string, number>();
  let undatedArticles = 0;
  for (const d of docs) {
    const m = monthOf(d.date);
    if (m) articles.set(m, (articles.get(m) ?? 0) + 1);
    else undatedArticles++;
  }
  // The span: the articles' months, widened by the dates they name within the articles' years
  // (an article known only to 2026 that names 6月8日 puts June 2026 on the axis); a date named
  // from another era (1949年10月1日) does not stretch it.
  const years = docs.map((d) => Number(/^\d{4}/.exec(d.date ?? '')?.[0] ?? NaN)).filter(Number.isFinite);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const named = docs.map((d) => [d.headline, d.subtitle, d.kicker, d.body].flatMap((t) => (t ? eventDates(t, d.date) : [])));
  const monthsSeen = new Set(articles.keys());
  for (const list of named) for (const e of list) if (e.date && Number(e.date.slice(0, 4)) >= minYear && Number(e.date.slice(0, 4)) <= maxYear) monthsSeen.add(e.date.slice(0, 7));
  const sorted = [...monthsSeen].sort();
  const months: TimelineMonth[] = [];
  const at = new Map<string, TimelineMonth>();
  if (sorted.length) {
    for (let m = sorted[0]; m <= sorted.at(-1)! && months.length < MAX_MONTHS; m = nextMonth(m)) {
      const row = { month: m, articles: articles.get(m) ?? 0, events: 0, eventArticles: 0 };
      months.push(row);
      at.set(m, row);
    }
  }
  let eventsUndated = 0;
  let eventsOutside = 0;
  for (const list of named) {
    const seen = new Set<string>();
    const monthsHere = new Set<string>();
    for (const e of list) {
      if (!e.date) {
        eventsUndated++;
        continue;
      }
      if (seen.has(e.date)) continue;
      seen.add(e.date);
      const row = at.get(e.date.slice(0, 7));
      if (!row) {
        eventsOutside++;
        continue;
      }
      row.events++;
      monthsHere.add(row.month);
    }
    for (const m of monthsHere) at.get(m)!.eventArticles++;
  }
  return { months, undatedArticles, eventsUndated, eventsOutside };
}
