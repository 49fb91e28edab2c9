// Inquirer speaks English: its yes/no, its key hints and its final "Yes"/"No". Every question set
// receives this wrapped copy, so prompts follow --lang without each call site knowing.
import { t, type MessageKey } from '../i18n/index.js';

type Inquirer = typeof import('@inquirer/prompts');
type KeyHint = [key: string, action: string];

/** A typed answer to a yes/no question: y/yes/是/好/对 or n/no/否/不; empty takes the default; anything else is refused. */
export function parseYesNo(answer: string, fallback: boolean): boolean | undefined {
  const v = answer.trim().toLowerCase();
  if (v === '') return fallback;
  if (/^(y|yes|是|是的|好|对|确认)$/.test(v)) return true;
  if (/^(n|no|否|不|不是|不要|取消)$/.test(v)) return false;
  return undefined;
}

const KEY_WORDS: Record<string, MessageKey> = {
  navigate: 'prompt.key.navigate',
  select: 'prompt.key.select',
  submit: 'prompt.key.submit',
  all: 'prompt.key.all',
  invert: 'prompt.key.invert',
  space: 'prompt.key.space',
};
const word = (w: string) => (w in KEY_WORDS ? t(KEY_WORDS[w]!) : w);

/** Inquirer's key hint line ("↑↓ navigate • ⏎ select") in the user's language. */
export function keysHelpTip(keys: KeyHint[]): string {
  return keys.map(([key, action]) => `${word(key)} ${word(action)}`).join(' • ');
}

export function localise(p: Inquirer): Inquirer {
  const theme = { style: { keysHelpTip } };
  const confirm: Inquirer['confirm'] = (config, context) => {
    const fallback = config.default !== false;
    const hint = t(fallback ? 'prompt.yes_no_default_yes' : 'prompt.yes_no_default_no');
    const done = (v: string) => (parseYesNo(v, fallback) ? t('prompt.yes') : t('prompt.no'));
    const answer = p.input(
      {
        message: `${config.message} ${hint}`,
        validate: (v) => parseYesNo(v, fallback) !== undefined || t('prompt.yes_no_invalid'),
        transformer: (v, { isFinal }) => (isFinal ? done(v) : v),
      },
      context,
    );
    const result = answer.then((v) => parseYesNo(v, fallback) ?? fallback) as ReturnType<Inquirer['confirm']>;
    result.cancel = answer.cancel;
    return result;
  };
  return {
    ...p,
    confirm,
    select: (config, context) => p.select({ ...config, theme: { ...theme, ...config.theme } }, context),
    checkbox: (config, context) => p.checkbox({ ...config, theme: { ...theme, ...config.theme } }, context),
    search: (config, context) => p.search({ ...config, theme: { ...theme, ...config.theme } }, context),
  } as Inquirer;
}
