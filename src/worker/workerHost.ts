/**
 * The compute worker's message loop, independent of the worker global so it can run in tests.
 *
 * Latest wins: while an analysis runs, only the newest request is kept (older pending ones are
 * dropped unanswered); when it finishes, the newest pending request runs next.
 * A lost WebGL context switches tfjs to the CPU backend; the request that was running when it
 * happened is computed again on the CPU (unless a newer one is waiting), so no state is lost:
 * the warm starts and the latest request live in plain JS, not on the GPU.
 *
 * Response curves come second: the newest curve request is computed a slice at a time
 * (`CURVE_SLICE_MS`), only while no analysis runs or waits, yielding to the event loop between
 * slices so that an analysis request that arrives meanwhile runs first. A newer curve request or
 * a cancel drops the unfinished one.
 */
import type { TfjsBackendName, TfjsStart } from '../gpu/tfjsBackend';
import { runAnalysis, type PosteriorPath } from './analysis';
import { WarmStarts } from './warmStarts';
import { startCurveJob, type CurveJob } from './curveJob';
import {
  curveTransferables,
  transferablesOf,
  type FromWorkerMessage,
  type ToWorkerMessage,
} from './messages';
import type { SequencedRequest } from './protocol';

/** What the host needs from tfjs; the real one is in `compute.worker.ts`. */
export interface GpuRuntime {
  start(): Promise<TfjsStart>;
  /** True when the backend's WebGL context has been lost since start-up. */
  contextLost(): boolean;
  /** Calls back when the WebGL context is lost (no-op on the CPU backend). */
  onContextLost(callback: () => void): void;
  fallBackToCpu(): Promise<void>;
  /** Loses the WebGL context on purpose (fault simulation); a no-op without one. */
  loseContext(): void;
}

export interface WorkerHostOptions {
  post(message: FromWorkerMessage, transfer: Transferable[]): void;
  runtime: GpuRuntime;
  createPath(backend: () => TfjsBackendName): PosteriorPath;
  /** Ends the worker with an uncaught error, so the page restarts it. */
  crash(reason: string): void;
  /**
   * Runs `task` once the messages already queued have been handled (default: a zero-delay
   * timer; the worker uses a MessageChannel, which browsers do not throttle).
   */
  yieldThen?(task: () => void): void;
}

/** Longest stretch of curve refits between two looks at the message queue. */
export const CURVE_SLICE_MS = 6;

export interface WorkerHost {
  receive(message: ToWorkerMessage): void;
  /** Resolves once tfjs has started and every received request has been answered or dropped. */
  idle(): Promise<void>;
}

export function createWorkerHost(options: WorkerHostOptions): WorkerHost {
  const warmStarts = new WarmStarts();
  let backend: TfjsBackendName | null = null;
  let pending: SequencedRequest | null = null;
  let busy = false;
  let idleWaiters: (() => void)[] = [];
  const path = options.createPath(() => backend ?? 'cpu');
  const yieldThen = options.yieldThen ?? ((task: () => void) => void setTimeout(task, 0));
  let curve: CurveJob | null = null;
  let curveScheduled = false;

  const postStatus = (note: string | null): void => {
    if (backend !== null) options.post({ type: 'status', status: { backend, note } }, []);
  };

  let switching: Promise<void> | null = null;
  const switchToCpu = (): Promise<void> => {
    if (backend !== 'webgl') return Promise.resolve();
    switching ??= options.runtime.fallBackToCpu().then(() => {
      backend = 'cpu';
      postStatus('the WebGL context was lost; computing on the CPU');
    });
    return switching;
  };

  const settleIdle = (): void => {
    if (busy || pending !== null || backend === null || curve !== null) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  /** Runs one slice of the curve job after the queued messages, unless an analysis is due. */
  const scheduleCurve = (): void => {
    if (curveScheduled || curve === null) return;
    curveScheduled = true;
    yieldThen(() => {
      curveScheduled = false;
      const job = curve;
      if (job === null || busy || pending !== null || backend === null) return;
      const result = job.run(CURVE_SLICE_MS);
      if (result === null) {
        scheduleCurve();
        return;
      }
      curve = null;
      options.post({ type: 'curve', result }, curveTransferables(result));
      settleIdle();
    });
  };

  const fail = (error: unknown): void => {
    options.crash(error instanceof Error ? error.message : String(error));
  };

  const pump = async (): Promise<void> => {
    if (busy || backend === null) return;
    busy = true;
    try {
      while (pending !== null) {
        if (options.runtime.contextLost()) await switchToCpu();
        const request = pending;
        pending = null;
        const result = await runAnalysis(request, path, warmStarts);
        if (backend === 'webgl' && options.runtime.contextLost()) {
          // Computed (or failed) on a dying context: compute it again on the CPU.
          await switchToCpu();
          pending ??= request;
          continue;
        }
        options.post({ type: 'result', result }, transferablesOf(result));
      }
    } catch (error) {
      // Only the switch to the CPU can throw here (analyses answer with failures): without a
      // backend nothing can be computed, so the page restarts the worker.
      fail(error);
    } finally {
      busy = false;
      settleIdle();
      scheduleCurve();
    }
  };

  options.runtime.start().then(
    (started) => {
      backend = started.backend;
      postStatus(started.note);
      if (backend === 'webgl') {
        options.runtime.onContextLost(() => {
          if (!busy) switchToCpu().then(pump, fail);
        });
      }
      void pump();
    },
    // Without even the CPU backend there is nothing to compute with: die so the page's
    // recovery takes over (and falls back to the main thread after repeated failures).
    fail,
  );

  return {
    receive(message) {
      if (message.type === 'analyse') {
        pending = message.request;
        void pump();
      } else if (message.type === 'curve') {
        curve = startCurveJob(message.request);
        scheduleCurve();
      } else if (message.type === 'cancel-curve') {
        curve = null;
        settleIdle();
      } else if (message.fault === 'crash') {
        options.crash('simulated crash');
      } else {
        options.runtime.loseContext();
      }
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
