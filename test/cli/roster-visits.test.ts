// End to end through flags only: the built bin on a temp database, as a script would use it.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, snapshot, tempDir } from '../helpers/cli.js';

describe('roster and visits through flags', () => {
  const fs = cli();

  it('adds people and prints their ids', () => {
    expect(fs.ok(['person', 'add', '--name', '王秀英', '--household', '王家', '--group', '一组', '--tag', 'poor', '--phone', '13800000001'])).toBe('1\n');
    expect(fs.ok(['person', 'add', '--name', '张三', '--household', '张家', '--group', '二组', '--tag', 'party-member'])).toBe('2\n');
    expect(fs.ok(['person', 'add', '--name', '张三', '--household', '张三家', '--group', '三组'])).toBe('3\n');
    const added = fs.json(['person', 'add', '--name', '李四', '--tag', 'village-rep', '--tag', 'rich-expert']);
    expect(added).toMatchObject({ id: 4, name: '李四', tags: ['village-rep', 'rich-expert'], household: null });
  });

  it('lists and shows people in every format', () => {
    const people = fs.json(['person', 'list']);
    expect(people.map((p: { name: string }) => p.name)).toEqual(['王秀英', '张三', '张三', '李四']);
    expect(fs.json(['person', 'list', '--tag', 'party-member']).map((p: { id: number }) => p.id)).toEqual([2]);
    const tsv = fs.ok(['person', 'list']).trim().split('\n');
    expect(tsv[0]).toBe('id\tname\thousehold\tgroup\tphone\ttags\tnotes');
    expect(tsv).toHaveLength(5);
    expect(fs.ok(['person', 'list', '--format', 'ndjson']).trim().split('\n').map((l) => JSON.parse(l).name)).toHaveLength(4);
    expect(fs.ok(['person', 'list', '--format', 'csv']).split('\r\n')[0]).toBe('id,name,household,group,phone,tags,notes');
    expect(fs.ok(['person', 'list', '--format', 'md'])).toContain('| 1 | 王秀英 | 王家 | 一组 | 13800000001 | household in hardship |  |');
    expect(fs.ok(['person', 'list', '--format', 'table'])).toContain('王秀英');
    expect(fs.json(['person', 'show', '1'])).toMatchObject({ name: '王秀英', visits: [], concerns: [] });
  });

  it('records visits: category from tags, topics, concerns', () => {
    expect(fs.ok(['visit', 'add', '--person', '王秀英', '--date', '2026-11-20', '--topic', 'hardship', '--topic', 'opinion', '--notes', 'roof leaks', '--concern', 'repair the roof', '--concern', 'medical insurance'])).toBe('1\n');
    const v = fs.json(['visit', 'add', '--person', '2', '--date', 'yesterday', '--topic', 'team', '--place', 'village office']);
    expect(v).toMatchObject({ id: 2, date: '2026-11-26', person: '张三', category: 'party-cadre', topics: ['team'], place: 'village office' });
    fs.ok(['visit', 'add', '--person', '李四', '--date', '-10d', '--category', 'other', '--topic', 'development']);
    fs.ok(['visit', 'add', '--person', '赵六', '--new-person', '--household', '赵家', '--group', '一组', '--tag', 'petitioner', '--date', '2026-08-01', '--topic', 'disputes']);
    expect(fs.json(['person', 'show', '5'])).toMatchObject({ name: '赵六', household: '赵家', tags: ['petitioner'] });
    expect(fs.json(['visit', 'show', '4'])).toMatchObject({ category: 'petitioner-household' });
  });

  it('filters visits', () => {
    const ids = (args: string[]) => fs.json(['visit', 'list', ...args]).map((v: { id: number }) => v.id);
    expect(ids([])).toEqual([4, 3, 1, 2]);
    expect(ids(['--period', 'this-month'])).toEqual([3, 1, 2]);
    expect(ids(['--period', '2026-W48'])).toEqual([2]);
    expect(ids(['--from', '2026-11-20', '--to', '2026-11-20'])).toEqual([1]);
    expect(ids(['--topic', 'hardship'])).toEqual([1]);
    expect(ids(['--category', 'party-cadre'])).toEqual([2]);
    expect(ids(['--person', '王秀英'])).toEqual([1]);
    expect(ids(['--group', '一组'])).toEqual([4, 1]);
    expect(ids(['--period', '本月', '--limit', '1'])).toEqual([2]);
  });

  it('edits a visit through flags and removes one with --yes', () => {
    expect(fs.json(['visit', 'edit', '3', '--topic', 'team', '--topic', 'opinion', '--notes', 'edited'])).toMatchObject({ topics: ['team', 'opinion'], notes: 'edited' });
    const r = fs.run(['visit', 'rm', '3', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/removed visit #3/);
    expect(fs.run(['visit', 'show', '3']).code).toBe(1);
  });

  it('tracks concerns until the villager is told', () => {
    const open = fs.json(['concern', 'list', '--open']);
    expect(open.map((c: { text: string }) => c.text)).toEqual(['repair the roof', 'medical insurance']);
    expect(open[0]).toMatchObject({ due_on: '2026-12-20', overdue: false, finished: false, visit_id: 1 });
    fs.ok(['concern', 'update', '1', '--status', 'referred', '--referred-to', '乡民政办', '--due', '2026-11-25']);
    expect(fs.json(['concern', 'list', '--overdue']).map((c: { id: number }) => c.id)).toEqual([1]);
    fs.ok(['concern', 'update', '1', '--status', 'resolved']);
    expect(fs.json(['concern', 'list', '--open']).map((c: { id: number }) => c.id)).toEqual([1, 2]);
    expect(fs.json(['concern', 'update', '1', '--feedback-on', 'today'])).toMatchObject({ status: 'resolved', resolved_on: '2026-11-27', feedback_on: '2026-11-27' });
    expect(fs.json(['concern', 'list', '--open']).map((c: { id: number }) => c.id)).toEqual([2]);
  });

  it('shows coverage: grid, uncovered lists and households not visited', () => {
    const cov = fs.json(['visit', 'coverage', 'this-month']);
    expect(cov.period).toEqual({ label: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(cov.uncovered_categories).toEqual(['village-rep', 'rich-expert', 'ordinary-household']);
    expect(cov.uncovered_topics).toEqual(['development', 'disputes']);
    expect(cov.grid.find((r: { category: string }) => r.category === 'poor-household')).toMatchObject({ hardship: 1, opinion: 1, total: 1 });
    // 赵家 last visited 2026-08-01 (118 days), 张三家 and 李四 (no household) never
    expect(cov.stale_households.map((h: { household: string; days_since: number | null }) => [h.household, h.days_since])).toEqual([
      ['张三家', null],
      ['赵家', 118],
    ]);
    expect(fs.json(['visit', 'coverage', 'this-month', '--stale-days', '200']).stale_households).toHaveLength(1);
    const md = fs.ok(['visit', 'coverage', '--format', 'md', '--lang', 'zh']);
    expect(md).toContain('| 类别 | 班子运行 | 村情民意 | 发展思路 | 群众疾苦 | 矛盾纠纷 | 走访次数 |');
    expect(md).toContain('| 困难户 | 0 | 1 | 0 | 1 | 0 | 1 |');
    const csv = fs.ok(['visit', 'coverage', '--format', 'csv']);
    expect(csv).toContain('uncovered_topic,,development,');
  });

  it('config get/set/list', () => {
    fs.ok(['config', 'set', 'village', '柳树村']);
    expect(fs.ok(['config', 'get', 'village'])).toBe('柳树村\n');
    expect(fs.json(['config', 'list']).find((s: { key: string }) => s.key === 'village')).toMatchObject({ value: '柳树村' });
  });

  it('-o writes a 0600 file in the format of its extension', () => {
    const out = join(tempDir(), 'visits.json');
    const r = fs.run(['visit', 'list', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(3);
    expect(statSync(out).mode & 0o077).toBe(0);
  });

  it('speaks Chinese', () => {
    const table = fs.ok(['visit', 'list', '--format', 'table', '--lang', 'zh']);
    expect(table).toContain('困难户');
    expect(table).toContain('群众疾苦');
    expect(fs.run(['visit', 'show', '99'], { env: { FS_LANG: 'zh' } }).stderr).toBe('错误： 找不到走访 99\n');
    // machine formats keep English keys in both languages
    expect(fs.ok(['visit', 'list', '--lang', 'zh']).split('\n')[0]).toBe('id\tdate\tperson\thousehold\tgroup\tcategory\ttopics\tconcerns\tnotes');
  });
});

describe('bad input: one line, the right exit code, nothing written', () => {
  const fs = cli();
  fs.ok(['person', 'add', '--name', '张三', '--household', 'A']);
  fs.ok(['person', 'add', '--name', '张三', '--household', 'B']);
  fs.ok(['visit', 'add', '--person', '1', '--concern', 'x']);
  const before = snapshot(fs.db);

  it.each([
    [['visit', 'add', '--person', '1', '--date', '2026-02-30'], 2, /invalid date "2026-02-30"/],
    [['visit', 'add', '--person', '1', '--date', 'someday'], 2, /today, yesterday, YYYY-MM-DD or -Nd/],
    [['visit', 'add', '--person', '1', '--date', '2026-11-28'], 2, /date 2026-11-28 is after today \(2026-11-27\)/],
    [['visit', 'edit', '1', '--date', '2027-01-01'], 2, /after today/],
    [['visit', 'add', '--person', '1', '--category', 'vip'], 2, /invalid category "vip": use one of party-cadre/],
    [['visit', 'add', '--person', '1', '--topic', 'weather'], 2, /invalid topic "weather"/],
    [['visit', 'add', '--person', '王五'], 1, /no one named "王五".*--new-person/],
    [['visit', 'add', '--person', '张三'], 2, /2 people are named "张三": #1 张三 \(A\); #2 张三 \(B\)/],
    [['visit', 'add'], 2, /missing --person/],
    [['visit', 'add', '--person', '1', '--concern', ' '], 2, /concern cannot be empty/],
    [['visit', 'list', '--period', 'fortnight'], 2, /invalid period "fortnight"/],
    [['visit', 'list', '--from', '2026-02-01', '--to', '2026-01-01'], 2, /after/],
    [['visit', 'list', '--format', 'xml'], 2, /invalid format "xml"/],
    [['visit', 'show', '99'], 1, /visit 99 not found/],
    [['visit', 'show', 'abc'], 2, /invalid id "abc"/],
    [['visit', 'rm', '1'], 2, /without a terminal to confirm: add --yes/],
    [['visit', 'edit', '1'], 2, /nothing to change/],
    [['person', 'add'], 2, /missing --name/],
    [['person', 'add', '--name', 'x', '--tag', 'rich'], 2, /invalid tag "rich"/],
    [['person', 'rm', '1'], 2, /add --yes/],
    [['concern', 'update', '1', '--status', 'done'], 2, /invalid status "done"/],
    [['concern', 'update', '1', '--status', 'referred'], 2, /needs --referred-to/],
    [['concern', 'update', '1', '--feedback-on', '2020-01-01'], 2, /before the concern was raised/],
    [['concern', 'update', '7'], 2, /nothing to change/],
    [['concern', 'update', '7', '--status', 'open'], 1, /concern 7 not found/],
    [['config', 'set', 'colour', 'red'], 2, /unknown setting "colour"/],
    [['config', 'set', 'concern.due_days', '-3'], 2, /invalid value "-3" for concern.due_days/],
    [['visit', 'frobnicate'], 2, /unknown command/],
    [['visit', 'list', '--colour'], 2, /unknown option/],
    [['--today', 'soon', 'visit', 'list'], 2, /invalid date "soon"/],
  ])('fs %j → exit %i', (args, code, message) => {
    const r = fs.run(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(snapshot(fs.db)).toBe(before);
  });

  it('a bad flag on a fresh machine does not even create the database', () => {
    const fresh = cli();
    expect(fresh.run(['visit', 'add', '--person', 'x', '--date', 'nope']).code).toBe(2);
    expect(() => statSync(fresh.db)).toThrow();
  });
});

describe('refusing files that are not fs databases', () => {
  it('a text file: exit 1, one line, untouched', () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'hello');
    const r = cli({ db: path }).run(['visit', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not an fs database/);
    expect(readFileSync(path, 'utf8')).toBe('hello');
  });
});
