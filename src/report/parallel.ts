// A long report split over the machine's two cores: the largest sections (visits, concerns) are
// counted in a worker thread on its own connection while this thread counts the others. Same
// queries, same result, and the same state of the ledger: both threads read one snapshot (see
// src/db/snapshot.ts). If the worker fails, the report fails: nothing falls back in silence.
// Used from the CLI bundle, where the worker starts from dist/report-worker.cjs; elsewhere (tests
// on the sources) reports run in one thread, on one snapshot too.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReportModel, SectionName, SectionReport } from '../domain/report.js';
import { setPageCache, type Db } from '../db/open.js';
import { isRememberingVisitDays, shareVisitDays, type RememberedVisitDays } from '../db/report.js';
import { beginRead, endRead, holdWrites } from '../db/snapshot.js';
import { assembleReport, buildReport, buildSections, type ReportOptions } from './build.js';

declare const FS_BUNDLE: boolean | undefined;

export interface Job {
  dbPath: string;
  options: ReportOptions;
  sections: SectionName[];
  /** Send back the visit days scanned: this thread remembers them (its document reads them too). */
  shareVisitDays?: boolean;
}

export type Reply = { kind: 'ready' } | { kind: 'done'; sections: SectionReport[]; days?: RememberedVisitDays } | { kind: 'failed'; message: string };

/** The page cache of the report's own connection (see buildReportParallel); the worker's is smaller still. */
const REPORT_PAGE_CACHE_KIB = 8192;

/**
 * The sections counted apart: with the document's own tables and due items read on this thread
 * meanwhile, the disputes' flows and stock (day after day) belong on the worker's side too.
 */
const APART: readonly SectionName[] = ['visits', 'concerns', 'disputes'];

/** The worker's sections (and visit days); `ready` is called once it has taken its snapshot (or has failed). */
function inWorker(job: Job, ready: () => void): Promise<Extract<Reply, { kind: 'done' }>> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      ready();
      reject(new Error(`report worker: ${why}`));
    };
    const worker = new Worker(join(__dirname, 'report-worker.cjs'), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.on('message', (reply: Reply) => {
      if (reply.kind === 'ready') ready();
      else if (reply.kind === 'done') resolve(reply);
      else fail(reply.message);
    });
    worker.once('error', (e) => fail(e.message));
    worker.once('exit', (code) => fail(`stopped (exit ${code}) before it sent its sections`));
  });
}

function lockOrUndefined(dbPath: string): (() => void) | undefined {
  try {
    return holdWrites(dbPath);
  } catch (e) {
    if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test((e as { code?: string }).code ?? '')) return undefined;
    throw e;
  }
}

/**
 * The report, with its largest sections counted in parallel when that is worth a thread: a report
 * split by interval (--by) that has other sections to count meanwhile. FS_REPORT_WORKER=0 keeps
 * it in one thread.
 */
export function buildReportParallel(db: Db, dbPath: string, o: ReportOptions): Promise<ReportModel> {
  return readReport(db, dbPath, o, (model) => model);
}

/**
 * The report as buildReportParallel makes it, handed to `then` before the read ends: what `then`
 * reads on `db` (the document's tables and due items) sees the same state as the figures.
 * `document`: split the figures over two threads even without --by. `meanwhile` reads on `db` too,
 * while the worker counts (in one thread: before the figures).
 */
export async function readReport<T>(db: Db, dbPath: string, o: ReportOptions, then: (model: ReportModel) => T, document = false, meanwhile?: () => void): Promise<T> {
  // A report reads most pages once (and its document a few again): 8 MiB of page cache instead of
  // 16 keep the whole run, document and Word file included, ~8 MB lower at no measurable cost
  // (with 4 MiB the disputes' stock, day after day, reads its pages again).
  setPageCache(db, REPORT_PAGE_CACHE_KIB);
  const apart = o.sections.filter((s) => APART.includes(s));
  const others = o.sections.filter((s) => !APART.includes(s));
  const oneThread = typeof FS_BUNDLE === 'undefined' || process.env.FS_REPORT_WORKER === '0';
  // No commit can land between this thread's snapshot and the worker's: writers wait meanwhile.
  // A ledger this process may not write (read-only file) cannot be locked: one thread reads it.
  // A document is worth the thread without --by too: its own tables are read after the figures.
  const release = oneThread || (!o.by && !document) || apart.length === 0 || others.length === 0 ? undefined : lockOrUndefined(dbPath);
  if (!release) {
    beginRead(db);
    try {
      meanwhile?.();
      return then(buildReport(db, o));
    } finally {
      endRead(db);
    }
  }
  try {
    beginRead(db);
    const counted = inWorker({ dbPath, options: o, sections: apart, shareVisitDays: isRememberingVisitDays(db) }, release);
    // Settled either way before this thread's own counting can throw: no unhandled rejection.
    counted.catch(() => undefined);
    // A section at a time, letting the worker's "ready" in between to release the writers early.
    const mine: SectionReport[] = [];
    for (const name of others) {
      mine.push(...buildSections(db, o, [name]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    meanwhile?.();
    const done = await counted;
    // Same snapshot: what the worker scanned is what this connection would read.
    if (done.days) shareVisitDays(db, done.days);
    const byName = new Map([...done.sections, ...mine].map((s) => [s.name, s]));
    const model = assembleReport(db, o, o.sections.map((name) => byName.get(name)!));
    release();
    return then(model);
  } finally {
    release();
    endRead(db);
  }
}
