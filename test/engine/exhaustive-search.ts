/**
 * An exhaustive maximiser of the log marginal likelihood, written independently of the engine's
 * search (search.ts, newton.ts, optimum.ts) as the reference the property tests hold it to:
 *
 * 1. the profile likelihood Lp(ℓ, g) (σf maximised in closed form, clipped to its range) on a
 *    dense grid — 6 lengthscales per decade across the spacings of the inputs, 2 beyond, and 3
 *    noise ratios per decade — from the eigendecomposition of R, in the data's own units;
 * 2. a projected Levenberg–Marquardt ascent, on the engine's exact likelihood evaluation, from
 *    every local maximum of that grid within 20 nats of the best and from random starts;
 * 3. the distinct maxima found, each with whether it is strict (converged, and the Hessian of the
 *    free coordinates negative definite by a margin: STRICT_CURVATURE).
 *
 * It searches the region the engine documents (search-region.ts): ℓ from 1% of the smallest
 * spacing to 1000 spans, σf within 1e±4 of the RMS of y, σn²/σf² from the noise floor to 1e12.
 */
import { denseKernels } from '../../src/engine/dense-kernels';
import { symmetricSpectrum } from '../../src/engine/eigen';
import { fillCorrelation } from '../../src/engine/kernels';
import { createLikelihoodWorkspace, evaluateLikelihood } from '../../src/engine/likelihood';
import { NotPositiveDefiniteError } from '../../src/engine/linalg';
import { uniformGenerator } from '../../src/engine/random';
import {
  LENGTHSCALE_RANGE,
  NOISE_RATIO_CEILING,
  noiseRatioFloor,
  SIGNAL_STD_RANGE,
} from '../../src/engine/search-region';
import type { Dataset, KernelName, LogTheta } from '../../src/engine';

/** A maximum found by the reference, in data units. */
export interface ReferenceMaximum {
  logTheta: LogTheta;
  lml: number;
  /** Estimated rounding error of lml there (from the engine's evaluation). */
  lmlRoundoff: number;
  /** Converged with the Hessian of the free coordinates negative definite. */
  strict: boolean;
  /** Coordinates (log ℓ, log σf, log σn/σf) held on a face of the region. */
  held: number[];
}

/**
 * A maximum is strict when every curvature of the free coordinates is at least this fraction of
 * the largest: flatter ones are plateaus (ℓ below every spacing, where R = I) or ridges.
 */
export const STRICT_CURVATURE = 1e-6;

type Vector3 = [number, number, number];
type Matrix = number[][];

/** (log ℓ, log σf, log σn/σf) ↔ (log ℓ, log σf, log σn). */
const toPhi = (t: LogTheta): Vector3 => [t[0], t[1], t[2] - t[1]];
const toLogTheta = (p: Vector3): LogTheta => [p[0], p[1], p[2] + p[1]];

function logRange(low: number, high: number, perDecade: number): number[] {
  if (!(high > low)) return [];
  const count = Math.max(2, Math.ceil(Math.log10(high / low) * perDecade) + 1);
  return Array.from({ length: count }, (_, i) => low * (high / low) ** (i / (count - 1)));
}

/** Solves the 3×3 system A s = b by Gaussian elimination with partial pivoting. */
function solve3(a: Matrix, b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < 3; c++) {
    let pivot = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < 3; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 4; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const s = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let sum = m[r]![3]!;
    for (let k = r + 1; k < 3; k++) sum -= m[r]![k]! * s[k]!;
    s[r] = sum / m[r]![r]!;
  }
  return s;
}

