import { describe, expect, it } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, record, redo, undo } from '../../src/state/history';

describe('undo/redo history', () => {
  it('undoes and redoes in order and a new edit drops the redo branch', () => {
    let present = 'c';
    let history = record(record(emptyHistory<string>(), 'a'), 'b');
    const back = undo(history, present);
    expect(back?.state).toBe('b');
    present = back?.state ?? present;
    history = back?.history ?? history;
    const backAgain = undo(history, present);
    expect(backAgain?.state).toBe('a');
    const forward = redo(backAgain?.history ?? history, 'a');
    expect(forward?.state).toBe('b');
    const branched = record(forward?.history ?? history, 'b');
    expect(branched.future).toHaveLength(0);
    expect(redo(branched, 'd')).toBeNull();
  });

  it('has nothing to undo at first and keeps a bounded past', () => {
    expect(undo(emptyHistory<number>(), 0)).toBeNull();
    let history = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) history = record(history, i);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]).toBe(50);
  });
});
