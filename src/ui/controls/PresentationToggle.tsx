import { useEffect } from 'react';
import type { ExplorerStore } from '../../state';
import { useExplorer, useExplorerStore } from '../context';
import { useI18n } from '../i18n';
import { Icon } from './Toolbar';

/**
 * P toggles presentation mode and Escape leaves it, unless a form field has the keyboard or a
 * widget has already used the key (the landscape's Escape, a note's Escape).
 */
export function usePresentationShortcuts(store: ExplorerStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest('input, select, textarea, [contenteditable="true"]')) return;
      const { presentation, setPresentation } = store.getState();
      if (event.key === 'p' || event.key === 'P') setPresentation(!presentation);
      else if (event.key === 'Escape' && presentation) setPresentation(false);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** The button that enters presentation mode, or leaves it ("Exit" while presenting). */
export function PresentationToggle() {
  const store = useExplorerStore();
  const presenting = useExplorer((s) => s.presentation);
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={`button${presenting ? ' exit-presentation' : ''}`}
      aria-pressed={presenting}
      aria-keyshortcuts="P"
      data-testid="presentation-toggle"
      title={presenting ? t('exitPresentationTitle') : t('presentTitle')}
      onClick={() => store.getState().setPresentation(!presenting)}
    >
      <Icon d="M3 4h18v12H3zM12 16v4M8 20h8" />
      <span className="button-text">{presenting ? t('exitPresentation') : t('present')}</span>
    </button>
  );
}
