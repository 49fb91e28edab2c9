// Migration 0007 is generated from the domain's rules: the shipped file must be exactly what the
// rules make (so a key added to a domain list cannot be refused by a stale CHECK), and every
// CHECK must refuse what the import refuses, and take what the CLI stores.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, openDatabase } from '../../src/db/open.js';
import { getNumberSetting } from '../../src/db/settings.js';
import { tempDir } from '../helpers/cli.js';
import { buildMigration0007, MIGRATION_0007 } from '../helpers/migration-0007.js';

const dir = tempDir();
const real = listMigrations();
const file = real.find((m) => m.name === MIGRATION_0007);

describe('migration 0007', () => {
  it('is the text the domain rules generate', async () => {
    const before = real.filter((m) => m.version < 7);
    const db = await openDatabase(join(dir, 'gen.db'), { migrations: before });
    const text = buildMigration0007(db);
    db.close();
    if (process.env.FS_WRITE_MIGRATION === '1') writeFileSync(join(dirOf(before[0]!.file), MIGRATION_0007), text);
    expect(file, `migrations/${MIGRATION_0007} is missing: FS_WRITE_MIGRATION=1 npx vitest run test/db/constraints.test.ts`).toBeDefined();
    expect(readFileSync(file!.file, 'utf8')).toBe(text);
  });
});

function dirOf(p: string): string {
  return p.slice(0, p.lastIndexOf('/'));
}

describe('upgrading a ledger that holds values the CLI would refuse', () => {
  it('keeps every row, id, uid and index; repairs what it can and keeps the old values in migration_repairs', async () => {
    const path = join(dir, 'old.db');
    const v5 = real.filter((m) => m.version < 7);
    const db = await openDatabase(path, { migrations: v5 });
    const stamp = '2026-12-31T23:30:00.000Z';
    db.prepare("INSERT INTO households (id, uid, label, created_at, updated_at) VALUES (7, 'h7', '王家', ?, ?)").run(stamp, stamp);
    db.prepare("INSERT INTO people (id, uid, name, household_id, created_at, updated_at) VALUES (3, 'p3', '王秀英', 7, ?, ?)").run(stamp, stamp);
    const visit = db.prepare("INSERT INTO visits (id, uid, date, person_id, household_id, category, created_at, updated_at) VALUES (?, ?, ?, 3, 7, ?, ?, ?)");
    visit.run(10, 'v10', '20-11-2026', 'poor-household', stamp, stamp);
    visit.run(11, 'v11', '2026/11/21', 'poor', stamp, stamp);
    visit.run(12, 'v12', '2026-11-22T08:00:00Z', 'other', stamp, stamp);
    db.prepare("INSERT INTO concerns (id, uid, visit_id, person_id, raised_on, text, status, due_on, created_at, updated_at) VALUES (5, 'c5', 10, 3, '2026-11-20', '修屋顶', 'done', 'soon', ?, ?)").run(stamp, stamp);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('concern.due_days', 'ten', ?), ('visit.stale_days', '60', ?)").run(stamp, stamp);
    const indexes = () => db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
    const before = indexes();
    db.close();

    // Up to 0007, the migration this test is about (later ones add tables and indexes of their own).
    const up = await openDatabase(path, { migrations: real.filter((m) => m.version <= 7) });
    try {
      expect(up.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all()).toEqual(before);
      expect(up.prepare('SELECT id, uid, date, category FROM visits ORDER BY id').all()).toEqual([
        // 20-11-2026 may be day-month or month-day elsewhere: the day of the record's creation, and the old value kept
        { id: 10, uid: 'v10', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), category: 'poor-household' },
        { id: 11, uid: 'v11', date: '2026-11-21', category: 'other' },
        { id: 12, uid: 'v12', date: '2026-11-22', category: 'other' },
      ]);
      expect(up.prepare('SELECT status, due_on FROM concerns WHERE id = 5').get()).toEqual({ status: 'open', due_on: null });
      expect(up.prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual([{ key: 'visit.stale_days', value: '60' }]);
      const repairs = up.prepare('SELECT tbl, row_key, col, old_value FROM migration_repairs ORDER BY id').all();
      expect(repairs).toEqual(
        expect.arrayContaining([
          { tbl: 'visits', row_key: '10', col: 'date', old_value: '20-11-2026' },
          { tbl: 'visits', row_key: '11', col: 'category', old_value: 'poor' },
          { tbl: 'concerns', row_key: '5', col: 'status', old_value: 'done' },
          { tbl: 'concerns', row_key: '5', col: 'due_on', old_value: 'soon' },
          { tbl: 'settings', row_key: 'concern.due_days', col: 'value', old_value: 'ten' },
        ]),
      );
      expect(up.pragma('foreign_key_check')).toEqual([]);
      expect(up.pragma('integrity_check', { simple: true })).toBe('ok');
      // The CHECKs refuse what the CLI refuses, whoever writes.
      expect(() => up.prepare("UPDATE visits SET date = '2026-02-30' WHERE id = 10").run()).toThrow(/CHECK constraint failed/);
      expect(() => up.prepare("UPDATE visits SET category = 'poor' WHERE id = 10").run()).toThrow(/CHECK constraint failed/);
      expect(() => up.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('pair.max', '0', 'x')").run()).toThrow(/CHECK constraint failed/);
      expect(() => up.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('meeting.frequency.villagers', 'weekly', 'x')").run()).toThrow(/CHECK constraint failed/);
      up.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('pair.max', '12', 'x')").run();
      // The local day of each record's creation: TZ of this process (the tests' TZ).
      const added = up.prepare('SELECT added_on FROM households WHERE id = 7').get() as { added_on: string };
      expect(added.added_on).toBe(localDay(stamp));
    } finally {
      up.close();
    }
  });

  it('a stored setting fs would refuse is an error naming it when read, never NaN dates', async () => {
    const path = join(dir, 'v5-setting.db');
    const db = await openDatabase(path, { migrations: real.filter((m) => m.version < 7) });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('concern.due_days', 'ten', 'x')").run();
    expect(() => getNumberSetting(db, 'concern.due_days')).toThrow(/stored setting concern.due_days is "ten", which fs would refuse/);
    db.prepare("UPDATE settings SET value = '12' WHERE key = 'concern.due_days'").run();
    expect(getNumberSetting(db, 'concern.due_days')).toBe(12);
    db.close();
  });
});

function localDay(stamp: string): string {
  const d = new Date(stamp);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
