/**
 * Why the compute client gives up on a worker or a computation, in the words the page shows
 * (computeNoteText.ts turns them into sentences).
 */
import { NoWebWorkersError, type WorkerFailure } from '../shared/computeNote';

/** The message of a thrown value (the browser's or the engine's own words). */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why a worker is given up on, from what reported it: an Error, an ErrorEvent, a bare event (a
 * worker that failed to load), or a pool's event for a silent worker (with `silentMs`).
 */
export function workerFailure(error: unknown): WorkerFailure {
  if (error instanceof NoWebWorkersError) return { code: 'no-web-workers' };
  if (error instanceof Event) {
    const { message, silentMs } = error as Event & { message?: unknown; silentMs?: unknown };
    if (typeof silentMs === 'number') return { code: 'silent', seconds: silentMs / 1000 };
    if (typeof message === 'string' && message !== '') return { code: 'error', detail: message };
    return { code: error.type === 'messageerror' ? 'undecodable-message' : 'unnamed-error' };
  }
  return { code: 'error', detail: describeFailure(error) };
}
