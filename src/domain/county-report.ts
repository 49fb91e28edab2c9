// The county report (fs county report): what the queries need to know about a period, the figures
// of each village nested as `fs report --format json` nests them, the totals, the comparison rates
// of DOMAIN.md "County measures", their ranks, townships, and redaction. Pure: the figures come
// from src/db/county/report.ts, the calendar from src/db/calendar.ts.
import type { Calendar } from './presence.js';
import { isWorkingDay } from './presence.js';
import { settingSpecs } from './settings.js';
import { judgedOn } from './compliance.js';
import { addDays, type IsoDate } from '../time/dates.js';
import { monthOf, splitPeriod, type Period } from '../time/periods.js';
import { REPORT_SECTIONS, type SectionName } from './report.js';

export const COUNTY_BY = ['village', 'township'] as const;
export type CountyBy = (typeof COUNTY_BY)[number];

export const COUNTY_FORMATS = ['table', 'md', 'json', 'csv', 'xlsx', 'docx'] as const;
export type CountyFormat = (typeof COUNTY_FORMATS)[number];

/** The comparison rates, DOMAIN.md order, each a numerator and a denominator among the figures. */
export const COUNTY_RATES = ['presence_rate', 'household_reach', 'concern_closure', 'dispute_resolution', 'meetings_held', 'practical_done'] as const;
export type CountyRate = (typeof COUNTY_RATES)[number];

export const RATE_PARTS: Record<CountyRate, { num: string; den: string }> = {
  presence_rate: { num: 'presence.days_counted', den: 'presence.working_days' },
  household_reach: { num: 'visits.households', den: 'visits.households_on_roster' },
  concern_closure: { num: 'concerns.finished', den: 'concerns.raised' },
  dispute_resolution: { num: 'disputes.settled', den: 'disputes.registered' },
  meetings_held: { num: 'meetings.required_held', den: 'meetings.required' },
  practical_done: { num: 'plan.practical_done', den: 'plan.practical_things' },
};

/** Figures that are not counts: computed from others, never summed. */
const DERIVED = new Set(['meetings.attendance.rate']);

export type FlatFigures = Record<string, number>;

/** A month or a year has a presence target (presence.month_min, year_min); any other period none (src/report/sections.ts). */
export function presenceUnit(p: Pick<Period, 'from' | 'to'>): 'month' | 'year' | 'range' {
  const y = Number(p.from.slice(0, 4));
  const m = Number(p.from.slice(5, 7));
  if (p.from.endsWith('-01-01') && p.to === `${y}-12-31`) return 'year';
  if (p.from.endsWith('-01') && p.to === monthOf(y, m).to) return 'month';
  return 'range';
}


const FREQUENCY_UNIT = { monthly: 'month', quarterly: 'quarter', yearly: 'year' } as const;

export interface CountyPeriodQuery {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  judged: IsoDate;
  workingDates: IsoDate[];
  intervals: Array<{ unit: 'monthly' | 'quarterly' | 'yearly'; from: IsoDate; to: IsoDate }>;
  presenceUnit: 'month' | 'year' | 'range';
  defaults: Record<string, string>;
}

/** Everything about the period the queries take as parameters, the same for every ledger. */
export function countyQueryOf(period: Pick<Period, 'from' | 'to'>, today: IsoDate, official: Calendar): CountyPeriodQuery {
  const asOf = period.to < today ? period.to : today;
  const judged = judgedOn(asOf, today);
  const workingDates: IsoDate[] = [];
  for (let d = period.from; d <= asOf; d = addDays(d, 1)) if (isWorkingDay(d, official)) workingDates.push(d);
  // computeCompliance's intervals: whole ones overlapping [from, min(to, judged)].
  const last = period.to < judged ? period.to : judged;
  const intervals: CountyPeriodQuery['intervals'] = [];
  if (period.from <= last) {
    for (const unit of ['monthly', 'quarterly', 'yearly'] as const) {
      for (const iv of splitPeriod(period.from, last, FREQUENCY_UNIT[unit], true)) intervals.push({ unit, from: iv.from, to: iv.to });
    }
  }
  const defaults = Object.fromEntries(settingSpecs().map((s) => [s.key, s.default]));
  return { from: period.from, to: period.to, asOf, judged, workingDates, intervals, presenceUnit: presenceUnit(period), defaults };
}

/** A ratio rounded for reading (four places: a percentage with one decimal); null when there is nothing to divide. */
export function ratio(num: number, den: number, places = 4): number | null {
  if (!(den > 0)) return null;
  const f = 10 ** places;
  return Math.round((num / den) * f) / f;
}

export function ratesOf(f: FlatFigures): Record<CountyRate, number | null> {
  return Object.fromEntries(COUNTY_RATES.map((r) => [r, ratio(f[RATE_PARTS[r].num] ?? 0, f[RATE_PARTS[r].den] ?? 0)])) as Record<CountyRate, number | null>;
}

/** The pooled attendance rate, rounded as `fs report` rounds it (three places), null without counts. */
function withDerived(f: FlatFigures): FlatFigures {
  const out = { ...f };
  const rate = ratio(f['meetings.attendance.present'] ?? 0, f['meetings.attendance.expected'] ?? 0, 3);
  delete out['meetings.attendance.rate'];
  if (rate !== null) out['meetings.attendance.rate'] = rate;
  return out;
}

/** Sum of figures (the derived ones recomputed from the sums). */
export function sumFigures(all: readonly FlatFigures[]): FlatFigures {
  const out: FlatFigures = {};
  for (const f of all) for (const [k, v] of Object.entries(f)) if (!DERIVED.has(k)) out[k] = (out[k] ?? 0) + v;
  return withDerived(out);
}

