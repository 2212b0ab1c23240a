import { GpInputError } from '../../engine';
import type { AnalysisFailure } from '../shared/protocol';

/**
 * The failure answer to request `seq` for an error thrown while computing it: the engine's typed
 * input errors keep their code, anything else is 'internal'. Analyses, curves and insight jobs
 * answer alike.
 */
export function failureOf(seq: number, error: unknown): AnalysisFailure {
  if (error instanceof GpInputError)
    return { seq, ok: false, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { seq, ok: false, code: 'internal', message };
}
