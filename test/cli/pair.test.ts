// fs pair end to end through flags: the built CLI on a temporary database, today pinned to 2026-11-27.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

/** A roster with a party member and a villager, and the secretary set as the default helper. */
function ledger(lang = 'en') {
  const fs = cli({ lang });
  fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--tag', 'poor']);
  fs.ok(['person', 'add', '--name', '李建国', '--tag', 'party-member', '--tag', 'cadre']);
  fs.ok(['config', 'set', 'secretary', '李明']);
  return fs;
}

describe('fs pair through flags (en)', () => {
  it('adds, logs, lists, shows, edits and ends a pairing; JSON keys and values as documented', () => {
    const fs = ledger();
    const added = fs.json(['pair', 'add', '--person', '王秀英', '--needs', 'no income since her husband fell ill', '--measures', 'co-op job', '--date', '2026-10-01']);
    expect(added).toMatchObject({
      id: 1,
      person_id: 1,
      person: '王秀英',
      person_kind: 'villager',
      helper: '李明',
      needs: 'no income since her husband fell ill',
      measures: 'co-op job',
      cadence_days: 30,
      started_on: '2026-10-01',
      ended_on: null,
      outcome: null,
      last_contact: null,
      entries: 0,
      status: 'active',
      next_contact_due: '2026-10-31',
      overdue: true,
    });
    // Plain add prints just the new id.
    expect(fs.ok(['pair', 'add', '--person', '2', '--needs', 'study the new rules', '--helper', '张红', '--cadence', '14'])).toBe('2\n');

    const entry = fs.json(['pair', 'log', '1', '--date', '2026-11-20', '--action', 'took her to the co-op interview', '--result', 'hired']);
    expect(entry).toMatchObject({ id: 1, pair_id: 1, date: '2026-11-20', action: 'took her to the co-op interview', result: 'hired' });
    expect(fs.ok(['pair', 'log', '1', '--date', '-1d', '--action', 'phoned'])).toBe('2\n');

    const list = fs.json(['pair', 'list']);
    expect(list.map((p: any) => [p.id, p.person, p.person_kind, p.helper, p.last_contact, p.next_contact_due, p.entries, p.overdue])).toEqual([
      [2, '李建国', 'party-member', '张红', null, '2026-12-11', 0, false],
      [1, '王秀英', 'villager', '李明', '2026-11-26', '2026-12-26', 2, false],
    ]);
    const tsv = fs.ok(['pair', 'list', '--format', 'tsv']).split('\n');
    expect(tsv[0]).toBe('id\tperson\tperson_kind\thelper\tneeds\tstarted_on\tlast_contact\tnext_contact_due\tentries\tstatus');

    const shown = fs.json(['pair', 'show', '1']);
    expect(shown.log.map((e: any) => [e.date, e.action, e.result])).toEqual([
      ['2026-11-20', 'took her to the co-op interview', 'hired'],
      ['2026-11-26', 'phoned', null],
    ]);
    const table = fs.ok(['pair', 'show', '1', '--format', 'table']);
    expect(table).toContain('Help log');
    expect(table).toContain('took her to the co-op interview');

    const edited = fs.json(['pair', 'edit', '1', '--cadence', '7', '--measures', 'co-op job; medical subsidy']);
    expect(edited).toMatchObject({ cadence_days: 7, measures: 'co-op job; medical subsidy', needs: 'no income since her husband fell ill', next_contact_due: '2026-12-03' });

    const ended = fs.json(['pair', 'end', '1', '--date', '2026-11-27', '--outcome', 'steady income']);
    expect(ended).toMatchObject({ status: 'ended', ended_on: '2026-11-27', outcome: 'steady income', next_contact_due: null, overdue: false });
    // The history stays readable after the end.
    expect(fs.json(['pair', 'show', '1']).log).toHaveLength(2);

    expect(fs.json(['pair', 'list', '--active']).map((p: any) => p.id)).toEqual([2]);
    expect(fs.json(['pair', 'list', '--ended']).map((p: any) => p.id)).toEqual([1]);
    expect(fs.json(['pair', 'list', '--helper', '李明']).map((p: any) => p.id)).toEqual([1]);
    // The same person may be paired again with the same helper once the first pairing ended.
    expect(fs.ok(['pair', 'add', '--person', '王秀英', '--needs', 'follow-up'])).toBe('3\n');
  });

  it('--overdue lists active pairings past their cadence, from the boundary day on', () => {
    const fs = ledger();
    fs.ok(['pair', 'add', '--person', '王秀英', '--needs', 'work', '--date', '2026-10-28']); // due 11-27: not yet
    fs.ok(['pair', 'add', '--person', '李建国', '--needs', 'study', '--date', '2026-10-27']); // due 11-26: overdue
    expect(fs.json(['pair', 'list', '--overdue']).map((p: any) => p.person)).toEqual(['李建国']);
    expect(fs.json(['--today', '2026-11-26', 'pair', 'list', '--overdue'])).toEqual([]);
    expect(fs.json(['--today', '2026-11-28', 'pair', 'list', '--overdue'])).toHaveLength(2);
    expect(fs.ok(['pair', 'list', '--format', 'table'])).toMatch(/李建国.*active \(overdue\)/);
  });

  it('the default cadence follows the setting pair.cadence_days', () => {
    const fs = ledger();
    fs.ok(['config', 'set', 'pair.cadence_days', '10']);
    expect(fs.json(['pair', 'add', '--person', '王秀英', '--needs', 'work'])).toMatchObject({ cadence_days: 10, next_contact_due: '2026-12-07' });
  });

  it('every subcommand has help with an example', () => {
    const fs = cli();
    for (const sub of ['add', 'list', 'show', 'log', 'edit', 'end']) {
      expect(fs.ok(['pair', sub, '--help'])).toMatch(/Examples?:\n {2}fs pair /);
    }
  });
});

