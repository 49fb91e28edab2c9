// Local dates only (issue 11, item 3), with the clock faked in-process: at 07:30 in Shanghai on
// 2027-01-01 it is still 2026-12-31 in UTC, and nothing may count that morning for 2026.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { practicalThings } from '../../src/db/plan-reports.js';
import { countPracticalInYear, insertPlan } from '../../src/db/plans.js';
import { staleHouseholdCount } from '../../src/db/report.js';
import { write } from '../../src/db/store.js';
import { systemToday } from '../../src/time/dates.js';
import { tempDir } from '../helpers/cli.js';

const tz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-31T23:30:00.000Z')); // 07:30 on 2027-01-01 in Shanghai
});
afterAll(() => {
  vi.useRealTimers();
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('TZ=Asia/Shanghai, 07:30 on 2027-01-01', () => {
  it('a practical thing added this morning counts for 2027, and a household added today was not on the roster yesterday', async () => {
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-12-31');
    expect(systemToday()).toBe('2027-01-01');
    const db = await openDatabase(join(tempDir(), 'fs.db'));
    try {
      write(db, () => insertPlan(db, { kind: 'practical', area: 'public-welfare', title: '修路', target: null, measures: null, owner: null, start_on: null, due_on: null, budget: null }));
      write(db, () => insertPerson(db, { name: '王秀英', household: '王家' }));
      expect(countPracticalInYear(db, '2027')).toBe(1);
      expect(countPracticalInYear(db, '2026')).toBe(0);
      expect(practicalThings(db, '2027-01-01', '2027-12-31', '2027-01-01').by_year).toEqual([{ year: '2027', count: 1, gap: false, over_limit: false }]);
      expect(staleHouseholdCount(db, '2026-12-31', 90)).toBe(0);
      expect(staleHouseholdCount(db, '2027-01-01', 90)).toBe(1);
    } finally {
      db.close();
    }
  });
});
