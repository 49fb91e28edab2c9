// The dispute workflow and its deadlines as tables of cases.
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  checkIntake,
  courtConfirmationUntil,
  DISPUTE_ACTIONS,
  DISPUTE_CATEGORIES,
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  EVENT_KINDS,
  isOverdue,
  isRevisitDue,
  nextStatus,
  PETITION_CHANNELS,
  planStep,
  revisitDueDate,
  RISK_FLAGS,
  RISK_LEVELS,
  type DisputeAction,
  type DisputeStatus,
} from '../../src/domain/dispute.js';
import { computeDisputeCounts, type CountRow } from '../../src/domain/dispute-counts.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasMessage, t } from '../../src/i18n/index.js';

type Expect = DisputeStatus | 'refused';

// Every status × every action (a return visit both ways): the whole workflow in one table.
const WORKFLOW: Array<[DisputeStatus, DisputeAction | 'revisit-not-performed', Expect]> = [
  ['registered', 'log', 'mediating'],
  ['registered', 'resolve', 'resolved'],
  ['registered', 'revisit', 'refused'],
  ['registered', 'revisit-not-performed', 'refused'],
  ['registered', 'escalate', 'escalated'],
  ['registered', 'withdraw', 'withdrawn'],
  ['mediating', 'log', 'mediating'],
  ['mediating', 'resolve', 'resolved'],
  ['mediating', 'revisit', 'refused'],
  ['mediating', 'revisit-not-performed', 'refused'],
  ['mediating', 'escalate', 'escalated'],
  ['mediating', 'withdraw', 'withdrawn'],
  ['resolved', 'log', 'resolved'],
  ['resolved', 'resolve', 'refused'],
  ['resolved', 'revisit', 'closed'],
  ['resolved', 'revisit-not-performed', 'resolved'],
  ['resolved', 'escalate', 'escalated'],
  ['resolved', 'withdraw', 'refused'],
  ...(['closed', 'escalated', 'withdrawn'] as const).flatMap((s) =>
    [...DISPUTE_ACTIONS, 'revisit-not-performed' as const].map((a): [DisputeStatus, DisputeAction | 'revisit-not-performed', Expect] => [s, a, 'refused']),
  ),
];

describe('the workflow', () => {
  it('covers every status and action', () => {
    expect(WORKFLOW).toHaveLength(DISPUTE_STATUSES.length * (DISPUTE_ACTIONS.length + 1));
  });

  it.each(WORKFLOW)('%s + %s → %s', (status, act, expected) => {
    const action: DisputeAction = act === 'revisit-not-performed' ? 'revisit' : act;
    const performed = act !== 'revisit-not-performed';
    expect(nextStatus(status, action, performed) ?? 'refused').toBe(expected);
    const plan = planStep({ status, status_on: '2026-11-01', registered_on: '2026-10-01', perform_by: null }, { action, date: '2026-11-10', performed, agreement: 'x', escalated_to: 'court' }, '2026-11-27', 15);
    if (expected === 'refused') {
      expect(plan).toEqual({ ok: false, refusal: { kind: 'transition', status, allowed: allowedActions(status) } });
      expect(allowedActions(status)).not.toContain(action);
    } else {
      expect(plan.ok && plan.status).toBe(expected);
      expect(allowedActions(status)).toContain(action);
    }
  });

  it.each([
    ['registered', ['log', 'resolve', 'escalate', 'withdraw']],
    ['mediating', ['log', 'resolve', 'escalate', 'withdraw']],
    ['resolved', ['log', 'revisit', 'escalate']],
    ['closed', []],
    ['escalated', []],
    ['withdrawn', []],
  ] as const)('a %s case allows %j', (status, allowed) => {
    expect(allowedActions(status)).toEqual(allowed);
  });
});

