/** An in-memory stand-in for the compute worker, driven by the test. */
import type { WorkerLike } from '../../src/worker/main/client';
import type { FromWorkerMessage, ToWorkerMessage } from '../../src/worker/shared/messages';
import type {
  AnalysisRequest,
  AnalysisResult,
  CurveRequest,
  CurveResult,
  SequencedCurveRequest,
  SequencedRequest,
} from '../../src/worker/shared/protocol';

export class FakeWorker implements WorkerLike {
  readonly received: ToWorkerMessage[] = [];
  terminated = false;
  private readonly target = new EventTarget();

  postMessage(message: ToWorkerMessage): void {
    if (!this.terminated) this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    this.target.addEventListener(type, listener as EventListener);
  }

  /** Requests received so far, in order. */
  requests(): SequencedRequest[] {
    return this.received.flatMap((message) =>
      message.type === 'analyse' ? [message.request] : [],
    );
  }

  /** Curve requests received so far, in order. */
  curveRequests(): SequencedCurveRequest[] {
    return this.received.flatMap((message) => (message.type === 'curve' ? [message.request] : []));
  }

  send(message: FromWorkerMessage): void {
    this.target.dispatchEvent(new MessageEvent('message', { data: message }));
  }

  /** Answers a request with a minimal failure result carrying its seq (content is irrelevant here). */
  answer(request: SequencedRequest): void {
    this.send({ type: 'result', result: resultFor(request.seq) });
  }

  crash(message = 'boom'): void {
    // Node has no ErrorEvent; an Event with a message is what the client reads.
    const event = Object.assign(new Event('error', { cancelable: true }), { message });
    this.target.dispatchEvent(event);
  }
}

export function resultFor(seq: number): AnalysisResult {
  return { seq, ok: false, code: 'test', message: `answer to ${seq}` };
}

export function curveResultFor(seq: number): CurveResult {
  return { seq, ok: false, code: 'test', message: `curve ${seq}` };
}

export function sampleCurveRequest(index = 1): CurveRequest {
  return {
    x: Float64Array.from([0, 1, 2, 3]),
    y: Float64Array.from([0, 1, 0, -1]),
    kernel: 'rbf',
    index,
    axis: 'y',
    halfWidth: 1,
    perSide: 4,
    domain: [-3, 3],
    start: null,
  };
}

export function sampleRequest(shift = 0): AnalysisRequest {
  return {
    x: Float64Array.from([0, 1, 2, 3]),
    y: Float64Array.from([0, 1 + shift, 0, -1]),
    kernel: 'rbf',
    grid: { min: 0, max: 3, count: 10 },
    landscape: null,
    samples: 0,
    finiteDifferenceIndex: null,
  };
}
