// The rules of undo by change set (pure): which set plain undo takes, which are cancelled, which
// later sets still count against undoing an older one.
import { describe, expect, it } from 'vitest';
import { cancelledSets, laterInEffect, pickUndoSet } from '../../src/domain/history.js';

type S = { id: number; undoes: number | null };
const sets = (...xs: [number, number | null][]): S[] => xs.map(([id, undoes]) => ({ id, undoes })).reverse();

describe('undo by change set', () => {
  it.each<[string, S[], number | undefined]>([
    ['nothing', [], undefined],
    ['the newest command', sets([1, null], [2, null]), 2],
    ['back in time past an undo', sets([1, null], [2, null], [3, 2]), 1],
    ['past two undos', sets([1, null], [2, null], [3, 2], [4, 1]), undefined],
    ['after a redo (undo of the undo) the redone set again', sets([1, null], [2, null], [3, 2], [4, 3]), 2],
    ['an undo --id of an older set leaves the newest', sets([1, null], [2, null], [3, 1]), 2],
  ])('plain undo: %s', (_, newestFirst, expected) => {
    expect(pickUndoSet(newestFirst)).toBe(expected);
  });

  it.each<[string, S[], number[]]>([
    ['an undo cancels its set', sets([1, null], [2, 1]), [1]],
    ['a redo cancels the undo, not the set', sets([1, null], [2, 1], [3, 2]), [2]],
    ['undo of the redo', sets([1, null], [2, 1], [3, 2], [4, 3]), [3, 1]],
  ])('cancelled: %s', (_, newestFirst, expected) => {
    expect([...cancelledSets(newestFirst)].sort()).toEqual(expected.sort());
  });

  it.each<[string, number, S[], number[]]>([
    ['every later command counts', 1, sets([1, null], [2, null], [3, null]), [3, 2]],
    ['a later command and its undo cancel out', 1, sets([1, null], [2, null], [3, 2]), []],
    ['an undo of an earlier set counts (it changed records)', 2, sets([1, null], [2, null], [3, 1]), [3]],
    ['a redone later command counts again', 1, sets([1, null], [2, null], [3, 2], [4, 3]), [2]],
  ])('later in effect: %s', (_, target, newestFirst, expected) => {
    expect(laterInEffect(target, newestFirst)).toEqual(expected);
  });
});
