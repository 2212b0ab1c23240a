/**
 * Start-up of tfjs for the float32 kernels: WebGL when it really starts, else the CPU backend.
 *
 * Only tfjs-core and the two backends are imported; importing the backend packages registers
 * them (the WebGL one only where a browser-like global scope exists). `setBackend` reports
 * success by its boolean result — `getBackend()` may still name 'webgl' after a failed start —
 * and throws when the name was never registered, so both outcomes are checked.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import type { WebglNote } from '../worker/shared/computeNote';

export type TfjsBackendName = 'webgl' | 'cpu';

export interface TfjsStart {
  backend: TfjsBackendName;
  /** Why WebGL is not in use, or null when it is. */
  note: WebglNote | null;
}

export interface TfjsStartOptions {
  /** Skip WebGL and start on the CPU backend directly. */
  preferCpu?: boolean;
  /**
   * Accept software WebGL (SwiftShader). tfjs asks for a context that fails on a "major
   * performance caveat"; software rendering is still a correct WebGL2 and keeps the float32
   * kernels off the worker's JS thread, so it is accepted by default.
   */
  allowSoftwareWebgl?: boolean;
}

/** Whether this global scope can create a WebGL2 context off the main thread at all. */
export function canTryWebgl(): boolean {
  const isWorkerScope =
    typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
  if (isWorkerScope) return typeof OffscreenCanvas !== 'undefined';
  return typeof document !== 'undefined';
}

/** Starts backend `name`; `error` is what it threw, null when it declined or did not throw. */
async function trySetBackend(
  name: TfjsBackendName,
): Promise<{ ok: boolean; error: string | null }> {
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    return { ok: ok && tf.getBackend() === name, error: null };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Probes a trivial kernel so a backend that starts but cannot run a shader is rejected. */
async function probe(): Promise<boolean> {
  try {
    const result = tf.tidy(() => tf.matMul(tf.ones([2, 2]), tf.ones([2, 2])));
    const values = await result.data();
    result.dispose();
    return values.length === 4 && values.every((value) => value === 2);
  } catch {
    return false;
  }
}

/**
 * Starts tfjs on WebGL if possible, else on the CPU backend. Never rejects for a missing or
 * broken WebGL; rejects only if even the CPU backend cannot start.
 */
export async function startTfjs(options: TfjsStartOptions = {}): Promise<TfjsStart> {
  let note: WebglNote;
  if (options.preferCpu) {
    note = { code: 'webgl-not-requested' };
  } else if (!canTryWebgl()) {
    note = { code: 'webgl-unavailable' };
  } else {
    if (options.allowSoftwareWebgl ?? true) tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    const webgl = await trySetBackend('webgl');
    if (webgl.ok && (await probe())) return { backend: 'webgl', note: null };
    note = webgl.ok
      ? { code: 'webgl-test-failed' }
      : webgl.error !== null
        ? { code: 'webgl-failed', detail: webgl.error }
        : { code: 'webgl-refused' };
  }
  const cpu = await trySetBackend('cpu');
  if (!cpu.ok)
    throw new Error(`tfjs could not start on the CPU backend: ${cpu.error ?? 'it declined'}`);
  return { backend: 'cpu', note };
}

/** Switches to the CPU backend after WebGL failed at run time (e.g. a lost context). */
export async function fallBackToCpu(): Promise<void> {
  const cpu = await trySetBackend('cpu');
  if (!cpu.ok)
    throw new Error(`tfjs could not switch to the CPU backend: ${cpu.error ?? 'it declined'}`);
  if (tf.findBackend('webgl') !== null) {
    try {
      tf.removeBackend('webgl');
    } catch {
      // A backend whose context is gone may fail to dispose; it is unused from here on.
    }
  }
}

/**
 * Calls `onLost` once when the WebGL context behind the current backend is lost.
 * Returns a function that stops listening; a no-op when the backend is not WebGL.
 */
export function watchContextLoss(onLost: () => void): () => void {
  const canvas = currentWebglCanvas();
  if (canvas === null) return () => undefined;
  const listener = (): void => onLost();
  canvas.addEventListener('webglcontextlost', listener, { once: true });
  return () => canvas.removeEventListener('webglcontextlost', listener);
}

/** The WebGL context of the running backend, or null when it is not WebGL. */
export function currentWebglContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as {
    gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
  };
  return backend.gpgpu?.gl ?? null;
}

function currentWebglCanvas(): HTMLCanvasElement | OffscreenCanvas | null {
  return currentWebglContext()?.canvas ?? null;
}
