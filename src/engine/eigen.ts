/**
 * Symmetric eigendecomposition in the form the profile likelihood needs: the eigenvalues λ of a
 * symmetric R and the rotated data z = Qᵀy, without ever forming Q (Golub & Van Loan 2013, §8.3:
 * Householder tridiagonalisation, then implicit QL with Wilkinson shifts; each reflection and
 * rotation is applied to y as it is made).
 */

import type { DenseKernels } from './dense-kernels';

const MAX_QL_SWEEPS_PER_EIGENVALUE = 60;

export interface SpectralData {
  /** Eigenvalues of R (not sorted). */
  eigenvalues: Float64Array;
  /** z = Qᵀy in the same order as the eigenvalues. */
  rotatedData: Float64Array;
}

/**
 * Eigenvalues of the symmetric n×n `matrix` and Qᵀ`data`. `matrix` may be destroyed (used as
 * workspace). The tridiagonalisation runs on `kernels`.
 * Throws if the QL iteration does not converge (it practically always does for symmetric input).
 */
export function symmetricSpectrum(
  kernels: DenseKernels,
  matrix: Float64Array,
  n: number,
  data: Float64Array,
  out: SpectralData = { eigenvalues: new Float64Array(n), rotatedData: new Float64Array(n) },
): SpectralData {
  const diagonal = out.eigenvalues;
  const rotated = out.rotatedData;
  rotated.set(data);
  const subdiagonal = new Float64Array(n);
  kernels.tridiagonalise(matrix, n, diagonal, subdiagonal, rotated);
  diagonaliseTridiagonal(diagonal, subdiagonal, n, rotated);
  return out;
}

/**
 * Householder reduction A = Q_H T Q_Hᵀ. Writes T's diagonal and sub-diagonal (subdiagonal[i] =
 * T[i+1][i]) and replaces `vector` by Q_Hᵀ vector. Only the lower triangle of `a` is read.
 *
 * Step k reflects column k with H = I − 2vvᵀ, needs p = A v over the trailing block and then
 * applies A ← A − v qᵀ − q vᵀ with q = 2p − 2(vᵀp)v. The trailing block is streamed once per step:
 * the pass that applies step k's update also accumulates step k+1's product p, after column k+1
 * alone has been brought up to date to define step k+1's reflector.
 */
export function tridiagonaliseJs(
  a: Float64Array,
  n: number,
  diagonal: Float64Array,
  subdiagonal: Float64Array,
  vector: Float64Array,
): void {
  const reflector = new Float64Array(n);
  const product = new Float64Array(n);
  const nextReflector = new Float64Array(n);
  const nextProduct = new Float64Array(n);
  if (n >= 3) {
    makeReflector(a, n, 0, diagonal, subdiagonal, reflector);
    for (let i = 1; i < n; i++) product[i] = 0;
    for (let i = 1; i < n; i++) {
      const iOffset = i * n;
      const vi = reflector[i]!;
      let sum = a[iOffset + i]! * vi;
      for (let j = 1; j < i; j++) {
        const entry = a[iOffset + j]!;
        sum += entry * reflector[j]!;
        product[j] = product[j]! + entry * vi;
      }
      product[i] = product[i]! + sum;
    }
  }
  for (let k = 0; k < n - 2; k++) {
    // q = 2p − 2(vᵀp)v, kept in `product`.
    let vDotP = 0;
    for (let i = k + 1; i < n; i++) vDotP += reflector[i]! * product[i]!;
    for (let i = k + 1; i < n; i++) product[i] = 2 * product[i]! - 2 * vDotP * reflector[i]!;
    let vDotY = 0;
    for (let i = k + 1; i < n; i++) vDotY += reflector[i]! * vector[i]!;
    for (let i = k + 1; i < n; i++) vector[i] = vector[i]! - 2 * vDotY * reflector[i]!;

    const next = k + 1;
    const hasNext = next < n - 2;
    if (hasNext) {
      // Bring column k+1 up to date, then define the next reflector from it.
      for (let i = next; i < n; i++) {
        a[i * n + next] =
          a[i * n + next]! - reflector[i]! * product[next]! - product[i]! * reflector[next]!;
      }
      makeReflector(a, n, next, diagonal, subdiagonal, nextReflector);
      for (let i = next + 1; i < n; i++) nextProduct[i] = 0;
    }
    // Apply step k's update to rows/columns ≥ k+2 and, in the same pass, p' = A v' for step k+1.
    const first = k + 2;
    for (let i = first; i < n; i++) {
      const iOffset = i * n;
      const vi = reflector[i]!;
      const qi = product[i]!;
      if (hasNext) {
        const nextVi = nextReflector[i]!;
        let sum = 0;
        for (let j = first; j < i; j++) {
          const entry = a[iOffset + j]! - vi * product[j]! - qi * reflector[j]!;
          a[iOffset + j] = entry;
          sum += entry * nextReflector[j]!;
          nextProduct[j] = nextProduct[j]! + entry * nextVi;
        }
        const diagonalEntry = a[iOffset + i]! - 2 * vi * qi;
        a[iOffset + i] = diagonalEntry;
        nextProduct[i] = nextProduct[i]! + sum + diagonalEntry * nextVi;
      } else {
        for (let j = first; j <= i; j++) {
          a[iOffset + j] = a[iOffset + j]! - vi * product[j]! - qi * reflector[j]!;
        }
      }
    }
    if (!hasNext) {
      // The last reflection also updates column k+1 (the 2×2 block that remains).
      for (let i = next; i < n; i++) {
        a[i * n + next] =
          a[i * n + next]! - reflector[i]! * product[next]! - product[i]! * reflector[next]!;
      }
    } else {
      reflector.set(nextReflector);
      product.set(nextProduct);
    }
  }
  if (n >= 2) {
    diagonal[n - 2] = a[(n - 2) * n + n - 2]!;
    subdiagonal[n - 2] = a[(n - 1) * n + n - 2]!;
  }
  diagonal[n - 1] = a[(n - 1) * n + n - 1]!;
  subdiagonal[n - 1] = 0;
}

