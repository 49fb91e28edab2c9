// The work report as a document (周报, 月报, 季报, 年度工作总结): built once as a neutral tree from
// the report's figures and the document's data, then rendered as Markdown or docx. Pure: the db
// reads are in document-data.ts. Parts in order (DOMAIN.md "Documents by period"): title block,
// 总体情况, the sections by the secretary's roles, 存在的问题, 下步工作打算, 附表.
import { numberSections, type Block, type DocSection, type DocumentTree } from '../domain/document.js';
import type { FigureTable, ReportModel, SectionName } from '../domain/report.js';
import { label, t, type Lang } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { PeriodUnit } from '../time/periods.js';
import type { DocumentData } from './document-data.js';
import { annexTables } from './document-annex.js';
import { roleSections } from './document-roles.js';
import type { DueItem } from './due.js';
import { sentencesFor, type SummaryFigures, type DueGroup, type Sentences } from './sentences.js';

/** Figures of a report, by section and key, from the summary and state tables. */
export function figuresOf(m: ReportModel) {
  const section = (name: SectionName) => m.sections.find((s) => s.name === name);
  const flat = (tb: FigureTable, i: number) => i === 0 || tb.name === 'state';
  return {
    has: (name: SectionName) => Boolean(section(name)),
    get(name: SectionName, key: string): number {
      const s = section(name);
      for (const [i, tb] of (s?.tables ?? []).entries()) if (flat(tb, i)) for (const r of tb.rows) if (r.key === key) return r.total;
      return 0;
    },
    table(name: SectionName, table: string) {
      return section(name)?.tables.find((tb) => tb.name === table);
    },
    list(name: SectionName, list: string) {
      return section(name)?.lists.find((l) => l.name === list)?.rows ?? [];
    },
  };
}
export type Figures = ReturnType<typeof figuresOf>;

const NUM_ZH = ['', '一', '二', '三', '四'];

/** The title by Chinese convention: the period decides the document's name. */
export function documentTitle(m: ReportModel, lang: Lang): string {
  const p = m.period;
  const y = Number(p.from.slice(0, 4));
  const mon = Number(p.from.slice(5, 7));
  const s = sentencesFor(lang);
  if (lang === 'zh') {
    const who = `${m.village}驻村第一书记`;
    const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
    switch (p.unit) {
      case 'week':
        return `${who}${p.label.slice(0, 4)}年第${Number(p.label.slice(6))}周工作周报（${md(p.from)}—${md(p.to)}）`;
      case 'month':
        return `${who}${y}年${mon}月工作月报`;
      case 'quarter':
        return `${who}${y}年第${NUM_ZH[Number(p.label.slice(6))]}季度工作季报`;
      case 'year':
        return `${who}${y}年度工作总结`;
      default:
        return `${who}工作报告（${s.date(p.from)}—${s.date(p.to)}）`;
    }
  }
  const who = m.village ? `${m.village} — first secretary's work report` : "First secretary's work report";
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  switch (p.unit) {
    case 'week':
      // 16–22 November 2026; 30 November – 6 December 2026 across months.
      return `${who}, week ${Number(p.label.slice(6))} of ${p.label.slice(0, 4)} (${p.from.slice(0, 7) === p.to.slice(0, 7) ? `${Number(p.from.slice(8))}–${s.date(p.to)}` : `${s.date(p.from)} – ${s.date(p.to)}`})`;
    case 'month':
      return `${who}, ${months[mon - 1]} ${y}`;
    case 'quarter':
      return `${who}, Q${p.label.slice(6)} ${y}`;
    case 'year':
      return `${who}, ${y}`;
    default:
      return `${who}, ${s.date(p.from)} – ${s.date(p.to)}`;
  }
}

const labels = (kind: string, keys: readonly (string | number | null | undefined)[]) => keys.map((k) => label(kind, String(k)));

/** Presence opens the summary once the ledger keeps it: days in the village, counted, and the period's target. */
function presenceFigures(f: Figures): SummaryFigures['presence'] {
  const days = f.table('presence', 'by_status')?.rows.reduce((n, r) => n + r.total, 0) ?? 0;
  if (!days) return null;
  const target = f.table('presence', 'state')?.rows.find((r) => r.key === 'target')?.total;
  return { daysInVillage: f.get('presence', 'days_in_village'), daysCounted: f.get('presence', 'days_counted'), leaveDays: f.get('presence', 'leave_days'), target: target ?? null, needed: f.get('presence', 'needed') };
}

function summaryParagraph(m: ReportModel, f: Figures, d: DocumentData, s: Sentences, lang: Lang): string[] {
  const byCategory = f.table('visits', 'by_category')?.rows.find((r) => r.key === 'poor-household')?.total ?? 0;
  return s.summary(
    {
      visits: f.get('visits', 'total'),
      households: f.get('visits', 'households'),
      poorVisits: byCategory,
      concernsRaised: f.get('concerns', 'raised'),
      concernsResolved: f.get('concerns', 'resolved'),
      concernsReferred: d.concernsReferred,
      casesRegistered: f.get('disputes', 'registered'),
      casesResolved: f.get('disputes', 'resolved'),
      casesClosed: f.get('disputes', 'closed'),
      casesEscalated: f.get('disputes', 'escalated'),
      meetingsHeld: f.get('meetings', 'held'),
      helpEntries: f.get('pairs', 'help_entries'),
      milestonesDone: f.get('plan', 'milestones_done'),
      decisionsStarted: f.get('decisions', 'started'),
      presence: presenceFigures(f),
      peopleHelped: f.get('pairs', 'party_members') + f.get('pairs', 'villagers'),
      practicalDone: f.list('plan', 'practical').filter((p) => p.status === 'done').length,
      practicalTotal: f.list('plan', 'practical').length,
      meetingGaps: f.get('meetings', 'gaps'),
      meetingsRequired: f.get('meetings', 'required'),
      meetingsRequiredHeld: f.get('meetings', 'required_held'),
      visitsByCategory: (f.table('visits', 'by_category')?.rows ?? [])
        .filter((r) => r.total > 0)
        .map((r) => ({ category: r.key, label: label('visit_category', r.key, lang), visits: r.total })),
    },
    m.period.unit,
  );
}

