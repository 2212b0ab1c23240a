/**
 * The readout's word on the Hessian agrees with the diagnostics: a θ̂ on a bound of the search (pure
 * noise: ℓ runs off) is no peak, whatever the curvature where the search stopped; at a maximum on
 * the noise floor the Hessian is negative definite with σn held; inside, negative definite or not.
 * A real engine result, through the store, in both languages.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages';
import { createExplorerStore } from '../../src/state';
import { findPreset } from '../../src/state/presets';
import type { Point } from '../../src/state';
import { StoreContext } from '../../src/ui/context';
import { hessianVerdict } from '../../src/ui/fitMessages';
import { LanguageContext } from '../../src/ui/i18n';
import { Readout } from '../../src/ui/panels/Readout';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { createFakeClient } from '../state/fakeClient';

async function fittedStore(points: readonly Point[]) {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 100 });
  store.getState().loadShared({ points, kernel: 'rbf', options: store.getState().options });
  const request = client.requests.at(-1)!;
  await client.deliver(await runAnalysis(request, createEnginePosteriorPath(), new WarmStarts()));
  return store;
}

async function readout(points: readonly Point[], language: 'en' | 'es') {
  const store = await fittedStore(points);
  const snapshot = { ...store, getInitialState: store.getState };
  const html = renderToStaticMarkup(
    createElement(
      LanguageContext.Provider,
      { value: language },
      createElement(StoreContext.Provider, { value: snapshot }, createElement(Readout)),
    ),
  );
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
