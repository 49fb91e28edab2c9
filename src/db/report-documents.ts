// What the work report as a document names beyond the report's figures: each meeting with its
// attendance, each concern with how it was handled, each case touched with what happened in it,
// each help entry (need → measure → result), each decision with its steps and votes, the plan's
// milestones and notes; and the grids of its annexed tables. Each list is capped like the details.
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { statement } from './store.js';

export interface Capped<T> {
  rows: T[];
  total: number;
}

/**
 * The newest `limit` rows (0 = all, below 0 = none), given back oldest first, and how many there
 * were (counted by `count` when there is a cheaper way than counting the select's rows).
 */
function capped<T>(db: Db, select: string, params: Record<string, unknown>, limit: number, count = `SELECT count(*) AS n FROM (${select})`): Capped<T> {
  const total = (statement(db, count).get(params) as { n: number }).n;
  if (limit < 0) return { rows: [], total };
  const rows = statement(db, `SELECT * FROM (${select}) ORDER BY date DESC, id DESC${limit > 0 ? ` LIMIT ${Math.floor(limit)}` : ''}`).all(params) as T[];
  return { rows: rows.reverse(), total };
}

export interface DocMeeting {
  id: number;
  date: IsoDate;
  type: string;
  topic: string | null;
  chair: string | null;
  expected: number | null;
  present: number | null;
  vote: number;
  forced: number;
  /** "李四（ill）、王五" as recorded */
  absentees: string | null;
  attendees: number;
}

export function documentMeetings(db: Db, from: IsoDate, to: IsoDate, limit: number): Capped<DocMeeting> {
  return capped(
    db,
    `SELECT m.id, m.date, m.type, m.topic, m.chair, m.expected, m.present, m.vote, m.forced,
            (SELECT group_concat(a.name || coalesce('（' || a.reason || '）', ''), '、') FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.present = 0) AS absentees,
            (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.present = 1) AS attendees
     FROM meetings m WHERE m.deleted_at IS NULL AND m.date BETWEEN @from AND @to`,
    { from, to },
    limit,
  );
}

export interface DocConcern {
  id: number;
  date: IsoDate;
  person: string | null;
  person_id: number | null;
  text: string;
  status: string;
  referred_to: string | null;
  due_on: IsoDate | null;
  resolved_on: IsoDate | null;
  feedback_on: IsoDate | null;
}

const CONCERN_IN_PERIOD = 'c.deleted_at IS NULL AND (c.raised_on BETWEEN @from AND @to OR c.resolved_on BETWEEN @from AND @to OR c.feedback_on BETWEEN @from AND @to)';

/** Concerns raised in the period, or answered in it (resolved or the villager told). */
export function documentConcerns(db: Db, from: IsoDate, to: IsoDate, limit: number): Capped<DocConcern> {
  return capped(
    db,
    `SELECT c.id, c.raised_on AS date, p.name AS person, c.person_id, c.text, c.status, c.referred_to, c.due_on, c.resolved_on, c.feedback_on
     FROM concerns c LEFT JOIN people p ON p.id = c.person_id WHERE ${CONCERN_IN_PERIOD}`,
    { from, to },
    limit,
    // Counted on the index that holds all three dates (named: the planner would read every row on concerns_resolved).
    `SELECT count(*) AS n FROM concerns c INDEXED BY concerns_raised WHERE ${CONCERN_IN_PERIOD}`,
  );
}

/** Concerns raised in the period that were referred to a department (by the period's end, as recorded). */
export function concernsReferred(db: Db, from: IsoDate, to: IsoDate): number {
  return (statement(db, "SELECT count(*) AS n FROM concerns WHERE deleted_at IS NULL AND raised_on BETWEEN ? AND ? AND referred_to IS NOT NULL AND referred_to <> ''").get(from, to) as { n: number }).n;
}

export interface DocCase {
  id: number;
  date: IsoDate;
  title: string;
  category: string;
  status: string;
  parties: string;
  /** The period's events, "kind|date|note|escalated_to" joined by a record separator. */
  events: string;
}

const SEP = '\u001e';

