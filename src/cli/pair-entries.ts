// fs pair log | edit | end: what happens to a pairing after it starts.
import { checkEnd, checkLogDate } from '../domain/pair.js';
import { getPair, getPairLog, insertPairLog, updatePair, type PairChanges } from '../db/pair.js';
import { write } from '../db/store.js';
import { UsageError } from '../errors.js';
import { askDated, askPairEdit } from '../prompts/pair.js';
import { t } from '../i18n/index.js';
import { pairJson } from '../render/pair.js';
import type { IsoDate } from '../time/dates.js';
import type { Context } from './shared/context.js';
import { emitRecord, parseId, pastDate, requireFlags, type OutputOptions } from './shared/options.js';
import { cadenceFlag, datedError, requiredText } from './pair-shared.js';

interface LogFlags extends OutputOptions {
  date?: string;
  action?: string;
  result?: string;
}

/** The prompt refuses a date before the start with the same words the flag path uses. */
const notBeforeStart = (id: number, start: IsoDate) => ({
  date: start,
  error: (d: IsoDate) => t('err.pair_before_start', { date: d, id, start }),
});

export async function logPair(ctx: Context, idArg: string, o: LogFlags): Promise<void> {
  const id = parseId(idArg);
  let date = pastDate(o.date, ctx);
  let actionText = requiredText(o.action, 'what.action');
  let result = o.result === undefined ? undefined : o.result.trim() || null;
  const missing = [date === undefined ? '--date' : '', actionText === undefined ? '--action' : ''].filter(Boolean);
  const asking = ctx.interactive && missing.length > 0;
  if (!asking) requireFlags(missing);
  const db = await ctx.db();
  const pair = getPair(db, id);
  if (asking) {
    const a = await askDated('log', { date, text: actionText, extra: result }, ctx.today, notBeforeStart(id, pair.started_on));
    ({ date, text: actionText, extra: result } = a);
  }
  const verdict = checkLogDate(pair, date!);
  if (!verdict.ok) throw datedError(verdict, id, date!);
  const logId = write(db, () => insertPairLog(db, id, { date: date!, action: actionText!, result: result ?? null }));
  emitRecord(logId, () => getPairLog(db, logId), o);
}

interface EditFlags extends OutputOptions {
  needs?: string;
  measures?: string;
  cadence?: string;
}

export async function editPair(ctx: Context, idArg: string, o: EditFlags): Promise<void> {
  const id = parseId(idArg);
  const changes: PairChanges = {};
  const needs = requiredText(o.needs, 'what.needs');
  if (needs !== undefined) changes.needs = needs;
  if (o.measures !== undefined) changes.measures = o.measures.trim() || null;
  if (o.cadence !== undefined) changes.cadence_days = cadenceFlag(o.cadence);
  const db = await ctx.db();
  const current = getPair(db, id);
  if (Object.keys(changes).length === 0) {
    if (!ctx.interactive) throw new UsageError('err.nothing_to_change', { flags: '--needs, --measures, --cadence' });
    Object.assign(changes, await askPairEdit(current));
  }
  write(db, () => updatePair(db, id, changes));
  emitRecord(id, () => pairJson(getPair(db, id), ctx.today), o);
}

interface EndFlags extends OutputOptions {
  date?: string;
  outcome?: string;
}

export async function endPair(ctx: Context, idArg: string, o: EndFlags): Promise<void> {
  const id = parseId(idArg);
  let date = pastDate(o.date, ctx);
  let outcome = requiredText(o.outcome, 'what.outcome');
  const missing = [date === undefined ? '--date' : '', outcome === undefined ? '--outcome' : ''].filter(Boolean);
  const asking = ctx.interactive && missing.length > 0;
  if (!asking) requireFlags(missing);
  const db = await ctx.db();
  const pair = getPair(db, id);
  // Ending twice is refused before any question is asked.
  if (pair.ended_on !== null) throw datedError({ ok: false, error: 'already_ended', ended_on: pair.ended_on }, id, pair.ended_on);
  if (asking) ({ date, text: outcome } = await askDated('end', { date, text: outcome }, ctx.today, notBeforeStart(id, pair.started_on)));
  const verdict = checkEnd(pair, date!);
  if (!verdict.ok) throw datedError(verdict, id, date!);
  write(db, () => updatePair(db, id, { ended_on: date!, outcome: outcome! }));
  emitRecord(id, () => pairJson(getPair(db, id), ctx.today), o);
}
