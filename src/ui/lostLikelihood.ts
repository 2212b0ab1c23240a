/**
 * What a difference in log likelihood means, in words: d nats is a factor eᵈ in how probable the
 * data are. Used wherever the page compares a θ with θ̂.
 */
import { formatNumber } from './format';

const MINUS = '\u2212';

/** Below this many nats two values are "as likely" (the displayed digits would not differ). */
const SAME = 0.005;

/**
 * `change` = log p(y | X, θ) − log p(y | X, θ̂), in nats, as a sentence such as
 * "−3.2 nats: this θ explains the data e^3.2 ≈ 25× less well than θ̂".
 */
export function likelihoodChangeText(change: number): string {
  if (!Number.isFinite(change)) return 'its likelihood could not be computed';
  const size = Math.abs(change);
  if (size < SAME) return 'within 0.01 nats of θ̂: it explains the data as well';
  const nats = formatNumber(size, size < 10 ? 2 : 3);
  const factor = size > 690 ? `more than 10³⁰⁰` : formatNumber(Math.exp(size), 2);
  return change < 0
    ? `${MINUS}${nats} nats: this θ explains the data e^${nats} ≈ ${factor}× less well than θ̂`
    : `+${nats} nats: this θ explains the data e^${nats} ≈ ${factor}× better than θ̂`;
}