// The status a case had at the period's end: its latest event (by date, then id) on or before it
// that set one; none, the case's own.
const STATUS_AT_END = `coalesce((SELECT e.to_status FROM dispute_events e WHERE e.dispute_id = d.id AND e.deleted_at IS NULL AND e.to_status IS NOT NULL AND e.date <= @to ORDER BY e.date DESC, e.id DESC LIMIT 1), d.status)`;

// The cases touched in the period (an event dated in it), each with its first event in the period
// and its status at the period's end, from one read of the events' date index: a touched case that
// set a status in the period has its latest one among these events (date, id zero-padded, status
// in one text, so that max() picks it); only the others look further back (STATUS_AT_END).
const TOUCHED = `SELECT t.id, t.date, d.category, coalesce(substr(t.last, 30), ${STATUS_AT_END}) AS status
  FROM (SELECT e.dispute_id AS id, min(e.date) AS date, max(CASE WHEN e.to_status IS NOT NULL THEN e.date || printf('%019d', e.id) || e.to_status END) AS last
        FROM dispute_events e WHERE e.deleted_at IS NULL AND e.date BETWEEN @from AND @to GROUP BY e.dispute_id) t
  JOIN disputes d ON d.id = t.id WHERE d.deleted_at IS NULL`;

export interface TouchedCases {
  /** The newest `limit` cases touched, with the period's events in order. */
  cases: Capped<DocCase & { eventList: { kind: string; date: IsoDate; note: string; to: string }[] }>;
  /** Cases touched by category and by their status at the period's end (the annexed grid). */
  grid: { category: string; status: string; n: number }[];
}

/** Every case touched in the period (an event dated in it): the grid of all, and the newest `limit` with what happened in them. */
export function documentCases(db: Db, from: IsoDate, to: IsoDate, limit: number): TouchedCases {
  const touched = statement(db, TOUCHED).all({ from, to }) as { id: number; date: IsoDate; category: string; status: string }[];
  const counts = new Map<string, { category: string; status: string; n: number }>();
  for (const c of touched) {
    const key = `${c.category}\u0000${c.status}`;
    const cell = counts.get(key);
    if (cell) cell.n++;
    else counts.set(key, { category: c.category, status: c.status, n: 1 });
  }
  const grid = [...counts.values()].sort((a, b) => cmp(a.category, b.category) || cmp(a.status, b.status));
  if (limit < 0) return { cases: { rows: [], total: touched.length }, grid };
  // The newest cases (by their first event in the period), then the costly columns for those only.
  const newest = [...touched].sort((a, b) => cmp(b.date, a.date) || b.id - a.id);
  const shown = (limit > 0 ? newest.slice(0, Math.floor(limit)) : newest).reverse();
  const more = new Map(
    (
      statement(
        db,
        `SELECT d.id, d.title,
                coalesce((SELECT group_concat(coalesce(p.name, dp.name), '、') FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id WHERE dp.dispute_id = d.id AND dp.deleted_at IS NULL), '') AS parties,
                coalesce((SELECT group_concat(x, '${SEP}') FROM (SELECT e.kind || '|' || e.date || '|' || coalesce(e.note, '') || '|' || coalesce(e.to_status, '') AS x
                          FROM dispute_events e WHERE e.dispute_id = d.id AND e.deleted_at IS NULL AND e.date BETWEEN @from AND @to ORDER BY e.date, e.id)), '') AS events
         FROM disputes d WHERE d.id IN (SELECT value FROM json_each(@ids))`,
      ).all({ from, to, ids: JSON.stringify(shown.map((c) => c.id)) }) as { id: number; title: string; parties: string; events: string }[]
    ).map((r) => [r.id, r]),
  );
  const rows = shown.map((c) => {
    const m = more.get(c.id)!;
    const row: DocCase = { id: c.id, date: c.date, title: m.title, category: c.category, status: c.status, parties: m.parties, events: m.events };
    return {
      ...row,
      eventList: row.events
        ? row.events.split(SEP).map((e) => {
            const [kind = '', date = '', ...rest] = e.split('|');
            const to = rest.pop() ?? '';
            return { kind, date, note: rest.join('|'), to };
          })
        : [],
    };
  });
  return { cases: { rows, total: touched.length }, grid };
}

