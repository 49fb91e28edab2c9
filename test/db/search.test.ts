// fs search on temp databases: every kind of text is found by 1-, 2- and 3+-character Chinese
// words and mixed text, the index follows edits and removals in the writer's transaction (no
// stale hits), typed FTS syntax is plain text, and migration 0008 indexes an existing ledger.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertDecision, recordSteps } from '../../src/db/decisions.js';
import { applyStep, insertDispute } from '../../src/db/dispute.js';
import { insertMeeting, updateMeeting } from '../../src/db/meetings.js';
import { latestVersion, listMigrations, openDatabase, type Db } from '../../src/db/open.js';
import { insertPair, insertPairLog } from '../../src/db/pair.js';
import { deletePerson, insertPerson, updatePerson } from '../../src/db/people.js';
import { insertMilestone } from '../../src/db/plan-milestones.js';
import { insertPlan, insertProgress } from '../../src/db/plans.js';
import { findRecords } from '../../src/db/search.js';
import { write } from '../../src/db/store.js';
import { exportRecords, importRecords } from '../../src/db/transfer.js';
import { deleteVisit, insertVisit, updateVisit } from '../../src/db/visits.js';
import { dayNumber, encodeRowid, SEARCH_SOURCES, searchWords, type SearchKind } from '../../src/domain/search.js';
import { tempDir } from '../helpers/cli.js';
import { rng } from '../helpers/rng.js';

const dir = tempDir();
let n = 0;

/** A small ledger with text in every searchable place. */
function seed(db: Db) {
  return write(db, () => {
    const wang = insertPerson(db, { name: '王秀英', notes: '低保户，独居' });
    const zhang = insertPerson(db, { name: '张建国' });
    const visit = (date: string, notes: string | null, place: string | null = null, concerns: string[] = [], person = wang) =>
      insertVisit(db, { date, person_id: person, household_id: null, category: 'poor-household', topics: ['hardship'], notes, place }, concerns, 30);
    const roof = visit('2026-11-20', '屋顶漏雨，担心过冬', null, ['修缮屋顶']);
    const lamp = visit('2026-10-05', '路灯坏了三盏', '村东头');
    const ipad = visit('2026-09-01', '孩子用iPad上网课，WiFi信号差', null, [], zhang);
    const syntax = visit('2026-08-01', 'a*b "quoted" -x NEAR(y) OR z');
    const dispute = insertDispute(
      db,
      { title: '宅基地边界纠纷', category: 'homestead', source: 'visit', channel: null, risk: null, flags: [], registered_on: '2026-07-01', description: '两家围墙越界', visit_id: null },
      [{ person_id: wang }, { name: '外村人李四' }],
    );
    applyStep(db, dispute, { status: 'mediating', status_on: '2026-07-03' }, {
      date: '2026-07-03', kind: 'step', from_status: 'registered', to_status: 'mediating', note: '第一次调解，双方同意退让', participants: [], performed: null, satisfied: null, escalated_to: null, revisit_due: null,
    });
    const pair = insertPair(db, { person_id: zhang, helper: '李明', needs: '产业帮扶', measures: null, cadence_days: 30, started_on: '2026-06-01' });
    insertPairLog(db, pair, { date: '2026-06-15', action: '送去鸡苗一百只', result: null });
    const meeting = insertMeeting(
      db,
      { type: 'branch-general', date: '2026-05-10', topic: '学习新党章', place: '村部', chair: '李明', recorder: null, expected: 3, present: 2, vote: false, forced: false, decisions: ['通过修路方案'], minutes: null },
      [
        { person_id: wang, name: '王秀英', present: true, reason: null },
        { person_id: null, name: '赵六', present: false, reason: '外出务工' },
      ],
    );
    const decision = insertDecision(db, { matter: '集体土地流转', kind: 'land-forest-transfer', date: '2026-04-01' });
    recordSteps(db, decision, [{ step: 'proposal', date: '2026-04-02', meeting_id: null, expected: null, present: null, votes_for: null, passed: null, combined: false, note: '支部提议公开招标' }], 'in-progress');
    const plan = insertPlan(db, { kind: 'practical', area: 'public-welfare', title: '硬化村道', target: null, measures: null, owner: '村委会', start_on: '2026-03-01', due_on: '2026-12-31', budget: null });
    insertMilestone(db, { plan_id: plan, title: '铺设路面', due_on: '2026-09-30', owner: null });
    insertProgress(db, { plan_id: plan, date: '2026-03-20', note: '路基完成一半', percent: 30 });
    return { wang, zhang, roof, lamp, ipad, syntax, dispute, pair, meeting, decision, plan };
  });
}

