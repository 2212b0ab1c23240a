/**
 * A drag's first-order prediction in the store: anchored where the drag began (on a late result
 * too), made by consecutive keyboard steps as by the pointer, and dropped when the rule that
 * predicted it is no longer the one shown.
 */
import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../../src/state/store';
import { selectPrediction } from '../../src/state/selectors';
import { withPrior } from '../../src/state/prior';
import type { Point } from '../../src/state/domain';
import { answerLatest, createFakeClient, fakeSuccess, lastRequest } from './fakeClient';

function setup() {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 40 });
  return { client, store, act: store.getState };
}

describe('the drag prediction', () => {
  it('predicts θ̂ to first order from the drag start and compares it with the refit', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    const before = act().analysis?.result;
    const start = act().points[2] as Point;
    act().beginDrag(2);
    act().dragTo(start.x + 0.5, start.y + 0.25);
    await answerLatest(client);
    const prediction = selectPrediction(act());
    expect(prediction).not.toBeNull();
    if (!prediction || !before) return;
    // Fake sensitivities: ∂ log ℓ/∂yᵢ = yᵢ, ∂ log ℓ/∂xᵢ = xᵢ/10, evaluated at the drag start.
    const expectedLogLengthscale = before.logTheta[0] + start.y * 0.25 + (start.x / 10) * 0.5;
    expect(prediction.delta.x).toBeCloseTo(0.5, 12);
    expect(prediction.delta.y).toBeCloseTo(0.25, 12);
    expect(Math.log(prediction.predicted.lengthscale)).toBeCloseTo(expectedLogLengthscale, 12);
    expect(Math.log(prediction.predicted.noiseStd)).toBeCloseTo(
      before.logTheta[2] - start.y * 0.25,
      12,
    );
    expect(prediction.refit).toEqual(act().analysis?.result.theta);
    expect(prediction.logGap[0]).toBeCloseTo(
      expectedLogLengthscale - Math.log(prediction.refit.lengthscale),
      12,
    );
    // The trail holds θ̂ at the start and after the refit.
    expect(act().drag?.trail).toHaveLength(2);
  });

  it('makes consecutive keyboard steps of one point one session, as a drag, until another edit', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    const before = act().analysis?.result;
    const start = act().points[2] as Point;
    act().nudgePoint(2, start.x, start.y + 0.05);
    act().nudgePoint(2, start.x, start.y + 0.1);
    await answerLatest(client);
    const prediction = selectPrediction(act());
    expect(prediction).not.toBeNull();
    if (!prediction || !before) return;
    // Anchored where the first step began: the fake ∂ log ℓ/∂yᵢ = yᵢ at the start.
    expect(prediction.delta.y).toBeCloseTo(0.1, 12);
    expect(Math.log(prediction.predicted.lengthscale)).toBeCloseTo(
      before.logTheta[0] + start.y * 0.1,
      12,
    );
    // Each step is one undo step, as a moved point is.
    expect(act().history.past.length).toBe(2);
    // Another point's step starts a session of its own; any other edit ends it.
    act().nudgePoint(3, act().points[3]!.x, act().points[3]!.y + 0.05);
    expect(act().drag?.index).toBe(3);
    expect(act().drag?.start).toEqual(act().history.past.at(-1)!.points[3]);
    act().movePoint(3, 1, 1);
    expect(act().drag).toBeNull();
  });

  it('drops a finished session’s prediction when the rule changes: it was the old rule’s arrows', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    const start = act().points[2] as Point;
    act().nudgePoint(2, start.x, start.y + 0.05);
    await answerLatest(client);
    expect(selectPrediction(act())).not.toBeNull();
    act().setRule('loo');
    expect(act().drag).toBeNull();
    await answerLatest(client, { rule: 'loo' });
    expect(selectPrediction(act())).toBeNull();
    // So does a new prior under MAP; a drag under way is kept.
    act().setRule('map');
    await answerLatest(client, { rule: 'map' });
    act().nudgePoint(2, start.x, start.y + 0.1);
    await answerLatest(client, { rule: 'map' });
    expect(selectPrediction(act())).not.toBeNull();
    act().setPrior(withPrior(act().options.prior, 'lengthscale', { median: 2 }));
    expect(act().drag).toBeNull();
    act().beginDrag(3);
    act().setRule('ml');
    expect(act().drag?.active).toBe(true);
  });

  it('anchors the prediction on a late result for the drag start position', async () => {
    const { client, act } = setup();
    const first = lastRequest(client);
    act().beginDrag(1);
    expect(act().drag?.baseline).toBeNull();
    act().dragTo(5, 1);
    await client.deliver(fakeSuccess(first));
    expect(act().drag?.baseline?.dLogTheta_dy[0]).toBe(first.y[1]);
  });
});
