/**
 * One analysis of the current data: the float64 fit, sensitivities, landscape and
 * finite-difference check from the engine, and the dense posterior and sample paths from an
 * injected `PosteriorPath` (float32 tfjs in the worker, the float64 engine on the main thread).
 * This module imports no tfjs, so the main-thread fallback can load it without the GPU code.
 */
import {
  denseBackend,
  computeSensitivities,
  finiteDifferenceCheck,
  fitHyperparameters,
  landscapeBoxAround,
  likelihoodLandscape,
  posterior as enginePosterior,
  profileAt,
  validateDataset,
} from '../../engine';
import { failureOf } from './jobFailure';
import type {
  Dataset,
  FitResult,
  KernelName,
  LandscapePlace,
  Posterior,
  PriorOptions,
  SelectionRule,
  SensitivityResult,
} from '../../engine';
import type { AnalysisStage } from '../shared/messages';
import type {
  AnalysisResult,
  AnalysisSuccess,
  ComputeBackend,
  FixedThetaFit,
  RuleComparison,
  SequencedRequest,
} from '../shared/protocol';
import { evenGrid, logGrid, requestProblem } from '../shared/requestCheck';
import type { DensePath } from './posteriorChooser';
import { warmStartKey, type WarmStarts } from './warmStarts';

/**
 * Told before work that may take long for a reason the page cannot have measured (the first GPU
 * run of a size compiles shaders): how long it may take, ms.
 */
export type SlowStartListener = (expectMs: number) => void;

/** Computes the dense posterior and sample paths at a fitted θ̂. */
export interface PosteriorPath {
  /** Which backend this path runs on, reported with each result. */
  backend(): ComputeBackend;
  /** The latent posterior on the grid, and which path computed it. */
  posterior(
    data: Dataset,
    fit: FitResult,
    grid: Float64Array,
    onSlowStart?: SlowStartListener,
    /** The request answers a drag: use a path already measured (`AnalysisRequest.live`). */
    live?: boolean,
  ): Promise<Posterior & { path: DensePath }>;
  samples(
    data: Dataset,
    fit: FitResult,
    grid: Float64Array,
    count: number,
    seed: number,
    onSlowStart?: SlowStartListener,
  ): Promise<Float64Array[]>;
}

/**
 * Seed of the posterior sample paths. Fixed, so that while a point is dragged the same random
 * draws are conditioned on moving data and the paths move smoothly instead of flickering.
 */
export const SAMPLE_SEED = 20_060_101;

const now = (): number => performance.now();

/** Called as an analysis passes each stage (for the page's liveness check). */
export type StageListener = (stage: AnalysisStage, expectMs?: number) => void;

export async function runAnalysis(
  request: SequencedRequest,
  path: PosteriorPath,
  warmStarts: WarmStarts,
  onStage: StageListener = () => {},
): Promise<AnalysisResult> {
  const { seq } = request;
  const problem = requestProblem(request);
  if (problem !== null) return { seq, ok: false, code: 'invalid-request', message: problem };
  try {
    return await analyse(request, path, warmStarts, onStage);
  } catch (error) {
    return failureOf(seq, error);
  }
}

