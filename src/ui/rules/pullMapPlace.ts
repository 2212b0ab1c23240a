/**
 * The place on the new-point pull map the reader points at or picked (data units), shared by the
 * map on the plot and its readout. Page state only: nothing here is computed or sent.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface PullMapPlace {
  x: number;
  y: number;
  /** Picked by a click or tap (stays when the pointer leaves), or only hovered. */
  picked: boolean;
}

export const pullMapPlace = createStore<{ place: PullMapPlace | null }>(() => ({ place: null }));

export const usePullMapPlace = (): PullMapPlace | null => useStore(pullMapPlace, (s) => s.place);