/**
 * Due items grouped by kind, the most urgent first, titles of up to three: as if sorted by days
 * then id (ties in the given order) and grouped in order of first appearance, in one pass (a
 * year's report groups thousands of items for a few sentences).
 */
export function groupDue(items: readonly DueItem[]): DueGroup[] {
  type Ranked = { x: DueItem; i: number };
  const before = (a: Ranked, b: Ranked) => a.x.days - b.x.days || (a.x.ref.id ?? 0) - (b.x.ref.id ?? 0) || a.i - b.i;
  const groups = new Map<string, { count: number; top: Ranked[]; firstDue: IsoDate }>();
  items.forEach((x, i) => {
    let g = groups.get(x.reason);
    if (!g) groups.set(x.reason, (g = { count: 0, top: [], firstDue: x.due }));
    g.count++;
    if (x.due < g.firstDue) g.firstDue = x.due;
    const r = { x, i };
    let k = g.top.length;
    while (k > 0 && before(r, g.top[k - 1]!) < 0) k--;
    if (k < 3) {
      g.top.splice(k, 0, r);
      if (g.top.length > 3) g.top.pop();
    }
  });
  return [...groups]
    .sort(([, a], [, b]) => before(a.top[0]!, b.top[0]!))
    .map(([kind, g]) => ({
      kind,
      count: g.count,
      titles: g.top.map(({ x }) => (x.person ? `${x.person}：${x.title}` : x.title)),
      worstDays: -g.top[0]!.x.days,
      firstDue: g.firstDue,
    }));
}

function problemsPart(m: ReportModel, f: Figures, d: DocumentData, s: Sentences, lang: Lang): Block[] {
  const overdue = d.due.filter((x) => x.days < 0);
  const missing = missingByType(f.list('meetings', 'missing'), lang);
  const extras = s.problemExtras({
    uncoveredCategories: f.has('visits') && f.get('visits', 'total') ? labels('visit_category', f.list('visits', 'uncovered_categories').map((r) => r.category)) : [],
    uncoveredTopics: f.has('visits') && f.get('visits', 'total') ? labels('visit_topic', f.list('visits', 'uncovered_topics').map((r) => r.topic)) : [],
    staleHouseholds: f.get('visits', 'households_not_visited'),
    missingMeetings: missing,
    stuckDecisions: f.list('decisions', 'stuck').map((r) => String(r.matter)),
  });
  return s.problems(groupDue(overdue), extras).map((x) => ({ kind: 'paragraph', sentences: [x] }));
}

/** Missing required meetings by type: the intervals when three or fewer, else how many ("党小组会9次"). */
export function missingByType(rows: readonly Record<string, string | number | null>[], lang: Lang): string[] {
  const byType = new Map<string, string[]>();
  for (const r of rows) byType.set(String(r.type), [...(byType.get(String(r.type)) ?? []), String(r.interval)]);
  return [...byType].map(([type, intervals]) => {
    const name = label('meeting_type', type, lang);
    if (intervals.length > 3) return lang === 'zh' ? `${name}${intervals.length}次` : `${name} (${intervals.length} times)`;
    return lang === 'zh' ? `${name}（${intervals.join('、')}）` : `${name} (${intervals.join(', ')})`;
  });
}

function plansPart(d: DocumentData, s: Sentences, unit: PeriodUnit): Block[] {
  const coming = d.due.filter((x) => x.days >= 0);
  const overdue = d.due.filter((x) => x.days < 0).length;
  return s.plans(groupDue(coming), overdue, unit).map((x) => ({ kind: 'paragraph', sentences: [x] }));
}

export function buildDocument(m: ReportModel, d: DocumentData, lang: Lang, redacted = m.redacted): DocumentTree {
  const s = sentencesFor(lang);
  const f = figuresOf(m);
  const part = (title: string, blocks: Block[]): DocSection => ({ kind: 'section', level: 1, number: '-', title, blocks });
  const sections: Block[] = [
    part(s.words.summary, [{ kind: 'paragraph', sentences: summaryParagraph(m, f, d, s, lang) }]),
    // A zero report says so once, in the summary: no empty section under each role.
    ...(m.zero_report ? [] : roleSections(m, f, d, s, lang)),
    part(s.words.problems, problemsPart(m, f, d, s, lang)),
    // While the period runs, what falls due may be in it still: "next" would be wrong.
    part(s.words.plans, plansPart(d, s, m.as_of < m.period.to ? 'range' : m.period.unit)),
  ];
  const annex = annexTables(m, f, d, lang);
  const blocks = numberSections(lang, 1, sections);
  if (annex.length) blocks.push({ kind: 'section', level: 1, number: '', title: s.words.annex, blocks: annex });
  const meta = [
    ...(m.secretary ? [{ label: s.words.reporter, value: m.secretary }] : []),
    { label: s.words.submitted, value: s.date(m.today) },
  ];
  if (redacted) meta.push({ label: '', value: t('report.redacted_note', {}, lang) });
  return { lang, title: documentTitle(m, lang), meta, blocks };
}
