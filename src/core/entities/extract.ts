// Every mention of a person in a corpus of articles. Two passes: titled names first (their
// names become known), then the bare mentions of known names and the lists around them, so
// 刘怀斌强调 in a later paragraph, or 于荣广 in 刘婷婷、范俊杰、于荣广, is linked to the person.
import { signaturesOf } from './credits';
import { mentionDate } from './dates';
import { findBare, findTitled, type FoundName } from './mentions';
import { findTitleAfter } from './title-after';
import { leadingCity } from './posts';
import { tokenCache, type Tagger, type TokenIndex } from './tagger';
import type { EntityArticle, PersonMention, PersonRole, PostMention } from './types';

/** Options of the extractor. */
export interface ExtractOptions {
  /** jieba's tagger (the worker's instance, or jieba-wasm's Node build); without it names are
   *  found by the title lexicon and punctuation alone, and fewer everyday words are vetoed. */
  tagger?: Tagger;
  /** Tokens already computed for texts (analyseEntities shares them with place finding);
   *  defaults to tagging with `tagger`, each distinct text once. */
  tokens?: (text: string) => TokenIndex;
}

/** Organisations of the national level: their posts place a person in no district. */
const NATIONAL_ORG = /^(?:中共中央|国务院|全国人大|全国政协)/;

/** The text fields of an article that names are read from. */
export type Field = 'kicker' | 'headline' | 'subtitle' | 'body';
const FIELDS: Field[] = ['kicker', 'headline', 'subtitle', 'body'];

function roleOf(f: FoundName): PersonRole {
  return f.posts.some((p) => p.official) ? 'official' : 'other';
}

function toMention(a: EntityArticle, field: Field, f: FoundName): PersonMention {
  // A district post places the person in its district; a city post alone (新乡市委…研究室主任)
  // places them in the city, not in the district the article happens to report from.
  const postDistrict = f.posts.find((p) => p.district && p.level !== 'city')?.district ?? null;
  const cityPost = f.posts.find((p) => p.level === 'city' && p.org);
  // A national post (中共中央总书记) belongs to no district or city, whatever the article's.
  const national = f.posts.length > 0 && f.posts.every((p) => p.official && p.org && !p.district && NATIONAL_ORG.test(p.org));
  return {
    file: a.file,
    index: a.index,
    name: f.name,
    role: roleOf(f),
    posts: f.posts,
    titleText: f.titleText,
    district: national ? null : postDistrict ?? (cityPost ? null : a.district),
    city: national ? null : (cityPost?.org ? leadingCity(cityPost.org) : null) ?? a.city ?? null,
    date: mentionDate(a),
    offset: f.start,
    field,
  };
}

/** The same post stated before the name elsewhere: in the same article first, else the only
 *  post with that title the name holds in the district across the corpus (刘怀斌书记 → 红旗区委书记). */
function postFromContext(title: string, inArticle: FoundName[], inDistrict: FoundName[]): PostMention | null {
  for (const pool of [inArticle, inDistrict]) {
    const posts = new Map<string, PostMention>();
    for (const f of pool) for (const p of f.posts) if (p.title === title && p.org && f.via !== 'title-after') posts.set(p.post, p);
    if (posts.size === 1) return [...posts.values()][0];
    if (posts.size > 1) return null;
  }
  return null;
}

/** The titled names of one article, field by field (the first stage, which needs no corpus). */
export interface ArticleFound {
  a: EntityArticle;
  fields: Array<{ field: Field; found: FoundName[] }>;
}

/** What the later stages read from the whole corpus's titled names. */
export interface TitledContext {
  /** Names found with a title before them anywhere. */
  known: Set<string>;
  /** Titled names by name and article district, to complete a title read after a name. */
  byDistrict: Map<string, FoundName[]>;
}

/** Stage one: names with a title chain before them, in each field of an article. */
export function titledOf(a: EntityArticle, tokens: (text: string) => TokenIndex): ArticleFound {
  const ctx = { district: a.district, city: a.city ?? null };
  const fields: ArticleFound['fields'] = [];
  for (const field of FIELDS) {
    const text = a[field];
    if (text) fields.push({ field, found: findTitled(text, ctx, tokens(text)) });
  }
  return { a, fields };
}

/** The corpus context of stage one's results. */
export function titledContext(all: Iterable<ArticleFound>): TitledContext {
  const known = new Set<string>();
  const byDistrict = new Map<string, FoundName[]>();
  for (const af of all) {
    for (const { found } of af.fields) {
      for (const f of found) {
        known.add(f.name);
        const key = `${f.name}|${af.a.district ?? ''}`;
        const list = byDistrict.get(key);
        if (list) list.push(f);
        else byDistrict.set(key, [f]);
      }
    }
  }
  return { known, byDistrict };
}

/** Stage two: titles after a name (刘怀斌书记) in each field, completed from the article's
 *  titled names or the only such post the name holds in the district. */
export function titleAfterOf(af: ArticleFound, ctx: TitledContext, tokens: (text: string) => TokenIndex): FoundName[][] {
  const { a } = af;
  const inArticle = af.fields.flatMap((f) => f.found);
  return af.fields.map(({ field, found }) => {
    const text = a[field]!;
    return findTitleAfter(text, { district: a.district, city: a.city ?? null }, tokens(text), ctx.known, found).map((f) => {
      const p = f.posts[0];
      if (!p || p.org) return f;
      const same = (g: FoundName) => g.name === f.name;
      const ctxPost = postFromContext(p.title, inArticle.filter(same), ctx.byDistrict.get(`${f.name}|${a.district ?? ''}`) ?? []);
      return ctxPost ? { ...f, posts: [{ ...ctxPost, written: p.written }] } : f;
    });
  });
}

/** Stage three: every mention of the article, with the bare mentions of `known` names and the
 *  signatures. `after` is stage two's result for the same article. */
export function mentionsOf(af: ArticleFound, after: FoundName[][], known: ReadonlySet<string>, tokens: (text: string) => TokenIndex): PersonMention[] {
  const { a } = af;
  const out: PersonMention[] = [];
  af.fields.forEach(({ field, found }, i) => {
    const text = a[field]!;
    const titled = [...found, ...after[i]].sort((x, y) => x.start - y.start);
    const bare = findBare(text, tokens(text), known, titled);
    for (const f of [...titled, ...bare].sort((x, y) => x.start - y.start)) out.push(toMention(a, field, f));
  });
  for (const s of signaturesOf(a)) {
    out.push({
      file: a.file, index: a.index, name: s.name, role: s.role, posts: [], titleText: null,
      district: a.district, city: a.city ?? null, date: mentionDate(a), offset: -1, field: s.field,
    });
  }
  return out;
}

/** The names stage two found, added to the titled ones: every name a bare mention may repeat. */
export function knownNames(ctx: TitledContext, after: Iterable<FoundName[][]>): Set<string> {
  const known = new Set(ctx.known);
  for (const fields of after) for (const found of fields) for (const f of found) known.add(f.name);
  return known;
}

/** All mentions of people in the articles, in article order and text order. */
export function extractMentions(articles: EntityArticle[], opts: ExtractOptions = {}): PersonMention[] {
  const tokens = opts.tokens ?? tokenCache(opts.tagger);
  const found = articles.map((a) => titledOf(a, tokens));
  const ctx = titledContext(found);
  const after = found.map((af) => titleAfterOf(af, ctx, tokens));
  const known = knownNames(ctx, after);
  return found.flatMap((af, i) => mentionsOf(af, after[i], known, tokens));
}
