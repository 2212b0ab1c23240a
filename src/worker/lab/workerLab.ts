/**
 * Script of worker-lab.html, a test page (not part of the product) that drives the compute
 * client and exposes it on `window.workerLab` for browser tests and benchmarks.
 *
 * Query: `?faults=1` runs the test worker that commits faults on request (labFaults.ts);
 * `?floor=ms` sets the liveness floor (liveness.ts); `?worker=0` pretends Web Workers are absent;
 * `?explorer=1` also shows the explorer on this page's client (explorerLab.tsx), so faults can be
 * tested where the arrows are drawn.
 */
import type { KernelName, LogTheta, Matrix3, SelectionRule } from '../../engine';
import { createComputeClient, type WorkerLike } from '../main/client';
import type { AnalysisResult, ComputeStatus, CurveResult, InsightResult } from '../shared/protocol';
import type { LabBandPath, LabFault, LabToWorkerMessage } from './labFaults';

/** A request in plain JSON, as a test can pass it through `page.evaluate`. */
export interface LabRequest {
  x: number[];
  y: number[];
  kernel?: KernelName;
  grid?: { min: number; max: number; count: number };
  samples?: number;
  landscapeSize?: number | null;
  finiteDifferenceIndex?: number | null;
}

/** A response-curve request in plain JSON; `start` is a result of `request` for the same data. */
export interface LabCurveRequest {
  x: number[];
  y: number[];
  kernel?: KernelName;
  index: number;
  axis?: 'x' | 'y';
  halfWidth?: number;
  perSide?: number;
  start?: LabResult | null;
}

/** A response-curve answer in plain JSON. */
export interface LabCurveResult {
  ok: boolean;
  message?: string;
  values?: number[];
  logTheta?: number[][];
  branch?: number[];
  slope?: number[] | null;
  refits?: number;
  globalChecks?: number;
  timingMs?: { compute: number; total: number };
  /** Request → delivery, as seen by the page. */
  latencyMs: number;
}

/** The influence panel's answer, as the worker timed it (ms) and the page saw it. */
export interface LabInfluenceResult {
  ok: boolean;
  message?: string;
  /** The worker's time: the fit, then the local maxima and every removal refit. */
  timingMs?: { fit: number; influence: number; total: number };
  statuses?: string[];
  latencyMs: number;
}

/** A result in plain JSON. */
export interface LabResult {
  seq: number;
  ok: boolean;
  code?: string;
  message?: string;
  backend?: string;
  theta?: { lengthscale: number; signalStd: number; noiseStd: number };
  logTheta?: LogTheta;
  hessianLogTheta?: Matrix3;
  runnerUpLogTheta?: LogTheta | null;
  kernel?: KernelName;
  gridX?: number[];
  mean?: number[];
  variance?: number[];
  posteriorPath?: string;
  samples?: number[][];
  hasLandscape?: boolean;
  timingMs?: Record<string, number>;
  /** Request → delivery, as seen by the page. */
  latencyMs: number;
}

const query = new URLSearchParams(location.search);
const floorParameter = query.get('floor');
/** The newest compute worker the client started (with `?faults=1`). */
let currentWorker: Worker | null = null;
/** Where the test worker computes the band (labFaults.ts); every new worker is told. */
let band: LabBandPath = 'measured';

function createFaultyWorker(): WorkerLike {
  const worker = new Worker(new URL('./faultyCompute.worker.ts', import.meta.url), {
    type: 'module',
  });
  currentWorker = worker;
  if (band !== 'measured') {
    worker.postMessage({ type: 'lab-config', band } satisfies LabToWorkerMessage);
  }
  return worker as unknown as WorkerLike;
}

function createWorker(): (() => WorkerLike) | undefined {
  if (query.get('worker') === '0') {
    return () => {
      throw new Error('Web Workers are disabled on this test page');
    };
  }
  return query.get('faults') === '1' ? createFaultyWorker : undefined;
}

const workerFactory = createWorker();
const client = createComputeClient({
  ...(floorParameter ? { liveness: { floorMs: Number(floorParameter) } } : {}),
  ...(workerFactory ? { createWorker: workerFactory } : {}),
});

