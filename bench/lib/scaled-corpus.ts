// The benchmark's input: the sample bulletins repeated until they reach a target size, kept as
// separate files (bytes, as a user would load them) so per-file costs are measured too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBulletinName } from '../../src/core/decode/index';

/** One file of the scaled corpus. */
export interface BenchFile {
  name: string;
  bytes: Uint8Array;
}

/** The sample bulletins repeated, in order, until their bytes reach `targetBytes`. */
export function scaledCorpus(seedsDir: string, targetBytes: number): BenchFile[] {
  const seeds = readdirSync(seedsDir).filter(isBulletinName).sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(seedsDir, name))) }));
  if (seeds.length === 0) throw new Error(`no bulletin files in ${seedsDir}`);
  const files: BenchFile[] = [];
  let total = 0;
  for (let copy = 1; total < targetBytes; copy++) {
    for (const seed of seeds) {
      files.push({ name: `copy-${String(copy).padStart(4, '0')}/${seed.name}`, bytes: seed.bytes });
      total += seed.bytes.length;
      if (total >= targetBytes) break;
    }
  }
  return files;
}
