import type { UiMessageKey } from '../i18n/messages';
import type { ExplorerData } from '../state/types';

/**
 * What computes the fit, as the status line says it: the backends' own names (WebGL's `webgl`,
 * tfjs's `cpu`) as they are, the states in words of the page's language.
 */
export function backendLabel(
  backend: ExplorerData['status']['backend'],
  t: (key: UiMessageKey) => string,
): string {
  if (backend === 'starting') return t('backendStarting');
  if (backend === 'main-thread') return t('backendMainThread');
  return backend;
}
