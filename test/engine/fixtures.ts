/** The float64 reference cases of the shared fixtures (an independent numpy/scipy implementation). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KernelName } from '../../src/engine';

export interface ReferenceCase {
  kernel: KernelName;
  x: number[];
  y: number[];
  theta: { lengthscale: number; signalStd: number; noiseStd: number };
  lml: number;
  gradLogTheta: number[];
  hessianLogTheta: number[][];
  hessianEigLog: number[];
  dLogTheta_dy: number[][];
  dLogTheta_dx: number[][];
  dTheta_dy: number[][];
  dTheta_dx: number[][];
  fdCheck: { i: number; fd: number[]; ift: number[] }[];
}

const path = fileURLToPath(new URL('../../../shared/fixtures/gp-reference.json', import.meta.url));

export const referenceCases: Record<string, ReferenceCase> = (
  JSON.parse(readFileSync(path, 'utf8')) as { cases: Record<string, ReferenceCase> }
).cases;

/** max |got − want| over a matrix, divided by the largest |want|. */
export function errorRelativeToLargest(got: ArrayLike<number>[], want: number[][]): number {
  let largest = 0;
  let worst = 0;
  want.forEach((row, i) =>
    row.forEach((value, k) => {
      largest = Math.max(largest, Math.abs(value));
      worst = Math.max(worst, Math.abs(got[i]![k]! - value));
    }),
  );
  return worst / largest;
}

export function relativeError(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}
