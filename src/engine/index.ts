/**
 * GP Sensitivity Explorer — the float64 engine as a library.
 *
 * Fit a 1-D zero-mean GP's hyperparameters θ = (ℓ, σf, σn) by maximum marginal likelihood and
 * compute, by the implicit function theorem, how θ̂ moves when any data point moves:
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
  GpInputError,
  MAX_POINTS,
  MIN_POINTS,
  validateDataset,
  type GpInputErrorCode,
} from './validate';
export { fitHyperparameters, type FitOptions } from './fit';
export { computeSensitivities } from './sensitivity';
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
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { denseBackend, setDenseBackend, type DenseBackend } from './linalg';
