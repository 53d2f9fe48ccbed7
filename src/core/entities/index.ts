// People, posts and places of a corpus: the API the worker and the CLI call. See docs/entities.md.
import type { ArticleRef, EntityArticle, PeopleIndex } from './types';
import { extractMentions, type ExtractOptions } from './extract';
import { tokenCache } from './tagger';
import { buildPeopleIndex } from './people';
import { resolvePlaces } from '../places/resolve';
import type { Gazetteer } from '../places/gazetteer';
import type { ArticlePlaces, Place } from '../places/types';
import type { ParsedBulletin } from '../types';

export { extractMentions, type ExtractOptions } from './extract';
export { EntityCache, type UpdateOptions, type UpdateStats } from './incremental';
export { buildPeopleIndex, holdersOf, postViews } from './people';
export { dictionaryLines, DEFAULT_FREQ, type UserWord } from './dictionary';
export { reasonText } from './reasons';
export { indexTokens, sameTokens, tokenCache, NO_TOKENS, type TokenIndex } from './tagger';
export type * from './types';

/** Everything the entity views need: people with posts, who held each post, and places. */
export interface EntityReport extends PeopleIndex {
  places: Place[];
  /** Per article: its places and the city and county it is placed in. */
  articlePlaces: ArticlePlaces[];
}

/** Options of analyseEntities. */
export interface AnalyseOptions extends ExtractOptions {
  /** The gazetteer (loadGazetteer()); without it there are no places and 市 stays unresolved. */
  gazetteer?: Gazetteer;
}

/**
 * The articles of a parsed bulletin in the shape the extractor reads. `file` is the bulletin's
 * file path or id; `index` is the article's position, as in `parse` output.
 */
export function entityArticles(file: string, bulletin: ParsedBulletin): EntityArticle[] {
  return bulletin.articles.map((a, index) => ({
    file,
    index,
    date: a.date,
    bulletinDate: bulletin.meta.date,
    dateline: a.dateline,
    district: a.district,
    paper: bulletin.meta.paper,
    headline: a.headline,
    kicker: a.kicker,
    subtitle: a.subtitle,
    kind: a.kind,
    body: a.body,
    reporters: a.reporters,
    correspondents: a.correspondents,
    credit: a.credit,
  }));
}

/**
 * People, posts and places of a corpus. Places are resolved first, so each article knows its
 * city (市政协副主席 in a 焦作 article is 焦作市政协副主席); then people are extracted and indexed.
 */
export function analyseEntities(articles: EntityArticle[], opts: AnalyseOptions = {}): EntityReport {
  let places: Place[] = [];
  let articlePlaces: ArticlePlaces[] = [];
  let placed = articles;
  // Each text is tagged once and the words shared by place and person finding.
  const tokens = opts.tokens ?? tokenCache(opts.tagger);
  if (opts.gazetteer) {
    ({ places, articles: articlePlaces } = resolvePlaces(opts.gazetteer, articles, tokens));
    // An article without a district (棉纺路街道完成…) takes the county its places settle on.
    placed = articles.map((a, i) => ({ ...a, city: a.city ?? articlePlaces[i].city, district: a.district ?? articlePlaces[i].county }));
  }
  const papers = new Map(articles.map((a) => [`${a.file}\u0000${a.index}`, a.paper]));
  const paperOf = (r: ArticleRef) => papers.get(`${r.file}\u0000${r.index}`) ?? null;
  const index = buildPeopleIndex(extractMentions(placed, { ...opts, tokens }), paperOf);
  return { ...index, places, articlePlaces };
}
