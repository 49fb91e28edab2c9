// fs presence end to end: flags in both languages, the approval rule, one status a day, the summary's JSON.
import { afterEach, describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

describe('fs presence', () => {
  it('records days, replaces a day through the change log, and summarises the month', () => {
    const fs = cli({ today: '2026-11-20' });
    fs.ok(['presence', 'in']);
    fs.ok(['presence', 'add', '--date', '2026-11-19', '--status', 'business', '--note', '县里开会']);
    fs.ok(['presence', 'add', '--from', '2026-11-02', '--to', '2026-11-06', '--status', 'leave', '--leave-type', 'sick']);
    const r = fs.run(['presence', 'add', '--date', '2026-11-19', '--status', 'in-village']);
    expect(r.stderr.trim()).toBe('recorded 1 day: in the village; 1 of them replaced an earlier entry');
    const days = fs.json(['presence', 'list']) as Array<{ date: string; status: string }>;
    expect(days.map((d) => [d.date, d.status])).toEqual([
      ['2026-11-02', 'leave'], ['2026-11-03', 'leave'], ['2026-11-04', 'leave'], ['2026-11-05', 'leave'], ['2026-11-06', 'leave'],
      ['2026-11-19', 'in-village'], ['2026-11-20', 'in-village'],
    ]);
    const history = fs.json(['history', 'presence']) as Array<{ op: string }>;
    expect(history.map((h) => h.op)).toContain('update');
    const s = fs.json(['presence', 'summary']) as Record<string, unknown>;
    expect(s).toMatchObject({
      days_in_village: 2, days_counted: 2, leave_days: { sick: 5, total: 5 }, working_days: 21,
      unrecorded_working_days: 8, target: 20, target_met: false, needed: 18, days_left: 10,
    });
    expect(s.projection).toBe('20 days by 2026-11-30 can no longer be reached: 18 more needed, 10 days remain');
    const zh = fs.run(['--lang', 'zh', 'presence', 'summary', '--format', 'md']);
    expect(zh.stdout).toContain('| 在村天数 | 2 |');
    expect(zh.stdout).toContain('到 2026-11-30 已无法达到 20 天：还需 18 天，仅剩 10 天');
  });

  it('takes a status and a leave type by their labels in either language, and names them in a refusal', () => {
    const fs = cli({ today: '2026-11-27', lang: 'zh' });
    fs.ok(['presence', 'add', '--date', '2026-11-25', '--status', '在村']);
    fs.ok(['presence', 'add', '--date', '2026-11-26', '--status', '请假', '--leave-type', '病假']);
    fs.ok(['presence', 'add', '--date', '2026-11-27', '--status', 'away on business']);
    const days = fs.json(['presence', 'list']) as Array<{ date: string; status: string; leave_type: string | null }>;
    expect(days.map((d) => [d.status, d.leave_type ?? ''])).toEqual([['in-village', ''], ['leave', 'sick'], ['business', '']]);
    const before = snapshot(fs.db);
    const r = fs.run(['presence', 'add', '--status', '出差']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('错误： 考勤状态无效 "出差"：可选 in-village（在村）、business（因公外出）、training（参加培训）、leave（请假）、absent（未在村）');
    expect(snapshot(fs.db)).toBe(before);
  });

  it('refuses leave over presence.approval_days in one stretch without --approved-by, and takes it with one', () => {
    const fs = cli({ today: '2026-11-27', lang: 'zh' });
    fs.ok(['presence', 'add', '--from', '2026-11-02', '--to', '2026-11-06', '--status', 'leave', '--leave-type', 'annual']);
    const before = snapshot(fs.db);
    const r = fs.run(['presence', 'add', '--date', '2026-11-09', '--status', 'leave', '--leave-type', 'personal']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('错误： 2026-11-02 至 2026-11-09 连续请假 6 天，超过 presence.approval_days（5 天）：请用 --approved-by 注明批准人（县委组织部）');
    expect(snapshot(fs.db)).toBe(before);
    fs.ok(['presence', 'add', '--date', '2026-11-09', '--status', 'leave', '--leave-type', 'personal', '--approved-by', '县委组织部']);
  });

  it('refuses bad input in one line, exit 2, nothing written', () => {
    const fs = cli({ today: '2026-11-27' });
    fs.ok(['presence', 'in']);
    const before = snapshot(fs.db);
    const cases: Array<[string[], RegExp]> = [
      [['presence', 'add'], /missing --status/],
      [['presence', 'add', '--status', 'home'], /invalid status "home"/],
      [['presence', 'add', '--status', 'leave'], /leave needs --leave-type/],
      [['presence', 'add', '--status', 'in-village', '--leave-type', 'sick'], /--leave-type goes with --status leave only/],
      [['presence', 'add', '--status', 'in-village', '--date', '2026-12-01'], /after today/],
      [['presence', 'add', '--status', 'leave', '--leave-type', 'sick', '--from', '2026-11-05'], /--from and --to go together/],
      [['presence', 'add', '--status', 'leave', '--leave-type', 'sick', '--from', '2026-11-05', '--to', '2026-11-01'], /after --to/],
      [['presence', 'add', '--status', 'in-village', '--date', '2026-11-05', '--from', '2026-11-01', '--to', '2026-11-02'], /not both/],
      [['presence', 'summary', 'someday'], /invalid period/],
    ];
    for (const [args, message] of cases) {
      const r = fs.run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(snapshot(fs.db)).toBe(before);
  });

  it('a holiday correction changes the working days; a year the calendar does not cover is said plainly', () => {
    const fs = cli({ today: '2027-01-29' });
    const r = fs.run(['presence', 'summary', '--format', 'json']);
    expect(r.stderr).toContain('the holiday calendar does not know 2027 yet');
    expect(JSON.parse(r.stdout)).toMatchObject({ working_days: 21, uncovered_years: [2027] });
    fs.ok(['presence', 'holiday', 'add', '2027-01-01', '--note', '元旦']);
    const after = fs.run(['presence', 'summary', '--format', 'json']);
    expect(after.stderr).toBe('');
    expect(JSON.parse(after.stdout)).toMatchObject({ working_days: 20, uncovered_years: [] });
    expect(fs.json(['presence', 'holiday', 'list'])).toEqual([{ date: '2027-01-01', workday: false, note: '元旦' }]);
  });

  it('warns on every presence command once the year has more than presence.max_leave_days of leave', () => {
    const fs = cli({ today: '2026-11-27' });
    fs.ok(['config', 'set', 'presence.max_leave_days', '3']);
    fs.ok(['presence', 'add', '--from', '2026-11-02', '--to', '2026-11-05', '--status', 'leave', '--leave-type', 'sick']);
    for (const args of [['presence', 'list'], ['presence', 'summary'], ['presence', 'in']]) {
      expect(fs.run(args).stderr).toContain('warning: 4 days of leave in 2026, over presence.max_leave_days (3)');
    }
  });
});

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!hasTmux)('fs presence add on a terminal', () => {
  it('asks the status, then for leave its type and approver, in Chinese', async () => {
    const fs = cli({ today: '2026-11-27' });
    session = startPty(['presence', 'add', '--date', '2026-11-26'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'zh', NO_COLOR: '1' });
    await session.waitFor('考勤状态');
    session.keys('Down', 'Down', 'Down', 'Enter'); // 请假
    await session.waitFor('请假类型');
    session.keys('Down', 'Enter'); // 病假
    await session.waitFor('批准人');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['presence', 'list'])).toMatchObject([{ date: '2026-11-26', status: 'leave', leave_type: 'sick', approved_by: null }]);
  });

  it('asks the same in English; an approver typed is kept, and a status other than leave asks nothing more', async () => {
    const fs = cli({ today: '2026-11-27' });
    session = startPty(['presence', 'add', '--from', '2026-11-16', '--to', '2026-11-23'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });
    await session.waitFor('status');
    session.keys('Down', 'Down', 'Down', 'Enter'); // on leave
    await session.waitFor('leave type');
    session.keys('Down', 'Down', 'Enter'); // annual leave
    await session.waitFor(/approved/i);
    session.type('County organisation department');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(0);
    const days = fs.json(['presence', 'list']) as { date: string; status: string; leave_type: string; approved_by: string }[];
    expect(days).toHaveLength(8);
    expect(days.every((d) => d.status === 'leave' && d.leave_type === 'annual' && d.approved_by === 'County organisation department')).toBe(true);
    session.kill();
    session = startPty(['presence', 'add', '--date', '2026-11-24'], { FS_DB: fs.db, FS_TODAY: '2026-11-27', FS_LANG: 'en', NO_COLOR: '1' });
    await session.waitFor('status');
    session.keys('Down', 'Enter'); // away on business
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['presence', 'list']).at(-1)).toMatchObject({ date: '2026-11-24', status: 'business', leave_type: null });
  });
});

