/**
 * While a second rule's arrows stand beside the first's, the one arrow scale is fitted to both
 * sets together (results.ts `scaleFor`), so the longer set does not crowd the plot; alone, the
 * first rule's arrows get their own scale back.
 */
import { describe, expect, it } from 'vitest';
import { chooseReference, createExplorerStore, findPreset } from '../../src/state';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { createFakeClient } from './fakeClient';

describe('the arrow scale while two rules are compared', () => {
  it('is fitted to both rules’ arrows, and to the first alone again once the comparison ends', async () => {
    const client = createFakeClient();
    const store = createExplorerStore({ client, maxPoints: 100 });
    const { points } = findPreset('sine');
    const answer = async () =>
      client.deliver(
        await runAnalysis(client.requests.at(-1)!, createEnginePosteriorPath(), new WarmStarts()),
      );
    store.getState().loadShared({ points, kernel: 'rbf', options: store.getState().options });
    await answer();
    const alone = store.getState().arrowScale!;
    const ml = store.getState().analysis!.result.sensitivities;
    if (!ml.defined) throw new Error('undefined sensitivities');
    expect(alone.reference).toBe(chooseReference(ml.dLogTheta_dy[0]));

    store.getState().setCompareRule('loo');
    await answer();
    const { comparison } = store.getState().analysis!.result;
    if (!comparison?.sensitivities.defined) throw new Error('no comparison');
    const both = [...ml.dLogTheta_dy[0], ...comparison.sensitivities.dLogTheta_dy[0]];
    const shared = store.getState().arrowScale!;
    expect(shared).toEqual({ ...alone, reference: chooseReference(both), compareRule: 'loo' });
    // On the default data LOO-CV's arrows are the longer: the shared scale is coarser.
    expect(shared.reference).toBeGreaterThan(alone.reference);

    store.getState().setCompareRule(null);
    await answer();
    expect(store.getState().arrowScale).toEqual({ ...alone, compareRule: null });
  });
});
