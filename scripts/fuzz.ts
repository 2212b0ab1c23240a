/**
 * `npm run fuzz [-- --count 10000 --seed 1 --fd-every 20]`: random datasets thrown at the float64
 * engine (validateDataset → fitHyperparameters → computeSensitivities, and finiteDifferenceCheck
 * on a sample), at ordinary scales and at the edges of float64 (x and y scaled by up to 1e±300,
 * denormals), with degenerate shapes (duplicates, clusters, steps, constants, near-zero noise) and
 * some plainly bad data (NaN, all x equal, y all zero). Not part of `npm test`: it takes minutes.
 *
 * It reports, per scale class:
 *   - untyped errors: anything thrown that is not a GpInputError (an internal failure);
 *   - non-finite numbers in a result (θ̂, the log likelihood, gradient, Hessian and its
 *     eigenvalues, the sensitivities when defined; the condition number may be Infinity, as
 *     documented, when the Hessian is singular);
 *   - finite-difference agreement: on every --fd-every-th trusted fit, the digits to which
 *     central-difference refits agree with the implicit-function sensitivities
 *     (finiteDifferenceCheck, step 1e-4 of the RMS of y). Where they agree to fewer than
 *     FD_DIGITS, the refits are repeated with a step ten times smaller: a disagreement that
 *     shrinks about a hundredfold is the O(h²) error of the central difference on a strongly
 *     curved θ̂(y), not an error of the sensitivities, and is counted apart.
 * Every failure is listed with its case number, so `--only N` reruns that case alone. The exit
 * code is 1 when there was an untyped error, a non-finite number or a finite-difference check
 * below FD_DIGITS.
 */
import {
  computeSensitivities,
  finiteDifferenceCheck,
  fitHyperparameters,
  GpInputError,
  KERNEL_NAMES,
  validateDataset,
  type Dataset,
  type FitResult,
  type LogTheta,
  type SensitivityResult,
} from '../src/engine';
import { normalGenerator, uniformGenerator } from '../src/engine/random';

/** Digits of agreement a trusted fit's finite-difference check must reach. */
const FD_DIGITS = 4;

/** A disagreement that shrinks at least this much for a step ten times smaller is O(h²). */
const TRUNCATION_RATIO = 30;

/**
 * max |FD − IFT| / max |IFT| for column `index` of d log θ̂/dy, with central differences of step
 * `relativeStep` × RMS(y) (warm refits from θ̂).
 */
function fdDisagreement(
  data: Dataset,
  fit: FitResult,
  sensitivities: Extract<SensitivityResult, { defined: true }>,
  index: number,
  relativeStep: number,
): number {
  const rms = Math.sqrt(data.y.reduce((sum, v) => sum + v * v, 0) / data.y.length);
  const step = relativeStep * rms;
  const refit = (sign: number): LogTheta => {
    const y = Float64Array.from(data.y);
    y[index] = y[index]! + sign * step;
    const warmStart = { logTheta: fit.logTheta };
    return fitHyperparameters({ x: data.x, y }, { kernel: fit.kernel, warmStart }).logTheta;
  };
  const up = refit(1);
  const down = refit(-1);
  const ift = sensitivities.dLogTheta_dy.map((row) => row[index]!);
  const scale = Math.max(...ift.map(Math.abs));
  return (
    Math.max(...up.map((value, i) => Math.abs((value - down[i]!) / (2 * step) - ift[i]!))) / scale
  );
}

interface Options {
  count: number;
  seed: number;
  fdEvery: number;
  only: number | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { count: 10_000, seed: 1, fdEvery: 20, only: null };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = Number(inline ?? argv[++i]);
    if (!Number.isFinite(value)) throw new Error(`${name} needs a number`);
    if (name === '--count') options.count = value;
    else if (name === '--seed') options.seed = value;
    else if (name === '--fd-every') options.fdEvery = value;
    else if (name === '--only') options.only = value;
    else throw new Error(`unknown option ${name}`);
  }
  return options;
}

type ScaleClass = 'ordinary' | 'large' | 'small' | 'denormal' | 'mixed';

interface FuzzCase {
  index: number;
  scaleClass: ScaleClass;
  description: string;
  x: number[];
  y: number[];
  kernel: (typeof KERNEL_NAMES)[number];
}

/** log10 of a scale for a class. */
function scaleExponent(scaleClass: ScaleClass, uniform: () => number): [number, number] {
  const pick = (low: number, high: number) => low + (high - low) * uniform();
  switch (scaleClass) {
    case 'ordinary':
      return [pick(-3, 3), pick(-3, 3)];
    case 'large':
      return uniform() < 0.5 ? [pick(100, 300), pick(-3, 3)] : [pick(-3, 3), pick(100, 300)];
    case 'small':
      return uniform() < 0.5 ? [pick(-300, -100), pick(-3, 3)] : [pick(-3, 3), pick(-300, -100)];
    case 'denormal':
      return uniform() < 0.5 ? [pick(-318, -308), pick(-3, 3)] : [pick(-3, 3), pick(-318, -308)];
    case 'mixed':
      return [pick(-300, 300), pick(-300, 300)];
  }
}

