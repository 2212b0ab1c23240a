/**
 * What an embedded widget shows, from a URL (`embed.html?kernel=matern52&panels=readout`), from the
 * attributes of `<gp-sensitivity>` or from `mount(element, options)`. Every option is optional;
 * a bad value is replaced by its default and reported in one plain sentence, never thrown.
 *
 *   points          `x,y; x,y; …` in plot units (or an array of {x, y}); default: the preset
 *   preset          sine | outlier | clusters | step | noise (used when `points` is absent)
 *   kernel          rbf | matern52 | matern32
 *   hyperparameter  lengthscale | signalStd | noiseStd — what the arrows show
 *   arrows          vertical (dθ̂/dy) | vector ((dθ̂/dx, dθ̂/dy))
 *   band            true | false — the posterior's 95% band
 *   panels          comma list of controls, readout, status; `none` for the plot alone
 *   height          plot height in CSS pixels (160–1200), or auto (from the width)
 *   theme           auto (follows the reader's system) | light | dark
 */
import {
  HYPERPARAMETER_NAMES,
  KERNEL_NAMES,
  type HyperparameterName,
  type KernelName,
} from '../engine/types';
import {
  DEFAULT_KERNEL,
  DEFAULT_PRESET_ID,
  DEFAULT_VIEW_OPTIONS,
  findPreset,
  PRESETS,
  type ArrowMode,
  type Point,
  type PresetId,
} from '../state';
import { checkPoints, formatPointsText, parsePointsText } from './pointsText';

export type EmbedPanel = 'controls' | 'readout' | 'status';
export const EMBED_PANELS: readonly EmbedPanel[] = ['controls', 'readout', 'status'];
export type EmbedTheme = 'auto' | 'light' | 'dark';
export const EMBED_THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];
const ARROW_MODES: readonly ArrowMode[] = ['vertical', 'vector'];

/** Plot heights an embed accepts, in CSS pixels. */
export const EMBED_HEIGHT_RANGE: readonly [number, number] = [160, 1200];

/** Names of the options as attributes and URL parameters, in the order snippets write them. */
export const EMBED_OPTION_NAMES = [
  'points',
  'preset',
  'kernel',
  'hyperparameter',
  'arrows',
  'band',
  'panels',
  'height',
  'theme',
] as const;
export type EmbedOptionName = (typeof EMBED_OPTION_NAMES)[number];

/** Widens a union of literals to any string while keeping the literals for autocompletion. */
type Loose<T extends string> = T | (string & Record<never, never>);

/** Options as a page author writes them: typed values or their text forms. */
export interface EmbedOptions {
  points?: readonly { x: number; y: number }[] | string;
  preset?: Loose<PresetId>;
  kernel?: Loose<KernelName>;
  hyperparameter?: Loose<HyperparameterName>;
  arrows?: Loose<ArrowMode>;
  band?: boolean | string;
  panels?: readonly Loose<EmbedPanel>[] | string;
  height?: number | string | null;
  theme?: Loose<EmbedTheme>;
}

/** The options with every value checked and defaults filled in. */
export interface EmbedConfig {
  points: readonly Point[];
  kernel: KernelName;
  hyperparameter: HyperparameterName;
  arrows: ArrowMode;
  band: boolean;
  panels: readonly EmbedPanel[];
  /** Plot height in CSS pixels, or null to derive it from the width. */
  height: number | null;
  theme: EmbedTheme;
}

export const DEFAULT_EMBED_PANELS: readonly EmbedPanel[] = ['controls', 'readout'];

export function defaultEmbedConfig(): EmbedConfig {
  return {
    points: findPreset(DEFAULT_PRESET_ID).points,
    kernel: DEFAULT_KERNEL,
    hyperparameter: DEFAULT_VIEW_OPTIONS.hyperparameter,
    arrows: DEFAULT_VIEW_OPTIONS.arrowMode,
    band: DEFAULT_VIEW_OPTIONS.showBand,
    panels: DEFAULT_EMBED_PANELS,
    height: null,
    theme: 'auto',
  };
}

/** `value` if it is one of `allowed` (case-insensitively), else a message listing them. */
function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
): T | { problem: string } {
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  return (
    match ?? {
      problem: `${name} "${value}" is not one of ${allowed.join(', ')}`,
    }
  );
}

