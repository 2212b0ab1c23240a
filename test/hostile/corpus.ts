/**
 * The hostile-input corpus: what an attacker or a clumsy user can hand every entry of the product
 * (library, command line, the explorer's URL, the widget's options as URL parameters, element
 * attributes or JavaScript values, postMessage), one row per case, each with the class of failure
 * it guards against and the answer it must get. The runners are beside this file (unit level) and
 * in test/e2e/hostile.e2e.test.ts (the browser). docs/threat-model.md explains the classes.
 */
import {
  fitHyperparameters,
  validateDataset,
  type FitResult,
  type GpInputErrorCode,
} from '../../src/engine';

/** The failure each case guards against (docs/threat-model.md). */
export type HostileClass =
  /** A bad input ending in an untyped error (TypeError, RangeError, an internal failure). */
  | 'untyped-failure'
  /** A bad value echoed whole into a message, a notice or stderr. */
  | 'unbounded-echo'
  /** Work (decoding, parsing, copying) proportional to a hostile size before the limit. */
  | 'unbounded-work'
  /** A wrong answer given silently. */
  | 'silent-wrong-answer'
  /** Markup or script carried by an input into the page, or a prototype polluted. */
  | 'injection'
  /** Text that is not UTF-8 read as garbage. */
  | 'encoding';

/** The longest message any entry may produce, in characters. */
export const MESSAGE_LIMIT = 400;

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

const sparse = (length: number): unknown[] => {
  const array: unknown[] = [];
  array.length = length;
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

/** Text a command-line user may feed `fit` (as a file, or on standard input). */
export interface CliCase {
  name: string;
  class: HostileClass;
  /** The file's bytes (or text, as UTF-8), and its name. */
  file: { name: string; content: string | Uint8Array | (() => Iterable<Uint8Array>) };
  /** Extra arguments after the file. */
  args?: string[];
  /** 2 and a single bounded line matching `message`, or 0 (a fit). */
  exit: 0 | 2;
  message?: RegExp;
}

const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const [high, low] = [code >> 8, code & 0xff];
    bytes.set(endian === 'le' ? [low, high] : [high, low], 2 + 2 * i);
  }
  return bytes;
};

const TABLE = 'x,y\n0,0.3\n1,-0.2\n2,0.5\n3,0.1\n';

/** A CSV of about `megabytes` MB, made lazily in 64 kB chunks (counted by `read`). */
export function lazyCsv(megabytes: number, read: { bytes: number }): () => Iterable<Uint8Array> {
  return function* chunks() {
    const encoder = new TextEncoder();
    let line = 0;
    const total = megabytes * 1_000_000;
    let produced = 0;
    while (produced < total) {
      let text = '';
      while (text.length < 65_536) {
        text += `${(line * 0.001).toFixed(6)},${Math.sin(line).toFixed(12)}\n`;
        line += 1;
      }
      const bytes = encoder.encode(text);
      produced += bytes.length;
      read.bytes += bytes.length;
      yield bytes;
    }
  };
}

