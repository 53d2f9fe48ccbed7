// From a title phrase as written (区委书记, 卫滨区区长, 统战部部长, 市政协副主席) to a post: its
// title word and the organisation it belongs to, resolved against the article's district and
// city so that 区委书记 in a 红旗区 article is 书记 of 红旗区委 (post 红旗区委书记).
import { findCounty } from '../parse/district';
import {
  BARE_BODY, COMPACT_DEPARTMENT, isDescriptor, LEVEL_TITLE, ORG_SUFFIX, PARTY_DEPARTMENT, PUBLIC_BODY, TITLE_WORDS,
} from './lexicon';
import type { OrgLevel, PostMention } from './types';

/** Where a post is read: the article's district (红旗区) and city (新乡市) when known. */
export interface PostContext {
  district: string | null;
  city: string | null;
}

/** Title words by their last character, longest first (a text position is checked against
 *  the few words that can end there, not all of them). */
const BY_LAST = new Map<string, string[]>();
for (const t of TITLE_WORDS) {
  const last = t[t.length - 1];
  BY_LAST.set(last, [...(BY_LAST.get(last) ?? []), t]);
}

/** The longest title word that ends exactly at `end` in `text`, or null. */
export function titleEndingAt(text: string, end: number): string | null {
  const candidates = end > 0 ? BY_LAST.get(text[end - 1]) : undefined;
  if (!candidates) return null;
  for (const t of candidates) if (end - t.length >= 0 && text.startsWith(t, end - t.length)) return t;
  return null;
}

/** A county-level unit (or zone) the organisation text opens with: 卫滨区委 → 卫滨区. */
function leadingCounty(org: string): string | null {
  const c = findCounty(org.slice(0, 12));
  return c && org.startsWith(c) ? c : null;
}

const LEADING_CITY = /^[\u4e00-\u9fff]{2,4}市(?![场民长])/;

/** The city an organisation's name opens with (新乡市委党史和地方志研究室 → 新乡市), or null. */
export function leadingCity(org: string): string | null {
  return LEADING_CITY.exec(org)?.[0] ?? null;
}

/** The place an organisation belongs to, as the text or the context gives it. */
function placeOf(org: string): string | null {
  const county = leadingCounty(org);
  if (county) {
    // 高新区(示范区)党工委: the zone's bracketed alias is part of its name.
    const alias = /^[(（][^()（）]{2,6}[)）]/.exec(org.slice(county.length));
    return county + (alias ? alias[0] : '');
  }
  return LEADING_CITY.exec(org)?.[0] ?? null;
}

function levelOf(org: string | null, county: string | null): OrgLevel {
  if (!org) return county ? 'district' : 'other';
  if (/(?:村|社区)$/.test(org)) return 'village';
  const city = county ? null : leadingCity(org);
  const rest = county ? org.slice(org.indexOf(county) + county.length) : city ? org.slice(city.length) : org;
  if (/^[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道)/.test(rest)) return 'town';
  if (county) return 'district';
  return city ? 'city' : 'other';
}

/** What one piece of a title chain is, before its organisation is resolved. */
export interface TitlePiece {
  /** The piece as written (区委常委, 统战部部长, 高新区(示范区)党工委书记). */
  written: string;
  title: string;
  /** The organisation text in front of the title, as written ('' when none). */
  orgText: string;
}

/** Split a piece of a title chain into its organisation and its title. */
export function splitPiece(written: string, title: string): TitlePiece {
  let prefix = written.slice(0, written.length - title.length);
  let t = title;
  const compact = COMPACT_DEPARTMENT.exec(title);
  if (compact) {
    prefix += `${compact[1]}部`;
    t = '部长';
  }
  // Text before a title that is not an organisation is a modifier (党员班长, 一线老党员).
  const orgText = prefix && ORG_SUFFIX.test(prefix) ? prefix : '';
  return { written, title: t, orgText };
}

/**
 * Resolve one piece of a chain to a post. `previous` is the post before it in the same chain
 * (区委常委、统战部部长: 统战部 belongs to the 区委 the chain started with).
 */
export function resolvePost(piece: TitlePiece, ctx: PostContext, previous: PostMention | null): PostMention {
  const { title, written } = piece;
  let org: string | null = piece.orgText || null;
  const level = LEVEL_TITLE.exec(title)?.[1] ?? null;
  const district = ctx.district;
  if (org === null) {
    if (level && district?.endsWith(level)) org = district;
    else if (level === '市' && ctx.city) org = ctx.city;
    // 局党组书记、局长: a title with neither organisation nor level belongs to the chain's body.
    else if (!level && previous?.org) org = previous.org.replace(/(?:党组|党委|党工委|党总支|党支部)$/, '') || previous.org;
  } else if (!placeOf(org)) {
    const head = org[0];
    // 区委 in a 红旗区 article, 县委 in 延津县, 市委 in the county-level city 卫辉市.
    if ((head === '区' || head === '县' || head === '市') && district?.endsWith(head)) org = district + org.slice(1);
    else if (head === '市' && ctx.city) org = ctx.city + org.slice(1);
    else if (!/^(?:[省市区县镇乡村]|街道|社区)/.test(org)) {
      // A department or body with no level of its own belongs to the chain's unit, else to the
      // article's district: 统战部 → 凤泉区委统战部, 政协 → 中原区政协, 管委会 → 高新区(示范区)管委会.
      const prevOrg = previous?.org ?? null;
      const prevPlace = prevOrg ? placeOf(prevOrg) : null;
      if (PARTY_DEPARTMENT.test(org) && prevOrg && /委$/.test(prevOrg) && prevPlace) org = prevOrg + org;
      else if (prevPlace) org = prevPlace + org;
      else if (district && PARTY_DEPARTMENT.test(org)) org = `${district}委${org}`;
      else if (district && !isDescriptor(title) && (BARE_BODY.test(org) || PUBLIC_BODY.test(org))) org = district + org;
    }
  }
  const county = org ? leadingCounty(org) : district;
  const official = !isDescriptor(title) && (org === null || PUBLIC_BODY.test(org) || level !== null);
  const orgLevel = levelOf(org, county);
  return {
    title,
    org,
    post: org ? org + title : title,
    written,
    // A body the text names without its place (太平镇, 社区党委) is placed in the article's district.
    district: county ?? (orgLevel === 'city' ? null : district),
    level: orgLevel,
    official,
  };
}
