import { describe, expect, it } from 'vitest';
import type { ResponseCurve } from '../../src/engine/response-curve';
import { translator } from '../../src/i18n/messages';
import { caption } from '../../src/ui/panels/responseCurveCaption';
import { jumpsOf } from '../../src/ui/panels/responseCurveGeometry';

/** A curve of ℓ̂ over nine values of y, with a slope of 0.1 and θ̂ jumping where `branch` changes. */
function curveWith(branch: number[]): ResponseCurve {
  const values = Float64Array.from({ length: 9 }, (_, k) => -2 + 0.25 * k);
  const row = (level: (k: number) => number) => Float64Array.from(values, (_, k) => level(k));
  return {
    index: 8,
    axis: 'y',
    values,
    centre: 1,
    logTheta: [row((k) => 0.1 * values[k]! + branch[k]!), row(() => 0), row(() => -1)],
    lml: row(() => -10),
    trust: Array.from(values, () => 'trusted' as const),
    branch: Int32Array.from(branch),
    slope: [0.1, 0, 0],
    refits: { total: 9, cold: 0 },
  } as unknown as ResponseCurve;
}

describe('the response curve caption', () => {
  it('names a lone jump, and the nearest of several as such with their count', () => {
    const tr = translator('en');
    const one = curveWith([0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(jumpsOf(one, 0)).toHaveLength(1);
    expect(caption(one, 'lengthscale', 'y', tr)).toContain(
      'At y ≈ −1.13 ℓ jumps to another maximum',
    );
    const two = curveWith([0, 0, 0, 0, 1, 1, 1, 2, 2]);
    expect(jumpsOf(two, 0)).toHaveLength(2);
    const text = caption(two, 'lengthscale', 'y', tr);
    expect(text).toContain('Of the 2 jumps marked, the nearest is at y ≈ −1.13');
    expect(caption(two, 'lengthscale', 'y', translator('es'))).toContain(
      'De los 2 saltos marcados, el más cercano está en y ≈ −1,13',
    );
  });
});
