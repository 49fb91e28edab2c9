// Proof 3: random sequences of add, edit, remove, undo, export and import against an in-memory
// model. fast-check shrinks a failing sequence and prints its seed and path to replay it.
//
// Undo here means "undo the last command": fs undo reverts one change-log row at a time, and a
// command may write several (a visit and its topics), so the model's undo runs fs undo until every
// row the last command wrote is reverted. An import is a barrier undo refuses to cross.
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../../src/domain/visits.js';
import { findUndoTarget, undoChange } from '../../src/db/history.js';
import { latestVersion, openDatabase, type Db } from '../../src/db/open.js';
import { insertPerson } from '../../src/db/people.js';
import { write } from '../../src/db/store.js';
import { q, userTables } from '../../src/db/schema.js';
import { exportRecords, importRecords } from '../../src/db/transfer.js';
import { deleteVisit, getVisit, insertVisit, updateVisit } from '../../src/db/visits.js';
import { DataError } from '../../src/errors.js';

interface ModelVisit {
  date: string;
  category: string;
  topics: string[];
  notes: string | null;
  deleted: boolean;
}
type Visits = Map<string, ModelVisit>;
type Entry = { kind: 'state'; before: Visits } | { kind: 'barrier' };

interface Model {
  visits: Visits;
  history: Entry[];
  remoteImported: boolean;
}

interface Real {
  db: Db;
  remote: Db;
  scratch: Db;
  dir: string;
  personId: number;
  /** change_log max id before each command the model can undo (parallel to model.history). */
  boundaries: number[];
}

/** Empty every table (whatever tables the schema has), keeping the file and its schema. */
function reset(db: Db): void {
  db.pragma('foreign_keys = OFF');
  for (const t of userTables(db)) db.exec(`DELETE FROM ${q(t)}`);
  db.pragma('foreign_keys = ON');
}

const clone = (v: Visits): Visits => new Map([...v].map(([k, x]) => [k, { ...x, topics: [...x.topics] }]));
const sortTopics = (t: readonly string[]) => [...t].sort((a, b) => VISIT_TOPICS.indexOf(a as never) - VISIT_TOPICS.indexOf(b as never));
const maxLog = (db: Db) => (db.prepare('SELECT coalesce(max(id), 0) AS n FROM change_log').get() as { n: number }).n;
const liveUids = (m: Model) => [...m.visits].filter(([, v]) => !v.deleted).map(([k]) => k);

function realState(db: Db): Visits {
  const rows = db.prepare('SELECT id, uid, date, category, notes, deleted_at FROM visits ORDER BY id').all() as { id: number; uid: string; date: string; category: string; notes: string | null; deleted_at: string | null }[];
  return new Map(
    rows.map((r) => [r.uid, { date: r.date, category: r.category, notes: r.notes, deleted: r.deleted_at !== null, topics: r.deleted_at === null ? sortTopics(getVisit(db, r.id).topics) : [] }]),
  );
}

function modelState(m: Model): Visits {
  return new Map([...m.visits].map(([k, v]) => [k, { ...v, topics: v.deleted ? [] : sortTopics(v.topics) }]));
}

/** What a user sees: the live visits, by uid. (An undone add leaves a soft-deleted row the model never had.) */
function same(a: Visits, b: Visits, what: string): void {
  const s = (v: Visits) =>
    JSON.stringify(
      [...v]
        .filter(([, x]) => !x.deleted)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, x]) => [k, x.date, x.category, x.topics, x.notes]),
    );
  if (s(a) !== s(b)) throw new Error(`${what}: model and database differ\nmodel:    ${s(a)}\ndatabase: ${s(b)}`);
}

function pushUndoable(m: Model, r: Real): void {
  m.history.push({ kind: 'state', before: clone(m.visits) });
  r.boundaries.push(maxLog(r.db));
}

function exportLines(db: Db): string[] {
  const lines: string[] = [];
  exportRecords(db, (l) => lines.push(l), '2026-11-27T00:00:00.000Z');
  return lines;
}
const load = (db: Db, lines: string[]) => importRecords(db, lines, { dryRun: false, knownSchema: latestVersion(), source: 'model' });

class AddVisit implements fc.Command<Model, Real> {
  constructor(readonly v: Omit<ModelVisit, 'deleted'>) {}
  check = () => true;
  run(m: Model, r: Real): void {
    pushUndoable(m, r);
    const id = write(r.db, () => insertVisit(r.db, { ...this.v, person_id: r.personId, household_id: null } as never, [], 30));
    m.visits.set(getVisit(r.db, id).uid, { ...this.v, topics: [...this.v.topics], deleted: false });
    same(modelState(m), realState(r.db), this.toString());
  }
  toString = () => `add(${JSON.stringify(this.v)})`;
}

class EditVisit implements fc.Command<Model, Real> {
  constructor(
    readonly pick: number,
    readonly change: Partial<Omit<ModelVisit, 'deleted'>>,
  ) {}
  check = (m: Readonly<Model>) => liveUids(m as Model).length > 0;
  run(m: Model, r: Real): void {
    const uids = liveUids(m);
    const uid = uids[this.pick % uids.length]!;
    const cur = m.visits.get(uid)!;
    const next = { ...cur, ...this.change };
    const changed = next.date !== cur.date || next.category !== cur.category || next.notes !== cur.notes || sortTopics(next.topics).join() !== sortTopics(cur.topics).join();
    if (changed) pushUndoable(m, r);
    const id = (r.db.prepare('SELECT id FROM visits WHERE uid = ?').get(uid) as { id: number }).id;
    write(r.db, () => updateVisit(r.db, id, this.change as never));
    m.visits.set(uid, { ...next, topics: [...next.topics] });
    same(modelState(m), realState(r.db), this.toString());
  }
  toString = () => `edit(#${this.pick}, ${JSON.stringify(this.change)})`;
}

