/**
 * The built-in datasets and the promises their notes make, measured with the float64 engine (cold,
 * global fits) for every kernel: what the page says about its data is what the data do.
 */
import { describe, expect, it } from 'vitest';
import {
  HYPERPARAMETER_NAMES,
  KERNEL_NAMES,
  pointInfluence,
  posterior,
  validateDataset,
  type KernelName,
} from '../../src/engine';
import { arrowVector, chooseReference } from '../../src/state/arrowScale';
import { snapPoint, X_DOMAIN, Y_DOMAIN } from '../../src/state/domain';
import {
  DEFAULT_PRESET_ID,
  findPreset,
  matchPreset,
  noisySine,
  OUTLIER_OFFSET,
  PRESETS,
  STEP_NOISE,
} from '../../src/state/presets';
import { PRESET_TEXT_EN } from '../../src/i18n/presets.en';
import { PRESET_TEXT_ES } from '../../src/i18n/presets.es';
import { checkAdditions, checkDrags, fitPoints } from '../../scripts/dataset-checks';

const sine = findPreset('sine').points;
const curve = (x: number) => 1.2 * Math.sin(0.8 * x);

/** Every move of one point in y the reader can make up to ±0.3, in steps of 0.05. */
const DRAGS_UP_TO_0_3 = [-0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3];

function rowOf(name: 'lengthscale' | 'signalStd' | 'noiseStd'): 0 | 1 | 2 {
  return HYPERPARAMETER_NAMES.indexOf(name) as 0 | 1 | 2;
}

describe('presets', () => {
  it('offers the five datasets, each inside the plot and on the coordinate grid', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['sine', 'outlier', 'clusters', 'step', 'noise']);
    for (const preset of PRESETS) {
      expect(preset.points.length).toBeGreaterThanOrEqual(10);
      for (const point of preset.points) {
        expect(point.x).toBeGreaterThanOrEqual(X_DOMAIN[0]);
        expect(point.x).toBeLessThanOrEqual(X_DOMAIN[1]);
        expect(point.y).toBeGreaterThanOrEqual(Y_DOMAIN[0]);
        expect(point.y).toBeLessThanOrEqual(Y_DOMAIN[1]);
        expect(snapPoint(point.x, point.y)).toEqual(point);
      }
    }
  });

  it('makes the default a deterministic noisy sine of 24 points', () => {
    const points = findPreset(DEFAULT_PRESET_ID).points;
    expect(DEFAULT_PRESET_ID).toBe('sine');
    expect(points).toHaveLength(24);
    expect(noisySine()).toEqual(points);
    expect(noisySine(24, 9)).not.toEqual(points);
    // Noise of 0.3: every point within 1 of the curve 1.2 sin(0.8 x).
    for (const { x, y } of points) expect(Math.abs(y - curve(x))).toBeLessThan(1);
  });

  it('names, for the plot to number, exactly the points its note speaks of, in both languages', () => {
    // The outlier's lifted point and its right-hand neighbour; the clusters' point at x ≈ 8.1.
    const lifted = findPreset('outlier').points.findIndex((p, i) => p.y !== sine[i]!.y);
    expect(findPreset('outlier').namedPoints).toEqual([lifted, lifted + 1]);
    expect(findPreset('clusters').points[findPreset('clusters').namedPoints[0]!]!.x).toBeCloseTo(
      8.1,
      1,
    );
    for (const preset of PRESETS) {
      for (const texts of [PRESET_TEXT_EN, PRESET_TEXT_ES]) {
        const note = texts[preset.id].description;
        // "point 13", "punto 9", "one point, 13", "el 13": a whole number that is no measure.
        const spoken = new Set(
          [
            ...note.matchAll(/\b(?:point|punto|neighbour|vecino|el)[,\s]+(\d+)\b(?![.,]\d| ?%)/g),
          ].map((match) => Number(match[1]) - 1),
        );
        expect([...spoken].sort(), `${preset.id}: ${note}`).toEqual([...preset.namedPoints].sort());
      }
    }
  });

  it('throws on an unknown preset', () => {
    expect(() => findPreset('nope' as never)).toThrow(/Unknown preset "nope"/);
  });
});

