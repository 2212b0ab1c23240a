/**
 * Transactions over the explorer's store: every action runs as one, its changes gather in a draft
 * and reach the subscribers as one update when the outermost action returns, so React renders
 * once per action and no subscriber sees a half-made state.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { ExplorerState } from './types';

export interface Transaction {
  /** The state as the running action sees it (its own changes included). */
  read(): ExplorerState;
  /** Changes the state: at once outside an action, into the draft inside one. */
  write(change: Partial<ExplorerState>): void;
  /** Wraps `run` so that it runs as one transaction (nested calls join the outer one). */
  transact<Args extends unknown[], Result>(
    run: (...args: Args) => Result,
  ): (...args: Args) => Result;
}

/** `store` is read lazily, so the transaction can be made before the store it serves. */
export function createTransaction(store: () => StoreApi<ExplorerState>): Transaction {
  let draft: ExplorerState | null = null;
  let depth = 0;
  const read = (): ExplorerState => draft ?? store().getState();
  return {
    read,
    write(change) {
      if (depth === 0) store().setState(change);
      else draft = { ...read(), ...change };
    },
    transact(run) {
      return (...args) => {
        depth += 1;
        try {
          return run(...args);
        } finally {
          depth -= 1;
          if (depth === 0 && draft) {
            const next = draft;
            draft = null;
            store().setState(next, true);
          }
        }
      };
    },
  };
}
