import { describe, expect, it } from 'vitest';
import type { ResponseCurve } from '../../src/engine/response-curve';
import { translator } from '../../src/i18n/messages';
import { caption } from '../../src/ui/panels/responseCurveCaption';
import { jumpsOf, largestJump } from '../../src/ui/panels/responseCurveGeometry';

/**
 * A curve of ℓ̂ over nine values of y, with a slope of 0.1 and θ̂ jumping where `branch` changes:
 * log ℓ̂ = 0.1 y + level (the branch's number unless `level` is given).
 */
function curveWith(branch: number[], level: number[] = branch): ResponseCurve {
  const values = Float64Array.from({ length: 9 }, (_, k) => -2 + 0.25 * k);
  const row = (level: (k: number) => number) => Float64Array.from(values, (_, k) => level(k));
  return {
    index: 8,
    axis: 'y',
    values,
    centre: 1,
    logTheta: [row((k) => 0.1 * values[k]! + level[k]!), row(() => 0), row(() => -1)],
    lml: row(() => -10),
    trust: Array.from(values, () => 'trusted' as const),
    branch: Int32Array.from(branch),
    slope: [0.1, 0, 0],
    refits: { total: 9, cold: 0 },
  } as unknown as ResponseCurve;
}

describe('the response curve caption', () => {
  it('names a lone jump with the values θ̂ jumps between', () => {
    const one = curveWith([0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(jumpsOf(one, 0)).toHaveLength(1);
    // log ℓ̂ = 0.1 y + branch: from e^(0.1·(−1.25)) = 0.882 to e^(0.1·(−1) + 1) = 2.46.
    expect(caption(one, 'lengthscale', 'y', translator('en'))).toContain(
      'At y ≈ −1.13 ℓ jumps from 0.882 to 2.46, to another maximum no tangent foresees.',
    );
    expect(caption(one, 'lengthscale', 'y', translator('es'))).toContain(
      'En y ≈ −1,13, ℓ salta de 0,882 a 2,46: otro máximo',
    );
  });

  it('names the largest of several jumps, not the nearest', () => {
    // The nearer jump (the curve's centre is at y = −1.75) changes log ℓ̂ by 0.2, the farther by 3.
    const curve = curveWith([0, 0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 0, 0, 0.2, 0.2, 0.2, 3.2, 3.2]);
    expect(jumpsOf(curve, 0)).toHaveLength(2);
    expect(caption(curve, 'lengthscale', 'y', translator('en'))).toContain(
      'The largest of 2 jumps, at y ≈ −0.38: ℓ 1.16 → 23.9, another maximum',
    );
    expect(caption(curve, 'lengthscale', 'y', translator('es'))).toContain(
      'El mayor de 2 saltos, en y ≈ −0,38: ℓ 1,16 → 23,9;',
    );
    // The larger jump nearer: still the one named.
    const nearer = curveWith([0, 0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 0, 0, 3, 3, 3, 3.2, 3.2]);
    expect(caption(nearer, 'lengthscale', 'y', translator('en'))).toContain(
      'The largest of 2 jumps, at y ≈ −1.13: ℓ 0.882 → 18.2',
    );
  });
});

describe('the jump a move crossed', () => {
  it('is the largest strictly between the two values, in either order, or none', () => {
    // Jumps at y = −1.125 (log ℓ̂ +0.2) and y = −0.375 (+3).
    const curve = curveWith([0, 0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 0, 0, 0.2, 0.2, 0.2, 3.2, 3.2]);
    expect(largestJump(curve, 0, [-1.75, -0.75])?.value).toBe(-1.125);
    expect(largestJump(curve, 0, [-0.75, -1.75])?.value).toBe(-1.125);
    expect(largestJump(curve, 0, [-1.75, 0])?.value).toBe(-0.375);
    expect(largestJump(curve, 0, [-0.25, 0])).toBeNull();
    expect(largestJump(curve, 0, [-1.125, -0.5])).toBeNull();
  });
});
