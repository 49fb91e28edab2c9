// fs county: the county office's side. init creates or upgrades the schema; add-ledger registers a
// village ledger and its role. (villages and report: see their own modules.)
import { Command } from 'commander';
import { addLedger, ledgerUrl } from '../db/county/admin.js';
import { maskUrl } from '../db/county/connect.js';
import { checkCountyVersion, initCounty } from '../db/county/migrate.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { action } from './shared/action.js';
import { checkCountyUrl, withCounty } from './shared/county.js';
import { writeErr, writeOut } from './shared/io.js';
import { countyReportCommand } from './county-report.js';

function required(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError('county.err.empty', { what });
  return value.trim();
}

export function countyCommand(): Command {
  const cmd = new Command('county').description(t('cmd.county'));

  cmd
    .command('init')
    .description(t('cmd.county.init'))
    .option('--url <url>', t('opt.county_url'))
    .addHelpText('after', "\nExample:\n  fs county init --url 'postgresql://county@db.example.cn/county?sslmode=verify-full'")
    .action(
      action(async (_ctx, o: { url?: string }) => {
        const url = checkCountyUrl(o.url);
        const r = await withCounty(url, (c) => initCounty(c));
        writeErr(
          r.applied.length
            ? t('county.msg.initialised', { to: r.to, url: maskUrl(url), applied: r.applied.join(', ') })
            : t('county.msg.up_to_date', { to: r.to, url: maskUrl(url) }),
        );
      }),
    );

  cmd
    .command('add-ledger')
    .description(t('cmd.county.add_ledger'))
    .option('--village <name>', t('opt.county_village'))
    .option('--secretary <name>', t('opt.county_secretary'))
    .option('--township <name>', t('opt.county_township'))
    .option('--url <url>', t('opt.county_url'))
    .addHelpText('after', "\nExample:\n  fs county add-ledger --village 柳树村 --secretary 李明 --township 青山镇 --url 'postgresql://county@db/county'")
    .action(
      action(async (_ctx, o: { village?: string; secretary?: string; township?: string; url?: string }) => {
        const village = required(o.village, '--village');
        const secretary = required(o.secretary, '--secretary');
        const township = o.township?.trim() || undefined;
        const url = checkCountyUrl(o.url);
        const r = await withCounty(url, async (c) => {
          await checkCountyVersion(c);
          return addLedger(c, { village, secretary, township });
        });
        writeOut(`${ledgerUrl(url, r.role, r.password)}\n`);
        writeErr(t('county.msg.ledger_added', { village, secretary, ledger: r.id }));
      }),
    );

  cmd.addCommand(countyReportCommand());
  return cmd;
}
