// Loading files into the corpus: single bulletins and zip archives.
export { ingestFile, segmentArticle, problem, notLoaded } from './ingest-file';
export { ingestArchive, type ArchiveProgress } from './ingest-archive';
export { GroupWriter, ingestFiles, isPrepared, prepareInput, storedIn, GROUP_CHARS, GROUP_FILES } from './ingest-group';
export { prepareBulletin, prepareHashed, storePrepared, storePreparedGroup, type PreparedBulletin } from './prepared';
export {
  listZip, extractZipEntries, zipBatches, isZipName, recoverEntryName, ZIP_LIMITS, MAX_BULLETIN_BYTES, overLimit,
  type ZipEntry, type ZipLimits, type ZipListing,
} from './zip';
export type * from './types';
