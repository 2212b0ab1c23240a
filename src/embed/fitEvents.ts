/** What a widget reports after each new fit: θ̂ and the data it belongs to. */
import type { KernelName, TrustVerdict } from '../engine/types';
import type { ExplorerState, ExplorerStore, Point } from '../state';

/**
 * The `detail` of a widget's `change` event (and the argument of `onChange`): the fitted
 * hyperparameters θ̂ in the data's units, the log marginal likelihood at θ̂, and the points and
 * kernel they were fitted to. Every number comes from the float64 engine.
 */
export interface FitChangeDetail {
  /** ℓ̂, in units of x. */
  lengthscale: number;
  /** σ̂f, in units of y. */
  signalStd: number;
  /** σ̂n, in units of y. */
  noiseStd: number;
  /** log p(y | X, θ̂) in nats. */
  logMarginalLikelihood: number;
  kernel: KernelName;
  /** Whether the arrows (the implicit-function sensitivities) can be trusted at θ̂. */
  trust: TrustVerdict;
  points: Point[];
}

function detailOf(analysis: NonNullable<ExplorerState['analysis']>): FitChangeDetail {
  const { result, points } = analysis;
  return {
    ...result.theta,
    logMarginalLikelihood: result.lml,
    kernel: result.kernel,
    trust: result.diagnostics.trust,
    points: points.map(({ x, y }) => ({ x, y })),
  };
}

/**
 * Calls `listener` once per new fit (each compute result, in order, never twice for one).
 * Returns the function that stops it.
 */
export function onEachFit(
  store: ExplorerStore,
  listener: (detail: FitChangeDetail) => void,
): () => void {
  let lastSeq = store.getState().analysis?.result.seq ?? 0;
  return store.subscribe(({ analysis }) => {
    if (!analysis || analysis.result.seq <= lastSeq) return;
    lastSeq = analysis.result.seq;
    listener(detailOf(analysis));
  });
}

/** The newest fit of a store, or null before the first. */
export function latestFit(store: ExplorerStore): FitChangeDetail | null {
  const { analysis } = store.getState();
  return analysis ? detailOf(analysis) : null;
}
