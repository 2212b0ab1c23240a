import type { ToWorkerMessage } from '../shared/messages';
import type { MainThreadCompute } from './mainThreadCompute';
import type { WorkerLike } from './client';

/** What a side job needs of the client that owns it. */
export interface SideJobHost {
  /** The worker that answers now, if any (a starting worker queues the message). */
  worker(): WorkerLike | null;
  /** The engine on the main thread, loaded on first use. */
  mainThreadCompute(): Promise<MainThreadCompute>;
  disposed(): boolean;
}

/** How one kind of side job travels: its messages to the worker and its main-thread runner. */
export interface SideJobSpec<Request, Result> {
  message: (request: Request & { seq: number }) => ToWorkerMessage;
  cancelMessage: ToWorkerMessage;
  /** Starts the job on the main thread in slices; returns a function that stops it. */
  onMainThread: (
    compute: MainThreadCompute,
    request: Request & { seq: number },
    deliver: (result: Result) => void,
  ) => (() => void) | null;
}

/**
 * A job computed beside the analysis (the response curve, the influence panel and the pull map):
 * the newest request wins; the worker answers it, or without a worker the main thread does, in
 * slices; a result is delivered only while it answers the request still outstanding, so a
 * cancelled or superseded answer is never shown. After a worker restart `resend()` sends the
 * outstanding request again.
 */
export function createSideJob<
  Request extends { x: ArrayLike<number>; y: ArrayLike<number> },
  Result extends { seq: number },
>(host: SideJobHost, spec: SideJobSpec<Request, Result>) {
  type Sequenced = Request & { seq: number };
  const listeners = new Set<(result: Result) => void>();
  let lastSeq = 0;
  /** The newest request not yet answered (or cancelled). */
  let outstanding: Sequenced | null = null;
  let stopMainThread: (() => void) | null = null;

  const receive = (result: Result): void => {
    if (host.disposed() || outstanding === null || result.seq !== outstanding.seq) return;
    outstanding = null;
    stopMainThread = null;
    for (const listener of [...listeners]) listener(result);
  };

  const dispatch = (request: Sequenced): void => {
    const worker = host.worker();
    if (worker !== null) {
      worker.postMessage(spec.message(request));
      return;
    }
    host.mainThreadCompute().then(
      (compute) => {
        if (host.disposed() || outstanding !== request) return;
        stopMainThread?.();
        stopMainThread = spec.onMainThread(compute, request, receive);
      },
      () => {},
    );
  };

  return {
    receive,
    /** Sends the outstanding request again (to a restarted worker or to the main thread). */
    resend(): void {
      if (outstanding !== null) dispatch(outstanding);
    },
    request(request: Request): number {
      const sequenced: Sequenced = {
        ...request,
        x: Float64Array.from(request.x),
        y: Float64Array.from(request.y),
        seq: ++lastSeq,
      };
      if (host.disposed()) return sequenced.seq;
      outstanding = sequenced;
      dispatch(sequenced);
      return sequenced.seq;
    },
    cancel(): void {
      if (outstanding === null) return;
      outstanding = null;
      stopMainThread?.();
      stopMainThread = null;
      host.worker()?.postMessage(spec.cancelMessage);
    },
    subscribe(listener: (result: Result) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose(): void {
      stopMainThread?.();
      listeners.clear();
    },
  };
}
