import type { Language } from '../../i18n/language';
import { formatNumber } from '../format';

/**
 * Whether a first-order estimate of a change of log θ̂ (the pull map's dθ̂/dw at w = 0, carried to
 * a whole point) held against the exact refit: within a fifth of the exact change, or within
 * 0.002 (0.2 %) where the change itself is tiny.
 */
export function firstOrderHolds(exact: number, predicted: number): boolean {
  return Math.abs(exact - predicted) <= 0.2 * Math.abs(exact) + 0.002;
}

/**
 * A change of log θ̂ as the factor θ̂ is multiplied or divided by (×1.35, ÷6.2), three
 * significant digits, so that a small and a large change can stand side by side in one notation.
 */
export function formatFactor(logRatio: number, language: Language): string {
  if (!Number.isFinite(logRatio)) return '—';
  return `${logRatio >= 0 ? '×' : '÷'}${formatNumber(Math.exp(Math.abs(logRatio)), 3, language)}`;
}
