/**
 * The store's handle on the compute worker: `createComputeClient()` implements `ComputeClient`.
 *
 * Scheduling (latest wins): at most one request is in flight; while it runs only the newest
 * further request is kept, and it is sent when the in-flight one is answered. Every result
 * carries its request's seq, and a result is delivered only if its seq is newer than every
 * result delivered before, so subscribers never see time run backwards.
 *
 * Recovery: if the worker throws an uncaught error, fails to load, or stays silent past the
 * watchdog, it is terminated and restarted, and the newest request is sent again. After
 * `maxRestarts` consecutive failures, or when no worker can be created at all, the client
 * computes on the main thread with the float64 engine and reports the backend 'main-thread'.
 *
 * Response curves travel beside the analyses: the newest curve request is outstanding until its
 * answer comes (or it is cancelled), is sent again to a restarted worker, and goes to the main
 * thread with the rest. The worker computes it only while it has no analysis to do.
 */
import type { FromWorkerMessage, SimulatedFault, ToWorkerMessage } from './messages';
import type { MainThreadCompute } from './mainThreadCompute';
import type {
  AnalysisRequest,
  AnalysisResult,
  ComputeClient,
  ComputeStatus,
  CurveRequest,
  CurveResult,
  SequencedCurveRequest,
  SequencedRequest,
} from './protocol';

/** The parts of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorkerMessage): void;
  terminate(): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<FromWorkerMessage>) => void,
  ): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}

export interface ComputeClientOptions {
  /** Creates the compute worker; throws when workers are unavailable. */
  createWorker?: () => WorkerLike;
  /** Loads the main-thread fallback. */
  loadMainThread?: () => Promise<MainThreadCompute>;
  /** A request unanswered this long means the worker is gone; it is restarted. */
  watchdogMs?: number;
  /** Consecutive worker failures after which the main thread takes over. */
  maxRestarts?: number;
}

/** The client plus fault simulation for browser tests of recovery. */
export interface ComputeClientWithFaults extends ComputeClient {
  /** Asks the worker to simulate a fault; false when no worker is running. */
  simulateFault(fault: SimulatedFault): boolean;
  /** Terminates the worker without telling the client, as if the browser killed it. */
  killWorker(): boolean;
}

export const DEFAULT_WATCHDOG_MS = 60_000;
export const DEFAULT_MAX_RESTARTS = 3;

function createModuleWorker(): WorkerLike {
  if (typeof Worker === 'undefined') throw new Error('this browser has no Web Workers');
  return new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
}

const loadEngineOnMainThread = async (): Promise<MainThreadCompute> =>
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

