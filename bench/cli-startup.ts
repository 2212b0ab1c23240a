/**
 * Start-up of the installed command line: `npm run bench:cli [-- --runs 15 --write BENCHMARKS.md]`.
 *
 * Packs the package (after its build), installs the tarball offline into an empty project in a
 * temporary folder (as test/embed/package.test.ts does), writes a seeded noisy sine of n = 20
 * points as data.csv, and times, run by run in turn so that the machine's load falls on all alike:
 *
 *   node -e 0                        Node's own start-up: the floor under any command
 *   node <package>/dist-lib/cli/gp-sensitivity.js fit data.csv    the command, started directly
 *   node_modules/.bin/gp-sensitivity fit data.csv                 the same through its bin link
 *   npx gp-sensitivity fit data.csv  as the README gives it: npm exec finds the bin, then runs it
 *
 * Wall-clock from spawn to exit; each run's stdout must parse as the JSON report. Beside it: the
 * CPU time (user + system) of the command and the processes it waited for, from /usr/bin/time
 * where it exists — on a shared machine the wall-clock includes waiting for a core, the CPU time
 * does not — and the fit's own time (`timingMs.fit + timingMs.sensitivity` of the report).
 * Prints Markdown; with --write FILE replaces (or appends) the "## Command line" section of FILE.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalGenerator, uniformGenerator } from '../src/engine/random';
import {
  installIntoEmptyProject,
  isolatedNpmEnvironment,
  packPackage,
} from '../test/embed/packageHelpers';
import { writeMarkdownSection } from './markdown-section';

const POINTS = 20;
const TARGET_MS = 300;
/** GNU time, for the CPU time of a command and its children. */
const TIME = '/usr/bin/time';

function parseOptions(argv: string[]): { runs: number; write: string | null } {
  let runs = 15;
  let write: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--write') write = argv[++i] ?? null;
    else throw new Error(`unknown option "${argv[i]}" (options: --runs N, --write FILE)`);
  }
  if (!Number.isInteger(runs) || runs < 3) throw new Error('--runs needs a whole number ≥ 3');
  return { runs, write };
}

interface Command {
  label: string;
  command: string;
  args: string[];
  /** Whether stdout is a fit report (not for `node -e 0`). */
  reports: boolean;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))]!;
}

const milliseconds = (value: number) => `${value.toFixed(0)} ms`;
const formatLoad = (load: number[]) => load.map((value) => value.toFixed(2)).join(' / ');

