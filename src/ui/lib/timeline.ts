// Where a dated span sits on a shared time axis, for the bars of the person and post pages.
// Dates of mixed precision (2023, 2023-08, 2023-08-25) become day numbers: a year or month
// starts at its first day and, as the end of a span, ends at its last.

/** Day number of an ISO date (partial dates at their first day, or last when `end`). */
export function dayOf(iso: string, end = false): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : end ? 11 : 0;
  const d = m[3] ? Number(m[3]) : end ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1;
  return Date.UTC(y, mo, d) / 86_400_000;
}

/** The axis covering every span. */
export interface TimeAxis {
  from: number;
  to: number;
  /** Years whose start falls inside the axis, for tick labels. */
  years: Array<{ year: number; at: number }>;
}

/** An axis over spans given as first and last ISO dates (spans without a date are skipped). */
export function timeAxis(spans: Array<{ first: string | null; last: string | null }>): TimeAxis | null {
  let from = Infinity;
  let to = -Infinity;
  for (const s of spans) {
    if (s.first) from = Math.min(from, dayOf(s.first));
    if (s.last ?? s.first) to = Math.max(to, dayOf((s.last ?? s.first)!, true));
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  const pad = Math.max(15, (to - from) * 0.04);
  from -= pad;
  to += pad;
  const years: TimeAxis['years'] = [];
  const first = new Date(from * 86_400_000).getUTCFullYear() + 1;
  const last = new Date(to * 86_400_000).getUTCFullYear();
  for (let y = first; y <= last; y++) years.push({ year: y, at: (Date.UTC(y, 0, 1) / 86_400_000 - from) / (to - from) });
  return { from, to, years };
}

/** Left and width of a span on the axis, in percent (at least a sliver, so a day shows). */
export function spanOn(axis: TimeAxis, first: string, last: string | null): { left: number; width: number } {
  const a = dayOf(first);
  const b = dayOf(last ?? first, true);
  const total = axis.to - axis.from;
  const left = ((a - axis.from) / total) * 100;
  return { left, width: Math.max(1.2, ((b - a) / total) * 100) };
}
