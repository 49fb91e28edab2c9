// fs push's one-line summary and its JSON: the counts per table, the county's URL (masked by the caller).
import type { PushResult } from '../db/county/push.js';
import { t } from '../i18n/index.js';

/** 1234567 → "1,234,567" (the grouping both languages' readers use for record counts). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "Pushed 1,234 records (visits 900, people 334; settings 2) to postgresql://…:***@host/db." */
export function pushSummary(r: PushResult, maskedUrl: string): string {
  const tables = Object.entries(r.records)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${t(`push.table.${table}`)} ${groupDigits(n)}`)
    .join(t('push.detail.sep'));
  // Settings are not records: after the tables, apart.
  const settings = r.settings > 0 ? `${t('push.table.settings')} ${groupDigits(r.settings)}` : '';
  const inside = [tables, settings].filter((x) => x !== '').join(t('push.detail.then'));
  const detail = inside ? `${t('push.detail.open')}${inside}${t('push.detail.close')}` : '';
  const params = { total: groupDigits(r.total), records: t(r.total === 1 ? 'push.word.record' : 'push.word.records'), detail, url: maskedUrl };
  if (r.total === 0 && r.settings === 0) return t(r.dryRun ? 'push.msg.would_nothing' : 'push.msg.nothing', params);
  return t(r.dryRun ? 'push.msg.would_push' : 'push.msg.pushed', params);
}

/** The stable keys of `fs push --format json`. */
export function pushJson(r: PushResult, maskedUrl: string): string {
  const out = {
    ledger: r.ledger,
    dry_run: r.dryRun,
    full: r.full,
    records: r.records,
    total: r.total,
    sent: r.sent,
    settings: r.settings,
    since: r.since,
    watermark: r.watermark,
    url: maskedUrl,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
