import { useEffect, useRef, useState } from 'react';

/** How long the key stays marked after its scale changed. */
export const CHANGE_FLASH_MS = 2400;

/**
 * True for CHANGE_FLASH_MS after `value` changes from one defined value to another (not when it
 * first arrives or goes away): the plot's key marks a new arrow scale, so a reader comparing an
 * arrow before and after an edit sees that its unit changed, not only the arrow.
 */
export function useChangeFlash(value: number | undefined): boolean {
  const previous = useRef(value);
  const [flashing, setFlashing] = useState(false);
  useEffect(() => {
    const from = previous.current;
    previous.current = value;
    if (from === undefined || value === undefined || from === value) return;
    setFlashing(true);
    const timer = setTimeout(() => setFlashing(false), CHANGE_FLASH_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return flashing;
}
