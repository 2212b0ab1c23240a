/**
 * The mixed partials ∂g/∂y and ∂g/∂x of the selection rule's gradient at a point the workspace was
 * evaluated at (to order 2), in internal units: the likelihood's (rules/ml-partials.ts), plus for
 * `map` the motion of a data-relative prior's centres (rules/prior.ts), or the leave-one-out
 * objective's (rules/loo-partials.ts). The implicit function theorem divides them by the Hessian
 * (sensitivity.ts); the fit evaluates them twice to measure their rounding (roundoff-check.ts).
 */
import type { FitInternals } from './fit';
import { likelihoodMixedPartials, type MixedPartials } from './rules/ml-partials';
import { looMixedPartials } from './rules/loo-partials';
import { priorCenterMotion } from './rules/prior';

/** ∂g/∂y and ∂g/∂x of the fit's rule at θ̂, in internal units. */
export function ruleMixedPartials(
  state: Pick<FitInternals, 'workspace' | 'objective' | 'internalLogTheta'>,
): MixedPartials {
  const { workspace, objective, internalLogTheta } = state;
  if (objective.loo) return looMixedPartials(workspace, objective.loo, internalLogTheta);
  const partials = likelihoodMixedPartials(workspace, internalLogTheta);
  const motion = priorCenterMotion(objective.prior, workspace.x, workspace.y);
  if (motion) {
    for (let k = 0; k < workspace.n; k++) {
      const dx = motion.dx(workspace.x[k]!);
      const dy = motion.dy(workspace.y[k]!);
      for (let i = 0; i < 3; i++) {
        partials.x[i as 0 | 1 | 2][k] = partials.x[i as 0 | 1 | 2][k]! + dx[i]!;
        partials.y[i as 0 | 1 | 2][k] = partials.y[i as 0 | 1 | 2][k]! + dy[i]!;
      }
    }
  }
  return partials;
}
