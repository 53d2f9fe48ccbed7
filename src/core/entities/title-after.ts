// Titles written after a name: 刘怀斌书记强调, 王平平区长主持, 张三副主任等, 李强同志. The name is
// read backwards from the title, so it must stand on its own (punctuation or a word boundary
// before it, no organisation character in it, not an everyday word by jieba's dictionary), and
// the title must be followed by a clear end (punctuation, a verb of the report, a particle):
// 党员同志, 办公室主任 and 文化站站长 are not people.
import { followWordAt, LEVEL_TITLE } from './lexicon';
import { surnameAt, WEAK_SURNAMES } from './surnames';
import { resolvePost, splitPiece, type PostContext } from './posts';
import type { TokenIndex } from './tagger';
import type { FoundName } from './mentions';
import { insideWord } from './names';

/**
 * Titles read after a name, longest first. Only titles of a single post: 委员, 常委, 领导 and
 * descriptors after a name are rarer than the everyday words they would misread.
 */
const AFTER_TITLES = [
  '总书记', '常务副书记', '专职副书记', '常务副区长', '常务副县长', '常务副市长', '常务副主任',
  '副书记', '副区长', '副县长', '副市长', '副镇长', '副乡长', '副主任', '副主席', '副部长', '副局长',
  '副院长', '副校长', '秘书长', '董事长', '总经理', '检察长',
  '书记', '区长', '县长', '市长', '镇长', '乡长', '村长', '主任', '主席', '部长', '局长', '院长', '校长',
].sort((a, b) => b.length - a.length);

/** National posts: one holder in the country, no district (习近平总书记). */
const NATIONAL: Record<string, string> = { 总书记: '中共中央' };

/** A form of address, not a post: the person is named, no title is stated. */
const HONORIFIC = '同志';

const HAN = /^[\u4e00-\u9fff]$/;
const BOUNDARY = /^[\s\p{P}\p{S}\d０-９a-zA-Z]$/u;
/** Characters that end organisation names or group nouns, never a given name here. */
const NOT_IN_NAME = /[区县委镇乡局部省厅等的了是在与及之其该各全本们站所室办院校厂馆队组会科处员级总党]/;
/** jieba tags of name-like tokens. */
const NAME_TAG = /^(?:nr|nrfg|nrt|x|nz)$/;
const FOLLOW_TAG = /^(?:v|vn|vd|p|c|d|u[a-z]*)$/;

/** The title or honorific that starts at `pos`, when the text clearly moves on after it. */
function titleAt(text: string, pos: number, tokens: TokenIndex): string | null {
  const word = text.startsWith(HONORIFIC, pos) ? HONORIFIC : AFTER_TITLES.find((t) => text.startsWith(t, pos));
  if (!word) return null;
  const end = pos + word.length;
  // A national title is its own evidence: 习近平总书记重要讲话 needs no verb after it.
  if (NATIONAL[word] || end >= text.length || BOUNDARY.test(text[end]) || followWordAt(text, end)) return word;
  const t = tokens.get(end);
  return t && t.len >= 2 && FOLLOW_TAG.test(t.tag) ? word : null;
}

/** The name that ends at `end` (just before a title), or null; known names are taken first. */
function nameBefore(text: string, end: number, tokens: TokenIndex, known: ReadonlySet<string>): { name: string; start: number } | null {
  for (let len = 4; len >= 2; len--) {
    const start = end - len;
    if (start < 0) continue;
    const cand = text.slice(start, end);
    const tok = tokens.get(start);
    // jieba's own person-name word counts as a surname (习近平: 习 is not in the surname list).
    const s = tok?.len === len && /^nr/.test(tok.tag) ? 1 : surnameAt(text, start);
    if (s === 0 || len - s < 1 || len - s > 2) continue;
    if (![...cand].every((c) => HAN.test(c)) || NOT_IN_NAME.test(cand.slice(s))) continue;
    if (insideWord(tokens, start)) continue;
    const before = start === 0 || BOUNDARY.test(text[start - 1]);
    // A known name before a title is taken even where jieba, not knowing it, cut across its
    // end (张|三副|主任): the title right after it is the evidence.
    if (known.has(cand) && (before || tok)) return { name: cand, start };
    if (insideWord(tokens, end)) continue;
    const nameToken = tok !== undefined && tok.len === len && NAME_TAG.test(tok.tag);
    // A dictionary word that is not a name starts here (高度, 全面): not a person.
    if (tok && tok.len >= 2 && !NAME_TAG.test(tok.tag)) continue;
    // Without punctuation before it, the name must start a word of jieba's (看望|王平平|区长).
    if (!before && !(tokens.tagged && tok)) continue;
    if (WEAK_SURNAMES.has(text[start]) && !nameToken) continue;
    return { name: cand, start };
  }
  return null;
}

/**
 * Names followed by a title (刘怀斌书记, 王平平区长) or by 同志. A level title takes the article's
 * district (区长 → 红旗区); other titles are left without organisation here and completed from
 * the person's titled mentions by the extractor. `taken` are spans other patterns claimed.
 */
export function findTitleAfter(text: string, ctx: PostContext, tokens: TokenIndex, known: ReadonlySet<string>, taken: FoundName[]): FoundName[] {
  const found: FoundName[] = [];
  const claimed = (s: number, e: number) => taken.some((t) => t.start < e && s < t.end);
  for (let j = 2; j < text.length; j++) {
    const title = titleAt(text, j, tokens);
    if (!title) continue;
    const name = nameBefore(text, j, tokens, known);
    if (!name || claimed(name.start, j + title.length)) continue;
    const honorific = title === HONORIFIC;
    const national = NATIONAL[title];
    const posts = honorific ? [] : national
      ? [{ title, org: national, post: national + title, written: title, district: null, level: 'other' as const, official: true }]
      : [resolvePost(splitPiece(title, title), ctx, null)];
    // A non-level title with no organisation stated is the title alone until the extractor
    // finds the person's post in context; keep the district out of it so it joins no post view.
    if (!honorific && !national && !LEVEL_TITLE.test(title)) posts[0] = { ...posts[0], org: null, post: title };
    found.push({ name: name.name, start: name.start, end: j, posts, titleText: honorific ? null : title, via: 'title-after' });
    j += title.length - 1;
  }
  return found;
}
