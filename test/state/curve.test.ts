/**
 * The store's response curve and arrow scale: when a curve is asked for (at rest, never during a
 * drag), what it follows, how its answer is kept, and that the arrows' scale is kept at a release
 * while it still fits them (at most a fifth at the cap) and fitted anew when not.
 */
import { describe, expect, it } from 'vitest';
import type { ResponseCurve } from '../../src/engine/response-curve';
import { ARROW_CAP, chooseReference, keepsReference } from '../../src/state/arrowScale';
import { CURVE_HALF_WIDTH, CURVE_SAMPLES_PER_SIDE } from '../../src/state/curve';
import { selectArrows, selectCurveMarker } from '../../src/state/selectors';
import { CURVE_REQUESTS } from '../../src/state/panelRequests';
import { createExplorerStore } from '../../src/state/store';
import { answerLatest, createFakeClient, fakeSuccess, lastRequest } from './fakeClient';

function setup(responseCurves = true) {
  const client = createFakeClient();
  const store = createExplorerStore({
    client,
    maxPoints: 100,
    ...(responseCurves ? { curveRequests: CURVE_REQUESTS } : {}),
  });
  return { client, store, act: store.getState };
}

/** A curve answer with made-up samples (the store keeps it as it comes). */
function fakeCurve(index: number, current: number): ResponseCurve {
  const values = Float64Array.from([current - 1, current, current + 1]);
  return {
    index,
    axis: 'y',
    values,
    centre: 1,
    logTheta: [new Float64Array(3), new Float64Array(3), new Float64Array(3)],
    lml: new Float64Array(3),
    trust: ['trusted', 'trusted', 'trusted'],
    branch: new Int32Array(3),
    slope: [0.1, 0.2, 0.3],
    refits: 3,
    globalChecks: 3,
  };
}

describe('the response curve in the store', () => {
  it('asks for the selected point’s curve once its fit is in, following that fit', async () => {
    const { client, act } = setup();
    act().select(3);
    expect(client.curveRequests).toHaveLength(0); // no fit yet
    await answerLatest(client);
    expect(client.curveRequests).toHaveLength(1);
    const request = client.curveRequests[0]!;
    expect(request).toMatchObject({
      index: 3,
      axis: 'y',
      kernel: 'rbf',
      halfWidth: CURVE_HALF_WIDTH,
      perSide: CURVE_SAMPLES_PER_SIDE,
      domain: [-3, 3],
    });
    expect(request.start?.logTheta).toEqual(act().analysis!.result.logTheta);
    expect([...request.y]).toEqual(act().points.map((p) => p.y));
    expect(act().curve?.status).toBe('computing');
    // The same state asks for nothing more.
    act().select(3);
    expect(client.curveRequests).toHaveLength(1);
    const curve = fakeCurve(3, act().points[3]!.y);
    await client.deliverCurve({
      seq: request.seq,
      ok: true,
      curve,
      timingMs: { compute: 5, total: 6 },
    });
    expect(act().curve).toMatchObject({ status: 'done', index: 3, curve });
  });

  it('asks on selection when the fit is already in, and forgets the curve on deselection', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().select(5);
    expect(client.curveRequests.map((r) => r.index)).toEqual([5]);
    act().select(null);
    expect(act().curve).toBeNull();
    expect(client.curveCancels).toBe(1);
  });

  it('never asks during a drag: it drops a curve in progress and asks again after the release', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().select(2);
    expect(client.curveRequests).toHaveLength(1);
    act().beginDrag(2);
    expect(client.curveCancels).toBe(1);
    expect(act().curve?.status).toBe('stale');
    for (let k = 1; k <= 5; k++) {
      act().dragTo(act().points[2]!.x, act().points[2]!.y + 0.05);
      await answerLatest(client);
    }
    expect(client.curveRequests).toHaveLength(1);
    act().endDrag();
    expect(client.curveRequests).toHaveLength(2);
    expect(client.curveRequests[1]!.y[2]).toBe(act().points[2]!.y);
  });

  it('keeps the curve from before a drag and follows the dragged point on it', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().select(4);
    const start = act().points[4]!;
    const request = client.curveRequests[0]!;
    await client.deliverCurve({
      seq: request.seq,
      ok: true,
      curve: fakeCurve(4, start.y),
      timingMs: { compute: 1, total: 1 },
    });
    act().beginDrag(4);
    act().dragTo(start.x, start.y + 0.3);
    await answerLatest(client);
    const marker = selectCurveMarker(act());
    expect(marker?.value).toBeCloseTo(start.y + 0.3, 12);
    expect(marker?.liveLogTheta).toEqual(act().analysis!.result.logTheta);
    expect(act().curve?.status).toBe('done');
    // Another point's drag does not move this curve's marker.
    act().endDrag();
    act().beginDrag(6);
    expect(selectCurveMarker(act())).toBeNull();
  });

  it('varies x in "x and y" arrow mode when asked to', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().select(1);
    act().setArrowMode('vector');
    expect(client.curveRequests.at(-1)?.axis).toBe('y');
    act().setCurveAxis('x');
    expect(client.curveRequests.at(-1)).toMatchObject({ axis: 'x', index: 1, domain: [0, 10] });
    act().setArrowMode('vertical');
    expect(client.curveRequests.at(-1)?.axis).toBe('y');
  });

  it('keeps a failure and its reason', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().select(0);
    const seq = client.curveRequests[0]!.seq;
    await client.deliverCurve({ seq, ok: false, code: 'internal', message: 'no luck' });
    expect(act().curve).toMatchObject({ status: 'failed', message: 'no luck', curve: null });
  });

  it('asks for nothing where curves are not drawn (the embedded widget)', async () => {
    const { client, act } = setup(false);
    await answerLatest(client);
    act().select(2);
    expect(client.curveRequests).toHaveLength(0);
    expect(act().curve).toBeNull();
  });
});

