/**
 * Command-line arguments of `gp-sensitivity`:
 *
 *   fit FILE [--kernel rbf|matern52|matern32] [--fd] [--pretty]
 *   --help | -h | help
 *
 * `--kernel K` and `--kernel=K` are both accepted; `--` ends the options, so a file whose name
 * starts with `-` can be given after it; FILE `-` reads the data from standard input. Every
 * mistake throws a CliError whose message names the offending argument.
 */
import { KERNEL_NAMES, quoteText, type KernelName } from '../engine/index';
import { CliError, EXIT_BAD_INPUT } from './cli-error';

/** What the user asked for. */
export type CliCommand =
  | { command: 'help' }
  | {
      command: 'fit';
      /** Path of the data file as given, or `-` for standard input. */
      file: string;
      kernel: KernelName;
      /** Also run finite-difference refits against the implicit-function sensitivities. */
      fd: boolean;
      /** Indent the JSON output for reading (default: one compact line). */
      pretty: boolean;
    };

const KERNEL_CHOICES = `${KERNEL_NAMES.slice(0, -1).join(', ')} or ${KERNEL_NAMES.at(-1)}`;
const HELP_HINT = 'run with --help for usage';

function isKernelName(value: string): value is KernelName {
  return (KERNEL_NAMES as readonly string[]).includes(value);
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
  let kernel: KernelName | undefined;
  let fd = false;
  let pretty = false;
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
    if (name === '--kernel') {
      if (kernel !== undefined) throw new CliError('--kernel given more than once');
      const next = rest[i + 1];
      const separateValue = next === undefined || next.startsWith('--') ? undefined : next;
      if (inlineValue === undefined && separateValue !== undefined) i++;
      kernel = parseKernel(inlineValue ?? separateValue);
    } else if (name === '--fd' || name === '--pretty') {
      if (inlineValue !== undefined) throw new CliError(`${name} takes no value`);
      if (name === '--fd') fd = true;
      else pretty = true;
    } else if (argument !== '-' && argument.startsWith('-')) {
      throw new CliError(`unknown option ${quoteText(name)}; ${HELP_HINT}`);
    } else {
      positional(argument);
    }
  }
  if (file === undefined) throw new CliError(`fit needs a data FILE; ${HELP_HINT}`);
  return { command: 'fit', file, kernel: kernel ?? 'rbf', fd, pretty };
}
