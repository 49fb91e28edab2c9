// The county report in every format: JSON for scripts (nested as fs report nests a ledger's
// figures), CSV one wide row per village, and one document tree (rates, then each section's
// figures, villages as rows and a totals row) for the terminal table, Markdown, docx and xlsx.
import { COUNTY_RATES, nestFigures, type CountyReport, type CountyUnit, type FlatFigures } from '../domain/county-report.js';
import { sectionNumber, type Cell, type DocColumn, type DocSection, type DocTable, type DocumentTree } from '../domain/document.js';
import { REPORT_SECTIONS, type SectionName } from '../domain/report.js';
import { getLang, label, t } from '../i18n/index.js';
import { renderDelimited, renderTable, type Column, type Listing } from './output.js';

const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

const GROUP_KIND: Record<string, string | ((section: SectionName) => string)> = {
  by_category: (s) => (s === 'visits' ? 'visit_category' : 'dispute_category'),
  by_topic: 'visit_topic',
  by_source: 'dispute_source',
  held_by_type: 'meeting_type',
  goals_by_area: 'plan_area',
  by_status: 'presence_status',
};

/** A figure's label: a section's own metric, or a canonical key of a breakdown. */
export function figureLabel(flat: string): string {
  const [section, a, b] = flat.split('.') as [SectionName, string, string | undefined];
  if (b === undefined) return t(`report.${section}.${a}`);
  if (a === 'petitions') return t(`report.disputes.${b}`);
  if (a === 'attendance') return t(`report.meetings.${b}`);
  const kind = GROUP_KIND[a];
  return kind ? label(typeof kind === 'function' ? kind(section) : kind, b) : b;
}

const isRatio = (flat: string) => flat === 'meetings.attendance.rate';

/** The figures' keys in report order (sections, then the order the queries gave them). */
function figureKeys(r: CountyReport): string[] {
  const keys = Object.keys(r.totals.figures);
  for (const u of r.units) for (const k of Object.keys(u.figures)) if (!keys.includes(k)) keys.push(k);
  return REPORT_SECTIONS.flatMap((s) => keys.filter((k) => k.startsWith(`${s}.`)));
}

function rates(rs: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(COUNTY_RATES.map((k) => [k, rs[k] ?? null]));
}

/** { period, villages|townships: [...], totals }: each row has its names, rates, ranks and the sections of fs report. */
export function countyJson(r: CountyReport): Record<string, unknown> {
  const row = (u: CountyUnit) => ({
    ...(r.by === 'village' ? { village: u.name, township: u.township, secretary: u.secretary, ledger: u.ledger } : { township: u.name, villages: u.villages }),
    ...rates(u.rates),
    rank: u.rank,
    score: u.score,
    ...nestFigures(u.figures),
  });
  return {
    period: { label: r.period.label, from: r.period.from, to: r.period.to },
    today: r.today,
    as_of: r.as_of,
    by: r.by,
    redacted: r.redacted,
    [r.by === 'village' ? 'villages' : 'townships']: r.units.map(row),
    totals: { villages: r.totals.villages, ...rates(r.totals.rates), ...nestFigures(r.totals.figures) },
  };
}

const value = (f: FlatFigures, k: string) => (isRatio(k) ? percent(f[k]) : (f[k] ?? 0));

/** One row per village (or township), then the totals; rates as percentages, figures under their JSON paths. */
export function countyCsv(r: CountyReport): string {
  type Row = { name: string; township: string | null; secretary: string | null; ledger: string | null; rank: number | null; rates: Record<string, number | null>; figures: FlatFigures };
  const rows: Row[] = [
    ...r.units.map((u) => ({ name: u.name, township: u.township, secretary: u.secretary, ledger: u.ledger, rank: u.rank.overall, rates: u.rates, figures: u.figures })),
    { name: t('county.col.totals'), township: null, secretary: null, ledger: null, rank: null, rates: r.totals.rates, figures: r.totals.figures },
  ];
  const columns: Column<Row>[] = [
    { key: r.by, header: '', value: (x) => x.name },
    ...(r.by === 'village'
      ? [
          { key: 'township', header: '', value: (x: Row) => x.township },
          { key: 'secretary', header: '', value: (x: Row) => x.secretary },
          { key: 'ledger', header: '', value: (x: Row) => x.ledger },
        ]
      : []),
    { key: 'rank', header: '', value: (x) => x.rank },
    ...COUNTY_RATES.map((k): Column<Row> => ({ key: k, header: '', value: (x) => percent(x.rates[k]) })),
    ...figureKeys(r).map((k): Column<Row> => ({ key: k, header: '', value: (x) => value(x.figures, k) })),
  ];
  return renderDelimited({ columns, rows }, 'csv');
}

