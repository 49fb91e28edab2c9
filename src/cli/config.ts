// fs config: settings kept in the database. A secret setting (county.url) is kept apart, in
// ledger_secret, and shown masked: it never appears in settings, the change log, history or exports.
import { Command } from 'commander';
import { settingSpec, type SettingSpec } from '../domain/settings.js';
import { maskUrl } from '../db/county/connect.js';
import { getCountyUrl, setCountyUrl } from '../db/county/secret.js';
import type { Db } from '../db/open.js';
import { getSetting, listSettings, setSetting, type SettingRow } from '../db/settings.js';
import { t } from '../i18n/index.js';
import { action } from './shared/action.js';
import { checkCountyUrl } from './shared/county.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emit, emitListing, type OutputOptions } from './shared/options.js';

/** A secret's value as every command shows it: the password as ***, empty when unset. */
function shownSecret(db: Db): string {
  const url = getCountyUrl(db);
  return url === undefined ? '' : maskUrl(url);
}

/** Stores a secret (county.url) in ledger_secret; empty clears it. Returns what to show. */
function setSecret(db: Db, spec: SettingSpec, value: string): string {
  if (value.trim() === '') {
    setCountyUrl(db, undefined);
    return '';
  }
  const url = checkCountyUrl(spec.parse(value));
  setCountyUrl(db, url);
  return maskUrl(url);
}

export function configCommand(): Command {
  const cmd = new Command('config').description(t('cmd.config'));

  cmd
    .command('get')
    .description(t('cmd.config.get'))
    .argument('<key>')
    .addHelpText('after', '\nExample:\n  fs config get village')
    .action(
      action(async (ctx, key: string) => {
        const spec = settingSpec(key);
        const db = await ctx.db();
        emit(`${spec.secret ? shownSecret(db) : getSetting(db, key)}\n`, {});
      }),
    );

  cmd
    .command('set')
    .description(t('cmd.config.set'))
    .argument('<key>')
    .argument('<value>')
    .addHelpText(
      'after',
      "\nExamples:\n  fs config set village 柳树村\n  fs config set secretary 李明\n  fs config set county.url 'postgresql://fs_ledger_…:…@db.example.cn/county?sslmode=verify-full'\n  fs config set county.url ''   (forget the county database)",
    )
    .action(
      action(async (ctx, key: string, value: string) => {
        const spec = settingSpec(key);
        if (spec.secret) {
          // Checked before the ledger is opened: a refused value writes nothing.
          if (value.trim() !== '') checkCountyUrl(spec.parse(value));
          const shown = setSecret(await ctx.db(), spec, value);
          writeErr(shown ? t('msg.setting_saved', { key, value: shown }) : t('county.msg.url_cleared', { key }));
          return;
        }
        spec.parse(value);
        const saved = setSetting(await ctx.db(), key, value);
        writeErr(t('msg.setting_saved', { key, value: saved }));
      }),
    );

  addOutputOptions(cmd.command('list').description(t('cmd.config.list')))
    .addHelpText('after', '\nExample:\n  fs config list --format json')
    .action(
      action(async (ctx, o: OutputOptions) => {
        const db = await ctx.db();
        const rows = listSettings(db).map((r): SettingRow => {
          if (!settingSpec(r.key).secret) return r;
          const shown = shownSecret(db);
          return { ...r, value: shown, is_set: shown !== '' };
        });
        emitListing<SettingRow>(
          {
            columns: [
              { key: 'key', header: t('col.key'), value: (r) => r.key },
              { key: 'value', header: t('col.value'), value: (r) => r.value },
              { key: 'default', header: t('col.default'), value: (r) => r.default },
              { key: 'description', header: t('col.description'), value: (r) => t(`setting.${r.key}`, {}, 'en'), text: (r) => t(`setting.${r.key}`) },
            ],
            rows,
          },
          o,
          ctx,
        );
      }),
    );

  return cmd;
}
