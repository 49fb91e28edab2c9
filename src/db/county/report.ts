// The county report's figures, computed by PostgreSQL: one query per record table, each grouped by
// ledger (a LATERAL range scan per ledger on the (ledger, date) indexes, so a year of 200 villages
// reads that year's rows once and nothing else). Every figure follows the definition of the ledger's
// own `fs report` (src/db/report.ts, dispute-counts.ts, pair-report.ts, meeting-report.ts,
// plan-reports.ts, presence.ts), with each ledger's own settings (county.settings, else the defaults).
// Nothing but the per-ledger counts comes back to Node.
import type { Client } from 'pg';
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES } from '../../domain/dispute.js';
import { DECISION_STEPS } from '../../domain/decision.js';
import { FLOW_COUNTS, STOCK_COUNTS } from '../../domain/dispute-counts.js';
import { MEETING_TYPES } from '../../domain/meeting.js';
import { PLAN_AREAS } from '../../domain/plan.js';
import { PRESENCE_STATUSES } from '../../domain/presence.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../../domain/visits.js';
import type { IsoDate } from '../../time/dates.js';

/** What the queries need to know about the period, all worked out in Node (src/domain/county-report.ts). */
export interface CountyQuery {
  from: IsoDate;
  to: IsoDate;
  /** The period's last day, or today while it runs: the day states are taken on. */
  asOf: IsoDate;
  /** The day meeting compliance is judged on (the day after asOf once the period is over). */
  judged: IsoDate;
  /** The official calendar's working days in [from, asOf], before each ledger's own corrections. */
  workingDates: IsoDate[];
  /** The required meetings' intervals (whole months, quarters, years) overlapping the period up to `judged`. */
  intervals: Array<{ unit: 'monthly' | 'quarterly' | 'yearly'; from: IsoDate; to: IsoDate }>;
  /** presence.month_min applies to a month, presence.year_min to a year, no target otherwise. */
  presenceUnit: 'month' | 'year' | 'range';
  /** The settings the figures depend on, with their defaults (src/domain/settings.ts). */
  defaults: Record<string, string>;
}

/** One ledger's figures, by flat key ("visits.total", "disputes.by_source.visit"). */
export type FlatFigures = Record<string, number>;

export interface LedgerRow {
  ledger: string;
  village: string;
  township: string | null;
  secretary: string;
}

/** Positional parameters from named ones: sql`... ${value} ...` style without a template tag. */
class Params {
  values: unknown[] = [];
  /** Per-ledger values (settings, the ledger's start) computed once per ledger in the CTE `cfg`, not once per row. */
  cfg = new Map<string, string>();
  add(v: unknown, type: string): string {
    this.values.push(v);
    return `$${this.values.length}::${type}`;
  }
  perLedger(name: string, expr: string): string {
    if (!this.cfg.has(name)) this.cfg.set(name, expr);
    return `cfg.${col(name)}`;
  }
}

/** The query with its per-ledger values: a materialized CTE joined to every ledger row. */
function finish(p: Params, text: string): Built {
  if (p.cfg.size === 0) return { text, values: p.values };
  const cols = [...p.cfg].map(([name, expr]) => `${expr} AS ${col(name)}`).join(',\n             ');
  const joined = text.replace(/FROM county\.ledgers l\n/, 'FROM county.ledgers l JOIN cfg ON cfg.ledger = l.id\n');
  return { text: `WITH cfg AS MATERIALIZED (\n      SELECT l.id AS ledger,\n             ${cols}\n      FROM county.ledgers l)\n${joined}`, values: p.values };
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const col = (key: string) => `"${key}"`;
const n = (expr: string, key: string) => `(${expr})::int AS ${col(key)}`;

/** A setting of every ledger as a typed expression: the ledger's value if it has pushed one, else the default. */
function setting(ledger: string, key: string, p: Params, defaults: Record<string, string>, kind: 'int' | 'text'): string {
  const value = `(SELECT s.value FROM county.settings s WHERE s.ledger = ${ledger} AND s.key = ${lit(key)})`;
  const dflt = p.add(defaults[key] ?? '', 'text');
  if (kind === 'text') return p.perLedger(key, `coalesce(${value}, ${dflt})`);
  // A malformed number never breaks the report: it reads as the default, as the ledger's CHECK makes it.
  return p.perLedger(key, `(CASE WHEN ${value} ~ '^[0-9]{1,9}$' THEN ${value}::int ELSE ${dflt}::int END)`);
}

interface Built {
  text: string;
  values: unknown[];
}

function visitsQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const to = p.add(q.to, 'date');
  const figures = [
    n('count(*)', 'visits.total'),
    ...VISIT_CATEGORIES.map((c) => n(`count(*) FILTER (WHERE v.category = ${lit(c)})`, `visits.by_category.${c}`)),
    ...VISIT_TOPICS.map((k, i) => n(`count(*) FILTER (WHERE v.topics & ${1 << i} <> 0)`, `visits.by_topic.${k}`)),
  ];
  return finish(p, `
      SELECT l.id AS ledger, v.*
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${figures.join(',\n               ')}
        FROM county.visits v
        WHERE v.ledger = l.id AND v.deleted_at IS NULL AND v.date BETWEEN ${from} AND ${to}
      ) v`);
}

