import { describe, expect, it } from 'vitest';
import {
  ENGINE_FAST_ENOUGH_MS,
  PosteriorChooser,
  REPROBE_EVERY,
  type DensePath,
} from '../../src/worker/posteriorChooser';

/** Runs `count` requests of size (n, m) with fixed per-path costs; returns the paths chosen. */
function run(
  chooser: PosteriorChooser,
  count: number,
  costMs: Record<DensePath, number>,
  n = 100,
  m = 400,
): DensePath[] {
  return Array.from({ length: count }, () => {
    const path = chooser.choose(n, m);
    chooser.record(n, m, path, costMs[path]);
    return path;
  });
}

describe('posterior path chooser', () => {
  it('measures each path twice, then uses the faster one', () => {
    const chooser = new PosteriorChooser();
    expect(run(chooser, 6, { engine: 6, tfjs: 20 })).toEqual([
      'engine',
      'engine',
      'tfjs',
      'tfjs',
      'engine',
      'engine',
    ]);
    const other = new PosteriorChooser();
    expect(run(other, 6, { engine: 50, tfjs: 5 }).slice(4)).toEqual(['tfjs', 'tfjs']);
  });

  it('re-times the slower path every REPROBE_EVERY requests and follows a change', () => {
    const chooser = new PosteriorChooser();
    const first = run(chooser, 2 * REPROBE_EVERY, { engine: 6, tfjs: 20 });
    expect(first.filter((path) => path === 'tfjs')).toHaveLength(2 + 2);
    // The GPU got fast (e.g. it warmed up): two re-probes later the chooser has switched.
    const later = run(chooser, 2 * REPROBE_EVERY + 5, { engine: 10, tfjs: 2 });
    expect(later.slice(-3)).toEqual(['tfjs', 'tfjs', 'tfjs']);
  });

  it('keeps sizes apart and avoids a path that failed', () => {
    const chooser = new PosteriorChooser();
    run(chooser, 6, { engine: 6, tfjs: 20 }, 10);
    expect(run(chooser, 6, { engine: 300, tfjs: 20 }, 800).slice(4)).toEqual(['tfjs', 'tfjs']);
    expect(run(chooser, 2, { engine: 6, tfjs: 20 }, 10)).toEqual(['engine', 'engine']);
    const failing = new PosteriorChooser();
    expect(run(failing, 8, { engine: 500, tfjs: Infinity }).slice(4)).toEqual([
      'engine',
      'engine',
      'engine',
      'engine',
    ]);
  });

  it('never tries tfjs while the engine is fast enough', () => {
    const chooser = new PosteriorChooser();
    const paths = run(chooser, 3 * REPROBE_EVERY, { engine: ENGINE_FAST_ENOUGH_MS, tfjs: 0.1 });
    expect(paths.every((path) => path === 'engine')).toBe(true);
  });
});
