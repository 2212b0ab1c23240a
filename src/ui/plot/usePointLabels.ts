import { useCallback, useRef } from 'react';
import type { Point } from '../../state';
import type { Translator } from '../../i18n/messages';

interface CachedLabel {
  index: number;
  count: number;
  effects: ReadonlyMap<number, string>;
  label: string;
}

/**
 * A point's accessible name: its number, its coordinates and the words for its pull
 * (`effects`, by index). Names are kept per point object and rebuilt only when the point, its
 * index, the count or the words change, so a drag words the one point that moves, not all n
 * (formatting n names per refit is a visible share of a move at n = 50).
 */
export function usePointLabels(
  effects: ReadonlyMap<number, string>,
  tr: Translator,
): (point: Point, index: number, count: number) => string {
  // `effects` is worded anew when the language changes, so its identity also stands for `tr`'s.
  const cache = useRef(new WeakMap<Point, CachedLabel>());
  return useCallback(
    (point: Point, index: number, count: number) => {
      const cached = cache.current.get(point);
      if (
        cached &&
        cached.index === index &&
        cached.count === count &&
        cached.effects === effects
      ) {
        return cached.label;
      }
      const label =
        tr.t('pointLabel', {
          index: index + 1,
          count,
          x: tr.coordinate(point.x),
          y: tr.coordinate(point.y),
        }) + (effects.get(index) ?? '');
      cache.current.set(point, { index, count, effects, label });
      return label;
    },
    [effects, tr],
  );
}
