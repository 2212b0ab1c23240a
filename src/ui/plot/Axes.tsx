import { axisBottom, axisLeft, select } from 'd3';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { PlotScales } from './geometry';

/**
 * Grid lines and the x/y axes, drawn by d3 into groups React owns. Redrawn only on resize. The axis
 * letters sit in the margins just past each axis's end (x right of its right end, y above its top
 * and right of it), across the axis line from the tick labels, so they keep clear of them at any
 * type size (the presentation mode's large type) and of the data area.
 */
export const Axes = memo(function Axes({ scales }: { scales: PlotScales }) {
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const { x, y, innerWidth, innerHeight } = scales;
  const xTicks = useMemo(() => x.ticks(innerWidth < 420 ? 5 : 10), [x, innerWidth]);
  const yTicks = useMemo(() => y.ticks(innerHeight < 320 ? 5 : 7), [y, innerHeight]);

  useEffect(() => {
    if (xAxisRef.current) {
      select(xAxisRef.current).call(
        axisBottom(x).tickValues(xTicks).tickSizeOuter(0).tickPadding(6),
      );
    }
    if (yAxisRef.current) {
      select(yAxisRef.current).call(
        axisLeft(y)
          .tickValues(yTicks)
          .tickSizeOuter(0)
          .tickPadding(6)
          .tickFormat((value) => String(value).replace('-', '\u2212')),
      );
    }
  }, [x, y, xTicks, yTicks]);

  return (
    <>
      <g className="grid" aria-hidden="true">
        {xTicks.map((tick) => (
          <line key={`x${tick}`} x1={x(tick)} x2={x(tick)} y1={0} y2={innerHeight} />
        ))}
        {yTicks.map((tick) => (
          <line
            key={`y${tick}`}
            className={tick === 0 ? 'zero' : undefined}
            x1={0}
            x2={innerWidth}
            y1={y(tick)}
            y2={y(tick)}
          />
        ))}
      </g>
      <g
        ref={xAxisRef}
        className="axis"
        transform={`translate(0,${innerHeight})`}
        aria-hidden="true"
      />
      <g ref={yAxisRef} className="axis" aria-hidden="true" />
      <text
        className="axis-title"
        x={innerWidth + 6}
        y={innerHeight - 3}
        aria-hidden="true"
        data-testid="axis-title-x"
      >
        x
      </text>
      <text className="axis-title" x={6} y={-5} aria-hidden="true" data-testid="axis-title-y">
        y
      </text>
    </>
  );
});
