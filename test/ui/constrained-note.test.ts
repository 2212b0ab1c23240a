/**
 * At a maximum with σn on its floor the arrows are constrained sensitivities; the trust note and
 * the math panel say so in one plain sentence. A real engine result, through the store.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createExplorerStore, selectArrows } from '../../src/state';
import { MathPanel } from '../../src/ui/panels/MathPanel';
import { TrustNote } from '../../src/ui/panels/TrustNote';
import { StoreContext } from '../../src/ui/context';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { createFakeClient } from '../state/fakeClient';

const SENTENCE =
  /σn sits at its smallest allowed value \(σn\/σf = [0-9.e×⁰¹²³⁴⁵⁶⁷⁸⁹⁻−-]+\); the arrows show how ℓ and σf move with σn held there, for moves of a point much smaller than σn/;

/** Exact values of a smooth function: fitted with Matérn 3/2, σn runs to its floor. */
const points = Array.from({ length: 20 }, (_, i) => {
  const x = 0.5 * i + 0.1 * Math.sin(3 * i);
  return { x, y: Math.sin(x) };
});

async function constrainedStore() {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 100 });
  store.getState().loadShared({
    points,
    kernel: 'matern32',
    options: store.getState().options,
  });
  const request = client.requests.at(-1)!;
  const result = await runAnalysis(request, createEnginePosteriorPath(), new WarmStarts());
  await client.deliver(result);
  return store;
}

describe('the arrows at a maximum with σn on its floor', () => {
  it('are labelled constrained in the trust note', async () => {
    const store = await constrainedStore();
    const view = selectArrows(store.getState());
    expect(view.status).toBe('caution');
    const snapshot = { ...store, getInitialState: store.getState };
    const html = renderToStaticMarkup(
      createElement(
        StoreContext.Provider,
        { value: snapshot },
        createElement(TrustNote, { view, failure: null }),
      ),
    );
    expect(html).toMatch(SENTENCE);
  });

  it('are labelled constrained in the math panel', async () => {
    const store = await constrainedStore();
    // Rendering on the server reads a store's initial state; this one starts where it is now.
    const snapshot = { ...store, getInitialState: store.getState };
    const html = renderToStaticMarkup(
      createElement(StoreContext.Provider, { value: snapshot }, createElement(MathPanel)),
    );
    expect(html).toMatch(SENTENCE);
    expect(html).toMatch(/the theorem is applied to ℓ and σf alone/);
  });
});
