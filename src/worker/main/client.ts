/**
 * The store's handle on the compute worker: `createComputeClient()` implements `ComputeClient`.
 *
 * Scheduling (latest wins): at most one request is in flight; while it runs only the newest
 * further request is kept, and it is sent when the in-flight one is answered. Every result
 * carries its request's seq, and a result is delivered only if its seq is newer than every
 * result delivered before, so subscribers never see time run backwards.
 *
 * Liveness and recovery: a worker that throws, fails to load, or falls silent while a request is
 * out (liveness.ts: no stage reported for longer than the request's longest stage can take,
 * 1.5 s at the explorer's sizes) is terminated and a new one started. Until the new worker has
 * started, the newest request is computed on the main thread with the float64 engine, so the
 * page has the fit of its current points within moments instead of after the start-up. After
 * `maxRestarts` consecutive failures, or when no worker can be created at all, the client
 * computes on the main thread for good and reports the backend 'main-thread'.
 *
 * A request that `computeNow` takes (the explorer's drag, on the main thread) is answered by it
 * instead and delivered by the same rule (docs/design.md, "Queues and watchdogs").
 *
 * Response curves travel beside the analyses: the newest curve request is outstanding until its
 * answer comes (or it is cancelled), is sent again to a restarted worker, and goes to the main
 * thread with the rest. The worker computes it only while it has no analysis to do.
 */
import {
  createLivenessWatch,
  DEFAULT_LIVENESS,
  StageTimes,
  type LivenessOptions,
  type LivenessWatch,
} from './liveness';
import { NoWebWorkersError, type ComputeNote, type WorkerFailure } from '../shared/computeNote';
import { describeFailure, workerFailure } from './failures';
import type { FromWorkerMessage, ToWorkerMessage } from '../shared/messages';
import type { MainThreadCompute } from './mainThreadCompute';
import { createSideJob } from './sideJob';
import type {
  AnalysisRequest,
  AnalysisResult,
  ComputeClient,
  ComputeStatus,
  CurveRequest,
  CurveResult,
  InsightRequest,
  InsightResult,
  SequencedRequest,
} from '../shared/protocol';

/** The parts of `Worker` the client uses (a fake in tests, a lane of a shared worker). */
export interface WorkerLike {
  postMessage(message: ToWorkerMessage): void;
  terminate(): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<FromWorkerMessage>) => void,
  ): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  /**
   * True when something between the client and the real worker already watches the worker's
   * liveness and reports a silent worker as an `error` event (a shared worker's pool).
   */
  readonly supervised?: boolean;
}

export interface ComputeClientOptions {
  /** Creates the compute worker; throws when workers are unavailable. */
  createWorker?: () => WorkerLike;
  /** Loads the main-thread fallback. */
  loadMainThread?: () => Promise<MainThreadCompute>;
  /** When a silent worker counts as gone (liveness.ts); the defaults suit every page. */
  liveness?: Partial<LivenessOptions>;
  /** Consecutive worker failures after which the main thread takes over. */
  maxRestarts?: number;
  /**
   * Computes a request at once, elsewhere than on the worker, or declines with null: the
   * explorer's drag on the main thread (liveOnMainThread.ts). Its answer is delivered by the same
   * rule as the worker's.
   */
  computeNow?: (request: SequencedRequest) => Promise<AnalysisResult> | null;
}

export const DEFAULT_MAX_RESTARTS = 3;

function createModuleWorker(): WorkerLike {
  if (typeof Worker === 'undefined') throw new NoWebWorkersError();
  return new Worker(new URL('../thread/compute.worker.ts', import.meta.url), { type: 'module' });
}

/** Loads the float64 engine on the main thread (a chunk of its own, fetched on demand). */
export const loadEngineOnMainThread = async (): Promise<MainThreadCompute> =>
  (await import('./mainThreadCompute')).createMainThreadCompute();

/** Calls every listener; one that throws does not keep the others from the value. */
function notifyAll<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/** Where the request in flight is being computed. */
type InFlight = { request: SequencedRequest; on: 'worker' | 'main-thread' };

