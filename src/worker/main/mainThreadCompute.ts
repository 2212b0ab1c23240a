/**
 * Computing on the main thread with the float64 engine, for pages where no worker can start.
 * Loaded with a dynamic import by the client, so neither the engine nor this path weighs on the
 * main bundle when the worker runs (and tfjs never enters it).
 */
import type { SelectionRule } from '../../engine';
import { runAnalysis } from '../thread/analysis';
import { WarmStarts, warmStartKey } from '../thread/warmStarts';
import { createEnginePosteriorPath } from '../thread/enginePosteriorPath';
import { startCurveJob } from '../thread/curveJob';
import { startInsightJob } from '../thread/insightJob';
import type {
  AnalysisResult,
  AnalysisSuccess,
  CurveResult,
  InsightResult,
  SequencedCurveRequest,
  SequencedInsightRequest,
  SequencedRequest,
} from '../shared/protocol';

export interface MainThreadCompute {
  compute(request: SequencedRequest): Promise<AnalysisResult>;
  /**
   * Computes a response curve in slices between tasks (so the page stays responsive) and hands
   * the answer to `deliver`. Returns a function that stops it.
   */
  curve(request: SequencedCurveRequest, deliver: (result: CurveResult) => void): () => void;
  /** Computes an insight request a stage per task, likewise. Returns a function that stops it. */
  insight?(request: SequencedInsightRequest, deliver: (result: InsightResult) => void): () => void;
  /**
   * Takes the worker's answer to `request` as the last fit of its kernel, rule and prior, so that
   * the next request on nearly the same points starts warm from it, as the worker's own would,
   * instead of searching from scratch (liveOnMainThread.ts: the first step of a drag).
   */
  seed?(request: SequencedRequest, answer: AnalysisSuccess): void;
}

/** Runs `job` a slice per task until it answers; returns a function that stops it. */
function inSlices<T>(job: { run(budgetMs: number): T | null }, deliver: (result: T) => void) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const slice = () => {
    const result = job.run(MAIN_THREAD_CURVE_SLICE_MS);
    if (result) deliver(result);
    else timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => {
    if (timer !== null) clearTimeout(timer);
  };
}

/** Curve refits per main-thread task, in milliseconds: short, so input is never held up long. */
const MAIN_THREAD_CURVE_SLICE_MS = 8;

export function createMainThreadCompute(): MainThreadCompute {
  const warmStarts = new WarmStarts();
  const path = createEnginePosteriorPath();
  return {
    compute: (request) => runAnalysis(request, path, warmStarts),
    curve: (request, deliver) => inSlices(startCurveJob(request), deliver),
    insight: (request, deliver) => inSlices(startInsightJob(request), deliver),
    seed(request, answer) {
      const data = { x: request.x, y: request.y };
      const key = (rule: SelectionRule) => warmStartKey(answer.kernel, rule, request.prior);
      warmStarts.remember(key(answer.rule), data, answer, answer.sensitivities);
      const { comparison } = answer;
      if (comparison) {
        const fit = { ...comparison, hessianLogTheta: null };
        warmStarts.remember(key(comparison.rule), data, fit, comparison.sensitivities);
      }
    },
  };
}
