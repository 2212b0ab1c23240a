/**
 * Why the page computes where it does, held as data: a code, the numbers its sentence names and,
 * where the browser or tfjs said why, their own words kept verbatim as `detail` (text the page
 * cannot translate). The page words each note in its reader's language (src/ui/computeNoteText.ts).
 */

/**
 * Why WebGL is not in use, by code (the page words it in its language, src/ui/computeNoteText.ts);
 * `detail` is tfjs's or the browser's own error text, kept as it was given.
 */
export type WebglNote =
  /** The CPU backend was asked for. */
  | { readonly code: 'webgl-not-requested' }
  /** This worker cannot create a WebGL context at all (no OffscreenCanvas). */
  | { readonly code: 'webgl-unavailable' }
  /** Starting the WebGL backend threw. */
  | { readonly code: 'webgl-failed'; readonly detail: string }
  /** tfjs could not initialise the WebGL backend (its start-up returned false). */
  | { readonly code: 'webgl-refused' }
  /** WebGL started, but a test kernel gave a wrong answer or failed. */
  | { readonly code: 'webgl-test-failed' };

/** Why a compute worker was given up on. */
export type WorkerFailure =
  /** The worker or the browser reported an error; `detail` is its message. */
  | { readonly code: 'error'; readonly detail: string }
  /** The worker reported an error without a message. */
  | { readonly code: 'unnamed-error' }
  /** A message from the worker could not be decoded. */
  | { readonly code: 'undecodable-message' }
  /** A request was out and the worker said nothing for `seconds` (liveness.ts). */
  | { readonly code: 'silent'; readonly seconds: number }
  /** A new worker did not report its backend within `seconds`. */
  | { readonly code: 'no-start'; readonly seconds: number }
  /** The browser has no Web Workers. */
  | { readonly code: 'no-web-workers' };

export type WorkerFailureCode = WorkerFailure['code'];

/** What the status line adds after the backend's name. */
export type ComputeNote =
  /** Why the worker's tfjs runs on the CPU backend. */
  | WebglNote
  /** The WebGL context was lost while running; the worker goes on on the CPU backend. */
  | { readonly code: 'webgl-context-lost' }
  /** The compute worker failed and a new one was started. */
  | { readonly code: 'worker-restarted'; readonly cause: WorkerFailure }
  /** The compute worker failed `failures` times in a row: the main thread computes from now on. */
  | { readonly code: 'worker-gave-up'; readonly failures: number; readonly cause: WorkerFailure }
  /** No compute worker could be created: the main thread computes. */
  | { readonly code: 'no-worker'; readonly cause: WorkerFailure }
  /** Neither a worker nor the main thread can compute; `detail` is why the engine did not load. */
  | { readonly code: 'cannot-compute'; readonly detail: string };

export type ComputeNoteCode = ComputeNote['code'];

/** Every note code, each once: a code missing here fails the typecheck. */
const NOTE_CODES: Readonly<Record<ComputeNoteCode, true>> = {
  'webgl-not-requested': true,
  'webgl-unavailable': true,
  'webgl-failed': true,
  'webgl-refused': true,
  'webgl-test-failed': true,
  'webgl-context-lost': true,
  'worker-restarted': true,
  'worker-gave-up': true,
  'no-worker': true,
  'cannot-compute': true,
};

/** Every failure code, each once. */
const FAILURE_CODES: Readonly<Record<WorkerFailureCode, true>> = {
  error: true,
  'unnamed-error': true,
  'undecodable-message': true,
  silent: true,
  'no-start': true,
  'no-web-workers': true,
};

/** Every compute note code. */
export const COMPUTE_NOTE_CODES = Object.keys(NOTE_CODES) as readonly ComputeNoteCode[];

/** Every worker failure code. */
export const WORKER_FAILURE_CODES = Object.keys(FAILURE_CODES) as readonly WorkerFailureCode[];

/** Thrown where a compute worker is to be created and the browser has no Web Workers. */
export class NoWebWorkersError extends Error {
  constructor() {
    super('this browser has no Web Workers');
    this.name = 'NoWebWorkersError';
  }
}
