/**
 * The profile log-likelihood Lp(ℓ, σn²/σf²) (σf maximised out; profile.ts) on a grid, in data
 * units, with its arg-max (one symmetric eigendecomposition per lengthscale row); the box that
 * keeps the maxima in view; and the landscape's value at one place.
 */
import { checkGrid } from './check-arguments';
import { createProfileWorkspace, profileColumn } from './profile';
import { standardize } from './standardize';
import type { Dataset, Hyperparameters, KernelName, Landscape } from './types';
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

/** A place in the landscape: ℓ (x units) and the noise ratio σn²/σf². */
export interface LandscapePlace {
  lengthscale: number;
  noiseRatio: number;
}

/** A rectangle of the landscape, both axes logarithmic. */
export interface LandscapeBox {
  lengthscaleRange: [number, number];
  noiseRatioRange: [number, number];
}

/**
 * How far beyond a maximum the box reaches, as factors on each log axis: about 0.4 decades of ℓ
 * and one decade of σn²/σf², enough to show the shape of the peak around it.
 */
export const LANDSCAPE_MARGINS = { lengthscale: 2.5, noiseRatio: 10 };

/**
 * The box never reaches beyond these. The fit's search box (search.ts) allows σn²/σf² up to 1e12
 * (σn ≤ 1e2, σf ≥ 1e-4 times the RMS of y); below 1e-12 the noise no longer changes the likelihood
 * visibly, and lengthscales of the explorer's data stay within 1000 spans of x.
 */
export const LANDSCAPE_LIMITS: LandscapeBox = {
  lengthscaleRange: [1e-3, 1e6],
  noiseRatioRange: [1e-12, 1e12],
};

/**
 * The smallest box that holds `box` and every place in `places` with its margins
 * (`LANDSCAPE_MARGINS`), kept within `LANDSCAPE_LIMITS`: the landscape's axes then always show θ̂
 * and the runner-up maximum. Places that are not finite and positive are ignored.
 */
export function landscapeBoxAround(
  box: LandscapeBox,
  places: readonly LandscapePlace[],
): LandscapeBox {
  const widen = (
    range: [number, number],
    values: number[],
    margin: number,
    [lowest, highest]: [number, number],
  ): [number, number] => {
    let [low, high] = range;
    for (const value of values) {
      if (!(value > 0) || !Number.isFinite(value)) continue;
      low = Math.min(low, value / margin);
      high = Math.max(high, value * margin);
    }
    return [Math.max(lowest, low), Math.min(highest, high)];
  };
  return {
    lengthscaleRange: widen(
      box.lengthscaleRange,
      places.map((place) => place.lengthscale),
      LANDSCAPE_MARGINS.lengthscale,
      LANDSCAPE_LIMITS.lengthscaleRange,
    ),
    noiseRatioRange: widen(
      box.noiseRatioRange,
      places.map((place) => place.noiseRatio),
      LANDSCAPE_MARGINS.noiseRatio,
      LANDSCAPE_LIMITS.noiseRatioRange,
    ),
  };
}

/**
 * The best θ with ℓ and σn²/σf² fixed: σf at its profile optimum σ̂f² = yᵀA⁻¹y / n (profile.ts),
 * σn = σf √g, and log p(y | X, θ) there, in data units. This is the landscape's value at one place.
 */
export function profileAt(
  data: Dataset,
  kernel: KernelName,
  place: LandscapePlace,
): { theta: Hyperparameters; lml: number } {
  const { best } = likelihoodLandscape(data, kernel, {
    lengthscales: Float64Array.of(place.lengthscale),
    noiseRatios: Float64Array.of(place.noiseRatio),
  });
  return {
    theta: {
      lengthscale: place.lengthscale,
      signalStd: best.signalStd,
      noiseStd: best.signalStd * Math.sqrt(place.noiseRatio),
    },
    lml: best.lml,
  };
}
