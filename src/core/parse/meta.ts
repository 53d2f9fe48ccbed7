// What a bulletin says about itself: its paper and its date, from the file name
// (新乡日报_2026-06-10_04.txt, 20260610-04.md) or from the text. Nothing is guessed: a date
// comes from a name or from years the text states.
import type { BulletinMeta } from '../types';

const FILE_DATE = /(?:^|[^0-9])((?:19|20)\d{2})[-_.年/]?(0[1-9]|1[0-2])[-_.月/]?(0[1-9]|[12]\d|3[01])(?![0-9])/;
const FILE_YEAR = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/;
const PAPER = /([\u4e00-\u9fff]{2,8}?(?:日报|晚报|晨报|都市报|商报|时报|周报|报))/;

/** The base name of a path, without folders. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}

/** Paper and date from the file name, then from the text. */
export function inferMeta(text: string, fileName = ''): BulletinMeta {
  const name = baseName(fileName);
  let paper: string | null = null;
  let date: string | null = null;
  let dateSource: BulletinMeta['dateSource'] = null;
  const pm = PAPER.exec(name);
  if (pm) paper = pm[1];
  const dm = FILE_DATE.exec(name);
  if (dm) {
    date = `${dm[1]}-${dm[2]}-${dm[3]}`;
    dateSource = 'file-name';
  } else {
    const ym = FILE_YEAR.exec(name);
    if (ym) {
      date = ym[1];
      dateSource = 'file-name';
    }
  }
  // A page header near the top: 新乡日报 2026年6月10日 第04版.
  const header = headerLine(text);
  if (header) {
    const hd = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(header);
    if (hd && !date) {
      date = `${hd[1]}-${hd[2].padStart(2, '0')}-${hd[3].padStart(2, '0')}`;
      dateSource = 'text';
    }
    const hp = PAPER.exec(header);
    if (hp && !paper) paper = hp[1];
  }
  if (!paper) {
    // A paper that names itself in bylines: 新乡日报全媒体记者, 郑州日报记者.
    const bm = /([\u4e00-\u9fff]{2,6}?(?:日报|晚报|晨报))(?:全媒体|融媒体)?记者/.exec(text.slice(0, 200_000));
    if (bm) paper = bm[1];
  }
  if (!date) {
    const year = yearFromText(text);
    if (year) {
      date = year;
      dateSource = 'text';
    }
  }
  return { paper, date, dateSource };
}

/** A short line near the top that carries a full date: the page header. */
function headerLine(text: string): string | null {
  for (const line of text.slice(0, 1500).split('\n')) {
    const t = line.replace(/[#*]/g, '').trim();
    if (t && t.length <= 60 && /(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/.test(t) && !/[。，,]/.test(t)) return t;
  }
  return null;
}

/**
 * The year a bulletin's text is most likely from: the most often stated year (2023年, 2023年度
 * counts as a past year's report, so it is skipped), the later one on a tie. Targets (到2035年)
 * are skipped too. Null when the text states no year.
 */
export function yearFromText(text: string): string | null {
  const counts = new Map<string, number>();
  const re = /(到|至|截至|于|在)?((?:19|20)\d{2})年(度)?/g;
  const sample = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  for (let m = re.exec(sample); m; m = re.exec(sample)) {
    if (m[1] === '到' || m[1] === '至' || m[3]) continue;
    counts.set(m[2], (counts.get(m[2]) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = c;
    }
  }
  return best;
}
