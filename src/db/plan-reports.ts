// What the reports need from the plan: each takes (db, from, to, today) and returns plain objects.
// Counts are SQL aggregates over the indexed date columns; the lists are bounded by the period.
import { countGoalsByArea, PRACTICAL_PER_YEAR, type GoalsByArea, type Milestone, type Plan, type ProgressNote } from '../domain/plan.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { listMilestones } from './plan-milestones.js';
import { listPlans, listProgress, milestoneOverdueSql } from './plans.js';
import { statement } from './store.js';

export interface MilestonesInPeriod {
  from: IsoDate;
  to: IsoDate;
  /** Due in the period and not dropped. */
  due: number;
  /** Done in the period. */
  done: number;
  /** Done in the period, after their due date. */
  done_late: number;
  /** Due in the period, past due today, neither done nor dropped. */
  overdue: number;
  due_list: Milestone[];
  done_list: Milestone[];
  overdue_list: Milestone[];
}

export function milestonesInPeriod(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): MilestonesInPeriod {
  return {
    from,
    to,
    ...milestoneCounts(db, from, to, today),
    due_list: listMilestones(db, today, { due_from: from, due_to: to }).filter((m) => m.status !== 'dropped'),
    done_list: listMilestones(db, today, { done_from: from, done_to: to }).filter((m) => m.status === 'done'),
    overdue_list: listMilestones(db, today, { due_from: from, due_to: to, overdue: true }),
  };
}

/** The counts of milestonesInPeriod without its lists (a report's intervals need only those). */
export function milestoneCounts(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): Pick<MilestonesInPeriod, 'due' | 'done' | 'done_late' | 'overdue'> {
  // Two range queries, one per indexed date column (an OR of both ranges makes SQLite scan).
  const byDue = statement(db, 
      `SELECT coalesce(sum(m.status <> 'dropped'), 0) AS due, coalesce(sum(${milestoneOverdueSql('m.')}), 0) AS overdue
       FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
       WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND m.due_on BETWEEN @from AND @to`,
    )
    .get({ from, to, today }) as { due: number; overdue: number };
  const byDone = statement(db, 
      `SELECT count(*) AS done, coalesce(sum(m.done_on > m.due_on), 0) AS done_late
       FROM plan_milestones m JOIN plans p ON p.id = m.plan_id
       WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND m.done_on BETWEEN @from AND @to AND m.status = 'done'`,
    )
    .get({ from, to }) as { done: number; done_late: number };
  return { due: byDue.due, done: byDone.done, done_late: byDone.done_late, overdue: byDue.overdue };
}

export interface ProgressInPeriod {
  from: IsoDate;
  to: IsoDate;
  /** Progress notes dated in the period. */
  notes: number;
  /** Plan items with at least one of them. */
  plans: number;
  list: ProgressNote[];
}

export function progressInPeriod(db: Db, from: IsoDate, to: IsoDate, _today?: IsoDate): ProgressInPeriod {
  return { from, to, ...progressCounts(db, from, to), list: listProgress(db, { from, to }) };
}

/** The counts of progressInPeriod without its list. */
export function progressCounts(db: Db, from: IsoDate, to: IsoDate): Pick<ProgressInPeriod, 'notes' | 'plans'> {
  return statement(db, 
      `SELECT count(*) AS notes, count(DISTINCT g.plan_id) AS plans
       FROM plan_progress g JOIN plans p ON p.id = g.plan_id
       WHERE g.deleted_at IS NULL AND p.deleted_at IS NULL AND g.date BETWEEN @from AND @to`,
    )
    .get({ from, to }) as { notes: number; plans: number };
}

export interface PracticalYear {
  year: string;
  /** Practical things counted for the year, not dropped. */
  count: number;
  /** None at all: a gap the report shows. */
  gap: boolean;
  /** More than the seed's three. */
  over_limit: boolean;
}

export interface PracticalThings {
  from: IsoDate;
  to: IsoDate;
  by_year: PracticalYear[];
  /** Every practical thing of those years (dropped ones too), with its status and latest percent. */
  items: Plan[];
}

// The domain's practicalYear, in SQL.
const PRACTICAL_YEAR_SQL = 'substr(coalesce(p.due_on, p.start_on, p.added_on), 1, 4)';

/** The practical things of every calendar year the period touches. */
export function practicalThings(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): PracticalThings {
  const y1 = from.slice(0, 4);
  const y2 = to.slice(0, 4);
  const counts = new Map(
    (
      statement(db, 
          `SELECT ${PRACTICAL_YEAR_SQL} AS year, count(*) AS n FROM plans p
           WHERE p.deleted_at IS NULL AND p.kind = 'practical' AND coalesce(p.status, '') <> 'dropped'
             AND ${PRACTICAL_YEAR_SQL} BETWEEN @y1 AND @y2
           GROUP BY year`,
        )
        .all({ y1, y2 }) as { year: string; n: number }[]
    ).map((r) => [r.year, r.n]),
  );
  const by_year: PracticalYear[] = [];
  for (let y = Number(y1); y <= Number(y2); y++) {
    const count = counts.get(String(y)) ?? 0;
    by_year.push({ year: String(y), count, gap: count === 0, over_limit: count > PRACTICAL_PER_YEAR });
  }
  const items = listPlans(db, today, { kind: 'practical', where: [`${PRACTICAL_YEAR_SQL} BETWEEN @y1 AND @y2`], params: { y1, y2 } });
  return { from, to, by_year, items };
}

export interface GoalsByAreaInPeriod extends GoalsByArea {
  from: IsoDate;
  to: IsoDate;
}

/**
 * Goals that were live in the period (started, or added, by its end; not declared done or dropped
 * before its start), counted per area and current status. Every area appears, with zeros.
 */
export function goalsByArea(db: Db, from: IsoDate, to: IsoDate, today: IsoDate): GoalsByAreaInPeriod {
  const goals = listPlans(db, today, {
    kind: 'goal',
    where: ["coalesce(p.start_on, p.added_on, '0000-01-01') <= @to", "coalesce(p.done_on, p.dropped_on, '9999-12-31') >= @from"],
    params: { from, to },
  });
  return { from, to, ...countGoalsByArea(goals) };
}
