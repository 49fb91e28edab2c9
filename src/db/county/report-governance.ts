// The county report's queries of party life, village decisions, the plan and presence: one query per
// table, grouped by ledger; each figure as the ledger's own `fs report` defines it
// (src/db/meeting-report.ts, plan-reports.ts, presence.ts), with each ledger's own settings.
import { DECISION_STEPS } from '../../domain/decision.js';
import { MEETING_TYPES } from '../../domain/meeting.js';
import { PLAN_AREAS } from '../../domain/plan.js';
import { PRESENCE_STATUSES } from '../../domain/presence.js';
import type { CountyPeriodQuery as CountyQuery } from '../../domain/county-report.js';
import { finish, lit, n, Params, setting, type Built } from './report-sql.js';

/** The day a ledger began, as ledgerStart (src/db/settings.ts): its setting, else its first record, never after `judged`. */
function ledgerStartSql(ledger: string, judged: string, p: Params, defaults: Record<string, string>): string {
  const firsts = [
    ['visits', 'date'],
    ['concerns', 'raised_on'],
    ['disputes', 'registered_on'],
    ['pairs', 'started_on'],
    ['meetings', 'date'],
    ['decisions', 'date'],
    ['plan_progress', 'date'],
  ].map(([t, c]) => `(SELECT min(${c}) FROM county.${t} WHERE ledger = ${ledger} AND deleted_at IS NULL)`);
  const set = `coalesce((SELECT s.value FROM county.settings s WHERE s.ledger = ${ledger} AND s.key = 'ledger.start'), ${p.add(defaults['ledger.start'] ?? '', 'text')})`;
  return p.perLedger('ledger_start', `(CASE WHEN ${set} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (${set})::date
                ELSE (SELECT CASE WHEN m < ${judged} THEN m ELSE ${judged} END FROM (SELECT least(${firsts.join(', ')}) AS m) f) END)`);
}

export function meetingsQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const to = p.add(q.to, 'date');
  const asOf = p.add(q.asOf, 'date');
  const judged = p.add(q.judged, 'date');
  const first = p.add(q.intervals.length ? q.intervals.map((i) => i.from).reduce((a, b) => (a < b ? a : b)) : q.from, 'date');
  const held = [
    n('count(*)', 'meetings.held'),
    n('coalesce(sum(m.forced), 0)', 'meetings.forced'),
    ...MEETING_TYPES.map((t) => n(`count(*) FILTER (WHERE m.type = ${lit(t)})`, `meetings.held_by_type.${t}`)),
    n('coalesce(sum(m.present) FILTER (WHERE m.expected > 0 AND m.present IS NOT NULL), 0)', 'meetings.attendance.present'),
    n('coalesce(sum(m.expected) FILTER (WHERE m.expected > 0 AND m.present IS NOT NULL), 0)', 'meetings.attendance.expected'),
  ];
  const units = p.add(q.intervals.map((i) => i.unit), 'text[]');
  const ifroms = p.add(q.intervals.map((i) => i.from), 'date[]');
  const itos = p.add(q.intervals.map((i) => i.to), 'date[]');
  // Each required type's frequency for this ledger: its setting, else the default; anything else is none.
  const freq = MEETING_TYPES.map((t) => `(${lit(t)}, ${setting('l.id', `meeting.frequency.${t}`, p, q.defaults, 'text')})`).join(', ');
  const start = ledgerStartSql('l.id', judged, p, q.defaults);
  // An interval is judged whole; held counts its meetings up to `judged` (computeCompliance). Due:
  // held, or over without one (missing); one not over and not held yet is pending, neither. Each
  // interval counts in the period it ends in (requiredTally, src/domain/compliance.ts).
  return finish(p, `
      SELECT l.id AS ledger, h.*, g.*
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${held.join(',\n               ')}
        FROM county.meetings m WHERE m.ledger = l.id AND m.deleted_at IS NULL AND m.date BETWEEN ${from} AND ${asOf}
      ) h
      CROSS JOIN LATERAL (
        SELECT ${n('count(*) FILTER (WHERE r.held = 0 AND r.ito < ' + judged + ')', 'meetings.gaps')},
               ${n(`count(*) FILTER (WHERE (r.held > 0 OR r.ito < ${judged}) AND r.ito <= ${to})`, 'meetings.required')},
               ${n(`count(*) FILTER (WHERE r.held > 0 AND r.ito <= ${to})`, 'meetings.required_held')}
        FROM (
          SELECT i.ito, coalesce(sum(m.n), 0) AS held
          FROM (VALUES ${freq}) f(type, frequency)
          JOIN unnest(${units}, ${ifroms}, ${itos}) i(unit, ifrom, ito) ON i.unit = f.frequency
          -- The ledger's meetings read once, per type and day, then matched to the intervals in memory.
          LEFT JOIN (SELECT m.type, m.date, count(*) AS n FROM county.meetings m
                     WHERE m.ledger = l.id AND m.deleted_at IS NULL AND m.date BETWEEN ${first} AND ${judged}
                     GROUP BY m.type, m.date) m
            ON m.type = f.type AND m.date BETWEEN i.ifrom AND least(i.ito, ${judged})
          WHERE i.ito >= ${start}
          GROUP BY f.type, i.ifrom, i.ito
        ) r
      ) g`);
}

