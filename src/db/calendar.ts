// The working-day calendar: the official holidays and make-up working days (调休) from the
// chinese-days package, one JSON file per year, read only for the years asked about, then the
// user's own corrections (fs presence holiday add) on top.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { listHolidayCorrections } from './presence.js';
import type { Db } from './open.js';
import type { Calendar } from '../domain/presence.js';
import type { IsoDate } from '../time/dates.js';

interface YearData {
  holidays: Record<IsoDate, string>;
  workdays: Record<IsoDate, string>;
}

function packageYear(year: number): YearData | undefined {
  const root = dirname(createRequire(import.meta.url).resolve('chinese-days/package.json'));
  const file = join(root, 'dist', 'years', `${year}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as YearData) : undefined;
}

/** The official calendar alone (no user corrections): the county report applies each ledger's own in SQL. */
export function officialCalendar(from: IsoDate, to: IsoDate): { days: Map<IsoDate, boolean>; years: Set<number> } {
  const days = new Map<IsoDate, boolean>();
  const years = new Set<number>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const data = packageYear(y);
    if (!data) continue;
    years.add(y);
    for (const d of Object.keys(data.holidays)) days.set(d, false);
    for (const d of Object.keys(data.workdays)) days.set(d, true);
  }
  return { days, years };
}

export function loadCalendar(db: Db, from: IsoDate, to: IsoDate): Calendar {
  const { days, years } = officialCalendar(from, to);
  // The user's corrections win, and a year they have entered holidays for counts as known.
  for (const h of listHolidayCorrections(db)) {
    days.set(h.date, h.workday);
    years.add(Number(h.date.slice(0, 4)));
  }
  return { days, years };
}
