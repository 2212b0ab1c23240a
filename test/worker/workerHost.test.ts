import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TfjsBackendName } from '../../src/gpu/tfjsBackend';
import type { PosteriorPath } from '../../src/worker/thread/analysis';
import type { FromWorkerMessage } from '../../src/worker/shared/messages';
import type {
  AnalysisResult,
  SequencedCurveRequest,
  SequencedRequest,
} from '../../src/worker/shared/protocol';
import {
  createTfjsPosteriorPath,
  GPU_FIRST_RUN_MS,
} from '../../src/worker/thread/tfjsPosteriorPath';
import { createWorkerHost, type GpuRuntime } from '../../src/worker/thread/workerHost';
import { referenceCases } from '../fixtures/reference';
import { startCpuBackend } from '../gpu/tfjsCpu';

beforeAll(startCpuBackend);

/** Sends every band to the float32 kernels, so that they are what runs. */
const alwaysTfjs = { choose: () => 'tfjs' as const, record: () => undefined };

const reference = referenceCases.sine10!;

function request(seq: number, shift = 0, samples = 2): SequencedRequest {
  return {
    seq,
    x: Float64Array.from(reference.x),
    y: Float64Array.from(reference.y, (value, i) => (i === 4 ? value + shift : value)),
    kernel: 'rbf',
    grid: { min: 0, max: 6, count: 400 },
    landscape: null,
    samples,
    finiteDifferenceIndex: null,
  };
}

/**
 * A runtime that reports `backend` (the tensors still run on tfjs's CPU backend in Node) and
 * whose context can be lost on demand.
 */
function fakeRuntime(backend: TfjsBackendName, start?: () => Promise<never>) {
  const state = { lost: false, fallBacks: 0, onLost: null as (() => void) | null };
  const runtime: GpuRuntime & { loseContext(): void } = {
    start:
      start ??
      (async () => ({ backend, note: backend === 'cpu' ? { code: 'webgl-unavailable' } : null })),
    contextLost: () => state.lost,
    onContextLost: (callback) => (state.onLost = callback),
    fallBackToCpu: async () => {
      state.fallBacks += 1;
      state.lost = false;
    },
    loseContext: () => {
      state.lost = true;
      state.onLost?.();
    },
  };
  return { runtime, state };
}

function setup(
  options: {
    backend?: TfjsBackendName;
    wrapPath?: (path: PosteriorPath) => PosteriorPath;
    start?: () => Promise<never>;
  } = {},
) {
  const posted: { message: FromWorkerMessage; transfer: Transferable[] }[] = [];
  const crashes: string[] = [];
  const { runtime, state } = fakeRuntime(options.backend ?? 'cpu', options.start);
  const host = createWorkerHost({
    post: (message, transfer) => posted.push({ message, transfer }),
    runtime,
    createPath: (backend) =>
      (options.wrapPath ?? ((path) => path))(createTfjsPosteriorPath(backend, alwaysTfjs)),
    crash: (reason) => crashes.push(reason),
  });
  const results = (): AnalysisResult[] =>
    posted.flatMap(({ message }) => (message.type === 'result' ? [message.result] : []));
  const statuses = () =>
    posted.flatMap(({ message }) => (message.type === 'status' ? [message.status] : []));
  return { host, posted, results, statuses, crashes, state, runtime };
}

