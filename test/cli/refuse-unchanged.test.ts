// A file fs refuses (another program's SQLite database, or a newer fs ledger) stays byte-identical
// with its pending -wal: fs reads its header from the bytes and never opens it with SQLite (closing
// would checkpoint the -wal into it and delete it). And a -shm left 0400 by a read-only open:
// doctor says so, --fix-permissions repairs it, and writes work again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir } from '../helpers/cli.js';

/** Run SQL on a file in a child that is killed before it can close: the -wal stays pending. */
function writeAndDie(path: string, sql: string): void {
  const script = `const D = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});
    const db = new D(${JSON.stringify(path)}); db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
    db.exec(${JSON.stringify(sql)}); process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script]);
}

// The -shm is SQLite's shared-memory index of the -wal, rebuilt by any reader (doctor reads a newer
// ledger read-only): the data is the database and its -wal.
const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => !f.endsWith('-shm'))
    .sort()
    .map((f) => `${f}:${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`)
    .join('\n');

describe('a refused SQLite file stays byte-identical with its -wal', () => {
  const foreign = () => {
    const dir = tempDir();
    const path = join(dir, 'other.db');
    writeAndDie(path, "CREATE TABLE notes (x); INSERT INTO notes VALUES ('kept in the wal');");
    expect(existsSync(`${path}-wal`)).toBe(true);
    return { dir, path };
  };
  const newer = () => {
    const dir = tempDir();
    const path = join(dir, 'fs.db');
    cli({ db: path }).ok(['person', 'add', '--name', '王秀英']);
    writeAndDie(path, 'PRAGMA user_version = 999; INSERT INTO settings (key, value, updated_at) VALUES (\'village\', \'x\', \'t\');');
    expect(existsSync(`${path}-wal`)).toBe(true);
    return { dir, path };
  };

  const commands: [string, (path: string, fs: ReturnType<typeof cli>) => ReturnType<ReturnType<typeof cli>['run']>][] = [
    ['person list --db FILE', (p, fs) => fs.run(['person', 'list', '--db', p])],
    ['person add --db FILE', (p, fs) => fs.run(['person', 'add', '--name', 'x', '--db', p])],
    ['backup --db FILE', (p, fs) => fs.run(['backup', '--db', p])],
    ['doctor --db FILE', (p, fs) => fs.run(['doctor', '--db', p])],
    ['restore FILE', (p, fs) => fs.run(['restore', p, '--yes'])],
  ];

  for (const [kind, make] of [['another program\'s database', foreign], ['a newer fs ledger', newer]] as const) {
    // A backup copies a newer ledger as it is (by design): it is not refused.
    it.each(commands.filter(([n]) => kind === 'another program\'s database' || !n.startsWith('backup')))(`${kind}: %s refuses it and changes nothing`, (_n, run) => {
      const { dir, path } = make();
      const fs = cli();
      fs.ok(['person', 'add', '--name', '张三']); // the restore target exists
      const before = files(dir);
      const r = run(path, fs);
      expect(r.code).toBe(1);
      expect(`${r.stdout}${r.stderr}`).toMatch(/not an fs database|newer|problem/);
      expect(files(dir)).toBe(before);
    });
  }
});

describe('a -shm left read-only', () => {
  it('doctor says so; --fix-permissions repairs it; writes work', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    // A read-only open of the file while it was 0400 leaves -wal and -shm of mode 0400.
    chmodSync(fs.db, 0o400);
    spawnSync(process.execPath, ['-e', `const D = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});
      const db = new D(${JSON.stringify(fs.db)}, { readonly: true }); db.prepare('SELECT * FROM people').all(); db.close();`]);
    chmodSync(fs.db, 0o600);
    expect(statSync(`${fs.db}-shm`).mode & 0o777).toBe(0o400);
    const doctor = fs.run(['doctor']);
    expect(doctor.code).not.toBe(0);
    expect(doctor.stdout + doctor.stderr).toMatch(/not writable by you: .*fs\.db-shm/);
    fs.ok(['doctor', '--fix-permissions']);
    expect(statSync(`${fs.db}-shm`).mode & 0o777).toBe(0o600);
    expect(fs.run(['doctor']).code).toBe(0);
    fs.ok(['person', 'add', '--name', '张三']);
    expect(fs.json(['person', 'list'])).toHaveLength(2);
  });

  // A guard, not a reproduction: with this SQLite the write got through before the fix as well.
  it('a write right after works too: the open makes the companions 0600 first', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    chmodSync(fs.db, 0o400);
    spawnSync(process.execPath, ['-e', `const D = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});
      const db = new D(${JSON.stringify(fs.db)}, { readonly: true }); db.prepare('SELECT * FROM people').all(); db.close();`]);
    chmodSync(fs.db, 0o600);
    const r = fs.run(['person', 'add', '--name', '张三']);
    expect(r.stderr).not.toMatch(/readonly/);
    expect(r.code).toBe(0);
    for (const f of [`${fs.db}-wal`, `${fs.db}-shm`]) if (existsSync(f)) expect(statSync(f).mode & 0o777).toBe(0o600);
  });
});
