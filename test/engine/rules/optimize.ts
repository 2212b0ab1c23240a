/**
 * Numerical optimisation for the tests, from function values alone: Nelder–Mead from several
 * starts, then Newton's method on finite-difference derivatives (five-point stencils for the
 * gradient and, on it, for the Hessian) until the step is below 1e-12. No code is
 * shared with the engine.
 */
import type { LogTheta, Matrix3 } from '../../../src/engine';

type Objective = (logTheta: LogTheta) => number;

function safe(f: Objective): Objective {
  return (t) => {
    try {
      const value = f(t);
      return Number.isFinite(value) ? value : -Infinity;
    } catch {
      return -Infinity;
    }
  };
}

/** Nelder–Mead maximisation (standard coefficients 1, 2, ½, ½). */
export function nelderMead(f: Objective, start: LogTheta, step = 0.5, iterations = 3000): LogTheta {
  const g = safe(f);
  let simplex = [start, ...[0, 1, 2].map((i) => start.map((v, j) => (j === i ? v + step : v)))].map(
    (point) => ({ point: point as LogTheta, value: g(point as LogTheta) }),
  );
  const combine = (a: LogTheta, b: LogTheta, t: number) =>
    a.map((v, i) => v + t * (b[i]! - v)) as LogTheta;
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => b.value - a.value);
    const best = simplex[0]!;
    const worst = simplex[3]!;
    const size = Math.max(
      ...simplex.map((vertex) =>
        Math.max(...vertex.point.map((v, i) => Math.abs(v - best.point[i]!))),
      ),
    );
    if (size < 1e-9) break;
    const centroid = [0, 1, 2].map(
      (i) => (simplex[0]!.point[i]! + simplex[1]!.point[i]! + simplex[2]!.point[i]!) / 3,
    ) as LogTheta;
    const reflected = combine(centroid, worst.point, -1);
    const reflectedValue = g(reflected);
    if (reflectedValue > best.value) {
      const expanded = combine(centroid, worst.point, -2);
      const expandedValue = g(expanded);
      simplex[3] =
        expandedValue > reflectedValue
          ? { point: expanded, value: expandedValue }
          : { point: reflected, value: reflectedValue };
    } else if (reflectedValue > simplex[2]!.value) {
      simplex[3] = { point: reflected, value: reflectedValue };
    } else {
      const contracted = combine(centroid, worst.point, 0.5);
      const contractedValue = g(contracted);
      if (contractedValue > worst.value) {
        simplex[3] = { point: contracted, value: contractedValue };
      } else {
        simplex = simplex.map((vertex, k) =>
          k === 0 ? vertex : { point: combine(best.point, vertex.point, 0.5), value: 0 },
        );
        for (let k = 1; k < 4; k++) simplex[k]!.value = g(simplex[k]!.point);
      }
    }
  }
  simplex.sort((a, b) => b.value - a.value);
  return simplex[0]!.point;
}

const shift = (t: LogTheta, i: number, h: number) =>
  t.map((v, j) => (j === i ? v + h : v)) as LogTheta;

/** The gradient by the five-point stencil (error O(h⁴)). */
export function fdGradient(f: Objective, t: LogTheta, h = 1e-3): LogTheta {
  return [0, 1, 2].map(
    (i) =>
      (-f(shift(t, i, 2 * h)) +
        8 * f(shift(t, i, h)) -
        8 * f(shift(t, i, -h)) +
        f(shift(t, i, -2 * h))) /
      (12 * h),
  ) as LogTheta;
}

/** The Hessian by the five-point stencil on the five-point gradient, symmetrised. */
export function fdHessian(f: Objective, t: LogTheta, h = 1e-3): Matrix3 {
  const rows = [0, 1, 2].map((i) => {
    const at = (step: number) => fdGradient(f, shift(t, i, step), h);
    const [up2, up1, down1, down2] = [at(2 * h), at(h), at(-h), at(-2 * h)];
    return up1.map((_, j) => (-up2[j]! + 8 * up1[j]! - 8 * down1[j]! + down2[j]!) / (12 * h));
  });
  return [0, 1, 2].map((i) => [0, 1, 2].map((j) => 0.5 * (rows[i]![j]! + rows[j]![i]!))) as Matrix3;
}

function solve3(m: Matrix3, b: LogTheta): LogTheta {
  const det = (a: number[][]) =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  return [0, 1, 2].map(
    (col) => det(m.map((row, i) => row.map((v, j) => (j === col ? b[i]! : v)))) / d,
  ) as LogTheta;
}

/**
 * Newton's method on finite-difference derivatives from a start near a maximum (the Hessian
 * evaluated once, or given — any nearby one will do — the gradient at every step), until the step
 * is below 1e-12.
 */
export function newtonPolish(
  f: Objective,
  start: LogTheta,
  hessian = fdHessian(f, start),
): LogTheta {
  let t = start;
  for (let it = 0; it < 200; it++) {
    const step = solve3(hessian, fdGradient(f, t)).map((v) => -v) as LogTheta;
    t = t.map((v, i) => v + step[i]!) as LogTheta;
    if (Math.max(...step.map(Math.abs)) < 1e-12) break;
  }
  return t;
}

/** The maximum of f: Nelder–Mead from each start, the best result polished by `newtonPolish`. */
export function maximize(f: Objective, starts: LogTheta[]): LogTheta {
  let best: { point: LogTheta; value: number } | null = null;
  for (const start of starts) {
    const point = nelderMead(f, start);
    const value = safe(f)(point);
    if (!best || value > best.value) best = { point, value };
  }
  return newtonPolish(f, best!.point);
}

/** Starts spread over plausible θ for data with these scales, independent of the engine. */
export function spreadStarts(x: number[], y: number[]): LogTheta[] {
  const span = Math.max(...x) - Math.min(...x);
  const rms = Math.sqrt(y.reduce((s, v) => s + v * v, 0) / y.length);
  const starts: LogTheta[] = [];
  for (const l of [0.1, 0.3, 1]) {
    for (const noise of [0.05, 0.3])
      starts.push([Math.log(l * span), Math.log(rms), Math.log(noise * rms)]);
  }
  return starts;
}
