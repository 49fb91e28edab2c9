// Records you can trust (issue 11, items 2 and 3): an import refuses any value the CLI would refuse,
// and reports read local dates, never a day cut from a UTC timestamp.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** An export of a small ledger, as lines of JSON. */
function exportLines(): string[] {
  const fs = cli();
  fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--tag', 'poor']);
  fs.ok(['visit', 'add', '--person', '1', '--date', '2026-11-20', '--topic', 'hardship', '--concern', '修屋顶']);
  fs.ok(['config', 'set', 'concern.due_days', '20']);
  return fs.ok(['export']).trim().split('\n');
}

/** The lines with one record's field replaced. */
function withValue(lines: string[], entity: string, field: string, value: unknown): { text: string; line: number } {
  const i = lines.findIndex((l) => JSON.parse(l).entity === entity);
  expect(i, `no ${entity} line`).toBeGreaterThan(0);
  const o = JSON.parse(lines[i]!);
  o.record[field] = value;
  const copy = [...lines];
  copy[i] = JSON.stringify(o);
  return { text: `${copy.join('\n')}\n`, line: i + 1 };
}

describe('fs import checks every value as the CLI would', () => {
  const lines = exportLines();
  const cases: [string, string, unknown, RegExp][] = [
    ['visits', 'date', '20-11-2026', /field "date" is "20-11-2026": not a date YYYY-MM-DD/],
    ['visits', 'date', '2026-02-30', /field "date" is "2026-02-30": not a date/],
    ['visits', 'category', 'poor', /field "category" is "poor": use one of party-cadre, /],
    ['visits', 'topics', 99, /field "topics" is "99": must be a whole number from 0 to 31/],
    ['people', 'tags', '["rich"]', /field "tags" is "\["rich"\]": must be a JSON list of party-member, /],
    ['concerns', 'status', 'done', /field "status" is "done": use one of open, referred, resolved/],
    ['concerns', 'due_on', '2026/12/01', /field "due_on" is "2026\/12\/01": not a date/],
    ['settings', 'value', 'ten', /field "value" is "ten": .*whole number/],
  ];
  for (const [entity, field, value, message] of cases) {
    it(`${entity}.${field} = ${JSON.stringify(value)} is refused with its line, field and reason; the database is byte-identical`, () => {
      const target = cli();
      target.ok(['person', 'add', '--name', '张建国']);
      const dir = tempDir();
      const file = join(dir, 'bad.ndjson');
      // Settings: pick the line of concern.due_days (the export holds one settings line per key).
      const bad = entity === 'settings' ? withValue(lines.filter((l) => JSON.parse(l).entity !== 'settings' || JSON.parse(l).record.key === 'concern.due_days'), entity, field, value) : withValue(lines, entity, field, value);
      writeFileSync(file, bad.text);
      const before = hash(target.db);
      const r = target.run(['import', file]);
      expect(r.code).toBe(1);
      // One line (after the notice of the backup taken before importing into a ledger with records).
      expect(r.stderr).toMatch(new RegExp(`^backed up [^\\n]*\\nerror: line ${bad.line}: ${message.source}[^\\n]*; nothing was imported\\n$`));
      expect(hash(target.db)).toBe(before);
    });
  }

  it('the same file with good values imports, and the zh message names the line too', () => {
    const dir = tempDir();
    const good = join(dir, 'good.ndjson');
    writeFileSync(good, `${lines.join('\n')}\n`);
    expect(cli().run(['import', good]).code).toBe(0);
    const bad = withValue(lines, 'visits', 'date', '20-11-2026');
    writeFileSync(join(dir, 'bad.ndjson'), bad.text);
    const r = cli({ lang: 'zh' }).run(['import', join(dir, 'bad.ndjson')]);
    expect(r).toMatchObject({ code: 1, stderr: `错误： 第 ${bad.line} 行：字段 "date" 的值 "20-11-2026"：不是 YYYY-MM-DD 格式的日期；未导入任何内容\n` });
  });
});

