import { useEffect, useRef, useState } from 'react';

/**
 * `value` as it is when `active` is false; while it is true, a copy refreshed at most once every
 * `intervalMs` (the newest value, after the interval), so that costly drawing does not run on
 * every change. The copy catches up at once when `active` turns false.
 */
export function useThrottledValue<T>(value: T, intervalMs: number, active: boolean): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(0);
  // Outside a throttled stretch the copy follows the value (React's pattern for state derived
  // from props), so the next stretch starts from the latest value, not an old one.
  if (!active && shown !== value) setShown(value);
  useEffect(() => {
    if (!active) return;
    const wait = shownAt.current + intervalMs - performance.now();
    const timer = setTimeout(
      () => {
        shownAt.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, intervalMs, active]);
  return active ? shown : value;
}
