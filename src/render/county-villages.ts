// How fs county villages looks: one row per ledger, the stalest first.
import type { VillageStanding } from '../domain/county-villages.js';
import { t } from '../i18n/index.js';
import { c } from './color.js';
import type { Listing } from './output.js';

/** A stamp as this machine's local minute: the office reads when, not an offset. */
function localMinute(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Past this many days a village's county figures are out of date enough to paint. */
const STALE_WARN_DAYS = 30;

export function villagesListing(rows: VillageStanding[]): Listing<VillageStanding> {
  return {
    columns: [
      { key: 'village', header: t('county.col.village'), value: (r) => r.village },
      { key: 'township', header: t('county.col.township'), value: (r) => r.township },
      { key: 'secretary', header: t('county.col.secretary'), value: (r) => r.secretary },
      { key: 'ledger', header: t('county.col.ledger'), value: (r) => r.ledger },
      { key: 'last_push', header: t('county.col.last_push'), value: (r) => r.last_push_at, text: (r) => (r.last_push_at ? localMinute(r.last_push_at) : t('county.never')) },
      { key: 'last_push_records', header: t('county.col.records'), value: (r) => r.last_push_records },
      {
        key: 'stale_days',
        header: t('county.col.stale_days'),
        value: (r) => r.stale_days,
        text: (r) => (r.stale_days === null ? t('county.never') : String(r.stale_days)),
        paint: (r) => (r.stale_days === null || r.stale_days > STALE_WARN_DAYS ? c().red : undefined),
      },
    ],
    rows,
    json: (r) => ({
      ledger: r.ledger,
      village: r.village,
      township: r.township,
      secretary: r.secretary,
      registered_at: r.registered_at,
      last_push: r.last_push_at,
      last_push_records: r.last_push_records,
      pushes: r.pushes,
      stale_days: r.stale_days,
    }),
    empty: t('county.msg.no_ledgers'),
  };
}
