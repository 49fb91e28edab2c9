// Pairing figures for any period [from, to] (inclusive), for `fs report`. Counts are SQL
// aggregations over the indexed date columns; only per-helper rows and the overdue pairings
// (at most pair.max per helper) come back as lists.
import { asOfDate, contactBase, countsByKind, PAIR_PERSON_KINDS, type PairPersonKind } from '../domain/pair.js';
import { daysBetween, earliest, latest, type IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { statement } from './store.js';

/** A pairing overlaps [from, to]: started by the end, not ended before the start. */
const ACTIVE_IN_PERIOD = 'pr.deleted_at IS NULL AND pr.started_on <= @to AND (pr.ended_on IS NULL OR pr.ended_on >= @from)';
/** Still running on @asOf: started by then, not ended on or before it. */
const ACTIVE_ON = '(pr.started_on <= @asOf AND (pr.ended_on IS NULL OR pr.ended_on > @asOf))';

export interface HelperActive {
  helper: string;
  /** Pairings that ran at some time in the period. */
  active_in_period: number;
  /** Pairings still running at the end of the period (or today, if earlier). */
  active_at_end: number;
}

export function pairActivePerHelper(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): HelperActive[] {
  return statement(db, 
      `SELECT pr.helper, count(*) AS active_in_period, sum(${ACTIVE_ON}) AS active_at_end
       FROM pairs pr WHERE ${ACTIVE_IN_PERIOD} GROUP BY pr.helper ORDER BY pr.helper`,
    )
    .all({ from, to, asOf: asOfDate(to, today) }) as HelperActive[];
}

export interface HelpEntriesLogged {
  total: number;
  /** Pairings with at least one entry in the period. */
  pairings: number;
  by_helper: Array<{ helper: string; entries: number; pairings: number }>;
}

export function pairHelpEntriesLogged(db: Db, from: IsoDate, to: IsoDate, _today: IsoDate): HelpEntriesLogged {
  const by_helper = statement(db, 
      `SELECT pr.helper, count(*) AS entries, count(DISTINCT l.pair_id) AS pairings
       FROM pair_logs l JOIN pairs pr ON pr.id = l.pair_id
       WHERE l.deleted_at IS NULL AND pr.deleted_at IS NULL AND l.date BETWEEN @from AND @to
       GROUP BY pr.helper ORDER BY pr.helper`,
    )
    .all({ from, to }) as HelpEntriesLogged['by_helper'];
  return {
    total: by_helper.reduce((s, r) => s + r.entries, 0),
    pairings: by_helper.reduce((s, r) => s + r.pairings, 0),
    by_helper,
  };
}

export interface StartedEnded {
  started: number;
  ended: number;
}

export function pairsStartedAndEnded(db: Db, from: IsoDate, to: IsoDate, _today: IsoDate): StartedEnded {
  return statement(db, 
      `SELECT (SELECT count(*) FROM pairs WHERE deleted_at IS NULL AND started_on BETWEEN @from AND @to) AS started,
              (SELECT count(*) FROM pairs WHERE deleted_at IS NULL AND ended_on BETWEEN @from AND @to) AS ended`,
    )
    .get({ from, to }) as StartedEnded;
}

export interface OverduePairing {
  id: number;
  person_id: number;
  person: string;
  helper: string;
  cadence_days: number;
  started_on: IsoDate;
  last_contact: IsoDate | null;
  next_contact_due: IsoDate;
}

export interface OverdueContacts {
  /** The day the rule is applied on: the period's end, or today if that is earlier. */
  as_of: IsoDate;
  total: number;
  by_helper: Array<{ helper: string; overdue: number }>;
  pairings: OverduePairing[];
}

/**
 * Pairings overdue for a contact at the end of the period: running on that day, and their last
 * help entry up to it (or their start) more than their cadence before it. Same rule as isPairOverdue.
 */
export function pairOverdueContacts(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): OverdueContacts {
  const asOf = asOfDate(to, today);
  const pairings = statement(db, 
      `WITH base AS (
         SELECT pr.id, pr.person_id, pe.name AS person, pr.helper, pr.cadence_days, pr.started_on,
                (SELECT max(l.date) FROM pair_logs l WHERE l.pair_id = pr.id AND l.deleted_at IS NULL AND l.date <= @asOf) AS last_contact
         FROM pairs pr JOIN people pe ON pe.id = pr.person_id
         WHERE pr.deleted_at IS NULL AND ${ACTIVE_ON} AND pr.started_on <= @to AND (pr.ended_on IS NULL OR pr.ended_on >= @from)
       )
       SELECT *, date(max(started_on, coalesce(last_contact, started_on)), '+' || cadence_days || ' days') AS next_contact_due
       FROM base
       WHERE date(max(started_on, coalesce(last_contact, started_on)), '+' || cadence_days || ' days') < @asOf
       ORDER BY helper, next_contact_due, id`,
    )
    .all({ from, to, asOf }) as OverduePairing[];
  const counts = new Map<string, number>();
  for (const p of pairings) counts.set(p.helper, (counts.get(p.helper) ?? 0) + 1);
  return {
    as_of: asOf,
    total: pairings.length,
    by_helper: [...counts].map(([helper, overdue]) => ({ helper, overdue })),
    pairings,
  };
}

export interface PairIntervalCounts {
  /** Pairings that ran in the interval and still ran on its last day (pairActivePerHelper's active_at_end, summed). */
  active: number;
  /** Help entries dated in the interval, per helper (pairHelpEntriesLogged). */
  help_entries: number;
  entries_by_helper: Map<string, number>;
  started: number;
  ended: number;
  /** Pairings overdue for a contact on the interval's last day (pairOverdueContacts' total). */
  overdue: number;
}

/**
 * The counts of pairActivePerHelper, pairHelpEntriesLogged, pairsStartedAndEnded and
 * pairOverdueContacts for each of a report's intervals, from one read of the pairings that ran in
 * them and of their help entries: a village has hundreds of pairings and a few thousand entries a
 * year, where the queries would run four times per interval. (Started and ended stay two indexed
 * counts per interval.)
 */
export function pairIntervalCounts(db: Db, intervals: readonly { from: IsoDate; to: IsoDate; asOf: IsoDate }[]): PairIntervalCounts[] {
  if (intervals.length === 0) return [];
  // Entries from the first interval's start, or from the earliest day the rule is applied on if
  // that is before (an interval after today is judged on today).
  const first = earliest(intervals.map((r) => r.from));
  const since = earliest([first, ...intervals.map((r) => r.asOf)]);
  const last = latest(intervals.map((r) => r.to));
  // The pairings that overlap an interval (ACTIVE_IN_PERIOD of the span), each with its entry
  // dates, oldest first: its last one before `since`, then those from `since` on.
  const running = new Map<number, { helper: string; cadence: number; started: IsoDate; ended: IsoDate | null; dates: IsoDate[] }>();
  for (const [id, helper, cadence, started, ended] of statement(db, 
    'SELECT id, helper, cadence_days, started_on, ended_on FROM pairs WHERE deleted_at IS NULL AND started_on <= ? AND (ended_on IS NULL OR ended_on >= ?)',
  )
    .raw()
    .all(last, first) as [number, string, number, IsoDate, IsoDate | null][]) {
    running.set(id, { helper, cadence, started, ended, dates: [] });
  }
  for (const [pairId, date] of statement(db, 'SELECT pair_id, max(date) FROM pair_logs WHERE deleted_at IS NULL AND date < ? GROUP BY pair_id').raw().all(since) as [number, IsoDate][]) {
    running.get(pairId)?.dates.push(date);
  }
  // Help entries (of live pairings) by date, and whose they are.
  const entryDates: IsoDate[] = [];
  const entryHelpers: string[] = [];
  for (const [date, helper] of statement(db, 
    `SELECT l.date, pr.helper FROM pair_logs l JOIN pairs pr ON pr.id = l.pair_id
     WHERE l.deleted_at IS NULL AND pr.deleted_at IS NULL AND l.date BETWEEN ? AND ? ORDER BY l.date, l.id`,
  )
    .raw()
    .all(first, last) as [IsoDate, string][]) {
    entryDates.push(date);
    entryHelpers.push(helper);
  }
  for (const [pairId, date] of statement(db, 'SELECT pair_id, date FROM pair_logs WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id').raw().all(since, last) as [number, IsoDate][]) {
    running.get(pairId)?.dates.push(date);
  }
  return intervals.map(({ from, to, asOf: today }) => {
    const asOf = asOfDate(to, today);
    const se = pairsStartedAndEnded(db, from, to, today);
    const counts: PairIntervalCounts = { active: 0, help_entries: 0, entries_by_helper: new Map(), started: se.started, ended: se.ended, overdue: 0 };
    for (const p of running.values()) {
      // ACTIVE_IN_PERIOD and ACTIVE_ON, as in the queries.
      if (!(p.started <= to && (p.ended === null || p.ended >= from))) continue;
      if (!(p.started <= asOf && (p.ended === null || p.ended > asOf))) continue;
      counts.active++;
      const lastContact = p.dates[firstAfter(p.dates, asOf) - 1] ?? null;
      if (daysBetween(contactBase({ started_on: p.started, last_contact: lastContact }), asOf) > p.cadence) counts.overdue++;
    }
    const [lo, hi] = [firstFrom(entryDates, from), firstAfter(entryDates, to)];
    for (let i = lo; i < hi; i++) counts.entries_by_helper.set(entryHelpers[i]!, (counts.entries_by_helper.get(entryHelpers[i]!) ?? 0) + 1);
    counts.help_entries = hi - lo;
    return counts;
  });
}

/** How many of the sorted `dates` fall before `day` (`orOn`: on or before it): a binary search. */
function countBefore(dates: readonly IsoDate[], day: IsoDate, orOn: boolean): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < day || (orOn && dates[mid] === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first of the sorted `dates` after `day` (the number on or before it). */
const firstAfter = (dates: readonly IsoDate[], day: IsoDate) => countBefore(dates, day, true);

/** The index of the first of the sorted `dates` on or after `day`. */
const firstFrom = (dates: readonly IsoDate[], day: IsoDate) => countBefore(dates, day, false);

export interface PeopleByKind {
  /** Distinct people in pairings that ran in the period, by kind. */
  people: Record<PairPersonKind, number>;
  /** Those pairings, by the kind of person helped. */
  pairings: Record<PairPersonKind, number>;
}

export function pairPeopleByKind(db: Db, from: IsoDate, to: IsoDate, _today: IsoDate): PeopleByKind {
  const rows = statement(db, 
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM json_each(pe.tags) WHERE value = @party) THEN @party ELSE @villager END AS kind,
              count(DISTINCT pr.person_id) AS people, count(*) AS pairings
       FROM pairs pr JOIN people pe ON pe.id = pr.person_id
       WHERE ${ACTIVE_IN_PERIOD} GROUP BY kind`,
    )
    .all({ from, to, party: PAIR_PERSON_KINDS[0], villager: PAIR_PERSON_KINDS[1] }) as Array<{ kind: string; people: number; pairings: number }>;
  return {
    people: countsByKind(rows.map((r) => ({ kind: r.kind, n: r.people }))),
    pairings: countsByKind(rows.map((r) => ({ kind: r.kind, n: r.pairings }))),
  };
}

export interface PairFigures {
  from: IsoDate;
  to: IsoDate;
  active_per_helper: HelperActive[];
  help_entries: HelpEntriesLogged;
  started_ended: StartedEnded;
  overdue: OverdueContacts;
  people_by_kind: PeopleByKind;
}

/** Every pairing figure for the period, in one object for the report. */
export function pairFigures(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): PairFigures {
  return {
    from,
    to,
    active_per_helper: pairActivePerHelper(db, from, to, today),
    help_entries: pairHelpEntriesLogged(db, from, to, today),
    started_ended: pairsStartedAndEnded(db, from, to, today),
    overdue: pairOverdueContacts(db, from, to, today),
    people_by_kind: pairPeopleByKind(db, from, to, today),
  };
}
