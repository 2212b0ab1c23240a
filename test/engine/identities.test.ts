/**
 * The identities of docs/design.md ("Identities the tests check"), on the reference cases and on
 * random data (fast-check): translation and scaling of x, scaling of y, permutation, sign flip,
 * and finite-difference refits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  finiteDifferenceCheck,
  fitHyperparameters,
  validateDataset,
  type KernelName,
} from '../../src/engine';
import { referenceCases } from '../fixtures/reference';
import { checkIdentities } from './identity-sums';
import { structuredDataset } from './random-data';

describe.each(Object.entries(referenceCases))(
  'identities on reference case %s',
  (_name, reference) => {
    it('holds for translation, scaling of x and scaling of y', () => {
      const data = validateDataset(reference.x, reference.y);
      const sensitivities = computeSensitivities(
        data,
        fitHyperparameters(data, { kernel: reference.kernel }),
      );
      expect(sensitivities.defined).toBe(true);
      if (sensitivities.defined) checkIdentities(data, sensitivities);
    });
  },
);

describe('identities on random data', () => {
  const kernels: KernelName[] = ['rbf', 'matern52', 'matern32'];

  it.each(kernels)('hold for n in 3..60 and scales 1e-3..1e3 (%s)', (kernel) => {
    let defined = 0;
    let runs = 0;
    fc.assert(
      fc.property(structuredDataset, ({ data }) => {
        runs++;
        const fit = fitHyperparameters(data, { kernel });
        const sensitivities = computeSensitivities(data, fit);
        // Degenerate optima (boundary, flat) have no sensitivities; the diagnostics say why.
        if (!sensitivities.defined) {
          expect(sensitivities.reason.length).toBeGreaterThan(0);
          expect(fit.diagnostics.trust).toBe('untrusted');
          return;
        }
        defined++;
        checkIdentities(data, sensitivities);
      }),
      { numRuns: 60, seed: 20261123 },
    );
    // The generator makes fittable data: most runs must exercise the identities.
    expect(defined).toBeGreaterThan(runs / 2);
  });

  it('permuting the points permutes the columns and flipping y leaves θ̂', () => {
    fc.assert(
      fc.property(structuredDataset, fc.integer({ min: 1, max: 1000 }), ({ data }, shift) => {
        const n = data.x.length;
        const order = Array.from({ length: n }, (_, i) => (i + shift) % n);
        const permuted = validateDataset(
          order.map((i) => data.x[i]!),
          order.map((i) => data.y[i]!),
        );
        const flipped = validateDataset(
          data.x,
          Array.from(data.y, (value) => -value),
        );
        const fit = fitHyperparameters(data);
        const fitPermuted = fitHyperparameters(permuted);
        const fitFlipped = fitHyperparameters(flipped);
        for (const other of [fitPermuted, fitFlipped]) {
          other.logTheta.forEach((value, i) =>
            expect(Math.abs(value - fit.logTheta[i]!)).toBeLessThan(1e-7),
          );
        }
        const base = computeSensitivities(data, fit);
        const moved = computeSensitivities(permuted, fitPermuted);
        if (!base.defined || !moved.defined) return;
        for (let row = 0; row < 3; row++) {
          const scale = Math.max(...Array.from(base.dLogTheta_dy[row as 0]!, Math.abs), 1e-300);
          order.forEach((source, target) => {
            expect(
              Math.abs(
                moved.dLogTheta_dy[row as 0][target]! - base.dLogTheta_dy[row as 0][source]!,
              ),
            ).toBeLessThan(1e-6 * scale);
          });
        }
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('agrees with finite-difference refits to 1e-5', () => {
    fc.assert(
      fc.property(structuredDataset, fc.nat(), ({ data }, pick) => {
        const fit = fitHyperparameters(data);
        if (fit.diagnostics.trust !== 'trusted') return;
        const check = finiteDifferenceCheck(data, fit, pick % data.x.length);
        const scale = Math.max(...check.ift.map(Math.abs));
        check.fd.forEach((value, i) =>
          expect(Math.abs(value - check.ift[i]!)).toBeLessThan(1e-5 * scale),
        );
      }),
      { numRuns: 30, seed: 11 },
    );
  });
});
