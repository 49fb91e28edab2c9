// peekHeader reads what SQLite would see (the -wal's committed page 1 first) from the bytes alone.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peekHeader } from '../../src/db/peek.js';
import { tempDir } from '../helpers/cli.js';

describe('peekHeader', () => {
  it('a new empty database, an fs-like one, and changes that are only in the -wal', () => {
    const path = join(tempDir(), 'x.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    expect(peekHeader(path)).toMatchObject({ applicationId: 0, userVersion: 0, emptySchema: true });
    db.exec('CREATE TABLE t (x)');
    db.pragma('application_id = 1179863111');
    db.pragma('user_version = 7');
    // Not checkpointed: the main file still has the old header; the -wal has the new page 1.
    expect(peekHeader(path)).toEqual({ applicationId: 1179863111, userVersion: 7, emptySchema: false });
    // An uncommitted change is not seen.
    db.exec('BEGIN');
    db.pragma('user_version = 8');
    expect(peekHeader(path)?.userVersion).toBe(7);
    db.exec('COMMIT');
    expect(peekHeader(path)?.userVersion).toBe(8);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(peekHeader(path)?.userVersion).toBe(8);
    db.close();
  });

  it('not SQLite, empty, missing: undefined', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'hello, not a database at all'.repeat(10));
    writeFileSync(join(dir, 'empty.db'), '');
    expect(peekHeader(join(dir, 'a.txt'))).toBeUndefined();
    expect(peekHeader(join(dir, 'empty.db'))).toBeUndefined();
    expect(peekHeader(join(dir, 'missing.db'))).toBeUndefined();
  });
});
