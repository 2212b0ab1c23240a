/**
 * The log-normal priors of the `map` rule (docs/rules.md): log θᵢ ~ N(μᵢ, sᵢ²) independently for
 * θ = (ℓ, σf, σn), so that
 *
 *   log p(log θ) = Σᵢ [−(log θᵢ − μᵢ)² / (2sᵢ²) − log(sᵢ √(2π))],
 *
 * a density on log θ, which is why moving between the data's units and the engine's internal ones
 * (a shift of log θ) leaves its value unchanged. Relative to the data (the default) the medians
 * e^μᵢ are multiples of the data's own scales — the population standard deviation s_x of x for ℓ,
 * the root mean square s_y of y for σf and σn — which the engine's internal units (x and y divided
 * by powers of two near s_x and s_y; standardize.ts) carry as `internalXSd` and `internalYRms`: in
 * internal units the centres are log(multiple) + log(internal scale), and a dataset rescaled by any
 * factor has the same θ̂ rescaled.
 */
import type { Standardization } from '../standardize';
import type { HyperparameterPrior, LogNormalPrior, LogTheta } from '../types';

/**
 * The default prior: ℓ has median half the standard deviation of x (about a seventh of the span
 * of evenly spread inputs), σf the root mean square of y, σn a tenth of it; log-sds 1, 1 and 1.5,
 * so each 95% interval spans a factor of about 50 (360 for the noise) around its median. Weak
 * enough that ten points outweigh it; strong enough to keep θ̂ off the edges where maximum
 * likelihood runs away (pure noise, a straight line, interpolated data).
 */
export const DEFAULT_PRIOR: HyperparameterPrior = {
  relativeTo: 'data',
  lengthscale: { median: 0.5, logSd: 1 },
  signalStd: { median: 1, logSd: 1 },
  noiseStd: { median: 0.1, logSd: 1.5 },
};

/** A prior given in part: what is left out takes the default. */
export interface PriorOptions {
  relativeTo?: HyperparameterPrior['relativeTo'];
  lengthscale?: Partial<LogNormalPrior>;
  signalStd?: Partial<LogNormalPrior>;
  noiseStd?: Partial<LogNormalPrior>;
}

const PRIOR_NAMES = ['lengthscale', 'signalStd', 'noiseStd'] as const;

/** The prior with defaults filled in. Throws RangeError for a median or log-sd that is not > 0. */
export function resolvePrior(options: PriorOptions = {}): HyperparameterPrior {
  const relativeTo = options.relativeTo ?? DEFAULT_PRIOR.relativeTo;
  if (relativeTo !== 'data' && relativeTo !== 'absolute') {
    throw new RangeError(
      `prior.relativeTo must be 'data' or 'absolute', not ${String(relativeTo)}`,
    );
  }
  const resolved: HyperparameterPrior = { ...DEFAULT_PRIOR, relativeTo };
  for (const name of PRIOR_NAMES) {
    const prior = { ...DEFAULT_PRIOR[name], ...options[name] };
    for (const field of ['median', 'logSd'] as const) {
      const value = prior[field];
      if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
        throw new RangeError(`prior.${name}.${field} must be a finite number > 0, not ${value}`);
      }
    }
    resolved[name] = prior;
  }
  return resolved;
}

/** The prior in internal (standardised) log units. */
export interface InternalPrior {
  /** μ' = the centres of log θ in internal units. */
  center: LogTheta;
  /** s, the standard deviations of log θ (the same in every unit). */
  logSd: LogTheta;
  /** True when the centres move with the data's scales (then θ̂ depends on the data through them). */
  relative: boolean;
}

