// fs meeting end to end through flags: recording, listing, showing, editing, the compliance check,
// in English and Chinese; bad input exits with the right code and leaves the database unchanged.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

function roster() {
  const fs = cli();
  fs.ok(['person', 'add', '--name', '王秀英', '--tag', 'party-member']); // 1
  fs.ok(['person', 'add', '--name', '李四', '--tag', 'party-member']); // 2
  fs.ok(['person', 'add', '--name', '张三', '--tag', 'party-member']); // 3
  fs.ok(['person', 'add', '--name', '张三', '--group', '二组']); // 4: a second 张三
  return fs;
}

describe('fs meeting through flags', () => {
  it('records attendance by name, derives the counts, and shows absentees with reasons', () => {
    const fs = roster();
    const r = fs.run(['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-05', '--topic', 'study', '--attendee', '王秀英', '--attendee', '3', '--absent', '李四:ill', '--absent', '外村党员:registered elsewhere', '--decision', 'plant tea', '--decision', 'fix the road', '--chair', '李明', '--recorder', '王秀英']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1\n');
    expect(r.stderr).toContain('"外村党员" is not on the roster: kept as a plain name');
    const m = fs.json(['meeting', 'show', '1']);
    expect(m).toMatchObject({
      id: 1, type: 'theme-day', date: '2026-11-05', topic: 'study', expected: 4, present: 2, attendance_rate: 0.5,
      vote: false, forced: false, decisions: ['plant tea', 'fix the road'], chair: '李明', recorder: '王秀英',
      attendees: [{ person_id: 1, name: '王秀英' }, { person_id: 3, name: '张三' }],
      absentees: [{ person_id: 2, name: '李四', reason: 'ill' }, { person_id: null, name: '外村党员', reason: 'registered elsewhere' }],
      decision_steps: [],
    });
    const table = fs.ok(['meeting', 'show', '1', '--format', 'table']);
    expect(table).toContain('50%');
    expect(table).toMatch(/李四\s+│ ill/);
  });

  it('takes bare numbers as given, lists by type and period, and prints the whole record with --format json', () => {
    const fs = cli();
    const rec = fs.json(['meeting', 'add', '--type', 'party-lesson', '--date', '2026-10-12', '--expected', '30', '--present', '27', '--place', 'village hall']);
    expect(rec).toMatchObject({ id: 1, type: 'party-lesson', expected: 30, present: 27, attendance_rate: 0.9, attendees: [], absentees: [], place: 'village hall' });
    // Only absentees named, with --expected: the others came.
    expect(fs.json(['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-05', '--expected', '30', '--absent', '赵六:sick'])).toMatchObject({ expected: 30, present: 29 });
    fs.ok(['meeting', 'add', '--type', 'theme-day', '--date', '2025-12-05']);
    expect(fs.json(['meeting', 'list']).map((m: { id: number }) => m.id)).toEqual([3, 1, 2]);
    expect(fs.json(['meeting', 'list', '--period', '2026']).map((m: { id: number }) => m.id)).toEqual([1, 2]);
    expect(fs.json(['meeting', 'list', '--type', 'theme-day']).map((m: { id: number }) => m.id)).toEqual([3, 2]);
    expect(fs.json(['meeting', 'list', '--type', 'theme-day', '--type', 'party-lesson', '--period', '2026-Q4']).map((m: { id: number }) => m.id)).toEqual([1, 2]);
    const csv = fs.ok(['meeting', 'list', '--format', 'csv']);
    expect(csv.split('\r\n')[0]).toBe('id,date,type,topic,expected,present,attendance_rate,absent,vote,forced,decisions');
  });

  it('refuses a vote without quorum, records it with --force, and flags it in show and list', () => {
    const fs = cli();
    fs.ok(['meeting', 'add', '--type', 'branch-general', '--date', '2026-11-20', '--expected', '30', '--present', '16', '--vote']);
    const before = snapshot(fs.db);
    const r = fs.run(['meeting', 'add', '--type', 'branch-general', '--date', '2026-11-21', '--expected', '30', '--present', '15', '--vote']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: no quorum: 15 of 30 present is not more than half, as a vote at a branch general meeting needs; nothing recorded (add --force to record it anyway, flagged)\n');
    expect(snapshot(fs.db)).toBe(before);
    const reps = fs.run(['meeting', 'add', '--type', 'villager-reps', '--date', '2026-11-21', '--expected', '30', '--present', '19', '--vote']);
    expect(reps.code).toBe(2);
    expect(reps.stderr).toContain('19 of 30 present is less than the two thirds');
    expect(snapshot(fs.db)).toBe(before);
    fs.ok(['meeting', 'add', '--type', 'villager-reps', '--date', '2026-11-21', '--expected', '30', '--present', '20', '--vote']);
    const forced = fs.run(['meeting', 'add', '--type', 'branch-general', '--date', '2026-11-22', '--expected', '30', '--present', '15', '--vote', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('meeting #3 recorded without a quorum, flagged as forced');
    expect(fs.json(['meeting', 'show', '3'])).toMatchObject({ vote: true, forced: true });
    expect(fs.json(['meeting', 'list']).map((m: { forced: boolean }) => m.forced)).toEqual([false, false, true]);
    expect(fs.ok(['meeting', 'list', '--format', 'table'], { env: { COLUMNS: '200' } })).toContain('yes (forced: no quorum)');
    // A vote without a quorum rule is not checked; without --vote there is nothing to check.
    fs.ok(['meeting', 'add', '--type', 'branch-general', '--date', '2026-11-23', '--expected', '30', '--present', '3']);
    fs.ok(['meeting', 'add', '--type', 'two-committees', '--date', '2026-11-23', '--expected', '9', '--present', '3', '--vote']);
  });

  it('edits: fields, replaced attendance re-deriving counts, quorum re-checked; a forced vote stays allowed for other changes', () => {
    const fs = roster();
    fs.ok(['meeting', 'add', '--type', 'branch-general', '--date', '2026-11-20', '--expected', '30', '--present', '15', '--vote', '--force']);
    expect(fs.json(['meeting', 'edit', '1', '--topic', 'Q4 review', '--minutes', 'long text'])).toMatchObject({ topic: 'Q4 review', forced: true });
    const before = snapshot(fs.db);
    const r = fs.run(['meeting', 'edit', '1', '--present', '14']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('14 of 30 present is not more than half');
    expect(snapshot(fs.db)).toBe(before);
    expect(fs.json(['meeting', 'edit', '1', '--present', '16'])).toMatchObject({ present: 16, forced: false });
    expect(fs.json(['meeting', 'edit', '1', '--no-vote', '--attendee', '1', '--absent', '2:away', '--topic', ''])).toMatchObject({ expected: 2, present: 1, vote: false, topic: null, absentees: [{ name: '李四', reason: 'away' }] });
    const log = fs.ok(['meeting', 'edit', '1', '--type', 'party-group', '--date', '2026-11-21', '--format', 'json']);
    expect(JSON.parse(log)).toMatchObject({ type: 'party-group', date: '2026-11-21', expected: 2 });
  });

  it('removes with --yes only', () => {
    const fs = cli();
    fs.ok(['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-05']);
    const before = snapshot(fs.db);
    const r = fs.run(['meeting', 'rm', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --yes');
    expect(snapshot(fs.db)).toBe(before);
    const ok = fs.run(['meeting', 'rm', '1', '--yes']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('removed meeting #1');
    expect(fs.run(['meeting', 'show', '1'])).toMatchObject({ code: 1, stderr: 'error: meeting 1 not found\n' });
  });
});

describe('fs meeting check', () => {
  it('a year of meetings: the check names exactly the missing ones', () => {
    const fs = cli({ today: '2026-01-15' });
    fs.ok(['config', 'set', 'meeting.frequency.branch-committee', 'none']);
    fs.ok(['config', 'set', 'meeting.frequency.finance-disclosure', 'none']);
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
    const add = (type: string, date: string) => fs.ok(['meeting', 'add', '--type', type, '--date', date]);
    for (const m of months) if (m !== '07') add('theme-day', `2025-${m}-08`);
    for (const m of months) if (m !== '02' && m !== '03') add('party-group', `2025-${m}-15`);
    for (const d of ['2025-03-30', '2025-05-01', '2025-12-20']) add('branch-general', d);
    for (const d of ['2025-01-10', '2025-04-10', '2025-07-10', '2025-10-10']) add('affairs-disclosure', d);
    add('party-lesson', '2025-06-01');
    add('org-life', '2025-12-28');
    add('democratic-review', '2025-12-29');
    const rows = fs.json(['meeting', 'check', '2025']);
    const missing = rows.filter((r: { ok: boolean }) => !r.ok).map((r: { type: string; interval: string }) => `${r.type} ${r.interval}`);
    expect(missing).toEqual(['branch-general 2025-Q3', 'party-group 2025-02', 'party-group 2025-03', 'theme-day 2025-07', 'cadre-review 2025']);
    expect(rows).toHaveLength(4 + 12 + 1 + 12 + 1 + 1 + 1 + 4);
    expect(Object.keys(rows[0])).toEqual(['type', 'interval', 'from', 'to', 'required', 'held', 'ok', 'status']);
    expect(rows[0]).toEqual({ type: 'branch-general', interval: '2025-Q1', from: '2025-01-01', to: '2025-03-31', required: 1, held: 1, ok: true, status: 'ok' });
    // Quarterly party lessons: the change shows at once.
    fs.ok(['config', 'set', 'meeting.frequency.party-lesson', 'quarterly']);
    const lessons = fs.json(['meeting', 'check', '2025']).filter((r: { type: string }) => r.type === 'party-lesson');
    expect(lessons.map((r: { interval: string; ok: boolean }) => `${r.interval}:${r.ok}`)).toEqual(['2025-Q1:false', '2025-Q2:true', '2025-Q3:false', '2025-Q4:false']);
  });

  it('defaults to this year up to today, exits 0 whatever it finds, and reads in Chinese', () => {
    const fs = cli({ today: '2026-03-10' });
    fs.ok(['meeting', 'add', '--type', 'theme-day', '--date', '2026-03-02']);
    fs.ok(['config', 'set', 'ledger.start', '2026-01-01']);
    const r = fs.run(['meeting', 'check', '--format', 'json']);
    expect(r.code).toBe(0);
    const theme = JSON.parse(r.stdout).filter((x: { type: string }) => x.type === 'theme-day');
    expect(theme.map((x: { interval: string; status: string }) => `${x.interval}:${x.status}`)).toEqual(['2026-01:missing', '2026-02:missing', '2026-03:ok']);
    const zh = fs.run(['--lang', 'zh', 'meeting', 'check', '2026-Q1', '--format', 'table']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('规定会议落实情况 2026-Q1（2026-01-01 – 2026-03-10）');
    expect(zh.stdout).toMatch(/主题党日\s+│ 2026-01 .*│ 缺/);
    expect(zh.stdout).toContain('已落实');
    expect(fs.run(['meeting', 'check', '2027'])).toMatchObject({ code: 0 });
    expect(fs.ok(['meeting', 'check', '2027', '--format', 'table'])).toContain('nothing due yet in this period');
  });

  it('pending intervals show as pending, and nothing is owed before the first record (ledger.start)', () => {
    const fs = cli({ today: '2026-12-01' });
    fs.ok(['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-05']);
    const rows = fs.json(['meeting', 'check', 'this-month']);
    const of = (type: string) => rows.filter((x: { type: string }) => x.type === type).map((x: { interval: string; status: string }) => `${x.interval}:${x.status}`);
    // 1 December: December's committee meeting, theme day and the quarter's disclosure are pending, not hidden.
    expect(of('branch-committee')).toEqual(['2026-12:pending']);
    expect(of('theme-day')).toEqual(['2026-12:pending']);
    expect(of('affairs-disclosure')).toEqual(['2026-Q4:pending']);
    expect(of('democratic-review')).toEqual(['2026:pending']);
    // The year: nothing before November, when the ledger began.
    const year = fs.json(['meeting', 'check', '2026']).filter((x: { type: string }) => x.type === 'theme-day');
    expect(year.map((x: { interval: string; status: string }) => `${x.interval}:${x.status}`)).toEqual(['2026-11:ok', '2026-12:pending']);
    const table = fs.ok(['meeting', 'check', 'this-month', '--format', 'table']);
    expect(table).toMatch(/theme party day\s+│ 2026-12 .*│ pending/);
    expect(table).toContain(': 0 missing');
    expect(fs.ok(['--lang', 'zh', 'meeting', 'check', 'this-month', '--format', 'table'])).toContain('待召开');
    // Set by hand, the start moves the window.
    fs.ok(['config', 'set', 'ledger.start', '2026-10-15']);
    const moved = fs.json(['meeting', 'check', '2026']).filter((x: { type: string }) => x.type === 'theme-day');
    expect(moved.map((x: { interval: string; status: string }) => `${x.interval}:${x.status}`)).toEqual(['2026-10:missing', '2026-11:ok', '2026-12:pending']);
    expect(fs.run(['config', 'set', 'ledger.start', '2026-13-01'])).toMatchObject({ code: 2 });
  });
});

describe('fs meeting: bad input changes nothing', () => {
  const fs = roster();
  fs.ok(['meeting', 'add', '--type', 'branch-general', '--date', '2026-11-20', '--expected', '30', '--present', '20']);

  it.each<[string, string[], number, string | RegExp]>([
    ['unknown type', ['meeting', 'add', '--type', 'tea-party', '--date', '2026-11-01'], 2, 'invalid meeting type "tea-party": use one of branch-general, branch-committee'],
    ['no flags, no terminal', ['meeting', 'add'], 2, 'error: missing --type, --date (no terminal to ask on)\n'],
    ['no date', ['meeting', 'add', '--type', 'theme-day'], 2, 'error: missing --date (no terminal to ask on)\n'],
    ['bad date', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-02-30'], 2, 'invalid date "2026-02-30"'],
    ['present over expected', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--expected', '10', '--present', '11'], 2, 'error: present (11) cannot exceed expected (10)\n'],
    ['not a number', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--expected', 'ten'], 2, 'invalid --expected "ten": use a whole number'],
    ['lists over the totals', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--present', '1', '--attendee', '1', '--attendee', '2'], 2, 'the lists name 2 present and 0 absent, more than --present 1 / --expected - allow'],
    ['someone twice', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--attendee', '王秀英', '--absent', '1:ill'], 2, 'someone is named twice'],
    ['an unknown id', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--attendee', '99'], 1, 'error: person 99 not found\n'],
    ['an ambiguous name', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--attendee', '张三'], 2, '2 people are named "张三": #3 张三; #4 张三 (二组); give the id instead'],
    ['a vote without counts', ['meeting', 'add', '--type', 'branch-general', '--date', '2026-11-01', '--vote'], 2, 'a vote at a branch general meeting needs --expected and --present'],
    ['an empty attendee', ['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--absent', ':ill'], 2, '--attendee/--absent needs a name or an id'],
    ['edit over expected', ['meeting', 'edit', '1', '--present', '31'], 2, 'present (31) cannot exceed expected (30)'],
    ['edit nothing', ['meeting', 'edit', '1'], 2, 'nothing to change'],
    ['edit a missing meeting', ['meeting', 'edit', '9', '--topic', 'x'], 1, 'meeting 9 not found'],
    ['list by an unknown type', ['meeting', 'list', '--type', 'picnic'], 2, 'invalid meeting type "picnic"'],
    ['check a bad period', ['meeting', 'check', '2026-13'], 2, 'invalid period "2026-13"'],
    ['a bad frequency', ['config', 'set', 'meeting.frequency.theme-day', 'weekly'], 2, 'invalid value "weekly" for meeting.frequency.theme-day: monthly, quarterly, yearly, none'],
  ])('%s', (_, args, code, message) => {
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect(r.code).toBe(code);
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(snapshot(fs.db)).toBe(before);
  });

  it('says it in Chinese', () => {
    const before = snapshot(fs.db);
    const r = fs.run(['--lang', 'zh', 'meeting', 'add', '--type', 'branch-general', '--date', '2026-11-01', '--expected', '30', '--present', '15', '--vote']);
    expect(r).toMatchObject({ code: 2, stderr: '错误： 未达法定人数：应到 30 人实到 15 人，支部党员大会表决须过半数到会；未记录（加 --force 可强行记录并标注）\n' });
    const bad = fs.run(['--lang', 'zh', 'meeting', 'add', '--type', 'theme-day', '--date', '2026-11-01', '--expected', '3', '--present', '4']);
    expect(bad).toMatchObject({ code: 2, stderr: '错误： 实到（4）不能超过应到（3）\n' });
    expect(snapshot(fs.db)).toBe(before);
  });

  it('reads in Chinese', () => {
    const zh = cli({ lang: 'zh' });
    zh.ok(['meeting', 'add', '--type', 'org-life', '--date', '2026-11-01', '--expected', '8', '--present', '6', '--absent', '赵六：外出务工']);
    const show = zh.ok(['meeting', 'show', '1', '--format', 'table']);
    expect(show).toContain('组织生活会');
    expect(show).toContain('75%');
    expect(show).toMatch(/赵六\s+│ 外出务工/);
    expect(zh.ok(['meeting', 'list', '--format', 'md'])).toContain('| 组织生活会 |');
  });
});
