// The ledger records what has happened: dates after today are refused everywhere, nothing written.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

describe('dates after today', () => {
  const fs = cli();
  fs.ok(['config', 'set', 'secretary', '李明']);
  fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家']);
  fs.ok(['visit', 'add', '--person', '1', '--concern', 'roof']);
  fs.ok(['pair', 'add', '--person', '1', '--needs', 'housing', '--date', '2026-11-01']);
  fs.ok(['decision', 'add', '--matter', 'lease the orchard', '--date', '2026-11-01']);
  const before = snapshot(fs.db);

  it.each([
    [['visit', 'add', '--person', '1', '--date', '2026-11-28']],
    [['pair', 'add', '--person', '1', '--needs', 'x', '--helper', '张三', '--date', '2027-01-01']],
    [['pair', 'log', '1', '--date', '2031-01-01', '--action', 'visited']],
    [['pair', 'end', '1', '--date', '2030-01-01', '--outcome', 'done']],
    [['meeting', 'add', '--type', 'party-group', '--date', '2030-05-05']],
    [['decision', 'step', '1', '--step', 'proposal', '--date', '2030-01-01']],
    [['decision', 'add', '--matter', 'x', '--date', '2026-12-01']],
    [['concern', 'update', '1', '--feedback-on', '2030-01-01']],
  ])('fs %j → exit 2, one line, nothing written', (args) => {
    const r = fs.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is after today \(2026-11-27\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(fs.db)).toBe(before);
  });
});
