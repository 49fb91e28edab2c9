// The concerns not finished, as the agenda and the documents' due items read them: every state,
// deleted ones left out, and read from the small index of open concerns (migration 0011); and
// the lean reads of open concerns and cases the due rules take, which must match the listings.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConcerns, listOpenConcernsDue } from '../../src/db/concerns.js';
import { insertDispute, listDisputes, listOpenDisputesDue, type DisputeInput } from '../../src/db/dispute.js';
import { openDatabase, type Db } from '../../src/db/open.js';
import { insertRecord, updateRecord, write } from '../../src/db/store.js';
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

/** `row` with only the keys of `like`. */
const project = <T extends object>(row: T, like: object) => Object.fromEntries(Object.keys(like).map((k) => [k, (row as Record<string, unknown>)[k]]));

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

describe('what the due rules read', () => {
  it('is the open concerns of the listing, in its order, with the columns the rules use', () => {
    const lean = listOpenConcernsDue(db);
    const full = listConcerns(db, { open: true });
    expect(lean.map((c) => c.id)).toEqual(full.map((c) => c.id));
    lean.forEach((c, i) => expect(c).toEqual(project(full[i]!, c)));
    expect(Object.keys(lean[0]!).sort()).toEqual(['due_on', 'feedback_on', 'id', 'person', 'raised_on', 'resolved_on', 'status', 'text', 'uid']);
  });

  it('is the open cases of the listing, in its order, with their parties by name', () => {
    const ids = write(db, () => {
      const person = insertRecord(db, 'people', 'person', { name: '李四' });
      const base = { category: 'neighbor', source: 'screening', channel: null, risk: null, flags: [], description: null, visit_id: null } satisfies Omit<DisputeInput, 'title' | 'registered_on'>;
      const open = insertDispute(db, { ...base, title: '宅基地边界', registered_on: '2026-11-02' }, [{ person_id: person }, { name: '外村人' }]);
      const resolved = insertDispute(db, { ...base, title: '鸡鸭吵架', registered_on: '2026-11-01' }, [{ name: '张三' }]);
      updateRecord(db, 'disputes', 'dispute', resolved, { status: 'resolved', status_on: '2026-11-05', agreed_on: '2026-11-05', court_confirmation: 1, revisit_due: '2026-11-20' });
      const closed = insertDispute(db, { ...base, title: '已结', registered_on: '2026-11-01' }, [{ name: '王五' }]);
      updateRecord(db, 'disputes', 'dispute', closed, { status: 'closed', status_on: '2026-11-06' });
      return { open, resolved };
    });
    const lean = listOpenDisputesDue(db);
    const full = listDisputes(db, { open: true });
    expect(lean.map((d) => d.id)).toEqual([ids.resolved, ids.open]);
    expect(lean.map((d) => d.id)).toEqual(full.map((d) => d.id));
    lean.forEach((d, i) => {
      const { parties, ...rest } = d;
      expect(rest).toEqual(project(full[i]!, rest));
      expect(parties).toEqual(full[i]!.parties.map((p) => ({ name: p.name })));
    });
    expect(lean[1]!.parties).toEqual([{ name: '李四' }, { name: '外村人' }]);
    expect(lean[0]).toMatchObject({ status: 'resolved', court_confirmation: true, agreed_on: '2026-11-05', revisit_due: '2026-11-20' });
  });
});
