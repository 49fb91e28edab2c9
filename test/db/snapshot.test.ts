// Two connections reading one state of the ledger (the report and its worker): while the write
// lock is held, no commit can fall between their snapshots.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { beginRead, endRead, holdWrites } from '../../src/db/snapshot.js';
import { readReport } from '../../src/report/parallel.js';
import { parsePeriod } from '../../src/time/periods.js';
import { tempDir } from '../helpers/cli.js';

const count = (db: { prepare(sql: string): { get(): unknown } }) => (db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n;

describe('one snapshot for several readers', () => {
  it('a writer waits while the lock is held; readers started then see the same state after it commits', async () => {
    const path = join(tempDir(), 'fs.db');
    const a = await openDatabase(path);
    const b = await openDatabase(path);
    const writer = new Database(path, { timeout: 0 });
    const write = (key: string) => writer.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, '1', 'now')").run(key);

    const release = holdWrites(path);
    beginRead(a);
    expect(() => write('during')).toThrow(/database is locked/);
    beginRead(b);
    release();
    write('after');
    // Both readers still see the state from before the write; a new read sees it.
    expect([count(a), count(b)]).toEqual([0, 0]);
    endRead(a);
    endRead(b);
    expect([count(a), count(b)]).toEqual([1, 1]);
    release(); // a second release is harmless
    for (const db of [a, b, writer]) db.close();
  });

  it('beginRead takes the snapshot at once, not at the first query', async () => {
    const path = join(tempDir(), 'fs.db');
    const a = await openDatabase(path);
    const writer = new Database(path);
    beginRead(a);
    writer.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')").run();
    expect(count(a)).toBe(0);
    endRead(a);
    expect(count(a)).toBe(1);
    endRead(a); // no transaction open: a no-op
    a.close();
    writer.close();
  });

  it("what a report's document reads after the figures sees the figures' state, not a commit made in between", async () => {
    const path = join(tempDir(), 'fs.db');
    const db = await openDatabase(path);
    const writer = new Database(path);
    const o = { period: parsePeriod('2026-11', '2026-11-27'), today: '2026-11-27', sections: ['visits'] as const, redact: false };
    const seen = await readReport(db, path, { ...o, sections: [...o.sections] }, (model) => {
      writer.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('village', '柳树村', 'now')").run();
      return { village: model.village, settings: count(db) };
    });
    expect(seen).toEqual({ village: '', settings: 0 });
    expect(count(db)).toBe(1);
    db.close();
    writer.close();
  });
});
