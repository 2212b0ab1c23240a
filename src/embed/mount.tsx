/**
 * `mount(element, options)`: an explorer widget inside `element`, in a shadow root of its own.
 *
 * Each widget has its own store (points, settings, undo history) and its own compute client; the
 * compute worker behind the clients is shared by every widget of the page unless
 * `worker: 'own'` is asked for (see BENCHMARKS.md, "Embedding", for why).
 *
 * The widget's text is in its language's catalogue, a chunk fetched on first use
 * (src/i18n/messages.ts): the fit starts at once, and the widget renders once the catalogue has
 * arrived, so it never shows text in another language.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  createExplorerStore,
  DEFAULT_VIEW_OPTIONS,
  type ExplorerStore,
  type SharedState,
} from '../state';
import { browserLanguage, parseLanguage, type Language } from '../i18n/language';
import { isLanguageLoaded, loadLanguage, problemText } from '../i18n/messages';
import { createComputeClient } from '../worker/main/client';
import type { ComputeClient } from '../worker/shared/protocol';
import { createComputeWorker } from './computeWorker';
import { EmbedApp, type EmbedView } from './EmbedApp';
import { latestFit, onEachFit, type FitChangeDetail } from './fitEvents';
import {
  defaultEmbedConfig,
  readAppUrl,
  resolveEmbedOptions,
  type EmbedConfig,
  type EmbedOptions,
} from './options';
import { MAX_EMBED_POINTS } from './pointsText';
import { applyEmbedStyles } from './styles';
import { createWorkerPool, type WorkerPool } from './workerPool';

/** `shared`: one compute worker for all widgets of the page; `own`: one per widget. */
export type WorkerSharing = 'shared' | 'own';

/** The options `update()` takes: the view's, and the language. */
export interface WidgetOptions extends EmbedOptions {
  /** `en` or `es` (es-AR and the like count as es); default the browser's language. */
  lang?: string | null;
}

/** `lang` as a language: en or es, else the browser's. */
function widgetLanguage(lang: string | null | undefined): Language {
  return parseLanguage(lang) ?? browserLanguage();
}

export interface MountOptions extends WidgetOptions {
  /** Called after each new fit with θ̂ (see `FitChangeDetail`). */
  onChange?: (detail: FitChangeDetail) => void;
  /** Default `shared`. */
  worker?: WorkerSharing;
  /** Address of the full explorer; when given, the controls link to it with the widget's state. */
  appUrl?: string | null;
  /** The reader may move the points but not add or remove any (ExplorerStoreOptions). */
  fixedPointCount?: boolean;
}

export interface EmbedHandle {
  /** The widget's store (read its state, subscribe, or drive it: `store.getState().addPoint`). */
  readonly store: ExplorerStore;
  /** The options in force, checked. */
  readonly config: EmbedConfig;
  /** The newest fit, or null before the first. */
  readonly fit: FitChangeDetail | null;
  /**
   * Sets the options anew (omitted ones take their defaults) and applies what changed: new points
   * or kernel reload the data; arrows, band, panels, height and theme only change the view.
   * Returns the problems found, as `mount` shows them: in the widget's language.
   */
  update(options: WidgetOptions): string[];
  /** Removes the widget and frees its compute client. */
  destroy(): void;
}

let pagePool: WorkerPool | null = null;

function createClient(sharing: WorkerSharing): ComputeClient {
  if (sharing === 'own') return createComputeClient({ createWorker: createComputeWorker });
  pagePool ??= createWorkerPool(createComputeWorker);
  return createComputeClient({ createWorker: pagePool.createWorker });
}

function sharedStateOf(config: EmbedConfig): SharedState {
  return {
    points: config.points,
    kernel: config.kernel,
    options: {
      hyperparameter: config.hyperparameter,
      arrowMode: config.arrows,
      showBand: config.band,
      // The landscape is the explorer's most expensive picture and has no place in a widget.
      showLandscape: false,
      rule: 'ml',
      compareRule: null,
      prior: DEFAULT_VIEW_OPTIONS.prior,
      showInfluence: false,
      showPullMap: false,
    },
  };
}

function samePoints(a: EmbedConfig['points'], b: EmbedConfig['points']): boolean {
  return a.length === b.length && a.every((p, i) => p.x === b[i]?.x && p.y === b[i]?.y);
}

const mounted = new WeakSet<Element>();

