/**
 * `<gp-sensitivity>`: the explorer widget as a custom element.
 *
 *     <script type="module" src="gp-sensitivity.js"></script>
 *     <gp-sensitivity points="0.5,0.2; 1.8,0.9; 3.1,-0.4; 4.4,0.1" kernel="matern52"
 *                     hyperparameter="noiseStd" panels="controls,readout" height="320">
 *     </gp-sensitivity>
 *
 * Attributes are the options of `options.ts` (points, preset, kernel, hyperparameter, arrows,
 * band, panels, height, theme), plus `worker` (shared | own), `app-url` (the full explorer, for
 * an "Open in explorer" link) and `lang` (en | es; default the browser's language). Changing an attribute applies it; the reader's own edits stay
 * unless the points or kernel attribute changes.
 *
 * After each new fit the element dispatches `change`, a CustomEvent whose `detail` is θ̂
 * (`FitChangeDetail`: lengthscale, signalStd, noiseStd, logMarginalLikelihood, kernel, trust,
 * points). It bubbles and crosses shadow roots.
 *
 * The class is created on demand, so importing this module in a place without a DOM (a server
 * render, Node) is harmless.
 */
import type { FitChangeDetail } from './fitEvents';
import { mount, type EmbedHandle, type WorkerSharing } from './mount';
import { EMBED_OPTION_NAMES, readEmbedOptions } from './options';

export const ELEMENT_NAME = 'gp-sensitivity';

/** The element's public surface beyond HTMLElement. */
export interface GpSensitivityElement extends HTMLElement {
  /** The newest fit, or null before the first. */
  readonly fit: FitChangeDetail | null;
  /** The widget inside (store, config), or null while the element is not in a document. */
  readonly widget: EmbedHandle | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'gp-sensitivity': GpSensitivityElement;
  }
}

function createElementClass(): CustomElementConstructor {
  return class GpSensitivity extends HTMLElement implements GpSensitivityElement {
    static readonly observedAttributes = [...EMBED_OPTION_NAMES, 'worker', 'app-url', 'lang'];
    #widget: EmbedHandle | null = null;

    get fit(): FitChangeDetail | null {
      return this.#widget?.fit ?? null;
    }

    get widget(): EmbedHandle | null {
      return this.#widget;
    }

    #options() {
      return {
        ...readEmbedOptions((name) => this.getAttribute(name)),
        lang: this.getAttribute('lang'),
      };
    }

    #workerSharing(): WorkerSharing {
      const value = this.getAttribute('worker');
      if (value === null || value === 'shared' || value === 'own') return value ?? 'shared';
      console.warn(
        `GP Sensitivity widget: worker "${value}" is not one of shared, own; using shared.`,
      );
      return 'shared';
    }

    connectedCallback(): void {
      if (this.#widget) return;
      this.#widget = mount(this, {
        ...this.#options(),
        worker: this.#workerSharing(),
        appUrl: this.getAttribute('app-url'),
        onChange: (detail) =>
          this.dispatchEvent(new CustomEvent('change', { detail, bubbles: true, composed: true })),
      });
    }

    disconnectedCallback(): void {
      // A move within the page disconnects and reconnects at once: keep the widget through it.
      queueMicrotask(() => {
        if (this.isConnected || !this.#widget) return;
        this.#widget.destroy();
        this.#widget = null;
      });
    }

    attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
      if (!this.#widget || previous === value) return;
      if (name === 'worker' || name === 'app-url') {
        // These shape the widget itself: build it again.
        this.#widget.destroy();
        this.#widget = null;
        this.connectedCallback();
        return;
      }
      this.#widget.update(this.#options());
    }
  };
}

/**
 * Registers `<gp-sensitivity>` (once; later calls return the registered class). Returns the
 * element's constructor.
 */
export function defineGpSensitivityElement(name = ELEMENT_NAME): CustomElementConstructor {
  const existing = customElements.get(name);
  if (existing) return existing;
  const elementClass = createElementClass();
  customElements.define(name, elementClass);
  return elementClass;
}
