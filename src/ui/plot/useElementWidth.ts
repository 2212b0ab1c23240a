import { useCallback, useState } from 'react';

/**
 * Width of an element, measured by a ResizeObserver (never on the drag path). Returns a callback
 * ref to attach (it returns the observer's cleanup) and the latest width (0 until measured).
 */
export function useElementWidth(): [
  (element: HTMLElement | null) => (() => void) | undefined,
  number,
] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
