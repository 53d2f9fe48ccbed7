// A folder of generated bulletins of a given size for the build benchmark, written as it is
// generated (a gigabyte is never held in memory): batches of the search benchmark's corpus
// (bench/search/corpus.ts: the sample articles varied in places, names, dates, reprints), each
// batch with its own seed, one file per bulletin, a hundred files per sub-folder.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../search/corpus';

/** Articles generated per batch (about 2 MB of bulletins). */
const BATCH_ARTICLES = 1200;

/** What a generated folder holds. */
export interface GeneratedFolder {
  dir: string;
  files: number;
  bytes: number;
  articles: number;
}

/** Generate (or reuse, when complete) a folder of at least `megabytes` MB of bulletins. */
export function generateFolder(dir: string, megabytes: number): GeneratedFolder {
  const marker = join(dir, '.complete.json');
  if (existsSync(marker)) {
    const done = JSON.parse(readFileSync(marker, 'utf8')) as GeneratedFolder;
    if (done.bytes >= megabytes * 1e6) return done;
  }
  mkdirSync(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  let articles = 0;
  for (let batch = 0; bytes < megabytes * 1e6; batch++) {
    for (const b of generateCorpus({ articles: BATCH_ARTICLES, seed: 20260610 + batch * 7919 })) {
      const sub = join(dir, `part-${String(Math.floor(files / 100)).padStart(5, '0')}`);
      if (files % 100 === 0) mkdirSync(sub, { recursive: true });
      const data = Buffer.from(b.text, 'utf8');
      writeFileSync(join(sub, `b${String(batch).padStart(5, '0')}-${b.name.replace(/[^\w.\-\u4e00-\u9fff]/g, '_')}`), data);
      files++;
      bytes += data.length;
      articles += b.articles;
      if (bytes >= megabytes * 1e6) break;
    }
  }
  const result = { dir, files, bytes, articles };
  writeFileSync(marker, JSON.stringify(result));
  return result;
}
