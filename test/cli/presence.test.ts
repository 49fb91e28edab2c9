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
    expect(r.stderr.trim()).toBe('recorded 1 days: in the village; 1 of them replaced an earlier entry');
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
    expect(zh).toContain(`规定会议尚缺${j.meetings!.gaps}次`);
  });
});
