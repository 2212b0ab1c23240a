/**
 * Families of datasets that stress the global search (fast-check generators, seeded): smooth
 * functions, several scales at once, steps, outliers, pure noise, clustered and duplicated
 * inputs, inputs spread over many decades, and nearly noise-free data (down to none at all).
 */
import fc from 'fast-check';
import { validateDataset, type Dataset } from '../../src/engine';
import { normalGenerator, uniformGenerator } from '../../src/engine/random';

export const FAMILIES = [
  'smooth',
  'multi-scale',
  'steps',
  'outliers',
  'pure-noise',
  'clustered',
  'log-spaced',
  'noise-free',
] as const;
export type Family = (typeof FAMILIES)[number];

export interface FamilyCase {
  family: Family;
  n: number;
  seed: number;
  data: Dataset;
}

function sortedUniform(n: number, uniform: () => number, low: number, high: number): number[] {
  return Array.from({ length: n }, () => low + (high - low) * uniform()).sort((a, b) => a - b);
}

/** The dataset of one family for n points from one seed. */
export function familyDataset(family: Family, n: number, seed: number): Dataset {
  const uniform = uniformGenerator(seed);
  const normal = normalGenerator(seed + 7919);
  const noise = 0.05 + 0.3 * uniform();
  const frequency = 0.4 + 1.6 * uniform();
  let x: number[];
  let y: number[];
  switch (family) {
    case 'smooth':
      x = sortedUniform(n, uniform, 0, 10);
      y = x.map((v) => Math.sin(frequency * v) + noise * normal());
      break;
    case 'multi-scale':
      x = sortedUniform(n, uniform, 0, 10);
      y = x.map(
        (v) => Math.sin(0.5 * v) + 0.4 * Math.sin(3 * frequency * v) + 0.3 * noise * normal(),
      );
      break;
    case 'steps': {
      x = sortedUniform(n, uniform, 0, 10);
      const edges = [2 + 6 * uniform(), 2 + 6 * uniform()].sort((a, b) => a - b);
      y = x.map((v) => (v < edges[0]! ? -1 : v < edges[1]! ? 1 : 0) + 0.5 * noise * normal());
      break;
    }
    case 'outliers':
      x = sortedUniform(n, uniform, 0, 10);
      y = x.map(
        (v) =>
          Math.sin(frequency * v) + 0.5 * noise * normal() + (uniform() < 0.08 ? 4 * normal() : 0),
      );
      break;
    case 'pure-noise':
      x = sortedUniform(n, uniform, 0, 10);
      y = x.map(() => normal());
      break;
    case 'clustered': {
      const centres = [1 + 2 * uniform(), 5 + 3 * uniform(), 9 + uniform()];
      x = Array.from({ length: n }, () => {
        const centre = centres[Math.floor(uniform() * centres.length)]!;
        // A quarter of the points repeat an earlier x exactly.
        return centre + 0.05 * normal();
      });
      for (let i = 1; i < n; i++) if (uniform() < 0.25) x[i] = x[Math.floor(uniform() * i)]!;
      y = x.map((v) => Math.sin(frequency * v) + noise * normal());
      break;
    }
    case 'log-spaced':
      x = sortedUniform(n, uniform, -6, 6).map((exponent) => 10 ** exponent);
      y = x.map((v) => Math.sin(frequency * Math.log10(v)) + 0.5 * noise * normal());
      break;
    case 'noise-free': {
      x = sortedUniform(n, uniform, 0, 10);
      // σn/σf from 1e-3 down to 0: additive noise, rounding to 1e-3, or none.
      const kind = Math.floor(uniform() * 4);
      const level = [1e-3, 1e-4, 0, 0][kind]!;
      y = x.map((v) => {
        const clean = Math.sin(frequency * v);
        return kind === 3 ? Math.round(clean * 1000) / 1000 : clean + level * normal();
      });
      break;
    }
  }
  return validateDataset(x, y);
}

/** Sizes 5…`maxN`, mostly small: the exhaustive reference costs O(n³) per grid row. */
export function familySize(maxN: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 5, max: Math.min(40, maxN) }) },
    { weight: 2, arbitrary: fc.integer({ min: Math.min(41, maxN), max: Math.min(120, maxN) }) },
    { weight: 1, arbitrary: fc.integer({ min: Math.min(121, maxN), max: maxN }) },
  );
}

/** A case of one family, n from `familySize`, and a seed. */
export function familyCase(family: Family, maxN: number): fc.Arbitrary<FamilyCase> {
  return fc
    .record({ n: familySize(maxN), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) })
    .map(({ n, seed }) => ({ family, n, seed, data: familyDataset(family, n, seed) }));
}
