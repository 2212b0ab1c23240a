import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canTryWebgl,
  currentWebglContext,
  fallBackToCpu,
  startTfjs,
  watchContextLoss,
} from '../../src/gpu/tfjsBackend';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('tfjs start-up', () => {
  it('falls back to the CPU backend where WebGL is not registered (Node), saying why', async () => {
    tf.env().set('IS_TEST', true);
    const started = await startTfjs();
    expect(started.backend).toBe('cpu');
    expect(['webgl-unavailable', 'webgl-failed']).toContain(started.note?.code);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('does not try WebGL in a worker without OffscreenCanvas (Safari)', async () => {
    vi.stubGlobal('WorkerGlobalScope', class {});
    vi.stubGlobal('OffscreenCanvas', undefined);
    expect(canTryWebgl()).toBe(false);
    const started = await startTfjs();
    expect(started).toEqual({ backend: 'cpu', note: { code: 'webgl-unavailable' } });
  });

  it('tries WebGL in a worker that has OffscreenCanvas, and reports a failed start', async () => {
    vi.stubGlobal('WorkerGlobalScope', class {});
    vi.stubGlobal('OffscreenCanvas', class {});
    expect(canTryWebgl()).toBe(true);
    // 'webgl' is not registered in Node: setBackend throws, which must count as a failed start.
    const started = await startTfjs();
    expect(started.backend).toBe('cpu');
    // tfjs's own words, kept as they were given.
    expect(started.note).toEqual({ code: 'webgl-failed', detail: expect.stringMatching(/webgl/i) });
  });

  it('starts on the CPU when asked to', async () => {
    expect(await startTfjs({ preferCpu: true })).toEqual({
      backend: 'cpu',
      note: { code: 'webgl-not-requested' },
    });
  });

  it('has no context to watch or lose on the CPU backend', async () => {
    await fallBackToCpu();
    expect(currentWebglContext()).toBeNull();
    const stop = watchContextLoss(() => {
      throw new Error('no context can be lost');
    });
    stop();
  });
});
