// The report's one-pass counts (every interval of --by from one read) against the plain rule:
// on random ledgers, each interval's figure is what a query of that interval alone gives, and
// each state is what the definition says, row by row.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { disputeStockRows, longestFinishedCase } from '../../src/db/dispute-counts.js';
import { pairActivePerHelper, pairHelpEntriesLogged, pairIntervalCounts, pairOverdueContacts, pairsStartedAndEnded } from '../../src/db/pair-report.js';
import { concernStates, rememberedVisitDays, rememberingVisitDays, shareVisitDays, visitCountsByDay, visitReach, visitReachSplit } from '../../src/db/report.js';
import { REPORT_SECTIONS } from '../../src/domain/report.js';
import { onceMemo, type Range } from '../../src/report/section-spec.js';
import { SECTION_SPECS } from '../../src/report/sections.js';
import { insertRecord, write } from '../../src/db/store.js';
import { addDays, daysBetween, type IsoDate } from '../../src/time/dates.js';
import { splitPeriod } from '../../src/time/periods.js';
import { tempDir } from '../helpers/cli.js';
import { rng } from '../helpers/rng.js';

const dir = tempDir();
const START = '2025-01-01';
const day = (rand: () => number, span = 700) => addDays(START, Math.floor(rand() * span));
const maybe = <T>(rand: () => number, p: number, value: () => T): T | null => (rand() < p ? value() : null);

const DELETED = '2026-01-01T00:00:00Z';
const CATEGORIES = ['neighbor', 'homestead', 'other'] as const;
const SOURCES = ['visit', 'petition', 'referral'] as const;

/**
 * People in households (some in none), visits to them (some with no household, some deleted),
 * concerns in every state, pairings with help entries (some ended, some deleted), and disputes
 * with their state-setting events (same-day ones, deleted ones, cases that ran for a year).
 */
function fill(db: Db, seed: number): void {
  const rand = rng(seed);
  write(db, () => {
    const households = Array.from({ length: 12 }, (_, i) => insertRecord(db, 'households', 'household', { label: `户${seed}-${i}` }));
    const people = Array.from({ length: 30 }, (_, i) =>
      insertRecord(db, 'people', 'person', { name: `人${i}`, household_id: rand() < 0.85 ? households[Math.floor(rand() * households.length)] : null }),
    );
    for (let i = 0; i < 900; i++) {
      const person = people[Math.floor(rand() * people.length)]!;
      const household = rand() < 0.1 ? null : (db.prepare('SELECT household_id FROM people WHERE id = ?').pluck().get(person) as number | null);
      insertRecord(db, 'visits', 'visit', { date: day(rand), person_id: person, household_id: household, category: 'other', topics: Math.floor(rand() * 32), deleted_at: rand() < 0.05 ? '2026-01-01T00:00:00Z' : null });
    }
    for (let i = 0; i < 400; i++) {
      const raised = day(rand);
      const resolved = maybe(rand, 0.7, () => addDays(raised, Math.floor(rand() * 90)));
      insertRecord(db, 'concerns', 'concern', {
        person_id: people[Math.floor(rand() * people.length)],
        raised_on: raised,
        text: '事',
        status: resolved ? 'resolved' : 'open',
        due_on: maybe(rand, 0.8, () => addDays(raised, Math.floor(rand() * 40))),
        resolved_on: resolved,
        feedback_on: resolved ? maybe(rand, 0.7, () => addDays(resolved, Math.floor(rand() * 20))) : null,
        deleted_at: rand() < 0.05 ? DELETED : null,
      });
    }
    for (let i = 0; i < 60; i++) {
      const started = day(rand);
      const ended = maybe(rand, 0.5, () => addDays(started, Math.floor(rand() * 300)));
      const pair = insertRecord(db, 'pairs', 'pair', {
        // One running pairing per person and helper.
        person_id: people[i % people.length],
        helper: ['李明', '张红', '王刚', '𠀋'][Math.floor(i / people.length)],
        needs: '帮扶',
        cadence_days: 1 + Math.floor(rand() * 45),
        started_on: started,
        ended_on: ended,
        deleted_at: rand() < 0.05 ? DELETED : null,
      });
      for (let j = Math.floor(rand() * 12); j > 0; j--) {
        insertRecord(db, 'pair_logs', 'pair_log', { pair_id: pair, date: addDays(started, Math.floor(rand() * 400)), action: '走访', deleted_at: rand() < 0.05 ? DELETED : null });
      }
    }
    for (let i = 0; i < 300; i++) {
      const registered = day(rand);
      const source = SOURCES[Math.floor(rand() * SOURCES.length)]!;
      const id = insertRecord(db, 'disputes', 'dispute', {
        title: '纠纷',
        category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
        source,
        channel: source === 'petition' ? 'letter' : null,
        registered_on: registered,
        status: 'registered',
        status_on: registered,
        deleted_at: rand() < 0.03 ? DELETED : null,
      });
      let status = 'registered';
      let date = registered;
      const event = (kind: string, to: string, revisit_due: string | null = null, deleted = false) =>
        insertRecord(db, 'dispute_events', 'dispute_event', { dispute_id: id, date, kind, from_status: status, to_status: to, revisit_due, deleted_at: deleted ? DELETED : null });
      event('register', 'registered');
      const span = rand() < 0.1 ? 400 : 40;
      for (let steps = 1 + Math.floor(rand() * 4); steps > 0 && !['closed', 'escalated', 'withdrawn'].includes(status); steps--) {
        // A quarter of the steps fall on the same day as the one before.
        if (rand() < 0.75) date = addDays(date, Math.floor(rand() * span));
        const next = ['mediating', 'resolved', 'resolved', 'closed', 'escalated', 'withdrawn'][Math.floor(rand() * 6)]!;
        const kind = { mediating: 'step', resolved: 'agreement', closed: 'revisit', escalated: 'escalation', withdrawn: 'withdrawal' }[next]!;
        const deleted = rand() < 0.05;
        event(kind, next, next === 'resolved' ? addDays(date, Math.floor(rand() * 60)) : null, deleted);
        if (!deleted) status = next;
      }
      db.prepare('UPDATE disputes SET status = ?, status_on = ? WHERE id = ?').run(status, date, id);
    }
  });
}

