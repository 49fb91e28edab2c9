// fs county: the county office's side. init creates or upgrades the schema; add-ledger registers a
// village ledger and its role; villages (county-villages.ts) lists them with their last push.
import { Command } from 'commander';
import { addLedger, ledgerUrl } from '../db/county/admin.js';
import { maskUrl } from '../db/county/connect.js';
import { checkCountyVersion, initCounty } from '../db/county/migrate.js';
import { UsageError } from '../errors.js';
import { countyVillagesCommand } from './county-villages.js';
import { t } from '../i18n/index.js';
import { action } from './shared/action.js';
import { checkCountyUrl, withCounty } from './shared/county.js';
import { writeErr, writeOut } from './shared/io.js';
import { countyReportCommand } from './county-report.js';

/** add-ledger prints one thing: the connection string, or with --format json/ndjson the whole registration. */
const ADD_LEDGER_FORMATS = ['json', 'ndjson'] as const;

function addLedgerFormat(format: string | undefined): (typeof ADD_LEDGER_FORMATS)[number] | undefined {
  if (format === undefined) return undefined;
  if (!(ADD_LEDGER_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError('err.bad_format', { value: format, choices: ADD_LEDGER_FORMATS.join(', ') });
  }
  return format as (typeof ADD_LEDGER_FORMATS)[number];
}

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
    .option('--format <format>', t('opt.county_add_format'))
    .addHelpText(
      'after',
      "\nExamples:\n  fs county add-ledger --village 柳树村 --secretary 李明 --township 青山镇 --url 'postgresql://county@db/county?sslmode=verify-full'\n  fs county add-ledger --village 柳树村 --secretary 李明 --url \"$COUNTY_URL\" --format json",
    )
    .action(
      action(async (_ctx, o: { village?: string; secretary?: string; township?: string; url?: string; format?: string }) => {
        const village = required(o.village, '--village');
        const secretary = required(o.secretary, '--secretary');
        const township = o.township?.trim() || undefined;
        const format = addLedgerFormat(o.format);
        const url = checkCountyUrl(o.url);
        const r = await withCounty(url, async (c) => {
          await checkCountyVersion(c);
          return addLedger(c, { village, secretary, township });
        });
        // The only time the ledger's password is shown: on stdout, for the secretary. stderr (often a log) never has it.
        const ledgerConn = ledgerUrl(url, r.role, r.password);
        const record = { ledger: r.id, village, township: township ?? null, secretary, role: r.role, url: ledgerConn };
        if (format === 'json') writeOut(`${JSON.stringify(record, null, 2)}\n`);
        else if (format === 'ndjson') writeOut(`${JSON.stringify(record)}\n`);
        else writeOut(`${ledgerConn}\n`);
        writeErr(t('county.msg.ledger_added', { village, secretary, ledger: r.id }));
      }),
    );

  cmd.addCommand(countyVillagesCommand());
  cmd.addCommand(countyReportCommand());

  return cmd;
}
