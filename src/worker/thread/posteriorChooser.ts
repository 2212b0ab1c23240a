/**
 * Chooses, per problem size, between the float64 engine and the float32 tfjs kernels for the dense
 * posterior band, by measuring both on this device. Which is faster depends on the device far
 * more than on n: on a software-rendered WebGL (SwiftShader) the engine wins at every measured
 * n, while a real GPU overtakes it once n²·m is large (BENCHMARKS.md, "Compute worker").
 *
 * Sizes are bucketed by ⌈log₂ n⌉ and ⌈log₂ m⌉. In a new bucket the engine runs twice (the first
 * call warms the JIT); if its best time so far is not fast enough, tfjs runs twice (the first call
 * compiles shaders); from then on the path with
 * the better of its last two times is used, and the other is timed again every `REPROBE_EVERY`
 * requests, so a device that warms up or slows down is followed. Both paths give the same band to well within
 * its tolerances (mean 1e-4 relative, variance 1e-4 σf²), so a switch is invisible.
 *
 * "Fast enough" looks at the engine's best time ever in the bucket, not its latest: on a busy
 * machine two cold runs can both exceed the bar while the warm engine takes a tenth of it, and a
 * tfjs try on a software GPU compiles shaders for seconds — in the worker and in the GPU process
 * that also draws the page's frames. For the same reason a request made while the reader drags
 * (`live`) never tries or re-times a path: it takes the best one measured so far (the engine
 * until tfjs has been measured), so a drag is never held by a shader compile.
 */
export type DensePath = 'tfjs' | 'engine';

/** Picks the path for a size and learns from the times it is told. */
export interface DensePathChooser {
  /** `live`: the request answers a drag, so no path is tried or re-timed now. */
  choose(n: number, m: number, live?: boolean): DensePath;
  record(n: number, m: number, path: DensePath, milliseconds: number): void;
}

export const REPROBE_EVERY = 50;
/**
 * An engine band this fast is kept without trying tfjs: a GPU round trip (upload, dispatch,
 * read-back) rarely beats it, and the first try compiles shaders — a visible stall mid-drag.
 */
export const ENGINE_FAST_ENOUGH_MS = 4;
const RUNS_TO_MEASURE = 2;

interface BucketTimes {
  requests: number;
  /** The engine's best time in this bucket (its warm cost: load only adds to it), ms. */
  bestEngineMs: number;
  /** The last `RUNS_TO_MEASURE` times of each path, ms (Infinity for a run that failed). */
  recentMs: Record<DensePath, number[]>;
}

export class PosteriorChooser implements DensePathChooser {
  private readonly buckets = new Map<string, BucketTimes>();

  private bucket(n: number, m: number): BucketTimes {
    const key = `${Math.ceil(Math.log2(n))}:${Math.ceil(Math.log2(Math.max(m, 1)))}`;
    let times = this.buckets.get(key);
    if (!times) {
      times = { requests: 0, bestEngineMs: Infinity, recentMs: { tfjs: [], engine: [] } };
      this.buckets.set(key, times);
    }
    return times;
  }

  /**
   * The path to use for n training points and m grid points; `live` for a request made during a
   * drag, which takes the best path measured so far and never tries or re-times one.
   */
  choose(n: number, m: number, live = false): DensePath {
    const times = this.bucket(n, m);
    if (!live) times.requests += 1;
    const { engine, tfjs } = times.recentMs;
    if (engine.length < RUNS_TO_MEASURE) return 'engine';
    if (times.bestEngineMs <= ENGINE_FAST_ENOUGH_MS) return 'engine';
    if (tfjs.length < RUNS_TO_MEASURE) return live ? 'engine' : 'tfjs';
    const faster: DensePath = Math.min(...tfjs) < Math.min(...engine) ? 'tfjs' : 'engine';
    if (live) return faster;
    const slower: DensePath = faster === 'tfjs' ? 'engine' : 'tfjs';
    return times.requests % REPROBE_EVERY === 0 ? slower : faster;
  }

  /** Records how long `path` took for this size (Infinity when it failed). */
  record(n: number, m: number, path: DensePath, milliseconds: number): void {
    const times = this.bucket(n, m);
    if (path === 'engine') times.bestEngineMs = Math.min(times.bestEngineMs, milliseconds);
    const recent = times.recentMs[path];
    recent.push(milliseconds);
    if (recent.length > RUNS_TO_MEASURE) recent.shift();
  }
}
