// The concerns not finished, as the agenda and the documents' due items read them: every state,
// deleted ones left out, and read from the small index of open concerns (migration 0011).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConcerns } from '../../src/db/concerns.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { insertRecord, write } from '../../src/db/store.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();
let db: Db;

// [status, resolved_on, feedback_on, deleted]
const CASES: [string, string | null, string | null, boolean][] = [
  ['open', null, null, false],
  ['referred', null, null, false],
  ['resolved', '2026-11-10', null, false], // resolved, villager not told
  ['resolved', '2026-11-10', '2026-11-12', false], // finished
  ['open', null, null, true],
  ['resolved', '2026-11-10', null, true],
  ['referred', null, '2026-11-12', false], // told of the referral, not resolved
];

beforeAll(async () => {
  db = await openDatabase(join(dir, 'open.db'));
  write(db, () => {
    const person = insertRecord(db, 'people', 'person', { name: '王秀英' });
    CASES.forEach(([status, resolved_on, feedback_on, deleted], i) => {
      insertRecord(db, 'concerns', 'concern', {
        person_id: person,
        raised_on: `2026-11-0${(i % 9) + 1}`,
        text: `诉求${i}`,
        status,
        due_on: '2026-11-20',
        resolved_on,
        feedback_on,
        ...(deleted ? { deleted_at: '2026-11-15T00:00:00Z' } : {}),
      });
    });
  });
});

afterAll(() => db.close());

describe('open concerns', () => {
  it('are those not resolved, or resolved and not told, never deleted, in the order raised', () => {
    expect(listConcerns(db, { open: true }).map((c) => c.text)).toEqual(['诉求0', '诉求1', '诉求2', '诉求6']);
    expect(listConcerns(db, { open: true })[0]).toMatchObject({ person: '王秀英', status: 'open', due_on: '2026-11-20' });
  });

  it('come from the covering index of open concerns, not the table', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT c.id, c.text, c.note, c.updated_at FROM concerns c WHERE c.deleted_at IS NULL AND (c.status <> 'resolved' OR c.feedback_on IS NULL) ORDER BY c.raised_on, c.id`)
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/COVERING INDEX concerns_open/);
  });
});
