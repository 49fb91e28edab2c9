// The monthly dispute report's figures (矛盾纠纷排查调处月报), computed from grouped counts. Pure.
import type { IsoDate } from '../time/dates.js';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, PETITION_CHANNELS, type DisputeCategory, type DisputeSource, type PetitionChannel } from './dispute.js';

/** Things that happened in the period (events dated in it). */
export const FLOW_COUNTS = ['registered', 'resolved', 'closed', 'escalated', 'withdrawn'] as const;
/** The state of the ledger at the end of the period (or today, if the period has not ended). */
export const STOCK_COUNTS = ['open', 'mediating', 'overdue', 'revisits_due'] as const;
export const COUNT_KEYS = [...FLOW_COUNTS, ...STOCK_COUNTS] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export type DisputeCounts = Record<CountKey, number>;

/** One grouped row from the database: `n` cases of this category/source/channel counted under `key`. */
export interface CountRow {
  category: DisputeCategory;
  source: DisputeSource;
  channel: PetitionChannel | null;
  key: CountKey;
  n: number;
}

export interface DisputePeriodCounts {
  from: IsoDate;
  to: IsoDate;
  /** The day the stock counts (open, mediating, overdue, revisits_due) describe. */
  as_of: IsoDate;
  /** Disputes and petitions together. */
  total: DisputeCounts;
  /** Everything but petitions (source other than petition). */
  disputes: DisputeCounts;
  /** Petitions (信访) apart: source petition. */
  petitions: DisputeCounts;
  by_category: Record<DisputeCategory, DisputeCounts>;
  by_source: Record<DisputeSource, DisputeCounts>;
  petitions_by_channel: Record<PetitionChannel, DisputeCounts>;
  /** Nothing registered in the period: the village files a "zero report" (零报告). */
  zero_report: boolean;
}

export function zeroCounts(): DisputeCounts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as DisputeCounts;
}

function table<K extends string>(keys: readonly K[]): Record<K, DisputeCounts> {
  return Object.fromEntries(keys.map((k) => [k, zeroCounts()])) as Record<K, DisputeCounts>;
}

/** The stock counts are taken on the last day of the period, or today while the period runs. */
export function asOfDay(to: IsoDate, today: IsoDate): IsoDate {
  return to < today ? to : today;
}

/** Sum grouped rows into the report's tables; every key appears, with zeros. */
export function computeDisputeCounts(rows: readonly CountRow[], from: IsoDate, to: IsoDate, today: IsoDate): DisputePeriodCounts {
  const out: DisputePeriodCounts = {
    from,
    to,
    as_of: asOfDay(to, today),
    total: zeroCounts(),
    disputes: zeroCounts(),
    petitions: zeroCounts(),
    by_category: table(DISPUTE_CATEGORIES),
    by_source: table(DISPUTE_SOURCES),
    petitions_by_channel: table(PETITION_CHANNELS),
    zero_report: true,
  };
  for (const r of rows) {
    out.total[r.key] += r.n;
    (r.source === 'petition' ? out.petitions : out.disputes)[r.key] += r.n;
    if (out.by_category[r.category]) out.by_category[r.category][r.key] += r.n;
    if (out.by_source[r.source]) out.by_source[r.source][r.key] += r.n;
    if (r.source === 'petition' && r.channel && out.petitions_by_channel[r.channel]) out.petitions_by_channel[r.channel][r.key] += r.n;
  }
  out.zero_report = out.total.registered === 0;
  return out;
}
