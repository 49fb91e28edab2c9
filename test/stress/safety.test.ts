// The data-safety proofs at full size: `npm run test:stress` (FS_STRESS=1). Each prints its figure.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { modelProof } from '../helpers/model.js';
import { backupDuringWritesProof, concurrencyProof, crashProof, hostileProof } from '../helpers/proofs.js';

describe.runIf(process.env.FS_STRESS === '1')('data safety under stress', () => {
  it('proof 1: 100+ SIGKILLs during bulk imports and visit adds', async () => {
    const f = await crashProof(120, 1, 3000);
    console.log(`proof 1: ${f.kills} SIGKILLs (${f.importKills} during a 3,000-visit import, ${f.addKills} during visit add), ${f.acknowledged} acknowledged adds: integrity failures ${f.integrityFailures}, partial imports ${f.partialImports}, acknowledged writes lost ${f.lost}`);
    expect(f.kills).toBeGreaterThanOrEqual(100);
    expect([f.integrityFailures, f.partialImports, f.lost]).toEqual([0, 0, 0]);
  }, 900_000);

  it('proof 2: 8 processes each adding 100 visits at once', async () => {
    const f = await concurrencyProof(8, 100);
    console.log(`proof 2: ${f.processes} processes × ${f.each} visit adds at once → ${f.rows} rows, ${f.errors} errors, ${f.busy} SQLITE_BUSY in ${f.seconds.toFixed(1)} s`);
    expect(f).toMatchObject({ rows: 800, errors: 0, busy: 0 });
  }, 900_000);

  it('proof 3: 200 random sequences of every writing command against the model', async () => {
    const seed = Number(process.env.FS_MODEL_SEED ?? Date.now() % 1_000_000);
    console.log(`proof 3: seed ${seed} (replay with FS_MODEL_SEED=${seed})`);
    const f = await modelProof(tempDir('fs-model-'), 200, 60, seed);
    console.log(`proof 3: ${f.runs} random sequences, ${f.commands} commands (every writing command, undo, undo --id, export→import, import), seed ${f.seed}: no difference from the model; undone ${f.figures.undone} + ${f.figures.undoneById} by --id`);
  }, 900_000);

  it('proof 4: 25,000 hostile argument vectors', async () => {
    const seed = 4242;
    const f = await hostileProof(25_000, seed);
    console.log(`proof 4: ${f.vectors} vectors (seed ${seed}): ${f.accepted} accepted, ${f.rejected} rejected with exit 2 and a one-line message; unexpected exit codes ${f.unexpectedCode.length}, multi-line or stack traces ${f.notOneLine.length}, writes by rejected commands ${f.written.length}`);
    expect(f.unexpectedCode).toEqual([]);
    expect(f.notOneLine).toEqual([]);
    expect(f.written).toEqual([]);
  }, 900_000);

  it('proof 7: 40 backups during writes', async () => {
    const f = await backupDuringWritesProof(40);
    console.log(`proof 7: ${f.backups} backups during ${f.writesDuring} concurrent writes: ${f.integrityOk}/${f.backups} pass integrity_check; restore equals the backup row for row: ${f.restoreEqual}`);
    expect(f.integrityOk).toBe(f.backups);
    expect(f.restoreEqual).toBe(true);
  }, 900_000);
});
