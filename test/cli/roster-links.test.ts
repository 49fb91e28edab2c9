// Roster links that hold (issue 11, item 4): removing someone records refer to needs --force and
// their records keep the name; a party typed as a name links when that person joins the roster;
// fs dispute edit.
import { describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';

describe('fs person rm of someone records refer to', () => {
  it('refuses without --force, naming what refers to them (one line, exit 1, nothing written)', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家']);
    fs.ok(['person', 'add', '--name', '李四']);
    fs.ok(['visit', 'add', '--person', '1', '--date', '2026-11-20', '--topic', 'hardship', '--concern', '修屋顶']);
    fs.ok(['visit', 'add', '--person', '1', '--date', '2026-11-21', '--topic', 'team']);
    fs.ok(['dispute', 'add', '--title', '墙', '--category', 'neighbor', '--party', '1', '--party', '赵六', '--source', 'screening']);
    fs.ok(['pair', 'add', '--person', '1', '--needs', '无收入', '--helper', '李明']);
    fs.ok(['meeting', 'add', '--type', 'theme-day', '--date', '2026-11-05', '--attendee', '王秀英']);
    const before = snapshot(fs.db);
    const r = fs.run(['person', 'rm', '1', '--yes']);
    expect(r).toMatchObject({
      code: 1,
      stderr: 'error: person #1 王秀英 is referred to by 2 visit(s), 1 concern(s), 1 dispute(s) as a party, 1 pairing(s), the attendance of 1 meeting(s): fs person rm 1 --force removes them from the roster and those records keep the name\n',
    });
    expect(snapshot(fs.db)).toBe(before);
    expect(cli({ db: fs.db, lang: 'zh' }).run(['person', 'rm', '1', '--yes']).stderr).toContain('人员 #1 王秀英 仍被引用（走访 2 条');
    // Someone nothing refers to goes without --force.
    expect(fs.run(['person', 'rm', '2', '--yes']).code).toBe(0);
  });

  it('with --force, past records still show the name and --person filters by id still work', () => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家']);
    fs.ok(['visit', 'add', '--person', '1', '--date', '2026-11-20', '--topic', 'hardship', '--concern', '修屋顶']);
    fs.ok(['dispute', 'add', '--title', '墙', '--category', 'neighbor', '--party', '1', '--source', 'screening']);
    fs.ok(['person', 'rm', '1', '--yes', '--force']);
    expect(fs.json(['visit', 'list', '--person', '1']).map((v: { person: string }) => v.person)).toEqual(['王秀英']);
    expect(fs.json(['concern', 'list', '--person', '1'])).toHaveLength(1);
    expect(fs.json(['dispute', 'show', '1']).parties.map((p: { name: string }) => p.name)).toEqual(['王秀英']);
    expect(fs.json(['dispute', 'list', '--party', '1'])).toHaveLength(1);
    expect(fs.run(['person', 'show', '1']).code).toBe(1);
  });
});

describe('dispute parties and the roster', () => {
  it('a party typed as a plain name is linked when that person is added', () => {
    const fs = cli();
    fs.ok(['dispute', 'add', '--title', '墙', '--category', 'neighbor', '--party', '王五', '--party', '赵六', '--source', 'screening']);
    expect(fs.json(['dispute', 'show', '1']).parties.map((p: { person_id: number | null }) => p.person_id)).toEqual([null, null]);
    const r = fs.run(['person', 'add', '--name', '王五']);
    expect(r.stderr).toBe('linked #1 王五 to 1 dispute party(ies) typed with that name\n');
    expect(fs.json(['dispute', 'show', '1']).parties).toEqual([
      { person_id: 1, name: '王五', tags: [] },
      { person_id: null, name: '赵六', tags: [] },
    ]);
    expect(fs.json(['dispute', 'list', '--party', '1']).map((d: { id: number }) => d.id)).toEqual([1]);
  });

  it('a person renamed to the typed name is linked too', () => {
    const fs = cli();
    fs.ok(['dispute', 'add', '--title', '墙', '--category', 'neighbor', '--party', '赵六', '--source', 'screening']);
    fs.ok(['person', 'add', '--name', '赵', '--household', '赵家']);
    fs.ok(['person', 'edit', '1', '--name', '赵六']);
    expect(fs.json(['dispute', 'show', '1']).parties[0].person_id).toBe(1);
  });

  it('two people of that name when the party was typed: the first one added is linked, the second not', () => {
    const fs = cli();
    fs.ok(['dispute', 'add', '--title', '墙', '--category', 'neighbor', '--party', '赵六', '--source', 'screening']);
    fs.ok(['person', 'add', '--name', '赵六', '--household', '赵家']);
    expect(fs.run(['person', 'add', '--name', '赵六', '--household', '西赵家']).stderr).toBe('');
    expect(fs.json(['dispute', 'show', '1']).parties.map((p: { person_id: number | null }) => p.person_id)).toEqual([1]);
  });

  it('dispute edit: intake fields, flags, parties; refusals leave the case as it was', () => {
    const fs = cli();
    fs.ok(['dispute', 'add', '--title', '墙', '--category', 'neighbor', '--party', '王五', '--party', '赵六', '--source', 'screening']);
    // People who come by import are not matched by name (a merge is not a typing): edit says who.
    const other = cli();
    other.ok(['person', 'add', '--name', '钱', '--household', '钱家']);
    other.ok(['person', 'add', '--name', '赵六', '--household', '赵家']);
    fs.ok(['import', '-'], { input: other.ok(['export']) });
    expect(fs.json(['person', 'list']).map((p: { id: number; name: string }) => [p.id, p.name])).toEqual([[1, '钱'], [2, '赵六']]);
    expect(fs.json(['dispute', 'show', '1']).parties[1].person_id).toBeNull();
    const d = fs.json(['dispute', 'edit', '1', '--party', '2', '--title', '院墙', '--risk', 'high', '--add-flag', 'group-risk', '--category', 'homestead']);
    expect(d).toMatchObject({ title: '院墙', risk: 'high', flags: ['group-risk'], category: 'homestead' });
    expect(d.parties.map((p: { person_id: number | null; name: string }) => [p.person_id, p.name])).toEqual([[null, '王五'], [2, '赵六']]);
    const e = fs.json(['dispute', 'edit', '1', '--remove-party', '王五', '--party', '钱七', '--remove-flag', 'group-risk', '--source', 'petition', '--channel', 'hotline']);
    expect(e).toMatchObject({ flags: [], source: 'petition', channel: 'hotline' });
    expect(e.parties.map((p: { name: string }) => p.name)).toEqual(['赵六', '钱七']);
    expect(fs.json(['dispute', 'edit', '1', '--source', 'screening']).channel).toBeNull();
    const before = snapshot(fs.db);
    expect(fs.run(['dispute', 'edit', '1', '--source', 'petition']).code).toBe(2);
    expect(fs.run(['dispute', 'edit', '1', '--remove-party', '孙八']).stderr).toBe('error: "孙八" is not a party of case #1 (its parties: 赵六, 钱七)\n');
    expect(fs.run(['dispute', 'edit', '1', '--remove-party', '2', '--remove-party', '钱七']).stderr).toBe('error: name at least one party\n');
    expect(fs.run(['dispute', 'edit', '1', '--category', 'nope']).code).toBe(2);
    expect(fs.run(['dispute', 'edit', '1']).code).toBe(2);
    expect(fs.run(['dispute', 'edit', '9', '--title', 'x']).code).toBe(1);
    expect(snapshot(fs.db)).toBe(before);
  });
});
