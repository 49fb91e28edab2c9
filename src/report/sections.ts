// Each report section: what it counts in a period (its flows: split per interval with --by),
// what state it reports on the period's last day (open, overdue, ...: taken once), its lists
// and how its tables are labelled. Figures come from the db modules of each domain.
import { FLOW_COUNTS } from '../domain/dispute-counts.js';
import type { Figures, SectionName } from '../domain/report.js';
import { computeCoverage, MUST_VISIT_CATEGORIES, VISIT_CATEGORIES, VISIT_TOPICS, zeroTopics, type CategoryCount, type VisitCategory } from '../domain/visits.js';
import { disputeFlowRows, disputeStockRows, longestFinishedCase } from '../db/dispute-counts.js';
import { computeDisputeCounts, type CountRow } from '../domain/dispute-counts.js';
import { averageAttendance, decisionSummary, meetingCompliance, meetingsHeldByType } from '../db/meeting-report.js';
import { complianceGapsOf, judgedOn, requiredTally } from '../domain/compliance.js';
import type { Db } from '../db/open.js';
import { pairActivePerHelper, pairHelpEntriesLogged, pairIntervalCounts, pairOverdueContacts, pairPeopleByKind, pairsStartedAndEnded } from '../db/pair-report.js';
import { goalsByArea, milestoneCounts, practicalThings, progressCounts } from '../db/plan-reports.js';
import { concernFlows, concernStates, staleHouseholdCount, visitCountsByDay, visitReachSplit, type VisitDay } from '../db/report.js';
import { getNumberSetting } from '../db/settings.js';
import { loadCalendar } from '../db/calendar.js';
import { leaveDaysInYear, listPresenceDays, presenceSettings } from '../db/presence.js';
import { summarisePresence } from '../domain/presence.js';
import { monthOf } from '../time/periods.js';
import { earliest, type IsoDate } from '../time/dates.js';
import { eachRange, fromEntries, of, rangeOf, type Range, type SectionSpec } from './section-spec.js';

