// History and undo on temp databases: generic undo of insert/update/delete from the change log,
// hooks for fields kept outside the record, settings, and clear refusals that write nothing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUndoTarget, listHistory, undoChange } from '../../src/db/history.js';
import { findUndoSet, undoSet } from '../../src/db/change-sets.js';
import { listMigrations, openDatabase, type Db } from '../../src/db/open.js';
import { deletePerson, getPerson, insertPerson, updatePerson } from '../../src/db/people.js';
import { q, userTables } from '../../src/db/schema.js';
import { getSetting, setSetting } from '../../src/db/settings.js';
import { beginChangeSet, insertRecord, logChange, updateRecord, write } from '../../src/db/store.js';
import { registerFieldUndo } from '../../src/db/undo-hooks.js';
import { getVisit, insertVisit, updateVisit } from '../../src/db/visits.js';
import { DataError } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';

const dir = tempDir();
let n = 0;
const fresh = () => openDatabase(join(dir, `h${++n}.db`));
const undo = (db: Db) =>
  write(db, () => {
    const target = findUndoTarget(db);
    if (!target) throw new Error('nothing to undo');
    return undoChange(db, target);
  });
const fingerprint = (db: Db) => userTables(db).map((t) => `${t}:${JSON.stringify(db.prepare(`SELECT * FROM ${q(t)}`).all())}`).join('\n');
const person = (db: Db, id: number) => db.prepare('SELECT name, phone, deleted_at FROM people WHERE id = ?').get(id) as { name: string; phone: string | null; deleted_at: string | null };