describe('presence in the work report', () => {
  it('JSON has the presence figures; the document opens its summary with the days in the village', () => {
    const fs = cli({ today: '2026-11-20' });
    fs.ok(['config', 'set', 'village', '柳树村']);
    fs.ok(['presence', 'add', '--from', '2026-11-02', '--to', '2026-11-13', '--status', 'in-village']);
    fs.ok(['presence', 'add', '--date', '2026-11-16', '--status', 'business']);
    fs.ok(['presence', 'add', '--from', '2026-11-17', '--to', '2026-11-18', '--status', 'leave', '--leave-type', 'sick']);
    const r = fs.json(['report', '2026-11']) as { presence: Record<string, unknown> };
    expect(r.presence).toMatchObject({ days_in_village: 12, days_counted: 13, leave_days: 2, target: 20, target_met: 0, needed: 7 });
    const zh = fs.ok(['--lang', 'zh', 'report', '2026-11', '--format', 'md']);
    expect(zh).toContain('本月在村12天，计入驻村13天（含因公外出和培训），请假2天，距20天的要求尚差7天。');
    const en = fs.ok(['report', '2026-11', '--format', 'md']);
    expect(en).toContain('This month we spent 12 days in the village (13 counted as presence with business and training), with 2 days of leave; 7 days short of the 20 required.');
    // A ledger that keeps no presence says nothing about it.
    expect(cli({ today: '2026-11-20' }).ok(['--lang', 'zh', 'report', '2026-11', '--format', 'md'])).not.toContain('在村');
  });
});

