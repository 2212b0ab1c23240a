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
import { checkPoints, formatPointsText, MAX_EMBED_POINTS, parsePointsText } from './pointsText';
import { notice, type ProblemNotice } from '../i18n/notice';
import { problemText } from '../i18n/messages';
import { describeNotice, quoteNotice } from './problemValues';

export type EmbedPanel = 'controls' | 'readout' | 'status';
export const EMBED_PANELS: readonly EmbedPanel[] = ['controls', 'readout', 'status'];
export type EmbedTheme = 'auto' | 'light' | 'dark';
export const EMBED_THEMES: readonly EmbedTheme[] = ['auto', 'light', 'dark'];
const ARROW_MODES: readonly ArrowMode[] = ['vertical', 'vector'];

/** Plot heights an embed accepts, in CSS pixels. */
export const EMBED_HEIGHT_RANGE: readonly [number, number] = [160, 1200];

/**
 * The longest text read for an option, checked before the text is parsed or quoted: `points`
 * gets 80 characters per point (far more than `10,-2.999; ` needs), every other option 64.
 */
export const OPTION_TEXT_LIMITS = { points: 80 * MAX_EMBED_POINTS, other: 64 };

/** A value quoted in a problem: at most 40 characters of it. */
const quoteValue = (value: string) => quoteNotice(value, 40);

/** The problem with an option text longer than its limit, or null. */
function tooLong(name: string, value: unknown): ProblemNotice | null {
  const limit = name === 'points' ? OPTION_TEXT_LIMITS.points : OPTION_TEXT_LIMITS.other;
  if (typeof value !== 'string' || value.length <= limit) return null;
  return notice('optionTooLong', { name, length: value.length, limit });
}

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
  value: unknown,
  allowed: readonly T[],
): T | { problem: ProblemNotice } {
  if (typeof value !== 'string') {
    return { problem: notice('optionNotText', { name, value: describeNotice(value) }) };
  }
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  return (
    match ?? {
      problem: notice('optionNotOneOf', {
        name,
        value: quoteValue(value),
        allowed: allowed.join(', '),
      }),
    }
  );
}

