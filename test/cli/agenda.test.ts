// fs agenda end to end: one ledger with something due of every kind, today pinned; the JSON
// contract, the terminal table in en and zh, the empty agenda, bad input, and the iCalendar file
// read back by an independent parser (ical.js).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, snapshot, tempDir } from '../helpers/cli.js';

const TODAY = '2026-12-01';

function seeded() {
  const fs = cli({ today: TODAY });
  fs.ok(['config', 'set', 'village', '柳树村']);
  fs.ok(['config', 'set', 'ledger.start', '2026-11-01']);
  fs.ok(['person', 'add', '--name', '王秀英', '--tag', 'poor', '--household', '王家']);
  fs.ok(['person', 'add', '--name', '张三', '--household', '张家']);
  // Visit 10-31 + concern (due 30 days later: 11-30, overdue 1 day on 12-01).
  fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-10-31', '--topic', 'hardship', '--concern', '修屋顶, 漏雨; 急\\需']);
  fs.ok(['visit', 'add', '--person', '张三', '--date', '2026-12-01', '--topic', 'team']);
  // A dispute registered 11-05: mediation deadline 12-05 (in 4 days).
  fs.ok(['dispute', 'add', '--title', '宅基地边界', '--category', 'homestead', '--party', '张三', '--party', '李四', '--source', 'visit', '--date', '2026-11-05']);
  // A pairing started 11-01, cadence 30: next contact due 12-01 (today).
  fs.ok(['pair', 'add', '--person', '王秀英', '--needs', '无收入', '--helper', '李明', '--date', '2026-11-01']);
  // A decision proposed 10-20 and waiting since: stalled (due 11-19).
  fs.ok(['decision', 'add', '--matter', '集体林地流转', '--kind', 'land-forest-transfer', '--date', '2026-10-20']);
  // A practical thing due 12-06.
  fs.ok(['plan', 'add', '--kind', 'practical', '--title', '主干道路灯', '--area', 'public-welfare', '--due', '2026-12-06']);
  // Every monthly meeting of November held but the theme day.
  for (const type of ['branch-committee', 'party-group', 'finance-disclosure']) fs.ok(['meeting', 'add', '--type', type, '--date', '2026-11-10']);
  return fs;
}

