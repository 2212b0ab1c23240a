import { describe, expect, it } from 'vitest';
import { latestFit, onEachFit, type FitChangeDetail } from '../../src/embed/fitEvents';
import { createExplorerStore, findPreset } from '../../src/state';
import { createFakeClient, fakeSuccess } from '../state/fakeClient';

function setUp() {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 100 });
  const fits: FitChangeDetail[] = [];
  const stop = onEachFit(store, (detail) => fits.push(detail));
  return { client, store, fits, stop };
}

describe('fit events', () => {
  it('reports each new fit once, with θ̂, the likelihood, the trust verdict and the points', async () => {
    const { client, store, fits } = setUp();
    expect(latestFit(store)).toBeNull();
    const first = client.requests[0]!;
    await client.deliver(fakeSuccess(first));
    expect(fits).toHaveLength(1);
    const success = fakeSuccess(first);
    expect(fits[0]).toEqual({
      ...success.theta,
      logMarginalLikelihood: success.lml,
      kernel: 'rbf',
      trust: 'trusted',
      points: findPreset('sine').points.map(({ x, y }) => ({ x, y })),
    });
    expect(latestFit(store)).toEqual(fits[0]);

    // A status change or a view option is not a new fit.
    client.setStatus({ backend: 'webgl', note: null });
    store.getState().setHyperparameter('noiseStd');
    expect(fits).toHaveLength(1);

    store.getState().movePoint(2, 4, 1.5);
    await client.deliver(fakeSuccess(client.requests.at(-1)!));
    expect(fits).toHaveLength(2);
    expect(fits[1]!.points[2]).toEqual({ x: 4, y: 1.5 });
  });

  it('skips results that arrive out of order and stops when asked', async () => {
    const { client, store, fits, stop } = setUp();
    store.getState().movePoint(0, 1, 1);
    const [older, newer] = [client.requests[0]!, client.requests[1]!];
    await client.deliver(fakeSuccess(newer));
    await client.deliver(fakeSuccess(older));
    expect(fits.map((fit) => fit.points[0])).toEqual([{ x: 1, y: 1 }]);
    stop();
    store.getState().movePoint(0, 2, 1);
    await client.deliver(fakeSuccess(client.requests.at(-1)!));
    expect(fits).toHaveLength(1);
  });

  it('hands out copies: changing a reported point does not touch the store', async () => {
    const { client, store, fits } = setUp();
    await client.deliver(fakeSuccess(client.requests[0]!));
    (fits[0]!.points[0] as { x: number }).x = 99;
    expect(store.getState().points[0]!.x).not.toBe(99);
  });
});
