// fs meeting check: parse period → count (SQL) → compute compliance (pure) → render.
// It reports; it never fails on what it finds (exit 0).
import { Command } from 'commander';
import { meetingCompliance } from '../db/meeting-report.js';
import { t } from '../i18n/index.js';
import { complianceListing } from '../render/meetings.js';
import { parsePeriod, yearOf, type Period } from '../time/periods.js';
import { action } from './shared/action.js';
import { addOutputOptions, emitListing, type OutputOptions } from './shared/options.js';

/** This year up to today. */
function defaultPeriod(today: string): Period {
  return { ...yearOf(Number(today.slice(0, 4))), to: today };
}

export function checkCommand(): Command {
  return addOutputOptions(new Command('check').description(t('cmd.meeting.check')).argument('[period]', t('opt.check_period')))
    .addHelpText(
      'after',
      '\nExamples:\n  fs meeting check\n  fs meeting check 2026-Q4 --format json\n  fs config set meeting.frequency.party-lesson quarterly && fs meeting check 2026',
    )
    .action(
      action(async (ctx, periodArg: string | undefined, o: OutputOptions) => {
        const period = periodArg === undefined ? defaultPeriod(ctx.today) : parsePeriod(periodArg, ctx.today);
        const db = await ctx.db();
        const rows = meetingCompliance(db, period.from, period.to, ctx.today);
        const title = t('title.compliance', {
          period: period.label,
          from: period.from,
          to: period.to < ctx.today ? period.to : ctx.today,
          missing: rows.filter((r) => r.status === 'missing').length,
        });
        emitListing(complianceListing(rows, title), o, ctx);
      }),
    );
}
