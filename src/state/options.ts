/** The reader's view choices that are not data: what the arrows show and which layers are on. */
import type { HyperparameterName, KernelName } from '../engine/types';

/** `vertical`: the arrow is dθ̂/dyᵢ; `vector`: the 2-D vector (dθ̂/dxᵢ, dθ̂/dyᵢ). */
export type ArrowMode = 'vertical' | 'vector';

export interface ViewOptions {
  /** Hyperparameter whose sensitivities the arrows show. */
  hyperparameter: HyperparameterName;
  arrowMode: ArrowMode;
  /** Show the posterior's 95% band. */
  showBand: boolean;
  /** Show (and compute) the profile-likelihood landscape. */
  showLandscape: boolean;
}

export const DEFAULT_KERNEL: KernelName = 'rbf';

export const DEFAULT_VIEW_OPTIONS: ViewOptions = {
  hyperparameter: 'lengthscale',
  arrowMode: 'vertical',
  showBand: true,
  showLandscape: true,
};
