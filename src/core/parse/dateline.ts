// Datelines: the time phrase a report opens with (6月8日, 6月25日下午, 近日, 今年以来,
// “六一”期间), and an ISO date when the year is known. A year is never guessed.
import { DAY_PARTS, MONTH_DAY_PARTS, PHOTO_TIME, TIME_PHRASE } from './patterns';

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Read a number written in ASCII, full-width or Chinese digits (十二, 二十一, ２５). */
export function readNumber(s: string): number | null {
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!/^[〇零一二三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? CN_DIGITS[tens] : 1) * 10 + (ones ? CN_DIGITS[ones] : 0);
}

/** Openings of a first sentence that only set the scene; the dateline may follow it. */
const SCENE_SETTER = /^(?:为了?|根据|按照|围绕|随着|依据|结合|针对)/;

/** Split the opening of a text into sentences, ignoring sentence ends inside quotes. */
function firstSentences(text: string, count: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const limit = Math.min(text.length, 600);
  for (let i = 0; i < limit && out.length < count; i++) {
    const c = text[i];
    if (c === '“' || c === '「' || c === '『') depth++;
    else if ((c === '”' || c === '」' || c === '』') && depth > 0) depth--;
    else if (depth === 0 && /[。！？!?]/.test(c)) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (out.length < count && start < limit) out.push(text.slice(start, limit));
  return out;
}

/** Offsets where a clause starts: the sentence start, after clause punctuation, after a quote. */
function clauseStarts(sentence: string): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '“' || c === '「') depth++;
    else if ((c === '”' || c === '」') && depth > 0) {
      depth--;
      if (depth === 0) starts.push(i + 1);
    } else if (depth === 0 && /[，,：:；;…]/.test(c)) starts.push(i + 1);
  }
  return starts;
}

/** The dateline and its offset in the body, or null. */
export interface DatelineMatch {
  dateline: string;
  start: number;
}

/** Find the dateline of a body: a time phrase opening a clause of its first sentence. */
export function findDateline(body: string, isPhoto = false): DatelineMatch | null {
  const sentences = firstSentences(body, 2);
  let offset = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    for (const at of clauseStarts(sentence)) {
      const m = TIME_PHRASE.exec(sentence.slice(at).replace(/^[\s\u3000]+/, ''));
      if (m) {
        const lead = sentence.slice(at).length - sentence.slice(at).replace(/^[\s\u3000]+/, '').length;
        return { dateline: m[1], start: offset + at + lead };
      }
    }
    if (s === 0 && !SCENE_SETTER.test(sentence)) break;
    offset += sentence.length;
  }
  if (isPhoto) {
    const p = PHOTO_TIME.exec(body);
    if (p) return { dateline: p[1], start: p.index + 2 };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO date for a dateline when a year is known: from the dateline itself (2023年6月25日) or
 * from the bulletin's date (YYYY or YYYY-MM-DD). A dateline after the bulletin's month belongs
 * to the year before (a January paper reporting 12月30日).
 */
export function isoDate(dateline: string | null, bulletinDate: string | null): string | null {
  if (!dateline) return null;
  const md = MONTH_DAY_PARTS.exec(dateline);
  const year = bulletinDate ? Number(bulletinDate.slice(0, 4)) : null;
  const bMonth = bulletinDate && bulletinDate.length >= 7 ? Number(bulletinDate.slice(5, 7)) : null;
  if (md) {
    const month = readNumber(md[2]);
    const day = readNumber(md[3]);
    if (!month || !day || month > 12 || day > 31) return null;
    let y = md[1] ? readNumber(md[1]) : year;
    if (!y) return null;
    if (!md[1] && bMonth && month > bMonth) y -= 1;
    return `${y}-${pad(month)}-${pad(day)}`;
  }
  const d = DAY_PARTS.exec(dateline);
  if (d && bulletinDate && bulletinDate.length >= 7) {
    const day = readNumber(d[1]);
    if (!day || day > 31) return null;
    return `${bulletinDate.slice(0, 7)}-${pad(day)}`;
  }
  // 近日, 今年以来 …: the bulletin's own date is the best the page says; only when it is a day.
  return null;
}