export function createComputeClient(options: ComputeClientOptions = {}): ComputeClient {
  const createWorker = options.createWorker ?? createModuleWorker;
  const loadMainThread = options.loadMainThread ?? loadEngineOnMainThread;
  const liveness = { ...DEFAULT_LIVENESS, ...options.liveness };
  const maxRestarts = options.maxRestarts ?? DEFAULT_MAX_RESTARTS;
  const stageTimes = new StageTimes();

  const resultListeners = new Set<(result: AnalysisResult) => void>();
  const statusListeners = new Set<(status: ComputeStatus) => void>();
  let status: ComputeStatus = { backend: 'starting', note: null };
  let lastSeq = 0;
  let lastDeliveredSeq = 0;
  let inFlight: InFlight | null = null;
  let pending: SequencedRequest | null = null;
  let worker: WorkerLike | null = null;
  /** The current worker has reported its backend. */
  let workerStarted = false;
  let watch: LivenessWatch | null = null;
  /** After a failure, until the new worker has started: requests go to the main thread. */
  let bridging = false;
  /** No worker any more: every request goes to the main thread. */
  let mainThreadOnly = false;
  let mainThread: Promise<MainThreadCompute> | null = null;
  let consecutiveFailures = 0;
  let restartNote: ComputeNote | null = null;
  let disposed = false;

  const setStatus = (next: ComputeStatus): void => {
    status = next;
    notifyAll(statusListeners, status);
  };

  const mainThreadCompute = (): Promise<MainThreadCompute> => (mainThread ??= loadMainThread());

  const computeOnMainThread = (request: SequencedRequest): void => {
    mainThreadCompute().then(
      (compute) => {
        // A macrotask first, so a burst of requests coalesces before the thread is blocked.
        setTimeout(() => {
          if (disposed) return;
          void compute.compute(request).then(receive, (error: unknown) =>
            receive({
              seq: request.seq,
              ok: false,
              code: 'internal',
              message: describeFailure(error),
            }),
          );
        });
      },
      (error: unknown) => {
        if (disposed) return;
        if (!mainThreadOnly && worker !== null && inFlight?.request === request) {
          // No main thread to bridge with: the new worker answers once it has started.
          bridging = false;
          inFlight = { request, on: 'worker' };
          sendToWorker(request);
          return;
        }
        setStatus({
          backend: 'starting',
          note: { code: 'cannot-compute', detail: describeFailure(error) },
        });
      },
    );
  };

  const sendToWorker = (request: SequencedRequest): void => {
    watch?.sent(request);
    worker!.postMessage({ type: 'analyse', request });
  };

  const dispatch = (request: SequencedRequest): void => {
    const onMainThread = mainThreadOnly || worker === null || (bridging && !workerStarted);
    inFlight = { request, on: onMainThread ? 'main-thread' : 'worker' };
    if (onMainThread) computeOnMainThread(request);
    else sendToWorker(request);
  };

  const deliver = (result: AnalysisResult): void => {
    if (disposed || result.seq <= lastDeliveredSeq) return;
    lastDeliveredSeq = result.seq;
    notifyAll(resultListeners, result);
  };

  function receive(result: AnalysisResult): void {
    if (disposed || inFlight === null || result.seq !== inFlight.request.seq) return;
    inFlight = null;
    deliver(result);
    if (pending !== null) {
      const next = pending;
      pending = null;
      dispatch(next);
    }
  }

  const sideJobHost = {
    worker: () => worker,
    mainThreadCompute,
    disposed: () => disposed,
  };
  const curveJob = createSideJob<CurveRequest, CurveResult>(sideJobHost, {
    message: (request) => ({ type: 'curve', request }),
    cancelMessage: { type: 'cancel-curve' },
    onMainThread: (compute, request, deliver) => compute.curve(request, deliver),
  });
  const insightJob = createSideJob<InsightRequest, InsightResult>(sideJobHost, {
    message: (request) => ({ type: 'insight', request }),
    cancelMessage: { type: 'cancel-insight' },
    onMainThread: (compute, request, deliver) => compute.insight?.(request, deliver) ?? null,
  });

  const switchToMainThread = (reason: ComputeNote): void => {
    mainThreadOnly = true;
    bridging = false;
    setStatus({ backend: 'starting', note: reason });
    mainThreadCompute().then(
      () => {
        if (!disposed) setStatus({ backend: 'main-thread', note: reason });
      },
      () => {},
    );
  };

  const startWorker = (): void => {
    let created: WorkerLike;
    try {
      created = createWorker();
    } catch (error) {
      worker = null;
      switchToMainThread({ code: 'no-worker', cause: workerFailure(error) });
      return;
    }
    worker = created;
    workerStarted = false;
    if (bridging) {
      // No request waits on it while the main thread bridges: its start-up is watched alone.
      setTimeout(() => {
        if (worker === created && !workerStarted && !disposed) {
          failWorker({ code: 'no-start', seconds: Math.round(liveness.startupMs / 1000) });
        }
      }, liveness.startupMs);
    }
    watch = created.supervised
      ? null
      : createLivenessWatch(liveness, stageTimes, (silentMs) =>
          failWorker({ code: 'silent', seconds: silentMs / 1000 }),
        );
    created.addEventListener('message', (event: MessageEvent<FromWorkerMessage>) => {
      if (worker !== created || disposed) return;
      const message = event.data;
      watch?.heard(message.type === 'progress' ? message.expectMs : undefined);
      if (message.type === 'status') {
        workerStarted = true;
        bridging = false;
        watch?.ready();
        setStatus({ backend: message.status.backend, note: message.status.note ?? restartNote });
      } else if (message.type === 'curve') {
        curveJob.receive(message.result);
      } else if (message.type === 'insight') {
        insightJob.receive(message.result);
      } else if (message.type === 'result') {
        if (inFlight?.on !== 'worker' || inFlight.request.seq !== message.result.seq) return;
        watch?.answered(inFlight.request, message.result);
        consecutiveFailures = 0;
        receive(message.result);
      }
    });
    const onFailure = (event: Event): void => {
      event.preventDefault();
      if (worker === created) failWorker(workerFailure(event));
    };
    created.addEventListener('error', onFailure);
    created.addEventListener('messageerror', onFailure);
  };

  function failWorker(cause: WorkerFailure): void {
    if (disposed || worker === null) return;
    watch?.stop();
    watch = null;
    worker.terminate();
    worker = null;
    consecutiveFailures += 1;
    // The newest state goes on: the pending request if any, else the one the worker lost.
    const lost = inFlight?.on === 'worker' ? inFlight.request : null;
    if (lost !== null) inFlight = null;
    const latest = pending ?? lost;
    if (inFlight === null) pending = null;
    if (consecutiveFailures > maxRestarts) {
      switchToMainThread({ code: 'worker-gave-up', failures: consecutiveFailures, cause });
    } else {
      restartNote = { code: 'worker-restarted', cause };
      setStatus({ backend: 'starting', note: restartNote });
      bridging = true;
      startWorker();
    }
    if (inFlight === null && latest !== null) dispatch(latest);
    curveJob.resend();
    insightJob.resend();
  }

  startWorker();

  return {
    request(request: AnalysisRequest): number {
      const sequenced: SequencedRequest = {
        ...request,
        // Copies: the caller may reuse its arrays, and the main-thread path reads them later.
        x: Float64Array.from(request.x),
        y: Float64Array.from(request.y),
        seq: ++lastSeq,
      };
      if (disposed) return sequenced.seq;
      const now = options.computeNow?.(sequenced);
      if (now) {
        // Whatever waits for the worker is older than this request: only its answer may show.
        pending = null;
        void now.then(deliver, (error: unknown) =>
          deliver({
            seq: sequenced.seq,
            ok: false,
            code: 'internal',
            message: describeFailure(error),
          }),
        );
      } else if (inFlight === null) dispatch(sequenced);
      else pending = sequenced;
      return sequenced.seq;
    },
    subscribe(listener) {
      resultListeners.add(listener);
      return () => resultListeners.delete(listener);
    },
    subscribeStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    requestCurve: curveJob.request,
    cancelCurve: curveJob.cancel,
    subscribeCurve: curveJob.subscribe,
    requestInsight: insightJob.request,
    cancelInsight: insightJob.cancel,
    subscribeInsight: insightJob.subscribe,
    dispose() {
      disposed = true;
      curveJob.dispose();
      insightJob.dispose();
      watch?.stop();
      worker?.terminate();
      worker = null;
      resultListeners.clear();
      statusListeners.clear();
    },
  };
}
