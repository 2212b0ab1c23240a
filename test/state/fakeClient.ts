/**
 * An in-memory ComputeClient for store tests: it records requests and answers only when told,
 * with results whose numbers are simple functions of the request (not a GP fit), so a test can
 * predict them.
 */
import type { LogTheta, Matrix3, Rows3 } from '../../src/engine/types';
import type {
  AnalysisRequest,
  AnalysisResult,
  AnalysisSuccess,
  ComputeClient,
  ComputeStatus,
  CurveResult,
  InsightResult,
  SequencedCurveRequest,
  SequencedInsightRequest,
  SequencedRequest,
} from '../../src/worker/shared/protocol';

export interface FakeClient extends ComputeClient {
  requests: SequencedRequest[];
  curveRequests: SequencedCurveRequest[];
  /** How many times an unfinished curve was cancelled. */
  curveCancels: number;
  insightRequests: SequencedInsightRequest[];
  insightCancels: number;
  /** Delivers an insight answer to subscribers (asynchronously). */
  deliverInsight(result: InsightResult): Promise<void>;
  /** Delivers a curve answer to subscribers (asynchronously). */
  deliverCurve(result: CurveResult): Promise<void>;
  /** Delivers a result to subscribers (asynchronously, like a worker would). */
  deliver(result: AnalysisResult): Promise<void>;
  setStatus(status: ComputeStatus): void;
  disposed: boolean;
}

export function createFakeClient(): FakeClient {
  const listeners = new Set<(result: AnalysisResult) => void>();
  const statusListeners = new Set<(status: ComputeStatus) => void>();
  const curveListeners = new Set<(result: CurveResult) => void>();
  const insightListeners = new Set<(result: InsightResult) => void>();
  let insightSeq = 0;
  let seq = 0;
  let curveSeq = 0;
  const client: FakeClient = {
    requests: [],
    curveRequests: [],
    curveCancels: 0,
    insightRequests: [],
    insightCancels: 0,
    disposed: false,
    requestInsight(request) {
      insightSeq += 1;
      client.insightRequests.push({ ...request, seq: insightSeq });
      return insightSeq;
    },
    cancelInsight() {
      client.insightCancels += 1;
    },
    subscribeInsight(listener) {
      insightListeners.add(listener);
      return () => insightListeners.delete(listener);
    },
    async deliverInsight(result) {
      await Promise.resolve();
      for (const listener of insightListeners) listener(result);
    },
    requestCurve(request) {
      curveSeq += 1;
      client.curveRequests.push({ ...request, seq: curveSeq });
      return curveSeq;
    },
    cancelCurve() {
      client.curveCancels += 1;
    },
    subscribeCurve(listener) {
      curveListeners.add(listener);
      return () => curveListeners.delete(listener);
    },
    async deliverCurve(result) {
      await Promise.resolve();
      for (const listener of curveListeners) listener(result);
    },
    request(request: AnalysisRequest) {
      seq += 1;
      client.requests.push({ ...request, seq });
      return seq;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    dispose() {
      client.disposed = true;
    },
    async deliver(result) {
      await Promise.resolve();
      for (const listener of listeners) listener(result);
    },
    setStatus(status) {
      for (const listener of statusListeners) listener(status);
    },
  };
  return client;
}

/**
 * A successful result for `request`: θ̂ = (1 + mean x / 10, 1 + mean |y|, 0.1), and
 * ∂ log θ̂ / ∂yᵢ = (yᵢ, yᵢ / 2, −yᵢ), ∂ log θ̂ / ∂xᵢ = (xᵢ / 10, 0, 0).
 */
export function fakeSuccess(
  request: SequencedRequest,
  overrides: Partial<AnalysisSuccess> = {},
): AnalysisSuccess {
  const n = request.x.length;
  const meanX = request.x.reduce((a, b) => a + b, 0) / n;
  const meanAbsY = request.y.reduce((a, b) => a + Math.abs(b), 0) / n;
  const theta = { lengthscale: 1 + meanX / 10, signalStd: 1 + meanAbsY, noiseStd: 0.1 };
  const logTheta: LogTheta = [
    Math.log(theta.lengthscale),
    Math.log(theta.signalStd),
    Math.log(theta.noiseStd),
  ];
  const rows = (f: (x: number, y: number) => LogTheta): Rows3 => {
    const out: Rows3 = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    for (let i = 0; i < n; i++) {
      const values = f(request.x[i] ?? 0, request.y[i] ?? 0);
      for (let k = 0; k < 3; k++) out[k as 0 | 1 | 2][i] = values[k] ?? 0;
    }
    return out;
  };
  const dLogTheta_dy = rows((_, y) => [y, y / 2, -y]);
  const dLogTheta_dx = rows((x) => [x / 10, 0, 0]);
  const hessian: Matrix3 = [
    [-10, 1, 0],
    [1, -8, 0],
    [0, 0, -5],
  ];
  const grid = request.grid;
  const gridX = Float64Array.from(
    { length: grid.count },
    (_, i) => grid.min + ((grid.max - grid.min) * i) / (grid.count - 1),
  );
  return {
    seq: request.seq,
    ok: true,
    backend: 'cpu',
    engine: 'wasm',
    kernel: request.kernel,
    rule: request.rule ?? 'ml',
    theta,
    logTheta,
    lml: -n,
    objective: -n,
    gradLogTheta: [0, 0, 0],
    hessianLogTheta: hessian,
    diagnostics: {
      hessianEigLog: [-10.5, -7.5, -5],
      conditionNumber: 2.1,
      negativeDefinite: true,
      boundary: [],
      constrained: null,
      roundoff: { covarianceCondition: 50, hessian: 0, sensitivities: 1e-14 },
      runnerUp: null,
      trust: 'trusted',
      reasons: [],
      keyedReasons: [],
    },
    sensitivities: {
      defined: true,
      dLogTheta_dy,
      dLogTheta_dx,
      dTheta_dy: dLogTheta_dy,
      dTheta_dx: dLogTheta_dx,
      constrained: null,
    },
    posterior: {
      x: gridX,
      mean: new Float64Array(grid.count),
      variance: new Float64Array(grid.count).fill(0.1),
    },
    samples: [],
    landscape: request.landscape
      ? {
          lengthscales: new Float64Array(request.landscape.size).fill(1),
          noiseRatios: new Float64Array(request.landscape.size).fill(0.01),
          profileLml: new Float64Array(request.landscape.size ** 2),
          best: { lengthscale: 1, noiseRatio: 0.01, lml: -n },
        }
      : null,
    finiteDifference:
      request.finiteDifferenceIndex === null
        ? null
        : {
            index: request.finiteDifferenceIndex,
            fd: [0.1, 0.2, 0.3],
            ift: [0.1, 0.2, 0.3],
            agreeDigits: 7,
          },
    timingMs: { fit: 1, sensitivity: 1, posterior: 1, landscape: 1, total: 4 },
    ...overrides,
  };
}

/** The newest request the fake client received. */
export function lastRequest(client: FakeClient): SequencedRequest {
  const request = client.requests[client.requests.length - 1];
  if (!request) throw new Error('no request was made');
  return request;
}

/** Answers the newest request with `fakeSuccess` (plus overrides). */
export async function answerLatest(
  client: FakeClient,
  overrides: Partial<AnalysisSuccess> = {},
): Promise<void> {
  await client.deliver(fakeSuccess(lastRequest(client), overrides));
}
