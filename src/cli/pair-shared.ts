// Value parsers and refusals shared by the `fs pair` subcommands.
import { parseCadence, type DatedRefusal, type NewPairRefusal } from '../domain/pair.js';
import { DataError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';

export function cadenceFlag(value: string): number {
  const n = parseCadence(value);
  if (n === undefined) throw new UsageError('err.bad_cadence', { value });
  return n;
}

/** A text flag that must say something when given: undefined stays undefined, blank is refused. */
export function requiredText(value: string | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') throw new UsageError('err.pair_text_empty', { what: t(what) });
  return v;
}

/** The limit and the duplicate are data refusals: exit 1. */
export function newPairError(r: NewPairRefusal, person: string, helper: string): DataError {
  if (r.error === 'duplicate') return new DataError('err.pair_duplicate', { person, helper, id: r.pair_id, date: r.started_on });
  return new DataError('err.pair_limit', { helper, active: r.active, max: r.max });
}

/** A date outside the pairing, or ending twice, is a bad value or transition: exit 2. */
export function datedError(r: DatedRefusal, id: number, date: IsoDate): UsageError {
  switch (r.error) {
    case 'before_start':
      return new UsageError('err.pair_before_start', { date, id, start: r.started_on });
    case 'after_end':
      return new UsageError('err.pair_after_end', { date, id, end: r.ended_on });
    case 'already_ended':
      return new UsageError('err.pair_already_ended', { id, end: r.ended_on });
    case 'before_last_entry':
      return new UsageError('err.pair_end_before_entry', { date, id, last: r.last_contact });
  }
}