/** A readable reason from an Error, an ErrorEvent, or a bare event (a worker that failed to load). */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error instanceof Event) {
    const message = (error as Event & { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
    return error.type === 'messageerror'
      ? 'a message could not be decoded'
      : 'an error in the worker';
  }
  return String(error);
}

export function createComputeClient(options: ComputeClientOptions = {}): ComputeClientWithFaults {
  const createWorker = options.createWorker ?? createModuleWorker;
  const loadMainThread = options.loadMainThread ?? loadEngineOnMainThread;
  const watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  const maxRestarts = options.maxRestarts ?? DEFAULT_MAX_RESTARTS;

  const resultListeners = new Set<(result: AnalysisResult) => void>();
  const statusListeners = new Set<(status: ComputeStatus) => void>();
  const curveListeners = new Set<(result: CurveResult) => void>();
  let lastCurveSeq = 0;
  /** The newest curve request not yet answered (or cancelled). */
  let curveOutstanding: SequencedCurveRequest | null = null;
  let cancelMainThreadCurve: (() => void) | null = null;
  let status: ComputeStatus = { backend: 'starting', note: null };
  let lastSeq = 0;
  let lastDeliveredSeq = 0;
  let inFlight: SequencedRequest | null = null;
  let pending: SequencedRequest | null = null;
  let worker: WorkerLike | null = null;
  let mainThread: MainThreadCompute | null = null;
  let mainThreadLoading = false;
  let consecutiveFailures = 0;
  let restartNote: string | null = null;
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const setStatus = (next: ComputeStatus): void => {
    status = next;
    notifyAll(statusListeners, status);
  };

  const clearWatchdog = (): void => {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
  };

  const dispatch = (request: SequencedRequest): void => {
    inFlight = request;
    if (worker !== null) {
      clearWatchdog();
      watchdog = setTimeout(
        () => failWorker(`no answer within ${Math.round(watchdogMs / 1000)} s`),
        watchdogMs,
      );
      worker.postMessage({ type: 'analyse', request });
    } else if (mainThread !== null) {
      const compute = mainThread;
      // A macrotask first, so a burst of requests coalesces before the thread is blocked.
      setTimeout(() => {
        void compute
          .compute(request)
          .then(receive, (error: unknown) =>
            receive({ seq: request.seq, ok: false, code: 'internal', message: describe(error) }),
          );
      });
    }
    // Otherwise the main thread is loading; `inFlight` is sent when it is ready.
  };

  const receive = (result: AnalysisResult): void => {
    if (disposed || inFlight === null || result.seq !== inFlight.seq) return;
    clearWatchdog();
    inFlight = null;
    consecutiveFailures = 0;
    if (result.seq > lastDeliveredSeq) {
      lastDeliveredSeq = result.seq;
      notifyAll(resultListeners, result);
    }
    if (pending !== null) {
      const next = pending;
      pending = null;
      dispatch(next);
    }
  };

  const receiveCurve = (result: CurveResult): void => {
    if (disposed || curveOutstanding === null || result.seq !== curveOutstanding.seq) return;
    curveOutstanding = null;
    cancelMainThreadCurve = null;
    notifyAll(curveListeners, result);
  };

  const dispatchCurve = (request: SequencedCurveRequest): void => {
    if (worker !== null) {
      worker.postMessage({ type: 'curve', request });
    } else if (mainThread !== null) {
      cancelMainThreadCurve?.();
      cancelMainThreadCurve = mainThread.curve(request, receiveCurve);
    }
    // Otherwise the main thread is loading; the outstanding curve is sent when it is ready.
  };

  const switchToMainThread = (reason: string): void => {
    worker = null;
    if (mainThreadLoading || mainThread !== null) return;
    mainThreadLoading = true;
    setStatus({ backend: 'starting', note: reason });
    loadMainThread().then(
      (compute) => {
        if (disposed) return;
        mainThread = compute;
        setStatus({ backend: 'main-thread', note: reason });
        if (inFlight !== null) dispatch(inFlight);
        if (curveOutstanding !== null) dispatchCurve(curveOutstanding);
      },
      (error: unknown) => {
        setStatus({ backend: 'starting', note: `cannot compute: ${describe(error)}` });
      },
    );
  };

  const startWorker = (): void => {
    let created: WorkerLike;
    try {
      created = createWorker();
    } catch (error) {
      switchToMainThread(`computing on the main thread: ${describe(error)}`);
      return;
    }
    worker = created;
    created.addEventListener('message', (event: MessageEvent<FromWorkerMessage>) => {
      if (worker !== created || disposed) return;
      const message = event.data;
      if (message.type === 'status') {
        setStatus({ backend: message.status.backend, note: message.status.note ?? restartNote });
      } else if (message.type === 'curve') {
        receiveCurve(message.result);
      } else {
        receive(message.result);
      }
    });
    const onFailure = (event: Event): void => {
      event.preventDefault();
      if (worker === created) failWorker(describe(event));
    };
    created.addEventListener('error', onFailure);
    created.addEventListener('messageerror', onFailure);
  };

  function failWorker(reason: string): void {
    if (disposed || worker === null) return;
    clearWatchdog();
    worker.terminate();
    worker = null;
    consecutiveFailures += 1;
    // Resend the newest state: the pending request if any, else the one that was lost.
    const latest = pending ?? inFlight;
    pending = null;
    inFlight = null;
    if (consecutiveFailures > maxRestarts) {
      switchToMainThread(`the compute worker failed ${consecutiveFailures} times (${reason})`);
      inFlight = latest;
      return;
    }
    restartNote = `the compute worker restarted after: ${reason}`;
    setStatus({ backend: 'starting', note: restartNote });
    startWorker();
    if (latest !== null) dispatch(latest);
    if (curveOutstanding !== null) dispatchCurve(curveOutstanding);
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
      if (inFlight === null) dispatch(sequenced);
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
    requestCurve(request: CurveRequest): number {
      const sequenced: SequencedCurveRequest = {
        ...request,
        x: Float64Array.from(request.x),
        y: Float64Array.from(request.y),
        seq: ++lastCurveSeq,
      };
      if (disposed) return sequenced.seq;
      curveOutstanding = sequenced;
      dispatchCurve(sequenced);
      return sequenced.seq;
    },
    cancelCurve() {
      if (curveOutstanding === null) return;
      curveOutstanding = null;
      cancelMainThreadCurve?.();
      cancelMainThreadCurve = null;
      worker?.postMessage({ type: 'cancel-curve' });
    },
    subscribeCurve(listener) {
      curveListeners.add(listener);
      return () => curveListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      cancelMainThreadCurve?.();
      curveListeners.clear();
      clearWatchdog();
      worker?.terminate();
      worker = null;
      resultListeners.clear();
      statusListeners.clear();
    },
    simulateFault(fault) {
      if (worker === null) return false;
      worker.postMessage({ type: 'simulate-fault', fault });
      return true;
    },
    killWorker() {
      if (worker === null) return false;
      worker.terminate();
      return true;
    },
  };
}
