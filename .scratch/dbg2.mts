import { nativeSqlite, openNativeDatabase } from '/work/main/cli/lib/build/native-db';
const N = nativeSqlite()!;
const db = openNativeDatabase(N, ':memory:');
db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); CREATE VIRTUAL TABLE f USING fts4(content="t", x, tokenize=unicode61);');
const ins = db.prepare('INSERT INTO t (x) VALUES (?)');
ins.run(['a b']);
const q = db.prepare('SELECT last_insert_rowid() AS id');
q.bind([]); q.step(); const o = q.getAsObject(); q.reset();
console.log(o, typeof o.id);
const f = db.prepare('INSERT INTO f (docid, x) VALUES (?, ?)');
try { f.run([o.id, 'a b']); console.log('ok'); } catch (e) { console.log('fail', e); }
try { f.run([2, 'a b']); console.log('ok2'); } catch (e) { console.log('fail2', (e as Error).message); }
