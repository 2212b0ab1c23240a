/**
 * Keeps the page's URL fragment in step with the store: the fragment is rewritten (without a new
 * history entry) whenever the data, the view options, presentation mode or the lesson change and no drag is
 * under way.
 */
import type { ExplorerStore } from './store';
import { encodeSharedState } from './urlCodec';

export interface FragmentTarget {
  /** Replaces the fragment (e.g. `history.replaceState` with `#` + fragment). */
  write(fragment: string): void;
}

/** Starts mirroring the store into `target`; returns a function that stops it. */
export function bindUrl(store: ExplorerStore, target: FragmentTarget): () => void {
  let written = '';
  let seen: unknown[] = [];
  const sync = (): void => {
    const { points, kernel, options, drag, presentation, lesson } = store.getState();
    if (drag?.active) return;
    // Results arrive far more often than edits: encode only when an edit happened.
    const inputs = [points, kernel, options, presentation, lesson];
    if (inputs.every((value, i) => value === seen[i])) return;
    seen = inputs;
    const fragment = encodeSharedState({ points, kernel, options, presentation, lesson });
    if (fragment !== written) {
      written = fragment;
      target.write(fragment);
    }
  };
  sync();
  return store.subscribe(sync);
}
