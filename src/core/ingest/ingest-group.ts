// Loading many files with one transaction per group of files instead of one per file: the files
// are prepared one by one (hash, decode, parse, segment: prepared.ts) and stored a group at a
// time (storePreparedGroup), in the order they were given, so the corpus is the same as loading
// them one by one with ingestFile. Used by the page's loader, the benchmark and the tests.
import { isBulletinName } from '../decode';
import { sha256Hex } from '../hash';
import type { Segmenter } from '../segment';
import type { CorpusStore } from '../store';
import { notLoaded, problem } from './ingest-file';
import { prepareHashed, storePreparedGroup, type AlreadyStored, type PreparedBulletin } from './prepared';
import type { IngestInput, IngestResult } from './types';

/** Files stored per transaction at most. Past ~30 the gain flattens (one FTS4 segment and one
 *  commit per group), while a group is also the unit by which the file list advances. */
export const GROUP_FILES = 32;
/** Characters held prepared before a group is stored, whatever its file count, so a few huge
 *  files do not pile up in memory (each holds its text, articles and segmented words), and so
 *  storing a group (one synchronous stretch, during which the worker answers no search) stays
 *  around a second in the page. */
export const GROUP_CHARS = 1_000_000;

/** Asks the store, before a file is parsed, whether it already holds its bytes or its text. */
export function storedIn(store: CorpusStore): AlreadyStored {
  return (sha256, identity) => store.findBySha256(sha256) !== null
    || (identity !== null && store.findByTextIdentity(identity) !== null);
}

/**
 * Prepared files waiting to be stored, each with the caller's tag (the file's row in the page).
 * `add` stores the group when it is full; `flush` stores what waits (call it at the end of a
 * load, on cancel, and before anything else writes to the store).
 */
export class GroupWriter<T> {
  private waiting: Array<{ prepared: PreparedBulletin; tag: T }> = [];
  private chars = 0;

  constructor(
    private readonly store: CorpusStore,
    private readonly stored: (tag: T, result: IngestResult) => void,
  ) {}

  /** Files waiting to be stored. */
  get size(): number {
    return this.waiting.length;
  }

  add(prepared: PreparedBulletin, tag: T): void {
    this.waiting.push({ prepared, tag });
    this.chars += prepared.text.length;
    if (this.waiting.length >= GROUP_FILES || this.chars >= GROUP_CHARS) this.flush();
  }

  flush(): void {
    if (!this.waiting.length) return;
    const group = this.waiting;
    this.waiting = [];
    this.chars = 0;
    const results = storePreparedGroup(this.store, group.map((g) => g.prepared));
    group.forEach((g, i) => this.stored(g.tag, results[i]));
  }
}

/** Prepare one file for a GroupWriter: a result right away when it is no bulletin. */
export async function prepareInput(
  store: CorpusStore,
  segmenter: Segmenter,
  input: IngestInput,
): Promise<PreparedBulletin | IngestResult> {
  if (!isBulletinName(input.name)) return notLoaded(input.name, 'skipped', problem('not-bulletin'));
  const sha256 = await sha256Hex(input.bytes);
  return prepareHashed(input.name, input.bytes, sha256, segmenter, input.source ?? 'file', storedIn(store));
}

/** True for a prepared file (as opposed to a file's final result). */
export function isPrepared(p: PreparedBulletin | IngestResult): p is PreparedBulletin {
  return 'sha256' in p;
}

/** Load files in groups; the results come back in input order, as ingestFile's would. */
export async function ingestFiles(store: CorpusStore, segmenter: Segmenter, inputs: IngestInput[]): Promise<IngestResult[]> {
  const results: IngestResult[] = new Array(inputs.length);
  const writer = new GroupWriter<number>(store, (i, r) => { results[i] = r; });
  for (let i = 0; i < inputs.length; i++) {
    const p = await prepareInput(store, segmenter, inputs[i]);
    if (isPrepared(p)) writer.add(p, i);
    else results[i] = p;
  }
  writer.flush();
  return results;
}
