import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIOR } from '../../src/engine/rules/prior';
import {
  decodePrior,
  encodePrior,
  isDefaultPrior,
  logSdOfFactor,
  priorFactor,
  PRIOR_FACTOR_RANGE,
  PRIOR_MEDIAN_RANGE,
  withPrior,
} from '../../src/state/prior';

describe('the explorer’s MAP prior', () => {
  it('shows each spread as the factor of its 95 % range: e^(1.96 s), and back', () => {
    // 95 % of a normal lies within 1.96 sd of its mean, so of log θ within ±1.96 s.
    expect(priorFactor(DEFAULT_PRIOR.lengthscale.logSd)).toBeCloseTo(7.099, 3);
    expect(priorFactor(DEFAULT_PRIOR.noiseStd.logSd)).toBeCloseTo(18.91, 2);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 7, noNaN: true }), (logSd) => {
        expect(logSdOfFactor(priorFactor(logSd))).toBeCloseTo(logSd, 12);
      }),
    );
  });

  it('round-trips any accepted prior through the link exactly', () => {
    const part = fc.record({
      median: fc.double({ min: PRIOR_MEDIAN_RANGE[0], max: PRIOR_MEDIAN_RANGE[1], noNaN: true }),
      logSd: fc.double({
        min: logSdOfFactor(PRIOR_FACTOR_RANGE[0]),
        max: logSdOfFactor(PRIOR_FACTOR_RANGE[1]) * (1 - 1e-12),
        noNaN: true,
      }),
    });
    fc.assert(
      fc.property(part, part, part, (lengthscale, signalStd, noiseStd) => {
        const prior = { relativeTo: 'data' as const, lengthscale, signalStd, noiseStd };
        expect(decodePrior(encodePrior(prior))).toEqual(prior);
      }),
    );
  });

  it('refuses a link’s prior that is not three usable pairs', () => {
    for (const text of [
      '',
      '0.5:1,1:1',
      '0.5:1,1:1,0.1:1.5,1:1',
      '0:1,1:1,0.1:1.5',
      '0.5:0,1:1,0.1:1.5',
      '0.5:-1,1:1,0.1:1.5',
      '0.5:1,1:1,0.1:99',
      '5000:1,1:1,0.1:1.5',
      'NaN:1,1:1,0.1:1.5',
      '0.5;1,1:1,0.1:1.5',
      '0.5:1,1:1,0.1:Infinity',
    ]) {
      expect(decodePrior(text), text).toBeNull();
    }
    expect(decodePrior(encodePrior(DEFAULT_PRIOR))).toEqual(DEFAULT_PRIOR);
  });

  it('knows the default, and changes one hyperparameter’s part alone', () => {
    expect(isDefaultPrior(DEFAULT_PRIOR)).toBe(true);
    const changed = withPrior(DEFAULT_PRIOR, 'lengthscale', { median: 2 });
    expect(isDefaultPrior(changed)).toBe(false);
    expect(changed.lengthscale).toEqual({ median: 2, logSd: DEFAULT_PRIOR.lengthscale.logSd });
    expect(changed.signalStd).toBe(DEFAULT_PRIOR.signalStd);
  });
});
