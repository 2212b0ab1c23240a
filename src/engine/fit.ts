/**
 * θ̂ = argmax L(θ): a global search on the profile likelihood (search.ts), then Newton polish with the
 * exact Hessian (newton.ts) from each promising basin; or, for a small change of the data, a warm
 * Newton polish from the previous θ̂ alone. Runs in standardised units (standardize.ts).
 */
import { diagnose } from './diagnostics';
import { hyperparametersFromLog } from './predict';
import {
  createLikelihoodWorkspace,
  evaluateLikelihood,
  type LikelihoodWorkspace,
} from './likelihood';
import { polishMaximum, type PolishResult } from './newton';
import { boundaryFlags, maximumKind } from './optimum';
import { relativeSolveError } from './roundoff';
import { measureHessianRoundoff } from './roundoff-check';
import { SEARCH_SUBSAMPLE_SIZE, searchCandidates, subsample } from './search';
import { searchBounds, type SearchBox } from './search-region';
import {
  standardize,
  toDataLogTheta,
  toInternalLogTheta,
  type Standardization,
} from './standardize';
import type { Dataset, FitResult, KernelName, LogTheta, Matrix3 } from './types';

export interface FitOptions {
  kernel?: KernelName;
  /**
   * Start the polish here (data units) instead of searching globally. Used while a point is dragged:
   * the previous θ̂ is a few Newton steps from the new one. Falls back to the global search when the
   * warm polish fails or ends on a boundary. `runnerUpLogTheta` is polished too, if given.
   */
  warmStart?: {
    logTheta: LogTheta;
    runnerUpLogTheta?: LogTheta | null;
    /**
     * The Hessian of the previous fit (its `hessianLogTheta`): the first Newton step takes it
     * instead of evaluating one, which saves most of an evaluation when the data moved little.
     */
    hessianLogTheta?: Matrix3 | null;
  };
}

/** Internal state of a fit, kept for the sensitivities (not part of the serialisable result). */
export interface FitInternals {
  workspace: LikelihoodWorkspace;
  map: Standardization;
  internalLogTheta: LogTheta;
}

const internals = new WeakMap<FitResult, FitInternals>();

/** The internal state a fit left behind, if this FitResult object came from `fitHyperparameters`. */
export function fitInternals(fit: FitResult): FitInternals | undefined {
  return internals.get(fit);
}

/** Two optima closer than this in every log coordinate are the same maximum. */
const SAME_MAXIMUM = 1e-3;

function distinctOptima(results: PolishResult[]): PolishResult[] {
  const sorted = [...results].sort((a, b) => b.evaluation.lml - a.evaluation.lml);
  const kept: PolishResult[] = [];
  for (const result of sorted) {
    const duplicate = kept.some((other) =>
      other.evaluation.logTheta.every(
        (value, i) => Math.abs(value - result.evaluation.logTheta[i]!) < SAME_MAXIMUM,
      ),
    );
    if (!duplicate) kept.push(result);
  }
  return kept;
}

/** The best optimum and the best strict maximum apart from it (the runner-up), if any. */
function bestAndRunnerUp(results: PolishResult[]): {
  best: PolishResult | null;
  runnerUp: PolishResult | null;
} {
  const [best, ...others] = distinctOptima(results);
  return {
    best: best ?? null,
    runnerUp: others.find((result) => maximumKind(result).strict) ?? null,
  };
}

/**
 * How far below the best maximum (nats) the runner-up is still polished to convergence: far
 * enough to be exact wherever it matters (a near tie is within 1 nat), not so far that a remote
 * second peak costs a dozen evaluations on a large dataset.
 */
export const RUNNER_UP_WINDOW = 5;

/** The step tolerance of the polish on a subsample (coldPolish). */
const SUBSAMPLE_TOLERANCE = 1e-3;

/**
 * Polishes every start in turn. A basin is abandoned as soon as its local quadratic model shows
 * it can neither beat the best maximum so far nor the runner-up, nor come within
 * RUNNER_UP_WINDOW of the best: the two that are reported are polished to convergence, the others
 * only until they drop out of contention.
 */
function polishAll(
  workspace: LikelihoodWorkspace,
  starts: LogTheta[],
  bounds: SearchBox,
  stepTolerance?: number,
): PolishResult[] {
  const results: PolishResult[] = [];
  for (const start of starts) {
    const known = results.map((result) => result.evaluation.logTheta);
    const { best, runnerUp } = bestAndRunnerUp(results);
    const abandonBelow = Math.max(
      runnerUp ? runnerUp.evaluation.lml : -Infinity,
      best ? best.evaluation.lml - RUNNER_UP_WINDOW : -Infinity,
    );
    const result = polishMaximum(workspace, start, bounds, {
      abandonBelow,
      knownMaxima: known,
      ...(stepTolerance === undefined ? {} : { stepTolerance }),
    });
    if (result) results.push(result);
  }
  return results;
}

/**
 * The cold path: grid search on (a subsample of) the data, then polish. A large dataset's basins
 * are polished coarse to fine, on subsamples doubling in size, so that each finer polish starts
 * within a few Newton steps and the full-data O(n³) polish needs only the last two or three.
 */
