// What a search asks for and what it answers. These cross the worker boundary unchanged, so
// they are plain data (structured-clone safe).
import type { ArticlePage, ArticleRow } from '../store/types';
import type { QueryHint } from './syntax';

/** The fields the facet panel counts and a filter chip can narrow by. `person` (a person id of
 *  the people index) is read from the entity tables with SQL (people-facet.ts), not from the
 *  in-memory columns, so it is not in FACET_FIELDS. */
export type FacetField = 'district' | 'paper' | 'year' | 'month' | 'kind' | 'credit' | 'reporter' | 'person';

/** Every facet field, in the order the panel shows them. */
export const FACET_FIELDS: readonly FacetField[] = ['district', 'paper', 'year', 'month', 'kind', 'credit', 'reporter'];

/** A chip: keep articles whose `field` is `value`. Chips on one field are ORed, fields ANDed. */
export interface FacetFilter {
  field: FacetField;
  value: string;
}

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest' | 'oldest' | 'paper';

/** Every sort order, the first being the default. */
export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest', 'paper'];

/** A search: the query text (syntax.ts), filter chips, order, paging. */
export interface SearchRequest {
  query: string;
  filters?: FacetFilter[];
  sort?: SortOrder;
  /** Show every printing of a reprinted story instead of counting the story once. */
  everyPrinting?: boolean;
  offset?: number;
  limit?: number;
  /** Compute facet counts (default true). */
  facets?: boolean;
}

/** One value of a facet with the number of results that have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/** The counts of one facet over the current results (ignoring that facet's own chips). */
export interface FacetCounts {
  field: FacetField;
  values: FacetValue[];
  /** True when more values exist than are listed. */
  truncated: boolean;
}

/** A result row: an ArticleRow plus what the query desk shows and links to. */
export interface SearchRow extends ArticleRow {
  /** A reference to the article that survives reloading the corpus: `<sha256 prefix>.<index>`. */
  ref: string;
  paper: string | null;
  /** Printings of this story in the corpus (1 for a story printed once). */
  printings: number;
}

/** A page of results with the facets and the query as understood. */
export interface SearchPage extends ArticlePage {
  rows: SearchRow[];
  filters: FacetFilter[];
  sort: SortOrder;
  everyPrinting: boolean;
  /** Matching articles counting every printing (equals `total` when every printing is shown). */
  printings: number;
  facets: FacetCounts[];
  /** Problems with the query's syntax, for the hint under the box. */
  hints: QueryHint[];
  /** The literal strings searched for, to highlight in the article view. */
  terms: string[];
  /** Time the search took in the engine, milliseconds. */
  tookMs: number;
}
