/** Samples of a smooth function, exact or with a little noise: the nearly noise-free test data. */
import { validateDataset, type Dataset } from '../../src/engine';
import { normalGenerator } from '../../src/engine/random';

/** sin(x) + 0.5 sin(2.3 x) on [0, 10] at n jittered inputs, plus N(0, noise²). */
export function smoothData(n: number, noise: number, seed: number): Dataset {
  const normal = normalGenerator(seed);
  const x = Array.from({ length: n }, (_, i) => (10 * (i + 0.3 * Math.sin(7 * i))) / n);
  const y = x.map((value) => Math.sin(value) + 0.5 * Math.sin(2.3 * value) + noise * normal());
  return validateDataset(x, y);
}
