// fs history: the change log, newest first: what changed, when, by change set (one per command).
import { Command } from 'commander';
import { historyEntities, listHistory } from '../db/history.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { historyListing } from '../render/safety.js';
import { action } from './shared/action.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emitListing, parseId, parseWholeNumber, type OutputOptions } from './shared/options.js';

const DEFAULT_LIMIT = 50;

export function historyCommand(): Command {
  return addOutputOptions(
    new Command('history')
      .description(t('cmd.history'))
      .argument('[entity]', t('arg.history_entity'))
      .argument('[id]', t('arg.history_id'))
      .option('--limit <n>', t('opt.history_limit')),
  )
    .addHelpText('after', '\nExamples:\n  fs history\n  fs history visit 42\n  fs history person --limit 0 --format json')
    .action(
      action(async (ctx, entity: string | undefined, idArg: string | undefined, o: OutputOptions & { limit?: string }) => {
        const entityId = idArg === undefined ? undefined : parseId(idArg);
        const explicit = o.limit === undefined ? undefined : parseWholeNumber(o.limit, t('what.limit'));
        const db = await ctx.db();
        if (entity !== undefined) {
          const known = historyEntities(db);
          if (!known.includes(entity)) throw new UsageError('err.history_entity', { entity, known: known.join(', ') || t('msg.none') });
        }
        const limit = explicit ?? DEFAULT_LIMIT;
        const entries = listHistory(db, { entity, entityId, limit: limit || undefined });
        if (explicit === undefined && new Set(entries.map((e) => e.change_set)).size === DEFAULT_LIMIT) writeErr(t('msg.history_limited', { shown: DEFAULT_LIMIT }));
        emitListing(historyListing(entries), o, ctx);
      }),
    );
}
