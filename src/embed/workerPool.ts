/**
 * One compute worker serving every widget on a page.
 *
 * Each widget keeps its own compute client (its own sequence numbers, latest-wins queue, restart
 * and main-thread fallback); the pool gives each client a *lane* that behaves like a worker of
 * its own. The real worker answers one request at a time and drops a waiting request when a
 * newer one arrives, so the pool sends it exactly one request at a time, taking the lanes in
 * turn (each lane holds only its newest request): one busy widget cannot starve another.
 *
 * Sequence numbers are rewritten on the way in and restored on the way out, so each client sees
 * only its own. The worker's status is replayed to lanes that join later. When the worker fails
 * (an error event, or no answer within the watchdog), it is terminated and the lanes with work
 * outstanding receive the error, so their clients restart them as they would a worker of their
 * own; the next request starts a fresh worker. When the last lane closes, the worker is ended.
 */
import { DEFAULT_WATCHDOG_MS, type WorkerLike } from '../worker/client';
import type { FromWorkerMessage, ToWorkerMessage } from '../worker/messages';
import type { ComputeStatus, SequencedRequest } from '../worker/protocol';

export interface WorkerPool {
  /** A lane for one compute client; pass as `createComputeClient({ createWorker })`. */
  createWorker(): WorkerLike;
  /** Open lanes and whether a real worker is running. */
  stats(): { lanes: number; running: boolean };
}

export interface WorkerPoolOptions {
  /** A request unanswered this long means the worker is stuck; it is restarted. */
  watchdogMs?: number;
}

type MessageListener = (event: MessageEvent<FromWorkerMessage>) => void;
type EventListener = (event: Event) => void;

interface Lane {
  pending: SequencedRequest | null;
  messageListeners: Set<MessageListener>;
  errorListeners: Set<EventListener>;
  closed: boolean;
}

interface InFlight {
  lane: Lane;
  /** The client's own sequence number. */
  seq: number;
  /** The number the worker sees. */
  poolSeq: number;
}

export function createWorkerPool(
  createRealWorker: () => WorkerLike,
  options: WorkerPoolOptions = {},
): WorkerPool {
  const watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  const lanes: Lane[] = [];
  let real: WorkerLike | null = null;
  let status: ComputeStatus | null = null;
  let inFlight: InFlight | null = null;
  let poolSeq = 0;
  /** Index in `lanes` after which the next turn starts. */
  let lastServed = -1;
  let watchdog: ReturnType<typeof setTimeout> | null = null;

  const deliver = (lane: Lane, message: FromWorkerMessage): void => {
    if (lane.closed) return;
    const event = { data: message } as MessageEvent<FromWorkerMessage>;
    for (const listener of [...lane.messageListeners]) listener(event);
  };

  const clearWatchdog = (): void => {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
  };

  const stopReal = (): void => {
    clearWatchdog();
    real?.terminate();
    real = null;
    status = null;
    inFlight = null;
  };

  function fail(event: Event): void {
    const affected = lanes.filter((lane) => lane.pending !== null || inFlight?.lane === lane);
    stopReal();
    // Clear every lane first: the clients resend what they need when they hear of the failure.
    for (const lane of affected) lane.pending = null;
    for (const lane of affected) {
      for (const listener of [...lane.errorListeners]) listener(event);
    }
  }

  function startReal(): WorkerLike {
    const worker = createRealWorker();
    worker.addEventListener('message', (event: MessageEvent<FromWorkerMessage>) => {
      if (worker !== real) return;
      const message = event.data;
      if (message.type === 'status') {
        status = message.status;
        for (const lane of lanes) deliver(lane, message);
        return;
      }
      // Widgets draw no response curves; an answer to one has no lane to go to.
      if (message.type !== 'result') return;
      if (inFlight === null || message.result.seq !== inFlight.poolSeq) return;
      const { lane, seq } = inFlight;
      inFlight = null;
      clearWatchdog();
      deliver(lane, { type: 'result', result: { ...message.result, seq } });
      pump();
    });
    const onFailure = (event: Event): void => {
      event.preventDefault();
      if (worker === real) fail(event);
    };
    worker.addEventListener('error', onFailure);
    worker.addEventListener('messageerror', onFailure);
    return worker;
  }

  /** Sends the next lane's request, in turn, when the worker is free. */
  function pump(): void {
    if (inFlight !== null || lanes.length === 0) return;
    for (let step = 1; step <= lanes.length; step++) {
      const index = (lastServed + step) % lanes.length;
      const lane = lanes[index];
      if (!lane?.pending) continue;
      real ??= startReal();
      const request = lane.pending;
      lane.pending = null;
      lastServed = index;
      inFlight = { lane, seq: request.seq, poolSeq: ++poolSeq };
      watchdog = setTimeout(
        () =>
          fail(Object.assign(new Event('error'), { message: `no answer within ${watchdogMs} ms` })),
        watchdogMs,
      );
      real.postMessage({ type: 'analyse', request: { ...request, seq: inFlight.poolSeq } });
      return;
    }
  }

  return {
    createWorker(): WorkerLike {
      // Start (or fail to start) the worker now, so a page without workers learns it at once.
      real ??= startReal();
      const lane: Lane = {
        pending: null,
        messageListeners: new Set(),
        errorListeners: new Set(),
        closed: false,
      };
      lanes.push(lane);
      if (status !== null) {
        const known = status;
        queueMicrotask(() => deliver(lane, { type: 'status', status: known }));
      }
      return {
        postMessage(message: ToWorkerMessage) {
          if (lane.closed) return;
          if (message.type === 'analyse') {
            lane.pending = message.request;
            pump();
          } else {
            real?.postMessage(message);
          }
        },
        terminate() {
          if (lane.closed) return;
          lane.closed = true;
          const index = lanes.indexOf(lane);
          lanes.splice(index, 1);
          if (index <= lastServed) lastServed -= 1;
          // The answer to its request, if one is running, is dropped when it comes.
          if (lanes.length === 0) stopReal();
        },
        addEventListener(type: string, listener: MessageListener | EventListener) {
          if (type === 'message') lane.messageListeners.add(listener as MessageListener);
          else lane.errorListeners.add(listener as EventListener);
        },
      } as WorkerLike;
    },
    stats: () => ({ lanes: lanes.length, running: real !== null }),
  };
}
