// 附表: the figure tables, compact: visits by group × topic, the main figures (one column per
// --by interval, a partial first or last interval marked and footnoted), cases by category ×
// status, required meetings per type (required / held). Pure.
import type { Block, Cell, DocColumn, DocTable } from '../domain/document.js';
import { MEETING_TYPES } from '../domain/meeting.js';
import { PRESENCE_STATUSES } from '../domain/presence.js';
import type { ReportModel, SectionName } from '../domain/report.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../domain/visits.js';
import { DISPUTE_CATEGORIES, DISPUTE_STATUSES } from '../domain/dispute.js';
import { label, t, type Lang } from '../i18n/index.js';
import { splitPeriod, type Period } from '../time/periods.js';
import type { DocumentData } from './document-data.js';
import type { Figures } from './document.js';
import { sentencesFor } from './sentences.js';

const MAIN: [SectionName, string, string][] = [
  ['visits', 'total', 'doc.fig.visits'],
  ['visits', 'households', 'doc.fig.households'],
  ['concerns', 'raised', 'doc.fig.concerns_raised'],
  ['concerns', 'resolved', 'doc.fig.concerns_resolved'],
  ['disputes', 'registered', 'doc.fig.cases_registered'],
  ['disputes', 'resolved', 'doc.fig.cases_resolved'],
  ['meetings', 'held', 'doc.fig.meetings'],
  ['pairs', 'help_entries', 'doc.fig.help_entries'],
  ['plan', 'milestones_done', 'doc.fig.milestones_done'],
];

/** An interval cut by the period's bounds, or not over on today, is partial. */
export function isPartial(iv: Period, unit: 'week' | 'month' | 'quarter', today: string): boolean {
  const whole = splitPeriod(iv.from, iv.from, unit, true)[0]!;
  return whole.from !== iv.from || whole.to !== iv.to || iv.to > today;
}

