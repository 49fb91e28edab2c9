// fs push against a real PostgreSQL (a throwaway cluster of this file): everything the issue promises
// of a push. One seeded ledger is made once and copied for each test; each test has its own county
// database. Every run's output is checked for the passwords it must never show.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIRRORED, MIRRORED_NAMES, selectSql } from '../../src/db/county/tables.js';
import { seedReportLedger, TODAY } from '../cli/report-seed.js';
import { BIN, cli, tempDir, type RunResult } from '../helpers/cli.js';
import { childEnv } from '../helpers/env.js';
import { pgSkipReason, startCluster, type Cluster } from '../helpers/pg.js';

const skip = pgSkipReason();
if (skip) console.warn(`skipping the fs push tests: ${skip}`);

let cluster: Cluster;
/** The seeded ledger, and the same with 20,000 more visits: copied, never used directly. */
let template: string;
let bigTemplate: string;
const BIG = 20_000;
/** Every password a test has seen: none may appear in any output. */
const secrets: string[] = [];

type Fs = ReturnType<typeof cli>;

/** A checkpointed copy of a ledger file (its -wal folded in) in a directory of its own. */
function copyLedger(from: string): string {
  const db = new Database(from);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const to = join(tempDir(), 'fs.db');
  copyFileSync(from, to);
  return to;
}

