import { describe, expect, it } from 'vitest';
import {
  ARROW_CAP,
  arrowVector,
  chooseReference,
  keepsReference,
  niceCeiling,
} from '../../src/state/arrowScale';

describe('arrow scale', () => {
  it('rounds up to 1-2-5 numbers and keeps exact ones', () => {
    expect(niceCeiling(0.13)).toBeCloseTo(0.2, 15);
    expect(niceCeiling(0.2)).toBeCloseTo(0.2, 15);
    expect(niceCeiling(0.21)).toBeCloseTo(0.5, 15);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(3e-4)).toBeCloseTo(5e-4, 18);
  });

  it('chooses the reference from the 80th percentile, one step higher if the longest then fits', () => {
    const values = [
      0.01,
      -0.02,
      0.03,
      0.04,
      -0.05,
      0.06,
      0.07,
      -0.08,
      0.3,
      40,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ];
    // Finite magnitudes sorted: 10 values, 80th percentile index 8 → 0.3 → 0.5.
    expect(chooseReference(values)).toBeCloseTo(0.5, 15);
    expect(chooseReference([])).toBe(1);
    // One step of the ladder lets the longest fit under the cap: 0.3 → 0.5, but 1.5 / 2 → 1.
    expect(chooseReference([...values.slice(0, 9), 1.5])).toBe(1);
    // Two steps would shrink the rest: 40 stays capped at 0.5 (above); so does 3 (3 / 2 → 2).
    expect(chooseReference([...values.slice(0, 9), 3])).toBeCloseTo(0.5, 15);
    expect(chooseReference([0, Number.NaN])).toBe(1);
  });

  it('draws an arrow in reference units, capped and marked beyond the cap', () => {
    expect(arrowVector(0, -0.25, 0.5)).toEqual({ dx: 0, dy: -0.5, capped: false });
    const capped = arrowVector(3, 4, 0.5);
    expect(capped?.capped).toBe(true);
    expect(Math.hypot(capped?.dx ?? 0, capped?.dy ?? 0)).toBeCloseTo(ARROW_CAP, 12);
    expect((capped?.dy ?? 0) / (capped?.dx ?? 1)).toBeCloseTo(4 / 3, 12);
    expect(arrowVector(Number.NaN, 1, 1)).toBeNull();
    expect(arrowVector(0, Number.POSITIVE_INFINITY, 1)).toBeNull();
    expect(arrowVector(0, 1, 0)).toBeNull();
  });

  it('keeps a scale within a step of the fresh choice that caps at most one arrow more', () => {
    const values = [0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, -0.15];
    expect(chooseReference(values)).toBeCloseTo(0.1, 15);
    // One step coarser (0.2) is kept; so is one finer (0.05), which caps only the longest arrow
    // (3 units long there, 1.5 at the fresh 0.1): one arrow more than the fresh scale caps.
    expect(keepsReference(0.2, values)).toBe(true);
    expect(keepsReference(0.05, values)).toBe(true);
    // Two more capped arrows are one too many (the fresh scale is still 0.1 here).
    const twoLong = [...values.slice(0, 9), 0.09, 0.15, -0.15];
    expect(chooseReference(twoLong)).toBeCloseTo(0.1, 15);
    expect(keepsReference(0.05, twoLong)).toBe(false);
    // Two steps coarser shrinks every arrow past reading.
    expect(keepsReference(0.5, values)).toBe(false);
    // A finer scale that caps nothing more is kept: the arrows grow, none past the cap.
    expect(keepsReference(0.05, values.slice(0, 9))).toBe(true);
    expect(keepsReference(0.02, values.slice(0, 9))).toBe(false);
    // NaN and infinite values are ignored, as by chooseReference.
    expect(keepsReference(0.2, [...values, Number.NaN, Number.POSITIVE_INFINITY])).toBe(true);
  });
});
