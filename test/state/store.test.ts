import { describe, expect, it } from 'vitest';
import { createExplorerStore, MIN_EXPLORER_POINTS } from '../../src/state/store';
import { findPreset, PRESETS } from '../../src/state/presets';
import { DEFAULT_PRIOR } from '../../src/engine/rules/prior';
import { LIVE_LANDSCAPE_MAX_POINTS } from '../../src/state/request';
import { selectArrows } from '../../src/state/selectors';
import { X_DOMAIN, Y_DOMAIN, type Point } from '../../src/state/domain';
import { answerLatest, createFakeClient, fakeSuccess, lastRequest } from './fakeClient';
import { translator } from '../../src/i18n/messages';

function setup(initialPoints?: readonly Point[]) {
  const client = createFakeClient();
  const store = createExplorerStore({
    client,
    maxPoints: 40,
    initial: initialPoints
      ? {
          points: initialPoints,
          kernel: 'rbf',
          options: {
            hyperparameter: 'lengthscale',
            arrowMode: 'vertical',
            showBand: true,
            showLandscape: true,
            rule: 'ml',
            compareRule: null,
            prior: DEFAULT_PRIOR,
            showInfluence: false,
            showPullMap: false,
          },
        }
      : undefined,
  });
  return { client, store, act: store.getState };
}

