/**
 * An independent reference for the sensitivities: the maximum-likelihood fit and its refits after
 * moving one point by a tiny step, in 45-digit decimal arithmetic, sharing no code with the engine.
 *
 * Why decimal.js and not a double-double: a double-double (about 32 digits) loses log₁₀ κ(K) ≈ 10
 * of them on the noise floor (κ(K) ≤ n/g ≈ 2e9 there) and the central difference of two refits
 * log₁₀(1/h) ≈ 12 more, which would leave about 10; at 45 digits about 23 remain, so the reference
 * is exact for every purpose here, and decimal.js has exp, ln and sqrt at any precision.
 *
 * The fit is done on the profile likelihood (Rasmussen & Williams 2006, eq. 5.8, with σf maximised
 * out): with K = σf²A, A = R + gI, g = σn²/σf², R_ab = ρ(|x_a − x_b|; ℓ) (kernels.ts' ρ, written
 * out again below), β = A⁻¹y and q = yᵀβ,
 *
 *   σ̂f² = q/n,   Lp(ℓ, g) = −(n/2) log q − ½ log|A| + const,
 *   ∂Lp/∂log ℓ = (n/2) βᵀA_ℓβ / q − ½ tr(A⁻¹A_ℓ),   A_ℓ = ∂R/∂log ℓ,
 *   ∂Lp/∂log g = (n/2) g βᵀβ / q − ½ g tr(A⁻¹).
 *
 * On the noise floor g is held (the engine holds σn/σf there, docs/numerics.md) and the free
 * coordinate is log ℓ alone: maximising L over σf along its free axis with the ratio held is this
 * profile. At an interior maximum log ℓ and log g are both free. The stationary point is found by
 * a chord iteration c ← c − J⁻¹∇Lp(c), J the Jacobian of ∇Lp by central differences (step 1e-15)
 * at the unperturbed maximum, until the step is below 1e-24; each step contracts the error by
 * about the relative change of J over the distance to the maximum (~1e-10 for the refits, which
 * start 1e-12 of the data's scale away), so the error left is far below 1e-24.
 */
import Decimal from 'decimal.js';
import type { KernelName } from '../../src/engine';

/** 45 significant digits, in a constructor of its own (the global Decimal is left as it is). */
const Hp = Decimal.clone({ precision: 45, rounding: Decimal.ROUND_HALF_EVEN });
type Hp = InstanceType<typeof Hp>;

const ZERO = new Hp(0);
const ONE = new Hp(1);
const HALF = new Hp(0.5);

/**
 * A double as a decimal, to 100 significant digits: exact for doubles of moderate magnitude, such
 * as the data here (their expansions are shorter), and far beyond the working precision for any.
 */
export function exactDecimal(value: number): Hp {
  return new Hp(value.toPrecision(100));
}

/**
 * s = c r/ℓ; ρ = φ(s) and ∂ρ/∂log ℓ = −s φ'(s) (R&W 2006, eqs. 4.9, 4.17), with φ(s) = P(s) e^z:
 * rbf φ = exp(−s²/2), c = 1; matern52 φ = (1 + s + s²/3) e^−s, c = √5; matern32 φ = (1 + s) e^−s,
 * c = √3. `exponential` is e^z, z = −s²/2 for rbf and −s otherwise.
 */
function correlationAndLogDerivative(kernel: KernelName, s: Hp, exponential: Hp): [Hp, Hp] {
  const s2 = s.mul(s);
  if (kernel === 'rbf') return [exponential, s2.mul(exponential)];
  if (kernel === 'matern52') {
    return [
      ONE.plus(s).plus(s2.div(3)).mul(exponential),
      s2.div(3).mul(ONE.plus(s)).mul(exponential),
    ];
  }
  return [ONE.plus(s).mul(exponential), s2.mul(exponential)];
}

/** The exponent z of φ = P(s) e^z. */
function exponentOf(kernel: KernelName, s: Hp): Hp {
  return kernel === 'rbf' ? s.mul(s).mul(HALF).neg() : s.neg();
}

const KERNEL_SCALE: Record<KernelName, Hp> = {
  rbf: ONE,
  matern52: new Hp(5).sqrt(),
  matern32: new Hp(3).sqrt(),
};

/** Where e^(z′−z) is summed as a series rather than computed by exp. */
const SMALL_EXPONENT = new Hp('1e-3');

