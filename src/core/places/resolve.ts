// Pinning each place name to one gazetteer entry from its context, or leaving it ambiguous with
// the candidates that remain. The context, strongest first: the article's district (a town
// under it), the other places of the article, the paper's city (新乡日报 → 新乡市), the cities
// the rest of the bulletin names. A name is never resolved by picking among equals.
import { NO_TOKENS, type TokenIndex } from '../entities/tagger';
import type { Gazetteer } from './gazetteer';
import { scanPlaces, scanShortTowns, zonePattern, type ZoneHit } from './scan';
import type { ArticlePlaces, GazetteerEntry, Place, PlaceArticle, PlaceHit, PlacePath, ResolvedBy } from './types';

/** A hit after resolution. */
interface Pinned {
  hit: PlaceHit;
  path: PlacePath | null;
  by: ResolvedBy | null;
  candidates: PlacePath[];
}

/** The context an article gives its place names. */
interface Context {
  district: GazetteerEntry | null;
  counties: Set<string>;
  cities: Set<string>;
  paperCity: string | null;
  bulletinCities: Set<string>;
}

const countyKey = (e: PlacePath) => `${e.city ?? ''}|${e.county ?? ''}`;
const pathOf = (e: GazetteerEntry): PlacePath => ({ province: e.province, city: e.city, county: e.county, town: e.town });

function isZone(hit: PlaceHit): hit is ZoneHit {
  return hit.level === 'zone';
}

/**
 * A town the paper writes shorter than the gazetteer, when the short form is another place's
 * name elsewhere: 向阳街道 in a 红旗区 article is 红旗区's 向阳小区街道, not 房山区's 向阳街道.
 */
function longFormInDistrict(gaz: Gazetteer, hit: PlaceHit, district: GazetteerEntry | null): GazetteerEntry | null {
  if (hit.level !== 'town' || !district) return null;
  if (hit.candidates.some((e) => countyKey(e) === countyKey(district))) return null;
  const m = /^(.{2,}?)(街道|镇|乡)$/.exec(hit.name);
  if (!m) return null;
  const longer = gaz.townsOf(district).filter((t) => t.name.startsWith(m[1]) && t.name.endsWith(m[2]) && t.name !== hit.name);
  return longer.length === 1 ? longer[0] : null;
}

/** Narrow candidates step by step; stop as soon as one is left. */
function cascade(hit: PlaceHit, ctx: Context): Pinned {
  let set = hit.candidates;
  if (set.length === 1) return { hit, path: pathOf(set[0]), by: 'unique', candidates: [] };
  const steps: Array<[ResolvedBy, (e: GazetteerEntry) => boolean]> = [
    ['district', (e) => hit.level === 'town' && ctx.district !== null && countyKey(e) === countyKey(ctx.district)],
    ['article', (e) => ctx.counties.has(countyKey(e)) || (e.city !== null && ctx.cities.has(e.city))],
    ['paper', (e) => e.city !== null && e.city === ctx.paperCity],
    ['bulletin', (e) => e.city !== null && ctx.bulletinCities.has(e.city)],
  ];
  let by: ResolvedBy | null = null;
  for (const [name, keep] of steps) {
    const narrowed = set.filter(keep);
    if (narrowed.length === 0 || narrowed.length === set.length) continue;
    set = narrowed;
    by = name;
    if (set.length === 1) break;
  }
  if (set.length === 1) return { hit, path: pathOf(set[0]), by, candidates: [] };
  return { hit, path: null, by: null, candidates: set.map(pathOf) };
}

function textsOf(a: PlaceArticle): string[] {
  return [a.kicker ?? '', a.headline, a.subtitle ?? '', a.body].filter(Boolean);
}

/** The city most of the resolved places sit in (ties: none). */
function majorityCity(paths: Array<PlacePath | null>): string | null {
  const votes = new Map<string, number>();
  for (const p of paths) if (p?.city && p.county !== null) votes.set(p.city, (votes.get(p.city) ?? 0) + 1);
  for (const p of paths) if (p?.city && p.county === null) votes.set(p.city, (votes.get(p.city) ?? 0) + 1);
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || (ranked[1] && ranked[1][1] === ranked[0][1])) return null;
  return ranked[0][0];
}

/** Resolve a zone: its city from the context, its county when the city has one unit of its kind. */
function pinZone(gaz: Gazetteer, hit: ZoneHit, city: string | null, provinceOf: (c: string) => string | null): Pinned {
  if (!city) return { hit, path: null, by: null, candidates: [] };
  const units = gaz.countiesOf(city).filter((n) => hit.aliases.some((a) => zonePattern(a).test(n)));
  return {
    hit,
    path: { province: provinceOf(city), city, county: units.length === 1 ? units[0] : null, town: null },
    by: 'zone-city',
    candidates: [],
  };
}

