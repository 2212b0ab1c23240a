/** React access to the explorer store: components read it through selectors only. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ExplorerState, ExplorerStore } from '../state';

export const StoreContext = createContext<ExplorerStore | null>(null);

/** The store itself, for event handlers that act on it (`useExplorerStore().getState().addPoint`). */
export function useExplorerStore(): ExplorerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useExplorer must be used inside <StoreContext.Provider>.');
  return store;
}

/** Subscribes to one slice of the store; re-renders only when that slice changes. */
export function useExplorer<T>(selector: (state: ExplorerState) => T): T {
  return useStore(useExplorerStore(), selector);
}
