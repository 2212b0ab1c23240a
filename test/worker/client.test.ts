import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComputeStatus } from '../../src/worker/shared/protocol';
import { curveResultFor, resultFor, sampleCurveRequest, sampleRequest } from './fakeWorker';
import { flush, setup } from './clientSetup';

afterEach(() => {
  vi.useRealTimers();
});

describe('compute client scheduling', () => {
  it('sends the first request at once and numbers requests 1, 2, 3, …', () => {
    const { client, current } = setup();
    expect(client.request(sampleRequest())).toBe(1);
    expect(client.request(sampleRequest())).toBe(2);
    expect(
      current()
        .requests()
        .map((request) => request.seq),
    ).toEqual([1]);
  });

  it('coalesces a burst of 200 requests: only the newest waits, results arrive in order', () => {
    const { client, current, results } = setup();
    for (let k = 0; k < 200; k++) client.request(sampleRequest(k));
    const worker = current();
    expect(worker.requests().map((request) => request.seq)).toEqual([1]);

    worker.answer(worker.requests()[0]!);
    expect(worker.requests().map((request) => request.seq)).toEqual([1, 200]);
    // The newest request carries the newest data.
    expect(worker.requests()[1]!.y[1]).toBe(1 + 199);

    worker.answer(worker.requests()[1]!);
    expect(results.map((result) => result.seq)).toEqual([1, 200]);
  });

  it('keeps delivering while a drag continues, never out of order', () => {
    const { client, current, results } = setup();
    for (let k = 0; k < 50; k++) {
      client.request(sampleRequest(k));
      const worker = current();
      const last = worker.requests().at(-1)!;
      if (k % 3 === 0) worker.answer(last);
    }
    const seqs = results.map((result) => result.seq);
    expect(seqs.length).toBeGreaterThan(5);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('ignores answers to requests that are not in flight', () => {
    const { client, current, results } = setup();
    client.request(sampleRequest());
    current().send({ type: 'result', result: resultFor(7) });
    expect(results).toEqual([]);
  });

  it('copies the request arrays so the caller may reuse them', () => {
    const { client, current } = setup();
    const request = sampleRequest();
    client.request(request);
    request.y[1] = 99;
    expect(current().requests()[0]!.y[1]).toBe(1);
  });

  it('forwards the worker status and reports it to late subscribers', () => {
    const { client, current, statuses } = setup();
    expect(statuses).toEqual([{ backend: 'starting', note: null }]);
    current().send({ type: 'status', status: { backend: 'webgl', note: null } });
    expect(statuses.at(-1)).toEqual({ backend: 'webgl', note: null });
    const late: ComputeStatus[] = [];
    client.subscribeStatus((status) => late.push(status));
    expect(late).toEqual([{ backend: 'webgl', note: null }]);
  });
});

describe('compute client: response curves', () => {
  it('sends a curve request to the worker and delivers only the newest answer', () => {
    const { client, current } = setup();
    const curves: number[] = [];
    client.subscribeCurve((result) => curves.push(result.seq));
    const first = client.requestCurve(sampleCurveRequest());
    const second = client.requestCurve(sampleCurveRequest(2));
    expect(
      current()
        .curveRequests()
        .map((request) => request.seq),
    ).toEqual([first, second]);
    current().send({ type: 'curve', result: curveResultFor(first) });
    current().send({ type: 'curve', result: curveResultFor(second) });
    current().send({ type: 'curve', result: curveResultFor(second) });
    expect(curves).toEqual([second]);
  });

  it('cancels: the worker is told, and a late answer is dropped', () => {
    const { client, current } = setup();
    const curves: number[] = [];
    client.subscribeCurve((result) => curves.push(result.seq));
    const seq = client.requestCurve(sampleCurveRequest());
    client.cancelCurve();
    expect(current().received.at(-1)).toEqual({ type: 'cancel-curve' });
    current().send({ type: 'curve', result: curveResultFor(seq) });
    expect(curves).toEqual([]);
  });

  it('sends the outstanding curve again to a restarted worker', () => {
    const { client, current, workers } = setup();
    const seq = client.requestCurve(sampleCurveRequest());
    current().crash();
    expect(workers).toHaveLength(2);
    expect(
      current()
        .curveRequests()
        .map((request) => request.seq),
    ).toEqual([seq]);
  });

  it('computes curves on the main thread when it has taken over', async () => {
    const { client, current, mainThreadCurves } = setup({ maxRestarts: 0 });
    const curves: number[] = [];
    client.subscribeCurve((result) => curves.push(result.seq));
    current().crash();
    for (let k = 0; k < 4; k++) await flush();
    const seq = client.requestCurve(sampleCurveRequest());
    await flush();
    expect(mainThreadCurves).toEqual([seq]);
    expect(curves).toEqual([seq]);
  });
});
