import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult, ComputeStatus } from '../../src/worker/shared/protocol';
import { NoWebWorkersError } from '../../src/worker/shared/computeNote';
import { createComputeClient } from '../../src/worker/main/client';
import { FakeWorker, resultFor, sampleRequest } from './fakeWorker';
import { flush, setup, started } from './clientSetup';

afterEach(() => {
  vi.useRealTimers();
});

describe('compute client recovery', () => {
  it('restarts a crashed worker; the main thread answers the newest request until it has started', async () => {
    const { client, workers, current, results, statuses, mainThreadRequests } = setup();
    client.request(sampleRequest(0));
    client.request(sampleRequest(1));
    client.request(sampleRequest(2));
    const first = current();
    first.crash('out of memory');

    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(statuses.at(-1)).toEqual({
      backend: 'starting',
      note: { code: 'worker-restarted', cause: { code: 'error', detail: 'out of memory' } },
    });
    const second = current();
    // The newest request goes to the main thread while the new worker starts.
    expect(second.requests()).toEqual([]);
    await flush();
    await flush();
    expect(mainThreadRequests).toEqual([3]);
    expect(results.map((result) => result.seq)).toEqual([3]);

    // A late answer from the dead worker is ignored.
    first.answer(first.requests()[0]!);
    expect(results.map((result) => result.seq)).toEqual([3]);

    // Once the new worker has started, requests go to it again.
    second.send(started);
    expect(statuses.at(-1)?.backend).toBe('webgl');
    client.request(sampleRequest(3));
    expect(second.requests().map((request) => request.seq)).toEqual([4]);
    second.answer(second.requests()[0]!);
    expect(results.map((result) => result.seq)).toEqual([3, 4]);
  });

  it('hands the lost in-flight request on when nothing newer is pending', async () => {
    const { client, current, mainThreadRequests } = setup();
    client.request(sampleRequest());
    current().crash();
    await flush();
    await flush();
    expect(mainThreadRequests).toEqual([1]);
  });

  it('without a main thread to bridge with, the new worker answers the lost request', async () => {
    const workers: FakeWorker[] = [];
    const client = createComputeClient({
      createWorker: () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker;
      },
      loadMainThread: () => Promise.reject(new Error('no engine chunk')),
    });
    client.request(sampleRequest());
    workers[0]!.crash();
    await flush();
    expect(workers[1]!.requests().map((request) => request.seq)).toEqual([1]);
  });

  it('restarts a worker that falls silent with a request out, after the liveness floor', async () => {
    vi.useFakeTimers();
    const { client, workers, current, statuses } = setup({
      liveness: { floorMs: 1000, multiple: 0, startupMs: 20_000 },
    });
    current().send(started);
    client.request(sampleRequest());
    await vi.advanceTimersByTimeAsync(999);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(statuses.at(-1)?.note).toEqual({
      code: 'worker-restarted',
      cause: { code: 'silent', seconds: expect.closeTo(1, 1) as number },
    });
  });

  it('allows the start-up its own time, and a working worker every stage its time', async () => {
    vi.useFakeTimers();
    const { client, workers, current } = setup({
      liveness: { floorMs: 1000, multiple: 0, startupMs: 20_000 },
    });
    client.request(sampleRequest());
    // Not started yet: the start-up allowance applies.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(workers).toHaveLength(1);
    current().send(started);
    // Started: each stage reported restarts the clock.
    for (const stage of ['started', 'fit', 'sensitivity', 'posterior'] as const) {
      await vi.advanceTimersByTimeAsync(900);
      current().send({ type: 'progress', seq: 1, stage });
    }
    await vi.advanceTimersByTimeAsync(900);
    current().answer(current().requests()[0]!);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(workers).toHaveLength(1);
  });

  it('scales the allowance to the measured cost of a stage', async () => {
    vi.useFakeTimers();
    const { client, workers, current } = setup({ liveness: { floorMs: 1000, multiple: 4 } });
    current().send(started);
    client.request(sampleRequest());
    const worker = current();
    // A slow fit measured once (2 s): the next request of the same size gets 1 s + 4 × 2 s.
    worker.send({
      type: 'result',
      result: {
        ...resultFor(1),
        ok: true,
        timingMs: { fit: 2000, sensitivity: 1, posterior: 1, landscape: 0, total: 2002 },
      } as unknown as AnalysisResult,
    });
    client.request(sampleRequest());
    await vi.advanceTimersByTimeAsync(8_900);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(workers).toHaveLength(2);
  });

  it('gives a stage the worker announces as slow (a first GPU run) the time it asks for', async () => {
    vi.useFakeTimers();
    const { client, workers, current } = setup({ liveness: { floorMs: 1000, multiple: 0 } });
    current().send(started);
    client.request(sampleRequest());
    current().send({ type: 'progress', seq: 1, stage: 'gpu-first-run', expectMs: 8000 });
    await vi.advanceTimersByTimeAsync(8900);
    expect(workers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(workers).toHaveLength(2);
  });

  it('watches a restarted worker’s start-up while the main thread bridges', async () => {
    vi.useFakeTimers();
    const { client, workers, current, statuses } = setup({
      liveness: { floorMs: 1000, multiple: 0, startupMs: 5000 },
    });
    client.request(sampleRequest());
    current().crash();
    expect(workers).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4900);
    expect(workers).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(workers).toHaveLength(3);
    expect(statuses.at(-1)?.note).toEqual({
      code: 'worker-restarted',
      cause: { code: 'no-start', seconds: 5 },
    });
  });

  it('does not restart a worker once the answer came', async () => {
    vi.useFakeTimers();
    const { client, workers, current } = setup({ liveness: { floorMs: 1000, multiple: 0 } });
    current().send(started);
    client.request(sampleRequest());
    current().answer(current().requests()[0]!);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(1);
  });

  it('leaves liveness to a supervised worker (a shared worker’s lane)', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const client = createComputeClient({
      createWorker: () => {
        const worker = Object.assign(new FakeWorker(), { supervised: true });
        workers.push(worker);
        return worker;
      },
      liveness: { floorMs: 10, multiple: 0, startupMs: 10 },
    });
    workers[0]!.send(started);
    client.request(sampleRequest());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(workers).toHaveLength(1);
  });

  it('falls back to the main thread after repeated failures and says so', async () => {
    const { client, workers, current, results, statuses, mainThreadRequests } = setup({
      maxRestarts: 2,
    });
    client.request(sampleRequest());
    current().crash();
    current().crash();
    current().crash();
    expect(workers).toHaveLength(3);
    await flush();
    await flush();
    expect(statuses.at(-1)?.backend).toBe('main-thread');
    expect(statuses.at(-1)?.note).toEqual({
      code: 'worker-gave-up',
      failures: 3,
      cause: { code: 'error', detail: 'boom' },
    });
    expect(mainThreadRequests).toEqual([1]);
    expect(results.map((result) => result.seq)).toEqual([1]);

    client.request(sampleRequest(1));
    client.request(sampleRequest(2));
    for (let k = 0; k < 4; k++) await flush();
    expect(mainThreadRequests).toEqual([1, 2, 3]);
    expect(results.map((result) => result.seq)).toEqual([1, 2, 3]);
  });

  it('a success of the worker resets the failure count', async () => {
    const { client, workers, current } = setup({ maxRestarts: 1 });
    client.request(sampleRequest());
    current().crash();
    await flush();
    await flush();
    current().send(started);
    client.request(sampleRequest());
    current().answer(current().requests()[0]!);
    client.request(sampleRequest());
    current().crash();
    expect(workers).toHaveLength(3);
  });

  it('computes on the main thread when no worker can be created', async () => {
    const statuses: ComputeStatus[] = [];
    const results: AnalysisResult[] = [];
    const client = createComputeClient({
      createWorker: () => {
        throw new NoWebWorkersError();
      },
      loadMainThread: async () => ({
        compute: async (request) => resultFor(request.seq),
        curve: () => () => undefined,
      }),
    });
    client.subscribeStatus((status) => statuses.push(status));
    client.subscribe((result) => results.push(result));
    client.request(sampleRequest());
    for (let k = 0; k < 4; k++) await flush();
    expect(statuses.at(-1)).toEqual({
      backend: 'main-thread',
      note: { code: 'no-worker', cause: { code: 'no-web-workers' } },
    });
    expect(results.map((result) => result.seq)).toEqual([1]);
  });

  it('delivers nothing after dispose', () => {
    const { client, current, results } = setup();
    client.request(sampleRequest());
    const worker = current();
    client.dispose();
    expect(worker.terminated).toBe(true);
    worker.answer(worker.requests()[0]!);
    expect(results).toEqual([]);
  });

  it('a throwing subscriber does not starve the others', async () => {
    const { client, current, results } = setup();
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    client.subscribe(() => {
      throw new Error('subscriber bug');
    });
    client.request(sampleRequest());
    current().answer(current().requests()[0]!);
    expect(results).toHaveLength(1);
    await flush();
    process.off('uncaughtException', onError);
    expect(String(errors[0])).toMatch(/subscriber bug/);
  });
});
