/**
 * Each fused WebAssembly kernel (likelihoodTerms, sensitivityTerms, looCurvatureSums in
 * wasm/dense/) against its JavaScript reference, output by output: every sum of TERM and every
 * buffer the evaluation leaves, every vector of SensitivityTerms, every sum of LOO_CURVATURE_SUM, at
 * random sizes, kernels, inputs and θ. The two differ only in
 * the order of their additions, so each output agrees to rounding relative to the sizes of what
 * it is summed from (`scale` below), not merely end to end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseKernels, JS_DENSE_KERNELS, type DenseKernels } from '../../src/engine/dense-kernels';
import { fillCorrelationMatrices } from '../../src/engine/kernels';
import { createLikelihoodWorkspace, type LikelihoodWorkspace } from '../../src/engine/likelihood';
import { TERM, type TermName } from '../../src/engine/likelihood-terms';
import { createSensitivityTerms, type SensitivityTerms } from '../../src/engine/sensitivity-terms';
import {
  LOO_CURVATURE_SUM,
  LOO_CURVATURE_SUM_COUNT,
  type LooCurvatureInputs,
} from '../../src/engine/loo-curvature-terms';
import type { KernelName } from '../../src/engine/types';
import { LIKELIHOOD_VECTOR, SENSITIVITY_VECTOR } from '../../src/engine/wasm/layout';

const wasm = denseKernels('wasm');

interface Case {
  kernel: KernelName;
  x: Float64Array;
  y: Float64Array;
  lengthscale: number;
  signalVariance: number;
  noiseVariance: number;
}

const randomCase: fc.Arbitrary<Case> = fc
  .record({
    kernel: fc.constantFrom<KernelName>('rbf', 'matern52', 'matern32'),
    points: fc.array(
      fc.tuple(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
      ),
      { minLength: 1, maxLength: 70 },
    ),
    logLengthscale: fc.double({ min: Math.log(0.05), max: Math.log(20), noNaN: true }),
    logSignalStd: fc.double({ min: Math.log(0.2), max: Math.log(5), noNaN: true }),
    logNoiseStd: fc.double({ min: Math.log(0.05), max: Math.log(2), noNaN: true }),
  })
  .map(({ kernel, points, logLengthscale, logSignalStd, logNoiseStd }) => ({
    kernel,
    x: Float64Array.from(points, ([x]) => x),
    y: Float64Array.from(points, ([, y]) => y),
    lengthscale: Math.exp(logLengthscale),
    signalVariance: Math.exp(2 * logSignalStd),
    noiseVariance: Math.exp(2 * logNoiseStd),
  }));

/** A workspace on `kernels` evaluated to order 2 (the correlation filled by the JS reference). */
function evaluated(kernels: DenseKernels, c: Case): LikelihoodWorkspace {
  const workspace = createLikelihoodWorkspace(c.kernel, c.x, c.y, kernels);
  fillCorrelationMatrices(JS_DENSE_KERNELS, c.kernel, c.x, c.lengthscale, workspace);
  const failedPivot = kernels.likelihoodTerms(
    workspace,
    2,
    c.signalVariance,
    c.noiseVariance,
    workspace.terms,
  );
  expect(failedPivot).toBe(-1);
  return workspace;
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

/**
 * Each likelihood vector's size as computed: M v is a sum of n products of size |M| |v|, whatever
 * it cancels to.
 */
function vectorScales(w: LikelihoodWorkspace): Record<keyof typeof LIKELIHOOD_VECTOR, number> {
  const { n } = w;
  const alpha = maxAbs(w.alpha);
  const p = maxAbs(w.precision);
  return {
    dRAlpha: n * maxAbs(w.correlationDLogLengthscale) * alpha,
    rAlpha: n * alpha,
    d2RAlpha: n * maxAbs(w.correlationD2LogLengthscale) * alpha,
    productAlpha: n * maxAbs(w.precisionTimesDLogLengthscale) * alpha,
    precisionRAlpha: n * p * n * alpha,
    precisionAlpha: n * p * alpha,
    precisionSquaredDiagonal: n * p * p,
    productPrecisionDiagonal: n * maxAbs(w.precisionTimesDLogLengthscale) * p,
  };
}

/**
 * What each sum is summed from, in size: n × (the largest product of entries that enter it),
 * so that a tolerance of a few hundred ulps of it covers any order of the additions.
 */
function termScale(w: LikelihoodWorkspace, name: TermName): number {
  const { n } = w;
  const p = maxAbs(w.precision);
  const alpha = maxAbs(w.alpha);
  const dR = maxAbs(w.correlationDLogLengthscale);
  const d2R = maxAbs(w.correlationD2LogLengthscale);
  const product = maxAbs(w.precisionTimesDLogLengthscale);
  const computed = vectorScales(w);
  const v = (key: keyof typeof LIKELIHOOD_VECTOR) => computed[key];
  const scales: Record<TermName, number> = {
    yAlpha: maxAbs(w.y) * alpha,
    alphaDRAlpha: alpha * v('dRAlpha'),
    alphaRAlpha: alpha * v('rAlpha'),
    alphaAlpha: alpha * alpha,
    precisionDotDR: n * p * dR,
    precisionDotR: n * p,
    tracePrecision: p,
    // u · (M v): the product M v is itself a sum of n terms of size |M| |v|.
    dRAlphaDotProductAlpha: v('dRAlpha') * n * product * alpha,
    dRAlphaDotPrecisionRAlpha: v('dRAlpha') * n * p * v('rAlpha'),
    dRAlphaDotPrecisionAlpha: v('dRAlpha') * n * p * alpha,
    rAlphaDotPrecisionRAlpha: v('rAlpha') * n * p * v('rAlpha'),
    rAlphaDotPrecisionAlpha: v('rAlpha') * n * p * alpha,
    alphaDotPrecisionAlpha: alpha * n * p * alpha,
    alphaD2RAlpha: alpha * v('d2RAlpha'),
    precisionDotD2R: n * p * d2R,
    traceProduct: product,
    productDotPrecision: n * product * p,
    precisionLowerSquares: n * p * p,
    precisionDiagonalSquares: p * p,
    identityMinusScaledDiagonalSquares: Math.max(1, w.n * p * p),
    productTraceOfSquare: n * product * product,
    correlationRowAbsMax: n * maxAbs(w.correlation),
    precisionRowAbsMax: n * p,
  };
  return n * scales[name];
}

/**
 * Condition-scaled rounding: the two backends' factors differ by about κ(K) ulps, and a
 * difference in α passes through one more sum of n terms before it reaches a vector or a sum.
 */
function conditionFactor(w: LikelihoodWorkspace, c: Case): number {
  return w.n * maxAbs(w.precision) * (c.signalVariance + c.noiseVariance);
}

/** The leave-one-out weights b = 1/(2c) + α²/(2c²), c = diag P, of an evaluated workspace. */
function looInputs(w: LikelihoodWorkspace): LooCurvatureInputs {
  const { n } = w;
  const varianceWeight = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const c = w.precision[k * n + k]!;
    const a = w.alpha[k]! / c;
    varianceWeight[k] = 0.5 / c + 0.5 * a * a;
  }
  return { ...w, varianceWeight };
}