export function annexTables(m: ReportModel, f: Figures, d: DocumentData, lang: Lang): Block[] {
  const out: DocTable[] = [];
  const caption = (key: string) => t('doc.annex.caption', { n: out.length + 1, title: t(key) });
  const count = (header: string): DocColumn => ({ header, type: 'count' });

  // The main figures, one column per interval with --by.
  const notes: string[] = [];
  const columns: DocColumn[] = [{ header: t('doc.col.figure'), type: 'text' }];
  const partial = m.by ? m.intervals.map((iv) => isPartial(iv, m.by!, m.today)) : [];
  m.intervals.forEach((iv, i) => columns.push(count(partial[i] ? `${iv.label}*` : iv.label)));
  columns.push(count(m.by ? t('doc.col.total') : t('doc.col.this_period')));
  const rows: Cell[][] = [];
  for (const [section, key, name] of MAIN) {
    if (!f.has(section)) continue;
    const row = f.table(section, 'summary')?.rows.find((r) => r.key === key);
    rows.push([t(name), ...m.intervals.map((_, i) => row?.intervals?.[i] ?? 0), row?.total ?? 0]);
  }
  if (partial.some(Boolean)) {
    const date = sentencesFor(lang).date;
    const which = m.intervals
      .filter((_, i) => partial[i])
      .map((iv) => (iv.from > m.today ? t('doc.annex.not_begun', { label: iv.label }) : t('doc.annex.partial_one', { label: iv.label, from: date(iv.from), to: date(iv.to < m.today ? iv.to : m.today) })));
    notes.push(t('doc.annex.partial', { list: which.join(lang === 'zh' ? '；' : '; ') }));
  }
  if (rows.length) out.push({ kind: 'table', caption: caption('doc.annex.main'), columns, rows, ...(notes.length ? { notes } : {}) });

  // Visits: the five must visits (and the two others) × the five must asks.
  if (f.get('visits', 'total')) {
    const cats = VISIT_CATEGORIES.filter((c) => d.visitGrid[c]);
    out.push({
      kind: 'table',
      caption: caption('doc.annex.visits'),
      columns: [{ header: t('doc.col.category'), type: 'text' }, ...VISIT_TOPICS.map((k) => count(label('visit_topic', k))), count(t('doc.col.visits'))],
      rows: cats.map((c) => [label('visit_category', c), ...VISIT_TOPICS.map((k) => d.visitGrid[c]![k] ?? 0), d.visitGrid[c]!.total ?? 0]),
      notes: [t('doc.annex.visits_note')],
    });
  }

  // Cases touched, by category × status at the period's end.
  if (d.caseGrid.length) {
    const statuses = DISPUTE_STATUSES.filter((st) => d.caseGrid.some((g) => g.status === st));
    const cats = DISPUTE_CATEGORIES.filter((c) => d.caseGrid.some((g) => g.category === c));
    const n = (c: string, st: string) => d.caseGrid.find((g) => g.category === c && g.status === st)?.n ?? 0;
    out.push({
      kind: 'table',
      caption: caption('doc.annex.cases'),
      columns: [{ header: t('doc.col.category'), type: 'text' }, ...statuses.map((st) => count(label('dispute_status', st))), count(t('doc.col.total'))],
      rows: cats.map((c) => [label('dispute_category', c), ...statuses.map((st) => n(c, st)), statuses.reduce((a, st) => a + n(c, st), 0)]),
    });
  }

  // Pairings by helper: active at the end, help entries in the period, overdue for a contact.
  const active = f.table('pairs', 'active_per_helper')?.rows ?? [];
  if (active.length) {
    const entries = f.table('pairs', 'help_entries_by_helper')?.rows ?? [];
    const overdue = f.list('pairs', 'overdue_contacts');
    out.push({
      kind: 'table',
      caption: caption('doc.annex.pairs'),
      columns: [{ header: t('doc.col.helper'), type: 'name' }, count(t('doc.col.active')), count(t('doc.col.help_entries')), count(t('doc.col.overdue'))],
      rows: active.map((r) => [r.key, r.total, entries.find((e) => e.key === r.key)?.total ?? 0, overdue.filter((o) => o.helper === r.key).length]),
    });
  }

  // Required meetings per type: required and held over the period (the intervals judged so far).
  if (f.has('meetings')) {
    const heldBy = f.table('meetings', 'held_by_type')?.rows ?? [];
    const rowsM: Cell[][] = [];
    for (const type of MEETING_TYPES) {
      const rowsOf = d.compliance.filter((r) => r.type === type);
      const held = heldBy.find((r) => r.key === type)?.total ?? 0;
      if (!rowsOf.length && !held) continue;
      const required = rowsOf.reduce((a, r) => a + r.required, 0);
      const missing = rowsOf.filter((r) => !r.ok).length;
      rowsM.push([label('meeting_type', type), rowsOf.length ? required : null, held, rowsOf.length ? missing : null]);
    }
    if (rowsM.length) out.push({ kind: 'table', caption: caption('doc.annex.meetings'), columns: [{ header: t('doc.col.meeting'), type: 'text' }, count(t('doc.col.required')), count(t('doc.col.held')), count(t('doc.col.missing'))], rows: rowsM });
  }

  // Presence (驻村考勤): days by status, one column per --by interval, and the working days left unrecorded.
  const byStatus = f.table('presence', 'by_status');
  if (byStatus && byStatus.rows.some((r) => r.total > 0)) {
    const cols: DocColumn[] = [{ header: t('doc.col.presence_status'), type: 'text' }, ...m.intervals.map((iv, i) => count(partial[i] ? `${iv.label}*` : iv.label)), count(m.by ? t('doc.col.total') : t('doc.col.days'))];
    const line = (name: string, r: { total: number; intervals?: number[] } | undefined): Cell[] => [name, ...m.intervals.map((_, i) => r?.intervals?.[i] ?? 0), r?.total ?? 0];
    const rowsP: Cell[][] = PRESENCE_STATUSES.map((st) => line(label('presence_status', st), byStatus.rows.find((r) => r.key === st)));
    rowsP.push(line(t('doc.fig.days_counted'), f.table('presence', 'summary')?.rows.find((r) => r.key === 'days_counted')));
    rowsP.push(line(t('doc.fig.unrecorded_working_days'), f.table('presence', 'summary')?.rows.find((r) => r.key === 'unrecorded_working_days')));
    out.push({ kind: 'table', caption: caption('doc.annex.presence'), columns: cols, rows: rowsP });
  }
  return out;
}
