// A parse worker: hashes, decodes, parses and cuts the files the corpus worker sends it and posts
// each back prepared (parse-handler.ts). It never touches the database. Its jieba is taught,
// before the first file, every word the corpus worker's jieba was taught (taught-words.ts), so it
// cuts as the corpus worker would; the corpus worker cuts again a file cut with an older
// dictionary (docs/performance.md, "Pool of workers").
import { parseHandler } from './parse-handler';
import type { ParseMessage, ParseReply } from './parse-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ParseMessage>) => void) | null;
  postMessage: (m: ParseReply) => void;
};

// jieba's 4 MB of WASM load only when the corpus worker asks for words to be cut.
const handle = parseHandler(async () => {
  const jieba = await import('jieba-wasm');
  await jieba.default();
  return jieba;
}, (reply) => scope.postMessage(reply));

scope.onmessage = (e) => handle(e.data);
