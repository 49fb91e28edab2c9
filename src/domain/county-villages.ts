// fs county villages: each registered ledger and how stale its county copy is. Pure: "today" is given.
import { daysBetween, fromDate, type IsoDate } from '../time/dates.js';

/** A ledger as the county database knows it (src/db/county/villages.ts). */
export interface CountyLedger {
  ledger: string;
  village: string;
  township: string | null;
  secretary: string;
  /** ISO timestamps (UTC). */
  registered_at: string;
  last_push_at: string | null;
  /** Records carried by the last push (0 when nothing had changed). */
  last_push_records: number | null;
  pushes: number;
}

export interface VillageStanding extends CountyLedger {
  /** Whole days from the last push's local day to today; null when the ledger never pushed. */
  stale_days: number | null;
}

/** Days since a push on this machine's calendar; a push "after" a pinned today counts as today's. */
export function staleDays(lastPushAt: string | null, today: IsoDate): number | null {
  if (lastPushAt === null) return null;
  return Math.max(0, daysBetween(fromDate(new Date(lastPushAt)), today));
}

const collator = new Intl.Collator('zh-CN');

/**
 * Who to chase first: ledgers that never pushed, then the stalest, then by township and village
 * (pinyin order), so equally stale villages of one township sit together.
 */
export function villageStandings(ledgers: readonly CountyLedger[], today: IsoDate): VillageStanding[] {
  const staleness = (s: VillageStanding) => (s.stale_days === null ? Number.POSITIVE_INFINITY : s.stale_days);
  return ledgers
    .map((l) => ({ ...l, stale_days: staleDays(l.last_push_at, today) }))
    .sort(
      (a, b) =>
        staleness(b) - staleness(a) ||
        collator.compare(a.township ?? '', b.township ?? '') ||
        collator.compare(a.village, b.village) ||
        a.ledger.localeCompare(b.ledger),
    );
}
