// What the work report as a document reads beyond the report's figures, gathered once: the items
// each role's section names, the annexed grids, and the due items of 存在的问题 and 下步工作打算.
import { judgedOn, type ComplianceRow } from '../domain/compliance.js';
import type { ReportModel } from '../domain/report.js';
import { meetingCompliance } from '../db/meeting-report.js';
import type { Db } from '../db/open.js';
import { visitCountsByDay } from '../db/report.js';
import {
  concernsReferred,
  documentCases,
  documentConcerns,
  documentDecisionSteps,
  documentHelpEntries,
  documentMeetings,
  documentMilestones,
  documentProgress,
  documentVisits,
  type Capped,
  type DocCase,
  type DocConcern,
  type DocDecisionStep,
  type DocHelpEntry,
  type DocMeeting,
  type DocMilestone,
  type DocProgress,
  type DocVisit,
} from '../db/report-documents.js';
import { VISIT_TOPICS } from '../domain/visits.js';
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';
import { splitPeriod, type Period } from '../time/periods.js';
import { reportDueItems, type DueItem } from './due.js';

export interface DocumentData {
  visits: Capped<DocVisit>;
  meetings: Capped<DocMeeting>;
  compliance: ComplianceRow[];
  decisionSteps: DocDecisionStep[];
  concerns: Capped<DocConcern>;
  concernsReferred: number;
  cases: Capped<DocCase & { eventList: { kind: string; date: IsoDate; note: string; to: string }[] }>;
  caseGrid: { category: string; status: string; n: number }[];
  helpEntries: Capped<DocHelpEntry>;
  milestones: Capped<DocMilestone>;
  progress: Capped<DocProgress>;
  /** Visits by category and topic over the period. */
  visitGrid: Record<string, Record<string, number>>;
  /** Due items on the period's last day, up to the next period's end. */
  due: DueItem[];
  next: Period;
  /** Rows per table: 0 = no cap, below 0 = no item tables (--no-detail). */
  limit: number;
}

/** The period after this one, of the same length or unit (a range: as many days again). */
export function nextPeriod(p: Period): Period {
  const start = addDays(p.to, 1);
  if (p.unit === 'week' || p.unit === 'month' || p.unit === 'quarter' || p.unit === 'year') return splitPeriod(start, start, p.unit, true)[0]!;
  return { label: '', from: start, to: addDays(start, daysBetween(p.from, p.to)), unit: p.unit };
}

const earlier = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** What the document's parts read of the report: known before its figures are counted. */
export interface DocumentShape {
  period: Period;
  today: IsoDate;
  sections: readonly string[];
}

/** The document's data but its visits (they read the visit days the figures scanned). */
export type DocumentParts = Omit<DocumentData, 'visits' | 'visitGrid'>;

/** The parts of the document that need no figures: read while the worker counts (see readReport). */
export function gatherDocumentParts(db: Db, shape: DocumentShape, limit: number): DocumentParts {
  const { from, to } = shape.period;
  const has = (name: string) => shape.sections.includes(name);
  const empty = { rows: [], total: 0 };
  const asOf = earlier(to, shape.today);
  // Meetings are judged as the period stood at the end of its last day (src/domain/compliance.ts).
  const judged = judgedOn(asOf, shape.today);
  const next = nextPeriod(shape.period);
  const cases = has('disputes') ? documentCases(db, from, to, limit) : { cases: empty, grid: [] };
  return {
    meetings: has('meetings') ? documentMeetings(db, from, to, limit) : empty,
    compliance: has('meetings') ? meetingCompliance(db, from, to, judged) : [],
    decisionSteps: has('decisions') ? documentDecisionSteps(db, from, to) : [],
    concerns: has('concerns') ? documentConcerns(db, from, to, limit) : empty,
    concernsReferred: has('concerns') ? concernsReferred(db, from, to) : 0,
    cases: cases.cases,
    caseGrid: cases.grid,
    helpEntries: has('pairs') ? documentHelpEntries(db, from, to, limit) : empty,
    milestones: has('plan') ? documentMilestones(db, from, to, limit) : empty,
    progress: has('plan') ? documentProgress(db, from, to, limit) : empty,
    due: reportDueItems(db, asOf, daysBetween(asOf, next.to)),
    next,
    limit,
  };
}

/** The document's data: its parts (gathered before, or now) and the visits. */
export function gatherDocumentData(db: Db, m: ReportModel, limit: number, parts?: DocumentParts): DocumentData {
  const p = parts ?? gatherDocumentParts(db, { period: m.period, today: m.today, sections: m.sections.map((s) => s.name) }, limit);
  const { from, to } = m.period;
  const has = (name: string) => m.sections.some((s) => s.name === name);
  const grid: Record<string, Record<string, number>> = {};
  let visits = 0;
  if (has('visits')) {
    for (const d of visitCountsByDay(db, from, to)) {
      visits += d.visits;
      const row = (grid[d.category] ??= Object.fromEntries(VISIT_TOPICS.map((k) => [k, 0])));
      for (const k of VISIT_TOPICS) row[k]! += d.by_topic[k];
      row.total = (row.total ?? 0) + d.visits;
    }
  }
  return { ...p, visits: has('visits') ? documentVisits(db, from, to, p.limit, visits) : { rows: [], total: 0 }, visitGrid: grid };
}
