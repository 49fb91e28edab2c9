// The county office's pure pieces: the ledger's connection string, sslmode and timeout handling,
// staleness and the order of fs county villages.
import { describe, expect, it } from 'vitest';
import { ledgerUrl, scramVerifier } from '../../src/db/county/admin.js';
import { connectTimeoutMillis, maskUrl, withLibpqSslmode } from '../../src/db/county/connect.js';
import { staleDays, villageStandings, type CountyLedger } from '../../src/domain/county-villages.js';

describe('ledgerUrl', () => {
  it.each([
    ['postgresql://office:op@db.example.cn:5433/county?sslmode=verify-full&sslrootcert=/etc/ca.pem', 'postgresql://fs_ledger_ab:pw@db.example.cn:5433/county?sslmode=verify-full&sslrootcert=/etc/ca.pem'],
    // The office's own identity and client certificate stay with the office.
    ['postgresql://db/county?user=office&password=op&sslcert=/o.crt&sslkey=/o.key&sslpassword=k&sslmode=require', 'postgresql://fs_ledger_ab:pw@db/county?sslmode=require'],
    ['postgres://office@db/county', 'postgres://fs_ledger_ab:pw@db/county'],
    // A socket URL has no user part: user and password go into the query.
    ['postgresql:///county?host=/run/postgresql', 'postgresql:///county?host=%2Frun%2Fpostgresql&user=fs_ledger_ab&password=pw'],
  ])('%s', (office, expected) => {
    expect(ledgerUrl(office, 'fs_ledger_ab', 'pw')).toBe(expected);
  });

  it('the socket form keeps its meaning for pg and is masked like any other', () => {
    const url = ledgerUrl('postgresql:///county?host=/run/postgresql', 'fs_ledger_ab', 'secret-pw');
    expect(new URL(url).searchParams.get('host')).toBe('/run/postgresql');
    expect(maskUrl(url)).not.toContain('secret-pw');
  });
});

describe('withLibpqSslmode', () => {
  it.each([
    ['postgresql://u:p@h/db', 'postgresql://u:p@h/db'],
    ['postgresql://u:p@h/db?sslmode=require', 'postgresql://u:p@h/db?sslmode=require&uselibpqcompat=true'],
    ['postgresql://u:p@h/db?sslmode=verify-full&uselibpqcompat=false', 'postgresql://u:p@h/db?sslmode=verify-full&uselibpqcompat=false'],
  ])('%s', (url, expected) => expect(withLibpqSslmode(url)).toBe(expected));
});

describe('connectTimeoutMillis', () => {
  it.each([
    ['postgresql://h/db', 30_000],
    ['postgresql://h/db?connect_timeout=10', 10_000],
    ['postgresql://h/db?connect_timeout=1', 2_000],
    ['postgresql://h/db?connect_timeout=0', 0],
    ['postgresql://h/db?connect_timeout=abc', 30_000],
  ])('%s → %i', (url, ms) => expect(connectTimeoutMillis(url)).toBe(ms));
});

describe('scramVerifier', () => {
  it('has PostgreSQL’s format and depends on password and salt', () => {
    const salt = Buffer.alloc(16, 7);
    const v = scramVerifier('abc-DEF_123', salt);
    expect(v).toMatch(/^SCRAM-SHA-256\$4096:BwcHBwcHBwcHBwcHBwcHBw==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/);
    expect(scramVerifier('abc-DEF_123', salt)).toBe(v);
    expect(scramVerifier('abc-DEF_124', salt)).not.toBe(v);
    expect(scramVerifier('abc-DEF_123')).not.toBe(v);
  });

  it('refuses what SASLprep would change', () => {
    expect(() => scramVerifier('密码')).toThrow();
    expect(() => scramVerifier('a b')).toThrow();
  });
});

describe('fs county villages order and staleness', () => {
  const ledger = (village: string, township: string | null, last: string | null): CountyLedger => ({
    ledger: `id-${village}`,
    village,
    township,
    secretary: 's',
    registered_at: '2026-01-01T00:00:00.000Z',
    last_push_at: last,
    last_push_records: last ? 1 : null,
    pushes: last ? 1 : 0,
  });

  it.each([
    [null, null],
    ['2026-11-27T03:00:00.000Z', 0],
    ['2026-11-26T23:59:00.000Z', 1],
    ['2026-10-28T12:00:00.000Z', 30],
    // A push "after" a pinned today is today's.
    ['2026-12-05T00:00:00.000Z', 0],
  ])('last push %s → %s days', (last, days) => expect(staleDays(last, '2026-11-27')).toBe(days));

  it('never pushed first, then the stalest, then township and village in pinyin order', () => {
    const rows = villageStandings(
      [
        ledger('柳树村', '青山镇', '2026-11-20T00:00:00.000Z'),
        ledger('桃园村', '白水镇', '2026-11-20T00:00:00.000Z'),
        ledger('杏花村', '青山镇', null),
        ledger('安乐村', '青山镇', '2026-11-20T00:00:00.000Z'),
        ledger('梨花村', null, '2026-09-01T00:00:00.000Z'),
      ],
      '2026-11-27',
    );
    expect(rows.map((r) => [r.village, r.stale_days])).toEqual([
      ['杏花村', null],
      ['梨花村', 87],
      ['桃园村', 7],
      ['安乐村', 7],
      ['柳树村', 7],
    ]);
  });
});
