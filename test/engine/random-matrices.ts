/** Seeded test matrices (a Lehmer generator, so every run sees the same ones). */

/** An n×n row-major matrix of entries uniform on [−½, ½). */
export function seededMatrix(n: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length: n * n }, () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  });
}

/** B Bᵀ + n I for a seeded B: symmetric positive definite. */
export function randomSymmetricPositiveDefinite(n: number, seed: number): Float64Array {
  const factor = seededMatrix(n, seed);
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sum = i === j ? n : 0;
      for (let k = 0; k < n; k++) sum += factor[i * n + k]! * factor[j * n + k]!;
      matrix[i * n + j] = sum;
    }
  return matrix;
}
