/**
 * The response curve of the selected point: which curve the page wants for the current state,
 * the request for it, and how its answer is kept. The store asks for it when the data are at
 * rest (after a selection, a release, a keyboard move), never during a drag.
 */
import type { CurveAxis, ResponseCurve } from '../engine/response-curve';
import type { KernelName, LogTheta, SelectionRule } from '../engine/types';
import type { CurveRequest, CurveResult } from '../worker/shared/protocol';
import { X_DOMAIN, Y_DOMAIN, type Point } from './domain';
import type { ExplorerData } from './types';

/**
 * The curve spans the point's coordinate ± this many data units (within the plot), so the
 * ±0.3 moves the page promises to predict sit well inside it.
 */
export const CURVE_HALF_WIDTH = 1;
/** Refits on either side of the current value (up to 100 points; fewer above). */
export const CURVE_SAMPLES_PER_SIDE = 12;
const CURVE_SAMPLES_PER_SIDE_LARGE = 6;
const LARGE_DATASET = 100;

/** Which curve the page wants: a point, an axis, and the data and fit it belongs to. */
export interface CurveTarget {
  points: readonly Point[];
  structureVersion: number;
  kernel: KernelName;
  /** The rule that chose the θ̂ shown: every refit of the curve maximises it too. */
  rule: SelectionRule;
  index: number;
  axis: CurveAxis;
  /** The analysis whose θ̂ the curve follows. */
  analysisSeq: number;
}

/** The response curve in the store: asked for, answered, or failed. */
export interface CurveView extends CurveTarget {
  seq: number;
  /** `stale`: dropped unfinished because the data changed (a drag began, a point moved). */
  status: 'computing' | 'done' | 'failed' | 'stale';
  /**
   * The computed curve; while a new one is computing for the same point and axis, the previous
   * one (drawn faded), else null.
   */
  curve: ResponseCurve | null;
  /** The data `curve` was computed for (by reference): the target's, or an earlier set's. */
  shownFor: readonly Point[] | null;
  /** Why it failed, when it did. */
  message: string | null;
  /** Time in the worker (ms): refitting, and from receipt to answer. */
  timingMs: { compute: number; total: number } | null;
}

/** The curve the current state calls for, or null (no selection, a drag, no current fit). */
export function curveTarget(state: ExplorerData): CurveTarget | null {
  const { analysis, points, structureVersion, selectedIndex, drag, options } = state;
  if (selectedIndex === null || !points[selectedIndex] || drag?.active) return null;
  if (!analysis || analysis.points !== points || analysis.structureVersion !== structureVersion)
    return null;
  return {
    points,
    structureVersion,
    kernel: analysis.result.kernel,
    // Refits by the rule that chose θ̂, so that the curve's tangent is what the arrows show.
    rule: analysis.result.rule,
    index: selectedIndex,
    axis: options.arrowMode === 'vector' ? state.curveAxis : 'y',
    analysisSeq: analysis.result.seq,
  };
}

/** Whether `view` is (or is being computed as) the curve for `target`. */
export function curveMatches(view: CurveView | null, target: CurveTarget): boolean {
  return (
    view !== null &&
    (view.status === 'computing' || view.status === 'done') &&
    view.points === target.points &&
    view.kernel === target.kernel &&
    view.rule === target.rule &&
    view.index === target.index &&
    view.axis === target.axis &&
    view.analysisSeq === target.analysisSeq
  );
}

/** The request for `target`, following the fit of the current analysis. */
export function buildCurveRequest(state: ExplorerData, target: CurveTarget): CurveRequest {
  const result = state.analysis!.result;
  const runnerUp = result.diagnostics.runnerUp;
  const logOf = ({ lengthscale, signalStd, noiseStd }: typeof result.theta): LogTheta => [
    Math.log(lengthscale),
    Math.log(signalStd),
    Math.log(noiseStd),
  ];
  return {
    x: Float64Array.from(target.points, (p) => p.x),
    y: Float64Array.from(target.points, (p) => p.y),
    kernel: target.kernel,
    rule: target.rule,
    // The prior the analysis shown was fitted under (its answer is the curve's centre).
    ...(target.rule === 'map' ? { prior: state.analysis!.prior } : {}),
    index: target.index,
    axis: target.axis,
    halfWidth: CURVE_HALF_WIDTH,
    perSide:
      target.points.length <= LARGE_DATASET ? CURVE_SAMPLES_PER_SIDE : CURVE_SAMPLES_PER_SIDE_LARGE,
    domain: [...(target.axis === 'y' ? Y_DOMAIN : X_DOMAIN)] as [number, number],
    start: result.logTheta.every(Number.isFinite)
      ? {
          logTheta: [...result.logTheta],
          hessianLogTheta: result.hessianLogTheta,
          runnerUpLogTheta: runnerUp ? logOf(runnerUp.theta) : null,
        }
      : null,
  };
}

/** A view waiting for the answer to request `seq`; keeps the previous curve of the same point. */
export function pendingCurve(
  previous: CurveView | null,
  target: CurveTarget,
  seq: number,
): CurveView {
  const samePlace =
    previous?.curve != null &&
    previous.index === target.index &&
    previous.axis === target.axis &&
    previous.structureVersion === target.structureVersion;
  return {
    ...target,
    seq,
    status: 'computing',
    curve: samePlace ? previous.curve : null,
    shownFor: samePlace ? previous.shownFor : null,
    message: null,
    timingMs: null,
  };
}

/** The view after the answer `result`; null change when it answers an older request. */
export function settledCurve(view: CurveView | null, result: CurveResult): CurveView | null {
  if (!view || view.seq !== result.seq) return null;
  return result.ok
    ? {
        ...view,
        status: 'done',
        curve: result.curve,
        shownFor: view.points,
        message: null,
        timingMs: result.timingMs,
      }
    : {
        ...view,
        status: 'failed',
        curve: null,
        shownFor: null,
        message: result.message,
        timingMs: null,
      };
}
