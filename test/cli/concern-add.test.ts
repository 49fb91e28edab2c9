// fs concern add through flags: by phone or at the office (no visit), or later in a recorded visit;
// the answer date from concern.due_days; bad input refused in one line with nothing written.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

function roster() {
  const fs = cli({ today: '2026-12-01' });
  fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家']);
  fs.ok(['person', 'add', '--name', '张三']);
  fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-11-20', '--topic', 'hardship']);
  return fs;
}

describe('fs concern add', () => {
  it('a concern raised by phone: today, due concern.due_days later; the id on stdout', () => {
    const fs = roster();
    expect(fs.run(['concern', 'add', '--person', '王秀英', '--text', '修路'])).toMatchObject({ code: 0, stdout: '1\n', stderr: '' });
    expect(fs.json(['concern', 'list'])[0]).toMatchObject({ id: 1, visit_id: null, person: '王秀英', raised_on: '2026-12-01', text: '修路', status: 'open', due_on: '2026-12-31' });
    fs.ok(['config', 'set', 'concern.due_days', '15']);
    const c = fs.json(['concern', 'add', '--person', '#2', '--text', '低保', '--date', 'yesterday']);
    expect(c).toMatchObject({ person: '张三', raised_on: '2026-11-30', due_on: '2026-12-15' });
  });

  it('later in a recorded visit: the visit gives the person and the date; --due overrides the answer date', () => {
    const fs = roster();
    const c = fs.json(['concern', 'add', '--visit', '1', '--text', '屋顶漏雨', '--due', '2026-12-10']);
    expect(c).toMatchObject({ visit_id: 1, person: '王秀英', raised_on: '2026-11-20', due_on: '2026-12-10' });
    expect(fs.json(['concern', 'list'])).toMatchObject([{ visit_id: 1, text: '屋顶漏雨' }]);
    // It is on the agenda at once.
    expect(fs.json(['agenda', '--days', '9']).map((i: { reason: string; ref: { id: number } }) => `${i.reason}:${i.ref.id}`)).toContain('concern-due:1');
  });

  it.each([
    [['concern', 'add', '--text', 'x'], 2, 'error: missing --person (no terminal to ask on)\n'],
    [['concern', 'add', '--person', '王秀英'], 2, 'error: missing --text (no terminal to ask on)\n'],
    [['concern', 'add', '--person', '王秀英', '--text', '  '], 2, 'error: missing --text (no terminal to ask on)\n'],
    [['concern', 'add', '--person', '赵六', '--text', 'x'], 1, 'error: no one named "赵六" on the roster (add them with fs person add, or give an id)\n'],
    [['concern', 'add', '--visit', '1', '--person', '张三', '--text', 'x'], 2, 'error: visit #1 was with 王秀英, not 张三\n'],
    [['concern', 'add', '--visit', '1', '--text', 'x', '--date', '2026-11-19'], 2, 'error: the concern date 2026-11-19 is before visit #1 (2026-11-20)\n'],
    [['concern', 'add', '--visit', '9', '--text', 'x'], 1, 'error: visit 9 not found\n'],
    [['concern', 'add', '--person', '王秀英', '--text', 'x', '--due', '2026-11-01'], 2, 'error: the answer date 2026-11-01 is before the concern was raised (2026-12-01)\n'],
    [['concern', 'add', '--person', '王秀英', '--text', 'x', '--date', '2026-12-02'], 2, null],
    [['concern', 'add', '--person', '王秀英', '--text', 'x', '--visit', 'one'], 2, null],
  ])('%j: exit %i, one line, nothing written', (args, code, stderr) => {
    const fs = roster();
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect(r.code).toBe(code);
    if (stderr) expect(r.stderr).toBe(stderr);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(fs.db)).toBe(before);
  });

  it('says it in Chinese', () => {
    const fs = roster();
    expect(fs.run(['--lang', 'zh', 'concern', 'add', '--visit', '1', '--person', '张三', '--text', 'x'])).toMatchObject({ code: 2, stderr: '错误： 走访 #1 的对象是 王秀英，不是 张三\n' });
  });
});
