// Proof 3 (quick run; the long one is in test/stress): random add, edit, remove, undo, export and
// import against an in-memory model.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { modelProof } from '../helpers/model.js';

describe('proof 3: model-based test', () => {
  it('random command sequences leave the database equal to the model', async () => {
    const seed = Number(process.env.FS_MODEL_SEED ?? 20261127);
    const f = await modelProof(tempDir('fs-model-'), 40, 30, seed);
    console.log(`proof 3: ${f.runs} random sequences, ${f.commands} commands (add, edit, remove, undo, export→import, import), seed ${f.seed}: no difference from the model`);
    expect(f.commands).toBeGreaterThan(f.runs);
  }, 120_000);
});
