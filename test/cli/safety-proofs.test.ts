// The data-safety proofs, each printing its figure. Proofs 4, 6, 8 and 9 run in full here; 1, 2
// and 7 run small here and in full under `npm run test:stress` (test/stress/safety.test.ts).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, openDatabase } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { write } from '../../src/db/store.js';
import { BIN, cli, tempDir } from '../helpers/cli.js';
import { parseCsv } from '../../src/domain/csv.js';
import { childEnv } from '../helpers/env.js';
import { hostileText, rng } from '../helpers/hostile.js';
import { backupDuringWritesProof, concurrencyProof, crashProof, hostileProof } from '../helpers/proofs.js';

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('proof 1 (small): SIGKILL during imports and adds', () => {
  it('integrity ok after every kill, no partial import, no acknowledged write lost', async () => {
    const f = await crashProof(12, 3, 1000);
    console.log(`proof 1 (small): ${f.kills} SIGKILLs (${f.importKills} during a 1,000-visit import, ${f.addKills} during visit add), ${f.acknowledged} acknowledged adds: integrity failures ${f.integrityFailures}, partial imports ${f.partialImports}, acknowledged writes lost ${f.lost}`);
    expect(f.kills).toBeGreaterThanOrEqual(12);
    expect([f.integrityFailures, f.partialImports, f.lost]).toEqual([0, 0, 0]);
  });
});

describe('proof 2 (small): concurrent writers', () => {
  it('4 processes × 5 visits at once: every row, no error, no SQLITE_BUSY', async () => {
    const f = await concurrencyProof(4, 5);
    console.log(`proof 2 (small): ${f.processes} processes × ${f.each} visit adds at once → ${f.rows} rows, ${f.errors} errors, ${f.busy} SQLITE_BUSY in ${f.seconds.toFixed(1)} s`);
    expect(f).toMatchObject({ rows: 20, errors: 0, busy: 0 });
  });
});

describe('proof 4: hostile input', () => {
  it('5,000 generated argument vectors: no stack trace, rejected ones exit 2 with one line, no row written', async () => {
    const seed = 20261127;
    const f = await hostileProof(5000, seed);
    console.log(`proof 4: ${f.vectors} vectors (seed ${seed}): ${f.accepted} accepted, ${f.rejected} rejected with exit 2 and a one-line message; unexpected exit codes ${f.unexpectedCode.length}, multi-line or stack traces ${f.notOneLine.length}, writes by rejected commands ${f.written.length}; hostile slots ${JSON.stringify(f.bySlot)}`);
    expect(f.unexpectedCode).toEqual([]);
    expect(f.notOneLine).toEqual([]);
    expect(f.written).toEqual([]);
    expect(f.vectors).toBe(5000);
  }, 120_000);

  it('the real bin too: hostile values through argv, one line, no stack trace', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', 'A']);
    const r = rng(5);
    let rejected = 0;
    for (let i = 0; i < 25; i++) {
      const value = hostileText(r, false).replace(/\u0000/g, '');
      for (const args of [
        ['visit', 'add', '--person', '1', '--date', `${value}x`],
        ['visit', 'list', '--limit', `${value}x`],
      ]) {
        const res = fs.run(args);
        expect(res.code, JSON.stringify(args)).toBe(2);
        expect(res.stderr).toMatch(/^error: [^\n]*\n$/);
        rejected++;
      }
    }
    console.log(`proof 4 (bin): ${rejected} hostile vectors through the real bin: all exit 2, one line, no stack trace`);
  });
});

