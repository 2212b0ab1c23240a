/**
 * A small seeded pseudo-random source for the float32 sampling kernels, so that a given seed
 * draws the same posterior sample paths on every backend.
 *
 * Uniforms come from the engine's mulberry32 (32-bit state, period 2³²), normals from the Box–Muller
 * transform, Student-t variates as z / √(χ²_ν / ν) with χ²_ν a sum of ν squared normals.
 */
import { mulberry32 } from '../engine/random';

export interface SeededRandom {
  /** Uniform on (0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Student-t with an integer number of degrees of freedom. */
  studentT(degreesOfFreedom: number): number;
}

export function createSeededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  let spareNormal: number | null = null;

  // Shifted by half a step so that 0 is never returned (log(0) in Box–Muller).
  const uniform = (): number => (next() + 0.5) / 4294967296;

  const normal = (): number => {
    if (spareNormal !== null) {
      const value = spareNormal;
      spareNormal = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  const studentT = (degreesOfFreedom: number): number => {
    let chiSquare = 0;
    for (let k = 0; k < degreesOfFreedom; k++) chiSquare += normal() ** 2;
    return normal() / Math.sqrt(chiSquare / degreesOfFreedom);
  };

  return { uniform, normal, studentT };
}