/** Places per article and for the corpus, over articles of one or many bulletins. */
export function resolvePlaces(
  gaz: Gazetteer,
  articles: PlaceArticle[],
  tokens: (text: string) => TokenIndex = () => NO_TOKENS,
): { places: Place[]; articles: ArticlePlaces[] } {
  const provinceOf = (city: string) => gaz.lookup(city).find((e) => e.level === 'city')?.province ?? null;
  const work = articles.map((a) => {
    const districtEntries = a.district ? gaz.lookup(a.district).filter((e) => e.level === 'county') : [];
    const hits: PlaceHit[] = [];
    for (const t of textsOf(a)) hits.push(...scanPlaces(gaz, t, tokens(t)));
    if (districtEntries.length === 1) for (const t of textsOf(a)) hits.push(...scanShortTowns(gaz, t, districtEntries[0], hits));
    return { a, districtEntries, hits };
  });

  // Bulletin context: the cities its unambiguous names point to.
  const bulletinVotes = new Map<string, Array<PlacePath | null>>();
  for (const w of work) {
    const votes = bulletinVotes.get(w.a.file) ?? [];
    if (w.districtEntries.length === 1) votes.push(pathOf(w.districtEntries[0]));
    for (const h of w.hits) if (h.candidates.length === 1 && h.level !== 'province') votes.push(pathOf(h.candidates[0]));
    bulletinVotes.set(w.a.file, votes);
  }

  const perArticle: ArticlePlaces[] = [];
  const pinnedAll: Array<{ a: PlaceArticle; pins: Pinned[] }> = [];
  for (const w of work) {
    const bulletinCity = majorityCity(bulletinVotes.get(w.a.file) ?? []);
    const ctx: Context = {
      district: null,
      counties: new Set(),
      cities: new Set(),
      paperCity: w.a.paper ? gaz.cityOfPaper(w.a.paper) : null,
      bulletinCities: new Set(bulletinCity ? [bulletinCity] : []),
    };
    const districtPin = w.districtEntries.length
      ? cascade({ name: w.a.district ?? '', level: 'county', start: 0, end: 0, candidates: w.districtEntries }, ctx)
      : null;
    // Two passes: names pinned in the first give context to the rest in the second.
    let pins: Pinned[] = [];
    for (let pass = 0; pass < 2; pass++) {
      const dPath = districtPin?.path ?? null;
      ctx.district = dPath ? w.districtEntries.find((e) => countyKey(e) === countyKey(dPath)) ?? null : null;
      for (const p of pins) if (p.path && p.hit.level !== 'province') {
        if (p.path.county) ctx.counties.add(countyKey(p.path));
        if (p.path.city) ctx.cities.add(p.path.city);
      }
      if (dPath?.city) ctx.cities.add(dPath.city);
      pins = w.hits.filter((h) => !isZone(h)).map((h) => {
        const long = longFormInDistrict(gaz, h, ctx.district);
        return long ? { hit: h, path: pathOf(long), by: 'district' as const, candidates: [] } : cascade(h, ctx);
      });
    }
    const city = ctx.district?.city ?? majorityCity(pins.map((p) => p.path)) ?? ctx.paperCity ?? bulletinCity;
    pins.push(...w.hits.filter(isZone).map((h) => pinZone(gaz, h, city, provinceOf)));
    pinnedAll.push({ a: w.a, pins });
    perArticle.push({ file: w.a.file, index: w.a.index, places: [], city, county: ctx.district?.county ?? null });
  }
  adoptZoneUnits(pinnedAll);
  for (let k = 0; k < perArticle.length; k++) {
    const { a, pins } = pinnedAll[k];
    const out = perArticle[k];
    out.places = aggregate([{ a, pins }]);
    out.county ??= articleCounty(a, pins, out.city);
  }
  return { places: aggregate(pinnedAll), articles: perArticle };
}

/**
 * The county an article is in when its district is not a gazetteer county: the unit its zone
 * resolved to, or (with no district at all) the one county its places in its city share.
 */
function articleCounty(a: PlaceArticle, pins: Pinned[], city: string | null): string | null {
  if (a.district) {
    const zone = pins.find((p) => p.hit.level === 'zone' && p.path?.county && p.hit.name.startsWith(a.district!));
    return zone?.path?.county ?? null;
  }
  const counties = new Set(pins.filter((p) => p.path?.county && p.path.city === city).map((p) => p.path!.county!));
  return counties.size === 1 ? [...counties][0] : null;
}

/** A zone written 高新区(示范区) once and 高新区 elsewhere in the same bulletin is the same unit. */
function adoptZoneUnits(all: Array<{ a: PlaceArticle; pins: Pinned[] }>): void {
  const units = new Map<string, string>();
  for (const { a, pins } of all) for (const p of pins) {
    if (!isZone(p.hit) || !p.path?.county) continue;
    for (const alias of p.hit.aliases) units.set(`${a.file}|${p.path.city}|${alias}`, p.path.county);
  }
  for (const { a, pins } of all) for (const p of pins) {
    if (!isZone(p.hit) || !p.path || p.path.county) continue;
    const unit = p.hit.aliases.map((al) => units.get(`${a.file}|${p.path!.city}|${al}`)).find(Boolean);
    if (unit) p.path = { ...p.path, county: unit };
  }
}

/** Group pinned hits into places: one per resolved entry, one per ambiguous name and candidates. */
function aggregate(all: Array<{ a: PlaceArticle; pins: Pinned[] }>): Place[] {
  const byKey = new Map<string, Place>();
  const listed = new Set<string>();
  for (const { a, pins } of all) {
    for (const p of pins) {
      const key = p.path
        ? `${p.hit.level}|${p.path.province}|${p.path.city}|${p.path.county}|${p.path.town}|${p.hit.level === 'zone' || p.hit.level === 'town' ? p.hit.name : ''}`
        : `?|${p.hit.level}|${p.hit.name}|${p.candidates.map(countyKey).join(',')}`;
      let place = byKey.get(key);
      if (!place) {
        place = {
          name: p.hit.name,
          level: p.hit.level,
          province: p.path?.province ?? null,
          city: p.path?.city ?? null,
          county: p.path?.county ?? null,
          town: p.path?.town ?? null,
          status: p.path ? 'resolved' : 'ambiguous',
          resolvedBy: p.by,
          candidates: p.candidates,
          mentions: 0,
          articles: [],
        };
        byKey.set(key, place);
      }
      place.mentions++;
      const seen = `${key}\u0000${a.file}\u0000${a.index}`;
      if (!listed.has(seen)) {
        listed.add(seen);
        place.articles.push({ file: a.file, index: a.index });
      }
    }
  }
  return [...byKey.values()];
}