export function decisionsQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const asOf = p.add(q.asOf, 'date');
  const stall = setting('l.id', 'decision.stall_days', p, q.defaults, 'int');
  const live = `s.ledger = l.id AND s.deleted_at IS NULL AND s.date <= ${asOf}`;
  return finish(p, `
      SELECT l.id AS ledger, a.*, b.*
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${n(`count(*) FILTER (WHERE d.date BETWEEN ${from} AND ${asOf})`, 'decisions.started')},
               ${n(`count(*) FILTER (WHERE d.date <= ${asOf} AND d.open AND d.taken < ${DECISION_STEPS.length}
                                     AND coalesce(d.last_date, d.date) < ${asOf} - ${stall})`, 'decisions.stuck')}
        FROM (
          SELECT d.date, coalesce(s.finished, 0) = 0 AS open, coalesce(s.taken, 0) AS taken, s.last_date
          FROM county.decisions d
          LEFT JOIN (SELECT s.decision_uid, count(*) AS taken, max(s.date) AS last_date,
                            count(*) FILTER (WHERE s.step = 'result-public' OR s.passed = 0) AS finished
                     FROM county.decision_steps s WHERE ${live} GROUP BY s.decision_uid) s ON s.decision_uid = d.uid
          WHERE d.ledger = l.id AND d.deleted_at IS NULL
        ) d
      ) a
      CROSS JOIN LATERAL (
        SELECT ${n("count(*) FILTER (WHERE s.step = 'result-public')", 'decisions.completed')},
               ${n('count(*) FILTER (WHERE s.passed = 0)', 'decisions.rejected')}
        FROM county.decision_steps s JOIN county.decisions d ON d.ledger = s.ledger AND d.uid = s.decision_uid
        WHERE s.ledger = l.id AND s.deleted_at IS NULL AND d.deleted_at IS NULL AND s.date BETWEEN ${from} AND ${asOf}
      ) b`);
}

export function planQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const to = p.add(q.to, 'date');
  const asOf = p.add(q.asOf, 'date');
  const y1 = p.add(Number(q.from.slice(0, 4)), 'int');
  const y2 = p.add(Number(q.to.slice(0, 4)), 'int');
  const livePlan = 'pl.ledger = m.ledger AND pl.uid = m.plan_uid AND pl.deleted_at IS NULL';
  // deriveStatus (src/domain/plan.ts): the declared status, else done when no live milestone is
  // pending (and there is one, or the latest percent is 100).
  return finish(p, `
      SELECT l.id AS ledger, m.*, g.*, a.*, x.*
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${n(`count(*) FILTER (WHERE m.due_on BETWEEN ${from} AND ${to} AND m.status <> 'dropped')`, 'plan.milestones_due')},
               ${n(`count(*) FILTER (WHERE m.done_on BETWEEN ${from} AND ${to} AND m.status = 'done')`, 'plan.milestones_done')},
               ${n(`count(*) FILTER (WHERE m.due_on BETWEEN ${from} AND ${to} AND m.status NOT IN ('done', 'dropped') AND m.due_on < ${asOf})`, 'plan.overdue')}
        FROM county.plan_milestones m
        WHERE m.ledger = l.id AND m.deleted_at IS NULL AND EXISTS (SELECT 1 FROM county.plans pl WHERE ${livePlan})
      ) m
      CROSS JOIN LATERAL (
        SELECT ${n('count(*)', 'plan.progress_notes')}
        FROM county.plan_progress m
        WHERE m.ledger = l.id AND m.deleted_at IS NULL AND m.date BETWEEN ${from} AND ${to}
          AND EXISTS (SELECT 1 FROM county.plans pl WHERE ${livePlan})
      ) g
      CROSS JOIN LATERAL (
        SELECT ${PLAN_AREAS.map((a) => n(`count(*) FILTER (WHERE pl.area = ${lit(a)})`, `plan.goals_by_area.${a}`)).join(',\n               ')}
        FROM county.plans pl
        WHERE pl.ledger = l.id AND pl.deleted_at IS NULL AND pl.kind = 'goal'
          AND coalesce(pl.start_on, pl.added_on, '-infinity') <= ${to} AND coalesce(pl.done_on, pl.dropped_on, 'infinity') >= ${from}
      ) a
      CROSS JOIN LATERAL (
        SELECT ${n('count(*)', 'plan.practical_things')},
               ${n(`count(*) FILTER (WHERE pl.status = 'done' OR (pl.status IS NULL AND pl.live - pl.done = 0 AND (pl.live > 0 OR pl.percent = 100)))`, 'plan.practical_done')}
        FROM (
          SELECT pl.status, coalesce(m.live, 0) AS live, coalesce(m.done, 0) AS done, g.percent
          FROM county.plans pl
          LEFT JOIN (SELECT m.plan_uid, count(*) FILTER (WHERE m.status <> 'dropped') AS live, count(*) FILTER (WHERE m.status = 'done') AS done
                     FROM county.plan_milestones m WHERE m.ledger = l.id AND m.deleted_at IS NULL GROUP BY m.plan_uid) m ON m.plan_uid = pl.uid
          LEFT JOIN (SELECT DISTINCT ON (g.plan_uid) g.plan_uid, g.percent FROM county.plan_progress g
                     WHERE g.ledger = l.id AND g.deleted_at IS NULL AND g.percent IS NOT NULL
                     ORDER BY g.plan_uid, g.date DESC, g.uid DESC) g ON g.plan_uid = pl.uid
          WHERE pl.ledger = l.id AND pl.deleted_at IS NULL AND pl.kind = 'practical' AND coalesce(pl.status, '') <> 'dropped'
            AND extract(year FROM coalesce(pl.due_on, pl.start_on, pl.added_on)) BETWEEN ${y1} AND ${y2}
        ) pl
      ) x`);
}

