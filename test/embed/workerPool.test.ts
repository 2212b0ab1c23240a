import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerPool } from '../../src/embed/workerPool';
import { createComputeClient } from '../../src/worker/main/client';
import { NoWebWorkersError } from '../../src/worker/shared/computeNote';
import type { AnalysisResult, ComputeStatus } from '../../src/worker/shared/protocol';
import type { LivenessOptions } from '../../src/worker/main/liveness';
import { FakeWorker, resultFor, sampleRequest } from '../worker/fakeWorker';

/** A pool over fake workers, and the workers it created, newest last. */
function poolOverFakes(liveness?: Partial<LivenessOptions>) {
  const workers: FakeWorker[] = [];
  const pool = createWorkerPool(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    liveness ? { liveness } : {},
  );
  /** Requests the clients computed on the main thread (while a restarted worker starts). */
  const onMainThread: number[] = [];
  const client = () => {
    const created = createComputeClient({
      createWorker: pool.createWorker,
      loadMainThread: async () => ({
        compute: async (request) => {
          onMainThread.push(request.seq);
          return resultFor(request.seq);
        },
        curve: () => () => undefined,
      }),
      maxRestarts: 5,
    });
    const results: AnalysisResult[] = [];
    created.subscribe((result) => results.push(result));
    return { client: created, results };
  };
  return { pool, workers, client, onMainThread };
}

/** A worker status message, as a worker sends it once tfjs has started. */
const started = { type: 'status', status: { backend: 'webgl', note: null } } as const;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('one compute worker shared by several widgets', () => {
  it('sends one request at a time, taking the clients in turn, and answers each its own', async () => {
    const { pool, workers, client } = poolOverFakes();
    const a = client();
    const b = client();
    expect(workers).toHaveLength(1);
    const [worker] = workers as [FakeWorker];

    const seqA1 = a.client.request(sampleRequest(0.1));
    const seqB1 = b.client.request(sampleRequest(0.2));
    expect(worker.requests()).toHaveLength(1);
    // While A's request runs, A asks again twice: only its newest is kept, and B goes first.
    a.client.request(sampleRequest(0.3));
    const seqA3 = a.client.request(sampleRequest(0.4));

    worker.answer(worker.requests()[0]!);
    await flush();
    expect(a.results.map((r) => r.seq)).toEqual([seqA1]);
    expect(worker.requests()).toHaveLength(2);
    expect(worker.requests()[1]!.y[1]).toBeCloseTo(1.2);

    worker.answer(worker.requests()[1]!);
    await flush();
    expect(b.results.map((r) => r.seq)).toEqual([seqB1]);
    expect(worker.requests()[2]!.y[1]).toBeCloseTo(1.4);
    worker.answer(worker.requests()[2]!);
    await flush();
    expect(a.results.map((r) => r.seq)).toEqual([seqA1, seqA3]);
    // The worker saw distinct sequence numbers, whatever the clients numbered theirs.
    const seen = worker.requests().map((request) => request.seq);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pool.stats()).toEqual({ lanes: 2, running: true });
  });

  it('tells every client the worker’s status, also those that join later', async () => {
    const { workers, client } = poolOverFakes();
    const a = client();
    const statusesA: string[] = [];
    a.client.subscribeStatus((status) => statusesA.push(status.backend));
    workers[0]!.send({ type: 'status', status: { backend: 'webgl', note: null } });
    const b = client();
    const statusesB: string[] = [];
    b.client.subscribeStatus((status) => statusesB.push(status.backend));
    await flush();
    expect(statusesA).toEqual(['starting', 'webgl']);
    expect(statusesB).toEqual(['starting', 'webgl']);
    expect(workers).toHaveLength(1);
  });

  it('restarts the worker after a crash; clients with work outstanding get it answered', async () => {
    const { workers, client, onMainThread } = poolOverFakes();
    const a = client();
    const b = client();
    const idle = client();
    const seqA = a.client.request(sampleRequest(0.1));
    const seqB = b.client.request(sampleRequest(0.2));
    workers[0]!.crash('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    // While the fresh worker starts, the main thread answers the lost requests.
    for (let k = 0; k < 4; k++) await flush();
    expect(onMainThread).toEqual([seqA, seqB]);
    expect(a.results.map((r) => r.seq)).toEqual([seqA]);
    expect(b.results.map((r) => r.seq)).toEqual([seqB]);
    expect(idle.results).toEqual([]);
    // Once it has started, every client works through the fresh worker.
    const fresh = workers[1]!;
    fresh.send(started);
    await flush();
    const seqIdle = idle.client.request(sampleRequest(0.3));
    fresh.answer(fresh.requests()[0]!);
    await flush();
    expect(idle.results.map((r) => r.seq)).toEqual([seqIdle]);
  });

  it('restarts a worker that falls silent with a request out, and its clients recover', async () => {
    vi.useFakeTimers();
    const { workers, client, onMainThread } = poolOverFakes({ floorMs: 1_000, multiple: 0 });
    const a = client();
    const statuses: ComputeStatus[] = [];
    a.client.subscribeStatus((status) => statuses.push(status));
    workers[0]!.send(started);
    await vi.advanceTimersByTimeAsync(0);
    const seq = a.client.request(sampleRequest(0.1));
    expect(workers[0]!.requests()).toHaveLength(1);
    // Stages reported keep it alive.
    await vi.advanceTimersByTimeAsync(900);
    workers[0]!.send({ type: 'progress', seq: workers[0]!.requests()[0]!.seq, stage: 'fit' });
    await vi.advanceTimersByTimeAsync(900);
    expect(workers[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(workers[0]!.terminated).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(onMainThread).toEqual([seq]);
    expect(a.results.map((r) => r.seq)).toEqual([seq]);
    // The pool says how long the worker was silent; the client words it.
    expect(statuses.at(-1)?.note).toEqual({
      code: 'worker-restarted',
      cause: { code: 'silent', seconds: expect.closeTo(1, 1) as number },
    });
  });

  it('drops the answer for a client that left, and ends the worker when the last one leaves', async () => {
    const { pool, workers, client } = poolOverFakes();
    const a = client();
    const b = client();
    a.client.request(sampleRequest(0.1));
    const seqB = b.client.request(sampleRequest(0.2));
    a.client.dispose();
    const worker = workers[0]!;
    worker.answer(worker.requests()[0]!);
    await flush();
    expect(a.results).toEqual([]);
    worker.answer(worker.requests()[1]!);
    await flush();
    expect(b.results.map((r) => r.seq)).toEqual([seqB]);
    expect(worker.terminated).toBe(false);
    b.client.dispose();
    expect(worker.terminated).toBe(true);
    expect(pool.stats()).toEqual({ lanes: 0, running: false });
    // A new widget starts a new worker.
    client();
    expect(workers).toHaveLength(2);
  });

  it('lets a client fall back to the main thread when no worker can start', () => {
    const pool = createWorkerPool(() => {
      throw new NoWebWorkersError();
    });
    expect(() => pool.createWorker()).toThrow('no Web Workers');
    expect(pool.stats()).toEqual({ lanes: 0, running: false });
  });
});