const options = parseOptions(process.argv.slice(2));
const directory = mkdtempSync(join(tmpdir(), 'gp-cli-bench-'));
try {
  const env = isolatedNpmEnvironment(directory);
  const { tarball } = packPackage(directory, env);
  const project = join(directory, 'project');
  installIntoEmptyProject(project, tarball, env);
  const uniform = uniformGenerator(20);
  const normal = normalGenerator(21);
  const x = Array.from({ length: POINTS }, () => 10 * uniform()).sort((a, b) => a - b);
  const rows = x.map((value) => `${value},${Math.sin(value) + 0.1 * normal()}`);
  writeFileSync(join(project, 'data.csv'), ['x,y', ...rows, ''].join('\n'));

  const script = 'node_modules/gp-sensitivity-explorer/dist-lib/cli/gp-sensitivity.js';
  const commands: Command[] = [
    { label: '`node -e 0` (Node alone)', command: 'node', args: ['-e', '0'], reports: false },
    {
      label: `\`node ${script} fit data.csv\``,
      command: 'node',
      args: [script, 'fit', 'data.csv'],
      reports: true,
    },
    {
      label: '`node_modules/.bin/gp-sensitivity fit data.csv`',
      command: 'node_modules/.bin/gp-sensitivity',
      args: ['fit', 'data.csv'],
      reports: true,
    },
    {
      label: '`npx gp-sensitivity fit data.csv`',
      command: 'npx',
      args: ['gp-sensitivity', 'fit', 'data.csv'],
      reports: true,
    },
  ];
  const times = commands.map(() => [] as number[]);
  const cpuTimes = commands.map(() => [] as number[]);
  const fitTimes = commands.map(() => [] as number[]);
  const timeOutput = join(directory, 'time.txt');
  const withTime = existsSync(TIME);
  const loadBefore = loadavg();
  for (let run = 0; run < options.runs; run++) {
    commands.forEach((command, index) => {
      const [program, args] = withTime
        ? [TIME, ['-f', '%U %S', '-o', timeOutput, command.command, ...command.args]]
        : [command.command, command.args];
      const started = performance.now();
      const result = spawnSync(program, args, { cwd: project, env, encoding: 'utf8' });
      const elapsed = performance.now() - started;
      if (result.status !== 0) {
        throw new Error(`${command.command} ${command.args.join(' ')}: ${result.stderr}`);
      }
      if (withTime) {
        const [user, system] = readFileSync(timeOutput, 'utf8').trim().split(' ').map(Number);
        cpuTimes[index]!.push(1000 * (user! + system!));
      }
      if (command.reports) {
        const report = JSON.parse(result.stdout) as {
          timingMs: { fit: number; sensitivity: number };
        };
        fitTimes[index]!.push(report.timingMs.fit + report.timingMs.sensitivity);
      }
      times[index]!.push(elapsed);
    });
  }
  const loadAfter = loadavg();

  const table = [
    '| command | runs | median | p90 | min | max | CPU median | fit + sensitivities (median) | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...commands.map((command, index) => {
      const sorted = [...times[index]!].sort((a, b) => a - b);
      const fits = [...fitTimes[index]!].sort((a, b) => a - b);
      const cpu = [...cpuTimes[index]!].sort((a, b) => a - b);
      const median = quantile(sorted, 0.5);
      const target = command.reports
        ? `< ${TARGET_MS} ms: ${median < TARGET_MS ? 'met' : 'missed'}`
        : '';
      return `| ${command.label} | ${sorted.length} | ${milliseconds(median)} | ${milliseconds(quantile(sorted, 0.9))} | ${milliseconds(sorted[0]!)} | ${milliseconds(sorted.at(-1)!)} | ${cpu.length > 0 ? milliseconds(quantile(cpu, 0.5)) : 'n/a'} | ${fits.length > 0 ? `${quantile(fits, 0.5).toFixed(1)} ms` : ''} | ${target} |`;
    }),
  ];
  const processors = cpus();
  const medianOf = (index: number, samples: number[][]) => {
    const sorted = [...samples[index]!].sort((a, b) => a - b);
    return quantile(sorted, 0.5);
  };
  const ownWall = medianOf(1, times) - medianOf(0, times);
  const ownCpu = withTime ? medianOf(1, cpuTimes) - medianOf(0, cpuTimes) : NaN;
  const section = [
    '## Command line',
    '',
    `Start-up of the installed \`gp-sensitivity\` for n = ${POINTS} (a seeded noisy sine, RBF`,
    'kernel): wall-clock from spawn to exit, the four commands run in turn so that the',
    "machine's load falls on all alike. The package is packed, installed offline into an empty",
    'project and run there; each run prints the full JSON report, which is checked. `npx` adds',
    "npm's own start-up (it looks the bin up, then starts it); the command itself is the second",
    'and third rows. _CPU median_: user + system time of the command and the processes it waited',
    'for (GNU time); where it is well below the wall-clock median, the command was waiting for a',
    'core that another process held (compare the load average). The target is judged on the',
    'wall-clock median.',
    '',
    '- Command: `npm run bench:cli -- --write BENCHMARKS.md`',
    `- Machine: ${processors[0]?.model.trim() ?? 'unknown CPU'}, ${processors.length} cores; ` +
      `Node ${process.version}, npm ${spawnSync('npm', ['--version'], { encoding: 'utf8', env }).stdout.trim()}`,
    `- Load average (1/5/15 min) before / after: ${formatLoad(loadBefore)} → ${formatLoad(loadAfter)}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- The command's own cost, over Node's start-up (medians): ${milliseconds(ownWall)} wall-clock` +
      (withTime ? `, ${milliseconds(ownCpu)} CPU` : ''),
    '',
    ...table,
  ].join('\n');
  console.log(section);
  if (options.write) await writeMarkdownSection(options.write, '## Command line', section);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
