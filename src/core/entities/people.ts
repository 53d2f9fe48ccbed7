// The people index: mentions grouped into people, each with posts over time. A name is one
// person per district unless the evidence joins two districts (the same city-level post, the
// same organisation); mentions with no district join the only namesake there is. Reporters and
// other signatories are grouped apart from officials (a reporter 张华 is not 副区长 张华).
import { compareDates } from './dates';
import type { Reason } from './reasons';
import type {
  ArticleRef, Confidence, DatedRef, Person, PersonMention, PersonPost, PersonRole, PeopleIndex, PostHolder, PostView,
} from './types';

const PRESS: ReadonlySet<PersonRole> = new Set(['reporter', 'correspondent', 'author', 'photographer']);
const ROLE_ORDER: PersonRole[] = ['official', 'reporter', 'correspondent', 'author', 'photographer', 'other'];

/** A group of mentions on its way to being a person. */
interface Group {
  key: string;
  name: string;
  district: string | null;
  mentions: PersonMention[];
  reasons: Reason[];
  joined: boolean;
}

function datedRef(m: PersonMention): DatedRef | null {
  return m.date.date ? { file: m.file, index: m.index, date: m.date.date, precision: m.date.precision } : null;
}

function earlier(a: DatedRef | null, b: DatedRef | null): DatedRef | null {
  if (!a) return b;
  if (!b) return a;
  return compareDates(b.date, a.date) < 0 ? b : a;
}

function later(a: DatedRef | null, b: DatedRef | null): DatedRef | null {
  if (!a) return b;
  if (!b) return a;
  return compareDates(b.date, a.date) > 0 ? b : a;
}

/** Posts ordered by first dated mention, undated last. */
function postsOf(mentions: PersonMention[]): PersonPost[] {
  const byPost = new Map<string, PersonPost>();
  for (const m of mentions) {
    for (const p of m.posts) {
      let post = byPost.get(p.post);
      if (!post) {
        post = { post: p.post, title: p.title, org: p.org, district: p.district, official: p.official, first: null, last: null, mentions: 0, undated: 0 };
        byPost.set(p.post, post);
      }
      post.mentions++;
      const ref = datedRef(m);
      if (!ref) post.undated++;
      post.first = earlier(post.first, ref);
      post.last = later(post.last, ref);
    }
  }
  return [...byPost.values()].sort((a, b) => {
    if (a.first && b.first) return compareDates(a.first.date, b.first.date) || (a.post < b.post ? -1 : 1);
    return a.first ? -1 : b.first ? 1 : a.post < b.post ? -1 : 1;
  });
}

/** Posts that name the same body wherever the person is mentioned (焦作市政协副主席). */
function portablePosts(g: Group): Set<string> {
  return new Set(g.mentions.flatMap((m) => m.posts.filter((p) => p.org && p.level !== 'district' && p.level !== 'town' && p.level !== 'village').map((p) => p.post)));
}

/** The unit that tells namesakes apart: the district, or the city of a city-level official. */
function unitOf(m: PersonMention): string | null {
  if (m.district) return m.district;
  return m.posts.some((p) => p.level === 'city') ? m.city : null;
}

/** Group the mentions of one name that are not signatures. */
function groupOfficials(name: string, mentions: PersonMention[]): Group[] {
  const byDistrict = new Map<string, PersonMention[]>();
  const loose: PersonMention[] = [];
  for (const m of mentions) {
    const unit = unitOf(m);
    if (!unit) loose.push(m);
    else if (byDistrict.has(unit)) byDistrict.get(unit)!.push(m);
    else byDistrict.set(unit, [m]);
  }
  let groups: Group[] = [...byDistrict].map(([district, ms]) => ({
    key: `${name}@${district}`, name, district, mentions: ms, reasons: [{ code: 'district', detail: [district] }], joined: false,
  }));
  // Two districts, one person: only when a post that is not bound to a district is shared.
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const shared = [...portablePosts(groups[i])].filter((p) => portablePosts(groups[j]).has(p));
      if (!shared.length) continue;
      groups[i].mentions.push(...groups[j].mentions);
      groups[i].reasons.push({ code: 'shared-post', detail: [shared[0], groups[i].district ?? '', groups[j].district ?? ''] });
      groups[i].joined = true;
      groups.splice(j--, 1);
    }
  }
  if (loose.length) {
    if (groups.length === 1) {
      groups[0].mentions.push(...loose);
      groups[0].reasons.push({ code: 'joined-undistricted', detail: [String(loose.length)] });
      groups[0].joined = true;
    } else {
      groups = [...groups, { key: `${name}@?`, name, district: null, mentions: loose, reasons: [{ code: 'no-district', detail: [] }], joined: false }];
    }
  }
  return groups;
}

