// The report in every format. Table and md share one layout: a title, then per section its
// figure tables, its lists and its narrative; JSON is one object; csv/tsv the long format.
import { longRows, type Detail, type FigureRow, type LongRow, type FigureTable, type ReportList, type ReportModel, type SectionReport } from '../domain/report.js';
import { joinList, label, t } from '../i18n/index.js';
import { mdText, stripControls } from './escape.js';
import { renderDelimited, renderMarkdownTable, renderTable, type Column, type Format, type Listing } from './output.js';

// A ratio with nothing to divide (no meeting with counts) is NaN: shown as a dash, null in JSON.
const percent = (v: number) => (Number.isNaN(v) ? '—' : `${(v * 100).toFixed(1)}%`);

export function reportTitle(m: ReportModel): string {
  const who = [m.village, m.secretary].filter(Boolean).join(' · ');
  const period = `${m.period.label} (${m.period.from} – ${m.period.to})`;
  return who ? t('report.title_who', { who, period }) : t('report.title', { period });
}

/** Summary rows are the section's metrics; breakdown rows are canonical keys (or names). */
function rowLabel(table: FigureTable, section: SectionReport, summary: boolean, key: string): string {
  if (summary || table.name === 'state') return t(`report.${section.name}.${key}`);
  return table.labelKind ? label(table.labelKind, key) : key;
}

function figureListing(m: ReportModel, section: SectionReport, table: FigureTable, summary: boolean): Listing<FigureRow> {
  const fmt = (v: number) => (table.ratio ? percent(v) : String(v));
  const title = summary && table.name !== 'state' ? undefined : t(`report.table.${table.name}`, { date: m.as_of });
  const columns: Column<FigureRow>[] = [{ key: 'key', header: t('report.col.figure'), value: (r) => r.key, text: (r) => rowLabel(table, section, summary, r.key) }];
  if (!table.state) m.intervals.forEach((iv, i) => columns.push({ key: iv.label, header: iv.label, value: (r) => r.intervals?.[i] ?? 0, text: (r) => fmt(r.intervals?.[i] ?? 0) }));
  columns.push({ key: 'total', header: m.by && !table.state ? t('report.col.whole_period') : t('report.col.value'), value: (r) => r.total, text: (r) => fmt(r.total) });
  return { title, columns, rows: table.rows };
}

function listText(l: ReportList): string {
  const col = l.columns[0]!;
  if (l.rows.length === 0) return t('msg.none');
  return joinList(l.rows.map((r) => (col.labelKind ? label(col.labelKind, String(r[col.key])) : String(r[col.key] ?? ''))));
}

function listListing(l: ReportList): Listing<Record<string, string | number | null>> {
  return {
    title: t(`report.list.${l.name}`),
    columns: l.columns.map((c) => ({
      key: c.key,
      header: t(`report.col.${c.key}`),
      value: (r) => r[c.key] ?? null,
      text: (r) => (r[c.key] === null || r[c.key] === undefined ? '' : c.labelKind ? label(c.labelKind, String(r[c.key])) : String(r[c.key])),
    })),
    rows: l.rows,
    empty: t('msg.none'),
  };
}

function detailListing(s: SectionReport): Listing<Detail> {
  // Columns for the fields the section's items have (a category, a helper...), and a status only where items have one.
  const fields = s.details.find((d) => d.fields)?.fields ?? [];
  const field = (d: Detail, key: string) => d.fields?.find((f) => f.key === key);
  return {
    title: t('report.details'),
    columns: [
      { key: 'date', header: t('col.date'), value: (d) => d.date },
      { key: 'who', header: t('report.col.who'), value: (d) => d.who },
      { key: 'what', header: t('report.col.what'), value: (d) => d.what },
      ...fields.map((f): Column<Detail> => ({
        key: f.key,
        header: t(`report.col.${f.key}`),
        value: (d) => field(d, f.key)?.value ?? '',
        text: (d) => {
          const x = field(d, f.key);
          return x ? (x.labelKind ? label(x.labelKind, x.value) : x.value) : '';
        },
      })),
      ...(s.details.some((d) => d.status !== null)
        ? [{ key: 'status', header: t('col.status'), value: (d: Detail) => d.status, text: (d: Detail) => (d.status === null ? '' : d.statusKind ? label(d.statusKind, d.status) : d.status) }]
        : []),
    ],
    rows: s.details,
    empty: t('report.no_details'),
  };
}

