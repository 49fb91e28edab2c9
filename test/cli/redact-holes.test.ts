// The holes an adversarial run found in --redact, each seeded into one ledger and searched for in
// every report format, in both languages: a renamed person's old name, a one-character name, a
// mediation participant, a Latin name typed in another case, the secretary (also a helper), and
// phone numbers written with dots, brackets or full-width digits.
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const fs = cli({ today: '2026-11-27' });

const NAMES = ['赵六', '赵老六', '芳', '周调解', 'Anna Berg', '李明'];
const PHONES = ['13812345678', '07318888999', '13987654321'];

beforeAll(() => {
  const ok = (...a: string[]) => fs.ok(a);
  ok('config', 'set', 'village', '青山村');
  ok('config', 'set', 'secretary', '李明');
  ok('person', 'add', '--name', '赵六', '--household', '赵家大院'); // 1, renamed below
  ok('person', 'add', '--name', '芳'); // 2: a one-character name
  ok('person', 'add', '--name', 'Anna Berg'); // 3
  ok('visit', 'add', '--date', '2026-11-16', '--person', '1', '--notes', '赵六 asked about the road; call 138.1234.5678');
  ok('person', 'edit', '1', '--name', '赵老六');
  ok('visit', 'add', '--date', '2026-11-17', '--person', '2', '--notes', '芳说 office (0731) 8888 9999, met ANNA BERG and 周调解',
    '--concern', '芳 wants 李明 to call １３９８７６５４３２１');
  ok('visit', 'add', '--date', '2026-11-18', '--person', '3', '--notes', 'anna berg came with 赵老六');
  ok('dispute', 'add', '--title', 'fence of 赵老六', '--category', 'neighbor', '--party', '1', '--source', 'visit', '--date', '2026-11-19');
  ok('dispute', 'log', '1', '--date', '2026-11-20', '--note', '周调解 met both', '--with', '周调解');
  // The secretary as a helper (the default helper is the secretary setting).
  ok('pair', 'add', '--person', '2', '--needs', 'income', '--measures', 'co-op', '--date', '2026-09-01');
  ok('pair', 'log', '1', '--date', '2026-11-20', '--action', '李明 took 芳 to the co-op');
});

const FORMATS: string[][] = [
  ['--format', 'table', '--detail-limit', '0'],
  ['--format', 'md', '--detail-limit', '0'],
  ['--format', 'json', '--detail', '--detail-limit', '0'],
  ['--format', 'ndjson', '--detail', '--detail-limit', '0'],
  ['--format', 'csv', '--by', 'week'],
  ['--format', 'tsv', '--by', 'week'],
];

const ascii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[^0-9]/g, '');

describe('fs report --redact leaves no seeded secret in any format', () => {
  it('the secrets are in the unredacted report (else the search proves nothing)', () => {
    const plain = fs.ok(['report', '2026-11', '--format', 'json', '--detail', '--detail-limit', '0']);
    for (const s of ['赵六', '芳', '周调解', 'ANNA BERG', '李明', '138.1234.5678', '(0731) 8888 9999', '１３９８７６５４３２１']) expect(plain).toContain(s);
  });

  for (const lang of ['en', 'zh']) {
    it.each(FORMATS.map((f) => [f.join(' '), f]))(`${lang} %s`, (_n, args) => {
      const out = fs.ok(['report', '2026-11', '--redact', '--lang', lang, ...(args as string[])]);
      for (const n of NAMES) expect(out.toLowerCase(), n).not.toContain(n.toLowerCase());
      const digits = ascii(out);
      for (const p of PHONES) expect(digits, p).not.toContain(p);
    });
  }

  it('each ledger has its own salt, and no output shows it', () => {
    const other = cli({ today: '2026-11-27' });
    other.ok(['person', 'add', '--name', '赵六']);
    const salt = (db: string) => {
      const d = new Database(db, { readonly: true });
      try {
        return (d.prepare("SELECT value FROM ledger_secret WHERE name = 'redact_salt'").get() as { value: string }).value;
      } finally {
        d.close();
      }
    };
    expect(salt(fs.db)).toMatch(/^[0-9a-f]{64}$/);
    expect(salt(other.db)).not.toBe(salt(fs.db));
    const everything = [fs.ok(['report', '2026-11', '--redact', '--format', 'json', '--detail']), fs.ok(['export']), fs.ok(['config', 'list', '--format', 'json'])].join('\n');
    expect(everything).not.toContain(salt(fs.db));
  });

  it('zh pseudonyms follow the convention: surname + 某, 某 alone for a one-character name', () => {
    const r = fs.json(['report', '2026-11', '--redact', '--lang', 'zh', '--detail', '--detail-limit', '0']);
    const who = r.visits.details.map((d: { who: string }) => d.who);
    expect(who).toEqual(['赵某', '某', 'A.B.']);
    expect(r.visits.details[0].what).toBe('赵某 asked about the road; call ***********');
    expect(r.secretary).toBe('李某');
    expect(r.pairs.details?.[0]?.helper).toBe('李某');
  });
});
