/**
 * Faults the test worker (faultyCompute.worker.ts) can be told to commit, so that the page's
 * recovery is tested against the real thing in a real browser. Test pages only: the production
 * worker knows none of this.
 */

export type LabFault =
  /** Throw an uncaught error from the worker's event loop (the page sees an `error` event). */
  | 'crash'
  /** `self.close()`: the worker ends without a word; nothing it was asked is ever answered. */
  | 'close'
  /** Spin forever in a loop: alive to the browser, silent to the page. */
  | 'hang'
  /** Lose the WebGL context now, as a GPU reset would. */
  | 'context-loss'
  /** Lose the WebGL context just after the next GPU read-back has started. */
  | 'context-loss-in-readback'
  /** Let the next GPU read-back never settle, with no context-loss event (a GPU stall). */
  | 'stall-readback';

/**
 * Where the test worker computes the posterior band: as measured (the product's choice), always
 * with the float32 tfjs kernels (a GPU read-back every time), or always with the float64 engine
 * (no shader compilation in the middle of a test).
 */
export type LabBandPath = 'measured' | 'gpu' | 'engine';

export type LabToWorkerMessage =
  { type: 'lab-fault'; fault: LabFault } | { type: 'lab-config'; band: LabBandPath };

export function isLabMessage(message: unknown): message is LabToWorkerMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'lab-fault' || type === 'lab-config';
}
