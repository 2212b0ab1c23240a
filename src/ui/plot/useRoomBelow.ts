import { useEffect, useState } from 'react';

/**
 * The height of the viewport below an element's top, less `reserve` pixels (what must fit under
 * it, e.g. the plot's footer): how tall it can be and still end on the first screen. Measured at
 * mount, on resize and whenever the page's height changes (something above it grew), never
 * while `frozen` (a drag must not resize the plot under the pointer); it catches up when thawed.
 */
export function useRoomBelow(
  element: HTMLElement | null,
  reserve: number,
  frozen: boolean,
): number {
  const [room, setRoom] = useState(Infinity);
  useEffect(() => {
    if (!element || frozen) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      setRoom(Math.floor(window.innerHeight - top - reserve));
    };
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [element, reserve, frozen]);
  return room;
}
