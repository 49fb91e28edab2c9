// Questions for restore: which backup, when none was named.
import { t } from '../i18n/index.js';
import { ask } from './index.js';

export async function askBackup(choices: { path: string; label: string }[]): Promise<string> {
  return ask((p) => p.select({ message: t('prompt.which_backup'), choices: choices.map((c) => ({ name: c.label, value: c.path })) }));
}