describe('fs pair in Chinese', () => {
  it('labels party members and villagers, and speaks Chinese in tables and errors; JSON keys stay English', () => {
    const fs = ledger('zh');
    const added = fs.json(['pair', 'add', '--person', '李建国', '--needs', '学习新规定', '--date', '2026-11-01']);
    expect(added).toMatchObject({ person_kind: 'party-member', helper: '李明', needs: '学习新规定', status: 'active' });
    fs.ok(['pair', 'add', '--person', '王秀英', '--needs', '没有收入']);
    fs.ok(['pair', 'log', '1', '--date', '2026-11-10', '--action', '上门谈心', '--result', '思想稳定']);
    const table = fs.ok(['pair', 'list', '--format', 'table']);
    expect(table).toContain('帮扶人');
    expect(table).toContain('下次联系');
    expect(table).toMatch(/李建国.*党员/);
    expect(table).toMatch(/王秀英.*群众/);
    const show = fs.ok(['pair', 'show', '1', '--format', 'md']);
    expect(show).toContain('帮扶记录');
    expect(show).toContain('上门谈心');
    expect(fs.json(['pair', 'show', '1']).log[0]).toMatchObject({ action: '上门谈心', result: '思想稳定' });

    const before = snapshot(fs.db);
    const dup = fs.run(['pair', 'add', '--person', '李建国', '--needs', '再次']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toBe('错误： 李建国 已与 李明 结对（结对 #1，自 2026-11-01 起）\n');
    const early = fs.run(['pair', 'log', '1', '--date', '2026-10-01', '--action', '走访']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('早于结对 #1 的开始日期（2026-11-01）');
    expect(snapshot(fs.db)).toBe(before);
  });
});

describe('fs pair refuses bad input: one line, the right exit code, nothing written', () => {
  const refused = (fs: ReturnType<typeof cli>, args: string[], code: number, message: string | RegExp) => {
    const before = snapshot(fs.db);
    const r = fs.run(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    expect(snapshot(fs.db)).toBe(before);
  };

  it('an unknown person: exit 1', () => {
    refused(ledger(), ['pair', 'add', '--person', '赵无名', '--needs', 'work'], 1, 'no one named "赵无名" on the roster');
    refused(ledger(), ['pair', 'add', '--person', '99', '--needs', 'work'], 1, 'person 99 not found');
  });

  it('a cadence of 0, a negative one or not a whole number: exit 2', () => {
    const fs = ledger();
    refused(fs, ['pair', 'add', '--person', '王秀英', '--needs', 'work', '--cadence', '0'], 2, 'invalid cadence "0": use a whole number of days, at least 1');
    refused(fs, ['pair', 'add', '--person', '王秀英', '--needs', 'work', '--cadence', '-7'], 2, 'invalid cadence "-7"');
    refused(fs, ['pair', 'add', '--person', '王秀英', '--needs', 'work', '--cadence', '1.5'], 2, 'invalid cadence "1.5"');
    fs.ok(['pair', 'add', '--person', '王秀英', '--needs', 'work']);
    refused(fs, ['pair', 'edit', '1', '--cadence', '0'], 2, 'invalid cadence "0"');
  });

  it('a help entry or an end dated before the pairing started: exit 2', () => {
    const fs = ledger();
    fs.ok(['pair', 'add', '--person', '王秀英', '--needs', 'work', '--date', '2026-11-01']);
    refused(fs, ['pair', 'log', '1', '--date', '2026-10-31', '--action', 'visited'], 2, '2026-10-31 is before pairing #1 started (2026-11-01)');
    refused(fs, ['pair', 'end', '1', '--date', '2026-10-31', '--outcome', 'done'], 2, '2026-10-31 is before pairing #1 started (2026-11-01)');
    fs.ok(['pair', 'log', '1', '--date', '2026-11-10', '--action', 'visited']);
    refused(fs, ['pair', 'end', '1', '--date', '2026-11-09', '--outcome', 'done'], 2, 'before the last help entry of pairing #1 (2026-11-10)');
    fs.ok(['pair', 'end', '1', '--date', '2026-11-20', '--outcome', 'done']);
    refused(fs, ['pair', 'end', '1', '--date', '2026-11-25', '--outcome', 'again'], 2, 'pairing #1 already ended on 2026-11-20');
    refused(fs, ['pair', 'log', '1', '--date', '2026-11-21', '--action', 'late'], 2, '2026-11-21 is after pairing #1 ended (2026-11-20)');
  });

  it('the eleventh active pairing of a helper: exit 1 naming the limit and the setting', () => {
    const fs = cli();
    for (let i = 1; i <= 11; i++) fs.ok(['person', 'add', '--name', `村民${i}`]);
    for (let i = 1; i <= 10; i++) fs.ok(['pair', 'add', '--person', `村民${i}`, '--needs', 'work', '--helper', '张红']);
    refused(fs, ['pair', 'add', '--person', '村民11', '--needs', 'work', '--helper', '张红'], 1, '张红 already has 10 active pairings, the limit of 10 (setting pair.max');
    // Another helper is not limited by 张红's pairings; ending one makes room again.
    expect(fs.ok(['pair', 'add', '--person', '村民11', '--needs', 'work', '--helper', '李明'])).toBe('11\n');
    fs.ok(['pair', 'end', '1', '--date', 'today', '--outcome', 'done']);
    expect(fs.ok(['pair', 'add', '--person', '村民11', '--needs', 'work', '--helper', '张红'])).toBe('12\n');
  });

  it('the same person twice with the same helper while active: exit 1', () => {
    const fs = ledger();
    fs.ok(['pair', 'add', '--person', '王秀英', '--needs', 'work']);
    refused(fs, ['pair', 'add', '--person', '王秀英', '--needs', 'again'], 1, '王秀英 is already paired with 李明 (pairing #1, since 2026-11-27)');
  });

  it('no helper and no secretary setting: exit 2 saying what to do', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    refused(fs, ['pair', 'add', '--person', '王秀英', '--needs', 'work'], 2, 'no helper: pass --helper NAME or run fs config set secretary NAME');
  });

  it('missing flags without a terminal, empty text, unknown pairing ids, nothing to edit', () => {
    const fs = ledger();
    refused(fs, ['pair', 'add', '--person', '王秀英'], 2, 'missing --needs (no terminal to ask on)');
    refused(fs, ['pair', 'add'], 2, 'missing --person, --needs');
    refused(fs, ['pair', 'add', '--person', '王秀英', '--needs', '  '], 2, '--needs cannot be empty');
    refused(fs, ['pair', 'add', '--person', '王秀英', '--needs', 'work', '--date', '2026-13-01'], 2, 'invalid date "2026-13-01"');
    refused(fs, ['pair', 'show', '7'], 1, 'pairing 7 not found');
    refused(fs, ['pair', 'log', '7', '--date', 'today', '--action', 'x'], 1, 'pairing 7 not found');
    refused(fs, ['pair', 'end', '7', '--date', 'today', '--outcome', 'x'], 1, 'pairing 7 not found');
    fs.ok(['pair', 'add', '--person', '王秀英', '--needs', 'work']);
    refused(fs, ['pair', 'log', '1', '--action', 'x'], 2, 'missing --date');
    refused(fs, ['pair', 'end', '1', '--date', 'today'], 2, 'missing --outcome');
    refused(fs, ['pair', 'edit', '1'], 2, 'nothing to change: give at least one of --needs, --measures, --cadence');
    refused(fs, ['pair', 'edit', 'x1', '--needs', 'y'], 2, 'invalid id "x1"');
  });
});
