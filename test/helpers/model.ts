// Proof 3: random sequences of every writing command, undo of the last command and undo --id of
// an older one, export and import, against a model. The model is the stack of change sets still in
// effect, each with what the user could see before and after it ran (every live row of every
// table, settings, child rows): one command must make exactly one change set; a refused command
// leaves the database byte-identical; `fs undo` puts back exactly what its set changed; `--id N`
// does the same for an older set, and must refuse when a later set changed one of its records.
// fast-check shrinks a failing sequence and prints its seed and path to replay it.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open.js';
import { describeSchema } from '../../src/db/schema.js';
import { VISIT_TOPICS } from '../../src/domain/visits.js';
import type { SchemaSpec } from '../../src/domain/transfer.js';
import { snapshot } from './cli.js';
import { runInProcess } from './inproc.js';
import { TEMPLATES, TODAY, type Ids } from './model-commands.js';

type State = Map<string, string>;
type Entry = { kind: 'set'; id: number; before: State; after: State; argv: string[] } | { kind: 'barrier'; id: number };

interface Real {
  db: string;
  dir: string;
  schema: SchemaSpec;
  stack: Entry[];
  remoteFile: string;
  figures: Figures;
}

interface Figures {
  commands: Map<string, number>;
  refusedInput: number;
  undone: number;
  undoneById: number;
  refusedDependent: number;
  refusedOther: number;
}

const env = (db: string) => ({ FS_DB: db, FS_TODAY: TODAY, FS_LANG: 'en', FS_NO_INPUT: '1', NO_COLOR: '1' });
// visit_days is derived (triggers on visits): not what a user sees, but checked after every step
// against the visits themselves (dayCountsHold).
const LOG = new Set(['change_log', 'change_set', 'visit_days']);

/** The day counts (migration 0012) are exactly the live visits grouped by day and category. */
function dayCountsHold(dbPath: string, what: string): void {
  const topics = VISIT_TOPICS;
  const kept = sql<Record<string, unknown>>(dbPath, `SELECT date, category, visits, ${topics.map((k) => `"${k}"`).join(', ')} FROM visit_days ORDER BY date, category`);
  const counted = sql<Record<string, unknown>>(
    dbPath,
    `SELECT date, category, count(*) AS visits, ${topics.map((k, i) => `count(*) FILTER (WHERE topics & ${1 << i}) AS "${k}"`).join(', ')}
     FROM visits WHERE deleted_at IS NULL GROUP BY date, category ORDER BY date, category`,
  );
  if (JSON.stringify(kept) !== JSON.stringify(counted)) throw new Error(`${what}: visit_days is not the visits counted\n  kept:    ${JSON.stringify(kept).slice(0, 400)}\n  counted: ${JSON.stringify(counted).slice(0, 400)}`);
}

/** What a user can see: live rows of entity tables (less updated_at), child rows, keyed rows. Key "table#id". */
function visible(dbPath: string, schema: SchemaSpec): State {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const out: State = new Map();
    for (const spec of schema.byName.values()) {
      if (LOG.has(spec.name)) continue;
      const rows = db.prepare(`SELECT * FROM "${spec.name}"`).all() as Record<string, unknown>[];
      for (const r of rows) {
        const { updated_at: _u, ...rest } = r;
        if (spec.kind === 'entity') {
          if (r.deleted_at !== null && r.deleted_at !== undefined) continue;
          out.set(`${spec.name}#${r.id}`, JSON.stringify(rest));
        } else if (spec.kind === 'child' && spec.parent) {
          out.set(`${spec.parent.table}#${r[spec.parent.column]}/${spec.name}/${JSON.stringify(spec.key.map((k) => r[k]))}`, JSON.stringify(rest));
        } else {
          out.set(`${spec.name}#${JSON.stringify(spec.key.length ? spec.key.map((k) => r[k]) : rest)}`, JSON.stringify(rest));
        }
      }
    }
    return out;
  } finally {
    db.close();
  }
}

const recordOf = (key: string) => key.split('/')[0]!;

/** The keys whose value differs between two states. */
function diff(a: State, b: State): Set<string> {
  const keys = new Set<string>();
  for (const [k, v] of a) if (b.get(k) !== v) keys.add(k);
  for (const k of b.keys()) if (!a.has(k)) keys.add(k);
  return keys;
}