/** Eigenvalues of a symmetric 2×2 or 1×1 block, or of the 3×3 by Jacobi sweeps. */
function symmetricEigenvalues(a: Matrix): number[] {
  if (a.length === 0) return [];
  if (a.length === 1) return [a[0]![0]!];
  if (a.length === 2) {
    const mean = 0.5 * (a[0]![0]! + a[1]![1]!);
    const radius = Math.hypot(0.5 * (a[0]![0]! - a[1]![1]!), a[0]![1]!);
    return [mean - radius, mean + radius];
  }
  const m = a.map((row) => [...row]);
  for (let sweep = 0; sweep < 60; sweep++) {
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      if (m[p]![q] === 0) continue;
      const theta = 0.5 * Math.atan2(2 * m[p]![q]!, m[q]![q]! - m[p]![p]!);
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      for (let k = 0; k < 3; k++) {
        const kp = m[k]![p]!;
        const kq = m[k]![q]!;
        m[k]![p] = c * kp - s * kq;
        m[k]![q] = s * kp + c * kq;
      }
      for (let k = 0; k < 3; k++) {
        const pk = m[p]![k]!;
        const qk = m[q]![k]!;
        m[p]![k] = c * pk - s * qk;
        m[q]![k] = s * pk + c * qk;
      }
    }
  }
  return [m[0]![0]!, m[1]![1]!, m[2]![2]!].sort((x, y) => x - y);
}

