/**
 * Warm starts for the refits while a point is dragged. The engine's warm start only polishes
 * locally (from the given θ and the runner-up maximum), so it is offered only for a small change
 * of the same points; after a jump — a coalesced burst, a new data set, an added point — the
 * next fit searches globally, so θ̂ never depends on the path the data took.
 *
 * The start is the implicit function theorem's first-order prediction of the new θ̂
 * (`predictLogTheta`), O(|Δ|²) from the new maximum, rather than the old θ̂ itself.
 */
import { predictLogTheta } from '../../engine';
import type {
  Dataset,
  FitOptions,
  FitResult,
  KernelName,
  LogTheta,
  Matrix3,
  Rows3,
  SelectionRule,
  SensitivityResult,
} from '../../engine';
import type { PriorOptions } from '../../engine/rules/prior';

/** A change of the data small enough for a warm Newton polish. */
export const WARM_START_LIMITS = {
  /** Largest move of any x_i, as a fraction of the previous span of x. */
  x: 0.05,
  /** Largest move of any y_i, as a fraction of the previous root-mean-square of y. */
  y: 0.25,
};

/**
 * What a warm start needs of a fit: θ̂, its Hessian (null: the polish evaluates it) and the
 * runner-up maximum. A FitResult has them, and so has the compute worker's answer
 * (AnalysisSuccess; its comparison has no Hessian), which the main thread's engine is seeded from
 * (mainThreadCompute.ts).
 */
export type WarmStartFit = Pick<FitResult, 'logTheta' | 'diagnostics'> & {
  hessianLogTheta: Matrix3 | null;
};

interface RememberedFit {
  data: Dataset;
  fit: WarmStartFit;
  sensitivities: SensitivityResult;
}

function rootMeanSquare(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value * value;
  return Math.sqrt(sum / values.length);
}

function span(values: Float64Array): number {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  return max - min;
}

function largestMove(from: Float64Array, to: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < from.length; i++) largest = Math.max(largest, Math.abs(to[i]! - from[i]!));
  return largest;
}

function logOf(theta: { lengthscale: number; signalStd: number; noiseStd: number }): LogTheta {
  return [Math.log(theta.lengthscale), Math.log(theta.signalStd), Math.log(theta.noiseStd)];
}

const copyRows = (rows: Rows3): Rows3 => [rows[0].slice(), rows[1].slice(), rows[2].slice()];

/**
 * A copy of `sensitivities` whose arrays are its own. (structuredClone serialises the whole
 * object graph: on a drag on the main thread that was a tenth of a step at ten points.)
 */
function copySensitivities(sensitivities: SensitivityResult): SensitivityResult {
  if (!sensitivities.defined) return { ...sensitivities };
  return {
    defined: true,
    dLogTheta_dy: copyRows(sensitivities.dLogTheta_dy),
    dLogTheta_dx: copyRows(sensitivities.dLogTheta_dx),
    dTheta_dy: copyRows(sensitivities.dTheta_dy),
    dTheta_dx: copyRows(sensitivities.dTheta_dx),
    constrained: sensitivities.constrained && { ...sensitivities.constrained },
  };
}

/**
 * What a warm start is kept for: a fit polishes only from a fit of the same objective, so the key
 * is the kernel, the rule and (for `map`) the prior as asked.
 */
export function warmStartKey(
  kernel: KernelName,
  rule: SelectionRule = 'ml',
  prior?: PriorOptions,
): string {
  return rule === 'map' ? `${kernel}|map|${JSON.stringify(prior ?? {})}` : `${kernel}|${rule}`;
}

/** The last fit of each (kernel, rule, prior), and the warm start it offers for the next one. */
export class WarmStarts {
  private readonly byKey = new Map<string, RememberedFit>();

  /** The warm start for fitting `data` under `key` (`warmStartKey`), or undefined when a global search is due. */
  for(key: string, data: Dataset): FitOptions['warmStart'] {
    const previous = this.byKey.get(key);
    if (!previous || previous.data.x.length !== data.x.length) return undefined;
    const { x, y } = previous.data;
    const small =
      largestMove(x, data.x) <= WARM_START_LIMITS.x * span(x) &&
      largestMove(y, data.y) <= WARM_START_LIMITS.y * rootMeanSquare(y);
    if (!small) return undefined;
    const predicted = predictLogTheta(previous.data, previous.fit, previous.sensitivities, data);
    const runnerUp = previous.fit.diagnostics.runnerUp;
    return {
      logTheta: predicted.every(Number.isFinite) ? predicted : [...previous.fit.logTheta],
      runnerUpLogTheta: runnerUp ? logOf(runnerUp.theta) : null,
      hessianLogTheta: previous.fit.hessianLogTheta,
    };
  }

  remember(key: string, data: Dataset, fit: WarmStartFit, sensitivities: SensitivityResult): void {
    if (!fit.logTheta.every(Number.isFinite)) return;
    this.byKey.set(key, {
      data: { x: Float64Array.from(data.x), y: Float64Array.from(data.y) },
      fit: {
        logTheta: fit.logTheta,
        hessianLogTheta: fit.hessianLogTheta,
        diagnostics: fit.diagnostics,
      },
      // A copy: the result's arrays are transferred to the page and detached here.
      sensitivities: copySensitivities(sensitivities),
    });
  }
}