let db: Db;
beforeAll(async () => {
  db = await openDatabase(join(dir, 'figures.db'));
  fill(db, 11);
  return () => db.close();
});

const PERIODS: [IsoDate, IsoDate][] = [
  ['2025-01-01', '2025-12-31'],
  ['2025-03-10', '2026-02-14'],
  ['2025-11-01', '2025-11-30'],
  ['2025-06-01', '2025-08-31'],
  ['2026-10-01', '2026-12-31'],
];
const UNITS = ['week', 'month', 'quarter', 'year'] as const;

describe('a report split by interval', () => {
  it('each interval of every section counts what a report of that interval alone counts', () => {
    for (const today of ['2025-08-15', '2026-11-27']) {
      const range = (r: { from: IsoDate; to: IsoDate }): Range => ({ ...r, asOf: r.to < today ? r.to : today, today });
      for (const [from, to] of PERIODS) {
        for (const unit of UNITS) {
          const intervals = splitPeriod(from, to, unit).map(range);
          for (const name of REPORT_SECTIONS) {
            const { total, per } = SECTION_SPECS[name].count(db, range({ from, to }), intervals, onceMemo());
            const where = `${name} ${from}..${to} by ${unit}, today ${today}`;
            expect(total, where).toEqual(SECTION_SPECS[name].count(db, range({ from, to }), [], onceMemo()).total);
            expect(per, where).toEqual(intervals.map((r) => SECTION_SPECS[name].count(db, r, [], onceMemo()).total));
          }
        }
      }
    }
  });
});

