/**
 * Why θ̂ and its derivatives are computed in float64 (docs/design.md, "Precision policy"): the log
 * marginal likelihood of an RBF GP through a Cholesky factorisation, once in float64 and once with
 * every operation rounded to float32 (Math.fround), as a float32 GPU kernel would compute it, at
 * the noise ratios σn²/σf² a fit on clean data reaches.
 *
 *   npx tsx bench/float32-likelihood.ts
 *
 * Data: x uniform on [0, 10] (seeded), y = sin x + N(0, 0.001²), nearly clean, so that the
 * fitted noise ratio is about 1e-6; ℓ = 1, σf = 1.
 */
import { normalGenerator, uniformGenerator } from '../src/engine/random';

type Round = (value: number) => number;

/** log p(y | X, θ) by Cholesky with every operation passed through `round`; NaN when K is not positive definite. */
function logLikelihood(x: number[], y: number[], noiseRatio: number, round: Round): number {
  const n = x.length;
  const factor = new Float64Array(n * n);
  const kernel = (i: number, j: number) => {
    const r = round(x[i]! - x[j]!);
    const correlation = round(Math.exp(round(-round(r * r) / 2)));
    return i === j ? round(correlation + noiseRatio) : correlation;
  };
  for (let j = 0; j < n; j++) {
    let pivot = kernel(j, j);
    for (let k = 0; k < j; k++) pivot = round(pivot - round(factor[j * n + k]! ** 2));
    if (!(pivot > 0)) return NaN;
    const diagonal = round(Math.sqrt(pivot));
    factor[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let sum = kernel(i, j);
      for (let k = 0; k < j; k++) sum = round(sum - round(factor[i * n + k]! * factor[j * n + k]!));
      factor[i * n + j] = round(sum / diagonal);
    }
  }
  const z = new Float64Array(n);
  let quadratic = 0;
  let halfLogDeterminant = 0;
  for (let i = 0; i < n; i++) {
    let sum = y[i]!;
    for (let k = 0; k < i; k++) sum = round(sum - round(factor[i * n + k]! * z[k]!));
    z[i] = round(sum / factor[i * n + i]!);
    quadratic = round(quadratic + round(z[i]! * z[i]!));
    halfLogDeterminant = round(halfLogDeterminant + round(Math.log(factor[i * n + i]!)));
  }
  return -0.5 * quadratic - halfLogDeterminant - 0.5 * n * Math.log(2 * Math.PI);
}

const uniform = uniformGenerator(20261123);
const normal = normalGenerator(7);

console.log('| n | σn²/σf² | float64 | float32 | abs. error |');
console.log('| -: | ------: | ------: | ------: | ---------: |');
for (const n of [20, 200]) {
  const x = Array.from({ length: n }, () => 10 * uniform()).sort((a, b) => a - b);
  const y = x.map((value) => Math.sin(value) + 0.001 * normal());
  for (const noiseRatio of [1e-2, 1e-4, 1e-6]) {
    const exact = logLikelihood(x, y, noiseRatio, (value) => value);
    const single = logLikelihood(x, y, noiseRatio, Math.fround);
    const shown = Number.isNaN(single) ? 'not positive definite' : single.toFixed(3);
    const error = Number.isNaN(single) ? '—' : Math.abs(single - exact).toExponential(1);
    console.log(`| ${n} | ${noiseRatio} | ${exact.toFixed(3)} | ${shown} | ${error} |`);
  }
}
