// Commander writes its own texts in English: its parse errors, the usage line's placeholders and the
// "(default: …)" of option help. They are matched here, once, and said again from the catalogue.
import { Help, type Argument, type Command, type Option } from 'commander';
import { textWidth } from '../../render/width.js';
import { hasMessage, t, type MessageKey } from '../../i18n/index.js';

type Rule = [RegExp, MessageKey, (m: RegExpExecArray) => Record<string, string>];

// Commander 14's messages (lib/command.js), each with what it names.
const ERRORS: Rule[] = [
  [/^error: unknown option '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?$/s, 'cli.unknown_option', (m) => ({ flag: m[1]!, suggest: suggestion(m[2]) })],
  [/^error: unknown command '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?$/s, 'cli.unknown_command', (m) => ({ name: m[1]!, suggest: suggestion(m[2]) })],
  [/^error: missing required argument '(.+?)'$/, 'cli.missing_argument', (m) => ({ name: m[1]! })],
  [/^error: option '(.+?)' argument missing$/, 'cli.option_missing_argument', (m) => ({ flags: m[1]! })],
  [/^error: required option '(.+?)' not specified$/, 'cli.required_option', (m) => ({ flags: m[1]! })],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\.$/, 'cli.excess_arguments', (m) => ({ command: m[1] ?? 'fs', expected: m[2]!, got: m[3]! })],
  [/^error: option '(.+?)' cannot be used with option '(.+?)'$/, 'cli.conflicting_option', (m) => ({ a: m[1]!, b: m[2]! })],
  [/^error: (.+?) cannot be used with (.+)$/, 'cli.conflicting_option', (m) => ({ a: m[1]!, b: m[2]! })],
  [/^error: option '(.+?)' argument '(.+?)' is invalid\.\s*(.*)$/s, 'cli.invalid_option_argument', (m) => ({ flags: m[1]!, value: m[2]!, detail: m[3]! })],
  [/^error: command-argument value '(.+?)' is invalid for argument '(.+?)'\.\s*(.*)$/s, 'cli.invalid_argument', (m) => ({ value: m[1]!, name: m[2]!, detail: m[3]! })],
];

function suggestion(s: string | undefined): string {
  return s ? t('cli.did_you_mean', { name: s }) : '';
}

/** One of commander's error messages in the user's language, on one line, with our "error:" label. */
export function translateCommanderError(message: string): string {
  const text = message.trim();
  for (const [re, key, params] of ERRORS) {
    const m = re.exec(text);
    if (m) return `${t('label.error')} ${t(key, params(m))}`;
  }
  return text.replace(/^error:/, t('label.error'));
}

const PLACEHOLDERS: Array<[string, MessageKey]> = [
  ['[options]', 'help.[options]'],
  ['[command]', 'help.[command]'],
];

/** Commander's usage placeholders ([options], [command]) in the user's language. */
export function localisePlaceholders(s: string): string {
  return PLACEHOLDERS.reduce((acc, [en, key]) => acc.split(en).join(t(key)), s);
}

/** "(default: x, choices: a, b)" at the end of a description, said in the user's language. */
function extraInfo(s: string): string {
  // Most descriptions have no such ending: no need to run (and first compile) the expression.
  if (!s.endsWith(')')) return s;
  return s.replace(/ ?\((default|choices|preset|env): (.*)\)$/s, (_, word: string, rest: string) =>
    t('help.extra', { text: `${t(`help.${word}` as MessageKey)}${rest}`.replace(/, (default|choices|preset|env): /g, (__, w: string) => `${t('help.sep')}${t(`help.${w}` as MessageKey)}`) }),
  );
}

const base = Help.prototype;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The help configuration every command gets: headings, placeholders and defaults from the catalogue. */
export const localHelp: Partial<Help> = {
  // Commander pads columns by string length; Chinese characters take two columns. (textWidth loads
  // string-width only for rare characters: at every start it would cost tens of milliseconds.)
  // Commander asks for every word of the help (400 times for `fs --help`): printable ASCII, the
  // usual case, is measured by one regular expression instead of a loop not yet compiled.
  // eslint-disable-next-line no-control-regex
  displayWidth: (s: string) => (PRINTABLE_ASCII.test(s) ? s.length : textWidth(s.replace(/\u001b\[[0-9;]*m/g, ''))),
  styleTitle: (title: string) => (hasMessage(`help.${title}`) ? t(`help.${title}` as MessageKey) : title),
  commandUsage(this: Help, cmd: Command) {
    return localisePlaceholders(base.commandUsage.call(this, cmd));
  },
  subcommandTerm(this: Help, cmd: Command) {
    return localisePlaceholders(base.subcommandTerm.call(this, cmd));
  },
  optionDescription(this: Help, option: Option) {
    return extraInfo(base.optionDescription.call(this, option));
  },
  argumentDescription(this: Help, argument: Argument) {
    return extraInfo(base.argumentDescription.call(this, argument));
  },
};
