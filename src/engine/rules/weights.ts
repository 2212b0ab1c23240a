/**
 * How each rule's gradient moves with the weight of a point (docs/rules.md, "Weights"). A point of
 * weight w enters as its own noise variance σn²/w and with its likelihood tempered,
 * N(y | f, σn²)^w, so that w = 1 is the data as they are and w → 0 removes the point exactly:
 *
 *   L_w(θ) = log N(y | 0, K_f + σn² W⁻¹) + Σₐ (1 − wₐ) log σn + (terms free of θ).
 *
 * (Without the (1 − wₐ) log σn the vanishing point would keep a −log σn in L and bias σ̂n.) With
 * dK = −σn² e_j e_jᵀ dw_j and dK_n = −2σn² e_j e_jᵀ dw_j, at w = 1:
 *
 *   ml:   ∂gᵢ/∂w_j = σn² (βᵢ,j α_j − ½ (PKᵢP)_jj) − [i = n] (σn² (α_j² − P_jj) + 1)
 *   map:  the same, plus the motion of a data-relative prior's centres (prior.ts)
 *   loo:  loo-partials.ts
 *
 * and the infinitesimal jackknife dθ̂/dw_j = −H⁻¹ ∂g/∂w_j, whose negative is the first-order
 * estimate of the change of θ̂ when point j is removed.
 */
import type { FitInternals } from '../fit';
import type { LikelihoodWorkspace } from '../likelihood';
import type { LogTheta, Rows3 } from '../types';
import { rowDots } from './loo';
import { looWeightPartials } from './loo-partials';
import { rows3 } from './ml-partials';
import { priorCenterMotion } from './prior';

/** ∂∇L_w/∂w_j at w = 1 for every point (internal units, buffers at θ̂ to order 2). */
export function likelihoodWeightPartials(
  workspace: LikelihoodWorkspace,
  logTheta: LogTheta,
): Rows3 {
  const { n, alpha, precision } = workspace;
  const signalVariance = Math.exp(2 * logTheta[1]);
  const noiseVariance = Math.exp(2 * logTheta[2]);
  const sandwichDiagonal = new Float64Array(n);
  const squaredDiagonal = new Float64Array(n);
  rowDots(workspace.precisionTimesDLogLengthscale, precision, n, sandwichDiagonal);
  rowDots(precision, precision, n, squaredDiagonal);
  const { productAlpha: aAlpha, precisionRAlpha: prAlpha, precisionAlpha: pAlpha } = workspace;
  const out = rows3(n);
  for (let j = 0; j < n; j++) {
    const a = alpha[j]!;
    const pjj = precision[j * n + j]!;
    // βᵢ = PKᵢα and (PKᵢP)_jj for K_ℓ = σf²Δ, K_f = 2σf²R, K_n = 2σn²I.
    const betas = [
      signalVariance * aAlpha[j]!,
      2 * signalVariance * prAlpha[j]!,
      2 * noiseVariance * pAlpha[j]!,
    ];
    const sandwiches = [
      signalVariance * sandwichDiagonal[j]!,
      2 * (pjj - noiseVariance * squaredDiagonal[j]!),
      2 * noiseVariance * squaredDiagonal[j]!,
    ];
    for (let i = 0; i < 3; i++) {
      out[i as 0 | 1 | 2][j] = noiseVariance * (betas[i]! * a - 0.5 * sandwiches[i]!);
    }
    out[2][j] = out[2][j]! - (noiseVariance * (a * a - pjj) + 1);
  }
  return out;
}

/** ∂g/∂w_j at w = 1 of the fit's rule, for every point (internal units). */
export function ruleWeightPartials(state: FitInternals): Rows3 {
  const { workspace, objective, internalLogTheta } = state;
  if (objective.loo) return looWeightPartials(workspace, objective.loo, internalLogTheta);
  const partials = likelihoodWeightPartials(workspace, internalLogTheta);
  const motion = priorCenterMotion(objective.prior, workspace.x, workspace.y);
  if (motion) {
    for (let j = 0; j < workspace.n; j++) {
      const added = motion.dw(workspace.x[j]!, workspace.y[j]!);
      for (let i = 0; i < 3; i++)
        partials[i as 0 | 1 | 2][j] = partials[i as 0 | 1 | 2][j]! + added[i]!;
    }
  }
  return partials;
}
