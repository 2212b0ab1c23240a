/**
 * The messages that cross the worker boundary, in both directions. The store never sees these;
 * it sees `ComputeClient` (protocol.ts). One definition, imported by client and worker.
 */
import type {
  AnalysisResult,
  ComputeStatus,
  CurveResult,
  InsightResult,
  SequencedCurveRequest,
  SequencedInsightRequest,
  SequencedRequest,
} from './protocol';

export type ToWorkerMessage =
  | { type: 'analyse'; request: SequencedRequest }
  | { type: 'curve'; request: SequencedCurveRequest }
  | { type: 'cancel-curve' }
  | { type: 'insight'; request: SequencedInsightRequest }
  | { type: 'cancel-insight' };

/**
 * The stages of an analysis the worker reports as it passes them, so the page can tell a worker
 * that is working from one that has gone silent (liveness.ts). `gpu-first-run`: a GPU kernel of
 * a new size is about to run for the first time, which compiles its shaders (seconds on a
 * software GPU); the message carries `expectMs`, how long that may take.
 */
export type AnalysisStage = 'started' | 'fit' | 'sensitivity' | 'gpu-first-run' | 'posterior';

export type FromWorkerMessage =
  | { type: 'status'; status: ComputeStatus }
  | { type: 'progress'; seq: number; stage: AnalysisStage; expectMs?: number }
  | { type: 'result'; result: AnalysisResult }
  | { type: 'curve'; result: CurveResult }
  | { type: 'insight'; result: InsightResult };

/** The typed arrays of a curve, to transfer rather than copy them. */
export function curveTransferables(result: CurveResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const { values, logTheta, lml, branch } = result.curve;
  return [values, ...logTheta, lml, branch].map((array) => array.buffer as ArrayBuffer);
}

/** The typed arrays of a result, to transfer rather than copy them across the boundary. */
export function transferablesOf(result: AnalysisResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const arrays: Float64Array[] = [
    result.posterior.x,
    result.posterior.mean,
    result.posterior.variance,
    ...result.samples,
  ];
  if (result.atFixedTheta?.posterior) {
    arrays.push(result.atFixedTheta.posterior.mean, result.atFixedTheta.posterior.variance);
  }
  if (result.landscape) {
    arrays.push(
      result.landscape.lengthscales,
      result.landscape.noiseRatios,
      result.landscape.profileLml,
    );
  }
  if (result.sensitivities.defined) {
    const { dLogTheta_dy, dLogTheta_dx, dTheta_dy, dTheta_dx } = result.sensitivities;
    arrays.push(...dLogTheta_dy, ...dLogTheta_dx, ...dTheta_dy, ...dTheta_dx);
  }
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    // Only whole, distinct buffers can move; a view into a shared buffer is copied instead.
    if (array.buffer instanceof ArrayBuffer && array.byteLength === array.buffer.byteLength) {
      buffers.add(array.buffer);
    }
  }
  return [...buffers];
}
