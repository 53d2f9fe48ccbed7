// Places of several bulletins as one list: the same resolved unit (or the same ambiguous name
// with the same candidates) found in two bulletins is one place with both counts. Place
// resolution never looks across bulletins, so resolving bulletin by bulletin and merging gives
// what resolving the corpus at once gives (the incremental entity pass relies on it).
import type { Place } from './types';

function keyOf(p: Place): string {
  if (p.status === 'resolved') {
    const named = p.level === 'zone' || p.level === 'town' ? p.name : '';
    return `${p.level}|${p.province}|${p.city}|${p.county}|${p.town}|${named}`;
  }
  return `?|${p.level}|${p.name}|${p.candidates.map((c) => `${c.province}/${c.city}/${c.county}`).join(',')}`;
}

/** Merge lists of places (in order: the first list's places first), summing mentions and
 *  joining articles. The inputs are not changed. */
export function mergePlaces(lists: Iterable<readonly Place[]>): Place[] {
  const byKey = new Map<string, Place>();
  for (const list of lists) {
    for (const p of list) {
      const key = keyOf(p);
      const had = byKey.get(key);
      if (!had) byKey.set(key, { ...p, articles: [...p.articles] });
      else {
        had.mentions += p.mentions;
        had.articles.push(...p.articles);
      }
    }
  }
  return [...byKey.values()];
}
