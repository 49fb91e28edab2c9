// Each report section: which figures it counts (from the db modules of its domain), how its
// tables are labelled, and the lists that are not counts. Figures are computed for the whole
// period and, with --by, for each interval; lists and details once.
import { computeCoverage, MUST_VISIT_CATEGORIES, VISIT_CATEGORIES, VISIT_TOPICS } from '../domain/visits.js';
import type { Figures, ReportList, SectionName } from '../domain/report.js';
import { disputePeriodCounts } from '../db/dispute-counts.js';
import { averageAttendance, complianceGaps, decisionSummary, meetingsHeldByType } from '../db/meeting-report.js';
import type { Db } from '../db/open.js';
import { pairFigures } from '../db/pair-report.js';
import { goalsByArea, milestonesInPeriod, practicalThings, progressInPeriod } from '../db/plan-reports.js';
import { concernFigures, staleHouseholdCount, visitCountsByCategory, visitReach } from '../db/report.js';
import { getNumberSetting } from '../db/settings.js';
import { addDays, type IsoDate } from '../time/dates.js';

export interface SectionSpec {
  name: SectionName;
  /** Figure tables in display order; the first is the summary. */
  tables: { name: string; labelKind?: string; names?: boolean; ratio?: boolean }[];
  /** Summary metrics that count what happened in the period (the zero-report test). */
  flows: string[];
  /**
   * `asOf` is the period's end, or today while it runs. `today` itself is for the rules that judge
   * whole intervals by whether they are over (meeting compliance, see judgedOn).
   */
  figures(db: Db, from: IsoDate, to: IsoDate, asOf: IsoDate, today: IsoDate): Figures;
  /** Lists that are not counts; `total` is the whole period's figures, computed already. */
  lists(db: Db, from: IsoDate, to: IsoDate, asOf: IsoDate, total: Figures, today: IsoDate): ReportList[];
}

const fromEntries = <T>(entries: [string, T][]) => Object.fromEntries(entries) as Record<string, T>;

const visits: SectionSpec = {
  name: 'visits',
  tables: [{ name: 'summary' }, { name: 'by_category', labelKind: 'visit_category' }, { name: 'by_topic', labelKind: 'visit_topic' }],
  flows: ['total'],
  figures(db, from, to, asOf) {
    const cov = computeCoverage(visitCountsByCategory(db, from, to));
    const reach = visitReach(db, from, to);
    const byCategory = new Map(cov.rows.map((r) => [r.category, r.total]));
    return {
      summary: {
        total: cov.total,
        people: reach.people,
        households: reach.households,
        households_not_visited: staleHouseholdCount(db, asOf, getNumberSetting(db, 'visit.stale_days')),
      },
      by_category: fromEntries(VISIT_CATEGORIES.map((k) => [k, byCategory.get(k) ?? 0])),
      by_topic: { ...cov.topic_totals },
    };
  },
  lists(_db, _from, _to, _asOf, total) {
    const none = (table: string, keys: readonly string[]) => keys.filter((k) => (total[table]?.[k] ?? 0) === 0);
    return [
      { name: 'uncovered_categories', flat: true, columns: [{ key: 'category', labelKind: 'visit_category' }], rows: none('by_category', MUST_VISIT_CATEGORIES).map((category) => ({ category })) },
      { name: 'uncovered_topics', flat: true, columns: [{ key: 'topic', labelKind: 'visit_topic' }], rows: none('by_topic', VISIT_TOPICS).map((topic) => ({ topic })) },
    ];
  },
};

const concerns: SectionSpec = {
  name: 'concerns',
  tables: [{ name: 'summary' }],
  flows: ['raised', 'resolved'],
  figures: (db, from, to, asOf) => ({ summary: { ...concernFigures(db, from, to, asOf) } }),
  lists: () => [],
};

const disputes: SectionSpec = {
  name: 'disputes',
  tables: [
    { name: 'summary' },
    { name: 'petitions', labelKind: 'report.disputes' },
    { name: 'by_category', labelKind: 'dispute_category' },
    { name: 'by_source', labelKind: 'dispute_source' },
  ],
  flows: ['registered', 'resolved', 'closed', 'escalated', 'withdrawn'],
  figures(db, from, to, asOf) {
    const c = disputePeriodCounts(db, from, to, asOf);
    const registered = (table: Record<string, { registered: number }>) => fromEntries(Object.entries(table).map(([k, v]) => [k, v.registered]));
    return { summary: { ...c.total }, petitions: { ...c.petitions }, by_category: registered(c.by_category), by_source: registered(c.by_source) };
  },
  lists: () => [],
};

