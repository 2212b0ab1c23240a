import { pointer } from 'd3';
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ExplorerStore } from '../../state';
import { useExplorer } from '../context';
import {
  plotLayout,
  plotScales,
  presentationKeyScale,
  type PlotLayout,
  type PlotScales,
} from './geometry';
import { usePointDrag } from './pointDrag';

/** What the explorer's plot and the widget's share: layout, scales, the drag, a click to add. */
export interface PlotFrame {
  layout: PlotLayout;
  scales: PlotScales;
  /** The ref of the `<g>` holding the layers: pointer positions are read relative to it. */
  setLayer: (layer: SVGGElement | null) => void;
  /** Adds a point where the data area was clicked. */
  addPointAt: (event: MouseEvent<SVGRectElement>) => void;
}

/**
 * The plot's frame at a given size: the key's place and the margins (`plotLayout`), the scales,
 * the pointer drag of the points (which reads the scales through a ref, so a resize mid-drag is
 * seen) and the click that adds a point.
 */
export function usePlotFrame(store: ExplorerStore, width: number, height: number): PlotFrame {
  // A second rule's arrows: the key names both rules on a line of its own; the pull map's
  // shading takes two more (PullMapKeyRow.tsx).
  const keyLines = useExplorer(
    (s) => (s.options.compareRule === null ? 0 : 1) + (s.options.showPullMap ? 2 : 0),
  );
  // Presentation's large type: the key's words too (the widget never presents).
  const presenting = useExplorer((s) => s.presentation);
  const keyScale = presenting ? presentationKeyScale(width) : 1;
  const layout = useMemo(
    () => plotLayout(width, height, keyLines, keyScale),
    [width, height, keyLines, keyScale],
  );
  const scales = useMemo(
    () => plotScales(width, height, layout.margins),
    [width, height, layout.margins],
  );
  const scalesRef = useRef<PlotScales>(scales);
  useLayoutEffect(() => {
    scalesRef.current = scales;
  }, [scales]);
  const [layer, setLayer] = useState<SVGGElement | null>(null);
  usePointDrag(layer, store, scalesRef);

  const addPointAt = (event: MouseEvent<SVGRectElement>) => {
    if (!layer) return;
    const [px, py] = pointer(event.nativeEvent, layer);
    store.getState().addPoint(scales.x.invert(px), scales.y.invert(py));
  };
  return { layout, scales, setLayer, addPointAt };
}
