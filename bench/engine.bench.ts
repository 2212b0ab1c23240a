/**
 * Engine benchmark: `npm run bench [-- --sizes 10,30,100 --max-seconds 60 --write BENCHMARKS.md
 * --backend wasm|js]` (the dense kernels in WebAssembly, the default, or the JavaScript fallback).
 *
 * For n = 10, 30, 100, 300, 1000 points of a seeded noisy sine on [0, 10] (RBF kernel) it times
 *
 *   cold fit           fitHyperparameters(data): global profile search + Newton polish
 *   warm refit         one point moved by 1% of the y-range, refitted from the previous θ̂ and its
 *                      Hessian (warmStart: { logTheta, hessianLogTheta }) — what every drag event
 *                      costs
 *   sensitivities      computeSensitivities on that refit (dθ̂/dy and dθ̂/dx)
 *   warm refit + sens. the two back to back, timed as one
 *   drag step          the same, started from the first-order prediction of the new θ̂, as the
 *                      compute worker does during a drag
 *   landscape 64×64    likelihoodLandscape on a 64 × 64 (lengthscale, noise ratio) grid
 *
 * and, for n ≤ 100, the selection rules' cold fit and drag step, the influence panel and the
 * new-point heat map (bench/rule-measurements.ts).
 *
 * and prints a Markdown table of median, min and max wall-clock time, with the median CPU time
 * of the process beside it: where that is well below the wall-clock median the process was
 * waiting for a core another process held. Targets are judged on the wall-clock median.
 * Repetitions adapt to the cost: each measurement repeats until it has used its time budget (at
 * least 3 runs), but stops once 10 s have been spent, so the slowest cases run once or twice.
 * A measurement whose cost, extrapolated as n³ from the previous size, exceeds --max-seconds is
 * skipped and marked so. With --write FILE the "## Engine" section of FILE is replaced (or added)
 * and every other section is kept.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { writeMarkdownSection } from './markdown-section';
import {
  computeSensitivities,
  predictLogTheta,
  fitHyperparameters,
  likelihoodLandscape,
  setDenseBackend,
  validateDataset,
  type Dataset,
  type DenseBackend,
  type FitResult,
} from '../src/engine/index';
import { uniformGenerator } from '../src/engine/random';
import {
  RULE_BENCH_MAX_N,
  RULE_LABELS,
  ruleMeasurements,
  type RuleMeasurementName,
} from './rule-measurements';

const DEFAULT_SIZES = [10, 30, 100, 300, 1000];
const MIN_RUNS = 3;
const MAX_RUNS = 200;
/** Time budget per measurement and size, in ms. */
const BUDGET_MS = 2000;
/** Stop repeating once this much time has gone into one measurement, in ms. */
const LONG_MS = 10_000;
const GRID_SIZE = 64;
const SEED = 20240607;

type MeasurementName =
  | 'coldFit'
  | 'warmRefit'
  | 'sensitivities'
  | 'warmAndSensitivities'
  | 'dragStep'
  | 'landscape'
  | RuleMeasurementName;

const LABELS: Record<MeasurementName, string> = {
  ...RULE_LABELS,
  coldFit: 'cold fit',
  warmRefit: 'warm refit (one point moved 1%)',
  sensitivities: 'sensitivities dθ̂/dy, dθ̂/dx',
  warmAndSensitivities: 'warm refit + sensitivities',
  dragStep: 'drag step: predicted start + refit + sens.',
  landscape: `landscape ${GRID_SIZE}×${GRID_SIZE}`,
};

/** Targets the product is held to: [n, measurement, ms]. */
const TARGETS: [number, MeasurementName, number][] = [
  [100, 'warmAndSensitivities', 3],
  [100, 'dragStep', 3],
  [100, 'coldFit', 25],
  [100, 'influence', 100],
  [1000, 'coldFit', 8000],
];

/** One timed run: wall-clock and this process's CPU time (user + system), in ms. */
interface Sample {
  wallMs: number;
  cpuMs: number;
}

