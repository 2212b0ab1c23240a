/**
 * Derived views of the store for rendering. Each selector is memoised on the identity of its
 * inputs, so React re-renders only when what it shows has changed.
 */
import { NEAR_TIE_GAP } from '../engine/near-tie';
import { hyperparametersFromLog } from '../engine/predict';
import { HYPERPARAMETER_NAMES, type Hyperparameters, type LogTheta } from '../engine/types';
import type { FixedThetaFit } from '../worker/shared/protocol';
import { arrowVector, type ArrowScale, type ArrowVector } from './arrowScale';
import type { Point } from './domain';
import type { ExplorerState, LandscapePosition } from './types';

/**
 * Remembers the last inputs and output per store (keyed on `storeKey`, weakly, so a disposed
 * widget's cache goes with it); recomputes only when an input changed identity.
 */
function memoise<const Inputs extends readonly unknown[], Output>(
  inputs: (state: ExplorerState) => Inputs,
  compute: (...args: Inputs) => Output,
): (state: ExplorerState) => Output {
  const cache = new WeakMap<object, { inputs: Inputs; output: Output }>();
  return (state) => {
    const next = inputs(state);
    const hit = cache.get(state.storeKey);
    if (hit && next.every((value, i) => Object.is(value, hit.inputs[i]))) return hit.output;
    const output = compute(...next);
    cache.set(state.storeKey, { inputs: next, output });
    return output;
  };
}

/**
 * `shown`: arrows drawn in colour; `caution`: drawn, with a warning; `untrusted`: drawn grey;
 * `hidden`: not drawn (sensitivities undefined or the fit failed); `waiting`: no result yet for
 * the current set of points.
 */
export type ArrowStatus = 'shown' | 'caution' | 'untrusted' | 'hidden' | 'waiting';

export interface ArrowDatum {
  index: number;
  /** ∂ log θ̂ / ∂yᵢ of the chosen hyperparameter. */
  sensitivityY: number;
  /** ∂ log θ̂ / ∂xᵢ (0 for vertical arrows). */
  sensitivityX: number;
  vector: ArrowVector;
}

export interface ArrowsView {
  status: ArrowStatus;
  /** Why the arrows are not plainly trustworthy (empty when `shown`). */
  reasons: readonly string[];
  arrows: readonly ArrowDatum[];
  scale: ArrowScale | null;
  /**
   * The answer is for data that has since changed and a refit is overdue (`isStale`): whatever is
   * drawn belongs to other points, so it is greyed and marked as refitting, never shown as current.
   */
  stale: boolean;
}

/**
 * Whether the answer on screen (θ̂, arrows, band) is out of date: the data changed more than a
 * frame budget ago and no newer answer has come (staleness.ts). One concept for the explorer and
 * the widget alike.
 */
export const isStale = (s: ExplorerState): boolean => s.refitting;

export const selectArrows = memoise(
  (s: ExplorerState) =>
    [
      s.analysis,
      s.failure,
      s.structureVersion,
      s.options.hyperparameter,
      s.options.arrowMode,
      s.arrowScale,
      s.refitting,
      s.options.rule,
    ] as const,
  (analysis, failure, structureVersion, hyperparameter, mode, scale, stale, rule): ArrowsView => {
    // A success clears `failure`, so a failure present is newer than any analysis.
    if (failure) {
      return { status: 'hidden', reasons: [failure.result.message], arrows: [], scale, stale };
    }
    // An answer by another rule (the reader just switched) is not these arrows: wait for its own.
    if (
      !analysis ||
      analysis.structureVersion !== structureVersion ||
      analysis.result.rule !== rule
    ) {
      return { status: 'waiting', reasons: [], arrows: [], scale, stale: false };
    }
    const { sensitivities, diagnostics } = analysis.result;
    if (!sensitivities.defined)
      return { status: 'hidden', reasons: [sensitivities.reason], arrows: [], scale, stale };
    if (!scale) return { status: 'waiting', reasons: [], arrows: [], scale, stale: false };
    const row = HYPERPARAMETER_NAMES.indexOf(hyperparameter);
    const alongY = sensitivities.dLogTheta_dy[row];
    const alongX = sensitivities.dLogTheta_dx[row];
    const arrows: ArrowDatum[] = [];
    alongY?.forEach((dy, index) => {
      const dx = mode === 'vector' ? (alongX?.[index] ?? Number.NaN) : 0;
      const vector = arrowVector(dx, dy, scale.reference);
      if (vector) arrows.push({ index, sensitivityY: dy, sensitivityX: dx, vector });
    });
    const status: ArrowStatus =
      diagnostics.trust === 'untrusted'
        ? 'untrusted'
        : diagnostics.trust === 'caution'
          ? 'caution'
          : 'shown';
    return { status, reasons: diagnostics.reasons, arrows, scale, stale };
  },
);

/**
 * The points to draw (ui/plot/useShownPoints.ts): the newest answer's while it is fresh, else the
 * store's own. One value of stable identity, so a move whose refit has not landed yet (the store
 * holds the moved points for a moment first, within the same task) changes nothing drawn.
 */
