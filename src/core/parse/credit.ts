// Closing credits: (红旗宣), (周春雨 罗菲), (张志超 罗菲 李萌 文/图), 记者 张改华 通讯员 张黎,
// 赵慧意 李月锦 摄, 本报记者 刘金元 摄. A credit is what the page prints to sign a story off.
import { HAN } from './patterns';

const han = `[${HAN}]`;
/** A name-ish token: Han characters (names, unit abbreviations such as 红旗宣), maybe a middle dot. */
const NAME_TOKEN = new RegExp(`^${han}[${HAN}·•]{0,11}$`);
const ROLE = /^(?:本报|新华社)?(?:全媒体|融媒体|首席|见习|特约|实习)?(?:记者|通讯员|报道员|实习生|摄影|摄影记者|编辑|责任编辑|撰稿|特约通讯员)$/;
const ROLE_PREFIX = /^((?:本报|新华社|[\u4e00-\u9fff]{2,6}?日报)?(?:全媒体|融媒体|首席|见习|特约|实习)?(?:记者|通讯员|报道员|实习生|摄影记者|摄影|撰稿))([\u4e00-\u9fff·]{2,4})$/;
const TAIL = /^(?:文[/／]图|图[/／]文|摄|摄影|文|图|供图|报道)$/;
/** Parenthesised asides that end paragraphs but are not credits. */
const NOT_CREDIT = /^(?:如图|见图|完|图|讨论稿|征求意见稿|草案|试行|暂行|修订|待续|未完待续|下转.*|上接.*|续.*版|资料图|图片来源.*|注.*|按.*|记者手记|本报评论员|评论员|下同|同上|略|节选|摘要|有删节)$/;

/** Split a credit's words on spaces, ideographic spaces and 、. */
function tokens(text: string): string[] {
  return text.split(/[\s\u3000、，,]+/).filter(Boolean);
}

/**
 * True when a text (without parentheses) reads as a credit: names, unit abbreviations and role
 * words only, such as 红旗宣 / 记者 张改华 通讯员 张黎 / 赵慧意 李月锦 摄.
 */
export function isCreditText(text: string, requireRole = false): boolean {
  const t = text.trim();
  if (!t || t.length > 48 || NOT_CREDIT.test(t)) return false;
  if (/[。！？!?；;：:“”"《》]/.test(t)) return false;
  const toks = tokens(t);
  if (toks.length === 0 || toks.length > 10) return false;
  let names = 0;
  let roles = 0;
  for (const tok of toks) {
    const split = tok.replace(/[/／]/g, '/');
    if (ROLE.test(tok) || TAIL.test(split)) roles++;
    else if (ROLE_PREFIX.test(tok)) { roles++; names++; }
    else if (NAME_TOKEN.test(tok) && tok.length <= 12) names++;
    else if (/^(?:文|图)?[/／](?:图|文)$/.test(tok)) roles++;
    else if (/^[\u4e00-\u9fff]{2,4}(?:摄|文\/图|文／图)$/.test(tok)) { roles++; names++; }
    else return false;
  }
  if (names === 0) return false;
  if (requireRole && roles === 0) return false;
  // A lone long token with no role is a phrase, not a name (e.g. 学习教育).
  if (roles === 0 && toks.length === 1 && toks[0].length > 6) return false;
  return true;
}

/** The result of finding a credit: its text and where it sits in the inspected string. */
export interface CreditMatch {
  credit: string;
  /** Offset in the inspected text where the credit (with its parentheses) starts. */
  start: number;
}

const PAREN_TAIL = /[（(]([^（()）]{1,48})[)）]\s*$/;

/** A whole line that is a credit: (东街宣), 记者 张改华 通讯员 张光明, 本报记者 刘金元 摄. */
export function creditLine(text: string): string | null {
  const t = text.trim();
  const p = /^[（(]([^（()）]{1,48})[)）]$/.exec(t);
  if (p) return isCreditText(p[1]) ? p[1].trim() : null;
  // Without parentheses a line needs a role word (记者, 通讯员, 摄 …) to be a credit, or it could
  // be a short headline or a name list.
  return isCreditText(t, true) ? t : null;
}

/**
 * A credit at the end of a paragraph: …贡献力量。(红旗宣) or …两块金牌。赵慧意 李月锦 摄.
 * It must follow sentence-final punctuation, so asides such as 高新区(示范区) are left alone.
 */
export function trailingCredit(text: string): CreditMatch | null {
  const t = text.replace(/\s+$/, '');
  const p = PAREN_TAIL.exec(t);
  if (p) {
    const before = t.slice(0, p.index).replace(/\s+$/, '');
    if ((before === '' || /[。！？!?…”」』）)]$/.test(before)) && isCreditText(p[1])) {
      return { credit: p[1].trim(), start: p.index };
    }
    return null;
  }
  // No parentheses: the text after the last sentence end, with a role word.
  const m = /[。！？!?…”]\s*([^。！？!?…”]{2,40})$/.exec(t);
  if (m && isCreditText(m[1], true) && /(?:摄|摄影|文[/／]图|图[/／]文|记者|通讯员)/.test(m[1])) {
    return { credit: m[1].trim(), start: m.index + m[0].indexOf(m[1]) };
  }
  return null;
}
