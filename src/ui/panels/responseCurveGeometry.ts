/**
 * What the response-curve panel draws and says, computed from a curve: its unbroken stretches
 * (a jump between maxima breaks it), the tangent whose slope is the arrow, the stretch around the
 * current value where the tangent stays within 5 % of the refits, and the plain-words caption.
 */
import type { ResponseCurve } from '../../engine/response-curve';
import { HYPERPARAMETER_NAMES, type HyperparameterName } from '../../engine/types';
import type { Language } from '../../i18n/language';
import { formatFixed, formatNumber } from '../format';

/**
 * The first-order prediction (the tangent) agrees with the refit while they are within this
 * fraction of the refit: the page's one threshold, for the curve's band and the drag's verdict.
 */
export const AGREEMENT = 0.05;

/**
 * How far apart a prediction is from the refit, from log(predicted/refit): the larger over the
 * smaller, less one, e^|log gap| − 1. Symmetric, so that a prediction ten times too small reads
 * "×10" as one ten times too large does (|predicted/refit − 1| would stop short of 100 %).
 */
export function relativeGap(logGap: number): number {
  return Math.expm1(Math.abs(logGap));
}

/** A relative gap for reading: "< 1 %", "2.4 %", "38 %", or a factor "×3.1" beyond doubling. */
export function formatApart(gap: number, language: Language = 'en'): string {
  const percent = 100 * gap;
  if (!Number.isFinite(gap)) return '—';
  if (percent < 1) return '< 1 %';
  if (percent < 10) return `${formatFixed(percent, 1, language)} %`;
  if (gap < 1) return `${formatFixed(percent, 0, language)} %`;
  return `×${formatNumber(1 + gap, 2, language)}`;
}

/** The hyperparameters in the order verdicts list them: the one the arrows show first. */
export function verdictOrder(chosen: HyperparameterName): HyperparameterName[] {
  return [chosen, ...HYPERPARAMETER_NAMES.filter((name) => name !== chosen)];
}

export interface CurvePoint {
  value: number;
  /** θ̂ (not its log) of the shown hyperparameter. */
  theta: number;
  trusted: boolean;
}

/** Row of a hyperparameter in the curve's log θ. */
export function rowOf(hyperparameter: HyperparameterName): 0 | 1 | 2 {
  return HYPERPARAMETER_NAMES.indexOf(hyperparameter) as 0 | 1 | 2;
}

/**
 * The samples as unbroken stretches: consecutive samples on the same maximum with finite θ̂.
 * Between two stretches θ̂ jumps (or could not be fitted), so nothing is drawn there.
 */
export function curveStretches(curve: ResponseCurve, row: 0 | 1 | 2): CurvePoint[][] {
  const stretches: CurvePoint[][] = [];
  let current: CurvePoint[] = [];
  for (let k = 0; k < curve.values.length; k++) {
    const logTheta = curve.logTheta[row][k]!;
    const continues = k > 0 && curve.branch[k] === curve.branch[k - 1];
    if (!continues && current.length > 0) {
      stretches.push(current);
      current = [];
    }
    if (!Number.isFinite(logTheta)) continue;
    current.push({
      value: curve.values[k]!,
      theta: Math.exp(logTheta),
      trusted: curve.trust[k] !== 'untrusted',
    });
  }
  if (current.length > 0) stretches.push(current);
  return stretches;
}

/** A jump of θ̂ between two neighbouring samples on different (strict) maxima. */
export interface Jump {
  /** Midway between the two samples. */
  value: number;
  /** θ̂ of the shown hyperparameter just before and just after. */
  from: number;
  to: number;
}

/** Where θ̂ jumps, in order of the values. */
export function jumpsOf(curve: ResponseCurve, row: 0 | 1 | 2): Jump[] {
  const jumps: Jump[] = [];
  const strict = (k: number) => curve.branch[k]! >= 0 && curve.trust[k] !== 'untrusted';
  for (let k = 1; k < curve.values.length; k++) {
    if (curve.branch[k] !== curve.branch[k - 1] && strict(k) && strict(k - 1)) {
      jumps.push({
        value: (curve.values[k]! + curve.values[k - 1]!) / 2,
        from: Math.exp(curve.logTheta[row][k - 1]!),
        to: Math.exp(curve.logTheta[row][k]!),
      });
    }
  }
  return jumps;
}

/**
 * The jump that changes θ̂ the most (the largest |log(to/from)|), or null; with `between`, only
 * among the jumps strictly between those two values of the curve's coordinate.
 */