function postToWorker(message: LabToWorkerMessage): boolean {
  if (currentWorker === null) return false;
  currentWorker.postMessage(message);
  return true;
}

const sentAt = new Map<number, number>();
const delivered: number[] = [];
const results = new Map<number, LabResult>();
let status: ComputeStatus = { backend: 'starting', note: null };
let waiters: (() => void)[] = [];

const wake = (): void => {
  const current = waiters;
  waiters = [];
  for (const resolve of current) resolve();
};

function summarise(result: AnalysisResult): LabResult {
  const latencyMs = performance.now() - (sentAt.get(result.seq) ?? Number.NaN);
  if (!result.ok) {
    return { seq: result.seq, ok: false, code: result.code, message: result.message, latencyMs };
  }
  return {
    seq: result.seq,
    ok: true,
    backend: result.backend,
    theta: result.theta,
    logTheta: result.logTheta,
    hessianLogTheta: result.hessianLogTheta,
    runnerUpLogTheta: result.diagnostics.runnerUp
      ? [
          Math.log(result.diagnostics.runnerUp.theta.lengthscale),
          Math.log(result.diagnostics.runnerUp.theta.signalStd),
          Math.log(result.diagnostics.runnerUp.theta.noiseStd),
        ]
      : null,
    kernel: result.kernel,
    gridX: Array.from(result.posterior.x),
    mean: Array.from(result.posterior.mean),
    variance: Array.from(result.posterior.variance),
    ...(result.posteriorPath ? { posteriorPath: result.posteriorPath } : {}),
    samples: result.samples.map((path) => Array.from(path)),
    hasLandscape: result.landscape !== null,
    timingMs: result.timingMs,
    latencyMs,
  };
}

client.subscribe((result) => {
  delivered.push(result.seq);
  results.set(result.seq, summarise(result));
  wake();
});

const backendElement = document.querySelector('[data-testid="compute-backend"]');
client.subscribeStatus((next) => {
  status = next;
  if (backendElement) backendElement.textContent = next.backend;
  wake();
});

function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const check = (): void => {
      if (condition()) {
        clearTimeout(timer);
        resolve();
      } else {
        waiters.push(check);
      }
    };
    check();
  });
}

/** The answer numbered `seq` from a stream of answers, and how long after `sent` it came. */
function answerTo<R extends { seq: number }>(
  subscribe: (listener: (result: R) => void) => () => void,
  seq: number,
  sent: number,
  timeoutMs: number,
  what: string,
): Promise<{ result: R; latencyMs: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const unsubscribe = subscribe((result) => {
      if (result.seq !== seq) return;
      clearTimeout(timer);
      unsubscribe();
      resolve({ result, latencyMs: performance.now() - sent });
    });
  });
}

