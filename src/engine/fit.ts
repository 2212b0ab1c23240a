/**
 * θ̂ = argmax of the selection rule's objective (rules/objective.ts; L(θ) for the default `ml`): a
 * global search on the profile likelihood (search.ts), then Newton polish with the exact Hessian
 * (newton.ts) from each promising basin; or, for a small change of the data, a warm Newton polish
 * from the previous θ̂ alone. Runs in standardised units (standardize.ts).
 *
 * The other rules reuse the likelihood's search: their polish starts from every likelihood
 * maximum and every grid candidate, and for `loo` also from its own grid's maxima
 * (rules/loo-search.ts; docs/rules.md, "Search").
 */
import { checkFitOptions, rememberFittedData } from './check-arguments';
import { diagnose } from './diagnostics';
import { hyperparametersFromLog } from './predict';
import { createLikelihoodWorkspace, type LikelihoodWorkspace } from './likelihood';
import { polishMaximum, type LogThetaBounds, type PolishResult } from './newton';
import { distinctOptima, polishAll, searchStarts, type IndexedPolish } from './polish-search';
import { looSearchBounds } from './rules/loo-search';
import { createRuleObjective, type RuleObjective } from './rules/objective';
import { internalPrior, resolvePrior, type PriorOptions } from './rules/prior';
import { inputSpacing, searchBounds } from './search';
import { symmetricEigen3 } from './small3';
import {
  standardize,
  toDataLogTheta,
  toInternalLogTheta,
  type Standardization,
} from './standardize';
import type {
  BoundaryFlag,
  Dataset,
  FitResult,
  KernelName,
  LogTheta,
  Matrix3,
  SelectionRule,
} from './types';
import { checkDataset } from './validate';

export interface FitOptions {
  kernel?: KernelName;
  /** The selection rule (docs/rules.md): `ml` (the default), `map` or `loo`. */
  rule?: SelectionRule;
  /**
   * The `map` rule's priors; what is left out takes the default (DEFAULT_PRIOR). Ignored by the
   * other rules.
   */
  prior?: PriorOptions;
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
    /**
     * Keep the local polish's answer even when it ends on the edge of the search region (its
     * diagnostics then say so) instead of falling back to the global search: for many refits of
     * slightly different data, such as removing each point in turn (influence.ts).
     */
    localOnly?: boolean;
  };
  /**
   * Polish from each of these (data units; a nearby Hessian speeds up the first step) instead of
   * searching, and keep the best maximum; basins that cannot come within 3 nats of the best so
   * far are abandoned early. For refits of data that differ a little from data already searched,
   * such as removing each point in turn (influence.ts). Ignored when `warmStart` is given.
   */
  starts?: { logTheta: LogTheta; hessianLogTheta?: Matrix3 | null }[];
}

/** Internal state of a fit, kept for the sensitivities (not part of the serialisable result). */
export interface FitInternals {
  workspace: LikelihoodWorkspace;
  map: Standardization;
  internalLogTheta: LogTheta;
  /** The rule's objective over `workspace`, whose buffers describe θ̂ after the fit. */
  objective: RuleObjective;
  /**
   * Where the best maximum came from: the warm polish from `warmStart.logTheta`, the one from
   * `warmStart.runnerUpLogTheta`, the polish from one of `starts`, or the global search.
   */
  origin: 'warm' | 'warm-runner-up' | 'starts' | 'search';
  /** With `starts`: the index of the start whose polish gave θ̂. */
  startIndex: number | null;
}

const internals = new WeakMap<FitResult, FitInternals>();

/** The internal state a fit left behind, if this FitResult object came from `fitHyperparameters`. */
export function fitInternals(fit: FitResult): FitInternals | undefined {
  return internals.get(fit);
}

/** The options that refit another dataset the way `fit` was fitted: its kernel, rule and prior. */
export function sameRuleOptions(fit: FitResult): FitOptions {
  return { kernel: fit.kernel, rule: fit.rule, ...(fit.prior ? { prior: fit.prior } : {}) };
}

