import type { ReactNode } from 'react';

/** σf, σn (the plain symbols of format.ts) in running text. */
const PLAIN_SYMBOL = /σ([fn])/g;

/**
 * SVG text with σf and σn written as in the rest of the page, their letter lowered and smaller,
 * for the `<text>` and `<tspan>` that cannot hold HTML's `<sub>`.
 */
export function subscripted(text: string): ReactNode {
  const parts = text.split(PLAIN_SYMBOL);
  if (parts.length === 1) return text;
  // split with a capture group alternates text and the captured subscript letter.
  return parts.map((part, k) =>
    k % 2 === 0 ? (
      `${part}${k + 1 < parts.length ? 'σ' : ''}`
    ) : (
      <tspan key={k} className="sub" baselineShift="sub">
        {part}
      </tspan>
    ),
  );
}
