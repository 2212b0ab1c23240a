/**
 * The engine benchmark's shared runner: how every row is timed (wall-clock and this process's CPU
 * time), repeated and summarised, the drag scenario's moved data, and the Markdown cells. Each
 * module in bench/cases/ builds its rows with these tools, so that every row is measured the same
 * way; engine.bench.ts calls the modules and writes the section.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { Dataset } from '../src/engine/index';

export const MIN_RUNS = 3;
export const MAX_RUNS = 200;
/** Time budget per measurement, in ms. */
export const BUDGET_MS = 2000;
/** Stop repeating once this much time has gone into one measurement, in ms. */
export const LONG_MS = 10_000;

/** One timed run: wall-clock and this process's CPU time (user + system), in ms. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

export interface Summary {
  runs: number;
  /** Wall-clock median, min and max. */
  median: number;
  min: number;
  max: number;
  cpuMedian: number;
  note: string;
}

/** A measurement that ran, or one skipped because its extrapolated cost was over the limit. */
export type Measured = Summary | { skippedEstimateMs: number };

/** What a row module is given: the command line's choices and the shared tools. */
export interface BenchContext {
  /** Sizes of the noisy sine (--sizes). */
  sizes: number[];
  /** A measurement whose extrapolated cost exceeds this is skipped, in ms (--max-seconds). */
  maxMs: number;
  /** Progress lines go here (stderr), so that stdout holds the section alone. */
  log(line: string): void;
}

/** What a row module returns: its part of the "## Engine" section (Markdown lines). */
export type BenchPart = string[];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(samples: Sample[], note = ''): Summary {
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
export function repeat(run: (repetition: number) => Sample): Sample[] {
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
export function timed<T>(work: () => T): [T, Sample] {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  return [result, { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }];
}

/** Point `index` moved by `amount` in y; x shared. */
export function withMovedPoint(data: Dataset, index: number, amount: number): Dataset {
  const y = Float64Array.from(data.y);
  y[index] = y[index]! + amount;
  return { x: data.x, y };
}

/** The drag scenario: repetition r moves point (r · 7) mod n up or down by 1% of the y-range. */
export function movedData(data: Dataset, repetition: number): Dataset {
  let low = Infinity;
  let high = -Infinity;
  for (const value of data.y) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const sign = repetition % 2 === 0 ? 1 : -1;
  return withMovedPoint(data, (repetition * 7) % data.x.length, sign * 0.01 * (high - low));
}

/** The tools as one object, in the shape bench/rule-measurements.ts takes. */
export const benchTools = { repeat, timed, summarize, movedData };

export function logSpaced(from: number, to: number, count: number): Float64Array {
  const ratio = Math.log(to / from);
  return Float64Array.from({ length: count }, (_, i) => from * Math.exp((ratio * i) / (count - 1)));
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** One progress line's account of a measurement. */
export function formatCell(measured: Measured): string {
  if ('skippedEstimateMs' in measured) {
    return `skipped (estimated ${formatMs(measured.skippedEstimateMs)})`;
  }
  return `median ${formatMs(measured.median)} (CPU ${formatMs(measured.cpuMedian)}) over ${measured.runs} runs`;
}

/** The runs, median, min, max and CPU median cells of a measured row ('–' where skipped). */
export function timeCells(measured: Measured): string[] {
  if ('skippedEstimateMs' in measured) return ['0', '–', '–', '–', '–'];
  const times = [measured.median, measured.min, measured.max, measured.cpuMedian].map(formatMs);
  return [String(measured.runs), ...times];
}

export function machineDescription(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `${model}, ${processors.length} cores, ${memory} GiB RAM; Node ${process.version} (${process.platform}/${process.arch})`;
}

export function formatLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}