describe('the arrow scale after a drag', () => {
  it('keeps at most a fifth of the arrows capped after each release', async () => {
    const { client, act } = setup(false);
    await answerLatest(client);
    const before = act().arrowScale!.reference;
    // Fake ∂ log ℓ/∂yᵢ = yᵢ: lifting five points to the top makes their arrows huge.
    for (const index of [0, 1, 2, 3, 4]) {
      act().beginDrag(index);
      act().dragTo(act().points[index]!.x, 3);
      await answerLatest(client);
      // During the drag the scale stays put.
      expect(act().arrowScale!.reference).toBe(before);
      act().endDrag();
      const arrows = selectArrows(act()).arrows;
      const capped = arrows.filter((arrow) => arrow.vector.capped).length;
      expect(capped).toBeLessThanOrEqual(arrows.length / 5);
    }
    // Five arrows of 3 fit under the cap at 2: the scale was kept, as it still fits.
    expect(act().arrowScale!.reference).toBe(before);
    expect(
      keepsReference(
        before,
        act().points.map((p) => p.y),
      ),
    ).toBe(true);
  });

  it('waits for the fit of the final points when the release comes first', async () => {
    const { client, act } = setup(false);
    await answerLatest(client);
    const before = act().arrowScale!.reference;
    for (const index of [0, 1, 2, 3, 4]) {
      const current = act().arrowScale!.reference;
      act().beginDrag(index);
      act().dragTo(act().points[index]!.x, 3);
      act().endDrag();
      // The fit on screen is for the points before this drag: no rescale from it.
      expect(act().arrowScale!.reference).toBe(current);
      await client.deliver(fakeSuccess(lastRequest(client)));
    }
    const lengths = act().points.map((p) => Math.abs(p.y));
    const capped = lengths.filter((v) => v > ARROW_CAP * act().arrowScale!.reference).length;
    expect(capped).toBeLessThanOrEqual(lengths.length / 5);
    expect(act().arrowScale!.reference).toBe(before);
  });

  it('keeps the scale after an edit while it fits the arrows, and fits it anew when not', async () => {
    const { client, act } = setup(false);
    // Fake ∂ log ℓ/∂yᵢ = yᵢ: eight arrows of 0.09 and two of 0.15 give a scale of 0.2.
    const ys = [0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.15, 0.15];
    const points = ys.map((y, i) => ({ x: i, y }));
    act().loadShared({ points, kernel: 'rbf', options: act().options });
    await answerLatest(client);
    expect(act().arrowScale!.reference).toBeCloseTo(0.2, 12);
    // Lowering the two: a fresh scale would be 0.1, but 0.2 still draws every arrow whole.
    for (const index of [8, 9]) {
      act().movePoint(index, index, 0.09);
      await answerLatest(client);
    }
    expect(chooseReference(act().points.map((p) => p.y))).toBeCloseTo(0.1, 12);
    expect(act().arrowScale!.reference).toBeCloseTo(0.2, 12);
    // Three arrows of 3 would all be capped at 0.2 (cap 0.4), not at a fresh 5: it changes.
    for (const index of [0, 1, 2]) {
      act().beginDrag(index);
      act().dragTo(index, 3);
      act().endDrag();
      await answerLatest(client);
    }
    expect(act().arrowScale!.reference).toBe(chooseReference(act().points.map((p) => p.y)));
    expect(act().arrowScale!.reference).toBe(5);
  });
});
