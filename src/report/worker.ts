// Entry of the report worker thread (built as dist/report-worker.cjs; see ./parallel.ts): opens the
// ledger, takes its read snapshot and says so, counts its sections, sends them back (with the visit
// days it scanned, when the caller's document reads them again). Any failure
// is sent back too: the report then fails, it never quietly counts something else.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/open.js';
import { rememberedVisitDays, rememberingVisitDays } from '../db/report.js';
import { beginRead, endRead } from '../db/snapshot.js';
import { buildSections } from './build.js';
import type { Job, Reply } from './parallel.js';

async function run(): Promise<void> {
  const job = workerData as Job;
  const port = parentPort!;
  let db: Db | undefined;
  try {
    // A small page cache: the worker's scans read each page once, and the process has a memory budget.
    db = await openDatabase(job.dbPath, { cacheKib: 2048 });
    beginRead(db);
    port.postMessage({ kind: 'ready' } satisfies Reply);
    const counted = job.shareVisitDays
      ? await rememberingVisitDays(db, async () => ({ sections: buildSections(db!, job.options, job.sections), days: rememberedVisitDays(db!) }))
      : { sections: buildSections(db, job.options, job.sections) };
    endRead(db);
    port.postMessage({ kind: 'done', ...counted } satisfies Reply);
  } catch (e) {
    port.postMessage({ kind: 'failed', message: (e as Error).message ?? String(e) } satisfies Reply);
  } finally {
    db?.close();
  }
}

void run();
