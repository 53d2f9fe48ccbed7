// The entity analysis kept across passes: a corpus changes a few bulletins at a time, so each
// bulletin's places and titled names (the costly, local work) are kept and redone only when the
// bulletin is new or changed. What depends on the whole corpus is redone where it can differ:
// titles after a name and bare mentions are read again only in bulletins whose text holds a name
// whose titled evidence changed; the people index and the place list are then merged from the
// kept parts (cheap). The result equals analyseEntities over the same articles.
import { mergePlaces } from '../places/merge';
import { resolvePlaces } from '../places/resolve';
import type { ArticlePlaces, Place } from '../places/types';
import { knownNames, mentionsOf, titleAfterOf, titledContext, titledOf, type ArticleFound } from './extract';
import type { AnalyseOptions, EntityReport } from './index';
import type { FoundName } from './mentions';
import { buildPeopleIndex } from './people';
import { tokenCache, type TokenIndex } from './tagger';
import type { ArticleRef, EntityArticle, PersonMention } from './types';

/** Options of an update. */
export interface UpdateOptions extends AnalyseOptions {
  /** Bulletins to read again although their articles did not change: their texts are cut
   *  differently now (jieba learned words since), so names may be read differently. */
  reread?: ReadonlySet<string>;
}

/** What one update did. */
export interface UpdateStats {
  bulletins: number;
  /** Bulletins read from scratch (new or changed): places and titled names. */
  extracted: number;
  /** Kept bulletins whose mentions were read again (a name in them changed evidence). */
  relinked: number;
  removed: number;
  /** Names whose titled evidence changed (added, removed, new post or district). */
  touchedNames: number;
}

interface Entry {
  signature: string;
  places: Place[];
  articlePlaces: ArticlePlaces[];
  found: ArticleFound[];
  after: FoundName[][][];
  mentions: PersonMention[];
}

/** FNV-1a of a string, as 8 hex digits (a change detector, not a security hash). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Per name: what the titled names say of it (district, title, post), as one string. */
function evidence(found: Iterable<ArticleFound>): Map<string, string> {
  const parts = new Map<string, Set<string>>();
  for (const af of found) {
    for (const { found: list } of af.fields) {
      for (const f of list) {
        let set = parts.get(f.name);
        if (!set) parts.set(f.name, (set = new Set()));
        for (const p of f.posts) set.add(`${af.a.district ?? ''}|${p.title}|${p.post}`);
        set.add(`${af.a.district ?? ''}|`);
      }
    }
  }
  return new Map([...parts].map(([name, set]) => [name, [...set].sort().join('\n')]));
}

/** Keys whose values differ between two maps (present in one only, or changed). */
function changedKeys<V>(before: Map<string, V>, after: Map<string, V>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of after) if (before.get(k) !== v) out.add(k);
  for (const k of before.keys()) if (!after.has(k)) out.add(k);
  return out;
}

/** Most names tested one by one in a bulletin's text; beyond it every bulletin is read again. */
const MAX_TOUCHED = 2000;

/** True when any text of the articles holds one of the names (null: too many to test). */
function holdsAny(articles: readonly EntityArticle[], names: Set<string>, pattern: RegExp | null): boolean {
  if (!names.size) return false;
  if (!pattern) return true;
  return articles.some((a) => [a.kicker, a.headline, a.subtitle, a.body].some((t) => t && pattern.test(t)));
}

/** The entity analysis of a changing corpus. One instance per corpus; `update` after each change. */
export class EntityCache {
  private entries = new Map<string, Entry>();
  private titled = new Map<string, string>();
  private known = new Set<string>();
  private wasTitled = new Set<string>();
  private withGazetteer = false;

  /** Forget everything (the corpus was cleared). */
  clear(): void {
    this.entries.clear();
    this.titled.clear();
    this.known.clear();
    this.wasTitled.clear();
  }

