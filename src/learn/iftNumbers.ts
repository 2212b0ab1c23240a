/**
 * The numbers of the implicit function theorem for one point, as the article's step 4 shows them:
 * H = ∂²L/∂θ∂θᵀ at θ̂ (log θ), g = ∂²L/∂θ∂yᵢ (column i of the engine's closed-form mixed partials,
 * mapped from the engine's standardised units to the data's: g scales with 1/yScale, H does not)
 * and s = −H⁻¹g = d log θ̂/dyᵢ.
 */
import type { LogTheta, Matrix3 } from '../engine';
import { fitState } from '../engine/rules/state';
import { ruleMixedPartials } from '../engine/sensitivity';
import { inverseSymmetric3 } from '../engine/small3';
import type { FittedData } from './facts';

export interface IftNumbers {
  index: number;
  hessian: Matrix3;
  mixed: LogTheta;
  result: LogTheta;
}

export function iftNumbers(fitted: FittedData, index: number): IftNumbers {
  const state = fitState(fitted.data, fitted.fit);
  const partials = ruleMixedPartials(state);
  const mixed = partials.y.map((row) => row[index]! / state.map.yScale) as LogTheta;
  const hessian = fitted.fit.hessianLogTheta;
  const inverse = inverseSymmetric3(hessian);
  const result = inverse.map(
    (row) => -(row[0] * mixed[0] + row[1] * mixed[1] + row[2] * mixed[2]),
  ) as LogTheta;
  return { index, hessian, mixed, result };
}
