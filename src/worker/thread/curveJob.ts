/**
 * One response-curve request being computed, a slice at a time: `run(budgetMs)` does refits until
 * the budget is spent (at least one), so the worker can answer analyses in between. Shared by the
 * worker host and the main-thread fallback.
 */
import {
  curveSampleValues,
  KERNEL_NAMES,
  SELECTION_RULES,
  traceResponseCurve,
  validateDataset,
  type ResponseCurveTracer,
} from '../../engine';
import { failureOf } from './jobFailure';
import type { CurveResult, SequencedCurveRequest } from '../shared/protocol';

/** Most samples on either side of the current value a request may ask for. */
export const MAX_CURVE_SAMPLES_PER_SIDE = 64;

/** A precise description of what is wrong with a curve request, or null when it is usable. */
export function curveRequestProblem(request: SequencedCurveRequest): string | null {
  if (!KERNEL_NAMES.includes(request.kernel)) {
    return `unknown kernel "${String(request.kernel)}"; use one of ${KERNEL_NAMES.join(', ')}`;
  }
  if (request.rule !== undefined && !SELECTION_RULES.includes(request.rule)) {
    return `unknown rule "${String(request.rule)}"; use one of ${SELECTION_RULES.join(', ')}`;
  }
  if (request.axis !== 'x' && request.axis !== 'y') {
    return `the curve's axis must be "x" or "y", got "${String(request.axis)}"`;
  }
  const { index, perSide, halfWidth, domain } = request;
  if (!Number.isInteger(index) || index < 0 || index >= request.x.length) {
    return `curve point ${index} is not a point index (0 … ${request.x.length - 1})`;
  }
  if (!Number.isInteger(perSide) || perSide < 1 || perSide > MAX_CURVE_SAMPLES_PER_SIDE) {
    return `samples per side must be an integer in [1, ${MAX_CURVE_SAMPLES_PER_SIDE}], got ${perSide}`;
  }
  if (!(halfWidth > 0) || !Number.isFinite(halfWidth)) {
    return `the curve's half-width must be positive and finite, got ${halfWidth}`;
  }
  const current = request[request.axis][index]!;
  if (!(domain[0] <= current && current <= domain[1])) {
    return `the curve's domain [${domain[0]}, ${domain[1]}] must contain the point's ${request.axis} = ${current}`;
  }
  return null;
}

export interface CurveJob {
  readonly seq: number;
  /** Computes for about `budgetMs` (at least one refit); the answer once finished, else null. */
  run(budgetMs: number): CurveResult | null;
}

export function startCurveJob(
  request: SequencedCurveRequest,
  now: () => number = () => performance.now(),
): CurveJob {
  const received = now();
  const { seq } = request;
  let computing = 0;
  let tracer: ResponseCurveTracer | null = null;
  let answer: CurveResult | null = null;

  const problem = curveRequestProblem(request);
  if (problem !== null) answer = { seq, ok: false, code: 'invalid-request', message: problem };
  else {
    try {
      const data = validateDataset(request.x, request.y);
      const { values, centre } = curveSampleValues(
        data[request.axis][request.index]!,
        request.halfWidth,
        request.perSide,
        request.domain,
      );
      tracer = traceResponseCurve(data, {
        kernel: request.kernel,
        ...(request.rule ? { rule: request.rule } : {}),
        ...(request.rule === 'map' && request.prior ? { prior: request.prior } : {}),
        index: request.index,
        axis: request.axis,
        values,
        centre,
        ...(request.start ? { start: request.start } : {}),
      });
    } catch (error) {
      answer = failureOf(seq, error);
    }
  }

  return {
    seq,
    run(budgetMs) {
      if (answer || !tracer) return answer;
      const started = now();
      try {
        while (tracer.step()) {
          if (now() - started >= budgetMs) {
            computing += now() - started;
            return null;
          }
        }
        computing += now() - started;
        answer = {
          seq,
          ok: true,
          curve: tracer.result(),
          timingMs: { compute: computing, total: now() - received },
        };
      } catch (error) {
        answer = failureOf(seq, error);
      }
      return answer;
    },
  };
}
