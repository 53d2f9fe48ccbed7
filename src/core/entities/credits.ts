// The people who signed an article: reporters and correspondents as the parser split them from
// the byline or credit, and the names of a credit without role words (周春雨 罗菲 → authors;
// 赵慧意 李月锦 摄 → photographers). Unit signatures (红旗宣, 洪门 文/图) are not people.
import { surnameAt } from './surnames';
import type { EntityArticle, PersonRole } from './types';

/** A signature of an article: a name and the role it signs in. */
export interface Signature {
  name: string;
  role: PersonRole;
  field: 'byline' | 'credit';
}

const ROLE_WORD = /(?:记者|通讯员|报道员|实习生|摄影|编辑|撰稿)/;
const TAIL = /^(?:文[/／]图|图[/／]文|摄|摄影|文|图|供图|报道)$/;
const NAME = /^[\u4e00-\u9fff]{2,4}$/;

/** True when a credit word is a unit's short name, not a person: 红旗宣, 牧宣, or a word the
 *  article uses as the start of a unit's name (洪门 for 洪门镇). */
function isUnitWord(word: string, article: EntityArticle): boolean {
  if (/宣$/.test(word)) return true;
  const text = `${article.kicker ?? ''}${article.headline}${article.body}`;
  return new RegExp(`${word}(?:镇|乡|街道|村|社区|区|县|市|办|局|委)`).test(text);
}

/** Everyone who signed the article, each once, in the order they sign. */
export function signaturesOf(article: EntityArticle): Signature[] {
  const out: Signature[] = [];
  const add = (name: string, role: PersonRole, field: Signature['field']) => {
    if (!out.some((s) => s.name === name && s.role === role)) out.push({ name, role, field });
  };
  const credit = article.credit?.trim() ?? '';
  const fromCredit = (n: string) => credit.includes(n);
  const photographed = /摄(?:影)?$/.test(credit);
  // A commentary's byline (□高亢) names who wrote it, not a reporter.
  const reporterRole: PersonRole = article.kind === 'commentary' ? 'author' : 'reporter';
  for (const n of article.reporters) {
    add(n, reporterRole, fromCredit(n) ? 'credit' : 'byline');
    if (photographed && fromCredit(n)) add(n, 'photographer', 'credit');
  }
  for (const n of article.correspondents) add(n, 'correspondent', fromCredit(n) ? 'credit' : 'byline');
  // A credit with role words was split by the parser; one without is names (and a tail).
  if (credit && !ROLE_WORD.test(credit)) {
    const words = credit.split(/[\s\u3000、，,]+/).filter(Boolean);
    const tail = words.length > 1 && TAIL.test(words.at(-1)!.replace('／', '/')) ? words.pop()! : null;
    const role: PersonRole = tail && /摄/.test(tail) ? 'photographer' : 'author';
    for (const w of words) {
      if (!NAME.test(w) || surnameAt(w, 0) === 0 || isUnitWord(w, article)) continue;
      if (article.reporters.includes(w) || article.correspondents.includes(w)) continue;
      add(w, role, 'credit');
    }
  }
  return out;
}
