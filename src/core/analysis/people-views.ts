// What the people, post and place pages show, cut from the entity report (src/core/entities) with
// article references turned into article ids of the store. The report stays in the worker; the
// page asks for the list, one person or one post at a time.
import type {
  Confidence, DatePrecision, EntityReport, Person, PersonPost, PersonRole, PostView, Reason,
} from '../entities/index';
import type { PlaceLevel, PlacePath } from '../places/index';

/** What the list shows of an article, and the id that opens it. */
export interface ArticleBrief {
  id: number;
  headline: string;
  date: string | null;
  district: string | null;
  paper: string | null;
}

/** A dated mention as the page links it: its date, precision and article. */
export interface DatedArticle {
  date: string;
  precision: DatePrecision;
  articleId: number | null;
}

/** One row of the people index. */
export interface PersonSummary {
  id: string;
  name: string;
  district: string | null;
  roles: PersonRole[];
  confidence: Confidence;
  /** The post with the latest dated mention (or the first one when none is dated). */
  latestPost: { post: string; title: string; date: string | null } | null;
  postCount: number;
  articleCount: number;
  /** Other people of the index with the same name. */
  namesakes: number;
}

/** One post of a person page. */
export interface PersonPostRow extends Omit<PersonPost, 'first' | 'last'> {
  first: DatedArticle | null;
  last: DatedArticle | null;
}

/** A person page: posts over time, why the mentions were grouped, and the articles. */
export interface PersonDetail extends PersonSummary {
  posts: PersonPostRow[];
  reasons: Reason[];
  sameNameAs: Array<{ id: string; district: string | null }>;
  /** The articles naming the person, oldest first (undated last). */
  articles: ArticleBrief[];
}

/** One holder of a post. */
export interface PostHolderRow {
  personId: string;
  name: string;
  first: DatedArticle | null;
  last: DatedArticle | null;
  mentions: number;
  undated: number;
}

/** One post of the post index. */
export interface PostSummary {
  post: string;
  title: string;
  org: string | null;
  district: string | null;
  holders: number;
  /** The holder with the latest dated mention. */
  latest: string | null;
}

/** A post page: who held it when. */
export interface PostDetail extends Omit<PostSummary, 'holders'> {
  holders: PostHolderRow[];
}

/** One place of the places list. */
export interface PlaceRow extends PlacePath {
  name: string;
  level: PlaceLevel;
  status: 'resolved' | 'ambiguous';
  resolvedBy: string | null;
  candidates: PlacePath[];
  mentions: number;
  articles: number;
}

/** Turns the report's article references ({file, index}) into article ids, and ids into briefs. */
export interface ArticleLookup {
  idOf(file: string, index: number): number | null;
  brief(id: number): ArticleBrief | null;
}

function dated(ref: { date: string; precision: DatePrecision; file: string; index: number } | null, look: ArticleLookup): DatedArticle | null {
  return ref ? { date: ref.date, precision: ref.precision, articleId: look.idOf(ref.file, ref.index) } : null;
}

function latestPost(p: Person): PersonSummary['latestPost'] {
  let best: PersonPost | null = null;
  for (const post of p.posts) {
    if (!best || (post.last && (!best.last || post.last.date > best.last.date))) best = post;
  }
  return best ? { post: best.post, title: best.title, date: best.last?.date ?? null } : null;
}

/** The index row of a person. */
export function personSummary(p: Person): PersonSummary {
  return {
    id: p.id, name: p.name, district: p.district, roles: p.roles, confidence: p.confidence,
    latestPost: latestPost(p), postCount: p.posts.length, articleCount: p.articles.length, namesakes: p.sameNameAs.length,
  };
}

/** A person page; null when the id is unknown. */
export function personDetail(report: EntityReport, id: string, look: ArticleLookup): PersonDetail | null {
  const p = report.people.find((x) => x.id === id);
  if (!p) return null;
  const byId = new Map(report.people.map((x) => [x.id, x]));
  const articles = p.articles.flatMap((r) => {
    const articleId = look.idOf(r.file, r.index);
    const b = articleId === null ? null : look.brief(articleId);
    return b ? [b] : [];
  });
  articles.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id - b.id);
  return {
    ...personSummary(p),
    posts: p.posts.map((post) => ({ ...post, first: dated(post.first, look), last: dated(post.last, look) })),
    reasons: p.reasons,
    sameNameAs: p.sameNameAs.map((sid) => ({ id: sid, district: byId.get(sid)?.district ?? null })),
    articles,
  };
}

function postKey(v: { post: string; district: string | null }): string {
  return `${v.post}\u0000${v.district ?? ''}`;
}

/** The index row of a post. */
export function postSummary(v: PostView): PostSummary {
  let latest: PostView['holders'][number] | null = null;
  for (const h of v.holders) if (h.last && (!latest?.last || h.last.date > latest.last.date)) latest = h;
  return { post: v.post, title: v.title, org: v.org, district: v.district, holders: v.holders.length, latest: latest?.name ?? null };
}

/** A post page (post name and district, as PostView keys them); null when unknown. */
export function postDetail(report: EntityReport, post: string, district: string | null, look: ArticleLookup): PostDetail | null {
  const key = postKey({ post, district });
  const v = report.posts.find((x) => postKey(x) === key);
  if (!v) return null;
  const { holders: _count, ...summary } = postSummary(v);
  return {
    ...summary,
    holders: v.holders.map((h) => ({
      personId: h.personId, name: h.name, first: dated(h.first, look), last: dated(h.last, look), mentions: h.mentions, undated: h.undated,
    })),
  };
}

/** The places list: resolved and ambiguous places, most mentioned first. */
export function placeRows(report: EntityReport): PlaceRow[] {
  return report.places.map((p) => ({
    name: p.name, level: p.level, status: p.status, resolvedBy: p.resolvedBy, province: p.province, city: p.city,
    county: p.county, town: p.town, candidates: p.candidates, mentions: p.mentions, articles: p.articles.length,
  })).sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
}