/** `now` with the keys a set changed put back as they were before it. */
function reverted(now: State, e: Extract<Entry, { kind: 'set' }>): State {
  const out = new Map(now);
  for (const k of diff(e.before, e.after)) {
    const v = e.before.get(k);
    if (v === undefined) out.delete(k);
    else out.set(k, v);
  }
  return out;
}

function same(expected: State, actual: State, what: string): void {
  const d = diff(expected, actual);
  if (d.size) {
    const show = [...d].slice(0, 5).map((k) => `${k}\n  model:    ${expected.get(k) ?? '∅'}\n  database: ${actual.get(k) ?? '∅'}`);
    throw new Error(`${what}: model and database differ\n${show.join('\n')}`);
  }
}

function sql<T>(dbPath: string, query: string): T[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}
const maxSet = (db: string) => sql<{ n: number }>(db, 'SELECT coalesce(max(id), 0) AS n FROM change_set')[0]!.n;
const live = (db: string, table: string) => sql<{ id: number }>(db, `SELECT id FROM "${table}" WHERE deleted_at IS NULL ORDER BY id`).map((r) => r.id);


async function run(real: Real, argv: string[]) {
  return runInProcess(argv, env(real.db));
}

const top = (real: Real) => real.stack[real.stack.length - 1];

class Write implements fc.AsyncCommand<object, Real> {
  constructor(readonly name: string, readonly r: number[]) {}
  check = () => true;
  async run(_m: object, real: Real): Promise<void> {
    const ids: Ids = (table) => live(real.db, table);
    const argv = TEMPLATES[this.name]!(ids, this.r);
    const before = visible(real.db, real.schema);
    const bytes = snapshot(real.db);
    const sets = maxSet(real.db);
    const res = await run(real, argv);
    const made = maxSet(real.db) - sets;
    if (res.code !== 0) {
      // Bad input or a refused command: one line, the database unchanged.
      if (snapshot(real.db) !== bytes) throw new Error(`fs ${argv.join(' ')} failed (${res.code}) but changed the database`);
      if (res.stderr.trimEnd().split('\n').length !== 1) throw new Error(`fs ${argv.join(' ')}: not one line: ${res.stderr}`);
      real.figures.refusedInput++;
      return;
    }
    real.figures.commands.set(this.name, (real.figures.commands.get(this.name) ?? 0) + 1);
    dayCountsHold(real.db, `fs ${argv.join(' ')}`);
    const after = visible(real.db, real.schema);
    if (made > 1) throw new Error(`fs ${argv.join(' ')} made ${made} change sets, not one`);
    if (made === 0) return same(before, after, `fs ${argv.join(' ')} made no change set`);
    real.stack.push({ kind: 'set', id: sets + 1, before, after, argv });
  }
  toString = () => `${this.name}(${this.r.join(',')})`;
}

class Undo implements fc.AsyncCommand<object, Real> {
  check = () => true;
  async run(_m: object, real: Real): Promise<void> {
    const bytes = snapshot(real.db);
    const now = visible(real.db, real.schema);
    const e = top(real);
    const res = await run(real, ['undo', '--yes']);
    if (!e || e.kind === 'barrier') {
      if (res.code !== 1 || snapshot(real.db) !== bytes) throw new Error(`undo ${e ? 'of an import' : 'with nothing to undo'} was not refused: ${res.stderr}`);
      return;
    }
    if (res.code !== 0) throw new Error(`undo of #${e.id} (fs ${e.argv.join(' ')}) refused: ${res.stderr}`);
    if (!res.stderr.startsWith(`undone: #${e.id} `)) throw new Error(`undo reverted another set than #${e.id}: ${res.stderr}`);
    same(reverted(now, e), visible(real.db, real.schema), `undo of fs ${e.argv.join(' ')}`);
    dayCountsHold(real.db, `undo of fs ${e.argv.join(' ')}`);
    real.stack.pop();
    real.figures.undone++;
  }
  toString = () => 'undo';
}

