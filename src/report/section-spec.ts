// What a report section is (src/report/sections.ts has each one): the ranges it counts, its
// tables, the memo that answers a question once per report, and the helpers the specs share.
import type { Figures, ReportList, SectionName } from '../domain/report.js';
import type { Db } from '../db/open.js';
import type { IsoDate } from '../time/dates.js';

/** A date range and the day its state describes (its last day, or today while it runs). */
export interface Range {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  /** The real today, for the rules that judge whole intervals by whether they are over. */
  today: IsoDate;
}

export interface TableSpec {
  name: string;
  labelKind?: string;
  /** Keys are people's names (helpers): pseudonymised by --redact. */
  names?: boolean;
  ratio?: boolean;
  /** A state on the period's last day, not a count of the period: never split by interval. */
  state?: boolean;
}

/**
 * A section's count, state and lists ask some of the same questions of the period (overdue
 * pairings, stuck decisions, the meetings owed): `once` answers each once per report.
 */
export type Once = <T>(key: string, compute: () => T) => T;

/** A fresh `once`, for one section of one report. */
export function onceMemo(): Once {
  const known = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (!known.has(key)) known.set(key, compute());
    return known.get(key) as T;
  };
}

export interface SectionSpec {
  name: SectionName;
  /** Tables in display order: the summary of flows first, then breakdowns, then state tables. */
  tables: TableSpec[];
  /** Summary metrics that count what happened in the period (the zero-report test). */
  flows: string[];
  /** The flow tables for the whole period and for each interval (none without --by): the intervals tile the period, in order. */
  count(db: Db, period: Range, intervals: Range[], once: Once): { total: Figures; per: Figures[] };
  /** The state tables, once, as of the period's last day. */
  state(db: Db, period: Range, once: Once): Figures;
  /** Lists that are not counts; `total` holds the period's figures, computed already. */
  lists(db: Db, period: Range, total: Figures, once: Once): ReportList[];
}

export const fromEntries = <T>(entries: [string, T][]) => Object.fromEntries(entries) as Record<string, T>;

/** Most sections count each range on its own: their queries are cheap, indexed range counts. */
export function eachRange(count: (db: Db, r: Range, once: Once) => Figures): SectionSpec['count'] {
  return (db, period, intervals, once) => ({ total: count(db, period, once), per: intervals.map((r) => count(db, r, once)) });
}

/** The key `once` knows a range's answer by. */
export const of = (what: string, r: Range) => `${what} ${r.from} ${r.to} ${r.asOf}`;

/** The index of the range (in order, not overlapping) that holds `day`, or -1. */
export function rangeOf(ranges: readonly Range[], day: IsoDate): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.to < day) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo]!.from <= day ? lo : -1;
}
