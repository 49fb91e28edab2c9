// The documents' 存在的问题 and 下步工作打算 read due items, the same as `fs agenda`. Until the
// agenda's dueItems() (src/domain/due.ts, src/db/due.ts) is merged, this one adapter gives items
// of the same shape from stand-in queries; swapping its body for
// `dueItems(loadDueState(db, today, horizonDays), today, horizonDays)` is the change the documents
// need (their sentences know the reasons below; meetings, visits and decisions they take from the
// report's own figures of the period). Unlike loadDueState, the stand-in reads the state as it
// stood on `today` (a past period's end), not as it is now.
import type { Db } from '../db/open.js';
import { openDueOn, type OpenDue } from '../db/report-due.js';
import { getNumberSetting } from '../db/settings.js';
import { addDays, type IsoDate } from '../time/dates.js';

/**
 * The agenda's DueItem (src/domain/due.ts on branch `agenda`; ARCHITECTURE.md "Due items: one rule
 * set, four readers"), the fields the documents read. `reason` keys are the agenda's DUE_REASONS.
 */
export interface DueItem {
  kind: string;
  reason: string;
  ref: { entity: string; id: number | null; uid: string | null };
  title: string;
  person: string | null;
  due: IsoDate;
  /** Days from today to the due day: negative when overdue. */
  days: number;
  action: string;
}

const KIND: Record<OpenDue['reason'], [kind: string, entity: string]> = {
  'concern-due': ['concern', 'concern'],
  'concern-feedback': ['concern', 'concern'],
  'dispute-mediation': ['dispute', 'dispute'],
  'dispute-revisit': ['dispute', 'dispute'],
  'pair-contact': ['pair', 'pair'],
  'plan-milestone': ['plan', 'milestone'],
};

/** Items overdue on `today` and those falling due in the `horizonDays` after it. */
export function reportDueItems(db: Db, today: IsoDate, horizonDays: number): DueItem[] {
  const last = addDays(today, horizonDays);
  return openDueOn(db, today, getNumberSetting(db, 'dispute.mediation_days'), last).map(({ reason, ref, title, person, due, days }) => ({
    kind: KIND[reason][0],
    reason,
    ref: { entity: KIND[reason][1], id: ref, uid: null },
    title,
    person,
    due,
    days,
    action: '',
  }));
}