class RemoveVisit implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => liveUids(m as Model).length > 0;
  run(m: Model, r: Real): void {
    const uids = liveUids(m);
    const uid = uids[this.pick % uids.length]!;
    pushUndoable(m, r);
    const id = (r.db.prepare('SELECT id FROM visits WHERE uid = ?').get(uid) as { id: number }).id;
    write(r.db, () => deleteVisit(r.db, id));
    m.visits.get(uid)!.deleted = true;
    same(modelState(m), realState(r.db), this.toString());
  }
  toString = () => `remove(#${this.pick})`;
}

class Undo implements fc.Command<Model, Real> {
  check = (m: Readonly<Model>) => m.history.length > 0;
  run(m: Model, r: Real): void {
    const top = m.history[m.history.length - 1]!;
    if (top.kind === 'barrier') {
      const target = findUndoTarget(r.db)!;
      let refused = false;
      try {
        write(r.db, () => undoChange(r.db, target));
      } catch (e) {
        refused = e instanceof DataError;
      }
      if (!refused) throw new Error('undo of an import was not refused');
    } else {
      m.history.pop();
      const boundary = r.boundaries.pop()!;
      for (;;) {
        const target = findUndoTarget(r.db);
        if (!target || target.id <= boundary) break;
        write(r.db, () => undoChange(r.db, target));
      }
      m.visits = top.before;
    }
    same(modelState(m), realState(r.db), this.toString());
  }
  toString = () => 'undo';
}

class ExportIntoFresh implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real): void {
    reset(r.scratch);
    const lines = exportLines(r.db);
    load(r.scratch, lines);
    const live = new Map([...modelState(m)].filter(([, v]) => !v.deleted));
    same(live, new Map([...realState(r.scratch)].filter(([, v]) => !v.deleted)), this.toString());
    if (exportLines(r.scratch).slice(1).join('\n') !== lines.slice(1).join('\n')) throw new Error('export → import → export changed the records');
  }
  toString = () => 'export→import into an empty database';
}

class ImportOwnExport implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real): void {
    const before = maxLog(r.db);
    const res = load(r.db, exportLines(r.db));
    if (res.counts.some((c) => c.added || c.updated)) throw new Error(`re-import changed records: ${JSON.stringify(res.counts)}`);
    if (maxLog(r.db) !== before) throw new Error('a re-import that changed nothing was logged');
    same(modelState(m), realState(r.db), this.toString());
  }
  toString = () => 'import own export';
}

class ImportRemote implements fc.Command<Model, Real> {
  constructor(readonly remoteVisits: Omit<ModelVisit, 'deleted'>[]) {}
  check = (m: Readonly<Model>) => !m.remoteImported;
  run(m: Model, r: Real): void {
    const other = r.remote;
    reset(other);
    const pid = write(other, () => insertPerson(other, { name: 'remote person' }));
    for (const v of this.remoteVisits) write(other, () => insertVisit(other, { ...v, person_id: pid, household_id: null } as never, [], 30));
    const incoming = realState(other);
    load(r.db, exportLines(other));
    for (const [uid, v] of incoming) m.visits.set(uid, v);
    m.history.push({ kind: 'barrier' });
    r.boundaries.push(maxLog(r.db));
    m.remoteImported = true;
    same(modelState(m), realState(r.db), this.toString());
  }
  toString = () => `import ${this.remoteVisits.length} remote visits`;
}

const visitArb = fc.record({
  date: fc.constantFrom('2026-01-05', '2026-06-30', '2026-11-27'),
  category: fc.constantFrom(...VISIT_CATEGORIES),
  topics: fc.subarray([...VISIT_TOPICS]),
  notes: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
});

const commandArbs = [
  visitArb.map((v) => new AddVisit(v)),
  fc.tuple(fc.nat(), visitArb.chain((v) => fc.subarray(Object.keys(v)).map((keys) => Object.fromEntries(keys.map((k) => [k, v[k as keyof typeof v]]))))).map(([p, c]) => new EditVisit(p, c)),
  fc.nat().map((p) => new RemoveVisit(p)),
  fc.constant(new Undo()),
  fc.constant(new Undo()),
  fc.constant(new ExportIntoFresh()),
  fc.constant(new ImportOwnExport()),
  fc.array(visitArb, { minLength: 1, maxLength: 3 }).map((vs) => new ImportRemote(vs)),
];

export interface ModelFigure {
  runs: number;
  commands: number;
  seed: number;
}

/** Runs the model test; throws (with fast-check's seed and path) on the first difference. */
export async function modelProof(dir: string, numRuns: number, maxCommands: number, seed: number): Promise<ModelFigure> {
  let commands = 0;
  // Three databases, opened once (opening is async, model runs are not) and emptied for each run.
  const slot = { db: await openDatabase(join(dir, 'a.db')), remote: await openDatabase(join(dir, 'remote.db')), scratch: await openDatabase(join(dir, 'scratch.db')), dir };
  fc.assert(
    fc.property(fc.commands(commandArbs, { maxCommands, size: 'max' }), (cmds) => {
      reset(slot.db);
      const personId = write(slot.db, () => insertPerson(slot.db, { name: 'p' }));
      const real: Real = { ...slot, personId, boundaries: [] };
      const model: Model = { visits: new Map(), history: [], remoteImported: false };
      const list = [...cmds];
      commands += list.length;
      fc.modelRun(() => ({ model, real }), list);
    }),
    { numRuns, seed },
  );
  for (const d of [slot.db, slot.remote, slot.scratch]) d.close();
  rmSync(dir, { recursive: true, force: true });
  return { runs: numRuns, commands, seed };
}
