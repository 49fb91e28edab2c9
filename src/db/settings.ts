import { settingSpec, settingSpecs } from '../domain/settings.js';
import type { IsoDate } from '../time/dates.js';
import { DataError, FsError } from '../errors.js';
import { logChange, nowStamp, statement, write } from './store.js';
import type { Db } from './open.js';

export function getSetting(db: Db, key: string): string {
  const spec = settingSpec(key);
  // A report reads some settings once per interval: the statement is kept (src/db/store.ts).
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return spec.default;
  // Read back through the same rule as `fs config set`: a value written by an older version or
  // another tool ("ten" days) stops here instead of turning into NaN dates further on.
  try {
    return spec.parse(row.value);
  } catch (e) {
    const hint = e instanceof FsError ? String(e.params.hint ?? e.message) : String(e);
    throw new DataError('err.stored_setting', { key, value: row.value, reason: hint });
  }
}

export function getNumberSetting(db: Db, key: string): number {
  return Number(getSetting(db, key));
}

export function setSetting(db: Db, key: string, value: string): string {
  const spec = settingSpec(key);
  // A secret in settings would travel with every export, history and push.
  if (spec.secret) throw new Error(`${key} is kept in ledger_secret (src/db/county/secret.ts), not in settings`);
  const normalised = spec.parse(value);
  write(db, () => {
    const before = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(key, normalised, nowStamp());
    // "before" null: the key was not set (its default applied); undo deletes it again.
    logChange(db, 'setting', 0, null, 'update', { key, value: normalised, before: { value: before?.value ?? null } });
  });
  return normalised;
}

export interface SettingRow {
  key: string;
  value: string;
  default: string;
  is_set: boolean;
}

export function listSettings(db: Db): SettingRow[] {
  const stored = new Map(
    (db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
  );
  return settingSpecs().map((s) => ({
    key: s.key,
    value: stored.get(s.key) ?? s.default,
    default: s.default,
    is_set: stored.has(s.key),
  }));
}

/** The record dates that say when the ledger began (business dates, never UTC timestamps). */
const FIRST_DATES = [
  ['visits', 'date'],
  ['concerns', 'raised_on'],
  ['disputes', 'registered_on'],
  ['pairs', 'started_on'],
  ['meetings', 'date'],
  ['decisions', 'date'],
  ['plan_progress', 'date'],
]
  .map(([table, col]) => `SELECT min(${col}) AS d FROM ${table} WHERE deleted_at IS NULL`)
  .join(' UNION ALL ');

/**
 * The day the ledger began: the setting `ledger.start`, else the date of the first record, else
 * today (an empty ledger owes nothing yet). Nothing is due or missing before it.
 */
export function ledgerStart(db: Db, today: IsoDate): IsoDate {
  const set = getSetting(db, 'ledger.start');
  if (set) return set;
  const first = statement(db, `SELECT min(d) AS d FROM (${FIRST_DATES})`).get() as { d: string | null };
  return first.d !== null && first.d < today ? first.d : today;
}