describe('the default dataset keeps its promise under the reader’s edits', () => {
  it.each(KERNEL_NAMES)(
    'with %s: every drag of one point by up to ±0.3 keeps the fit trusted and the prediction within 5 %%',
    (kernel) => {
      const report = checkDrags(sine, kernel, DRAGS_UP_TO_0_3);
      expect(report).not.toBeNull();
      expect(report!.drags).toBe(sine.length * DRAGS_UP_TO_0_3.length);
      expect(report!.untrusted).toEqual([]);
      // ℓ is what the arrows show by default; σf and σn hold too (worst cases in the report).
      expect(report!.worstGap.lengthscale).toBeLessThan(0.05);
      expect(report!.worstGap.signalStd).toBeLessThan(0.05);
      expect(report!.worstGap.noiseStd).toBeLessThan(0.05);
    },
  );

  it.each(KERNEL_NAMES)(
    'with %s: adding one point anywhere on a 41 × 25 grid over the plot leaves the arrows defined',
    (kernel) => {
      const report = checkAdditions(sine, kernel);
      expect(report.additions).toBe(41 * 25);
      expect(report.undefinedAt).toEqual([]);
    },
  );
});

describe('each preset’s note is true, for every kernel', () => {
  it('noisy sine: one clear best fit with arrows for every kernel', () => {
    for (const kernel of KERNEL_NAMES) {
      const { fit, sensitivities } = fitPoints(sine, kernel);
      expect(fit.diagnostics.trust, kernel).toBe('trusted');
      expect(fit.diagnostics.runnerUp, kernel).toBeNull();
      expect(sensitivities.defined, kernel).toBe(true);
    }
  });

  const outlier = findPreset('outlier').points;
  const lifted = outlier.findIndex((p, i) => p.y !== sine[i]!.y);

  it('an outlier: the default with one point lifted 2 above the curve', () => {
    const changed = outlier.filter((p, i) => p.x !== sine[i]!.x || p.y !== sine[i]!.y);
    expect(changed).toHaveLength(1);
    const point = outlier[lifted]!;
    expect(point.x).toBeCloseTo(5, 0);
    expect(point.y - curve(point.x)).toBeCloseTo(OUTLIER_OFFSET, 2);
  });

  it.each(KERNEL_NAMES)(
    'an outlier with %s: σn nearly doubles and the outlier’s σn arrow is drawn the longest by far',
    (kernel) => {
      const clean = fitPoints(sine, kernel).fit;
      const { fit, sensitivities } = fitPoints(outlier, kernel);
      expect(fit.diagnostics.trust).toBe('trusted');
      const ratio = fit.theta.noiseStd / clean.theta.noiseStd;
      expect(ratio).toBeGreaterThan(1.7);
      expect(ratio).toBeLessThan(2.05);
      if (!sensitivities.defined) throw new Error('sensitivities undefined');
      const lengths = [...sensitivities.dLogTheta_dy[rowOf('noiseStd')]].map(Math.abs);
      const others = lengths.filter((_, i) => i !== lifted);
      expect(lengths[lifted]!).toBeGreaterThan(1.5 * Math.max(...others));
      // As drawn: at the scale the explorer chooses, no arrow is cut to the cap, so the
      // difference shows.
      const reference = chooseReference(lengths);
      const drawn = lengths.map((length) => arrowVector(0, length, reference)!);
      expect(drawn.some((arrow) => arrow.capped)).toBe(false);
      const drawnOthers = drawn.filter((_, i) => i !== lifted).map((arrow) => arrow.dy);
      expect(drawn[lifted]!.dy).toBeGreaterThan(1.5 * Math.max(...drawnOthers));
    },
  );

  it.each(KERNEL_NAMES)(
    'an outlier with %s: without it σn falls by more than 40 %% (the infinitesimal jackknife: about 20 %%), without its neighbour ℓ and σn by more than half',
    (kernel) => {
      const { fit } = fitPoints(outlier, kernel);
      const data = validateDataset(
        outlier.map((p) => p.x),
        outlier.map((p) => p.y),
      );
      // The note names the points as the influence panel numbers them, from 1.
      expect(lifted + 1).toBe(13);
      // As the influence panel shows it once its global check is done.
      const [row, neighbour] = pointInfluence(data, fit, {
        coldCheck: true,
        indices: [lifted, lifted + 1],
      }).points;
      expect(row!.status).toBe('continued');
      const removal = Math.expm1(row!.removal![rowOf('noiseStd')]);
      const jackknife = Math.expm1(row!.linearRemoval![rowOf('noiseStd')]);
      expect(removal).toBeLessThan(-0.4);
      expect(removal).toBeGreaterThan(-0.5);
      expect(jackknife).toBeLessThan(-0.15);
      expect(jackknife).toBeGreaterThan(-0.25);
      // Without its right-hand neighbour ℓ and σn fall by more than half; the jackknife sees
      // under 15 %.
      expect(outlier[lifted + 1]!.x).toBeGreaterThan(outlier[lifted]!.x);
      for (const name of ['lengthscale', 'noiseStd'] as const) {
        expect(Math.expm1(neighbour!.removal![rowOf(name)])).toBeLessThan(-0.5);
        expect(Math.abs(Math.expm1(neighbour!.linearRemoval![rowOf(name)]))).toBeLessThan(0.15);
      }
    },
  );

  const clusters = findPreset('clusters').points;

  it.each(KERNEL_NAMES)(
    'two clusters with %s: a wiggly, quiet fit and a smooth, noisy one almost tie',
    (kernel) => {
      const { fit, sensitivities } = fitPoints(clusters, kernel);
      expect(sensitivities.defined).toBe(true);
      expect(fit.diagnostics.trust).toBe('caution');
      const runnerUp = fit.diagnostics.runnerUp!;
      expect(runnerUp.lmlGap).toBeLessThan(1);
      expect(fit.theta.lengthscale).toBeLessThan(1);
      expect(runnerUp.theta.lengthscale).toBeGreaterThan(5 * fit.theta.lengthscale);
      expect(runnerUp.theta.noiseStd).toBeGreaterThan(2 * fit.theta.noiseStd);
    },
  );

  it.each(KERNEL_NAMES)(
    'two clusters with %s: dragging one point by half a unit can make θ̂ jump to the other',
    (kernel) => {
      const { fit } = fitPoints(clusters, kernel);
      const smooth = fit.diagnostics.runnerUp!.theta.lengthscale;
      const jumps = clusters.flatMap((point, i) =>
        [-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5].filter((step) => {
          const moved = clusters.map((p, k) => (k === i ? snapPoint(p.x, p.y + step) : p));
          const refit = fitPoints(moved, kernel).fit.theta.lengthscale;
          return refit > smooth / 2 && refit < smooth * 2;
        }),
      );
      expect(jumps.length).toBeGreaterThan(0);
      // The move the note names: point 9 (x ≈ 8.1) lowered by 0.5, ℓ from about 0.5 to over 5.
      expect(clusters[8]!.x).toBeCloseTo(8.1, 1);
      expect(fit.theta.lengthscale).toBeGreaterThan(0.4);
      expect(fit.theta.lengthscale).toBeLessThan(0.6);
      const lowered = clusters.map((p, k) => (k === 8 ? snapPoint(p.x, p.y - 0.5) : p));
      expect(fitPoints(lowered, kernel).fit.theta.lengthscale).toBeGreaterThan(5);
    },
  );

  const step = findPreset('step').points;

  it('a step: RBF calls the misfit noise, about three times the true noise', () => {
    for (const point of step) {
      expect(Math.abs(point.y - (point.x < 5 ? -1 : 1))).toBeLessThan(4 * STEP_NOISE);
    }
    const rbf = fitPoints(step, 'rbf').fit;
    expect(rbf.diagnostics.trust).toBe('trusted');
    expect(rbf.theta.noiseStd / STEP_NOISE).toBeGreaterThan(2.5);
    expect(rbf.theta.noiseStd / STEP_NOISE).toBeLessThan(3.5);
  });

  it('a step: Matérn 3/2 follows the jump with less noise and a higher likelihood', () => {
    const rbf = fitPoints(step, 'rbf').fit;
    const matern = fitPoints(step, 'matern32').fit;
    expect(matern.diagnostics.trust).toBe('trusted');
    expect(matern.theta.noiseStd).toBeLessThan(0.7 * rbf.theta.noiseStd);
    expect(matern.lml).toBeGreaterThan(rbf.lml + 1);
    // "More closely": the posterior mean's misfit at the points is smaller.
    const misfit = (kernel: KernelName) => {
      const { fit } = fitPoints(step, kernel);
      const data = validateDataset(
        step.map((p) => p.x),
        step.map((p) => p.y),
      );
      const mean = posterior(data, fit.theta, kernel, data.x).mean;
      return Math.sqrt(step.reduce((sum, p, i) => sum + (p.y - mean[i]!) ** 2, 0) / step.length);
    };
    expect(misfit('matern32')).toBeLessThan(misfit('rbf'));
  });

  const noise = findPreset('noise').points;

  it.each(KERNEL_NAMES)(
    'pure noise with %s: a flat line, every point noise, ℓ to infinity, no arrows, σf the line’s offset',
    (kernel) => {
      const { fit, sensitivities } = fitPoints(noise, kernel);
      expect(fit.diagnostics.boundary).toContain('lengthscale-beyond-span');
      expect(sensitivities.defined).toBe(false);
      const data = validateDataset(
        noise.map((p) => p.x),
        noise.map((p) => p.y),
      );
      const grid = Float64Array.from({ length: 101 }, (_, i) => i / 10);
      const mean = [...posterior(data, fit.theta, kernel, grid).mean];
      const average = mean.reduce((a, b) => a + b, 0) / mean.length;
      expect(Math.max(...mean.map((m) => Math.abs(m - average)))).toBeLessThan(0.02);
      const yMean = noise.reduce((sum, p) => sum + p.y, 0) / noise.length;
      const spread = Math.sqrt(
        noise.reduce((sum, p) => sum + (p.y - yMean) ** 2, 0) / noise.length,
      );
      expect(Math.abs(fit.theta.noiseStd - spread) / spread).toBeLessThan(0.1);
      // σf is not 0 but the size of the flat line's offset: with ℓ → ∞, f is one constant
      // c ~ N(0, σf²), and the maximum of the likelihood has σf² = ȳ² − σn²/n.
      expect(Math.abs(fit.theta.signalStd - Math.abs(yMean)) / Math.abs(yMean)).toBeLessThan(0.1);
      expect(fit.theta.signalStd ** 2).toBeCloseTo(
        yMean ** 2 - fit.theta.noiseStd ** 2 / noise.length,
        3,
      );
    },
  );
});

describe('matchPreset', () => {
  it('names a preset from its exact points and nothing else', () => {
    for (const preset of PRESETS) expect(matchPreset(preset.points)).toBe(preset.id);
    const moved = findPreset('step').points.map((p, i) =>
      i === 3 ? { x: p.x, y: p.y + 0.001 } : p,
    );
    expect(matchPreset(moved)).toBeNull();
    expect(matchPreset(findPreset('sine').points.slice(1))).toBeNull();
  });
});
