// Every mention of a person in a corpus of articles. Two passes: titled names first (their
// names become known), then the bare mentions of known names and the lists around them, so
// 刘怀斌强调 in a later paragraph, or 于荣广 in 刘婷婷、范俊杰、于荣广, is linked to the person.
import { signaturesOf } from './credits';
import { mentionDate } from './dates';
import { findBare, findTitled, type FoundName } from './mentions';
import { leadingCity } from './posts';
import { tokenCache, type Tagger, type TokenIndex } from './tagger';
import type { EntityArticle, PersonMention, PersonRole } from './types';

/** Options of the extractor. */
export interface ExtractOptions {
  /** jieba's tagger (the worker's instance, or jieba-wasm's Node build); without it names are
   *  found by the title lexicon and punctuation alone, and fewer everyday words are vetoed. */
  tagger?: Tagger;
  /** Tokens already computed for texts (analyseEntities shares them with place finding);
   *  defaults to tagging with `tagger`, each distinct text once. */
  tokens?: (text: string) => TokenIndex;
}

type Field = 'kicker' | 'headline' | 'subtitle' | 'body';
const FIELDS: Field[] = ['kicker', 'headline', 'subtitle', 'body'];

function roleOf(f: FoundName): PersonRole {
  return f.posts.some((p) => p.official) ? 'official' : 'other';
}

function toMention(a: EntityArticle, field: Field, f: FoundName): PersonMention {
  // A district post places the person in its district; a city post alone (新乡市委…研究室主任)
  // places them in the city, not in the district the article happens to report from.
  const postDistrict = f.posts.find((p) => p.district && p.level !== 'city')?.district ?? null;
  const cityPost = f.posts.find((p) => p.level === 'city' && p.org);
  return {
    file: a.file,
    index: a.index,
    name: f.name,
    role: roleOf(f),
    posts: f.posts,
    titleText: f.titleText,
    district: postDistrict ?? (cityPost ? null : a.district),
    city: (cityPost?.org ? leadingCity(cityPost.org) : null) ?? a.city ?? null,
    date: mentionDate(a),
    offset: f.start,
    field,
  };
}

/** All mentions of people in the articles, in article order and text order. */
export function extractMentions(articles: EntityArticle[], opts: ExtractOptions = {}): PersonMention[] {
  const tokens = opts.tokens ?? tokenCache(opts.tagger);
  const titled: Array<{ a: EntityArticle; field: Field; found: FoundName[] }> = [];
  const known = new Set<string>();
  for (const a of articles) {
    const ctx = { district: a.district, city: a.city ?? null };
    for (const field of FIELDS) {
      const text = a[field];
      if (!text) continue;
      const found = findTitled(text, ctx, tokens(text));
      for (const f of found) known.add(f.name);
      titled.push({ a, field, found });
    }
  }
  const out: PersonMention[] = [];
  let k = 0;
  for (const a of articles) {
    for (const field of FIELDS) {
      const text = a[field];
      if (!text) continue;
      const { found } = titled[k++];
      const bare = findBare(text, tokens(text), known, found);
      const all = [...found, ...bare].sort((x, y) => x.start - y.start);
      for (const f of all) out.push(toMention(a, field, f));
    }
    for (const s of signaturesOf(a)) {
      out.push({
        file: a.file, index: a.index, name: s.name, role: s.role, posts: [], titleText: null,
        district: a.district, city: a.city ?? null, date: mentionDate(a), offset: -1, field: s.field,
      });
    }
  }
  return out;
}
