/** The hostile-input corpus against the library (corpus.ts): containers, options, fits. */
import {
  fitHyperparameters,
  validateDataset,
  type FitResult,
  type GpInputErrorCode,
} from '../../src/engine';
import { sparse, type HostileClass } from './corpus';

/** A library call and the GpInputError code it must throw (or null: it must succeed). */
export interface LibraryCase {
  name: string;
  class: HostileClass;
  run: () => unknown;
  code: GpInputErrorCode | null;
  /** A fragment the message must contain (the position, the quoted value). */
  mentions?: RegExp;
}

const sine = (n: number) => ({
  x: Array.from({ length: n }, (_, i) => i * 0.7),
  y: Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + 0.1 * Math.cos(7 * i)),
});

const circular = (): unknown[] => {
  const array: unknown[] = [1, 2];
  array.push(array);
  return array;
};

const throwingElement = () =>
  new Proxy([1, 2, 3], {
    get(target, key, receiver) {
      if (key === '1') throw new Error('hostile getter');
      return Reflect.get(target, key, receiver) as unknown;
    },
  });

const throwingLength = () =>
  new Proxy([1, 2, 3], {
    get(target, key, receiver) {
      if (key === 'length') throw new Error('hostile length');
      return Reflect.get(target, key, receiver) as unknown;
    },
  });

let fitCache: { data: ReturnType<typeof validateDataset>; fit: FitResult } | null = null;
/** A fitted six-point sine, made once. */
export function sixPointFit() {
  if (!fitCache) {
    const { x, y } = sine(6);
    const data = validateDataset(x, y);
    fitCache = { data, fit: fitHyperparameters(data) };
  }
  return fitCache;
}

const threePoints = () => validateDataset([0, 1, 2], [0.3, -0.2, 0.5]);

