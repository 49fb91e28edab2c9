// The document's sections by the secretary's roles (DOMAIN.md): party building and supervision,
// visits and the masses' concerns, pairings and practical things, disputes and petitions, the
// development plan. Each: a lead paragraph with its figures, then a table only where it carries
// information, with columns that say what they hold. Pure.
import type { Block, Cell, DocColumn, DocSection, DocTable } from '../domain/document.js';
import { numberSections } from '../domain/document.js';
import type { ReportModel } from '../domain/report.js';
import { label, t, type Lang } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { DocumentData } from './document-data.js';
import { missingByType, type Figures } from './document.js';
import type { Sentences } from './sentences.js';

const col = (key: string, type: DocColumn['type']): DocColumn => ({ header: t(`doc.col.${key}`), type });
const para = (sentences: string[]): Block => ({ kind: 'paragraph', sentences });

/** A table, or nothing when it has no rows; the cap on rows said under it. */
function table(columns: DocColumn[], rows: Cell[][], total = rows.length): Block[] {
  if (!rows.length) return [];
  const tb: DocTable = { kind: 'table', columns, rows };
  if (total > rows.length) tb.notes = [t('doc.capped', { shown: rows.length, total })];
  return [tb];
}

function sub(title: string, blocks: Block[]): DocSection {
  return { kind: 'section', level: 2, number: '-', title, blocks };
}

function role(lang: Lang, title: string, subs: DocSection[]): DocSection[] {
  const kept = subs.filter((s) => s.blocks.length);
  return kept.length ? [{ kind: 'section', level: 1, number: '-', title, blocks: numberSections(lang, 2, kept) }] : [];
}

