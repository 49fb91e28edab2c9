// The documents' 存在的问题 and 下步工作打算 read due items, the same rules as `fs agenda`
// (src/domain/due.ts): one rule set, several readers. Meetings and visits the documents take from
// the period's own figures, so those reasons are left to them.
import { listDueItems } from '../db/due.js';
import type { Db } from '../db/open.js';
import { DUE_KINDS, type DueItem, type DueKind } from '../domain/due.js';
import type { IsoDate } from '../time/dates.js';

export type { DueItem };

const FROM_FIGURES: readonly DueKind[] = ['meeting', 'visit'];
const KINDS = DUE_KINDS.filter((k) => !FROM_FIGURES.includes(k));

/**
 * Items overdue on `today` and those falling due in the `horizonDays` after it. The records'
 * states are as they are now (the agenda's rule): a concern answered since a past period's end is
 * no longer a problem of that period.
 */
export function reportDueItems(db: Db, today: IsoDate, horizonDays: number): DueItem[] {
  return listDueItems(db, today, horizonDays, KINDS);
}
