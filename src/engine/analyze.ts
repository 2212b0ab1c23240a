/** Fit and sensitivities in one call, timed: what the CLI prints and the worker sends. */
import { fitHyperparameters, type FitOptions } from './fit';
import { computeSensitivities } from './sensitivity';
import type { Dataset, FitResult, SensitivityResult } from './types';

export interface AnalyzeOptions extends FitOptions {
  /** Clock in milliseconds (performance.now where available). */
  now?: () => number;
}

export interface Analysis {
  fit: FitResult;
  sensitivities: SensitivityResult;
  timingMs: { fit: number; sensitivity: number };
}

export function analyze(data: Dataset, options: AnalyzeOptions = {}): Analysis {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const fit = fitHyperparameters(data, options);
  const fitted = now();
  const sensitivities = computeSensitivities(data, fit);
  return { fit, sensitivities, timingMs: { fit: fitted - start, sensitivity: now() - fitted } };
}
