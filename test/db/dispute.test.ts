// Dispute queries on a temporary database: overdue and return-visit lists on their boundary
// days, and the monthly report's period counts (including the state on a past day).
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { planStep, type DisputeCategory, type DisputeSource, type PetitionChannel, type StepInput } from '../../src/domain/dispute.js';
import { applyStep, getDispute, insertDispute, listDisputes, listEvents } from '../../src/db/dispute.js';
import { disputePeriodCounts } from '../../src/db/dispute-counts.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { setSetting } from '../../src/db/settings.js';
import { write } from '../../src/db/store.js';
import { tempDir } from '../helpers/cli.js';

let db: Db;
let n = 0;
const dir = tempDir();

beforeEach(async () => {
  db?.close();
  db = await openDatabase(join(dir, `d${++n}.db`));
});

function register(date: string, category: DisputeCategory = 'neighbor', source: DisputeSource = 'screening', channel: PetitionChannel | null = null): number {
  return write(db, () =>
    insertDispute(db, { title: `case ${date}`, category, source, channel, risk: null, flags: [], registered_on: date, description: null, visit_id: null }, [{ name: '甲' }, { name: '乙' }]),
  );
}

/** One action, planned by the domain rules exactly as the CLI does. */
function act(id: number, input: Partial<StepInput> & Pick<StepInput, 'action' | 'date'>, today = '2027-12-31'): void {
  const plan = planStep(getDispute(db, id), { note: 'x', agreement: 'terms', escalated_to: 'court', ...input }, today, 15);
  if (!plan.ok) throw new Error(JSON.stringify(plan.refusal));
  write(db, () => applyStep(db, id, plan.changes, plan.event));
}

const ids = (f: Parameters<typeof listDisputes>[1]) => listDisputes(db, f).map((d) => d.id);

describe('overdue and return visits due, on the boundary days', () => {
  it('a case registered on 11-01 is not overdue on day 30 (12-01) and overdue on day 31 (12-02)', () => {
    const registered = register('2026-11-01');
    const mediating = register('2026-11-01');
    act(mediating, { action: 'log', date: '2026-11-03' });
    expect(ids({ overdue: true, today: '2026-12-01', mediationDays: 30 })).toEqual([]);
    expect(ids({ overdue: true, today: '2026-12-02', mediationDays: 30 })).toEqual([registered, mediating]);
  });

  it('follows dispute.mediation_days', () => {
    const id = register('2026-11-01');
    setSetting(db, 'dispute.mediation_days', '10');
    const c = disputePeriodCounts(db, '2026-11-01', '2026-11-30', '2026-11-11');
    expect(c.total.overdue).toBe(0);
    expect(disputePeriodCounts(db, '2026-11-01', '2026-11-30', '2026-11-12').total.overdue).toBe(1);
    expect(ids({ overdue: true, today: '2026-11-12', mediationDays: 10 })).toEqual([id]);
  });

  it('a return visit due 11-25 is due (not overdue) on 11-25 and overdue on 11-26', () => {
    const id = register('2026-11-01');
    act(id, { action: 'resolve', date: '2026-11-10' });
    expect(getDispute(db, id).revisit_due).toBe('2026-11-25');
    expect(ids({ revisitDue: true, today: '2026-11-24' })).toEqual([]);
    expect(ids({ revisitDue: true, today: '2026-11-25' })).toEqual([id]);
    expect(ids({ overdue: true, today: '2026-11-25', mediationDays: 30 })).toEqual([]);
    expect(ids({ overdue: true, today: '2026-11-26', mediationDays: 30 })).toEqual([id]);
    act(id, { action: 'revisit', date: '2026-11-26', performed: true });
    expect(ids({ revisitDue: true, today: '2027-01-01' })).toEqual([]);
    expect(ids({ open: true })).toEqual([]);
  });

  it('filters by status, category, source, registration date and party', () => {
    const a = register('2026-10-01', 'labor', 'petition', 'hotline');
    const b = register('2026-11-01');
    act(b, { action: 'withdraw', date: '2026-11-02' });
    expect(ids({ statuses: ['withdrawn'] })).toEqual([b]);
    expect(ids({ open: true })).toEqual([a]);
    expect(ids({ category: 'labor' })).toEqual([a]);
    expect(ids({ source: 'screening' })).toEqual([b]);
    expect(ids({ from: '2026-11-01', to: '2026-11-30' })).toEqual([b]);
    expect(ids({ party: { name: '甲' } })).toEqual([a, b]);
    expect(ids({ party: { name: '丙' } })).toEqual([]);
  });
});

