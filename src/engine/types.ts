/**
 * Public types of the float64 engine. Everything here is in the data's original units unless a
 * name says otherwise; the engine standardises internally and maps results back.
 */
import type { Reason } from './reasons';

/** Stationary kernels the engine knows. `rbf` is the default. */
export type KernelName = 'rbf' | 'matern52' | 'matern32';

export const KERNEL_NAMES: readonly KernelName[] = ['rbf', 'matern52', 'matern32'];

/**
 * The rule that chooses θ̂ from the data (docs/rules.md): type-II maximum likelihood (`ml`, the
 * default), maximum a posteriori under log-normal priors on ℓ, σf, σn (`map`), or the
 * leave-one-out predictive log probability (`loo`, Rasmussen & Williams 2006, §5.4.2).
 */
export type SelectionRule = 'ml' | 'map' | 'loo';

export const SELECTION_RULES: readonly SelectionRule[] = ['ml', 'map', 'loo'];

/** A log-normal prior on one hyperparameter: log θ ~ N(log median, logSd²). */
export interface LogNormalPrior {
  /**
   * The prior's median of θ: a multiple of the data's own scale when the prior is relative to
   * the data (`relativeTo: 'data'`), otherwise in the data's units.
   */
  median: number;
  /** The standard deviation of log θ (> 0). */
  logSd: number;
}

/**
 * The priors of the `map` rule. With `relativeTo: 'data'` (the default) each median is a multiple
 * of the data's scale: the population standard deviation of x for ℓ, the root mean square of y for
 * σf and σn, so the rule keeps every scaling identity of the maximum-likelihood fit; with
 * `'absolute'` the medians are in the data's units and the prior does not move with the data.
 */
export interface HyperparameterPrior {
  relativeTo: 'data' | 'absolute';
  lengthscale: LogNormalPrior;
  signalStd: LogNormalPrior;
  noiseStd: LogNormalPrior;
}

/** The three hyperparameters θ of k(x, x') = σf² ρ(|x − x'|; ℓ) + σn² δ(x, x'). */
export interface Hyperparameters {
  /** ℓ, in the units of x. */
  lengthscale: number;
  /** σf, in the units of y. */
  signalStd: number;
  /** σn, in the units of y. */
  noiseStd: number;
}

/** Names of the hyperparameters, in the row order of every 3×n sensitivity matrix. */
export const HYPERPARAMETER_NAMES = ['lengthscale', 'signalStd', 'noiseStd'] as const;
export type HyperparameterName = (typeof HYPERPARAMETER_NAMES)[number];

/** A vector in log-hyperparameter space: (log ℓ, log σf, log σn). */
export type LogTheta = [number, number, number];

/** A 3×3 matrix as rows. */
export type Matrix3 = [LogTheta, LogTheta, LogTheta];

/** A 3×n matrix as three rows of length n: rows (ℓ, σf, σn), column i belongs to point i. */
export type Rows3 = [Float64Array, Float64Array, Float64Array];

/** Training data: x[i], y[i] is point i. */
export interface Dataset {
  x: Float64Array;
  y: Float64Array;
}

/** Why a fitted θ̂ may sit on an edge of its search region. */
export type BoundaryFlag =
  | 'lengthscale-below-spacing'
  | 'lengthscale-beyond-span'
  | 'noise-vanishing'
  | 'signal-vanishing'
  | 'signal-unbounded';

/**
 * A maximum with some hyperparameters held on a bound: the likelihood would rise beyond it, and
 * the others are at a strict maximum with those held. The one such bound is the noise floor, the
 * smallest σn/σf float64 can factorise (docs/numerics.md): σn is held at that fraction of σf.
 */
export interface HeldBound {
  /** The hyperparameters held (e.g. ['noiseStd']). */
  held: HyperparameterName[];
  /** In plain words: what is held where, and what the sensitivities then describe. */
  reason: string;
}

/** How much of θ̂ and its curvature float64 rounding leaves (see roundoff.ts). */
export interface RoundoffReport {
  /** An estimate of the condition number of K at θ̂ (max/min Cholesky pivot). */
  covarianceCondition: number;
  /**
   * The measured relative rounding error of the Hessian at θ̂ (its change between two
   * evaluations 1e-10 apart, over its largest entry); 0 where K is too well conditioned for it
   * to matter (not measured).
   */
  hessian: number;
  /** The estimated relative error of the sensitivities that rounding alone causes. */
  sensitivities: number;
}

/** How far the implicit-function sensitivities can be trusted at this θ̂. */
export type TrustVerdict = 'trusted' | 'caution' | 'untrusted';