function readBoolean(name: string, value: boolean | string): boolean | { problem: string } {
  if (typeof value === 'boolean') return value;
  const text = value.trim().toLowerCase();
  // A bare attribute (`<gp-sensitivity band>`) has the value ''.
  if (['', 'true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return { problem: `${name} "${value}" is not true or false` };
}

function readPanels(value: readonly string[] | string): EmbedPanel[] | { problem: string } {
  const names = typeof value === 'string' ? value.split(/[,\s]+/) : [...value];
  const wanted = names.map((name) => name.trim()).filter((name) => name !== '');
  if (wanted.length === 1 && wanted[0]?.toLowerCase() === 'none') return [];
  const panels: EmbedPanel[] = [];
  for (const name of wanted) {
    const panel = oneOf('panel', name, EMBED_PANELS);
    if (typeof panel !== 'string')
      return { problem: `${panel.problem} (or none for the plot alone)` };
    if (!panels.includes(panel)) panels.push(panel);
  }
  return panels;
}

function readHeight(value: number | string | null): number | null | { problem: string } {
  if (value === null || (typeof value === 'string' && /^\s*(auto)?\s*$/i.test(value))) return null;
  const height = typeof value === 'number' ? value : Number(value.trim().replace(/px$/i, ''));
  const [min, max] = EMBED_HEIGHT_RANGE;
  if (!Number.isFinite(height) || height < min || height > max) {
    return {
      problem: `height "${value}" is not a number of pixels from ${min} to ${max}, or auto`,
    };
  }
  return Math.round(height);
}

export interface ResolvedEmbedOptions {
  config: EmbedConfig;
  /** One sentence per option that was ignored, naming the value and what is allowed. */
  problems: string[];
}

/** Checks every option; a bad one keeps `base`'s value (the defaults unless given). */
export function resolveEmbedOptions(
  options: EmbedOptions,
  base: EmbedConfig = defaultEmbedConfig(),
): ResolvedEmbedOptions {
  const config: EmbedConfig = { ...base };
  const problems: string[] = [];
  const take = <T>(result: T | { problem: string }, apply: (value: T) => void) => {
    if (result !== null && typeof result === 'object' && 'problem' in result) {
      problems.push(`${result.problem}; using the default.`);
    } else {
      apply(result as T);
    }
  };

  if (options.points !== undefined) {
    const parsed =
      typeof options.points === 'string'
        ? parsePointsText(options.points)
        : checkPoints(options.points);
    if (parsed.ok) config.points = parsed.points;
    else
      problems.push(
        `points: ${parsed.message}; showing the ${findPreset(DEFAULT_PRESET_ID).label.toLowerCase()} instead.`,
      );
  } else if (options.preset !== undefined) {
    const ids = PRESETS.map((preset) => preset.id);
    take(oneOf('preset', options.preset, ids), (id) => (config.points = findPreset(id).points));
  }
  if (options.kernel !== undefined)
    take(oneOf('kernel', options.kernel, KERNEL_NAMES), (kernel) => (config.kernel = kernel));
  if (options.hyperparameter !== undefined) {
    take(
      oneOf('hyperparameter', options.hyperparameter, HYPERPARAMETER_NAMES),
      (name) => (config.hyperparameter = name),
    );
  }
  if (options.arrows !== undefined)
    take(oneOf('arrows', options.arrows, ARROW_MODES), (mode) => (config.arrows = mode));
  if (options.band !== undefined)
    take(readBoolean('band', options.band), (band) => (config.band = band));
  if (options.panels !== undefined)
    take(readPanels(options.panels), (panels) => (config.panels = panels));
  if (options.height !== undefined)
    take(readHeight(options.height), (height) => (config.height = height));
  if (options.theme !== undefined)
    take(oneOf('theme', options.theme, EMBED_THEMES), (theme) => (config.theme = theme));
  return { config, problems };
}

/** The options present in a source of text values (URL parameters, element attributes). */
export function readEmbedOptions(read: (name: EmbedOptionName) => string | null): EmbedOptions {
  const options: Record<string, string> = {};
  for (const name of EMBED_OPTION_NAMES) {
    const value = read(name);
    if (value !== null) options[name] = value;
  }
  return options as EmbedOptions;
}

/**
 * The text form of a configuration, option by option, leaving out values equal to the defaults
 * (a preset's points are written as `preset`).
 */
export function embedOptionText(config: EmbedConfig): [EmbedOptionName, string][] {
  const defaults = defaultEmbedConfig();
  const entries: [EmbedOptionName, string][] = [];
  const preset = PRESETS.find(
    (candidate) =>
      candidate.points.length === config.points.length &&
      candidate.points.every((p, i) => p.x === config.points[i]?.x && p.y === config.points[i]?.y),
  );
  if (!preset) entries.push(['points', formatPointsText(config.points)]);
  else if (preset.id !== DEFAULT_PRESET_ID) entries.push(['preset', preset.id]);
  if (config.kernel !== defaults.kernel) entries.push(['kernel', config.kernel]);
  if (config.hyperparameter !== defaults.hyperparameter)
    entries.push(['hyperparameter', config.hyperparameter]);
  if (config.arrows !== defaults.arrows) entries.push(['arrows', config.arrows]);
  if (config.band !== defaults.band) entries.push(['band', String(config.band)]);
  if (config.panels.join(',') !== defaults.panels.join(','))
    entries.push(['panels', config.panels.length === 0 ? 'none' : config.panels.join(',')]);
  if (config.height !== null) entries.push(['height', String(config.height)]);
  if (config.theme !== defaults.theme) entries.push(['theme', config.theme]);
  return entries;
}