/**
 * People and households reached, and the roster's households not visited lately: a query of its
 * own, so that two connections share the visits' work about evenly.
 */
function visitReachQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const to = p.add(q.to, 'date');
  const asOf = p.add(q.asOf, 'date');
  const staleDays = setting('l.id', 'visit.stale_days', p, q.defaults, 'int');
  // A household on the roster on asOf: live, added by then, with a live member added by then (as
  // STALE_HOUSEHOLDS_WHERE). Not visited lately: no visit of it in the visit.stale_days before asOf.
  return finish(p, `
      SELECT l.id AS ledger, reach.*, h.*
      FROM county.ledgers l
      -- People and households reached: distinct values hashed from the same index range (count(DISTINCT)
      -- would sort each ledger's visits twice).
      CROSS JOIN LATERAL (
        SELECT (SELECT count(*) FROM (SELECT v.person_uid FROM county.visits v
                  WHERE v.ledger = l.id AND v.deleted_at IS NULL AND v.date BETWEEN ${from} AND ${to} GROUP BY v.person_uid) x)::int AS "visits.people",
               (SELECT count(*) FROM (SELECT v.household_uid FROM county.visits v
                  WHERE v.ledger = l.id AND v.deleted_at IS NULL AND v.date BETWEEN ${from} AND ${to} AND v.household_uid IS NOT NULL
                  GROUP BY v.household_uid) x)::int AS "visits.households"
      ) reach
      -- Households, their members and the recent visits in one hashed grouping per ledger: a join of
      -- the three is misestimated at one row and planned as a nested loop (seconds at 200 villages).
      CROSS JOIN LATERAL (
        SELECT ${n('count(*)', 'visits.households_on_roster')},
               ${n('count(*) FILTER (WHERE NOT x.recent)', 'visits.households_not_visited')}
        FROM (
          SELECT bool_or(k = 2) AS recent
          FROM (
            SELECT h.uid, 0 AS k FROM county.households h
            WHERE h.ledger = l.id AND h.deleted_at IS NULL AND coalesce(h.added_on, '-infinity') <= ${asOf}
            UNION ALL
            SELECT pe.household_uid, 1 FROM county.people pe
            WHERE pe.ledger = l.id AND pe.deleted_at IS NULL AND coalesce(pe.added_on, '-infinity') <= ${asOf} AND pe.household_uid IS NOT NULL
            UNION ALL
            SELECT v.household_uid, 2 FROM county.visits v
            WHERE v.ledger = l.id AND v.deleted_at IS NULL AND v.date BETWEEN ${asOf} - ${staleDays} AND ${asOf} AND v.household_uid IS NOT NULL
          ) u
          GROUP BY u.uid
          HAVING bool_or(k = 0) AND bool_or(k = 1)
        ) x
      ) h`);
}

function concernsQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const to = p.add(q.to, 'date');
  const asOf = p.add(q.asOf, 'date');
  const open = `c.raised_on <= ${asOf} AND (c.resolved_on IS NULL OR c.resolved_on > ${asOf})`;
  const figures = [
    n(`count(*) FILTER (WHERE c.raised_on BETWEEN ${from} AND ${to})`, 'concerns.raised'),
    n(`count(*) FILTER (WHERE c.resolved_on BETWEEN ${from} AND ${to})`, 'concerns.resolved'),
    n(`count(*) FILTER (WHERE ${open})`, 'concerns.open'),
    n(`count(*) FILTER (WHERE ${open} AND c.due_on < ${asOf})`, 'concerns.overdue'),
    n(`count(*) FILTER (WHERE c.resolved_on <= ${asOf} AND (c.feedback_on IS NULL OR c.feedback_on > ${asOf}))`, 'concerns.awaiting_feedback'),
    // The closure rate's numerator: raised in the period and finished (resolved, villager told) by its end.
    n(`count(*) FILTER (WHERE c.raised_on BETWEEN ${from} AND ${to} AND c.resolved_on <= ${asOf} AND c.feedback_on <= ${asOf})`, 'concerns.finished'),
  ];
  return finish(p, `
      SELECT l.id AS ledger, c.*
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${figures.join(',\n               ')}
        FROM county.concerns c WHERE c.ledger = l.id AND c.deleted_at IS NULL AND c.raised_on <= greatest(${to}, ${asOf})
      ) c`);
}

const EVENT_KEY: Record<(typeof FLOW_COUNTS)[number], string> = {
  registered: "e.kind = 'register'",
  resolved: "e.kind = 'agreement'",
  closed: "e.kind = 'revisit' AND e.to_status = 'closed'",
  escalated: "e.kind = 'escalation'",
  withdrawn: "e.kind = 'withdrawal'",
};

function disputesQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const to = p.add(q.to, 'date');
  const asOf = p.add(q.asOf, 'date');
  const mediationDays = setting('l.id', 'dispute.mediation_days', p, q.defaults, 'int');
  const petition = "d.source = 'petition'";
  const flows = [
    ...FLOW_COUNTS.map((k) => n(`count(*) FILTER (WHERE ${EVENT_KEY[k]})`, `disputes.${k}`)),
    ...FLOW_COUNTS.map((k) => n(`count(*) FILTER (WHERE ${EVENT_KEY[k]} AND ${petition})`, `disputes.petitions.${k}`)),
    ...DISPUTE_CATEGORIES.map((c) => n(`count(*) FILTER (WHERE ${EVENT_KEY.registered} AND d.category = ${lit(c)})`, `disputes.by_category.${c}`)),
    ...DISPUTE_SOURCES.map((s) => n(`count(*) FILTER (WHERE ${EVENT_KEY.registered} AND d.source = ${lit(s)})`, `disputes.by_source.${s}`)),
  ];
  const stock: Record<(typeof STOCK_COUNTS)[number], string> = {
    open: "s.status IN ('registered', 'mediating', 'resolved')",
    mediating: "s.status = 'mediating'",
    overdue: `(s.status IN ('registered', 'mediating') AND s.registered_on < ${asOf} - ${mediationDays}) OR (s.status = 'resolved' AND s.revisit_due < ${asOf})`,
    revisits_due: `s.status = 'resolved' AND s.revisit_due <= ${asOf}`,
  };
  const stocks = [
    ...STOCK_COUNTS.map((k) => n(`count(*) FILTER (WHERE ${stock[k]})`, `disputes.${k}`)),
    ...STOCK_COUNTS.map((k) => n(`count(*) FILTER (WHERE (${stock[k]}) AND s.source = 'petition')`, `disputes.petitions.${k}`)),
    // The resolution rate's numerator: registered in the period, agreed or closed as of its end.
    n(`count(*) FILTER (WHERE s.status IN ('resolved', 'closed') AND s.registered_in_period)`, 'disputes.settled'),
  ];
  // Each case's state on asOf is its latest state-setting event up to then (date, then creation
  // order: uids are UUIDv7, time-ordered like the ledger's own ids).
  return finish(p, `
      SELECT l.id AS ledger, f.*, s.*
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${flows.join(',\n               ')}
        FROM county.dispute_events e JOIN county.disputes d ON d.ledger = e.ledger AND d.uid = e.dispute_uid
        WHERE e.ledger = l.id AND e.deleted_at IS NULL AND d.deleted_at IS NULL AND e.date BETWEEN ${from} AND ${to}
          AND (e.kind IN ('register', 'agreement', 'escalation', 'withdrawal') OR (e.kind = 'revisit' AND e.to_status = 'closed'))
      ) f
      CROSS JOIN LATERAL (
        WITH registered AS (SELECT DISTINCT r.dispute_uid FROM county.dispute_events r
                            WHERE r.ledger = l.id AND r.deleted_at IS NULL AND r.kind = 'register' AND r.date BETWEEN ${from} AND ${to})
        SELECT ${stocks.join(',\n               ')}
        FROM (
          -- A case whose latest state-setting event (status_on) is on or before asOf stood on asOf as it
          -- stands now: its row says it, no event is read. Only the cases changed after asOf are
          -- replayed from their events (most of a ledger's history is settled long before).
          SELECT d.status, d.revisit_due, d.registered_on, d.source, r.dispute_uid IS NOT NULL AS registered_in_period
          FROM county.disputes d
          LEFT JOIN registered r ON r.dispute_uid = d.uid
          WHERE d.ledger = l.id AND d.deleted_at IS NULL AND d.registered_on <= ${asOf} AND d.status_on <= ${asOf}
          UNION ALL
          SELECT * FROM (
            SELECT DISTINCT ON (e.dispute_uid) e.to_status AS status, e.revisit_due, d.registered_on, d.source,
                   r.dispute_uid IS NOT NULL AS registered_in_period
            FROM county.disputes d JOIN county.dispute_events e ON e.ledger = d.ledger AND e.dispute_uid = d.uid
            LEFT JOIN registered r ON r.dispute_uid = d.uid
            WHERE d.ledger = l.id AND d.deleted_at IS NULL AND d.registered_on <= ${asOf} AND d.status_on > ${asOf}
              AND e.deleted_at IS NULL AND e.to_status IS NOT NULL AND e.date <= ${asOf}
            ORDER BY e.dispute_uid, e.date DESC, e.uid DESC
          ) replayed
        ) s
      ) s`);
}

