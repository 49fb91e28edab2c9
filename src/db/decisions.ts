// Village decision queries (四议两公开): decisions, their steps, and the status kept beside them.
import { nextStep, type Decision, type DecisionKind, type DecisionStatus, type DecisionStepRecord } from '../domain/decision.js';
import { NotFoundError } from '../errors.js';
import { label, t } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { getLiveRow, insertRecord, updateRecord, type Row } from './store.js';

export interface DecisionInput {
  matter: string;
  kind: DecisionKind;
  date: IsoDate;
}

const SELECT_DECISION = `
  SELECT d.id, d.uid, d.matter, d.kind, d.date, d.status, d.created_at, d.updated_at,
         (SELECT json_group_array(json_object('id', s.id, 'step', s.step, 'date', s.date, 'meeting_id', s.meeting_id,
                   'expected', s.expected, 'present', s.present, 'votes_for', s.votes_for, 'passed', s.passed,
                   'combined', s.combined, 'note', s.note))
            FROM (SELECT * FROM decision_steps WHERE decision_id = d.id AND deleted_at IS NULL ORDER BY id) s) AS steps
  FROM decisions d`;

type RawStep = Omit<DecisionStepRecord, 'passed' | 'combined'> & { passed: number | null; combined: number };

function toDecision(row: Row): Decision {
  const steps = (JSON.parse(row.steps as string) as RawStep[]).map((s) => ({
    ...s,
    passed: s.passed === null ? null : s.passed === 1,
    combined: s.combined === 1,
  }));
  const status = row.status as DecisionStatus;
  return {
    id: row.id as number,
    uid: row.uid as string,
    matter: row.matter as string,
    kind: row.kind as DecisionKind,
    date: row.date as string,
    status,
    next_step: nextStep(steps, status),
    steps,
    created_at: row.created_at as string,
    updated_at: row.updated_at as string,
  };
}

export function insertDecision(db: Db, d: DecisionInput): number {
  return insertRecord(db, 'decisions', 'decision', { ...d, status: 'in-progress' });
}

export function getDecision(db: Db, id: number): Decision {
  const row = db.prepare(`${SELECT_DECISION} WHERE d.id = ? AND d.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new NotFoundError('err.not_found', { what: label('entity', 'decision'), id });
  return toDecision(row);
}

/** Record step rows and the decision's new status together. Call inside a write transaction. */
export function recordSteps(db: Db, decisionId: number, rows: ReadonlyArray<Omit<DecisionStepRecord, 'id'>>, status: DecisionStatus): void {
  getLiveRow(db, 'decisions', 'decision', decisionId);
  for (const r of rows) {
    insertRecord(db, 'decision_steps', 'decision_step', {
      decision_id: decisionId,
      step: r.step,
      date: r.date,
      meeting_id: r.meeting_id,
      expected: r.expected,
      present: r.present,
      votes_for: r.votes_for,
      passed: r.passed === null ? null : r.passed ? 1 : 0,
      combined: r.combined ? 1 : 0,
      note: r.note,
    });
  }
  updateRecord(db, 'decisions', 'decision', decisionId, { status });
}

export interface DecisionFilter {
  status?: DecisionStatus;
  from?: IsoDate;
  to?: IsoDate;
}

/** Decisions by the date they were taken up. */
export function listDecisions(db: Db, f: DecisionFilter = {}): Decision[] {
  const where = ['d.deleted_at IS NULL'];
  const params: Row = {};
  if (f.status) {
    where.push('d.status = @status');
    params.status = f.status;
  }
  if (f.from) {
    where.push('d.date >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('d.date <= @to');
    params.to = f.to;
  }
  return (db.prepare(`${SELECT_DECISION} WHERE ${where.join(' AND ')} ORDER BY d.date, d.id`).all(params) as Row[]).map(toDecision);
}

export interface StepAtMeeting extends DecisionStepRecord {
  decision_id: number;
  matter: string;
}

/** The decision steps taken at a meeting (shown with the meeting). */
export function stepsAtMeeting(db: Db, meetingId: number): StepAtMeeting[] {
  return (
    db
      .prepare(
        `SELECT s.id, s.decision_id, d.matter, s.step, s.date, s.meeting_id, s.expected, s.present, s.votes_for, s.passed, s.combined, s.note
         FROM decision_steps s JOIN decisions d ON d.id = s.decision_id
         WHERE s.meeting_id = ? AND s.deleted_at IS NULL AND d.deleted_at IS NULL ORDER BY s.id`,
      )
      .all(meetingId) as Array<RawStep & { decision_id: number; matter: string }>
  ).map((s) => ({ ...s, passed: s.passed === null ? null : s.passed === 1, combined: s.combined === 1 }));
}
