/**
 * Engine benchmark: `npm run bench [-- --sizes 10,30,100 --max-seconds 60 --write BENCHMARKS.md
 * --backend wasm|js --cases noisy-sine,noise-free]` (the dense kernels in WebAssembly, the
 * default, or the JavaScript fallback; the row modules to run, all by default).
 *
 * Each row module in bench/cases/ measures its rows with the shared runner (bench/runner.ts) and
 * returns its part of the "## Engine" section:
 *
 *   noisy-sine   a seeded noisy sine at each of --sizes: cold fit, warm refit, sensitivities, drag
 *                step, landscape, and for n ≤ 100 the selection rules' rows
 *                (bench/cases/noisy-sine.ts, bench/rule-measurements.ts)
 *   noise-free   a sine with noise σn/σf = 1e-3, 1e-5, 0 at n = 20, 100, 300, all kernels, cold fit
 *                and drag step, beside the noisy sine at n = 300 (bench/cases/noise-free.ts)
 *
 * Times are the median, min and max wall-clock time, with the median CPU time of the process
 * beside it: where that is well below the wall-clock median the process was waiting for a core
 * another process held. Targets are judged on the wall-clock median. Repetitions adapt to the
 * cost: each measurement repeats until it has used its time budget (at least 3 runs), but stops
 * once 10 s have been spent, so the slowest cases run once or twice. With --write FILE the
 * "## Engine" section of FILE is replaced (or added) and every other section is kept.
 */
import { writeMarkdownSection } from './markdown-section';
import { setDenseBackend, type DenseBackend } from '../src/engine/index';
import { noiseFreeRows } from './cases/noise-free';
import { noisySineRows, warmUp } from './cases/noisy-sine';
import { formatLoad, machineDescription, type BenchContext, type BenchPart } from './runner';

const DEFAULT_SIZES = [10, 30, 100, 300, 1000];

/** The row modules, in the section's order: add a module here with one line. */
const CASES: Record<string, (context: BenchContext) => BenchPart> = {
  'noisy-sine': noisySineRows,
  'noise-free': noiseFreeRows,
};

interface Options {
  sizes: number[];
  maxMs: number;
  write: string | null;
  backend: DenseBackend;
  cases: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    sizes: DEFAULT_SIZES,
    maxMs: 60_000,
    write: null,
    backend: 'wasm',
    cases: Object.keys(CASES),
  };
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
    } else if (name === '--cases') {
      options.cases = value.split(',');
      const unknown = options.cases.filter((name) => !(name in CASES));
      if (unknown.length > 0) {
        throw new Error(
          `unknown --cases "${unknown.join(',')}" (${Object.keys(CASES).join(', ')})`,
        );
      }
    } else {
      throw new Error(
        `unknown option "${name}" (options: --sizes, --max-seconds, --write, --backend, --cases)`,
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
  warmUp();
  const started = performance.now();
  const context: BenchContext = {
    sizes: options.sizes,
    maxMs: options.maxMs,
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const parts = options.cases.map((name) => CASES[name]!(context));
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const command = [
    'npm run bench',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ];
  const section = [
    '## Engine',
    '',
    'Wall-clock time of the float64 engine (`src/engine`) on seeded datasets, with its dense',
    `kernels in ${options.backend === 'wasm' ? 'WebAssembly SIMD' : 'JavaScript (the fallback)'} (\`--backend wasm|js\`), first on a noisy sine`,
    '(x uniform on [0, 10], y = sin x + N(0, 0.1²), RBF kernel), then on nearly noise-free data.',
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
    ...parts.flatMap((part) => [...part, '']),
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (options.write) {
    await writeMarkdownSection(options.write, '## Engine', section);
    process.stderr.write(`wrote the Engine section of ${options.write}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
