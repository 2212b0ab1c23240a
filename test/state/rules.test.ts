import { describe, expect, it } from 'vitest';
import type { LogTheta } from '../../src/engine/types';
import { DEFAULT_PRIOR } from '../../src/engine/rules/prior';
import { currentInsight, PULL_MAP_GRID } from '../../src/state/insight';
import { withPrior } from '../../src/state/prior';
import { decodeSharedState, encodeSharedState } from '../../src/state/urlCodec';
import { selectArrows } from '../../src/state/selectors';
import { CURVE_REQUESTS, INSIGHT_REQUESTS } from '../../src/state/panelRequests';
import { createExplorerStore } from '../../src/state/store';
import type { InsightSuccess, SequencedInsightRequest } from '../../src/worker/shared/protocol';
import {
  answerLatest,
  createFakeClient,
  fakeSuccess,
  lastRequest,
  type FakeClient,
} from './fakeClient';

function setup() {
  const client = createFakeClient();
  const store = createExplorerStore({
    client,
    maxPoints: 40,
    curveRequests: CURVE_REQUESTS,
    insightRequests: INSIGHT_REQUESTS,
  });
  return { client, store, act: store.getState };
}

function insightAnswer(request: SequencedInsightRequest): InsightSuccess {
  const n = request.x.length;
  const row = (i: number): LogTheta => [i / 100, -i / 100, 0];
  return {
    seq: request.seq,
    ok: true,
    logTheta: [0, 0, 0],
    influence: request.influence
      ? {
          rows: Array.from({ length: n }, (_, index) => ({
            index,
            removal: row(index),
            linearRemoval: row(index),
            status: 'continued' as const,
          })),
          reasons: null,
          globalCheck: request.globalCheck === true,
        }
      : null,
    pullMap: request.pullMap
      ? {
          defined: true,
          xs: request.pullMap.xs,
          ys: request.pullMap.ys,
          dLogTheta_dw: [0, 1, 2].map(
            () => new Float64Array(request.pullMap!.xs.length * request.pullMap!.ys.length),
          ) as InsightSuccess['pullMap'] & { defined: true } extends { dLogTheta_dw: infer R }
            ? R
            : never,
        }
      : null,
    addedPoint: request.addedPoint
      ? {
          ...request.addedPoint,
          delta: [0.1, 0, 0],
          predictedDelta: [0.09, 0, 0],
          status: 'continued',
        }
      : null,
    timingMs: { fit: 1, influence: 1, pullMap: 1, addedPoint: 1, total: 4 },
  };
}

const lastInsight = (client: FakeClient) =>
  client.insightRequests[client.insightRequests.length - 1]!;

describe('the selection rule in the store', () => {
  it('asks for the chosen rule and a second to compare, and draws no arrows of the old rule', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    expect(lastRequest(client).rule).toBe('ml');
    expect(selectArrows(act()).status).toBe('shown');
    act().setRule('loo');
    expect(lastRequest(client).rule).toBe('loo');
    expect(act().options.rule).toBe('loo');
    // The ml answer is still in the store, but its arrows are not drawn for the loo rule,
    // not even when a late ml answer arrives after the switch.
    expect(selectArrows(act()).status).toBe('waiting');
    await client.deliver(fakeSuccess(lastRequest(client), { rule: 'ml' }));
    expect(selectArrows(act()).status).toBe('waiting');
    // The scale waits for the new rule's arrows, to be kept if it fits them.
    expect(act().arrowScale?.rule).toBe('ml');
    act().setRule('map');
    act().setRule('loo');
    await answerLatest(client, { rule: 'loo' });
    expect(selectArrows(act()).status).toBe('shown');
    expect(act().arrowScale?.rule).toBe('loo');
    act().setCompareRule('map');
    expect(lastRequest(client)).toMatchObject({ rule: 'loo', compareRule: 'map' });
    act().setCompareRule(null);
    expect(lastRequest(client).compareRule).toBeNull();
  });

  it('never compares a rule with itself: choosing the compared rule swaps the two', () => {
    const { client, act } = setup();
    act().setCompareRule('map');
    act().setRule('map');
    expect(act().options).toMatchObject({ rule: 'map', compareRule: 'ml' });
    expect(lastRequest(client)).toMatchObject({ rule: 'map', compareRule: 'ml' });
    act().setCompareRule('map');
    expect(act().options.compareRule).toBeNull();
    const link = encodeSharedState({
      points: act().points,
      kernel: 'rbf',
      options: { ...act().options, rule: 'loo', compareRule: 'loo' },
    });
    const decoded = decodeSharedState(link, 40);
    expect(decoded.ok && decoded.state.options).toMatchObject({ rule: 'loo', compareRule: null });
  });
});

