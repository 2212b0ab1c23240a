/**
 * The explorer's state: one store, its selectors, presets and the shareable URL format — what the
 * explorer and the widget share. What only the explorer's page uses (the URL binding, urlSync.ts;
 * its panels' requests, panelRequests.ts) is imported from its own module, so that a widget's
 * code does not load it.
 */
export {
  createExplorerStore,
  MIN_EXPLORER_POINTS,
  type ExplorerStore,
  type ExplorerStoreOptions,
} from './store';
export type * from './types';
export * from './domain';
export * from './options';
export * from './prior';
export * from './presets';
export * from './selectors';
export * from './arrowScale';
export * from './urlCodec';
export * from './lesson';
export type { CurveView } from './curve';
export { LANDSCAPE_GRID, POSTERIOR_GRID_COUNT } from './request';
