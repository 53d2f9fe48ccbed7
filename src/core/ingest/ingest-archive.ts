// A .zip of bulletins into the corpus: every entry becomes a bulletin named
// archive.zip/inner/path.txt, reported one by one, and a bad entry never stops the others.
import type { Segmenter } from '../segment';
import type { CorpusStore } from '../store';
import { ingestFile, notLoaded, problem } from './ingest-file';
import type { IngestResult } from './types';
import { extractZipEntries, listZip, zipBatches, ZipEntryDamage, ZIP_LIMITS, type ZipLimits } from './zip';

/** Callbacks through which an archive's entries report their progress. */
export interface ArchiveProgress {
  /** Once, after the archive's directory is read: the entries to load and those skipped. */
  listed(entries: string[], skipped: IngestResult[]): void;
  loading(name: string): void;
  done(result: IngestResult): void;
}

/**
 * Load every bulletin of a zip archive. The result describes the archive itself: done with the
 * sum of its entries' articles, or an error when it cannot be opened. Never throws.
 */
export async function ingestArchive(
  store: CorpusStore,
  segmenter: Segmenter,
  input: { name: string; bytes: Uint8Array },
  progress: ArchiveProgress,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<IngestResult> {
  const listing = listZip(input.bytes, limits);
  if (listing.error) return notLoaded(input.name, 'error', listing.error);
  const nameOf = (path: string) => `${input.name}/${path}`;
  progress.listed(
    listing.entries.map((e) => nameOf(e.path)),
    listing.skipped.map((s) => notLoaded(nameOf(s.path), 'skipped', s.problem)),
  );
  const total: IngestResult = {
    name: input.name, state: 'done', bulletinId: null, articles: 0, fragments: 0, encoding: null,
    problem: null,
  };
  for (const batch of zipBatches(listing.entries)) {
    const inflated = extractZipEntries(input.bytes, batch);
    for (const entry of batch) {
      const name = nameOf(entry.path);
      progress.loading(name);
      const bytes = inflated.get(entry.rawName);
      inflated.delete(entry.rawName); // let each entry's bytes go as soon as it is stored
      const result = bytes instanceof Uint8Array
        ? await ingestFile(store, segmenter, { name, bytes, source: 'zip' })
        : notLoaded(name, 'error', problem('zip-entry-damaged', bytes?.message ?? 'entry missing', bytes instanceof ZipEntryDamage ? bytes.reason : 'inflate'));
      total.articles += result.articles;
      total.fragments += result.fragments;
      progress.done(result);
    }
  }
  return total;
}
