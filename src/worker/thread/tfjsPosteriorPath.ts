/**
 * The worker's posterior path. Sample paths: float32 tfjs kernels fed with the engine's float64
 * factors (α and L⁻¹). The dense band: the same tfjs kernels or the float64 engine, whichever
 * `PosteriorChooser` has measured to be faster here for this size.
 */
import { posterior, posteriorFactors } from '../../engine';
import type { Dataset, FitResult } from '../../engine';
import { densePosterior, type PosteriorFactorInput } from '../../gpu/densePosterior';
import { posteriorSamplePaths } from '../../gpu/posteriorSamples';
import type { TfjsBackendName } from '../../gpu/tfjsBackend';
import type { PosteriorPath } from './analysis';
import { PosteriorChooser, type DensePathChooser } from './posteriorChooser';

/**
 * How long the first run of a GPU kernel of a new size may take: tfjs compiles its shaders then,
 * synchronously — seconds on a software GPU on a busy machine.
 */
export const GPU_FIRST_RUN_MS = 20_000;

export function createTfjsPosteriorPath(
  currentBackend: () => TfjsBackendName,
  chooser: DensePathChooser = new PosteriorChooser(),
): PosteriorPath {
  // One O(n³) factorisation per fit serves both the band and the samples.
  const factorsByFit = new WeakMap<FitResult, PosteriorFactorInput>();
  const factorInput = (data: Dataset, fit: FitResult): PosteriorFactorInput => {
    let factors = factorsByFit.get(fit);
    if (!factors) {
      const { alpha, choleskyInverse } = posteriorFactors(data, fit.theta, fit.kernel);
      factors = { x: data.x, kernel: fit.kernel, theta: fit.theta, alpha, choleskyInverse };
      factorsByFit.set(fit, factors);
    }
    return factors;
  };

  // Shapes the GPU kernels have run with: a new one compiles shaders first.
  const shapesRun = new Set<string>();
  const announceFirstRun = (shape: string, onSlowStart?: (expectMs: number) => void): void => {
    if (shapesRun.has(shape)) return;
    shapesRun.add(shape);
    onSlowStart?.(GPU_FIRST_RUN_MS);
  };

  return {
    backend: currentBackend,
    async posterior(data, fit, grid, onSlowStart, live = false) {
      const n = data.x.length;
      const m = grid.length;
      const started = performance.now();
      if (chooser.choose(n, m, live) === 'tfjs') {
        announceFirstRun(`band:${currentBackend()}:${n}:${m}`, onSlowStart);
        try {
          const band = await densePosterior(factorInput(data, fit), grid);
          chooser.record(n, m, 'tfjs', performance.now() - started);
          return { ...band, path: 'tfjs' };
        } catch {
          // Float32 overflow on an extreme θ̂: this size goes to the engine from now on.
          chooser.record(n, m, 'tfjs', Infinity);
        }
      }
      const engineStarted = performance.now();
      const band = posterior(data, fit.theta, fit.kernel, grid);
      chooser.record(n, m, 'engine', performance.now() - engineStarted);
      return { ...band, path: 'engine' };
    },
    samples(data, fit, grid, count, seed, onSlowStart) {
      announceFirstRun(
        `samples:${currentBackend()}:${data.x.length}:${grid.length}:${count}`,
        onSlowStart,
      );
      return posteriorSamplePaths({ ...factorInput(data, fit), y: data.y }, grid, { count, seed });
    },
  };
}
