import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  curveSampleValues,
  fitHyperparameters,
  responseCurve,
  traceResponseCurve,
  validateDataset,
  type CurveAxis,
  type Dataset,
  type KernelName,
  type ResponseCurve,
} from '../../src/engine';
import { findPreset } from '../../src/state/presets';
import { RULE_CASE } from './rules/cases';

function datasetOf(name: 'sine' | 'clusters' | 'step'): Dataset {
  const points = findPreset(name).points;
  return validateDataset(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
}

function moved(data: Dataset, axis: CurveAxis, index: number, value: number): Dataset {
  const copy = { x: Float64Array.from(data.x), y: Float64Array.from(data.y) };
  copy[axis][index] = value;
  return copy;
}

/**
 * Every sample against a fresh cold fit of the moved data: the same maximum, to 1e-7 in log θ.
 * Where the fresh fit ends without a strict maximum (untrusted: on a boundary or a flat ridge),
 * the sample is either that too, or an interior maximum the curve followed there whose likelihood
 * is higher — a better answer than the cold search's, never a worse one.
 */
function expectSamplesAreRefits(
  data: Dataset,
  curve: ResponseCurve,
  kernel: KernelName = 'rbf',
): void {
  for (let k = 0; k < curve.values.length; k++) {
    const fresh = fitHyperparameters(moved(data, curve.axis, curve.index, curve.values[k]!), {
      kernel,
    });
    if (fresh.diagnostics.trust === 'untrusted') {
      if (curve.trust[k] !== 'untrusted') {
        expect(curve.lml[k]!, `sample ${k}`).toBeGreaterThan(fresh.lml);
      }
      continue;
    }
    expect(curve.trust[k], `sample ${k}`).not.toBe('untrusted');
    for (let i = 0; i < 3; i++) {
      expect(curve.logTheta[i as 0 | 1 | 2][k], `sample ${k}, log θ ${i}`).toBeCloseTo(
        fresh.logTheta[i]!,
        7,
      );
    }
    expect(curve.lml[k]).toBeCloseTo(fresh.lml, 7);
  }
}

describe('curveSampleValues', () => {
  it('spaces samples evenly on both sides with the current value exact', () => {
    const { values, centre } = curveSampleValues(0.3, 1, 4, [-3, 3]);
    expect(values).toHaveLength(9);
    expect(centre).toBe(4);
    expect(values[centre]).toBe(0.3);
    expect(values[0]).toBeCloseTo(-0.7, 12);
    expect(values[8]).toBeCloseTo(1.3, 12);
  });

  it('stops at the edge of the domain', () => {
    const { values, centre } = curveSampleValues(2.6, 1, 4, [-3, 3]);
    expect(values[centre]).toBe(2.6);
    expect(values.at(-1)!).toBeLessThanOrEqual(3);
    expect(values.length - 1 - centre).toBe(1);
    const atEdge = curveSampleValues(3, 1, 4, [-3, 3]);
    expect(atEdge.centre).toBe(atEdge.values.length - 1);
  });
});

describe('response curve', () => {
  const sine = datasetOf('sine');

  it('samples θ̂(yᵢ) as refits, with the IFT slope at the current value', () => {
    const index = 5;
    const { values, centre } = curveSampleValues(sine.y[index]!, 1, 6, [-3, 3]);
    const fit = fitHyperparameters(sine);
    const curve = responseCurve(sine, {
      index,
      axis: 'y',
      values,
      centre,
      start: { logTheta: fit.logTheta, hessianLogTheta: fit.hessianLogTheta },
    });
    expectSamplesAreRefits(sine, curve);
    expect(curve.branch.every((branch) => branch === 0)).toBe(true);
    // The slope is the arrow: column `index` of ∂ log θ̂/∂y at the current data.
    const sensitivities = computeSensitivities(sine, fit);
    if (!sensitivities.defined) throw new Error('undefined');
    for (let i = 0; i < 3; i++) {
      expect(curve.slope![i]).toBeCloseTo(sensitivities.dLogTheta_dy[i as 0 | 1 | 2][index]!, 9);
    }
    expect(curve.globalChecks).toBeGreaterThanOrEqual(2);
  });

  it('has the slope of its own refits at the current value (central difference)', () => {
    const index = 10;
    const y = sine.y[index]!;
    const h = 1e-4;
    const curve = responseCurve(sine, {
      index,
      axis: 'y',
      values: Float64Array.from([y - h, y, y + h]),
      centre: 1,
    });
    for (let i = 0; i < 3; i++) {
      const row = curve.logTheta[i as 0 | 1 | 2];
      const difference = (row[2]! - row[0]!) / (2 * h);
      expect(Math.abs(difference - curve.slope![i]!)).toBeLessThan(
        1e-5 * Math.max(1, Math.abs(curve.slope![i]!)),
      );
    }
  });

  it('samples θ̂(xᵢ) the same way', () => {
    const index = 7;
    const { values, centre } = curveSampleValues(sine.x[index]!, 1, 4, [0, 10]);
    const curve = responseCurve(sine, { index, axis: 'x', values, centre, kernel: 'matern52' });
    expect(curve.axis).toBe('x');
    expectSamplesAreRefits(sine, curve, 'matern52');
    const sensitivities = computeSensitivities(
      sine,
      fitHyperparameters(sine, { kernel: 'matern52' }),
    );
    if (!sensitivities.defined) throw new Error('undefined');
    expect(curve.slope![0]).toBeCloseTo(sensitivities.dLogTheta_dx[0][index]!, 8);
  });

  it('shows a jump between maxima as a change of branch, each side a true refit', () => {
    // Two clusters in a near tie: moving point 8 down by half a unit hands θ̂ to the smooth fit.
    const clusters = datasetOf('clusters');
    const index = 8;
    const { values, centre } = curveSampleValues(clusters.y[index]!, 1, 8, [-3, 3]);
    const curve = responseCurve(clusters, { index, axis: 'y', values, centre });
    expectSamplesAreRefits(clusters, curve);
    const branches = new Set(curve.branch);
    expect(branches.size).toBeGreaterThan(1);
    const jump = curve.branch.findIndex((branch, k) => k > 0 && branch !== curve.branch[k - 1]);
    expect(jump).toBeGreaterThan(0);
    const before = Math.exp(curve.logTheta[0][jump - 1]!);
    const after = Math.exp(curve.logTheta[0][jump]!);
    expect(Math.max(before / after, after / before)).toBeGreaterThan(3);
  });

  it('works in steps, one refit each, and says when it is unfinished', () => {
    const { values, centre } = curveSampleValues(sine.y[2]!, 1, 3, [-3, 3]);
    const tracer = traceResponseCurve(sine, { index: 2, axis: 'y', values, centre });
    expect(() => tracer.result()).toThrow(/not finished/);
    let steps = 0;
    while (tracer.step()) steps++;
    const curve = tracer.result();
    expect(curve.refits).toBeGreaterThanOrEqual(values.length);
    expect(steps).toBeGreaterThanOrEqual(curve.refits - curve.globalChecks);
    expect(tracer.step()).toBe(false);
    expect(curve.values).toEqual(values);
  });

  it('rejects a point or a centre that does not exist', () => {
    const values = Float64Array.from([0, 1]);
    expect(() => responseCurve(sine, { index: 99, axis: 'y', values, centre: 0 })).toThrow(
      RangeError,
    );
    expect(() => responseCurve(sine, { index: 0, axis: 'y', values, centre: 5 })).toThrow(
      RangeError,
    );
  });
});

describe.each(['map', 'loo'] as const)('response curve under rule %s', (rule) => {
  const data = RULE_CASE;
  const fit = fitHyperparameters(data, { rule });
  const sensitivities = computeSensitivities(data, fit);
  if (!sensitivities.defined) throw new Error('undefined');

  it('refits by the rule, with the tangent at the current yᵢ the rule’s d log θ̂/dyᵢ', () => {
    const index = 6;
    const y = data.y[index]!;
    const h = 1e-3;
    const curve = responseCurve(data, {
      rule,
      index,
      axis: 'y',
      values: Float64Array.from([-2, -1, 0, 1, 2], (k) => y + k * h),
      centre: 2,
      start: { logTheta: fit.logTheta, hessianLogTheta: fit.hessianLogTheta },
    });
    for (let k = 0; k < curve.values.length; k++) {
      const fresh = fitHyperparameters(moved(data, 'y', index, curve.values[k]!), { rule });
      for (let i = 0; i < 3; i++) {
        expect(curve.logTheta[i as 0 | 1 | 2][k]).toBeCloseTo(fresh.logTheta[i]!, 8);
      }
    }
    for (let i = 0; i < 3; i++) {
      const row = curve.logTheta[i as 0 | 1 | 2];
      // The five-point central difference of the refits (error O(h⁴)).
      const tangent = (8 * (row[3]! - row[1]!) - (row[4]! - row[0]!)) / (12 * h);
      const derivative = sensitivities.dLogTheta_dy[i as 0 | 1 | 2][index]!;
      expect(Math.abs(tangent - derivative)).toBeLessThan(1e-6 * Math.max(1, Math.abs(derivative)));
      expect(curve.slope![i]).toBeCloseTo(derivative, 12);
    }
  });

  it('differs from the likelihood’s curve', () => {
    const index = 6;
    const { values, centre } = curveSampleValues(data.y[index]!, 0.5, 2, [-10, 10]);
    const byRule = responseCurve(data, { rule, index, axis: 'y', values, centre });
    const byLikelihood = responseCurve(data, { index, axis: 'y', values, centre });
    expect(byRule.branch.every((branch) => branch >= 0)).toBe(true);
    const gap = Math.max(
      ...[0, 1, 2].map((i) =>
        Math.abs(
          byRule.logTheta[i as 0 | 1 | 2][centre]! - byLikelihood.logTheta[i as 0 | 1 | 2][centre]!,
        ),
      ),
    );
    expect(gap).toBeGreaterThan(1e-3);
  });
});
