// A build worker thread: reads, hashes, decodes, parses and segments the files it is sent (with
// the same core as the page: src/core/ingest/prepared.ts) and posts each one back prepared. Only
// the writer thread touches the database.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { cut } from 'jieba-wasm';
import { prepareBulletin } from '../../../src/core/ingest/prepared';
import { jiebaSegmenter } from '../../../src/core/segment/index';
import type { WorkerJob, WorkerReply } from './pool-types';

const segmenter = jiebaSegmenter(cut);
const port = parentPort!;

port.on('message', (job: WorkerJob) => {
  void (async (): Promise<WorkerReply> => {
    try {
      const bytes = new Uint8Array(await readFile(job.path));
      const prepared = await prepareBulletin(job.name, bytes, segmenter, 'file');
      return { seq: job.seq, prepared, readError: null };
    } catch (e) {
      return { seq: job.seq, prepared: null, readError: e instanceof Error ? e.message : String(e) };
    }
  })().then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true });
