// The ledger's state that the due rules (src/domain/due.ts) read: small queries, each reusing the
// entity's own listing, so the agenda and the lists agree. Nothing here decides what is due.
import { dueItems, filterKinds, type DueItem, type DueKind, type DueState } from '../domain/due.js';
import { addDays, type IsoDate } from '../time/dates.js';
import { monthOf } from '../time/periods.js';
import { listOpenConcernsDue } from './concerns.js';
import { listOpenDisputesDue } from './dispute.js';
import { meetingCompliance, openDecisions } from './meeting-report.js';
import type { Db } from './open.js';
import { listPairs } from './pair.js';
import { listMilestones } from './plan-milestones.js';
import { listPlans } from './plans.js';
import { presenceThisMonth } from './presence.js';
import { getNumberSetting, ledgerStart } from './settings.js';
import { staleHouseholds, visitCountsByCategory } from './visits.js';

/**
 * What is needed to list everything overdue on `today` or due within `horizonDays` after it, for
 * the given kinds (all when none given): a kind not asked for is not read (its part left empty).
 */
export function loadDueState(db: Db, today: IsoDate, horizonDays: number, kinds: readonly DueKind[] = []): DueState {
  const last = addDays(today, horizonDays);
  const wants = (kind: DueKind) => !kinds.length || kinds.includes(kind);
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
    concerns: wants('concern') ? listOpenConcernsDue(db) : [],
    disputes: wants('dispute') ? listOpenDisputesDue(db) : [],
    pairs: wants('pair') ? listPairs(db, { status: 'active' }) : [],
    meetings: wants('meeting') ? meetingCompliance(db, start, today, today) : [],
    milestones: wants('plan') ? listMilestones(db, today, { due_to: last }) : [],
    practical: wants('plan') ? listPlans(db, today, { kind: 'practical' }) : [],
    // Stalled by the horizon's end: the last step (or the start) on or before last - stall_days.
    decisions: wants('decision') ? openDecisions(db, today, addDays(last, 1 - settings.stallDays)) : [],
    staleHouseholds: wants('visit') ? staleByHorizon(db, last, settings.staleDays) : [],
    coverage: wants('visit') ? visitCountsByCategory(db, month.from, today) : [],
    presence: wants('presence') ? presenceThisMonth(db, today) : null,
  };
}

/** Households stale by `last`: the staleness rule is staleHouseholds' (one call), the uid added for the ref. */
function staleByHorizon(db: Db, last: IsoDate, staleDays: number): DueState['staleHouseholds'] {
  const stale = staleHouseholds(db, last, staleDays);
  if (!stale.length) return [];
  const ids = JSON.stringify(stale.map((h) => h.household_id));
  const uids = new Map((db.prepare('SELECT id, uid FROM households WHERE id IN (SELECT value FROM json_each(?))').all(ids) as { id: number; uid: string }[]).map((h) => [h.id, h.uid]));
  return stale.map((h) => ({ household_id: h.household_id, uid: uids.get(h.household_id) ?? '', household: h.household, last_visit: h.last_visit }));
}

/**
 * Everything overdue on `today` or due within `horizonDays`, of the given kinds (all when none
 * given): the agenda, the handover, and the documents' 存在的问题/下步工作打算. The rules see an
 * empty part for a kind not read (no visits this month, say), so that kind's items are dropped.
 */
export function listDueItems(db: Db, today: IsoDate, horizonDays: number, kinds: readonly DueKind[] = []): DueItem[] {
  const items = dueItems(loadDueState(db, today, horizonDays, kinds), today, horizonDays);
  return kinds.length ? filterKinds(items, kinds) : items;
}
