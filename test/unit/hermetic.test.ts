// The suite passes whatever the user has exported: the helpers never hand the user's FS_*, LANG,
// LC_ALL, TZ, NO_COLOR or FORCE_COLOR to a child, the setup file scrubs them in-process, and a
// child vitest run of representative files under a hostile environment still passes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { childEnv, isHostileVar, PINNED, scrubEnv } from '../helpers/env.js';

const hostile = (db: string): Record<string, string> => ({
  FS_NO_INPUT: '1',
  FS_LANG: 'zh',
  FS_DB: db,
  FS_TODAY: '2031-02-03',
  FS_REPORT_WORKER: '0',
  FS_DEBUG: '1',
  LANG: 'zh_CN.UTF-8',
  LC_ALL: 'zh_CN.UTF-8',
  LC_MESSAGES: 'zh_CN.UTF-8',
  LANGUAGE: 'zh_CN',
  TZ: 'Asia/Shanghai',
  NO_COLOR: '',
  FORCE_COLOR: '3',
});

describe('hermetic tests', () => {
  const user = { ...hostile('/home/someone/.local/share/fs/fs.db'), PATH: '/usr/bin', HOME: '/home/someone' };

  it.each(Object.keys(hostile('x')))('a child never inherits %s from the user', (name) => {
    const env = childEnv({}, user);
    expect(env[name]).toBe(PINNED[name]);
    expect(isHostileVar(name)).toBe(true);
  });

  it('a child keeps PATH and HOME, takes overrides, and drops a variable given as undefined', () => {
    const env = childEnv({ FS_DB: '/tmp/t.db', NO_COLOR: undefined }, user);
    expect(env).toMatchObject({ PATH: '/usr/bin', HOME: '/home/someone', FS_DB: '/tmp/t.db', TZ: 'UTC', FS_LANG: 'en' });
    expect('NO_COLOR' in env).toBe(false);
  });

  it('the setup file scrubbed this worker (in-process tests) and scrubEnv removes each variable', () => {
    for (const k of Object.keys(process.env)) expect.soft(isHostileVar(k) && process.env[k] !== PINNED[k], k).toBe(false);
    const env: NodeJS.ProcessEnv = { ...user, FS_STRESS: '1' };
    scrubEnv(env);
    expect(env).toEqual({ ...PINNED, PATH: '/usr/bin', HOME: '/home/someone', FS_STRESS: '1' });
  });

  it('representative files pass in a child vitest run with the hostile environment exported', () => {
    const dir = tempDir('fs-hermetic-');
    const db = join(dir, 'users-real.db');
    const files = ['test/cli/safety-interactive.test.ts', 'test/cli/visit-interactive.test.ts', 'test/unit/time.test.ts'].filter((f) => existsSync(join(ROOT, f)));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...hostile(db) },
      timeout: 240_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(existsSync(db), 'a test wrote to the FS_DB the user exported').toBe(false);
  }, 300_000);
});
