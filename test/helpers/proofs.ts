// The data-safety proofs that need processes: crashes, concurrency, backups during writes,
// hostile input. Sized by the caller: a quick run in `npm test`, the full one in test:stress.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { write } from '../../src/db/store.js';
import { exportRecords } from '../../src/db/transfer.js';
import { insertVisit } from '../../src/db/visits.js';
import { childEnv } from './env.js';
import { BIN, cli, ROOT, snapshot, tempDir } from './cli.js';
import { hostileVectors, rng } from './hostile.js';
import { runInProcess } from './inproc.js';

const baseEnv = (db: string) => childEnv({ FS_DB: db, FS_TODAY: '2026-11-27' });

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

/** Run the bin; SIGKILL it after `killAfterMs` if it is still running. */
function runAndKill(args: string[], env: Record<string, string>, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, killed: killed && signal === 'SIGKILL' });
    });
  });
}

export function integrityCheck(path: string): string {
  // Opening read-write lets SQLite recover the WAL as fs itself would.
  const db = new Database(path);
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** An export of `visits` visits (fresh uids each call) of one person: the payload of a bulk import. */
async function importTemplate(dir: string, visits: number): Promise<() => { text: string; uids: string[] }> {
  const db = await openDatabase(join(dir, 'template.db'));
  const pid = write(db, () => insertPerson(db, { name: 'imported person' }));
  write(db, () => {
    for (let i = 0; i < visits; i++) insertVisit(db, { date: '2026-10-01', person_id: pid, household_id: null, category: 'other', topics: ['team'], notes: `imported ${i}`, place: null }, [], 30);
  });
  const lines: string[] = [];
  exportRecords(db, (l) => lines.push(l));
  db.close();
  return () => {
    const uids: string[] = [];
    const text = lines
      .map((l) => {
        const o = JSON.parse(l);
        if (o.entity !== 'visits') return l;
        o.uid = uuidv7();
        uids.push(o.uid);
        return JSON.stringify(o);
      })
      .join('\n');
    return { text: `${text}\n`, uids };
  };
}

export interface CrashFigure {
  kills: number;
  importKills: number;
  addKills: number;
  acknowledged: number;
  integrityFailures: number;
  partialImports: number;
  lost: number;
}

/**
 * Proof 1: a bulk import and a loop of `fs visit add`, SIGKILLed at random moments. After each
 * kill: integrity_check ok, an import is all there or not at all, every acknowledged add is there.
 */
export async function crashProof(targetKills: number, seed = 1, visitsPerImport = 2000): Promise<CrashFigure> {
  const dir = tempDir('fs-crash-');
  const fs = cli({ db: join(dir, 'crash.db') });
  fs.ok(['person', 'add', '--name', 'A']);
  const env = baseEnv(fs.db);
  const next = await importTemplate(dir, visitsPerImport);
  const r = rng(seed);
  const file = join(dir, 'bulk.ndjson');
  // How long each kind of run takes unkilled: kills land in its second part, where the database
  // is open and being written (the first part is Node starting).
  writeFileSync(file, next().text);
  let t0 = Date.now();
  await runAndKill(['import', file], env);
  const importMs = Date.now() - t0;
  const acknowledged: { id: number; notes: string }[] = [];
  const addTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = Date.now();
    const run = await runAndKill(['visit', 'add', '--person', 'A', '--notes', `timing ${i}`], env);
    addTimes.push(Date.now() - t0);
    acknowledged.push({ id: Number(run.stdout.trim()), notes: `timing ${i}` });
  }
  const addMs = addTimes.sort((a, b) => a - b)[1]!;

  const fig: CrashFigure = { kills: 0, importKills: 0, addKills: 0, acknowledged: 0, integrityFailures: 0, partialImports: 0, lost: 0 };
  for (let round = 0; fig.kills < targetKills && round < targetKills * 4; round++) {
    const isImport = round % 2 === 0;
    if (isImport) {
      const { text, uids } = next();
      writeFileSync(file, text);
      const run = await runAndKill(['import', file], env, importMs * (0.3 + 0.8 * r()));
      const db = new Database(fs.db);
      const n = (db.prepare('SELECT count(*) AS n FROM visits WHERE uid IN (SELECT value FROM json_each(?))').get(JSON.stringify(uids)) as { n: number }).n;
      db.close();
      if (n !== 0 && n !== uids.length) fig.partialImports++;
      if (run.code === 0 && n !== uids.length) fig.lost++;
      if (run.killed) fig.importKills++;
      // Each import into a ledger with records backs it up first: keep the disk small.
      rmSync(join(dir, 'backups'), { recursive: true, force: true });
    } else {
      const notes = `round ${round}`;
      const run = await runAndKill(['visit', 'add', '--person', 'A', '--notes', notes], env, addMs * (0.5 + 0.8 * r()));
      if (run.code === 0) acknowledged.push({ id: Number(run.stdout.trim()), notes });
      if (run.killed) fig.addKills++;
    }
    fig.kills = fig.importKills + fig.addKills;
    if (integrityCheck(fs.db) !== 'ok') fig.integrityFailures++;
    const db = new Database(fs.db, { readonly: true });
    const has = db.prepare('SELECT notes FROM visits WHERE id = ? AND deleted_at IS NULL');
    fig.lost += acknowledged.filter((a) => (has.get(a.id) as { notes: string } | undefined)?.notes !== a.notes).length;
    db.close();
  }
  fig.acknowledged = acknowledged.length;
  return fig;
}

