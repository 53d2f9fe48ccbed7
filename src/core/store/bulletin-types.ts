// What the bulletin view shows: one bulletin's articles and fragments in page order, and the
// paper and date a user set for it. Plain data, so it crosses the worker boundary unchanged.
import type { ArticleKind } from '../types';
import type { BulletinRow } from './types';

/** An article of a bulletin as a line of the bulletin view (not its whole body). */
export interface BulletinArticlePiece {
  type: 'article';
  /** The article's id (opens it in the article view). */
  id: number;
  /** Position among the bulletin's articles (0-based). */
  index: number;
  /** Offsets into the bulletin text (UTF-16). */
  start: number;
  end: number;
  headline: string;
  kicker: string | null;
  kind: ArticleKind;
  dateline: string | null;
  date: string | null;
  district: string | null;
  /** How many repairs and flags the article carries. */
  repairs: number;
  flags: number;
  /** The opening of the body. */
  excerpt: string;
}

/** A fragment of a bulletin (text that belongs to no article) as a line of the bulletin view. */
export interface BulletinFragmentPiece {
  type: 'fragment';
  id: number;
  /** Position among the bulletin's fragments (0-based). */
  index: number;
  start: number;
  end: number;
  /** orphan, preamble, furniture (see Fragment in src/core/types.ts). */
  reason: string;
  /** The fragment's text, cut at FRAGMENT_PREVIEW characters. */
  text: string;
  /** The whole fragment's length in characters. */
  length: number;
}

/** An article or a fragment, in page order. */
export type BulletinPiece = BulletinArticlePiece | BulletinFragmentPiece;

/** The paper and date a user set for a bulletin, with what the parser had inferred before. */
export interface BulletinCorrection {
  /** Null: the paper was not corrected. */
  paper: string | null;
  /** YYYY-MM-DD or YYYY; null: the date was not corrected. */
  date: string | null;
  inferredPaper: string | null;
  inferredDate: string | null;
  /** ISO timestamp of the last correction. */
  correctedAt: string;
}

/** One bulletin with everything the bulletin view shows. */
export interface BulletinDetail {
  bulletin: BulletinRow & {
    dateSource: string | null;
    bom: boolean;
    /** Characters of the decoded text. */
    textLength: number;
  };
  correction: BulletinCorrection | null;
  /** Articles and fragments sorted by where they start in the text. */
  pieces: BulletinPiece[];
}

/** A correction as the user asks for it; blank or null fields fall back to what was inferred. */
export interface BulletinMetaInput {
  paper: string | null;
  date: string | null;
}
