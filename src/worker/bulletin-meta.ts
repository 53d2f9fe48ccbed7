// Correcting a bulletin's paper and date: the user's values are checked, the bulletin is parsed
// again with them (so its articles' ISO dates follow the corrected year), re-segmented, and its
// articles rewritten in place with the correction recorded. Blank fields fall back to what the
// parser infers from the file, and a correction with both blank is removed.
import { segmentArticle } from '../core/ingest';
import { parseBulletin } from '../core/parse';
import type { Segmenter } from '../core/segment';
import {
  bulletinSource, getBulletinDetail, getCorrection, normaliseBulletinDate, normaliseBulletinPaper,
  replaceBulletinParse,
} from '../core/store/bulletin-edits';
import type { BulletinDetail, BulletinMetaInput } from '../core/store/bulletin-types';
import type { CorpusStore } from '../core/store';

/** Apply a user's paper/date to bulletin `id` and return the bulletin as it now stands. */
export function correctBulletinMeta(
  store: CorpusStore,
  segmenter: Segmenter,
  id: number,
  input: BulletinMetaInput,
): BulletinDetail {
  const source = bulletinSource(store, id);
  if (!source) throw new Error(`there is no bulletin ${id} in the corpus (it may have been cleared)`);
  if (source.error) throw new Error(`${source.name} could not be read, so there is nothing to re-parse`);
  const wanted = { paper: normaliseBulletinPaper(input.paper), date: normaliseBulletinDate(input.date) };
  // What the parser found on its own: kept from the first correction, else the current values.
  const earlier = getCorrection(store, id);
  const inferredPaper = earlier ? earlier.inferredPaper : source.paper;
  const inferredDate = earlier ? earlier.inferredDate : source.date;
  const parsed = parseBulletin(source.text, { fileName: source.name, paper: wanted.paper, date: wanted.date });
  const segments = parsed.articles.map((a) => segmentArticle(segmenter, a));
  const corrected = wanted.paper !== null || wanted.date !== null;
  replaceBulletinParse(store, id, parsed, segments, corrected ? { input: wanted, inferredPaper, inferredDate } : null);
  return getBulletinDetail(store, id)!;
}