describe('explorer store', () => {
  it('starts with the noisy sine and asks for its analysis, landscape included', () => {
    const { client, store } = setup();
    const sine = findPreset('sine').points;
    expect(store.getState().points).toEqual(sine);
    expect(sine.length).toBe(24);
    expect(client.requests).toHaveLength(1);
    const request = lastRequest(client);
    expect([...request.x]).toEqual(sine.map((p) => p.x));
    expect([...request.y]).toEqual(sine.map((p) => p.y));
    expect(request.kernel).toBe('rbf');
    expect(request.landscape).not.toBeNull();
    expect(store.getState().pendingSeq).toBe(request.seq);
  });

  it('stores a result, chooses an arrow scale and shows one arrow per point', async () => {
    const { client, store } = setup();
    await answerLatest(client);
    const state = store.getState();
    expect(state.pendingSeq).toBeNull();
    expect(state.analysis?.result.theta.noiseStd).toBe(0.1);
    expect(state.landscape).not.toBeNull();
    expect(state.arrowScale?.hyperparameter).toBe('lengthscale');
    const arrows = selectArrows(state);
    expect(arrows.status).toBe('shown');
    expect(arrows.arrows).toHaveLength(state.points.length);
    // Fake sensitivity ∂ log ℓ / ∂yᵢ = yᵢ: the arrow points up exactly where the point is above zero.
    for (const { index, vector } of arrows.arrows) {
      expect(Math.sign(vector.dy)).toBe(Math.sign(state.points[index]?.y ?? 0));
      expect(vector.dx).toBe(0);
    }
  });

  it('ignores a result for a request it did not make', async () => {
    const { client, store } = setup();
    await client.deliver(fakeSuccess({ ...lastRequest(client), seq: 99 }));
    expect(store.getState().analysis).toBeNull();
  });

  it('drags a point: snaps and clamps it, refits on every move, and records one undo step', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    const start = act().points[3] as Point;
    act().beginDrag(3);
    act().dragTo(start.x + 0.12345, start.y + 0.5);
    expect(act().points[3]).toEqual({
      x: Number((start.x + 0.123).toFixed(3)),
      y: Number((start.y + 0.5).toFixed(3)),
    });
    act().dragTo(100, -100);
    expect(act().points[3]).toEqual({ x: X_DOMAIN[1], y: Y_DOMAIN[0] });
    expect(client.requests).toHaveLength(3);
    expect(act().presetId).toBeNull();
    act().endDrag();
    expect(act().history.past).toHaveLength(1);
    act().undo();
    expect(act().points[3]).toEqual(start);
    act().redo();
    expect(act().points[3]).toEqual({ x: X_DOMAIN[1], y: Y_DOMAIN[0] });
    expect(lastRequest(client).x[3]).toBe(X_DOMAIN[1]);
  });

  it('does not record an undo step for a click without movement', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().beginDrag(0);
    act().endDrag();
    expect(act().history.past).toHaveLength(0);
    expect(client.requests).toHaveLength(1);
  });

  it('skips the landscape while dragging many points and catches up when the drag ends', () => {
    const many = Array.from({ length: LIVE_LANDSCAPE_MAX_POINTS + 1 }, (_, i) => ({
      x: i * 0.2,
      y: 0,
    }));
    const client = createFakeClient();
    const store = createExplorerStore({
      client,
      maxPoints: 500,
      initial: {
        points: many,
        kernel: 'rbf',
        options: {
          hyperparameter: 'lengthscale',
          arrowMode: 'vertical',
          showBand: true,
          showLandscape: true,
          rule: 'ml',
          compareRule: null,
          prior: DEFAULT_PRIOR,
          showInfluence: false,
          showPullMap: false,
        },
      },
    });
    store.getState().beginDrag(0);
    store.getState().dragTo(0.5, 1);
    expect(lastRequest(client).landscape).toBeNull();
    store.getState().endDrag();
    expect(client.requests).toHaveLength(3);
    expect(lastRequest(client).landscape).not.toBeNull();
    expect(lastRequest(client).y[0]).toBe(1);
  });

  it('adds and removes points, hiding the arrows until the new set is analysed', async () => {
    const { client, act } = setup();
    const n = findPreset('sine').points.length;
    await answerLatest(client);
    act().addPoint(5.00049, 2);
    expect(act().points).toHaveLength(n + 1);
    expect(act().points[n]).toEqual({ x: 5, y: 2 });
    expect(act().selectedIndex).toBe(n);
    expect(selectArrows(act()).status).toBe('waiting');
    await answerLatest(client);
    expect(selectArrows(act()).arrows).toHaveLength(n + 1);
    act().removePoint(0);
    expect(act().points).toHaveLength(n);
    expect(act().points[n - 1]).toEqual({ x: 5, y: 2 });
    expect(selectArrows(act()).status).toBe('waiting');
    act().undo();
    expect(act().points).toHaveLength(n + 1);
    act().undo();
    expect(act().points).toEqual(findPreset('sine').points);
  });

  it(`keeps at least ${MIN_EXPLORER_POINTS} points and at most maxPoints, with a message`, () => {
    const { act } = setup([
      { x: 1, y: 0 },
      { x: 2, y: 1 },
      { x: 3, y: 0 },
    ]);
    act().removePoint(0);
    expect(act().points).toHaveLength(3);
    const noticeText = () => translator('en').notice(act().notice!);
    expect(noticeText()).toMatch(/at least 3/);
    expect(translator('es').notice(act().notice!)).toMatch(/al menos 3/);
    for (let i = 0; i < 50; i++) act().addPoint(i / 5, 0);
    expect(act().points).toHaveLength(40);
    expect(noticeText()).toMatch(/at most 40/);
  });

  it('moves a point by keyboard as one undoable step', () => {
    const { act } = setup();
    const start = act().points[0] as Point;
    act().movePoint(0, start.x, start.y + 0.3);
    expect(act().points[0]?.y).toBeCloseTo(start.y + 0.3, 12);
    expect(act().selectedIndex).toBe(0);
    act().undo();
    expect(act().points[0]).toEqual(start);
  });

  it('greys the arrows when the fit is untrusted and hides them when undefined', async () => {
    const { client, act } = setup();
    const request = lastRequest(client);
    const trusted = fakeSuccess(request);
    await client.deliver({
      ...trusted,
      diagnostics: {
        ...trusted.diagnostics,
        trust: 'untrusted',
        reasons: ['The optimum is flat.'],
      },
    });
    expect(selectArrows(act()).status).toBe('untrusted');
    expect(selectArrows(act()).reasons).toEqual(['The optimum is flat.']);
    act().setKernel('matern52');
    await client.deliver({
      ...fakeSuccess(lastRequest(client)),
      sensitivities: { defined: false, reason: 'The Hessian is singular.' },
    });
    const view = selectArrows(act());
    expect(view.status).toBe('hidden');
    expect(view.arrows).toHaveLength(0);
    expect(view.reasons).toEqual(['The Hessian is singular.']);
  });

  it('never turns a non-finite sensitivity into an arrow', async () => {
    const { client, act } = setup();
    const result = fakeSuccess(lastRequest(client));
    if (result.sensitivities.defined) result.sensitivities.dLogTheta_dy[0][4] = Number.NaN;
    await client.deliver(result);
    const view = selectArrows(act());
    expect(view.arrows.map((a) => a.index)).not.toContain(4);
    expect(view.arrows).toHaveLength(act().points.length - 1);
    expect(view.arrows.every((a) => Number.isFinite(a.vector.dy))).toBe(true);
  });

  it('shows a failed analysis as a message and no arrows', async () => {
    const { client, act } = setup();
    await client.deliver({
      seq: lastRequest(client).seq,
      ok: false,
      code: 'all-x-equal',
      message: 'All x are equal.',
    });
    expect(selectArrows(act())).toMatchObject({ status: 'hidden', reasons: ['All x are equal.'] });
    act().movePoint(0, 1, 1);
    await answerLatest(client);
    expect(act().failure).toBeNull();
  });

  it('changes kernel with a new request and a fresh arrow scale', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setKernel('matern32');
    expect(lastRequest(client).kernel).toBe('matern32');
    expect(act().arrowScale).toBeNull();
    await answerLatest(client);
    expect(act().arrowScale).not.toBeNull();
    act().undo();
    expect(act().kernel).toBe('rbf');
  });

  it('rescales the arrows for another hyperparameter and for 2-D arrows', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setHyperparameter('noiseStd');
    expect(act().arrowScale?.hyperparameter).toBe('noiseStd');
    const noiseArrows = selectArrows(act()).arrows;
    // Fake ∂ log σn / ∂yᵢ = −yᵢ: arrows point against the point's side of zero.
    for (const { index, vector } of noiseArrows) {
      expect(Math.sign(vector.dy)).toBe(-Math.sign(act().points[index]?.y ?? 0));
    }
    act().setHyperparameter('lengthscale');
    act().setArrowMode('vector');
    expect(act().arrowScale?.mode).toBe('vector');
    const vectors = selectArrows(act()).arrows;
    expect(vectors.some((a) => a.vector.dx !== 0)).toBe(true);
  });

  it('runs a finite-difference check for the selected point', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().select(5);
    act().checkFiniteDifference();
    expect(lastRequest(client).finiteDifferenceIndex).toBe(5);
    expect(act().finiteDifference?.status).toBe('pending');
    await answerLatest(client);
    expect(act().finiteDifference).toMatchObject({
      status: 'done',
      index: 5,
      result: { agreeDigits: 7 },
    });
    act().movePoint(5, 3, 0);
    expect(act().finiteDifference).toBeNull();
  });

  it('loads every preset as an undoable step', () => {
    const { client, act } = setup();
    for (const preset of PRESETS) {
      act().loadPreset(preset.id);
      expect(act().points).toEqual(preset.points);
      expect(act().presetId).toBe(preset.id);
      expect([...lastRequest(client).y]).toEqual(preset.points.map((p) => p.y));
    }
    expect(act().history.past).toHaveLength(PRESETS.length);
    // Reset returns to the dataset loaded last, not to the page's first one.
    act().reset();
    expect(act().presetId).toBe(PRESETS[PRESETS.length - 1]!.id);
  });

  it('turns the landscape off and back on, recomputing it only when needed', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setShowLandscape(false);
    act().movePoint(0, 1, 1);
    expect(lastRequest(client).landscape).toBeNull();
    await answerLatest(client);
    const count = client.requests.length;
    act().setShowLandscape(true);
    expect(client.requests).toHaveLength(count + 1);
    expect(lastRequest(client).landscape).not.toBeNull();
  });

  it('follows the compute status and stops listening when disposed', () => {
    const { client, act } = setup();
    client.setStatus({ backend: 'webgl', note: null });
    expect(act().status.backend).toBe('webgl');
    act().dispose();
    client.setStatus({ backend: 'cpu', note: { code: 'webgl-refused' } });
    expect(act().status.backend).toBe('webgl');
  });
});

