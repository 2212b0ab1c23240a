/** The response curve's caption: what its picture shows, in one line of the reader's language. */
import type { ResponseCurve as Curve } from '../../engine/response-curve';
import type { HyperparameterName } from '../../engine/types';
import type { Translator } from '../../i18n/messages';
import { plainSymbol } from '../format';
import {
  agreementRange,
  AGREEMENT,
  jumpsOf,
  largestJump,
  nearestRidge,
  rowOf,
} from './responseCurveGeometry';

/** One line on what the picture shows: where the tangent holds, where it parts, or why none. */
export function caption(
  curve: Curve,
  hyperparameter: HyperparameterName,
  axis: string,
  tr: Translator,
): string {
  const { t } = tr;
  const row = rowOf(hyperparameter);
  const symbol = plainSymbol(hyperparameter);
  const jump = largestJump(curve, row);
  const ridge = nearestRidge(curve);
  const range = agreementRange(curve, row);
  const within = `${tr.number(AGREEMENT * 100, 1)} %`;
  if (!range) return t('curveNoTangent');
  if (jump) {
    // Of several jumps, the one that changes θ̂ the most: a jump between two maxima of nearly the
    // same θ̂ may lie nearer, and is not the one a reader should look for.
    const count = jumpsOf(curve, row).length;
    const where = {
      axis,
      symbol,
      count: String(count),
      value: tr.coordinate(jump.value),
      from: tr.number(jump.from, 3),
      to: tr.number(jump.to, 3),
    };
    return `${t('curveShaded', { within })} ${t(count > 1 ? 'curveJumpsLargest' : 'curveJumpsAt', where)}`;
  }
  if (ridge !== null) {
    const where = { axis, value: tr.coordinate(ridge.value) };
    const message = !ridge.onwards
      ? 'curveRidgeNear'
      : ridge.side === 'below'
        ? 'curveRidgeBelow'
        : 'curveRidgeAbove';
    return `${t('curveShaded', { within })} ${t(message, where)}`;
  }
  if (range.partsBelow || range.partsAbove) return t('curveBendsAway', { within });
  return t('curveHolds', { within, symbol });
}