const SHAPES = ['sine', 'noise', 'step', 'outlier', 'line', 'tiny-noise', 'constant'] as const;
const LAYOUTS = ['uniform', 'grid', 'clusters', 'duplicates'] as const;

/** Case `index` of a run seeded with `seed`: the same case every time. */
function makeCase(seed: number, index: number): FuzzCase {
  const uniform = uniformGenerator(seed * 1_000_003 + index);
  const normal = normalGenerator(seed * 7_919 + index);
  const roll = uniform();
  const scaleClass: ScaleClass =
    roll < 0.6
      ? 'ordinary'
      : roll < 0.7
        ? 'large'
        : roll < 0.8
          ? 'small'
          : roll < 0.9
            ? 'denormal'
            : 'mixed';
  const [xExponent, yExponent] = scaleExponent(scaleClass, uniform);
  const n = 2 + Math.floor(uniform() ** 2 * 58);
  const shape = SHAPES[Math.floor(uniform() * SHAPES.length)]!;
  const layout = LAYOUTS[Math.floor(uniform() * LAYOUTS.length)]!;
  const kernel = KERNEL_NAMES[Math.floor(uniform() * KERNEL_NAMES.length)]!;
  const noise = shape === 'tiny-noise' ? 1e-9 : 0.02 + 0.5 * uniform();
  const offset = uniform() < 0.3 ? (uniform() - 0.5) * 20 : 0;

  const unit: number[] = [];
  for (let i = 0; i < n; i++) {
    if (layout === 'grid') unit.push((10 * i) / n);
    else if (layout === 'clusters') unit.push((i % 2 === 0 ? 2 : 7) + 0.3 * uniform());
    else if (layout === 'duplicates') unit.push(Math.floor(uniform() * Math.max(2, n / 3)));
    else unit.push(10 * uniform());
  }
  const values = unit.map((t, i) => {
    switch (shape) {
      case 'sine':
      case 'tiny-noise':
        return Math.sin(t) + noise * normal();
      case 'noise':
        return normal();
      case 'step':
        return (t < 5 ? -1 : 1) + noise * normal();
      case 'outlier':
        return Math.sin(t) + noise * normal() + (i === 0 ? 8 : 0);
      case 'line':
        return 0.3 * t + noise * normal();
      case 'constant':
        return 1;
    }
  });
  const xScale = 10 ** xExponent;
  const yScale = 10 ** yExponent;
  const x = unit.map((t) => (t + offset) * xScale);
  const y = values.map((v) => v * yScale);
  // Some plainly bad data, which must be refused with a typed error.
  const bad = uniform();
  let description = `${shape}/${layout}, n=${n}, x×1e${xExponent.toFixed(1)}, y×1e${yExponent.toFixed(1)}`;
  if (bad < 0.01) {
    y[Math.floor(uniform() * n)] = Number.NaN;
    description += ', a NaN';
  } else if (bad < 0.02) {
    x.fill(x[0]!);
    description += ', all x equal';
  } else if (bad < 0.03) {
    y.fill(0);
    description += ', y all zero';
  }
  return { index, scaleClass, description, x, y, kernel };
}

/** The names of non-finite numbers in a fit and its sensitivities. */
function nonFinite(fit: FitResult, sensitivities: SensitivityResult): string[] {
  const found: string[] = [];
  const check = (name: string, values: Iterable<number>) => {
    for (const value of values) {
      if (!Number.isFinite(value)) {
        found.push(`${name} = ${value}`);
        return;
      }
    }
  };
  check('theta', Object.values(fit.theta));
  check('logTheta', fit.logTheta);
  check('lml', [fit.lml]);
  check('gradLogTheta', fit.gradLogTheta);
  check('hessianLogTheta', fit.hessianLogTheta.flat());
  check('hessianEigLog', fit.diagnostics.hessianEigLog);
  if (sensitivities.defined) {
    for (const name of ['dLogTheta_dy', 'dLogTheta_dx', 'dTheta_dy', 'dTheta_dx'] as const) {
      check(
        name,
        sensitivities[name].flatMap((row) => Array.from(row)),
      );
    }
  }
  return found;
}

interface Tally {
  cases: number;
  fitted: number;
  typed: Map<string, number>;
  untyped: string[];
  nonFinite: string[];
  trusted: number;
  fdDigits: number[];
  /** Checks below FD_DIGITS whose disagreement shrinks as h² with the step. */
  fdTruncation: number;
  fdFailures: string[];
}

