/**
 * The global search against an exhaustive one (exhaustive-search.ts: a dense profile grid and
 * Levenberg–Marquardt from every grid maximum and random starts, written independently of the
 * engine's search), over families of hard data (families.ts), all three kernels, n from 5 to 300:
 *
 * - the engine's log-likelihood is never below the exhaustive maximum by more than 1e-6 (or, on
 *   nearly noise-free data, than ten times the likelihood's own rounding error there: two searches
 *   of a surface rough at that scale can each find a different grain of it);
 * - "trusted" never stands where a second strict maximum lies within 1 nat.
 *
 * Runs per family and kernel: GP_SEARCH_RUNS (default 4; `npm run test:search` runs 40), with
 * fixed seeds, so every run sees the same datasets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitHyperparameters, KERNEL_NAMES, type KernelName } from '../../src/engine';
import { exhaustiveMaxima } from './exhaustive-search';
import { FAMILIES, familyCase } from './families';

const RUNS = Number(process.env.GP_SEARCH_RUNS ?? 4);
const MAX_N = 300;
const NEAR_TIE = 1;
/** Two maxima closer than this in every log coordinate are one. */
const SAME_MAXIMUM = 1e-2;

function seedOf(family: string, kernel: KernelName): number {
  let hash = 20261124;
  for (const char of `${family}/${kernel}`) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash;
}

describe.each(FAMILIES)('global search on %s data', (family) => {
  it.each(KERNEL_NAMES)(
    '%s: never below the exhaustive maximum, never trusted at a tie',
    (kernel) => {
      fc.assert(
        fc.property(familyCase(family, MAX_N), ({ data, n, seed }) => {
          const fit = fitHyperparameters(data, { kernel });
          const maxima = exhaustiveMaxima(data, kernel, { seed });
          const [best] = maxima;
          expect(best, 'the exhaustive search found a maximum').toBeDefined();
          const tolerance = 1e-6 + 10 * best!.lmlRoundoff;
          expect(
            fit.lml,
            `n = ${n}, seed ${seed}: below the exhaustive maximum`,
          ).toBeGreaterThanOrEqual(best!.lml - tolerance);
          if (fit.diagnostics.trust !== 'trusted') return;
          const tie = maxima.find(
            (maximum) =>
              maximum.strict &&
              maximum.lml > best!.lml - NEAR_TIE &&
              maximum.logTheta.some(
                (value, i) => Math.abs(value - fit.logTheta[i]!) > SAME_MAXIMUM,
              ),
          );
          expect(
            tie && { logTheta: tie.logTheta, gap: fit.lml - tie.lml },
            `n = ${n}, seed ${seed}: "trusted" beside a second maximum within ${NEAR_TIE} nat`,
          ).toBeUndefined();
        }),
        { numRuns: RUNS, seed: seedOf(family, kernel) },
      );
    },
  );
});
