/**
 * The widget's styles, adopted into its shadow root as constructable stylesheets: no <style>
 * element and no style attribute, so a Content-Security-Policy needs no 'unsafe-inline' for them,
 * and no rule leaks to the host page.
 *
 * The explorer's stylesheet is reused as is, with two changes made through the CSSOM: `:root`
 * (which matches nothing inside a shadow root) becomes `:host`, and for a fixed theme the
 * `prefers-color-scheme: dark` blocks are dropped (light) or applied unconditionally (dark).
 */
import explorerCss from '../ui/styles.css?inline';
import embedCss from './embed.css?inline';
import type { EmbedTheme } from './options';

const DARK_SCHEME = /prefers-color-scheme:\s*dark/;

/** Rewrites `sheet` in place for a shadow root and a theme (see the module comment). */
export function adaptForShadowRoot(sheet: CSSStyleSheet, theme: EmbedTheme): void {
  for (let index = sheet.cssRules.length - 1; index >= 0; index--) {
    const rule = sheet.cssRules[index];
    if (rule instanceof CSSMediaRule && DARK_SCHEME.test(rule.conditionText)) {
      if (theme === 'auto') {
        adaptRootSelectors(rule.cssRules);
        continue;
      }
      const inner = Array.from(rule.cssRules, (innerRule) => innerRule.cssText);
      sheet.deleteRule(index);
      if (theme === 'dark') {
        inner.reverse().forEach((text) => sheet.insertRule(text, index));
        adaptRootSelectors(sheet.cssRules, index, inner.length);
      }
    } else if (rule instanceof CSSStyleRule) {
      adaptRootSelectors(sheet.cssRules, index, 1);
    }
  }
}

/** `:root` → `:host` in the selectors of `rules[from, from + count)`. */
function adaptRootSelectors(rules: CSSRuleList, from = 0, count = rules.length): void {
  for (let index = from; index < from + count; index++) {
    const rule = rules[index];
    if (rule instanceof CSSStyleRule && rule.selectorText.includes(':root')) {
      rule.selectorText = rule.selectorText.replaceAll(':root', ':host');
    }
  }
}

/** True where shadow roots can adopt constructed stylesheets (all current browsers). */
function canAdoptSheets(root: ShadowRoot): boolean {
  return 'adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function';
}

// Stylesheets are immutable once built, so every widget with the same theme shares them.
const sheetsByTheme = new Map<EmbedTheme, CSSStyleSheet[]>();

function sheetsFor(theme: EmbedTheme): CSSStyleSheet[] {
  let sheets = sheetsByTheme.get(theme);
  if (!sheets) {
    const explorer = new CSSStyleSheet();
    explorer.replaceSync(explorerCss);
    adaptForShadowRoot(explorer, theme);
    const frame = new CSSStyleSheet();
    frame.replaceSync(embedCss);
    sheets = [explorer, frame];
    sheetsByTheme.set(theme, sheets);
  }
  return sheets;
}

/**
 * Gives `root` the widget's styles for `theme`. Browsers without constructable stylesheets
 * (Safari before 16.4) get a <style> element instead, which needs `style-src 'unsafe-inline'`.
 */
export function applyEmbedStyles(root: ShadowRoot, theme: EmbedTheme): void {
  if (canAdoptSheets(root)) {
    root.adoptedStyleSheets = sheetsFor(theme);
    return;
  }
  let style = root.querySelector<HTMLStyleElement>('style[data-gp-sensitivity]');
  if (!style) {
    style = document.createElement('style');
    style.dataset.gpSensitivity = '';
    root.prepend(style);
  }
  style.textContent = explorerCss.replaceAll(':root', ':host') + embedCss;
}