describe('local dates', () => {
  const shanghai = { TZ: 'Asia/Shanghai' };

  it('a practical thing added on the morning of 2027-01-01 in Shanghai counts for 2027', () => {
    const fs = cli({ today: '2027-01-01' });
    fs.ok(['plan', 'add', '--kind', 'practical', '--title', '修路', '--area', 'public-welfare'], { env: shanghai });
    const y2027 = fs.json(['report', '2027', '--detail'], { env: shanghai });
    expect(y2027.plan.practical.map((p: { title: string }) => p.title)).toEqual(['修路']);
    expect(y2027.plan.practical_gaps).toEqual([]);
    const y2026 = fs.json(['report', '2026', '--detail'], { env: shanghai });
    expect(y2026.plan.practical).toEqual([]);
    expect(fs.json(['plan', 'show', '1'], { env: shanghai }).added_on).toBe('2027-01-01');
  });

  it('the October report does not count a household added in December as not visited', () => {
    const fs = cli({ today: '2026-12-05' });
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家']);
    const october = fs.json(['report', '2026-10']);
    expect(october.visits.households_not_visited).toBe(0);
    expect(october.zero_report).toBe(true);
    expect(fs.json(['report', '2026-12']).visits.households_not_visited).toBe(1);
  });

  it('visit.stale_days: a household last visited exactly that many days ago is fine in coverage and in the report alike', () => {
    const fs = cli({ today: '2026-11-30' });
    fs.ok(['config', 'set', 'visit.stale_days', '30']);
    fs.ok(['person', 'add', '--name', 'a', '--household', 'A'], { env: { FS_TODAY: '2026-10-01' } });
    fs.ok(['person', 'add', '--name', 'b', '--household', 'B'], { env: { FS_TODAY: '2026-10-01' } });
    fs.ok(['visit', 'add', '--person', 'a', '--date', '2026-10-31', '--topic', 'team']);
    fs.ok(['visit', 'add', '--person', 'b', '--date', '2026-10-30', '--topic', 'team']);
    const coverage = fs.json(['visit', 'coverage']);
    expect(coverage.stale_households.map((h: { household: string }) => h.household)).toEqual(['B']);
    expect(fs.json(['report', 'this-month']).visits.households_not_visited).toBe(1);
  });
});

describe('every command that records an event takes its date', () => {
  it('concern update --status resolved --feedback-on 11-16, typed on 12-01, counts as resolved in November', () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家']);
    fs.ok(['visit', 'add', '--person', '1', '--date', '2026-11-02', '--topic', 'hardship', '--concern', '修屋顶']);
    expect(fs.json(['concern', 'update', '1', '--status', 'resolved', '--feedback-on', '2026-11-16']).resolved_on).toBe('2026-11-16');
    expect(fs.json(['report', '2026-11']).concerns.resolved).toBe(1);
    expect(fs.json(['report', '2026-12']).concerns.resolved).toBe(0);
    expect(fs.json(['concern', 'update', '1', '--resolved-on', '2026-11-14']).resolved_on).toBe('2026-11-14');
    const before = fs.ok(['concern', 'list', '--format', 'json']);
    expect(fs.run(['concern', 'update', '1', '--resolved-on', '2026-10-01'])).toMatchObject({ code: 2, stderr: 'error: --resolved-on 2026-10-01 is before the concern was raised (2026-11-02)\n' });
    expect(fs.run(['concern', 'update', '1', '--resolved-on', '2026-12-02']).code).toBe(2);
    expect(fs.ok(['concern', 'list', '--format', 'json'])).toBe(before);
  });

  it('plan drop and plan milestone drop take --date', () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['plan', 'add', '--title', '修路', '--area', 'public-welfare']);
    fs.ok(['plan', 'milestone', 'add', '1', '--title', '勘测', '--due', '2026-12-20']);
    expect(fs.json(['plan', 'milestone', 'drop', '1', '--reason', '改由乡里', '--date', '2026-11-20']).dropped_on).toBe('2026-11-20');
    expect(fs.json(['plan', 'drop', '1', '--reason', '并入县道', '--date', '2026-11-21']).dropped_on).toBe('2026-11-21');
  });
});

describe('visit edit', () => {
  it('--person N takes the new person\'s category when the visit had the old one\'s default; a chosen category stays', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英', '--tag', 'poor']);
    fs.ok(['person', 'add', '--name', '张建国', '--tag', 'party-member']);
    fs.ok(['visit', 'add', '--person', '1', '--topic', 'hardship']);
    fs.ok(['visit', 'add', '--person', '1', '--topic', 'hardship', '--category', 'other']);
    expect(fs.json(['visit', 'edit', '1', '--person', '2'])).toMatchObject({ person_id: 2, category: 'party-cadre' });
    expect(fs.json(['visit', 'edit', '2', '--person', '2'])).toMatchObject({ person_id: 2, category: 'other' });
    expect(fs.json(['visit', 'edit', '1', '--person', '1', '--category', 'village-rep'])).toMatchObject({ person_id: 1, category: 'village-rep' });
  });

  it('--help does not say the date defaults to today', () => {
    const help = cli().ok(['visit', 'edit', '--help']);
    expect(help).toMatch(/--date <date>\s+the visit's new date/);
    expect(help).not.toMatch(/default today/);
  });
});