describe('planStep dates and effects', () => {
  const mediating = { status: 'mediating' as const, status_on: '2026-11-05', registered_on: '2026-11-01', perform_by: null };
  const today = '2026-11-27';

  it.each([
    ['after today', { action: 'log', date: '2026-11-28', note: 'x' }, { kind: 'after_today' }],
    ['before registration', { action: 'log', date: '2026-10-31', note: 'x' }, { kind: 'before_registration', registered_on: '2026-11-01' }],
    ['a status change before the current status began', { action: 'resolve', date: '2026-11-04', agreement: 'x' }, { kind: 'before_status', status: 'mediating', status_on: '2026-11-05' }],
    ['perform-by before the agreement', { action: 'resolve', date: '2026-11-10', agreement: 'x', perform_by: '2026-11-09' }, { kind: 'perform_by_before_agreement' }],
  ] as const)('refuses a step dated %s', (_, input, refusal) => {
    expect(planStep(mediating, input, today, 15)).toEqual({ ok: false, refusal });
  });

  it('accepts a step dated on the registration day and today', () => {
    expect(planStep(mediating, { action: 'log', date: '2026-11-01', note: 'late entry' }, today, 15).ok).toBe(true);
    expect(planStep(mediating, { action: 'withdraw', date: today }, today, 15).ok).toBe(true);
  });

  it('a step on a registered case starts mediation; on a mediating case it changes nothing', () => {
    const registered = { ...mediating, status: 'registered' as const, status_on: '2026-11-01' };
    const first = planStep(registered, { action: 'log', date: '2026-11-03', note: 'met', participants: ['chair'] }, today, 15);
    expect(first).toMatchObject({ ok: true, status: 'mediating', changes: { status: 'mediating', status_on: '2026-11-03' }, event: { kind: 'step', from_status: 'registered', to_status: 'mediating', participants: ['chair'] } });
    const later = planStep(mediating, { action: 'log', date: '2026-11-06', note: 'again' }, today, 15);
    expect(later).toMatchObject({ ok: true, status: 'mediating', changes: {}, event: { to_status: null } });
  });

  it('an agreement sets the return visit 15 days on, or at perform-by if later', () => {
    expect(planStep(mediating, { action: 'resolve', date: '2026-11-10', agreement: 'pay 800' }, today, 15)).toMatchObject({
      ok: true,
      changes: { status: 'resolved', agreed_on: '2026-11-10', agreement: 'pay 800', revisit_due: '2026-11-25', court_confirmation: 0 },
      event: { kind: 'agreement', note: 'pay 800', revisit_due: '2026-11-25' },
    });
    expect(planStep(mediating, { action: 'resolve', date: '2026-11-10', agreement: 'x', perform_by: '2026-12-31', court_confirmation: true }, today, 15)).toMatchObject({
      changes: { perform_by: '2026-12-31', revisit_due: '2026-12-31', court_confirmation: 1 },
    });
  });

  it('a return visit closes the case, or keeps it resolved with a new visit due', () => {
    const resolved = { status: 'resolved' as const, status_on: '2026-11-10', registered_on: '2026-11-01', perform_by: '2026-11-20' };
    expect(planStep(resolved, { action: 'revisit', date: '2026-11-25', performed: true, satisfied: true }, today, 15)).toMatchObject({
      ok: true,
      status: 'closed',
      changes: { status: 'closed', revisit_due: null },
      event: { kind: 'revisit', performed: true, satisfied: true, to_status: 'closed' },
    });
    expect(planStep(resolved, { action: 'revisit', date: '2026-11-25', performed: false }, today, 15)).toMatchObject({
      ok: true,
      status: 'resolved',
      changes: { status: 'resolved', status_on: '2026-11-25', revisit_due: '2026-12-10' },
      event: { performed: false, satisfied: null, to_status: 'resolved', revisit_due: '2026-12-10' },
    });
  });

  it('an escalation names the body', () => {
    expect(planStep(mediating, { action: 'escalate', date: '2026-11-20', escalated_to: 'township court' }, today, 15)).toMatchObject({
      changes: { status: 'escalated', escalated_to: 'township court' },
      event: { kind: 'escalation', escalated_to: 'township court' },
    });
  });
});

