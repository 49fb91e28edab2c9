// A throwaway PostgreSQL 15 cluster for the county tests: initdb into a temporary directory as an
// unprivileged user (the `postgres` system user when the tests run as root), listening on a Unix
// socket in that directory and on a loopback port with password authentication, stopped and
// removed at the end. When PostgreSQL cannot be had, `pgSkipReason()` says why and the tests skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** Superuser URL over TCP with a password (as a county office would have). */
  url: string;
  /** The same superuser's password, for tests that check it never shows. */
  password: string;
  host: string;
  port: number;
  /** The server's log (stderr of postgres), for tests that check a secret never reaches it. */
  logFile: string;
  /** A fresh database on this cluster, as a superuser URL. */
  database(name?: string): string;
  /** Run SQL as the superuser through psql (over the socket); returns stdout. */
  psql(sql: string, db?: string): string;
  stop(): void;
}

function binDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0]!, 'bin') : undefined;
}

/** Why the county tests cannot run here, or undefined when they can. */
export function pgSkipReason(): string | undefined {
  const bin = binDir();
  if (!bin) return 'PostgreSQL is not installed (apt-get install postgresql; .ci/run installs it)';
  if (userInfo().uid === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return 'running as root and there is no unprivileged `postgres` user to run initdb';
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

let counter = 0;

/**
 * `settings` are added to (or override) the cluster's postgresql.auto.conf, e.g. a larger
 * shared_buffers for the benchmark (bench/county.ts).
 */
export async function startCluster(settings: Record<string, string> = {}): Promise<Cluster> {
  const bin = binDir();
  if (!bin) throw new Error(pgSkipReason());
  const root = userInfo().uid === 0;
  const as = (cmd: string, args: string[]) => (root ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args });
  const dir = mkdtempSync(join(tmpdir(), 'fs-pg-'));
  chmodSync(dir, 0o700);
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const password = `pw-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, password, { mode: 0o600 });
  if (root) execFileSync('chown', ['postgres', pwfile]);
  const run = (cmd: string, args: string[], input?: string) => {
    const c = as(join(bin, cmd), args);
    const r = spawnSync(c.cmd, c.args, { encoding: 'utf8', input, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', TZ: 'UTC' } });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '-E', 'UTF8', '--locale', 'C.UTF-8', '-A', 'scram-sha-256', '--auth-local', 'trust', '--no-sync']);
  const port = await freePort();
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      "shared_buffers = '128MB'",
      'max_connections = 100',
      "log_min_messages = 'warning'",
      // Statements are not logged: a password in a CREATE ROLE must never reach a log file.
      "log_statement = 'none'",
      ...Object.entries(settings).map(([k, v]) => `${k} = '${v}'`),
      '',
    ].join('\n'),
  );
  if (root) execFileSync('chown', ['postgres', join(data, 'postgresql.auto.conf')]);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const host = '127.0.0.1';
  const base = (db: string) => `postgresql://postgres:${encodeURIComponent(password)}@${host}:${port}/${db}`;
  let stopped = false;
  const cluster: Cluster = {
    url: base('postgres'),
    password,
    host,
    port,
    logFile: join(dir, 'log'),
    database(name) {
      const db = name ?? `county_${process.pid}_${++counter}`;
      cluster.psql(`CREATE DATABASE "${db}"`);
      return base(db);
    },
    psql(sql, db = 'postgres') {
      const c = as('/usr/bin/psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', db, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
      const r = spawnSync(c.cmd, c.args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
      return r.stdout;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return cluster;
}