export const CLI_CASES: CliCase[] = [
  {
    name: 'JSON nested 100,000 deep',
    class: 'untyped-failure',
    file: { name: 'deep.json', content: `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
    exit: 2,
    message: /nested deeper than 32 levels/,
  },
  {
    name: 'JSON nested 5,000 deep, and broken',
    class: 'untyped-failure',
    file: { name: 'deep.json', content: `{"x":${'['.repeat(5000)}` },
    exit: 2,
    message: /nested deeper than 32 levels/,
  },
  {
    name: 'a 2 MB string value',
    class: 'unbounded-echo',
    file: { name: 'long.json', content: `{"x":[0,"${'a'.repeat(2_000_000)}",2],"y":[1,2,3]}` },
    exit: 2,
    message: /x\[1\] is not a number: "a{80}…" \(2,000,000 characters\)$/,
  },
  {
    name: 'a table field of terminal escapes',
    class: 'injection',
    file: { name: 'ansi.csv', content: '0,1\n1,\u001b[2J\u001b[31mred\n' },
    exit: 2,
    message: /line 2: "\\u001b\[2J\\u001b\[31mred" is not a number/,
  },
  {
    name: 'markup in a table field',
    class: 'injection',
    file: { name: 'markup.csv', content: '0,1\n1,<script>alert(1)</script>\n' },
    exit: 2,
    message: /line 2: "<script>alert\(1\)<\/script>" is not a number/,
  },
  {
    name: '{"__proto__": {…}} instead of x and y',
    class: 'injection',
    file: { name: 'proto.json', content: '{"__proto__": {"x": [0, 1, 2], "y": [1, 2, 3]}}' },
    exit: 2,
    message: /missing "x"/,
  },
  {
    name: 'a number beyond float64',
    class: 'untyped-failure',
    file: { name: 'huge.json', content: '{"x": [0, 1, 1e999], "y": [1, 2, 3]}' },
    exit: 2,
    message: /x\[2\] is Infinity/,
  },
  {
    name: 'a single line of 50 MB',
    class: 'unbounded-work',
    file: { name: 'line.csv', content: `1,${'9'.repeat(50_000_000)}` },
    exit: 2,
    message: /line 1 is longer than 4,096 characters/,
  },
  {
    name: 'JSON over 8 Mi characters',
    class: 'unbounded-work',
    file: { name: 'big.json', content: `{"x":[0,1],"y":[1,2],"pad":"${' '.repeat(9_000_000)}"}` },
    exit: 2,
    message: /more than 8,388,608 characters of JSON/,
  },
  {
    name: 'UTF-8 with a byte-order mark',
    class: 'encoding',
    file: { name: 'bom.csv', content: `\ufeff${TABLE}` },
    exit: 0,
  },
  {
    name: 'UTF-16 little-endian with a byte-order mark',
    class: 'encoding',
    file: { name: 'le.csv', content: utf16(TABLE, 'le') },
    exit: 0,
  },
  {
    name: 'UTF-16 big-endian with a byte-order mark',
    class: 'encoding',
    file: { name: 'be.csv', content: utf16(TABLE, 'be') },
    exit: 0,
  },
  {
    name: 'UTF-16 without a byte-order mark',
    class: 'encoding',
    file: { name: 'nobom.csv', content: utf16(TABLE, 'le').subarray(2) },
    exit: 2,
    message: /holds NUL bytes: it is UTF-16 without a byte-order mark/,
  },
  {
    name: 'UTF-32',
    class: 'encoding',
    file: { name: 'utf32.csv', content: Uint8Array.of(0xff, 0xfe, 0, 0, 0x30, 0, 0, 0) },
    exit: 2,
    message: /is UTF-32/,
  },
  {
    name: 'Latin-1',
    class: 'encoding',
    file: {
      name: 'latin1.csv',
      content: Uint8Array.from('temp\u00e9rature,y\n0,1\n1,2\n', (c) => c.charCodeAt(0)),
    },
    exit: 2,
    message: /is not valid UTF-8 text/,
  },
  {
    name: 'a binary file',
    class: 'encoding',
    file: {
      name: 'image.png',
      content: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
    },
    exit: 2,
    message: /holds NUL bytes/,
  },
  {
    name: 'a 100 kB kernel name',
    class: 'unbounded-echo',
    file: { name: 'ok.csv', content: TABLE },
    args: ['--kernel', 'k'.repeat(100_000)],
    exit: 2,
    message: /unknown kernel "k{80}…" \(100,000 characters\)/,
  },
  {
    name: 'the kernel __proto__',
    class: 'injection',
    file: { name: 'ok.csv', content: TABLE },
    args: ['--kernel', '__proto__'],
    exit: 2,
    message: /unknown kernel "__proto__"/,
  },
];

/** A fragment for the explorer's URL and the answer it must get. */
export interface UrlCase {
  name: string;
  class: HostileClass;
  fragment: string;
  /** The message of the refusal, or null: the fragment is read. */
  message: RegExp | null;
}

export const URL_CASES: UrlCase[] = [
  {
    name: 'a 4 MB fragment',
    class: 'unbounded-work',
    fragment: `#v=1&k=rbf&a=l&o=b&p=${'A'.repeat(4 * 1024 * 1024)}`,
    // fragmentLimit(300): the points' 1,600 characters, 300 for the options, 12 per title and caption character.
    message: /^The link is 4,194,325 characters long; a link to this page holds at most 8,140\.$/,
  },
  {
    name: 'a fragment just over the limit, whose tail would fail otherwise',
    class: 'unbounded-work',
    fragment: `#v=1&k=rbf&a=l&o=b&p=AAAA${'&'.repeat(8140)}k=evil`,
    message: /characters long/,
  },
  {
    name: 'a 1 kB kernel name',
    class: 'unbounded-echo',
    fragment: `#v=1&k=${'k'.repeat(1000)}&a=l&o=b&p=AAAA`,
    message: /^The link names an unknown kernel "k{40}…" \(1,000 characters\)\.$/,
  },
  {
    name: 'markup as the kernel',
    class: 'injection',
    fragment: `#v=1&k=${encodeURIComponent('<img src=x onerror=alert(1)>')}&a=l&o=b&p=AAAA`,
    message: /unknown kernel "<img src=x onerror=alert\(1\)>"/,
  },
  {
    name: 'the kernel __proto__',
    class: 'injection',
    fragment: '#v=1&k=__proto__&a=l&o=b&p=AAAA',
    message: /unknown kernel "__proto__"/,
  },
  {
    name: 'a version of text with a bidirectional override',
    class: 'injection',
    fragment: `#v=${encodeURIComponent('1\u202e2')}&k=rbf&a=l&o=b&p=AAAA`,
    message: /format version "1\\u202e2"/,
  },
  {
    name: 'options of junk',
    class: 'unbounded-echo',
    fragment: `#v=1&k=rbf&a=l&o=${'x'.repeat(500)}&p=AAAA`,
    message: /unknown options "x{40}…" \(500 characters\)/,
  },
  {
    name: 'more points than the page holds',
    class: 'unbounded-work',
    // 1608 characters of base64url are 1206 bytes: 301 points, counted without decoding.
    fragment: `#v=1&k=rbf&a=l&o=b&p=${'A'.repeat(1608)}`,
    message: /^The link holds 301 points; at most 300 are allowed\.$/,
  },
  {
    name: 'a point list that is not base64url',
    class: 'untyped-failure',
    fragment: '#v=1&k=rbf&a=l&o=b&p=AA$A',
    message: /not valid base64url/,
  },
  {
    name: 'malformed percent escapes',
    class: 'untyped-failure',
    fragment: '#v=1&k=%E0%A4%A&a=l&o=b&p=AAAA',
    message: /unknown kernel/,
  },
];

/** Widget options as text (URL parameters, attributes) or JavaScript values, and their fate. */
export interface EmbedOptionCase {
  name: string;
  class: HostileClass;
  options: Record<string, unknown>;
  /** Every problem must match one of these, in order; [] when none. */
  problems: RegExp[];
}

export const EMBED_OPTION_CASES: EmbedOptionCase[] = [
  {
    name: '1 MB of junk as the points',
    class: 'unbounded-echo',
    options: { points: 'junk '.repeat(200_000) },
    problems: [
      /^points is 1,000,000 characters long; at most 8,000 are read; showing the noisy sine instead\.$/,
    ],
  },
  {
    name: 'a hundred and one points',
    class: 'unbounded-work',
    options: {
      points: Array.from({ length: 101 }, (_, i) => `${(i / 11).toFixed(2)},0.5`).join(';'),
    },
    problems: [/101 points given; an embedded widget holds at most 100/],
  },
  {
    name: 'a coordinate of 5,001 characters',
    class: 'unbounded-echo',
    options: { points: `1,2;3,4;5,${'9'.repeat(5000)}x` },
    problems: [/pair 3 has "9{40}…" \(5,001 characters\), which is not a finite number/],
  },
  {
    name: 'Infinity and hexadecimal coordinates',
    class: 'silent-wrong-answer',
    options: { points: '1,2;3,Infinity;0x5,1' },
    problems: [/pair 2 has "Infinity", which is not a finite number/],
  },
  {
    name: 'a 100 kB kernel',
    class: 'unbounded-echo',
    options: { kernel: 'k'.repeat(100_000) },
    problems: [/^kernel is 100,000 characters long; at most 64 are read; using the default\.$/],
  },
  {
    name: 'markup as the kernel',
    class: 'injection',
    options: { kernel: '<img src=x onerror=alert(1)>' },
    problems: [
      /^kernel "<img src=x onerror=alert\(1\)>" is not one of rbf, matern52, matern32; using the default\.$/,
    ],
  },
  {
    name: 'the kernel __proto__ and the hyperparameter constructor',
    class: 'injection',
    options: { kernel: '__proto__', hyperparameter: 'constructor' },
    problems: [/kernel "__proto__" is not one of/, /hyperparameter "constructor" is not one of/],
  },
  {
    name: 'heights of every kind',
    class: 'silent-wrong-answer',
    options: { height: '1e9' },
    problems: [/height "1e9" is not a number of pixels from 160 to 1200/],
  },
  {
    name: 'a style as the theme',
    class: 'injection',
    options: { theme: 'dark; background: red' },
    problems: [/theme "dark; background: red" is not one of auto, light, dark/],
  },
  {
    name: 'panels with an unknown one',
    class: 'silent-wrong-answer',
    options: { panels: 'controls,evil' },
    problems: [/panel "evil" is not one of controls, readout, status/],
  },
  {
    name: 'JavaScript values of the wrong types',
    class: 'untyped-failure',
    options: { points: 42, kernel: 7, band: {}, panels: { length: 1e9 }, height: [], theme: null },
    problems: [
      /points: points must be an array of \{x, y\} or text, not 42/,
      /kernel must be text, not 7/,
      /band must be true or false, not an object/,
      /panels must be a list of controls, readout, status, not an object/,
      /height must be a number of pixels from 160 to 1200, or auto, not an array of 0 items/,
      /theme must be text, not null/,
    ],
  },
  {
    name: 'a sparse array of 2³²−1 points from JavaScript',
    class: 'unbounded-work',
    options: { points: sparse(2 ** 32 - 1) },
    problems: [/4,294,967,295 points given; an embedded widget holds at most 100/],
  },
  {
    name: 'panels as an array of a million names',
    class: 'unbounded-work',
    options: { panels: sparse(1_000_000) },
    problems: [
      /panels must be a list of controls, readout, status, not an array of 1,000,000 items/,
    ],
  },
];

/** `app-url` values and whether a link to them may be drawn. */
export const APP_URL_CASES: { value: string; linked: boolean }[] = [
  { value: 'https://example.org/gp/index.html', linked: true },
  { value: '../index.html', linked: true },
  { value: 'javascript:alert(1)', linked: false },
  { value: 'JaVaScRiPt:alert(1)', linked: false },
  { value: 'data:text/html,<script>alert(1)</script>', linked: false },
  { value: 'vbscript:msgbox(1)', linked: false },
  { value: `https://example.org/${'a'.repeat(3000)}`, linked: false },
];
