/**
 * One stated scale for every arrow. An arrow one unit of y long stands for a sensitivity of
 * `reference` (a round 1-2-5 number) in d log θ̂ / dyᵢ, per unit of y. The scale is chosen once
 * for a dataset and kept during drags, and after an edit for as long as it still fits the arrows
 * (`keepsReference`), so arrows compare between points and over time. Arrows longer than
 * `ARROW_CAP` reference lengths are drawn at the cap and marked as capped.
 */
import type { HyperparameterName, SelectionRule } from '../engine/types';
import type { ArrowMode } from './options';

export interface ArrowScale {
  hyperparameter: HyperparameterName;
  mode: ArrowMode;
  /** The sensitivity drawn as an arrow one unit of the data's axis long. */
  reference: number;
  /**
   * The second rule whose arrows were drawn beside these when the scale was chosen ("compare
   * rules"): the scale is fitted to both rules' arrows at once, so neither set crowds the plot.
   */
  compareRule?: SelectionRule | null;
  /**
   * The rule whose arrows the scale was last fitted to: after a switch of rule it is kept while
   * it fits the new rule's arrows too (`keepsReference`), like after an edit.
   */
  rule?: SelectionRule;
}

/** Longest arrow drawn, in reference lengths (data units). */
export const ARROW_CAP = 2;

/**
 * How far above the 80th percentile's reference the scale may go so that the longest arrow fits:
 * one step of the 1-2-5 ladder (×2 or ×2.5; the next is ×4, so 2.6 also absorbs rounding).
 * Farther, the typical arrows would shrink to specks.
 */
const FIT_LONGEST_LIMIT = 2.6;

/** Smallest 1-2-5 number ≥ `value` (value > 0). */
export function niceCeiling(value: number): number {
  const exponent = Math.floor(Math.log10(value));
  const base = 10 ** exponent;
  for (const step of [1, 2, 5, 10]) {
    // The tolerance keeps exact round values (0.2, 5) from rounding up to the next step.
    if (value <= step * base * (1 + 1e-9)) return step * base;
  }
  return 10 * base;
}

/**
 * The reference for a set of sensitivities. Start from the 1-2-5 ceiling of the 80th percentile
 * of their finite magnitudes, so most arrows are at most one unit long; where one step up the
 * ladder lets the longest arrow fit under the cap, take that step, so that no arrow is capped and
 * the longest one shows how much longer it is (an outlier's pull, a point beside a gap). Only an
 * arrow more than a step beyond is drawn at the cap. Falls back to 1 when no value is usable.
 */
export function chooseReference(values: Iterable<number>): number {
  const magnitudes = [...values]
    .filter(Number.isFinite)
    .map(Math.abs)
    .filter((v) => v > 0);
  if (magnitudes.length === 0) return 1;
  magnitudes.sort((a, b) => a - b);
  const percentile =
    magnitudes[Math.min(magnitudes.length - 1, Math.floor(0.8 * magnitudes.length))];
  const typical = niceCeiling(percentile ?? 1);
  const fitsLongest = niceCeiling(magnitudes[magnitudes.length - 1]! / ARROW_CAP);
  return fitsLongest <= FIT_LONGEST_LIMIT * typical ? Math.max(fitsLongest, typical) : typical;
}

/** Whether two scales are the same in every field (absent and null compared rules alike). */
export function sameArrowScale(a: ArrowScale | null, b: ArrowScale | null): boolean {
  return (
    a?.reference === b?.reference &&
    a?.hyperparameter === b?.hyperparameter &&
    a?.mode === b?.mode &&
    (a?.compareRule ?? null) === (b?.compareRule ?? null) &&
    a?.rule === b?.rule
  );
}

/**
 * Whether `current` still fits arrows of these lengths after an edit, so that the scale need not
 * change under the reader's eyes: it is within a step of the ladder of the fresh choice
 * (`chooseReference`), so no arrow shrinks to a speck, and it caps at most one arrow more than the
 * fresh choice would and at most a fifth of them (capped arrows are marked so). A change of the
 * 80th percentile across a 1-2-5 boundary, or one arrow growing past the cap, then leaves the
 * scale as it was.
 */
export function keepsReference(current: number, values: Iterable<number>): boolean {
  const magnitudes = [...values].filter(Number.isFinite).map(Math.abs);
  const fresh = chooseReference(magnitudes);
  const ratio = current / fresh;
  if (!(ratio <= FIT_LONGEST_LIMIT && ratio >= 1 / FIT_LONGEST_LIMIT)) return false;
  const capped = (reference: number) =>
    magnitudes.filter((value) => value > ARROW_CAP * reference * (1 + 1e-9)).length;
  const cappedNow = capped(current);
  return cappedNow <= capped(fresh) + 1 && cappedNow <= magnitudes.length / 5;
}

/** An arrow in data units: components along x and y, and whether it was shortened to the cap. */
export interface ArrowVector {
  dx: number;
  dy: number;
  capped: boolean;
}

/**
 * The arrow for sensitivities (∂/∂xᵢ, ∂/∂yᵢ) at a given reference. Null if either is not finite
 * (nothing is drawn rather than a NaN).
 */
export function arrowVector(
  sensitivityX: number,
  sensitivityY: number,
  reference: number,
): ArrowVector | null {
  if (!Number.isFinite(sensitivityX) || !Number.isFinite(sensitivityY) || !(reference > 0))
    return null;
  const dx = sensitivityX / reference;
  const dy = sensitivityY / reference;
  const length = Math.hypot(dx, dy);
  if (length <= ARROW_CAP) return { dx, dy, capped: false };
  const shrink = ARROW_CAP / length;
  return { dx: dx * shrink, dy: dy * shrink, capped: true };
}
