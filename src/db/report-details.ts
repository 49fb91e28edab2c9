// The report's narrative: the items of each section dated in the period, newest last, capped,
// with the ids redaction needs.
import type { Detail, DetailField } from '../domain/report.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { statement } from './store.js';

/** A narrative line with the ids redaction needs. */
export interface DetailRow extends Detail {
  person_id: number | null;
}

export interface Details {
  rows: DetailRow[];
  total: number;
}

/** A detail's own fields: selected as columns of the same name, moved into `fields`. */
type FieldSpec = Omit<DetailField, 'value'>;

function capped(db: Db, select: string, count: string, params: Record<string, unknown>, limit: number, fields: FieldSpec[] = []): Details {
  const total = (statement(db, count).get(params) as { n: number }).n;
  const newestFirst = `SELECT * FROM (${select}) ORDER BY date DESC, id DESC${limit > 0 ? ` LIMIT ${Math.floor(limit)}` : ''}`;
  const rows = statement(db, newestFirst).all(params) as (DetailRow & { id: number } & Record<string, unknown>)[];
  return {
    rows: rows.reverse().map((row) => {
      const { id: _id, ...r } = row;
      if (!fields.length) return r;
      for (const f of fields) delete (r as Record<string, unknown>)[f.key];
      return { ...r, fields: fields.map((f) => ({ ...f, value: String(row[f.key] ?? '') })) } as DetailRow;
    }),
    total,
  };
}

type DetailQuery = (db: Db, from: IsoDate, to: IsoDate, limit: number) => Details;

/** The items of each section dated in the period. */
export const DETAIL_QUERIES: Record<string, DetailQuery> = {
  visits: (db, from, to, limit) =>
    capped(
      db,
      `SELECT v.id, v.date, p.name AS who, v.person_id, coalesce(v.notes, '') AS what, NULL AS status, v.category
       FROM visits v JOIN people p ON p.id = v.person_id WHERE v.deleted_at IS NULL AND v.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM visits WHERE deleted_at IS NULL AND date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'category', labelKind: 'visit_category' }],
    ),
  concerns: (db, from, to, limit) =>
    capped(
      db,
      `SELECT c.id, c.raised_on AS date, coalesce(p.name, '') AS who, c.person_id, c.text AS what, c.status, 'concern_status' AS statusKind
       FROM concerns c LEFT JOIN people p ON p.id = c.person_id WHERE c.deleted_at IS NULL AND c.raised_on BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM concerns WHERE deleted_at IS NULL AND raised_on BETWEEN @from AND @to',
      { from, to },
      limit,
    ),
  disputes: (db, from, to, limit) =>
    capped(
      db,
      `SELECT d.id, d.registered_on AS date,
              coalesce((SELECT group_concat(coalesce(p.name, dp.name), '、') FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id
                        WHERE dp.dispute_id = d.id AND dp.deleted_at IS NULL), '') AS who,
              NULL AS person_id, d.title AS what, d.status, 'dispute_status' AS statusKind
       FROM disputes d WHERE d.deleted_at IS NULL AND d.registered_on BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM disputes WHERE deleted_at IS NULL AND registered_on BETWEEN @from AND @to',
      { from, to },
      limit,
    ),
  pairs: (db, from, to, limit) =>
    capped(
      db,
      `SELECT l.id, l.date, p.name AS who, pr.person_id, l.action || coalesce(' → ' || l.result, '') AS what,
              -- The pairing's status at the period's end.
              CASE WHEN pr.ended_on IS NOT NULL AND pr.ended_on <= @to THEN 'ended' ELSE 'active' END AS status, 'pair_status' AS statusKind, pr.helper
       FROM pair_logs l JOIN pairs pr ON pr.id = l.pair_id JOIN people p ON p.id = pr.person_id
       WHERE l.deleted_at IS NULL AND pr.deleted_at IS NULL AND l.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM pair_logs l JOIN pairs pr ON pr.id = l.pair_id WHERE l.deleted_at IS NULL AND pr.deleted_at IS NULL AND l.date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'helper', name: true }],
    ),
  meetings: (db, from, to, limit) =>
    capped(
      db,
      `SELECT m.id, m.date, coalesce(m.chair, '') AS who, NULL AS person_id, coalesce(m.topic, '') AS what, NULL AS status, m.type
       FROM meetings m WHERE m.deleted_at IS NULL AND m.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL AND date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'type', labelKind: 'meeting_type' }],
    ),
  decisions: (db, from, to, limit) =>
    capped(
      db,
      `SELECT s.id, s.date, '' AS who, NULL AS person_id, d.matter AS what, d.status, 'decision_status' AS statusKind, s.step
       FROM decision_steps s JOIN decisions d ON d.id = s.decision_id
       WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.date BETWEEN @from AND @to`,
      'SELECT count(*) AS n FROM decision_steps s JOIN decisions d ON d.id = s.decision_id WHERE s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.date BETWEEN @from AND @to',
      { from, to },
      limit,
      [{ key: 'step', labelKind: 'decision_step' }],
    ),
  plan: (db, from, to, limit) =>
    capped(
      db,
      // Dated by the event that puts it in the period: done in it, else due in it (done later or not yet).
      `SELECT m.id, CASE WHEN m.done_on BETWEEN @from AND @to THEN m.done_on ELSE m.due_on END AS date, coalesce(m.owner, '') AS who, NULL AS person_id,
              p.title || ' — ' || m.title AS what, m.status, 'plan_status' AS statusKind
       FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
       WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL
         AND (m.due_on BETWEEN @from AND @to OR m.done_on BETWEEN @from AND @to)`,
      `SELECT count(*) AS n FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
       WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND (m.due_on BETWEEN @from AND @to OR m.done_on BETWEEN @from AND @to)`,
      { from, to },
      limit,
    ),
};
