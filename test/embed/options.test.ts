import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultEmbedConfig,
  EMBED_PANELS,
  EMBED_THEMES,
  embedOptionText,
  readEmbedOptions,
  resolveEmbedOptions,
  type EmbedConfig,
} from '../../src/embed/options';
import { HYPERPARAMETER_NAMES, KERNEL_NAMES } from '../../src/engine/types';
import { findPreset, snapPoint } from '../../src/state';

describe('embed options', () => {
  it('fills every option with its default when none is given', () => {
    const { config, problems } = resolveEmbedOptions({});
    expect(problems).toEqual([]);
    expect(config).toEqual({
      points: findPreset('sine').points,
      kernel: 'rbf',
      hyperparameter: 'lengthscale',
      arrows: 'vertical',
      band: true,
      panels: ['controls', 'readout'],
      height: null,
      theme: 'auto',
    });
  });

  it('reads each option from its text form', () => {
    const { config, problems } = resolveEmbedOptions({
      points: '1,0.5; 2,-0.25; 3,1',
      kernel: 'Matern52',
      hyperparameter: 'noiseStd',
      arrows: 'vector',
      band: 'false',
      panels: 'readout, status',
      height: '280px',
      theme: 'dark',
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      points: [
        { x: 1, y: 0.5 },
        { x: 2, y: -0.25 },
        { x: 3, y: 1 },
      ],
      kernel: 'matern52',
      hyperparameter: 'noiseStd',
      arrows: 'vector',
      band: false,
      panels: ['readout', 'status'],
      height: 280,
      theme: 'dark',
    });
  });

  it('takes a preset when no points are given, and points over a preset', () => {
    expect(resolveEmbedOptions({ preset: 'step' }).config.points).toBe(findPreset('step').points);
    expect(
      resolveEmbedOptions({ preset: 'step', points: '1,1;2,2;3,3' }).config.points,
    ).toHaveLength(3);
  });

  it('reads panels=none as the plot alone, and a bare boolean attribute as true', () => {
    expect(resolveEmbedOptions({ panels: 'none' }).config.panels).toEqual([]);
    expect(resolveEmbedOptions({ panels: [] }).config.panels).toEqual([]);
    expect(resolveEmbedOptions({ band: '' }).config.band).toBe(true);
    expect(resolveEmbedOptions({ height: 'auto' }).config.height).toBeNull();
  });

  it('replaces each bad value by its default and says why, in one sentence each', () => {
    const { config, problems } = resolveEmbedOptions({
      points: '1,1;2,2',
      preset: 'waves',
      kernel: 'gaussian',
      hyperparameter: 'ell',
      arrows: 'sideways',
      band: 'maybe',
      panels: 'readout,legend',
      height: '100',
      theme: 'sepia',
    });
    expect(config).toEqual(defaultEmbedConfig());
    expect(problems).toEqual([
      'points: 2 points given; at least 3 are needed to fit three hyperparameters; showing the noisy sine instead.',
      'kernel "gaussian" is not one of rbf, matern52, matern32; using the default.',
      'hyperparameter "ell" is not one of lengthscale, signalStd, noiseStd; using the default.',
      'arrows "sideways" is not one of vertical, vector; using the default.',
      'band "maybe" is not true or false; using the default.',
      'panel "legend" is not one of controls, readout, status (or none for the plot alone); using the default.',
      'height "100" is not a number of pixels from 160 to 1200, or auto; using the default.',
      'theme "sepia" is not one of auto, light, dark; using the default.',
    ]);
    expect(resolveEmbedOptions({ preset: 'waves' }).problems).toEqual([
      'preset "waves" is not one of sine, outlier, clusters, step, noise; using the default.',
    ]);
  });

  it('reads only the options a source has', () => {
    const attributes = new Map([
      ['kernel', 'matern32'],
      ['theme', 'light'],
      ['id', 'figure-2'],
    ]);
    expect(readEmbedOptions((name) => attributes.get(name) ?? null)).toEqual({
      kernel: 'matern32',
      theme: 'light',
    });
  });

  it('writes any configuration as text that reads back to the same configuration', () => {
    const config: fc.Arbitrary<EmbedConfig> = fc.record({
      points: fc.oneof(
        fc.constant(findPreset('sine').points),
        fc.constant(findPreset('outlier').points),
        fc.array(
          fc
            .record({
              x: fc.double({ min: 0, max: 10, noNaN: true }),
              y: fc.double({ min: -3, max: 3, noNaN: true }),
            })
            .map(({ x, y }) => snapPoint(x, y)),
          { minLength: 3, maxLength: 30 },
        ),
      ),
      kernel: fc.constantFrom(...KERNEL_NAMES),
      hyperparameter: fc.constantFrom(...HYPERPARAMETER_NAMES),
      arrows: fc.constantFrom('vertical' as const, 'vector' as const),
      band: fc.boolean(),
      panels: fc.subarray([...EMBED_PANELS]),
      height: fc.option(fc.integer({ min: 160, max: 1200 }), { nil: null }),
      theme: fc.constantFrom(...EMBED_THEMES),
    });
    fc.assert(
      fc.property(config, (original) => {
        const text = new Map(embedOptionText(original));
        const { config: read, problems } = resolveEmbedOptions(
          readEmbedOptions((name) => text.get(name) ?? null),
        );
        expect(problems).toEqual([]);
        expect(read).toEqual(original);
      }),
    );
  });

  it('leaves defaults out of the text form', () => {
    expect(embedOptionText(defaultEmbedConfig())).toEqual([]);
    expect(embedOptionText({ ...defaultEmbedConfig(), points: findPreset('step').points })).toEqual(
      [['preset', 'step']],
    );
  });
});
