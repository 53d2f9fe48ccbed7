// Facet counts over the current hits: for each field, its values with how many results have
// them. A field's own chips are left out of its counts (the other fields' chips apply), so the
// panel still offers the alternatives to a chosen value; clicking one ORs it in. Counted over
// the in-memory columns (doc-columns.ts); stories count once unless every printing is shown.
import type { CodedField, DocColumns } from './doc-columns';
import { FACET_FIELDS, type FacetCounts, type FacetField } from './types';

/** Values listed per facet; the rest is summarised as "more". */
export const FACET_LIMIT = 30;

/** Facets whose values are periods, listed newest first rather than by count. */
const CHRONOLOGICAL = new Set<FacetField>(['year', 'month']);

/** For each hit, a bit per facet field whose chips it fails (bit i = FACET_FIELDS[i]). */
export function chipFailures(cols: DocColumns, hits: Int32Array, chips: Map<FacetField, string[]>): Uint8Array {
  const fails = new Uint8Array(hits.length);
  FACET_FIELDS.forEach((field, bit) => {
    const values = chips.get(field);
    if (!values) return;
    const allowed = new Set(values.map((v) => cols.codeOf(field, v)).filter((c): c is number => c !== undefined));
    for (let i = 0; i < hits.length; i++) {
      const id = hits[i];
      let ok = false;
      if (field === 'reporter') {
        for (let k = cols.reporterAt[id]; k < cols.reporterAt[id + 1] && !ok; k++) ok = allowed.has(cols.reporters[k]);
      } else ok = allowed.has(cols.codes[field as CodedField][id]);
      if (!ok) fails[i] |= 1 << bit;
    }
  });
  return fails;
}

/** Count every facet over the hits, given which chips each hit fails. */
export function facetCounts(cols: DocColumns, hits: Int32Array, fails: Uint8Array, everyPrinting: boolean): FacetCounts[] {
  return FACET_FIELDS.map((field, bit) => {
    const names = cols.dicts[field].values;
    const counts = new Uint32Array(names.length);
    const seen = new Set<number>(); // code × 2^32 + story, for stories printed more than once
    const ignore = ~(1 << bit) & 0xff;
    const coded = field === 'reporter' ? null : cols.codes[field as CodedField];
    for (let i = 0; i < hits.length; i++) {
      if (fails[i] & ignore) continue;
      const id = hits[i];
      const story = cols.story[id];
      const once = !everyPrinting && cols.printings[story] > 1;
      const from = coded ? 0 : cols.reporterAt[id];
      const to = coded ? 1 : cols.reporterAt[id + 1];
      for (let k = from; k < to; k++) {
        const code = coded ? coded[id] : cols.reporters[k];
        if (!code) continue;
        if (once) {
          const key = code * 4294967296 + story;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        counts[code]++;
      }
    }
    const present: number[] = [];
    for (let c = 1; c < counts.length; c++) if (counts[c]) present.push(c);
    present.sort((a, b) => counts[b] - counts[a] || (names[a] < names[b] ? -1 : 1));
    const values = present.slice(0, FACET_LIMIT).map((c) => ({ value: names[c], count: counts[c] }));
    if (CHRONOLOGICAL.has(field)) values.sort((a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0));
    return { field, values, truncated: present.length > FACET_LIMIT };
  });
}
