/**
 * The slower questions about the fit on screen — each point's influence, where a new point would
 * pull θ̂, the exact refit with a point added — asked of the compute service only when the data
 * are at rest (after a release, a keyboard move, a new fit) and only while their panel or layer
 * is on, so a drag never waits for them. An answer is kept with the data, kernel and rule it is
 * for; the page shows it only while those are still on screen (`currentInsight`), so a stale
 * answer is never shown as current.
 */
import type { HyperparameterPrior, KernelName, LogTheta, SelectionRule } from '../engine/types';
import type {
  InfluenceRow,
  InsightRequest,
  InsightResult,
  InsightSuccess,
} from '../worker/shared/protocol';

/** One point's influence, as the page shows it. */
export type { InfluenceRow };
/** A pull map with its numbers (the answer's `pullMap` when it is defined). */
export type DefinedPullMap = Extract<NonNullable<InsightSuccess['pullMap']>, { defined: true }>;
import { X_DOMAIN, Y_DOMAIN, type Point } from './domain';
import type { ExplorerData } from './types';

/** The heat map's grid over the plot: columns along x, rows along y (cell centres). */
export const PULL_MAP_GRID = { columns: 60, rows: 36 };

/** The centres of `count` equal cells across `[low, high]`. */
function cellCentres([low, high]: readonly [number, number], count: number): Float64Array {
  const width = (high - low) / count;
  return Float64Array.from({ length: count }, (_, k) => low + width * (k + 0.5));
}

export const PULL_MAP_XS = cellCentres(X_DOMAIN, PULL_MAP_GRID.columns);
export const PULL_MAP_YS = cellCentres(Y_DOMAIN, PULL_MAP_GRID.rows);

/** What an insight answer belongs to: the exact points array, the kernel, the rule and prior. */
export interface InsightKey {
  points: readonly Point[];
  kernel: KernelName;
  rule: SelectionRule;
  /** The options' prior object (compare by reference); it matters only under `map`. */
  prior: HyperparameterPrior;
}

/** The insight answers in the store, each part kept until the data, kernel or rule change. */
export interface InsightView extends InsightKey {
  /** The newest request's seq; `computing` until it is answered. */
  seq: number;
  status: 'computing' | 'done' | 'failed';
  message: string | null;
  logTheta: LogTheta | null;
  influence: InsightSuccess['influence'];
  pullMap: InsightSuccess['pullMap'];
  addedPoint: InsightSuccess['addedPoint'];
  /** The added point asked for, while its refit is computing. */
  addedPointAsked: { x: number; y: number } | null;
}

const sameKey = (a: InsightKey | null, b: InsightKey): boolean =>
  a !== null &&
  a.points === b.points &&
  a.kernel === b.kernel &&
  a.rule === b.rule &&
  (a.rule !== 'map' || a.prior === b.prior);

/** The key of the fit on screen, when it is current and at rest (no drag, the rule's answer). */
export function restingKey(state: ExplorerData): InsightKey | null {
  const { analysis, points, structureVersion, drag, options } = state;
  if (drag?.active || !analysis || analysis.points !== points) return null;
  if (
    analysis.structureVersion !== structureVersion ||
    analysis.result.rule !== options.rule ||
    (options.rule === 'map' && analysis.prior !== options.prior)
  ) {
    return null;
  }
  const { kernel, rule } = analysis.result;
  return { points, kernel, rule, prior: options.prior };
}

/** The insight view if it belongs to the data, kernel and rule on screen, else null. */
export function currentInsight(state: ExplorerData): InsightView | null {
  const { insight, points, kernel, options } = state;
  if (!insight || insight.points !== points) return null;
  return insight.kernel === kernel &&
    insight.rule === options.rule &&
    (options.rule !== 'map' || insight.prior === options.prior)
    ? insight
    : null;
}

/**
 * The request the state calls for (what is on and not yet answered for these data), or null.
 * `addedPoint` asks for the exact refit with that point.
 */
export function insightRequestFor(
  state: ExplorerData,
  addedPoint: { x: number; y: number } | null = null,
): { key: InsightKey; request: InsightRequest } | null {
  const key = restingKey(state);
  if (key === null) return null;
  const held = sameKey(state.insight, key) ? state.insight : null;
  // The quick answer first; then each removal refit checked by a global search (after an added
  // point's refit, which need not wait behind it).
  const influence =
    state.options.showInfluence &&
    (!held?.influence || (!held.influence.globalCheck && addedPoint === null));
  const pullMap = state.options.showPullMap && !held?.pullMap;
  if (!influence && !pullMap && addedPoint === null) return null;
  const result = state.analysis!.result;
  return {
    key,
    request: {
      x: Float64Array.from(key.points, (p) => p.x),
      y: Float64Array.from(key.points, (p) => p.y),
      kernel: key.kernel,
      rule: key.rule,
      ...(key.rule === 'map' ? { prior: key.prior } : {}),
      start: { logTheta: [...result.logTheta], hessianLogTheta: result.hessianLogTheta },
      influence,
      globalCheck: influence && held?.influence != null,
      pullMap: pullMap ? { xs: PULL_MAP_XS, ys: PULL_MAP_YS } : null,
      addedPoint,
    },
  };
}

/** The view once a request is sent: the parts already answered for the same key stay. */
export function pendingInsight(
  previous: InsightView | null,
  key: InsightKey,
  seq: number,
  addedPoint: { x: number; y: number } | null,
): InsightView {
  const kept = sameKey(previous, key) ? previous! : null;
  return {
    ...key,
    seq,
    status: 'computing',
    message: null,
    logTheta: kept?.logTheta ?? null,
    influence: kept?.influence ?? null,
    pullMap: kept?.pullMap ?? null,
    addedPoint: addedPoint ? null : (kept?.addedPoint ?? null),
    addedPointAsked: addedPoint,
  };
}

/** The view after an answer; null when the answer is not for the newest request. */
export function settledInsight(
  view: InsightView | null,
  result: InsightResult,
): InsightView | null {
  if (view === null || result.seq !== view.seq) return null;
  if (!result.ok)
    return { ...view, status: 'failed', message: result.message, addedPointAsked: null };
  return {
    ...view,
    status: 'done',
    message: null,
    logTheta: result.logTheta,
    influence: result.influence ?? view.influence,
    pullMap: result.pullMap ?? view.pullMap,
    addedPoint: result.addedPoint ?? view.addedPoint,
    addedPointAsked: null,
  };
}
