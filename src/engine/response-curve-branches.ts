/**
 * The branches of a response curve (see response-curve.ts): each branch is one local maximum of
 * the rule's objective followed across the samples, and θ̂ at a sample is the branch with the
 * highest objective there. These helpers find, extrapolate and choose between branches.
 */
import { NEAR_TIE_GAP } from './diagnostics';
import type { FitResult, LogTheta, Rows3, TrustVerdict } from './types';

/** One refit at one sample of the curve. */
export interface Sample {
  logTheta: LogTheta;
  lml: number;
  /** The rule's objective, which decides between maxima (the likelihood for `ml`). */
  objective: number;
  trust: TrustVerdict;
  fit: FitResult;
}

/** A local maximum followed across the samples: its refit at each sample it reached, else null. */
export type Branch = (Sample | null)[];

/** Two fits closer than this in every log coordinate are the same maximum. */
const SAME_MAXIMUM = 1e-3;
/** Two objectives within this (nats) are a tie, which the lower-numbered branch wins. */
export const LML_TIE = 1e-9;

/** Whether a and b differ by less than `tolerance` in every log coordinate. */
export function closeLogTheta(a: LogTheta, b: LogTheta, tolerance: number): boolean {
  return a.every((value, i) => Math.abs(value - b[i]!) < tolerance);
}

/** The branch that already holds this maximum at sample k, or -1. */
export function findBranch(branches: readonly Branch[], k: number, logTheta: LogTheta): number {
  return branches.findIndex((branch) => {
    const sample = branch[k];
    return sample != null && closeLogTheta(sample.logTheta, logTheta, SAME_MAXIMUM);
  });
}

/**
 * Where a branch is expected at sample `to`, one step from `from`: linear through its sample
 * behind, log θ(to) = log θ(from) + (log θ(from) − log θ(behind)) / (v_from − v_behind) ·
 * (v_to − v_from); without one, along `slope` (the implicit function theorem's d log θ̂/dv, known
 * at the centre) or, lacking that, where it is.
 */
export function extrapolateBranch(
  branch: Branch,
  values: Float64Array,
  from: number,
  direction: 1 | -1,
  to: number,
  slope: LogTheta | null,
): LogTheta {
  const here = branch[from]!;
  const behind = branch[from - direction];
  const delta = values[to]! - values[from]!;
  if (behind) {
    const step = values[from]! - values[from - direction]!;
    return here.logTheta.map(
      (value, i) => value + ((value - behind.logTheta[i]!) / step) * delta,
    ) as LogTheta;
  }
  if (slope) return here.logTheta.map((value, i) => value + slope[i]! * delta) as LogTheta;
  return [...here.logTheta];
}

/**
 * θ̂ at each of the m samples: the branch with the highest objective there (ties to the lower
 * number), its log θ̂, likelihood and verdict — made "caution" where a followed rival lies within
 * NEAR_TIE_GAP, as a fresh fit's diagnostics would say — and which branch it is (-1 and NaN where
 * no branch reached the sample).
 */
export function highestBranchPerSample(
  branches: readonly Branch[],
  m: number,
): { logTheta: Rows3; lml: Float64Array; trust: TrustVerdict[]; branch: Int32Array } {
  const logTheta: Rows3 = [new Float64Array(m), new Float64Array(m), new Float64Array(m)];
  const lml = new Float64Array(m);
  const trust: TrustVerdict[] = [];
  const branch = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    let best = -1;
    branches.forEach((candidate, id) => {
      const sample = candidate[k];
      if (!sample) return;
      const bestSample = best >= 0 ? branches[best]![k]! : null;
      if (!bestSample || sample.objective > bestSample.objective + LML_TIE) best = id;
    });
    const sample = best >= 0 ? branches[best]![k]! : null;
    for (let i = 0; i < 3; i++) logTheta[i as 0 | 1 | 2][k] = sample?.logTheta[i] ?? Number.NaN;
    lml[k] = sample?.lml ?? Number.NaN;
    const rivalled =
      sample !== null &&
      branches.some((other, id) => {
        const rival = other[k];
        return (
          id !== best &&
          rival != null &&
          rival.trust !== 'untrusted' &&
          sample.objective - rival.objective < NEAR_TIE_GAP
        );
      });
    trust.push(
      sample === null
        ? 'untrusted'
        : rivalled && sample.trust === 'trusted'
          ? 'caution'
          : sample.trust,
    );
    branch[k] = best;
  }
  return { logTheta, lml, trust, branch };
}
