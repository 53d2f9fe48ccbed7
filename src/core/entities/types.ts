// The vocabulary of the people index: what goes in (articles with the fields the extractor
// reads), what a mention of a person is, and what the index over a corpus holds.

import type { Reason } from './reasons';

export type { Tagger, TaggedWord } from './tagger';
export type { Reason, ReasonCode } from './reasons';

/** Where an article sits: the bulletin (file path or bulletin id) and its position in it. */
export interface ArticleRef {
  file: string;
  index: number;
}

/** The fields of one article that entity extraction reads (built from Article + BulletinMeta). */
export interface EntityArticle extends ArticleRef {
  /** The article's ISO date (YYYY-MM-DD or YYYY-MM) when a year is known, else null. */
  date: string | null;
  /** The bulletin's date from its meta (YYYY-MM-DD or only YYYY), used when `date` is null. */
  bulletinDate?: string | null;
  /** The raw time phrase of the lead (6月8日, 近日), kept for undated mentions. */
  dateline?: string | null;
  district: string | null;
  /** The city the article is placed in (新乡市), from resolvePlaces; lets 市政协 become 新乡市政协. */
  city?: string | null;
  paper: string | null;
  headline: string;
  kicker: string | null;
  subtitle?: string | null;
  /** The article's kind; in a commentary the byline names its author, not a reporter. */
  kind?: 'news' | 'photo' | 'commentary' | 'notice';
  body: string;
  reporters: string[];
  correspondents: string[];
  /** The closing credit (红旗宣, 周春雨 罗菲, 赵慧意 李月锦 摄); names in it without a role word
   *  are credited as authors or photographers. */
  credit?: string | null;
}

/** How a person appears: holding a public post, writing or photographing, or otherwise. */
export type PersonRole = 'official' | 'reporter' | 'correspondent' | 'author' | 'photographer' | 'other';

/**
 * How exact a mention's date is. day/month: the article's own date; year: only the bulletin's
 * year is known; issue: the bulletin's issue date stands in for an undated article; none: no
 * year is known (the raw dateline is kept).
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'issue' | 'none';

/** The date of a mention with its precision. */
export interface MentionDate {
  date: string | null;
  precision: DatePrecision;
  /** The article's raw dateline (6月8日) when the date is not the article's own. */
  dateline: string | null;
}

/** The administrative level an organisation belongs to. */
export type OrgLevel = 'city' | 'district' | 'town' | 'village' | 'other';

/** One post as a mention states it: 区委书记 in a 红旗区 article is 书记 of 红旗区委. */
export interface PostMention {
  /** The title word: 书记, 副书记, 区长, 常委, 部长, 主任, 领导, 种植大户 … */
  title: string;
  /** The organisation resolved against the article's district and city (红旗区委, 红旗区,
   *  凤泉区委统战部, 焦作市政协); null when the text names none and none can be implied. */
  org: string | null;
  /** The canonical name of the post: org + title (红旗区委书记, 卫滨区区长); the title alone when
   *  no organisation is known. */
  post: string;
  /** The title as the text writes it, with its organisation (区委书记, 宣传部长). */
  written: string;
  /** The county-level unit the post belongs to, when it belongs to one. */
  district: string | null;
  level: OrgLevel;
  /** True for public posts (party, government, congress, CPPCC, state bodies, village heads). */
  official: boolean;
}

/** One place in an article where a person is named. */
export interface PersonMention extends ArticleRef {
  name: string;
  role: PersonRole;
  /** The posts the text gives the person here; empty for a bare mention (刘怀斌强调). */
  posts: PostMention[];
  /** The whole title phrase as written before the name (区委书记、区长). */
  titleText: string | null;
  /** The article's district (or the district of a post that names one). */
  district: string | null;
  /** The city the article is placed in, when known (新乡市). */
  city: string | null;
  date: MentionDate;
  /** UTF-16 offset of the name in the text it was found in. */
  offset: number;
  /** Which part of the article: body, headline, kicker, subtitle, byline (reporters) or credit. */
  field: 'body' | 'headline' | 'kicker' | 'subtitle' | 'byline' | 'credit';
}

/** How sure the index is that the mentions grouped under one person are one person. */
export type Confidence = 'high' | 'medium' | 'low';

/** A dated reference: the date of a mention and the article it is in. */
export interface DatedRef extends ArticleRef {
  date: string;
  precision: DatePrecision;
}

/** One post a person held, with the first and last dated mention of it. */
export interface PersonPost {
  post: string;
  title: string;
  org: string | null;
  district: string | null;
  official: boolean;
  /** The earliest and latest dated mention; null when every mention is undated. */
  first: DatedRef | null;
  last: DatedRef | null;
  mentions: number;
  /** Mentions with no year (their raw datelines are on the mentions). */
  undated: number;
}

/** A person of the index: mentions grouped by name and evidence, with posts over time. */
export interface Person {
  /** Stable id: name plus what keeps namesakes apart (name@红旗区, name@press:新乡日报). */
  id: string;
  name: string;
  /** The county-level unit the person works in, when known. */
  district: string | null;
  roles: PersonRole[];
  /** Posts ordered by their first dated mention (undated last). */
  posts: PersonPost[];
  articles: ArticleRef[];
  mentions: PersonMention[];
  confidence: Confidence;
  /** Why the mentions were grouped (or why a namesake was kept apart); see reasonText(). */
  reasons: Reason[];
  /** Ids of other people in the index with the same name. */
  sameNameAs: string[];
}

/** Who held one post when: one row per holder, ordered by first dated mention. */
export interface PostHolder {
  personId: string;
  name: string;
  first: DatedRef | null;
  last: DatedRef | null;
  mentions: number;
  undated: number;
}

/** A post of the index with its holders over time. */
export interface PostView {
  post: string;
  title: string;
  org: string | null;
  district: string | null;
  holders: PostHolder[];
}

/** The people index over a corpus. */
export interface PeopleIndex {
  people: Person[];
  /** Every post that some mention states, with its holders, ordered by post name. */
  posts: PostView[];
}