async function ledger() {
  const db = await openDatabase(join(dir, `s${++n}.db`));
  return { db, ids: seed(db) };
}

const find = (db: Db, text: string, o: { kinds?: SearchKind[]; from?: string; to?: string; limit?: number } = {}) =>
  findRecords(db, { words: searchWords(text), kinds: o.kinds ?? [], from: o.from, to: o.to, limit: o.limit ?? 0 }).hits;
const refs = (db: Db, text: string, o: Parameters<typeof find>[2] = {}) => find(db, text, o).map((h) => `${h.kind}#${h.ref.id}`);

/** Every rowid the index holds equals what the live records give, computed here independently. */
function expectIndexInStep(db: Db) {
  const expected: number[] = [];
  const textCols: Record<string, string[]> = {
    people: ['name', 'notes'], visits: ['notes', 'place'], concerns: ['text', 'note', 'referred_to'],
    disputes: ['title', 'description', 'agreement', 'responsibility', 'escalated_to'], dispute_events: ['note', 'escalated_to'],
    pairs: ['needs', 'measures', 'outcome', 'helper'], pair_logs: ['action', 'result'], meetings: ['topic', 'place', 'minutes', 'decisions', 'chair', 'recorder'],
    decisions: ['matter'], decision_steps: ['note'], plans: ['title', 'target', 'measures', 'owner', 'drop_reason'],
    plan_milestones: ['title', 'note', 'owner', 'drop_reason'], plan_progress: ['note'],
  };
  const dateCol: Record<string, string> = {
    people: 'NULL', visits: 'date', concerns: 'raised_on', disputes: 'registered_on', dispute_events: 'date', pairs: 'started_on', pair_logs: 'date',
    meetings: 'date', decisions: 'date', decision_steps: 'date', plans: 'coalesce(start_on, due_on)', plan_milestones: 'due_on', plan_progress: 'date',
  };
  for (const [source, { table }] of Object.entries(SEARCH_SOURCES)) {
    const rows = db.prepare(`SELECT id, ${dateCol[table]} AS d, ${textCols[table]!.join(', ')} FROM ${table} WHERE deleted_at IS NULL`).all() as Record<string, unknown>[];
    for (const r of rows) {
      if (!textCols[table]!.some((c) => typeof r[c] === 'string' && (r[c] as string).trim() !== '')) continue;
      expected.push(encodeRowid(r.d ? dayNumber(r.d as string) : 0, Number(source), r.id as number));
    }
  }
  const actual = (db.prepare('SELECT rowid FROM search_index').all() as { rowid: number }[]).map((r) => r.rowid);
  expect(actual.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
}

describe('fs search: what is found', () => {
  it('one-, two- and three-or-more-character Chinese words', async () => {
    const { db, ids } = await ledger();
    expect(refs(db, '屋顶')).toEqual([`concern#${ids.roof}`, `visit#${ids.roof}`].map((r) => r.replace(/concern#\d+/, 'concern#1')));
    expect(refs(db, '屋顶漏雨')).toEqual([`visit#${ids.roof}`]);
    expect(refs(db, '低保')).toEqual([`person#${ids.wang}`]);
    // 路 at the start of a text, inside and at the end; a plan found by its milestone and its
    // progress note is listed once.
    expect(refs(db, '路')).toEqual([`visit#${ids.lamp}`, `plan#${ids.plan}`, `meeting#${ids.meeting}`]);
    expect(refs(db, '村道')).toEqual([`plan#${ids.plan}`]);
    expect(refs(db, '漏')).toEqual([`visit#${ids.roof}`]);
    expect(refs(db, '冬')).toEqual([`visit#${ids.roof}`]);
    // The last character of the last field (the place; a person's notes).
    expect(refs(db, '头')).toEqual([`visit#${ids.lamp}`]);
    expect(refs(db, '居')).toEqual([`person#${ids.wang}`]);
    expect(refs(db, '独居')).toEqual([`person#${ids.wang}`]);
    expect(refs(db, '无此词')).toEqual([]);
  });

  it('a character that begins very many different trigrams (the one-pass path)', async () => {
    const { db } = await ledger();
    const many = Array.from({ length: 300 }, (_, i) => `坡${String.fromCodePoint(0x4e00 + i)}`).join(' ');
    const id = write(db, () => insertPerson(db, { name: '孙八', notes: many }));
    expect(refs(db, '坡')).toEqual([`person#${id}`]);
    expect(refs(db, `坡${String.fromCodePoint(0x4e00 + 299)}`)).toEqual([`person#${id}`]);
  });

  it('mixed Chinese and English, case-insensitive', async () => {
    const { db, ids } = await ledger();
    for (const q of ['iPad上网', 'ipad', 'IPAD', 'wifi信号', 'Fi信', 'Wi']) expect(refs(db, q), q).toEqual([`visit#${ids.ipad}`]);
  });

  it('several words must all be there, in any order, anywhere in the record', async () => {
    const { db, ids } = await ledger();
    expect(refs(db, '修 路')).toEqual([`meeting#${ids.meeting}`]);
    expect(refs(db, '路 修')).toEqual([`meeting#${ids.meeting}`]);
    expect(refs(db, '过冬 屋顶')).toEqual([`visit#${ids.roof}`]);
    expect(refs(db, '屋顶 路灯')).toEqual([]);
  });

  it('every kind of text: names, places, cases, steps, parties, logs, meetings, absentees, decisions, plans', async () => {
    const { db, ids } = await ledger();
    const cases: Array<[string, string, string]> = [
      ['王秀英', `person#${ids.wang}`, 'name'],
      ['村东头', `visit#${ids.lamp}`, 'place'],
      ['宅基地', `dispute#${ids.dispute}`, 'title'],
      ['围墙越界', `dispute#${ids.dispute}`, 'description'],
      ['李四', `dispute#${ids.dispute}`, 'parties'],
      ['退让', `dispute#${ids.dispute}`, 'step'],
      ['产业', `pair#${ids.pair}`, 'needs'],
      ['鸡苗', `pair#${ids.pair}`, 'help_log'],
      ['党章', `meeting#${ids.meeting}`, 'topic'],
      ['务工', `meeting#${ids.meeting}`, 'absence_reasons'],
      ['土地流转', `decision#${ids.decision}`, 'matter'],
      ['招标', `decision#${ids.decision}`, 'step'],
      ['硬化', `plan#${ids.plan}`, 'title'],
      ['路基', `plan#${ids.plan}`, 'progress'],
      ['路面', `plan#${ids.plan}`, 'milestone'],
    ];
    for (const [q, ref, field] of cases) {
      const hits = find(db, q);
      expect(hits.map((h) => `${h.kind}#${h.ref.id}`), q).toEqual([ref]);
    }
    // The person of a hit: the visit's, the case's first party, the pairing's.
    expect(find(db, '宅基地')[0]!.person).toEqual({ id: ids.wang, name: '王秀英' });
    expect(find(db, '鸡苗')[0]).toMatchObject({ date: '2026-06-15', person: { id: ids.zhang, name: '张建国' }, ref: { entity: 'pair', id: ids.pair } });
    expect(find(db, '退让')[0]!.date).toBe('2026-07-03');
  });

  it('typed FTS syntax is plain text: quotes, *, -, NEAR, AND/OR', async () => {
    const { db, ids } = await ledger();
    for (const q of ['a*b', '"quoted"', '-x', 'NEAR(y)', 'OR', '"quoted" -x', 'a*b OR']) expect(refs(db, q), q).toEqual([`visit#${ids.syntax}`]);
    for (const q of ['"', '*', 'NEAR(', 'AND', '"a*b', "'; DROP TABLE visits; --", '{notes}:x', '^a']) expect(() => find(db, q), q).not.toThrow();
    expect(refs(db, 'AND')).toEqual([]);
    expect(refs(db, 'a* OR w')).toEqual([]);
    expect(refs(db, 'a* OR z')).toEqual([`visit#${ids.syntax}`]);
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 4 });
  });

  it('newest first; kinds; a period; a limit', async () => {
    const { db, ids } = await ledger();
    const all = find(db, '路');
    expect(all.map((h) => h.date)).toEqual([...all.map((h) => h.date)].sort().reverse());
    expect(refs(db, '路', { kinds: ['plan'] })).toEqual([`plan#${ids.plan}`]);
    // The plan's newest match is its milestone (due 2026-09-30); before it, its progress note.
    expect(find(db, '路', { kinds: ['plan'] })[0]!.date).toBe('2026-09-30');
    expect(find(db, '路', { kinds: ['plan'], to: '2026-09-29' })[0]!.date).toBe('2026-03-20');
    expect(refs(db, '路', { kinds: ['visit', 'meeting'] })).toEqual([`visit#${ids.lamp}`, `meeting#${ids.meeting}`]);
    expect(refs(db, '王秀英', { kinds: ['person'] })).toEqual([`person#${ids.wang}`]);
    expect(refs(db, '路', { from: '2026-05-01', to: '2026-05-31' })).toEqual([`meeting#${ids.meeting}`]);
    expect(refs(db, '路', { from: '2026-10-05', to: '2026-10-05' })).toEqual([`visit#${ids.lamp}`]);
    expect(refs(db, '路', { from: '2026-10-06' })).toEqual([]);
    // Undated records (people) fall outside any period.
    expect(refs(db, '王秀英', { to: '2026-12-31' })).toEqual([]);
    const first = findRecords(db, { words: ['路'], kinds: [], limit: 2 });
    expect(first.hits.map((h) => h.date)).toEqual(['2026-10-05', '2026-09-30']);
    expect(first.more).toBe(true);
    expect(findRecords(db, { words: ['路'], kinds: [], limit: 3 }).more).toBe(false);
  });
});

describe('fs search: the index follows every write', () => {
  it('an edit: the old words are gone, the new ones found, a new date moves the hit', async () => {
    const { db, ids } = await ledger();
    write(db, () => updateVisit(db, ids.roof, { notes: '院墙倒塌', date: '2026-11-25' }));
    expect(refs(db, '屋顶漏雨')).toEqual([]);
    expect(refs(db, '过冬')).toEqual([]);
    expect(refs(db, '屋顶')).toEqual(['concern#1']);
    expect(find(db, '院墙')[0]).toMatchObject({ date: '2026-11-25', ref: { id: ids.roof } });
    expect(refs(db, '院墙', { to: '2026-11-24' })).toEqual([]);
    write(db, () => updatePerson(db, ids.wang, { name: '王秀兰' }));
    expect(refs(db, '王秀英')).toEqual([]);
    expect(refs(db, '秀兰')).toEqual([`person#${ids.wang}`]);
    expectIndexInStep(db);
  });

  it('a removal: no stale hit, for the record and for its text kept in other tables', async () => {
    const { db, ids } = await ledger();
    write(db, () => deleteVisit(db, ids.lamp));
    expect(refs(db, '路灯')).toEqual([]);
    expect(refs(db, '村东头')).toEqual([]);
    write(db, () => deletePerson(db, ids.wang));
    expect(refs(db, '低保')).toEqual([]);
    // A meeting's attendance rewritten: the old absentee's reason is gone.
    write(db, () => updateMeeting(db, ids.meeting, {}, [{ person_id: null, name: '赵六', present: false, reason: '生病住院' }]));
    expect(refs(db, '务工')).toEqual([]);
    expect(refs(db, '住院')).toEqual([`meeting#${ids.meeting}`]);
    expectIndexInStep(db);
  });

  it('a rolled-back write leaves the index as it was', async () => {
    const { db } = await ledger();
    expect(() =>
      write(db, () => {
        insertPerson(db, { name: '钱七', notes: '临时记录' });
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(refs(db, '临时记录')).toEqual([]);
    expectIndexInStep(db);
  });

  it('any SQLite client writing the tables keeps it in step (plain SQL, no fs functions)', async () => {
    const { db, ids } = await ledger();
    db.prepare("UPDATE visits SET notes = '水管冻裂' WHERE id = ?").run(ids.ipad);
    db.prepare("UPDATE plan_progress SET deleted_at = '2026-11-01T00:00:00Z'").run();
    db.prepare('DELETE FROM meeting_attendance').run();
    db.prepare("UPDATE dispute_parties SET name = '外村人王五' WHERE name IS NOT NULL").run();
    expect(refs(db, 'ipad')).toEqual([]);
    expect(refs(db, '冻裂')).toEqual([`visit#${ids.ipad}`]);
    expect(refs(db, '路基')).toEqual([]);
    expect(refs(db, '务工')).toEqual([]);
    expect(refs(db, '李四')).toEqual([]);
    expect(refs(db, '王五')).toEqual([`dispute#${ids.dispute}`]);
    expectIndexInStep(db);
  });
});

describe('fs search against a brute-force oracle', () => {
  it('after 300 random adds, edits and removals, every word finds exactly the live records holding it', async () => {
    const db = await openDatabase(join(dir, 'oracle.db'));
    const rand = rng(12);
    const pool = ['屋顶', '漏雨', '修路', '路灯', '低保', 'WiFi', '网课', '水', '路', '修', '"', '*', 'OR', '屋'];
    const text = () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pool[Math.floor(rand() * pool.length)]).join(rand() < 0.5 ? '' : '，');
    const person = write(db, () => insertPerson(db, { name: '王秀英' }));
    const live = new Map<number, { notes: string; date: string }>();
    for (let i = 0; i < 300; i++) {
      const r = rand();
      const ids = [...live.keys()];
      const date = `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      if (r < 0.5 || ids.length === 0) {
        const notes = text();
        const id = write(db, () => insertVisit(db, { date, person_id: person, household_id: null, category: 'other', topics: [], notes, place: null }, [], 30));
        live.set(id, { notes, date });
      } else if (r < 0.8) {
        const id = ids[Math.floor(rand() * ids.length)]!;
        const notes = text();
        write(db, () => updateVisit(db, id, { notes, date }));
        live.set(id, { notes, date });
      } else {
        const id = ids[Math.floor(rand() * ids.length)]!;
        write(db, () => deleteVisit(db, id));
        live.delete(id);
      }
    }
    expectIndexInStep(db);
    const words = [...pool, '修 路', '屋顶 水', 'wifi', '顶漏', '路，修', '不在'];
    for (const q of words) {
      const ws = searchWords(q);
      const expected = [...live.entries()]
        .filter(([, v]) => ws.every((w) => v.notes.toLowerCase().includes(w.toLowerCase())))
        .sort((a, b) => (a[1].date === b[1].date ? b[0] - a[0] : a[1].date < b[1].date ? 1 : -1))
        .map(([id]) => id);
      expect(find(db, q, { kinds: ['visit'] }).map((h) => h.ref.id), q).toEqual(expected);
    }
  });
});

describe('import', () => {
  const triggers = (db: Db) => (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'").get() as { n: number }).n;
  const load = (db: Db, lines: string[], dryRun = false) => importRecords(db, lines, { dryRun, knownSchema: latestVersion(), source: 'test' });

  it('into an empty ledger: indexed in bulk before commit, the triggers back in place; a dry run leaves nothing', async () => {
    const { db: from, ids } = await ledger();
    const lines: string[] = [];
    exportRecords(from, (l) => lines.push(l));
    const db = await openDatabase(join(dir, `import-${++n}.db`));
    const before = triggers(db);
    expect(before).toBeGreaterThan(0);
    load(db, lines, true);
    expect(triggers(db)).toBe(before);
    expect(refs(db, '屋顶')).toEqual([]);
    load(db, lines);
    expect(triggers(db)).toBe(before);
    expect(refs(db, '屋顶漏雨')).toEqual([`visit#${ids.roof}`]);
    expect(refs(db, '务工')).toEqual([`meeting#${ids.meeting}`]);
    expectIndexInStep(db);
    // Later writes are indexed by the triggers again.
    write(db, () => updateVisit(db, ids.roof, { notes: '院墙倒塌' }));
    expect(refs(db, '屋顶漏雨')).toEqual([]);
    expect(refs(db, '院墙')).toEqual([`visit#${ids.roof}`]);
    expectIndexInStep(db);
  });

  it('into a ledger with records: each imported row through the triggers, the rest untouched', async () => {
    const { db: from } = await ledger();
    write(from, () => updateVisit(from, 1, { notes: '新的内容：水渠' }));
    const lines: string[] = [];
    exportRecords(from, (l) => lines.push(l));
    const { db } = await ledger();
    load(db, lines);
    // Other uids: the other ledger's records are added beside this one's.
    expect(refs(db, '水渠')).toEqual(['visit#5']);
    expect(refs(db, '屋顶漏雨')).toEqual(['visit#1']);
    expectIndexInStep(db);
  });
});

describe('migration 0008', () => {
  it('indexes a ledger written before it', async () => {
    const path = join(dir, 'before-0008.db');
    const before = listMigrations().filter((m) => m.version < 8);
    const old = await openDatabase(path, { migrations: before });
    const ids = seed(old);
    old.close();
    const db = await openDatabase(path);
    expect(refs(db, '屋顶漏雨')).toEqual([`visit#${ids.roof}`]);
    expect(refs(db, '路').length).toBe(3);
    expect(refs(db, '务工')).toEqual([`meeting#${ids.meeting}`]);
    expect(refs(db, '李四')).toEqual([`dispute#${ids.dispute}`]);
    expectIndexInStep(db);
  });
});
