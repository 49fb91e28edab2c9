// What several dispute commands (and `fs visit show`) print about a case.
import { getDispute, listDisputes, listEvents } from '../db/dispute.js';
import type { Db } from '../db/open.js';
import { getNumberSetting } from '../db/settings.js';
import { disputeJson, disputeListing } from '../render/dispute.js';
import { t } from '../i18n/index.js';
import type { Listing } from '../render/output.js';
import type { IsoDate } from '../time/dates.js';

export function mediationDays(db: Db): number {
  return getNumberSetting(db, 'dispute.mediation_days');
}

/** The whole case as JSON: the record, what today makes of it, and its timeline. */
export function disputeRecord(db: Db, id: number, today: IsoDate) {
  return { ...disputeJson(getDispute(db, id), today, mediationDays(db)), timeline: listEvents(db, id) };
}

/** The "disputes found in this visit" part of `fs visit show`. */
export function disputesFoundInVisit(db: Db, visitId: number, today: IsoDate): { listing: Listing<any>; json: unknown[] } {
  const days = mediationDays(db);
  const rows = listDisputes(db, { visit_id: visitId });
  const listing = { ...disputeListing(rows, today, days), title: t('title.disputes_found'), empty: t('dispute.msg.none_in_visit') };
  return { listing, json: rows.map((d) => disputeJson(d, today, days)) };
}
