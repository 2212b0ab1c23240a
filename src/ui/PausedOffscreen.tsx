import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ExplorerState, ExplorerStore } from '../state';
import { StoreContext, useExplorerStore } from './context';
import { useOnScreen } from './panels/useOnScreen';

/** A view of the store that can hold still: while paused it shows one snapshot and tells no one. */
interface PausableStore {
  store: ExplorerStore;
  setPaused(paused: boolean): void;
}

function pausableStore(source: ExplorerStore): PausableStore {
  let held: ExplorerState | null = null;
  const listeners = new Set<(state: ExplorerState, previous: ExplorerState) => void>();
  // Subscribed to the real store only while someone listens here.
  let unsubscribe: (() => void) | null = null;
  const store: ExplorerStore = {
    getState: () => held ?? source.getState(),
    getInitialState: () => source.getInitialState(),
    setState: source.setState,
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= source.subscribe((state, previous) => {
        if (held !== null) return;
        for (const each of listeners) each(state, previous);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = null;
        }
      };
    },
  };
  return {
    store,
    setPaused(paused) {
      if (paused === (held !== null)) return;
      if (paused) {
        held = source.getState();
        return;
      }
      const previous = held ?? source.getState();
      held = null;
      for (const listener of listeners) listener(source.getState(), previous);
    },
  };
}

/**
 * How far into the viewport an element must reach to count as seen: a panel's heading and
 * padding (the landscape's map starts about 50 px below its card's top edge).
 */
const SEEN_FROM_PX = 64;

/**
 * A stretch of the page that need not follow a drag move by move while nobody can see it: as long
 * as a point is dragged and this element is off screen, the components inside see the store as it
 * was when the drag began (no React render, no layout, no paint of them per move, so the frames of
 * the plot and θ̂ stay short); the moment it comes into view or the drag ends they catch up with
 * one render. Actions still reach the real store. On screen, nothing is held back.
 */
export function PausedOffscreen({
  className,
  children,
  onScreenChange,
}: {
  className: string;
  children: ReactNode;
  /** Told whether the stretch is on screen, each time that changes. */
  onScreenChange?: (onScreen: boolean) => void;
}) {
  const source = useExplorerStore();
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const onScreen = useOnScreen(element, SEEN_FROM_PX);
  const dragging = useStore(source, (s) => s.drag?.active ?? false);
  const view = useMemo(() => pausableStore(source), [source]);
  const paused = dragging && !onScreen;
  // Before the browser paints, so the first frame of the drag already skips this part.
  useLayoutEffect(() => view.setPaused(paused), [view, paused]);
  useEffect(() => onScreenChange?.(onScreen), [onScreenChange, onScreen]);
  return (
    <div ref={setElement} className={className} data-paused={paused}>
      <StoreContext.Provider value={view.store}>{children}</StoreContext.Provider>
    </div>
  );
}
