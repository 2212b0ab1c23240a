/** The MAP rule's one-line explanation states the engine's default prior, in both languages. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIOR } from '../../src/engine';
import { en } from '../../src/i18n/messages.en';
import { es } from '../../src/i18n/messages.es';

/** The factor of a 95% interval either side of the median: exp(1.96 · log-sd), rounded. */
const factor = (logSd: number) => Math.round(Math.exp(1.959964 * logSd));

describe('the MAP rule’s explanation', () => {
  it('names the default prior’s medians and widths', () => {
    const { lengthscale, signalStd, noiseStd } = DEFAULT_PRIOR;
    expect(DEFAULT_PRIOR.relativeTo).toBe('data');
    expect([lengthscale.logSd, signalStd.logSd]).toEqual([1, 1]);
    for (const [text, decimal] of [
      [en.ruleExplainMap, '.'],
      [es.ruleExplainMap, ','],
    ] as const) {
      const number = (value: number) => String(value).replace('.', decimal);
      expect(text).toContain(`ℓ`);
      expect(text).toContain(`${number(lengthscale.median)} `);
      expect(text).toContain(`σf`);
      expect(text).toContain(`${number(signalStd.median)} `);
      expect(text).toContain(`${number(noiseStd.median)} `);
      expect(text).toContain(`${factor(lengthscale.logSd)} (${factor(noiseStd.logSd)} `);
    }
    expect(factor(1)).toBe(7);
    expect(factor(1.5)).toBe(19);
  });
});
