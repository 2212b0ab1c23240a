/**
 * The store's state when it is created, and what Reset returns to: the data, kernel and view
 * options as last loaded (the page's start, a preset from the data menu, a link).
 */
import { DEFAULT_KERNEL, DEFAULT_VIEW_OPTIONS } from './options';
import { DEFAULT_PRESET_ID, findPreset, matchPreset } from './presets';
import type { ExplorerData, LoadedData } from './types';
import type { SharedState } from './urlCodec';
import { NO_LESSON } from './lesson';
import { emptyHistory } from './history';

/** The data of a link (or of the page's start, without one) as Reset will restore them. */
export function loadedFrom(shared: SharedState | undefined): LoadedData {
  return shared
    ? {
        points: shared.points,
        kernel: shared.kernel,
        presetId: matchPreset(shared.points),
        options: shared.options,
      }
    : {
        points: findPreset(DEFAULT_PRESET_ID).points,
        kernel: DEFAULT_KERNEL,
        presetId: DEFAULT_PRESET_ID,
        options: DEFAULT_VIEW_OPTIONS,
      };
}

/** The state of a new store: `initial` (a link's) or the default dataset and view. */
export function initialData(initial: SharedState | undefined): ExplorerData {
  const loaded = loadedFrom(initial);
  return {
    storeKey: {},
    points: loaded.points,
    kernel: loaded.kernel,
    presetId: loaded.presetId,
    options: loaded.options,
    loaded,
    structureVersion: 0,
    selectedIndex: null,
    drag: null,
    analysis: null,
    landscape: null,
    failure: null,
    pendingSeq: null,
    refitting: false,
    status: { backend: 'starting', note: null },
    arrowScale: null,
    finiteDifference: null,
    history: emptyHistory(),
    notice: null,
    curve: null,
    curveAxis: 'y',
    manualTheta: null,
    presentation: initial?.presentation ?? false,
    arrowsHidden: false,
    landscapeInView: true,
    reasonsHidden: false,
    lesson: initial?.lesson ?? NO_LESSON,
    insight: null,
  };
}
