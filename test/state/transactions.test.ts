import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../../src/state/store';
import { selectArrows } from '../../src/state/selectors';
import { answerLatest, createFakeClient } from './fakeClient';

function setup() {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 40 });
  let notifications = 0;
  store.subscribe(() => {
    notifications += 1;
  });
  return {
    client,
    store,
    notificationsDuring(run: () => void): number {
      const before = notifications;
      run();
      return notifications - before;
    },
  };
}

describe('store actions', () => {
  it('reach the subscribers once per action, however many fields they change', async () => {
    const { client, store, notificationsDuring } = setup();
    await answerLatest(client);
    const act = store.getState();
    // Each of these sets several fields and sends a request (pendingSeq) in the same action.
    expect(notificationsDuring(() => act.loadPreset('step'))).toBe(1);
    expect(notificationsDuring(() => act.addPoint(1, 0.5))).toBe(1);
    expect(notificationsDuring(() => act.removePoint(0))).toBe(1);
    expect(notificationsDuring(() => act.reset())).toBe(1);
    expect(notificationsDuring(() => act.setKernel('matern52'))).toBe(1);
    expect(notificationsDuring(() => act.undo())).toBe(1);
  });

  it('send no update for an action that changes nothing', () => {
    const { store, notificationsDuring } = setup();
    const act = store.getState();
    expect(notificationsDuring(() => act.setKernel(act.kernel))).toBe(0);
    expect(notificationsDuring(() => act.setArrowsHidden(false))).toBe(0);
    expect(notificationsDuring(() => act.setArrowsHidden(true))).toBe(1);
    expect(store.getState().arrowsHidden).toBe(true);
    expect(notificationsDuring(() => act.dismissNotice())).toBe(1);
  });

  it('leave the state whole: every field set inside an action is there after it', async () => {
    const { client, store } = setup();
    await answerLatest(client);
    store.getState().addPoint(2, 1);
    const state = store.getState();
    expect(state.selectedIndex).toBe(state.points.length - 1);
    expect(state.pendingSeq).not.toBeNull();
    expect(state.history.past.length).toBeGreaterThan(0);
  });
});

describe('selector caches', () => {
  it('are kept per store, so two widgets rendering in turn do not evict each other', async () => {
    const first = setup();
    const second = setup();
    await answerLatest(first.client);
    await answerLatest(second.client);
    first.store.getState().loadPreset('step');
    await answerLatest(first.client);
    const firstView = selectArrows(first.store.getState());
    const secondView = selectArrows(second.store.getState());
    expect(firstView).not.toBe(secondView);
    // Reading the other store in between must not cost either its cached view.
    expect(selectArrows(first.store.getState())).toBe(firstView);
    expect(selectArrows(second.store.getState())).toBe(secondView);
    expect(first.store.getState().storeKey).not.toBe(second.store.getState().storeKey);
  });
});
