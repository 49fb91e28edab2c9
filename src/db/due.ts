// The ledger's state that the due rules (src/domain/due.ts) read: small queries, each reusing the
// entity's own listing, so the agenda and the lists agree. Nothing here decides what is due.
import { dueItems, type DueItem, type DueState } from '../domain/due.js';
import { addDays, type IsoDate } from '../time/dates.js';
import { monthOf } from '../time/periods.js';
import { listConcerns } from './concerns.js';
import { listDisputes } from './dispute.js';
import { meetingCompliance, openDecisions } from './meeting-report.js';
import type { Db } from './open.js';
import { listPairs } from './pair.js';
import { listMilestones } from './plan-milestones.js';
import { listPlans } from './plans.js';
import { presenceThisMonth } from './presence.js';
import { getNumberSetting, ledgerStart } from './settings.js';
import { staleHouseholds, visitCountsByCategory } from './visits.js';

/** What is needed to list everything overdue on `today` or due within `horizonDays` after it. */
export function loadDueState(db: Db, today: IsoDate, horizonDays: number): DueState {
  const last = addDays(today, horizonDays);
  const settings = {
    mediationDays: getNumberSetting(db, 'dispute.mediation_days'),
    staleDays: getNumberSetting(db, 'visit.stale_days'),
    stallDays: getNumberSetting(db, 'decision.stall_days'),
  };
  const start = ledgerStart(db, today);
  const month = monthOf(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  return {
    ledgerStart: start,
    settings,
    concerns: listConcerns(db, { open: true }),
    disputes: listDisputes(db, { open: true }),
    pairs: listPairs(db, { status: 'active' }),
    meetings: meetingCompliance(db, start, today, today),
    milestones: listMilestones(db, today, { due_to: last }),
    practical: listPlans(db, today, { kind: 'practical' }),
    // Stalled by the horizon's end: the last step (or the start) on or before last - stall_days.
    decisions: openDecisions(db, today, addDays(last, 1 - settings.stallDays)),
    staleHouseholds: staleByHorizon(db, last, settings.staleDays),
    coverage: visitCountsByCategory(db, month.from, today),
    presence: presenceThisMonth(db, today),
  };
}

/** Households stale by `last`: the staleness rule is staleHouseholds' (one call), the uid added for the ref. */
function staleByHorizon(db: Db, last: IsoDate, staleDays: number): DueState['staleHouseholds'] {
  const stale = staleHouseholds(db, last, staleDays);
  if (!stale.length) return [];
  const uids = new Map((db.prepare('SELECT id, uid FROM households').all() as { id: number; uid: string }[]).map((h) => [h.id, h.uid]));
  return stale.map((h) => ({ household_id: h.household_id, uid: uids.get(h.household_id) ?? '', household: h.household, last_visit: h.last_visit }));
}

/** Everything overdue on `today` or due within `horizonDays`: the agenda, and the documents' 存在的问题/下步工作打算. */
export function listDueItems(db: Db, today: IsoDate, horizonDays: number): DueItem[] {
  return dueItems(loadDueState(db, today, horizonDays), today, horizonDays);
}
