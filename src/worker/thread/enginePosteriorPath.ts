/**
 * The float64 posterior path of the engine, used when no worker (and so no tfjs) is available.
 */
import { posterior, posteriorSamples } from '../../engine';
import type { PosteriorPath } from './analysis';

export function createEnginePosteriorPath(): PosteriorPath {
  return {
    backend: () => 'main-thread',
    posterior: async (data, fit, grid) => ({
      ...posterior(data, fit.theta, fit.kernel, grid),
      path: 'engine',
    }),
    samples: async (data, fit, grid, count, seed) =>
      posteriorSamples(data, fit.theta, fit.kernel, grid, count, seed),
  };
}
