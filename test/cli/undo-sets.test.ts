// fs undo by command: one change set per command, reverted whole; --id for an older independent
// set; a dependent one refused in one line with the database unchanged; undo of an undo redoes.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

describe('fs undo reverts the whole last command', () => {
  it('visit add with two concerns: the visit and both concerns go, and it says so', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    fs.ok(['visit', 'add', '--person', '1', '--topic', 'hardship', '--concern', '甲', '--concern', '乙']);
    expect(fs.json(['concern', 'list'])).toHaveLength(2);
    const r = fs.run(['undo', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^undone: #2 .* visit add: add visit #1: .*; add concern #1: .*text: 甲.*; add concern #2: .*text: 乙/);
    expect(fs.json(['visit', 'list'])).toEqual([]);
    expect(fs.json(['concern', 'list'])).toEqual([]);
    expect(fs.json(['person', 'list'])).toHaveLength(1);
    const h = fs.json(['history', '--limit', '1']);
    expect(h.map((e: { op: string; command: string; change_set: number }) => [e.op, e.command, e.change_set])).toEqual([
      ['undo', 'undo', 3],
      ['undo', 'undo', 3],
      ['undo', 'undo', 3],
    ]);
    expect(fs.json(['history', 'visit', '1']).find((e: { op: string }) => e.op === 'insert')).toMatchObject({ change_set: 2, command: 'visit add', set_undone_by: 3 });
  });

  it('says it in Chinese too', () => {
    const fs = cli({ lang: 'zh' });
    fs.ok(['person', 'add', '--name', '王秀英']);
    fs.ok(['visit', 'add', '--person', '1', '--concern', '甲', '--concern', '乙']);
    expect(fs.run(['undo', '--yes'])).toMatchObject({ code: 0, stderr: expect.stringMatching(/^已撤销：#2 .* visit add：新增 走访 #1：日期：.*；新增 诉求 #1：.*内容：甲.*；新增 诉求 #2：.*内容：乙/) });
    expect(fs.json(['concern', 'list'])).toEqual([]);
  });

  it('a meeting with its attendance, and a plan dropped with its milestones', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英', '--tag', 'party-member']);
    fs.ok(['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-05', '--topic', 'study', '--attendee', '王秀英', '--absent', '李四:ill']);
    const meetingState = snapshot(fs.db);
    fs.ok(['meeting', 'edit', '1', '--attendee', '王秀英', '--attendee', '张三']);
    expect(fs.run(['undo', '--yes']).code).toBe(0);
    expect(fs.json(['meeting', 'show', '1'])).toMatchObject({ expected: 2, present: 1, attendees: [{ name: '王秀英' }], absentees: [{ name: '李四', reason: 'ill' }] });
    expect(fs.run(['undo', '--yes'])).toMatchObject({ code: 0, stderr: expect.stringContaining('meeting add: add meeting #1') });
    expect(fs.json(['meeting', 'list'])).toEqual([]);
    expect(meetingState).not.toBe(snapshot(fs.db));

    fs.ok(['plan', 'add', '--title', 'Street lights', '--area', 'public-welfare', '--due', '2026-12-31']);
    fs.ok(['plan', 'milestone', 'add', '1', '--title', 'poles', '--due', '2026-12-01']);
    fs.ok(['plan', 'milestone', 'add', '1', '--title', 'lamps', '--due', '2026-12-15']);
    fs.ok(['plan', 'drop', '1', '--reason', 'no budget']);
    expect(fs.json(['plan', 'milestone', 'list', '--plan', '1']).map((m: { status: string }) => m.status)).toEqual(['dropped', 'dropped']);
    expect(fs.run(['undo', '--yes'])).toMatchObject({ code: 0, stderr: expect.stringContaining('plan drop: ') });
    expect(fs.json(['plan', 'milestone', 'list', '--plan', '1']).map((m: { status: string }) => m.status)).toEqual(['planned', 'planned']);
    expect(fs.json(['plan', 'show', '1'])).toMatchObject({ status: expect.not.stringMatching(/dropped/) });
  });
});

describe('fs undo --id N', () => {
  it('reverts an older set no later one depends on, refuses a dependent one in one line, and redoes an undo', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']); // set 1
    fs.ok(['person', 'add', '--name', '张建国']); // set 2
    fs.ok(['person', 'edit', '1', '--phone', '13800000001']); // set 3
    fs.ok(['config', 'set', 'village', '柳树村']); // set 4

    // Set 1 is depended on by set 3 (same person): refused, nothing written.
    const before = snapshot(fs.db);
    const refused = fs.run(['undo', '--id', '1', '--yes']);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: 'error: cannot undo change set #1: change set #3 (person edit) changed the same records later; undo that one first; nothing was undone\n' });
    expect(snapshot(fs.db)).toBe(before);
    expect(fs.run(['undo', '--id', '1', '--yes'], { env: { FS_LANG: 'zh' } }).stderr).toBe(
      '错误： 无法撤销第 1 组修改：之后的第 3 组修改（person edit）改动了相同的记录，请先撤销那一组；未撤销任何内容\n',
    );

    // Set 2 is independent: only 张建国 goes; the later edit and setting stay.
    expect(fs.run(['undo', '--id', '2', '--yes'])).toMatchObject({ code: 0, stderr: expect.stringMatching(/^undone: #2 .* person add: add person #2: name: 张建国/) });
    expect(fs.json(['person', 'list']).map((p: { name: string }) => p.name)).toEqual(['王秀英']);
    expect(fs.ok(['config', 'get', 'village'])).toBe('柳树村\n');
    expect(fs.run(['undo', '--id', '2', '--yes'])).toMatchObject({ code: 1, stderr: 'error: change set #2 is already undone (by #5); nothing was undone\n' });

    // Undo of the undo (set 5) is a redo; plain undo then takes the newest command again.
    expect(fs.run(['undo', '--id', '5', '--yes']).code).toBe(0);
    expect(fs.json(['person', 'list']).map((p: { name: string }) => p.name)).toEqual(['王秀英', '张建国']);
    expect(fs.run(['undo', '--yes'])).toMatchObject({ code: 0, stderr: expect.stringContaining('config set: edit setting: village: ∅ → 柳树村') });
    expect(fs.run(['undo', '--id', '99', '--yes'])).toMatchObject({ code: 1, stderr: 'error: no change set #99; fs history lists them\n' });
    expect(fs.run(['undo', '--id', 'x', '--yes']).code).toBe(2);
  });

  it('refuses to remove a record a later command still refers to', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']); // set 1
    fs.ok(['visit', 'add', '--person', '1']); // set 2
    const before = snapshot(fs.db);
    const r = fs.run(['undo', '--id', '1', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot undo change #1 \(insert person\): visit #1 still refers to it; nothing was undone\n$/);
    expect(snapshot(fs.db)).toBe(before);
  });
});