class UndoById implements fc.AsyncCommand<object, Real> {
  constructor(readonly pick: number) {}
  check = () => true;
  async run(_m: object, real: Real): Promise<void> {
    if (real.stack.length < 2) return;
    const i = this.pick % (real.stack.length - 1);
    const e = real.stack[i]!;
    const bytes = snapshot(real.db);
    const now = visible(real.db, real.schema);
    const res = await run(real, ['undo', '--id', String(e.id), '--yes']);
    const later = real.stack.slice(i + 1);
    const mine = e.kind === 'set' ? new Set([...diff(e.before, e.after)].map(recordOf)) : new Set<string>();
    const dependent = e.kind === 'barrier' || later.some((l) => l.kind === 'barrier' || [...diff(l.before, l.after)].some((k) => mine.has(recordOf(k))));
    if (res.code !== 0) {
      if (res.code !== 1 || snapshot(real.db) !== bytes || res.stderr.trimEnd().split('\n').length !== 1) throw new Error(`undo --id ${e.id}: a refusal must be exit 1, one line, nothing written: ${res.code} ${res.stderr}`);
      if (dependent) real.figures.refusedDependent++;
      else real.figures.refusedOther++;
      return;
    }
    if (dependent || e.kind !== 'set') throw new Error(`undo --id ${e.id} (fs ${e.kind === 'set' ? e.argv.join(' ') : 'import'}) went through though a later set changed its records`);
    same(reverted(now, e), visible(real.db, real.schema), `undo --id ${e.id} (fs ${e.argv.join(' ')})`);
    dayCountsHold(real.db, `undo --id ${e.id}`);
    real.stack.splice(i, 1);
    real.figures.undoneById++;
  }
  toString = () => `undo --id #${this.pick}`;
}

class ImportOwnExport implements fc.AsyncCommand<object, Real> {
  check = () => true;
  async run(_m: object, real: Real): Promise<void> {
    const file = join(real.dir, 'own.ndjson');
    rmSync(file, { force: true });
    if ((await run(real, ['export', '-o', file])).code !== 0) throw new Error('export failed');
    const before = visible(real.db, real.schema);
    const sets = maxSet(real.db);
    const res = await run(real, ['import', file]);
    if (res.code !== 0) throw new Error(`re-import failed: ${res.stderr}`);
    if (maxSet(real.db) !== sets) throw new Error('a re-import that changed nothing made a change set');
    same(before, visible(real.db, real.schema), 'import own export');
    dayCountsHold(real.db, 'import own export');
  }
  toString = () => 'import own export';
}

class ImportRemote implements fc.AsyncCommand<object, Real> {
  check = () => true;
  async run(_m: object, real: Real): Promise<void> {
    if (real.stack.some((e) => e.kind === 'barrier')) return;
    const sets = maxSet(real.db);
    const res = await run(real, ['import', real.remoteFile]);
    if (res.code !== 0) throw new Error(`import failed: ${res.stderr}`);
    if (maxSet(real.db) !== sets + 1) throw new Error('an import must be one change set');
    dayCountsHold(real.db, 'import remote ledger');
    real.stack.push({ kind: 'barrier', id: sets + 1 });
    real.figures.commands.set('import', (real.figures.commands.get('import') ?? 0) + 1);
  }
  toString = () => 'import remote ledger';
}

const nats = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)).map((t) => [...t]);
const commandArbs = [
  ...Object.keys(TEMPLATES).map((name) => nats.map((r) => new Write(name, r))),
  fc.constant(new Undo()),
  fc.constant(new Undo()),
  fc.nat().map((p) => new UndoById(p)),
  fc.nat().map((p) => new UndoById(p)),
  fc.constant(new ImportOwnExport()),
  fc.constant(new ImportRemote()),
];

/** Every writing command the model runs (the test asserts each went through at least once). */
export const WRITING_COMMANDS = [...Object.keys(TEMPLATES), 'import'];

export interface ModelFigure {
  runs: number;
  commands: number;
  seed: number;
  figures: Figures;
}