export type Nested = { [key: string]: number | null | Nested };

/** "visits.by_category.other" → {visits: {by_category: {other}}}, sections in `fs report` order. */
export function nestFigures(f: FlatFigures): Record<SectionName, Nested> {
  const out = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, {}])) as Record<SectionName, Nested>;
  for (const [key, v] of Object.entries(f)) {
    const parts = key.split('.');
    let node = out as unknown as Nested;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Nested;
    node[parts[parts.length - 1]!] = v;
  }
  // A ledger without attendance counts has rate null, as in fs report.
  const att = out.meetings.attendance as Nested | undefined;
  if (att && !('rate' in att)) att.rate = null;
  return out;
}

export interface CountyUnit {
  /** Village or township name (a pseudonym with --redact). */
  name: string;
  township: string | null;
  secretary: string | null;
  ledger: string | null;
  /** Villages in a township row (1 for a village). */
  villages: number;
  figures: FlatFigures;
  rates: Record<CountyRate, number | null>;
  rank: Record<CountyRate | 'overall', number | null>;
  /** The mean of the unit's rates, each capped at 1 (a presence rate above 1 is not "more reached"): the overall rank's key. */
  score: number | null;
}

export interface CountyReport {
  period: Period;
  today: IsoDate;
  as_of: IsoDate;
  by: CountyBy;
  redacted: boolean;
  units: CountyUnit[];
  totals: { villages: number; figures: FlatFigures; rates: Record<CountyRate, number | null> };
}

export function scoreOf(rates: Record<CountyRate, number | null>): number | null {
  const vals = COUNTY_RATES.map((r) => rates[r]).filter((v): v is number => v !== null);
  return vals.length ? ratio(vals.reduce((s, v) => s + Math.min(1, v), 0), vals.length) : null;
}

/** Competition ranking ("1224"): highest first, equal values share a rank, null unranked. */
export function rankValues(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

export interface LedgerFigures {
  ledger: string;
  village: string;
  township: string | null;
  secretary: string;
  figures: FlatFigures;
}

function unitOf(name: string, township: string | null, secretary: string | null, ledger: string | null, villages: number, figures: FlatFigures): CountyUnit {
  const rates = ratesOf(figures);
  return { name, township, secretary, ledger, villages, figures, rates, rank: {} as CountyUnit['rank'], score: scoreOf(rates) };
}

/**
 * Villages (or townships) with their rates and ranks, ordered by the overall rank (the mean of
 * their rates, each capped at 1), then by name; totals are the sums of every village's figures,
 * their rates computed from those sums (pooled, not the mean of the villages' rates).
 */
export function buildCountyReport(
  o: { period: Period; today: IsoDate; by: CountyBy; noTownship: string; collate: (a: string, b: string) => number },
  ledgers: readonly LedgerFigures[],
): CountyReport {
  const asOf = o.period.to < o.today ? o.period.to : o.today;
  const villages = ledgers.map((l) => ({ ...l, figures: withDerived(l.figures) }));
  let units: CountyUnit[];
  if (o.by === 'village') {
    units = villages.map((l) => unitOf(l.village, l.township, l.secretary, l.ledger, 1, l.figures));
  } else {
    const groups = new Map<string | null, typeof villages>();
    for (const l of villages) groups.set(l.township, [...(groups.get(l.township) ?? []), l]);
    units = [...groups].map(([town, ls]) => unitOf(town ?? o.noTownship, town, null, null, ls.length, sumFigures(ls.map((l) => l.figures))));
  }
  for (const key of [...COUNTY_RATES, 'overall'] as const) {
    const ranks = rankValues(units.map((u) => (key === 'overall' ? u.score : u.rates[key])));
    units.forEach((u, i) => (u.rank[key] = ranks[i]!));
  }
  units.sort((a, b) => (a.rank.overall ?? Infinity) - (b.rank.overall ?? Infinity) || o.collate(a.name, b.name) || (a.ledger ?? '').localeCompare(b.ledger ?? ''));
  const totals = sumFigures(villages.map((l) => l.figures));
  return { period: o.period, today: o.today, as_of: asOf, by: o.by, redacted: false, units, totals: { villages: villages.length, figures: totals, rates: ratesOf(totals) } };
}

const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/** The n-th (0-based) of `count` pseudonyms: 甲村, 乙村 … while ten or fewer, else 村1, 村2 …; in English Village 1, 2 … */
export function pseudonym(kind: 'village' | 'township', n: number, count: number, lang: 'en' | 'zh'): string {
  if (lang === 'en') return `${kind === 'village' ? 'Village' : 'Township'} ${n + 1}`;
  const suffix = kind === 'village' ? '村' : '镇';
  return count <= STEMS.length ? `${STEMS[n]}${suffix}` : `${suffix}${n + 1}`;
}

/**
 * Names become pseudonyms in the order shown (so a pseudonym says no more than the rank beside it),
 * townships by first appearance; secretaries and ledger ids are left out. Figures are untouched.
 */
export function redactCountyReport(r: CountyReport, lang: 'en' | 'zh'): CountyReport {
  const townships = [...new Set(r.units.map((u) => u.township).filter((t): t is string => t !== null))];
  const town = (t: string | null) => (t === null ? null : pseudonym('township', townships.indexOf(t), townships.length, lang));
  const units = r.units.map((u, i) => ({
    ...u,
    name: r.by === 'village' ? pseudonym('village', i, r.units.length, lang) : (town(u.township) ?? u.name),
    township: town(u.township),
    secretary: null,
    ledger: null,
  }));
  return { ...r, units, redacted: true };
}
