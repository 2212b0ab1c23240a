import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../../src/state/store';
import { decodeSharedState } from '../../src/state/urlCodec';
import { bindUrl } from '../../src/state/urlSync';
import { createFakeClient } from './fakeClient';

describe('URL sync', () => {
  it('writes the fragment on edits, not during a drag, and a reload restores the state', () => {
    const store = createExplorerStore({ client: createFakeClient(), maxPoints: 100 });
    const written: string[] = [];
    const stop = bindUrl(store, { write: (fragment) => written.push(fragment) });
    expect(written).toHaveLength(1);
    store.getState().setKernel('matern32');
    expect(written).toHaveLength(2);
    store.getState().beginDrag(0);
    store.getState().dragTo(4, 2);
    store.getState().dragTo(4.5, 2.5);
    expect(written).toHaveLength(2);
    store.getState().endDrag();
    expect(written).toHaveLength(3);
    store.setState({ notice: { key: 'linkNoPoints' } });
    expect(written).toHaveLength(3);

    const restored = decodeSharedState(written[2] ?? '', 100);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    const reloaded = createExplorerStore({
      client: createFakeClient(),
      maxPoints: 100,
      initial: restored.state,
    });
    expect(reloaded.getState().points).toEqual(store.getState().points);
    expect(reloaded.getState().kernel).toBe('matern32');
    expect(reloaded.getState().options).toEqual(store.getState().options);
    stop();
    store.getState().setKernel('rbf');
    expect(written).toHaveLength(3);
  });
});
