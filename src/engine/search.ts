/**
 * The global stage of the fit: the profile likelihood on a coarse (ℓ, σn²/σf²) grid locates every
 * basin; its local maxima seed the Newton polish. Works in internal (standardised) units.
 */
import { createProfileWorkspace, logSpaced, profileColumn } from './profile';
import type { LogThetaBounds } from './newton';
import type { KernelName, LogTheta } from './types';

/** Datasets larger than this are searched on an evenly spread subsample (then polished on all). */
export const SEARCH_SUBSAMPLE_SIZE = 240;
const LENGTHSCALE_GRID_SIZE = 10;
const NOISE_RATIO_GRID = logSpaced(1e-6, 10, 22);
/** Grid maxima worse than the best by more than this (nats) cannot win and are not polished. */
const CANDIDATE_WINDOW = 12;
const MAX_CANDIDATES = 3;

export interface SearchCandidate {
  logTheta: LogTheta;
  profileLml: number;
}

/** The span of the inputs and their mean spacing span/(n − 1). */
export function inputSpacing(x: Float64Array): { span: number; meanGap: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of x) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const span = max - min;
  return { span, meanGap: span / Math.max(1, x.length - 1) };
}

/**
 * The box the polish stays in (internal units): lengthscales from 1% of the mean input spacing to
 * 1000 spans, σf from 1e-4 to 1e4 and σn from 1e-6 to 1e2 times the RMS of y. Optima on its faces
 * are reported as boundary optima.
 */
export function searchBounds(x: Float64Array): LogThetaBounds {
  const { span, meanGap } = inputSpacing(x);
  return {
    lower: [Math.log(0.01 * meanGap), Math.log(1e-4), Math.log(1e-6)],
    upper: [Math.log(1000 * span), Math.log(1e4), Math.log(1e2)],
  };
}

/** At most `size` points spread evenly in x order (the data itself when it is small enough). */
export function subsample(
  x: Float64Array,
  y: Float64Array,
  size: number,
): { x: Float64Array; y: Float64Array } {
  if (x.length <= size) return { x, y };
  const order = Array.from(x.keys()).sort((a, b) => x[a]! - x[b]!);
  const xs = new Float64Array(size);
  const ys = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const index = order[Math.round((i * (x.length - 1)) / (size - 1))]!;
    xs[i] = x[index]!;
    ys[i] = y[index]!;
  }
  return { x: xs, y: ys };
}

/**
 * Local maxima of the profile likelihood on the search grid, best first (internal log θ). Pass at
 * most SEARCH_SUBSAMPLE_SIZE points (see `subsample`): each grid row costs an O(n³) eigensolve.
 */
export function searchCandidates(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
): SearchCandidate[] {
  const sample = { x, y };
  const { span, meanGap } = inputSpacing(sample.x);
  const lengthscales = logSpaced(0.5 * meanGap, 10 * span, LENGTHSCALE_GRID_SIZE);
  const ratios = NOISE_RATIO_GRID;
  const rows = lengthscales.length;
  const columns = ratios.length;
  const lml = new Float64Array(rows * columns);
  const signalVariance = new Float64Array(rows * columns);
  const workspace = createProfileWorkspace(kernel, sample.x, sample.y);
  for (let i = 0; i < rows; i++) {
    profileColumn(workspace, lengthscales[i]!, ratios, lml, i * columns, signalVariance);
  }

  const maxima: { index: number; value: number }[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const value = lml[i * columns + j]!;
      if (!Number.isFinite(value)) continue;
      let isMaximum = true;
      for (let di = -1; di <= 1 && isMaximum; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          if (di === 0 && dj === 0) continue;
          const ni = i + di;
          const nj = j + dj;
          if (ni < 0 || nj < 0 || ni >= rows || nj >= columns) continue;
          const neighbour = lml[ni * columns + nj]!;
          // Ties go to the earlier cell so a plateau yields one candidate.
          if (neighbour > value || (neighbour === value && ni * columns + nj < i * columns + j)) {
            isMaximum = false;
            break;
          }
        }
      }
      if (isMaximum) maxima.push({ index: i * columns + j, value });
    }
  }
  maxima.sort((a, b) => b.value - a.value);
  const best = maxima[0]?.value ?? -Infinity;
  return maxima
    .filter((maximum) => maximum.value >= best - CANDIDATE_WINDOW)
    .slice(0, MAX_CANDIDATES)
    .map(({ index, value }) => {
      const i = Math.floor(index / columns);
      const j = index % columns;
      const logSignalStd = 0.5 * Math.log(signalVariance[index]!);
      return {
        logTheta: [
          Math.log(lengthscales[i]!),
          logSignalStd,
          logSignalStd + 0.5 * Math.log(ratios[j]!),
        ] as LogTheta,
        profileLml: value,
      };
    });
}