/** e^ε for |ε| ≤ SMALL_EXPONENT by its Taylor series, to the working precision. */
function expSmall(epsilon: Hp): Hp {
  const limit = new Hp(10).pow(-Hp.precision - 2);
  let term = ONE;
  let sum = ONE;
  for (let k = 1; term.abs().gt(limit); k++) {
    term = term.mul(epsilon).div(k);
    sum = sum.plus(term);
  }
  return sum;
}

/**
 * e^z for every pair at one (x, ℓ), kept so that nearby (x, ℓ) — the refits move ℓ and one x by
 * about 1e-12 — get e^z′ = e^z · e^(z′−z) with a short series instead of a full exp per pair
 * (decimal.js's exp costs as much as a hundred multiplications).
 */
interface ExponentialCache {
  exponent: Hp[];
  exponential: Hp[];
}

function pairExponentials(
  kernel: KernelName,
  s: Hp[],
  cache: ExponentialCache | null,
): ExponentialCache {
  const exponent = s.map((value) => exponentOf(kernel, value));
  const exponential = exponent.map((z, p) => {
    if (cache) {
      const difference = z.minus(cache.exponent[p]!);
      if (difference.abs().lt(SMALL_EXPONENT))
        return cache.exponential[p]!.mul(expSmall(difference));
    }
    return z.exp();
  });
  return { exponent, exponential };
}

/** A data set in decimal. */
export interface HpData {
  x: Hp[];
  y: Hp[];
}

export function toHpData(x: ArrayLike<number>, y: ArrayLike<number>): HpData {
  return { x: Array.from(x, exactDecimal), y: Array.from(y, exactDecimal) };
}

/** ∇Lp in the free coordinates, and log σ̂f at (log ℓ, log g). */
interface ProfileGradient {
  gradient: Hp[];
  logSignalStd: Hp;
}

/**
 * The profile likelihood's gradient at log ℓ and log g; in (log ℓ) alone when `gHeld`, else in
 * (log ℓ, log g).
 */
function profileGradient(
  problem: HpProblem,
  data: HpData,
  logLengthscale: Hp,
  logNoiseRatio: Hp,
  gHeld: boolean,
): ProfileGradient {
  const { kernel } = problem;
  const { x, y } = data;
  const n = x.length;
  const sPerDistance = KERNEL_SCALE[kernel].div(logLengthscale.exp());
  const g = logNoiseRatio.exp();
  const s: Hp[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) s.push(x[i]!.minus(x[j]!).abs().mul(sPerDistance));
  }
  problem.lastExponents = pairExponentials(kernel, s, problem.cache);
  const exponentials = problem.lastExponents.exponential;
  const a: Hp[] = new Array<Hp>(n * n);
  const aL: Hp[] = new Array<Hp>(n * n);
  for (let i = 0, p = 0; i < n; i++) {
    a[i * n + i] = ONE.plus(g);
    aL[i * n + i] = ZERO;
    for (let j = 0; j < i; j++, p++) {
      const [rho, dRho] = correlationAndLogDerivative(kernel, s[p]!, exponentials[p]!);
      a[i * n + j] = a[j * n + i] = rho;
      aL[i * n + j] = aL[j * n + i] = dRho;
    }
  }
  // Cholesky A = LLᵀ (lower, row-major).
  const l: Hp[] = new Array<Hp>(n * n).fill(ZERO);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j]!;
    for (let k = 0; k < j; k++) diagonal = diagonal.minus(l[j * n + k]!.mul(l[j * n + k]!));
    if (!diagonal.gt(0)) throw new Error('A is not positive definite in 45 digits');
    const pivot = diagonal.sqrt();
    l[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum = sum.minus(l[i * n + k]!.mul(l[j * n + k]!));
      l[i * n + j] = sum.div(pivot);
    }
  }
  // W = L⁻¹ (lower), so A⁻¹ = WᵀW and β = WᵀW y.
  const w: Hp[] = new Array<Hp>(n * n).fill(ZERO);
  for (let j = 0; j < n; j++) {
    w[j * n + j] = ONE.div(l[j * n + j]!);
    for (let i = j + 1; i < n; i++) {
      let sum = ZERO;
      for (let k = j; k < i; k++) sum = sum.plus(l[i * n + k]!.mul(w[k * n + j]!));
      w[i * n + j] = sum.neg().div(l[i * n + i]!);
    }
  }
  const inverse: Hp[] = new Array<Hp>(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = ZERO;
      for (let k = i; k < n; k++) sum = sum.plus(w[k * n + i]!.mul(w[k * n + j]!));
      inverse[i * n + j] = inverse[j * n + i] = sum;
    }
  }
  const beta: Hp[] = [];
  for (let i = 0; i < n; i++) {
    let sum = ZERO;
    for (let k = 0; k < n; k++) sum = sum.plus(inverse[i * n + k]!.mul(y[k]!));
    beta.push(sum);
  }
  let q = ZERO;
  let betaALBeta = ZERO;
  let traceInverseAL = ZERO;
  let betaBeta = ZERO;
  let traceInverse = ZERO;
  for (let i = 0; i < n; i++) {
    q = q.plus(y[i]!.mul(beta[i]!));
    betaBeta = betaBeta.plus(beta[i]!.mul(beta[i]!));
    traceInverse = traceInverse.plus(inverse[i * n + i]!);
    let row = ZERO;
    for (let j = 0; j < n; j++) {
      row = row.plus(aL[i * n + j]!.mul(beta[j]!));
      traceInverseAL = traceInverseAL.plus(inverse[i * n + j]!.mul(aL[i * n + j]!));
    }
    betaALBeta = betaALBeta.plus(beta[i]!.mul(row));
  }
  const halfN = new Hp(n).mul(HALF);
  const gradient = [halfN.mul(betaALBeta).div(q).minus(HALF.mul(traceInverseAL))];
  if (!gHeld) gradient.push(g.mul(halfN.mul(betaBeta).div(q).minus(HALF.mul(traceInverse))));
  return { gradient, logSignalStd: q.div(n).ln().mul(HALF) };
}

