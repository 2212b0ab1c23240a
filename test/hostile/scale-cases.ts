/**
 * Data at the edges of float64: every scale must give the fit of the unscaled data scaled (θ
 * equivariant: ℓ with x, σ with y) or a typed GpInputError — never an internal failure. These
 * depend on the engine's standardisation handling scales near the limits of float64.
 */
export interface ScaleCase {
  name: string;
  xScale: number;
  yScale: number;
}

export const EXTREME_SCALE_CASES: ScaleCase[] = [
  { name: 'x × 1e300', xScale: 1e300, yScale: 1 },
  { name: 'x × 1e-300', xScale: 1e-300, yScale: 1 },
  { name: 'y × 1e300', xScale: 1, yScale: 1e300 },
  { name: 'y × 1e-300', xScale: 1, yScale: 1e-300 },
  { name: 'x and y × 1e300', xScale: 1e300, yScale: 1e300 },
  { name: 'x and y × 1e-300', xScale: 1e-300, yScale: 1e-300 },
  { name: 'x × 1e150, y × 1e-150', xScale: 1e150, yScale: 1e-150 },
  { name: 'x denormal (× 1e-310)', xScale: 1e-310, yScale: 1 },
  { name: 'y denormal (× 1e-310)', xScale: 1, yScale: 1e-310 },
  { name: 'x near the top of float64 (× 1e307)', xScale: 1e307, yScale: 1 },
];

/** Twelve points of a noisy sine: a trusted fit at unit scale. */
export const SCALE_BASE = (() => {
  const x = Array.from({ length: 12 }, (_, i) => i * 0.8);
  const noise = (i: number) => ((Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1) - 0.5) * 0.3;
  return { x, y: x.map((value, i) => Math.sin(value) + noise(i)) };
})();
