/**
 * A drag's requests on the main thread (`liveMaxPoints`): answered within the task
 * that asked, newest first, and only once the main thread's engine has loaded.
 */
import { describe, expect, it } from 'vitest';
import { sampleRequest } from './fakeWorker';
import type { AnalysisSuccess } from '../../src/worker/shared/protocol';
import { flush, setup, started } from './clientSetup';

const live = (shift = 0) => ({ ...sampleRequest(shift), live: true });

/** Runs every queued microtask (the main-thread answer is a promise that settles at once). */
const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('live requests on the main thread', () => {
  it('go to the worker until the first answer has loaded the main thread, then stay off it', async () => {
    const { client, current, results, mainThreadRequests } = setup({
      liveMaxPoints: 10,
    });
    current().send(started);
    client.request(live());
    expect(
      current()
        .requests()
        .map((request) => request.seq),
    ).toEqual([1]);
    current().answer(current().requests()[0]!);
    await flush();
    const seq = client.request(live(1));
    await microtasks();
    await microtasks();
    expect(mainThreadRequests).toEqual([seq]);
    expect(results.map((result) => result.seq)).toEqual([1, seq]);
    // The worker saw nothing of it.
    expect(
      current()
        .requests()
        .map((request) => request.seq),
    ).toEqual([1]);
  });

  it('are answered before the task that asked ends (no timer, no message)', async () => {
    const { client, current, results } = setup({ liveMaxPoints: 10 });
    current().send(started);
    client.request(sampleRequest());
    current().answer(current().requests()[0]!);
    await flush();
    let answeredInTask = false;
    const seq = client.request(live(2));
    // A timer runs after every microtask of this task: by then the answer is in.
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        answeredInTask = results.some((result) => result.seq === seq);
        resolve();
      }, 0),
    );
    expect(answeredInTask).toBe(true);
  });

  it('supersede what waits for the worker; an older worker answer is dropped', async () => {
    const { client, current, results, mainThreadRequests } = setup({
      liveMaxPoints: 10,
    });
    current().send(started);
    client.request(sampleRequest());
    current().answer(current().requests()[0]!);
    await flush();
    // A request at rest goes to the worker; another waits behind it; then the drag begins.
    client.request(sampleRequest(1));
    client.request(sampleRequest(2));
    const liveSeq = client.request(live(3));
    await flush();
    expect(mainThreadRequests).toEqual([liveSeq]);
    const worker = current();
    worker.answer(worker.requests().at(-1)!);
    await flush();
    // The worker's answer (seq 2) is older than the drag's: never shown; seq 3 was never sent.
    expect(results.map((result) => result.seq)).toEqual([1, liveSeq]);
    expect(worker.requests().map((request) => request.seq)).toEqual([1, 2]);
  });

  it('above the size limit, and when the option is off, stay on the worker', async () => {
    for (const limit of [3, 0]) {
      const { client, current, mainThreadRequests } = setup({ liveMaxPoints: limit });
      current().send(started);
      client.request(sampleRequest());
      current().answer(current().requests()[0]!);
      await flush();
      client.request(live(1)); // four points
      await flush();
      expect(mainThreadRequests).toEqual([]);
      expect(
        current()
          .requests()
          .map((request) => request.seq),
      ).toEqual([1, 2]);
    }
  });

  it('requests at rest still go to the worker once the main thread has loaded', async () => {
    const { client, current, mainThreadRequests } = setup({ liveMaxPoints: 10 });
    current().send(started);
    client.request(sampleRequest());
    current().answer(current().requests()[0]!);
    await flush();
    client.request(live(1));
    await flush();
    const rest = client.request(sampleRequest(2));
    expect(current().requests().at(-1)!.seq).toBe(rest);
    expect(mainThreadRequests).toHaveLength(1);
  });

  it('seed the main thread’s engine with every answer of the worker, from the first on', async () => {
    const { client, current, mainThreadSeeds } = setup({ liveMaxPoints: 10 });
    // A fit, as far as the client can tell (it reads no more than `ok` and `seq`).
    const succeed = (seq: number) =>
      current().send({ type: 'result', result: { seq, ok: true } as AnalysisSuccess });
    current().send(started);
    client.request(sampleRequest());
    succeed(1);
    await flush();
    // The engine loads after the first answer, and takes it then.
    expect(mainThreadSeeds).toEqual([1]);
    const rest = client.request(sampleRequest(2));
    succeed(rest);
    await flush();
    // A failed answer seeds nothing.
    client.request(sampleRequest(3));
    current().answer(current().requests().at(-1)!);
    await flush();
    expect(mainThreadSeeds).toEqual([1, rest]);
    // A drag's own answers come from the engine, which remembers them itself.
    client.request(live(4));
    await flush();
    expect(mainThreadSeeds).toEqual([1, rest]);
  });
});
