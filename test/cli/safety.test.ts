// backup, restore, export, import, history, undo and doctor through flags: the built bin on temp
// databases, as a script (or cron) would use them. Refusals exit with the right code and leave the
// database unchanged.
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, snapshot, tempDir } from '../helpers/cli.js';

const mode = (p: string) => statSync(p).mode & 0o777;
const body = (text: string) => text.trim().split('\n').slice(1).join('\n');

function seeded(lang = 'en') {
  const fs = cli({ lang });
  fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--tag', 'poor']);
  fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-11-20', '--topic', 'hardship', '--notes', 'roof leaks', '--concern', 'repair the roof']);
  fs.ok(['config', 'set', 'village', '柳树村']);
  return fs;
}

describe('fs backup and fs restore', () => {
  const fs = seeded();
  const backups = join(dirname(fs.db), 'backups');

  it('backs up into backups/ beside the database, prints the path, 0600; --keep prunes', () => {
    const paths = [1, 2, 3].map(() => fs.ok(['backup']).trim());
    for (const p of paths) {
      expect(dirname(p)).toBe(backups);
      expect(mode(p)).toBe(0o600);
    }
    expect(mode(backups)).toBe(0o700);
    const r = fs.run(['backup', '--keep', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`removed old backup ${paths[0]}`);
    expect(r.stderr).toContain(`removed old backup ${paths[1]}`);
    expect(readdirSync(backups).sort()).toEqual([paths[2]!, r.stdout.trim()].map((p) => p.slice(backups.length + 1)).sort());
  });

  it('writes to a named file, and refuses an existing one, a bad --keep, a missing database', () => {
    const file = join(tempDir(), 'copy.db');
    expect(fs.ok(['backup', file])).toBe(`${file}\n`);
    const before = readFileSync(file);
    expect(fs.run(['backup', file])).toMatchObject({ code: 2, stderr: `error: ${file} already exists; choose a new file name\n` });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(fs.run(['backup', '--keep', '0']).code).toBe(2);
    const none = join(tempDir(), 'none.db');
    expect(fs.run(['backup'], { env: { FS_DB: none } })).toMatchObject({ code: 1, stderr: `error: no database at ${none} yet: nothing to back up\n` });
    expect(existsSync(none)).toBe(false);
  });

  it('restores a backup only with --yes (no terminal to ask on), keeping the database it replaces', () => {
    const saved = fs.ok(['backup']).trim();
    fs.ok(['person', 'add', '--name', 'after the backup']);
    const before = snapshot(fs.db);
    expect(fs.run(['restore', saved])).toMatchObject({ code: 2, stderr: 'error: refusing to restore without a terminal to confirm: add --yes\n' });
    expect(fs.run(['restore'])).toMatchObject({ code: 2, stderr: 'error: missing FILE (no terminal to ask on)\n' });
    expect(snapshot(fs.db)).toBe(before);
    const r = fs.run(['restore', saved, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^the database it replaces is kept at .*backups\/fs-.*\.db\nrestored /);
    expect(fs.json(['person', 'list']).map((p: { name: string }) => p.name)).toEqual(['王秀英']);
    expect(snapshot(fs.db)).toBe(snapshot(saved));
    const kept = r.stderr.split('\n')[0]!.replace('the database it replaces is kept at ', '');
    expect(snapshot(kept)).toBe(before);
  });

  it('refuses to restore a file that is not a sound fs database, or the database itself', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n'.repeat(20));
    const before = snapshot(fs.db);
    expect(fs.run(['restore', text, '--yes'])).toMatchObject({ code: 1, stderr: `error: ${text} is not an fs database; refusing to touch it\n` });
    expect(fs.run(['restore', join(dir, 'nope.db'), '--yes'])).toMatchObject({ code: 1, stderr: `error: ${join(dir, 'nope.db')} does not exist\n` });
    expect(fs.run(['restore', fs.db, '--yes']).code).toBe(2);
    expect(snapshot(fs.db)).toBe(before);
  });
});

describe('fs export and fs import', () => {
  const fs = seeded();
  const dir = tempDir();

  it('exports to a 0600 file that imports into an empty database and exports the same', () => {
    const file = join(dir, 'ledger.ndjson');
    const r = fs.run(['export', '-o', file]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: `exported 5 records to ${file}\n` });
    expect(mode(file)).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ format: 'fs-export', version: 1 });
    const other = cli();
    // Tables with nothing to import are listed with zeros (other features add tables): compare the rest.
    const counts = other.json(['import', file]).filter((c: { added: number; updated: number; skipped: number }) => c.added + c.updated + c.skipped > 0);
    expect(counts).toEqual([
      { entity: 'households', added: 1, updated: 0, skipped: 0 },
      { entity: 'people', added: 1, updated: 0, skipped: 0 },
      { entity: 'settings', added: 1, updated: 0, skipped: 0 },
      { entity: 'visits', added: 1, updated: 0, skipped: 0 },
      { entity: 'concerns', added: 1, updated: 0, skipped: 0 },
    ]);
    expect(body(other.ok(['export']))).toBe(body(text));
    expect(other.ok(['config', 'get', 'village'])).toBe('柳树村\n');
    // The JSON form and stdin read the same.
    const json = fs.ok(['export', '--format', 'json']);
    expect(JSON.parse(json)).toHaveLength(6);
    const third = cli();
    expect(third.run(['import', '-'], { input: json }).stderr).toBe('imported: 5 added, 0 updated, 0 skipped (the local copy was as new or newer)\n');
  });

  it('imports into a database with records after backing it up; a second import skips everything', () => {
    const file = join(dir, 'again.ndjson');
    fs.ok(['export', '-o', file]);
    const r = fs.run(['import', file, '--format', 'json']);
    expect(r.stderr).toMatch(/^backed up the database before importing: .*backups\/fs-.*\.db\nimported: 0 added, 0 updated, 5 skipped/);
    const counts = JSON.parse(r.stdout) as { entity: string; added: number; updated: number; skipped: number }[];
    expect(counts.filter((c) => c.skipped).map((c) => c.entity)).toEqual(['households', 'people', 'settings', 'visits', 'concerns']);
    expect(counts.every((c) => c.added === 0 && c.updated === 0)).toBe(true);
  });

  it('a malformed line: exit 1 with its line number, nothing written; a dry run writes nothing', () => {
    const good = fs.ok(['export']).split('\n');
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, [...good.slice(0, 3), '{"entity": "visits", oops', ...good.slice(3)].join('\n'));
    const other = cli();
    other.ok(['person', 'add', '--name', 'already here']);
    const before = snapshot(other.db);
    expect(other.run(['import', bad])).toMatchObject({ code: 1, stderr: expect.stringMatching(/line 4: not valid JSON; nothing was imported\n$/) });
    expect(other.run(['import', join(dir, 'missing.ndjson')]).code).toBe(1);
    const newer = join(dir, 'newer.ndjson');
    writeFileSync(newer, `${JSON.stringify({ format: 'fs-export', version: 1, schema: 9999, exported_at: 'x', tables: [] })}\n`);
    expect(other.run(['import', newer])).toMatchObject({ code: 1, stderr: expect.stringContaining('made by a newer fs (schema 9999') });
    const dry = other.run(['import', join(dir, 'ledger.ndjson'), '--dry-run']);
    expect(dry.stderr).toBe('dry run, nothing written: 5 would be added, 0 updated, 0 skipped\n');
    expect(other.run(['export', '--format', 'csv']).code).toBe(2);
    expect(snapshot(other.db).replace(/"backups[^"]*"/g, '')).toBe(before);
  });
});

