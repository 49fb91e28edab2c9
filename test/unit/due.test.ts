// The due rules as tables on their boundary days, with today pinned: due today is days 0 and not
// overdue, the day after is overdue (-1); a pending meeting is due on its interval's last day.
import { describe, expect, it } from 'vitest';
import type { ComplianceRow } from '../../src/domain/compliance.js';
import type { Concern } from '../../src/domain/concerns.js';
import type { Dispute } from '../../src/domain/dispute.js';
import { dueItems, filterKinds, type DueItem, type DueState } from '../../src/domain/due.js';
import type { PresenceSummary } from '../../src/domain/presence.js';
import type { Milestone, Plan } from '../../src/domain/plan.js';
import type { Pair } from '../../src/domain/pair.js';
import { zeroTopics, type CategoryCount } from '../../src/domain/visits.js';
import { setLang } from '../../src/i18n/index.js';

const empty = (over: Partial<DueState> = {}): DueState => ({
  ledgerStart: '2026-01-01',
  settings: { mediationDays: 30, staleDays: 90, stallDays: 30 },
  concerns: [],
  disputes: [],
  pairs: [],
  meetings: [],
  milestones: [],
  practical: [],
  decisions: [],
  staleHouseholds: [],
  // Every category and topic covered this month: no coverage items unless a test says so.
  coverage: (['party-cadre', 'village-rep', 'rich-expert', 'poor-household', 'ordinary-household'] as const).map((category) => ({
    category,
    visits: 1,
    by_topic: { team: 1, opinion: 1, development: 1, hardship: 1, disputes: 1 },
  })),
  presence: null,
  ...over,
});

const concern = (over: Partial<Concern>): Concern => ({
  id: 12, uid: 'c-uid', visit_id: 1, person_id: 3, person: '王秀英', raised_on: '2026-10-01', text: '修屋顶', status: 'open',
  referred_to: null, due_on: '2026-10-31', resolved_on: null, feedback_on: null, note: null, created_at: '', updated_at: '', ...over,
});
const dispute = (over: Partial<Dispute>): Dispute => ({
  id: 5, uid: 'd-uid', title: '宅基地边界', category: 'homestead', source: 'visit', channel: null, risk: null, flags: [],
  registered_on: '2026-11-01', description: null, visit_id: null, visit_date: null, visit_person: null, status: 'mediating',
  status_on: '2026-11-01', agreed_on: null, agreement: null, responsibility: null, perform_by: null, court_confirmation: false,
  revisit_due: null, escalated_to: null, parties: [{ name: '张三' }, { name: '李四' }] as Dispute['parties'], created_at: '', updated_at: '', ...over,
});
const pair = (over: Partial<Pair>): Pair => ({
  id: 3, uid: 'p-uid', person_id: 3, person: '王秀英', person_tags: [], person_kind: 'villager', helper: '李明', needs: 'x', measures: null,
  cadence_days: 30, started_on: '2026-10-01', ended_on: null, outcome: null, last_contact: '2026-11-01', entries: 1, created_at: '', updated_at: '', ...over,
});
const meeting = (over: Partial<ComplianceRow>): ComplianceRow => ({
  type: 'branch-committee', interval: '2026-12', from: '2026-12-01', to: '2026-12-31', required: 1, held: 0, ok: false, status: 'pending', ...over,
});
const milestone = (over: Partial<Milestone>): Milestone => ({
  id: 7, uid: 'm-uid', plan_id: 2, plan: '茶叶合作社', title: '签订收购协议', due_on: '2026-12-01', owner: '李明', status: 'planned', done_on: null,
  note: null, dropped_on: null, drop_reason: null, overdue: false, created_at: '', updated_at: '', ...over,
});

const days = (items: DueItem[]) => items.map((i) => `${i.reason}:${i.due}:${i.days}`);

setLang('en');

