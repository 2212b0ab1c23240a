/** Seedable pseudo-random numbers, so samples, presets and tests are reproducible. */

/**
 * Unsigned 32-bit draws from mulberry32 (Tommy Ettinger, 2017): a tiny, well-mixed generator with
 * a 32-bit state and period 2³². The seed is taken modulo 2³² after truncation.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform draws on [0, 1): mulberry32's integers divided by 2³². */
export function uniformGenerator(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** Standard normal draws by the Box–Muller transform. */
export function normalGenerator(seed: number): () => number {
  const uniform = uniformGenerator(seed);
  return () => {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    return radius * Math.cos(2 * Math.PI * uniform());
  };
}
