// The county's security promises against a real PostgreSQL:
// 1. Row-level security: a ledger's role reads and writes its own rows only; B's ledger id through
//    A's role is refused and writes nothing; A cannot register ledgers or create roles.
// 2. Masked secrets: the office's password and a ledger's password appear in no output, no error and
//    not in the server's log (which here logs every statement, as a careful county DBA might).
// 3. TLS options in the URL reach pg: sslmode=require against this server (no TLS) fails in one
//    masked line, sslmode=disable works.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'pg';
import { connectCounty } from '../../src/db/county/connect.js';
import { cli, tempDir, type RunResult } from '../helpers/cli.js';
import { pgSkipReason, startCluster, type Cluster } from '../helpers/pg.js';

const skip = pgSkipReason();
if (skip) console.warn(`county security tests skipped: ${skip}`);

/** The record tables a push writes (every one has ledger and uid, and the own_ledger policy). */
const RECORD_TABLES = [
  'households', 'people', 'visits', 'concerns', 'disputes', 'dispute_parties', 'dispute_events', 'pairs', 'pair_logs',
  'meetings', 'decisions', 'decision_steps', 'plans', 'plan_milestones', 'plan_progress', 'presence_days', 'presence_holidays',
];

describe.skipIf(skip)('county security', { timeout: 60_000 }, () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
    // Log every statement and every connection: if a password were sent to the server, it would be here.
    cluster.psql("ALTER SYSTEM SET log_statement = 'all'");
    cluster.psql("ALTER SYSTEM SET log_min_error_statement = 'error'");
    cluster.psql('ALTER SYSTEM SET log_connections = on');
    cluster.psql('SELECT pg_reload_conf()');
  }, 60_000);
  afterAll(() => cluster?.stop());

  const dbName = (url: string) => new URL(url).pathname.slice(1);
  async function as<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
    const c = await connectCounty(url);
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }
  /** The error a statement raises (its SQLSTATE and message), or undefined when it succeeds. */
  async function refusal(c: Client, sql: string, params: unknown[] = []): Promise<{ code: string; message: string } | undefined> {
    await c.query('SAVEPOINT s');
    try {
      await c.query(sql, params);
      await c.query('RELEASE SAVEPOINT s');
      return undefined;
    } catch (e) {
      await c.query('ROLLBACK TO SAVEPOINT s');
      const err = e as { code: string; message: string };
      return { code: err.code, message: err.message };
    }
  }

  /** A county with two ledgers, A and B, and a household, a visit and a setting of each, written by the office. */
  async function twoLedgers() {
    const office = cluster.database();
    const fs = cli();
    fs.ok(['county', 'init', '--url', office]);
    const add = (village: string) =>
      JSON.parse(fs.ok(['county', 'add-ledger', '--village', village, '--secretary', '书记', '--url', office, '--format', 'json'])) as { ledger: string; url: string; role: string };
    const a = add('甲村');
    const b = add('乙村');
    await as(office, async (c) => {
      for (const l of [a, b]) {
        await c.query(
          `INSERT INTO county.households (ledger, uid, label, created_at, updated_at) VALUES ($1, gen_random_uuid(), $2, now(), now())`,
          [l.ledger, `${l.role}-household`],
        );
        await c.query(
          `INSERT INTO county.visits (ledger, uid, date, person_uid, category, created_at, updated_at) VALUES ($1, gen_random_uuid(), '2026-11-01', gen_random_uuid(), 'other', now(), now())`,
          [l.ledger],
        );
        await c.query(`INSERT INTO county.settings (ledger, key, value, updated_at) VALUES ($1, 'village', $2, now())`, [l.ledger, l.role]);
        await c.query(`INSERT INTO county.pushes (ledger, watermark, records) VALUES ($1, now(), 3)`, [l.ledger]);
      }
    });
    /** Every row of the county schema as the office sees it. */
    const everything = () =>
      as(office, async (c) => {
        const out: Record<string, unknown[]> = {};
        for (const t of ['ledgers', 'settings', 'pushes', ...RECORD_TABLES]) out[t] = (await c.query(`SELECT * FROM county.${t} ORDER BY 1, 2`)).rows;
        out.roles = (await c.query("SELECT rolname FROM pg_roles WHERE rolname LIKE 'fs\\_%' ORDER BY 1")).rows;
        return out;
      });
    return { office, fs, a, b, everything };
  }

  describe('row-level security', () => {
    it("A's role sees its own rows and its own ledgers row, nothing of B's", async () => {
      const { a, b } = await twoLedgers();
      await as(a.url, async (c) => {
        expect((await c.query('SELECT id::text FROM county.ledgers')).rows).toEqual([{ id: a.ledger }]);
        expect((await c.query('SELECT label FROM county.households')).rows).toEqual([{ label: `${a.role}-household` }]);
        for (const t of ['households', 'visits', 'settings', 'pushes']) {
          const r = await c.query(`SELECT DISTINCT ledger::text FROM county.${t}`);
          expect(r.rows, t).toEqual([{ ledger: a.ledger }]);
        }
        // Asking for B's rows by name gives nothing either.
        expect((await c.query('SELECT count(*)::int AS n FROM county.visits WHERE ledger = $1', [b.ledger])).rows[0].n).toBe(0);
        expect((await c.query('SELECT count(*)::int AS n FROM county.ledgers WHERE id = $1', [b.ledger])).rows[0].n).toBe(0);
      });
    });

    it("inserts carrying B's ledger id through A's role are refused by RLS in every table, and write nothing", async () => {
      const { a, b, everything } = await twoLedgers();
      const before = await everything();
      await as(a.url, async (c) => {
        await c.query('BEGIN');
        for (const t of [...RECORD_TABLES, 'settings', 'pushes']) {
          // A row with B's ledger id and nothing else: the policy's WITH CHECK runs before NOT NULL,
          // so the refusal must be the policy's, not a missing column's.
          const err = await refusal(c, `INSERT INTO county.${t} SELECT * FROM json_populate_record(NULL::county.${t}, $1)`, [
            JSON.stringify({ ledger: b.ledger, uid: '00000000-0000-4000-8000-000000000001', key: 'x', value: 'y', records: 1 }),
          ]);
          expect(err, t).toMatchObject({ code: '42501' });
          expect(err!.message, t).toMatch(/new row violates row-level security policy/);
        }
        // The same for a complete, valid row: only the ledger id is wrong.
        const err = await refusal(
          c,
          `INSERT INTO county.visits (ledger, uid, date, person_uid, category, created_at, updated_at) VALUES ($1, gen_random_uuid(), '2026-11-02', gen_random_uuid(), 'other', now(), now())`,
          [b.ledger],
        );
        expect(err?.message).toMatch(/row-level security/);
        // An upsert aimed at B's row cannot reach it either.
        const upsert = await refusal(
          c,
          `INSERT INTO county.settings (ledger, key, value, updated_at) VALUES ($1, 'village', 'taken over', now())
           ON CONFLICT (ledger, key) DO UPDATE SET value = excluded.value`,
          [b.ledger],
        );
        expect(upsert?.message).toMatch(/row-level security/);
        await c.query('COMMIT');
      });
      expect(await everything()).toEqual(before);
    });

    it("updates and deletes of B's rows through A's role touch nothing; moving A's row to B is refused", async () => {
      const { a, b, everything } = await twoLedgers();
      const before = await everything();
      await as(a.url, async (c) => {
        await c.query('BEGIN');
        expect((await c.query("UPDATE county.households SET label = 'taken over' WHERE ledger = $1", [b.ledger])).rowCount).toBe(0);
        expect((await c.query("UPDATE county.settings SET value = 'taken over' WHERE ledger = $1", [b.ledger])).rowCount).toBe(0);
        expect((await c.query('DELETE FROM county.settings WHERE ledger = $1', [b.ledger])).rowCount).toBe(0);
        const move = await refusal(c, 'UPDATE county.households SET ledger = $1', [b.ledger]);
        expect(move?.message).toMatch(/new row violates row-level security policy/);
        // Record tables are never deleted from by a ledger (tombstones travel instead).
        expect(await refusal(c, 'DELETE FROM county.visits')).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
        await c.query('COMMIT');
      });
      expect(await everything()).toEqual(before);
    });

    it('A cannot register ledgers, change them, create roles or become another role', async () => {
      const { office, fs, a, everything } = await twoLedgers();
      const before = await everything();
      await as(a.url, async (c) => {
        await c.query('BEGIN');
        const denied = { code: '42501', message: expect.stringMatching(/permission denied/) };
        expect(await refusal(c, "INSERT INTO county.ledgers (id, village, secretary, role_name) VALUES (gen_random_uuid(), '丙村', 'x', 'fs_x')")).toMatchObject(denied);
        expect(await refusal(c, "UPDATE county.ledgers SET village = '丙村'")).toMatchObject(denied);
        expect(await refusal(c, 'DELETE FROM county.ledgers')).toMatchObject(denied);
        expect(await refusal(c, "CREATE ROLE fs_ledger_intruder LOGIN PASSWORD 'x'")).toMatchObject(denied);
        expect(await refusal(c, 'ALTER TABLE county.visits DISABLE ROW LEVEL SECURITY')).toMatchObject({ code: '42501' });
        expect(await refusal(c, 'DROP POLICY own_ledger ON county.visits')).toMatchObject({ code: '42501' });
        expect(await refusal(c, 'SET ROLE postgres')).toMatchObject(denied);
        expect(await refusal(c, 'SET SESSION AUTHORIZATION postgres')).toMatchObject(denied);
        await c.query('COMMIT');
      });
      // Through fs itself: add-ledger with A's connection string is refused in one line, without A's password.
      const password = new URL(a.url).password;
      const r = fs.run(['county', 'add-ledger', '--village', '丙村', '--secretary', 'x', '--url', a.url]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/county database refused: permission denied/);
      expect(r.stderr).not.toContain(password);
      expect(await everything()).toEqual(before);
      void office;
    });
  });

  describe('masked secrets', () => {
    const one = (r: RunResult) => r.stderr.trim().split('\n').length === 1;

    it('neither the office password nor a ledger password shows in any output, error or the server log', async () => {
      const office = `${cluster.database()}?sslmode=disable`;
      const officePw = cluster.password;
      const outputs: { what: string; text: string }[] = [];
      const record = (what: string, r: RunResult) => outputs.push({ what, text: r.stdout + r.stderr });
      const fs = cli();
      const run = (what: string, args: string[], expectCode = 0) => {
        const r = fs.run(args);
        expect(r.code, `${what}: ${r.stderr}`).toBe(expectCode);
        record(what, r);
        return r;
      };

      run('init', ['county', 'init', '--url', office]);
      run('init again', ['county', 'init', '--url', office]);
      const added = fs.run(['county', 'add-ledger', '--village', '甲村', '--secretary', '书记', '--url', office]);
      expect(added.code, added.stderr).toBe(0);
      const ledgerUrl = added.stdout.trim();
      const ledgerPw = new URL(ledgerUrl).password;
      expect(ledgerPw.length).toBeGreaterThanOrEqual(32);
      // stdout carries the ledger's password once, by design; never the office's. stderr carries neither.
      expect(added.stdout).not.toContain(officePw);
      outputs.push({ what: 'add-ledger stderr', text: added.stderr });
      const json = fs.run(['county', 'add-ledger', '--village', '乙村', '--secretary', '书记', '--url', office, '--format', 'json']);
      expect(json.stdout).not.toContain(officePw);
      outputs.push({ what: 'add-ledger --format json stderr', text: json.stderr });
      for (const format of ['table', 'tsv', 'csv', 'json', 'ndjson', 'md']) run(`villages ${format}`, ['county', 'villages', '--url', office, '--format', format]);
      run('villages as the ledger', ['county', 'villages', '--url', ledgerUrl, '--format', 'json']);

      // The secretary's side: the ledger keeps the string, shows it masked, never lets it travel.
      run('config set', ['config', 'set', 'county.url', ledgerUrl]);
      run('config get', ['config', 'get', 'county.url']);
      for (const format of ['table', 'tsv', 'json']) run(`config list ${format}`, ['config', 'list', '--format', format]);
      run('history', ['history']);
      run('history json', ['history', '--format', 'json']);
      run('export', ['export']);
      const file = join(tempDir(), 'export.ndjson');
      run('export -o', ['export', '-o', file]);
      outputs.push({ what: 'export file', text: readFileSync(file, 'utf8') });

      // Errors: a wrong password, a closed port, a bad URL, a password in the query string, no such database.
      const wrongPw = 'wrong-Pa55word-never-shown';
      const u = new URL(office);
      u.password = wrongPw;
      for (const [what, url, code] of [
        ['wrong password', u.toString(), 1],
        ['wrong ledger password', ledgerUrl.replace(ledgerPw, wrongPw), 1],
        ['closed port', `postgresql://postgres:${officePw}@127.0.0.1:1/county`, 1],
        ['no such database', office.replace(dbName(office), 'no_such_db'), 1],
        ['password in the query', `postgresql://${cluster.host}:${cluster.port}/no_such_db?user=postgres&password=${officePw}`, 1],
        ['not postgresql', `mysql://postgres:${officePw}@${cluster.host}/x`, 2],
        ['does not parse', `postgresql://postgres:${officePw}@[${cluster.host}/x`, 2],
        ['password where the URL goes', officePw, 2],
      ] as const) {
        for (const args of [['county', 'init', '--url', url], ['county', 'villages', '--url', url], ['county', 'add-ledger', '--village', '丙村', '--secretary', 'x', '--url', url]]) {
          const r = fs.run(args);
          expect(r.code, `${what} ${args[1]}: ${r.stderr}`).toBe(code);
          expect(one(r), `${what}: ${r.stderr}`).toBe(true);
          expect(r.stdout).toBe('');
          record(`${what} (${args[1]})`, r);
        }
        const set = fs.run(['config', 'set', 'county.url', url]);
        record(`${what} (config set)`, set);
      }
      // The wrong passwords were refused for the right reason.
      expect(outputs.find((o) => o.what === 'wrong password (init)')!.text).toMatch(/password authentication failed/);
      expect(outputs.find((o) => o.what === 'closed port (init)')!.text).toMatch(/Cannot reach the county database postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/county/);
      expect(outputs.find((o) => o.what === 'password in the query (init)')!.text).toMatch(/password=\*\*\*/);

      for (const secret of [officePw, ledgerPw, wrongPw]) {
        const leaks = outputs.filter((o) => o.text.includes(secret)).map((o) => o.what);
        expect(leaks, `secret ${secret.slice(0, 4)}… shown by`).toEqual([]);
      }
      // The server's log recorded every statement (the CREATE ROLE too), and no password.
      const log = readFileSync(cluster.logFile, 'utf8');
      expect(log).toMatch(/statement: CREATE ROLE fs_ledger_[0-9a-f]{16} LOGIN PASSWORD 'SCRAM-SHA-256\$4096:/);
      expect(log).toMatch(/password authentication failed/);
      for (const secret of [officePw, ledgerPw, wrongPw]) expect(log.includes(secret), `server log has ${secret.slice(0, 4)}…`).toBe(false);
    });
  });

  describe('TLS options pass through to pg', () => {
    it('sslmode=require against a server without TLS fails in one masked line; sslmode=disable works', () => {
      const base = cluster.database();
      const fs = cli();
      for (const mode of ['require', 'verify-full']) {
        const r = fs.run(['county', 'init', '--url', `${base}?sslmode=${mode}`]);
        expect(r.code, mode).toBe(1);
        expect(r.stdout).toBe('');
        // One line: no pg warning about sslmode semantics, no stack.
        expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
        expect(r.stderr).toMatch(/^error: Cannot reach the county database .*:\*\*\*@.*sslmode=.*: The server does not support SSL connections/);
        expect(r.stderr).not.toContain(cluster.password);
        expect(cluster.psql("SELECT to_regclass('county.ledgers') IS NULL", dbName(base)).trim()).toBe('t');
      }
      const ok = fs.run(['county', 'init', '--url', `${base}?sslmode=disable`]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stderr.trim().split('\n')).toHaveLength(1);
      expect(cluster.psql("SELECT to_regclass('county.ledgers') IS NOT NULL", dbName(base)).trim()).toBe('t');
      // And the ledger's string keeps the office's sslmode.
      const conn = fs.ok(['county', 'add-ledger', '--village', '甲村', '--secretary', '书记', '--url', `${base}?sslmode=disable`]).trim();
      expect(new URL(conn).searchParams.get('sslmode')).toBe('disable');
      const strict = fs.run(['county', 'villages', '--url', conn.replace('sslmode=disable', 'sslmode=require')]);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/does not support SSL/);
      expect(strict.stderr).not.toContain(new URL(conn).password);
    });
  });
});
