/**
 * The README's embedding example is what a blogger copies first: its points must give a fit the
 * widget draws arrows for (a trusted fit with defined sensitivities), in both of its snippets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSensitivities, fitHyperparameters } from '../../src/engine';
import type { KernelName } from '../../src/engine/types';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function parsePoints(text: string): { x: Float64Array; y: Float64Array } {
  const pairs = text
    .split(';')
    .map((pair) => pair.trim().split(',').map(Number) as [number, number]);
  return { x: Float64Array.from(pairs, ([x]) => x), y: Float64Array.from(pairs, ([, y]) => y) };
}

describe("the README's embedding example", () => {
  const iframe = /embed\.html\?points=([^&"]+)&kernel=(\w+)/.exec(readme);
  const element = /<gp-sensitivity\s+points="([^"]+)"\s+kernel="(\w+)"/.exec(readme);

  it('gives the same points and kernel in the iframe and the element', () => {
    expect(iframe).not.toBeNull();
    expect(element).not.toBeNull();
    expect(parsePoints(element![1]!)).toEqual(parsePoints(iframe![1]!));
    expect(element![2]).toBe(iframe![2]);
  });

  it('fits with trust, so the widget draws an arrow on every point', () => {
    const data = parsePoints(iframe![1]!);
    const fit = fitHyperparameters(data, { kernel: iframe![2] as KernelName });
    expect(fit.diagnostics.trust).toBe('trusted');
    const sensitivities = computeSensitivities(data, fit);
    expect(sensitivities.defined).toBe(true);
  });
});
