// What main needs to know before it builds the program. Pure.

/** Global options that take a value (so their value is not mistaken for a command name). */
const VALUE_OPTIONS = new Set(['--db', '--lang', '--today']);

/**
 * Read before the program is built: help text and messages need the language, and only the
 * command being run is built in full (the others are one-line stubs for `fs --help`), which
 * keeps start-up short as commands grow.
 */
export function preScan(argv: string[]): { lang?: string; noColor: boolean; command?: string } {
  let lang: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') lang = argv[i + 1];
    else if (a.startsWith('--lang=')) lang = a.slice(7);
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  const command = words[0] === 'help' ? words[1] : words[0];
  return { lang, noColor: argv.includes('--no-color'), command };
}
