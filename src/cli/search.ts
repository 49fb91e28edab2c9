// fs search TEXT: every record whose text holds all the words, newest first.
import { Command } from 'commander';
import { manyOf } from '../domain/keys.js';
import { hitViews, SEARCH_KINDS, searchWords } from '../domain/search.js';
import { findRecords } from '../db/search.js';
import { getLang, t } from '../i18n/index.js';
import { reportRedactor } from '../report/build.js';
import { searchListing } from '../render/search.js';
import { action } from './shared/action.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, addRangeOptions, collect, emitListing, parseWholeNumber, resolveFormat, resolveRange, type OutputOptions, type RangeOptions } from './shared/options.js';

interface SearchFlags extends OutputOptions, RangeOptions {
  kind?: string[];
  limit?: string;
  redact?: boolean;
}

const DEFAULT_LIMIT = 50;

export function searchCommand(): Command {
  return addOutputOptions(
    addRangeOptions(
      new Command('search')
        .description(t('cmd.search'))
        .argument('<text...>')
        .option('--kind <kind>', t('opt.search_kind'), collect)
        .option('--limit <n>', t('opt.search_limit'))
        .option('--redact', t('opt.search_redact')),
    ),
  )
    .addHelpText('after', '\nExamples:\n  fs search 屋顶\n  fs search 修 路 --period this-year\n  fs search 低保 --kind visit --kind concern --format json\n  fs search "wifi 网课" --redact --format md')
    .action(
      action(async (ctx, text: string[], o: SearchFlags) => {
        // Every flag is checked before the database is opened: bad input never touches it.
        const words = searchWords(text.join(' '));
        const kinds = o.kind ? manyOf(SEARCH_KINDS, o.kind, t('what.search_kind')) : [];
        const limit = o.limit === undefined ? DEFAULT_LIMIT : parseWholeNumber(o.limit, t('what.limit'));
        const range = resolveRange(o, ctx);
        resolveFormat(o, ctx);
        const db = await ctx.db();
        const { hits, more } = findRecords(db, { words, kinds, from: range.from, to: range.to, limit });
        const redactor = o.redact ? reportRedactor(db, { lang: getLang() }) : undefined;
        emitListing(searchListing(hitViews(hits, words, redactor), words), o, ctx);
        if (more) writeErr(t('msg.search_limited', { shown: limit }));
      }),
    );
}