/** Group the signatures of one name: one person per paper (unknown papers join the only one). */
function groupPress(name: string, mentions: PersonMention[], paperOf: (r: ArticleRef) => string | null): Group[] {
  const byPaper = new Map<string, PersonMention[]>();
  const loose: PersonMention[] = [];
  for (const m of mentions) {
    const paper = paperOf(m);
    if (!paper) loose.push(m);
    else if (byPaper.has(paper)) byPaper.get(paper)!.push(m);
    else byPaper.set(paper, [m]);
  }
  const groups: Group[] = [...byPaper].map(([paper, ms]) => ({
    key: `${name}@press:${paper}`, name, district: null, mentions: ms, reasons: [{ code: 'paper', detail: [paper] }], joined: false,
  }));
  if (loose.length && groups.length === 1) {
    groups[0].mentions.push(...loose);
    groups[0].reasons.push({ code: 'joined-unnamed-paper', detail: [String(loose.length)] });
    groups[0].joined = true;
  } else if (loose.length) {
    groups.push({ key: `${name}@press`, name, district: null, mentions: loose, reasons: [{ code: 'paper-unknown', detail: [] }], joined: false });
  }
  return groups;
}

function confidenceOf(g: Group, namesakes: number): Confidence {
  const titled = g.mentions.some((m) => m.posts.length > 0 || PRESS.has(m.role));
  if (!titled) return 'low';
  return g.joined || namesakes > 0 ? 'medium' : 'high';
}

function toPerson(g: Group, namesakes: Group[]): Person {
  const articles: ArticleRef[] = [];
  const listed = new Set<string>();
  for (const m of g.mentions) {
    const key = `${m.file}\u0000${m.index}`;
    if (listed.has(key)) continue;
    listed.add(key);
    articles.push({ file: m.file, index: m.index });
  }
  // A bare mention (刘怀斌强调) says nothing about the role; it counts only when nothing else does.
  const stated = g.mentions.filter((m) => m.posts.length > 0 || PRESS.has(m.role));
  const roles = ROLE_ORDER.filter((r) => (stated.length ? stated : g.mentions).some((m) => m.role === r));
  const counts = new Map<string, number>();
  for (const m of g.mentions) if (m.district) counts.set(m.district, (counts.get(m.district) ?? 0) + 1);
  const district = g.district ?? ([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);
  const reasons = [...g.reasons];
  if (!g.mentions.some((m) => m.posts.length > 0 || PRESS.has(m.role))) reasons.push({ code: 'untitled', detail: [] });
  if (namesakes.length) reasons.push({ code: 'namesakes-apart', detail: namesakes.map((n) => n.key) });
  return {
    id: g.key,
    name: g.name,
    district: PRESS.has(roles[0]) && !roles.includes('official') ? null : district,
    roles,
    posts: postsOf(g.mentions),
    articles,
    mentions: g.mentions,
    confidence: confidenceOf(g, namesakes.length),
    reasons,
    sameNameAs: namesakes.map((n) => n.key),
  };
}

/** Who held each post when, from the people's posts. */
export function postViews(people: Person[]): PostView[] {
  const views = new Map<string, PostView>();
  for (const person of people) {
    for (const p of person.posts) {
      // 社区党委书记 in 牧野区 and in 红旗区 are different posts: the district is part of a view.
      const key = `${p.post}\u0000${p.district ?? ''}`;
      let view = views.get(key);
      if (!view) {
        view = { post: p.post, title: p.title, org: p.org, district: p.district, holders: [] };
        views.set(key, view);
      }
      const holder: PostHolder = { personId: person.id, name: person.name, first: p.first, last: p.last, mentions: p.mentions, undated: p.undated };
      view.holders.push(holder);
    }
  }
  for (const v of views.values()) {
    v.holders.sort((a, b) => (a.first && b.first ? compareDates(a.first.date, b.first.date) : a.first ? -1 : b.first ? 1 : 0));
  }
  const key = (v: PostView) => `${v.post}\u0000${v.district ?? ''}`;
  return [...views.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Build the people index from mentions. `paperOf` names the paper of an article (for telling
 * reporters of different papers apart); people are ordered by name, then id.
 */
export function buildPeopleIndex(mentions: PersonMention[], paperOf: (r: ArticleRef) => string | null = () => null): PeopleIndex {
  const byName = new Map<string, { officials: PersonMention[]; press: PersonMention[] }>();
  for (const m of mentions) {
    const entry = byName.get(m.name) ?? { officials: [], press: [] };
    (PRESS.has(m.role) ? entry.press : entry.officials).push(m);
    byName.set(m.name, entry);
  }
  const people: Person[] = [];
  for (const [name, { officials, press }] of byName) {
    const groups = [...(officials.length ? groupOfficials(name, officials) : []), ...(press.length ? groupPress(name, press, paperOf) : [])];
    for (const g of groups) people.push(toPerson(g, groups.filter((o) => o !== g)));
  }
  people.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return { people, posts: postViews(people) };
}

/**
 * The holders of one post (e.g. 卫滨区委书记), ordered by first dated mention; empty when no
 * mention states it. A post named without its place (社区党委书记) needs its district.
 */
export function holdersOf(index: PeopleIndex, post: string, district?: string | null): PostHolder[] {
  return index.posts
    .filter((v) => v.post === post && (district === undefined || v.district === district))
    .flatMap((v) => v.holders)
    .sort((a, b) => (a.first && b.first ? compareDates(a.first.date, b.first.date) : a.first ? -1 : b.first ? 1 : 0));
}
