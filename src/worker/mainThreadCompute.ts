/**
 * Computing on the main thread with the float64 engine, for pages where no worker can start.
 * Loaded with a dynamic import by the client, so neither the engine nor this path weighs on the
 * main bundle when the worker runs (and tfjs never enters it).
 */
import { runAnalysis } from './analysis';
import { WarmStarts } from './warmStarts';
import { createEnginePosteriorPath } from './enginePosteriorPath';
import type { AnalysisResult, SequencedRequest } from './protocol';

export interface MainThreadCompute {
  compute(request: SequencedRequest): Promise<AnalysisResult>;
}

export function createMainThreadCompute(): MainThreadCompute {
  const warmStarts = new WarmStarts();
  const path = createEnginePosteriorPath();
  return { compute: (request) => runAnalysis(request, path, warmStarts) };
}
