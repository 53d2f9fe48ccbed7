// What a user may type as a bulletin's paper and date, read the way the parser takes them. Kept
// apart from the store code (no imports) so the page can check input before sending it.

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A date as the user typed it, as the parser takes it: `YYYY-MM-DD` (also 2026/6/10, 2026.6.10,
 * 2026年6月10日, 20260610, full-width digits) or a year `YYYY`. '' → null. Throws on anything
 * else, with a sentence saying what is expected.
 */
export function normaliseBulletinDate(input: string | null): string | null {
  const t = (input ?? '').replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10)).trim();
  if (!t) return null;
  if (/^(1[89]|20|21)\d{2}年?$/.test(t)) return t.slice(0, 4);
  const m = /^(\d{4})(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))$/.exec(t);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2] ?? m[4]);
    const day = Number(m[3] ?? m[5]);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const valid = year >= 1800 && year <= 2199 && month >= 1 && month <= 12 && day >= 1
      && day <= (month === 2 && !leap ? 28 : DAYS[month - 1]);
    if (valid) return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  throw new Error(`“${input}” is not a date: use a date like 2026-06-10 or a year like 2026`);
}

/** A paper name as the user typed it: spaces collapsed, '' → null, at most 40 characters. */
export function normaliseBulletinPaper(input: string | null): string | null {
  const t = (input ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if ([...t].length > 40) throw new Error('a paper name has at most 40 characters');
  return t;
}
