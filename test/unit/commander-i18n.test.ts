// Commander's own texts follow --lang: every parse error it can raise, and the help's placeholders and defaults.
import { Command } from 'commander';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { localHelp, translateCommanderError } from '../../src/cli/shared/commander-i18n.js';
import { setLang } from '../../src/i18n/index.js';
import { textWidth } from '../../src/render/width.js';
import { keysHelpTip, parseYesNo } from '../../src/prompts/localise.js';

afterEach(() => setLang('en'));

describe('commander errors in the user language', () => {
  const cases: Array<[string, string, string]> = [
    ["error: unknown option '--bogus'", 'error: unknown option --bogus', '错误： 未知选项 --bogus'],
    ["error: unknown option '--lmit'\n(Did you mean --limit?)", 'error: unknown option --lmit (did you mean --limit?)', '错误： 未知选项 --lmit（是否想输入 --limit？）'],
    ["error: unknown command 'vist'\n(Did you mean visit?)", 'error: unknown command vist (did you mean visit?)', '错误： 未知命令 vist（是否想输入 visit？）'],
    ["error: missing required argument 'id'", 'error: missing required argument <id>', '错误： 缺少必需的参数 <id>'],
    ["error: option '--limit <n>' argument missing", 'error: option --limit <n> needs a value', '错误： 选项 --limit <n> 缺少取值'],
    ["error: required option '--name <name>' not specified", 'error: required option --name <name> not given', '错误： 缺少必需的选项 --name <name>'],
    ["error: too many arguments for 'report'. Expected 1 argument but got 2.", 'error: too many arguments for report: expected 1, got 2', '错误： report 的参数过多：应为 1 个，实际 2 个'],
    ["error: too many arguments. Expected 0 arguments but got 1.", 'error: too many arguments for fs: expected 0, got 1', '错误： fs 的参数过多：应为 0 个，实际 1 个'],
    ["error: option '--a' cannot be used with option '--b'", 'error: --a cannot be used with --b', '错误： --a 不能与 --b 同时使用'],
  ];
  it.each(cases)('%j', (message, en, zh) => {
    setLang('en');
    expect(translateCommanderError(message)).toBe(en);
    setLang('zh');
    expect(translateCommanderError(message)).toBe(zh);
  });

  it('an unknown message keeps its text under our label', () => {
    setLang('zh');
    expect(translateCommanderError('error: something new')).toBe('错误： something new');
  });
});

describe('help in the user language', () => {
  const program = () => {
    const p = new Command('fs').configureHelp(localHelp);
    p.command('list').description('列出').option('--limit <n>', '最多 N 条', '50').option('--kind <k>', '类别');
    return p;
  };
  it('says placeholders and defaults in Chinese, aligned by display width', () => {
    setLang('zh');
    const p = program();
    const help = p.commands[0]!.helpInformation();
    expect(help).toContain('用法： fs list [选项]');
    expect(help).toContain('最多 N 条（默认："50"）');
    expect(help).not.toMatch(/default|\[options\]/);
    const top = p.helpInformation();
    expect(top).toContain('list [选项]');
  });
  it('keeps English in English', () => {
    setLang('en');
    const help = program().commands[0]!.helpInformation();
    expect(help).toContain('Usage: fs list [options]');
    expect(help).toContain('(default: "50")');
  });
});

describe('yes/no answers', () => {
  const cases: Array<[string, boolean, boolean | undefined]> = [
    ['', true, true],
    ['', false, false],
    ['y', false, true],
    ['Yes', false, true],
    ['是', false, true],
    ['好', false, true],
    ['n', true, false],
    ['NO', true, false],
    ['否', true, false],
    ['不', true, false],
    ['maybe', true, undefined],
    ['是否', true, undefined],
  ];
  it.each(cases)('%j (default %s) → %s', (answer, fallback, expected) => {
    expect(parseYesNo(answer, fallback)).toBe(expected);
  });
  it('key hints follow the language', () => {
    setLang('zh');
    expect(keysHelpTip([['↑↓', 'navigate'], ['space', 'select'], ['⏎', 'submit']])).toBe('↑↓ 移动 • 空格 选择 • ⏎ 确认');
    setLang('en');
    expect(keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])).toBe('↑↓ navigate • ⏎ select');
  });
});

describe('help column widths', () => {
  it('measures printable ASCII by its length, as the full measure does, and everything else by the full measure', () => {
    const unit = fc.constantFrom('a', ' ', '~', '\u001b[31m', '\u001b[39m', '\t', '\n', '中', '（', 'é', '\u0301', '👍', '\u007f', '\u00a0');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        // eslint-disable-next-line no-control-regex
        expect(localHelp.displayWidth!(s)).toBe(textWidth(s.replace(/\u001b\[[0-9;]*m/g, '')));
      }),
      { numRuns: 500 },
    );
  });
});