describe('undo', () => {
  it('walks back through add, edit and remove, each undo logged and itself never undone', async () => {
    const db = await fresh();
    const id = write(db, () => insertPerson(db, { name: '王秀英' }));
    write(db, () => updatePerson(db, id, { name: '王秀英2', phone: '138' }));
    write(db, () => deletePerson(db, id));

    undo(db);
    expect(person(db, id)).toMatchObject({ name: '王秀英2', phone: '138', deleted_at: null });
    undo(db);
    expect(person(db, id)).toMatchObject({ name: '王秀英', phone: null, deleted_at: null });
    undo(db);
    expect(person(db, id).deleted_at).not.toBeNull();
    expect(findUndoTarget(db)).toBeUndefined();

    const h = listHistory(db);
    expect(h.map((e) => e.op)).toEqual(['undo', 'undo', 'undo', 'delete', 'update', 'insert']);
    expect(h.filter((e) => e.op !== 'undo').map((e) => e.undone_by)).toEqual([h[2]!.id, h[1]!.id, h[0]!.id]);
    expect(h[1]!.changes).toMatchObject({ name: '王秀英', phone: null, undoes: h[4]!.id, undone_op: 'update' });
  });

  it('a new change after undos is the next one undone', async () => {
    const db = await fresh();
    const id = write(db, () => insertPerson(db, { name: 'a' }));
    write(db, () => updatePerson(db, id, { name: 'b' }));
    undo(db);
    write(db, () => updatePerson(db, id, { name: 'c' }));
    undo(db);
    expect(person(db, id).name).toBe('a');
  });

  it('restores the topics of a visit', async () => {
    const db = await fresh();
    const pid = write(db, () => insertPerson(db, { name: 'p' }));
    const vid = write(db, () => insertVisit(db, { date: '2026-11-01', person_id: pid, household_id: null, category: 'other', topics: ['team'], notes: 'n', place: null }, [], 30));
    write(db, () => updateVisit(db, vid, { topics: ['hardship', 'opinion'] }));
    undo(db);
    expect(getVisit(db, vid).topics).toEqual(['team']);
  });

  it('restores a setting to its previous value, then to its default', async () => {
    const db = await fresh();
    setSetting(db, 'village', '柳树村');
    setSetting(db, 'village', '杨树村');
    undo(db);
    expect(getSetting(db, 'village')).toBe('柳树村');
    undo(db);
    expect(getSetting(db, 'village')).toBe('');
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'village'").get()).toEqual({ n: 0 });
  });

  it('uses a registered hook for a logged field that is not a column', async () => {
    const db = await fresh();
    const id = write(db, () => insertPerson(db, { name: 'p' }));
    const calls: unknown[] = [];
    registerFieldUndo('person', 'badge', (_db, target, change) => calls.push([target, change.before]));
    write(db, () => logChange(db, 'person', id, getPerson(db, id).uid, 'update', { badge: 'gold', before: { badge: 'none' } }));
    undo(db);
    expect(calls).toEqual([[{ table: 'people', id }, 'none']]);
  });

  it('refuses clearly, writing nothing, a change it cannot revert', async () => {
    const db = await fresh();
    const id = write(db, () => insertPerson(db, { name: 'p' }));
    const uid = getPerson(db, id).uid;
    const cases: [() => void, RegExp][] = [
      [() => logChange(db, 'person', id, uid, 'update', { attendance: ['x'], before: { attendance: [] } }), /cannot undo change #\d+ \(update person\): no undo is known for "attendance"; nothing was undone/],
      [() => logChange(db, 'person', id, uid, 'update', { name: 'p' }), /does not say what name was before/],
      [() => logChange(db, 'person', 999, 'no-such-uid', 'update', { name: 'x', before: { name: 'y' } }), /its record is not in the database/],
      [() => logChange(db, 'import', 0, null, 'import' as 'insert', { source: 'x.ndjson', added: 3 }), /is an import: it cannot be undone change by change; restore the backup/],
      [() => db.prepare("UPDATE people SET name = 'changed behind the log' WHERE id = ?").run(id) && logChange(db, 'person', id, uid, 'update', { name: 'p', before: { name: 'o' } }), /has changed since/],
    ];
    for (const [make, message] of cases) {
      write(db, make);
      const before = fingerprint(db);
      expect(() => undo(db)).toThrow(message);
      expect(() => undo(db)).toThrow(DataError);
      expect(fingerprint(db)).toBe(before);
      db.prepare('DELETE FROM change_log WHERE id = (SELECT max(id) FROM change_log)').run();
    }
  });
});

describe('history', () => {
  it('lists changes newest first, filtered by entity and id', async () => {
    const db = await fresh();
    const a = write(db, () => insertPerson(db, { name: 'a' }));
    const b = write(db, () => insertPerson(db, { name: 'b' }));
    write(db, () => updatePerson(db, a, { name: 'a2' }));
    expect(listHistory(db, { entity: 'person', entityId: a }).map((e) => e.op)).toEqual(['update', 'insert']);
    expect(listHistory(db, { entity: 'person', entityId: b }).map((e) => e.changes.name)).toEqual(['b']);
    expect(listHistory(db, { limit: 1 })[0]!.changes).toEqual({ name: 'a2', before: { name: 'a' } });
  });
});

describe('change sets', () => {
  it('one set per named command, across transactions; a rolled-back one leaves no set behind', async () => {
    const db = await fresh();
    beginChangeSet(db, 'person add', ['--name']);
    const a = write(db, () => insertPerson(db, { name: 'a' }));
    write(db, () => updatePerson(db, a, { phone: '1' }));
    expect(() => write(db, () => (insertPerson(db, { name: 'b' }), fail()))).toThrow('rolled back');
    write(db, () => updatePerson(db, a, { phone: '2' }));
    beginChangeSet(db, 'person edit');
    write(db, () => updatePerson(db, a, { phone: '3' }));
    const sets = db.prepare('SELECT id, command, flags FROM change_set ORDER BY id').all();
    expect(sets).toEqual([
      { id: 1, command: 'person add', flags: '--name' },
      { id: 2, command: 'person edit', flags: '' },
    ]);
    expect(listHistory(db).map((e) => [e.op, e.change_set])).toEqual([['update', 2], ['update', 1], ['update', 1], ['insert', 1]]);
    expect(listHistory(db, { limit: 1 }).map((e) => e.changes.phone)).toEqual(['3']);
    expect(listHistory(db, { limit: 2 })).toHaveLength(4);
    expect(findUndoSet(db)).toBe(2);
    write(db, () => undoSet(db, 2));
    expect(findUndoSet(db)).toBe(1);
    write(db, () => undoSet(db, 1));
    expect(person(db, a).deleted_at).not.toBeNull();
    expect(findUndoSet(db)).toBeUndefined();
    // A set whose first write rolls back is made again by the next write.
    beginChangeSet(db, 'person add');
    expect(() => write(db, () => (insertPerson(db, { name: 'c' }), fail()))).toThrow('rolled back');
    write(db, () => insertPerson(db, { name: 'd' }));
    expect(db.prepare('SELECT count(*) AS n FROM change_log WHERE change_set IS NULL OR change_set NOT IN (SELECT id FROM change_set)').get()).toEqual({ n: 0 });
    expect(findUndoSet(db)).toBe(db.prepare('SELECT max(id) AS n FROM change_set').pluck().get());
  });

  it('migration 0006 makes each older row a set of its own, an older undo the undo of its row’s set', async () => {
    const path = join(dir, `old${++n}.db`);
    const v5 = await openDatabase(path, { migrations: listMigrations().slice(0, 5) });
    // Written as fs wrote them at schema 5 (insertPerson now writes 0007's added_on).
    const a = write(v5, () => insertRecord(v5, 'people', 'person', { name: 'a', tags: '[]' }));
    write(v5, () => updateRecord(v5, 'people', 'person', a, { name: 'b' }));
    write(v5, () => updateRecord(v5, 'people', 'person', a, { name: 'c' }));
    write(v5, () => undoChange(v5, findUndoTarget(v5)!));
    v5.close();
    const db = await openDatabase(path);
    expect(db.prepare('SELECT id, undoes FROM change_set ORDER BY id').all()).toEqual([
      { id: 1, undoes: null },
      { id: 2, undoes: null },
      { id: 3, undoes: null },
      { id: 4, undoes: 3 },
    ]);
    expect(findUndoSet(db)).toBe(2);
    beginChangeSet(db, 'undo');
    write(db, () => undoSet(db, 2));
    expect(person(db, a).name).toBe('a');
    expect(db.prepare('SELECT id, command, undoes FROM change_set WHERE id = 5').get()).toEqual({ id: 5, command: 'undo', undoes: 2 });
  });
});

function fail(): never {
  throw new Error('rolled back');
}