describe('proof 6: newer or foreign files', () => {
  it('a newer schema, another program’s SQLite, a text file, copies truncated at 25/50/75% → a specific error, non-zero exit, file byte-identical', async () => {
    const dir = tempDir();
    const good = cli();
    good.ok(['person', 'add', '--name', 'A']);
    const exportFile = join(dir, 'export.ndjson');
    good.ok(['export', '-o', exportFile]);

    const full = join(dir, 'full.db');
    const db = await openDatabase(full);
    write(db, () => {
      for (let i = 0; i < 3000; i++) insertPerson(db, { name: `person ${i}`, notes: 'n'.repeat(200) });
    });
    db.close();
    const newer = join(dir, 'newer.db');
    copyFileSync(full, newer);
    const bump = new Database(newer);
    bump.pragma(`user_version = ${latestVersion() + 1}`);
    bump.close();
    const other = join(dir, 'other.db');
    const o = new Database(other);
    o.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('dumplings');");
    o.close();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '王秀英 roof leaks\n'.repeat(500));
    const files: [string, string, RegExp][] = [
      ['newer', newer, /was made by a newer version of fs \(schema \d+, this build knows \d+\); upgrade fs/],
      ['other application', other, /is not an fs database; refusing to touch it/],
      ['text file', text, /is not an fs database; refusing to touch it/],
    ];
    const size = statSync(full).size;
    for (const pct of [25, 50, 75]) {
      const cut = join(dir, `truncated-${pct}.db`);
      writeFileSync(cut, readFileSync(full).subarray(0, Math.floor((size * pct) / 100)));
      files.push([`truncated ${pct}%`, cut, /cannot be read as a database: database disk image is malformed|fails its integrity check/]);
    }
    const commands = [['person', 'list'], ['visit', 'add', '--person', 'B', '--new-person'], ['export'], ['import', exportFile], ['history'], ['undo', '--yes'], ['doctor']];
    let runs = 0;
    for (const [what, file, message] of files) {
      const before = hash(file);
      for (const args of commands) {
        const r = good.run(args, { env: { FS_DB: file } });
        expect(r.code, `${what}: fs ${args.join(' ')}`).toBe(1);
        const line = args[0] === 'doctor' ? r.stdout : r.stderr;
        if (args[0] !== 'doctor') expect(r.stderr, `${what}: fs ${args.join(' ')}`).toMatch(new RegExp(`^error: [^\\n]*(${message.source})[^\\n]*\\n$`));
        else expect(line, what).toMatch(message.source.includes('newer') ? /newer than this fs knows/ : message);
        expect(hash(file), `${what} after fs ${args.join(' ')}`).toBe(before);
        runs++;
      }
      // As the file to restore from: refused, the ledger and the file untouched.
      const ledger = readFileSync(good.db);
      const r = good.run(['restore', file, '--yes']);
      expect(r.code, `${what}: restore`).toBe(1);
      expect(r.stderr).toMatch(/^error: [^\n]*\n$/);
      expect(readFileSync(good.db).equals(ledger)).toBe(true);
      expect(hash(file)).toBe(before);
      runs++;
    }
    console.log(`proof 6: ${files.length} files (${files.map((f) => f[0]).join(', ')}) × ${commands.length + 1} commands = ${runs} runs: each a specific one-line error, exit 1, file byte-identical (sha256)`);
  });
});

describe('proof 7 (small): backups during writes', () => {
  it('backups taken while another process writes pass integrity_check; a restore gives exactly the backup', async () => {
    const f = await backupDuringWritesProof(3);
    console.log(`proof 7 (small): ${f.backups} backups during ${f.writesDuring} concurrent writes: ${f.integrityOk}/${f.backups} pass integrity_check; restore equals the backup row for row: ${f.restoreEqual}`);
    expect(f.integrityOk).toBe(f.backups);
    expect(f.restoreEqual).toBe(true);
  });
});

