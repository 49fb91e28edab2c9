// What fs history and fs undo say about a change, in words: every field of every logged table has
// a name in both languages, and every stored key is shown by its label, not as stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { COLUMN_RULES } from '../../src/domain/constraints.js';
import { hasMessage, setLang, t } from '../../src/i18n/index.js';
import { summariseChange } from '../../src/render/safety.js';

/** The tables whose rows are logged, by the entity name their changes are logged under. */
const LOGGED: Record<string, string> = {
  households: 'household',
  people: 'person',
  visits: 'visit',
  concerns: 'concern',
  disputes: 'dispute',
  dispute_parties: 'dispute_party',
  dispute_events: 'dispute_event',
  pairs: 'pair',
  pair_logs: 'pair_log',
  meetings: 'meeting',
  meeting_attendance: 'meeting_attendance',
  decisions: 'decision',
  decision_steps: 'decision_step',
  plans: 'plan',
  plan_milestones: 'milestone',
  plan_progress: 'progress',
  presence_days: 'presence',
  presence_holidays: 'holiday',
};
const UNSPOKEN = new Set(['id', 'uid', 'created_at', 'updated_at']);

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fs-history-words-'));
  db = await openDatabase(join(dir, 'ledger.db'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (entity: string, changes: Record<string, unknown>) => ({ id: 1, at: '2026-11-27T02:00:00Z', entity, entity_id: 1, entity_uid: null, op: 'insert', changes });

describe('a logged change in words', () => {
  it('names every field of every logged table in both languages', () => {
    const missing: string[] = [];
    for (const table of Object.keys(LOGGED)) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
      expect(columns.length, table).toBeGreaterThan(0);
      for (const c of columns) if (!UNSPOKEN.has(c) && !hasMessage(`field.${c}`)) missing.push(`${table}.${c}`);
    }
    expect(missing).toEqual([]);
  });

  it('shows each stored key of each table by its label in Chinese, the field by its name', () => {
    setLang('zh');
    try {
      for (const [table, rules] of Object.entries(COLUMN_RULES)) {
        for (const [column, rule] of Object.entries(rules)) {
          if (rule.kind !== 'key' && rule.kind !== 'keys') continue;
          for (const key of rule.keys) {
            const said = summariseChange(insert(LOGGED[table]!, { [column]: rule.kind === 'keys' ? JSON.stringify([key]) : key }));
            expect(said, `${table}.${column} = ${key}`).toBe(`${t(`field.${column}`)}：${said.slice(said.indexOf('：') + 1)}`);
            expect(said, `${table}.${column} = ${key}`).not.toContain(key);
          }
        }
      }
    } finally {
      setLang('en');
    }
  });

  it('reads as the secretary would say it, in both languages', () => {
    const visit = insert('visit', { date: '2026-11-27', category: 'poor-household', topics: 9, notes: '屋顶漏雨', person_id: 1, performed: 1 });
    expect(summariseChange(visit)).toBe('date: 2026-11-27, category: households in hardship, topics asked: how the team works, people\'s hardships, notes: 屋顶漏雨, person: 1, performed: yes');
    setLang('zh');
    try {
      expect(summariseChange(visit)).toMatch(/^日期：2026-11-27，类别：困难户，询问事项：.+、.+，备注：屋顶漏雨，人员：1，已履行：是$/);
      const edit = { ...visit, op: 'update', entity: 'concern', changes: { status: 'referred', referred_to: '镇民政办', before: { status: 'open', referred_to: null } } };
      expect(summariseChange(edit)).toBe('状态：跟踪中 → 已转办，转办单位：∅ → 镇民政办');
    } finally {
      setLang('en');
    }
  });
});
