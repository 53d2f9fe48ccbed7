// People named in one text. Three patterns, in order of evidence:
// 1. a title chain right before a name, possibly sharing it with a list of names
//    (区委书记、区长刘怀斌; 区领导李向军、郭潇潇、王平平; 市政协副主席、高新区(示范区)党工委书记吕沛);
// 2. a name already known from the corpus (刘怀斌强调), and the names listed with it
//    (刘婷婷、范俊杰、于荣广结合思想);
// 3. a name-shaped word jieba tags as a name, followed by a verb of speech (蔡虎说).
import { isSingleHolder, SPEECH_VERBS } from './lexicon';
import { knownNameAt, nameAt, type NameSpan } from './names';
import { resolvePost, splitPiece, titleEndingAt, type PostContext } from './posts';
import type { TokenIndex } from './tagger';
import type { PostMention } from './types';

/** A person named in a text, before dates and articles are attached. */
export interface FoundName {
  name: string;
  start: number;
  end: number;
  posts: PostMention[];
  /** The title chain as written (区委书记、区长), null for a bare mention. */
  titleText: string | null;
  /** How the name was found (for the reasons the index gives). */
  via: 'title' | 'title-list' | 'title-after' | 'list' | 'known' | 'speech';
}

/** Characters that end a piece of a title chain when walking back from the title. Quotes do
 *  not: a quoted name can be the organisation (郑州“蒸记三鲜烩面”创始人). */
const PIECE_STOP = /[、，,。；;：:！？!?\s「」《》…—·\-的]/;
const OPEN_QUOTES = /^[“”"‘’]+/;
/** Words that open a clause before an organisation (会议由区委书记…): not part of it. */
const LEAD_IN = /^(?:会议|全会|会上|活动|随后|同时|其中|此外|并|由|经|在|邀请|请|陪同|受|该|其|本|这)+/;
const MAX_PIECE = 24;

/** The chain of titles that ends at `end` (just before a name), left to right. */
function chainBefore(text: string, end: number): Array<{ written: string; title: string }> {
  const pieces: Array<{ written: string; title: string }> = [];
  let stop = end;
  for (;;) {
    const title = titleEndingAt(text, stop);
    if (!title) break;
    let start = stop - title.length;
    while (start > 0 && stop - start < MAX_PIECE && !PIECE_STOP.test(text[start - 1])) start--;
    let written = text.slice(start, stop).replace(OPEN_QUOTES, '');
    const lead = LEAD_IN.exec(written.slice(0, written.length - title.length));
    if (lead) written = written.slice(lead[0].length);
    pieces.unshift({ written, title });
    if (text[start - 1] !== '、' || start - 1 === 0) break;
    stop = start - 1;
  }
  return pieces;
}

/** The posts of a chain, each resolved with the one before it as context. */
function postsOf(chain: Array<{ written: string; title: string }>, ctx: PostContext): PostMention[] {
  const posts: PostMention[] = [];
  for (const piece of chain) posts.push(resolvePost(splitPiece(piece.written, piece.title), ctx, posts.at(-1) ?? null));
  return posts;
}

/** Names listed after one: 李向军、郭潇潇、王平平 … (stops at the first item that is not a name). */
function listAfter(text: string, first: NameSpan, tokens: TokenIndex, known?: ReadonlySet<string>): NameSpan[] {
  const out: NameSpan[] = [];
  let end = first.end;
  while (text[end] === '、') {
    const next = nameAt(text, end + 1, tokens, known);
    // The next item opens its own title chain (、区政协主席殷国伟): not part of this list.
    if (!next || titleEndingAt(text, next.end) !== null) break;
    out.push(next);
    end = next.end;
  }
  return out;
}

/**
 * Titled names in a text: each title chain followed by a name, and the names listed after it.
 * A list shares the chain's titles only when none of them has a single holder (区领导 and 副区长
 * are shared; in 宣传部长张馨元、马超峰 the second name is listed without a title).
 */
export function findTitled(text: string, ctx: PostContext, tokens: TokenIndex): FoundName[] {
  const found: FoundName[] = [];
  let from = 0;
  for (let j = 1; j < text.length; j++) {
    if (j < from || !titleEndingAt(text, j)) continue;
    const name = nameAt(text, j, tokens);
    if (!name) continue;
    const chain = chainBefore(text, j);
    if (!chain.length) continue;
    const posts = postsOf(chain, ctx);
    const titleText = chain.map((c) => c.written).join('、');
    found.push({ name: name.name, start: name.start, end: name.end, posts, titleText, via: 'title' });
    const shared = chain.every((c) => !isSingleHolder(splitPiece(c.written, c.title).title));
    let end = name.end;
    for (const next of listAfter(text, name, tokens)) {
      found.push({
        name: next.name, start: next.start, end: next.end,
        posts: shared ? posts : [], titleText: shared ? titleText : null, via: shared ? 'title-list' : 'list',
      });
      end = next.end;
    }
    from = end;
  }
  return found;
}

/** Names listed before a name, back to the start of the list: 刘婷婷、范俊杰、[于荣广]. */
function listBefore(text: string, start: number, tokens: TokenIndex, known?: ReadonlySet<string>): NameSpan[] {
  const out: NameSpan[] = [];
  let at = start;
  while (text[at - 1] === '、') {
    let hit: NameSpan | null = null;
    for (const len of [2, 3, 4]) {
      const s = at - 1 - len;
      if (s < 0) break;
      const n = nameAt(text, s, tokens, known);
      if (n && n.end === at - 1 && (s === 0 || /[、，,。；;：:\s（(“]/.test(text[s - 1]))) hit = n;
      if (hit) break;
    }
    if (!hit) break;
    out.unshift(hit);
    at = hit.start;
  }
  return out;
}

/**
 * Untitled names: names known from the corpus wherever they stand, the names listed with them,
 * and name-shaped words jieba tags as names right before a verb of speech. `taken` marks spans
 * already claimed by titled mentions.
 */
export function findBare(text: string, tokens: TokenIndex, known: ReadonlySet<string>, taken: FoundName[]): FoundName[] {
  const found: FoundName[] = [];
  const claimed = new Uint8Array(text.length + 1);
  const claim = (s: number, e: number) => claimed.fill(1, s, e);
  for (const t of taken) claim(t.start, t.end);
  const isTaken = (s: number, e: number) => claimed.subarray(s, e).includes(1);
  const add = (n: NameSpan, via: FoundName['via']) => {
    if (isTaken(n.start, n.end)) return;
    found.push({ name: n.name, start: n.start, end: n.end, posts: [], titleText: null, via });
    claim(n.start, n.end);
  };
  const firsts = new Set([...known].map((n) => n[0]));
  for (let i = 0; i < text.length; i++) {
    if (claimed[i]) continue;
    const k = firsts.has(text[i]) ? knownNameAt(text, i, tokens, known) : null;
    if (k) {
      for (const n of listBefore(text, k.start, tokens, known)) add(n, 'list');
      add(k, 'known');
      for (const n of listAfter(text, k, tokens, known)) add(n, 'list');
      i = k.end - 1;
      continue;
    }
    const tok = tokens.get(i);
    if (!tok || !/^(?:nr|x)$/.test(tok.tag) || tok.len < 2 || tok.len > 3) continue;
    const n = nameAt(text, i, tokens);
    if (n && n.end - n.start === tok.len && SPEECH_VERBS.test(text.slice(n.end, n.end + 2))) {
      add(n, 'speech');
      i = n.end - 1;
    }
  }
  return found;
}
