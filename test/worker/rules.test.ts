import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  newPointPullMap,
  pointInfluence,
  refitWithAddedPoint,
  validateDataset,
} from '../../src/engine';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import { startInsightJob } from '../../src/worker/thread/insightJob';
import type { FromWorkerMessage } from '../../src/worker/shared/messages';
import type {
  AnalysisSuccess,
  InsightSuccess,
  SequencedInsightRequest,
  SequencedRequest,
} from '../../src/worker/shared/protocol';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { createWorkerHost } from '../../src/worker/thread/workerHost';
import { referenceCases } from '../fixtures/reference';

const reference = referenceCases.sine10!;
const data = validateDataset(reference.x, reference.y);

function analysisRequest(overrides: Partial<SequencedRequest> = {}): SequencedRequest {
  return {
    seq: 1,
    x: Float64Array.from(reference.x),
    y: Float64Array.from(reference.y),
    kernel: 'rbf',
    grid: { min: 0, max: 6, count: 50 },
    landscape: null,
    samples: 0,
    finiteDifferenceIndex: null,
    ...overrides,
  };
}

function insightRequest(overrides: Partial<SequencedInsightRequest> = {}): SequencedInsightRequest {
  return {
    seq: 3,
    x: Float64Array.from(reference.x),
    y: Float64Array.from(reference.y),
    kernel: 'rbf',
    rule: 'map',
    start: null,
    influence: true,
    pullMap: { xs: Float64Array.of(0.5, 2, 4), ys: Float64Array.of(-1, 0, 1.5) },
    addedPoint: { x: 2.5, y: 0.7 },
    ...overrides,
  };
}

