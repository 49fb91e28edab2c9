// fs config: settings kept in the database.
import { Command } from 'commander';
import { settingSpec } from '../domain/settings.js';
import { getSetting, listSettings, setSetting, type SettingRow } from '../db/settings.js';
import { t } from '../i18n/index.js';
import { action } from './shared/action.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emit, emitListing, type OutputOptions } from './shared/options.js';

export function configCommand(): Command {
  const cmd = new Command('config').description(t('cmd.config'));

  cmd
    .command('get')
    .description(t('cmd.config.get'))
    .argument('<key>')
    .addHelpText('after', '\nExample:\n  fs config get village')
    .action(
      action(async (ctx, key: string) => {
        settingSpec(key);
        emit(`${getSetting(await ctx.db(), key)}\n`, {});
      }),
    );

  cmd
    .command('set')
    .description(t('cmd.config.set'))
    .argument('<key>')
    .argument('<value>')
    .addHelpText('after', '\nExamples:\n  fs config set village 柳树村\n  fs config set secretary 李明')
    .action(
      action(async (ctx, key: string, value: string) => {
        settingSpec(key).parse(value);
        const saved = setSetting(await ctx.db(), key, value);
        writeErr(t('msg.setting_saved', { key, value: saved }));
      }),
    );

  addOutputOptions(cmd.command('list').description(t('cmd.config.list')))
    .addHelpText('after', '\nExample:\n  fs config list --format json')
    .action(
      action(async (ctx, o: OutputOptions) => {
        const rows = listSettings(await ctx.db());
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