/** A fitting problem: the kernel, and which g is held (null: g is free). */
interface HpProblem {
  kernel: KernelName;
  /** log g held on the noise floor, or null at an interior maximum. */
  heldLogNoiseRatio: Hp | null;
  /** The pairs' exponentials at the unperturbed maximum, once it is found. */
  cache: ExponentialCache | null;
  /** The pairs' exponentials of the latest evaluation. */
  lastExponents: ExponentialCache | null;
}

/** Free coordinates: [log ℓ] with g held, [log ℓ, log g] otherwise. */
type Coordinates = Hp[];

function gradientAt(problem: HpProblem, data: HpData, c: Coordinates): ProfileGradient {
  const held = problem.heldLogNoiseRatio;
  return profileGradient(problem, data, c[0]!, held ?? c[1]!, held !== null);
}

const JACOBIAN_STEP = new Hp('1e-15');

/** J_ij = ∂(∇Lp)_i/∂c_j by central differences (error O(step²) = 1e-30, rounding ~1e-20). */
function jacobian(problem: HpProblem, data: HpData, c: Coordinates): Hp[][] {
  const columns = c.map((_, j) => {
    const up = c.slice();
    const down = c.slice();
    up[j] = c[j]!.plus(JACOBIAN_STEP);
    down[j] = c[j]!.minus(JACOBIAN_STEP);
    const gUp = gradientAt(problem, data, up).gradient;
    const gDown = gradientAt(problem, data, down).gradient;
    return gUp.map((value, i) => value.minus(gDown[i]!).div(JACOBIAN_STEP.mul(2)));
  });
  return c.map((_, i) => columns.map((column) => column[i]!));
}

/** J⁻¹v for a 1×1 or 2×2 J. */
function solveSmall(j: Hp[][], v: Hp[]): Hp[] {
  if (v.length === 1) return [v[0]!.div(j[0]![0]!)];
  const [[a, b], [c, d]] = j as [[Hp, Hp], [Hp, Hp]];
  const det = a.mul(d).minus(b.mul(c));
  return [d.mul(v[0]!).minus(b.mul(v[1]!)).div(det), a.mul(v[1]!).minus(c.mul(v[0]!)).div(det)];
}

const STEP_TOLERANCE = new Hp('1e-24');
const MAX_CHORD_STEPS = 30;

/** The stationary point of Lp near `start`, by the chord iteration with the matrix `j`. */
function stationaryPoint(
  problem: HpProblem,
  data: HpData,
  start: Coordinates,
  j: Hp[][],
): { coordinates: Coordinates; logSignalStd: Hp; steps: number } {
  let c = start.slice();
  for (let step = 1; step <= MAX_CHORD_STEPS; step++) {
    const { gradient, logSignalStd } = gradientAt(problem, data, c);
    const move = solveSmall(j, gradient);
    // The last step is below the tolerance: c and its σ̂f stand as evaluated.
    if (move.every((value) => value.abs().lt(STEP_TOLERANCE))) {
      return { coordinates: c, logSignalStd, steps: step };
    }
    c = c.map((value, i) => value.minus(move[i]!));
  }
  throw new Error('the 45-digit chord iteration did not converge');
}