/** The four curvature sums on `kernels` (work space of their own for the JavaScript kernels). */
function looSums(kernels: DenseKernels, inputs: LooCurvatureInputs): Float64Array {
  const square = () => new Float64Array(inputs.n * inputs.n);
  const out = new Float64Array(LOO_CURVATURE_SUM_COUNT);
  kernels.looCurvatureSums(inputs, { weighted: square(), q: square(), sandwich: square() }, out);
  return out;
}

/**
 * What each curvature sum is summed from, in size: n² products of an entry of P, A or Δ₂ with one
 * of Q = PBP (itself a sum of n products of size |P|²|b|), or for Σ bₐ(AS)ₐₐ n² products
 * |b||A||S| with |S| ≤ n|A||P|.
 */
function looSumScales(inputs: LooCurvatureInputs): Record<keyof typeof LOO_CURVATURE_SUM, number> {
  const { n } = inputs;
  const p = maxAbs(inputs.precision);
  const a = maxAbs(inputs.precisionTimesDLogLengthscale);
  const b = maxAbs(inputs.varianceWeight);
  const q = n * p * p * b;
  return {
    d3: n * n * p * q,
    s2: n * n * a * q,
    e2: n * n * maxAbs(inputs.correlationD2LogLengthscale) * q,
    s3: n * n * b * a * (n * a * p),
  };
}

const ULP = Number.EPSILON;

