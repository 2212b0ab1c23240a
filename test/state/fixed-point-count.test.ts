/** A store whose points may be moved but not added or removed (the article's figures). */
import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../../src/state/store';
import { findPreset } from '../../src/state/presets';
import { createFakeClient } from './fakeClient';

describe('fixedPointCount', () => {
  const sine = findPreset('sine').points;

  it('keeps every point on an add or a remove, and still moves one', () => {
    const store = createExplorerStore({
      client: createFakeClient(),
      maxPoints: 40,
      fixedPointCount: true,
    });
    const act = store.getState;
    act().addPoint(5, 2);
    act().removePoint(3);
    expect(act().points).toEqual(sine);
    expect(act().history.past).toHaveLength(0);
    act().movePoint(3, sine[3]!.x, sine[3]!.y + 0.5);
    expect(act().points).toHaveLength(sine.length);
    expect(act().points[3]!.y).toBeCloseTo(sine[3]!.y + 0.5, 9);
  });

  it('is off by default: the explorer adds and removes points', () => {
    const store = createExplorerStore({ client: createFakeClient(), maxPoints: 40 });
    store.getState().addPoint(5, 2);
    expect(store.getState().points).toHaveLength(sine.length + 1);
    store.getState().removePoint(0);
    expect(store.getState().points).toHaveLength(sine.length);
  });
});