const success = <T extends { ok: boolean }>(result: T | null): Extract<T, { ok: true }> => {
  if (!result?.ok) throw new Error(`no success: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
};

describe('the rule in an analysis', () => {
  it('fits by the requested rule, and the comparison by the second, as the engine does', async () => {
    const result = success(
      await runAnalysis(
        analysisRequest({ rule: 'loo', compareRule: 'map' }),
        createEnginePosteriorPath(),
        new WarmStarts(),
      ),
    ) as AnalysisSuccess;
    const loo = fitHyperparameters(data, { rule: 'loo' });
    const map = fitHyperparameters(data, { rule: 'map' });
    expect(result.rule).toBe('loo');
    result.logTheta.forEach((value, i) => expect(value).toBeCloseTo(loo.logTheta[i]!, 9));
    expect(result.comparison?.rule).toBe('map');
    result.comparison!.logTheta.forEach((value, i) =>
      expect(value).toBeCloseTo(map.logTheta[i]!, 9),
    );
    const expected = computeSensitivities(data, map);
    const shown = result.comparison!.sensitivities;
    if (!expected.defined || !shown.defined) throw new Error('sensitivities undefined');
    for (let i = 0; i < data.x.length; i++) {
      expect(shown.dLogTheta_dy[0][i]).toBeCloseTo(expected.dLogTheta_dy[0][i]!, 9);
    }
  });

  it('defaults to ml, and refuses an unknown rule with a precise message', async () => {
    const plain = success(
      await runAnalysis(analysisRequest(), createEnginePosteriorPath(), new WarmStarts()),
    ) as AnalysisSuccess;
    expect(plain.rule).toBe('ml');
    expect(plain.comparison).toBeNull();
    const bad = await runAnalysis(
      analysisRequest({ rule: 'mle' as never }),
      createEnginePosteriorPath(),
      new WarmStarts(),
    );
    expect(bad).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(!bad.ok && bad.message).toBe('unknown rule "mle"; use one of ml, map, loo');
  });

  it('warm-starts a drag of one rule from that rule only', async () => {
    const warmStarts = new WarmStarts();
    const path = createEnginePosteriorPath();
    await runAnalysis(analysisRequest({ rule: 'ml' }), path, warmStarts);
    const y = Float64Array.from(reference.y);
    y[3] = y[3]! + 0.01;
    const moved = success(
      await runAnalysis(analysisRequest({ seq: 2, rule: 'map', y }), path, warmStarts),
    ) as AnalysisSuccess;
    const cold = fitHyperparameters(validateDataset(reference.x, y), { rule: 'map' });
    moved.logTheta.forEach((value, i) => expect(value).toBeCloseTo(cold.logTheta[i]!, 8));
  });
});

describe('insight jobs', () => {
  it('answer influence, the pull map and an added point with the engine’s own numbers', () => {
    const job = startInsightJob(insightRequest());
    let result = null;
    let slices = 0;
    while (result === null) {
      result = job.run(0);
      slices += 1;
    }
    // One stage per slice with no budget (the fit, one removal refit per point, the map, the added
    // point): the worker can answer analyses in between. The quick answer refits from θ̂ alone.
    expect(slices).toBe(3 + data.x.length);
    const answer = success(result) as InsightSuccess;
    const fit = fitHyperparameters(data, { rule: 'map' });
    const influence = pointInfluence(data, fit, { maxima: [] });
    expect(answer.influence!.rows).toHaveLength(data.x.length);
    answer.influence!.rows.forEach((row, index) => {
      const expected = influence.points[index]!;
      expect(row.status).toBe(expected.status);
      row.removal!.forEach((value, k) => expect(value).toBeCloseTo(expected.removal![k]!, 9));
      row.linearRemoval!.forEach((value, k) =>
        expect(value).toBeCloseTo(expected.linearRemoval![k]!, 9),
      );
    });
    const map = newPointPullMap(data, fit, insightRequest().pullMap!);
    if (!map.defined || answer.pullMap?.defined !== true) throw new Error('map undefined');
    for (let k = 0; k < 9; k++) {
      expect(answer.pullMap.dLogTheta_dw[0][k]).toBeCloseTo(map.dLogTheta_dw[0][k]!, 9);
    }
    const refit = refitWithAddedPoint(data, fit, { x: 2.5, y: 0.7 });
    answer.addedPoint!.delta.forEach((value, k) => expect(value).toBeCloseTo(refit.delta[k]!, 9));
  });

  it('check each removal by a global search when asked, catching maxima the full data lack', () => {
    // Without point 6 these data have a better LOO-CV maximum (σf running away) than the
    // continuation of θ̂'s own; without point 1 one with σn on its floor.
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const y = [0.1, 0.9, 0.8, -0.1, -0.9, -0.7, 0.2, 1.1];
    const small = validateDataset(x, y);
    const run = (globalCheck: boolean) => {
      const job = startInsightJob(
        insightRequest({
          x: Float64Array.from(x),
          y: Float64Array.from(y),
          rule: 'loo',
          pullMap: null,
          addedPoint: null,
          globalCheck,
        }),
      );
      let result = null;
      while (result === null) result = job.run(50);
      return success(result) as InsightSuccess;
    };
    const quick = run(false);
    const checked = run(true);
    expect(quick.influence!.globalCheck).toBe(false);
    expect(checked.influence!.globalCheck).toBe(true);
    const fit = fitHyperparameters(small, { rule: 'loo' });
    const expected = pointInfluence(small, fit, { coldCheck: true }).points;
    checked.influence!.rows.forEach((row, index) => {
      expect(row.status).toBe(expected[index]!.status);
      row.removal!.forEach((value, k) =>
        expect(value).toBeCloseTo(expected[index]!.removal![k]!, 9),
      );
    });
    // The removal of point 6 is a direct cold refit of the data without it.
    const cold = fitHyperparameters(
      validateDataset(
        x.filter((_, k) => k !== 6),
        y.filter((_, k) => k !== 6),
      ),
      { rule: 'loo' },
    );
    checked.influence!.rows[6]!.removal!.forEach((value, k) =>
      expect(value).toBeCloseTo(cold.logTheta[k]! - fit.logTheta[k]!, 9),
    );
    expect(checked.influence!.rows[6]!.status).toBe('untrusted');
    expect(quick.influence!.rows[6]!.status).toBe('continued');
    expect(
      Math.abs(quick.influence!.rows[6]!.removal![0] - cold.logTheta[0] + fit.logTheta[0]),
    ).toBeGreaterThan(0.5);
    expect(checked.influence!.rows[1]!.status).toBe('untrusted');
    expect(quick.influence!.rows[1]!.status).toBe('continued');
  });

  it('refuses a bad request precisely', () => {
    const result = startInsightJob(insightRequest({ rule: 'best' as never })).run(10);
    expect(result).toMatchObject({ ok: false, code: 'invalid-request' });
    const added = startInsightJob(insightRequest({ addedPoint: { x: Number.NaN, y: 0 } })).run(10);
    expect(!added!.ok && added!.message).toBe('the added point needs finite x and y, got (NaN, 0)');
  });

  it('run in the worker host after analyses; a newer request or a cancel drops the older', async () => {
    const posted: FromWorkerMessage[] = [];
    const host = createWorkerHost({
      post: (message) => posted.push(message),
      runtime: {
        start: async () => ({ backend: 'cpu', note: null }),
        contextLost: () => false,
        onContextLost: () => {},
        fallBackToCpu: async () => {},
      },
      createPath: () => createEnginePosteriorPath(),
      crash: (reason) => {
        throw new Error(reason);
      },
    });
    host.receive({ type: 'insight', request: insightRequest({ seq: 1 }) });
    host.receive({ type: 'insight', request: insightRequest({ seq: 2, addedPoint: null }) });
    host.receive({ type: 'analyse', request: analysisRequest({ seq: 7 }) });
    await host.idle();
    const kinds = posted.filter((m) => m.type !== 'progress' && m.type !== 'status');
    expect(kinds.map((m) => m.type)).toEqual(['result', 'insight']);
    const insight = kinds[1]!;
    expect(insight.type === 'insight' && insight.result.seq).toBe(2);
    posted.length = 0;
    host.receive({ type: 'insight', request: insightRequest({ seq: 3 }) });
    host.receive({ type: 'cancel-insight' });
    await host.idle();
    expect(posted.filter((m) => m.type === 'insight')).toEqual([]);
  });
});
