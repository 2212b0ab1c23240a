/**
 * The response curve's caption names where the fit has no maximum and on which side: "at y ≈ v
 * and below" only when every sample beyond v on that side has none either.
 */
import { describe, expect, it } from 'vitest';
import type { ResponseCurve } from '../../src/engine/response-curve';
import type { TrustVerdict } from '../../src/engine/types';
import { nearestRidge } from '../../src/ui/panels/responseCurveGeometry';

/** A curve of samples at 0, 0.1, …, centred at `centre`, with the given verdicts. */
function curve(trust: TrustVerdict[], centre: number): ResponseCurve {
  return {
    values: Float64Array.from(trust, (_, k) => k / 10),
    centre,
    trust,
  } as unknown as ResponseCurve;
}

const T: TrustVerdict = 'trusted';
const U: TrustVerdict = 'untrusted';

describe('nearestRidge', () => {
  it('is null when the fit has a maximum at every sample', () => {
    expect(nearestRidge(curve([T, T, T, T], 1))).toBeNull();
  });

  it('names the nearest sample without a maximum, its side, and whether all beyond it agree', () => {
    expect(nearestRidge(curve([U, U, T, T, T], 3))).toEqual({
      value: 0.1,
      side: 'below',
      onwards: true,
    });
    expect(nearestRidge(curve([T, T, T, U, U], 1))).toEqual({
      value: 0.3,
      side: 'above',
      onwards: true,
    });
    // Only the first sample: at it and below, nothing beyond to contradict.
    expect(nearestRidge(curve([U, T, T, T, T], 3))).toEqual({
      value: 0,
      side: 'below',
      onwards: true,
    });
    // A maximum again beyond it: the caption may only say "near".
    expect(nearestRidge(curve([T, U, T, T, T], 3))).toEqual({
      value: 0.1,
      side: 'below',
      onwards: false,
    });
  });
});
