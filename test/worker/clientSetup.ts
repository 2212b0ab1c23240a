/** A compute client over fake workers and a recording main thread, for the client's tests. */
import { expect } from 'vitest';
import { createComputeClient } from '../../src/worker/main/client';
import { liveOnMainThread } from '../../src/worker/main/liveOnMainThread';
import type { LivenessOptions } from '../../src/worker/main/liveness';
import type { MainThreadCompute } from '../../src/worker/main/mainThreadCompute';
import type { AnalysisResult, ComputeStatus } from '../../src/worker/shared/protocol';
import { curveResultFor, FakeWorker, resultFor } from './fakeWorker';

export function setup(
  options: {
    liveness?: Partial<LivenessOptions>;
    maxRestarts?: number;
    /** A drag on the main thread up to this many points (liveOnMainThread.ts). */
    liveMaxPoints?: number;
  } = {},
) {
  const workers: FakeWorker[] = [];
  const mainThreadRequests: number[] = [];
  const mainThreadCurves: number[] = [];
  /** The requests whose worker answers seeded the main thread's engine (`seed`). */
  const mainThreadSeeds: number[] = [];
  const mainThread: MainThreadCompute = {
    seed: (request, answer) => {
      expect(answer.seq).toBe(request.seq);
      mainThreadSeeds.push(request.seq);
    },
    compute: async (request) => {
      mainThreadRequests.push(request.seq);
      return resultFor(request.seq);
    },
    curve: (request, deliver) => {
      mainThreadCurves.push(request.seq);
      queueMicrotask(() => deliver(curveResultFor(request.seq)));
      return () => undefined;
    },
  };
  const { liveMaxPoints, ...clientOptions } = options;
  const live =
    liveMaxPoints === undefined ? null : liveOnMainThread(liveMaxPoints, async () => mainThread);
  const client = createComputeClient({
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    loadMainThread: async () => mainThread,
    ...(live ? { computeNow: live.computeNow } : {}),
    ...clientOptions,
  });
  live?.loadAfterFirstAnswer(client);
  const results: AnalysisResult[] = [];
  const statuses: ComputeStatus[] = [];
  client.subscribe((result) => results.push(result));
  client.subscribeStatus((status) => statuses.push(status));
  const current = (): FakeWorker => {
    const worker = workers.at(-1);
    if (!worker) throw new Error('no worker was created');
    return worker;
  };
  return {
    client,
    workers,
    current,
    results,
    statuses,
    mainThreadRequests,
    mainThreadCurves,
    mainThreadSeeds,
  };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A worker status message, as a worker sends it once tfjs has started. */
export const started = { type: 'status', status: { backend: 'webgl', note: null } } as const;