function coldPolish(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
  workspace: LikelihoodWorkspace,
  bounds: SearchBox,
  yRms: number,
): PolishResult[] {
  const coarsest = subsample(x, y, SEARCH_SUBSAMPLE_SIZE);
  let starts = searchCandidates(kernel, coarsest.x, coarsest.y).map(
    (candidate) => candidate.logTheta,
  );
  for (let size = SEARCH_SUBSAMPLE_SIZE; size < x.length; size *= 2) {
    // A level barely smaller than the data saves too little to pay for itself.
    if (size > x.length / 1.5) break;
    const sample = subsample(x, y, size);
    const sampleWorkspace = createLikelihoodWorkspace(kernel, sample.x, sample.y);
    // A subsample's maxima are starts for more data, whose maxima lie ~0.1 away: 1e-3 is plenty.
    const optima = distinctOptima(
      polishAll(sampleWorkspace, starts, searchBounds(sample.x, yRms), SUBSAMPLE_TOLERANCE),
    );
    if (optima.length > 0) starts = optima.map((result) => result.evaluation.logTheta);
  }
  return polishAll(workspace, starts, bounds);
}

/**
 * Fits θ̂ by maximum marginal likelihood. `data` must come from `validateDataset`.
 * Throws only for internal failures; degenerate optima are reported in `diagnostics`.
 */
export function fitHyperparameters(data: Dataset, options: FitOptions = {}): FitResult {
  const kernel = options.kernel ?? 'rbf';
  const { x, y, map } = standardize(data);
  const workspace = createLikelihoodWorkspace(kernel, x, y);
  const bounds = searchBounds(x, map.internalYRms);
  const polished: PolishResult[] = [];

  const warm = options.warmStart;
  if (warm) {
    const main = polishMaximum(workspace, toInternalLogTheta(warm.logTheta, map), bounds, {
      startHessian: warm.hessianLogTheta ?? null,
    });
    // A warm polish stands when it ends at a strict maximum, interior or on the noise floor; at
    // any other edge the data changed enough for a global search.
    const kind = main && maximumKind(main);
    if (main && kind && kind.strict && (kind.held.length === 0 || kind.onNoiseFloor)) {
      polished.push(main);
      if (warm.runnerUpLogTheta) {
        const other = polishMaximum(
          workspace,
          toInternalLogTheta(warm.runnerUpLogTheta, map),
          bounds,
        );
        if (other) polished.push(other);
      }
    }
  }
  if (polished.length === 0)
    polished.push(...coldPolish(kernel, x, y, workspace, bounds, map.internalYRms));
  const { best, runnerUp: second } = bestAndRunnerUp(polished);
  // Unreachable for validated data: the noise floor keeps K factorisable everywhere in the box.
  if (!best) throw new Error('no positive-definite covariance anywhere in the search region');

  const bestInternal = best.evaluation.logTheta;
  const kind = maximumKind(best);
  // Where K is nearly singular, measure how much rounding is left in the curvature (one more
  // evaluation, just beside θ̂) before the buffers are set to describe θ̂ itself.
  const covarianceCondition = best.evaluation.roundoff?.conditionEstimate ?? 1;
  const hessianDifference = measureHessianRoundoff(workspace, best.evaluation);
  // The buffers must describe θ̂ for the sensitivities; another polish may have run last.
  const sameState =
    workspace.evaluatedOrder === 2 &&
    workspace.evaluatedLogTheta !== null &&
    workspace.evaluatedLogTheta.every((value, i) => value === bestInternal[i]);
  const evaluation = sameState ? best.evaluation : evaluateLikelihood(workspace, bestInternal, 2);

  const logYScale = Math.log(map.yScale);
  const toDataLml = (internalLml: number) => internalLml - data.x.length * logYScale;
  const logTheta = toDataLogTheta(bestInternal, map);
  const lml = toDataLml(evaluation.lml);
  const result: FitResult = {
    kernel,
    n: data.x.length,
    theta: hyperparametersFromLog(logTheta),
    logTheta,
    lml,
    gradLogTheta: evaluation.gradient!,
    hessianLogTheta: evaluation.hessian!,
    newtonSteps: polished.reduce((sum, run) => sum + run.steps, 0),
    diagnostics: diagnose({
      hessian: evaluation.hessian!,
      kind,
      boundary: boundaryFlags(best, kind, x),
      converged: best.converged,
      lml,
      noiseToSignal: Math.exp(bestInternal[2] - bestInternal[1]),
      roundoff: {
        covarianceCondition,
        hessianDifference,
        mixedPartialError: relativeSolveError(covarianceCondition),
      },
      runnerUp: second
        ? {
            theta: hyperparametersFromLog(toDataLogTheta(second.evaluation.logTheta, map)),
            lml: toDataLml(second.evaluation.lml),
          }
        : null,
    }),
  };
  internals.set(result, { workspace, map, internalLogTheta: bestInternal });
  return result;
}
