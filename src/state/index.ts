/** The explorer's state: one store, its selectors, presets and the shareable URL format. */
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
export { bindUrl } from './urlSync';
export { CURVE_HALF_WIDTH, CURVE_SAMPLES_PER_SIDE, type CurveView } from './curve';
export { LANDSCAPE_GRID, POSTERIOR_GRID_COUNT } from './request';