function shadowRootOf(element: HTMLElement): ShadowRoot {
  if (element.shadowRoot) return element.shadowRoot;
  try {
    return element.attachShadow({ mode: 'open' });
  } catch (error) {
    throw new Error(
      `mount() needs an element that can hold a shadow root, such as a <div>; <${element.localName}> cannot (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
}

function warn(problems: readonly string[]): void {
  for (const problem of problems) console.warn(`GP Sensitivity widget: ${problem}`);
}

/** Mounts a widget into `element` (a <div> or any element that can hold a shadow root). */
export function mount(element: HTMLElement, options: MountOptions = {}): EmbedHandle {
  if (mounted.has(element))
    throw new Error('mount(): this element already holds a widget; destroy() it first.');
  const {
    onChange,
    worker = 'shared',
    appUrl: appUrlOption = null,
    lang,
    fixedPointCount = false,
    ...embedOptions
  } = options;
  let language = widgetLanguage(lang);
  const appLink = readAppUrl(appUrlOption, document.baseURI);
  const appUrl = appLink.url;
  // Problems are said, returned and logged in the widget's language.
  const resolve = (given: EmbedOptions, base?: EmbedConfig) => {
    const { config: checked, notices } = resolveEmbedOptions(given, base);
    if (appLink.notice) notices.push(appLink.notice);
    return { config: checked, problems: notices.map((problem) => problemText(problem, language)) };
  };
  let { config, problems } = resolve(embedOptions);
  warn(problems);

  const root = shadowRootOf(element);
  // The article's font, so the widget reads as part of the page it sits in (read from the
  // parent: the widget's styles reset the host's inherited text settings).
  const hostFont = getComputedStyle(element.parentElement ?? element).fontFamily;
  applyEmbedStyles(root);
  const container = document.createElement('div');
  if (hostFont) container.style.setProperty('--font-sans', hostFont);
  root.append(container);
  mounted.add(element);

  const client = createClient(worker);
  const initial = sharedStateOf(config);
  const store = createExplorerStore({
    client,
    initial,
    maxPoints: MAX_EMBED_POINTS,
    fixedPointCount,
  });
  const stopFitEvents = onChange ? onEachFit(store, onChange) : () => {};
  const reactRoot = createRoot(container);

  const reset = () => {
    store.setState({ selectedIndex: null });
    store.getState().loadShared(sharedStateOf(config));
  };
  let destroyed = false;
  /**
   * Renders the widget in `language` once its catalogue is loaded (a chunk of its own): until
   * then the widget shows nothing, or keeps its previous language, so no text ever appears in a
   * language the page did not ask for.
   */
  const render = () => {
    if (destroyed) return;
    if (!isLanguageLoaded(language)) {
      const asked = language;
      loadLanguage(asked).then(
        () => {
          if (asked === language) render();
        },
        (error: unknown) =>
          console.error(
            `GP Sensitivity widget: the ${asked} messages could not be loaded, so its text cannot be shown (${error instanceof Error ? error.message : String(error)}).`,
          ),
      );
      return;
    }
    const view: EmbedView = {
      panels: config.panels,
      height: config.height,
      theme: config.theme,
      problems,
      appUrl,
      language,
    };
    reactRoot.render(
      <StrictMode>
        <EmbedApp store={store} view={view} onReset={reset} />
      </StrictMode>,
    );
  };
  render();

  return {
    store,
    get config() {
      return config;
    },
    get fit() {
      return latestFit(store);
    },
    update(next) {
      if (destroyed) return [];
      const previous = config;
      const { lang: nextLang, ...nextOptions } = next;
      language = widgetLanguage(nextLang);
      ({ config, problems } = resolve(nextOptions, defaultEmbedConfig()));
      warn(problems);
      const actions = store.getState();
      if (!samePoints(config.points, previous.points) || config.kernel !== previous.kernel) {
        actions.loadShared(sharedStateOf(config));
      } else {
        if (config.hyperparameter !== previous.hyperparameter)
          actions.setHyperparameter(config.hyperparameter);
        if (config.arrows !== previous.arrows) actions.setArrowMode(config.arrows);
        if (config.band !== previous.band) actions.setShowBand(config.band);
      }
      render();
      return problems;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopFitEvents();
      reactRoot.unmount();
      store.getState().dispose();
      client.dispose();
      container.remove();
      mounted.delete(element);
    },
  };
}