describe('dueItems: each rule on its boundary days', () => {
  it.each([
    // [today, expected] for a concern due 2026-10-31 (raised 10-01: day 30 is its due day)
    ['2026-10-23', []], // 8 days ahead: outside a 7-day horizon
    ['2026-10-24', ['concern-due:2026-10-31:7']], // the horizon's last day
    ['2026-10-31', ['concern-due:2026-10-31:0']], // due today: not overdue
    ['2026-11-01', ['concern-due:2026-10-31:-1']], // day 31: overdue
  ])('concern due 10-31, today %s', (today, want) => {
    expect(days(dueItems(empty({ concerns: [concern({})] }), today, 7))).toEqual(want);
  });

  it('a concern: resolved but not told is due at once (or by its due date); finished ones and undated ones are not listed', () => {
    const state = empty({
      concerns: [
        concern({ id: 1, uid: 'a', status: 'resolved', resolved_on: '2026-11-20', due_on: '2026-11-10' }),
        concern({ id: 2, uid: 'b', status: 'resolved', resolved_on: '2026-11-20', due_on: '2026-11-30' }),
        concern({ id: 3, uid: 'c', status: 'resolved', resolved_on: '2026-11-20', feedback_on: '2026-11-21' }),
        concern({ id: 4, uid: 'd', status: 'referred', referred_to: '镇民政办', due_on: null }),
      ],
    });
    const items = dueItems(state, '2026-11-27', 7);
    expect(items.map((i) => [i.ref.id, i.reason, i.due, i.days, i.action])).toEqual([
      [1, 'concern-feedback', '2026-11-20', -7, 'fs concern update 1 --feedback-on today'],
      [2, 'concern-feedback', '2026-11-30', 3, 'fs concern update 2 --feedback-on today'],
    ]);
  });

  it.each([
    // registered 11-01, mediation_days 30: deadline 12-01, overdue from 12-02
    ['2026-12-01', ['dispute-mediation:2026-12-01:0']],
    ['2026-12-02', ['dispute-mediation:2026-12-01:-1']],
  ])('dispute in mediation, today %s', (today, want) => {
    expect(days(dueItems(empty({ disputes: [dispute({})] }), today, 7))).toEqual(want);
  });

  it('a resolved dispute: the return visit, and the court window while it is open only', () => {
    const d = dispute({ status: 'resolved', agreed_on: '2026-11-10', revisit_due: '2026-11-25', court_confirmation: true });
    // court window: agreed 11-10 + 30 = 12-10
    expect(days(dueItems(empty({ disputes: [d] }), '2026-12-05', 7))).toEqual(['dispute-revisit:2026-11-25:-10', 'dispute-court:2026-12-10:5']);
    expect(days(dueItems(empty({ disputes: [d] }), '2026-12-10', 7))).toEqual(['dispute-revisit:2026-11-25:-15', 'dispute-court:2026-12-10:0']);
    expect(days(dueItems(empty({ disputes: [d] }), '2026-12-11', 7))).toEqual(['dispute-revisit:2026-11-25:-16']);
    expect(dueItems(empty({ disputes: [d] }), '2026-12-05', 7)[0]).toMatchObject({ person: '张三, 李四', action: 'fs dispute revisit 5' });
  });

  it.each([
    // last contact 11-01, cadence 30: next contact due 12-01
    ['2026-12-01', ['pair-contact:2026-12-01:0']],
    ['2026-12-02', ['pair-contact:2026-12-01:-1']],
  ])('pairing, today %s', (today, want) => {
    expect(days(dueItems(empty({ pairs: [pair({})] }), today, 0))).toEqual(want);
  });

  it('meetings: pending due on the interval end, missing overdue; ok ones not listed', () => {
    const state = empty({
      meetings: [
        meeting({ interval: '2026-11', from: '2026-11-01', to: '2026-11-30', status: 'missing' }),
        meeting({}),
        meeting({ type: 'theme-day', held: 1, ok: true, status: 'ok' }),
      ],
    });
    expect(days(dueItems(state, '2026-12-31', 0))).toEqual(['meeting-missing:2026-11-30:-31', 'meeting-pending:2026-12-31:0']);
    // On 1 December with the default horizon, December's pending meeting is beyond the 7 days; with 30 it shows.
    expect(days(dueItems(state, '2026-12-01', 7))).toEqual(['meeting-missing:2026-11-30:-1']);
    expect(days(dueItems(state, '2026-12-01', 30))).toEqual(['meeting-missing:2026-11-30:-1', 'meeting-pending:2026-12-31:30']);
    const [missing] = dueItems(state, '2026-12-01', 7);
    expect(missing).toMatchObject({ ref: { entity: 'meeting', id: null, uid: null }, title: 'branch committee meeting, 2026-11: missing', action: 'fs meeting add --type branch-committee' });
  });

  it('plan: open milestones and practical things; done and dropped ones are not due', () => {
    const practical = { id: 4, uid: 'pl-uid', kind: 'practical', title: '路灯', due_on: '2026-11-30', status: 'in-progress', owner: null } as unknown as Plan;
    const state = empty({
      milestones: [milestone({}), milestone({ id: 8, uid: 'm2', status: 'done' }), milestone({ id: 9, uid: 'm3', status: 'dropped' })],
      practical: [practical, { ...practical, id: 5, uid: 'x', status: 'done' } as Plan, { ...practical, id: 6, uid: 'y', due_on: null } as Plan],
    });
    expect(dueItems(state, '2026-12-01', 7).map((i) => [i.reason, i.ref.id, i.days, i.action])).toEqual([
      ['plan-practical', 4, -1, 'fs plan done 4'],
      ['plan-milestone', 7, 0, 'fs plan milestone done 7'],
    ]);
  });

  it.each([
    // last step 11-01, stall 30: due 12-01, stalled ("waited more than 30 days") from 12-02, day 31
    ['2026-12-01', ['decision-stalled:2026-12-01:0']],
    ['2026-12-02', ['decision-stalled:2026-12-01:-1']],
  ])('decision, today %s', (today, want) => {
    const row = { id: 4, uid: 'dec', matter: '集体林地流转', kind: 'land-forest-transfer' as const, date: '2026-10-01', taken: 1, last_step: 'proposal' as const, last_date: '2026-11-01' };
    const items = dueItems(empty({ decisions: [row] }), today, 0);
    expect(days(items)).toEqual(want);
    expect(items[0]).toMatchObject({ action: 'fs decision step 4 --step consultation', title: '集体林地流转: next step two committees consult' });
  });

  it('visits: a household stale after visit.stale_days (never visited: since the ledger began); categories and topics by month end', () => {
    const coverage: CategoryCount[] = [{ category: 'party-cadre', visits: 2, by_topic: { ...zeroTopics(), team: 2 } }];
    const state = empty({
      staleHouseholds: [
        { household_id: 1, uid: 'h1', household: '王家', last_visit: '2026-09-01' },
        { household_id: 2, uid: 'h2', household: '李家', last_visit: null },
      ],
      coverage,
    });
    const items = dueItems(state, '2026-11-30', 0);
    expect(days(items)).toEqual([
      'visit-stale:2026-01-01:-333',
      'visit-stale:2026-11-30:0', // 09-01 + 90
      'visit-category:2026-11-30:0', 'visit-category:2026-11-30:0', 'visit-category:2026-11-30:0', 'visit-category:2026-11-30:0',
      'visit-topic:2026-11-30:0', 'visit-topic:2026-11-30:0', 'visit-topic:2026-11-30:0', 'visit-topic:2026-11-30:0',
    ]);
    expect(items.filter((i) => i.reason === 'visit-topic').map((i) => i.action).sort()).toEqual([
      'fs visit add --topic development', 'fs visit add --topic disputes', 'fs visit add --topic hardship', 'fs visit add --topic opinion',
    ]);
    expect(items.filter((i) => i.reason === 'visit-category').map((i) => i.action)).not.toContain('fs visit add --category party-cadre');
    expect(items[0]).toMatchObject({ ref: { entity: 'household', id: 2, uid: 'h2' }, title: 'Visit household 李家' });
    // Not yet the month end and a short horizon: the month's gaps wait.
    expect(dueItems(state, '2026-11-20', 7).filter((i) => i.reason !== 'visit-stale')).toEqual([]);
  });
});

