// The county report's queries of the work with villagers: visits and their reach, concerns, dispute
// cases, pairings. One query per table, grouped by ledger (a LATERAL range scan per ledger on the
// (ledger, date) indexes); each figure as the ledger's own `fs report` defines it (src/db/report.ts,
// dispute-counts.ts, pair-report.ts), with each ledger's own settings.
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES } from '../../domain/dispute.js';
import { FLOW_COUNTS, STOCK_COUNTS } from '../../domain/dispute-counts.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../../domain/visits.js';
import type { CountyPeriodQuery as CountyQuery } from '../../domain/county-report.js';
import { finish, lit, n, Params, setting, type Built } from './report-sql.js';

export function visitsQuery(q: CountyQuery): Built {
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
export function visitReachQuery(q: CountyQuery): Built {
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

export function concernsQuery(q: CountyQuery): Built {
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

export function disputesQuery(q: CountyQuery): Built {
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

export function pairsQuery(q: CountyQuery): Built {
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