/** Text order as SQLite's BINARY collation has it (the grid was once ordered by its GROUP BY). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DocHelpEntry {
  id: number;
  date: IsoDate;
  person: string;
  person_id: number;
  helper: string;
  needs: string;
  measures: string | null;
  action: string;
  result: string | null;
}

export function documentHelpEntries(db: Db, from: IsoDate, to: IsoDate, limit: number): Capped<DocHelpEntry> {
  return capped(
    db,
    `SELECT l.id, l.date, p.name AS person, pr.person_id, pr.helper, pr.needs, pr.measures, l.action, l.result
     FROM pair_logs l JOIN pairs pr ON pr.id = l.pair_id JOIN people p ON p.id = pr.person_id
     WHERE l.deleted_at IS NULL AND pr.deleted_at IS NULL AND l.date BETWEEN @from AND @to`,
    { from, to },
    limit,
  );
}

export interface DocDecisionStep {
  decision_id: number;
  matter: string;
  status: string;
  step: string;
  date: IsoDate;
  expected: number | null;
  present: number | null;
  votes_for: number | null;
  passed: number | null;
}

/** The steps of the four discussions and two disclosures taken in the period, matter by matter. */
export function documentDecisionSteps(db: Db, from: IsoDate, to: IsoDate): DocDecisionStep[] {
  return statement(
    db,
    `SELECT s.decision_id, d.matter, d.status, s.step, s.date, s.expected, s.present, s.votes_for, s.passed
     FROM decision_steps s JOIN decisions d ON d.id = s.decision_id
     WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.date BETWEEN ? AND ? ORDER BY d.id, s.date, s.id`,
  ).all(from, to) as DocDecisionStep[];
}

export interface DocMilestone {
  id: number;
  date: IsoDate;
  plan: string;
  title: string;
  status: string;
  due_on: IsoDate;
  done_on: IsoDate | null;
}

export function documentMilestones(db: Db, from: IsoDate, to: IsoDate, limit: number): Capped<DocMilestone> {
  return capped(
    db,
    `SELECT m.id, CASE WHEN m.done_on BETWEEN @from AND @to THEN m.done_on ELSE m.due_on END AS date, p.title AS plan, m.title, m.status, m.due_on, m.done_on
     FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
     WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND (m.due_on BETWEEN @from AND @to OR m.done_on BETWEEN @from AND @to)`,
    { from, to },
    limit,
  );
}

export interface DocProgress {
  id: number;
  date: IsoDate;
  plan: string;
  note: string;
  percent: number | null;
}

export function documentProgress(db: Db, from: IsoDate, to: IsoDate, limit: number): Capped<DocProgress> {
  return capped(
    db,
    `SELECT g.id, g.date, p.title AS plan, g.note, g.percent FROM plan_progress g JOIN plans p ON p.id = g.plan_id
     WHERE g.deleted_at IS NULL AND p.deleted_at IS NULL AND g.date BETWEEN @from AND @to`,
    { from, to },
    limit,
  );
}

export interface DocVisit {
  id: number;
  date: IsoDate;
  person: string;
  person_id: number;
  category: string;
  notes: string | null;
}

/**
 * The period's visits (the people's conditions diary), newest kept when capped: read on the date
 * index. `known` is their number when the caller has counted them already (visitCountsByDay).
 */
export function documentVisits(db: Db, from: IsoDate, to: IsoDate, limit: number, known?: number): Capped<DocVisit> {
  const total = known ?? (statement(db, 'SELECT count(*) AS n FROM visits WHERE deleted_at IS NULL AND date BETWEEN ? AND ?').get(from, to) as { n: number }).n;
  if (limit < 0) return { rows: [], total };
  const rows = statement(
    db,
    `SELECT v.id, v.date, p.name AS person, v.person_id, v.category, v.notes
     FROM (SELECT id FROM visits WHERE deleted_at IS NULL AND date BETWEEN @from AND @to ORDER BY date DESC, id DESC${limit > 0 ? ` LIMIT ${Math.floor(limit)}` : ''}) x
     JOIN visits v ON v.id = x.id JOIN people p ON p.id = v.person_id
     ORDER BY v.date, v.id`,
  ).all({ from, to }) as DocVisit[];
  return { rows, total };
}