const workerLab = {
  request(request: LabRequest): number {
    const x = Float64Array.from(request.x);
    const min = Math.min(...request.x);
    const max = Math.max(...request.x);
    const landscapeSize = request.landscapeSize ?? null;
    const seq = client.request({
      x,
      y: Float64Array.from(request.y),
      kernel: request.kernel ?? 'rbf',
      grid: request.grid ?? { min, max, count: 400 },
      landscape:
        landscapeSize === null
          ? null
          : {
              lengthscaleRange: [(max - min) / 100, (max - min) * 10],
              noiseRatioRange: [1e-6, 10],
              size: landscapeSize,
            },
      samples: request.samples ?? 0,
      finiteDifferenceIndex: request.finiteDifferenceIndex ?? null,
    });
    sentAt.set(seq, performance.now());
    return seq;
  },
  /** Resolves with the first delivered result whose seq is ≥ `seq`. */
  async waitForResult(seq: number, timeoutMs = 60_000): Promise<LabResult> {
    await until(() => delivered.some((done) => done >= seq), timeoutMs, `result ${seq}`);
    const first = delivered.find((done) => done >= seq) ?? seq;
    const result = results.get(first);
    if (!result) throw new Error(`result ${first} was delivered but not kept`);
    return result;
  },
  async waitForBackend(timeoutMs = 60_000): Promise<ComputeStatus> {
    await until(() => status.backend !== 'starting', timeoutMs, 'the compute backend');
    return status;
  },
  /** Asks for a response curve and resolves with its answer (the newest curve request wins). */
  async curve(request: LabCurveRequest, timeoutMs = 60_000): Promise<LabCurveResult> {
    const sent = performance.now();
    const axis = request.axis ?? 'y';
    const start = request.start;
    const seq = client.requestCurve({
      x: Float64Array.from(request.x),
      y: Float64Array.from(request.y),
      kernel: request.kernel ?? 'rbf',
      index: request.index,
      axis,
      halfWidth: request.halfWidth ?? 1,
      perSide: request.perSide ?? 12,
      domain: axis === 'y' ? [-3, 3] : [0, 10],
      start:
        start?.logTheta && start.hessianLogTheta
          ? {
              logTheta: start.logTheta,
              hessianLogTheta: start.hessianLogTheta,
              runnerUpLogTheta: start.runnerUpLogTheta ?? null,
            }
          : null,
    });
    const { result, latencyMs } = await answerTo<CurveResult>(
      (listener) => client.subscribeCurve(listener),
      seq,
      sent,
      timeoutMs,
      'a curve',
    );
    if (!result.ok) return { ok: false, message: result.message, latencyMs };
    const { curve } = result;
    return {
      ok: true,
      values: Array.from(curve.values),
      logTheta: curve.logTheta.map((row) => Array.from(row)),
      branch: Array.from(curve.branch),
      slope: curve.slope ? [...curve.slope] : null,
      refits: curve.refits,
      globalChecks: curve.globalChecks,
      timingMs: result.timingMs,
      latencyMs,
    };
  },
  /**
   * Asks for every point's influence under `rule`, fitted cold, and resolves with its answer;
   * `globalCheck` as the page's follow-up request (InsightRequest).
   */
  async influence(
    request: {
      x: number[];
      y: number[];
      rule: SelectionRule;
      kernel?: KernelName;
      globalCheck?: boolean;
    },
    timeoutMs = 60_000,
  ): Promise<LabInfluenceResult> {
    const sent = performance.now();
    const seq = client.requestInsight!({
      x: Float64Array.from(request.x),
      y: Float64Array.from(request.y),
      kernel: request.kernel ?? 'rbf',
      rule: request.rule,
      start: null,
      influence: true,
      globalCheck: request.globalCheck ?? false,
      pullMap: null,
      addedPoint: null,
    });
    const { result, latencyMs } = await answerTo<InsightResult>(
      (listener) => client.subscribeInsight!(listener),
      seq,
      sent,
      timeoutMs,
      'influence',
    );
    if (!result.ok) return { ok: false, message: result.message, latencyMs };
    const { fit, influence, total } = result.timingMs;
    return {
      ok: true,
      timingMs: { fit, influence, total },
      statuses: result.influence?.rows.map((row) => row.status) ?? [],
      latencyMs,
    };
  },
  status: (): ComputeStatus => status,
  /** Seqs of the delivered results, in delivery order. */
  delivered: (): number[] => [...delivered],
  result: (seq: number): LabResult | null => results.get(seq) ?? null,
  /** The client itself (what the explorer on this page computes with). */
  client,
  /** Tells the test worker (`?faults=1`) to commit a fault; false when none is running. */
  fault: (fault: LabFault): boolean => postToWorker({ type: 'lab-fault', fault }),
  /** Where the test worker computes every posterior band (labFaults.ts, LabBandPath). */
  configure: (path: LabBandPath): boolean => {
    band = path;
    return postToWorker({ type: 'lab-config', band });
  },
  /** Terminates the worker without telling the client, as if the browser killed it. */
  killWorker: (): boolean => {
    currentWorker?.terminate();
    return currentWorker !== null;
  },
  /** Float64 engine results computed on this page, for parity checks. */
  engine: () => import('./engineLab'),
  /** tfjs kernels run on this page's main thread, for parity checks and benchmarks. */
  gpu: () => import('./gpuLab'),
  /** The readers of untrusted text (the URL fragment, the widget's options). */
  inputs: () => import('./inputsLab'),
};

declare global {
  interface Window {
    workerLab: typeof workerLab;
  }
}
window.workerLab = workerLab;

if (query.get('explorer') === '1')
  void import('./explorerLab').then((lab) => lab.mountExplorer(client));