async function analyse(
  request: SequencedRequest,
  path: PosteriorPath,
  warmStarts: WarmStarts,
  onStage: StageListener,
): Promise<AnalysisSuccess> {
  const started = now();
  const data = validateDataset(request.x, request.y);
  const kernel = request.kernel;
  const rule = request.rule ?? 'ml';
  const { fit, sensitivities } = fitByRule(data, kernel, rule, request.prior, warmStarts);
  const fitted = now();
  onStage('fit');
  const comparison = request.compareRule
    ? compareFit(data, kernel, request.compareRule, request.prior, warmStarts)
    : null;
  const finiteDifference =
    request.finiteDifferenceIndex === null
      ? null
      : finiteDifferenceCheck(data, fit, request.finiteDifferenceIndex);
  const sensed = now();
  onStage('sensitivity');

  const grid = evenGrid(request.grid.min, request.grid.max, request.grid.count);
  const slowStart: SlowStartListener = (expectMs) => onStage('gpu-first-run', expectMs);
  const posterior = await path.posterior(data, fit, grid, slowStart, request.live ?? false);
  const samples =
    request.samples > 0
      ? await path.samples(data, fit, grid, request.samples, SAMPLE_SEED, slowStart)
      : [];
  const atFixedTheta = request.fixedTheta ? fitAtPlace(data, fit, request.fixedTheta, grid) : null;
  const posteriorDone = now();
  onStage('posterior');

  let landscape: AnalysisSuccess['landscape'] = null;
  if (request.landscape !== null) {
    const { size, holdMaxima = false } = request.landscape;
    const runnerUp = fit.diagnostics.runnerUp;
    const { lengthscaleRange, noiseRatioRange } = holdMaxima
      ? landscapeBoxAround(request.landscape, [
          placeOf(fit.theta),
          ...(runnerUp ? [placeOf(runnerUp.theta)] : []),
          ...(request.fixedTheta ? [request.fixedTheta] : []),
        ])
      : request.landscape;
    const computed = likelihoodLandscape(data, kernel, {
      lengthscales: logGrid(lengthscaleRange[0], lengthscaleRange[1], size),
      noiseRatios: logGrid(noiseRatioRange[0], noiseRatioRange[1], size),
    });
    const { lengthscale, noiseRatio, lml } = computed.best;
    landscape = {
      lengthscales: computed.lengthscales,
      noiseRatios: computed.noiseRatios,
      profileLml: computed.profileLml,
      best: { lengthscale, noiseRatio, lml },
    };
  }
  const finished = now();

  return {
    seq: request.seq,
    ok: true,
    backend: path.backend(),
    engine: denseBackend(),
    kernel,
    rule,
    theta: fit.theta,
    logTheta: fit.logTheta,
    lml: fit.lml,
    objective: fit.objective,
    gradLogTheta: fit.gradLogTheta,
    hessianLogTheta: fit.hessianLogTheta,
    diagnostics: fit.diagnostics,
    sensitivities,
    posterior: { x: grid, mean: posterior.mean, variance: posterior.variance },
    posteriorPath: posterior.path,
    samples,
    landscape,
    finiteDifference: finiteDifference && {
      index: finiteDifference.index,
      fd: finiteDifference.fd,
      ift: finiteDifference.ift,
      agreeDigits: finiteDifference.agreeDigits,
    },
    atFixedTheta,
    comparison,
    timingMs: {
      fit: fitted - started,
      sensitivity: sensed - fitted,
      posterior: posteriorDone - sensed,
      landscape: finished - posteriorDone,
      total: finished - started,
    },
  };
}

/** θ̂ by `rule` (warm-started from the last fit of the same kernel, rule and prior) and its sensitivities. */
function fitByRule(
  data: Dataset,
  kernel: KernelName,
  rule: SelectionRule,
  prior: PriorOptions | undefined,
  warmStarts: WarmStarts,
): { fit: FitResult; sensitivities: SensitivityResult } {
  const key = warmStartKey(kernel, rule, prior);
  const warmStart = warmStarts.for(key, data);
  const fit = fitHyperparameters(data, {
    kernel,
    rule,
    ...(rule === 'map' && prior ? { prior } : {}),
    ...(warmStart ? { warmStart } : {}),
  });
  const sensitivities = computeSensitivities(data, fit);
  warmStarts.remember(key, data, fit, sensitivities);
  return { fit, sensitivities };
}

/** The second rule of the "compare rules" view, on the same data. */
function compareFit(
  data: Dataset,
  kernel: KernelName,
  rule: SelectionRule,
  prior: PriorOptions | undefined,
  warmStarts: WarmStarts,
): RuleComparison {
  const { fit, sensitivities } = fitByRule(data, kernel, rule, prior, warmStarts);
  return {
    rule,
    logTheta: fit.logTheta,
    diagnostics: fit.diagnostics,
    // The warm starts keep a copy of their own (`WarmStarts.remember`), so these may be transferred.
    sensitivities,
  };
}

/** θ in the landscape's coordinates: ℓ and σn²/σf². */
function placeOf(theta: FitResult['theta']): LandscapePlace {
  return { lengthscale: theta.lengthscale, noiseRatio: (theta.noiseStd / theta.signalStd) ** 2 };
}

/**
 * The fit at a θ set by hand: σf at its profile optimum, its log likelihood, and its posterior on
 * the plot's grid, all from the float64 engine. (Not through the posterior path: its timings pick
 * between the engine and the GPU for θ̂'s band, and a question about another θ must neither skew
 * them nor wait for a first shader compile.) Where K cannot be factorised there, the posterior is
 * null.
 */
function fitAtPlace(
  data: Dataset,
  fit: FitResult,
  place: LandscapePlace,
  grid: Float64Array,
): FixedThetaFit {
  const { theta, lml } = profileAt(data, fit.kernel, place);
  let posterior: FixedThetaFit['posterior'] = null;
  try {
    const band = enginePosterior(data, theta, fit.kernel, grid);
    const finite = band.mean.every(Number.isFinite) && band.variance.every(Number.isFinite);
    if (finite) posterior = { mean: band.mean, variance: band.variance };
  } catch {
    // Numerically singular K at an extreme θ: the likelihood is still exact, the band is not drawn.
  }
  return { place: { ...place }, theta, lml, posterior };
}
