import { describe, expect, it } from 'vitest';
import { selectManualFit } from '../../src/state/selectors';
import { createExplorerStore } from '../../src/state/store';
import { LANDSCAPE_GRID } from '../../src/state/request';
import { decodeSharedState, fragmentAsksToPresent } from '../../src/state/urlCodec';
import { bindUrl } from '../../src/state/urlSync';
import { answerLatest, createFakeClient, fakeSuccess, lastRequest } from './fakeClient';

function setup() {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 20 });
  return { client, store, act: store.getState };
}

const place = { lengthscale: 0.3, noiseRatio: 0.02 };

describe('a θ set by hand', () => {
  it('asks for its fit without recomputing the landscape, and shows it once answered', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    const before = client.requests.length;
    act().setManualTheta(place);
    expect(client.requests).toHaveLength(before + 1);
    const request = lastRequest(client);
    expect(request.fixedTheta).toEqual(place);
    expect(request.landscape).toBeNull();
    expect(selectManualFit(act())).toEqual({ place, fit: null, change: null });

    const answer = {
      place: { ...place },
      theta: { lengthscale: 0.3, signalStd: 1, noiseStd: Math.sqrt(0.02) },
      lml: -40,
      posterior: null,
    };
    await client.deliver(fakeSuccess(request, { atFixedTheta: answer }));
    const view = selectManualFit(act());
    expect(view?.fit).toEqual(answer);
    // The fake fit's log likelihood is −n, n the number of points asked about.
    expect(view?.change).toBe(-40 - -request.x.length);
    // The landscape of the first answer stays.
    expect(act().landscape).not.toBeNull();
  });

  it('is sent with every edit while set, ignored when repeated or invalid, and cleared by θ̂', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setManualTheta(place);
    const count = client.requests.length;
    act().setManualTheta({ ...place });
    act().setManualTheta({ lengthscale: -1, noiseRatio: 0.1 });
    act().setManualTheta({ lengthscale: 1, noiseRatio: Number.NaN });
    expect(client.requests).toHaveLength(count);
    act().movePoint(0, 1, 1);
    expect(lastRequest(client).fixedTheta).toEqual(place);
    expect(lastRequest(client).landscape).not.toBeNull();
    act().setManualTheta(null);
    expect(act().manualTheta).toBeNull();
    expect(selectManualFit(act())).toBeNull();
    expect(client.requests).toHaveLength(count + 1);
    act().movePoint(0, 1.5, 1);
    expect(lastRequest(client).fixedTheta).toBeNull();
    act().setManualTheta(place);
    act().reset();
    expect(act().manualTheta).toBeNull();
  });
});

describe('the landscape’s axes', () => {
  it('start from the fixed box at rest and from the box on screen during a drag', async () => {
    const { client, act } = setup();
    const request = lastRequest(client);
    expect(request.landscape).toEqual({
      lengthscaleRange: LANDSCAPE_GRID.lengthscaleRange,
      noiseRatioRange: LANDSCAPE_GRID.noiseRatioRange,
      size: LANDSCAPE_GRID.size,
      holdMaxima: true,
    });
    const lengthscales = Float64Array.of(0.01, 0.1, 1, 10, 100, 1000);
    const noiseRatios = Float64Array.of(1e-8, 1e-4, 1, 1e4);
    await client.deliver(
      fakeSuccess(request, {
        lml: -5,
        landscape: {
          lengthscales,
          noiseRatios,
          profileLml: new Float64Array(24).fill(-9),
          best: { lengthscale: 1, noiseRatio: 1, lml: -9 },
        },
      }),
    );
    // The top of the landscape is θ̂'s exact log likelihood when it is above the grid's best.
    expect(act().landscape?.peakLml).toBe(-5);
    act().beginDrag(2);
    act().dragTo(5, 1);
    expect(lastRequest(client).landscape).toMatchObject({
      lengthscaleRange: [0.01, 1000],
      noiseRatioRange: [1e-8, 1e4],
      holdMaxima: true,
    });
    act().endDrag();
    act().movePoint(2, 5, 1.5);
    expect(lastRequest(client).landscape?.lengthscaleRange).toEqual(
      LANDSCAPE_GRID.lengthscaleRange,
    );
  });
});

describe('presentation mode', () => {
  it('is in the link as &present=1, restored from it, and off otherwise', () => {
    const store = createExplorerStore({ client: createFakeClient(), maxPoints: 100 });
    const written: string[] = [];
    bindUrl(store, { write: (fragment) => written.push(fragment) });
    expect(fragmentAsksToPresent(written[0] ?? '')).toBe(false);
    store.getState().setPresentation(true);
    const link = written[written.length - 1] ?? '';
    expect(link).toMatch(/&present=1$/);
    const decoded = decodeSharedState(link, 100);
    expect(decoded.ok && decoded.state.presentation).toBe(true);
    const reopened = createExplorerStore({
      client: createFakeClient(),
      maxPoints: 100,
      initial: decoded.ok ? decoded.state : undefined,
    });
    expect(reopened.getState().presentation).toBe(true);
    store.getState().setPresentation(false);
    expect(written[written.length - 1]).not.toMatch(/present/);
    expect(fragmentAsksToPresent('#present=1')).toBe(true);
    expect(fragmentAsksToPresent('#v=1&present=0')).toBe(false);
  });
});
