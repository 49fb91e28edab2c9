// The county connection string lives in ledger_secret, not in settings: it carries a password, and
// settings travel (fs export, the change log, fs history, fs push). Never printed unmasked.
import type { Db } from '../open.js';

const KEY = 'county.url';

export function getCountyUrl(db: Db): string | undefined {
  return (db.prepare('SELECT value FROM ledger_secret WHERE name = ?').get(KEY) as { value: string } | undefined)?.value;
}

export function setCountyUrl(db: Db, url: string | undefined): void {
  if (url === undefined) db.prepare('DELETE FROM ledger_secret WHERE name = ?').run(KEY);
  else db.prepare('INSERT INTO ledger_secret (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value').run(KEY, url);
}
