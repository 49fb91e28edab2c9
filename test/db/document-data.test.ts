// The document's data and the due items' state read on their fast paths (indexes, one pass, only
// what is shown) give what the plain queries give: each compared, on a random ledger with the
// awkward rows (deleted, ties on a day, events that set no status, concerns told before resolved),
// with the straightforward query it replaced.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listConcerns } from '../../src/db/concerns.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { documentCases, documentConcerns } from '../../src/db/report-documents.js';
import { DISPUTE_CATEGORIES } from '../../src/domain/dispute.js';
import { addDays } from '../../src/time/dates.js';
import { tempDir } from '../helpers/cli.js';
import { rng } from '../helpers/rng.js';

let db: Db;
const STATUSES = ['registered', 'mediating', 'resolved', 'closed', 'escalated', 'withdrawn'] as const;
const KINDS = ['register', 'step', 'agreement', 'revisit', 'escalation', 'withdrawal'] as const;

/** Rows straight into the tables (the schema's checks still apply): shapes the commands would not make, too. */
function fill(db: Db, seed: number): void {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const day = () => addDays('2025-06-01', Math.floor(rand() * 400));
  const stamp = '2026-01-01T00:00:00.000Z';
  let uid = 0;
  const u = () => `00000000-0000-7000-8000-${String(++uid).padStart(12, '0')}`;
  db.transaction(() => {
    const person = db.prepare('INSERT INTO people (uid, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= 30; i++) person.run(u(), `人${i}`, stamp, stamp);
    const dispute = db.prepare(
      `INSERT INTO disputes (uid, title, category, source, registered_on, status, status_on, court_confirmation, agreed_on, revisit_due, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, 'screening', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const party = db.prepare('INSERT INTO dispute_parties (uid, dispute_id, position, person_id, name, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const event = db.prepare('INSERT INTO dispute_events (uid, dispute_id, date, kind, to_status, note, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= 400; i++) {
      const registered = day();
      const agreed = rand() < 0.4 ? addDays(registered, 10) : null;
      dispute.run(u(), `案${i}`, pick(DISPUTE_CATEGORIES), registered, pick(STATUSES), registered, rand() < 0.2 ? 1 : 0, agreed, rand() < 0.5 ? addDays(registered, 40) : null, stamp, stamp, rand() < 0.05 ? stamp : null);
      for (let p = 0; p < 1 + Math.floor(rand() * 3); p++) {
        const roster = rand() < 0.5;
        party.run(u(), i, p, roster ? 1 + Math.floor(rand() * 30) : null, roster ? null : `外人${p}`, stamp, stamp, rand() < 0.1 ? stamp : null);
      }
      // Several events, some on one day (the id decides), some setting no status, some deleted.
      const n = Math.floor(rand() * 6);
      let d = registered;
      for (let e = 0; e < n; e++) {
        if (rand() < 0.6) d = addDays(d, Math.floor(rand() * 60));
        event.run(u(), i, d, pick(KINDS), rand() < 0.7 ? pick(STATUSES) : null, rand() < 0.5 ? `记|录${e}` : null, stamp, stamp, rand() < 0.1 ? stamp : null);
      }
    }
    const concern = db.prepare(
      `INSERT INTO concerns (uid, person_id, raised_on, text, status, referred_to, due_on, resolved_on, feedback_on, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= 600; i++) {
      const raised = day();
      const status = pick(['open', 'referred', 'resolved', 'resolved', 'resolved'] as const);
      const resolved = status === 'resolved' ? (rand() < 0.9 ? addDays(raised, Math.floor(rand() * 30)) : null) : null;
      // Told: mostly after resolving; sometimes while still open (the schema allows it).
      const told = rand() < (status === 'resolved' ? 0.8 : 0.1) ? addDays(raised, Math.floor(rand() * 40)) : null;
      concern.run(u(), rand() < 0.8 ? 1 + Math.floor(rand() * 30) : null, raised, `诉求${i}`, status, status === 'referred' ? '民政' : null, rand() < 0.7 ? addDays(raised, 30) : null, resolved, told, stamp, stamp, rand() < 0.05 ? stamp : null);
    }
  })();
}

beforeAll(async () => {
  db = await openDatabase(join(tempDir(), 'document-data.db'));
  fill(db, 20261202);
  return () => db.close();
});

const PERIODS = [
  ['2025-06-01', '2025-06-30'],
  ['2025-07-01', '2025-09-30'],
  ['2025-01-01', '2025-12-31'],
  ['2026-01-01', '2026-12-31'],
  ['2026-03-02', '2026-03-08'],
  ['2030-01-01', '2030-12-31'],
] as const;

// The queries the fast paths replaced, as they were.
const OLD_TOUCHED = `SELECT e.dispute_id AS id, min(e.date) AS date FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id
  WHERE e.deleted_at IS NULL AND e.date BETWEEN @from AND @to AND d.deleted_at IS NULL GROUP BY e.dispute_id`;
const OLD_STATUS_AT_END = `coalesce((SELECT e.to_status FROM dispute_events e WHERE e.dispute_id = d.id AND e.deleted_at IS NULL AND e.to_status IS NOT NULL AND e.date <= @to ORDER BY e.date DESC, e.id DESC LIMIT 1), d.status)`;

function oldCases(from: string, to: string, limit: number) {
  const params = { from, to };
  const total = (db.prepare(`SELECT count(*) AS n FROM (${OLD_TOUCHED})`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT t.id, t.date, d.title, d.category, ${OLD_STATUS_AT_END} AS status,
            coalesce((SELECT group_concat(coalesce(p.name, dp.name), '、') FROM dispute_parties dp LEFT JOIN people p ON p.id = dp.person_id WHERE dp.dispute_id = d.id AND dp.deleted_at IS NULL), '') AS parties,
            coalesce((SELECT group_concat(x, '\u001e') FROM (SELECT e.kind || '|' || e.date || '|' || coalesce(e.note, '') || '|' || coalesce(e.to_status, '') AS x
                      FROM dispute_events e WHERE e.dispute_id = d.id AND e.deleted_at IS NULL AND e.date BETWEEN @from AND @to ORDER BY e.date, e.id)), '') AS events
     FROM (SELECT * FROM (${OLD_TOUCHED}) ORDER BY date DESC, id DESC${limit > 0 ? ` LIMIT ${limit}` : ''}) t JOIN disputes d ON d.id = t.id
     ORDER BY t.date, t.id`,
    )
    .all(params);
  const grid = db
    .prepare(`SELECT category, status, count(*) AS n FROM (SELECT d.category, ${OLD_STATUS_AT_END} AS status FROM (${OLD_TOUCHED}) t JOIN disputes d ON d.id = t.id) GROUP BY category, status`)
    .all(params);
  return { total, rows: limit < 0 ? [] : rows, grid };
}

describe('the document data on its fast paths equals the plain queries', () => {
  it('cases touched: the grid by status at the period end, the total, the newest shown with their events', () => {
    let touched = 0;
    for (const [from, to] of PERIODS) {
      for (const limit of [-1, 0, 1, 7, 50]) {
        const { cases, grid } = documentCases(db, from, to, limit);
        const old = oldCases(from, to, limit);
        expect(grid).toEqual(old.grid);
        expect(cases.total).toBe(old.total);
        expect(cases.rows.map(({ eventList: _, ...row }) => row)).toEqual(old.rows);
        touched += cases.total;
      }
    }
    expect(touched).toBeGreaterThan(100);
  });

  it('concerns of the period: the total counted on the dates index, the newest shown', () => {
    for (const [from, to] of PERIODS) {
      const where = 'c.deleted_at IS NULL AND (c.raised_on BETWEEN @from AND @to OR c.resolved_on BETWEEN @from AND @to OR c.feedback_on BETWEEN @from AND @to)';
      const all = db.prepare(`SELECT c.id, c.raised_on AS date FROM concerns c WHERE ${where} ORDER BY c.raised_on DESC, c.id DESC`).all({ from, to }) as { id: number }[];
      for (const limit of [-1, 0, 5]) {
        const got = documentConcerns(db, from, to, limit);
        expect(got.total).toBe(all.length);
        expect(got.rows.map((r) => r.id)).toEqual(limit < 0 ? [] : (limit ? all.slice(0, limit) : all).map((r) => r.id).reverse());
      }
    }
  });

  it('open concerns (not resolved, or the villager not told), alone and with the other filters', () => {
    const all = listConcerns(db);
    const open = all.filter((c) => c.status !== 'resolved' || c.feedback_on === null);
    expect(open.length).toBeGreaterThan(50);
    expect(open.some((c) => c.status !== 'resolved' && c.feedback_on !== null)).toBe(true);
    expect(listConcerns(db, { open: true })).toEqual(open);
    expect(listConcerns(db, { open: true, person_id: 3 })).toEqual(open.filter((c) => c.person_id === 3));
    expect(listConcerns(db, { open: true, from: '2025-09-01', to: '2025-12-31' })).toEqual(open.filter((c) => c.raised_on >= '2025-09-01' && c.raised_on <= '2025-12-31'));
  });
});
