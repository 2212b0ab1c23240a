/**
 * The global stage of the leave-one-out fit. LOO's landscape need not share the likelihood's basins
 * (it can prefer a long lengthscale with a large signal variance, where the held-out predictions
 * become a smooth interpolant), so its polish also starts from the maxima of its own coarse grid.
 *
 * The overall scale profiles out in closed form: with K = v(R + gI), P = P̃/v, α = α̃/v, c = c̃/v
 * for the tilde quantities of R + gI, so L_LOO(v) = Σₐ [½ log(c̃ₐ/v) − α̃ₐ²/(2c̃ₐv)] − (n/2) log 2π
 * is maximised at v̂ = Σₐ α̃ₐ²/c̃ₐ / n, leaving
 *
 *   L̃(ℓ, g) = ½ Σₐ log c̃ₐ − (n/2) log v̂ − n/2 − (n/2) log 2π,
 *
 * one Cholesky factorisation and one triangular inverse per cell (c̃ₐ = Σⱼ Uₐⱼ², U = L⁻ᵀ).
 */
import { denseKernels, type DenseKernels } from '../dense-kernels';
import { fillCorrelation } from '../kernels';
import {
  choleskyInPlace,
  inverseTransposeOfLower,
  NotPositiveDefiniteError,
  solveCholeskyInPlace,
} from '../linalg';
import { logSpaced } from '../profile';
import { subsample } from '../search';
import { inputSpacing, searchBounds, type SearchBox } from '../search-region';
import type { KernelName, LogTheta } from '../types';

/**
 * The largest σf the leave-one-out search considers, in units of the RMS of y. Beyond it lies
 * LOO's ridge toward ℓ, σf → ∞ (an ever flatter prior whose held-out predictions interpolate
 * smoothly), where K is so ill-conditioned that L_LOO keeps few digits; a maximum on this face is
 * reported as 'signal-unbounded'.
 */
export const LOO_MAX_SIGNAL = 100;

/**
 * The likelihood's search box (search-region.ts: φ = (log ℓ, log σf, log σn/σf), the same noise
 * floor) with σf capped at LOO_MAX_SIGNAL times the RMS of y (internal units, `yRms`).
 */
export function looSearchBounds(x: Float64Array, yRms = 1): SearchBox {
  const bounds = searchBounds(x, yRms);
  const upper: LogTheta = [...bounds.upper];
  upper[1] = Math.min(upper[1], Math.log(LOO_MAX_SIGNAL * yRms));
  return { lower: bounds.lower, upper };
}

/** The grid runs on at most this many points (evenly spread); the polish uses them all. */
const LOO_SEARCH_SUBSAMPLE = 80;
const LENGTHSCALE_COUNT = 10;
const NOISE_RATIOS = logSpaced(1e-6, 10, 12);
/** Grid maxima worse than the best by more than this (nats) are not polished. */
const CANDIDATE_WINDOW = 12;
const MAX_CANDIDATES = 3;
const LOG_TWO_PI = Math.log(2 * Math.PI);

/** Profile LOO at one cell, and v̂; null where R + gI cannot be factorised. */
function profileCell(
  kernels: DenseKernels,
  correlation: Float64Array,
  y: Float64Array,
  ratio: number,
  factor: Float64Array,
  inverse: Float64Array,
  alpha: Float64Array,
): { value: number; variance: number } | null {
  const n = y.length;
  factor.set(correlation);
  for (let i = 0; i < n; i++) factor[i * n + i] = factor[i * n + i]! + ratio;
  try {
    choleskyInPlace(kernels, factor, n);
  } catch (error) {
    if (error instanceof NotPositiveDefiniteError) return null;
    throw error;
  }
  alpha.set(y);
  solveCholeskyInPlace(factor, n, alpha);
  inverseTransposeOfLower(kernels, factor, n, inverse);
  let logDiagonal = 0;
  let scaled = 0;
  for (let a = 0; a < n; a++) {
    let c = 0;
    for (let j = a; j < n; j++) c += inverse[a * n + j]! ** 2;
    logDiagonal += Math.log(c);
    scaled += (alpha[a]! * alpha[a]!) / c;
  }
  const variance = scaled / n;
  const value = 0.5 * logDiagonal - 0.5 * n * Math.log(variance) - 0.5 * n * (1 + LOG_TWO_PI);
  return Number.isFinite(value) && variance > 0 ? { value, variance } : null;
}

/** Local maxima of the LOO profile grid, best first (internal log θ). */
export function looSearchCandidates(
  kernel: KernelName,
  xAll: Float64Array,
  yAll: Float64Array,
): LogTheta[] {
  const { x, y } = subsample(xAll, yAll, LOO_SEARCH_SUBSAMPLE);
  const n = x.length;
  const { span, meanGap } = inputSpacing(x);
  const lengthscales = logSpaced(0.5 * meanGap, 10 * span, LENGTHSCALE_COUNT);
  const rows = lengthscales.length;
  const columns = NOISE_RATIOS.length;
  const values = new Float64Array(rows * columns).fill(-Infinity);
  const variances = new Float64Array(rows * columns);
  const correlation = new Float64Array(n * n);
  const factor = new Float64Array(n * n);
  const inverse = new Float64Array(n * n);
  const alpha = new Float64Array(n);
  const kernels = denseKernels();
  for (let i = 0; i < rows; i++) {
    fillCorrelation(kernels, kernel, x, lengthscales[i]!, correlation);
    for (let j = 0; j < columns; j++) {
      const cell = profileCell(kernels, correlation, y, NOISE_RATIOS[j]!, factor, inverse, alpha);
      if (!cell) continue;
      values[i * columns + j] = cell.value;
      variances[i * columns + j] = cell.variance;
    }
  }
  const maxima: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const index = i * columns + j;
      const value = values[index]!;
      if (!Number.isFinite(value)) continue;
      let isMaximum = true;
      for (let di = -1; di <= 1; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const ni = i + di;
          const nj = j + dj;
          if ((di === 0 && dj === 0) || ni < 0 || nj < 0 || ni >= rows || nj >= columns) continue;
          const neighbour = ni * columns + nj;
          // Ties go to the earlier cell so a plateau yields one candidate.
          if (values[neighbour]! > value || (values[neighbour] === value && neighbour < index)) {
            isMaximum = false;
          }
        }
      }
      if (isMaximum) maxima.push(index);
    }
  }
  maxima.sort((a, b) => values[b]! - values[a]!);
  const best = maxima.length > 0 ? values[maxima[0]!]! : -Infinity;
  return maxima
    .filter((index) => values[index]! >= best - CANDIDATE_WINDOW)
    .slice(0, MAX_CANDIDATES)
    .map((index) => {
      const logSignal = 0.5 * Math.log(variances[index]!);
      const ratio = NOISE_RATIOS[index % columns]!;
      return [
        Math.log(lengthscales[Math.floor(index / columns)]!),
        logSignal,
        logSignal + 0.5 * Math.log(ratio),
      ] as LogTheta;
    });
}
