// Finding place names in running text: the longest gazetteer name at each position, with the
// guards that keep everyday words out (a two-character county after another Han character, a
// 示范区 inside 城市更新示范区), plus functional zones (高新区(示范区)) and towns a paper writes
// shorter than the gazetteer (向阳街道 for 向阳小区街道).
import { NO_TOKENS, type TokenIndex } from '../entities/tagger';
import type { Gazetteer } from './gazetteer';
import type { GazetteerEntry, PlaceHit } from './types';

const HANCHAR = /[\u4e00-\u9fff]/;
/** Functional zones: papers treat them as districts; the gazetteer names them otherwise. */
const ZONE = /^(?:高新技术产业开发区|经济技术开发区|高新区|经开区|示范区|航空港区|综合保税区|综保区|开发区)/;
/** An alias in brackets right after a zone: 高新区(示范区). */
const ZONE_ALIAS = /^[(（]((?:高新区|经开区|示范区|航空港区|综合保税区|开发区))[)）]/;

/** What a zone word stands for in the gazetteer's county-level names. */
export function zonePattern(zone: string): RegExp {
  if (zone.includes('高新')) return /高新/;
  if (zone === '经开区' || zone === '经济技术开发区') return /经济(?:技术)?开发区/;
  if (zone === '示范区') return /示范区/;
  if (zone === '航空港区') return /航空港/;
  if (zone.includes('保税') || zone === '综保区') return /保税/;
  return /开发区/;
}

/** The zone word (with its bracketed alias) at `pos`, when text before it lets it be one. */
function zoneAt(text: string, pos: number, prevHitEnd: number): { name: string; end: number; aliases: string[] } | null {
  const m = ZONE.exec(text.slice(pos, pos + 10));
  if (!m) return null;
  // 城市更新示范区 is a slogan: a zone must open the text, follow punctuation or a place name.
  const prev = text[pos - 1];
  if (prev !== undefined && HANCHAR.test(prev) && prevHitEnd !== pos) return null;
  let end = pos + m[0].length;
  const aliases = [m[0]];
  const alias = ZONE_ALIAS.exec(text.slice(end, end + 8));
  if (alias) {
    aliases.push(alias[1]);
    end += alias[0].length;
  }
  return { name: text.slice(pos, end), end, aliases };
}

/** A hit's gazetteer candidates for a zone word are left empty; resolve.ts fills them. */
export interface ZoneHit extends PlaceHit {
  aliases: string[];
}

/**
 * Every place name in a text, left to right, longest first at each position. A two-character
 * name (温县, 新乡, 河南) counts only when jieba's words (when given) start one there, so 金山东方
 * holds no 山东; a two-character county or town also only after a non-Han character or a
 * province/city word, so 高温县城 is not 温县.
 */
export function scanPlaces(gaz: Gazetteer, text: string, tokens: TokenIndex = NO_TOKENS): Array<PlaceHit | ZoneHit> {
  const hits: Array<PlaceHit | ZoneHit> = [];
  let lastEnd = -1;
  for (let i = 0; i < text.length; ) {
    const zone = zoneAt(text, i, lastEnd);
    if (zone) {
      hits.push({ name: zone.name, level: 'zone', start: i, end: zone.end, candidates: [], aliases: zone.aliases });
      lastEnd = zone.end;
      i = zone.end;
      continue;
    }
    let found: { len: number; entries: GazetteerEntry[] } | null = null;
    for (let len = Math.min(gaz.maxLenFrom(text.substr(i, 2)), text.length - i); len >= 2; len--) {
      const entries = gaz.lookup(text.substr(i, len));
      if (!entries.length) continue;
      if (len === 2 && tokens.tagged && (tokens.get(i)?.len ?? 0) < 2) continue;
      if (len === 2 && entries.every((e) => e.level === 'county' || e.level === 'town')) {
        const prev = text[i - 1];
        if (prev && HANCHAR.test(prev) && !/[省市州]/.test(prev) && lastEnd !== i) continue;
      }
      found = { len, entries };
      break;
    }
    if (!found) {
      i++;
      continue;
    }
    // One name, one level: 新乡 the city, not also some town; the highest level that matched.
    const order = ['province', 'city', 'county', 'town'] as const;
    const level = order.find((l) => found.entries.some((e) => e.level === l)) ?? 'town';
    const candidates = found.entries.filter((e) => e.level === level);
    hits.push({ name: text.substr(i, found.len), level, start: i, end: i + found.len, candidates });
    lastEnd = i + found.len;
    i += found.len;
  }
  return hits;
}

/**
 * Towns of a known county that the text writes shorter than the gazetteer: 向阳街道 for
 * 向阳小区街道. Only the county's own towns are tried, so a short form is never matched across
 * the country.
 */
export function scanShortTowns(gaz: Gazetteer, text: string, county: GazetteerEntry, known: PlaceHit[]): PlaceHit[] {
  const out: PlaceHit[] = [];
  for (const town of gaz.townsOf(county)) {
    const m = /^(.+?)(街道|镇|乡)$/.exec(town.name);
    if (!m || m[1].length < 3 || text.includes(town.name)) continue;
    for (let k = m[1].length - 1; k >= 2; k--) {
      const short = m[1].slice(0, k) + m[2];
      if (gaz.lookup(short).length) continue;
      let at = text.indexOf(short);
      while (at >= 0) {
        const inside = known.some((h) => at < h.end && at + short.length > h.start);
        if (!inside) out.push({ name: short, level: 'town', start: at, end: at + short.length, candidates: [town] });
        at = text.indexOf(short, at + short.length);
      }
    }
  }
  return out;
}