/** 20,000 visits of the seeded people, written straight into the ledger (the CLI would take minutes). */
function addVisits(dbPath: string, n: number): void {
  const db = new Database(dbPath);
  const stamp = new Date().toISOString();
  db.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
     INSERT INTO visits (uid, date, person_id, household_id, category, topics, notes, created_at, updated_at)
     SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
            date('2026-01-01', '+' || (i % 300) || ' days'), p.id, p.household_id, 'ordinary-household', i % 32, 'bulk visit ' || i, ?, ?
     FROM k JOIN people p ON p.id = 1 + i % 4`,
  ).run(n, stamp, stamp);
  db.close();
}

function ledgerCli(from = template): Fs {
  return cli({ today: TODAY, db: copyLedger(from) });
}

/** Fails when an output shows a password. */
function checked(r: RunResult): RunResult {
  for (const s of secrets) {
    expect(r.stdout, 'a password on stdout').not.toContain(s);
    expect(r.stderr, 'a password on stderr').not.toContain(s);
  }
  return r;
}

interface County {
  admin: string;
  ledger: string;
}

/** A fresh county database with the ledger registered: the office's URL and the ledger's. */
function county(fs: Fs): County {
  const admin = cluster.database();
  checked(fs.run(['county', 'init', '--url', admin]));
  const r = checked(fs.run(['county', 'add-ledger', '--village', '青山村', '--secretary', '李书记', '--url', admin]));
  expect(r.code, r.stderr).toBe(0);
  const ledger = r.stdout.trim();
  secrets.push(decodeURIComponent(new URL(ledger).password));
  return { admin, ledger };
}

interface PushJson {
  ledger: string;
  dry_run: boolean;
  full: boolean;
  records: Record<string, number>;
  total: number;
  sent: number;
  settings: number;
  since: string | null;
  watermark: string | null;
  url: string;
}

function push(fs: Fs, url: string, ...more: string[]): PushJson {
  const r = checked(fs.run(['push', '--url', url, '--format', 'json', ...more]));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as PushJson;
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Every mirrored table and the settings as text, without the ledger column (it differs between databases). */
async function countyRows(admin: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of [...MIRRORED_NAMES, 'settings']) {
    const rows = await query<{ r: Record<string, unknown> }>(admin, `SELECT to_jsonb(t) - 'ledger' AS r FROM county.${t} t ORDER BY ${t === 'settings' ? 'key' : 'uid'}`);
    out[t] = rows.map((x) => JSON.stringify(x.r));
  }
  return out;
}

async function countyCount(admin: string, table: string): Promise<number> {
  return Number((await query<{ n: string }>(admin, `SELECT count(*) AS n FROM county.${table}`))[0]!.n);
}

/** The value of a county column as the ledger would hold it, to compare the two. */
function normal(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'timestamptz') return new Date(v as string).toISOString();
  if (type === 'jsonb') return typeof v === 'string' ? JSON.parse(v) : v;
  if (type === 'integer' || type === 'smallint' || type === 'double precision') return Number(v);
  return String(v);
}

/** The county holds exactly the ledger's rows, every column, references by uid (no loss, no duplicate, nothing else). */
async function expectSameAsLedger(admin: string, dbPath: string): Promise<void> {
  const db = new Database(dbPath, { readonly: true });
  try {
    for (const t of MIRRORED) {
      const local = (db.prepare(selectSql(t, false)).raw().all() as unknown[][]).map((row) => t.columns.map((c, i) => normal(c.type, row[i])));
      const remote = (await query<{ r: Record<string, unknown> }>(admin, `SELECT to_jsonb(t) AS r FROM county.${t.name} t`)).map(({ r }) => t.columns.map((c) => normal(c.type, r[c.name])));
      const byUid = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
      expect(remote.sort(byUid), t.name).toEqual(local.sort(byUid));
    }
    const settings = db.prepare("SELECT key, value FROM settings WHERE key NOT LIKE 'county.%' ORDER BY key").all();
    expect(await query(admin, "SELECT key, value FROM county.settings WHERE key NOT LIKE 'county.%' ORDER BY key")).toEqual(settings);
  } finally {
    db.close();
  }
}

/** Runs `fs push` as a child that the test may kill; resolves with its exit. */
function spawnPush(fs: Fs, url: string, ...more: string[]): { child: ReturnType<typeof spawn>; done: Promise<RunResult & { signal: string | null }> } {
  const child = spawn(process.execPath, [BIN, 'push', '--url', url, ...more], { env: childEnv({ FS_DB: fs.db, FS_TODAY: TODAY }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<RunResult & { signal: string | null }>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })));
  return { child, done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  if (skip) return;
  cluster = await startCluster();
  secrets.push(cluster.password);
  const fs = cli({ today: TODAY });
  seedReportLedger(fs);
  fs.ok(['presence', 'add', '--from', '2026-11-23', '--to', '2026-11-25', '--status', 'in-village']);
  fs.ok(['presence', 'add', '--date', '2026-11-26', '--status', 'leave', '--leave-type', 'sick']);
  fs.ok(['presence', 'holiday', 'add', '2026-11-28', '--workday']);
  template = copyLedger(fs.db);
  bigTemplate = copyLedger(fs.db);
  addVisits(bigTemplate, BIG);
}, 180_000);
afterAll(() => cluster?.stop());

describe.skipIf(skip)('fs push', () => {
  it('sends every record table with references by uid, records the push, and a second push changes nothing', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    const first = checked(fs.run(['push', '--url', c.ledger]));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/^Pushed \d+ records \(households 4, people 4, visits 4, .*presence days 4, holiday changes 1; settings 2\) to postgresql:\/\/fs_ledger_\w+:\*\*\*@127\.0\.0\.1:\d+\/\w+\.\n$/);
    await expectSameAsLedger(c.admin, fs.db);
    for (const t of MIRRORED_NAMES) expect(await countyCount(c.admin, t), `${t} has rows`).toBeGreaterThan(0);
    const orphans = await query(
      c.admin,
      'SELECT v.uid FROM county.visits v LEFT JOIN county.people p ON p.ledger = v.ledger AND p.uid = v.person_uid WHERE p.uid IS NULL',
    );
    expect(orphans).toEqual([]);
    const before = await countyRows(c.admin);

    const second = push(fs, c.ledger);
    expect(second).toMatchObject({ dry_run: false, full: false, total: 0, settings: 0 });
    expect(Object.keys(second)).toEqual(['ledger', 'dry_run', 'full', 'records', 'total', 'sent', 'settings', 'since', 'watermark', 'url']);
    expect(Object.keys(second.records)).toEqual([...MIRRORED_NAMES]);
    expect(second.url).toMatch(/^postgresql:\/\/fs_ledger_\w+:\*\*\*@/);
    expect(await countyRows(c.admin)).toEqual(before);
    const third = checked(fs.run(['push', '--url', c.ledger]));
    expect(third.stderr).toMatch(/^Nothing to push: postgresql:\/\/fs_ledger_\w+:\*\*\*@.* already has every record of this ledger\.\n$/);
    expect(await countyRows(c.admin)).toEqual(before);

    const pushes = await query<{ records: string; watermark: Date; fs_version: string }>(c.admin, 'SELECT records, watermark, fs_version FROM county.pushes ORDER BY id');
    expect(pushes.map((p) => Number(p.records))).toEqual([Number(first.stderr.match(/Pushed (\d+)/)![1]), 0, 0]);
    expect(new Set(pushes.map((p) => p.watermark.toISOString())).size).toBe(1);
    expect(second.watermark).toBe(pushes[0]!.watermark.toISOString());
    expect(pushes[0]!.fs_version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('sends only what changed since the last push, in Chinese too', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    const first = push(fs, c.ledger);
    fs.ok(['visit', 'edit', '2', '--notes', 'changed after the push']);
    fs.ok(['config', 'set', 'concern.due_days', '9']);
    const next = push(fs, c.ledger);
    expect(next).toMatchObject({ full: false, total: 1, settings: 1, since: first.watermark });
    expect(next.records.visits).toBe(1);
    expect(next.watermark! > first.watermark!).toBe(true);
    await expectSameAsLedger(c.admin, fs.db);
    fs.ok(['person', 'edit', '1', '--phone', '13800000000']);
    const zh = checked(fs.run(['push', '--url', c.ledger, '--lang', 'zh']));
    expect(zh.stderr).toMatch(/^已推送 1 条记录（人员 1）到 postgresql:\/\/fs_ledger_\w+:\*\*\*@.*。\n$/);
    fs.ok(['person', 'edit', '1', '--phone', '13800000001']);
    expect(checked(fs.run(['push', '--url', c.ledger])).stderr).toMatch(/^Pushed 1 record \(people 1\) to postgresql:/);
  });

  it('a ledger of 20,000+ visits pushes in one go', async () => {
    const fs = ledgerCli(bigTemplate);
    const c = county(fs);
    const r = push(fs, c.ledger);
    expect(r.records.visits).toBe(BIG + 4);
    expect(r.total).toBe(r.sent);
    await expectSameAsLedger(c.admin, fs.db);
    expect(Number((await query<{ records: string }>(c.admin, 'SELECT records FROM county.pushes'))[0]!.records)).toBe(r.total);
  }, 120_000);

  it('a push killed at random moments 20 times, then completed, equals one clean push into a fresh database', async () => {
    const fs = ledgerCli(bigTemplate);
    const c = county(fs);
    const visits = BIG + 4;
    // How long a whole push of every visit takes here: the kills fall inside that window.
    const t0 = Date.now();
    push(fs, county(fs).ledger);
    const window = Date.now() - t0;
    let killed = 0;
    for (let i = 1; i <= 20; i++) {
      // Every round changes every visit and every person, so every push has whole tables to send again.
      const db = new Database(fs.db);
      const stamp = new Date().toISOString();
      db.prepare('UPDATE visits SET topics = ?, updated_at = ?').run(i % 32, stamp);
      db.prepare('UPDATE people SET village_group = ?, updated_at = ?').run(`round ${i}`, stamp);
      db.close();
      const { child, done } = spawnPush(fs, c.ledger);
      await sleep(Math.floor(Math.random() * window));
      child.kill('SIGKILL');
      const r = await done;
      if (r.signal === 'SIGKILL') killed++;
      else expect(r.code, r.stderr).toBe(0);
      checked(r);
      // Old or new state, never a mixture: every visit and person of one round, or none yet.
      const [v] = await query<{ n: string; topics: number[] }>(c.admin, 'SELECT count(*) AS n, array_agg(DISTINCT topics) AS topics FROM county.visits');
      const [p] = await query<{ groups: string[] }>(c.admin, 'SELECT array_agg(DISTINCT village_group) AS groups FROM county.people');
      if (Number(v!.n) === 0) continue;
      expect(Number(v!.n)).toBe(visits);
      expect(v!.topics).toHaveLength(1);
      expect(p!.groups).toHaveLength(1);
      const round = Number(p!.groups[0]!.replace('round ', ''));
      expect(round).toBeLessThanOrEqual(i);
      expect(v!.topics[0]).toBe(round % 32);
    }
    expect(killed, 'pushes actually killed').toBeGreaterThan(5);
    push(fs, c.ledger);
    await expectSameAsLedger(c.admin, fs.db);
    const fresh = county(fs);
    push(fs, fresh.ledger);
    expect(await countyRows(c.admin)).toEqual(await countyRows(fresh.admin));
    expect(await countyCount(c.admin, 'visits')).toBe(visits);
  }, 300_000);

  it('a removed visit arrives as a tombstone, and its undo arrives too', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    push(fs, c.ledger);
    const uid = (fs.json(['visit', 'show', '3']) as { uid: string }).uid;
    fs.ok(['visit', 'rm', '3', '--yes']);
    expect(push(fs, c.ledger).records.visits).toBe(1);
    const [gone] = await query<{ deleted_at: Date | null }>(c.admin, 'SELECT deleted_at FROM county.visits WHERE uid = $1', [uid]);
    expect(gone!.deleted_at).toBeInstanceOf(Date);
    await expectSameAsLedger(c.admin, fs.db);
    fs.ok(['undo', '--yes']);
    expect(push(fs, c.ledger).records.visits).toBe(1);
    const [back] = await query<{ deleted_at: Date | null }>(c.admin, 'SELECT deleted_at FROM county.visits WHERE uid = $1', [uid]);
    expect(back!.deleted_at).toBeNull();
    await expectSameAsLedger(c.admin, fs.db);
  });

  it('a ledger restored from a backup: the county keeps the newer version of each row', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    push(fs, c.ledger);
    const backup = join(tempDir(), 'before.db');
    fs.ok(['backup', backup]);
    const uid = (id: number) => (fs.json(['visit', 'show', String(id)]) as { uid: string }).uid;
    fs.ok(['visit', 'edit', '1', '--notes', 'edited after the backup']);
    fs.ok(['visit', 'add', '--date', '2026-11-26', '--person', '李四', '--notes', 'added after the backup']);
    const added = uid(5);
    push(fs, c.ledger);
    fs.ok(['restore', backup, '--yes']);
    fs.ok(['visit', 'edit', '2', '--notes', 'edited after the restore']);
    const r = push(fs, c.ledger);
    expect(r.total).toBe(1);
    const notes = async (u: string) => (await query<{ notes: string }>(c.admin, 'SELECT notes FROM county.visits WHERE uid = $1', [u]))[0]?.notes;
    expect(await notes(uid(1))).toBe('edited after the backup');
    expect(await notes(uid(2))).toBe('edited after the restore');
    // No hard delete travels: the visit the restore took out of the ledger stays in the county.
    expect(await notes(added)).toBe('added after the backup');
    expect(await countyCount(c.admin, 'visits')).toBe(5);
    // An import makes the next push send every row again, the restored (older) visit 1 too: the
    // county keeps its newer version.
    const other = cli({ today: TODAY });
    other.ok(['person', 'add', '--name', '钱七']);
    const file = join(tempDir(), 'other.ndjson');
    other.ok(['export', '-o', file]);
    fs.ok(['import', file]);
    const full = push(fs, c.ledger);
    expect(full).toMatchObject({ full: true, total: 1 });
    expect(full.records.people).toBe(1);
    expect(await notes(uid(1))).toBe('edited after the backup');
    expect(await notes(uid(2))).toBe('edited after the restore');
  });

  it("a ledger exported and imported on a successor's machine pushes cleanly, without duplicates", async () => {
    const fs = ledgerCli();
    const c = county(fs);
    push(fs, c.ledger);
    const before = await countyRows(c.admin);
    const file = join(tempDir(), 'ledger.ndjson');
    fs.ok(['export', '-o', file]);
    const successor = cli({ today: TODAY });
    successor.ok(['import', file]);
    const r = push(successor, c.ledger);
    expect(r).toMatchObject({ full: true, total: 0, settings: 0 });
    expect(r.sent).toBeGreaterThan(0);
    expect(await countyRows(c.admin)).toEqual(before);
    successor.ok(['visit', 'edit', '1', '--notes', 'the successor was here']);
    expect(push(successor, c.ledger)).toMatchObject({ full: false, total: 1, sent: 1 });
    await expectSameAsLedger(c.admin, successor.db);
  });

  it('records imported with older stamps than the last push still go (an import makes the next push full)', async () => {
    const other = cli({ today: TODAY });
    other.ok(['person', 'add', '--name', '钱七', '--household', '钱家']);
    other.ok(['visit', 'add', '--date', '2026-11-20', '--person', '钱七', '--notes', 'from the other ledger']);
    const file = join(tempDir(), 'other.ndjson');
    other.ok(['export', '-o', file]);
    const fs = ledgerCli();
    const c = county(fs);
    fs.ok(['visit', 'edit', '1', '--notes', 'newer than the other ledger']);
    push(fs, c.ledger);
    fs.ok(['import', file]);
    const r = push(fs, c.ledger);
    expect(r).toMatchObject({ full: true, total: 3 });
    expect(r.records).toMatchObject({ people: 1, households: 1, visits: 1 });
    await expectSameAsLedger(c.admin, fs.db);
  });

  for (const [where, hold, release] of [
    ['waiting for its ledger lock', (ledger: string) => `SELECT pg_advisory_lock(${0x6673}, hashtext('${ledger}'))`, 'SELECT pg_advisory_unlock_all()'],
    ['with every row upserted, writing its push row', () => 'BEGIN; LOCK TABLE county.pushes IN EXCLUSIVE MODE', 'ROLLBACK'],
  ] as const) {
    it(`a connection lost mid-push (${where}) fails in one line, writes nothing, and the next push completes`, async () => {
      const fs = ledgerCli();
      const c = county(fs);
      const ledgerId = (await query<{ id: string }>(c.admin, 'SELECT id FROM county.ledgers'))[0]!.id;
      // One session holds the lock, another watches: statistics views keep one snapshot per transaction.
      const holder = new pg.Client({ connectionString: c.admin });
      const office = new pg.Client({ connectionString: c.admin });
      for (const x of [holder, office]) {
        x.on('error', () => undefined);
        await x.connect();
      }
      try {
        await holder.query(hold(ledgerId));
        const { done } = spawnPush(fs, c.ledger);
        let finished: RunResult | undefined;
        void done.then((r) => (finished = r));
        let pid: number | undefined;
        for (let i = 0; i < 400 && pid === undefined; i++) {
          await sleep(50);
          if (finished) throw new Error(`the push ended before it was cut off: ${finished.code} ${finished.stderr}`);
          const rows = await office.query("SELECT pid FROM pg_stat_activity WHERE usename LIKE 'fs_ledger_%' AND wait_event_type = 'Lock'");
          pid = rows.rows[0]?.pid as number | undefined;
        }
        expect(pid, 'the push waits on the lock').toBeDefined();
        await office.query('SELECT pg_terminate_backend($1)', [pid]);
        const r = checked(await done);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/^error: The county database refused: /);
        await holder.query(release);
      } finally {
        await holder.end();
        await office.end();
      }
      for (const t of [...MIRRORED_NAMES, 'settings', 'pushes']) expect(await countyCount(c.admin, t), t).toBe(0);
      push(fs, c.ledger);
      await expectSameAsLedger(c.admin, fs.db);
    });
  }

  it('a ledger whose clock is behind the county watermark sends everything, so nothing stamped below it is lost', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    push(fs, c.ledger);
    // As if an earlier push came from a machine whose clock runs a day ahead.
    await query(c.admin, "UPDATE county.pushes SET watermark = now() + interval '1 day'");
    fs.ok(['visit', 'edit', '3', '--notes', 'written with a clock behind the watermark']);
    const r = push(fs, c.ledger);
    expect(r).toMatchObject({ full: true, total: 1 });
    expect(r.records.visits).toBe(1);
    await expectSameAsLedger(c.admin, fs.db);
  });

  it('a row committed after a push with a stamp just below its watermark still goes (a writer that stamped before it locked)', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    fs.ok(['visit', 'edit', '2', '--notes', 'the newest row of the first push']);
    const first = push(fs, c.ledger);
    const db = new Database(fs.db);
    db.prepare('UPDATE visits SET notes = ?, updated_at = ? WHERE id = 1').run('committed late', new Date(Date.parse(first.watermark!) - 1000).toISOString());
    db.close();
    const r = push(fs, c.ledger);
    expect(r.records.visits).toBe(1);
    expect(r.watermark).toBe(first.watermark);
    await expectSameAsLedger(c.admin, fs.db);
  });

  it('two pushes of the same ledger at once run one after the other, without duplicates', async () => {
    const fs = ledgerCli(bigTemplate);
    const c = county(fs);
    const [a, b] = await Promise.all([spawnPush(fs, c.ledger, '--format', 'json').done, spawnPush(fs, c.ledger, '--format', 'json').done]);
    for (const r of [a, b]) expect(checked(r).code, r.stderr).toBe(0);
    // The second waited on the ledger's lock and started from the watermark the first left: it was
    // incremental, and found nothing new.
    const [first, second] = [a, b].map((r) => JSON.parse(r.stdout) as PushJson).sort((x, y) => Number(y.full) - Number(x.full));
    expect(first).toMatchObject({ full: true, since: null });
    expect(first!.records.visits).toBe(BIG + 4);
    expect(second).toMatchObject({ full: false, total: 0, since: first!.watermark });
    await expectSameAsLedger(c.admin, fs.db);
    expect(await countyCount(c.admin, 'pushes')).toBe(2);
  }, 120_000);

  it('two ledgers in one county: each push writes its own rows, under its own role', async () => {
    const a = ledgerCli();
    const c = county(a);
    const b = cli({ today: TODAY });
    b.ok(['person', 'add', '--name', '孙八', '--household', '孙家']);
    b.ok(['visit', 'add', '--date', '2026-11-20', '--person', '孙八']);
    const other = checked(b.run(['county', 'add-ledger', '--village', '白石村', '--secretary', '周书记', '--url', c.admin]));
    const bUrl = other.stdout.trim();
    secrets.push(decodeURIComponent(new URL(bUrl).password));
    const ra = push(a, c.ledger);
    const rb = push(b, bUrl);
    expect(ra.ledger).not.toBe(rb.ledger);
    expect(rb.records.visits).toBe(1);
    const perLedger = await query<{ ledger: string; n: string }>(c.admin, 'SELECT ledger, count(*) AS n FROM county.visits GROUP BY ledger ORDER BY n');
    expect(perLedger.map((r) => [r.ledger, Number(r.n)])).toEqual([
      [rb.ledger, 1],
      [ra.ledger, 4],
    ]);
    // B's role sees only B's rows, and cannot write a row under A's ledger.
    expect(Number((await query<{ n: string }>(bUrl, 'SELECT count(*) AS n FROM county.visits'))[0]!.n)).toBe(1);
    await expect(
      query(bUrl, "INSERT INTO county.households (ledger, uid, label, created_at, updated_at) VALUES ($1, gen_random_uuid(), 'x', now(), now())", [ra.ledger]),
    ).rejects.toThrow(/row-level security/);
    expect(await countyCount(c.admin, 'households')).toBe(ra.records.households! + rb.records.households!);
  });

  it('an empty ledger has nothing to push, and says so', async () => {
    const fs = cli({ today: TODAY });
    const c = county(fs);
    const r = checked(fs.run(['push', '--url', c.ledger]));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Nothing to push: /);
    const j = push(fs, c.ledger);
    expect(j).toMatchObject({ total: 0, sent: 0, settings: 0, watermark: null });
  });

  it('--dry-run reads the watermark and says what would go, and writes nothing', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    const dry = push(fs, c.ledger, '--dry-run');
    expect(dry).toMatchObject({ dry_run: true, full: true, since: null });
    for (const t of [...MIRRORED_NAMES, 'settings', 'pushes']) expect(await countyCount(c.admin, t), t).toBe(0);
    const text = checked(fs.run(['push', '--url', c.ledger, '--dry-run']));
    expect(text.stderr).toMatch(/^Dry run: would push \d+ records \(households 4, .*\) to postgresql:\/\/fs_ledger_\w+:\*\*\*@.*; nothing written\.\n$/);
    const real = push(fs, c.ledger);
    expect(real.records).toEqual(dry.records);
    expect(real.total).toBe(dry.total);
    expect(real.settings).toBe(dry.settings);
    expect(real.watermark).toBe(dry.watermark);
    const after = await countyRows(c.admin);
    fs.ok(['visit', 'edit', '4', '--notes', 'not pushed yet']);
    const again = push(fs, c.ledger, '--dry-run');
    expect(again).toMatchObject({ dry_run: true, full: false, total: 1, since: real.watermark });
    expect(again.records.visits).toBe(1);
    expect(await countyRows(c.admin)).toEqual(after);
    expect(await countyCount(c.admin, 'pushes')).toBe(1);
    const zh = checked(fs.run(['push', '--url', c.ledger, '--dry-run', '--lang', 'zh']));
    expect(zh.stderr).toMatch(/^试运行：将推送 1 条记录（走访 1）到 .*；未写入任何数据。\n$/);
  });

  it('takes the URL from county.url (fs config set county.url) when --url is not given', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    expect(checked(fs.run(['config', 'set', 'county.url', c.ledger])).code).toBe(0);
    const r = checked(fs.run(['push']));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Pushed \d+ records/);
    await expectSameAsLedger(c.admin, fs.db);
  });

  it('refuses a missing or bad URL, the office URL and an unreachable server in one line, writing nothing', async () => {
    const fs = ledgerCli();
    const c = county(fs);
    const cases: [string[], number, RegExp][] = [
      [['push'], 2, /^error: No county database: give --url or set county\.url/],
      [['push', '--lang', 'zh'], 2, /^错误： 未指定县级数据库/],
      [['push', '--url', ''], 2, /--url/],
      [['push', '--url', 'mysql://u:hunter22@h/db'], 2, /^error: Not a PostgreSQL connection string: mysql:\/\/u:\*\*\*@h\/db/],
      [['push', '--url', c.ledger, '--format', 'xml'], 2, /invalid format "xml"/],
      [['push', '--url', c.admin], 1, /^error: This connection string is the county office's, not a village ledger's/],
      [['push', '--url', c.ledger.replace(/:\d+\//, ':1/')], 1, /^error: Cannot reach the county database postgresql:\/\/fs_ledger_\w+:\*\*\*@127\.0\.0\.1:1\//],
    ];
    for (const [args, code, message] of cases) {
      const r = checked(fs.run(args));
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toContain('hunter22');
    }
    for (const t of [...MIRRORED_NAMES, 'settings', 'pushes']) expect(await countyCount(c.admin, t), t).toBe(0);
  });
});
