/**
 * The worker's posterior path: float32 tfjs kernels fed with the engine's float64 factors
 * (α and L⁻¹), for the dense posterior mean/band and the sample paths.
 */
import { posteriorFactors } from '../engine';
import type { Dataset, FitResult } from '../engine';
import { densePosterior, type PosteriorFactorInput } from '../gpu/densePosterior';
import { posteriorSamplePaths } from '../gpu/posteriorSamples';
import type { TfjsBackendName } from '../gpu/tfjsBackend';
import type { PosteriorPath } from './analysis';

function factorInput(data: Dataset, fit: FitResult): PosteriorFactorInput {
  const { alpha, choleskyInverse } = posteriorFactors(data, fit.theta, fit.kernel);
  return { x: data.x, kernel: fit.kernel, theta: fit.theta, alpha, choleskyInverse };
}

export function createTfjsPosteriorPath(currentBackend: () => TfjsBackendName): PosteriorPath {
  return {
    backend: currentBackend,
    posterior: (data, fit, grid) => densePosterior(factorInput(data, fit), grid),
    samples: (data, fit, grid, count, seed) =>
      posteriorSamplePaths({ ...factorInput(data, fit), y: data.y }, grid, { count, seed }),
  };
}
