/**
 * The readout's word on the Hessian agrees with the diagnostics: a θ̂ on a bound of the search (pure
 * noise: ℓ runs off) is no peak, whatever the curvature where the search stopped; at a maximum on
 * the noise floor the Hessian is negative definite with σn held; inside, negative definite or not.
 * A real engine result, through the store, in both languages.
 */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { findPreset } from '../../src/state/presets';
import type { Point } from '../../src/state';
import { hessianVerdict } from '../../src/ui/fitMessages';
import { Readout } from '../../src/ui/panels/Readout';
import { fittedStore, renderWith } from './fittedStore';

async function readout(points: readonly Point[], language: 'en' | 'es') {
  const store = await fittedStore(points);
  const html = renderWith(store, language, createElement(Readout));
  const verdict = /data-testid="hessian-verdict">([^<]*)</.exec(html)?.[1];
  return { store, verdict };
}

describe('the Hessian row of the readout', () => {
  it('picks its words from the diagnostics', () => {
    const at = (negativeDefinite: boolean, boundary: string[], held: boolean) =>
      hessianVerdict({
        negativeDefinite,
        boundary: boundary as never,
        constrained: held ? { held: ['noiseStd'], reason: '' } : null,
      }).message;
    expect(at(true, [], false)).toBe('negativeDefinite');
    expect(at(false, [], false)).toBe('notNegativeDefinite');
    expect(at(true, ['lengthscale-beyond-span'], false)).toBe('hessianOnBound');
    expect(at(false, ['lengthscale-beyond-span'], false)).toBe('hessianOnBound');
    expect(at(true, ['noise-vanishing'], true)).toBe('negativeDefiniteHeld');
  });

  it.each(['en', 'es'] as const)(
    'pure noise (%s): no peak, θ̂ on a bound — not "negative definite"',
    async (language) => {
      const { store, verdict } = await readout(findPreset('noise').points, language);
      const diagnostics = store.getState().analysis!.result.diagnostics;
      // The case the row must not contradict: curvature negative, but θ̂ on the edge of the search.
      expect(diagnostics.boundary.length).toBeGreaterThan(0);
      expect(diagnostics.negativeDefinite).toBe(true);
      const { t } = translator(language);
      expect(verdict).toBe(t('hessianOnBound'));
      expect(verdict).not.toBe(t('negativeDefinite'));
    },
  );

  it('the noisy sine: a strict interior maximum, negative definite', async () => {
    const { verdict } = await readout(findPreset('sine').points, 'en');
    expect(verdict).toBe('negative definite');
  });
});
