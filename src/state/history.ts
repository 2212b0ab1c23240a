/**
 * Undo/redo over immutable snapshots. `record(before)` is called with the state an edit is about
 * to replace; undo swaps the present for the latest past entry, redo the reverse. A new edit
 * clears the redo branch. The past is bounded so a long session cannot grow without limit.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
}

export const HISTORY_LIMIT = 200;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Records `before` as the state to return to on undo, dropping any redo branch. */
export function record<T>(history: History<T>, before: T): History<T> {
  const past = [...history.past, before];
  return { past: past.length > HISTORY_LIMIT ? past.slice(-HISTORY_LIMIT) : past, future: [] };
}

/** The state to restore and the new history, or null when there is nothing to undo. */
export function undo<T>(history: History<T>, present: T): { state: T; history: History<T> } | null {
  const state = history.past[history.past.length - 1];
  if (state === undefined) return null;
  return {
    state,
    history: { past: history.past.slice(0, -1), future: [present, ...history.future] },
  };
}

/** The state to restore and the new history, or null when there is nothing to redo. */
export function redo<T>(history: History<T>, present: T): { state: T; history: History<T> } | null {
  const state = history.future[0];
  if (state === undefined) return null;
  return {
    state,
    history: { past: [...history.past, present], future: history.future.slice(1) },
  };
}
