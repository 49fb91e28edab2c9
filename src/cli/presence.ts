// fs presence: one status a day in the village, and where that leaves the secretary against the rules.
import { Command } from 'commander';
import { leaveDaysInYear, listHolidayCorrections, listPresenceDays, presenceSettings, upsertHolidayCorrection, upsertPresenceDay } from '../db/presence.js';
import { write } from '../db/store.js';
import type { Db } from '../db/open.js';
import { oneOf } from '../domain/keys.js';
import { LEAVE_TYPES, leaveStretch, PRESENCE_STATUSES, summarisePresence, type PresenceDay } from '../domain/presence.js';
import { UsageError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import { askPresence } from '../prompts/presence.js';
import { holidayListing, presenceListing, presenceSummaryDocument } from '../render/presence.js';
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import { parsePeriod } from '../time/periods.js';
import { action } from './shared/action.js';
import { loadCalendar } from '../db/calendar.js';
import type { Context } from './shared/context.js';
import { writeErr } from './shared/io.js';
import { addOutputOptions, emitDocument, emitListing, optionalDate, type OutputOptions } from './shared/options.js';

interface AddFlags {
  date?: string;
  from?: string;
  to?: string;
  status?: string;
  leaveType?: string;
  approvedBy?: string;
  note?: string;
}


/** The year's leave against presence.max_leave_days: a warning on every presence command. */
function warnLeave(db: Db, ctx: Context): void {
  const s = presenceSettings(db);
  const year = Number(ctx.today.slice(0, 4));
  const days = leaveDaysInYear(db, year, `${year}-12-31`);
  if (days > s.max_leave_days) writeErr(t('warn.presence_leave_over', { days, year, max: s.max_leave_days }));
}

function daysOf(o: AddFlags, ctx: Context): IsoDate[] {
  if (o.date !== undefined && (o.from !== undefined || o.to !== undefined)) throw new UsageError('err.presence_date_or_range');
  if ((o.from === undefined) !== (o.to === undefined)) throw new UsageError('err.presence_range_open');
  if (o.from === undefined) return [optionalDate(o.date, ctx) ?? ctx.today];
  const from = optionalDate(o.from, ctx)!;
  const to = optionalDate(o.to, ctx)!;
  if (to < from) throw new UsageError('err.range_reversed', { from, to });
  if (daysBetween(from, to) > 365) throw new UsageError('err.presence_range_long');
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

async function record(ctx: Context, o: AddFlags): Promise<void> {
  const dates = daysOf(o, ctx);
  let status = o.status === undefined ? undefined : oneOf(PRESENCE_STATUSES, o.status.trim(), t('what.presence_status'));
  let leave_type = o.leaveType === undefined ? undefined : oneOf(LEAVE_TYPES, o.leaveType.trim(), t('what.leave_type'));
  let approved_by = o.approvedBy?.trim() || null;
  if (status === undefined || (status === 'leave' && leave_type === undefined)) {
    if (!ctx.interactive) throw new UsageError(status === undefined ? 'err.missing_flags' : 'err.presence_needs_leave_type', { flags: '--status' });
    const answers = await askPresence({ status, leave_type });
    status = answers.status;
    leave_type = answers.leave_type ?? undefined;
    approved_by ??= answers.approved_by;
  }
  if (status !== 'leave' && leave_type !== undefined) throw new UsageError('err.presence_leave_type');
  // Leave, training and business trips are often recorded ahead; being in the village is recorded once it has happened.
  const last = dates[dates.length - 1]!;
  if ((status === 'in-village' || status === 'absent') && last > ctx.today) throw new UsageError('err.date_in_future', { date: last, today: ctx.today });
  const db = await ctx.db();
  const settings = presenceSettings(db);
  if (status === 'leave' && !approved_by) {
    const existing = new Map(listPresenceDays(db, addDays(dates[0]!, -366), addDays(dates[dates.length - 1]!, 366)).map((d) => [d.date, d]));
    const stretch = leaveStretch(dates, existing, loadCalendar(db, addDays(dates[0]!, -366), addDays(dates[dates.length - 1]!, 366)));
    if (stretch.days > settings.approval_days && !stretch.approved) {
      throw new UsageError('err.presence_needs_approval', { from: stretch.from, to: stretch.to, days: stretch.days, max: settings.approval_days });
    }
  }
  const before = new Set(listPresenceDays(db, dates[0]!, dates[dates.length - 1]!).map((d) => d.date));
  const day = (date: IsoDate): PresenceDay => ({ date, status: status!, leave_type: leave_type ?? null, approved_by, note: o.note?.trim() || null });
  write(db, () => dates.forEach((d) => upsertPresenceDay(db, day(d))));
  const replaced = dates.filter((d) => before.has(d)).length;
  writeErr(t(dates.length === 1 ? 'msg.presence_recorded_one' : 'msg.presence_recorded', { n: dates.length, status: label('presence_status', status) }) + (replaced ? `; ${t('msg.presence_replaced', { n: replaced })}` : ''));
  warnLeave(db, ctx);
}

function addFlags(cmd: Command): Command {
  return cmd
    .option('--date <date>', t('opt.presence_date'))
    .option('--from <date>', t('opt.presence_from'))
    .option('--to <date>', t('opt.presence_to'))
    .option('--status <status>', t('opt.presence_status'))
    .option('--leave-type <type>', t('opt.leave_type'))
    .option('--approved-by <name>', t('opt.approved_by'))
    .option('--note <text>', t('opt.note'));
}

export function presenceCommand(): Command {
  const cmd = new Command('presence').description(t('cmd.presence'));
  addFlags(cmd.command('add').description(t('cmd.presence.add')))
    .addHelpText('after', '\nExamples:\n  fs presence add --status in-village\n  fs presence add --date yesterday --status business --note 县里开会\n  fs presence add --from 2026-12-07 --to 2026-12-09 --status leave --leave-type sick')
    .action(action(record));
  cmd
    .command('in')
    .description(t('cmd.presence.in'))
    .option('--note <text>', t('opt.note'))
    .addHelpText('after', '\nExample (crontab, every weekday at 9:00):\n  0 9 * * 1-5  fs presence in')
    .action(action((ctx, o: { note?: string }) => record(ctx, { status: 'in-village', note: o.note })));
  addOutputOptions(cmd.command('list').description(t('cmd.presence.list')).argument('[period]', t('opt.period'), 'this-month'))
    .addHelpText('after', '\nExamples:\n  fs presence list\n  fs presence list 2026 --format csv -o 2026考勤.csv')
    .action(
      action(async (ctx, periodArg: string, o: OutputOptions) => {
        const period = parsePeriod(periodArg, ctx.today);
        const db = await ctx.db();
        emitListing(presenceListing(listPresenceDays(db, period.from, period.to)), o, ctx);
        warnLeave(db, ctx);
      }),
    );
  addOutputOptions(cmd.command('summary').description(t('cmd.presence.summary')).argument('[period]', t('opt.period'), 'this-month'))
    .addHelpText('after', '\nExamples:\n  fs presence summary\n  fs presence summary this-year --format json')
    .action(
      action(async (ctx, periodArg: string, o: OutputOptions) => {
        const period = parsePeriod(periodArg, ctx.today);
        const db = await ctx.db();
        const settings = presenceSettings(db);
        const cal = loadCalendar(db, period.from, period.to);
        const upTo = ctx.today < period.to ? ctx.today : period.to;
        const summary = summarisePresence(period, listPresenceDays(db, period.from, period.to), leaveDaysInYear(db, Number(upTo.slice(0, 4)), upTo), cal, settings, ctx.today);
        if (summary.uncovered_years.length) writeErr(t('warn.presence_uncovered', { years: summary.uncovered_years.join(', ') }));
        emitDocument(presenceSummaryDocument(summary, period.label, settings), o, ctx);
        warnLeave(db, ctx);
      }),
    );
  const holiday = cmd.command('holiday').description(t('cmd.presence.holiday'));
  holiday
    .command('add')
    .description(t('cmd.presence.holiday.add'))
    .argument('<date>')
    .option('--workday', t('opt.workday'))
    .option('--note <text>', t('opt.note'))
    .addHelpText('after', '\nExamples:\n  fs presence holiday add 2027-01-01 --note 元旦\n  fs presence holiday add 2027-02-07 --workday --note 春节调休')
    .action(
      action(async (ctx, dateArg: string, o: { workday?: boolean; note?: string }) => {
        const date = optionalDate(dateArg, ctx)!;
        const db = await ctx.db();
        write(db, () => upsertHolidayCorrection(db, { date, workday: Boolean(o.workday), note: o.note?.trim() || null }));
        writeErr(t('msg.holiday_recorded', { date, what: t(o.workday ? 'holiday.workday' : 'holiday.holiday') }));
      }),
    );
  addOutputOptions(holiday.command('list').description(t('cmd.presence.holiday.list'))).action(
    action(async (ctx, o: OutputOptions) => emitListing(holidayListing(listHolidayCorrections(await ctx.db())), o, ctx)),
  );
  return cmd;
}
