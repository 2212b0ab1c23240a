/**
 * The widget's styles, adopted into its shadow root as constructable stylesheets: no <style>
 * element and no style attribute, so a Content-Security-Policy needs no 'unsafe-inline' for them,
 * and no rule leaks to the host page.
 *
 * The widget adopts the explorer's design tokens, controls and plot sheets (src/ui/styles: the
 * tokens name `.gp-embed` beside `:root`, so they apply inside the shadow root as they are) and
 * its own frame; none of the explorer page's layout. The theme is the frame's `data-theme` attribute.
 */
import tokensCss from '../ui/styles/tokens.css?inline';
import controlsCss from '../ui/styles/controls.css?inline';
import plotCss from '../ui/styles/plot.css?inline';
import embedCss from './embed.css?inline';

/** The widget's whole stylesheet text, in cascade order. */
const WIDGET_CSS = [tokensCss, controlsCss, plotCss, embedCss] as const;

/** True where shadow roots can adopt constructed stylesheets (all current browsers). */
function canAdoptSheets(root: ShadowRoot): boolean {
  return 'adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function';
}

// Stylesheets are immutable once built, so every widget on the page shares them.
let sharedSheets: CSSStyleSheet[] | null = null;

function widgetSheets(): CSSStyleSheet[] {
  sharedSheets ??= WIDGET_CSS.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  return sharedSheets;
}

/**
 * Gives `root` the widget's styles. Browsers without constructable stylesheets (Safari before
 * 16.4) get a <style> element instead, which needs `style-src 'unsafe-inline'`.
 */
export function applyEmbedStyles(root: ShadowRoot): void {
  if (canAdoptSheets(root)) {
    root.adoptedStyleSheets = widgetSheets();
    return;
  }
  let style = root.querySelector<HTMLStyleElement>('style[data-gp-sensitivity]');
  if (!style) {
    style = document.createElement('style');
    style.dataset.gpSensitivity = '';
    root.prepend(style);
  }
  style.textContent = WIDGET_CSS.join('\n');
}
