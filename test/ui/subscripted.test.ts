/** σf and σn in the plot's SVG text are written with their letter as a subscript. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { subscripted } from '../../src/ui/plot/SubscriptedText';

const markup = (text: string) =>
  renderToStaticMarkup(createElement('text', null, subscripted(text)));

describe('subscripted', () => {
  it('lowers the letter of σf and σn and keeps the rest of the text', () => {
    expect(markup('an arrow this long: σn changes by 10 %')).toBe(
      '<text>an arrow this long: σ<tspan class="sub" baseline-shift="sub">n</tspan> changes by 10 %</text>',
    );
    expect(markup('σf and σn')).toBe(
      '<text>σ<tspan class="sub" baseline-shift="sub">f</tspan> and σ<tspan class="sub" baseline-shift="sub">n</tspan></text>',
    );
  });

  it('leaves text without them, and ℓ, as it is', () => {
    expect(markup('ℓ changes by 10 % per unit')).toBe('<text>ℓ changes by 10 % per unit</text>');
    expect(markup('σ alone, σx')).toBe('<text>σ alone, σx</text>');
  });
});
