// Builds the program, adds each command, parses. The one place that catches errors and sets the exit code.
import { Command, CommanderError, Help, type Option } from 'commander';
import { COMMANDS } from './cli/index.js';
import { preScan } from './cli/shared/prescan.js';
import { blockingStdout, writeErr, writeStderr } from './cli/shared/io.js';
import { localHelp, localisePlaceholders, translateCommanderError } from './cli/shared/commander-i18n.js';
import { FsError } from './errors.js';
import { configureTableWidth } from './render/output.js';
import { ce, configureColor } from './render/color.js';
import { oneLine, terminalSafe } from './render/escape.js';
import { getLang, resolveLang, setLang, t } from './i18n/index.js';
import { labelledDescription } from './cli/shared/choices.js';

declare const FS_VERSION: string;

/**
 * The program: `only` (the command being run) in full and nothing beside it, since commander
 * dispatches on the word preScan found; every command as a one-line stub when none is being run
 * (`fs --help`, a mistyped command and its suggestions); every command in full without `only`.
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('fs')
    .description(t('cmd.fs'))
    .version(typeof FS_VERSION === 'string' ? FS_VERSION : 'dev', '-V, --version', t('opt.version'))
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('opt.help_command'))
    .option('--db <path>', t('opt.db'))
    .option('--lang <lang>', t('opt.lang'))
    .option('--today <date>', t('opt.today'))
    .option('--no-input', t('opt.no_input'))
    .option('--no-color', t('opt.no_color'))
    .showSuggestionAfterError(true)
    .addHelpText('after', '\nExamples:\n  fs visit add\n  fs visit list --period this-month\n  fs report last-week --format md -o week.md\n  fs backup')
    .exitOverride()
    .configureOutput({
      // Help's "Example(s):" lines come from each command's help text, written in English.
      writeOut: (s) => process.stdout.write(s.replace(/^Examples?:$/gm, t('help.Examples:'))),
      // Commander's errors echo what was typed (an unknown option may carry an ESC sequence).
      writeErr: (s) => writeStderr(terminalSafe(s)),
      outputError: (s, write) => write(`${oneLine(translateCommanderError(s))}\n`),
    });
  const stubs = new Map<Command, string>();
  for (const entry of COMMANDS) {
    if (only === undefined || only === entry.name) {
      program.addCommand(await entry.build());
      continue;
    }
    if (only) continue;
    const stub = new Command(entry.name).description(t(entry.description));
    stubs.set(stub, entry.usage ? `${entry.name} ${entry.usage}` : entry.name);
    program.addCommand(stub);
  }
  // Every subcommand reports usage errors the same way (exit 2) instead of exiting on its own.
  const output = program.configureOutput();
  // Commander's own headings ("Usage:", "Options:", ...), placeholders and defaults in the user's language.
  const help: Partial<Help> = {
    ...localHelp,
    // A stub is listed as the built command would be ("report [options] [period]").
    subcommandTerm(this: Help, cmd: Command) {
      const stub = stubs.get(cmd);
      return stub === undefined ? localHelp.subcommandTerm!.call(this, cmd) : localisePlaceholders(stub);
    },
    // Under --lang zh each key an option takes is shown with its Chinese label.
    optionDescription(this: Help, option: Option) {
      return labelledDescription(localHelp.optionDescription!.call(this, option), getLang());
    },
  };
  program.configureHelp(help);
  const override = (cmd: Command) => {
    cmd.exitOverride();
    cmd.configureOutput(output);
    cmd.configureHelp(help);
    cmd.helpOption('-h, --help', t('opt.help'));
    cmd.helpCommand('help [command]', t('opt.help_command'));
    cmd.commands.forEach(override);
  };
  program.commands.forEach(override);
  return program;
}

function exitCodeFor(e: CommanderError): number {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const pre = preScan(argv.slice(2));
  const lang = resolveLang(pre.lang, process.env);
  setLang(lang);
  configureColor({ noColorFlag: pre.noColor, env: process.env, isTTY: Boolean(process.stdout.isTTY) }, () => ({
    noColorFlag: pre.noColor,
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  }));
  configureTableWidth(Boolean(process.stdout.isTTY), process.stdout.columns, process.env);
  blockingStdout();
  try {
    // `fs` alone or an unknown word: stubs only (help and suggestions need no command's code).
    const only = COMMANDS.some((c) => c.name === pre.command) ? pre.command : '';
    await (await buildProgram(only)).parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return exitCodeFor(e);
    if (process.env.FS_DEBUG === '1') writeStderr(`${(e as Error).stack ?? String(e)}\n`);
    if (e instanceof FsError) {
      writeErr(`${ce().red(t('label.error'))} ${oneLine(e.describe())}`);
      return e.exitCode;
    }
    const err = e as { code?: string; message?: string };
    if (err.code === 'SQLITE_BUSY') {
      writeErr(`${ce().red(t('label.error'))} ${t('err.db_busy')}`);
      return 1;
    }
    writeErr(`${ce().red(t('label.error'))} ${t('err.unexpected', { detail: oneLine((err.message ?? String(e)).split('\n')[0]!) })}`);
    return 1;
  }
}

// A closed pipe (`fs visit list | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