export function largestJump(
  curve: ResponseCurve,
  row: 0 | 1 | 2,
  between?: readonly [number, number],
): Jump | null {
  let largest: Jump | null = null;
  const size = (jump: Jump) => Math.abs(Math.log(jump.to / jump.from));
  const low = between ? Math.min(...between) : -Infinity;
  const high = between ? Math.max(...between) : Infinity;
  for (const jump of jumpsOf(curve, row)) {
    if (jump.value <= low || jump.value >= high) continue;
    if (!largest || size(jump) > size(largest)) largest = jump;
  }
  return largest;
}

/**
 * A sample where the fit has no strict maximum (it runs to a boundary or a flat ridge): its value,
 * on which side of the current value it lies, and whether every sample beyond it on that side has
 * none either (`onwards`).
 */
export interface Ridge {
  value: number;
  side: 'below' | 'above';
  onwards: boolean;
}

/** The `Ridge` nearest the current value, or null when the fit has a maximum at every sample. */
export function nearestRidge(curve: ResponseCurve): Ridge | null {
  const current = curve.values[curve.centre]!;
  let nearest: number | null = null;
  curve.trust.forEach((trust, k) => {
    if (
      trust === 'untrusted' &&
      (nearest === null ||
        Math.abs(curve.values[k]! - current) < Math.abs(curve.values[nearest]! - current))
    )
      nearest = k;
  });
  if (nearest === null) return null;
  const at: number = nearest;
  const side = curve.values[at]! < current ? 'below' : 'above';
  const beyond = curve.trust.filter((_, k) => (side === 'below' ? k < at : k > at));
  return {
    value: curve.values[at]!,
    side,
    onwards: beyond.every((trust) => trust === 'untrusted'),
  };
}

/** θ̂ on the tangent at `value`: exp(log θ̂₀ + slope · (value − v₀)); null without a slope. */
export function tangentAt(curve: ResponseCurve, row: 0 | 1 | 2, value: number): number | null {
  const slope = curve.slope?.[row];
  const centre = curve.logTheta[row][curve.centre];
  if (slope === undefined || centre === undefined || !Number.isFinite(centre)) return null;
  return Math.exp(centre + slope * (value - curve.values[curve.centre]!));
}

/**
 * The stretch of values around the current one over which the tangent stays within AGREEMENT
 * of every refit (walking out from the centre until the first sample that parts or jumps).
 * `partsBelow`/`partsAbove` say whether it ended inside the range (true) or at its edge.
 */
export function agreementRange(
  curve: ResponseCurve,
  row: 0 | 1 | 2,
): { from: number; to: number; partsBelow: boolean; partsAbove: boolean } | null {
  if (tangentAt(curve, row, curve.values[curve.centre]!) === null) return null;
  const agrees = (k: number): boolean => {
    const refit = Math.exp(curve.logTheta[row][k]!);
    const predicted = tangentAt(curve, row, curve.values[k]!)!;
    return (
      curve.branch[k] === curve.branch[curve.centre] &&
      Number.isFinite(refit) &&
      Math.abs(predicted - refit) <= AGREEMENT * refit
    );
  };
  let low = curve.centre;
  while (low > 0 && agrees(low - 1)) low--;
  let high = curve.centre;
  while (high < curve.values.length - 1 && agrees(high + 1)) high++;
  return {
    from: curve.values[low]!,
    to: curve.values[high]!,
    partsBelow: low > 0,
    partsAbove: high < curve.values.length - 1,
  };
}

/**
 * The log-scale domain of θ̂ to draw: the samples and any `extra` values (a drag's live refit and
 * prediction), padded, and kept within ×/÷ 30 of the current fit.
 */
export function thetaDomain(
  curve: ResponseCurve,
  row: 0 | 1 | 2,
  extra: readonly number[] = [],
): [number, number] {
  const centre = Math.exp(curve.logTheta[row][curve.centre]!);
  const finite = [...[...curve.logTheta[row]].map(Math.exp), ...extra].filter(
    (value) => Number.isFinite(value) && value > 0,
  );
  if (!Number.isFinite(centre) || finite.length === 0) return [0.1, 10];
  // A curve that runs off to a boundary (ℓ → ∞) would flatten the rest: keep within ×/÷ 30.
  const clamp = (value: number) => Math.min(centre * 30, Math.max(centre / 30, value));
  let low = clamp(Math.min(...finite));
  let high = clamp(Math.max(...finite));
  // At least ×/÷ 1.1 around the centre, so a nearly flat curve is drawn nearly flat.
  low = Math.min(low, centre / 1.1);
  high = Math.max(high, centre * 1.1);
  const pad = Math.pow(high / low, 0.08);
  return [low / pad, high * pad];
}
