// What a parse worker does with each message (parse-worker.ts is its entry; the tests run this
// with a stand-in jieba): the setup teaches its jieba the corpus worker's words, then each file is
// hashed, decoded, parsed and cut (src/core/ingest/prepared.ts) and posted back prepared, saying
// which dictionary version cut it.
import { prepareBulletin } from '../core/ingest/prepared';
import { jiebaSegmenter, type JiebaCut, type Segmenter } from '../core/segment';
import type { ParseMessage, ParseReply } from './parse-protocol';
import type { TaughtDictionary } from './taught-words';

/** The part of jieba-wasm a parse worker uses. */
export interface TeachableJieba {
  cut: JiebaCut;
  with_dict(dict: string): void;
}

interface Cutter {
  segmenter: Segmenter;
  version: number;
}

/** A message handler for one parse worker; `loadJieba` loads its own jieba (once, on setup). */
export function parseHandler(loadJieba: () => Promise<TeachableJieba>, post: (reply: ParseReply) => void): (m: ParseMessage) => void {
  // Null: not asked to cut, or jieba did not load; the files go back uncut and the corpus
  // worker cuts them.
  let cutter: Promise<Cutter | null> = Promise.resolve(null);

  async function taught(dictionary: TaughtDictionary): Promise<Cutter | null> {
    try {
      const jieba = await loadJieba();
      if (dictionary.text) jieba.with_dict(dictionary.text);
      return { segmenter: jiebaSegmenter(jieba.cut), version: dictionary.version };
    } catch {
      return null;
    }
  }

  return (m) => {
    if (m.setup) {
      cutter = m.dictionary ? taught(m.dictionary) : Promise.resolve(null);
      return;
    }
    void cutter.then(async (c) => {
      const prepared = await prepareBulletin(m.name, m.bytes, c?.segmenter ?? null, m.source);
      return c && prepared.parsed ? { ...prepared, dictionaryVersion: c.version } : prepared;
    }).then(
      (prepared) => post({ seq: m.seq, prepared }),
      (err: unknown) => post({ seq: m.seq, error: err instanceof Error ? err.message : String(err) }),
    );
  };
}