describe('dueItems: the list', () => {
  const state = empty({
    concerns: [concern({})],
    pairs: [pair({})],
    meetings: [meeting({})],
    disputes: [dispute({ registered_on: '2026-11-20', status_on: '2026-11-20' })],
  });

  it('sorted by due date, overdue first, each item with the contract keys and a stable key', () => {
    const items = dueItems(state, '2026-12-01', 30);
    expect(items.map((i) => i.due)).toEqual([...items.map((i) => i.due)].sort());
    expect(items[0]!.days).toBeLessThan(0);
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['action', 'days', 'due', 'key', 'kind', 'person', 'reason', 'ref', 'title']);
    expect(items.map((i) => i.key)).toEqual(['c-uid:concern-due', 'p-uid:pair-contact', 'd-uid:dispute-mediation', 'meeting/branch-committee/2026-12:meeting-pending']);
    // The same state a day later gives the same keys: an ics event keeps its UID.
    expect(dueItems(state, '2026-12-02', 30).map((i) => i.key)).toEqual(items.map((i) => i.key));
  });

  it('--kind filters; none given keeps all', () => {
    const items = dueItems(state, '2026-12-01', 30);
    expect(filterKinds(items, ['pair', 'meeting']).map((i) => i.kind)).toEqual(['pair', 'meeting']);
    expect(filterKinds(items, [])).toEqual(items);
  });

  it('titles in Chinese', () => {
    setLang('zh');
    try {
      const items = dueItems(state, '2026-12-01', 30);
      expect(items.map((i) => i.title)).toEqual(['修屋顶', '结对联系 王秀英（李明）', '调解期限：宅基地边界', '2026-12 支部委员会会议：尚未召开']);
    } finally {
      setLang('en');
    }
  });

  it('an empty ledger has nothing due', () => {
    expect(dueItems(empty(), '2026-12-01', 7)).toEqual([]);
  });
});

