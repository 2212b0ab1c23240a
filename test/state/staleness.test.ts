import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFIT_BUDGET_MS } from '../../src/state/staleness';
import { isStale, selectArrows } from '../../src/state/selectors';
import { createExplorerStore } from '../../src/state/store';
import { createFakeClient, fakeSuccess, lastRequest, type FakeClient } from './fakeClient';

function setup() {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 20, now: () => Date.now() });
  return { client, store, act: store.getState };
}

/** Answers request number `index` (0-based) of the client with a fake fit. */
async function answer(client: FakeClient, index: number): Promise<void> {
  await client.deliver(fakeSuccess(client.requests[index]!));
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('refitting: an answer that no longer matches the points is never shown as current', () => {
  it('marks the shown answer as refitting once a moved point has waited a frame budget', async () => {
    const { client, store, act } = setup();
    await answer(client, 0);
    act().rescaleArrows();
    expect(isStale(store.getState())).toBe(false);
    expect(selectArrows(store.getState()).status).toBe('shown');

    act().beginDrag(3);
    act().dragTo(4, 1.5);
    await vi.advanceTimersByTimeAsync(REFIT_BUDGET_MS - 1);
    expect(isStale(store.getState())).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(isStale(store.getState())).toBe(true);
    const arrows = selectArrows(store.getState());
    expect(arrows.stale).toBe(true);
    expect(arrows.arrows.length).toBeGreaterThan(0);

    // The answer for the points on screen clears it.
    await client.deliver(fakeSuccess(lastRequest(client)));
    expect(isStale(store.getState())).toBe(false);
    expect(selectArrows(store.getState()).stale).toBe(false);
  });

  it('keeps an answer for superseded points marked when it arrives after the budget', async () => {
    const { client, store, act } = setup();
    await answer(client, 0);
    act().beginDrag(2);
    act().dragTo(3, 1);
    const first = client.requests.length - 1;
    await vi.advanceTimersByTimeAsync(30);
    act().dragTo(3, 1.2);
    await vi.advanceTimersByTimeAsync(200);
    // The answer to the first move comes late: its points were replaced 200 ms ago.
    await answer(client, first);
    expect(store.getState().analysis?.points).not.toBe(store.getState().points);
    expect(isStale(store.getState())).toBe(true);
    await client.deliver(fakeSuccess(lastRequest(client)));
    expect(isStale(store.getState())).toBe(false);
  });

  it('does not mark a healthy drag: each answer comes within the budget of its points changing', async () => {
    const { client, store, act } = setup();
    await answer(client, 0);
    act().beginDrag(5);
    let worst = false;
    for (let k = 1; k <= 30; k++) {
      act().dragTo(5, 0.05 * k);
      await vi.advanceTimersByTimeAsync(16);
      // The worker answers each move 40 ms after it was made (one frame behind, and a half).
      if (k >= 3) await answer(client, client.requests.length - 3);
      worst ||= isStale(store.getState());
    }
    expect(worst).toBe(false);
  });

  it('a request for the same points (the landscape after a drag) marks nothing', async () => {
    const { client, store, act } = setup();
    await answer(client, 0);
    act().setShowLandscape(false);
    act().setShowLandscape(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(isStale(store.getState())).toBe(false);
  });

  it('a kernel change marks the old kernel’s answer after the budget', async () => {
    const { client, store, act } = setup();
    await answer(client, 0);
    act().setKernel('matern32');
    await vi.advanceTimersByTimeAsync(REFIT_BUDGET_MS + 1);
    expect(isStale(store.getState())).toBe(true);
    await client.deliver(fakeSuccess(lastRequest(client)));
    expect(isStale(store.getState())).toBe(false);
  });

  it('a failure for the current points is current, not refitting', async () => {
    const { client, store, act } = setup();
    await answer(client, 0);
    act().movePoint(1, 2, 2);
    await vi.advanceTimersByTimeAsync(REFIT_BUDGET_MS + 1);
    expect(isStale(store.getState())).toBe(true);
    await client.deliver({ seq: lastRequest(client).seq, ok: false, code: 'zero-y', message: 'x' });
    expect(isStale(store.getState())).toBe(false);
  });
});