describe('deadlines', () => {
  // Registered 2026-11-01: day 30 is 2026-12-01.
  it.each([
    ['registered', '2026-12-01', false],
    ['registered', '2026-12-02', true],
    ['mediating', '2026-12-01', false],
    ['mediating', '2026-12-02', true],
    ['closed', '2027-06-01', false],
    ['escalated', '2027-06-01', false],
    ['withdrawn', '2027-06-01', false],
  ] as const)('a %s case on %s overdue: %s', (status, today, overdue) => {
    expect(isOverdue({ status, registered_on: '2026-11-01', revisit_due: null }, today, 30)).toBe(overdue);
  });

  it.each([
    ['2026-11-24', false, false],
    ['2026-11-25', false, true],
    ['2026-11-26', true, true],
  ])('a resolved case with its return visit due 2026-11-25, on %s: overdue %s, due %s', (today, overdue, due) => {
    const d = { status: 'resolved' as const, registered_on: '2026-01-01', revisit_due: '2026-11-25' };
    expect(isOverdue(d, today, 30)).toBe(overdue);
    expect(isRevisitDue(d, today)).toBe(due);
  });

  it.each([
    ['2026-11-10', null, 15, '2026-11-25'],
    ['2026-11-10', '2026-11-20', 15, '2026-11-25'],
    ['2026-11-10', '2026-12-31', 15, '2026-12-31'],
    ['2026-12-20', null, 15, '2027-01-04'],
  ])('return visit after %s (perform by %s, %i days): %s', (from, performBy, days, due) => {
    expect(revisitDueDate(from, performBy, days)).toBe(due);
  });

  it('court confirmation: 30 days after the agreement, only when sought', () => {
    expect(courtConfirmationUntil({ court_confirmation: true, agreed_on: '2026-11-10' })).toBe('2026-12-10');
    expect(courtConfirmationUntil({ court_confirmation: false, agreed_on: '2026-11-10' })).toBeNull();
  });

  it.each([
    ['petition', undefined, 'petition_needs_channel'],
    ['petition', 'hotline', undefined],
    ['screening', 'hotline', 'channel_only_for_petition'],
    ['visit', undefined, undefined],
  ] as const)('intake %s with channel %s: %s', (source, channel, problem) => {
    expect(checkIntake(source, channel)).toBe(problem);
  });
});

describe('period counts', () => {
  it('a period with nothing is a zero report with every key present', () => {
    const c = computeDisputeCounts([], '2026-11-01', '2026-11-30', '2026-12-05');
    expect(c.zero_report).toBe(true);
    expect(c.as_of).toBe('2026-11-30');
    expect(Object.keys(c.by_category)).toEqual([...DISPUTE_CATEGORIES]);
    expect(Object.keys(c.by_source)).toEqual([...DISPUTE_SOURCES]);
    expect(Object.keys(c.petitions_by_channel)).toEqual([...PETITION_CHANNELS]);
    expect(c.total).toEqual({ registered: 0, resolved: 0, closed: 0, escalated: 0, withdrawn: 0, open: 0, mediating: 0, overdue: 0, revisits_due: 0 });
  });

  it('sums rows into totals, categories, sources, and petitions apart', () => {
    const rows: CountRow[] = [
      { category: 'neighbor', source: 'visit', channel: null, key: 'registered', n: 2 },
      { category: 'labor', source: 'petition', channel: 'hotline', key: 'registered', n: 1 },
      { category: 'labor', source: 'petition', channel: 'hotline', key: 'overdue', n: 1 },
      { category: 'neighbor', source: 'screening', channel: null, key: 'resolved', n: 1 },
    ];
    const c = computeDisputeCounts(rows, '2026-11-01', '2026-11-30', '2026-11-15');
    expect(c.as_of).toBe('2026-11-15');
    expect(c.zero_report).toBe(false);
    expect(c.total).toMatchObject({ registered: 3, resolved: 1, overdue: 1 });
    expect(c.disputes).toMatchObject({ registered: 2, resolved: 1, overdue: 0 });
    expect(c.petitions).toMatchObject({ registered: 1, overdue: 1 });
    expect(c.by_category.neighbor).toMatchObject({ registered: 2, resolved: 1 });
    expect(c.by_source.petition.registered).toBe(1);
    expect(c.petitions_by_channel.hotline).toMatchObject({ registered: 1, overdue: 1 });
  });
});

describe('labels', () => {
  it.each([
    ['dispute_category', DISPUTE_CATEGORIES],
    ['dispute_source', DISPUTE_SOURCES],
    ['petition_channel', PETITION_CHANNELS],
    ['dispute_risk', RISK_LEVELS],
    ['dispute_flag', RISK_FLAGS],
    ['dispute_status', DISPUTE_STATUSES],
    ['dispute_event', EVENT_KINDS],
    ['dispute.cmd', DISPUTE_ACTIONS],
  ] as const)('every %s key has a label', (kind, keys) => {
    for (const k of keys) expect(hasMessage(`${kind}.${k}`), `${kind}.${k}`).toBe(true);
  });
});

describe('messages', () => {
  it('every dispute message used in the source exists in both languages', () => {
    const dirs = ['src/cli', 'src/db', 'src/domain', 'src/prompts', 'src/render'];
    const used = new Set<string>();
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.includes('dispute'))) {
        for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(dispute\.(?:cmd|col|title|detail|msg|err|what|prompt|opt)(?:\.[a-z_]+)?)'/g)) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) {
      expect(hasMessage(key), key).toBe(true);
      expect(t(key, {}, 'zh')).not.toBe(t(key, {}, 'en'));
    }
  });
});
