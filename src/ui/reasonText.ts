/**
 * The engine's reasons (src/engine/reasons.ts) in the page's language: every code has its message,
 * with its numbers in the language's format. The record below names every code, so a new one the
 * engine learns to give fails the typecheck until it has its words here (and the catalogues, whose
 * type is the English one's keys, have them in both languages).
 */
import type { Reason, ReasonCode } from '../engine/reasons';
import type { SelectionRule } from '../engine/types';
import type { Translator, UiMessageKey } from '../i18n/messages';
import { formatFixed } from './format';

type ReasonOf<Code extends ReasonCode> = Extract<Reason, { readonly code: Code }>;

/** Each rule's objective: as a surface ("the curvature of …") and as units of a gap. */
export const OBJECTIVE_KEYS: Readonly<
  Record<SelectionRule, { surface: UiMessageKey; gap: UiMessageKey }>
> = {
  ml: { surface: 'objectiveMl', gap: 'objectiveGapMl' },
  map: { surface: 'objectiveMap', gap: 'objectiveGapMap' },
  loo: { surface: 'objectiveLoo', gap: 'objectiveGapLoo' },
};

/** σn/σf as the messages show it (2 significant digits, as the engine's English has). */
const ratio = (noiseToSignal: number, tr: Translator) => tr.number(noiseToSignal, 2);

/** Each code's message, filled from its reason. */
export const REASON_MESSAGES: {
  readonly [Code in ReasonCode]: (reason: ReasonOf<Code>, tr: Translator) => string;
} = {
  'not-converged': (_, tr) => tr.t('reasonNotConverged'),
  'lengthscale-below-spacing': (_, tr) => tr.t('reasonBelowSpacing'),
  'lengthscale-beyond-span': (_, tr) => tr.t('reasonBeyondSpan'),
  'noise-vanishing': (_, tr) => tr.t('reasonNoiseVanishing'),
  'signal-vanishing': (_, tr) => tr.t('reasonSignalVanishing'),
  'signal-unbounded': (_, tr) => tr.t('reasonSignalUnbounded'),
  'noise-floor': (reason, tr) =>
    tr.t('reasonNoiseFloor', { ratio: ratio(reason.noiseToSignal, tr) }),
  swamped: (reason, tr) =>
    tr.t('reasonSwamped', {
      ratio: ratio(reason.noiseToSignal, tr),
      objective: tr.t(OBJECTIVE_KEYS[reason.rule].surface),
    }),
  flat: (reason, tr) =>
    tr.t('reasonFlat', { objective: tr.t(OBJECTIVE_KEYS[reason.rule].surface) }),
  'ill-conditioned': (reason, tr) =>
    tr.t('reasonIllConditioned', { condition: tr.number(reason.condition, 2) }),
  'rough-digits': (reason, tr) =>
    tr.t('reasonRoughDigits', { ratio: ratio(reason.noiseToSignal, tr) }),
  'few-digits': (reason, tr) =>
    reason.digits === 1
      ? tr.t('reasonOneDigit', { ratio: ratio(reason.noiseToSignal, tr) })
      : tr.t('reasonFewDigits', {
          ratio: ratio(reason.noiseToSignal, tr),
          // A count: "3", not the 4 significant digits of `tr.number` ("3.000").
          digits: formatFixed(reason.digits, 0, tr.language),
        }),
  'near-tie': (reason, tr) =>
    tr.t('reasonNearTie', {
      objective: tr.t(OBJECTIVE_KEYS[reason.rule].gap),
      gap: tr.number(reason.gap, 2),
    }),
};

/** One of the engine's reasons in the page's language. */
export function reasonMessage(reason: Reason, tr: Translator): string {
  const message = REASON_MESSAGES[reason.code] as (reason: Reason, tr: Translator) => string;
  return message(reason, tr);
}

/**
 * Reasons run into one sentence: each without its closing full stop (the boundary reasons are
 * whole sentences), a semicolon between, so a message that goes on after them ("…, so the
 * theorem does not apply") reads as one sentence and not "at., so".
 */
export function joinReasons(reasons: readonly string[]): string {
  // Inside a sentence a reason starts in lower case ("… with care: two explanations …"), except
  // where its first word is a name or symbol (ML-II, σn).
  return reasons
    .map((reason) =>
      reason
        .trim()
        .replace(/\.$/u, '')
        .replace(/^\p{Lu}(?=\p{Ll})/u, (letter) => letter.toLowerCase()),
    )
    .join('; ');
}

/**
 * A reason said on its own (a line of the trust note, the widget's status): a sentence, with a
 * capital where it starts with a word — a name or symbol (ML-II, σn, ℓ) stays as it is — and one
 * closing full stop, whether its message is a whole sentence (the boundaries, a near tie) or one
 * of the engine's reasons, written to run on inside a longer sentence.
 */
export function reasonSentence(reason: string): string {
  const text = reason
    .trim()
    .replace(/^[a-zß-öø-ÿ](?=[a-zß-öø-ÿ])/u, (letter) => letter.toUpperCase());
  return text === '' || /[.!?…]$/u.test(text) ? text : `${text}.`;
}

/** Why the implicit function theorem does not apply, from the fit's reasons. */
export function noTheoremMessage(reasons: readonly Reason[], tr: Translator): string {
  return tr.t('reasonNoTheorem', {
    reasons: joinReasons(reasons.map((reason) => reasonMessage(reason, tr))),
  });
}
