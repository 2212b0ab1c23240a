/**
 * The engine benchmark's rows for nearly noise-free data: for each kernel, a sine sampled with
 * noise σn/σf = 1e-3, 1e-5 and 0 (noise std that ratio times the RMS of sin x) at n = 20, 100 and
 * 300 — a teacher's points placed on a curve, a simulation's output — timed as a cold fit and a
 * drag step, beside the noisy sine at n = 300 with the same kernel (noise 0.1, bench/cases/
 * noisy-sine.ts). The ratio column is each row's median over the noisy sine's for the same
 * measurement: a cold fit of nearly noise-free data at n = 300 is held to at most 3× the noisy
 * sine's. The notes say what the fit reported (its trust verdict, σn/σf, σn held on its floor).
 */
import {
  fitHyperparameters,
  validateDataset,
  type Dataset,
  type FitResult,
  type KernelName,
} from '../../src/engine/index';
import { normalGenerator, uniformGenerator } from '../../src/engine/random';
import { measureColdFit, measureDragStep, noisySine } from './noisy-sine';
import { formatCell, timeCells, type BenchContext, type BenchPart, type Summary } from '../runner';

const SEED = 20240607;
const KERNELS: KernelName[] = ['rbf', 'matern52', 'matern32'];
const NOISE_RATIOS = [1e-3, 1e-5, 0];
const SIZES = [20, 100, 300];
/** The noisy sine's size the rows are compared with. */
const REFERENCE_N = 300;
/** The cold fit of nearly noise-free data at REFERENCE_N may take at most this many times the noisy sine's. */
const COLD_FIT_RATIO_TARGET = 3;

type Measurement = 'coldFit' | 'dragStep';
const LABELS: Record<Measurement, string> = {
  coldFit: 'cold fit',
  dragStep: 'drag step',
};

interface Row {
  kernel: KernelName;
  /** σn/σf of the data; null for the noisy sine (noise 0.1). */
  noiseRatio: number | null;
  n: number;
  name: Measurement;
  summary: Summary;
  fit: FitResult;
}

/** n sorted uniform x on [0, 10] (as the noisy sine's), y = sin x + N(0, (ratio · RMS)²). */
export function nearlyNoiseFreeSine(n: number, noiseRatio: number): Dataset {
  const uniform = uniformGenerator(SEED + n);
  const x = Array.from({ length: n }, () => 10 * uniform()).sort((a, b) => a - b);
  const clean = x.map(Math.sin);
  const rms = Math.sqrt(clean.reduce((sum, value) => sum + value * value, 0) / n);
  const normal = normalGenerator(SEED + 7 * n);
  return validateDataset(
    x,
    clean.map((value) => value + noiseRatio * rms * normal()),
  );
}

function fitNote(fit: FitResult): string {
  const ratio = Math.exp(fit.logTheta[2] - fit.logTheta[1]).toExponential(1);
  const held = fit.diagnostics.constrained ? ', σn held on its floor' : '';
  return `${fit.diagnostics.trust}, fitted σn/σf ${ratio}${held}`;
}

function measure(
  kernel: KernelName,
  noiseRatio: number | null,
  n: number,
  context: BenchContext,
): Row[] {
  const data = noiseRatio === null ? noisySine(n) : nearlyNoiseFreeSine(n, noiseRatio);
  const kept: { fit: FitResult | null } = { fit: null };
  const cold = measureColdFit(data, { kernel }, kept);
  const fit = kept.fit ?? fitHyperparameters(data, { kernel });
  const drag = measureDragStep(data, kernel, fit);
  const label = noiseRatio === null ? 'noisy sine' : `σn/σf ${noiseRatio}`;
  for (const [name, summary] of [
    ['coldFit', cold],
    ['dragStep', drag],
  ] as const) {
    context.log(`  ${kernel} ${label} n=${n} ${LABELS[name]}: ${formatCell(summary)}`);
  }
  return [
    { kernel, noiseRatio, n, name: 'coldFit', summary: cold, fit },
    { kernel, noiseRatio, n, name: 'dragStep', summary: drag, fit },
  ];
}

/**
 * The row's median over the noisy sine's (same kernel and measurement), wall-clock and, beside it,
 * CPU time: on a shared machine the CPU ratio is the steadier of the two.
 */
function ratioCell(row: Row, reference: Row[]): string {
  const base = reference.find(
    (candidate) => candidate.kernel === row.kernel && candidate.name === row.name,
  );
  if (!base || row.noiseRatio === null) return '1';
  const ratio = row.summary.median / base.summary.median;
  const cpuRatio = row.summary.cpuMedian / base.summary.cpuMedian;
  const judged = row.name === 'coldFit' && row.n === REFERENCE_N;
  const verdict = judged ? (ratio <= COLD_FIT_RATIO_TARGET ? ': met' : ': NOT met') : '';
  return `${ratio.toFixed(2)}× (CPU ${cpuRatio.toFixed(2)}×)${verdict}`;
}

/** The nearly noise-free rows, kernel by kernel, each after its noisy-sine reference. */
export function noiseFreeRows(context: BenchContext): BenchPart {
  const reference: Row[] = [];
  const rows: Row[] = [];
  for (const kernel of KERNELS) {
    const base = measure(kernel, null, REFERENCE_N, context);
    reference.push(...base);
    rows.push(...base);
    for (const noiseRatio of NOISE_RATIOS) {
      for (const n of SIZES) rows.push(...measure(kernel, noiseRatio, n, context));
    }
  }
  const lines = [
    '### Nearly noise-free data',
    '',
    'A sine on the noisy sine’s inputs with noise σn/σf = 1e-3, 1e-5 and 0 (noise std that ratio',
    'times the RMS of sin x), per kernel, beside the noisy sine at n = 300 with the same kernel.',
    '"× noisy" is the median over the noisy sine’s median for the same measurement (wall-clock, and',
    'CPU time in brackets, the steadier on a shared machine); a cold fit at',
    `n = ${REFERENCE_N} is held to at most ${COLD_FIT_RATIO_TARGET}× (judged on wall-clock). The drag step is as above (first-order prediction, warm`,
    'refit, sensitivities; from the previous θ̂ where the fit has no sensitivities). The notes give',
    'the fit’s trust verdict and fitted σn/σf, and whether σn is held on its floor.',
    '',
    '| kernel | data | n | measurement | runs | median | min | max | CPU median | × noisy | notes |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    const data = row.noiseRatio === null ? 'noisy sine (0.1)' : `σn/σf = ${row.noiseRatio}`;
    const note = `${fitNote(row.fit)}${row.name === 'dragStep' ? `; ${row.summary.note}` : ''}`;
    const cells = [
      row.kernel,
      data,
      row.n,
      LABELS[row.name],
      ...timeCells(row.summary),
      ratioCell(row, reference),
      note,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}
