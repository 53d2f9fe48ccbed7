// Dates of events as the articles write them (2026年6月8日, 6月8日, 8日上午, 2026年6月), made
// full dates with the year and month the article's own date (its dateline, else its bulletin's
// date) supplies. A month or day without a year is put in the year that brings it closest to
// the article's date, so a December bulletin's 1月 is next January and a January bulletin's
// 12月 last December.

/** How precise an event date is. */
export type EventPrecision = 'day' | 'month';

/** One date an article's text names. */
export interface EventDate {
  /** UTF-16 offset of the date in the text. */
  offset: number;
  /** The date as written (6月8日, 8日上午 keeps only 8日). */
  written: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM); null when the text gives no year and the article none. */
  date: string | null;
  precision: EventPrecision;
  /** What was taken from the article's date: nothing, the year, or the year and month. */
  inferred: 'none' | 'year' | 'month';
}

const DIGITS: Record<string, string> = { '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9' };
const half = (s: string) => s.replace(/[０-９]/g, (c) => DIGITS[c]);

const D = '[0-9０-９]';
/** Year-month-day, year-month, month-day, or a day on its own that the text ties to a time of
 *  day or a range (8日上午, 至10日): a bare 3日 is as often a duration (3日内) as a date. */
const DATE = new RegExp(
  `(?<![0-9０-９.．])(?:(${D}{4})年(?:(${D}{1,2})月(?:(${D}{1,2})[日号])?)?|(${D}{1,2})月(${D}{1,2})[日号]|(${D}{1,2})月(?=份|初|中旬|上旬|下旬|底|末)|(?<=[至到－—~～、])(${D}{1,2})[日号]|(${D}{1,2})[日号](?=上午|下午|晚上|晚|凌晨|中午|傍晚|早上|早晨|夜间|起|至|到|－|—))`,
  'gu',
);

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The reference an article gives: year, month and day where known. */
export interface DateReference {
  year: number | null;
  month: number | null;
  day: number | null;
}

/** Read an ISO date of any precision (2026, 2026-06, 2026-06-08) as a reference. */
export function referenceOf(iso: string | null | undefined): DateReference {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!m) return { year: null, month: null, day: null };
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

/** Months since year 0, to compare dates by distance. */
const monthIndex = (y: number, m: number) => y * 12 + (m - 1);

/** The year (ref year − 1, itself or + 1) that puts `month` nearest the reference month. */
function nearestYear(month: number, ref: DateReference): number {
  const year = ref.year!;
  if (ref.month === null) return year;
  const at = monthIndex(year, ref.month);
  return [year, year - 1, year + 1].reduce((best, y) => (Math.abs(monthIndex(y, month) - at) < Math.abs(monthIndex(best, month) - at) ? y : best));
}

/** The month (the reference's, the one before or after) that puts `day` nearest the reference day. */
function nearestMonth(day: number, ref: DateReference): { year: number; month: number } {
  const here = { year: ref.year!, month: ref.month! };
  if (ref.day === null) return here;
  const at = Date.UTC(here.year, here.month - 1, ref.day);
  const options = [0, -1, 1].map((k) => {
    const d = new Date(Date.UTC(here.year, here.month - 1 + k, 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  }).filter((o) => day <= daysIn(o.year, o.month));
  let best = options[0] ?? here;
  for (const o of options) if (Math.abs(Date.UTC(o.year, o.month - 1, day) - at) < Math.abs(Date.UTC(best.year, best.month - 1, day) - at)) best = o;
  return best;
}

/**
 * Every event date in `text`, normalised against `reference` (the article's ISO date, else its
 * bulletin's). A date that does not exist (2月30日) is skipped; one that needs a year or month the
 * reference does not have keeps `date: null`.
 */
export function eventDates(text: string, reference: string | null | undefined): EventDate[] {
  const ref = referenceOf(reference);
  const out: EventDate[] = [];
  let last: { year: number; month: number } | null = null;
  for (const m of text.matchAll(DATE)) {
    const [written] = m;
    const n = (i: number) => (m[i] === undefined ? null : Number(half(m[i])));
    let year = n(1);
    let month = n(2) ?? n(4) ?? n(6);
    const day = n(3) ?? n(5) ?? n(7) ?? n(8);
    if (year !== null && month === null) continue; // a year alone is a span, not an event
    let inferred: EventDate['inferred'] = 'none';
    if (month === null && m[7] !== undefined && last) {
      // The end of a range (6月8日至10日) is in the month its start names.
      ({ year, month } = last);
      inferred = out.at(-1)!.inferred;
    } else if (month === null) {
      if (ref.year === null || ref.month === null) {
        out.push({ offset: m.index, written, date: null, precision: 'day', inferred: 'month' });
        continue;
      }
      ({ year, month } = nearestMonth(day!, ref));
      inferred = 'month';
    } else if (year === null) {
      if (ref.year === null) {
        out.push({ offset: m.index, written, date: null, precision: day === null ? 'month' : 'day', inferred: 'year' });
        continue;
      }
      year = nearestYear(month, ref);
      inferred = 'year';
    }
    if (month < 1 || month > 12 || (day !== null && (day < 1 || day > daysIn(year!, month)))) continue;
    last = { year: year!, month };
    const date = day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
    out.push({ offset: m.index, written, date, precision: day === null ? 'month' : 'day', inferred });
  }
  return out;
}