export function exhaustiveMaxima(
  data: Dataset,
  kernel: KernelName,
  options: { randomStarts?: number; seed?: number } = {},
): ReferenceMaximum[] {
  const { x, y } = data;
  const n = x.length;
  const sorted = Array.from(x).sort((a, b) => a - b);
  let minGap = Infinity;
  for (let i = 1; i < n; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > 0) minGap = Math.min(minGap, gap);
  }
  const span = sorted[n - 1]! - sorted[0]!;
  const rms = Math.sqrt(y.reduce((sum, v) => sum + v * v, 0) / n);
  const floor = noiseRatioFloor(n);
  const lower: Vector3 = [
    Math.log(LENGTHSCALE_RANGE.belowSmallestGap * minGap),
    Math.log(SIGNAL_STD_RANGE[0] * rms),
    0.5 * Math.log(floor),
  ];
  const upper: Vector3 = [
    Math.log(LENGTHSCALE_RANGE.beyondSpan * span),
    Math.log(SIGNAL_STD_RANGE[1] * rms),
    0.5 * Math.log(NOISE_RATIO_CEILING),
  ];

  // 1. The dense profile grid.
  const lengthscales = [
    ...logRange(Math.exp(lower[0]), 0.5 * minGap, 2).slice(0, -1),
    ...logRange(0.5 * minGap, 10 * span, 6),
    ...logRange(10 * span, Math.exp(upper[0]), 2).slice(1),
  ];
  const ratios = logRange(floor, 1e6, 3);
  const matrix = new Float64Array(n * n);
  const kernels = denseKernels();
  const grid: { phi: Vector3; value: number }[][] = [];
  for (const lengthscale of lengthscales) {
    fillCorrelation(kernels, kernel, x, lengthscale, matrix);
    const { eigenvalues, rotatedData } = symmetricSpectrum(kernels, matrix, n, y);
    grid.push(
      ratios.map((ratio) => {
        let quadratic = 0;
        let logDeterminant = 0;
        for (let i = 0; i < n; i++) {
          const shifted = Math.max(eigenvalues[i]!, 0) + ratio;
          quadratic += rotatedData[i]! ** 2 / shifted;
          logDeterminant += Math.log(shifted);
        }
        const logSignal = Math.min(upper[1], Math.max(lower[1], 0.5 * Math.log(quadratic / n)));
        const signalVariance = Math.exp(2 * logSignal);
        const value =
          (-0.5 * quadratic) / signalVariance -
          0.5 * (n * Math.log(signalVariance) + logDeterminant) -
          0.5 * n * Math.log(2 * Math.PI);
        return { phi: [Math.log(lengthscale), logSignal, 0.5 * Math.log(ratio)], value };
      }),
    );
  }
  const best = Math.max(...grid.flat().map((cell) => cell.value));
  const starts: Vector3[] = [];
  grid.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!(cell.value >= best - 20)) return;
      for (let di = -1; di <= 1; di++)
        for (let dj = -1; dj <= 1; dj++) {
          const other = grid[i + di]?.[j + dj];
          if ((di || dj) && other && other.value > cell.value) return;
        }
      starts.push(cell.phi);
    }),
  );
  const random = uniformGenerator(options.seed ?? 1);
  for (let k = 0; k < (options.randomStarts ?? 6); k++) {
    starts.push(lower.map((low, i) => low + (upper[i]! - low) * random()) as Vector3);
  }

  // 2. Levenberg–Marquardt ascent, projected onto the region, from every start.
  const workspace = createLikelihoodWorkspace(kernel, x, y);
  const evaluate = (phi: Vector3) => {
    try {
      const e = evaluateLikelihood(workspace, toLogTheta(phi), 2);
      const [g0, g1, g2] = e.gradient!;
      const h = e.hessian!;
      return {
        lml: e.value,
        roundoff: e.roundoff?.value ?? 0,
        gradient: [g0, g1 + g2, g2],
        hessian: [
          [h[0][0], h[0][1] + h[0][2], h[0][2]],
          [h[0][1] + h[0][2], h[1][1] + 2 * h[1][2] + h[2][2], h[1][2] + h[2][2]],
          [h[0][2], h[1][2] + h[2][2], h[2][2]],
        ],
      };
    } catch (error) {
      if (error instanceof NotPositiveDefiniteError) return null;
      throw error;
    }
  };
  const clamp = (phi: number[]) =>
    phi.map((v, i) => Math.min(upper[i]!, Math.max(lower[i]!, v))) as Vector3;
  const maxima: ReferenceMaximum[] = [];
  for (const start of starts) {
    let phi = clamp(start);
    let point = evaluate(phi);
    if (!point) continue;
    let damping = 1e-3;
    let converged = false;
    let held: number[] = [];
    for (let iteration = 0; iteration < 80 && !converged; iteration++) {
      held = [0, 1, 2].filter(
        (i) =>
          (phi[i]! <= lower[i]! && point!.gradient[i]! < 0) ||
          (phi[i]! >= upper[i]! && point!.gradient[i]! > 0),
      );
      const free = (i: number) => !held.includes(i);
      const scale = Math.max(1, ...point.hessian.flat().map(Math.abs));
      let moved = false;
      for (let attempt = 0; attempt < 30 && !moved; attempt++) {
        const system = point.hessian.map((row, i) =>
          row.map((v, j) =>
            !free(i) || !free(j) ? (i === j ? 1 : 0) : -v + (i === j ? damping * scale : 0),
          ),
        );
        const step = solve3(
          system,
          point.gradient.map((g, i) => (free(i) ? g : 0)),
        );
        const largest = Math.max(...step.map(Math.abs));
        if (largest < 1e-13) {
          converged = true;
          break;
        }
        const trial = clamp(phi.map((v, i) => v + step[i]! * Math.min(1, 2 / largest)));
        const next = evaluate(trial);
        if (next && next.lml > point.lml) {
          converged = largest < 1e-10;
          phi = trial;
          point = next;
          damping = Math.max(1e-12, damping / 4);
          moved = true;
        } else {
          damping *= 8;
          // No ascent even with a tiny step: a maximum to working precision.
          if (largest * Math.min(1, 2 / largest) < 1e-11) converged = true;
        }
      }
      if (!moved) converged = true;
    }
    const freeIndices = [0, 1, 2].filter((i) => !held.includes(i));
    const reduced = freeIndices.map((i) => freeIndices.map((j) => point!.hessian[i]![j]!));
    const values = symmetricEigenvalues(reduced);
    const largest = Math.max(0, ...values.map(Math.abs));
    maxima.push({
      logTheta: toLogTheta(phi),
      lml: point.lml,
      lmlRoundoff: point.roundoff,
      strict: converged && values.every((v) => v < -STRICT_CURVATURE * largest),
      held,
    });
  }

  // 3. Distinct maxima, best first.
  maxima.sort((a, b) => b.lml - a.lml);
  return maxima.filter(
    (maximum, i) =>
      !maxima
        .slice(0, i)
        .some((other) =>
          toPhi(other.logTheta).every((v, k) => Math.abs(v - toPhi(maximum.logTheta)[k]!) < 1e-3),
        ),
  );
}