describe('the MAP prior in the store', () => {
  it('refits under MAP with the prior set, sends it to the insight job, and ignores unusable ones', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    const sent = client.requests.length;
    // Under ML the prior is kept for later but nothing is refitted, and the request has none.
    const wider = withPrior(DEFAULT_PRIOR, 'lengthscale', { median: 2 });
    act().setPrior(wider);
    expect(client.requests).toHaveLength(sent);
    expect(lastRequest(client).prior).toBeUndefined();
    act().setRule('map');
    expect(lastRequest(client)).toMatchObject({ rule: 'map', prior: wider });
    await answerLatest(client);
    act().setShowInfluence(true);
    expect(lastInsight(client)).toMatchObject({ rule: 'map', prior: wider });
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    // The global check follows, under the same prior.
    expect(lastInsight(client)).toMatchObject({ rule: 'map', prior: wider, globalCheck: true });
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    expect(currentInsight(act())?.status).toBe('done');
    // A new prior is a new fit: the answer for the old one is no longer current.
    const narrower = withPrior(wider, 'noiseStd', { logSd: 0.5 });
    act().setPrior(narrower);
    expect(lastRequest(client)).toMatchObject({ rule: 'map', prior: narrower });
    expect(currentInsight(act())).toBeNull();
    await answerLatest(client);
    expect(lastInsight(client).prior).toEqual(narrower);
    // The response curve refits under the same prior.
    act().select(2);
    expect(client.curveRequests.at(-1)).toMatchObject({ rule: 'map', prior: narrower });
    // An unusable prior (a median of 0, a factor below 1.01) changes nothing.
    const count = client.requests.length;
    act().setPrior(withPrior(narrower, 'lengthscale', { median: 0 }));
    act().setPrior(withPrior(narrower, 'signalStd', { logSd: 1e-6 }));
    expect(act().options.prior).toBe(narrower);
    expect(client.requests).toHaveLength(count);
  });

  it('compares with MAP under its prior, and keeps the prior in the link', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    const prior = withPrior(DEFAULT_PRIOR, 'signalStd', { median: 3 });
    act().setPrior(prior);
    act().setCompareRule('map');
    expect(lastRequest(client)).toMatchObject({ rule: 'ml', compareRule: 'map', prior });
    const link = encodeSharedState({ points: act().points, kernel: 'rbf', options: act().options });
    expect(link).toContain('pr=0.5:1,3:1,0.1:1.5');
    const decoded = decodeSharedState(link, 40);
    expect(decoded.ok && decoded.state.options.prior).toEqual(prior);
    expect(
      encodeSharedState({
        points: act().points,
        kernel: 'rbf',
        options: { ...act().options, prior: DEFAULT_PRIOR },
      }),
    ).not.toContain('pr=');
  });
});