export function presenceQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const asOf = p.add(q.asOf, 'date');
  const working = p.add(q.workingDates, 'date[]');
  const businessCounts = setting('l.id', 'presence.business_counts', p, q.defaults, 'text');
  const status = (s: string) => `count(*) FILTER (WHERE d.status = ${lit(s)})`;
  const counted = `count(*) FILTER (WHERE d.status = 'in-village' OR (${businessCounts} <> 'no' AND d.status IN ('business', 'training')))`;
  const target =
    q.presenceUnit === 'range' ? null : setting('l.id', q.presenceUnit === 'month' ? 'presence.month_min' : 'presence.year_min', p, q.defaults, 'int');
  const targets = target
    ? `, ${target} AS "presence.target", (CASE WHEN d."presence.days_counted" >= ${target} THEN 1 ELSE 0 END) AS "presence.target_met",
         greatest(0, ${target} - d."presence.days_counted") AS "presence.needed"`
    : '';
  // Working days: the official calendar (from Node) with this ledger's own corrections on top; a
  // working day up to asOf with no day recorded is unrecorded (summarisePresence).
  return finish(p, `
      SELECT l.id AS ledger, d.*, w.*, (w."presence.working_days" - d.recorded_working) AS "presence.unrecorded_working_days"${targets}
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${n(status('in-village'), 'presence.days_in_village')},
               ${n(counted, 'presence.days_counted')},
               ${n(status('leave'), 'presence.leave_days')},
               ${PRESENCE_STATUSES.map((s) => n(status(s), `presence.by_status.${s}`)).join(',\n               ')},
               (count(*) FILTER (WHERE coalesce(c.workday = 1, o.d IS NOT NULL)))::int AS recorded_working
        FROM county.presence_days d
        LEFT JOIN (SELECT DISTINCT ON (c.date) c.date, c.workday FROM county.presence_holidays c
                   WHERE c.ledger = l.id AND c.deleted_at IS NULL AND c.date BETWEEN ${from} AND ${asOf}
                   ORDER BY c.date, c.updated_at DESC) c ON c.date = d.date
        LEFT JOIN unnest(${working}) o(d) ON o.d = d.date
        WHERE d.ledger = l.id AND d.deleted_at IS NULL AND d.date BETWEEN ${from} AND ${asOf}
      ) d
      CROSS JOIN LATERAL (
        SELECT (cardinality(${working}) + count(*) FILTER (WHERE c.workday = 1 AND NOT c.date = ANY(${working}))
                                        - count(*) FILTER (WHERE c.workday = 0 AND c.date = ANY(${working})))::int AS "presence.working_days"
        FROM (SELECT DISTINCT ON (c.date) c.date, c.workday FROM county.presence_holidays c
              WHERE c.ledger = l.id AND c.deleted_at IS NULL AND c.date BETWEEN ${from} AND ${asOf}
              ORDER BY c.date, c.updated_at DESC) c
      ) w`);
}