describe('every change leaves a trail', () => {
  it('registration and each step write the change log and the timeline', () => {
    const id = register('2026-11-01');
    act(id, { action: 'log', date: '2026-11-02', participants: ['调委会'] });
    act(id, { action: 'resolve', date: '2026-11-03' });
    const log = db.prepare("SELECT entity, op FROM change_log WHERE entity LIKE 'dispute%' ORDER BY id").all();
    expect(log).toEqual([
      { entity: 'dispute', op: 'insert' },
      { entity: 'dispute_party', op: 'insert' },
      { entity: 'dispute_party', op: 'insert' },
      { entity: 'dispute_event', op: 'insert' },
      { entity: 'dispute', op: 'update' },
      { entity: 'dispute_event', op: 'insert' },
      { entity: 'dispute', op: 'update' },
      { entity: 'dispute_event', op: 'insert' },
    ]);
    expect(listEvents(db, id).map((e) => [e.date, e.kind, e.to_status])).toEqual([
      ['2026-11-01', 'register', 'registered'],
      ['2026-11-02', 'step', 'mediating'],
      ['2026-11-03', 'agreement', 'resolved'],
    ]);
  });
});

describe('period counts for the monthly report', () => {
  let A: number, B: number, C: number, D: number, E: number;
  beforeEach(() => {
    // A: found in October, agreed in November, closed in December.
    A = register('2026-10-20', 'neighbor', 'visit');
    act(A, { action: 'log', date: '2026-10-22' });
    act(A, { action: 'resolve', date: '2026-11-15' }); // return visit due 11-30
    act(A, { action: 'revisit', date: '2026-12-01', performed: true });
    // B: a petition registered in November, untouched (day 30 on 12-05).
    B = register('2026-11-05', 'labor', 'petition', 'hotline');
    // C: mediating since October (day 30 on 10-31), escalated in December.
    C = register('2026-10-01', 'land-contract', 'screening');
    act(C, { action: 'log', date: '2026-10-02' });
    act(C, { action: 'escalate', date: '2026-12-03' });
    // D: registered and withdrawn in November.
    D = register('2026-11-10', 'marriage-family', 'application');
    act(D, { action: 'withdraw', date: '2026-11-12' });
    // E: agreed in September, not performed at the return visit: next one due 10-11, never made.
    E = register('2026-09-01', 'other', 'referral');
    act(E, { action: 'resolve', date: '2026-09-10' });
    act(E, { action: 'revisit', date: '2026-09-26', performed: false });
  });

  it('November, counted in December: events in the month, the ledger as it stood on 11-30', () => {
    const c = disputePeriodCounts(db, '2026-11-01', '2026-11-30', '2026-12-05');
    expect(c.as_of).toBe('2026-11-30');
    // A closed and C escalated only in December: on 11-30 they were resolved and mediating.
    expect(c.total).toEqual({ registered: 2, resolved: 1, closed: 0, escalated: 0, withdrawn: 1, open: 4, mediating: 1, overdue: 2, revisits_due: 2 });
    expect(c.petitions).toEqual({ registered: 1, resolved: 0, closed: 0, escalated: 0, withdrawn: 0, open: 1, mediating: 0, overdue: 0, revisits_due: 0 });
    expect(c.disputes.registered).toBe(1);
    expect(c.petitions_by_channel.hotline.registered).toBe(1);
    expect(c.by_category.neighbor).toMatchObject({ resolved: 1, open: 1, revisits_due: 1, overdue: 0 });
    expect(c.by_category['land-contract']).toMatchObject({ mediating: 1, overdue: 1 });
    expect(c.by_source.referral).toMatchObject({ open: 1, overdue: 1, revisits_due: 1 });
    expect(c.by_source.application).toMatchObject({ registered: 1, withdrawn: 1, open: 0 });
    expect(c.zero_report).toBe(false);
  });

  it('October: C is on its day 30 on 10-31, so not yet overdue', () => {
    const c = disputePeriodCounts(db, '2026-10-01', '2026-10-31', '2026-12-05');
    expect(c.total).toMatchObject({ registered: 2, open: 3, mediating: 2, overdue: 1, revisits_due: 1 });
    expect(c.by_category['land-contract'].overdue).toBe(0);
  });

  it('December so far, with today pinned: B on day 30 is not overdue, on day 31 it is', () => {
    const day30 = disputePeriodCounts(db, '2026-12-01', '2026-12-31', '2026-12-05');
    expect(day30.as_of).toBe('2026-12-05');
    expect(day30.total).toMatchObject({ registered: 0, closed: 1, escalated: 1, open: 2, overdue: 1, revisits_due: 1 });
    expect(day30.zero_report).toBe(true);
    expect(disputePeriodCounts(db, '2026-12-01', '2026-12-31', '2026-12-06').total.overdue).toBe(2);
    expect(listDisputes(db, { overdue: true, today: '2026-12-06', mediationDays: 30 }).map((d) => d.id)).toEqual([E, B]);
    expect(D).toBeGreaterThan(0);
  });

  it('a month with nothing at all is a zero report', () => {
    const c = disputePeriodCounts(db, '2026-01-01', '2026-01-31', '2026-12-05');
    expect(c.zero_report).toBe(true);
    expect(Object.values(c.total).every((v) => v === 0)).toBe(true);
  });
});