describe('fs agenda', () => {
  let fs: ReturnType<typeof cli>;
  beforeAll(() => {
    fs = seeded();
  });

  it('JSON: every kind due or overdue by the horizon, sorted by due date, with the contract keys', () => {
    const items = fs.json(['agenda']);
    expect(items.map((i: { reason: string; due: string; days: number }) => `${i.reason} ${i.due} ${i.days}`)).toEqual([
      'decision-stalled 2026-11-19 -12',
      'concern-due 2026-11-30 -1',
      'meeting-missing 2026-11-30 -1',
      'pair-contact 2026-12-01 0',
      'dispute-mediation 2026-12-05 4',
      'plan-practical 2026-12-06 5',
    ]);
    for (const i of items) expect(Object.keys(i)).toEqual(['kind', 'reason', 'ref', 'title', 'person', 'due', 'days', 'action', 'key']);
    const concern = items.find((i: { kind: string }) => i.kind === 'concern');
    expect(concern).toMatchObject({ ref: { entity: 'concern', id: 1 }, title: '修屋顶, 漏雨; 急\\需', person: '王秀英', action: 'fs concern update 1 --status resolved' });
    expect(concern.ref.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(items.find((i: { kind: string }) => i.kind === 'meeting')).toMatchObject({ title: 'theme party day, 2026-11: missing', ref: { entity: 'meeting', id: null, uid: null } });
    // Nothing before ledger.start (2026-11-01): October's meetings are not owed.
    expect(items.some((i: { title: string }) => i.title.includes('2026-10'))).toBe(false);
  });

  it('boundary days: the concern due on day 30 is overdue on day 31; a pending meeting is due on its interval\'s last day, missing the day after', () => {
    const on = (today: string, args: string[]) =>
      cli({ today, db: fs.db })
        .json(['agenda', '--days', '0', ...args])
        .map((i: { reason: string; title: string; days: number }) => `${i.reason} ${i.days} ${i.title}`);
    expect(on('2026-11-30', ['--kind', 'concern'])).toEqual(['concern-due 0 修屋顶, 漏雨; 急\\需']);
    expect(on('2026-12-01', ['--kind', 'concern'])).toEqual(['concern-due -1 修屋顶, 漏雨; 急\\需']);
    const lastDay = on('2026-12-31', ['--kind', 'meeting']);
    expect(lastDay).toContain('meeting-pending 0 branch committee meeting, 2026-12: not yet held');
    expect(lastDay).toContain('meeting-pending 0 village affairs disclosure, 2026-Q4: not yet held');
    expect(lastDay).toContain('meeting-pending 0 party lesson, 2026: not yet held');
    const next = on('2027-01-01', ['--kind', 'meeting']);
    expect(next).toContain('meeting-missing -1 branch committee meeting, 2026-12: missing');
    expect(next).toContain('meeting-missing -1 party lesson, 2026: missing');
    expect(next.some((x: string) => x.startsWith('meeting-pending'))).toBe(false);
  });

  it('--days widens the horizon, --kind narrows (repeatable and comma lists), ndjson one item a line', () => {
    const month = fs.json(['agenda', '--days', '31']);
    const reasons = month.map((i: { reason: string }) => i.reason);
    expect(reasons).toContain('meeting-pending');
    expect(reasons).toContain('visit-category');
    expect(reasons).toContain('visit-topic');
    expect(month.find((i: { reason: string; title: string }) => i.reason === 'meeting-pending' && i.title.startsWith('branch committee'))).toMatchObject({ due: '2026-12-31', days: 30 });
    const kinds = fs.json(['agenda', '--kind', 'concern,pair', '--kind', 'decision']).map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(['decision', 'concern', 'pair']);
    // Labels in either language, and Chinese commas.
    expect(fs.json(['agenda', '--kind', '诉求，结对', '--kind', 'decision']).map((i: { kind: string }) => i.kind)).toEqual(['decision', 'concern', 'pair']);
    expect(fs.ok(['--lang', 'zh', 'agenda', '--help']).replace(/\s+/g, ' ')).toContain('concern（诉求）, dispute（纠纷）');
    const nd = fs.ok(['agenda', '--format', 'ndjson']).trim().split('\n');
    expect(nd).toHaveLength(6);
    expect(JSON.parse(nd[0]!)).toMatchObject({ kind: 'decision' });
    expect(fs.ok(['agenda', '--days', '0', '--format', 'json'])).not.toContain('dispute-mediation');
  });

  it('--kind reads only those kinds and lists exactly what the whole agenda lists of them', () => {
    for (const days of ['0', '31']) {
      const all = fs.json(['agenda', '--days', days]) as { kind: string }[];
      for (const kinds of [['concern'], ['dispute'], ['pair'], ['meeting'], ['plan'], ['decision'], ['visit'], ['presence'], ['visit', 'meeting'], ['concern', 'dispute', 'pair', 'plan', 'decision', 'presence']]) {
        expect(fs.json(['agenda', '--days', days, '--kind', kinds.join(',')])).toEqual(all.filter((i) => kinds.includes(i.kind)));
      }
    }
  });

  it('a household not visited for visit.stale_days is due a visit, its ref the household\'s uid', () => {
    // 王家 was last visited 10-31: stale (90 days) from 2027-01-29, within 60 days of 12-01.
    const stale = fs.json(['agenda', '--days', '60', '--kind', 'visit']).filter((i: { reason: string }) => i.reason === 'visit-stale');
    expect(stale.map((i: { due: string; title: string }) => `${i.due} ${i.title}`)).toEqual(['2027-01-29 Visit household 王家']);
    const db = new Database(fs.db, { readonly: true });
    const household = db.prepare("SELECT id, uid FROM households WHERE label = '王家'").get() as { id: number; uid: string };
    db.close();
    expect(stale[0].ref).toEqual({ entity: 'household', id: household.id, uid: household.uid });
  });

  it('table in English and Chinese: overdue first, the days in words, no colour with NO_COLOR', () => {
    const en = fs.ok(['agenda', '--format', 'table']);
    expect(en).toContain('Agenda for 2026-12-01: overdue and due by 2026-12-08');
    expect(en).toMatch(/2026-11-19 │ 12 d overdue │ decision │ 集体林地流转: next step branch proposal/);
    expect(en).toMatch(/2026-12-01 │ today/);
    expect(en).toMatch(/2026-12-05 │ in 4 d/);
    expect(en).not.toMatch(/\u001b\[/);
    expect(en.indexOf('12 d overdue')).toBeLessThan(en.indexOf('in 4 d'));
    const zh = fs.ok(['--lang', 'zh', 'agenda', '--format', 'table']);
    expect(zh).toContain('2026-12-01 待办：已逾期及 2026-12-08 前到期');
    expect(zh).toMatch(/逾期 12 天 │ 决策/);
    expect(zh).toContain('2026-11 主题党日：未召开');
    expect(zh).toContain('结对联系 王秀英（李明）');
    expect(zh).toContain('调解期限：宅基地边界');
    expect(zh).toContain('4 天后');
    // Machine formats keep the canonical keys whatever the language.
    expect(fs.json(['--lang', 'zh', 'agenda']).map((i: { kind: string }) => i.kind)).toEqual(fs.json(['agenda']).map((i: { kind: string }) => i.kind));
  });

  it('colours overdue red and today yellow on a forced-colour terminal', () => {
    const out = fs.run(['agenda', '--format', 'table'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout;
    expect(out).toContain('\u001b[31m2026-11-19');
    expect(out).toContain('\u001b[33m2026-12-01');
  });

  it('tsv, csv and md carry the same items', () => {
    const tsv = fs.ok(['agenda', '--format', 'tsv']).trim().split('\n');
    expect(tsv[0]).toBe('due\tdays\tkind\ttitle\tperson\taction');
    expect(tsv).toHaveLength(7);
    expect(tsv[1]).toBe('2026-11-19\t-12\tdecision\t集体林地流转: next step branch proposal\t\tfs decision step 1 --step proposal');
    expect(fs.ok(['agenda', '--format', 'csv'])).toContain('\r\n2026-11-30,-1,concern,"修屋顶, 漏雨; 急\\需",王秀英,fs concern update 1 --status resolved\r\n');
    expect(fs.ok(['agenda', '--format', 'md'])).toContain('| 2026-11-30 | 1 d overdue | concern |');
  });

  it('-o FILE writes the format of its extension, 0600', () => {
    const dir = tempDir();
    const file = join(dir, 'agenda.json');
    expect(fs.run(['agenda', '-o', file])).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(6);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('fs agenda --format ics', () => {
  it('an RFC 5545 calendar: all-day events with stable UIDs, parsed by ical.js', () => {
    const fs = seeded();
    const dir = tempDir();
    const file = join(dir, 'agenda.ics');
    expect(fs.run(['agenda', '--format', 'ics', '-o', file])).toMatchObject({ code: 0 });
    const text = readFileSync(file, 'utf8');
    // CRLF line ends, no line over 75 octets, folds never inside a character.
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);

    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('柳树村 · fs');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(6);
    const json = fs.json(['agenda']);
    expect(events.map((e) => e.uid)).toEqual(json.map((i: { key: string }) => `${i.key}@fs`));
    for (const e of events) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.endDate.toString()).toBe(e.startDate.clone().adjust(1, 0, 0, 0).toString());
      expect(e.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    }
    // The concern: overdue, so on today, the escaped text read back whole.
    const concern = events[1]!;
    expect(concern.startDate.toString()).toBe('2026-12-01');
    expect(concern.summary).toBe('1 d overdue: 修屋顶, 漏雨; 急\\需');
    expect(concern.description).toBe('Person: 王秀英\nDue: 2026-11-30\nfs concern update 1 --status resolved');
    // Not overdue: on its due day.
    expect(events[4]!.startDate.toString()).toBe('2026-12-05');
    expect(events[4]!.summary).toBe('Mediation deadline: 宅基地边界');

    // Refreshed the next day: the same records keep their UIDs.
    const next = cli({ today: '2026-12-02', db: fs.db }).ok(['agenda', '--format', 'ics']);
    const uids = new ICAL.Component(ICAL.parse(next)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toEqual(expect.arrayContaining(events.map((e) => e.uid).filter((u) => !u.includes('pair-contact'))));
    // A .ics file name alone picks the format; Chinese too.
    const zhFile = join(dir, 'zh.ics');
    fs.ok(['--lang', 'zh', 'agenda', '-o', zhFile]);
    const zh = new ICAL.Component(ICAL.parse(readFileSync(zhFile, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(zh[1]!.summary).toBe('逾期 1 天：修屋顶, 漏雨; 急\\需');
  });

  it('an empty calendar is still a valid calendar', () => {
    const fs = cli({ today: TODAY });
    const text = fs.ok(['agenda', '--format', 'ics']);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});

describe('fs agenda: empty and bad input', () => {
  let seededFs: ReturnType<typeof cli>;
  beforeAll(() => {
    seededFs = seeded();
  });

  it('an empty agenda says so and exits 0', () => {
    const fs = cli({ today: TODAY });
    expect(fs.run(['agenda', '--format', 'table'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Nothing overdue and nothing due by 2026-12-08.') });
    expect(fs.run(['--lang', 'zh', 'agenda', '--format', 'table']).stdout).toContain('没有逾期事项，2026-12-08 前也没有到期事项。');
    expect(fs.json(['agenda'])).toEqual([]);
  });

  it.each([
    [['agenda', '--days', 'x'], 'error: invalid --days "x": a whole number of days, 0 to 3660\n'],
    [['agenda', '--days', '-1'], 'error: invalid --days "-1": a whole number of days, 0 to 3660\n'],
    [['agenda', '--days', '99999'], 'error: invalid --days "99999": a whole number of days, 0 to 3660\n'],
    [['agenda', '--kind', 'concern,meetings'], 'error: unknown kind "meetings": one of concern, dispute, pair, meeting, plan, decision, visit, presence\n'],
    [['agenda', '--format', 'xml'], 'error: invalid format "xml": use one of table, tsv, csv, json, ndjson, md, ics\n'],
  ])('%j: exit 2, one line, nothing changed', (args, stderr) => {
    const fs = seededFs;
    const before = snapshot(fs.db);
    expect(fs.run(args)).toMatchObject({ code: 2, stderr, stdout: '' });
    expect(snapshot(fs.db)).toBe(before);
  });

  it('says it in Chinese', () => {
    const fs = cli({ today: TODAY, lang: 'zh' });
    expect(fs.run(['agenda', '--days', 'x'])).toMatchObject({ code: 2, stderr: '错误： --days 无效：“x”，应为 0 到 3660 之间的整数天数\n' });
  });
});
