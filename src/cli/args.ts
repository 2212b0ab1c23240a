/**
 * Command-line arguments of `gp-sensitivity`:
 *
 *   fit FILE [--kernel rbf|matern52|matern32] [--rule ml|map|loo] [--prior P] [--format json|csv]
 *            [--influence] [--map-grid NX,NY] [--fd] [--pretty]
 *   --help | -h | help
 *
 * A valued option is accepted as `--kernel K` or `--kernel=K` (likewise --rule, --prior,
 * --format and --map-grid); `--` ends the options, so a file whose name starts with `-` can be given after it;
 * FILE `-` reads the data from standard input. Every mistake throws a CliError whose message
 * names the offending argument.
 */
import {
  KERNEL_NAMES,
  quoteText,
  SELECTION_RULES,
  type KernelName,
  type PriorOptions,
  type SelectionRule,
} from '../engine/index';
import { CliError, EXIT_BAD_INPUT } from './cli-error';
import { parsePrior } from './prior-option';

/** The output formats: one JSON object, or a table with one row per point (csv-report.ts). */
export const OUTPUT_FORMATS = ['json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What the user asked for. */
export type CliCommand =
  | { command: 'help' }
  | {
      command: 'fit';
      /** Path of the data file as given, or `-` for standard input. */
      file: string;
      kernel: KernelName;
      format: OutputFormat;
      /** Also run finite-difference refits against the implicit-function sensitivities. */
      fd: boolean;
      /** Indent the JSON output for reading (default: one compact line); JSON only. */
      pretty: boolean;
      /** The selection rule; null when --rule was not given (then `ml`, reported as before). */
      rule: SelectionRule | null;
      /** The `map` rule's prior as given by --prior (the rest default); null when not given. */
      prior: PriorOptions | null;
      /** Also report each point's influence: removal refits and the infinitesimal jackknife. */
      influence: boolean;
      /** Also report the new-point pull over an NX × NY grid; null when not asked for. */
      mapGrid: { nx: number; ny: number } | null;
    };

const KERNEL_CHOICES = `${KERNEL_NAMES.slice(0, -1).join(', ')} or ${KERNEL_NAMES.at(-1)}`;
const HELP_HINT = 'run with --help for usage';

function isKernelName(value: string): value is KernelName {
  return (KERNEL_NAMES as readonly string[]).includes(value);
}

function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === '') {
    throw new CliError('--format needs a value (json or csv)');
  }
  if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
    throw new CliError(`unknown format "${value}"; choose json or csv`);
  }
  return value as OutputFormat;
}

function parseKernel(value: string | undefined): KernelName {
  if (value === undefined || value === '') {
    throw new CliError(`--kernel needs a value (${KERNEL_CHOICES})`);
  }
  if (!isKernelName(value)) {
    throw new CliError(
      `unknown kernel ${quoteText(value)}; choose ${KERNEL_CHOICES}`,
      EXIT_BAD_INPUT,
      'unknown-kernel',
    );
  }
  return value;
}

const RULE_CHOICES = `${SELECTION_RULES.slice(0, -1).join(', ')} or ${SELECTION_RULES.at(-1)}`;
/** The largest side of a --map-grid. */
export const MAX_MAP_GRID = 1000;

function parseRule(value: string | undefined): SelectionRule {
  if (value === undefined || value === '')
    throw new CliError(`--rule needs a value (${RULE_CHOICES})`);
  if (!(SELECTION_RULES as readonly string[]).includes(value)) {
    throw new CliError(`unknown rule "${value}"; choose ${RULE_CHOICES}`);
  }
  return value as SelectionRule;
}

function parseMapGrid(value: string | undefined): { nx: number; ny: number } {
  const expected = `two whole numbers from 1 to ${MAX_MAP_GRID}, as NX,NY (e.g. 64,48)`;
  if (value === undefined || value === '') throw new CliError(`--map-grid needs ${expected}`);
  const match = /^(\d+),(\d+)$/.exec(value);
  const [nx, ny] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(nx >= 1 && ny >= 1 && nx <= MAX_MAP_GRID && ny <= MAX_MAP_GRID)) {
    throw new CliError(`--map-grid "${value}" is not ${expected}`);
  }
  return { nx, ny };
}