/** Table (terminal) or Markdown: the same blocks, the same order, every time. */
export function renderReportDocument(m: ReportModel, format: 'table' | 'md', detail: boolean): string {
  const md = format === 'md';
  const out: string[] = [];
  const heading = (level: number, text: string) => out.push(md ? `${'#'.repeat(level)} ${mdText(text)}\n` : `${'='.repeat(level === 1 ? 2 : 1)} ${stripControls(text)}\n`);
  const paragraph = (text: string) => out.push(`${md ? mdText(text) : stripControls(text)}\n`);
  const table = (l: Listing<any>, level: number) => {
    if (l.title) heading(level, l.title);
    out.push(md ? renderMarkdownTable({ ...l, title: undefined }) : renderTable({ ...l, title: undefined }));
  };
  heading(1, reportTitle(m));
  if (m.redacted) paragraph(t('report.redacted_note'));
  if (m.zero_report) paragraph(t('report.zero'));
  for (const s of m.sections) {
    heading(2, t(`report.section.${s.name}`));
    // The summary in full; a breakdown only with its non-zero rows, and not at all when all are zero.
    s.tables.forEach((tb, i) => {
      const full = i === 0 || tb.name === 'state';
      const rows = full ? tb.rows : tb.rows.filter((r) => r.total !== 0 || r.intervals?.some((v) => v !== 0));
      if (rows.length) table(figureListing(m, s, { ...tb, rows }, full), 3);
    });
    for (const l of s.lists) {
      if (l.flat && (l.rows.length || l.name.startsWith('uncovered'))) paragraph(`${md ? '**' : ''}${t(`report.list.${l.name}`)}${md ? '**' : ''}: ${listText(l)}`);
      else if (!l.flat && l.rows.length) table(listListing(l), 3);
    }
    if (detail) {
      table(detailListing(s), 3);
      if (s.details_total > s.details.length) paragraph(t('report.more_details', { shown: s.details.length, total: s.details_total }));
    }
  }
  return out.join('\n');
}

/** One JSON object; with --by every count is {total, intervals: {label: n}}. */
export function reportJson(m: ReportModel, detail: boolean): Record<string, unknown> {
  const value = (r: FigureRow) => (r.intervals ? { total: r.total, intervals: Object.fromEntries(m.intervals.map((iv, i) => [iv.label, r.intervals![i]])) } : r.total);
  const out: Record<string, unknown> = {
    period: { label: m.period.label, from: m.period.from, to: m.period.to },
    today: m.today,
    as_of: m.as_of,
    village: m.village || null,
    secretary: m.secretary || null,
    by: m.by ?? null,
    intervals: m.intervals.map((iv) => ({ label: iv.label, from: iv.from, to: iv.to })),
    zero_report: m.zero_report,
    redacted: m.redacted,
  };
  for (const s of m.sections) {
    const section: Record<string, unknown> = {};
    s.tables.forEach((tb, i) => {
      // The summary's counts and the state figures are the section's own keys (visits.total, disputes.open).
      if (i === 0 || tb.name === 'state') for (const r of tb.rows) section[r.key] = value(r);
      else section[tb.name] = Object.fromEntries(tb.rows.map((r) => [r.key, value(r)]));
    });
    for (const l of s.lists) {
      section[l.name] = l.flat ? l.rows.map((r) => r[l.columns[0]!.key]) : l.rows.map((r) => Object.fromEntries(l.columns.map((c) => [c.key, r[c.key] ?? null])));
    }
    if (detail) {
      section.details = s.details.map(({ date, who, what, status, fields }) => ({ date, who, what, ...Object.fromEntries((fields ?? []).map((f) => [f.key, f.value])), status }));
      section.details_total = s.details_total;
    }
    out[s.name] = section;
  }
  return out;
}

export function renderReport(m: ReportModel, format: Format, detail: { text: boolean; json: boolean }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(reportJson(m, detail.json), null, 2)}\n`;
    case 'ndjson':
      return `${JSON.stringify(reportJson(m, detail.json))}\n`;
    case 'csv':
    case 'tsv':
      return renderDelimited<LongRow>(
        { columns: (['section', 'metric', 'key', 'interval', 'value'] as const).map((k) => ({ key: k, header: k, value: (r: LongRow) => r[k] })), rows: longRows(m) },
        format,
      );
    case 'md':
    case 'table':
      return renderReportDocument(m, format, detail.text);
  }
}
