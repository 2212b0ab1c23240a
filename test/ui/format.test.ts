import { describe, expect, it } from 'vitest';
import {
  formatLogRatio,
  formatNumber,
  formatPercent,
  formatPowerOfTen,
  formatSigned,
} from '../../src/ui/format';

describe('number formatting', () => {
  it('shows significant digits, a true minus sign and ×10ⁿ outside [1e-3, 1e5)', () => {
    expect(formatNumber(1.48912)).toBe('1.489');
    expect(formatNumber(0.0779012)).toBe('0.07790');
    expect(formatNumber(-4.68077, 5)).toBe('−4.6808');
    expect(formatNumber(8869.2)).toBe('8869');
    expect(formatNumber(5.1e7, 3)).toBe('5.10×10⁷');
    expect(formatNumber(-2.5e-6, 2)).toBe('−2.5×10⁻⁶');
    expect(formatNumber(0)).toBe('0');
  });

  it('never prints NaN or Infinity as such', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('−∞');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatLogRatio(Number.NaN)).toBe('—');
  });

  it('signs, percentages, factors and powers of ten', () => {
    expect(formatSigned(0.271)).toBe('+0.271');
    expect(formatSigned(-0.0123)).toBe('−0.0123');
    expect(formatPercent(0.0321)).toBe('+3.2 %');
    expect(formatPercent(-0.35)).toBe('−35 %');
    // Small changes keep a significant digit instead of reading "−0.0 %".
    expect(formatPercent(-0.0003)).toBe('−0.03 %');
    expect(formatPercent(0.0000042, 'es')).toBe('+4×10⁻⁴ %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatLogRatio(Math.log(1.05))).toBe('+5.0 %');
    expect(formatLogRatio(Math.log(2.4))).toBe('×2.4');
    expect(formatLogRatio(-Math.log(2983))).toBe('÷2983');
    expect(formatPowerOfTen(1e-6)).toBe('10⁻⁶');
    expect(formatPowerOfTen(1)).toBe('1');
    expect(formatPowerOfTen(100)).toBe('10²');
  });
});
