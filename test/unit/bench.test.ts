// The benchmark's ratios are honest: no side runs with NODE_EXTRA_CA_CERTS, which slows every
// Node start alike and hides what fs costs.
import { describe, expect, it } from 'vitest';
import { benchEnv, removedVariablesNote, timeInterleaved } from '../../bench/timing.js';

describe('benchmark environment', () => {
  it('removes NODE_EXTRA_CA_CERTS and keeps the rest', () => {
    const env = benchEnv({ FS_DB: '/tmp/x.db' }, { NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', PATH: '/usr/bin' });
    expect(env).toEqual({ FS_DB: '/tmp/x.db', PATH: '/usr/bin' });
    expect(benchEnv({ NODE_EXTRA_CA_CERTS: 'x' }, {})).toEqual({});
  });

  it('says so, and whether it was set', () => {
    expect(removedVariablesNote({ NODE_EXTRA_CA_CERTS: 'x' })).toMatch(/NODE_EXTRA_CA_CERTS removed from both sides.*was set/);
    expect(removedVariablesNote({})).toMatch(/NODE_EXTRA_CA_CERTS removed from both sides.*was not set/);
  });

  it('no timed run sees it, whatever the caller passes', () => {
    const check = { label: 'check', argv: [process.execPath, '-e', 'process.exit(process.env.NODE_EXTRA_CA_CERTS === undefined && process.env.KEEP === "1" ? 0 : 3)'] };
    const medians = timeInterleaved([check, { ...check, label: 'again', env: { NODE_EXTRA_CA_CERTS: '/nowhere' } }], 1, { ...process.env, KEEP: '1', NODE_EXTRA_CA_CERTS: '/nowhere' });
    expect([...medians.keys()]).toEqual(['check', 'again']);
  });
});