export interface ConcurrencyFigure {
  processes: number;
  each: number;
  rows: number;
  errors: number;
  busy: number;
  seconds: number;
}

/** Proof 2: `processes` shells at once, each running `fs visit add` `each` times. */
export async function concurrencyProof(processes: number, each: number): Promise<ConcurrencyFigure> {
  const fs = cli();
  fs.ok(['person', 'add', '--name', 'A']);
  const env = baseEnv(fs.db);
  const t0 = Date.now();
  const script = `for i in $(seq 1 ${each}); do "${process.execPath}" "${BIN}" visit add --person 1 --notes "p$P-$i" >/dev/null || echo "FAIL $?"; done`;
  const results = await Promise.all(
    Array.from({ length: processes }, (_, p) =>
      new Promise<string>((resolve) => {
        const child = spawn('bash', ['-c', script], { env: { ...env, P: String(p) }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', () => resolve(out));
      }),
    ),
  );
  const seconds = (Date.now() - t0) / 1000;
  const all = results.join('');
  const db = new Database(fs.db, { readonly: true });
  const rows = (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
  db.close();
  return { processes, each, rows, errors: (all.match(/FAIL|error/gi) ?? []).length, busy: (all.match(/busy|SQLITE_BUSY/gi) ?? []).length, seconds };
}

export interface BackupFigure {
  backups: number;
  integrityOk: number;
  writesDuring: number;
  restoreEqual: boolean;
}

/** Proof 7: backups taken while another process writes all pass integrity_check; a restore gives the backup's rows. */
export async function backupDuringWritesProof(backups: number): Promise<BackupFigure> {
  const fs = cli();
  fs.ok(['person', 'add', '--name', 'A']);
  const writer = spawn(process.execPath, [join(ROOT, 'test', 'helpers', 'writer.mjs'), fs.db], { stdio: 'ignore' });
  const count = () => {
    const db = new Database(fs.db, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  while (count() === 0) await new Promise((r) => setTimeout(r, 20));
  const start = count();
  const paths: string[] = [];
  let integrityOk = 0;
  for (let i = 0; i < backups; i++) {
    const r = spawnSync(process.execPath, [BIN, 'backup'], { env: baseEnv(fs.db), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fs backup exited ${r.status}: ${r.stderr}`);
    const path = r.stdout.trim();
    paths.push(path);
    if (integrityCheck(path) === 'ok') integrityOk++;
  }
  const writesDuring = count() - start;
  writer.kill('SIGKILL');
  await new Promise((r) => writer.on('close', r));
  const chosen = paths[Math.floor(paths.length / 2)]!;
  const restored = spawnSync(process.execPath, [BIN, 'restore', chosen, '--yes'], { env: baseEnv(fs.db), encoding: 'utf8' });
  if (restored.status !== 0) throw new Error(`fs restore exited ${restored.status}: ${restored.stderr}`);
  return { backups, integrityOk, writesDuring, restoreEqual: snapshot(fs.db) === snapshot(chosen) };
}

export interface HostileFigure {
  vectors: number;
  accepted: number;
  rejected: number;
  unexpectedCode: { args: string[]; code: number; stderr: string }[];
  notOneLine: { args: string[]; stderr: string }[];
  written: { args: string[] }[];
  bySlot: Record<string, number>;
}

const short = (args: string[]) => args.map((a) => (a.length > 60 ? `${a.slice(0, 60)}…(${a.length})` : a));

/** Proof 4: `n` generated argument vectors through the CLI's main(), in this process. */
export async function hostileProof(n: number, seed: number): Promise<HostileFigure> {
  const dir = tempDir('fs-hostile-');
  const env = { FS_DB: join(dir, 'h.db'), FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1', FS_NO_INPUT: '1' };
  for (const args of [
    ['person', 'add', '--name', 'A'],
    ['visit', 'add', '--person', '1', '--concern', 'a concern'],
  ]) {
    const r = await runInProcess(args, env);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const watcher = new Database(env.FS_DB, { readonly: true });
  const version = () => watcher.pragma('data_version', { simple: true }) as number;
  const fig: HostileFigure = { vectors: 0, accepted: 0, rejected: 0, unexpectedCode: [], notOneLine: [], written: [], bySlot: {} };
  try {
    for (const v of hostileVectors(n, seed)) {
      const before = version();
      const r = await runInProcess(v.args, env);
      fig.vectors++;
      fig.bySlot[v.slot] = (fig.bySlot[v.slot] ?? 0) + 1;
      if (!v.allowed.includes(r.code)) fig.unexpectedCode.push({ args: short(v.args), code: r.code, stderr: r.stderr.slice(0, 300) });
      if (r.code === 0) {
        fig.accepted++;
        continue;
      }
      fig.rejected++;
      if (!/^[^\n]*\n$/.test(r.stderr) || /\n\s+at /.test(r.stderr)) fig.notOneLine.push({ args: short(v.args), stderr: r.stderr.slice(0, 300) });
      if (version() !== before) fig.written.push({ args: short(v.args) });
      // Backups made by accepted `fs backup` runs are not the point here.
      rmSync(join(dir, 'backups'), { recursive: true, force: true });
    }
  } finally {
    watcher.close();
  }
  return fig;
}
