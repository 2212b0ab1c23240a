/**
 * The requests of the panels only the explorer shows, for its store (`createExplorerStore`'s
 * `curveRequests` and `insightRequests`): the selected point's response curve (curve.ts) and the
 * influence, pull map and added point (insight.ts). A widget's store is made without them, so its
 * code does not carry them.
 */
import type { CurveRequests, InsightRequests } from './computeRequests';
import { buildCurveRequest, curveMatches, curveTarget, pendingCurve, settledCurve } from './curve';
import { insightRequestFor, pendingInsight, settledInsight } from './insight';

export const CURVE_REQUESTS: CurveRequests = {
  target: curveTarget,
  matches: curveMatches,
  build: buildCurveRequest,
  pending: pendingCurve,
  settled: settledCurve,
};

export const INSIGHT_REQUESTS: InsightRequests = {
  requestFor: insightRequestFor,
  pending: pendingInsight,
  settled: settledInsight,
};
