// parse period → query → compute → (render elsewhere). Builds the whole report model.
import { isZeroReport, mergeIntervals, type Detail, type ReportBy, type ReportList, type ReportModel, type SectionName, type SectionReport } from '../domain/report.js';
import { makeRedactor, type Redactor } from '../domain/redact.js';
import type { Db } from '../db/open.js';
import { DETAIL_QUERIES, type DetailRow } from '../db/report-details.js';
import { redactionFacts } from '../db/redact.js';
import { getLang, type Lang } from '../i18n/index.js';
import { getSetting } from '../db/settings.js';
import type { IsoDate } from '../time/dates.js';
import { splitPeriod, type Period } from '../time/periods.js';
import { onceMemo } from './section-spec.js';
import { SECTION_SPECS } from './sections.js';

export interface ReportOptions {
  period: Period;
  today: IsoDate;
  sections: readonly SectionName[];
  by?: ReportBy;
  /** Items per section in the narrative; 0 = all; undefined = no narrative at all. */
  detailLimit?: number;
  redact: boolean;
  /** The pseudonyms' convention (surname + 某, or initials); set by the caller so that a worker thread uses the same. */
  lang?: Lang;
}

/** The report's redactor, one per report over every name the ledger has held: the figures' model and the document tree both use it. */
export function reportRedactor(db: Db, o: Pick<ReportOptions, 'lang'>): Redactor {
  return makeRedactor(redactionFacts(db), o.lang ?? getLang());
}

const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** The figures, lists and narrative of some sections (redacted if asked). */
export function buildSections(db: Db, o: ReportOptions, names: readonly SectionName[]): SectionReport[] {
  const { period, today } = o;
  const intervals = o.by ? splitPeriod(period.from, period.to, o.by) : [];
  const redactor = o.redact ? reportRedactor(db, o) : undefined;
  return names.map((name) => {
    const spec = SECTION_SPECS[name];
    const range = (p: Period) => ({ from: p.from, to: p.to, asOf: earlier(p.to, today), today });
    const whole = range(period);
    const once = onceMemo();
    const { total, per } = spec.count(db, whole, intervals.map(range), once);
    const rows = { ...mergeIntervals(total, o.by ? per : undefined), ...mergeIntervals(spec.state(db, whole, once), undefined) };
    // Presence has no narrative of its own: its days are in `fs presence list` and the workbook.
    const query = DETAIL_QUERIES[name];
    const details = o.detailLimit === undefined || !query ? { rows: [], total: 0 } : query(db, period.from, period.to, o.detailLimit);
    const section: SectionReport = {
      name,
      tables: spec.tables.map((meta) => ({ ...meta, rows: rows[meta.name] ?? [] })),
      lists: spec.lists(db, whole, total, once),
      details: details.rows,
      details_total: details.total,
      flows: spec.flows,
    };
    return redactor ? redactSection(section, redactor) : section;
  });
}

/** The report around its sections (given in contract order). */
export function assembleReport(db: Db, o: ReportOptions, sections: SectionReport[]): ReportModel {
  const { period, today } = o;
  // The secretary is a name like any other: the same pseudonym as where they are a helper.
  const secretary = getSetting(db, 'secretary');
  return {
    period,
    today,
    as_of: earlier(period.to, today),
    village: getSetting(db, 'village'),
    secretary: o.redact && secretary ? reportRedactor(db, o).name(secretary) : secretary,
    by: o.by,
    intervals: o.by ? splitPeriod(period.from, period.to, o.by) : [],
    sections,
    zero_report: isZeroReport(sections),
    redacted: o.redact,
  };
}

export function buildReport(db: Db, o: ReportOptions): ReportModel {
  return assembleReport(db, o, buildSections(db, o, o.sections));
}

/** Names become pseudonyms; free text loses names and phone numbers. Figures are untouched. */
function redactSection(s: SectionReport, r: Redactor): SectionReport {
  const detail = (d: Detail): Detail => {
    const row = d as DetailRow;
    return {
      date: d.date,
      who: row.person_id ? r.person(d.who, row.person_id) : r.text(d.who),
      what: r.text(d.what),
      status: d.status,
      statusKind: d.statusKind,
      ...(d.fields ? { fields: d.fields.map((f) => (f.labelKind ? f : { ...f, value: f.name ? r.person(f.value) : r.text(f.value) })) } : {}),
    };
  };
  const list = (l: ReportList): ReportList => ({
    ...l,
    rows: l.rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => {
          const col = l.columns.find((c) => c.key === k);
          if (typeof v !== 'string' || col?.labelKind) return [k, v];
          return [k, col?.name ? r.person(v, k === 'person' ? (row.person_id as number | null) : null) : r.text(v)];
        }),
      ),
    ),
  });
  return {
    ...s,
    tables: s.tables.map((t) => (t.names ? { ...t, rows: t.rows.map((row) => ({ ...row, key: r.person(row.key) })) } : t)),
    lists: s.lists.map(list),
    details: s.details.map(detail),
  };
}