describe('the annual review (述职)', () => {
  it('opens with the year totals, each the same number as the JSON report', () => {
    const fs = cli({ today: '2026-11-27' });
    fs.ok(['config', 'set', 'village', '柳树村']);
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--tag', 'poor']);
    fs.ok(['person', 'add', '--name', '张建国', '--household', '张家']);
    fs.ok(['visit', 'add', '--person', '1', '--date', '2026-03-02', '--topic', 'hardship', '--concern', '修屋顶']);
    fs.ok(['visit', 'add', '--person', '2', '--date', '2026-06-10', '--topic', 'team']);
    fs.ok(['pair', 'add', '--person', '1', '--helper', '李明', '--needs', '增收', '--date', '2026-02-01']);
    fs.ok(['pair', 'log', '1', '--date', '2026-05-01', '--action', '介绍务工']);
    fs.ok(['plan', 'add', '--title', '路灯', '--kind', 'practical', '--area', 'public-welfare', '--due', '2026-12-15']);
    fs.ok(['plan', 'done', '1', '--date', '2026-10-01']);
    fs.ok(['presence', 'add', '--from', '2026-11-02', '--to', '2026-11-06', '--status', 'in-village']);
    const j = fs.json(['report', '2026']) as Record<string, Record<string, number>>;
    const zh = fs.ok(['--lang', 'zh', 'report', '2026', '--format', 'md']).split('\n').find((l) => l.startsWith('本年度在村'))!;
    expect(zh).toContain(`本年度在村${j.presence!.days_in_village}天`);
    expect(zh).toContain(`共走访${j.visits!.total}户次，覆盖${j.visits!.households}户`);
    expect(zh).toContain(`收集群众诉求${j.concerns!.raised}件`);
    expect(zh).toContain(`结对帮扶${j.pairs!.villagers! + j.pairs!.party_members!}人，开展结对帮扶${j.pairs!.help_entries}人次`);
    expect(zh).toContain('为民办实事1件，已完成1件');
    // Visits by every category visited, and required meetings held against required.
    const cat = j.visits!.by_category as unknown as Record<string, number>;
    expect(zh).toContain(`其中困难户${cat['poor-household']}户次、普通群众户${cat['ordinary-household']}户次`);
    const m = j.meetings!;
    expect(m.required).toBe(m.required_held! + m.gaps!);
    // Independently of the tally: the gaps are the missing intervals listed, and what is held is
    // the intervals `fs meeting check` marks ok that ended by today (none is pending in the count).
    const missing = (j.meetings as unknown as { missing: unknown[] }).missing;
    expect(m.gaps).toBe(missing.length);
    const check = fs.json(['meeting', 'check', '2026']) as { status: string; to: string }[];
    expect(m.required).toBe(check.filter((c) => c.status !== 'pending').length);
    expect(m.required).toBeGreaterThan(0);
    expect(zh).toContain(`规定会议应开${m.required}次、已开${m.required_held}次、尚缺${m.gaps}次`);
    const en = fs.ok(['report', '2026', '--format', 'md']).split('\n').find((l) => l.startsWith('This year we spent'))!;
    expect(en).toContain(`This year we made ${j.visits!.total} visits to ${j.visits!.households} households: ${cat['poor-household']} to households in hardship and ${cat['ordinary-household']} to ordinary households.`);
    const more = fs.ok(['report', '2026', '--format', 'md']).split('\n').find((l) => l.includes('required meetings held'))!;
    expect(more).toContain(`${m.required_held} of ${m.required} required meetings held`);
    expect(more).toContain('1 of 1 practical thing done');
  });

  it('has a 附表 of days by status, with the days counted and the working days left unrecorded', () => {
    const fs = cli({ today: '2026-11-27' });
    fs.ok(['presence', 'add', '--from', '2026-11-02', '--to', '2026-11-06', '--status', 'in-village']);
    fs.ok(['presence', 'add', '--date', '2026-11-09', '--status', 'business']);
    fs.ok(['presence', 'add', '--date', '2026-11-10', '--status', 'leave', '--leave-type', 'sick']);
    const j = fs.json(['report', '2026-11']);
    const md = fs.ok(['--lang', 'zh', 'report', '2026-11', '--format', 'md']);
    const table = md.slice(md.indexOf('驻村考勤情况'));
    const row = (name: string) => table.split('\n').find((l) => l.startsWith(`| ${name} |`))?.split('|').map((c) => c.trim()).filter(Boolean);
    expect(row('在村')).toEqual(['在村', '5']);
    expect(row('因公外出')).toEqual(['因公外出', '1']);
    expect(row('请假')).toEqual(['请假', '1']);
    expect(row('计入驻村天数')).toEqual(['计入驻村天数', String(j.presence.days_counted)]);
    expect(row('未登记的工作日')).toEqual(['未登记的工作日', String(j.presence.unrecorded_working_days)]);
    // By month: one column per month and the total.
    const q = fs.ok(['report', '2026-Q4', '--by', 'month', '--format', 'md']);
    const inVillage = q.slice(q.indexOf('Days in the village by status')).split('\n').find((l) => l.startsWith('| in the village |'))!;
    expect(inVillage.split('|').map((c) => c.trim()).filter(Boolean)).toEqual(['in the village', '0', '5', '0', '5']);
  });
});
