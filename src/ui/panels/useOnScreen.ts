import { useEffect, useState } from 'react';

/**
 * Whether any part of `element` is within the viewport (IntersectionObserver; true where that is
 * not available, and until the first observation). `hiddenBelow` (px) counts the strip that high
 * at the viewport's bottom edge as off screen, so an element that peeks in by a heading only is
 * not on screen yet.
 */
export function useOnScreen(element: Element | null, hiddenBelow = 0): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry) setOnScreen(entry.isIntersecting);
      },
      { rootMargin: `0px 0px ${-hiddenBelow}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, hiddenBelow]);
  return onScreen;
}