/** The prior's centres and widths in the internal units of `map`. */
export function internalPrior(prior: HyperparameterPrior, map: Standardization): InternalPrior {
  const relative = prior.relativeTo === 'data';
  // Relative medians are multiples of the spreads, which internal units keep within [½, 2].
  const logXScale = relative ? -Math.log(map.internalXSd) : Math.log(map.xScale);
  const logYScale = relative ? -Math.log(map.internalYRms) : Math.log(map.yScale);
  return {
    center: [
      Math.log(prior.lengthscale.median) - logXScale,
      Math.log(prior.signalStd.median) - logYScale,
      Math.log(prior.noiseStd.median) - logYScale,
    ],
    logSd: [prior.lengthscale.logSd, prior.signalStd.logSd, prior.noiseStd.logSd],
    relative,
  };
}

const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log p(log θ), its gradient and its (diagonal) Hessian at internal log θ. */
export function logPrior(
  prior: InternalPrior,
  logTheta: LogTheta,
): { value: number; gradient: LogTheta; hessianDiagonal: LogTheta } {
  let value = 0;
  const gradient: LogTheta = [0, 0, 0];
  const hessianDiagonal: LogTheta = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const sd = prior.logSd[i]!;
    const z = (logTheta[i]! - prior.center[i]!) / sd;
    value -= 0.5 * z * z + Math.log(sd) + LOG_SQRT_TWO_PI;
    gradient[i as 0 | 1 | 2] = -z / sd;
    hessianDiagonal[i as 0 | 1 | 2] = -1 / (sd * sd);
  }
  return { value, gradient, hessianDiagonal };
}

/**
 * How a data-relative prior's centres move with the data (internal units), for the mixed partials
 * of the `map` rule: μ_ℓ = log m_ℓ + log s_x and μ_σ = log m_σ + log s_y with, for weights w
 * (s_x² = Σ wₐ(xₐ − x̄)²/Σw, s_y² = Σ wₐyₐ²/Σw),
 *
 *   ∂ log s_x/∂x_k = (x_k − x̄)/(n s_x²),     ∂ log s_y/∂y_k = y_k/(n s_y²),
 *   ∂ log s_x/∂w_k = ½((x_k − x̄)²/s_x² − 1)/n,  ∂ log s_y/∂w_k = ½(y_k²/s_y² − 1)/n  (at w = 1),
 *
 * the last two also for a new point of weight w → 0. As ∂gᵢ/∂μᵢ = 1/sᵢ², each adds
 * (1/sᵢ²) ∂μᵢ/∂(·) to ∂gᵢ/∂(·). An absolute prior does not move: it adds nothing.
 */
export interface PriorCenterMotion {
  /** ∂μ/∂x_k, ∂μ/∂y_k at one point's coordinates, scaled by 1/sᵢ²: the added ∂g/∂x, ∂g/∂y. */
  dx(x: number): LogTheta;
  dy(y: number): LogTheta;
  /** The added ∂g/∂w for a point at (x, y) of weight 1 (or a new point of weight 0). */
  dw(x: number, y: number): LogTheta;
}

/** The motion of `prior`'s centres with data (x, y) in internal units; null when absolute. */
export function priorCenterMotion(
  prior: InternalPrior | null,
  x: Float64Array,
  y: Float64Array,
): PriorCenterMotion | null {
  if (!prior || !prior.relative) return null;
  const n = x.length;
  let mean = 0;
  for (const value of x) mean += value / n;
  let variance = 0;
  let meanSquare = 0;
  for (let k = 0; k < n; k++) {
    variance += (x[k]! - mean) ** 2 / n;
    meanSquare += y[k]! ** 2 / n;
  }
  const [precisionL, precisionF, precisionN] = prior.logSd.map((sd) => 1 / (sd * sd)) as LogTheta;
  return {
    dx: (value) => [(precisionL * (value - mean)) / (n * variance), 0, 0],
    dy: (value) => {
      const motion = value / (n * meanSquare);
      return [0, precisionF * motion, precisionN * motion];
    },
    dw: (xValue, yValue) => {
      const lengthscaleMotion = (0.5 * ((xValue - mean) ** 2 / variance - 1)) / n;
      const scaleMotion = (0.5 * (yValue ** 2 / meanSquare - 1)) / n;
      return [precisionL * lengthscaleMotion, precisionF * scaleMotion, precisionN * scaleMotion];
    },
  };
}