/** Parses the arguments after the script name (process.argv.slice(2)). */
export function parseArguments(argv: readonly string[]): CliCommand {
  const optionsEnd = argv.indexOf('--');
  const optionPart = optionsEnd === -1 ? argv : argv.slice(0, optionsEnd);
  if (optionPart.includes('--help') || optionPart.includes('-h')) return { command: 'help' };

  const [command, ...rest] = argv;
  if (command === undefined) throw new CliError(`missing command; ${HELP_HINT}`);
  if (command === 'help') return { command: 'help' };
  if (command !== 'fit') {
    const what = command.startsWith('-') ? 'option' : 'command';
    throw new CliError(`unknown ${what} ${quoteText(command)}; ${HELP_HINT}`);
  }

  let file: string | undefined;
  /** The raw text of each option that takes a value, parsed once all arguments are read. */
  const valued: Record<
    '--kernel' | '--rule' | '--format' | '--map-grid' | '--prior',
    string | undefined
  > = {
    '--kernel': undefined,
    '--prior': undefined,
    '--rule': undefined,
    '--format': undefined,
    '--map-grid': undefined,
  };
  let fd = false;
  let pretty = false;
  let influence = false;
  const positional = (value: string) => {
    if (file !== undefined)
      throw new CliError(`unexpected argument ${quoteText(value)}; fit takes one FILE`);
    file = value;
  };
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i]!;
    if (argument === '--') {
      rest.slice(i + 1).forEach(positional);
      break;
    }
    const [name, inlineValue] = argument.startsWith('--')
      ? (argument.split(/=(.*)/s, 2) as [string, string | undefined])
      : [argument, undefined];
    if (name in valued) {
      const option = name as keyof typeof valued;
      if (valued[option] !== undefined) throw new CliError(`${name} given more than once`);
      const next = rest[i + 1];
      const separateValue = next === undefined || next.startsWith('--') ? undefined : next;
      if (inlineValue === undefined && separateValue !== undefined) i++;
      valued[option] = inlineValue ?? separateValue ?? '';
    } else if (name === '--fd' || name === '--pretty' || name === '--influence') {
      if (inlineValue !== undefined) throw new CliError(`${name} takes no value`);
      if (name === '--fd') fd = true;
      else if (name === '--influence') influence = true;
      else pretty = true;
    } else if (argument !== '-' && argument.startsWith('-')) {
      throw new CliError(`unknown option ${quoteText(name)}; ${HELP_HINT}`);
    } else {
      positional(argument);
    }
  }
  if (file === undefined) throw new CliError(`fit needs a data FILE; ${HELP_HINT}`);
  const format = valued['--format'] === undefined ? 'json' : parseFormat(valued['--format']);
  if (pretty && format === 'csv') {
    throw new CliError('--pretty indents JSON; it does not apply to --format csv');
  }
  if (format === 'csv' && (influence || valued['--map-grid'] !== undefined)) {
    throw new CliError('--influence and --map-grid are reported in JSON only; drop --format csv');
  }
  const rule = valued['--rule'] === undefined ? null : parseRule(valued['--rule']);
  if (valued['--prior'] !== undefined && rule !== 'map') {
    throw new CliError('--prior sets the map rule’s prior; add --rule map');
  }
  return {
    command: 'fit',
    file,
    kernel: valued['--kernel'] === undefined ? 'rbf' : parseKernel(valued['--kernel']),
    format,
    fd,
    pretty,
    rule,
    prior: valued['--prior'] === undefined ? null : parsePrior(valued['--prior']),
    influence,
    mapGrid: valued['--map-grid'] === undefined ? null : parseMapGrid(valued['--map-grid']),
  };
}
