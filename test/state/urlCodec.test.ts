import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COORDINATE_STEP, X_DOMAIN, Y_DOMAIN } from '../../src/state/domain';
import { DEFAULT_KERNEL, DEFAULT_VIEW_OPTIONS } from '../../src/state/options';
import { DEFAULT_PRESET_ID, findPreset, PRESETS } from '../../src/state/presets';
import { logSdOfFactor, PRIOR_FACTOR_RANGE, PRIOR_MEDIAN_RANGE } from '../../src/state/prior';
import { DEFAULT_PRIOR } from '../../src/engine/rules/prior';
import { decodeSharedState, encodeSharedState, type SharedState } from '../../src/state/urlCodec';
import { translator } from '../../src/i18n/messages';

const gridX = fc
  .integer({ min: 0, max: Math.round(X_DOMAIN[1] / COORDINATE_STEP) })
  .map((i) => Number((i * COORDINATE_STEP).toFixed(3)));
const gridY = fc
  .integer({
    min: Math.round(Y_DOMAIN[0] / COORDINATE_STEP),
    max: Math.round(Y_DOMAIN[1] / COORDINATE_STEP),
  })
  .map((i) => Number((i * COORDINATE_STEP).toFixed(3)));

const priorMedian = fc.double({
  min: PRIOR_MEDIAN_RANGE[0],
  max: PRIOR_MEDIAN_RANGE[1],
  noNaN: true,
});
const priorLogSd = fc.double({
  min: logSdOfFactor(PRIOR_FACTOR_RANGE[0]),
  max: logSdOfFactor(PRIOR_FACTOR_RANGE[1]) * (1 - 1e-12),
  noNaN: true,
});

const priorPart = fc.tuple(priorMedian, priorLogSd);

const sharedState: fc.Arbitrary<SharedState> = fc.record({
  points: fc.array(fc.record({ x: gridX, y: gridY }), { minLength: 1, maxLength: 60 }),
  kernel: fc.constantFrom('rbf' as const, 'matern52' as const, 'matern32' as const),
  options: fc
    .record({
      hyperparameter: fc.constantFrom(
        'lengthscale' as const,
        'signalStd' as const,
        'noiseStd' as const,
      ),
      arrowMode: fc.constantFrom('vertical' as const, 'vector' as const),
      showBand: fc.boolean(),
      showLandscape: fc.boolean(),
      rule: fc.constantFrom('ml' as const, 'map' as const, 'loo' as const),
      compareRule: fc.constantFrom(null, 'ml' as const, 'map' as const, 'loo' as const),
      prior: fc.oneof(
        fc.constant(DEFAULT_PRIOR),
        fc.tuple(priorPart, priorPart, priorPart).map(([l, f, n]) => ({
          relativeTo: 'data' as const,
          lengthscale: { median: l[0], logSd: l[1] },
          signalStd: { median: f[0], logSd: f[1] },
          noiseStd: { median: n[0], logSd: n[1] },
        })),
      ),
      showInfluence: fc.boolean(),
      showPullMap: fc.boolean(),
    })
    // A state never compares a rule with itself (viewActions.ts).
    .filter((options) => options.compareRule !== options.rule),
});

