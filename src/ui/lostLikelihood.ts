/**
 * What a difference in log likelihood means, in words: d nats is a factor eᵈ in how probable the
 * data are. Used wherever the page compares a θ with θ̂.
 */
import { translator, type Translator } from '../i18n/messages';

/** Below this many nats two values are "as likely" (the displayed digits would not differ). */
const SAME = 0.005;

/**
 * `change` = log p(y | X, θ) − log p(y | X, θ̂), in nats, as a sentence such as
 * "−3.2 nats: this θ explains the data e^3.2 ≈ 25× less well than θ̂".
 */
export function likelihoodChangeText(change: number, tr: Translator = translator('en')): string {
  if (!Number.isFinite(change)) return tr.t('likelihoodUnknown');
  const size = Math.abs(change);
  if (size < SAME) return tr.t('likelihoodSame');
  const nats = tr.number(size, size < 10 ? 2 : 3);
  // Two significant digits, as many as the nats carry: e^10.7 is "43000", not "42850".
  const factor =
    size > 690 ? tr.t('moreThanHuge') : tr.number(Number(Math.exp(size).toPrecision(2)), 2);
  return tr.t(change < 0 ? 'likelihoodWorse' : 'likelihoodBetter', { nats, factor });
}