describe('Reset', () => {
  it('returns to the preset as loaded, with the kernel and view of that moment', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setKernel('matern32');
    act().loadPreset('outlier');
    const outlier = findPreset('outlier').points;
    act().beginDrag(2);
    act().dragTo(4, 1.5);
    act().endDrag();
    act().setKernel('rbf');
    act().setRule('loo');
    expect(act().points).not.toEqual(outlier);
    act().reset();
    expect(act().points).toEqual(outlier);
    expect(act().presetId).toBe('outlier');
    expect(act().kernel).toBe('matern32');
    expect(act().options.rule).toBe('ml');
    expect([...lastRequest(client).y]).toEqual(outlier.map((p) => p.y));
    // Undo brings back what Reset replaced.
    act().undo();
    expect(act().kernel).toBe('rbf');
  });

  it('returns to a link’s data and to the default dataset on a page opened without one', async () => {
    const linked = [
      { x: 1, y: 0.5 },
      { x: 4, y: -1 },
      { x: 6, y: 0.2 },
      { x: 9, y: 1.1 },
    ];
    const fromLink = setup(linked);
    await answerLatest(fromLink.client);
    fromLink.act().addPoint(5, 2);
    fromLink.act().reset();
    expect(fromLink.act().points).toEqual(linked);
    expect(fromLink.act().presetId).toBeNull();

    const plain = setup();
    await answerLatest(plain.client);
    plain.act().addPoint(5, 2);
    plain.act().setRule('map');
    plain.act().reset();
    expect(plain.act().points).toEqual(findPreset('sine').points);
    expect(plain.act().options.rule).toBe('ml');
  });
});

describe('the landscape during a drag', () => {
  it('follows each move only while its panel is on screen, and catches up when the drag ends', () => {
    const { client, act } = setup();
    act().beginDrag(3);
    act().dragTo(4, 1);
    expect(lastRequest(client).landscape).not.toBeNull();
    act().setLandscapeInView(false);
    act().dragTo(4, 1.2);
    expect(lastRequest(client).landscape).toBeNull();
    // Coming into view, it is asked for again on the next move.
    act().setLandscapeInView(true);
    act().dragTo(4, 1.4);
    expect(lastRequest(client).landscape).not.toBeNull();
    act().setLandscapeInView(false);
    act().dragTo(4, 1.6);
    act().endDrag();
    expect(lastRequest(client).landscape).not.toBeNull();
  });
});
