/**
 * The profile log-likelihood Lp(ℓ, σn²/σf²) (σf maximised out; profile.ts) on a grid, in data
 * units, with its arg-max. One symmetric eigendecomposition per lengthscale row.
 */
import { checkGrid } from './check-arguments';
import { createProfileWorkspace, profileColumn } from './profile';
import { standardize } from './standardize';
import type { Dataset, KernelName, Landscape } from './types';
import { checkDataset, checkKernel } from './validate';

/** Most lengthscales or noise ratios of one landscape axis. */
export const MAX_LANDSCAPE_AXIS = 1024;

export interface LandscapeGrid {
  /** Lengthscales in x units, any order (usually log-spaced). */
  lengthscales: Float64Array;
  /** Noise ratios σn²/σf² (unit-free). */
  noiseRatios: Float64Array;
}

export function likelihoodLandscape(
  data: Dataset,
  kernel: KernelName,
  grid: LandscapeGrid,
): Landscape {
  checkDataset(data);
  checkKernel(kernel);
  const limits = { maxLength: MAX_LANDSCAPE_AXIS, positive: true };
  checkGrid(grid?.lengthscales, 'grid.lengthscales', limits);
  checkGrid(grid?.noiseRatios, 'grid.noiseRatios', limits);
  const { x, y, map } = standardize(data);
  const n = x.length;
  const { lengthscales, noiseRatios } = grid;
  const columns = noiseRatios.length;
  const profileLml = new Float64Array(lengthscales.length * columns);
  const signalVariance = new Float64Array(lengthscales.length * columns);
  const workspace = createProfileWorkspace(kernel, x, y);
  for (let i = 0; i < lengthscales.length; i++) {
    profileColumn(
      workspace,
      lengthscales[i]! / map.xScale,
      noiseRatios,
      profileLml,
      i * columns,
      signalVariance,
    );
  }
  const lmlShift = n * Math.log(map.yScale);
  let bestIndex = 0;
  for (let i = 0; i < profileLml.length; i++) {
    profileLml[i] = profileLml[i]! - lmlShift;
    if (profileLml[i]! > profileLml[bestIndex]!) bestIndex = i;
  }
  return {
    lengthscales: Float64Array.from(lengthscales),
    noiseRatios: Float64Array.from(noiseRatios),
    profileLml,
    best: {
      lengthscale: lengthscales[Math.floor(bestIndex / columns)]!,
      noiseRatio: noiseRatios[bestIndex % columns]!,
      signalStd: Math.sqrt(signalVariance[bestIndex]!) * map.yScale,
      lml: profileLml[bestIndex]!,
    },
  };
}
