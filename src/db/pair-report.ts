// Pairing figures for any period [from, to] (inclusive), for `fs report`. Counts are SQL
// aggregations over the indexed date columns; only per-helper rows and the overdue pairings
// (at most pair.max per helper) come back as lists.
import { asOfDate, contactBase, countsByKind, PAIR_PERSON_KINDS, type PairPersonKind } from '../domain/pair.js';
import { daysBetween, type IsoDate } from '../time/dates.js';
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
 * pairOverdueContacts for each of a report's intervals, from one read of the pairings and of
 * their help entries up to the last interval's end: a village has hundreds of pairings and a few
 * thousand entries a year, where the queries would run four times per interval.
 */
export function pairIntervalCounts(db: Db, intervals: readonly { from: IsoDate; to: IsoDate; asOf: IsoDate }[]): PairIntervalCounts[] {
  if (intervals.length === 0) return [];
  // Entries from the first interval's start, or from the earliest day the rule is applied on if
  // that is before (an interval after today is judged on today).
  const first = intervals.reduce((m, r) => (r.from < m ? r.from : m), intervals[0]!.from);
  const since = intervals.reduce((m, r) => (r.asOf < m ? r.asOf : m), first);
  const last = intervals.reduce((m, r) => (r.to > m ? r.to : m), intervals[0]!.to);
  const pairs = statement(db, 'SELECT id, helper, cadence_days, started_on, ended_on FROM pairs WHERE deleted_at IS NULL').all() as Array<{
    id: number;
    helper: string;
    cadence_days: number;
    started_on: IsoDate;
    ended_on: IsoDate | null;
  }>;
  // Each live pairing's entry dates, oldest first: its last one before `since`, then those from
  // `since` to the last interval's end; and those entries by date.
  const byId = new Map(pairs.map((p) => [p.id, { pair: p, dates: [] as IsoDate[] }]));
  for (const [pairId, date] of statement(db, 'SELECT pair_id, max(date) FROM pair_logs WHERE deleted_at IS NULL AND date < ? GROUP BY pair_id').raw().all(since) as [number, IsoDate][]) {
    byId.get(pairId)?.dates.push(date);
  }
  const entries: Array<{ date: IsoDate; helper: string }> = [];
  for (const [pairId, date] of statement(db, 'SELECT pair_id, date FROM pair_logs WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id').raw().all(since, last) as [number, IsoDate][]) {
    const mine = byId.get(pairId);
    if (!mine) continue;
    mine.dates.push(date);
    entries.push({ date, helper: mine.pair.helper });
  }
  // Pairings that overlap no interval count only in `started` and `ended`: sorted dates do for those.
  const started = pairs.map((p) => p.started_on).sort();
  const ended = pairs.flatMap((p) => (p.ended_on === null ? [] : [p.ended_on])).sort();
  const running = [...byId.values()].filter(({ pair: p }) => p.started_on <= last && (p.ended_on === null || p.ended_on >= first));
  const entryDates = entries.map((e) => e.date);
  return intervals.map(({ from, to, asOf: today }) => {
    const asOf = asOfDate(to, today);
    const counts: PairIntervalCounts = {
      active: 0,
      help_entries: 0,
      entries_by_helper: new Map(),
      started: countIn(started, from, to),
      ended: countIn(ended, from, to),
      overdue: 0,
    };
    for (const { pair: p, dates } of running) {
      // ACTIVE_IN_PERIOD and ACTIVE_ON, as in the queries.
      if (!(p.started_on <= to && (p.ended_on === null || p.ended_on >= from))) continue;
      if (!(p.started_on <= asOf && (p.ended_on === null || p.ended_on > asOf))) continue;
      counts.active++;
      const lastContact = dates[firstAfter(dates, asOf) - 1] ?? null;
      if (daysBetween(contactBase({ started_on: p.started_on, last_contact: lastContact }), asOf) > p.cadence_days) counts.overdue++;
    }
    const [lo, hi] = [firstFrom(entryDates, from), firstAfter(entryDates, to)];
    for (let i = lo; i < hi; i++) {
      const helper = entries[i]!.helper;
      counts.entries_by_helper.set(helper, (counts.entries_by_helper.get(helper) ?? 0) + 1);
    }
    counts.help_entries = hi - lo;
    return counts;
  });
}

/** The index of the first of the sorted `dates` after `day` (the number on or before it). */
function firstAfter(dates: readonly IsoDate[], day: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first of the sorted `dates` on or after `day`. */
function firstFrom(dates: readonly IsoDate[], day: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted `dates` fall in [from, to]. */
const countIn = (dates: readonly IsoDate[], from: IsoDate, to: IsoDate) => firstAfter(dates, to) - firstFrom(dates, from);

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