function readBoolean(name: string, value: unknown): boolean | { problem: ProblemNotice } {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') {
    return { problem: notice('optionNotBooleanType', { name, value: describeNotice(value) }) };
  }
  const text = value.trim().toLowerCase();
  // A bare attribute (`<gp-sensitivity band>`) has the value ''.
  if (['', 'true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return { problem: notice('optionNotBoolean', { name, value: quoteValue(value) }) };
}

function readPanels(value: unknown): EmbedPanel[] | { problem: ProblemNotice } {
  const allowed = EMBED_PANELS.join(', ');
  let names: unknown[];
  if (typeof value === 'string') {
    names = value.split(/[,\s]+/);
  } else if (Array.isArray(value) && value.length <= 2 * EMBED_PANELS.length) {
    names = [...(value as unknown[])];
  } else {
    return { problem: notice('optionPanelsNotList', { allowed, value: describeNotice(value) }) };
  }
  if (!names.every((name): name is string => typeof name === 'string')) {
    return { problem: notice('optionPanelsNotNames', { allowed }) };
  }
  const wanted = names.map((name) => name.trim()).filter((name) => name !== '');
  if (wanted.length === 1 && wanted[0]?.toLowerCase() === 'none') return [];
  const panels: EmbedPanel[] = [];
  for (const name of wanted) {
    const panel = oneOf('panel', name, EMBED_PANELS);
    if (typeof panel !== 'string')
      return { problem: notice('optionPanelOrNone', { problem: panel.problem }) };
    if (!panels.includes(panel)) panels.push(panel);
  }
  return panels;
}

function readHeight(value: unknown): number | null | { problem: ProblemNotice } {
  if (value === null || (typeof value === 'string' && /^\s*(auto)?\s*$/i.test(value))) return null;
  // As text: pixel counts are written without digit grouping.
  const range = { min: String(EMBED_HEIGHT_RANGE[0]), max: String(EMBED_HEIGHT_RANGE[1]) };
  const [min, max] = EMBED_HEIGHT_RANGE;
  if (typeof value !== 'number' && typeof value !== 'string') {
    return { problem: notice('optionHeightType', { ...range, value: describeNotice(value) }) };
  }
  const height = typeof value === 'number' ? value : Number(value.trim().replace(/px$/i, ''));
  if (!Number.isFinite(height) || height < min || height > max) {
    const shown = typeof value === 'string' ? quoteValue(value) : String(value);
    return { problem: notice('optionHeightRange', { ...range, value: shown }) };
  }
  return Math.round(height);
}

export interface ResolvedEmbedOptions {
  config: EmbedConfig;
  /** One sentence per option that was ignored, naming the value and what is allowed (English). */
  problems: string[];
  /** The same problems as notices, to be said in the widget's language (`Translator.notice`). */
  notices: ProblemNotice[];
}

/** `notices` with their English sentences. */
function resolved(config: EmbedConfig, notices: ProblemNotice[]): ResolvedEmbedOptions {
  return { config, problems: notices.map((problem) => problemText(problem)), notices };
}

/** Checks every option; a bad one keeps `base`'s value (the defaults unless given). */
export function resolveEmbedOptions(
  options: EmbedOptions,
  base: EmbedConfig = defaultEmbedConfig(),
): ResolvedEmbedOptions {
  const config: EmbedConfig = { ...base };
  const problems: ProblemNotice[] = [];
  if (options === null || typeof options !== 'object') {
    return resolved(config, [notice('optionsNotObject', { value: describeNotice(options) })]);
  }
  const take = <T>(result: T | { problem: ProblemNotice }, apply: (value: T) => void) => {
    if (result !== null && typeof result === 'object' && 'problem' in result) {
      problems.push(notice('optionUsingDefault', { problem: result.problem }));
    } else {
      apply(result as T);
    }
  };

  // Every text is measured before it is parsed or quoted: a megabyte of junk costs nothing.
  const given = options as Record<string, unknown>;
  const skipped = new Set<string>();
  for (const name of EMBED_OPTION_NAMES) {
    const problem = tooLong(name, given[name]);
    if (problem === null) continue;
    skipped.add(name);
    problems.push(
      notice(name === 'points' ? 'optionShowingPreset' : 'optionUsingDefault', { problem }),
    );
  }
  if (skipped.has('points')) {
    // Its problem is already named.
  } else if (options.points !== undefined) {
    const parsed =
      typeof options.points === 'string'
        ? parsePointsText(options.points)
        : checkPoints(options.points);
    if (parsed.ok) config.points = parsed.points;
    else
      problems.push(
        notice('optionShowingPreset', {
          problem: notice('optionPoints', { problem: parsed.problem }),
        }),
      );
  } else if (options.preset !== undefined && !skipped.has('preset')) {
    const ids = PRESETS.map((preset) => preset.id);
    take(oneOf('preset', options.preset, ids), (id) => (config.points = findPreset(id).points));
  }
  if (options.kernel !== undefined && !skipped.has('kernel'))
    take(oneOf('kernel', options.kernel, KERNEL_NAMES), (kernel) => (config.kernel = kernel));
  if (options.hyperparameter !== undefined && !skipped.has('hyperparameter')) {
    take(
      oneOf('hyperparameter', options.hyperparameter, HYPERPARAMETER_NAMES),
      (name) => (config.hyperparameter = name),
    );
  }
  if (options.arrows !== undefined && !skipped.has('arrows'))
    take(oneOf('arrows', options.arrows, ARROW_MODES), (mode) => (config.arrows = mode));
  if (options.band !== undefined && !skipped.has('band'))
    take(readBoolean('band', options.band), (band) => (config.band = band));
  if (options.panels !== undefined && !skipped.has('panels'))
    take(readPanels(options.panels), (panels) => (config.panels = panels));
  if (options.height !== undefined && !skipped.has('height'))
    take(readHeight(options.height), (height) => (config.height = height));
  if (options.theme !== undefined && !skipped.has('theme'))
    take(oneOf('theme', options.theme, EMBED_THEMES), (theme) => (config.theme = theme));
  return resolved(config, problems);
}

/** The longest `app-url` read. */
export const APP_URL_LIMIT = 2048;

/**
 * The full explorer's address for the widget's "Open in explorer" link, resolved against `base`
 * (the page's address): only http and https addresses are linked, so an attribute can never
 * turn the link into script (`javascript:`) or a data document. A refused value gives `problem`
 * in English and `notice` to be said in the widget's language.
 */
export function readAppUrl(
  value: unknown,
  base: string,
): { url: string | null; problem: string | null; notice: ProblemNotice | null } {
  const refuse = (problem: ProblemNotice) => ({
    url: null,
    problem: problemText(problem),
    notice: problem,
  });
  if (value === null || value === undefined) return { url: null, problem: null, notice: null };
  if (typeof value !== 'string')
    return refuse(notice('appUrlNotText', { value: describeNotice(value) }));
  if (value.length > APP_URL_LIMIT)
    return refuse(notice('appUrlTooLong', { length: value.length }));
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return refuse(notice('appUrlNotAddress', { value: quoteValue(value) }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(notice('appUrlNotHttp', { value: quoteValue(value) }));
  }
  return { url: url.href, problem: null, notice: null };
}

/**
 * The longest query string embed.html reads: every option at its limit, percent-encoded (three
 * characters each). A longer one is refused before it is parsed.
 */
export const QUERY_LIMIT =
  3 * (OPTION_TEXT_LIMITS.points + EMBED_OPTION_NAMES.length * (OPTION_TEXT_LIMITS.other + 16));

/**
 * The options in a URL's query string (`?kernel=matern52&…`), measured before it is parsed: a
 * query longer than QUERY_LIMIT gives no options and one problem naming its length.
 */
export function readEmbedQuery(search: string): {
  options: EmbedOptions;
  problem: ProblemNotice | null;
} {
  if (search.length > QUERY_LIMIT) {
    return {
      options: {},
      problem: notice('embedQueryTooLong', { length: search.length, limit: QUERY_LIMIT }),
    };
  }
  const query = new URLSearchParams(search);
  return { options: readEmbedOptions((name) => query.get(name)), problem: null };
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
