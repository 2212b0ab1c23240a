/**
 * A comparison of a `fit` report with a reference case (test/fixtures/reference.ts) at the
 * tolerances of test/fixtures/README.md: θ and lml 1e-8 relative; sensitivity matrices 1e-6
 * relative to the matrix's largest entry, 1e-5 for the x-derivatives, whose references are
 * difference quotients (dTheta_dx is θ times dLogTheta_dx, so the same holds).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { referenceCases, type ReferenceCase } from '../fixtures/reference';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type Matrix = number[][];

/** The reference cases (test/fixtures/reference.ts). */
export function loadReferenceCases(): Record<string, ReferenceCase> {
  return referenceCases;
}

const MATRIX_TOLERANCE = {
  dLogTheta_dy: 1e-6,
  dTheta_dy: 1e-6,
  dLogTheta_dx: 1e-5,
  dTheta_dx: 1e-5,
} as const;

function expectRelative(actual: number, expected: number, tolerance: number, what: string) {
  expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/** Largest |actual − expected| over the matrix, divided by the largest |expected| entry. */
export function matrixError(actual: Matrix, expected: Matrix): number {
  let largest = 0;
  let error = 0;
  expected.forEach((row, i) => {
    expect(actual[i]).toHaveLength(row.length);
    row.forEach((value, k) => {
      largest = Math.max(largest, Math.abs(value));
      error = Math.max(error, Math.abs(actual[i]![k]! - value));
    });
  });
  return error / largest;
}

/** The parts of a `fit` report that are compared with a reference case. */
export interface ComparableReport {
  kernel: string;
  x: number[];
  y: number[];
  theta: { lengthscale: number; signalStd: number; noiseStd: number };
  lml: number;
  dLogTheta_dy: Matrix | null;
  dLogTheta_dx: Matrix | null;
  dTheta_dy: Matrix | null;
  dTheta_dx: Matrix | null;
}

export function expectReportMatchesReference(report: ComparableReport, reference: ReferenceCase) {
  expect(report.kernel).toBe(reference.kernel);
  expect(report.x).toEqual(reference.x);
  expect(report.y).toEqual(reference.y);
  for (const name of ['lengthscale', 'signalStd', 'noiseStd'] as const) {
    expectRelative(report.theta[name], reference.theta[name], 1e-8, `theta.${name}`);
  }
  expectRelative(report.lml, reference.lml, 1e-8, 'lml');
  for (const [name, tolerance] of Object.entries(MATRIX_TOLERANCE)) {
    const key = name as keyof typeof MATRIX_TOLERANCE;
    const actual = report[key];
    expect(actual, name).not.toBeNull();
    expect(matrixError(actual!, reference[key]), name).toBeLessThanOrEqual(tolerance);
  }
}
