import type { Entries } from './index.js';

// Commander's own texts (parse errors, usage placeholders, defaults), said in the user's language.
export const cli = {
  'cli.unknown_option': ['unknown option {flag}{suggest}', '未知选项 {flag}{suggest}'],
  'cli.unknown_command': ['unknown command {name}{suggest}', '未知命令 {name}{suggest}'],
  'cli.did_you_mean': [' (did you mean {name}?)', '（是否想输入 {name}？）'],
  'cli.missing_argument': ['missing required argument <{name}>', '缺少必需的参数 <{name}>'],
  'cli.option_missing_argument': ['option {flags} needs a value', '选项 {flags} 缺少取值'],
  'cli.required_option': ['required option {flags} not given', '缺少必需的选项 {flags}'],
  'cli.excess_arguments': [
    'too many arguments for {command}: expected {expected}, got {got}',
    '{command} 的参数过多：应为 {expected} 个，实际 {got} 个',
  ],
  'cli.conflicting_option': ['{a} cannot be used with {b}', '{a} 不能与 {b} 同时使用'],
  'cli.invalid_option_argument': ['option {flags}: invalid value "{value}". {detail}', '选项 {flags} 的取值无效 "{value}"。{detail}'],
  'cli.invalid_argument': ['invalid value "{value}" for <{name}>. {detail}', '参数 <{name}> 的取值无效 "{value}"。{detail}'],
  'help.[options]': ['[options]', '[选项]'],
  'help.[command]': ['[command]', '[命令]'],
  'help.extra': [' ({text})', '（{text}）'],
  'help.sep': [', ', '；'],
  'help.default': ['default: ', '默认：'],
  'help.choices': ['choices: ', '可选：'],
  'help.preset': ['preset: ', '预设：'],
  'help.env': ['env: ', '环境变量：'],
} satisfies Entries;
