// Input the way people type it, end to end (issue 12), and the bad global values of issue 11.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('labels in either language, lists, dates as people say them', () => {
  const fs = cli({ today: '2026-12-01' });

  it('the five values a new user typed first are accepted; JSON keeps the keys', () => {
    expect(fs.json(['person', 'add', '--name', '王秀英', '--household', '王家', '--tag', '党员', '--tag', 'poor'])).toMatchObject({ tags: ['party-member', 'poor'] });
    expect(fs.json(['visit', 'add', '--person', '王秀英', '--date', '11月3日', '--topic', '班子运行，村情民意', '--concern', '修路, 装灯'])).toMatchObject({
      date: '2026-11-03',
      topics: ['team', 'opinion'],
    });
    // A concern's text is not a list: its comma stays.
    expect(fs.json(['concern', 'list'])[0]).toMatchObject({ text: '修路, 装灯' });
    expect(fs.json(['concern', 'update', '1', '--status', '已转办', '--referred-to', '乡民政办', '--due', '本月15日'])).toMatchObject({ status: 'referred', due_on: '2026-12-15' });
    expect(fs.json(['meeting', 'add', '--type', '主题党日', '--date', '2026/11/20', '--expected', '10', '--present', '9'])).toMatchObject({ type: 'theme-day', date: '2026-11-20' });
    const d = fs.json(['dispute', 'add', '--title', '围墙', '--category', '邻里', '--party', '王秀英', '--source', '排查发现', '--risk', '高', '--date', '前天']);
    expect(d).toMatchObject({ category: 'neighbor', source: 'screening', risk: 'high', registered_on: '2026-11-29' });
    fs.ok(['dispute', 'resolve', String(d.id), '--date', '昨天', '--agreement', '拆除']);
    const revisited = fs.json(['dispute', 'revisit', String(d.id), '--date', 'today', '--performed', '是', '--satisfied', '否']);
    expect(revisited.timeline.at(-1)).toMatchObject({ kind: 'revisit', performed: true, satisfied: false });
    expect(fs.json(['report', 'this-month', '--section', '走访,concerns']).visits).toBeDefined();
  });

  it('tsv and csv print keys, not labels', () => {
    expect(fs.ok(['person', 'list', '--format', 'tsv'])).toContain('party-member,poor');
    expect(fs.ok(['meeting', 'list', '--format', 'csv'])).toContain('theme-day');
  });

  it('a bad key names the choices, with labels under --lang zh; nothing written', () => {
    const before = hash(fs.db);
    const en = fs.run(['person', 'add', '--name', 'x', '--tag', '党']);
    expect(en).toMatchObject({ code: 2, stdout: '' });
    expect(en.stderr).toBe('error: invalid tag "党": use one of party-member, cadre, reserve-cadre, village-rep, rich-expert, poor, petitioner\n');
    const zh = fs.run(['--lang', 'zh', 'concern', 'update', '1', '--status', '完成']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('错误： 状态无效 "完成"：可选 open（跟踪中）、referred（已转办）、resolved（已解决）\n');
    expect(hash(fs.db)).toBe(before);
  });

  it('help under --lang zh names each key with its label', () => {
    expect(fs.ok(['--lang', 'zh', 'person', 'add', '--help'])).toContain('party-member（党员）、cadre（村干部）');
    expect(fs.ok(['--lang', 'zh', 'dispute', 'revisit', '--help'])).toContain('yes（是） 或 no（否）');
    expect(fs.ok(['--lang', 'zh', 'person', 'list', '--help'])).toMatch(/只列出带此标签的人员：party-member（党员）/);
    expect(fs.ok(['person', 'add', '--help'])).not.toContain('（');
  });
});

describe('bad global values and paths: exit 2, one line, nothing touched', () => {
  it.each([
    [['--db', '', 'person', 'list'], 'error: --db is empty: give a value or leave the option out\n'],
    [['--today', '', 'person', 'list'], 'error: --today is empty: give a value or leave the option out\n'],
    [['report', '0000'], 'error: date "0000" is out of range: use a date from 1900-01-01 to 2999-12-31\n'],
    [['report', '9999-W52'], 'error: date "9999-W52" is out of range: use a date from 1900-01-01 to 2999-12-31\n'],
    [['--today', '9999-12-31', 'report'], 'error: date "9999-12-31" is out of range: use a date from 1900-01-01 to 2999-12-31\n'],
    [['visit', 'list', '--from', '0000-01-01'], 'error: date "0000-01-01" is out of range: use a date from 1900-01-01 to 2999-12-31\n'],
  ])('%j', (args, stderr) => {
    const fs = cli();
    fs.ok(['person', 'add', '--name', '王秀英']);
    const before = hash(fs.db);
    // FS_DB set: an empty --db must not fall back to it.
    const r = fs.run(args);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr });
    expect(hash(fs.db)).toBe(before);
  });

  it('--db DIR and import DIR say so in one line', () => {
    const dir = tempDir();
    const fs = cli({ db: join(dir, 'fs.db') });
    fs.ok(['person', 'add', '--name', '王秀英']);
    const before = hash(fs.db);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(fs.run(['--db', folder, 'person', 'list'])).toMatchObject({ code: 2, stdout: '', stderr: `error: ${folder} is a directory: --db (or FS_DB) names the database file, e.g. ${folder}/fs.db\n` });
    expect(fs.run(['person', 'list'], { env: { FS_DB: folder } }).stderr).toContain('is a directory');
    expect(fs.run(['import', folder])).toMatchObject({ code: 2, stderr: `error: ${folder} is a directory: give the file to import\n` });
    expect(hash(fs.db)).toBe(before);
  });
});