describe('people and households reached, every interval from one read', () => {
  it('equal a distinct count of each interval alone, and of the whole period', () => {
    for (const [from, to] of PERIODS) {
      for (const unit of UNITS) {
        const intervals = splitPeriod(from, to, unit);
        const split = visitReachSplit(db, { from, to }, intervals);
        expect(split.total, `${from}..${to}`).toEqual(visitReach(db, from, to));
        expect(split.per, `${from}..${to} by ${unit}`).toEqual(intervals.map((r) => visitReach(db, r.from, r.to)));
      }
    }
  });

  it('a period not split (a year, a month) has the figures of the per-range query, and no intervals', () => {
    for (const [from, to] of PERIODS) {
      expect(visitReachSplit(db, { from, to }, []), `${from}..${to}`).toEqual({ total: visitReach(db, from, to), per: [] });
    }
  });

  it('a ledger with ids too large to pack is counted by the per-range queries, with the same figures', async () => {
    const big = await openDatabase(join(dir, 'big-ids.db'));
    try {
      write(big, () => {
        const household = insertRecord(big, 'households', 'household', { id: 2 ** 21, label: '大户' });
        const person = insertRecord(big, 'people', 'person', { id: 2 ** 22, name: '甲', household_id: household });
        const other = insertRecord(big, 'people', 'person', { name: '乙' });
        for (const [date, who, home] of [['2025-01-03', person, household], ['2025-02-10', other, null], ['2025-02-11', person, household]] as const) {
          insertRecord(big, 'visits', 'visit', { date, person_id: who, household_id: home, category: 'other', topics: 0 });
        }
      });
      const intervals = splitPeriod('2025-01-01', '2025-03-31', 'month');
      expect(visitReachSplit(big, { from: '2025-01-01', to: '2025-03-31' }, intervals)).toEqual({
        total: { people: 2, households: 1 },
        per: [{ people: 1, households: 1 }, { people: 2, households: 1 }, { people: 0, households: 0 }],
      });
    } finally {
      big.close();
    }
  });

  it('intervals that do not tile the period are counted one by one', () => {
    const intervals = [
      { from: '2025-02-01', to: '2025-02-28' },
      { from: '2025-04-01', to: '2025-06-30' },
    ];
    const split = visitReachSplit(db, { from: '2025-01-01', to: '2025-12-31' }, intervals);
    expect(split.total).toEqual(visitReach(db, '2025-01-01', '2025-12-31'));
    expect(split.per).toEqual(intervals.map((r) => visitReach(db, r.from, r.to)));
  });
});

describe('pairing counts of every interval from one read', () => {
  it('equal the queries of each interval alone', () => {
    for (const [from, to] of PERIODS) {
      for (const unit of UNITS) {
        for (const today of ['2025-08-15', '2026-11-27']) {
          const intervals = splitPeriod(from, to, unit).map((r) => ({ ...r, asOf: r.to < today ? r.to : today }));
          const one = intervals.map((r) => {
            const entries = pairHelpEntriesLogged(db, r.from, r.to, r.asOf);
            const se = pairsStartedAndEnded(db, r.from, r.to, r.asOf);
            return {
              active: pairActivePerHelper(db, r.from, r.to, r.asOf).reduce((n, h) => n + h.active_at_end, 0),
              help_entries: entries.total,
              entries_by_helper: new Map(entries.by_helper.map((h) => [h.helper, h.entries])),
              started: se.started,
              ended: se.ended,
              overdue: pairOverdueContacts(db, r.from, r.to, r.asOf).total,
            };
          });
          expect(pairIntervalCounts(db, intervals), `${from}..${to} by ${unit}, today ${today}`).toEqual(one);
        }
      }
    }
  });
});

