/**
 * θ̂ = argmax L(θ): a global search on the profile likelihood (search.ts), then Newton polish with the
 * exact Hessian (newton.ts) from each promising basin; or, for a small change of the data, a warm
 * Newton polish from the previous θ̂ alone. Runs in standardised units (standardize.ts).
 */
import { checkFitOptions, rememberFittedData } from './check-arguments';
import { diagnose } from './diagnostics';
import { hyperparametersFromLog } from './predict';
import {
  createLikelihoodWorkspace,
  evaluateLikelihood,
  type LikelihoodWorkspace,
} from './likelihood';
import { polishMaximum, type LogThetaBounds, type PolishResult } from './newton';
import {
  inputSpacing,
  SEARCH_SUBSAMPLE_SIZE,
  searchBounds,
  searchCandidates,
  subsample,
} from './search';
import { symmetricEigen3 } from './small3';
import {
  standardize,
  toDataLogTheta,
  toInternalLogTheta,
  type Standardization,
} from './standardize';
import { checkDataset } from './validate';
import type { BoundaryFlag, Dataset, FitResult, KernelName, LogTheta, Matrix3 } from './types';

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

/** How far out an unconverged or non-concave optimum must be for its drift to be named. */
const DRIFT = { lengthscaleSpans: 20, lengthscaleGaps: 0.5, varianceRatio: 1e-6 };

/**
 * The edges θ̂ sits on: the faces of the search box it is held on, and — when the polish did not
 * end at a strict interior maximum — the direction in which the likelihood keeps rising (ℓ far
 * beyond the span or below the spacing of the inputs, one variance vanishing against the other).
 */
function boundaryFlags(result: PolishResult, x: Float64Array): BoundaryFlag[] {
  const active = result.activeBounds;
  const flags = new Set<BoundaryFlag>();
  if (active[0] < 0) flags.add('lengthscale-below-spacing');
  if (active[0] > 0) flags.add('lengthscale-beyond-span');
  if (active[1] < 0) flags.add('signal-vanishing');
  if (active[2] < 0) flags.add('noise-vanishing');
  const strictMaximum =
    result.converged &&
    symmetricEigen3(result.evaluation.hessian!).values.every((value) => value < 0);
  if (!strictMaximum) {
    const [logLengthscale, logSignal, logNoise] = result.evaluation.logTheta;
    const { span, meanGap } = inputSpacing(x);
    if (Math.exp(logLengthscale) > DRIFT.lengthscaleSpans * span)
      flags.add('lengthscale-beyond-span');
    if (Math.exp(logLengthscale) < DRIFT.lengthscaleGaps * meanGap) {
      flags.add('lengthscale-below-spacing');
    }
    const logRatio = 2 * (logNoise - logSignal);
    if (logRatio < Math.log(DRIFT.varianceRatio)) flags.add('noise-vanishing');
    if (-logRatio < Math.log(DRIFT.varianceRatio)) flags.add('signal-vanishing');
  }
  return [...flags];
}

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

/** Basins further below the best maximum found than this (nats) are abandoned mid-polish. */
const ABANDON_GAP = 3;

/** Polishes every start in turn, abandoning basins that cannot come near the best so far. */
function polishAll(
  workspace: LikelihoodWorkspace,
  starts: LogTheta[],
  bounds: LogThetaBounds,
): PolishResult[] {
  const results: PolishResult[] = [];
  let best = -Infinity;
  for (const start of starts) {
    const known = results.map((result) => result.evaluation.logTheta);
    const result = polishMaximum(workspace, start, bounds, best - ABANDON_GAP, known);
    if (!result) continue;
    results.push(result);
    best = Math.max(best, result.evaluation.lml);
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
  bounds: LogThetaBounds,
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
    const optima = distinctOptima(polishAll(sampleWorkspace, starts, searchBounds(sample.x)));
    if (optima.length > 0) starts = optima.map((result) => result.evaluation.logTheta);
  }
  return polishAll(workspace, starts, bounds);
}

/**
 * Fits θ̂ by maximum marginal likelihood. `data` must come from `validateDataset`. Throws
 * GpInputError for bad data or options (an unknown kernel, a malformed warm start); otherwise
 * only for internal failures; degenerate optima are reported in `diagnostics`.
 */
export function fitHyperparameters(data: Dataset, options: FitOptions = {}): FitResult {
  checkDataset(data);
  const { kernel, warmStart: warm } = checkFitOptions(options);
  const { x, y, map } = standardize(data);
  const workspace = createLikelihoodWorkspace(kernel, x, y);
  const bounds = searchBounds(x);
  const polished: PolishResult[] = [];

  if (warm) {
    const main = polishMaximum(
      workspace,
      toInternalLogTheta(warm.logTheta, map),
      bounds,
      -Infinity,
      [],
      warm.hessianLogTheta ?? null,
    );
    if (main && main.converged && main.activeBounds.every((side) => side === 0)) {
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
  if (polished.length === 0) polished.push(...coldPolish(kernel, x, y, workspace, bounds));
  const optima = distinctOptima(polished);
  const best = optima[0];
  if (!best) throw new Error('no positive-definite covariance anywhere in the search region');
  const second = optima[1] ?? null;

  const bestInternal = best.evaluation.logTheta;
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
      boundary: boundaryFlags(best, x),
      converged: best.converged,
      lml,
      runnerUp: second
        ? {
            theta: hyperparametersFromLog(toDataLogTheta(second.evaluation.logTheta, map)),
            lml: toDataLml(second.evaluation.lml),
          }
        : null,
    }),
  };
  internals.set(result, { workspace, map, internalLogTheta: bestInternal });
  rememberFittedData(result, data);
  return result;
}
