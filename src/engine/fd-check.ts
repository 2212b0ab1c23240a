/**
 * An independent check of the implicit-function sensitivities: move y_i by ±h, refit (warm, from
 * θ̂, by the fit's kernel and rule) and take the central difference
 * (log θ̂(y + h e_i) − log θ̂(y − h e_i)) / 2h, which must match column i of d log θ̂/dy up to
 * O(h²). h is 1e-4 of the RMS of y. Pass the sensitivities when they are at hand; they are
 * computed otherwise.
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

const RELATIVE_STEP = 1e-4;

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
  // The RMS of y without underflow or overflow at the edges of float64 (scales.ts).
  const step = RELATIVE_STEP * dataSpreads(data).ySpread;
  const refit = (sign: number): LogTheta => {
    const y = Float64Array.from(data.y);
    y[index] = y[index]! + sign * step;
    return fitHyperparameters(
      { x: data.x, y },
      { ...sameRuleOptions(fit), warmStart: { logTheta: fit.logTheta } },
    ).logTheta;
  };
  const up = refit(1);
  const down = refit(-1);
  const fd = up.map((value, i) => (value - down[i]!) / (2 * step)) as LogTheta;
  const ift = sensitivities.dLogTheta_dy.map((row) => row[index]!) as LogTheta;
  const scale = Math.max(...ift.map(Math.abs), Number.MIN_VALUE);
  const disagreement = Math.max(...fd.map((value, i) => Math.abs(value - ift[i]!))) / scale;
  return {
    index,
    fd,
    ift,
    agreeDigits: disagreement === 0 ? 16 : Math.min(16, -Math.log10(disagreement)),
  };
}
