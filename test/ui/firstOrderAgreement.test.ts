import { describe, expect, it } from 'vitest';
import { formatFactor } from '../../src/ui/format';
import { firstOrderHolds } from '../../src/ui/rules/firstOrderAgreement';

describe('whether a first-order estimate held', () => {
  it('holds within a fifth of the exact change', () => {
    expect(firstOrderHolds(0.1, 0.115)).toBe(true);
    expect(firstOrderHolds(-0.1, -0.085)).toBe(true);
  });
  it('misses beyond it: the map’s +46 % against a refit’s +19 %', () => {
    expect(firstOrderHolds(Math.log(1.19), Math.log(1.46))).toBe(false);
    expect(firstOrderHolds(0.1, -0.1)).toBe(false);
  });
  it('holds for tiny changes within 0.2 %', () => {
    expect(firstOrderHolds(0.0001, 0.0015)).toBe(true);
    expect(firstOrderHolds(0.0001, 0.004)).toBe(false);
  });
  it('writes a change as a factor, small or large, so two stand side by side in one notation', () => {
    expect(formatFactor(Math.log(1.35), 'en')).toBe('×1.35');
    expect(formatFactor(-Math.log(6.2), 'es')).toBe('÷6,20');
    expect(formatFactor(0, 'en')).toBe('×1.00');
  });
});