describe('fused WebAssembly kernels, term by term against the JavaScript reference', () => {
  it('likelihoodTerms: every sum of TERM and every buffer it leaves', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const js = evaluated(JS_DENSE_KERNELS, c);
        const simd = evaluated(wasm, c);
        const kappa = conditionFactor(js, c);
        for (const name of Object.keys(TERM) as TermName[]) {
          const tolerance = 64 * ULP * kappa * termScale(js, name) + 1e-300;
          const difference = Math.abs(simd.terms[TERM[name]]! - js.terms[TERM[name]]!);
          expect(difference, name).toBeLessThanOrEqual(tolerance);
        }
        // Each buffer's entries are sums of n products; their size bounds the rounding.
        const alpha = maxAbs(js.alpha);
        const p = maxAbs(js.precision);
        const bufferScale = {
          factor: maxAbs(js.factor),
          inverseFactor: maxAbs(js.inverseFactor),
          precision: p,
          precisionTimesDLogLengthscale: p * maxAbs(js.correlationDLogLengthscale),
          alpha,
          ...vectorScales(js),
        } satisfies Record<string, number>;
        expect(Object.keys(bufferScale)).toEqual(
          expect.arrayContaining(Object.keys(LIKELIHOOD_VECTOR)),
        );
        for (const name of Object.keys(bufferScale) as (keyof typeof bufferScale)[]) {
          const reference = js[name];
          // Below 1e-300 both are rounding noise of a vanished sum.
          const tolerance = 64 * ULP * kappa * js.n * bufferScale[name] + 1e-300;
          reference.forEach((value, i) => {
            expect(Math.abs(simd[name][i]! - value), `${name}[${i}]`).toBeLessThanOrEqual(
              tolerance,
            );
          });
        }
      }),
      { numRuns: 120 },
    );
  });

  it('sensitivityTerms: every vector of SensitivityTerms, from the same inputs', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const inputs = evaluated(JS_DENSE_KERNELS, c);
        const compute = (kernels: DenseKernels): SensitivityTerms => {
          const terms = createSensitivityTerms(inputs.n);
          kernels.sensitivityTerms(inputs, terms);
          return terms;
        };
        const js = compute(JS_DENSE_KERNELS);
        const simd = compute(wasm);
        // D_ab = −(∂R/∂log ℓ)_ab / (x_a − x_b) can be large for close inputs: scale by its size.
        const d = new Float64Array(inputs.n * inputs.n);
        const dLog = new Float64Array(inputs.n * inputs.n);
        const { n, x } = inputs;
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            const difference = x[a]! - x[b]!;
            const index = a * n + b;
            d[index] =
              difference === 0 ? 0 : inputs.correlationDLogLengthscale[index]! / difference;
            dLog[index] =
              difference === 0 ? 0 : inputs.correlationD2LogLengthscale[index]! / difference;
          }
        const dSize = Math.max(maxAbs(d), maxAbs(dLog));
        const p = maxAbs(inputs.precision);
        const entrySize: Record<keyof SensitivityTerms, number> = {
          dAlpha: maxAbs(inputs.alpha),
          dLogAlpha: maxAbs(inputs.alpha),
          sandwichTerm: n * maxAbs(inputs.precisionTimesDLogLengthscale) * p,
          precisionTerm: p,
          squaredTerm: n * p * p,
          precisionLogTerm: p,
          dProductAlpha: maxAbs(inputs.productAlpha),
          dPrecisionRAlpha: maxAbs(inputs.precisionRAlpha),
          dPrecisionAlpha: maxAbs(inputs.precisionAlpha),
        };
        for (const name of Object.keys(SENSITIVITY_VECTOR) as (keyof SensitivityTerms)[]) {
          const tolerance = 64 * ULP * n * dSize * entrySize[name];
          js[name].forEach((value, i) => {
            expect(Math.abs(simd[name][i]! - value), `${name}[${i}]`).toBeLessThanOrEqual(
              tolerance,
            );
          });
        }
      }),
      { numRuns: 120 },
    );
  });

  it('looCurvatureSums: every sum of LOO_CURVATURE_SUM, from the same inputs', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const inputs = looInputs(evaluated(JS_DENSE_KERNELS, c));
        const js = looSums(JS_DENSE_KERNELS, inputs);
        const simd = looSums(wasm, inputs);
        const scales = looSumScales(inputs);
        for (const name of Object.keys(LOO_CURVATURE_SUM) as (keyof typeof LOO_CURVATURE_SUM)[]) {
          const index = LOO_CURVATURE_SUM[name];
          const tolerance = 64 * ULP * scales[name] + 1e-300;
          expect(Math.abs(simd[index]! - js[index]!), name).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('the tolerances are tight enough to catch a swapped term or vector', () => {
    // A mutation check: exchanging two outputs of the same kind must fail the comparison above.
    const c: Case = {
      kernel: 'matern52',
      x: Float64Array.from({ length: 12 }, (_, i) => -2 + 0.37 * i),
      y: Float64Array.from({ length: 12 }, (_, i) => Math.sin(i)),
      lengthscale: 0.8,
      signalVariance: 1.3,
      noiseVariance: 0.04,
    };
    const js = evaluated(JS_DENSE_KERNELS, c);
    const kappa = conditionFactor(js, c);
    const swapped = (a: TermName, b: TermName) =>
      Math.abs(js.terms[TERM[a]]! - js.terms[TERM[b]]!) > 64 * ULP * kappa * termScale(js, a);
    expect(swapped('alphaDRAlpha', 'alphaRAlpha')).toBe(true);
    expect(swapped('precisionDotDR', 'precisionDotD2R')).toBe(true);
    expect(swapped('dRAlphaDotPrecisionRAlpha', 'rAlphaDotPrecisionRAlpha')).toBe(true);
    const inputs = looInputs(js);
    const sums = looSums(JS_DENSE_KERNELS, inputs);
    const scales = looSumScales(inputs);
    const swappedSum = (a: keyof typeof LOO_CURVATURE_SUM, b: keyof typeof LOO_CURVATURE_SUM) =>
      Math.abs(sums[LOO_CURVATURE_SUM[a]]! - sums[LOO_CURVATURE_SUM[b]]!) > 64 * ULP * scales[a];
    expect(swappedSum('d3', 's2')).toBe(true);
    expect(swappedSum('e2', 's3')).toBe(true);
  });
});
