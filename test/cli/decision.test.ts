// fs decision end to end: the six steps of 四议两公开 through flags, a rejected vote, and refusals
// that leave the database unchanged, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

describe('fs decision through flags', () => {
  it('follows a decision through all six steps to done', () => {
    const fs = cli();
    expect(fs.ok(['decision', 'add', '--matter', 'lease 20 mu to the tea co-operative', '--kind', 'land-forest-transfer', '--date', '2026-09-01'])).toBe('1\n');
    fs.ok(['meeting', 'add', '--type', 'branch-general', '--date', '2026-09-10', '--expected', '30', '--present', '24', '--vote']); // 1
    fs.ok(['meeting', 'add', '--type', 'villager-reps', '--date', '2026-09-20', '--expected', '45', '--present', '30', '--vote']); // 2
    const first = fs.run(['decision', 'step', '1', '--step', 'proposal', '--date', '2026-09-02', '--combined', '--note', '一肩挑']);
    expect(first).toMatchObject({ code: 0, stdout: '1\n' });
    expect(first.stderr).toBe('decision #1: branch proposal + two committees consult recorded; now in progress\n');
    fs.ok(['decision', 'step', '1', '--step', 'members-review', '--meeting', '1', '--for', '20']);
    // The resolution takes the meeting's counts: 30 of 45 is two thirds; 16 of 30 present is more than half.
    fs.ok(['decision', 'step', '1', '--step', 'resolution', '--meeting', '2', '--for', '16']);
    fs.ok(['decision', 'step', '1', '--step', 'resolution-public', '--date', '2026-09-21']);
    const done = fs.json(['decision', 'step', '1', '--step', 'result-public', '--date', '2026-11-20']);
    expect(done).toMatchObject({ id: 1, status: 'done', next_step: null, kind: 'land-forest-transfer' });
    expect(done.steps.map((s: { step: string; date: string; passed: boolean | null }) => [s.step, s.date, s.passed])).toEqual([
      ['proposal', '2026-09-02', null],
      ['consultation', '2026-09-02', null],
      ['members-review', '2026-09-10', true],
      ['resolution', '2026-09-20', true],
      ['resolution-public', '2026-09-21', null],
      ['result-public', '2026-11-20', null],
    ]);
    expect(done.steps[3]).toMatchObject({ meeting_id: 2, expected: 45, present: 30, votes_for: 16 });
    expect(fs.json(['decision', 'list', '--status', 'done']).map((d: { id: number }) => d.id)).toEqual([1]);
    expect(fs.json(['decision', 'list', '--status', 'in-progress'])).toEqual([]);
    // A wide terminal: the row stays on one line (at 80 columns the table wraps, see test/cli/table.test.ts).
    const show = fs.ok(['decision', 'show', '1', '--format', 'table'], { env: { COLUMNS: '200' } });
    expect(show).toMatch(/villagers' resolution\s+│ 2026-09-20 │ 2\s+│ 45\s+│ 30\s+│ 16\s+│ passed/);
    // The meeting shows the steps taken at it.
    expect(fs.json(['meeting', 'show', '2']).decision_steps).toMatchObject([{ decision_id: 1, step: 'resolution', passed: true }]);
    const again = fs.run(['decision', 'step', '1', '--step', 'result-public', '--date', '2026-11-21']);
    expect(again).toMatchObject({ code: 2, stderr: 'error: decision #1 is done: no further step can be taken\n' });
  });

  it('records a failed vote and stops there: status rejected', () => {
    const fs = cli();
    fs.ok(['decision', 'add', '--matter', 'borrow 500,000 for a cold store', '--kind', 'borrowing', '--date', '2026-10-01']);
    fs.ok(['decision', 'step', '1', '--step', 'proposal', '--date', '2026-10-02']);
    fs.ok(['decision', 'step', '1', '--step', 'consultation', '--date', '2026-10-03']);
    const r = fs.run(['decision', 'step', '1', '--step', 'members-review', '--date', '2026-10-10', '--expected', '30', '--present', '30', '--for', '15']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("decision #1: party members' review failed (15 for, 30 present of 30); the decision is rejected\n");
    expect(fs.json(['decision', 'show', '1'])).toMatchObject({ status: 'rejected', next_step: null, steps: [{}, {}, { step: 'members-review', passed: false, votes_for: 15 }] });
    expect(fs.json(['decision', 'list', '--status', 'rejected', '--period', '2026-Q4']).map((d: { id: number }) => d.id)).toEqual([1]);
    expect(fs.json(['decision', 'list', '--period', '2026-Q3'])).toEqual([]);
    expect(fs.run(['decision', 'step', '1', '--step', 'resolution', '--date', '2026-10-20', '--expected', '30', '--present', '30', '--for', '30'])).toMatchObject({ code: 2, stderr: 'error: decision #1 is rejected: no further step can be taken\n' });
    expect(fs.ok(['decision', 'list', '--format', 'table'])).toContain('rejected');
  });
});

describe('fs decision: refusals change nothing', () => {
  const fs = cli();
  fs.ok(['decision', 'add', '--matter', 'village rules revision', '--kind', 'rules', '--date', '2026-09-01']); // 1, proposal and consultation on 09-05
  fs.ok(['decision', 'step', '1', '--step', 'proposal', '--date', '2026-09-05', '--combined']);
  fs.ok(['decision', 'add', '--matter', 'new road', '--date', '2026-09-01']); // 2, nothing yet
  fs.ok(['meeting', 'add', '--type', 'theme-day', '--date', '2026-09-10', '--expected', '30', '--present', '30']); // 1

  it.each<[string, string[], number, string]>([
    ['consultation before the proposal', ['decision', 'step', '2', '--step', 'consultation', '--date', '2026-09-02'], 2, 'error: two committees consult is out of order: the next step is branch proposal (proposal) (add --combined to take proposal and consultation together, 一肩挑)\n'],
    ['skipping to the resolution', ['decision', 'step', '1', '--step', 'resolution', '--date', '2026-09-20', '--expected', '30', '--present', '30', '--for', '30'], 2, "error: villagers' resolution is out of order: the next step is party members' review (members-review)\n"],
    ['--combined later', ['decision', 'step', '1', '--step', 'members-review', '--date', '2026-09-20', '--expected', '30', '--present', '30', '--for', '30', '--combined'], 2, '--combined takes proposal and consultation together, as the first step only'],
    ['a date going backwards', ['decision', 'step', '1', '--step', 'members-review', '--date', '2026-09-04', '--expected', '30', '--present', '30', '--for', '30'], 2, 'error: 2026-09-04 is before the previous step (2026-09-05): dates cannot go backwards\n'],
    ['15 of 30 present is no quorum', ['decision', 'step', '1', '--step', 'members-review', '--date', '2026-09-10', '--expected', '30', '--present', '15', '--for', '15'], 2, "error: no quorum for party members' review: 15 of 30 present is not more than half; nothing recorded\n"],
    ['a vote without counts', ['decision', 'step', '1', '--step', 'members-review', '--date', '2026-09-10'], 2, 'is a vote: give --expected, --present and --for'],
    ['more for than present', ['decision', 'step', '1', '--step', 'members-review', '--date', '2026-09-10', '--expected', '30', '--present', '20', '--for', '21'], 2, 'counts do not fit'],
    ['counts on a step that is no vote', ['decision', 'step', '2', '--step', 'proposal', '--date', '2026-09-10', '--for', '3'], 2, 'branch proposal is not a vote'],
    ['the review at the wrong meeting', ['decision', 'step', '1', '--step', 'members-review', '--meeting', '1', '--for', '20'], 2, "meeting #1 is a theme party day; party members' review is taken at a branch general meeting"],
    ['an unknown meeting', ['decision', 'step', '1', '--step', 'members-review', '--meeting', '9', '--for', '20'], 1, 'error: meeting 9 not found\n'],
    ['an unknown decision', ['decision', 'step', '9', '--step', 'proposal', '--date', '2026-09-10'], 1, 'error: decision 9 not found\n'],
    ['an unknown step', ['decision', 'step', '1', '--step', 'vote', '--date', '2026-09-10'], 2, 'invalid step "vote": use one of proposal, consultation, members-review, resolution, resolution-public, result-public'],
    ['no flags, no terminal', ['decision', 'step', '1'], 2, 'error: missing --step, --date (no terminal to ask on)\n'],
    ['add without a matter', ['decision', 'add', '--kind', 'rules'], 2, 'error: missing --matter (no terminal to ask on)\n'],
    ['add with an unknown kind', ['decision', 'add', '--matter', 'x', '--kind', 'party'], 2, 'invalid decision kind "party"'],
    ['list by an unknown status', ['decision', 'list', '--status', 'open'], 2, 'invalid status "open": use one of in-progress, done, rejected'],
    ['show an unknown decision', ['decision', 'show', '9'], 1, 'decision 9 not found'],
  ])('%s', (_, args, code, message) => {
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(snapshot(fs.db)).toBe(before);
  });

  it('refuses in Chinese', () => {
    const before = snapshot(fs.db);
    const r = fs.run(['--lang', 'zh', 'decision', 'step', '2', '--step', 'members-review', '--date', '2026-09-10', '--expected', '30', '--present', '30', '--for', '30']);
    expect(r).toMatchObject({ code: 2, stderr: '错误： 党员大会审议顺序不对：下一程序应为党支部提议 (proposal)\n' });
    const q = fs.run(['--lang', 'zh', 'decision', 'step', '1', '--step', 'members-review', '--date', '2026-09-10', '--expected', '30', '--present', '15', '--for', '15']);
    expect(q).toMatchObject({ code: 2, stderr: '错误： 党员大会审议未达法定人数：应到 30 人实到 15 人，须过半数；未记录\n' });
    expect(snapshot(fs.db)).toBe(before);
  });

  it('reads in Chinese', () => {
    const zh = cli({ lang: 'zh' });
    zh.ok(['decision', 'add', '--matter', '修订村规民约', '--kind', 'rules', '--date', '2026-09-01']);
    const r = zh.run(['decision', 'step', '1', '--step', 'proposal', '--date', '2026-09-02', '--combined']);
    expect(r.stderr).toBe('决策事项 #1：已记录党支部提议 + 两委商议；当前状态：办理中\n');
    const show = zh.ok(['decision', 'show', '1', '--format', 'table']);
    expect(show).toContain('村规民约');
    expect(show).toContain('党员大会审议'); // the next step
    expect(zh.ok(['decision', 'list', '--format', 'table'])).toContain('办理中');
  });
});
