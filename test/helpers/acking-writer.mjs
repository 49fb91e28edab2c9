// A writer that says which of its writes were acknowledged: after each committed visit it appends
// the visit's uid to ACKS. Each write is one IMMEDIATE transaction waiting on the busy timeout, as
// fs's are. Usage: node acking-writer.mjs DB ACKS MS
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const [dbPath, acks, msArg] = process.argv.slice(2);
const until = Date.now() + Number(msArg);
const db = new Database(dbPath, { timeout: 5000 });
const add = (uid) =>
  db
    .transaction(() => {
      const now = new Date().toISOString();
      db.prepare("INSERT INTO visits (uid, date, person_id, category, notes, created_at, updated_at) VALUES (?, '2026-11-01', 1, 'other', 'acked', ?, ?)").run(uid, now, now);
    })
    .immediate();
while (Date.now() < until) {
  const uid = randomUUID();
  try {
    add(uid);
    appendFileSync(acks, `${uid}\n`);
  } catch {
    // refused (busy): not acknowledged, so not owed
  }
  await new Promise((r) => setTimeout(r, 5));
}
db.close();
