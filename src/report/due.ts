// The documents' 存在的问题 and 下步工作打算 read due items, the same as `fs agenda`. Until the
// agenda's dueItems() (src/domain/due.ts, src/db/due.ts) is merged, this one adapter gives items
// of the same shape from stand-in queries; swapping it is the only change the documents need.
import type { Db } from '../db/open.js';
import { openDueOn } from '../db/report-due.js';
import { getNumberSetting } from '../db/settings.js';
import { addDays, daysBetween, type IsoDate } from '../time/dates.js';

/** The agenda's DueItem (ARCHITECTURE.md "Due items: one rule set, four readers"). */
export interface DueItem {
  kind: string;
  ref: number;
  title: string;
  person: string | null;
  due: IsoDate;
  /** Days from today to the due day: negative when overdue. */
  days: number;
  action: string;
}

const ACTION: Record<string, string> = {
  concern: 'answer',
  'concern-feedback': 'tell',
  'case-mediation': 'mediate',
  'case-revisit': 'revisit',
  'pair-contact': 'contact',
  milestone: 'finish',
};

/** Items overdue on `today` and those falling due in the `horizonDays` after it. */
export function reportDueItems(db: Db, today: IsoDate, horizonDays: number): DueItem[] {
  const last = addDays(today, horizonDays);
  return openDueOn(db, today, getNumberSetting(db, 'dispute.mediation_days'))
    .filter((x) => x.due <= last)
    .map((x) => ({ ...x, days: daysBetween(today, x.due), action: ACTION[x.kind] ?? x.kind }));
}
