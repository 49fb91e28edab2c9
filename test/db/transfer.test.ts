// Export and import on temp databases: every table (found by reading the schema), uids, references,
// child rows, the newer record wins, all or nothing with the line number of a bad line.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion, listMigrations, openDatabase, type Db } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { describeSchema, q, userTables } from '../../src/db/schema.js';
import { write } from '../../src/db/store.js';
import { exportRecords, importRecords } from '../../src/db/transfer.js';
import { getVisit, insertVisit, updateVisit } from '../../src/db/visits.js';
import { tempDir } from '../helpers/cli.js';
import { fillEveryTable } from '../helpers/fill.js';

const dir = tempDir();
let n = 0;
const fresh = () => openDatabase(join(dir, `t${++n}.db`));

function exportLines(db: Db): string[] {
  const lines: string[] = [];
  exportRecords(db, (l) => lines.push(l), '2026-11-27T00:00:00.000Z');
  return lines;
}

const load = (db: Db, lines: string[], dryRun = false) =>
  importRecords(db, lines, { dryRun, knownSchema: db.pragma('user_version', { simple: true }) as number, source: 'test' });
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${q(table)}`).get() as { n: number }).n;
const fingerprint = (db: Db) => userTables(db).map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM ${q(t)}`).all())}`).join('\n');

describe('export → import into an empty database → export', () => {
  it('gives the same records, over rows in every table of the schema', async () => {
    const a = await fresh();
    const filled = fillEveryTable(a);
    for (const [table, rows] of Object.entries(filled)) expect(rows, table).toBeGreaterThan(0);
    const first = exportLines(a);
    const schema = describeSchema(a);
    // Every table travels: records and keyed tables as lines, child tables inside their parents.
    const seen = new Set(first.slice(1).map((l) => JSON.parse(l).entity as string));
    for (const l of first.slice(1)) for (const [c, rows] of Object.entries(JSON.parse(l).children ?? {})) if ((rows as unknown[]).length) seen.add(c);
    const expected = [...schema.byName.values()].filter((s) => s.kind !== 'log').map((s) => s.name);
    expect([...seen].sort()).toEqual(expected.sort());

    const b = await fresh();
    const result = load(b, first);
    expect(result.counts.every((c) => c.updated === 0 && c.skipped === 0)).toBe(true);
    const second = exportLines(b);
    expect(second).toEqual(first);
    const records = first.length - 1;
    console.log(`round trip: ${userTables(a).length} tables, ${records} exported lines, identical after import into an empty database`);

    // Importing it again changes nothing: every record is skipped.
    const before = fingerprint(b);
    const again = load(b, first);
    expect(again.counts.reduce((s, c) => s + c.skipped, 0)).toBe(records);
    expect(fingerprint(b)).toBe(before);
    a.close();
    b.close();
  });

  it('exports live records only, plus deleted ones that live records still refer to', async () => {
    const a = await fresh();
    const p1 = write(a, () => insertPerson(a, { name: 'kept' }));
    const p2 = write(a, () => insertPerson(a, { name: 'gone' }));
    const p3 = write(a, () => insertPerson(a, { name: 'gone but visited' }));
    write(a, () => insertVisit(a, { date: '2026-11-01', person_id: p3, household_id: null, category: 'other', topics: ['team'], notes: null, place: null }, [], 30));
    a.prepare("UPDATE people SET deleted_at = '2026-11-02T00:00:00.000Z' WHERE id IN (?, ?)").run(p2, p3);
    const lines = exportLines(a).slice(1).map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.entity === 'people').map((l) => [l.record.name, l.record.deleted_at])).toEqual([
      ['kept', null],
      ['gone but visited', '2026-11-02T00:00:00.000Z'],
    ]);
    const visit = lines.find((l) => l.entity === 'visits');
    expect(visit.record.person_id).toBe(lines.find((l) => l.record.name === 'gone but visited').uid);
    void p1;
    a.close();
  });
});

describe('import rules', () => {
  async function pair() {
    const a = await fresh();
    const pid = write(a, () => insertPerson(a, { name: '王秀英' }));
    const vid = write(a, () => insertVisit(a, { date: '2026-11-01', person_id: pid, household_id: null, category: 'other', topics: ['team'], notes: 'first', place: null }, [], 30));
    const b = await fresh();
    load(b, exportLines(a));
    return { a, b, vid };
  }

  it('an incoming newer record updates the local one and replaces its child rows; an older one is skipped', async () => {
    const { a, b, vid } = await pair();
    await new Promise((r) => setTimeout(r, 5));
    write(a, () => updateVisit(a, vid, { notes: 'newer', topics: ['hardship', 'opinion'] }));
    const r = load(b, exportLines(a));
    expect(r.counts.find((c) => c.entity === 'visits')).toMatchObject({ added: 0, updated: 1, skipped: 0 });
    expect(getVisit(b, 1)).toMatchObject({ notes: 'newer', topics: ['opinion', 'hardship'] });

    // Now b is edited later than a: importing a's (older) export keeps b's version.
    await new Promise((r) => setTimeout(r, 5));
    write(b, () => updateVisit(b, 1, { notes: 'edited on b' }));
    const back = load(b, exportLines(a));
    expect(back.counts.find((c) => c.entity === 'visits')).toMatchObject({ updated: 0, skipped: 1 });
    expect(b.prepare('SELECT notes FROM visits').get()).toEqual({ notes: 'edited on b' });
  });

  it('a malformed line is reported with its line number and nothing is written', async () => {
    const { a } = await pair();
    const lines = exportLines(a);
    const b = await fresh();
    const before = fingerprint(b);
    const cases: [string[], RegExp][] = [
      [[...lines.slice(0, 2), '{not json', ...lines.slice(2)], /^line 3: not valid JSON; nothing was imported$/],
      [[...lines, '{"entity":"nope","record":{}}'], new RegExp(`^line ${lines.length + 1}: unknown entity "nope"`)],
      [[...lines, JSON.stringify({ entity: 'people', uid: 'x', record: { name: 'a', colour: 'red', updated_at: 'z' } })], /unknown field "colour"/],
      [[...lines, JSON.stringify({ entity: 'people', record: { name: 'a' } })], /missing uid/],
      [[...lines, JSON.stringify({ entity: 'people', uid: 'y', record: { name: { a: 1 }, updated_at: 'z' } })], /field "name" must be text/],
      [[...lines, JSON.stringify({ entity: 'visits', uid: 'z', record: { date: '2026-01-01', person_id: 'no-such-uid', category: 'other', created_at: 'a', updated_at: 'b' } })], /person_id refers to no-such-uid/],
      [[...lines, JSON.stringify({ entity: 'people', uid: 'w', record: { updated_at: 'z', created_at: 'z' } })], /NOT NULL constraint failed: people.name/],
      [['{"hello":1}', ...lines.slice(1)], /^line 1: not an fs export/],
      [[], /empty/],
    ];
    for (const [input, message] of cases) {
      expect(() => load(b, input), String(message)).toThrow(message);
      expect(fingerprint(b)).toBe(before);
      expect(b.inTransaction).toBe(false);
    }
  });

  it('refuses an export from a newer schema', async () => {
    const b = await fresh();
    const header = JSON.stringify({ format: 'fs-export', version: 1, schema: latestVersion() + 1, exported_at: 'x', tables: [] });
    expect(() => load(b, [header])).toThrow(/made by a newer fs \(schema \d+, this build knows \d+\)/);
  });

  it('resolves references to records further down the file, and reads the JSON array form', async () => {
    const { a } = await pair();
    const lines = exportLines(a);
    const reversed = [lines[0]!, ...lines.slice(1).reverse()];
    const b = await fresh();
    load(b, reversed);
    expect(b.prepare('SELECT p.name FROM visits v JOIN people p ON p.id = v.person_id').get()).toEqual({ name: '王秀英' });
    const c = await fresh();
    load(c, ['[', ...lines.map((l, i) => (i < lines.length - 1 ? `${l},` : l)), ']']);
    expect(exportLines(c)).toEqual(lines);
  });

  it('a dry run counts exactly and writes nothing', async () => {
    const { a } = await pair();
    const b = await fresh();
    const before = fingerprint(b);
    const r = load(b, exportLines(a), true);
    expect(r.counts.filter((c) => c.added).map((c) => [c.entity, c.added])).toEqual([
      ['people', 1],
      ['visits', 1],
    ]);
    expect(fingerprint(b)).toBe(before);
    expect(count(b, 'change_log')).toBe(0);
  });

  it('into empty tables: a uid repeated in the file is skipped or updated, and every index is back afterwards', async () => {
    const { a } = await pair();
    const lines = exportLines(a);
    const person = JSON.parse(lines.slice(1).find((l) => l.includes('"entity":"people"'))!);
    const newer = JSON.stringify({ ...person, record: { ...person.record, name: 'renamed', updated_at: '2099-01-01T00:00:00.000Z' } });
    const b = await fresh();
    const indexes = (db: Db) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    const before = indexes(b);
    const r = load(b, [...lines, JSON.stringify(person), newer]);
    expect(r.counts.find((c) => c.entity === 'people')).toEqual({ entity: 'people', added: 1, updated: 1, skipped: 1 });
    expect(b.prepare('SELECT name FROM people').all()).toEqual([{ name: 'renamed' }]);
    expect(indexes(b)).toEqual(before);
    const c = await fresh();
    expect(() => load(c, [...lines, '{broken'])).toThrow(/line \d+: not valid JSON/);
    expect(indexes(c)).toEqual(before);
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('logs one import row in the change log when something changed', async () => {
    const { b } = await pair();
    const row = b.prepare("SELECT entity, op, changes FROM change_log WHERE op = 'import'").get() as { changes: string };
    expect(JSON.parse(row.changes)).toEqual({ source: 'test', added: 2, updated: 0, skipped: 0 });
  });
});

describe('child tables (a table without uid whose key points at a record)', () => {
  // A schema of its own, so the rules are tested whatever tables the real migrations hold.
  const migrationsDir = join(dir, 'child-migrations');
  mkdirSync(migrationsDir);
  for (const m of listMigrations()) copyFileSync(m.file, join(migrationsDir, basename(m.file)));
  writeFileSync(
    join(migrationsDir, '9990_test_children.sql'),
    `CREATE TABLE test_boxes (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE, label TEXT NOT NULL,
       created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT);
     CREATE TABLE test_items (box_id INTEGER NOT NULL REFERENCES test_boxes(id), owner_id INTEGER REFERENCES people(id),
       item TEXT NOT NULL, PRIMARY KEY (box_id, item)) WITHOUT ROWID;`,
  );
  const open = () => openDatabase(join(dir, `c${++n}.db`), { migrations: listMigrations(migrationsDir) });
  const box = (db: Db, uid: string, label: string, updated: string) =>
    Number(db.prepare("INSERT INTO test_boxes (uid, label, created_at, updated_at) VALUES (?, ?, '2026-01-01', ?)").run(uid, label, updated).lastInsertRowid);
  const items = (db: Db) => db.prepare('SELECT b.label, i.item, p.name FROM test_items i JOIN test_boxes b ON b.id = i.box_id LEFT JOIN people p ON p.id = i.owner_id ORDER BY b.label, i.item').all();

  it('travel inside their parent, references as uids, and are replaced when the parent is updated', async () => {
    const a = await open();
    const owner = write(a, () => insertPerson(a, { name: '李四' }));
    const b1 = box(a, 'box-1', 'tools', '2026-01-01T00:00:00.000Z');
    a.prepare('INSERT INTO test_items VALUES (?, ?, ?), (?, NULL, ?)').run(b1, owner, 'hoe', b1, 'rake');
    const lines = exportLines(a);
    const line = JSON.parse(lines.slice(1).find((l) => l.includes('"test_boxes"'))!);
    expect(line.children).toEqual({ test_items: [{ owner_id: getPersonUid(a, owner), item: 'hoe' }, { owner_id: null, item: 'rake' }] });

    // Parents before the people they refer to: the child rows wait for the end of the file.
    const reordered = [lines[0]!, ...lines.slice(1).filter((l) => l.includes('"test_boxes"')), ...lines.slice(1).filter((l) => !l.includes('"test_boxes"'))];
    const b = await open();
    load(b, reordered);
    expect(items(b)).toEqual([
      { label: 'tools', item: 'hoe', name: '李四' },
      { label: 'tools', item: 'rake', name: null },
    ]);

    a.prepare("UPDATE test_boxes SET label = 'garden', updated_at = '2026-02-01T00:00:00.000Z' WHERE id = ?").run(b1);
    a.prepare("DELETE FROM test_items WHERE item = 'rake'").run();
    a.prepare("INSERT INTO test_items VALUES (?, NULL, 'spade')").run(b1);
    load(b, exportLines(a));
    expect(items(b)).toEqual([
      { label: 'garden', item: 'hoe', name: '李四' },
      { label: 'garden', item: 'spade', name: null },
    ]);
  });
});

function getPersonUid(db: Db, id: number): string {
  return (db.prepare('SELECT uid FROM people WHERE id = ?').get(id) as { uid: string }).uid;
}
