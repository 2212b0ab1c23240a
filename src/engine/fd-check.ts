/**
 * An independent check of the implicit-function sensitivities: move y_i by ±h and ±h/2, refit
 * (warm, by the fit's kernel and rule) and extrapolate the central differences
 *
 *   D(h) = (log θ̂(y + h e_i) − log θ̂(y − h e_i)) / 2h,   D = (4 D(h/2) − D(h)) / 3
 *
 * (Richardson: D(h) = d log θ̂/dy_i + c h² + O(h⁴), so D is off by O(h⁴)), which must match column
 * i of d log θ̂/dy. Pass the sensitivities when they are at hand; they are computed otherwise.
 *
 * The step comes from the sensitivities' own scale: h = min(1e-2 · RMS(y), 1e-3 / S), S the largest
 * |∂ log θ̂/∂y_i| of the column, so that the refits move log θ̂ by about 1e-3 — far above the
 * precision a refit attains (newton.ts: ~1e-12 on well-conditioned data, ~1e-8 when K is nearly
 * singular), and within the linear range even when the noise is tiny and θ̂ answers a move of
 * 1e-4 of the data by large factors (Richardson leaves O((hS)⁴)). Each refit starts from θ̂ itself,
 * not from the first-order prediction, which would make the check circular (a refit whose start
 * is already at its attainable precision is accepted as it stands), and is polished again from
 * its own result while that further Newton step keeps shrinking (at most MAX_REPOLISHES times),
 * so that it ends where rounding, not the stopping rule, limits it. At a maximum with σn held on
 * its noise floor (docs/numerics.md, "Boundary optima") the refits must stay on that floor, and
 * at an interior maximum off it: where a refit changes sides the step is halved, up to
 * MAX_HALVINGS times, so that the check differentiates under the same bound as the sensitivities.
 */
import { checkIndex } from './check-arguments';
import { fitHyperparameters, sameRuleOptions } from './fit';
import { GpInputError } from './input-error';
import { dataSpreads } from './scales';
import { computeSensitivities } from './sensitivity';
import type {
  Dataset,
  FiniteDifferenceCheck,
  FitResult,
  LogTheta,
  SensitivityResult,
} from './types';

/** Largest step, relative to the RMS of y. */
const RELATIVE_STEP = 1e-2;
/** The move of log θ̂ the step should cause, predicted from the column. */
const LOG_THETA_MOVE = 1e-3;
/** Further warm polishes of each refit, while their Newton step keeps shrinking. */
const MAX_REPOLISHES = 3;
/** How often the step is halved to keep the refits under the fit's bound. */
const MAX_HALVINGS = 8;

export function finiteDifferenceCheck(
  data: Dataset,
  fit: FitResult,
  index: number,
  sensitivities: SensitivityResult = computeSensitivities(data, fit),
): FiniteDifferenceCheck {
  checkIndex(index, data.x.length, 'point index');
  if (!sensitivities.defined) {
    throw new GpInputError(
      'invalid-argument',
      `no sensitivities to check: ${sensitivities.reason}`,
    );
  }
  const ift = sensitivities.dLogTheta_dy.map((row) => row[index]!) as LogTheta;
  const largest = Math.max(...ift.map(Math.abs));
  // The RMS of y without underflow or overflow at the edges of float64 (scales.ts).
  const ySpread = dataSpreads(data).ySpread;
  let step = Math.min(
    RELATIVE_STEP * ySpread,
    LOG_THETA_MOVE / Math.max(largest, Number.MIN_VALUE),
  );
  const held = fit.diagnostics.constrained !== null;
  const refit = (move: number): { logTheta: LogTheta; sameBound: boolean } => {
    const moved = { x: data.x, y: Float64Array.from(data.y) };
    moved.y[index] = moved.y[index]! + move;
    const options = sameRuleOptions(fit);
    let result = fitHyperparameters(moved, { ...options, warmStart: { logTheta: fit.logTheta } });
    // Each warm polish takes at least one Newton step (newton.ts), which squares the error while
    // the gradient is accurate: polish again from the result until that step stops shrinking.
    let change = Infinity;
    for (let pass = 0; pass < MAX_REPOLISHES; pass++) {
      const again = fitHyperparameters(moved, {
        ...options,
        warmStart: { logTheta: result.logTheta },
      });
      const shift = Math.max(
        ...again.logTheta.map((value, i) => Math.abs(value - result.logTheta[i]!)),
      );
      if (!(shift < change)) break;
      change = shift;
      result = again;
      if (shift === 0) break;
    }
    return {
      logTheta: result.logTheta,
      sameBound: (result.diagnostics.constrained !== null) === held,
    };
  };
  const centralDifference = (h: number): { value: LogTheta; sameBound: boolean } => {
    const up = refit(h);
    const down = refit(-h);
    return {
      value: up.logTheta.map((value, i) => (value - down.logTheta[i]!) / (2 * h)) as LogTheta,
      sameBound: up.sameBound && down.sameBound,
    };
  };
  let wide = centralDifference(step);
  let narrow = centralDifference(step / 2);
  for (
    let halving = 0;
    halving < MAX_HALVINGS && !(wide.sameBound && narrow.sameBound);
    halving++
  ) {
    step /= 2;
    wide = narrow;
    narrow = centralDifference(step / 2);
  }
  const fd = narrow.value.map((value, i) => (4 * value - wide.value[i]!) / 3) as LogTheta;
  const scale = Math.max(largest, Number.MIN_VALUE);
  const disagreement = Math.max(...fd.map((value, i) => Math.abs(value - ift[i]!))) / scale;
  return {
    index,
    fd,
    ift,
    agreeDigits: disagreement === 0 ? 16 : Math.min(16, -Math.log10(disagreement)),
    step,
  };
}