describe('the dispute stock on a day', () => {
  it('the same whether the cases finished since are looked for by registration or by status', () => {
    const longest = longestFinishedCase(db, '1900-01-01');
    expect(longest).toBeGreaterThan(100);
    const sorted = (rows: ReturnType<typeof disputeStockRows>) => rows.map((r) => `${r.category} ${r.source} ${r.channel} ${r.key} ${r.n}`).sort();
    const rand = rng(9);
    // The bound by its definition: the longest of the cases finished after the day.
    const finished = db.prepare("SELECT registered_on, status_on FROM disputes WHERE deleted_at IS NULL AND status IN ('closed', 'escalated', 'withdrawn')").all() as { registered_on: IsoDate; status_on: IsoDate }[];
    const longestAfter = (after: IsoDate) => Math.max(0, ...finished.filter((c) => c.status_on > after).map((c) => daysBetween(c.registered_on, c.status_on)));
    const slowest = finished.reduce((a, c) => (daysBetween(c.registered_on, c.status_on) > daysBetween(a.registered_on, a.status_on) ? c : a));
    expect(longestFinishedCase(db, slowest.status_on)).toBeLessThan(longest);
    // Random days, and the days cases finished on and the day before: where a bound changes.
    const ends = [...new Set(finished.map((c) => c.status_on))].sort().filter((_, i) => i % 3 === 0);
    for (const asOf of [...Array.from({ length: 40 }, () => day(rand, 800)), ...ends.flatMap((d) => [d, addDays(d, -1)])]) {
      const byStatus = sorted(disputeStockRows(db, asOf, 30));
      expect(byStatus.some((r) => !r.endsWith(' 0')) || asOf < START).toBe(true);
      expect(sorted(disputeStockRows(db, asOf, 30, longest)), asOf).toEqual(byStatus);
      // Bounded by the cases finished after the day or an earlier one (a report's first): the same cases.
      for (const after of [asOf, addDays(asOf, -45), addDays(asOf, -400)]) {
        const bound = longestFinishedCase(db, after);
        expect(bound).toBe(Math.ceil(longestAfter(after)));
        expect(sorted(disputeStockRows(db, asOf, 30, bound)), `${asOf} after ${after}`).toEqual(byStatus);
      }
    }
  });
});

describe('concern states on many days at once', () => {
  it('open, overdue and awaiting feedback on each day: the definition applied to every concern', () => {
    const rows = db.prepare('SELECT raised_on, due_on, resolved_on, feedback_on FROM concerns WHERE deleted_at IS NULL').all() as Record<'raised_on' | 'due_on' | 'resolved_on' | 'feedback_on', IsoDate | null>[];
    const on = (d: IsoDate) => {
      const open = rows.filter((c) => c.raised_on! <= d && (c.resolved_on === null || c.resolved_on > d));
      return {
        open: open.length,
        overdue: open.filter((c) => c.due_on !== null && c.due_on < d).length,
        awaiting_feedback: rows.filter((c) => c.resolved_on !== null && c.resolved_on <= d && (c.feedback_on === null || c.feedback_on > d)).length,
      };
    };
    const rand = rng(5);
    const sets: IsoDate[][] = [
      ['2025-06-30'],
      splitPeriod('2025-01-01', '2025-12-31', 'month').map((r) => r.to),
      // Unsorted, repeated, before the first concern and after the last.
      ['2026-03-31', '2024-12-31', '2025-05-17', '2026-03-31', '2027-01-01'],
      Array.from({ length: 60 }, () => day(rand, 800)),
    ];
    for (const days of sets) expect(concernStates(db, days), days.join(' ')).toEqual(days.map(on));
  });
});

describe('visit days scanned by the report worker', () => {
  it('answer the same range on another connection of the same snapshot from memory, only while it remembers', async () => {
    const other = await openDatabase(join(dir, 'figures.db'));
    try {
      const scanned = await rememberingVisitDays(db, async () => {
        visitCountsByDay(db, '2025-01-01', '2025-12-31');
        return rememberedVisitDays(db);
      });
      expect(scanned.map(([key]) => key)).toEqual(['2025-01-01|2025-12-31']);
      shareVisitDays(other, scanned);
      expect(visitCountsByDay(other, '2025-01-01', '2025-12-31')).not.toBe(scanned[0]![1]);
      await rememberingVisitDays(other, async () => {
        shareVisitDays(other, scanned);
        expect(visitCountsByDay(other, '2025-01-01', '2025-12-31')).toBe(scanned[0]![1]);
        expect(visitCountsByDay(other, '2025-01-01', '2025-12-31')).toEqual(visitCountsByDay(db, '2025-01-01', '2025-12-31'));
      });
    } finally {
      other.close();
    }
  });
});
