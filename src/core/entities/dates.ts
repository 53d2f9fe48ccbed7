// The date a mention carries: the article's own date when the parser knew the year, otherwise
// the bulletin's (its year, or its issue date), otherwise none with the raw dateline kept.
// Never guessed: an article dated 6月8日 in a bulletin of unknown year stays undated.
import type { EntityArticle, MentionDate } from './types';

/** The date of a mention in this article, with how exact it is. */
export function mentionDate(a: EntityArticle): MentionDate {
  if (a.date) {
    return { date: a.date, precision: a.date.length >= 10 ? 'day' : a.date.length === 7 ? 'month' : 'year', dateline: null };
  }
  const b = a.bulletinDate ?? null;
  const dateline = a.dateline ?? null;
  if (b && /^\d{4}$/.test(b)) return { date: b, precision: 'year', dateline };
  if (b && /^\d{4}-\d{2}(?:-\d{2})?$/.test(b)) return { date: b, precision: 'issue', dateline };
  return { date: null, precision: 'none', dateline };
}

/** Order of ISO dates of mixed precision: 2023 sorts before 2023-08-25 (a prefix comes first). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
