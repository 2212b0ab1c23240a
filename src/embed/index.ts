/**
 * GP Sensitivity Explorer as a library: the float64 engine, and the explorer widget to mount into
 * a page.
 *
 * ```ts
 * import { mount, fitHyperparameters, validateDataset } from 'gp-sensitivity-explorer';
 * const widget = mount(document.querySelector('#figure')!, {
 *   points: '0.5,0.2; 1.8,0.9; 3.1,-0.4; 4.4,0.1',
 *   onChange: (fit) => console.log(fit.lengthscale),
 * });
 * ```
 *
 * `gp-sensitivity-explorer/engine` is the engine alone (no DOM, React or tfjs);
 * `gp-sensitivity-explorer/react` the React component; `gp-sensitivity-explorer/element` the
 * script that registers `<gp-sensitivity>`.
 */
export * from '../engine';
export { mount, type EmbedHandle, type MountOptions, type WorkerSharing } from './mount';
export { defineGpSensitivityElement, ELEMENT_NAME, type GpSensitivityElement } from './element';
export type { FitChangeDetail } from './fitEvents';
export {
  EMBED_OPTION_NAMES,
  resolveEmbedOptions,
  type EmbedConfig,
  type EmbedOptionName,
  type EmbedOptions,
  type EmbedPanel,
  type EmbedTheme,
} from './options';
export { MAX_EMBED_POINTS } from './pointsText';
