/**
 * GP Sensitivity Explorer — the float64 engine as a library.
 *
 * Fit a 1-D zero-mean GP's hyperparameters θ = (ℓ, σf, σn) by a selection rule — maximum marginal
 * likelihood (the default), maximum a posteriori or leave-one-out (docs/rules.md) — and compute,
 * by the implicit function theorem, how θ̂ moves when any data point moves, how much each point
 * holds it (`pointInfluence`) and where a new point would pull it (`newPointPullMap`):
 *
 * ```ts
 * import { validateDataset, fitHyperparameters, computeSensitivities } from 'gp-sensitivity-explorer/engine';
 * const data = validateDataset([0, 1, 2, 3], [0.1, 0.9, 0.8, -0.2]);
 * const fit = fitHyperparameters(data, { kernel: 'rbf' });
 * const sensitivities = computeSensitivities(data, fit); // dθ̂/dy, dθ̂/dx, or why they are undefined
 * ```
 *
 * Everything is in the data's units; no DOM, tfjs or React.
 */
export * from './types';
export {
  describeValue,
  GP_INPUT_ERROR_CODES,
  GpInputError,
  groupDigits,
  quoteText,
  QUOTE_LIMIT,
  type GpInputErrorCode,
} from './input-error';
export { checkKernel, MAX_POINTS, MIN_POINTS, validateDataset } from './validate';
export {
  fitHyperparameters,
  localMaxima,
  sameRuleOptions,
  type FitOptions,
  type LocalMaximum,
} from './fit';
export { computeSensitivities } from './sensitivity';
export {
  BOUNDARY_REASONS,
  REASON_CODES,
  reasonText,
  type Reason,
  type ReasonCode,
} from './reasons';
export {
  createInfluenceShared,
  infinitesimalInfluence,
  pointInfluence,
  type InfluenceOptions,
  type InfluenceResult,
  type InfluenceShared,
  type PointInfluence,
  type RemovalStatus,
} from './influence';
export {
  newPointPull,
  newPointPullMap,
  pullMapAxes,
  refitWithAddedPoint,
  type AddedPointRefit,
  type PullMap,
  type PullMapOptions,
} from './pull-map';
export { DEFAULT_PRIOR, resolvePrior, type PriorOptions } from './rules/prior';
export { finiteDifferenceCheck } from './fd-check';
export { posterior, posteriorFactors, posteriorSamples, type PosteriorFactors } from './posterior';
export {
  likelihoodLandscape,
  landscapeBoxAround,
  profileAt,
  LANDSCAPE_LIMITS,
  LANDSCAPE_MARGINS,
  type LandscapeBox,
  type LandscapeGrid,
  type LandscapePlace,
} from './landscape';
export {
  ellipseAxes,
  laplaceEllipse,
  profileCovariance,
  type EllipseAxis,
  type Matrix2,
} from './laplace';
export { kernelCorrelation } from './kernels';
export { predictLogTheta, hyperparametersFromLog } from './predict';
export {
  curveSampleValues,
  responseCurve,
  traceResponseCurve,
  type CurveAxis,
  type ResponseCurve,
  type ResponseCurveOptions,
  type ResponseCurveTracer,
} from './response-curve';
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { denseBackend, setDenseBackend, type DenseBackend } from './dense-kernels';
