/**
 * The explorer's drag on the main thread (docs/design.md, "A drag on the main thread"): a drag's
 * requests (`AnalysisRequest.live`) on at most `maxPoints` points are computed at once, within
 * the task of the pointer move that asked, by the main thread's copy of the float64 engine, so
 * their arrows are drawn in the frame of that move instead of after a message to the worker, its
 * answer and the next frame. The engine is loaded after the client's first answer, so that it
 * never delays one; until it has loaded, every request goes to the worker. Embedded widgets do
 * not use it (no second copy of the engine for them).
 */
import type { AnalysisResult, ComputeClient, SequencedRequest } from '../shared/protocol';
import { loadEngineOnMainThread } from './client';
import type { MainThreadCompute } from './mainThreadCompute';

export interface LiveOnMainThread {
  /** For `ComputeClientOptions.computeNow`. */
  computeNow(request: SequencedRequest): Promise<AnalysisResult> | null;
  /** Starts loading the engine once `client` has delivered its first answer. */
  loadAfterFirstAnswer(client: Pick<ComputeClient, 'subscribe'>): void;
}

export function liveOnMainThread(
  maxPoints: number,
  load: () => Promise<MainThreadCompute> = loadEngineOnMainThread,
): LiveOnMainThread {
  let engine: MainThreadCompute | null = null;
  return {
    computeNow: (request) =>
      engine && request.live && request.x.length <= maxPoints ? engine.compute(request) : null,
    loadAfterFirstAnswer(client) {
      const stop = client.subscribe(() => {
        stop();
        load().then(
          (loaded) => {
            engine = loaded;
          },
          // Without it every request simply stays on the worker.
          () => {},
        );
      });
    },
  };
}