/** How the diagnostics name each rule's objective when two maxima nearly tie. */
const OBJECTIVE_NAMES: Record<SelectionRule, string> = {
  ml: 'log-likelihood',
  map: 'log-posterior',
  loo: 'leave-one-out log probability',
};

/** How far out an unconverged or non-concave optimum must be for its drift to be named. */
const DRIFT = { lengthscaleSpans: 20, lengthscaleGaps: 0.5, varianceRatio: 1e-6 };

/**
 * The edges θ̂ sits on: the faces of the search box it is held on (σf on its upper face, too), and
 * — when the polish did not end at a strict interior maximum — the direction in which the
 * objective keeps rising (ℓ far beyond the span or below the spacing of the inputs, one variance
 * vanishing against the other).
 */
function boundaryFlags(
  result: PolishResult,
  x: Float64Array,
  bounds: LogThetaBounds,
): BoundaryFlag[] {
  const active = result.activeBounds;
  const flags = new Set<BoundaryFlag>();
  if (active[0] < 0) flags.add('lengthscale-below-spacing');
  if (active[0] > 0) flags.add('lengthscale-beyond-span');
  if (active[1] < 0) flags.add('signal-vanishing');
  // Held-out predictions can keep improving as σf and ℓ grow together (docs/rules.md, "LOO").
  const signalAtTop = result.evaluation.logTheta[1] >= bounds.upper[1] - 1e-3;
  if (signalAtTop) flags.add('signal-unbounded');
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
    // A noise ratio that vanishes because σf runs away is not a vanishing noise.
    if (logRatio < Math.log(DRIFT.varianceRatio) && !signalAtTop) flags.add('noise-vanishing');
    if (-logRatio < Math.log(DRIFT.varianceRatio)) flags.add('signal-vanishing');
  }
  return [...flags];
}

/**
 * Fits θ̂ by the selection rule (maximum marginal likelihood by default). `data` must come from
 * `validateDataset`. Throws GpInputError for bad data or options (an unknown kernel or rule, a
 * malformed warm start); otherwise only for internal failures (and RangeError for a bad prior);
 * degenerate optima are reported in `diagnostics`.
 */