function newTally(): Tally {
  return {
    cases: 0,
    fitted: 0,
    typed: new Map(),
    untyped: [],
    nonFinite: [],
    trusted: 0,
    fdDigits: [],
    fdTruncation: 0,
    fdFailures: [],
  };
}

function runCase(testCase: FuzzCase, tally: Tally, fdEvery: number): void {
  tally.cases += 1;
  const label = `#${testCase.index} (${testCase.kernel}, ${testCase.description})`;
  try {
    const data = validateDataset(testCase.x, testCase.y);
    const fit = fitHyperparameters(data, { kernel: testCase.kernel });
    const sensitivities = computeSensitivities(data, fit);
    tally.fitted += 1;
    const bad = nonFinite(fit, sensitivities);
    if (bad.length > 0) tally.nonFinite.push(`${label}: ${bad.join(', ')}`);
    if (fit.diagnostics.trust !== 'trusted' || !sensitivities.defined) return;
    tally.trusted += 1;
    if (tally.trusted % fdEvery !== 0) return;
    const index = testCase.index % data.x.length;
    const check = finiteDifferenceCheck(data, fit, index, sensitivities);
    tally.fdDigits.push(check.agreeDigits);
    if (check.agreeDigits >= FD_DIGITS) return;
    const ratio =
      fdDisagreement(data, fit, sensitivities, index, 1e-4) /
      fdDisagreement(data, fit, sensitivities, index, 1e-5);
    if (ratio >= TRUNCATION_RATIO) {
      tally.fdTruncation += 1;
    } else {
      tally.fdFailures.push(
        `${label}, point ${index}: ${check.agreeDigits.toFixed(1)} digits, shrinking ${ratio.toFixed(1)}× for a step 10× smaller`,
      );
    }
  } catch (error) {
    if (error instanceof GpInputError) {
      tally.typed.set(error.code, (tally.typed.get(error.code) ?? 0) + 1);
    } else {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      tally.untyped.push(`${label}: ${message.slice(0, 120)}`);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const classes: ScaleClass[] = ['ordinary', 'large', 'small', 'denormal', 'mixed'];
  const tallies = new Map(classes.map((name) => [name, newTally()]));
  const started = performance.now();
  const indices =
    options.only === null ? Array.from({ length: options.count }, (_, i) => i) : [options.only];
  for (const index of indices) {
    const testCase = makeCase(options.seed, index);
    runCase(testCase, tallies.get(testCase.scaleClass)!, options.fdEvery);
    if ((index + 1) % 1000 === 0) {
      process.stderr.write(
        `… ${index + 1} cases, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;

  console.log(
    `\nFuzzed the engine with ${indices.length} datasets (seed ${options.seed}) in ${seconds.toFixed(0)} s.\n`,
  );
  const header = [
    'scale class',
    'cases',
    'fitted',
    'typed errors',
    'untyped errors',
    'non-finite',
    'FD checks',
    'FD digits (min / median)',
    `FD < ${FD_DIGITS} digits: O(h²) / failed`,
  ];
  const rows = classes.map((name) => {
    const t = tallies.get(name)!;
    const typed =
      [...t.typed.entries()].map(([code, count]) => `${code} ${count}`).join(', ') || '0';
    const digits =
      t.fdDigits.length === 0
        ? '—'
        : `${Math.min(...t.fdDigits).toFixed(1)} / ${median(t.fdDigits).toFixed(1)}`;
    return [
      name,
      t.cases,
      t.fitted,
      typed,
      t.untyped.length,
      t.nonFinite.length,
      t.fdDigits.length,
      digits,
      `${t.fdTruncation} / ${t.fdFailures.length}`,
    ].map(String);
  });
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);

  const all = [...tallies.values()];
  const listed = (title: string, entries: string[]) => {
    if (entries.length === 0) return;
    console.log(`\n${title} (${entries.length}; the first 20):`);
    for (const entry of entries.slice(0, 20)) console.log(`  ${entry}`);
  };
  listed(
    'Untyped errors',
    all.flatMap((t) => t.untyped),
  );
  listed(
    'Non-finite numbers',
    all.flatMap((t) => t.nonFinite),
  );
  listed(
    `Finite-difference checks below ${FD_DIGITS} digits`,
    all.flatMap((t) => t.fdFailures),
  );
  const failures = all.reduce(
    (sum, t) => sum + t.untyped.length + t.nonFinite.length + t.fdFailures.length,
    0,
  );
  console.log(
    failures === 0
      ? '\nNo untyped error, no non-finite number, every finite-difference check agrees (or converges as h²).'
      : `\n${failures} failures. Rerun one with: npm run fuzz -- --seed ${options.seed} --only N`,
  );
  process.exitCode = failures === 0 ? 0 : 1;
}

main();
