/**
 * Why the diagnostics (diagnostics.ts) lower a fit's trust, held as data: a code and the numbers
 * its sentence names, so the page can say every reason in its reader's language (src/ui/
 * reasonText.ts) while the library and the command line keep the English sentences
 * (`reasonText`, `Diagnostics.reasons`).
 */
import type { BoundaryFlag, SelectionRule } from './types';

/** One reason, by code, with its numbers (and, where the sentence names it, the rule's objective). */
export type Reason =
  /** No stationary point was reached (and no boundary flag says why). */
  | { readonly code: 'not-converged' }
  /** θ̂ runs to an edge of the search region (types.ts, BoundaryFlag). */
  | { readonly code: BoundaryFlag }
  /** σn is held on the noise floor; `noiseToSignal` is σn/σf there. */
  | { readonly code: 'noise-floor'; readonly noiseToSignal: number }
  /** Rounding swamps the curvature of `rule`'s objective. */
  | { readonly code: 'swamped'; readonly noiseToSignal: number; readonly rule: SelectionRule }
  /** `rule`'s objective is flat or saddle-shaped at θ̂. */
  | { readonly code: 'flat'; readonly rule: SelectionRule }
  /** The Hessian's condition number is above diagnostics.ts's ILL_CONDITIONED. */
  | { readonly code: 'ill-conditioned'; readonly condition: number }
  /** Rounding leaves the arrows only their rough size and direction. */
  | { readonly code: 'rough-digits'; readonly noiseToSignal: number }
  /** Rounding leaves the arrows about `digits` correct digits (1 to 5). */
  | { readonly code: 'few-digits'; readonly noiseToSignal: number; readonly digits: number }
  /** Another maximum of `rule`'s objective lies within near-tie.ts's NEAR_TIE_GAP (`gap`). */
  | { readonly code: 'near-tie'; readonly gap: number; readonly rule: SelectionRule };

export type ReasonCode = Reason['code'];

/** Every code, each once: a code missing here fails the typecheck. */
const CODES: Readonly<Record<ReasonCode, true>> = {
  'not-converged': true,
  'lengthscale-below-spacing': true,
  'lengthscale-beyond-span': true,
  'noise-vanishing': true,
  'signal-vanishing': true,
  'signal-unbounded': true,
  'noise-floor': true,
  swamped: true,
  flat: true,
  'ill-conditioned': true,
  'rough-digits': true,
  'few-digits': true,
  'near-tie': true,
};

/** Every reason code the diagnostics can give. */
export const REASON_CODES = Object.keys(CODES) as readonly ReasonCode[];

/** The engine's words for each boundary flag (the page rewords them for what it shows). */
export const BOUNDARY_REASONS: Readonly<Record<BoundaryFlag, string>> = {
  'lengthscale-below-spacing':
    'the lengthscale runs to zero (below the spacing of the inputs): the data look like pure noise',
  'lengthscale-beyond-span':
    'the lengthscale runs to infinity (far beyond the span of the inputs): the data look like a straight line or a constant',
  'noise-vanishing': 'the noise runs to zero: the fit interpolates the data',
  'signal-vanishing': 'the signal runs to zero: the data are explained by noise alone',
  'signal-unbounded':
    'the signal variance runs to infinity: the data look like a trend the kernel reaches only in the limit, or (leave-one-out) an ever flatter, ever larger prior whose predictions interpolate smoothly',
};

/** How the English sentences name each rule's objective: as a surface, and in a gap. */
const OBJECTIVE: Readonly<Record<SelectionRule, { surface: string; gap: string }>> = {
  ml: { surface: 'likelihood', gap: 'log-likelihood' },
  map: { surface: 'log-posterior', gap: 'log-posterior' },
  loo: { surface: 'leave-one-out log probability', gap: 'leave-one-out log probability' },
};

const ratio = (noiseToSignal: number) => `σn/σf = ${noiseToSignal.toExponential(1)}`;

/** `reason` as the library and the command line give it, in English. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'not-converged':
      return 'the optimiser did not converge to a stationary point';
    case 'lengthscale-below-spacing':
    case 'lengthscale-beyond-span':
    case 'noise-vanishing':
    case 'signal-vanishing':
    case 'signal-unbounded':
      return BOUNDARY_REASONS[reason.code];
    case 'noise-floor':
      return `σn sits at its smallest allowed value (${ratio(reason.noiseToSignal)}); the arrows show how ℓ and σf move with σn held there, for moves of a point much smaller than σn`;
    case 'swamped':
      return `the noise is so small against the signal (${ratio(reason.noiseToSignal)}) that float64 rounding swamps the curvature of the ${OBJECTIVE[reason.rule].surface}: the arrows would be noise`;
    case 'flat':
      return `the ${OBJECTIVE[reason.rule].surface} is flat or saddle-shaped at the optimum (the Hessian is not negative definite)`;
    case 'ill-conditioned':
      return `the optimum is nearly flat in one direction (condition number ${reason.condition.toExponential(1)})`;
    case 'rough-digits':
      return `the noise is tiny against the signal (${ratio(reason.noiseToSignal)}), so rounding error leaves the arrows only their rough size and direction`;
    case 'few-digits':
      return `the noise is tiny against the signal (${ratio(reason.noiseToSignal)}), so rounding error leaves the arrows about ${reason.digits} correct ${reason.digits === 1 ? 'digit' : 'digits'}`;
    case 'near-tie':
      return `another maximum is almost as likely (${OBJECTIVE[reason.rule].gap} gap ${reason.gap.toFixed(2)}): a small change in the data can make the fit jump`;
  }
}
