import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { EmbedButton } from '../../embed/EmbedDialog';
import type { ExplorerStore } from '../../state';
import { useExplorerStore } from '../context';
import { pointsToCsv, pointsToJson, pointsToPython, type FitSummary } from '../export/exportData';
import { download, renderPng, serializeSvg } from '../export/exportImage';
import type { UiMessageKey } from '../../i18n/messages';
import { useI18n } from '../i18n';
import { Icon } from './Toolbar';

/** Copies `text` to the clipboard; false when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

type Say = (message: UiMessageKey) => void;

/** θ̂ and log p(y | X, θ̂) when the latest fit belongs to the current points. */
function currentFit(store: ExplorerStore): FitSummary | null {
  const { analysis, points, kernel } = store.getState();
  if (!analysis || analysis.points !== points || analysis.result.kernel !== kernel) return null;
  const { theta, lml } = analysis.result;
  return { kernel, theta, lml };
}

/** The plot's stacked SVG layers, bottom first. */
function plotLayers(): SVGSVGElement[] {
  return [...document.querySelectorAll<SVGSVGElement>('.plot-frame > svg')];
}

const EXPORTS: readonly {
  label: UiMessageKey;
  action: (store: ExplorerStore, say: Say) => Promise<void> | void;
}[] = [
  {
    label: 'exportPng',
    action: async () => {
      download(await renderPng(plotLayers()), 'gp-explorer.png');
    },
  },
  {
    label: 'exportSvg',
    action: () => {
      download(
        new Blob([serializeSvg(plotLayers())], { type: 'image/svg+xml' }),
        'gp-explorer.svg',
      );
    },
  },
  {
    label: 'exportCsv',
    action: (store) =>
      download(
        new Blob([pointsToCsv(store.getState().points)], { type: 'text/csv' }),
        'gp-explorer.csv',
      ),
  },
  {
    label: 'exportJson',
    action: (store) => {
      const { points, kernel } = store.getState();
      const json = pointsToJson(points, kernel, currentFit(store));
      download(new Blob([json], { type: 'application/json' }), 'gp-explorer.json');
    },
  },
  {
    label: 'exportPython',
    action: async (store, say) => {
      const { points, kernel } = store.getState();
      const copied = await copyText(pointsToPython(points, kernel, currentFit(store)));
      say(copied ? 'pythonCopied' : 'clipboardUnavailable');
    },
  },
];

/** Share (copy the link with the state in it), Embed (snippets) and Export (images, data, Python). */
export function ShareExport({ children }: { children?: ReactNode }) {
  const store = useExplorerStore();
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const show = (text: string) => {
    setMessage(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(null), 2400);
  };
  const run = async (action: () => Promise<void> | void) => {
    if (menuRef.current) menuRef.current.open = false;
    try {
      await action();
    } catch (error) {
      show(error instanceof Error ? error.message : String(error));
    }
  };

  // A menu closes on Escape (focus back on its button) and on a click anywhere else, as menus do.
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const menu = menuRef.current;
      if (menu?.open && !(event.target instanceof Node && menu.contains(event.target))) {
        menu.open = false;
      }
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, []);
  // The menu hangs from its button's right edge, unless that would take it past the page's left
  // edge (a phone, where the button can sit at the start of a row): then from its left edge.
  const keepOnScreen = () => {
    const menu = menuRef.current;
    const items = menu?.querySelector<HTMLElement>('.menu-items');
    if (!menu?.open || !items) return;
    items.dataset.align = 'end';
    if (items.getBoundingClientRect().left < 0) items.dataset.align = 'start';
  };
  const closeOnEscape = (event: ReactKeyboardEvent<HTMLDetailsElement>) => {
    const menu = menuRef.current;
    if (event.key !== 'Escape' || !menu?.open) return;
    event.preventDefault();
    menu.open = false;
    menu.querySelector('summary')?.focus();
  };

  const share = async () => {
    const copied = await copyText(window.location.href);
    show(copied ? t('shareCopied') : t('shareCopyThis', { url: window.location.href }));
  };

  return (
    <div className="masthead-actions">
      <button
        type="button"
        className="button primary"
        onClick={() => void run(share)}
        data-testid="share"
        aria-label={t('shareLabel')}
      >
        <Icon d="M4 12v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7M16 6l-4-4-4 4M12 2v13" />
        <span className="button-text">{t('share')}</span>
      </button>
      {children}
      <EmbedButton />
      <details className="menu" ref={menuRef} onKeyDown={closeOnEscape} onToggle={keepOnScreen}>
        <summary className="button" data-testid="export" aria-label={t('exportMenu')}>
          <Icon d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4M7 10l5 5 5-5M12 15V3" />
          <span className="button-text">{t('exportMenu')}</span>
        </summary>
        <div className="menu-items" role="menu">
          {EXPORTS.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              onClick={() => void run(() => item.action(store, (key) => show(t(key))))}
            >
              {t(item.label)}
            </button>
          ))}
        </div>
      </details>
      {message && (
        <div className="toast" role="status" data-testid="toast">
          {message}
        </div>
      )}
    </div>
  );
}
