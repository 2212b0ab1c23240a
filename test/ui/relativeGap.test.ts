/**
 * How far a drag's first-order prediction is from the refit, as the readout and the "Prediction
 * vs refit" panel say it: the same for a prediction too small as for one too large.
 */
import { describe, expect, it } from 'vitest';
import { formatApart, relativeGap } from '../../src/ui/panels/responseCurveGeometry';

describe('the gap between prediction and refit', () => {
  it('is symmetric: ten times too small reads as ten times too large', () => {
    const low = relativeGap(Math.log(0.531 / 5.27));
    const high = relativeGap(Math.log(5.27 / 0.531));
    expect(low).toBeCloseTo(high, 12);
    expect(low).toBeCloseTo(5.27 / 0.531 - 1, 12);
    expect(formatApart(low)).toBe('×9.9');
    // Small gaps read as before, in percent.
    expect(formatApart(relativeGap(Math.log(2.291 / 2.285)))).toBe('< 1 %');
    expect(formatApart(relativeGap(Math.log(1.03)))).toBe('3.0 %');
    expect(relativeGap(Number.NaN)).toBeNaN();
  });
});
