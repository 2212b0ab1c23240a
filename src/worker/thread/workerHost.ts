/**
 * The compute worker's message loop, independent of the worker global so it can run in tests.
 *
 * Latest wins: while an analysis runs, only the newest request is kept (older pending ones are
 * dropped unanswered); when it finishes, the newest pending request runs next. Each analysis
 * reports its stages as it passes them (`progress` messages), which is how the page knows the
 * worker is alive (liveness.ts).
 *
 * A lost WebGL context switches tfjs to the CPU backend, and the request that was running is
 * computed again on the CPU (unless a newer one is waiting), so no state is lost: the warm starts
 * and the latest request live in plain JS, not on the GPU. A loss while a GPU read-back is awaited
 * abandons that read-back at once — on a lost context it may never settle.
 *
 * Response curves come second: the newest curve request is computed a slice at a time
 * (`CURVE_SLICE_MS`), only while no analysis runs or waits, yielding to the event loop between
 * slices so that an analysis request that arrives meanwhile runs first. A newer curve request or
 * a cancel drops the unfinished one. Insight jobs (influence, the pull map, an added point's refit;
 * insightJob.ts) come third, a stage at a time, on the same terms.
 */
import type { TfjsBackendName, TfjsStart } from '../../gpu/tfjsBackend';
import { runAnalysis, type PosteriorPath } from './analysis';
import { WarmStarts } from './warmStarts';
import { startCurveJob, type CurveJob } from './curveJob';
import { startInsightJob, type InsightJob } from './insightJob';
import {
  curveTransferables,
  transferablesOf,
  type FromWorkerMessage,
  type ToWorkerMessage,
} from '../shared/messages';
import type { AnalysisResult, SequencedRequest } from '../shared/protocol';
import type { ComputeNote } from '../shared/computeNote';

/** What the host needs from tfjs; the real one is in `tfjsRuntime.ts`. */
export interface GpuRuntime {
  start(): Promise<TfjsStart>;
  /** True when the backend's WebGL context has been lost since start-up. */
  contextLost(): boolean;
  /** Calls back when the WebGL context is lost (no-op on the CPU backend). */
  onContextLost(callback: () => void): void;
  fallBackToCpu(): Promise<void>;
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

/** What a run that was overtaken by the loss of the WebGL context resolves to. */
const CONTEXT_LOST = Symbol('context lost');

export function createWorkerHost(options: WorkerHostOptions): WorkerHost {
  const warmStarts = new WarmStarts();
  let backend: TfjsBackendName | null = null;
  let pending: SequencedRequest | null = null;
  let busy = false;
  let idleWaiters: (() => void)[] = [];
  /** Settles when the WebGL context is lost; renewed after each switch to the CPU. */
  let contextLoss: { promise: Promise<typeof CONTEXT_LOST>; signal: () => void } | null = null;
  const path = options.createPath(() => backend ?? 'cpu');
  const yieldThen = options.yieldThen ?? ((task: () => void) => void setTimeout(task, 0));
  let curve: CurveJob | null = null;
  let insight: InsightJob | null = null;
  let curveScheduled = false;

  const postStatus = (note: ComputeNote | null): void => {
    if (backend !== null) options.post({ type: 'status', status: { backend, note } }, []);
  };

  const watchContextLoss = (): void => {
    let signal = (): void => {};
    const promise = new Promise<typeof CONTEXT_LOST>((resolve) => {
      signal = () => resolve(CONTEXT_LOST);
    });
    contextLoss = { promise, signal };
  };

  let switching: Promise<void> | null = null;
  const switchToCpu = (): Promise<void> => {
    if (backend !== 'webgl') return Promise.resolve();
    switching ??= options.runtime.fallBackToCpu().then(() => {
      backend = 'cpu';
      contextLoss = null;
      postStatus({ code: 'webgl-context-lost' });
    });
    return switching;
  };

  const settleIdle = (): void => {
    if (busy || pending !== null || backend === null || curve !== null || insight !== null) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  /**
   * Runs one slice of the curve job (else of the insight job) after the queued messages, unless
   * an analysis is due.
   */
  const scheduleCurve = (): void => {
    if (curveScheduled || (curve === null && insight === null)) return;
    curveScheduled = true;
    yieldThen(() => {
      curveScheduled = false;
      if (busy || pending !== null || backend === null) return;
      const job = curve;
      if (job !== null) {
        const result = job.run(CURVE_SLICE_MS);
        if (result !== null) {
          curve = null;
          options.post({ type: 'curve', result }, curveTransferables(result));
        }
      } else if (insight !== null) {
        const result = insight.run(CURVE_SLICE_MS);
        if (result !== null) {
          insight = null;
          options.post({ type: 'insight', result }, []);
        }
      }
      scheduleCurve();
      settleIdle();
    });
  };

  const fail = (error: unknown): void => {
    options.crash(error instanceof Error ? error.message : String(error));
  };

  /** One analysis, abandoned (resolving to CONTEXT_LOST) if the WebGL context goes meanwhile. */
  const run = (request: SequencedRequest): Promise<AnalysisResult | typeof CONTEXT_LOST> => {
    const { seq } = request;
    options.post({ type: 'progress', seq, stage: 'started' }, []);
    const running = runAnalysis(request, path, warmStarts, (stage, expectMs) =>
      options.post(
        expectMs === undefined
          ? { type: 'progress', seq, stage }
          : { type: 'progress', seq, stage, expectMs },
        [],
      ),
    );
    if (contextLoss === null) return running;
    // An abandoned run may still settle, or fail on the removed backend: nobody listens then.
    running.catch(() => {});
    return Promise.race([running, contextLoss.promise]);
  };

  const pump = async (): Promise<void> => {
    if (busy || backend === null) return;
    busy = true;
    try {
      while (pending !== null) {
        if (options.runtime.contextLost()) await switchToCpu();
        const request = pending;
        pending = null;
        const result = await run(request);
        if (result === CONTEXT_LOST || (backend === 'webgl' && options.runtime.contextLost())) {
          // Computed (or failed, or hung) on a dying context: compute it again on the CPU.
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
        watchContextLoss();
        options.runtime.onContextLost(() => {
          contextLoss?.signal();
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
      } else if (message.type === 'insight') {
        insight = startInsightJob(message.request);
        scheduleCurve();
      } else if (message.type === 'cancel-insight') {
        insight = null;
        settleIdle();
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
