// The segmenter the entity and place finders lean on: jieba's tagger, injected (the worker
// passes its instance, tests and the CLI jieba's Node build), and its words indexed by offset.

/** One word and its part-of-speech tag, as jieba's `tag()` returns them (`nr` person name …). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * Anything that cuts text into tagged words. The worker passes its jieba instance
 * (`{ tag: (t) => jieba.tag(t, true) }`), tests and the CLI jieba's Node build. The words
 * must concatenate to the input text; a tagger that does not is ignored for that text.
 */
export interface Tagger {
  tag(text: string): TaggedWord[];
}

/**
 * A tagger's words of one text, by the offset where each starts. Kept as two bytes per character
 * (word length and tag id at each start) so a whole corpus can be tagged once and shared by the
 * place and person finders.
 */
export interface TokenIndex {
  /** False when there are no words (no tagger, or its words did not add up to the text). */
  readonly tagged: boolean;
  /** The word that starts at `pos`, or undefined when none starts there. */
  get(pos: number): { len: number; tag: string } | undefined;
}

/** No tokens: what the finders see without a tagger. */
export const NO_TOKENS: TokenIndex = { tagged: false, get: () => undefined };

const TAGS: string[] = [];
const TAG_IDS = new Map<string, number>();

function tagId(tag: string): number {
  let id = TAG_IDS.get(tag);
  if (id === undefined) {
    id = TAGS.length < 255 ? TAGS.push(tag) - 1 : 254;
    TAG_IDS.set(tag, id);
  }
  return id;
}

/** Tag a text once and index its words by offset; NO_TOKENS when there is no tagger or the
 *  tagger's words do not add up to the text. */
export function indexTokens(tagger: Tagger | undefined, text: string): TokenIndex {
  if (!tagger || !text) return NO_TOKENS;
  const lens = new Uint8Array(text.length);
  const tags = new Uint8Array(text.length);
  let pos = 0;
  for (const { word, tag } of tagger.tag(text)) {
    if (!text.startsWith(word, pos)) return NO_TOKENS;
    lens[pos] = Math.min(word.length, 255);
    tags[pos] = tagId(tag);
    pos += word.length;
  }
  if (pos !== text.length) return NO_TOKENS;
  return {
    tagged: true,
    get: (at) => (at >= 0 && at < lens.length && lens[at] ? { len: lens[at], tag: TAGS[tags[at]] } : undefined),
  };
}

/** Tokens of texts by their content, so each distinct text is tagged once per corpus pass. */
export function tokenCache(tagger: Tagger | undefined): (text: string) => TokenIndex {
  if (!tagger) return () => NO_TOKENS;
  const cache = new Map<string, TokenIndex>();
  return (text) => {
    let t = cache.get(text);
    if (!t) {
      t = indexTokens(tagger, text);
      cache.set(text, t);
    }
    return t;
  };
}

/** True when two token indexes of the same text hold the same words and tags (after jieba
 *  learned new words, most texts cut the same; those that do not must be read again). */
export function sameTokens(a: TokenIndex, b: TokenIndex, length: number): boolean {
  if (a.tagged !== b.tagged) return false;
  for (let i = 0; i < length; i++) {
    const x = a.get(i);
    const y = b.get(i);
    if (x?.len !== y?.len || x?.tag !== y?.tag) return false;
  }
  return true;
}
