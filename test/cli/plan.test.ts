// A whole development plan kept through flags, in English and Chinese, read back as JSON.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

describe('fs plan through flags (en)', () => {
  it('keeps a goal with milestones and progress, derives its status, and finishes it', () => {
    const fs = cli();
    const goal = fs.json(['plan', 'add', '--title', 'Grow the tea co-operative', '--area', 'industry', '--target', '200 mu', '--measures', 'seedlings, training', '--owner', '李明', '--start', '2026-03-01', '--due', '2026-12-31', '--budget', '80,000']);
    expect(goal).toMatchObject({ id: 1, kind: 'goal', area: 'industry', owner: '李明', start_on: '2026-03-01', due_on: '2026-12-31', budget: 80000, status: 'planned', declared_status: null, percent: null, overdue: false });

    expect(fs.ok(['plan', 'milestone', 'add', '1', '--title', 'seedlings delivered', '--due', '2026-04-15', '--owner', '王强']).trim()).toBe('1');
    const m2 = fs.json(['plan', 'milestone', 'add', '1', '--title', 'first harvest', '--due', '2026-11-26']);
    expect(m2).toMatchObject({ id: 2, plan_id: 1, plan: 'Grow the tea co-operative', status: 'planned', due_on: '2026-11-26', overdue: true });

    const done = fs.json(['plan', 'milestone', 'done', '1', '--date', '2026-04-12', '--note', 'all 30 households']);
    expect(done).toMatchObject({ status: 'done', done_on: '2026-04-12', note: 'all 30 households', overdue: false });
    const note = fs.json(['plan', 'progress', '1', '--date', '2026-05-01', '--note', 'half planted', '--percent', '50']);
    expect(note).toMatchObject({ plan_id: 1, date: '2026-05-01', note: 'half planted', percent: 50 });

    const [listed] = fs.json(['plan', 'list']);
    expect(listed).toMatchObject({ id: 1, status: 'in-progress', percent: 50, milestones_total: 2, milestones_done: 1, milestones_overdue: 1, overdue: false });
    expect(fs.json(['plan', 'milestone', 'list', '--overdue']).map((m: any) => m.id)).toEqual([2]);
    expect(fs.json(['plan', 'milestone', 'list', '--due', '2026-04']).map((m: any) => m.id)).toEqual([1]);
    expect(fs.json(['plan', 'list', '--status', 'planned'])).toEqual([]);

    // A plan with a milestone still open can't be declared done.
    const before = snapshot(fs.db);
    const refused = fs.run(['plan', 'done', '1', '--date', '2026-11-20']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: plan item #1 still has milestones not done: #2; mark them done or drop them first\n');
    expect(snapshot(fs.db)).toBe(before);

    fs.ok(['plan', 'milestone', 'done', '2', '--date', '2026-11-27']);
    expect(fs.json(['plan', 'show', '1'])).toMatchObject({ status: 'done', declared_status: null, milestones_done: 2 });
    const declared = fs.json(['plan', 'done', '1', '--date', '2026-11-27']);
    expect(declared).toMatchObject({ status: 'done', declared_status: 'done', done_on: '2026-11-27' });

    const show = fs.json(['plan', 'show', '1']);
    expect(show.milestones.map((m: any) => [m.title, m.status])).toEqual([
      ['seedlings delivered', 'done'],
      ['first harvest', 'done'],
    ]);
    expect(show.progress).toEqual([expect.objectContaining({ date: '2026-05-01', percent: 50, note: 'half planted' })]);

    expect(fs.json(['plan', 'edit', '1', '--reopen'])).toMatchObject({ declared_status: null, done_on: null, status: 'done' });
  });

  it('drops a plan item with its pending milestones; overdue plans show until done or dropped', () => {
    const fs = cli();
    fs.ok(['plan', 'add', '--title', 'Street lights', '--area', 'public-welfare', '--kind', 'practical', '--due', '2026-11-26']);
    fs.ok(['plan', 'add', '--title', 'Clean the pond', '--area', 'environment', '--due', '2026-11-27']);
    fs.ok(['plan', 'milestone', 'add', '1', '--title', 'poles bought', '--due', '2026-09-01']);
    expect(fs.json(['plan', 'list', '--overdue']).map((p: any) => p.title)).toEqual(['Street lights']);
    const r = fs.run(['plan', 'drop', '1', '--reason', 'the county road project does it', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('dropped 1 pending milestone(s) of plan item #1 with it\n');
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'dropped', drop_reason: 'the county road project does it', dropped_on: '2026-11-27', overdue: false });
    expect(fs.json(['plan', 'milestone', 'list'])[0]).toMatchObject({ status: 'dropped', overdue: false });
    expect(fs.json(['plan', 'list', '--overdue'])).toEqual([]);
    expect(fs.json(['plan', 'list', '--kind', 'goal', '--area', 'environment']).map((p: any) => p.id)).toEqual([2]);
  });

  it('edits fields by flag and checks the result against the rules', () => {
    const fs = cli();
    fs.ok(['plan', 'add', '--title', 'Tea', '--area', 'industry', '--start', '2026-03-01']);
    expect(fs.json(['plan', 'edit', '1', '--owner', '王强', '--due', '2026-12-31', '--area', 'income'])).toMatchObject({ owner: '王强', due_on: '2026-12-31', area: 'income' });
    expect(fs.json(['plan', 'edit', '1', '--owner', ''])).toMatchObject({ owner: null });
    const before = snapshot(fs.db);
    const bad = fs.run(['plan', 'edit', '1', '--due', '2026-02-01']);
    expect([bad.code, bad.stderr]).toEqual([2, 'error: due date 2026-02-01 is before the start 2026-03-01\n']);
    const nothing = fs.run(['plan', 'edit', '1']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^error: nothing to change: give at least one of --title, --area/);
    expect(snapshot(fs.db)).toBe(before);
  });

  it('warns on stderr when more than three practical things fall in one year, and still records them', () => {
    const fs = cli();
    for (const i of [1, 2, 3]) {
      const r = fs.run(['plan', 'add', '--kind', 'practical', '--title', `thing ${i}`, '--area', 'public-welfare', '--due', `2026-0${i}-01`]);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    fs.ok(['plan', 'add', '--kind', 'practical', '--title', 'next year', '--area', 'income', '--due', '2027-03-01']);
    const fourth = fs.run(['plan', 'add', '--kind', 'practical', '--title', 'thing 4', '--area', 'environment', '--due', '2026-09-01']);
    expect(fourth.code).toBe(0);
    expect(fourth.stdout).toBe('5\n');
    expect(fourth.stderr).toBe('warning: 4 practical things count for 2026; the guidance asks for 1-3 a year\n');
    expect(fs.json(['plan', 'list', '--kind', 'practical'])).toHaveLength(5);
  });

  it('without a terminal, names the missing required flags (exit 2)', () => {
    const fs = cli();
    const r = fs.run(['plan', 'add', '--area', 'industry']);
    expect([r.code, r.stderr]).toEqual([2, 'error: missing --title (no terminal to ask on)\n']);
    fs.ok(['plan', 'add', '--title', 'Tea', '--area', 'industry']);
    expect(fs.run(['plan', 'milestone', 'add', '1']).stderr).toBe('error: missing --title, --due (no terminal to ask on)\n');
    expect(fs.run(['plan', 'progress', '1', '--note', 'x']).stderr).toBe('error: missing --date (no terminal to ask on)\n');
    expect(fs.run(['plan', 'done', '1']).code).toBe(2);
    expect(fs.run(['plan', 'drop', '1']).stderr).toBe('error: missing --reason (no terminal to ask on)\n');
  });

  it('every plan command has help with an example', () => {
    const fs = cli();
    for (const c of [['add'], ['list'], ['show'], ['edit'], ['done'], ['drop'], ['progress'], ['milestone', 'add'], ['milestone', 'done'], ['milestone', 'drop'], ['milestone', 'list']]) {
      const out = fs.ok(['plan', ...c, '--help']);
      expect(out, c.join(' ')).toMatch(/Examples?:\n {2}fs plan /);
    }
  });
});

describe('fs plan through flags (zh)', () => {
  it('records and lists with Chinese labels; JSON keeps the English keys', () => {
    const fs = cli({ lang: 'zh' });
    fs.ok(['plan', 'add', '--title', '村道路灯', '--area', 'public-welfare', '--kind', 'practical', '--due', '2026-12-31', '--owner', '王强']);
    fs.ok(['plan', 'milestone', 'add', '1', '--title', '采购路灯', '--due', '2026-11-26']);
    fs.ok(['plan', 'progress', '1', '--date', '今天', '--note', '已选定供应商', '--percent', '30%']);
    const table = fs.ok(['plan', 'list', '--format', 'table']);
    expect(table).toContain('实事');
    expect(table).toContain('公益事业/基础设施');
    expect(table).toContain('推进中');
    expect(table).toContain('1 个逾期');
    const md = fs.ok(['plan', 'show', '1', '--format', 'md']);
    expect(md).toContain('| 完成时限 | 2026-12-31 |');
    expect(md).toContain('采购路灯');
    expect(md).toContain('未开始 (逾期)');
    const [p] = fs.json(['plan', 'list']);
    expect(p).toMatchObject({ kind: 'practical', area: 'public-welfare', status: 'in-progress', percent: 30, milestones_overdue: 1 });
    const bad = fs.run(['plan', 'progress', '1', '--date', '今天', '--note', 'x', '--percent', '120']);
    expect([bad.code, bad.stderr]).toEqual([2, '错误： 完成比例无效 "120"：请填 0 到 100 的整数\n']);
  });
});

describe('bad input: one line, the right exit code, the database unchanged', () => {
  const fs = cli();
  fs.ok(['plan', 'add', '--title', 'Tea', '--area', 'industry', '--start', '2026-03-01', '--due', '2026-12-31']);
  fs.ok(['plan', 'milestone', 'add', '1', '--title', 'seedlings', '--due', '2026-04-15']);

  it.each<[string, string[], number, string, string?]>([
    ['unknown area', ['plan', 'add', '--title', 'X', '--area', 'farming'], 2, 'error: invalid area "farming": use one of industry, income, public-welfare, collective-economy, party-building, governance, environment\n', '错误： 领域无效 "farming"：可选 industry（产业发展）、income（农民增收）、public-welfare（公益事业/基础设施）、collective-economy（村集体经济）、party-building（党建）、governance（乡村治理）、environment（人居环境）\n'],
    ['unknown kind', ['plan', 'add', '--title', 'X', '--area', 'income', '--kind', 'wish'], 2, 'error: invalid kind "wish": use one of goal, practical\n'],
    ['percent 120', ['plan', 'progress', '1', '--date', '2026-05-01', '--note', 'x', '--percent', '120'], 2, 'error: invalid percent "120": use a whole number from 0 to 100\n', '错误： 完成比例无效 "120"：请填 0 到 100 的整数\n'],
    ['percent -5', ['plan', 'progress', '1', '--date', '2026-05-01', '--note', 'x', '--percent', '-5'], 2, 'error: invalid percent "-5": use a whole number from 0 to 100\n'],
    ['milestone on an unknown plan', ['plan', 'milestone', 'add', '99', '--title', 'x', '--due', '2026-05-01'], 1, 'error: plan item 99 not found\n', '错误： 找不到规划事项 99\n'],
    ['plan done while a milestone is open', ['plan', 'done', '1', '--date', '2026-02-28'], 2, 'error: plan item #1 still has milestones not done: #1; mark them done or drop them first\n'],
    ['milestone done before the plan started', ['plan', 'milestone', 'done', '1', '--date', '2026-02-28'], 2, 'error: done date 2026-02-28 is before the start 2026-03-01\n', '错误： 完成日期 2026-02-28 早于开始日期 2026-03-01\n'],
    ['done date in the future', ['plan', 'milestone', 'done', '1', '--date', '2026-11-28'], 2, 'error: date 2026-11-28 is after today (2026-11-27)\n'],
    ['due before start', ['plan', 'add', '--title', 'X', '--area', 'income', '--start', '2026-05-01', '--due', '2026-04-30'], 2, 'error: due date 2026-04-30 is before the start 2026-05-01\n'],
    ['milestone due before the plan starts', ['plan', 'milestone', 'add', '1', '--title', 'x', '--due', '2026-01-01'], 2, 'error: due date 2026-01-01 is before the start 2026-03-01\n'],
    ['bad budget', ['plan', 'add', '--title', 'X', '--area', 'income', '--budget', '8万'], 2, 'error: invalid budget "8万": use an amount in yuan, e.g. 80000 or 1250.50\n'],
    ['bad status filter', ['plan', 'list', '--status', 'late'], 2, 'error: invalid status "late": use one of planned, in-progress, done, dropped\n'],
    ['unknown milestone', ['plan', 'milestone', 'drop', '42', '--reason', 'x'], 1, 'error: milestone 42 not found\n'],
    ['empty title', ['plan', 'add', '--title', ' ', '--area', 'income'], 2, 'error: a title cannot be empty\n'],
  ])('%s', (_, args, code, en, zh) => {
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect([r.code, r.stdout, r.stderr]).toEqual([code, '', en]);
    if (zh) expect(fs.run(args, { env: { FS_LANG: 'zh' } }).stderr).toBe(zh);
    expect(snapshot(fs.db)).toBe(before);
  });

  it('done date before start, on a plan item without open milestones', () => {
    fs.ok(['plan', 'add', '--title', 'Pond', '--area', 'environment', '--start', '2026-06-01']);
    const before = snapshot(fs.db);
    const r = fs.run(['plan', 'done', '2', '--date', '2026-05-31']);
    expect([r.code, r.stderr]).toEqual([2, 'error: done date 2026-05-31 is before the start 2026-06-01\n']);
    expect(fs.run(['plan', 'done', '2', '--date', '2026-05-31'], { env: { FS_LANG: 'zh' } }).stderr).toBe('错误： 完成日期 2026-05-31 早于开始日期 2026-06-01\n');
    expect(snapshot(fs.db)).toBe(before);
    expect(fs.json(['plan', 'done', '2', '--date', '2026-06-01'])).toMatchObject({ status: 'done', done_on: '2026-06-01' });
    const again = fs.run(['plan', 'done', '2', '--date', '2026-06-02']);
    expect([again.code, again.stderr]).toEqual([2, 'error: plan item #2 is already done (reopen it with fs plan edit 2 --reopen)\n']);
  });
});