export const LIBRARY_CASES: LibraryCase[] = [
  // validateDataset: containers, checked before anything is copied or converted to text.
  {
    name: 'a BigInt64Array',
    class: 'untyped-failure',
    run: () => validateDataset(new BigInt64Array(3), [1, 2, 3]),
    code: 'not-a-number',
    mentions: /BigInt64Array/,
  },
  {
    name: 'a BigUint64Array for y',
    class: 'untyped-failure',
    run: () => validateDataset([1, 2, 3], new BigUint64Array(3)),
    code: 'not-a-number',
  },
  {
    name: 'a circular array',
    class: 'untyped-failure',
    run: () => validateDataset(circular(), [1, 2, 3]),
    code: 'not-a-number',
    mentions: /x\[2\] is not a number: an array of 3 items/,
  },
  {
    name: 'a sparse array of 2³²−1 entries',
    class: 'unbounded-work',
    run: () => validateDataset(sparse(2 ** 32 - 1), [1, 2, 3]),
    code: 'too-many-points',
    mentions: /4,294,967,295/,
  },
  {
    name: 'an array with a hole',
    class: 'untyped-failure',
    run: () => validateDataset(sparse(3), [1, 2, 3]),
    code: 'not-a-number',
    mentions: /x\[0\] is missing/,
  },
  {
    name: 'a string for x',
    class: 'untyped-failure',
    run: () => validateDataset('0,1,2', [1, 2, 3]),
    code: 'not-an-array',
  },
  {
    name: 'an array-like object',
    class: 'untyped-failure',
    run: () => validateDataset({ length: 3, 0: 1, 1: 2, 2: 3 }, [1, 2, 3]),
    code: 'not-an-array',
  },
  {
    name: 'a DataView',
    class: 'untyped-failure',
    run: () => validateDataset(new DataView(new ArrayBuffer(24)), [1, 2, 3]),
    code: 'not-an-array',
  },
  {
    name: 'a getter that throws',
    class: 'untyped-failure',
    run: () => validateDataset(throwingElement(), [1, 2, 3]),
    code: 'not-a-number',
    mentions: /x\[1\] could not be read/,
  },
  {
    name: 'a length that throws',
    class: 'untyped-failure',
    run: () => validateDataset(throwingLength(), [1, 2, 3]),
    code: 'not-an-array',
  },
  {
    name: 'a 2 MB string value',
    class: 'unbounded-echo',
    run: () => validateDataset([0, 'a'.repeat(2_000_000), 2], [1, 2, 3]),
    code: 'not-a-number',
    mentions: /x\[1\] is not a number: "a{80}…" \(2,000,000 characters\)/,
  },
  {
    name: 'a string with line breaks and a bidirectional override',
    class: 'injection',
    run: () => validateDataset([0, '1\n\u202eevil', 2], [1, 2, 3]),
    code: 'not-a-number',
    mentions: /"1\\u000a\\u202eevil"/,
  },
  {
    name: 'a bigint of a thousand digits',
    class: 'unbounded-echo',
    run: () => validateDataset([0, 10n ** 1000n, 2], [1, 2, 3]),
    code: 'not-a-number',
    mentions: /a bigint of 1001 digits/,
  },
  {
    name: 'NaN',
    class: 'untyped-failure',
    run: () => validateDataset([0, 1, 2], [1, Number.NaN, 3]),
    code: 'non-finite',
    mentions: /y\[1\] is NaN/,
  },
  {
    name: '−Infinity',
    class: 'untyped-failure',
    run: () => validateDataset([0, -Infinity, 2], [1, 2, 3]),
    code: 'non-finite',
  },
  {
    name: 'x and y of different lengths',
    class: 'silent-wrong-answer',
    run: () => validateDataset([0, 1, 2], [1, 2]),
    code: 'length-mismatch',
  },
  {
    name: 'no points',
    class: 'untyped-failure',
    run: () => validateDataset([], []),
    code: 'too-few-points',
  },
  {
    name: 'one point more than the limit',
    class: 'unbounded-work',
    run: () => validateDataset(new Float64Array(2001), new Float64Array(2001)),
    code: 'too-many-points',
  },
  {
    name: 'every x equal',
    class: 'silent-wrong-answer',
    run: () => validateDataset([3, 3, 3], [1, 2, 3]),
    code: 'all-x-equal',
  },
  {
    name: 'every y zero',
    class: 'silent-wrong-answer',
    run: () => validateDataset([0, 1, 2], [0, -0, 0]),
    code: 'zero-y',
  },
  {
    name: 'x denormal',
    class: 'untyped-failure',
    run: () => validateDataset([0, 1e-310, 2e-310], [1, 2, 3]),
    code: 'scale-out-of-range',
    mentions: /standard deviation of x/,
  },
  {
    name: 'y near overflow',
    class: 'untyped-failure',
    run: () => validateDataset([0, 1, 2], [1e306, -1e306, 1e306]),
    code: 'scale-out-of-range',
    mentions: /root-mean-square of y/,
  },
  // fitHyperparameters: options checked at the top.
  ...['foo', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'RBF', ''].map(
    (kernel): LibraryCase => ({
      name: `the kernel ${JSON.stringify(kernel)}`,
      class: 'untyped-failure',
      run: () => fitHyperparameters(threePoints(), { kernel: kernel as never }),
      code: 'unknown-kernel',
      mentions: /unknown kernel/,
    }),
  ),
  {
    name: 'a 100 kB kernel name',
    class: 'unbounded-echo',
    run: () => fitHyperparameters(threePoints(), { kernel: 'k'.repeat(100_000) as never }),
    code: 'unknown-kernel',
    mentions: /\(100,000 characters\)/,
  },
  {
    name: 'a kernel that is not text',
    class: 'untyped-failure',
    run: () => fitHyperparameters(threePoints(), { kernel: { name: 'rbf' } as never }),
    code: 'unknown-kernel',
  },
  {
    name: 'options that are not an object',
    class: 'untyped-failure',
    run: () => fitHyperparameters(threePoints(), 'rbf' as never),
    code: 'invalid-argument',
  },
  {
    name: 'a warm start of NaN',
    class: 'silent-wrong-answer',
    run: () => fitHyperparameters(threePoints(), { warmStart: { logTheta: [Number.NaN, 0, 0] } }),
    code: 'invalid-argument',
    mentions: /warmStart\.logTheta/,
  },
  {
    name: 'a warm-start Hessian of the wrong shape',
    class: 'untyped-failure',
    run: () =>
      fitHyperparameters(threePoints(), {
        warmStart: { logTheta: [0, 0, -1], hessianLogTheta: [[1, 2]] as never },
      }),
    code: 'invalid-argument',
  },
  {
    name: 'data not from validateDataset',
    class: 'untyped-failure',
    run: () => fitHyperparameters({ x: [0, 1, 2], y: [1, 2, 3] } as never),
    code: 'invalid-argument',
  },
  {
    name: 'a dataset mutated to NaN after validation',
    class: 'silent-wrong-answer',
    run: () => {
      const data = threePoints();
      data.y[1] = Number.NaN;
      return fitHyperparameters(data);
    },
    code: 'non-finite',
  },
  {
    name: 'options that carry __proto__ (from JSON)',
    class: 'injection',
    run: () =>
      fitHyperparameters(
        threePoints(),
        JSON.parse('{"__proto__": {"kernel": "foo", "polluted": true}, "kernel": "rbf"}'),
      ),
    code: null,
  },
  // computeSensitivities and the checks that use a fit.
  {
    name: 'the fit of six points with the data of three',
    class: 'silent-wrong-answer',
    run: async () => {
      const { computeSensitivities } = await import('../../src/engine');
      return computeSensitivities(threePoints(), sixPointFit().fit);
    },
    code: 'dataset-mismatch',
    mentions: /the fit is for 6 points but the data has 3/,
  },
  {
    name: 'the fit of other data with as many points',
    class: 'silent-wrong-answer',
    run: async () => {
      const { computeSensitivities } = await import('../../src/engine');
      const { data, fit } = sixPointFit();
      const other = validateDataset(
        Array.from(data.x),
        Array.from(data.y, (v) => v + 0.1),
      );
      return computeSensitivities(other, fit);
    },
    code: 'dataset-mismatch',
    mentions: /point 0 differs/,
  },
  {
    name: 'a fit that is not one',
    class: 'untyped-failure',
    run: async () => {
      const { computeSensitivities } = await import('../../src/engine');
      return computeSensitivities(threePoints(), {} as never);
    },
    code: 'invalid-argument',
  },
  {
    name: 'a fit read back from JSON, with its own data',
    class: 'silent-wrong-answer',
    run: async () => {
      const { computeSensitivities } = await import('../../src/engine');
      const { data, fit } = sixPointFit();
      return computeSensitivities(data, JSON.parse(JSON.stringify(fit)) as FitResult);
    },
    code: null,
  },
  {
    name: 'a finite-difference check of point 1.5',
    class: 'untyped-failure',
    run: async () => {
      const { finiteDifferenceCheck } = await import('../../src/engine');
      const { data, fit } = sixPointFit();
      return finiteDifferenceCheck(data, fit, 1.5);
    },
    code: 'invalid-argument',
  },
  {
    name: 'a posterior at a negative lengthscale',
    class: 'silent-wrong-answer',
    run: async () => {
      const { posterior } = await import('../../src/engine');
      const theta = { lengthscale: -1, signalStd: 1, noiseStd: 0.1 };
      return posterior(threePoints(), theta, 'rbf', Float64Array.of(0.5));
    },
    code: 'invalid-argument',
  },
  {
    name: 'a posterior at a non-finite query',
    class: 'silent-wrong-answer',
    run: async () => {
      const { posterior } = await import('../../src/engine');
      const theta = { lengthscale: 1, signalStd: 1, noiseStd: 0.1 };
      return posterior(threePoints(), theta, 'rbf', Float64Array.of(Number.NaN));
    },
    code: 'invalid-argument',
  },
  {
    name: 'posterior samples of a billion paths',
    class: 'unbounded-work',
    run: async () => {
      const { posteriorSamples } = await import('../../src/engine');
      const theta = { lengthscale: 1, signalStd: 1, noiseStd: 0.1 };
      return posteriorSamples(threePoints(), theta, 'rbf', Float64Array.of(0.5), 1e9, 1);
    },
    code: 'invalid-argument',
  },
  {
    name: 'a landscape with a zero lengthscale and an unknown kernel',
    class: 'untyped-failure',
    run: async () => {
      const { likelihoodLandscape } = await import('../../src/engine');
      return likelihoodLandscape(threePoints(), 'rbf', {
        lengthscales: Float64Array.of(0, 1),
        noiseRatios: Float64Array.of(0.1),
      });
    },
    code: 'invalid-argument',
  },
];
