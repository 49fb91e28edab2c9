// fs push: send what changed since the last push to the county database (src/db/county/push.ts).
import { Command } from 'commander';
import { maskUrl } from '../db/county/connect.js';
import { pushLedger } from '../db/county/push.js';
import { getCountyUrl } from '../db/county/secret.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { pushJson, pushSummary } from '../render/push.js';
import { action } from './shared/action.js';
import { checkCountyUrl, withCounty } from './shared/county.js';
import { writeErr, writeOut } from './shared/io.js';

declare const FS_VERSION: string;

const FORMATS = ['text', 'json'] as const;

export function pushCommand(): Command {
  return new Command('push')
    .description(t('cmd.push'))
    .option('--url <url>', t('opt.county_url'))
    .option('--dry-run', t('opt.push_dry_run'))
    .option('--format <format>', t('opt.push_format'))
    .addHelpText('after', '\nExamples:\n  fs config set county.url \'postgresql://fs_ledger_…:…@db.example.cn/county?sslmode=verify-full\'\n  fs push\n  fs push --dry-run\n  fs push --format json')
    .action(
      action(async (ctx, o: { url?: string; dryRun?: boolean; format?: string }) => {
        const format = o.format ?? 'text';
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError('err.bad_format', { value: format, choices: FORMATS.join(', ') });
        if (o.url !== undefined && o.url.trim() === '') throw new UsageError('err.empty_option', { flag: '--url' });
        const db = await ctx.db();
        const url = checkCountyUrl(o.url ?? getCountyUrl(db));
        const r = await withCounty(url, (c) => pushLedger(db, c, { dryRun: o.dryRun === true, fsVersion: typeof FS_VERSION === 'string' ? FS_VERSION : undefined }));
        if (format === 'json') writeOut(pushJson(r, maskUrl(url)));
        else writeErr(pushSummary(r, maskUrl(url)));
      }),
    );
}