function pairsQuery(q: CountyQuery): Built {
  const p = new Params();
  const from = p.add(q.from, 'date');
  const to = p.add(q.to, 'date');
  const asOf = p.add(q.asOf, 'date');
  const inPeriod = `pr.started_on <= ${to} AND (pr.ended_on IS NULL OR pr.ended_on >= ${from})`;
  const activeOn = `pr.started_on <= ${asOf} AND (pr.ended_on IS NULL OR pr.ended_on > ${asOf})`;
  const nextDue = `greatest(pr.started_on, coalesce(pr.last_contact, pr.started_on)) + pr.cadence_days`;
  return finish(p, `
      SELECT l.id AS ledger, x.*, y.*
      FROM county.ledgers l
      CROSS JOIN LATERAL (
        SELECT ${n(`count(*) FILTER (WHERE ${inPeriod} AND ${activeOn})`, 'pairs.active')},
               ${n(`count(*) FILTER (WHERE pr.started_on BETWEEN ${from} AND ${to})`, 'pairs.started')},
               ${n(`count(*) FILTER (WHERE pr.ended_on BETWEEN ${from} AND ${to})`, 'pairs.ended')},
               ${n(`count(*) FILTER (WHERE ${inPeriod} AND ${activeOn} AND ${nextDue} < ${asOf})`, 'pairs.overdue')},
               ${n(`count(DISTINCT pr.person_uid) FILTER (WHERE ${inPeriod} AND pr.party)`, 'pairs.party_members')},
               ${n(`count(DISTINCT pr.person_uid) FILTER (WHERE ${inPeriod} AND NOT pr.party)`, 'pairs.villagers')}
        FROM (
          SELECT pr.*, pe.tags ? 'party-member' AS party, g.last_contact
          FROM county.pairs pr JOIN county.people pe ON pe.ledger = pr.ledger AND pe.uid = pr.person_uid
          -- Each pairing's last contact from the (ledger, pair_uid, date) index, one descent per pairing.
          LEFT JOIN LATERAL (SELECT max(g.date) AS last_contact FROM county.pair_logs g
                     WHERE g.ledger = pr.ledger AND g.pair_uid = pr.uid AND g.deleted_at IS NULL AND g.date <= ${asOf}) g ON true
          WHERE pr.ledger = l.id AND pr.deleted_at IS NULL
        ) pr
      ) x
      CROSS JOIN LATERAL (
        SELECT ${n('count(*)', 'pairs.help_entries')}
        FROM county.pair_logs g JOIN county.pairs pr ON pr.ledger = g.ledger AND pr.uid = g.pair_uid
        WHERE g.ledger = l.id AND g.deleted_at IS NULL AND pr.deleted_at IS NULL AND g.date BETWEEN ${from} AND ${to}
      ) y`);
}

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

