/**
 * One insight request (protocol.ts, `InsightRequest`) being computed a stage at a time — the fit,
 * every point's influence, the new-point pull map, the refit with an added point — so the worker
 * can answer analyses between stages, as with the response curve (curveJob.ts). The fit is
 * polished from the one shown, so the numbers describe the same maximum as the arrows.
 */
import {
  createInfluenceShared,
  fitHyperparameters,
  KERNEL_NAMES,
  localMaxima,
  sameRuleOptions,
  newPointPullMap,
  pointInfluence,
  refitWithAddedPoint,
  SELECTION_RULES,
  validateDataset,
} from '../../engine';
import { failureOf } from './jobFailure';
import type { Dataset, FitOptions, FitResult, LocalMaximum } from '../../engine';
import type {
  InfluenceRow,
  InsightResult,
  InsightSuccess,
  SequencedInsightRequest,
} from '../shared/protocol';

/** Most cells of a pull map a request may ask for. */
export const MAX_PULL_MAP_CELLS = 16_384;

/** A precise description of what is wrong with an insight request, or null when it is usable. */
export function insightRequestProblem(request: SequencedInsightRequest): string | null {
  if (!KERNEL_NAMES.includes(request.kernel)) {
    return `unknown kernel "${String(request.kernel)}"; use one of ${KERNEL_NAMES.join(', ')}`;
  }
  if (!SELECTION_RULES.includes(request.rule)) {
    return `unknown rule "${String(request.rule)}"; use one of ${SELECTION_RULES.join(', ')}`;
  }
  const map = request.pullMap;
  if (map !== null) {
    const cells = map.xs.length * map.ys.length;
    if (cells === 0 || cells > MAX_PULL_MAP_CELLS) {
      return `the pull map needs between 1 and ${MAX_PULL_MAP_CELLS} cells, got ${cells}`;
    }
  }
  const added = request.addedPoint;
  if (added !== null && !(Number.isFinite(added.x) && Number.isFinite(added.y))) {
    return `the added point needs finite x and y, got (${added.x}, ${added.y})`;
  }
  return null;
}

export interface InsightJob {
  readonly seq: number;
  /** Computes stages for about `budgetMs` (at least one); the answer once finished, else null. */
  run(budgetMs: number): InsightResult | null;
}

/** `maxima`: the full data's local maxima, which every removal refit also starts from. */
type Stage = 'fit' | 'maxima' | 'influence' | 'pullMap' | 'addedPoint';

export function startInsightJob(
  request: SequencedInsightRequest,
  now: () => number = () => performance.now(),
): InsightJob {
  const received = now();
  const { seq } = request;
  let answer: InsightResult | null = null;
  const problem = insightRequestProblem(request);
  if (problem !== null) answer = { seq, ok: false, code: 'invalid-request', message: problem };

  let data: Dataset | null = null;
  let fit: FitResult | null = null;
  const partial: Omit<InsightSuccess, 'logTheta' | 'timingMs'> = {
    seq,
    ok: true,
    influence: null,
    pullMap: null,
    addedPoint: null,
  };
  const timing = { fit: 0, influence: 0, pullMap: 0, addedPoint: 0, total: 0 };
  const stages: Stage[] = ['fit'];
  // The quick answer refits each reduced dataset from θ̂ alone (warm starts): its continuation,
  // what the jackknife estimates. The global check adds the full data's other maxima and a cold
  // fit per point, which catch a jump to another maximum.
  if (request.influence)
    stages.push(...(request.globalCheck ? (['maxima'] as const) : []), 'influence');
  let maxima: LocalMaximum[] = [];
  // The infinitesimal jackknife once, and one set of buffers for every removal refit.
  const shared = createInfluenceShared();
  const rows: InfluenceRow[] = [];
  if (request.pullMap) stages.push('pullMap');
  if (request.addedPoint) stages.push('addedPoint');

  const runStage = (stage: Stage): void => {
    if (stage === 'fit') {
      data = validateDataset(request.x, request.y);
      const options: FitOptions = {
        kernel: request.kernel,
        rule: request.rule,
        ...(request.rule === 'map' && request.prior ? { prior: request.prior } : {}),
        ...(request.start ? { starts: [request.start] } : {}),
      };
      fit = fitHyperparameters(data, options);
    } else if (stage === 'maxima') {
      maxima = localMaxima(data!, sameRuleOptions(fit!));
    } else if (stage === 'influence') {
      // One point per stage, so a slice ends between refits and an analysis need not wait.
      const globalCheck = request.globalCheck === true;
      const result = pointInfluence(data!, fit!, {
        maxima,
        indices: [rows.length],
        shared,
        coldCheck: globalCheck,
      });
      const point = result.points[0]!;
      const { index, removal, linearRemoval, status } = point;
      rows.push({ index, removal, linearRemoval, status });
      if (rows.length < data!.x.length) stages.unshift('influence');
      // Undefined exactly when the fit is untrusted: its reasons say why, in any language.
      else
        partial.influence = {
          rows,
          reasons: result.infinitesimalReason === null ? null : fit!.diagnostics.keyedReasons,
          globalCheck,
        };
    } else if (stage === 'pullMap') {
      const map = newPointPullMap(data!, fit!, request.pullMap!);
      partial.pullMap = map.defined
        ? { defined: true, xs: map.xs, ys: map.ys, dLogTheta_dw: map.dLogTheta_dw }
        : { defined: false, reasons: fit!.diagnostics.keyedReasons };
    } else {
      const refit = refitWithAddedPoint(data!, fit!, request.addedPoint!);
      partial.addedPoint = {
        ...request.addedPoint!,
        delta: refit.delta,
        predictedDelta: refit.predictedDelta,
        status: refit.status,
      };
    }
  };

  return {
    seq,
    run(budgetMs) {
      if (answer) return answer;
      const started = now();
      try {
        while (stages.length > 0) {
          const stage = stages.shift()!;
          const stageStart = now();
          runStage(stage);
          timing[stage === 'maxima' ? 'influence' : stage] += now() - stageStart;
          if (stages.length > 0 && now() - started >= budgetMs) return null;
        }
        timing.total = now() - received;
        answer = { ...partial, logTheta: fit!.logTheta, timingMs: timing };
      } catch (error) {
        answer = failureOf(seq, error);
      }
      return answer;
    },
  };
}
