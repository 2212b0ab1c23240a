import type { ScaleLogarithmic } from 'd3';
import {
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import type { LandscapePosition } from '../../state';

/** Keyboard steps: a 24th of each axis per arrow key, a sixth with Shift. */
const STEPS_PER_AXIS = 24;
const LARGE_STEP = 4;

/** A place chosen on the map, rounded to 3 significant digits so it reads cleanly. */
function rounded(place: LandscapePosition): LandscapePosition {
  return {
    lengthscale: Number(place.lengthscale.toPrecision(3)),
    noiseRatio: Number(place.noiseRatio.toPrecision(3)),
  };
}

export interface LandscapeCursor {
  /** Where the crosshair is (pointer or keyboard), or null when it is hidden. */
  place: LandscapePosition | null;
  /** True when the keyboard moved it last (its readout is then announced). */
  fromKeyboard: boolean;
  surface: {
    onPointerMove(event: PointerEvent<SVGRectElement>): void;
    onPointerDown(event: PointerEvent<SVGRectElement>): void;
    onPointerLeave(): void;
    onClick(event: MouseEvent<SVGRectElement>): void;
  };
  figure: {
    onKeyDown(event: KeyboardEvent<HTMLElement>): void;
    onFocus(event: FocusEvent<HTMLElement>): void;
    onBlur(): void;
  };
}

/**
 * The landscape's crosshair: it follows the mouse or finger; a click or tap sets θ there by hand;
 * with the keyboard, arrow keys move it (Shift: further), Enter or Space set θ there, Home brings
 * it back to θ̂, and Escape returns the plot to θ̂.
 */
export function useLandscapeCursor({
  x,
  y,
  home,
  setTheta,
}: {
  x: ScaleLogarithmic<number, number>;
  y: ScaleLogarithmic<number, number>;
  /** Where the keyboard's crosshair starts: the θ set by hand, else θ̂. */
  home: LandscapePosition | null;
  setTheta(place: LandscapePosition | null): void;
}): LandscapeCursor {
  const [place, setPlace] = useState<LandscapePosition | null>(null);
  const [fromKeyboard, setFromKeyboard] = useState(false);

  const at = (event: { currentTarget: SVGRectElement; clientX: number; clientY: number }) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      lengthscale: x.invert(event.clientX - box.left),
      noiseRatio: y.invert(event.clientY - box.top),
    };
  };
  const follow = (event: { currentTarget: SVGRectElement; clientX: number; clientY: number }) => {
    setPlace(at(event));
    setFromKeyboard(false);
  };

  const move = (event: KeyboardEvent<HTMLElement>, columns: number, rows: number) => {
    const start = place ?? home;
    if (!start) return;
    const step = event.shiftKey ? LARGE_STEP : 1;
    const [x0, x1] = x.domain() as [number, number];
    const [y0, y1] = y.domain() as [number, number];
    const stepX = Math.log(x1 / x0) / STEPS_PER_AXIS;
    const stepY = Math.log(y1 / y0) / STEPS_PER_AXIS;
    const clamp = (value: number, [low, high]: [number, number]) =>
      Math.min(Math.max(value, Math.min(low, high)), Math.max(low, high));
    setPlace({
      lengthscale: clamp(start.lengthscale * Math.exp(columns * step * stepX), [x0, x1]),
      noiseRatio: clamp(start.noiseRatio * Math.exp(rows * step * stepY), [y0, y1]),
    });
    setFromKeyboard(true);
  };

  return {
    place,
    fromKeyboard,
    surface: {
      onPointerMove: follow,
      onPointerDown: follow,
      onPointerLeave: () => {
        if (!fromKeyboard) setPlace(null);
      },
      onClick: (event) => setTheta(rounded(at(event))),
    },
    figure: {
      onKeyDown(event) {
        const arrows: Record<string, [number, number]> = {
          ArrowLeft: [-1, 0],
          ArrowRight: [1, 0],
          ArrowUp: [0, 1],
          ArrowDown: [0, -1],
        };
        const arrow = arrows[event.key];
        if (arrow) move(event, arrow[0], arrow[1]);
        else if ((event.key === 'Enter' || event.key === ' ') && place) setTheta(rounded(place));
        else if (event.key === 'Home') {
          setPlace(home);
          setFromKeyboard(true);
        } else if (event.key === 'Escape') {
          setTheta(null);
          setPlace(null);
        } else return;
        event.preventDefault();
      },
      onFocus(event) {
        // A click focuses the map too; only a keyboard arrival brings the crosshair to θ̂.
        if (!event.currentTarget.matches(':focus-visible')) return;
        if (!place && home) {
          setPlace(home);
          setFromKeyboard(true);
        }
      },
      onBlur() {
        setPlace(null);
        setFromKeyboard(false);
      },
    },
  };
}
