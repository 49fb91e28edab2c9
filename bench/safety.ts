// Benchmarks for data safety (wired into `npm run bench` by bench/run.ts):
//   - fs import of an export holding 1,000,000 visits (target: at least 100,000 records a second)
//   - fs backup of the database that import made (target: under 3 s)
// Both run the built bin as a user would, start-up included.
//
// The export is made schema-agnostic: a real `exportRecords` of a small ledger built through the
// project's db layer, whose visit lines are then cloned with fresh uids. Whatever columns a visit
// has when this runs, the lines are the ones fs itself writes.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../src/db/open.js';
import { insertPerson } from '../src/db/people.js';
import { write } from '../src/db/store.js';
import { exportRecords } from '../src/db/transfer.js';
import { insertVisit } from '../src/db/visits.js';
import { VISIT_CATEGORIES, VISIT_TOPICS } from '../src/domain/visits.js';
import { benchEnv, type Target } from './timing.js';


const TEMPLATE_PEOPLE = 2_000;
const TEMPLATE_VISITS = 1_000;

/** The export file with `visits` visits (kept in `cacheDir` between runs). */
export async function buildImportFile(cacheDir: string, visits = 1_000_000): Promise<string> {
  const file = join(cacheDir, `export-${visits}-visits-v1.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  const templateDb = join(cacheDir, `template-${process.pid}.db`);
  rmSync(templateDb, { force: true });
  const db = await openDatabase(templateDb);
  const people: number[] = [];
  write(db, () => {
    for (let i = 0; i < TEMPLATE_PEOPLE; i++) people.push(insertPerson(db, { name: `村民${i}`, household: `户${Math.floor(i / 3)}`, group: `${(i % 8) + 1}组` }));
    for (let i = 0; i < TEMPLATE_VISITS; i++) {
      insertVisit(
        db,
        {
          date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          person_id: people[(i * 7) % people.length]!,
          household_id: null,
          category: VISIT_CATEGORIES[i % VISIT_CATEGORIES.length]!,
          topics: VISIT_TOPICS.filter((_, k) => (i >> k) & 1),
          notes: '走访记录：了解生产生活情况',
          place: null,
        },
        [],
        30,
      );
    }
  });
  const head: string[] = [];
  const templates: Record<string, unknown>[] = [];
  exportRecords(db, (line) => {
    const o = JSON.parse(line) as { entity?: string };
    if (o.entity === 'visits') templates.push(o as Record<string, unknown>);
    else head.push(line);
  });
  db.close();
  for (const f of [templateDb, `${templateDb}-wal`, `${templateDb}-shm`]) rmSync(f, { force: true });

  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeSync(fd, `${head.join('\n')}\n`);
    let chunk: string[] = [];
    for (let i = 0; i < visits; i++) {
      chunk.push(JSON.stringify({ ...templates[i % templates.length], uid: uuidv7() }));
      if (chunk.length === 10_000) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return file;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args], { env: benchEnv({}, env), stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`fs ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return seconds;
}

/** Time `fs import` of the file into a new database at `dbPath`; records a second. */
export function benchImport(bin: string, file: string, dbPath: string, records: number, env: NodeJS.ProcessEnv = process.env): { seconds: number; perSecond: number } {
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  const seconds = run(bin, ['--db', dbPath, 'import', file], env);
  return { seconds, perSecond: records / seconds };
}

/** Time `fs backup` of the database at `dbPath`. */
export function benchBackup(bin: string, dbPath: string, env: NodeJS.ProcessEnv = process.env): { seconds: number; bytes: number } {
  const out = `${dbPath}.bench-backup.db`;
  rmSync(out, { force: true });
  const seconds = run(bin, ['--db', dbPath, 'backup', out], env);
  const bytes = statSync(out).size;
  rmSync(out, { force: true });
  return { seconds, bytes };
}

/** Both benchmarks, as figures against their targets. */
export async function safetyBench(bin: string, cacheDir: string, visits = 1_000_000): Promise<Target[]> {
  const file = await buildImportFile(cacheDir, visits);
  const records = visits + TEMPLATE_PEOPLE + Math.ceil(TEMPLATE_PEOPLE / 3);
  const db = join(cacheDir, `imported-${visits}.db`);
  const env = benchEnv({ FS_TODAY: '2026-11-27', FS_LANG: 'en' });
  const imp = benchImport(bin, file, db, records, env);
  const backup = benchBackup(bin, db, env);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  rmSync(join(cacheDir, 'backups'), { recursive: true, force: true });
  return [
    { name: `fs import of an export with ${visits.toLocaleString('en')} visits (records/s; ${imp.seconds.toFixed(1)} s)`, value: imp.perSecond, limit: 100_000, unit: ' records/s', kind: 'min' },
    { name: `fs backup of that database (${(backup.bytes / 1024 / 1024).toFixed(0)} MB)`, value: backup.seconds, limit: 3, unit: ' s', kind: 'max' },
  ];
}