describe('proof 8: permissions under umask 022', () => {
  it('the directory and every file fs creates have no group or other bits', async () => {
    const dir = join(tempDir(), 'data');
    const db = join(dir, 'fs.db');
    const env = childEnv({ FS_DB: db, FS_TODAY: '2026-11-27' });
    const sh = (cmd: string) => new Promise<number>((resolve) => spawn('sh', ['-c', `umask 022; ${cmd}`], { env, stdio: 'ignore' }).on('close', (c) => resolve(c ?? -1)));
    const fs = `"${process.execPath}" "${BIN}"`;
    const created: string[] = [];
    expect(await sh(`${fs} person add --name A`)).toBe(0);
    const exportFile = join(tempDir(), 'out.ndjson');
    expect(await sh(`${fs} export -o "${exportFile}"`)).toBe(0);
    expect(await sh(`${fs} backup`)).toBe(0);
    // A big import keeps the database open long enough to see its -wal and -shm.
    const big = join(tempDir(), 'big.ndjson');
    const lines = readFileSync(exportFile, 'utf8').trim().split('\n');
    const visit = { entity: 'visits', record: { date: '2026-01-01', person_id: JSON.parse(lines[1]!.includes('"people"') ? lines[1]! : lines[2]!).uid, household_id: null, category: 'other', notes: 'x', place: null, created_at: 'a', updated_at: 'b', deleted_at: null } };
    writeFileSync(big, [lines[0], ...Array.from({ length: 20000 }, (_, i) => JSON.stringify({ ...visit, uid: `big-${i}` }))].join('\n'));
    const importing = sh(`${fs} import "${big}"`);
    const seen = new Map<string, number>();
    for (let i = 0; i < 2000 && seen.size < 2; i++) {
      for (const f of [`${db}-wal`, `${db}-shm`]) if (existsSync(f)) seen.set(f, statSync(f).mode & 0o777);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await importing).toBe(0);
    expect([...seen.keys()].sort()).toEqual([`${db}-shm`, `${db}-wal`]);
    const backups = join(dir, 'backups');
    created.push(dir, db, backups, ...readdirSync(backups).map((f) => join(backups, f)), exportFile);
    const modes = created.map((p) => [p, statSync(p).mode & 0o777] as const).concat([...seen]);
    const open = modes.filter(([, m]) => (m & 0o077) !== 0);
    console.log(`proof 8: under umask 022, ${modes.length} paths fs created (directory, database, -wal, -shm, backups/ and ${readdirSync(backups).length} backups incl. the one before import, an -o export): ${open.length} with group or other bits`);
    expect(open).toEqual([]);
    expect(await sh(`${fs} doctor`)).toBe(0);
  });
});

describe('proof 9: output safety', () => {
  it('1,000 formula-like values are defused in CSV; 1,000 values with ESC, C0 and C1 controls leave no control byte in table, tsv or md', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.db');
    const db = await openDatabase(path);
    const r = rng(9);
    const formulas = Array.from({ length: 1000 }, (_, i) => `${'=+-@\t\r'[i % 6]}${['cmd|\' /C calc\'!A0', 'HYPERLINK("http://x")', '1+1', 'SUM(A1:A9)'][i % 4]} ${i}`);
    const controls = Array.from({ length: 1000 }, (_, i) => {
      const c = [String.fromCharCode(i % 32), '\u001b[31m', '\u001b]0;pwned\u0007', String.fromCharCode(0x80 + (i % 32)), '\u007f', '\u009b2J'][i % 6];
      return `v${i}${c}${hostileText(r, false).slice(0, 20)}${c}end`;
    });
    write(db, () => {
      formulas.forEach((name, i) => insertPerson(db, { name, notes: controls[i]!, household: controls[(i + 1) % 1000]!, phone: formulas[(i + 7) % 1000]! }));
    });
    db.close();
    const fs = cli({ db: path });
    const badCells: string[] = [];
    let cells = 0;
    for (const args of [['person', 'list'], ['history', '--limit', '0']]) {
      for (const row of parseCsv(fs.ok([...args, '--format', 'csv'])).slice(1)) {
        for (const cell of row) {
          cells++;
          if (/^[=+\-@\t\r]/.test(cell)) badCells.push(cell);
        }
      }
    }
    const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    const leaks: string[] = [];
    for (const args of [['person', 'list'], ['history', '--limit', '0']]) {
      for (const format of ['table', 'tsv', 'md']) {
        const out = fs.ok([...args, '--format', format]);
        if (CONTROL.test(out)) leaks.push(`${args[0]} ${format}: ${JSON.stringify(out.match(CONTROL)![0])}`);
      }
    }
    console.log(`proof 9: ${formulas.length} formula-like values → ${cells} CSV cells, ${badCells.length} unescaped; ${controls.length} values with ESC/C0/C1 → table, tsv, md of person list and history: ${leaks.length} control bytes`);
    expect(badCells).toEqual([]);
    expect(leaks).toEqual([]);
  });
});