const visits: SectionSpec = {
  name: 'visits',
  tables: [{ name: 'summary' }, { name: 'by_category', labelKind: 'visit_category' }, { name: 'by_topic', labelKind: 'visit_topic' }, { name: 'state', state: true }],
  flows: ['total'],
  // Category and topic counts come per day from one scan and are summed per interval (ISO weeks
  // included); people and households reached are distinct counts, every interval's from one read.
  count(db, period, intervals) {
    const days = visitCountsByDay(db, period.from, period.to);
    const reached = visitReachSplit(db, period, intervals);
    // Each day's counts go to the period and to the interval it falls in, in one pass.
    const tally = () => new Map<VisitCategory, CategoryCount>(VISIT_CATEGORIES.map((category) => [category, { category, visits: 0, by_topic: zeroTopics() }]));
    const total = tally();
    const per = intervals.map(tally);
    const add = (t: Map<VisitCategory, CategoryCount>, d: VisitDay) => {
      const c = t.get(d.category);
      if (!c) return;
      c.visits += d.visits;
      for (const k of VISIT_TOPICS) c.by_topic[k] += d.by_topic[k];
    };
    for (const d of days) {
      add(total, d);
      const i = rangeOf(intervals, d.date);
      if (i >= 0) add(per[i]!, d);
    }
    const figures = (t: Map<VisitCategory, CategoryCount>, reach: { people: number; households: number }): Figures => {
      const cov = computeCoverage([...t.values()]);
      return {
        summary: { total: cov.total, people: reach.people, households: reach.households },
        by_category: fromEntries(VISIT_CATEGORIES.map((k) => [k, cov.rows.find((row) => row.category === k)?.total ?? 0])),
        by_topic: { ...cov.topic_totals },
      };
    };
    return { total: figures(total, reached.total), per: per.map((t, i) => figures(t, reached.per[i]!)) };
  },
  state: (db, period) => ({ state: { households_not_visited: staleHouseholdCount(db, period.asOf, getNumberSetting(db, 'visit.stale_days')) } }),
  lists(_db, _period, total) {
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
  count(db, period, intervals) {
    const ranges = [period, ...intervals];
    const states = concernStates(db, ranges.map((r) => r.asOf));
    const [total, ...per] = ranges.map((r, i) => ({ summary: { ...concernFlows(db, r.from, r.to), ...states[i]! } }));
    return { total: total!, per };
  },
  state: () => ({}),
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
  flows: [...FLOW_COUNTS],
  // The flows: a query per interval, the period's their sum (intervals tile it). The stock (open,
  // overdue, ...): as of each range's last day.
  count(db, period, intervals) {
    const perInterval = intervals.map((r) => disputeFlowRows(db, r.from, r.to));
    const rows = intervals.length ? perInterval.flat() : disputeFlowRows(db, period.from, period.to);
    const mediationDays = getNumberSetting(db, 'dispute.mediation_days');
    // The period and its last interval end on the same day: take that day's stock once.
    const days = new Set([period.asOf, ...intervals.map((r) => r.asOf)]);
    const longest = days.size > 1 ? longestFinishedCase(db, earliest(days)) : undefined;
    const stock = new Map<IsoDate, ReturnType<typeof disputeStockRows>>();
    const stockOn = (day: IsoDate) => stock.get(day) ?? stock.set(day, disputeStockRows(db, day, mediationDays, longest)).get(day)!;
    const figures = (r: Range, flows: CountRow[]): Figures => {
      const c = computeDisputeCounts([...flows, ...stockOn(r.asOf)], r.from, r.to, r.asOf);
      const registered = (table: Record<string, { registered: number }>) => fromEntries(Object.entries(table).map(([k, v]) => [k, v.registered]));
      return { summary: { ...c.total }, petitions: { ...c.petitions }, by_category: registered(c.by_category), by_source: registered(c.by_source) };
    };
    return { total: figures(period, rows), per: intervals.map((r, i) => figures(r, perInterval[i]!)) };
  },
  state: () => ({}),
  lists: () => [],
};

const pairs: SectionSpec = {
  name: 'pairs',
  tables: [{ name: 'summary' }, { name: 'help_entries_by_helper', names: true }, { name: 'state', state: true }, { name: 'active_per_helper', names: true, state: true }],
  flows: ['help_entries', 'started', 'ended'],
  // The period by its queries; its intervals all from one read of the pairings and their entries.
  count(db, period, intervals, once) {
    const entries = pairHelpEntriesLogged(db, period.from, period.to, period.asOf);
    const se = pairsStartedAndEnded(db, period.from, period.to, period.asOf);
    const active = once(of('active', period), () => pairActivePerHelper(db, period.from, period.to, period.asOf));
    const total: Figures = {
      summary: {
        active: active.reduce((n, h) => n + h.active_at_end, 0),
        help_entries: entries.total,
        started: se.started,
        ended: se.ended,
        overdue: once(of('overdue', period), () => pairOverdueContacts(db, period.from, period.to, period.asOf)).total,
      },
      help_entries_by_helper: fromEntries(entries.by_helper.map((h) => [h.helper, h.entries])),
    };
    const per = pairIntervalCounts(db, intervals).map((c) => ({
      summary: { active: c.active, help_entries: c.help_entries, started: c.started, ended: c.ended, overdue: c.overdue },
      help_entries_by_helper: Object.fromEntries(c.entries_by_helper),
    }));
    return { total, per };
  },
  // Per helper, only on the period's last day: a breakdown by name would be one column per helper and interval.
  state(db, p, once) {
    // People helped over the whole period, party members and villagers apart (distinct people).
    const people = pairPeopleByKind(db, p.from, p.to, p.asOf).people;
    return {
      state: { party_members: people['party-member'], villagers: people.villager },
      active_per_helper: fromEntries(once(of('active', p), () => pairActivePerHelper(db, p.from, p.to, p.asOf)).map((h) => [h.helper, h.active_at_end])),
    };
  },
  lists(db, p, _total, once) {
    return [
      {
        name: 'overdue_contacts',
        columns: [{ key: 'person', name: true }, { key: 'helper', name: true }, { key: 'last_contact' }, { key: 'next_contact_due' }],
        rows: once(of('overdue', p), () => pairOverdueContacts(db, p.from, p.to, p.asOf)).pairings.map((x) => ({ person: x.person, person_id: x.person_id, helper: x.helper, last_contact: x.last_contact, next_contact_due: x.next_contact_due })),
      },
    ];
  },
};

/** Meeting compliance of a range is judged on judgedOn (src/domain/compliance.ts): each gap so falls in the period, and the --by column, in which its month, quarter or year ends. */
const judged = (r: Range) => judgedOn(r.asOf, r.today);

const meetings: SectionSpec = {
  name: 'meetings',
  tables: [{ name: 'summary' }, { name: 'held_by_type', labelKind: 'meeting_type' }, { name: 'attendance', labelKind: 'report.meetings', ratio: true }],
  flows: ['held'],
  count: eachRange((db, r, once) => {
    const byType = meetingsHeldByType(db, r.from, r.to, r.asOf);
    const att = averageAttendance(db, r.from, r.to, r.asOf);
    return {
      summary: { held: byType.reduce((n, x) => n + x.held, 0), forced: byType.reduce((n, x) => n + x.forced, 0), ...requiredTally(once(of('compliance', r), () => meetingCompliance(db, r.from, r.to, judged(r))), r.to) },
      held_by_type: fromEntries(byType.map((x) => [x.type, x.held])),
      attendance: { rate: att.rate ?? Number.NaN },
    };
  }),
  state: () => ({}),
  lists(db, p, _total, once) {
    return [
      {
        name: 'missing',
        columns: [{ key: 'type', labelKind: 'meeting_type' }, { key: 'interval' }, { key: 'from' }, { key: 'to' }, { key: 'required' }, { key: 'held' }],
        rows: complianceGapsOf(once(of('compliance', p), () => meetingCompliance(db, p.from, p.to, judged(p)))).map(({ type, interval, from, to, required, held }) => ({ type, interval, from, to, required, held })),
      },
    ];
  },
};

const decisions: SectionSpec = {
  name: 'decisions',
  tables: [{ name: 'summary' }],
  flows: ['started', 'completed', 'rejected'],
  count: eachRange((db, r, once) => {
    const s = once(of('summary', r), () => decisionSummary(db, r.from, r.to, r.asOf, getNumberSetting(db, 'decision.stall_days')));
    return { summary: { started: s.started, completed: s.completed, rejected: s.rejected, stuck: s.stuck.length } };
  }),
  state: () => ({}),
  lists(db, p, _total, once) {
    return [
      {
        name: 'stuck',
        columns: [{ key: 'matter' }, { key: 'last_step', labelKind: 'decision_step' }, { key: 'next_step', labelKind: 'decision_step' }, { key: 'since' }, { key: 'days' }],
        rows: once(of('summary', p), () => decisionSummary(db, p.from, p.to, p.asOf, getNumberSetting(db, 'decision.stall_days'))).stuck.map(({ matter, last_step, next_step, since, days }) => ({ matter, last_step, next_step, since, days })),
      },
    ];
  },
};

const plan: SectionSpec = {
  name: 'plan',
  tables: [{ name: 'summary' }, { name: 'goals_by_area', labelKind: 'plan_area', state: true }],
  flows: ['milestones_done', 'progress_notes'],
  count: eachRange((db, r) => {
    const m = milestoneCounts(db, r.from, r.to, r.asOf);
    return { summary: { milestones_due: m.due, milestones_done: m.done, overdue: m.overdue, progress_notes: progressCounts(db, r.from, r.to).notes } };
  }),
  state: (db, p) => ({ goals_by_area: fromEntries(goalsByArea(db, p.from, p.to, p.asOf).rows.map((x) => [x.area, x.goals])) }),
  lists(db, p) {
    const things = practicalThings(db, p.from, p.to, p.asOf);
    return [
      {
        name: 'practical',
        columns: [{ key: 'title' }, { key: 'status', labelKind: 'plan_status' }, { key: 'percent' }, { key: 'due_on' }, { key: 'owner', name: true }],
        rows: things.items.map((i) => ({ title: i.title, status: i.status, percent: i.percent, due_on: i.due_on, owner: i.owner })),
      },
      { name: 'practical_gaps', flat: true, columns: [{ key: 'year' }], rows: things.by_year.filter((y) => y.gap).map((y) => ({ year: y.year })) },
    ];
  },
};

/** A month or a year, the intervals the presence rules set targets for (none for a week or a range). */
function presencePeriod(r: Range): { from: IsoDate; to: IsoDate; unit: string } {
  const [y, m] = [Number(r.from.slice(0, 4)), Number(r.from.slice(5, 7))];
  const unit = r.from.endsWith('-01-01') && r.to === `${y}-12-31` ? 'year' : r.from.endsWith('-01') && r.to === monthOf(y, m).to ? 'month' : 'range';
  return { from: r.from, to: r.to, unit };
}

function presenceSummary(db: Db, r: Range) {
  const p = presencePeriod(r);
  return summarisePresence(p, listPresenceDays(db, r.from, r.to), leaveDaysInYear(db, Number(r.asOf.slice(0, 4)), r.asOf), loadCalendar(db, r.from, r.to), presenceSettings(db), r.asOf);
}

const presence: SectionSpec = {
  name: 'presence',
  tables: [{ name: 'summary' }, { name: 'by_status', labelKind: 'presence_status' }, { name: 'state', state: true }],
  // Days in the village are not work done: a week with presence alone is still a zero report.
  flows: [],
  count: eachRange((db, r, once) => {
    const s = once(of('presence', r), () => presenceSummary(db, r));
    return {
      summary: { days_in_village: s.days_in_village, days_counted: s.days_counted, leave_days: s.leave_days.total, unrecorded_working_days: s.unrecorded_working_days },
      by_status: { 'in-village': s.days_in_village, business: s.days_business, training: s.days_training, leave: s.leave_days.total, absent: s.days_absent },
    };
  }),
  state(db, p, once) {
    const s = once(of('presence', p), () => presenceSummary(db, p));
    const state: Record<string, number> = s.target === null ? {} : { target: s.target, target_met: s.target_met ? 1 : 0, needed: s.needed ?? 0 };
    return { state };
  },
  lists: () => [],
};

export const SECTION_SPECS: Record<SectionName, SectionSpec> = { visits, concerns, disputes, pairs, meetings, decisions, plan, presence };
