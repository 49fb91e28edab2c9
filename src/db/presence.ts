// Presence days and the user's holiday corrections.
import { summarisePresence, isWorkingDay, type HolidayCorrection, type PresenceDay, type PresenceSettings, type PresenceSummary } from '../domain/presence.js';
import { addDays } from '../time/dates.js';
import { monthOf } from '../time/periods.js';
import { loadCalendar } from './calendar.js';
import { getNumberSetting, getSetting } from './settings.js';
import type { IsoDate } from '../time/dates.js';
import type { Db } from './open.js';
import { insertRecord, updateRecord, type Row } from './store.js';

const COLUMNS = 'date, status, leave_type, approved_by, note';

/** Record a day; a day already recorded is replaced (an update, so history and undo see both). */
export function upsertPresenceDay(db: Db, day: PresenceDay): void {
  const found = db.prepare('SELECT id FROM presence_days WHERE date = ? AND deleted_at IS NULL').get(day.date) as { id: number } | undefined;
  const values: Row = { status: day.status, leave_type: day.leave_type, approved_by: day.approved_by, note: day.note };
  if (found) updateRecord(db, 'presence_days', 'presence', found.id, values);
  else insertRecord(db, 'presence_days', 'presence', { date: day.date, ...values });
}

export function listPresenceDays(db: Db, from: IsoDate, to: IsoDate): PresenceDay[] {
  return db.prepare(`SELECT ${COLUMNS} FROM presence_days WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date`).all(from, to) as PresenceDay[];
}

/** Leave days recorded in a calendar year up to a day. */
export function leaveDaysInYear(db: Db, year: number, upTo: IsoDate): number {
  return (db.prepare("SELECT count(*) AS n FROM presence_days WHERE deleted_at IS NULL AND status = 'leave' AND date BETWEEN ? AND ?").get(`${year}-01-01`, upTo) as { n: number }).n;
}

export function listHolidayCorrections(db: Db): HolidayCorrection[] {
  return (db.prepare('SELECT date, workday, note FROM presence_holidays WHERE deleted_at IS NULL ORDER BY date').all() as Array<{ date: IsoDate; workday: number; note: string | null }>).map((r) => ({ ...r, workday: r.workday === 1 }));
}

export function upsertHolidayCorrection(db: Db, h: HolidayCorrection): void {
  const found = db.prepare('SELECT id FROM presence_holidays WHERE date = ? AND deleted_at IS NULL').get(h.date) as { id: number } | undefined;
  const values: Row = { workday: h.workday ? 1 : 0, note: h.note };
  if (found) updateRecord(db, 'presence_holidays', 'holiday', found.id, values);
  else insertRecord(db, 'presence_holidays', 'holiday', { date: h.date, ...values });
}

export function presenceSettings(db: Db): PresenceSettings {
  return {
    month_min: getNumberSetting(db, 'presence.month_min'),
    year_min: getNumberSetting(db, 'presence.year_min'),
    approval_days: getNumberSetting(db, 'presence.approval_days'),
    max_leave_days: getNumberSetting(db, 'presence.max_leave_days'),
    business_counts: getSetting(db, 'presence.business_counts') !== 'no',
  };
}

/** This month as the agenda sees it: the summary, and the first working day before today left unrecorded. Null while presence is not kept at all. */
export function presenceThisMonth(db: Db, today: IsoDate): { month: PresenceSummary; firstUnrecorded: IsoDate | null } | null {
  if (!db.prepare('SELECT 1 FROM presence_days WHERE deleted_at IS NULL LIMIT 1').get()) return null;
  const period = { ...monthOf(Number(today.slice(0, 4)), Number(today.slice(5, 7))) };
  const days = listPresenceDays(db, period.from, period.to);
  const cal = loadCalendar(db, period.from, period.to);
  const month = summarisePresence(period, days, leaveDaysInYear(db, Number(today.slice(0, 4)), today), cal, presenceSettings(db), today);
  const recorded = new Set(days.map((d) => d.date));
  let firstUnrecorded: IsoDate | null = null;
  for (let d = period.from; d < today; d = addDays(d, 1)) {
    if (isWorkingDay(d, cal) && !recorded.has(d)) {
      firstUnrecorded = d;
      break;
    }
  }
  return { month, firstUnrecorded };
}