describe('insight requests', () => {
  it('are made only while their panel or layer is on, and only at rest', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    expect(client.insightRequests).toHaveLength(0);
    act().setShowInfluence(true);
    expect(client.insightRequests).toHaveLength(1);
    expect(lastInsight(client)).toMatchObject({ influence: true, pullMap: null, rule: 'ml' });
    // A drag drops the unfinished request and asks for nothing while the point moves.
    act().beginDrag(2);
    act().dragTo(3, 1);
    expect(client.insightCancels).toBe(1);
    await answerLatest(client);
    act().dragTo(3.2, 1.1);
    await answerLatest(client);
    expect(client.insightRequests).toHaveLength(1);
    act().endDrag();
    expect(client.insightRequests).toHaveLength(2);
    expect(lastInsight(client).y[2]).toBeCloseTo(1.1, 9);
  });

  it('keeps an answer with its data and rule; a stale one is never current', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setShowPullMap(true);
    const request = lastInsight(client);
    expect(request.pullMap!.xs).toHaveLength(PULL_MAP_GRID.columns);
    expect(request.pullMap!.ys).toHaveLength(PULL_MAP_GRID.rows);
    // The fit shown is the start, so the answer describes the same maximum.
    expect(request.start!.logTheta).toEqual([...act().analysis!.result.logTheta]);
    await client.deliverInsight(insightAnswer(request));
    expect(currentInsight(act())?.pullMap?.defined).toBe(true);
    act().movePoint(0, 1, 1);
    expect(currentInsight(act())).toBeNull();
    await answerLatest(client);
    expect(lastInsight(client).seq).toBe(2);
    // An answer to the superseded request is dropped.
    await client.deliverInsight(insightAnswer(request));
    expect(act().insight?.status).toBe('computing');
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    expect(currentInsight(act())?.status).toBe('done');
    act().setRule('map');
    expect(currentInsight(act())).toBeNull();
  });

  it('asks for the exact refit with an added point, keeping the answered parts', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setShowInfluence(true);
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    // The quick answer is followed by its global check; the added point does not wait for it.
    expect(lastInsight(client)).toMatchObject({ influence: true, globalCheck: true });
    act().refitWithPointAt(4, 0.5);
    expect(lastInsight(client)).toMatchObject({
      influence: false,
      pullMap: null,
      addedPoint: { x: 4, y: 0.5 },
    });
    expect(currentInsight(act())?.influence?.rows.length).toBe(act().points.length);
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    expect(currentInsight(act())?.addedPoint?.delta).toEqual([0.1, 0, 0]);
    expect(currentInsight(act())?.influence).not.toBeNull();
    // …then the global check is asked for again, and once answered nothing more.
    expect(lastInsight(client)).toMatchObject({ influence: true, globalCheck: true });
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    expect(currentInsight(act())?.influence?.globalCheck).toBe(true);
    const asked = client.insightRequests.length;
    act().refitWithPointAt(Number.NaN, 0);
    expect(client.insightRequests).toHaveLength(asked);
  });

  it('follows a quick influence answer with one global check, and not after a failure', async () => {
    const { client, act } = setup();
    await answerLatest(client);
    act().setShowInfluence(true);
    expect(lastInsight(client)).toMatchObject({ influence: true, globalCheck: false });
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    expect(currentInsight(act())?.influence?.globalCheck).toBe(false);
    expect(client.insightRequests).toHaveLength(2);
    // While it runs, the quick rows stay on screen.
    expect(currentInsight(act())).toMatchObject({ status: 'computing' });
    expect(currentInsight(act())?.influence?.rows).toHaveLength(act().points.length);
    await client.deliverInsight({
      seq: lastInsight(client).seq,
      ok: false,
      code: 'engine-error',
      message: 'out of memory',
    });
    expect(client.insightRequests).toHaveLength(2);
    expect(currentInsight(act())?.status).toBe('failed');
    // Asked again (the panel reopened), the check runs and settles.
    act().setShowInfluence(false);
    act().setShowInfluence(true);
    expect(lastInsight(client)).toMatchObject({ globalCheck: true });
    await client.deliverInsight(insightAnswer(lastInsight(client)));
    expect(currentInsight(act())?.influence?.globalCheck).toBe(true);
    expect(client.insightRequests).toHaveLength(3);
  });
});