/** Runs the model test; throws (with fast-check's seed and path) on the first difference. */
export async function modelProof(dir: string, numRuns: number, maxCommands: number, seed: number): Promise<ModelFigure> {
  let commands = 0;
  let n = 0;
  const figures: Figures = { commands: new Map(), refusedInput: 0, undone: 0, undoneById: 0, refusedDependent: 0, refusedOther: 0 };
  // A remote ledger to import: its records are new here (other uids), so the import changes something.
  const remote = join(dir, 'remote.db');
  const remoteFile = join(dir, 'remote.ndjson');
  for (const argv of [['person', 'add', '--name', 'remote person'], ['visit', 'add', '--person', '1', '--concern', '远'], ['export', '-o', remoteFile]]) {
    const r = await runInProcess(argv, env(remote));
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const schemaDb = await openDatabase(join(dir, 'schema.db'));
  const schema = describeSchema(schemaDb);
  schemaDb.close();
  await fc.assert(
    fc.asyncProperty(fc.commands(commandArbs, { maxCommands, size: 'max' }), async (cmds) => {
      const db = join(dir, `run-${++n}.db`);
      const real: Real = { db, dir, schema, stack: [], remoteFile, figures };
      (await openDatabase(db)).close();
      // Something of every kind to refer to from the start (each its own undoable change set).
      const prelude: [string, number[]][] = [['person add', [0, 0, 1]], ['person add', [1, 0, 1]], ['visit add', [0, 0, 2]], ['dispute add', [0, 0, 1]], ['pair add', [0, 0, 0]], ['meeting add', [0, 0, 2]], ['decision add', [0, 0, 0]], ['plan add', [0, 0, 0]], ['plan milestone add', [0, 0, 0]], ['plan add', [1, 1, 0]]];
      for (const [name, r] of prelude) await new Write(name, r).run({}, real);
      if (real.stack.length !== prelude.length) throw new Error('the prelude did not write what it should');
      const list = [...cmds];
      commands += list.length;
      await fc.asyncModelRun(() => ({ model: {}, real }), list);
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    }),
    { numRuns, seed },
  );
  rmSync(dir, { recursive: true, force: true });
  return { runs: numRuns, commands, seed, figures };
}

/**
 * Every writing command once, each undone at once (the state must be what it was before) and then
 * run again so the next ones have records to refer to. Returns the commands undone.
 */
export async function undoTour(dir: string): Promise<string[]> {
  const db = join(dir, 'tour.db');
  (await openDatabase(db)).close();
  const schemaDb = await openDatabase(db);
  const schema = describeSchema(schemaDb);
  schemaDb.close();
  // In an order where each can succeed: the plan dropped is a fresh one with a pending milestone.
  const order = [
    'person add', 'person add', 'person edit', 'visit add', 'visit edit', 'concern update', 'concern add', 'config set',
    'presence add', 'presence holiday add', 'dispute add', 'dispute edit', 'dispute log', 'dispute resolve', 'dispute revisit', 'dispute add', 'dispute escalate', 'dispute add', 'dispute withdraw',
    'pair add', 'pair log', 'pair edit', 'pair end', 'meeting add', 'meeting edit', 'decision add', 'decision step',
    'plan add', 'plan edit', 'plan progress', 'plan milestone add', 'plan milestone done', 'plan milestone add', 'plan milestone drop', 'plan done',
    'plan add', 'plan milestone add', 'plan drop', 'visit rm', 'meeting rm', 'person add', 'person rm',
  ];
  const undone: string[] = [];
  let i = 0;
  for (const name of order) {
    // The newest record of each kind: what a person typing the tour would pick.
    const r = [i++, 1, name === 'plan edit' ? 0 : 1];
    const sets = maxSet(db);
    const newest: Ids = (table) => live(db, table).slice(-1);
    const argv = TEMPLATES[name]!(newest, r);
    const res0 = visible(db, schema);
    const res = await runInProcess(argv, env(db));
    if (res.code !== 0) throw new Error(`tour: fs ${argv.join(' ')} failed: ${res.stderr}`);
    if (maxSet(db) !== sets + 1) throw new Error(`tour: fs ${argv.join(' ')} made ${maxSet(db) - sets} change sets, not one`);
    const u = await runInProcess(['undo', '--yes'], env(db));
    if (u.code !== 0) throw new Error(`tour: undo of fs ${argv.join(' ')} refused: ${u.stderr}`);
    same(res0, visible(db, schema), `tour: undo of fs ${argv.join(' ')}`);
    undone.push(name);
    const again = await runInProcess(argv, env(db));
    if (again.code !== 0) throw new Error(`tour: fs ${argv.join(' ')} failed after its undo: ${again.stderr}`);
  }
  return undone;
}
