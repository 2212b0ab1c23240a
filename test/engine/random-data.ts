/** fast-check generators of datasets with structure a GP can fit: a noisy sinusoid at random scales. */
import fc from 'fast-check';
import { validateDataset, type Dataset } from '../../src/engine';
import { normalGenerator, uniformGenerator } from '../../src/engine/random';

export interface GeneratedCase {
  data: Dataset;
  xScale: number;
  yScale: number;
}

export const structuredDataset: fc.Arbitrary<GeneratedCase> = fc
  .record({
    n: fc.integer({ min: 3, max: 60 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    logXScale: fc.double({ min: Math.log10(1e-3), max: Math.log10(1e3), noNaN: true }),
    logYScale: fc.double({ min: Math.log10(1e-3), max: Math.log10(1e3), noNaN: true }),
    xOffset: fc.double({ min: -5, max: 5, noNaN: true }),
    noise: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
  })
  .map(({ n, seed, logXScale, logYScale, xOffset, noise }) => {
    const uniform = uniformGenerator(seed);
    const normal = normalGenerator(seed + 1);
    const xScale = 10 ** logXScale;
    const yScale = 10 ** logYScale;
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const position = 10 * uniform();
      x.push(xScale * (xOffset + position));
      y.push(yScale * (Math.sin(position) + noise * normal()));
    }
    return { data: validateDataset(x, y), xScale, yScale };
  });
