/**
 * How a compute result changes the store: pure functions from (state, result, request) to the
 * fields that change. Kept apart from the store so the rules can be read and tested alone.
 */
import type {
  HyperparameterName,
  HyperparameterPrior,
  KernelName,
  LogTheta,
  SelectionRule,
} from '../engine/types';
import { HYPERPARAMETER_NAMES } from '../engine/types';
import type { AnalysisResult, AnalysisSuccess } from '../worker/shared/protocol';
import { chooseReference, keepsReference, type ArrowScale } from './arrowScale';
import type { Point } from './domain';
import type { DragBaseline, ExplorerData, LandscapePosition } from './types';

/** What the store remembers about a request until its answer arrives. */
export interface RequestRecord {
  points: readonly Point[];
  kernel: KernelName;
  structureVersion: number;
  /** The `map` prior in force when it was sent (compare by reference). */
  prior: HyperparameterPrior;
  landscape: boolean;
  finiteDifferenceIndex: number | null;
  /** When the data first changed after this request (staleness.ts); null while current. */
  supersededAt: number | null;
}

/** θ̂ in landscape coordinates: (ℓ, σn²/σf²). */
export function landscapePosition(result: AnalysisSuccess): LandscapePosition {
  const { lengthscale, signalStd, noiseStd } = result.theta;
  return { lengthscale, noiseRatio: (noiseStd / signalStd) ** 2 };
}

/** Column `index` of the log-sensitivities, or null when they are undefined or not finite. */
export function baselineFor(result: AnalysisSuccess, index: number): DragBaseline | null {
  const { sensitivities } = result;
  if (!sensitivities.defined) return null;
  const column = ([lengthscale, signal, noise]: readonly Float64Array[]): LogTheta | null => {
    const values = [lengthscale?.[index], signal?.[index], noise?.[index]];
    const [a, b, c] = values;
    return a !== undefined && b !== undefined && c !== undefined && values.every(Number.isFinite)
      ? [a, b, c]
      : null;
  };
  const dLogTheta_dy = column(sensitivities.dLogTheta_dy);
  const dLogTheta_dx = column(sensitivities.dLogTheta_dx);
  if (!dLogTheta_dy || !dLogTheta_dx) return null;
  return { logTheta: [...result.logTheta], dLogTheta_dy, dLogTheta_dx };
}

/**
 * The arrows' lengths in sensitivities: |∂/∂yᵢ|, or |(∂/∂xᵢ, ∂/∂yᵢ)| for vectors, so the cap
 * counts arrows.
 */
function arrowLengths(
  sensitivities: AnalysisSuccess['sensitivities'],
  row: number,
  mode: ArrowScale['mode'],
): number[] {
  if (!sensitivities.defined) return [];
  const alongY = sensitivities.dLogTheta_dy[row] ?? new Float64Array(0);
  const alongX = sensitivities.dLogTheta_dx[row] ?? new Float64Array(0);
  return Array.from(alongY, (dy, i) =>
    mode === 'vector' ? Math.hypot(alongX[i] ?? Number.NaN, dy) : dy,
  );
}

/**
 * An arrow scale fitted to the sensitivities of one hyperparameter in a result, if defined. While
 * a second rule's arrows stand beside them (`compareRule`, when the result carries that rule's
 * answer), it is fitted to both rules' arrows together: one scale, stated in the key, under which
 * neither rule's arrows crowd the plot. Given the `current` scale, it keeps it while it still fits
 * these arrows (`keepsReference`).
 */
export function scaleFor(
  result: AnalysisSuccess,
  hyperparameter: HyperparameterName,
  mode: ArrowScale['mode'],
  compareRule: SelectionRule | null = null,
  current: ArrowScale | null = null,
): ArrowScale | null {
  if (!result.sensitivities.defined) return null;
  const row = HYPERPARAMETER_NAMES.indexOf(hyperparameter);
  const compared = compareRule !== null && result.comparison?.rule === compareRule;
  const lengths = [
    ...arrowLengths(result.sensitivities, row, mode),
    ...(compared ? arrowLengths(result.comparison!.sensitivities, row, mode) : []),
  ];
  const fresh: ArrowScale = {
    hyperparameter,
    mode,
    reference: chooseReference(lengths),
    compareRule: compared ? compareRule : null,
    rule: result.rule,
  };
  const sameArrows =
    current !== null &&
    current.hyperparameter === hyperparameter &&
    current.mode === mode &&
    (current.compareRule ?? null) === fresh.compareRule;
  return sameArrows && keepsReference(current.reference, lengths)
    ? { ...fresh, reference: current.reference }
    : fresh;
}

/** The fields of the store that change when `result`, the answer to `request`, arrives. */
export function applyResult(
  state: ExplorerData,
  result: AnalysisResult,
  request: RequestRecord,
): Partial<ExplorerData> {
  const pendingSeq =
    state.pendingSeq !== null && result.seq >= state.pendingSeq ? null : state.pendingSeq;
  if (!result.ok) return { pendingSeq, failure: { result, points: request.points } };

  const update: Partial<ExplorerData> = {
    pendingSeq,
    failure: null,
    analysis: {
      result,
      points: request.points,
      structureVersion: request.structureVersion,
      prior: request.prior,
    },
  };
  if (result.landscape) {
    const peakLml = Math.max(result.lml, result.landscape.best.lml);
    update.landscape = { grid: result.landscape, points: request.points, peakLml };
  }

  const current = request.structureVersion === state.structureVersion;
  const { options, arrowScale, drag, finiteDifference } = state;
  const scaleStale =
    !arrowScale ||
    arrowScale.hyperparameter !== options.hyperparameter ||
    arrowScale.mode !== options.arrowMode ||
    (arrowScale.compareRule ?? null) !== options.compareRule ||
    (arrowScale.rule ?? result.rule) !== result.rule;
  if (current && scaleStale && result.rule === options.rule) {
    update.arrowScale =
      scaleFor(
        result,
        options.hyperparameter,
        options.arrowMode,
        options.compareRule,
        arrowScale,
      ) ?? arrowScale;
  }

  if (drag && current) {
    const anchors = request.points === drag.startPoints;
    const baseline = drag.baseline ?? (anchors ? baselineFor(result, drag.index) : null);
    const position = landscapePosition(result);
    const last = drag.trail[drag.trail.length - 1];
    const repeated =
      last?.lengthscale === position.lengthscale && last.noiseRatio === position.noiseRatio;
    const trail = repeated ? drag.trail : [...drag.trail, position];
    update.drag = { ...drag, baseline, trail };
  }

  if (
    finiteDifference?.status === 'pending' &&
    request.points === finiteDifference.points &&
    request.finiteDifferenceIndex === finiteDifference.index
  ) {
    update.finiteDifference = {
      ...finiteDifference,
      status: 'done',
      result: result.finiteDifference,
    };
  }
  return update;
}