const pairs: SectionSpec = {
  name: 'pairs',
  tables: [{ name: 'summary' }, { name: 'active_per_helper', names: true }, { name: 'help_entries_by_helper', names: true }],
  flows: ['help_entries', 'started', 'ended'],
  figures(db, from, to, asOf) {
    const f = pairFigures(db, from, to, asOf);
    return {
      summary: {
        active: f.active_per_helper.reduce((n, h) => n + h.active_at_end, 0),
        help_entries: f.help_entries.total,
        started: f.started_ended.started,
        ended: f.started_ended.ended,
        overdue: f.overdue.total,
        party_members: f.people_by_kind.people['party-member'],
        villagers: f.people_by_kind.people.villager,
      },
      active_per_helper: fromEntries(f.active_per_helper.map((h) => [h.helper, h.active_at_end])),
      help_entries_by_helper: fromEntries(f.help_entries.by_helper.map((h) => [h.helper, h.entries])),
    };
  },
  lists(db, from, to, asOf) {
    const f = pairFigures(db, from, to, asOf);
    return [
      {
        name: 'overdue_contacts',
        columns: [{ key: 'person', name: true }, { key: 'helper', name: true }, { key: 'last_contact' }, { key: 'next_contact_due' }],
        rows: f.overdue.pairings.map((p) => ({ person: p.person, person_id: p.person_id, helper: p.helper, last_contact: p.last_contact, next_contact_due: p.next_contact_due })),
      },
    ];
  },
};

/**
 * The "today" meeting compliance is judged on. It misses an interval once the interval is over,
 * and an interval ending on "today" is not over yet. A period that has ended is judged as it stood
 * at the end of its last day (so the day after), one still running on the real today. Passing asOf
 * (the last day) would never count the period's last month as missed. Each gap so falls in the
 * period, and the --by column, in which its month, quarter or year ends.
 */
const judgedOn = (asOf: IsoDate, today: IsoDate) => (asOf < today ? addDays(asOf, 1) : today);

const meetings: SectionSpec = {
  name: 'meetings',
  tables: [{ name: 'summary' }, { name: 'held_by_type', labelKind: 'meeting_type' }, { name: 'attendance', labelKind: 'report.meetings', ratio: true }],
  flows: ['held'],
  figures(db, from, to, asOf, today) {
    const byType = meetingsHeldByType(db, from, to, asOf);
    const att = averageAttendance(db, from, to, asOf);
    return {
      summary: {
        held: byType.reduce((n, r) => n + r.held, 0),
        forced: byType.reduce((n, r) => n + r.forced, 0),
        gaps: complianceGaps(db, from, to, judgedOn(asOf, today)).length,
      },
      held_by_type: fromEntries(byType.map((r) => [r.type, r.held])),
      attendance: { rate: att.rate ?? Number.NaN },
    };
  },
  lists(db, from, to, asOf, _total, today) {
    return [
      {
        name: 'missing',
        columns: [{ key: 'type', labelKind: 'meeting_type' }, { key: 'interval' }, { key: 'from' }, { key: 'to' }, { key: 'required' }, { key: 'held' }],
        rows: complianceGaps(db, from, to, judgedOn(asOf, today)).map(({ type, interval, from: f, to: t, required, held }) => ({ type, interval, from: f, to: t, required, held })),
      },
    ];
  },
};

const decisions: SectionSpec = {
  name: 'decisions',
  tables: [{ name: 'summary' }],
  flows: ['started', 'completed', 'rejected'],
  figures(db, from, to, asOf) {
    const s = decisionSummary(db, from, to, asOf);
    return { summary: { started: s.started, completed: s.completed, rejected: s.rejected, stuck: s.stuck.length } };
  },
  lists(db, from, to, asOf) {
    return [
      {
        name: 'stuck',
        columns: [{ key: 'matter' }, { key: 'last_step', labelKind: 'decision_step' }, { key: 'next_step', labelKind: 'decision_step' }, { key: 'since' }, { key: 'days' }],
        rows: decisionSummary(db, from, to, asOf).stuck.map(({ matter, last_step, next_step, since, days }) => ({ matter, last_step, next_step, since, days })),
      },
    ];
  },
};

const plan: SectionSpec = {
  name: 'plan',
  tables: [{ name: 'summary' }, { name: 'goals_by_area', labelKind: 'plan_area' }],
  flows: ['milestones_done', 'progress_notes'],
  figures(db, from, to, asOf) {
    const m = milestonesInPeriod(db, from, to, asOf);
    const goals = goalsByArea(db, from, to, asOf);
    return {
      summary: { milestones_due: m.due, milestones_done: m.done, overdue: m.overdue, progress_notes: progressInPeriod(db, from, to, asOf).notes },
      goals_by_area: fromEntries(goals.rows.map((r) => [r.area, r.goals])),
    };
  },
  lists(db, from, to, asOf) {
    const p = practicalThings(db, from, to, asOf);
    return [
      {
        name: 'practical',
        columns: [{ key: 'title' }, { key: 'status', labelKind: 'plan_status' }, { key: 'percent' }, { key: 'due_on' }, { key: 'owner', name: true }],
        rows: p.items.map((i) => ({ title: i.title, status: i.status, percent: i.percent, due_on: i.due_on, owner: i.owner })),
      },
      { name: 'practical_gaps', flat: true, columns: [{ key: 'year' }], rows: p.by_year.filter((y) => y.gap).map((y) => ({ year: y.year })) },
    ];
  },
};

export const SECTION_SPECS: Record<SectionName, SectionSpec> = { visits, concerns, disputes, pairs, meetings, decisions, plan };
