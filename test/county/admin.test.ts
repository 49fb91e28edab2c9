// The county office's commands against a real PostgreSQL: fs county init (create, upgrade,
// idempotent, newer schema refused), add-ledger (SCRAM verifier made here, duplicates refused,
// --format json), villages (last push, staleness, every format), and the secretary's county.url.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'pg';
import { addLedger, scramVerifier } from '../../src/db/county/admin.js';
import { connectCounty } from '../../src/db/county/connect.js';
import { countyMigrations, initCounty } from '../../src/db/county/migrate.js';
import { cli, snapshot, tempDir } from '../helpers/cli.js';
import { pgSkipReason, startCluster, type Cluster } from '../helpers/pg.js';

const skip = pgSkipReason();
if (skip) console.warn(`county admin tests skipped: ${skip}`);

describe.skipIf(skip)('fs county (office commands)', { timeout: 60_000 }, () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  const dbName = (url: string) => new URL(url).pathname.slice(1);
  const sql = (url: string, q: string) => cluster.psql(q, dbName(url)).trim();
  async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
    const c = await connectCounty(url);
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }
  /** Everything in schema county that a change would show: tables, columns, policies, versions. */
  const schemaState = (url: string) =>
    sql(
      url,
      `SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
         SELECT table_name || '.' || column_name || ':' || data_type AS x FROM information_schema.columns WHERE table_schema = 'county'
         UNION ALL SELECT 'policy ' || tablename || '.' || policyname FROM pg_policies WHERE schemaname = 'county'
         UNION ALL SELECT 'version ' || version || ' ' || name FROM county.schema_migrations
         UNION ALL SELECT 'ledger ' || id FROM county.ledgers) s`,
    );

  describe('init', () => {
    it('creates the schema, then a second run changes nothing and says so', () => {
      const url = cluster.database();
      const fs = cli();
      const first = fs.run(['county', 'init', '--url', url]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/County schema at version 1 .*applied: 0001_init\.sql/);
      expect(sql(url, 'SELECT version FROM county.schema_migrations')).toBe('1');
      expect(sql(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'county'")).toBe('21');
      const before = schemaState(url);
      const again = fs.run(['county', 'init', '--url', url]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/already at version 1/);
      expect(schemaState(url)).toBe(before);
    });

    it('upgrades an existing schema with only the migrations it lacks, in order', async () => {
      const url = cluster.database();
      const dir = tempDir('fs-county-mig-');
      const real = countyMigrations();
      copyFileSync(real[0]!.file, join(dir, real[0]!.name));
      await withClient(url, (c) => initCounty(c, countyMigrations(dir)));
      writeFileSync(join(dir, '0002_fake.sql'), 'CREATE TABLE county.fake_two (id int PRIMARY KEY);\n');
      writeFileSync(join(dir, '0003_fake.sql'), 'INSERT INTO county.fake_two VALUES (3);\n');
      writeFileSync(join(dir, 'notes.txt'), 'not a migration');
      const r = await withClient(url, (c) => initCounty(c, countyMigrations(dir)));
      expect(r).toEqual({ from: 1, to: 3, applied: ['0002_fake.sql', '0003_fake.sql'] });
      expect(sql(url, 'SELECT string_agg(version::text, \',\' ORDER BY version) FROM county.schema_migrations')).toBe('1,2,3');
      expect(sql(url, 'SELECT id FROM county.fake_two')).toBe('3');
      // Re-run: nothing applied twice (0003 would insert a duplicate key and fail).
      expect(await withClient(url, (c) => initCounty(c, countyMigrations(dir)))).toEqual({ from: 3, to: 3, applied: [] });
    });

    it('a failing migration leaves the schema as it was (one transaction)', async () => {
      const url = cluster.database();
      const dir = tempDir('fs-county-mig-');
      const real = countyMigrations();
      copyFileSync(real[0]!.file, join(dir, real[0]!.name));
      await withClient(url, (c) => initCounty(c, countyMigrations(dir)));
      writeFileSync(join(dir, '0002_fake.sql'), 'CREATE TABLE county.fake_two (id int);\n');
      writeFileSync(join(dir, '0003_bad.sql'), 'SELECT no_such_function();\n');
      const before = schemaState(url);
      await expect(withClient(url, (c) => initCounty(c, countyMigrations(dir)))).rejects.toThrow(/no_such_function/);
      expect(schemaState(url)).toBe(before);
    });

    it('refuses a schema newer than this fs: one line, exit 1, nothing changed', () => {
      const url = cluster.database();
      const fs = cli();
      fs.ok(['county', 'init', '--url', url]);
      sql(url, "INSERT INTO county.schema_migrations (version, name) VALUES (99, '0099_future.sql')");
      const before = schemaState(url);
      for (const args of [
        ['county', 'init', '--url', url],
        ['county', 'add-ledger', '--village', '柳树村', '--secretary', '李明', '--url', url],
        ['county', 'villages', '--url', url],
      ]) {
        const r = fs.run(args);
        expect(r.code, args[1]).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/version 99, newer than this fs knows \(1\)/);
      }
      expect(schemaState(url)).toBe(before);
      expect(sql(url, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'fs\\_ledger\\_%'")).toBe('0');
    });

    it('commands other than init refuse a database without the schema', () => {
      const url = cluster.database();
      const r = cli().run(['county', 'villages', '--url', url]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe('error: The county database has no fs schema yet: run fs county init --url ... first.');
    });

    it('says it in Chinese', () => {
      const url = cluster.database();
      const r = cli({ lang: 'zh' }).run(['county', 'init', '--url', url]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/县级数据表已为第 1 版/);
    });
  });

  describe('add-ledger', () => {
    it('registers the ledger, prints its connection string once, and the string logs in', async () => {
      const url = `${cluster.database()}?sslmode=disable&application_name=office`;
      const fs = cli();
      fs.ok(['county', 'init', '--url', url]);
      const r = fs.run(['county', 'add-ledger', '--village', '柳树村', '--secretary', '李明', '--township', '青山镇', '--url', url]);
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const ledgerConn = new URL(lines[0]!);
      expect(ledgerConn.username).toMatch(/^fs_ledger_[0-9a-f]{16}$/);
      expect(ledgerConn.password.length).toBeGreaterThanOrEqual(32);
      // The URL's own options travel with it: host, port, database, sslmode.
      expect(ledgerConn.host).toBe(`${cluster.host}:${cluster.port}`);
      expect(ledgerConn.pathname).toBe(new URL(url).pathname);
      expect(ledgerConn.searchParams.get('sslmode')).toBe('disable');
      expect(r.stderr).toMatch(/Registered 柳树村 \(李明\) as ledger [0-9a-f-]{36}/);
      expect(r.stderr).not.toContain(ledgerConn.password);
      expect(r.stderr).not.toContain(cluster.password);
      expect(r.stdout).not.toContain(cluster.password);
      const row = sql(url, 'SELECT village, township, secretary, role_name FROM county.ledgers');
      expect(row).toBe(`柳树村|青山镇|李明|${ledgerConn.username}`);
      // The role logs in with the printed password and is the ledger's own.
      const mine = await withClient(lines[0]!, async (c) => (await c.query('SELECT county.my_ledger()::text AS id, current_user AS who')).rows[0]);
      expect(mine.who).toBe(ledgerConn.username);
      expect(mine.id).toBe(sql(url, 'SELECT id FROM county.ledgers'));
    });

    it('the server holds a SCRAM verifier of the printed password (security.test.ts proves it is made here: the server log)', () => {
      const url = cluster.database();
      const fs = cli();
      fs.ok(['county', 'init', '--url', url]);
      const conn = new URL(fs.ok(['county', 'add-ledger', '--village', '柳树村', '--secretary', '李明', '--url', url]).trim());
      const stored = sql(url, `SELECT rolpassword FROM pg_authid WHERE rolname = '${conn.username}'`);
      const m = /^SCRAM-SHA-256\$4096:([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/.exec(stored);
      expect(m, stored).not.toBeNull();
      expect(stored).toBe(scramVerifier(conn.password, Buffer.from(m![1]!, 'base64')));
      expect(stored).not.toContain(conn.password);
    });

    it('computes the same verifier as PostgreSQL for the same salt', () => {
      const url = cluster.database();
      // A throwaway role with a password hashed by the server itself (password_encryption = scram-sha-256).
      sql(url, "SET password_encryption = 'scram-sha-256'; CREATE ROLE verifier_check PASSWORD 'correct-Horse_battery-9'");
      const stored = sql(url, "SELECT rolpassword FROM pg_authid WHERE rolname = 'verifier_check'");
      sql(url, 'DROP ROLE verifier_check');
      const salt = Buffer.from(/^SCRAM-SHA-256\$4096:([^$]+)\$/.exec(stored)![1]!, 'base64');
      expect(scramVerifier('correct-Horse_battery-9', salt)).toBe(stored);
      expect(scramVerifier('correct-Horse_battery-8', salt)).not.toBe(stored);
    });

    it('--format json gives the whole registration; ndjson one line', () => {
      const url = cluster.database();
      const fs = cli();
      fs.ok(['county', 'init', '--url', url]);
      const j = JSON.parse(fs.ok(['county', 'add-ledger', '--village', '柳树村', '--secretary', '李明', '--url', url, '--format', 'json']));
      expect(Object.keys(j)).toEqual(['ledger', 'village', 'township', 'secretary', 'role', 'url']);
      expect(j).toMatchObject({ village: '柳树村', township: null, secretary: '李明' });
      expect(j.ledger).toBe(sql(url, "SELECT id FROM county.ledgers WHERE village = '柳树村'"));
      expect(new URL(j.url).username).toBe(j.role);
      const nd = fs.ok(['county', 'add-ledger', '--village', '桃园村', '--secretary', '王芳', '--township', '青山镇', '--url', url, '--format', 'ndjson']);
      expect(nd.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(nd)).toMatchObject({ village: '桃园村', township: '青山镇' });
      const bad = fs.run(['county', 'add-ledger', '--village', '杏花村', '--secretary', '赵六', '--url', url, '--format', 'csv']);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(sql(url, 'SELECT count(*) FROM county.ledgers')).toBe('2');
    });

    it('refuses a village already registered in the same township: one line, nothing created', () => {
      const url = cluster.database();
      const fs = cli();
      fs.ok(['county', 'init', '--url', url]);
      fs.ok(['county', 'add-ledger', '--village', '柳树村', '--secretary', '李明', '--township', '青山镇', '--url', url]);
      fs.ok(['county', 'add-ledger', '--village', '柳树村', '--secretary', '李明', '--url', url]);
      const roles = () => sql(url, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'fs\\_ledger\\_%'");
      const rolesBefore = roles();
      const ledgersBefore = sql(url, 'SELECT string_agg(id::text, \',\' ORDER BY id) FROM county.ledgers');
      for (const [township, pattern] of [
        ['青山镇', /^error: 柳树村 in 青山镇 is registered already \(ledger [0-9a-f-]{36}\): one ledger per village\.$/],
        [undefined, /^error: 柳树村 \(no township\) is registered already/],
      ] as const) {
        const r = fs.run(['county', 'add-ledger', '--village', ' 柳树村 ', '--secretary', '张三', ...(township ? ['--township', township] : []), '--url', url]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim()).toMatch(pattern);
      }
      // The same name in another township is another village.
      fs.ok(['county', 'add-ledger', '--village', '柳树村', '--secretary', '张三', '--township', '白水镇', '--url', url]);
      expect(Number(roles())).toBe(Number(rolesBefore) + 1);
      expect(sql(url, 'SELECT count(*) FROM county.ledgers')).toBe(String(ledgersBefore.split(',').length + 1));
    });

    it('two add-ledgers of one village at once register it once', async () => {
      const url = cluster.database();
      cli().ok(['county', 'init', '--url', url]);
      // Four connections racing statement by statement: without the lock each would find no duplicate.
      const clients = await Promise.all(Array.from({ length: 4 }, () => connectCounty(url)));
      try {
        const results = await Promise.allSettled(clients.map((c) => addLedger(c, { village: '柳树村', secretary: '李明' })));
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
        for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/registered already/);
      } finally {
        await Promise.all(clients.map((c) => c.end()));
      }
      expect(sql(url, 'SELECT count(*) FROM county.ledgers')).toBe('1');
      expect(sql(url, "SELECT count(*) FROM pg_roles WHERE rolname IN (SELECT role_name FROM county.ledgers)")).toBe('1');
    });

    it('refuses empty names and a missing URL with one line (exit 2), before connecting', () => {
      const fs = cli();
      for (const [args, msg] of [
        [['--secretary', '李明', '--url', cluster.url], /--village may not be empty/],
        [['--village', '柳树村', '--secretary', ' ', '--url', cluster.url], /--secretary may not be empty/],
        [['--village', '柳树村', '--secretary', '李明'], /No county database/],
      ] as const) {
        const r = fs.run(['county', 'add-ledger', ...args]);
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(msg);
      }
    });
  });

  describe('villages', () => {
    /** Three ledgers: one pushed 10 days ago (twice), one pushed 40 days ago, one never. */
    function seeded() {
      const url = cluster.database();
      const fs = cli({ today: '2026-11-27' });
      fs.ok(['county', 'init', '--url', url]);
      const add = (village: string, secretary: string, township: string) =>
        JSON.parse(fs.ok(['county', 'add-ledger', '--village', village, '--secretary', secretary, '--township', township, '--url', url, '--format', 'json'])).ledger as string;
      const willow = add('柳树村', '李明', '青山镇');
      const peach = add('桃园村', '王芳', '白水镇');
      const apricot = add('杏花村', '赵六', '青山镇');
      sql(
        url,
        `INSERT INTO county.pushes (ledger, pushed_at, watermark, records, fs_version) VALUES
           ('${willow}', '2026-11-10 09:00+00', '2026-11-10 08:59+00', 1200, '0.1.0'),
           ('${willow}', '2026-11-17 10:30+00', '2026-11-17 10:29+00', 35, '0.1.0'),
           ('${peach}', '2026-10-18 16:05+00', '2026-10-18 16:00+00', 800, '0.1.0')`,
      );
      return { url, fs, willow, peach, apricot };
    }

    it('lists each ledger with its last push and staleness, never-pushed and stalest first (json)', () => {
      const { url, fs, willow, peach, apricot } = seeded();
      const rows = fs.json(['county', 'villages', '--url', url]);
      expect(rows.map((r: { village: string }) => r.village)).toEqual(['杏花村', '桃园村', '柳树村']);
      expect(rows[0]).toMatchObject({ ledger: apricot, township: '青山镇', secretary: '赵六', last_push: null, last_push_records: null, pushes: 0, stale_days: null });
      expect(rows[1]).toMatchObject({ ledger: peach, last_push: '2026-10-18T16:05:00.000Z', last_push_records: 800, pushes: 1, stale_days: 40 });
      expect(rows[2]).toMatchObject({ ledger: willow, last_push: '2026-11-17T10:30:00.000Z', last_push_records: 35, pushes: 2, stale_days: 10 });
      expect(Object.keys(rows[0])).toEqual(['ledger', 'village', 'township', 'secretary', 'registered_at', 'last_push', 'last_push_records', 'pushes', 'stale_days']);
    });

    it('table, tsv, csv, md and ndjson carry the same rows; -o writes a file', () => {
      const { url, fs } = seeded();
      const table = fs.ok(['county', 'villages', '--url', url, '--format', 'table']);
      expect(table).toMatch(/杏花村.*青山镇.*赵六.*never.*never/);
      expect(table).toMatch(/柳树村.*青山镇.*李明.*2026-11-17 10:30.*35.*10/);
      const tsv = fs.ok(['county', 'villages', '--url', url]).trim().split('\n');
      expect(tsv[0]).toBe('village\ttownship\tsecretary\tledger\tlast_push\tlast_push_records\tstale_days');
      expect(tsv).toHaveLength(4);
      expect(tsv[3]).toMatch(/^柳树村\t青山镇\t李明\t[0-9a-f-]{36}\t2026-11-17T10:30:00.000Z\t35\t10$/);
      expect(fs.ok(['county', 'villages', '--url', url, '--format', 'csv']).split(/\r?\n/)[1]).toMatch(/^杏花村,青山镇,赵六,[0-9a-f-]{36},,,$/);
      expect(fs.ok(['county', 'villages', '--url', url, '--format', 'md'])).toMatch(/\| 桃园村 \| 白水镇 \| 王芳 \|/);
      expect(fs.ok(['county', 'villages', '--url', url, '--format', 'ndjson']).trim().split('\n')).toHaveLength(3);
      const out = join(tempDir(), 'villages.csv');
      const r = fs.run(['county', 'villages', '--url', url, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8').split(/\r?\n/)[0]).toBe('village,township,secretary,ledger,last_push,last_push_records,stale_days');
    });

    it('in Chinese, and with nothing registered', () => {
      const { url } = seeded();
      const zh = cli({ lang: 'zh' }).ok(['county', 'villages', '--url', url, '--format', 'table']);
      expect(zh).toMatch(/村.*乡镇.*第一书记/);
      expect(zh).toMatch(/杏花村.*从未推送/);
      const empty = cluster.database();
      cli().ok(['county', 'init', '--url', empty]);
      expect(cli().ok(['county', 'villages', '--url', empty, '--format', 'table'])).toMatch(/No ledgers registered yet/);
      expect(cli().json(['county', 'villages', '--url', empty])).toEqual([]);
    });

    it('a bad --format is refused before the server is asked (exit 2)', () => {
      const r = cli().run(['county', 'villages', '--url', 'postgresql://nobody:pw@127.0.0.1:1/none', '--format', 'xml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/xml/);
      expect(r.stderr).not.toMatch(/reach/);
    });

    it("a ledger's own role sees only its own village", () => {
      const { url, fs } = seeded();
      const conn = fs.ok(['county', 'add-ledger', '--village', '梨花村', '--secretary', '孙七', '--township', '白水镇', '--url', url]).trim();
      const rows = fs.json(['county', 'villages', '--url', conn]);
      expect(rows.map((r: { village: string }) => r.village)).toEqual(['梨花村']);
    });
  });

  describe('county.url in the ledger', () => {
    it('is kept apart from settings, shown masked, never exported or in history; empty clears it', () => {
      const url = cluster.database();
      const fs = cli();
      fs.ok(['county', 'init', '--url', url]);
      const conn = fs.ok(['county', 'add-ledger', '--village', '柳树村', '--secretary', '李明', '--url', `${url}?sslmode=disable`]).trim();
      const password = new URL(conn).password;
      fs.ok(['config', 'set', 'village', '柳树村']);
      const set = fs.run(['config', 'set', 'county.url', conn]);
      expect(set.code, set.stderr).toBe(0);
      const masked = conn.replace(password, '***');
      expect(set.stderr.trim()).toBe(`county.url = ${masked}`);
      expect(fs.ok(['config', 'get', 'county.url']).trim()).toBe(masked);
      const list = fs.json(['config', 'list']);
      expect(list.find((r: { key: string }) => r.key === 'county.url')).toMatchObject({ value: masked, default: '' });
      for (const format of ['table', 'tsv', 'csv', 'md', 'json']) expect(fs.ok(['config', 'list', '--format', format])).toContain(masked);
      // Where it lives: ledger_secret, not settings; nothing in the change log.
      const snap = snapshot(fs.db);
      expect(snap).toMatch(/^ledger_secret:.*county\.url/m);
      expect(snap.split('\n').filter((l) => l.includes(password)).map((l) => l.split(':')[0])).toEqual(['ledger_secret']);
      for (const args of [['export'], ['history'], ['history', '--format', 'json'], ['config', 'list', '--format', 'json']]) {
        const r = fs.run(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stdout + r.stderr, args.join(' ')).not.toContain(password);
      }
      const exported = join(tempDir(), 'out.json');
      fs.ok(['export', '-o', exported]);
      expect(readFileSync(exported, 'utf8')).not.toContain(password);
      expect(readFileSync(exported, 'utf8')).not.toContain('county.url');
      // Cleared with an empty value.
      const cleared = fs.run(['config', 'set', 'county.url', '']);
      expect(cleared.code).toBe(0);
      expect(cleared.stderr).toMatch(/county\.url cleared/);
      expect(fs.ok(['config', 'get', 'county.url'])).toBe('\n');
      expect(snapshot(fs.db)).not.toContain(password);
    });

    it('refuses what is not a postgresql:// URL with one line (exit 2) that does not echo the password', () => {
      const fs = cli();
      fs.ok(['config', 'set', 'county.url', 'postgresql://a:keepme-pw@h/db']);
      const before = snapshot(fs.db);
      for (const value of ['mysql://u:s3cret-pw@h/db', 's3cret-pw', 'postgresql://u:s3cret-pw@[::1/db', 'http://u:s3cret-pw@h']) {
        const r = fs.run(['config', 'set', 'county.url', value]);
        expect(r.code, value).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n'), value).toHaveLength(1);
        expect(r.stderr).toMatch(/Not a PostgreSQL connection string/);
        expect(r.stderr, value).not.toContain('s3cret-pw');
      }
      expect(snapshot(fs.db)).toBe(before);
      const zh = cli({ lang: 'zh', db: fs.db }).run(['config', 'set', 'county.url', 'mysql://u:s3cret-pw@h/db']);
      expect(zh.stderr).toMatch(/不是 PostgreSQL 连接串/);
    });

    it('an import never brings a county.url into settings', () => {
      const fs = cli();
      fs.ok(['config', 'set', 'village', '柳树村']);
      const file = join(tempDir(), 'x.json');
      fs.ok(['export', '-o', file]);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const village = lines.find((l) => l.includes('"key":"village"'));
      expect(village, 'the export has the village setting').toBeDefined();
      lines.push(village!.replace('"key":"village"', '"key":"county.url"').replace('"value":"柳树村"', '"value":"postgresql://u:smuggled-pw@h/db"'));
      expect(lines.at(-1)).toContain('smuggled-pw');
      writeFileSync(file, `${lines.join('\n')}\n`);
      const other = cli();
      const r = other.run(['import', file]);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).not.toContain('smuggled-pw');
      expect(snapshot(other.db)).not.toContain('smuggled-pw');
    });
  });
});