/** A date in a table: 11月17日 within the report's year in zh (2025年12月30日 otherwise), ISO in en. */
function cellDate(lang: Lang, year: string) {
  return (iso: IsoDate | null): string => {
    if (!iso) return '';
    if (lang !== 'zh') return iso;
    const md = `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
    return iso.slice(0, 4) === year ? md : `${Number(iso.slice(0, 4))}年${md}`;
  };
}

export function roleSections(m: ReportModel, f: Figures, d: DocumentData, s: Sentences, lang: Lang): Block[] {
  const u = m.period.unit;
  const date = cellDate(lang, m.period.to.slice(0, 4));
  const sep = lang === 'zh' ? '；' : '; ';
  const out: DocSection[] = [];

  // Party building and supervision: meetings (三会一课) and the four discussions, two disclosures.
  const gaps = missingByType(f.list('meetings', 'missing'), lang);
  const rate = f.table('meetings', 'attendance')?.rows[0]?.total;
  const meetings = f.has('meetings')
    ? [
        para(s.meetingsLead({ held: f.get('meetings', 'held'), rate: rate === undefined || Number.isNaN(rate) ? null : rate, gaps }, u)),
        ...table(
          [col('date', 'date'), col('meeting', 'status'), col('chair', 'name'), col('topic', 'text'), col('expected', 'count'), col('present', 'count'), col('absent', 'text')],
          d.meetings.rows.map((x) => [date(x.date), label('meeting_type', x.type), x.chair ?? '', x.topic ?? '', x.expected, x.present ?? (x.attendees || null), x.absentees ?? '']),
          d.meetings.total,
        ),
      ]
    : [];
  const byMatter = new Map<number, typeof d.decisionSteps>();
  for (const st of d.decisionSteps) byMatter.set(st.decision_id, [...(byMatter.get(st.decision_id) ?? []), st]);
  const vote = (st: (typeof d.decisionSteps)[number]) =>
    st.votes_for === null ? '' : lang === 'zh' ? `（应到${st.expected ?? '—'}人，实到${st.present ?? '—'}人，赞成${st.votes_for}票，${st.passed ? '通过' : '未通过'}）` : ` (${st.votes_for} for, ${st.present ?? '—'} present of ${st.expected ?? '—'}; ${st.passed ? 'passed' : 'not passed'})`;
  const decisions = f.has('decisions')
    ? [
        para(s.decisionsLead({ started: f.get('decisions', 'started'), completed: f.get('decisions', 'completed'), stepsTaken: d.decisionSteps.length, stuck: f.list('decisions', 'stuck').length }, u)),
        ...table(
          [col('matter', 'text'), col('steps', 'text'), col('status', 'status')],
          // The matters whose latest step is newest, capped like every table.
          [...byMatter.values()]
            .sort((a, b) => (a.at(-1)!.date < b.at(-1)!.date ? -1 : a.at(-1)!.date > b.at(-1)!.date ? 1 : 0))
            .slice(d.limit > 0 ? -d.limit : d.limit < 0 ? byMatter.size : 0)
            .map((steps) => [steps[0]!.matter, steps.map((st) => `${date(st.date)}${lang === 'zh' ? '' : ' '}${label('decision_step', st.step)}${vote(st)}`).join(sep), label('decision_status', steps[0]!.status)]),
          byMatter.size,
        ),
      ]
    : [];
  out.push(...role(lang, t('doc.role.party'), [sub(t('doc.sub.meetings'), meetings), sub(t('doc.sub.decisions'), decisions)]));

  // Visits and the masses' concerns.
  const visits = f.has('visits')
    ? [
        para(
          s.visitsLead(
            {
              visits: f.get('visits', 'total'),
              people: f.get('visits', 'people'),
              households: f.get('visits', 'households'),
              uncoveredCategories: f.list('visits', 'uncovered_categories').map((r) => label('visit_category', String(r.category))),
              uncoveredTopics: f.list('visits', 'uncovered_topics').map((r) => label('visit_topic', String(r.topic))),
            },
            u,
          ),
        ),
        ...table(
          [col('date', 'date'), col('visited', 'name'), col('category', 'status'), col('notes', 'text')],
          d.visits.rows.map((v) => [date(v.date), { name: v.person, id: v.person_id }, label('visit_category', v.category), v.notes ?? '']),
          d.visits.total,
        ),
      ]
    : [];
  const handled = (c: (typeof d.concerns.rows)[number]): string => {
    const parts: string[] = [];
    if (c.referred_to) parts.push(t('doc.concern.referred', { to: c.referred_to }));
    if (c.due_on) parts.push(t('doc.concern.due', { date: date(c.due_on) }));
    if (c.resolved_on) parts.push(t('doc.concern.resolved', { date: date(c.resolved_on) }));
    if (c.feedback_on) parts.push(t('doc.concern.told', { date: date(c.feedback_on) }));
    else if (c.resolved_on) parts.push(t('doc.concern.not_told'));
    return parts.join(sep);
  };
  const concerns = f.has('concerns')
    ? [
        para(s.concernsLead({ raised: f.get('concerns', 'raised'), resolved: f.get('concerns', 'resolved'), referred: d.concernsReferred, open: f.get('concerns', 'open'), overdue: f.get('concerns', 'overdue'), awaiting: f.get('concerns', 'awaiting_feedback') }, u)),
        ...table(
          [col('raised_on', 'date'), col('person', 'name'), col('concern', 'text'), col('handled', 'text'), col('status', 'status')],
          d.concerns.rows.map((c) => [date(c.date), c.person ? { name: c.person, id: c.person_id } : '', c.text, handled(c), label('concern_status', c.status)]),
          d.concerns.total,
        ),
      ]
    : [];
  out.push(...role(lang, t('doc.role.visits'), [sub(t('doc.sub.visits'), visits), sub(t('doc.sub.concerns'), concerns)]));

  // Pairings and practical things.
  const pairs = f.has('pairs')
    ? [
        para(s.pairsLead({ active: f.get('pairs', 'active'), entries: f.get('pairs', 'help_entries'), started: f.get('pairs', 'started'), ended: f.get('pairs', 'ended'), overdue: f.get('pairs', 'overdue') }, u)),
        ...table(
          [col('date', 'date'), col('person', 'name'), col('helper', 'name'), col('need', 'text'), col('measure', 'text'), col('result', 'text')],
          d.helpEntries.rows.map((h) => [date(h.date), { name: h.person, id: h.person_id }, h.helper, h.needs, h.measures ? `${h.measures}${sep}${h.action}` : h.action, h.result ?? '']),
          d.helpEntries.total,
        ),
      ]
    : [];
  const practical = f.list('plan', 'practical');
  const things = table(
    [col('title', 'text'), col('status', 'status'), col('percent', 'count'), col('due_on', 'date'), col('owner', 'name')],
    practical.map((p) => [String(p.title ?? ''), label('plan_status', String(p.status)), p.percent === null ? null : Number(p.percent), date((p.due_on as string | null) ?? null), String(p.owner ?? '')]),
  );
  out.push(...role(lang, t('doc.role.pairs'), [sub(t('doc.sub.pairs'), pairs), sub(t('doc.sub.practical'), things)]));

  // Disputes and petitions: every case touched in the period, with what happened in it.
  if (f.has('disputes')) {
    const story = (c: (typeof d.cases.rows)[number]) => c.eventList.map((e) => `${date(e.date)}${lang === 'zh' ? '' : ' '}${label('dispute_event', e.kind)}${e.note ? `${lang === 'zh' ? '：' : ': '}${e.note}` : ''}`).join(sep);
    const blocks = [
      para(s.casesLead({ registered: f.get('disputes', 'registered'), touched: d.cases.total, resolved: f.get('disputes', 'resolved'), closed: f.get('disputes', 'closed'), escalated: f.get('disputes', 'escalated'), open: f.get('disputes', 'open'), overdue: f.get('disputes', 'overdue') }, u)),
      ...table(
        [col('case', 'text'), col('category', 'status'), col('parties', 'text'), col('events', 'text'), col('status', 'status')],
        d.cases.rows.map((c) => [c.title, label('dispute_category', c.category), c.parties, story(c), label('dispute_status', c.status)]),
        d.cases.total,
      ),
    ];
    out.push({ kind: 'section', level: 1, number: '-', title: t('doc.role.disputes'), blocks });
  }

  // The development plan.
  if (f.has('plan')) {
    const last = [...d.progress.rows].reverse().find((p) => p.percent !== null)?.percent ?? null;
    const blocks = [
      para(s.planLead({ done: f.get('plan', 'milestones_done'), due: f.get('plan', 'milestones_due'), overdue: f.get('plan', 'overdue'), notes: f.get('plan', 'progress_notes'), lastPercent: last }, u)),
      ...table(
        [col('date', 'date'), col('plan', 'text'), col('milestone', 'text'), col('status', 'status')],
        d.milestones.rows.map((x) => [date(x.date), x.plan, x.title, label('plan_status', x.status)]),
        d.milestones.total,
      ),
      ...table(
        [col('date', 'date'), col('plan', 'text'), col('progress', 'text'), col('percent', 'count')],
        d.progress.rows.map((x) => [date(x.date), x.plan, x.note, x.percent]),
        d.progress.total,
      ),
    ];
    out.push({ kind: 'section', level: 1, number: '-', title: t('doc.role.plan'), blocks });
  }
  return out;
}
