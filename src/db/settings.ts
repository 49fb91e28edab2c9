import { settingSpec, settingSpecs } from '../domain/settings.js';
import { DataError, FsError } from '../errors.js';
import { nowStamp, write } from './store.js';
import type { Db } from './open.js';

export function getSetting(db: Db, key: string): string {
  const spec = settingSpec(key);
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
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
  const normalised = settingSpec(key).parse(value);
  write(db, () => {
    db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(key, normalised, nowStamp());
    db.prepare("INSERT INTO change_log (at, entity, entity_id, op, changes) VALUES (?, 'setting', 0, 'update', ?)").run(
      nowStamp(),
      JSON.stringify({ key, value: normalised }),
    );
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
