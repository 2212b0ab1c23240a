/** A store holding the engine's real analysis of `points` (RBF), as the worker would deliver it. */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../../src/i18n/language';
import { createExplorerStore, type Point } from '../../src/state';
import { StoreContext } from '../../src/ui/context';
import { LanguageContext } from '../../src/ui/i18n';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { createFakeClient } from '../state/fakeClient';

export async function fittedStore(points: readonly Point[]) {
  return (await fittedStoreAndClient(points)).store;
}

/**
 * The store of {@link fittedStore} and its client, with `answerLatest()`, which answers the
 * client's newest request with the engine (warm-started as the worker would be).
 */
export async function fittedStoreAndClient(points: readonly Point[]) {
  const client = createFakeClient();
  const store = createExplorerStore({ client, maxPoints: 100 });
  const path = createEnginePosteriorPath();
  const warmStarts = new WarmStarts();
  const answerLatest = async () =>
    client.deliver(await runAnalysis(client.requests.at(-1)!, path, warmStarts));
  store.getState().loadShared({ points, kernel: 'rbf', options: store.getState().options });
  await answerLatest();
  return { store, client, answerLatest };
}

/** `element` rendered to HTML over `store` in `language` (server rendering reads the initial state). */
export function renderWith(
  store: Awaited<ReturnType<typeof fittedStore>>,
  language: Language,
  element: ReactElement,
): string {
  const snapshot = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    createElement(
      LanguageContext.Provider,
      { value: language },
      createElement(StoreContext.Provider, { value: snapshot }, element),
    ),
  );
}
