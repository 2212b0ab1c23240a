/** Closed-form and iterative helpers for the 3×3 matrices of log-hyperparameter space. */
import type { LogTheta, Matrix3 } from './types';

/** A fresh 3×3 zero matrix. */
export function zeroMatrix3(): Matrix3 {
  return [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
}

/**
 * Eigenvalues and eigenvectors of a symmetric 3×3 matrix by cyclic Jacobi rotations (Golub & Van
 * Loan 2013, §8.5). Eigenvalues ascending; `vectors[k]` is the unit eigenvector of `values[k]`.
 */
export function symmetricEigen3(matrix: Matrix3): { values: LogTheta; vectors: Matrix3 } {
  const a = matrix.map((row) => [...row]) as Matrix3;
  const v: Matrix3 = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    const offDiagonal = Math.abs(a[0][1]) + Math.abs(a[0][2]) + Math.abs(a[1][2]);
    const diagonalScale = Math.abs(a[0][0]) + Math.abs(a[1][1]) + Math.abs(a[2][2]);
    if (offDiagonal <= 1e-17 * diagonalScale || offDiagonal === 0) break;
    for (const [p, q] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const apq = a[p][q];
      if (apq === 0) continue;
      const tau = (a[q][q] - a[p][p]) / (2 * apq);
      const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
      const c = 1 / Math.sqrt(1 + t * t);
      const s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k]![p];
        const akq = a[k]![q];
        a[k]![p] = c * akp - s * akq;
        a[k]![q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p][k]!;
        const aqk = a[q][k]!;
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k]![p];
        const vkq = v[k]![q];
        v[k]![p] = c * vkp - s * vkq;
        v[k]![q] = s * vkp + c * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[i]![i]! - a[j]![j]!);
  const values = order.map((i) => a[i]![i]!) as LogTheta;
  const vectors = order.map((i) => [v[0][i]!, v[1][i]!, v[2][i]!]) as Matrix3;
  return { values, vectors };
}

/** M⁻¹ for a symmetric invertible 3×3 M, through its eigendecomposition. */
export function inverseSymmetric3(matrix: Matrix3): Matrix3 {
  const { values, vectors } = symmetricEigen3(matrix);
  const out = zeroMatrix3();
  for (let k = 0; k < 3; k++) {
    const vector = vectors[k]!;
    const inverseValue = 1 / values[k]!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        out[i]![j as 0 | 1 | 2] += inverseValue * vector[i as 0 | 1 | 2] * vector[j as 0 | 1 | 2];
      }
    }
  }
  return out;
}

/**
 * The inverse of H restricted to the span of `axes` (columns of Z), mapped back: Z (ZᵀHZ)⁻¹ Zᵀ.
 * With all three unit axes this is H⁻¹; with fewer it is the inverse the implicit function
 * theorem needs when the remaining directions are held fixed. ZᵀHZ must be invertible.
 */
export function restrictedInverse3(matrix: Matrix3, axes: readonly LogTheta[]): Matrix3 {
  const k = axes.length;
  const reduced = zeroMatrix3();
  for (let a = 0; a < 3; a++) reduced[a]![a as 0 | 1 | 2] = 1;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let sum = 0;
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) sum += axes[a]![i]! * matrix[i]![j]! * axes[b]![j]!;
      reduced[a]![b as 0 | 1 | 2] = sum;
    }
  }
  // The unused rows and columns of `reduced` are the identity, so its inverse's leading k×k block
  // is the inverse of ZᵀHZ.
  const reducedInverse = inverseSymmetric3(reduced);
  const out = zeroMatrix3();
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const value = reducedInverse[a]![b]!;
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) out[i]![j as 0 | 1 | 2] += axes[a]![i]! * value * axes[b]![j]!;
    }
  }
  return out;
}

/** The eigenvalues (ascending) of ZᵀHZ for the k ≤ 3 columns of Z in `axes`. */
export function restrictedEigenvalues3(matrix: Matrix3, axes: readonly LogTheta[]): number[] {
  const project = (u: LogTheta, v: LogTheta) => {
    let sum = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) sum += u[i]! * matrix[i]![j]! * v[j]!;
    return sum;
  };
  const [first, second, third] = axes;
  if (!first) return [];
  if (!second) return [project(first, first)];
  if (!third) {
    const a = project(first, first);
    const b = project(first, second);
    const d = project(second, second);
    const mean = 0.5 * (a + d);
    const radius = Math.hypot(0.5 * (a - d), b);
    return [mean - radius, mean + radius];
  }
  const reduced = axes.map((u) => axes.map((v) => project(u, v))) as Matrix3;
  return [...symmetricEigen3(reduced).values];
}