/** Diagnostics of a fitted optimum. */
export interface Diagnostics {
  /** Eigenvalues of the Hessian of the rule's objective in log θ at θ̂, ascending (all < 0 at a strict maximum). */
  hessianEigLog: LogTheta;
  /** |λ|max / |λ|min of that Hessian. Infinity when an eigenvalue is 0. */
  conditionNumber: number;
  /**
   * True when the Hessian is negative definite to working precision (every eigenvalue below
   * −1e-12 times the largest in magnitude and beyond its rounding error), so the implicit
   * function theorem applies. At a maximum on the noise floor: the Hessian of the free
   * hyperparameters, with σn/σf held.
   */
  negativeDefinite: boolean;
  /** Edges of the search region that θ̂ sits on (empty when interior). */
  boundary: BoundaryFlag[];
  /** Set when θ̂ is a maximum on the noise floor: σn held there, ℓ and σf free. */
  constrained: HeldBound | null;
  roundoff: RoundoffReport;
  /**
   * The best other strict maximum (interior, or on the noise floor) found by the global search, if
   * any: the second-highest peak of the rule's objective in the search region. `lml` and `lmlGap`
   * are the rule's objective there and its gap (the log marginal likelihood for `ml`).
   */
  runnerUp: { theta: Hyperparameters; lml: number; lmlGap: number } | null;
  trust: TrustVerdict;
  /** Plain-language reasons behind `trust` (empty when trusted), in English. */
  reasons: string[];
  /**
   * The same reasons, in the same order, as data (a code and its numbers, reasons.ts), for
   * saying them in another language.
   */
  keyedReasons: Reason[];
}

/** Result of maximising the selection rule's objective (the log marginal likelihood for `ml`). */
export interface FitResult {
  kernel: KernelName;
  /** The rule that chose θ̂. */
  rule: SelectionRule;
  /** The `map` rule's prior as used (defaults filled in); null for the other rules. */
  prior: HyperparameterPrior | null;
  n: number;
  theta: Hyperparameters;
  logTheta: LogTheta;
  /** log p(y | X, θ̂), including −n/2 log 2π, in the data's units (for every rule). */
  lml: number;
  /**
   * The rule's objective at θ̂, in the data's units: L for `ml`, L + log p(log θ̂) for `map`,
   * Σᵢ log p(yᵢ | y₋ᵢ, θ̂) for `loo`.
   */
  objective: number;
  /** Gradient and Hessian of the rule's objective in log θ at θ̂. */
  gradLogTheta: LogTheta;
  hessianLogTheta: Matrix3;
  /** Newton steps taken by the local polish. */
  newtonSteps: number;
  diagnostics: Diagnostics;
}

/** How θ̂ moves with the data, by the implicit function theorem; or why that is undefined. */
export type SensitivityResult =
  | {
      defined: true;
      /** ∂ log θ̂ / ∂y_i (per unit of y). */
      dLogTheta_dy: Rows3;
      /** ∂ log θ̂ / ∂x_i (per unit of x). */
      dLogTheta_dx: Rows3;
      /** ∂ θ̂ / ∂y_i (θ's units per unit of y). */
      dTheta_dy: Rows3;
      /** ∂ θ̂ / ∂x_i (θ's units per unit of x). */
      dTheta_dx: Rows3;
      /**
       * Null at an interior maximum. At a maximum on the noise floor: which hyperparameters the
       * implicit function theorem holds (σn stays at its floor, a fixed fraction of σf, so its
       * row equals σf's) while the others move.
       */
      constrained: HeldBound | null;
    }
  | { defined: false; reason: string };

/** Posterior of the latent function f at query inputs. */
export interface Posterior {
  mean: Float64Array;
  /** Var f(x*) | data (latent, without σn²). */
  variance: Float64Array;
}

/** Profile log-likelihood (σf maximised out) over a (ℓ, σn²/σf²) grid. */
export interface Landscape {
  lengthscales: Float64Array;
  noiseRatios: Float64Array;
  /** Row-major: index = iLengthscale * noiseRatios.length + iNoiseRatio. */
  profileLml: Float64Array;
  best: { lengthscale: number; noiseRatio: number; signalStd: number; lml: number };
}

/** A finite-difference refit of column `index` of d log θ̂ / dy against the IFT. */
export interface FiniteDifferenceCheck {
  index: number;
  fd: LogTheta;
  ift: LogTheta;
  /** −log10 of the largest relative disagreement, relative to the column's largest entry. */
  agreeDigits: number;
  /**
   * The step h of y: `fd` is the Richardson extrapolation (4·D(h/2) − D(h))/3 of the central
   * differences D(h) = (θ̂(y + h) − θ̂(y − h))/2h of refits.
   */
  step: number;
}
