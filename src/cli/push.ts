// fs push: send what changed since the last successful push to the county database.
import { Command } from 'commander';
import { t } from '../i18n/index.js';
import { action } from './shared/action.js';

export function pushCommand(): Command {
  return new Command('push')
    .description(t('cmd.push'))
    .option('--url <url>', t('opt.county_url'))
    .option('--dry-run', 'what would be sent, without sending it')
    .action(
      action(async () => {
        throw new Error('not yet');
      }),
    );
}