  /** The report over `articles` (every article of the corpus, in order), reusing what the
   *  previous updates found for unchanged bulletins. */
  update(articles: EntityArticle[], opts: UpdateOptions = {}): { report: EntityReport; stats: UpdateStats } {
    const tokens = opts.tokens ?? tokenCache(opts.tagger);
    if (Boolean(opts.gazetteer) !== this.withGazetteer) this.clear();
    this.withGazetteer = Boolean(opts.gazetteer);
    const groups = new Map<string, EntityArticle[]>();
    for (const a of articles) {
      const list = groups.get(a.file);
      if (list) list.push(a);
      else groups.set(a.file, [a]);
    }
    let removed = 0;
    for (const file of [...this.entries.keys()]) if (!groups.has(file)) { this.entries.delete(file); removed++; }
    const fresh = new Set<string>();
    for (const [file, list] of groups) {
      const signature = fnv(JSON.stringify(list));
      if (this.entries.get(file)?.signature === signature && !opts.reread?.has(file)) continue;
      this.entries.set(file, this.readBulletin(list, signature, opts, tokens));
      fresh.add(file);
    }
    const entries = [...groups.keys()].map((f) => [f, this.entries.get(f)!] as const);

    // Titles after a name: read again where a name's titled evidence changed.
    const allFound = entries.flatMap(([, e]) => e.found);
    const ctx = titledContext(allFound);
    const titled = evidence(allFound);
    const touchedTitled = changedKeys(this.titled, titled);
    this.titled = titled;
    const textHas = (names: Set<string>) => {
      const pattern = names.size <= MAX_TOUCHED ? new RegExp([...names].join('|')) : null;
      return (file: string) => holdsAny(groups.get(file)!, names, pattern);
    };
    // A title after a name is found by the name being titled somewhere (membership) and
    // completed from its titled evidence: a kept bulletin is read again when its text holds a
    // name that became or stopped being titled, or it completed a name whose evidence changed.
    const hasNewlyTitled = textHas(new Set([...touchedTitled].filter((n) => titled.has(n) !== this.wasTitled.has(n))));
    const rereadAfter = new Set<string>();
    for (const [file, e] of entries) {
      const completes = e.after.some((fields) => fields.some((list) => list.some((f) => touchedTitled.has(f.name))));
      if (!fresh.has(file) && !completes && !hasNewlyTitled(file)) continue;
      const after = e.found.map((af) => titleAfterOf(af, ctx, tokens));
      if (fresh.has(file) || JSON.stringify(after) !== JSON.stringify(e.after)) rereadAfter.add(file);
      e.after = after;
    }
    this.wasTitled = new Set(titled.keys());
    const known = knownNames(ctx, entries.map(([, e]) => e.after).flat());
    // A bare mention depends only on whether its name is known: read again where that changed.
    const touchedKnown = changedKeys(new Map([...this.known].map((n) => [n, true])), new Map([...known].map((n) => [n, true])));
    this.known = known;
    const touched = new Set([...touchedTitled, ...touchedKnown]);
    const hasTouched = textHas(touchedKnown);
    let relinked = 0;
    for (const [file, e] of entries) {
      if (!rereadAfter.has(file) && !hasTouched(file)) continue;
      e.mentions = e.found.flatMap((af, i) => mentionsOf(af, e.after[i], known, tokens));
      if (!fresh.has(file)) relinked++;
    }

    const papers = new Map(articles.map((a) => [`${a.file}\u0000${a.index}`, a.paper]));
    const paperOf = (r: ArticleRef) => papers.get(`${r.file}\u0000${r.index}`) ?? null;
    const index = buildPeopleIndex(entries.flatMap(([, e]) => e.mentions), paperOf);
    const report: EntityReport = {
      ...index,
      places: mergePlaces(entries.map(([, e]) => e.places)),
      articlePlaces: entries.flatMap(([, e]) => e.articlePlaces),
    };
    return { report, stats: { bulletins: groups.size, extracted: fresh.size, relinked, removed, touchedNames: touched.size } };
  }

  /** A new or changed bulletin: its places, then its titled names (the local work). */
  private readBulletin(list: EntityArticle[], signature: string, opts: AnalyseOptions, tokens: (text: string) => TokenIndex): Entry {
    let places: Place[] = [];
    let articlePlaces: ArticlePlaces[] = [];
    let placed = list;
    if (opts.gazetteer) {
      ({ places, articles: articlePlaces } = resolvePlaces(opts.gazetteer, list, tokens));
      placed = list.map((a, i) => ({ ...a, city: a.city ?? articlePlaces[i].city, district: a.district ?? articlePlaces[i].county }));
    }
    return { signature, places, articlePlaces, found: placed.map((a) => titledOf(a, tokens)), after: [], mentions: [] };
  }
}
