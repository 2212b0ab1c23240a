/** The point an influence row is hovered or focused for, highlighted on the plot (page state only). */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const highlightedPoint = createStore<{ index: number | null }>(() => ({ index: null }));

export const useHighlightedPoint = (): number | null => useStore(highlightedPoint, (s) => s.index);