// Village and township names never break inside a cell (the document renderers keep 'name' columns whole).
const nameColumn = (r: CountyReport): DocColumn => ({ header: t(r.by === 'village' ? 'county.col.village' : 'county.col.township'), type: 'name' });

/** The rates table: overall rank, names, each rate with its own rank. */
function ratesTable(r: CountyReport): DocTable {
  const columns: DocColumn[] = [
    { header: t('county.col.rank'), type: 'count' },
    nameColumn(r),
    ...(r.by === 'village' ? [{ header: t('county.col.township'), type: 'name' as const }, { header: t('county.col.secretary'), type: 'name' as const }] : [{ header: t('county.report.villages_count'), type: 'count' as const }]),
    ...COUNTY_RATES.map((k): DocColumn => ({ header: t(`county.rate.${k}`), type: 'text' })),
  ];
  const withRank = (v: number | null, rank: number | null) => (v === null ? '—' : `${percent(v)} (${rank})`);
  const rows: Cell[][] = r.units.map((u) => [
    u.rank.overall,
    u.name,
    ...(r.by === 'village' ? [u.township, u.secretary] : [u.villages]),
    ...COUNTY_RATES.map((k) => withRank(u.rates[k], u.rank[k])),
  ]);
  rows.push([null, t('county.col.totals'), ...(r.by === 'village' ? [null, null] : [r.totals.villages]), ...COUNTY_RATES.map((k) => percent(r.totals.rates[k]))]);
  return { kind: 'table', caption: t('county.report.rates'), columns, rows, notes: [t('county.report.rank_note')] };
}

/** Each section's figures as tables: its own metrics, then one table per breakdown; villages as rows. */
function sectionTables(r: CountyReport, section: SectionName, keys: string[]): DocTable[] {
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const parts = k.split('.');
    const g = parts.length === 2 ? 'summary' : parts[1]!;
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  return [...groups].map(([g, ks]) => {
    const columns: DocColumn[] = [nameColumn(r), ...ks.map((k): DocColumn => ({ header: figureLabel(k), type: isRatio(k) ? 'text' : 'count' }))];
    const rows: Cell[][] = [...r.units.map((u) => [u.name, ...ks.map((k) => value(u.figures, k))]), [t('county.col.totals'), ...ks.map((k) => value(r.totals.figures, k))]];
    return { kind: 'table', caption: t(`county.table.${g}`), columns, rows };
  });
}

export function countyTitle(r: CountyReport): string {
  return t(r.by === 'village' ? 'county.report.title' : 'county.report.title_township', { period: r.period.label, from: r.period.from, to: r.period.to });
}

/** The report as one document tree (Markdown, docx, xlsx and the terminal read it). */
export function countyDocument(r: CountyReport): DocumentTree {
  const keys = figureKeys(r);
  const lang = getLang();
  const sections: DocSection[] = REPORT_SECTIONS.map((s, i) => ({
    kind: 'section',
    level: 1,
    number: sectionNumber(lang, 1, i + 2),
    title: t(`report.section.${s}`),
    blocks: sectionTables(r, s, keys.filter((k) => k.startsWith(`${s}.`))),
  }));
  return {
    lang,
    title: countyTitle(r),
    meta: [{ label: `${t('county.report.as_of')}${lang === 'zh' ? '：' : ': '}`, value: r.as_of }],
    blocks: [
      ...(r.redacted ? [{ kind: 'paragraph' as const, sentences: [t('county.report.redacted_note')] }] : []),
      { kind: 'section', level: 1, number: sectionNumber(lang, 1, 1), title: t('county.report.rates'), blocks: [ratesTable(r)] },
      ...sections,
    ],
  };
}

/** The terminal: the same tables, drawn to fit. */
export function countyTable(r: CountyReport): string {
  const doc = countyDocument(r);
  const out: string[] = [`${doc.title}\n${doc.meta.map((m) => `${m.label}${m.value}`).join('\n')}\n`];
  const walk = (b: DocumentTree['blocks'][number], heading?: string) => {
    if (b.kind === 'paragraph') out.push(`${b.sentences.join(' ')}\n`);
    else if (b.kind === 'section') {
      out.push(`== ${b.number} ${b.title}\n`);
      b.blocks.forEach((x) => walk(x));
    } else {
      const listing: Listing<Cell[]> = {
        title: heading ?? b.caption,
        columns: b.columns.map((c, i): Column<Cell[]> => ({ key: String(i), header: c.header, value: (row) => row[i] ?? '', text: (row) => (row[i] === null || row[i] === undefined ? '' : typeof row[i] === 'object' ? (row[i] as { name: string }).name : String(row[i])) })),
        rows: b.rows,
      };
      out.push(renderTable(listing));
      for (const n of b.notes ?? []) out.push(`${n}\n`);
    }
  };
  doc.blocks.forEach((b) => walk(b));
  return out.join('\n');
}
