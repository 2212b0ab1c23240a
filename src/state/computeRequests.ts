/**
 * The store's side of the compute service: it sends the analyses, response curves and insight
 * jobs the state calls for, remembers what each request was made for (by seq), and keeps the
 * staleness clock (staleness.ts) that marks an answer as refitting once the data moved on.
 */
import type { AnalysisResult, ComputeClient } from '../worker/shared/protocol';
import type { Point } from './domain';
import type {
  buildCurveRequest,
  curveMatches,
  curveTarget,
  pendingCurve,
  settledCurve,
} from './curve';
import type { insightRequestFor, pendingInsight, settledInsight } from './insight';
import { boxOf, buildRequest, LIVE_LANDSCAPE_MAX_POINTS } from './request';
import type { RequestRecord } from './results';
import { createStalenessClock } from './staleness';
import type { Transaction } from './transaction';

/**
 * What the store asks for the selected point's response curve with (curve.ts,
 * panelRequests.ts): given only to the explorer's store, so that a widget, which draws no curve,
 * carries none of this code.
 */
export interface CurveRequests {
  target: typeof curveTarget;
  matches: typeof curveMatches;
  build: typeof buildCurveRequest;
  pending: typeof pendingCurve;
  settled: typeof settledCurve;
}

/** … and the insight panels' requests: influence, pull map, added point (insight.ts), likewise. */
export interface InsightRequests {
  requestFor: typeof insightRequestFor;
  pending: typeof pendingInsight;
  settled: typeof settledInsight;
}

export interface ComputeRequestsOptions extends Pick<Transaction, 'read' | 'write'> {
  client: ComputeClient;
  /** The response curve's requests (the explorer draws it; widgets do not): none without. */
  curveRequests?: CurveRequests | undefined;
  /** The insight panels' requests: none without. */
  insightRequests?: InsightRequests | undefined;
  /** Clock for the refitting flag; performance.now by default. */
  now?: () => number;
}

export interface ComputeRequests {
  requestAnalysis(
    finiteDifferenceIndex?: number | null,
    options?: { reuseLandscape?: boolean },
  ): void;
  refreshCurve(): void;
  refreshInsight(addedPoint?: { x: number; y: number } | null): void;
  cancelInsight(): void;
  /** Whether the newest request for `points` brings a landscape. */
  landscapeComing(points: readonly Point[]): boolean;
  /** The request `result` answers (older records are forgotten), or null if unknown. */
  claim(result: AnalysisResult): RequestRecord | null;
  /** Tells the staleness clock that `request` was answered. */
  answered(request: RequestRecord): void;
  dispose(): void;
}

export function createComputeRequests({
  client,
  read,
  write,
  curveRequests: curves,
  insightRequests: insights,
  now,
}: ComputeRequestsOptions): ComputeRequests {
  const requests = new Map<number, RequestRecord>();
  let lastRequest: RequestRecord | null = null;
  const staleness = createStalenessClock((refitting) => write({ refitting }), now ? { now } : {});

  /** Drops an unfinished curve whose data are no longer on screen. */
  function dropStaleCurve(): void {
    const { curve, points } = read();
    if (curve?.status !== 'computing' || curve.points === points) return;
    client.cancelCurve();
    write({ curve: { ...curve, status: 'stale' } });
  }

  /**
   * Asks for the response curve the state calls for, unless it is already here or coming. Never
   * during a drag: the curve computed before the drag stays, and the page follows the point on it.
   */
  function refreshCurve(): void {
    if (!curves) return;
    const state = read();
    if (state.drag?.active) return;
    const target = curves.target(state);
    if (!target) {
      if (state.curve?.status === 'computing') client.cancelCurve();
      if (state.curve !== null) write({ curve: null });
      return;
    }
    if (curves.matches(state.curve, target)) return;
    const seq = client.requestCurve(curves.build(state, target));
    write({ curve: curves.pending(state.curve, target, seq) });
  }

  /**
   * Asks for the influence, pull map or added point's refit the state calls for, when the data
   * are at rest (insight.ts); a newer request drops an unfinished one in the worker.
   */
  function refreshInsight(addedPoint: { x: number; y: number } | null = null): void {
    if (!insights || !client.requestInsight) return;
    const state = read();
    const wanted = insights.requestFor(state, addedPoint);
    if (wanted === null) return;
    const seq = client.requestInsight(wanted.request);
    write({ insight: insights.pending(state.insight, wanted.key, seq, addedPoint) });
  }

  /** Drops an unfinished insight request (a drag began: the worker must be free for it). */
  function cancelInsight(): void {
    if (read().insight?.status === 'computing') client.cancelInsight?.();
  }

  /**
   * Sends the current data to the compute service. `reuseLandscape` skips the landscape when the
   * one on screen belongs to these points (a request that only changes the θ set by hand).
   */
  function requestAnalysis(
    finiteDifferenceIndex: number | null = null,
    { reuseLandscape = false } = {},
  ): void {
    const { points, kernel, options, drag, structureVersion, manualTheta, landscapeInView } =
      read();
    cancelInsight();
    const shown = read().landscape;
    // During a drag the landscape follows each move only while it can be seen, and few points.
    const live = landscapeInView && points.length <= LIVE_LANDSCAPE_MAX_POINTS;
    const landscape =
      options.showLandscape &&
      (!drag?.active || live) &&
      !(reuseLandscape && shown?.points === points);
    // During a drag the axes start from those on screen, so they only grow while a point moves.
    const landscapeBox = drag?.active && shown ? boxOf(shown.grid) : undefined;
    const seq = client.request(
      buildRequest(points, kernel, {
        landscape,
        finiteDifferenceIndex,
        landscapeBox,
        fixedTheta: manualTheta,
        rule: options.rule,
        compareRule: options.compareRule,
        prior: options.prior,
        live: drag?.active ?? false,
      }),
    );
    const previous = lastRequest;
    lastRequest = {
      points,
      kernel,
      structureVersion,
      prior: options.prior,
      landscape,
      finiteDifferenceIndex,
      supersededAt: null,
    };
    requests.set(seq, lastRequest);
    write({ pendingSeq: seq });
    dropStaleCurve();
    staleness.requested(lastRequest, previous);
  }

  return {
    requestAnalysis,
    refreshCurve,
    refreshInsight,
    cancelInsight,
    landscapeComing: (points) => lastRequest?.points === points && lastRequest.landscape,
    claim(result) {
      const request = requests.get(result.seq) ?? null;
      for (const seq of requests.keys()) if (seq <= result.seq) requests.delete(seq);
      return request;
    },
    answered: (request) => staleness.answered(request),
    dispose: () => staleness.dispose(),
  };
}