describe('URL codec', () => {
  it('round-trips any state on the coordinate grid exactly', () => {
    fc.assert(
      fc.property(sharedState, (state) => {
        const decoded = decodeSharedState(encodeSharedState(state), 500);
        expect(decoded).toEqual({ ok: true, state });
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every preset, with or without the leading #', () => {
    for (const preset of PRESETS) {
      const state: SharedState = {
        points: preset.points,
        kernel: 'matern52',
        options: DEFAULT_VIEW_OPTIONS,
      };
      const fragment = encodeSharedState(state);
      expect(decodeSharedState(fragment, 500)).toEqual({ ok: true, state });
      expect(decodeSharedState(`#${fragment}`, 500)).toEqual({ ok: true, state });
    }
  });

  it('is compact: versioned, and 4 bytes of base64url per point', () => {
    const points = PRESETS[0]?.points ?? [];
    const fragment = encodeSharedState({ points, kernel: 'rbf', options: DEFAULT_VIEW_OPTIONS });
    expect(fragment.startsWith('v=1&')).toBe(true);
    const payload = new URLSearchParams(fragment).get('p') ?? '';
    expect(payload).toHaveLength(Math.ceil((points.length * 4 * 4) / 3));
    // The default's 24 points and the options fit in a fragment of 150 characters.
    expect(fragment.length).toBeLessThan(150);
  });

  it('gives a parameter a hand-written link leaves out the page’s default, and keeps the rest', () => {
    const decoded = decodeSharedState('#v=1&r=loo&a=n', 100);
    expect(decoded).toEqual({
      ok: true,
      state: {
        points: [...findPreset(DEFAULT_PRESET_ID).points],
        kernel: DEFAULT_KERNEL,
        options: { ...DEFAULT_VIEW_OPTIONS, rule: 'loo', hyperparameter: 'noiseStd' },
      },
    });
    // Present but empty is a choice, not an omission: no points, no switches.
    const emptyFlags = decodeSharedState('v=1&o=', 100);
    expect(emptyFlags.ok && emptyFlags.state.options.showBand).toBe(false);
    expect(decodeSharedState('v=1&p=', 100)).toMatchObject({ ok: false });
    // A default dataset longer than the limit is refused like any other.
    expect(decodeSharedState('v=1', 3)).toMatchObject({ ok: false });
  });

  it('names the problem in a damaged or foreign link', () => {
    const good = encodeSharedState({
      points: [{ x: 1, y: 2 }],
      kernel: 'rbf',
      options: DEFAULT_VIEW_OPTIONS,
    });
    const edit = (key: string, value: string) => {
      const params = new URLSearchParams(good);
      params.set(key, value);
      return params.toString();
    };
    const message = (fragment: string) => {
      const result = decodeSharedState(fragment, 3);
      return result.ok ? 'ok' : result.message;
    };
    expect(message('')).toMatch(/no explorer state/);
    expect(message(edit('v', '2'))).toMatch(/version 2/);
    expect(message(edit('k', 'linear'))).toMatch(/unknown kernel "linear"/);
    expect(message(edit('a', 'q'))).toMatch(/unknown hyperparameter "q"/);
    expect(message(edit('o', 'bx'))).toMatch(/unknown options "bx"/);
    expect(message(edit('r', 'mle'))).toMatch(/unknown rule "mle"/);
    expect(message(edit('c', 'best'))).toMatch(/unknown rule "best"/);
    expect(message(edit('p', 'AAA'))).toMatch(/truncated/);
    expect(message(edit('p', 'A*A='))).toMatch(/base64url/);
    expect(message(edit('p', ''))).toMatch(/no points/);
    // x = 65.535 is beyond the plot.
    expect(message(edit('p', '__8AAA'))).toMatch(/point 1 lies outside the plot/);
    const four = encodeSharedState({
      points: [1, 2, 3, 4].map((x) => ({ x, y: 0 })),
      kernel: 'rbf',
      options: DEFAULT_VIEW_OPTIONS,
    });
    expect(message(four)).toMatch(/4 points; at most 3/);
    // The same problems for the page, in Spanish.
    const spanish = (fragment: string) => {
      const result = decodeSharedState(fragment, 3);
      return result.ok ? 'ok' : translator('es').notice(result.notice);
    };
    expect(spanish(edit('k', 'linear'))).toMatch(/núcleo desconocido, "linear"/);
    expect(spanish(edit('p', '__8AAA'))).toBe(
      'El enlace está dañado: el punto 1 cae fuera de la gráfica.',
    );
    expect(spanish(four)).toMatch(/4 puntos; se admiten como máximo 3/);
  });
});