/** log θ = (log ℓ, log σf, log σn) from the free coordinates and log σ̂f. */
function logThetaOf(problem: HpProblem, c: Coordinates, logSignalStd: Hp): Hp[] {
  const logNoiseRatio = problem.heldLogNoiseRatio ?? c[1]!;
  return [c[0]!, logSignalStd, logSignalStd.plus(logNoiseRatio.mul(HALF))];
}

/** The reference: θ̂ re-polished in 45 digits and d log θ̂/dy, d log θ̂/dx by central differences. */
export interface HighPrecisionSensitivities {
  /** log θ̂ at the unperturbed data, to about 1e-24. */
  logTheta: [number, number, number];
  /** d log θ̂/dy_k and d log θ̂/dx_k for the points asked for: rows (ℓ, σf, σn), one entry per point. */
  dLogTheta_dy: number[][];
  dLogTheta_dx: number[][];
  /** The largest number of chord steps a refit took. */
  maxSteps: number;
}

/**
 * Re-polishes the maximum-likelihood θ̂ from the float64 `logTheta` (g held at its value there when
 * `onFloor`), then refits at y_k ± h_y and x_k ± h_x for each k in `points`, with h_y = `relativeStep`
 * · RMS(y) and h_x = `relativeStep` · (x_max − x_min), and takes the central differences (error
 * O(h²) relative to the response's curvature scale; `relativeStep` 1e-12 leaves well under 1e-10).
 */
export function highPrecisionSensitivities(
  kernel: KernelName,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  logTheta: readonly [number, number, number],
  onFloor: boolean,
  points: readonly number[],
  relativeStep = 1e-12,
): HighPrecisionSensitivities {
  const data = toHpData(x, y);
  const logNoiseRatio = exactDecimal(logTheta[2]).minus(exactDecimal(logTheta[1])).mul(2);
  const problem: HpProblem = {
    kernel,
    heldLogNoiseRatio: onFloor ? logNoiseRatio : null,
    cache: null,
    lastExponents: null,
  };
  const start = onFloor ? [exactDecimal(logTheta[0])] : [exactDecimal(logTheta[0]), logNoiseRatio];
  const j0 = jacobian(problem, data, start);
  const base = stationaryPoint(problem, data, start, j0);
  problem.cache = problem.lastExponents;
  const j = jacobian(problem, data, base.coordinates);
  let maxSteps = base.steps;

  const n = data.y.length;
  let sumSquares = ZERO;
  for (const value of data.y) sumSquares = sumSquares.plus(value.mul(value));
  const yStep = sumSquares.div(n).sqrt().mul(relativeStep);
  let xMin = data.x[0]!;
  let xMax = data.x[0]!;
  for (const value of data.x) {
    xMin = Decimal.min(xMin, value) as Hp;
    xMax = Decimal.max(xMax, value) as Hp;
  }
  const xStep = xMax.minus(xMin).mul(relativeStep);

  const refitLogTheta = (moved: HpData): Hp[] => {
    const result = stationaryPoint(problem, moved, base.coordinates, j);
    maxSteps = Math.max(maxSteps, result.steps);
    return logThetaOf(problem, result.coordinates, result.logSignalStd);
  };
  const derivative = (which: 'x' | 'y', k: number): number[] => {
    const step = which === 'x' ? xStep : yStep;
    const move = (sign: number): HpData => {
      const values = data[which].slice();
      values[k] = values[k]!.plus(step.mul(sign));
      return which === 'x' ? { x: values, y: data.y } : { x: data.x, y: values };
    };
    const up = refitLogTheta(move(1));
    const down = refitLogTheta(move(-1));
    return up.map((value, i) => value.minus(down[i]!).div(step.mul(2)).toNumber());
  };
  const dy = points.map((k) => derivative('y', k));
  const dx = points.map((k) => derivative('x', k));
  const rows = (columns: number[][]) => [0, 1, 2].map((i) => columns.map((column) => column[i]!));
  const polished = logThetaOf(problem, base.coordinates, base.logSignalStd);
  return {
    logTheta: polished.map((value) => value.toNumber()) as [number, number, number],
    dLogTheta_dy: rows(dy),
    dLogTheta_dx: rows(dx),
    maxSteps,
  };
}
