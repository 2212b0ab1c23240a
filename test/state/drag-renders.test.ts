/**
 * What a drag move changes for the views before its refit lands. The store takes the moved point
 * first and the answer a moment later (on the main thread, within the same task), so whatever the
 * plot draws must be unchanged by the first step, or the page renders twice per move: the shown
 * points keep their identity until the answer comes, and so does the drag once it has moved.
 */
import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../../src/state/store';
import { selectArrows, selectPrediction, selectShownPoints } from '../../src/state/selectors';
import { answerLatest, createFakeClient } from './fakeClient';

describe('a drag move before its answer', () => {
  it('leaves the drawn points, arrows, prediction and drag as they were; the answer changes them', async () => {
    const client = createFakeClient();
    const store = createExplorerStore({ client, maxPoints: 40 });
    const act = store.getState;
    await answerLatest(client);
    const start = act().points[2]!;
    act().beginDrag(2);
    act().dragTo(start.x, start.y + 0.1);
    await answerLatest(client);

    const shown = selectShownPoints(act());
    const arrows = selectArrows(act());
    const prediction = selectPrediction(act());
    const drag = act().drag;
    act().dragTo(start.x, start.y + 0.2);
    // The store has the new position; nothing drawn has changed yet.
    expect(act().points[2]!.y).toBeCloseTo(start.y + 0.2, 12);
    expect(selectShownPoints(act())).toBe(shown);
    expect(selectArrows(act())).toBe(arrows);
    expect(selectPrediction(act())).toBe(prediction);
    expect(act().drag).toBe(drag);

    await answerLatest(client);
    expect(selectShownPoints(act())).not.toBe(shown);
    expect(selectShownPoints(act())[2]!.y).toBeCloseTo(start.y + 0.2, 12);
    expect(selectArrows(act())).not.toBe(arrows);
    expect(selectPrediction(act())!.delta.y).toBeCloseTo(0.2, 12);
  });
});
