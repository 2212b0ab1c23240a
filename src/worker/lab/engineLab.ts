/** Float64 engine calls for worker-lab.html (test page): references for parity checks. */
import { fitHyperparameters, posterior, validateDataset } from '../../engine';
import type { Hyperparameters, KernelName } from '../../engine';

export function posteriorAt(
  x: number[],
  y: number[],
  theta: Hyperparameters,
  kernel: KernelName,
  grid: number[],
): { mean: number[]; variance: number[] } {
  const data = validateDataset(x, y);
  const result = posterior(data, theta, kernel, Float64Array.from(grid));
  return { mean: Array.from(result.mean), variance: Array.from(result.variance) };
}

export function fit(x: number[], y: number[], kernel: KernelName): Hyperparameters {
  return fitHyperparameters(validateDataset(x, y), { kernel }).theta;
}
