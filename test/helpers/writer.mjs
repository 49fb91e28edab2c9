// A busy writer for the backup-during-writes proof: adds visits (each in its own IMMEDIATE
// transaction with its change_log row, like fs does) until killed or `count` are written.
// Usage: node writer.mjs DB [count]
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const [dbPath, countArg] = process.argv.slice(2);
const count = countArg ? Number(countArg) : Infinity;
const db = new Database(dbPath, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const person = db.prepare('SELECT id FROM people WHERE deleted_at IS NULL ORDER BY id LIMIT 1').get();
const insert = db.prepare("INSERT INTO visits (uid, date, person_id, category, notes, created_at, updated_at) VALUES (?, '2026-11-01', ?, 'other', ?, ?, ?)");
const log = db.prepare("INSERT INTO change_log (at, entity, entity_id, entity_uid, op, changes) VALUES (?, 'visit', ?, ?, 'insert', '{}')");
const add = db.transaction((i) => {
  const uid = randomUUID();
  const now = new Date().toISOString();
  const id = insert.run(uid, person.id, `written by the busy writer #${i}`, now, now).lastInsertRowid;
  log.run(now, id, uid);
});
for (let i = 0; i < count; i++) add.immediate(i);
db.close();
