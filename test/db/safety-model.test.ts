// Proof 3 (quick run; the long one is in test/stress): random sequences of every writing command,
// undo by change set and by --id, export and import, against a model of what the user sees.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { modelProof, undoTour, WRITING_COMMANDS } from '../helpers/model.js';

describe('proof 3: model-based test', () => {
  it('every writing command is one change set, and undo (last or --id) puts back exactly what it changed', async () => {
    const seed = Number(process.env.FS_MODEL_SEED ?? 20261127);
    const f = await modelProof(tempDir('fs-model-'), 12, 40, seed);
    const per = [...f.figures.commands].sort().map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(
      `proof 3: ${f.runs} random sequences, ${f.commands} commands, seed ${f.seed}: no difference from the model; ` +
        `undone ${f.figures.undone} last + ${f.figures.undoneById} by --id, refused ${f.figures.refusedDependent} dependent + ${f.figures.refusedOther} other, ${f.figures.refusedInput} commands refused; ${per}`,
    );
    expect(f.commands).toBeGreaterThan(f.runs);
    expect(f.figures.undoneById).toBeGreaterThan(0);
    expect(f.figures.refusedDependent).toBeGreaterThan(0);
    // Most writing commands went through, whatever the seed (the tour below runs each one for sure).
    expect(WRITING_COMMANDS.filter((c) => f.figures.commands.get(c)).length).toBeGreaterThan(WRITING_COMMANDS.length * 0.75);
  }, 240_000);

  it('every writing command, undone right after it ran, leaves what was there before', async () => {
    const undone = await undoTour(tempDir('fs-tour-'));
    // Every writing command but import (whose undo is refused: restore the backup; the random run checks that).
    expect(WRITING_COMMANDS.filter((c) => c !== 'import' && !undone.includes(c))).toEqual([]);
  }, 120_000);
});
