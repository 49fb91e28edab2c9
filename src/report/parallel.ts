// A long report split over the machine's two cores: the visits section (the largest table) is
// counted in a worker thread on its own connection while this thread counts the others. Same
// queries, same result; only where they run differs. Used from the CLI bundle, where the worker
// can start from the bundle's own file; elsewhere (tests on the sources) reports run in one thread.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ReportModel, SectionName, SectionReport } from '../domain/report.js';
import { openDatabase, type Db } from '../db/open.js';
import { assembleReport, buildReport, buildSections, type ReportOptions } from './build.js';

declare const FS_BUNDLE: boolean | undefined;

interface Job {
  fsReportSections: true;
  dbPath: string;
  options: ReportOptions;
  sections: SectionName[];
}

type Reply = { ok: true; sections: SectionReport[] } | { ok: false; message: string };

/** The sections counted apart: the visits table dwarfs the others. */
const APART: SectionName = 'visits';

/** This thread is a report worker (started by buildReportParallel). */
export function isReportWorker(): boolean {
  return !isMainThread && Boolean((workerData as Partial<Job> | undefined)?.fsReportSections);
}

/** In the worker: count the job's sections and send them back. */
export async function runReportWorker(): Promise<void> {
  const job = workerData as Job;
  let reply: Reply;
  let db: Db | undefined;
  try {
    // A small page cache: the worker's scans read each page once, and the process has a memory budget.
    db = await openDatabase(job.dbPath, { cacheKib: 2048 });
    reply = { ok: true, sections: buildSections(db, job.options, job.sections) };
  } catch (e) {
    reply = { ok: false, message: (e as Error).message };
  } finally {
    db?.close();
  }
  parentPort!.postMessage(reply);
}

/** The sections from a worker, or undefined if it could not give them (then this thread counts them). */
function inWorker(job: Job): Promise<SectionReport[] | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(__filename, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    worker.once('message', (reply: Reply) => resolve(reply.ok ? reply.sections : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * The report, with the visits section counted in parallel when it is worth a thread: a report
 * split by interval (--by) that has other sections to count meanwhile. FS_REPORT_WORKER=0 keeps
 * it in one thread.
 */
export async function buildReportParallel(db: Db, dbPath: string, o: ReportOptions): Promise<ReportModel> {
  const others = o.sections.filter((s) => s !== APART);
  const oneThread = typeof FS_BUNDLE === 'undefined' || process.env.FS_REPORT_WORKER === '0';
  if (oneThread || !o.by || !o.sections.includes(APART) || others.length === 0) return buildReport(db, o);
  const apart = inWorker({ fsReportSections: true, dbPath, options: o, sections: [APART] });
  const counted = buildSections(db, o, others);
  const visits = (await apart) ?? buildSections(db, o, [APART]);
  const byName = new Map([...visits, ...counted].map((s) => [s.name, s]));
  return assembleReport(db, o, o.sections.map((name) => byName.get(name)!));
}
