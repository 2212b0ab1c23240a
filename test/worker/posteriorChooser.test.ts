import { describe, expect, it } from 'vitest';
import {
  ENGINE_FAST_ENOUGH_MS,
  PosteriorChooser,
  REPROBE_EVERY,
  type DensePath,
} from '../../src/worker/thread/posteriorChooser';

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

  it('judges the engine by its best time, so two cold runs on a busy machine do not send it to tfjs', () => {
    const chooser = new PosteriorChooser();
    const cold = ENGINE_FAST_ENOUGH_MS * 2;
    chooser.record(100, 400, 'engine', ENGINE_FAST_ENOUGH_MS / 10);
    expect(run(chooser, 2 * REPROBE_EVERY, { engine: cold, tfjs: 0.1 })).toEqual(
      Array.from({ length: 2 * REPROBE_EVERY }, () => 'engine'),
    );
  });

  it('during a drag never tries or re-times a path: the best measured one, else the engine', () => {
    const live = new PosteriorChooser();
    const paths = Array.from({ length: 2 * REPROBE_EVERY }, () => {
      const path = live.choose(100, 400, true);
      live.record(100, 400, path, path === 'engine' ? 50 : 5);
      return path;
    });
    // The engine is slow here, but tfjs was never measured: its first run would compile shaders.
    expect(paths.every((path) => path === 'engine')).toBe(true);
    // Released: tfjs is measured twice, and from then on a drag uses it without re-timing.
    expect(run(live, 2, { engine: 50, tfjs: 5 })).toEqual(['tfjs', 'tfjs']);
    const during = Array.from({ length: 2 * REPROBE_EVERY }, () => live.choose(100, 400, true));
    expect(during.every((path) => path === 'tfjs')).toBe(true);
  });

  it('never tries tfjs while the engine is fast enough', () => {
    const chooser = new PosteriorChooser();
    const paths = run(chooser, 3 * REPROBE_EVERY, { engine: ENGINE_FAST_ENOUGH_MS, tfjs: 0.1 });
    expect(paths.every((path) => path === 'engine')).toBe(true);
  });
});
