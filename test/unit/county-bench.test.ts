// The county benchmark's ledgers are real ledgers: filled by direct SQL (bench/county-generate.ts),
// they must read in fs like any other, follow the workflows' rules, and a re-keyed copy must be a
// different village to the county (no uid in common) with the same figures as its template.
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_TODAY, countRecords, RECORD_TABLES, rekey, SHAPES, template, VISITS_PER_LEDGER } from '../../bench/county-generate.js';
import { DECISION_STEPS } from '../../src/domain/decision.js';
import { addDays } from '../../src/time/dates.js';
import { cli, tempDir } from '../helpers/cli.js';

// Shape b: the smallest roster with settings of its own (concern.due_days 15).
const shape = SHAPES.find((s) => s.name === 'b')!;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let dir: string;
let original: string;
let copy: string;

beforeAll(async () => {
  dir = tempDir('fs-county-bench-');
  original = join(dir, 'template.db');
  await template(original, shape);
  copy = join(dir, 'copy.db');
  copyFileSync(original, copy);
  rekey(copy);
}, 60_000);

const rows = <T>(path: string, sql: string): T[] => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

describe('the county benchmark ledgers', () => {
  it('hold a village: 25,000 visits and the other records in proportion', () => {
    const db = new Database(original, { readonly: true });
    const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect(n('visits')).toBe(VISITS_PER_LEDGER);
    expect(n('people')).toBe(shape.people);
    expect(n('households')).toBe(Math.ceil(shape.people / 3));
    for (const t of RECORD_TABLES) expect(n(t), t).toBeGreaterThan(0);
    expect(countRecords(db as never)).toBeGreaterThan(35_000);
    db.close();
  });

  it('follow the workflows: a case is in the state its last event led to, a decision is done with all its steps, concerns fall due after the ledger’s own days', () => {
    const bad = rows(
      original,
      `SELECT d.id FROM disputes d WHERE d.status <> (SELECT e.to_status FROM dispute_events e WHERE e.dispute_id = d.id ORDER BY e.date DESC, e.id DESC LIMIT 1)
         OR d.status_on <> (SELECT max(e.date) FROM dispute_events e WHERE e.dispute_id = d.id)`,
    );
    expect(bad).toEqual([]);
    const decisions = rows<{ status: string; steps: number }>(original, 'SELECT status, (SELECT count(*) FROM decision_steps s WHERE s.decision_id = d.id) AS steps FROM decisions d');
    for (const d of decisions) expect(d.status === 'done', JSON.stringify(d)).toBe(d.steps === DECISION_STEPS.length);
    const concerns = rows<{ raised_on: string; due_on: string }>(original, 'SELECT raised_on, due_on FROM concerns');
    for (const c of concerns) expect(c.due_on).toBe(addDays(c.raised_on, Number(shape.settings['concern.due_days'])));
    const late = rows(original, `SELECT 'visit' FROM visits WHERE date > '${COUNTY_TODAY}' UNION ALL SELECT 'event' FROM dispute_events WHERE date > '${COUNTY_TODAY}' UNION ALL SELECT 'stamp' FROM visits WHERE updated_at > '${COUNTY_TODAY}T23:59:59.999Z'`);
    expect(late).toEqual([]);
  });

  it('pass fs doctor and read in fs report, and a re-keyed copy reports the same figures', () => {
    const fs = cli({ today: COUNTY_TODAY, db: copy });
    expect(fs.run(['doctor']).code).toBe(0);
    const fromCopy = fs.json(['report', 'last-year']) as { visits: { total: number } };
    const fromOriginal = cli({ today: COUNTY_TODAY, db: original }).json(['report', 'last-year']);
    expect(fromCopy.visits.total).toBeGreaterThan(1_000);
    expect(fromCopy).toEqual(fromOriginal);
  });

  it('a copy shares no uid with its template, and every uid is a UUIDv7', () => {
    for (const t of RECORD_TABLES) {
      const a = rows<{ uid: string }>(original, `SELECT uid FROM ${t}`).map((r) => r.uid);
      const b = rows<{ uid: string }>(copy, `SELECT uid FROM ${t}`).map((r) => r.uid);
      expect(b.length, t).toBe(a.length);
      const seen = new Set(a);
      expect(b.filter((u) => seen.has(u)), t).toEqual([]);
      expect(new Set(b).size, t).toBe(b.length);
      expect(b.filter((u) => !UUID_V7.test(u)), t).toEqual([]);
    }
  });
});
