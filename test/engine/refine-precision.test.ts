/**
 * One step of refinement of P = K⁻¹ and α = K⁻¹y (src/engine/refine-precision.ts): on nearly
 * singular K it brings P a thousand times closer to the inverse of the float64 K (computed here in
 * 60 digits) than the Cholesky factor's P, and α closer to the solve; on well-conditioned K it is
 * not done at all.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { fitHyperparameters } from '../../src/engine';
import { accurateProductTransposed } from '../../src/engine/accurate-sums';
import type { LikelihoodWorkspace } from '../../src/engine/likelihood';
import {
  REFINE_ABOVE_CONDITION,
  refinedPrecision,
  workspaceCondition,
} from '../../src/engine/refine-precision';
import { fitState } from '../../src/engine/rules/state';
import { smoothData } from './smooth-data';

/** The workspace of a fit at θ̂, with σf² and σn² there. */
function fittedWorkspace(noise: number) {
  const data = smoothData(20, noise, 37);
  const fit = fitHyperparameters(data, { kernel: 'rbf' });
  const state = fitState(data, fit);
  const [, logSignal, logNoise] = state.internalLogTheta;
  return {
    workspace: state.workspace,
    signalVariance: Math.exp(2 * logSignal),
    noiseVariance: Math.exp(2 * logNoise),
  };
}

/** K = σf²R + σn²I as the factorisation forms it. */
function covarianceOf(workspace: LikelihoodWorkspace, signal: number, noise: number) {
  const { n } = workspace;
  const k = workspace.correlation.map((value) => signal * value);
  for (let i = 0; i < n; i++) k[i * n + i] = k[i * n + i]! + noise;
  return k;
}

/** max_ij |I − PK|, the residual summed accurately. */
function inverseResidual(workspace: LikelihoodWorkspace, k: Float64Array, p: Float64Array) {
  const { n } = workspace;
  const residual = new Float64Array(n * n);
  accurateProductTransposed(workspace.kernels, p, k, n, residual, true);
  return Math.max(...Array.from(residual, Math.abs));
}

/** K⁻¹ and K⁻¹y of the float64 K, by Gauss–Jordan elimination in 60 digits, rounded to float64. */
function exactInverse(k: Float64Array, n: number, y: Float64Array) {
  const Exact = Decimal.clone({ precision: 60 });
  const rows = Array.from({ length: n }, (_, i) => [
    ...Array.from(k.subarray(i * n, i * n + n), (value) => new Exact(value.toPrecision(100))),
    ...Array.from({ length: n }, (_, j) => new Exact(i === j ? 1 : 0)),
    new Exact(y[i]!.toPrecision(100)),
  ]);
  for (let c = 0; c < n; c++) {
    const pivot = rows[c]![c]!;
    rows[c] = rows[c]!.map((value) => value.div(pivot));
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = rows[r]![c]!;
      rows[r] = rows[r]!.map((value, j) => value.minus(factor.mul(rows[c]![j]!)));
    }
  }
  return {
    inverse: Float64Array.from(
      rows.flatMap((row) => row.slice(n, 2 * n).map((value) => value.toNumber())),
    ),
    alpha: Float64Array.from(rows, (row) => row[2 * n]!.toNumber()),
  };
}

/** max_ij |P_ij − Q_ij| / max_ij |Q_ij|. */
function relativeDistance(p: Float64Array, q: Float64Array): number {
  let difference = 0;
  let scale = 0;
  for (let i = 0; i < q.length; i++) {
    difference = Math.max(difference, Math.abs(p[i]! - q[i]!));
    scale = Math.max(scale, Math.abs(q[i]!));
  }
  return difference / scale;
}

describe('refined P and α', () => {
  it('on the noise floor (RBF, exact samples): P and α far closer to K⁻¹ and K⁻¹y', () => {
    const { workspace, signalVariance, noiseVariance } = fittedWorkspace(0);
    expect(workspaceCondition(workspace, signalVariance, noiseVariance)).toBeGreaterThan(1e9);
    const refined = refinedPrecision(workspace, signalVariance, noiseVariance);
    expect(refined).not.toBeNull();
    const k = covarianceOf(workspace, signalVariance, noiseVariance);
    // P from the Cholesky factor is 1e-8 away from the inverse of the very K it came from; P₁ is
    // as close as the residual's accuracy allows (accurate-sums.ts: 3n·2^(−3·bits) of the rows).
    const { inverse, alpha } = exactInverse(k, workspace.n, workspace.y);
    const before = relativeDistance(workspace.precision, inverse);
    const after = relativeDistance(refined!.precision, inverse);
    expect(before).toBeGreaterThan(1e-9);
    expect(after).toBeLessThan(1e-3 * before);
    // The residual I − PK shrinks too, though less: it is P's error multiplied by K.
    expect(inverseResidual(workspace, k, refined!.precision)).toBeLessThan(
      0.1 * inverseResidual(workspace, k, workspace.precision),
    );
    expect(relativeDistance(refined!.alpha, alpha)).toBeLessThan(
      0.1 * relativeDistance(workspace.alpha, alpha),
    );
    // P₁ stays symmetric, as the sums built from it assume.
    const { n } = workspace;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        expect(refined!.precision[i * n + j]).toBe(refined!.precision[j * n + i]);
      }
    }
  });

  it('on well-conditioned K (noisy samples) nothing is refined', () => {
    const { workspace, signalVariance, noiseVariance } = fittedWorkspace(0.1);
    expect(workspaceCondition(workspace, signalVariance, noiseVariance)).toBeLessThan(
      REFINE_ABOVE_CONDITION,
    );
    expect(refinedPrecision(workspace, signalVariance, noiseVariance)).toBeNull();
  });
});
