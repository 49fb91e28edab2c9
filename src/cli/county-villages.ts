// fs county villages: each registered ledger with its last push and how stale the county's copy is.
import { Command } from 'commander';
import { checkCountyVersion } from '../db/county/migrate.js';
import { listCountyLedgers } from '../db/county/villages.js';
import { villageStandings } from '../domain/county-villages.js';
import { t } from '../i18n/index.js';
import { villagesListing } from '../render/county-villages.js';
import { action } from './shared/action.js';
import { checkCountyUrl, withCounty } from './shared/county.js';
import { addOutputOptions, emitListing, resolveFormat, type OutputOptions } from './shared/options.js';

export function countyVillagesCommand(): Command {
  return addOutputOptions(new Command('villages').description(t('cmd.county.villages')).option('--url <url>', t('opt.county_url')))
    .addHelpText(
      'after',
      "\nExamples:\n  fs county villages --url 'postgresql://county@db.example.cn/county'\n  fs county villages --url \"$COUNTY_URL\" --format csv -o 各村推送情况.csv",
    )
    .action(
      action(async (ctx, o: OutputOptions & { url?: string }) => {
        // A bad --format or URL is refused before the server is asked anything.
        resolveFormat(o, ctx);
        const url = checkCountyUrl(o.url);
        const ledgers = await withCounty(url, async (client) => {
          await checkCountyVersion(client);
          return listCountyLedgers(client);
        });
        emitListing(villagesListing(villageStandings(ledgers, ctx.today)), o, ctx);
      }),
    );
}