describe('fs history and fs undo', () => {
  const fs = seeded();

  it('lists the change log newest first, per record, and refuses what it does not know', () => {
    const all = fs.json(['history']);
    expect(all[0]).toMatchObject({ entity: 'setting', op: 'update', changes: { key: 'village', value: '柳树村' } });
    expect(all.at(-1)).toMatchObject({ entity: 'household', op: 'insert' });
    expect(fs.json(['history', 'person', '1']).map((e: { op: string }) => e.op)).toEqual(['insert']);
    expect(fs.ok(['history', '--limit', '1', '--format', 'tsv']).split('\n')[0]).toBe('id\tat\tentity\tentity_id\top\tchanges\tundone_by\tchange_set\tcommand\tset_undone_by');
    expect(fs.run(['history', 'spaceship'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no history for "spaceship"; kinds with history: concern, household, person, setting, visit') });
    expect(fs.run(['history', 'visit', 'x']).code).toBe(2);
    expect(fs.run(['history', '--limit', '-1']).code).toBe(2);
  });

  it('undo asks for --yes without a terminal, reverts the newest change, and logs itself', () => {
    const before = snapshot(fs.db);
    expect(fs.run(['undo'])).toMatchObject({ code: 2, stderr: 'error: refusing to undo without a terminal to confirm: add --yes\n' });
    expect(snapshot(fs.db)).toBe(before);
    const r = fs.run(['undo', '--yes']);
    expect(r).toMatchObject({ code: 0, stderr: expect.stringMatching(/^undone: #\d+ .* config set: edit setting: village: ∅ → 柳树村\n$/) });
    expect(fs.ok(['config', 'get', 'village'])).toBe('\n');
    const [last] = fs.json(['history', '--limit', '1']);
    expect(last).toMatchObject({ op: 'undo', entity: 'setting' });
  });

  it('refuses to undo an import (exit 1, nothing written) and says what to do instead', () => {
    const other = cli();
    const file = join(tempDir(), 'l.ndjson');
    fs.ok(['export', '-o', file]);
    other.ok(['import', file]);
    const before = snapshot(other.db);
    expect(other.run(['undo', '--yes'])).toMatchObject({ code: 1, stderr: expect.stringContaining('is an import: it cannot be undone change by change; restore the backup taken before it (fs restore)') });
    expect(snapshot(other.db)).toBe(before);
    expect(cli().run(['undo', '--yes'])).toMatchObject({ code: 1, stderr: 'error: nothing to undo\n' });
  });
});

describe('fs doctor', () => {
  it('a clear verdict; exit 1 on a problem with the fix; --fix-permissions fixes it', () => {
    const fs = seeded();
    fs.ok(['backup']);
    const ok = fs.run(['doctor', '--full']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('healthy: no problems found\n');
    expect(ok.stdout).toContain('integrity\tok\tintegrity_check: ok');
    chmodSync(fs.db, 0o644);
    const bad = fs.run(['doctor', '--format', 'json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: 1 problem(s) found (see above)\n');
    expect(JSON.parse(bad.stdout).find((c: { check: string }) => c.check === 'permissions')).toMatchObject({ status: 'problem', detail: expect.stringContaining(`chmod 600 ${fs.db}`) });
    expect(fs.run(['doctor', '--fix-permissions']).code).toBe(0);
    expect(mode(fs.db)).toBe(0o600);
  });

  it('speaks Chinese', () => {
    const fs = seeded('zh');
    const r = fs.run(['doctor', '--format', 'table']);
    expect(r.stderr).toBe('状态良好：未发现问题\n');
    expect(r.stdout).toContain('完整性');
    expect(fs.run(['undo'], {}).stderr).toBe('错误： 没有终端可供确认，拒绝撤销：请加 --yes\n');
  });
});

describe('help', () => {
  it.each(['backup', 'restore', 'export', 'import', 'history', 'undo', 'doctor'])('fs %s --help has an example', (name) => {
    const fs = cli();
    const out = fs.ok([name, '--help']);
    expect(out).toMatch(/Examples?:\n {2}fs /);
  });
});
