/**
 * Hiding a widget's arrows while the reader has not yet answered an exercise whose answer they
 * draw. The widget draws inside a shadow root of its own, out of reach of the page's styles; a
 * rule added to that root hides its arrow layer while the widget's host element carries
 * `data-arrows="hidden"`. The arrows are still computed and drawn, only not shown, so they
 * appear at once, as they are, when the host says `data-arrows="shown"`.
 */

/**
 * The rule: the arrows over the data are not shown while the host says the arrows are hidden. The
 * key's sample arrow (in `.plot-key`) stays, to go with the key's words about the arrows' scale.
 */
export const HIDDEN_ARROWS_CSS = `:host([data-arrows='hidden']) .plot > g:not(.plot-key) .arrows { visibility: hidden; }`;

let sharedSheet: CSSStyleSheet | null = null;

/** Adds HIDDEN_ARROWS_CSS to a widget's shadow root, once. */
function addRule(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(HIDDEN_ARROWS_CSS);
    }
    if (!root.adoptedStyleSheets.includes(sharedSheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sharedSheet];
    return;
  }
  // Browsers without constructable stylesheets get the widget's own styles as a <style> too.
  const style = document.createElement('style');
  style.textContent = HIDDEN_ARROWS_CSS;
  root.append(style);
}

/**
 * Lets the page hide and show the arrows of the widget mounted in `host` (after `mount()`).
 * Returns the switch: `showArrows(false)` hides them, `showArrows(true)` shows them again.
 */
export function arrowSwitch(host: HTMLElement): (shown: boolean) => void {
  if (host.shadowRoot) addRule(host.shadowRoot);
  return (shown) => {
    host.dataset.arrows = shown ? 'shown' : 'hidden';
  };
}
