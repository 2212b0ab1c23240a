/** Number formatting and names for display: one place, so every readout looks alike. */
import type { HyperparameterName, KernelName } from '../engine/types';
import type { Language } from '../i18n/language';

/** A plain-text minus sign (U+2212) reads better than a hyphen in numbers. */
const MINUS = '\u2212';

const fixedFormats = new Map<string, Intl.NumberFormat>();

/**
 * `value` with `decimals` decimals in the language's conventions (Intl.NumberFormat: a decimal
 * comma in Spanish), without grouping, and with a true minus sign.
 */
export function formatFixed(value: number, decimals: number, language: Language = 'en'): string {
  const key = `${language}:${decimals}`;
  let format = fixedFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false,
    });
    fixedFormats.set(key, format);
  }
  return format.format(value).replace('-', MINUS);
}

/** `digits` significant digits; scientific notation with ×10ⁿ outside [1e-3, 1e5). */
export function formatNumber(value: number, digits = 4, language: Language = 'en'): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : value > 0 ? '∞' : `${MINUS}∞`;
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude)));
    return formatFixed(value, Math.min(decimals, 12), language);
  }
  const [mantissa = '', exponent = '0'] = value.toExponential(digits - 1).split('e');
  const shownMantissa = language === 'en' ? mantissa : mantissa.replace('.', ',');
  return `${shownMantissa.replace('-', MINUS)}×10${superscript(Number(exponent))}`;
}

/** A signed number: always shows + or −. */
export function formatSigned(value: number, digits = 3, language: Language = 'en'): string {
  const text = formatNumber(value, digits, language);
  return value > 0 ? `+${text}` : text;
}

/** A coordinate on the plot's 0.001 grid, shown with 2 decimals. */
export function formatCoordinate(value: number, language: Language = 'en'): string {
  return formatFixed(value, 2, language);
}

/**
 * The relative difference exp(logRatio) − 1 as a signed percentage (e.g. +3.2 %), or as a factor
 * (×12, ÷40) once it is beyond a doubling or halving either way.
 */
export function formatLogRatio(logRatio: number, language: Language = 'en'): string {
  if (!Number.isFinite(logRatio)) return '—';
  if (Math.abs(logRatio) <= Math.LN2) return formatPercent(Math.expm1(logRatio), language);
  return formatFactor(logRatio, language, 2);
}

/**
 * A change of log θ̂ as the factor θ̂ is multiplied or divided by (×1.35, ÷6.2), `digits`
 * significant, so that a small and a large change can also stand side by side in one notation.
 */
export function formatFactor(logRatio: number, language: Language = 'en', digits = 3): string {
  if (!Number.isFinite(logRatio)) return '—';
  return `${logRatio >= 0 ? '×' : '÷'}${formatNumber(Math.exp(Math.abs(logRatio)), digits, language)}`;
}

/**
 * A ratio as a signed percentage, e.g. +3.2 %. Below 0.05 % one significant digit (−0.03 %), so a
 * small change never reads as "−0.0 %"; exactly none reads "0 %".
 */
export function formatPercent(fraction: number, language: Language = 'en'): string {
  if (!Number.isFinite(fraction)) return '—';
  const percent = fraction * 100;
  const magnitude = Math.abs(percent);
  const text =
    magnitude < 0.05
      ? formatNumber(percent, 1, language)
      : formatFixed(percent, magnitude < 10 ? 1 : 0, language);
  return `${percent > 0 ? '+' : ''}${text} %`;
}

const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

export function superscript(exponent: number): string {
  return [...String(exponent)].map((char) => SUPERSCRIPTS[char] ?? char).join('');
}

/** Powers of ten as 10⁻³, for log axes. */
export function formatPowerOfTen(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  return `10${superscript(exponent)}`;
}

export interface HyperparameterLabel {
  /** Unicode symbol, e.g. σf → 'σ' with subscript shown separately. */
  symbol: string;
  subscript: string;
  name: string;
  unit: string;
  tex: string;
}

export const HYPERPARAMETER_LABELS: Record<HyperparameterName, HyperparameterLabel> = {
  lengthscale: { symbol: 'ℓ', subscript: '', name: 'lengthscale', unit: 'x units', tex: '\\ell' },
  signalStd: { symbol: 'σ', subscript: 'f', name: 'signal std', unit: 'y units', tex: '\\sigma_f' },
  noiseStd: { symbol: 'σ', subscript: 'n', name: 'noise std', unit: 'y units', tex: '\\sigma_n' },
};

/** Plain-text symbol such as 'σf' (for aria labels and downloads). */
export function plainSymbol(name: HyperparameterName): string {
  const label = HYPERPARAMETER_LABELS[name];
  return label.symbol + label.subscript;
}

export const KERNEL_LABELS: Record<KernelName, string> = {
  rbf: 'RBF',
  matern52: 'Matérn 5/2',
  matern32: 'Matérn 3/2',
};

/**
 * Significant digits to print a finite-difference check's numbers with: two more than agree, so
 * that the reader sees them agree and then part. (The pair that parts most differs by more than
 * 10^−agree of its size, more than one unit in the last of floor(agree) + 2 digits.)
 */
export function partingDigits(agreeDigits: number): number {
  return Math.min(16, Math.floor(agreeDigits) + 2);
}
