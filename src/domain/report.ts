// The report's shape and its pure rules: sections, figure tables, intervals, zero report,
// and the long format for spreadsheets. Rendering lives in src/render/report.ts.
import type { IsoDate } from '../time/dates.js';
import type { Period } from '../time/periods.js';

export const REPORT_SECTIONS = ['visits', 'concerns', 'disputes', 'pairs', 'meetings', 'decisions', 'plan', 'presence'] as const;
export type SectionName = (typeof REPORT_SECTIONS)[number];

export const REPORT_BY = ['week', 'month', 'quarter'] as const;
export type ReportBy = (typeof REPORT_BY)[number];

/** One row of a figure table: a total for the whole period and, with --by, one value per interval. */
export interface FigureRow {
  key: string;
  total: number;
  intervals?: number[];
}

/**
 * A table of counted figures. The first table of a section is its summary (keys are the
 * section's metrics); the others break one figure down (keys are canonical keys or names).
 */
export interface FigureTable {
  name: string;
  /** The i18n label kind for row keys (e.g. 'visit_category'); none: keys are names shown as they are. */
  labelKind?: string;
  /** Keys that are people's names (helpers): pseudonymised by --redact. */
  names?: boolean;
  rows: FigureRow[];
  /** Rates: shown as percentages; NaN when there is nothing to divide (null in JSON). */
  ratio?: boolean;
  /** A state on the period's last day (open, overdue, ...), not a count of the period: no intervals. */
  state?: boolean;
}

/** A list that is not a count: uncovered topics, missing meetings, the practical things. */
export interface ReportList {
  name: string;
  columns: { key: string; labelKind?: string; name?: boolean }[];
  rows: Record<string, string | number | null>[];
  /** JSON as a plain array of the first column's values (e.g. uncovered_categories). */
  flat?: boolean;
}

/** A detail's field beside date, who, what and status: a category, a helper, a meeting type, a step. */
export interface DetailField {
  key: string;
  value: string;
  /** i18n label kind of the value, if it is a key. */
  labelKind?: string;
  /** The value is a person's name (a helper): pseudonymised by --redact. */
  name?: boolean;
}

/** One line of the narrative: what happened in the period. */
export interface Detail {
  date: IsoDate;
  who: string;
  what: string;
  /** The item's status (a concern's, a case's, a pairing's...), null where the item has none (a visit, a meeting). */
  status: string | null;
  /** i18n label kind of the status key. */
  statusKind?: string;
  /** What is neither who, what nor status, each under its own key. */
  fields?: DetailField[];
}

export interface SectionReport {
  name: SectionName;
  tables: FigureTable[];
  lists: ReportList[];
  details: Detail[];
  /** How many details there were before the limit. */
  details_total: number;
  /** Flow figures (things that happened in the period) used for the zero-report test. */
  flows: string[];
}

export interface ReportModel {
  period: Period;
  today: IsoDate;
  /** The day state figures describe: the period's last day, or today while the period runs. */
  as_of: IsoDate;
  village: string;
  secretary: string;
  by?: ReportBy;
  intervals: Period[];
  sections: SectionReport[];
  zero_report: boolean;
  redacted: boolean;
}

/** Figures of a section as flat key → number maps per table, the form section builders return. */
export type Figures = Record<string, Record<string, number>>;

/** Merge the whole-period figures with per-interval figures into figure rows. */
export function mergeIntervals(total: Figures, perInterval: Figures[] | undefined): Record<string, FigureRow[]> {
  const out: Record<string, FigureRow[]> = {};
  for (const [table, values] of Object.entries(total)) {
    const keys = new Set(Object.keys(values));
    for (const f of perInterval ?? []) for (const k of Object.keys(f[table] ?? {})) keys.add(k);
    out[table] = [...keys].map((key) => ({
      key,
      total: values[key] ?? 0,
      ...(perInterval ? { intervals: perInterval.map((f) => f[table]?.[key] ?? 0) } : {}),
    }));
  }
  return out;
}

/** A zero report: none of the sections' flow figures moved in the period. */
export function isZeroReport(sections: readonly SectionReport[]): boolean {
  return sections.every((s) => {
    const summary = s.tables[0];
    return !summary || summary.rows.every((r) => !s.flows.includes(r.key) || r.total === 0);
  });
}

export interface LongRow {
  section: string;
  metric: string;
  key: string;
  interval: string;
  /** null for a rate with nothing to divide */
  value: number | null;
}

/** One figure per row (section, metric, key, interval, value) so a spreadsheet can pivot it. */
export function longRows(model: ReportModel): LongRow[] {
  const rows: LongRow[] = [];
  for (const s of model.sections) {
    s.tables.forEach((table, i) => {
      for (const r of table.rows) {
        const flat = i === 0 || table.name === 'state';
        const metric = flat ? r.key : table.name;
        const key = flat ? '' : r.key;
        const value = (v: number) => (Number.isNaN(v) ? null : v);
        r.intervals?.forEach((v, j) => rows.push({ section: s.name, metric, key, interval: model.intervals[j]!.label, value: value(v) }));
        // A state is named by the day it describes; a count by its period (or 'total' beside intervals).
        const interval = table.state ? model.as_of : r.intervals ? 'total' : model.period.label;
        rows.push({ section: s.name, metric, key, interval, value: value(r.total) });
      }
    });
  }
  return rows;
}
