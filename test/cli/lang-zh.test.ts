// Under --lang zh nothing the user reads stays English: commander's parse errors and help, and the
// prompts' yes/no with their key hints. Typing 否 at a yes/no question means no.
import { afterEach, describe, expect, it } from 'vitest';
import { cli, snapshot } from '../helpers/cli.js';
import { hasTmux, startPty, type PtySession } from '../helpers/pty.js';

describe('commander speaks Chinese', () => {
  const fs = cli({ lang: 'zh' });
  const cases: Array<[string[], RegExp]> = [
    [['visit', 'add', '--bogus'], /^错误： 未知选项 --bogus$/],
    [['vist'], /^错误： 未知命令 vist（是否想输入 visit？）$/],
    [['visit', 'show'], /^错误： 缺少必需的参数 <id>$/],
    [['visit', 'list', '--limit'], /^错误： 选项 --limit <n> 缺少取值$/],
    [['report', 'a', 'b'], /^错误： report 的参数过多：应为 1 个，实际 2 个$/],
  ];
  it.each(cases)('%j: one Chinese line, exit 2, nothing written', (args, line) => {
    const r = fs.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(line);
    expect(r.stderr).not.toMatch(/error|unknown|missing|Usage/i);
  });

  it('help headings and placeholders are Chinese', () => {
    const help = fs.ok(['visit', '--help']);
    expect(help).toContain('用法： fs visit [选项] [命令]');
    expect(help).toContain('add [选项]');
    expect(help).not.toMatch(/\[options\]|\[command\]|Usage:|Options:/);
  });

  it('English stays English', () => {
    const en = cli();
    const r = en.run(['visit', 'add', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: unknown option --bogus');
  });
});

let session: PtySession | undefined;
afterEach(() => session?.kill());

describe.skipIf(!hasTmux)('yes/no at a terminal in Chinese', () => {
  const env = (db: string) => ({ FS_DB: db, FS_TODAY: '2026-11-27', FS_LANG: 'zh', NO_COLOR: '1' });

  it('shows 是/否, takes 否 as no (nothing removed) and 是 as yes', async () => {
    const fs = cli({ lang: 'zh' });
    fs.ok(['person', 'add', '--name', '王秀英']);
    const before = snapshot(fs.db);
    session = startPty(['person', 'rm', '1'], env(fs.db));
    const screen = await session.waitFor('（是/否，回车为否）');
    expect(screen).not.toMatch(/y\/N|Y\/n/);
    session.type('否');
    session.keys('Enter');
    expect(await session.exitCode()).toBe(130);
    expect(snapshot(fs.db)).toBe(before);
    session.kill();

    session = startPty(['person', 'rm', '1'], env(fs.db));
    await session.waitFor('回车为否');
    session.type('也许');
    session.keys('Enter');
    await session.waitFor('请回答 是（y）或 否（n）');
    session.keys('C-u');
    session.type('是');
    session.keys('Enter');
    await session.waitFor(/？.*是/);
    expect(await session.exitCode()).toBe(0);
    expect(fs.json(['person', 'list'])).toEqual([]);
  });
});
