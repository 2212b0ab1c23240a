/**
 * The hostile-input corpus against the library (library-cases.ts): every bad input is a
 * GpInputError with its code and a message of bounded length that names the problem; nothing
 * else escapes, and no prototype is touched. Also the worker's check of a request.
 */
import { describe, expect, it } from 'vitest';
import { GP_INPUT_ERROR_CODES, GpInputError } from '../../src/engine';
import { runAnalysis } from '../../src/worker/thread/analysis';
import { createEnginePosteriorPath } from '../../src/worker/thread/enginePosteriorPath';
import { WarmStarts } from '../../src/worker/thread/warmStarts';
import { MESSAGE_LIMIT } from './corpus';
import { LIBRARY_CASES } from './library-cases';
import { expectPrototypesUntouched, prototypeSnapshot } from './prototypes';

describe('hostile inputs to the library', () => {
  it.each(LIBRARY_CASES.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const before = prototypeSnapshot();
    let outcome: unknown;
    try {
      outcome = await testCase.run();
    } catch (error) {
      outcome = error;
    }
    if (testCase.code === null) {
      expect(outcome).not.toBeInstanceOf(Error);
    } else {
      expect(outcome, String(outcome)).toBeInstanceOf(GpInputError);
      const error = outcome as GpInputError;
      expect(error.code).toBe(testCase.code);
      expect(GP_INPUT_ERROR_CODES).toContain(error.code);
      expect(error.message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(error.message).not.toMatch(/[\n\r\u2028\u2029]/);
      if (testCase.mentions) expect(error.message).toMatch(testCase.mentions);
    }
    expectPrototypesUntouched(before);
  });

  it('covers every error code but the data-text ones (the command line’s reader has those)', () => {
    const reader = [
      'malformed-data',
      'nesting-too-deep',
      'unsupported-encoding',
      'input-too-large',
    ];
    const covered = new Set(LIBRARY_CASES.map((c) => c.code));
    for (const code of GP_INPUT_ERROR_CODES) {
      if (!reader.includes(code)) expect(covered, code).toContain(code);
    }
  });
});

describe('hostile requests to the compute worker', () => {
  const run = (overrides: Record<string, unknown>) =>
    runAnalysis(
      {
        seq: 1,
        x: Float64Array.of(0, 1, 2, 3),
        y: Float64Array.of(0.3, -0.2, 0.5, 0.1),
        kernel: 'rbf',
        grid: { min: 0, max: 3, count: 10 },
        landscape: null,
        samples: 0,
        finiteDifferenceIndex: null,
        ...overrides,
      } as never,
      createEnginePosteriorPath(),
      new WarmStarts(),
    );

  it.each([
    [
      'the kernel __proto__',
      { kernel: '__proto__' },
      'invalid-request',
      /unknown kernel "__proto__"/,
    ],
    ['a 100 kB kernel', { kernel: 'k'.repeat(100_000) }, 'invalid-request', /100,000 characters/],
    [
      'a grid of a billion points',
      { grid: { min: 0, max: 1, count: 1e9 } },
      'invalid-request',
      /count/,
    ],
    [
      'a finite-difference index of 1.5',
      { finiteDifferenceIndex: 1.5 },
      'invalid-request',
      /index/,
    ],
    ['x as a BigInt64Array', { x: new BigInt64Array(4) }, 'not-a-number', /BigInt64Array/],
    ['every x equal', { x: Float64Array.of(1, 1, 1, 1) }, 'all-x-equal', /all x values equal 1/],
  ] as const)('%s is answered with a failure naming it', async (_, overrides, code, message) => {
    const result = await run(overrides);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
    expect(result.message.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });
});