export function fitHyperparameters(data: Dataset, options: FitOptions = {}): FitResult {
  checkDataset(data);
  const { kernel, rule, warmStart: warm } = checkFitOptions(options);
  const prior = rule === 'map' ? resolvePrior(options.prior) : null;
  const { x, y, map } = standardize(data);
  const workspace = createLikelihoodWorkspace(kernel, x, y);
  const objective = createRuleObjective(rule, workspace, prior && internalPrior(prior, map));
  const bounds = rule === 'loo' ? looSearchBounds(x) : searchBounds(x);
  const polished: PolishResult[] = [];
  let runnerUpPolish: PolishResult | null = null;

  if (warm) {
    const main = polishMaximum(
      objective,
      toInternalLogTheta(warm.logTheta, map),
      bounds,
      -Infinity,
      [],
      warm.hessianLogTheta ?? null,
    );
    const interior = main && main.converged && main.activeBounds.every((side) => side === 0);
    if (main && (interior || warm.localOnly)) {
      polished.push(main);
      if (warm.runnerUpLogTheta) {
        runnerUpPolish = polishMaximum(
          objective,
          toInternalLogTheta(warm.runnerUpLogTheta, map),
          bounds,
        );
        if (runnerUpPolish) polished.push(runnerUpPolish);
      }
    }
  }
  let origin: FitInternals['origin'] = 'warm';
  let startIndex: number | null = null;
  if (polished.length === 0 && options.starts && !warm) {
    const starts = options.starts.map((start) => toInternalLogTheta(start.logTheta, map));
    const hessians = options.starts.map((start) => start.hessianLogTheta);
    polished.push(...polishAll(objective, starts, bounds, undefined, hessians));
    origin = 'starts';
  } else if (polished.length === 0) {
    polished.push(...polishAll(objective, searchStarts(kernel, x, y, objective, bounds), bounds));
    origin = 'search';
  }
  const optima = distinctOptima(polished);
  const best = optima[0];
  if (!best) throw new Error('no positive-definite covariance anywhere in the search region');
  const second = optima[1] ?? null;

  const bestInternal = best.evaluation.logTheta;
  // The buffers must describe θ̂ for the sensitivities; another polish may have run last.
  const evaluated = rule === 'loo' ? objective.loo! : workspace;
  const sameState =
    evaluated.evaluatedOrder === 2 &&
    evaluated.evaluatedLogTheta !== null &&
    evaluated.evaluatedLogTheta.every((value, i) => value === bestInternal[i]);
  const evaluation = sameState ? best.evaluation : objective.evaluate(bestInternal, 2);

  // Every objective is a log density of y (or of log θ, which the change of units leaves alone).
  const logYScale = Math.log(map.yScale);
  const toDataValue = (internalValue: number) => internalValue - data.x.length * logYScale;
  const logTheta = toDataLogTheta(bestInternal, map);
  const value = toDataValue(evaluation.value);
  const result: FitResult = {
    kernel,
    rule,
    prior,
    n: data.x.length,
    theta: hyperparametersFromLog(logTheta),
    logTheta,
    lml: toDataValue(objective.lastLikelihood),
    objective: value,
    gradLogTheta: evaluation.gradient!,
    hessianLogTheta: evaluation.hessian!,
    newtonSteps: polished.reduce((sum, run) => sum + run.steps, 0),
    diagnostics: diagnose({
      hessian: evaluation.hessian!,
      boundary: boundaryFlags(best, x, bounds),
      converged: best.converged,
      lml: value,
      runnerUp: second
        ? {
            theta: hyperparametersFromLog(toDataLogTheta(second.evaluation.logTheta, map)),
            lml: toDataValue(second.evaluation.value),
          }
        : null,
      objectiveName: rule === 'ml' ? null : OBJECTIVE_NAMES[rule],
    }),
  };
  if (origin === 'warm' && best === runnerUpPolish) origin = 'warm-runner-up';
  if (origin === 'starts') startIndex = (best as IndexedPolish).startIndex;
  internals.set(result, {
    workspace,
    map,
    internalLogTheta: bestInternal,
    objective,
    origin,
    startIndex,
  });
  rememberFittedData(result, data);
  return result;
}

/** A local maximum of a rule's objective, in the data's units. */
export interface LocalMaximum {
  logTheta: LogTheta;
  /** The rule's objective there (data units, as FitResult.objective). */
  objective: number;
  hessianLogTheta: Matrix3;
}

/**
 * Every distinct local maximum the global search of `fitHyperparameters` reaches, best first,
 * without abandoning the poor ones: the basins a small change of the data could make the best
 * (influence.ts).
 */
export function localMaxima(data: Dataset, options: FitOptions = {}): LocalMaximum[] {
  const kernel = options.kernel ?? 'rbf';
  const rule = options.rule ?? 'ml';
  const prior = rule === 'map' ? resolvePrior(options.prior) : null;
  const { x, y, map } = standardize(data);
  const workspace = createLikelihoodWorkspace(kernel, x, y);
  const objective = createRuleObjective(rule, workspace, prior && internalPrior(prior, map));
  const bounds = rule === 'loo' ? looSearchBounds(x) : searchBounds(x);
  const starts = searchStarts(kernel, x, y, objective, bounds);
  const logYScale = Math.log(map.yScale);
  return distinctOptima(polishAll(objective, starts, bounds, Infinity)).map((result) => ({
    logTheta: toDataLogTheta(result.evaluation.logTheta, map),
    objective: result.evaluation.value - data.x.length * logYScale,
    hessianLogTheta: result.evaluation.hessian!,
  }));
}
