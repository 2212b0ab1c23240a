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
 * only its own. The worker's status is replayed to lanes that join later. The pool watches the
 * real worker's liveness itself (liveness.ts; the lanes are `supervised`, so their clients do
 * not): when the worker fails — an error event, or silence while a request is out — it is
 * terminated and the lanes with work outstanding receive the error, so their clients restart them
 * as they would a worker of their own; the next request starts a fresh worker. When the last lane
 * closes, the worker is ended.
 */
import type { WorkerLike } from '../worker/main/client';
import {
  createLivenessWatch,
  DEFAULT_LIVENESS,
  StageTimes,
  type LivenessOptions,
  type LivenessWatch,
} from '../worker/main/liveness';
import type { FromWorkerMessage, ToWorkerMessage } from '../worker/shared/messages';
import type { ComputeStatus, SequencedRequest } from '../worker/shared/protocol';

export interface WorkerPool {
  /** A lane for one compute client; pass as `createComputeClient({ createWorker })`. */
  createWorker(): WorkerLike;
  /** Open lanes and whether a real worker is running. */
  stats(): { lanes: number; running: boolean };
}

export interface WorkerPoolOptions {
  /** When a silent worker counts as gone (liveness.ts). */
  liveness?: Partial<LivenessOptions>;
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
  /** The request as the worker sees it (with the pool's sequence number). */
  sent: SequencedRequest;
}

export function createWorkerPool(
  createRealWorker: () => WorkerLike,
  options: WorkerPoolOptions = {},
): WorkerPool {
  const liveness = { ...DEFAULT_LIVENESS, ...options.liveness };
  const stageTimes = new StageTimes();
  const lanes: Lane[] = [];
  let real: WorkerLike | null = null;
  let status: ComputeStatus | null = null;
  let inFlight: InFlight | null = null;
  let poolSeq = 0;
  /** Index in `lanes` after which the next turn starts. */
  let lastServed = -1;
  let watch: LivenessWatch | null = null;

  const deliver = (lane: Lane, message: FromWorkerMessage): void => {
    if (lane.closed) return;
    const event = { data: message } as MessageEvent<FromWorkerMessage>;
    for (const listener of [...lane.messageListeners]) listener(event);
  };

  const stopReal = (): void => {
    watch?.stop();
    watch = null;
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
    const workerWatch = createLivenessWatch(liveness, stageTimes, (silentMs) => {
      if (worker !== real) return;
      // The lanes' clients read `silentMs` (client.ts, `workerFailure`) to say how long.
      fail(Object.assign(new Event('error'), { silentMs }));
    });
    watch = workerWatch;
    worker.addEventListener('message', (event: MessageEvent<FromWorkerMessage>) => {
      if (worker !== real) return;
      const message = event.data;
      workerWatch.heard(message.type === 'progress' ? message.expectMs : undefined);
      if (message.type === 'status') {
        workerWatch.ready();
        status = message.status;
        for (const lane of lanes) deliver(lane, message);
        return;
      }
      if (inFlight === null) return;
      if (message.type === 'progress') {
        if (message.seq === inFlight.sent.seq) {
          deliver(inFlight.lane, { ...message, seq: inFlight.seq });
        }
        return;
      }
      // Widgets draw no response curves; an answer to one has no lane to go to.
      if (message.type !== 'result') return;
      if (message.result.seq !== inFlight.sent.seq) return;
      const { lane, seq, sent } = inFlight;
      inFlight = null;
      workerWatch.answered(sent, message.result);
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
      const sent = { ...request, seq: ++poolSeq };
      inFlight = { lane, seq: request.seq, sent };
      watch?.sent(sent);
      real.postMessage({ type: 'analyse', request: sent });
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
        supervised: true,
        postMessage(message: ToWorkerMessage) {
          if (lane.closed || message.type !== 'analyse') return;
          lane.pending = message.request;
          pump();
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
