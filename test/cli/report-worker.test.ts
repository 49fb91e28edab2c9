// The report worker (fs report --by ...) either gives its sections or fails the report: a broken
// worker never falls back in silence to something else.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { install } from '../helpers/install.js';

const inst = install();
const fs = (args: string[], env: Record<string, string> = {}) => inst.run(args, env);
const REPORT = ['report', '2026-Q4', '--by', 'month', '--format', 'json'];

beforeAll(() => {
  for (const args of [
    ['person', 'add', '--name', '王秀英', '--household', '王家'],
    ['visit', 'add', '--person', '1', '--date', '2026-11-02', '--topic', 'hardship', '--concern', '修屋顶'],
    ['visit', 'add', '--person', '1', '--date', '2026-10-12'],
    ['meeting', 'add', '--type', 'branch-committee', '--date', '2026-10-20', '--expected', '5', '--present', '5'],
    ['dispute', 'add', '--title', '宅基地边界纠纷', '--category', 'homestead', '--party', '王秀英', '--party', '李四', '--source', 'screening', '--risk', 'low', '--date', '2026-11-05'],
  ]) {
    const r = fs(args);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('the report worker', () => {
  it('gives the same report as one thread', () => {
    const two = fs(REPORT);
    expect(two.code, two.stderr).toBe(0);
    expect(JSON.parse(two.stdout).visits.total).toEqual({ total: 2, intervals: { '2026-10': 1, '2026-11': 1, '2026-12': 0 } });
    expect(two.stdout).toBe(fs(REPORT, { FS_REPORT_WORKER: '0' }).stdout);
    // A document report splits its figures over the two threads without --by too.
    const doc = fs(['report', '2026-Q4', '--format', 'md']);
    expect(doc.code, doc.stderr).toBe(0);
    expect(doc.stdout).toBe(fs(['report', '2026-Q4', '--format', 'md'], { FS_REPORT_WORKER: '0' }).stdout);
    // The cases the document names, read beside the worker: the same as in one thread.
    expect(doc.stdout).toContain('宅基地边界纠纷');
  });

  it('a worker that throws fails the report (exit 1, one line), instead of counting in this thread', () => {
    writeFileSync(join(inst.dir, 'dist', 'report-worker.cjs'), "throw new Error('worker exploded');\n");
    const r = fs(REPORT);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/report worker: .*worker exploded/);
  });

  it('a worker that exits without its sections fails the report', () => {
    writeFileSync(join(inst.dir, 'dist', 'report-worker.cjs'), "require('node:worker_threads').parentPort.postMessage({ kind: 'ready' });\n");
    const r = fs(REPORT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report worker: stopped \(exit 0\) before it sent its sections/);
  });

  it('a missing worker fails the report; one thread (no --by, FS_REPORT_WORKER=0) still works', () => {
    rmSync(join(inst.dir, 'dist', 'report-worker.cjs'));
    const r = fs(REPORT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report worker/);
    expect(fs(REPORT, { FS_REPORT_WORKER: '0' }).code).toBe(0);
    expect(fs(['report', '2026-Q4', '--format', 'json']).code).toBe(0);
  });

  it('a document report uses the worker without --by too: a missing worker fails it, FS_REPORT_WORKER=0 still works', () => {
    rmSync(join(inst.dir, 'dist', 'report-worker.cjs'), { force: true });
    const doc = ['report', '2026-Q4', '--format', 'md'];
    const r = fs(doc);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/report worker/);
    expect(fs(doc, { FS_REPORT_WORKER: '0' }).code).toBe(0);
  });
});
