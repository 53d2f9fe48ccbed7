// Loading files into the corpus: single bulletins and zip archives.
export { ingestFile, segmentArticle, problem, notLoaded } from './ingest-file';
export { ingestArchive, type ArchiveProgress } from './ingest-archive';
export {
  listZip, extractZipEntries, zipBatches, isZipName, recoverEntryName, ZIP_LIMITS, MAX_BULLETIN_BYTES, overLimit,
  type ZipEntry, type ZipLimits, type ZipListing,
} from './zip';
export type * from './types';
