// -o never overwrites the database (or its -wal/-shm), any other SQLite file, a symbolic link's
// target, a directory or a device; an existing file it writes ends up 0600. Each refusal is one
// line in the user's language, exit 2, and the database byte-identical.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

const fs = cli({ today: '2026-11-27' });
fs.ok(['person', 'add', '--name', '王秀英']);
fs.ok(['backup']);
const dir = tempDir();

const bytes = (p: string) => (existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : 'absent');
const state = () => ['', '-wal', '-shm'].map((s) => bytes(fs.db + s)).join(' ');

describe('-o refuses what it must not overwrite', () => {
  const other = join(dir, 'other.txt');
  writeFileSync(other, 'keep me');
  const link = join(dir, 'link.md');
  symlinkSync(other, link);
  const sub = join(dir, 'sub');
  mkdirSync(sub);
  const backups = join(fs.db, '..', 'backups');

  const cases: [string, () => string][] = [
    ['the database', () => fs.db],
    ['its -wal', () => `${fs.db}-wal`],
    ['its -shm', () => `${fs.db}-shm`],
    ['the database by another path', () => join(fs.db, '..', '.', 'fs.db')],
    ['a backup (another SQLite file)', () => join(backups, readdirSync(backups)[0]!)],
    ['a symbolic link', () => link],
    ['a directory', () => sub],
    ['a device', () => '/dev/null'],
  ];

  for (const [what, path] of cases) {
    for (const args of [['report', '2026-11', '--format', 'md'], ['export'], ['person', 'list', '--format', 'csv']]) {
      it(`${args[0]} -o ${what}: exit 2, one line, nothing changed`, () => {
        const p = path();
        const before = state();
        const target = existsSync(p) && statSync(p).isFile() ? bytes(p) : undefined;
        const r = fs.run([...args, '-o', p]);
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/refusing to write/);
        expect(state()).toBe(before);
        if (target) expect(bytes(p)).toBe(target);
        expect(readFileSync(other, 'utf8')).toBe('keep me');
      });
    }
  }

  it('in Chinese too', () => {
    const r = fs.run(['report', '-o', fs.db, '--lang', 'zh']);
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).toMatch(/拒绝写入 .*数据库/);
  });

  it('the database still opens and holds its record afterwards', () => {
    expect(fs.json(['person', 'list'])).toHaveLength(1);
  });
});

describe('-o writes a new or existing regular file, 0600', () => {
  it.each([['report', '2026-11', '--format', 'md'], ['export'], ['person', 'list', '--format', 'csv']])('%s', (...args) => {
    const p = join(dir, `out-${args[0]}.txt`);
    writeFileSync(p, 'old');
    chmodSync(p, 0o644);
    fs.ok([...args, '-o', p]);
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(readFileSync(p, 'utf8')).not.toBe('old');
    const q = join(dir, `new-${args[0]}.txt`);
    fs.ok([...args, '-o', q]);
    expect(statSync(q).mode & 0o777).toBe(0o600);
  });
});
