/**
 * Starts the compute worker for an embedded widget, wherever its script was loaded from.
 *
 * A worker script must come from the page's own origin. When the widget's script is served from
 * elsewhere (a CDN), the worker starts from a one-line blob module that imports the real script:
 * that needs CORS on the script's host and, under a Content-Security-Policy, `worker-src blob:`.
 * When even that fails, the compute client computes on the main thread instead.
 */
import computeWorkerUrl from '../worker/thread/compute.worker.ts?worker&url';
import type { WorkerLike } from '../worker/main/client';
import { NoWebWorkersError } from '../worker/shared/computeNote';

/** The compute worker's script as an absolute URL. */
export function computeWorkerScript(): URL {
  return new URL(computeWorkerUrl, import.meta.url);
}

export function createComputeWorker(): WorkerLike {
  if (typeof Worker === 'undefined') throw new NoWebWorkersError();
  const script = computeWorkerScript();
  if (script.origin === globalThis.location.origin) return new Worker(script, { type: 'module' });
  const trampoline = URL.createObjectURL(
    new Blob([`import ${JSON.stringify(script.href)};\n`], { type: 'text/javascript' }),
  );
  const worker = new Worker(trampoline, { type: 'module' });
  const release = () => URL.revokeObjectURL(trampoline);
  worker.addEventListener('message', release, { once: true });
  worker.addEventListener('error', release, { once: true });
  return worker;
}