function meetingsQuery(q: CountyQuery): Built {
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

function decisionsQuery(q: CountyQuery): Built {
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

function planQuery(q: CountyQuery): Built {
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

function presenceQuery(q: CountyQuery): Built {
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

export const COUNTY_QUERIES = { visitsQuery, visitReachQuery, concernsQuery, disputesQuery, pairsQuery, meetingsQuery, decisionsQuery, planQuery, presenceQuery };

/** Every registered ledger, in a stable order. */
export async function listLedgers(client: Client): Promise<LedgerRow[]> {
  const r = await client.query<LedgerRow>('SELECT id::text AS ledger, village, township, secretary FROM county.ledgers ORDER BY village, id');
  return r.rows;
}

/**
 * Every ledger's figures for the period, in one read-only snapshot (REPEATABLE READ): a push
 * committing meanwhile shows in all the tables or in none. With `more`, a second connection joins
 * the same snapshot (pg_export_snapshot) and the queries run on both at once, the costliest first:
 * the server has a core for each.
 */
export async function countyFigures(
  client: Client,
  q: CountyQuery,
  more?: () => Promise<Client>,
): Promise<{ ledgers: LedgerRow[]; figures: Map<string, FlatFigures> }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  let helper: Client | undefined;
  try {
    // These queries are many small index ranges, one per ledger, whose estimated cost passes
    // jit_above_cost at a few dozen villages: compiling them (100 ms to seconds) costs more than running them.
    await client.query('SET LOCAL jit = off');
    const ledgers = await listLedgers(client);
    const figures = new Map<string, FlatFigures>(ledgers.map((l) => [l.ledger, {}]));
    const rowsOf = new Map<string, Record<string, unknown>[]>();
    const queue = QUERY_ORDER.map((name) => ({ name, ...COUNTY_QUERIES[name](q) }));
    const work = async (c: Client) => {
      for (let job = queue.shift(); job; job = queue.shift()) rowsOf.set(job.name, (await c.query<Record<string, unknown>>(job.text, job.values)).rows);
    };
    if (more && ledgers.length > 1) {
      const snapshot = (await client.query('SELECT pg_export_snapshot() AS s')).rows[0].s as string;
      helper = await more();
      await helper.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await helper.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
      await helper.query('SET LOCAL jit = off');
      await Promise.all([work(client), work(helper)]);
      await helper.query('COMMIT');
    } else {
      await work(client);
    }
    // Merged in one fixed order, whichever connection ran what: the keys come out as fs report has them.
    for (const name of Object.keys(COUNTY_QUERIES) as (keyof typeof COUNTY_QUERIES)[]) {
      for (const row of rowsOf.get(name) ?? []) {
        const mine = figures.get(String(row.ledger));
        if (!mine) continue;
        for (const [k, v] of Object.entries(row)) if (k.includes('.')) mine[k] = Number(v);
      }
    }
    for (const [id, flat] of figures) figures.set(id, inReportOrder(flat));
    await client.query('COMMIT');
    return { ledgers, figures };
  } catch (e) {
    await helper?.query('ROLLBACK').catch(() => undefined);
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** fs report's order of the visits keys (two queries compute them); the other keys as they came. */
const VISIT_KEY_ORDER = ['visits.total', 'visits.people', 'visits.households'];
function inReportOrder(flat: FlatFigures): FlatFigures {
  const out: FlatFigures = {};
  for (const k of VISIT_KEY_ORDER) if (k in flat) out[k] = flat[k]!;
  for (const [k, v] of Object.entries(flat)) if (!(k in out)) out[k] = v;
  return out;
}

/** The order the queries are taken in: the costliest first, so two connections finish together. */
const QUERY_ORDER: (keyof typeof COUNTY_QUERIES)[] = ['visitsQuery', 'visitReachQuery', 'disputesQuery', 'meetingsQuery', 'pairsQuery', 'presenceQuery', 'concernsQuery', 'planQuery', 'decisionsQuery'];
