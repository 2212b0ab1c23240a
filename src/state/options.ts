/** The reader's view choices that are not data: what the arrows show and which layers are on. */
import { DEFAULT_PRIOR } from '../engine/rules/prior';
import type {
  HyperparameterName,
  HyperparameterPrior,
  KernelName,
  SelectionRule,
} from '../engine/types';

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
  /** The rule that chooses θ̂ (docs/rules.md); the arrows are its sensitivities. */
  rule: SelectionRule;
  /** A second rule whose arrows are drawn beside the first ("compare rules"), or null. */
  compareRule: SelectionRule | null;
  /** The `map` rule's prior, relative to the data (state/prior.ts); used when MAP is drawn. */
  prior: HyperparameterPrior;
  /** Show (and compute, at rest) each point's influence: removal beside the jackknife. */
  showInfluence: boolean;
  /** Show (and compute, at rest) where a new point would pull θ̂, as a heat map behind the data. */
  showPullMap: boolean;
}

export const DEFAULT_KERNEL: KernelName = 'rbf';

export const DEFAULT_VIEW_OPTIONS: ViewOptions = {
  hyperparameter: 'lengthscale',
  arrowMode: 'vertical',
  showBand: true,
  showLandscape: true,
  rule: 'ml',
  compareRule: null,
  prior: DEFAULT_PRIOR,
  showInfluence: false,
  showPullMap: false,
};
