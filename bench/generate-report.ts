// The report benchmark's database, filled through the project's own db layer:
// 1,000,000 visits over 5 years, 10,000 people, 50,000 disputes with steps, 5,000 meetings,
// 2,000 pairings with logs, 500 plan goals with milestones, 200 decisions with steps.
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, PETITION_CHANNELS } from '../src/domain/dispute.js';
import { MEETING_TYPES } from '../src/domain/meeting.js';
import { PLAN_AREAS } from '../src/domain/plan.js';
import { DECISION_STEPS } from '../src/domain/decision.js';
import { insertDecision, recordSteps } from '../src/db/decisions.js';
import { applyStep, insertDispute } from '../src/db/dispute.js';
import { insertMeeting } from '../src/db/meetings.js';
import type { Db } from '../src/db/open.js';
import { insertPair, insertPairLog, updatePair } from '../src/db/pair.js';
import { insertMilestone, markMilestoneDone } from '../src/db/plan-milestones.js';
import { insertPlan, insertProgress } from '../src/db/plans.js';
import { write } from '../src/db/store.js';
import { addDays } from '../src/time/dates.js';
import { addPeople, addVisits, answerConcerns, type Roster } from './generate.js';

const pick = <T>(xs: readonly T[], rand: () => number): T => xs[Math.floor(rand() * xs.length)]!;

export const REPORT_START = '2021-11-28';
const DAYS = 5 * 365;

/** The benchmark's "today": events after it are not generated, so only recent cases are still open. */
const BENCH_TODAY = '2026-11-27';

/**
 * Cases follow the village workflow: most are mediated, agreed and closed at the return visit
 * within about five weeks; a few are withdrawn or escalated; a few agreements are not performed.
 */
function addDisputes(db: Db, roster: Roster, count: number, rand: () => number): void {
  const event = { note: '调解', participants: [], performed: null, satisfied: null, escalated_to: null, revisit_due: null };
  for (let done = 0; done < count; done += 5_000) {
    write(db, () => {
      for (let i = done; i < Math.min(count, done + 5_000); i++) {
        const date = addDays(REPORT_START, Math.floor(rand() * DAYS));
        const source = pick(DISPUTE_SOURCES, rand);
        const id = insertDispute(
          db,
          { title: '邻里纠纷', category: pick(DISPUTE_CATEGORIES, rand), source, channel: source === 'petition' ? pick(PETITION_CHANNELS, rand) : null, risk: null, flags: [], registered_on: date, description: null, visit_id: null },
          [{ person_id: pick(roster.people, rand).id }, { name: '外村人' }],
        );
        const step = (days: number, f: (d: string) => void) => {
          const d = addDays(date, days);
          if (d <= BENCH_TODAY) f(d);
          return d <= BENCH_TODAY;
        };
        const r = rand();
        if (r < 0.03) {
          step(5, (d) => applyStep(db, id, { status: 'withdrawn', status_on: d }, { ...event, date: d, kind: 'withdrawal', from_status: 'registered', to_status: 'withdrawn' }));
          continue;
        }
        if (!step(3, (d) => applyStep(db, id, { status: 'mediating', status_on: d }, { ...event, date: d, kind: 'step', from_status: 'registered', to_status: 'mediating' }))) continue;
        if (r < 0.08) {
          step(25, (d) => applyStep(db, id, { status: 'escalated', status_on: d, escalated_to: '乡调委会' }, { ...event, date: d, kind: 'escalation', from_status: 'mediating', to_status: 'escalated', escalated_to: '乡调委会' }));
          continue;
        }
        const due = addDays(date, 35);
        if (!step(20, (d) => applyStep(db, id, { status: 'resolved', status_on: d, agreed_on: d, agreement: '达成协议', revisit_due: due }, { ...event, date: d, kind: 'agreement', from_status: 'mediating', to_status: 'resolved', revisit_due: due }))) continue;
        step(35, (d) => applyStep(db, id, { status: 'closed', status_on: d }, { ...event, date: d, kind: 'revisit', from_status: 'resolved', to_status: 'closed', performed: true, satisfied: true }));
      }
    });
  }
}

function addMeetings(db: Db, count: number, rand: () => number): void {
  write(db, () => {
    for (let i = 0; i < count; i++) {
      const expected = 20 + Math.floor(rand() * 20);
      insertMeeting(
        db,
        { type: pick(MEETING_TYPES, rand), date: addDays(REPORT_START, Math.floor(rand() * DAYS)), topic: '学习', place: '村部', chair: '李明', recorder: null, expected, present: Math.floor(expected * (0.6 + rand() * 0.4)), vote: false, forced: false, decisions: [], minutes: null },
        [],
      );
    }
  });
}

function addPairs(db: Db, roster: Roster, count: number, rand: () => number): void {
  write(db, () => {
    for (let i = 0; i < count; i++) {
      const start = addDays(REPORT_START, Math.floor(rand() * (DAYS - 120)));
      const id = insertPair(db, { person_id: roster.people[i]!.id, helper: `帮扶人${i % 200}`, needs: '产业帮扶', measures: null, cadence_days: 30, started_on: start });
      for (let k = 1; k <= 5; k++) insertPairLog(db, id, { date: addDays(start, k * 20), action: '走访', result: null });
      // A pairing lasts one to two years (a secretary's term), unless it is still running today.
      const end = addDays(start, 365 + Math.floor(rand() * 365));
      if (end <= BENCH_TODAY) updatePair(db, id, { ended_on: end, outcome: '脱贫' });
    }
  });
}

function addPlan(db: Db, goals: number, rand: () => number): void {
  write(db, () => {
    for (let i = 0; i < goals; i++) {
      const start = addDays(REPORT_START, Math.floor(rand() * (DAYS - 400)));
      const id = insertPlan(db, { kind: i % 100 === 0 ? 'practical' : 'goal', area: pick(PLAN_AREAS, rand), title: `目标${i}`, target: null, measures: null, owner: '李明', start_on: start, due_on: addDays(start, 365), budget: null });
      for (let k = 1; k <= 3; k++) {
        const mid = insertMilestone(db, { plan_id: id, title: `节点${k}`, due_on: addDays(start, k * 100), owner: null });
        if (rand() < 0.6) markMilestoneDone(db, mid, addDays(start, k * 100 - 5), null);
      }
      insertProgress(db, { plan_id: id, date: addDays(start, 50), note: '进展', percent: 30 });
    }
  });
}

function addDecisions(db: Db, count: number, rand: () => number): void {
  write(db, () => {
    for (let i = 0; i < count; i++) {
      const date = addDays(REPORT_START, Math.floor(rand() * (DAYS - 60)));
      const id = insertDecision(db, { matter: '集体土地流转', kind: 'land-forest-transfer', date });
      const steps = DECISION_STEPS.slice(0, 1 + Math.floor(rand() * DECISION_STEPS.length));
      recordSteps(
        db,
        id,
        steps.map((step, k) => ({ step, date: addDays(date, k * 7), meeting_id: null, expected: null, present: null, votes_for: null, passed: null, combined: false, note: null })),
        steps.length === DECISION_STEPS.length ? 'done' : 'in-progress',
      );
    }
  });
}

export function fillReportDb(db: Db, rand: () => number): void {
  const roster = addPeople(db, 10_000, rand);
  addVisits(db, roster, 1_000_000, REPORT_START, DAYS, rand);
  answerConcerns(db, BENCH_TODAY, rand);
  addDisputes(db, roster, 50_000, rand);
  addMeetings(db, 5_000, rand);
  addPairs(db, roster, 2_000, rand);
  addPlan(db, 500, rand);
  addDecisions(db, 200, rand);
}