interface Summary {
  runs: number;
  /** Wall-clock median, min and max. */
  median: number;
  min: number;
  max: number;
  cpuMedian: number;
  note: string;
}

type Row = { n: number; name: MeasurementName } & (Summary | { skippedEstimateMs: number });

/** n sorted uniform x on [0, 10], y = sin x + N(0, 0.1²) noise (Box–Muller), seeded by n. */
function noisySine(n: number): Dataset {
  const uniform = uniformGenerator(SEED + n);
  const x = Array.from({ length: n }, () => 10 * uniform()).sort((a, b) => a - b);
  const y = x.map((value) => {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    return Math.sin(value) + 0.1 * radius * Math.cos(2 * Math.PI * uniform());
  });
  return validateDataset(x, y);
}

/** Point `index` moved by `amount` in y; x shared. */
function withMovedPoint(data: Dataset, index: number, amount: number): Dataset {
  const y = Float64Array.from(data.y);
  y[index] = y[index]! + amount;
  return { x: data.x, y };
}

function logSpaced(from: number, to: number, count: number): Float64Array {
  const ratio = Math.log(to / from);
  return Float64Array.from({ length: count }, (_, i) => from * Math.exp((ratio * i) / (count - 1)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summarize(samples: Sample[], note = ''): Summary {
  const wall = samples.map((sample) => sample.wallMs);
  return {
    runs: samples.length,
    median: median(wall),
    min: Math.min(...wall),
    max: Math.max(...wall),
    cpuMedian: median(samples.map((sample) => sample.cpuMs)),
    note,
  };
}

/** Calls `run(repetition)` (which returns what it measured) as often as the budget allows. */
function repeat(run: (repetition: number) => Sample): Sample[] {
  const samples: Sample[] = [];
  let spent = 0;
  while (samples.length < MAX_RUNS) {
    const started = performance.now();
    samples.push(run(samples.length));
    spent += performance.now() - started;
    if (spent >= LONG_MS) break;
    if (spent >= BUDGET_MS && samples.length >= MIN_RUNS) break;
  }
  return samples;
}

/**
 * Runs `work` once. CPU time is reported beside wall-clock because the machine may be shared:
 * for this single-threaded code it is close to what the wall clock shows on an idle machine.
 */
function timed<T>(work: () => T): [T, Sample] {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return [result, { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

/** The drag scenario: repetition r moves point (r · 7) mod n up or down by 1% of the y-range. */
function movedData(data: Dataset, repetition: number): Dataset {
  let low = Infinity;
  let high = -Infinity;
  for (const value of data.y) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const sign = repetition % 2 === 0 ? 1 : -1;
  return withMovedPoint(data, (repetition * 7) % data.x.length, sign * 0.01 * (high - low));
}

function measureSize(
  n: number,
  estimateMs: (name: MeasurementName) => number,
  maxMs: number,
): Row[] {
  const data = noisySine(n);
  const rows: Row[] = [];
  const guarded = (name: MeasurementName, measure: () => Summary) => {
    const estimate = estimateMs(name);
    if (estimate > maxMs) {
      rows.push({ n, name, skippedEstimateMs: estimate });
    } else {
      rows.push({ n, name, ...measure() });
    }
    const row = rows.at(-1)!;
    process.stderr.write(`  n=${n} ${LABELS[name]}: ${formatCell(row)}\n`);
  };

  const cold: { fit: FitResult | null } = { fit: null };
  guarded('coldFit', () =>
    summarize(
      repeat(() => {
        const [fit, sample] = timed(() => fitHyperparameters(data));
        cold.fit = fit;
        return sample;
      }),
    ),
  );
  const previous = cold.fit ?? fitHyperparameters(data);
  const warmStart = { logTheta: previous.logTheta, hessianLogTheta: previous.hessianLogTheta };

  guarded('warmRefit', () => {
    const steps: number[] = [];
    const samples = repeat((r) => {
      const [fit, sample] = timed(() => fitHyperparameters(movedData(data, r), { warmStart }));
      steps.push(fit.newtonSteps);
      return sample;
    });
    return summarize(samples, `Newton steps: median ${median(steps)}`);
  });

  guarded('sensitivities', () => {
    let defined = 0;
    const samples = repeat((r) => {
      const moved = movedData(data, r);
      const fit = fitHyperparameters(moved, { warmStart });
      const [result, sample] = timed(() => computeSensitivities(moved, fit));
      if (result.defined) defined++;
      return sample;
    });
    return summarize(samples, `defined in ${defined}/${samples.length} runs`);
  });

  guarded('warmAndSensitivities', () =>
    summarize(
      repeat((r) => {
        const moved = movedData(data, r);
        return timed(() =>
          computeSensitivities(moved, fitHyperparameters(moved, { warmStart })),
        )[1];
      }),
    ),
  );

  // What the compute worker does per drag event: start the polish from the implicit function
  // theorem's first-order prediction of the new θ̂ (predictLogTheta), then the sensitivities.
  const baseFit = cold.fit ?? fitHyperparameters(data);
  const baseSensitivities = computeSensitivities(data, baseFit);
  guarded('dragStep', () =>
    summarize(
      repeat((r) => {
        const moved = movedData(data, r);
        return timed(() => {
          const logTheta = predictLogTheta(data, baseFit, baseSensitivities, moved);
          return computeSensitivities(
            moved,
            fitHyperparameters(moved, {
              warmStart: { logTheta, hessianLogTheta: baseFit.hessianLogTheta },
            }),
          );
        })[1];
      }),
    ),
  );

  const grid = {
    lengthscales: logSpaced(0.01, 100, GRID_SIZE),
    noiseRatios: logSpaced(1e-6, 10, GRID_SIZE),
  };
  guarded('landscape', () =>
    summarize(repeat(() => timed(() => likelihoodLandscape(data, 'rbf', grid))[1])),
  );
  if (n <= RULE_BENCH_MAX_N) {
    const tools = { repeat, timed, summarize, movedData };
    for (const [name, measure] of ruleMeasurements(data, tools)) guarded(name, measure);
  }
  return rows;
}

function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatCell(row: Row): string {
  if ('skippedEstimateMs' in row) return `skipped (estimated ${formatMs(row.skippedEstimateMs)})`;
  return `median ${formatMs(row.median)} (CPU ${formatMs(row.cpuMedian)}) over ${row.runs} runs`;
}

function targetCell(row: Row): string {
  const target = TARGETS.find(([n, name]) => n === row.n && name === row.name);
  if (!target) return '';
  const goal = `< ${formatMs(target[2])}`;
  if ('skippedEstimateMs' in row) return `${goal}: not measured`;
  return `${goal}: ${row.median < target[2] ? 'met' : 'NOT met'}`;
}

function markdownTable(rows: Row[]): string {
  const lines = [
    '| n | measurement | runs | median | min | max | CPU median | target | notes |',
    '|---:|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const label = LABELS[row.name];
    if ('skippedEstimateMs' in row) {
      const note = `skipped: estimated ${formatMs(row.skippedEstimateMs)} per run (n³ from the previous size)`;
      lines.push(`| ${row.n} | ${label} | 0 | – | – | – | – | ${targetCell(row)} | ${note} |`);
    } else {
      const times = [row.median, row.min, row.max, row.cpuMedian].map(formatMs);
      const cells = [row.runs, ...times];
      lines.push(
        `| ${row.n} | ${label} | ${cells.join(' | ')} | ${targetCell(row)} | ${row.note} |`,
      );
    }
  }
  return lines.join('\n');
}

function machineDescription(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${processors.length} cores, ${memory} GiB RAM; Node ${process.version} (${process.platform}/${process.arch})`;
}

function formatLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

interface Options {
  sizes: number[];
  maxMs: number;
  write: string | null;
  backend: DenseBackend;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: DEFAULT_SIZES, maxMs: 60_000, write: null, backend: 'wasm' };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === '--sizes') {
      options.sizes = value.split(',').map(Number);
      if (options.sizes.some((n) => !Number.isInteger(n) || n < 3))
        throw new Error(`bad --sizes "${value}"`);
    } else if (name === '--max-seconds') {
      options.maxMs = 1000 * Number(value);
      if (!(options.maxMs > 0)) throw new Error(`bad --max-seconds "${value}"`);
    } else if (name === '--write') {
      options.write = value;
    } else if (name === '--backend') {
      if (value !== 'wasm' && value !== 'js') throw new Error(`bad --backend "${value}"`);
      options.backend = value;
    } else {
      throw new Error(
        `unknown option "${name}" (options: --sizes, --max-seconds, --write, --backend)`,
      );
    }
    i++;
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  setDenseBackend(options.backend);
  const loadBefore = formatLoad();
  process.stderr.write(`Engine benchmark on ${machineDescription()}\nwarming up…\n`);
  measureSizeQuietly();
  const started = performance.now();
  const rows: Row[] = [];
  let previous: { n: number; rows: Row[] } | null = null;
  for (const n of options.sizes) {
    const estimate = (name: MeasurementName): number => {
      const row = previous?.rows.find((candidate) => candidate.name === name);
      if (!previous || !row) return 0;
      const perRun = 'skippedEstimateMs' in row ? row.skippedEstimateMs : row.median;
      return perRun * (n / previous.n) ** 3;
    };
    const sizeRows = measureSize(n, estimate, options.maxMs);
    rows.push(...sizeRows);
    previous = { n, rows: sizeRows };
  }
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const command = [
    'npm run bench',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ];
  const section = [
    '## Engine',
    '',
    'Wall-clock time of the float64 engine (`src/engine`) on a seeded noisy sine',
    '(x uniform on [0, 10], y = sin x + N(0, 0.1²)), RBF kernel, with its dense kernels in',
    `${options.backend === 'wasm' ? 'WebAssembly SIMD' : 'JavaScript (the fallback)'} (\`--backend wasm|js\`). A warm refit moves one point`,
    'by 1% of the y-range and refits from the previous θ̂ and its Hessian, as a drag does; the',
    'drag step starts from the first-order prediction of the new θ̂ instead; the landscape is the',
    `profile likelihood on a ${GRID_SIZE}×${GRID_SIZE} grid (lengthscale 0.01–100, noise ratio 1e-6–10).`,
    'For n ≤ 100 the map and loo rules’ cold fit and drag step follow, then the influence panel',
    '(the full data’s local maxima, a refit without each point, the infinitesimal jackknife) and',
    'the new-point heat map on a 64×48 grid, both for ml (docs/rules.md).',
    'Times are wall-clock; "CPU median" is the CPU time (user + system) of the benchmark',
    'process itself: where it is well below the wall-clock median, the process was waiting for a',
    'core that another process held (compare the load average). Targets are judged on the',
    'wall-clock median.',
    '',
    `- Command: \`${command.join(' ')}\``,
    `- Machine: ${machineDescription()}`,
    `- Load average (1/5/15 min) before / after: ${loadBefore} → ${formatLoad()}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}; total ${minutes} min`,
    '',
    markdownTable(rows),
    '',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (options.write) {
    await writeMarkdownSection(options.write, '## Engine', section);
    process.stderr.write(`wrote the Engine section of ${options.write}\n`);
  }
}

/** One untimed pass at n = 30 so that the timed runs see compiled code. */
function measureSizeQuietly(): void {
  const data = noisySine(30);
  const fit = fitHyperparameters(data);
  const moved = movedData(data, 0);
  computeSensitivities(moved, fitHyperparameters(moved, { warmStart: { logTheta: fit.logTheta } }));
  const grid = logSpaced(0.1, 10, 8);
  likelihoodLandscape(data, 'rbf', { lengthscales: grid, noiseRatios: grid });
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
