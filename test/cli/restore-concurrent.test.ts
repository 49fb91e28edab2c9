// fs restore while other processes write: every acknowledged write is either in the restored
// database (written after the restore) or in the copy the restore kept of what it replaced
// (written before). Three writers, three restores; none lost.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BIN, cli, ROOT, tempDir } from '../helpers/cli.js';

const uids = (path: string): Set<string> => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('SELECT uid FROM visits').all() as { uid: string }[]).map((r) => r.uid));
  } finally {
    db.close();
  }
};

it('no acknowledged write is lost to a restore', async () => {
  const fs = cli({ today: '2026-11-27' });
  fs.ok(['person', 'add', '--name', 'A']);
  const backup = fs.ok(['backup']).trim();
  const acks = join(tempDir(), 'acks');
  const writers = [0, 1, 2].map(() => {
    const w = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'acking-writer.mjs'), fs.db, acks, '9000'], { stdio: 'ignore' });
    return new Promise((r) => w.on('close', r));
  });
  await new Promise((r) => setTimeout(r, 700));
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve, reject) => {
      const r = spawn(process.execPath, [BIN, 'restore', backup, '--yes'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, FS_DB: fs.db, FS_LANG: 'en' }, stdio: 'ignore' });
      r.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fs restore exited ${code}`))));
    });
    await new Promise((r) => setTimeout(r, 400));
  }
  await Promise.all(writers);
  const acked = readFileSync(acks, 'utf8').split('\n').filter(Boolean);
  const dir = join(fs.db, '..', 'backups');
  const kept = readdirSync(dir).filter((f) => f.endsWith('.db') && join(dir, f) !== backup);
  expect(kept.length).toBeGreaterThanOrEqual(3);
  const found = new Set([...uids(fs.db), ...kept.flatMap((f) => [...uids(join(dir, f))])]);
  const lost = acked.filter((u) => !found.has(u));
  console.log(`restore under writes: ${acked.length} acknowledged writes, ${kept.length} restores, ${lost.length} lost`);
  expect(acked.length).toBeGreaterThan(20);
  expect(lost).toEqual([]);
  expect(existsSync(fs.db)).toBe(true);
}, 60_000);
