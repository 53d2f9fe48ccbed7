import { readFileSync } from 'node:fs';
import { cut } from 'jieba-wasm';
import { prepareBulletin } from '/work/main/src/core/ingest/prepared';
import { jiebaSegmenter } from '/work/main/src/core/segment/index';
import { CorpusStore } from '/work/main/src/core/store/index';
import { nativeSqlite, openNativeDatabase } from '/work/main/cli/lib/build/native-db';
const N = nativeSqlite()!;
const db = openNativeDatabase(N, '/tmp/dbg.sqlite');
const store = CorpusStore.create({ Database: function () { return db.asSqlJs(); } } as never);
const p = await prepareBulletin('x.txt', readFileSync('seeds/000_3fbf3b7c5be8bd62.txt'), jiebaSegmenter(cut));
try { store.addBulletin({ name: 'x', path: 'x', source: 'file', sha256: p.sha256, size: p.size, encoding: p.encoding, bom: p.bom, error: null, text: p.text, parsed: p.parsed, segments: p.segments, textIdentity: p.textIdentity }); console.log(store.stats()); } catch (e) { console.log(e); }
