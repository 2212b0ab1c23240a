/**
 * Step 6's claims, measured: on exact samples of a parabola σ̂n sits on its floor and the arrows are
 * constrained sensitivities (σn held, bounded to moves much smaller than σn); on pure noise ℓ̂ runs
 * far beyond the span of the inputs, θ̂ has no derivative and the widget hides the arrows, saying
 * why. The widget's verdicts come from a real engine result through the store, as the widget sees it.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/state';
import { createExplorerStore, selectArrows, snapPoint, Y_DOMAIN } from '../../src/state';
import { ARTICLE_KERNEL } from '../../src/learn/datasets';
import { computeArticleFacts } from '../../src/learn/facts';
import { widgetOptions } from '../../src/learn/live';
import { TrustNote } from '../../src/ui/panels/TrustNote';
import { StoreContext } from '../../src/ui/context';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { createFakeClient } from '../state/fakeClient';

const facts = computeArticleFacts();

/** The widget's store after the engine's answer for `points`, and its trust note as HTML. */
async function widgetView(points: readonly Point[]) {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 100 });
  store.getState().loadShared({
    points: [...points],
    kernel: ARTICLE_KERNEL,
    options: store.getState().options,
  });
  const result = await runAnalysis(
    client.requests.at(-1)!,
    createEnginePosteriorPath(),
    new WarmStarts(),
  );
  await client.deliver(result);
  const view = selectArrows(store.getState());
  // Rendering on the server reads a store's initial state; this one starts where it is now.
  const snapshot = { ...store, getInitialState: store.getState };
  const note = renderToStaticMarkup(
    createElement(
      StoreContext.Provider,
      { value: snapshot },
      createElement(TrustNote, { view, failure: null }),
    ),
  );
  return { view, note };
}

describe('step 6, on the edge (figure 6b)', () => {
  const { floor } = facts;

  it('the widget fits exactly these samples of a parabola: every value lies on the page grid', () => {
    expect(widgetOptions('floor').points).toBe(floor.points);
    for (const p of floor.points) {
      const u = (p.x - 5) / 2.5;
      expect(p.y).toBeCloseTo(u * u - 2, 12);
      // The widget snaps what it is given to the grid; snapping these changes nothing.
      expect(snapPoint(p.x, p.y)).toEqual(p);
    }
  });

  it('every point lies a unit inside the plot’s y range, so the arrows pointing out stay inside', () => {
    for (const p of floor.points) {
      expect(p.y).toBeLessThanOrEqual(Y_DOMAIN[1] - 1);
      expect(p.y).toBeGreaterThanOrEqual(Y_DOMAIN[0] + 1);
    }
  });

  it('σ̂n sits on its floor and is held there; ℓ and σf stay free', () => {
    const { diagnostics, theta } = floor.fit;
    expect(diagnostics.constrained?.held).toEqual(['noiseStd']);
    expect(diagnostics.boundary).toContain('noise-vanishing');
    expect(theta.noiseStd / theta.signalStd).toBeLessThan(1e-3);
    if (!floor.sensitivities.defined) throw new Error('the floor fit must have arrows');
    expect(floor.sensitivities.constrained?.held).toEqual(['noiseStd']);
  });

  it('the arrows are drawn with a caution that bounds them to moves much smaller than σn', async () => {
    const { view, note } = await widgetView(floor.points);
    expect(view.status).toBe('caution');
    expect(view.arrows.length).toBe(floor.points.length);
    expect(note).toMatch(/σn sits at its smallest allowed value/);
    expect(note).toMatch(/with σn held there, for moves of a point much smaller than σn/);
  });
});

describe('step 6, flat (figure 6a)', () => {
  const { flat, flatSpan } = facts;

  it('the widget shows the same points', () => {
    expect(widgetOptions('flat').points).toBe(flat.points);
  });

  it('ℓ̂ runs far beyond the span of the inputs, and θ̂ has no derivative', () => {
    expect(flat.fit.theta.lengthscale).toBeGreaterThan(100 * flatSpan);
    expect(flat.fit.diagnostics.boundary).toContain('lengthscale-beyond-span');
    expect(flat.fit.diagnostics.trust).toBe('untrusted');
    expect(flat.sensitivities.defined).toBe(false);
  });

  it('the widget hides the arrows and says why', async () => {
    const { view, note } = await widgetView(flat.points);
    expect(view.status).toBe('hidden');
    expect(view.arrows).toEqual([]);
    expect(note).toMatch(/Arrows hidden: the sensitivities are undefined here/);
    expect(note).toMatch(/ℓ keeps growing, far beyond the data: the fit is a flat line/);
  });
});