describe('worker host', () => {
  it('reports the started backend and answers a request', async () => {
    const { host, results, statuses } = setup();
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    expect(statuses()).toEqual([{ backend: 'cpu', note: { code: 'webgl-unavailable' } }]);
    const [result] = results();
    expect(result?.ok && result.backend).toBe('cpu');
    expect(result?.seq).toBe(1);
  });

  it('keeps only the newest request while busy (latest wins)', async () => {
    const { host, results } = setup();
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    host.receive({ type: 'analyse', request: request(2) });
    for (let seq = 3; seq <= 50; seq++)
      host.receive({ type: 'analyse', request: request(seq, seq / 100) });
    await host.idle();
    expect(results().map((result) => result.seq)).toEqual([1, 2, 50]);
  });

  it('answers only the newest of the requests that arrived during start-up', async () => {
    const { host, results } = setup();
    for (let seq = 1; seq <= 20; seq++) host.receive({ type: 'analyse', request: request(seq) });
    await host.idle();
    expect(results().map((result) => result.seq)).toEqual([20]);
  });

  it('leaves the tfjs tensor count unchanged across 100 requests', async () => {
    const { host, results } = setup();
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    const before = tf.memory().numTensors;
    for (let seq = 2; seq <= 101; seq++) {
      host.receive({ type: 'analyse', request: request(seq, 0.002 * seq, 3) });
      await host.idle();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(results().every((result) => result.ok)).toBe(true);
    expect(results()).toHaveLength(101);
  });

  it('transfers the result arrays instead of copying them', async () => {
    const { host, posted } = setup();
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    const last = posted.at(-1)!;
    if (last.message.type !== 'result' || !last.message.result.ok) throw new Error('no result');
    expect(last.transfer).toContain(last.message.result.posterior.mean.buffer);
    expect(last.transfer).toContain(last.message.result.samples[0]!.buffer);
  });

  it('switches to the CPU when the WebGL context is lost mid-request and recomputes it', async () => {
    let calls = 0;
    const { host, results, statuses, state, runtime } = setup({
      backend: 'webgl',
      wrapPath: (path) => ({
        ...path,
        posterior: async (...args) => {
          calls += 1;
          if (calls === 1) runtime.loseContext();
          return path.posterior(...args);
        },
      }),
    });
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    expect(state.fallBacks).toBe(1);
    expect(statuses().at(-1)).toEqual({
      backend: 'cpu',
      note: { code: 'webgl-context-lost' },
    });
    expect(results()).toHaveLength(1);
    const [result] = results();
    expect(result?.ok && result.backend).toBe('cpu');
    expect(calls).toBe(2);
  });

  it('abandons a read-back that never settles once the context is lost, and recomputes on the CPU', async () => {
    let calls = 0;
    const { host, results, state, runtime } = setup({
      backend: 'webgl',
      wrapPath: (path) => ({
        ...path,
        posterior: (...args) => {
          calls += 1;
          if (calls > 1) return path.posterior(...args);
          // The read-back of a dying context: it never settles; the loss is signalled meanwhile.
          setTimeout(() => runtime.loseContext(), 5);
          return new Promise(() => {});
        },
      }),
    });
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    expect(state.fallBacks).toBe(1);
    expect(calls).toBe(2);
    expect(results().map((result) => result.ok && result.backend)).toEqual(['cpu']);
  });

  it('reports each stage of an analysis before its result, and a first GPU run with its allowance', async () => {
    const { host, posted } = setup();
    host.receive({ type: 'analyse', request: request(7, 0, 0) });
    await host.idle();
    host.receive({ type: 'analyse', request: request(8, 0.01, 0) });
    await host.idle();
    const stages = posted.flatMap(({ message }) =>
      message.type === 'progress'
        ? [`${message.seq}:${message.stage}${message.expectMs ? `:${message.expectMs}` : ''}`]
        : message.type === 'result'
          ? [`${message.result.seq}:result`]
          : [],
    );
    expect(stages).toEqual([
      '7:started',
      '7:fit',
      '7:sensitivity',
      // The first band of this size on the GPU compiles shaders: announced, with its allowance.
      `7:gpu-first-run:${GPU_FIRST_RUN_MS}`,
      '7:posterior',
      '7:result',
      '8:started',
      '8:fit',
      '8:sensitivity',
      '8:posterior',
      '8:result',
    ]);
  });

  it('switches to the CPU at once when the context is lost while idle', async () => {
    const { host, statuses, state, results, runtime } = setup({ backend: 'webgl' });
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    runtime.loseContext();
    await host.idle();
    expect(state.fallBacks).toBe(1);
    expect(statuses().at(-1)?.backend).toBe('cpu');
    host.receive({ type: 'analyse', request: request(2) });
    await host.idle();
    expect(results().map((result) => result.ok && result.backend)).toEqual(['webgl', 'cpu']);
  });

  it('crashes when tfjs cannot start at all', async () => {
    const { crashes } = setup({ start: () => Promise.reject(new Error('no backend')) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(crashes).toEqual(['no backend']);
  });

  it('crashes when it cannot switch to the CPU after a lost context', async () => {
    const { host, crashes, runtime, results } = setup({ backend: 'webgl' });
    runtime.fallBackToCpu = () => Promise.reject(new Error('cpu backend is gone'));
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    runtime.loseContext();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(crashes).toEqual(['cpu backend is gone']);
    expect(results()).toHaveLength(1);
  });
});

describe('worker host: response curves', () => {
  function curveRequest(seq: number, index = 4, perSide = 12): SequencedCurveRequest {
    return {
      seq,
      x: Float64Array.from(reference.x),
      y: Float64Array.from(reference.y),
      kernel: 'rbf',
      index,
      axis: 'y',
      halfWidth: 1,
      perSide,
      domain: [-3, 3],
      start: null,
    };
  }
  const messages = (posted: { message: FromWorkerMessage }[]) =>
    posted.flatMap(({ message }) =>
      message.type === 'status' || message.type === 'progress'
        ? []
        : [`${message.type} ${message.result.seq}`],
    );

  it('answers a curve request with refits around the point, transferred', async () => {
    const { host, posted } = setup();
    host.receive({ type: 'curve', request: curveRequest(1) });
    await host.idle();
    const last = posted.at(-1)!;
    if (last.message.type !== 'curve' || !last.message.result.ok) throw new Error('no curve');
    const { curve, timingMs } = last.message.result;
    expect(curve.index).toBe(4);
    expect(curve.values[curve.centre]).toBe(reference.y[4]);
    expect(curve.values.length).toBeGreaterThan(12);
    expect(timingMs.compute).toBeGreaterThan(0);
    expect(last.transfer).toContain(curve.values.buffer);
  });

  it('runs an analysis that arrives while a curve is computing first', async () => {
    const { host, posted } = setup();
    host.receive({ type: 'analyse', request: request(1) });
    await host.idle();
    // 81 refits: many slices of CURVE_SLICE_MS on any machine.
    host.receive({ type: 'curve', request: curveRequest(1, 4, 40) });
    // One slice of the curve, then an analysis arrives: it is answered before the curve is.
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.receive({ type: 'analyse', request: request(2, 0.01) });
    await host.idle();
    expect(messages(posted)).toEqual(['result 1', 'result 2', 'curve 1']);
  });

  it('drops an unfinished curve for a newer one, or on cancel', async () => {
    const { host, posted } = setup();
    host.receive({ type: 'curve', request: curveRequest(1) });
    host.receive({ type: 'curve', request: curveRequest(2, 6) });
    await host.idle();
    expect(messages(posted)).toEqual(['curve 2']);
    host.receive({ type: 'curve', request: curveRequest(3) });
    host.receive({ type: 'cancel-curve' });
    await host.idle();
    expect(messages(posted)).toEqual(['curve 2']);
  });

  it('names what is wrong with a bad curve request', async () => {
    const { host, posted } = setup();
    host.receive({ type: 'curve', request: { ...curveRequest(1), index: 40 } });
    await host.idle();
    const last = posted.at(-1)!;
    expect(last.message.type === 'curve' && last.message.result).toMatchObject({
      ok: false,
      code: 'invalid-request',
      message: 'curve point 40 is not a point index (0 … 9)',
    });
  });
});
