/**
 * The explorer's drag on the main thread (docs/design.md, "A drag on the main thread"): a drag's
 * requests (`AnalysisRequest.live`) on at most `maxPoints` points are computed at once, within
 * the task of the pointer move that asked, by the main thread's copy of the float64 engine, so
 * their arrows are drawn in the frame of that move instead of after a message to the worker, its
 * answer and the next frame. The engine is loaded after the client's first answer, so that it
 * never delays one; until it has loaded, every request goes to the worker. Each answer of the
 * worker seeds the engine's warm starts (`MainThreadCompute.seed`), so the first step of a drag
 * polishes from the fit on screen instead of searching from scratch (a cold fit held that pointer
 * move 18–56 ms at 50 points). Embedded widgets do not use it (no second copy of the engine).
 */
import type {
  AnalysisResult,
  AnalysisSuccess,
  ComputeClient,
  SequencedRequest,
} from '../shared/protocol';
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
  // The newest request left to the worker, and the newest answer of the worker (until the engine
  // has loaded, it waits here to seed it).
  let toWorker: SequencedRequest | null = null;
  let answered: { request: SequencedRequest; answer: AnalysisSuccess } | null = null;
  const seed = () => {
    if (engine && answered) engine.seed?.(answered.request, answered.answer);
    if (engine) answered = null;
  };
  return {
    computeNow(request) {
      if (engine && request.live && request.x.length <= maxPoints) return engine.compute(request);
      if (request.x.length <= maxPoints) toWorker = request;
      return null;
    },
    loadAfterFirstAnswer(client) {
      let loading = false;
      client.subscribe((result) => {
        if (result.ok && result.seq === toWorker?.seq) {
          answered = { request: toWorker, answer: result };
          seed();
        }
        if (loading) return;
        loading = true;
        load().then(
          (loaded) => {
            engine = loaded;
            seed();
          },
          // Without it every request simply stays on the worker.
          () => {},
        );
      });
    },
  };
}