describe('presence on the agenda', () => {
  const month = (over: Partial<PresenceSummary>): PresenceSummary => ({
    from: '2026-11-01', to: '2026-11-30', days_in_village: 12, days_counted: 12, days_business: 0, days_training: 0, days_absent: 0,
    leave_days: { personal: 0, sick: 0, annual: 0, other: 0, total: 0 }, working_days: 21, unrecorded_working_days: 0, target: 20,
    target_met: false, needed: 8, days_left: 10, working_days_left: 9, out_of_reach: false, year_leave_days: 0, year_leave_over: false, uncovered_years: [],
    ...over,
  });
  it('a shortfall is due on the last day the target can still be reached, in the words of the rule', () => {
    setLang('zh');
    const [item] = dueItems(empty({ presence: { month: month({}), firstUnrecorded: null } }), '2026-11-20', 7);
    expect(item).toMatchObject({ kind: 'presence', reason: 'presence-shortfall', due: '2026-11-23', days: 3, title: '本月在村12天，需20天，剩余9个工作日', action: 'fs presence in' });
    setLang('en');
  });
  it('a month met has no shortfall; unrecorded working days and leave over the limit are items', () => {
    const items = dueItems(empty({ presence: { month: month({ needed: 0, target_met: true, unrecorded_working_days: 2, year_leave_over: true, year_leave_days: 31 }), firstUnrecorded: '2026-11-03' } }), '2026-11-20', 7);
    expect(items.map((i) => [i.reason, i.due])).toEqual([['presence-unrecorded', '2026-11-03'], ['presence-leave', '2026-11-20']]);
  });
  it('no presence kept, no presence items', () => {
    expect(dueItems(empty(), '2026-11-20', 30).filter((i) => i.kind === 'presence')).toEqual([]);
  });
});