/**
 * The Householder vector that zeroes column k of `a` below its sub-diagonal: writes v (unit, zero
 * where not used; all zero when the column already is) into `out`, the diagonal entry d_k and the
 * sub-diagonal entry α = ∓‖x‖.
 */
function makeReflector(
  a: Float64Array,
  n: number,
  k: number,
  diagonal: Float64Array,
  subdiagonal: Float64Array,
  out: Float64Array,
): void {
  out.fill(0);
  diagonal[k] = a[k * n + k]!;
  let normSquared = 0;
  for (let i = k + 1; i < n; i++) normSquared += a[i * n + k]! * a[i * n + k]!;
  if (normSquared === 0) {
    subdiagonal[k] = 0;
    return;
  }
  const head = a[(k + 1) * n + k]!;
  const norm = Math.sqrt(normSquared);
  const alpha = head > 0 ? -norm : norm;
  // v = x − α e₁, normalised; |v|² = |x|² − 2α x₀ + α².
  const vNorm = Math.sqrt(normSquared - 2 * alpha * head + alpha * alpha);
  for (let i = k + 1; i < n; i++) out[i] = a[i * n + k]! / vNorm;
  out[k + 1] = (head - alpha) / vNorm;
  subdiagonal[k] = alpha;
}

/**
 * Implicit QL with Wilkinson shifts on a symmetric tridiagonal T = G Λ Gᵀ; the diagonal becomes Λ
 * and `vector` becomes Gᵀ vector (every Givens rotation applied as it is made).
 */
function diagonaliseTridiagonal(
  diagonal: Float64Array,
  subdiagonal: Float64Array,
  n: number,
  vector: Float64Array,
): void {
  // Off-diagonals below ε‖T‖ are negligible: the eigenvalues are only defined to that absolute
  // accuracy anyway, and a purely relative test can stall on clusters of round-off-sized values.
  let norm = 0;
  for (let i = 0; i < n; i++)
    norm = Math.max(norm, Math.abs(diagonal[i]!) + Math.abs(subdiagonal[i]!));
  const negligible = Number.EPSILON * norm;
  for (let l = 0; l < n; l++) {
    let sweeps = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const scale = Math.abs(diagonal[m]!) + Math.abs(diagonal[m + 1]!);
        if (Math.abs(subdiagonal[m]!) <= Math.max(Number.EPSILON * scale, negligible)) break;
      }
      if (m === l) break;
      if (sweeps++ === MAX_QL_SWEEPS_PER_EIGENVALUE) {
        throw new Error('symmetric eigenvalue iteration did not converge');
      }
      let g = (diagonal[l + 1]! - diagonal[l]!) / (2 * subdiagonal[l]!);
      let r = Math.hypot(g, 1);
      g = diagonal[m]! - diagonal[l]! + subdiagonal[l]! / (g + (g >= 0 ? r : -r));
      let sine = 1;
      let cosine = 1;
      let shift = 0;
      let deflated = false;
      for (let i = m - 1; i >= l; i--) {
        const f = sine * subdiagonal[i]!;
        const b = cosine * subdiagonal[i]!;
        r = Math.hypot(f, g);
        subdiagonal[i + 1] = r;
        if (r === 0) {
          diagonal[i + 1] = diagonal[i + 1]! - shift;
          subdiagonal[m] = 0;
          deflated = true;
          break;
        }
        sine = f / r;
        cosine = g / r;
        g = diagonal[i + 1]! - shift;
        r = (diagonal[i]! - g) * sine + 2 * cosine * b;
        shift = sine * r;
        diagonal[i + 1] = g + shift;
        g = cosine * r - b;
        const upper = vector[i + 1]!;
        vector[i + 1] = sine * vector[i]! + cosine * upper;
        vector[i] = cosine * vector[i]! - sine * upper;
      }
      if (deflated) continue;
      diagonal[l] = diagonal[l]! - shift;
      subdiagonal[l] = g;
      subdiagonal[m] = 0;
    }
  }
}
