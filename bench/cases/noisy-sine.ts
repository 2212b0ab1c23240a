/**
 * The engine benchmark's main rows: for each size of a seeded noisy sine (x uniform on [0, 10],
 * y = sin x + N(0, 0.1²), RBF kernel) it times
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
 * new-point heat map (bench/rule-measurements.ts). A measurement whose cost, extrapolated as n³
 * from the previous size, exceeds --max-seconds is skipped and marked so.
 */
import {
  computeSensitivities,
  fitHyperparameters,
  likelihoodLandscape,
  predictLogTheta,
  validateDataset,
  type Dataset,
  type FitResult,
  type FitOptions,
  type KernelName,
} from '../../src/engine/index';
import { uniformGenerator } from '../../src/engine/random';
import {
  RULE_BENCH_MAX_N,
  RULE_LABELS,
  ruleMeasurements,
  type RuleMeasurementName,
} from '../rule-measurements';
import {
  benchTools,
  formatCell,
  formatMs,
  logSpaced,
  median,
  movedData,
  repeat,
  summarize,
  timeCells,
  timed,
  type BenchContext,
  type BenchPart,
  type Measured,
  type Summary,
} from '../runner';

const SEED = 20240607;
const GRID_SIZE = 64;

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
  [100, 'influenceMap', 100],
  [100, 'influenceLoo', 100],
  [1000, 'coldFit', 8000],
];

type Row = { n: number; name: MeasurementName } & Measured;

/** n sorted uniform x on [0, 10], y = sin x + N(0, noise²) (Box–Muller), seeded by n. */
export function noisySine(n: number, noise = 0.1): Dataset {
  const uniform = uniformGenerator(SEED + n);
  const x = Array.from({ length: n }, () => 10 * uniform()).sort((a, b) => a - b);
  const y = x.map((value) => {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    return Math.sin(value) + noise * radius * Math.cos(2 * Math.PI * uniform());
  });
  return validateDataset(x, y);
}

/** The cold fit of `data`, timed (the last fit is kept for the drag step). */
export function measureColdFit(
  data: Dataset,
  options: FitOptions,
  kept: { fit: FitResult | null },
): Summary {
  return summarize(
    repeat(() => {
      const [fit, sample] = timed(() => fitHyperparameters(data, options));
      kept.fit = fit;
      return sample;
    }),
  );
}

/**
 * What the compute worker does per drag event: start the polish from the implicit function
 * theorem's first-order prediction of the new θ̂ (predictLogTheta), then the sensitivities. Where
 * the base fit has none, the previous θ̂ is the start. The note counts the steps whose
 * sensitivities were defined.
 */
export function measureDragStep(data: Dataset, kernel: KernelName, baseFit: FitResult): Summary {
  const baseSensitivities = computeSensitivities(data, baseFit);
  let defined = 0;
  const samples = repeat((r) => {
    const moved = movedData(data, r);
    const [result, sample] = timed(() => {
      const logTheta = baseSensitivities.defined
        ? predictLogTheta(data, baseFit, baseSensitivities, moved)
        : baseFit.logTheta;
      return computeSensitivities(
        moved,
        fitHyperparameters(moved, {
          kernel,
          warmStart: { logTheta, hessianLogTheta: baseFit.hessianLogTheta },
        }),
      );
    });
    if (result.defined) defined++;
    return sample;
  });
  return summarize(samples, `sensitivities defined in ${defined}/${samples.length}`);
}

function measureSize(
  n: number,
  estimateMs: (name: MeasurementName) => number,
  context: BenchContext,
): Row[] {
  const data = noisySine(n);
  const rows: Row[] = [];
  const guarded = (name: MeasurementName, measure: () => Summary) => {
    const estimate = estimateMs(name);
    const measured: Measured =
      estimate > context.maxMs ? { skippedEstimateMs: estimate } : measure();
    rows.push({ n, name, ...measured });
    context.log(`  n=${n} ${LABELS[name]}: ${formatCell(measured)}`);
  };

  const cold: { fit: FitResult | null } = { fit: null };
  guarded('coldFit', () => measureColdFit(data, {}, cold));
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

  guarded('dragStep', () => measureDragStep(data, 'rbf', previous));

  const grid = {
    lengthscales: logSpaced(0.01, 100, GRID_SIZE),
    noiseRatios: logSpaced(1e-6, 10, GRID_SIZE),
  };
  guarded('landscape', () =>
    summarize(repeat(() => timed(() => likelihoodLandscape(data, 'rbf', grid))[1])),
  );
  if (n <= RULE_BENCH_MAX_N) {
    for (const [name, measure] of ruleMeasurements(data, benchTools)) guarded(name, measure);
  }
  return rows;
}

function targetCell(row: Row): string {
  const target = TARGETS.find(([n, name]) => n === row.n && name === row.name);
  if (!target) return '';
  const goal = `< ${formatMs(target[2])}`;
  if ('skippedEstimateMs' in row) return `${goal}: not measured`;
  return `${goal}: ${row.median < target[2] ? 'met' : 'NOT met'}`;
}

function markdownTable(rows: Row[]): string[] {
  const lines = [
    '| n | measurement | runs | median | min | max | CPU median | target | notes |',
    '|---:|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const note =
      'skippedEstimateMs' in row
        ? `skipped: estimated ${formatMs(row.skippedEstimateMs)} per run (n³ from the previous size)`
        : row.note;
    const cells = [row.n, LABELS[row.name], ...timeCells(row), targetCell(row), note];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** One untimed pass at n = 30 so that the timed runs see compiled code. */
export function warmUp(): void {
  const data = noisySine(30);
  const fit = fitHyperparameters(data);
  const moved = movedData(data, 0);
  computeSensitivities(moved, fitHyperparameters(moved, { warmStart: { logTheta: fit.logTheta } }));
  const grid = logSpaced(0.1, 10, 8);
  likelihoodLandscape(data, 'rbf', { lengthscales: grid, noiseRatios: grid });
}

/** The noisy sine's rows at every size of `context.sizes`, with their description. */
export function noisySineRows(context: BenchContext): BenchPart {
  const rows: Row[] = [];
  let previous: { n: number; rows: Row[] } | null = null;
  for (const n of context.sizes) {
    const estimate = (name: MeasurementName): number => {
      const row = previous?.rows.find((candidate) => candidate.name === name);
      if (!previous || !row) return 0;
      const perRun = 'skippedEstimateMs' in row ? row.skippedEstimateMs : row.median;
      return perRun * (n / previous.n) ** 3;
    };
    const sizeRows = measureSize(n, estimate, context);
    rows.push(...sizeRows);
    previous = { n, rows: sizeRows };
  }
  return [
    'A warm refit moves one point by 1% of the y-range and refits from the previous θ̂ and its',
    'Hessian, as a drag does; the drag step starts from the first-order prediction of the new θ̂',
    `instead; the landscape is the profile likelihood on a ${GRID_SIZE}×${GRID_SIZE} grid (lengthscale 0.01–100, noise`,
    'ratio 1e-6–10). For n ≤ 100 the map and loo rules’ cold fit and drag step follow, then the',
    'influence panel (the full data’s local maxima, a refit without each point, the infinitesimal',
    'jackknife) for each rule, and the new-point heat map on a 64×48 grid for ml (docs/rules.md).',
    '',
    ...markdownTable(rows),
  ];
}
