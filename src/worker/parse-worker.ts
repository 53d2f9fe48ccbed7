// A parse worker: hashes, decodes and parses the files the corpus worker sends it (the same core
// as everywhere: src/core/ingest/prepared.ts) and posts each back prepared. It never touches the
// database, and it does not cut words: the corpus worker does, so that every file is segmented
// by the one jieba whose dictionary holds the words taught to it (docs/performance.md, "Pool").
import { prepareBulletin } from '../core/ingest/prepared';
import type { ParseJob, ParseReply } from './parse-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseJob>) => void) | null;
  postMessage: (m: ParseReply) => void;
};

scope.onmessage = (e) => {
  const job = e.data;
  void prepareBulletin(job.name, job.bytes, null, job.source).then(
    (prepared) => scope.postMessage({ seq: job.seq, prepared }),
    (err: unknown) => scope.postMessage({ seq: job.seq, error: err instanceof Error ? err.message : String(err) }),
  );
};