export function selectShownPoints(s: ExplorerState): readonly Point[] {
  const answered =
    s.analysis && s.analysis.structureVersion === s.structureVersion && !s.refitting
      ? s.analysis.points
      : null;
  return answered !== null && answered.length === s.points.length ? answered : s.points;
}

/** The refitted θ̂ beside the first-order prediction for the dragged point's current position. */
export interface PredictionView {
  index: number;
  /** Displacement of the point from where the drag began, in data units. */
  delta: Point;
  /** exp(log θ̂₀ + ∂ log θ̂/∂yᵢ Δy + ∂ log θ̂/∂xᵢ Δx), component-wise. */
  predicted: Hyperparameters;
  refit: Hyperparameters;
  /** log(predicted / refit) per hyperparameter: where it grows, the linearisation breaks. */
  logGap: LogTheta;
}

export const selectPrediction = memoise(
  (s: ExplorerState) => [s.drag, s.analysis, s.structureVersion] as const,
  (drag, analysis, structureVersion): PredictionView | null => {
    if (
      !drag?.baseline ||
      !drag.moved ||
      !analysis ||
      analysis.structureVersion !== structureVersion
    )
      return null;
    const position = analysis.points[drag.index];
    if (!position) return null;
    const delta = { x: position.x - drag.start.x, y: position.y - drag.start.y };
    const { logTheta, dLogTheta_dx, dLogTheta_dy } = drag.baseline;
    const predictedLog = logTheta.map(
      (value, k) => value + (dLogTheta_dy[k] ?? 0) * delta.y + (dLogTheta_dx[k] ?? 0) * delta.x,
    ) as LogTheta;
    const refitLog = analysis.result.logTheta;
    return {
      index: drag.index,
      delta,
      predicted: hyperparametersFromLog(predictedLog),
      refit: analysis.result.theta,
      logGap: predictedLog.map((value, k) => value - (refitLog[k] ?? Number.NaN)) as LogTheta,
    };
  },
);

/**
 * Where the dragged point is on its response curve: its current coordinate and the live refit
 * log θ̂ there. Only while (and after) a drag of the curve's own point from the data the curve
 * was computed for; null otherwise.
 */
export interface CurveMarker {
  value: number;
  liveLogTheta: LogTheta;
}

export const selectCurveMarker = memoise(
  (s: ExplorerState) => [s.drag, s.analysis, s.curve, s.structureVersion] as const,
  (drag, analysis, curve, structureVersion): CurveMarker | null => {
    if (!drag || !curve?.curve || !analysis || analysis.structureVersion !== structureVersion)
      return null;
    if (drag.index !== curve.index || drag.startPoints !== curve.shownFor) return null;
    const position = analysis.points[drag.index];
    if (!position) return null;
    return { value: position[curve.axis], liveLogTheta: analysis.result.logTheta };
  },
);

/**
 * The runner-up maximum of the current fit, if the search found one: its θ, how far below θ̂ its
 * likelihood is, and where it sits in the landscape's coordinates (ℓ, σn²/σf²) — for drawing both
 * explanations of a near tie.
 */
export interface RunnerUpView {
  theta: Hyperparameters;
  lmlGap: number;
  lengthscale: number;
  noiseRatio: number;
  /** True when it is close enough to θ̂ in likelihood that the page calls it a near tie. */
  nearTie: boolean;
}

export const selectRunnerUp = memoise(
  (s: ExplorerState) => [s.analysis] as const,
  (analysis): RunnerUpView | null => {
    const runnerUp = analysis?.result.diagnostics.runnerUp;
    if (!runnerUp) return null;
    const { theta, lmlGap } = runnerUp;
    return {
      theta,
      lmlGap,
      lengthscale: theta.lengthscale,
      noiseRatio: (theta.noiseStd / theta.signalStd) ** 2,
      nearTie: lmlGap < NEAR_TIE_GAP,
    };
  },
);

/** The θ set by hand on the landscape, and its fit once the answer for it has arrived. */
export interface ManualFitView {
  place: LandscapePosition;
  /** Null while the answer for this place is on its way. */
  fit: FixedThetaFit | null;
  /**
   * log p(y | X, θ) − log p(y | X, θ̂) in nats: how much less likely the data are under this θ
   * (negative; e^−change is the factor). Null with `fit`.
   */
  change: number | null;
}

export const selectManualFit = memoise(
  (s: ExplorerState) => [s.manualTheta, s.analysis] as const,
  (place, analysis): ManualFitView | null => {
    if (!place) return null;
    const answer = analysis?.result.atFixedTheta ?? null;
    const matches =
      answer !== null &&
      answer.place.lengthscale === place.lengthscale &&
      answer.place.noiseRatio === place.noiseRatio;
    return {
      place,
      fit: matches ? answer : null,
      change: matches && analysis ? answer.lml - analysis.result.lml : null,
    };
  },
);
