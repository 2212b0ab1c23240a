/**
 * Built-in datasets. Each is deterministic (a fixed-seed generator), lies inside the plot's
 * domain and is chosen to show one behaviour of the fitted hyperparameters.
 */
import { normalGenerator, uniformGenerator } from '../engine/random';
import { snapPoint, type Point } from './domain';

export type PresetId = 'sine' | 'outlier' | 'clusters' | 'step' | 'noise';

export interface Preset {
  id: PresetId;
  /** Short name for a menu. */
  label: string;
  /** One sentence on what to look for. */
  description: string;
  points: readonly Point[];
}

/** `count` inputs spread over [from, to], each jittered by up to ± `jitter` of the spacing. */
function spreadInputs(count: number, from: number, to: number, jitter: number, seed: number) {
  const uniform = uniformGenerator(seed);
  const spacing = (to - from) / (count - 1);
  return Array.from(
    { length: count },
    (_, i) => from + spacing * (i + jitter * (2 * uniform() - 1)),
  );
}

/** y = 1.2 sin(0.8 x) + N(0, noise²) at `count` jittered inputs on [0.6, 9.4]. */
export function noisySine(count = 12, seed = 7, noise = 0.18): Point[] {
  const draw = normalGenerator(seed + 1);
  return spreadInputs(count, 0.6, 9.4, 0.3, seed).map((x) =>
    snapPoint(x, 1.2 * Math.sin(0.8 * x) + noise * draw()),
  );
}

/** A noisier sine whose point nearest x = 5 sits 1.4 above the curve (7 noise deviations). */
function withOutlier(): Point[] {
  const points = noisySine(12, 7, 0.2);
  const nearest = points.reduce(
    (best, p, i) => (Math.abs(p.x - 5) < Math.abs((points[best] ?? p).x - 5) ? i : best),
    0,
  );
  const target = points[nearest];
  if (target) points[nearest] = snapPoint(target.x, 1.2 * Math.sin(0.8 * target.x) + 1.4);
  return points;
}

function twoClusters(): Point[] {
  const noise = normalGenerator(23);
  const left = spreadInputs(6, 0.8, 2.6, 0.3, 21);
  const right = spreadInputs(6, 7.2, 9.2, 0.3, 22);
  return [
    ...left.map((x) => snapPoint(x, 0.9 * Math.sin(2.2 * x) + 0.1 * noise())),
    ...right.map((x) => snapPoint(x, -0.8 + 0.9 * Math.cos(2.2 * x) + 0.1 * noise())),
  ];
}

function step(): Point[] {
  const noise = normalGenerator(31);
  return spreadInputs(14, 0.5, 9.5, 0.25, 30).map((x) =>
    snapPoint(x, (x < 5 ? -1 : 1) + 0.12 * noise()),
  );
}

function pureNoise(): Point[] {
  // A draw whose optimum is degenerate (the lengthscale runs below the spacing of the inputs).
  const noise = normalGenerator(91);
  return spreadInputs(12, 0.6, 9.4, 0.3, 90).map((x) => snapPoint(x, 0.6 * noise()));
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'sine',
    label: 'Noisy sine',
    description: 'A smooth curve with a little noise: every hyperparameter is well determined.',
    points: noisySine(),
  },
  {
    id: 'outlier',
    label: 'An outlier',
    description: 'One point far off the curve pulls hard on the noise level and the lengthscale.',
    points: withOutlier(),
  },
  {
    id: 'clusters',
    label: 'Two clusters',
    description: 'Nothing between the groups: long and short lengthscales compete.',
    points: twoClusters(),
  },
  {
    id: 'step',
    label: 'A step',
    description:
      'A jump a smooth kernel cannot make: RBF rounds it off and calls the misfit noise. Try Matérn 3/2.',
    points: step(),
  },
  {
    id: 'noise',
    label: 'Pure noise',
    description: 'No signal at all: the optimum is flat or on a boundary, and the arrows say so.',
    points: pureNoise(),
  },
];

export const DEFAULT_PRESET_ID: PresetId = 'sine';

export function findPreset(id: PresetId): Preset {
  const preset = PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`Unknown preset "${id}"`);
  return preset;
}

/** The preset whose points are exactly `points`, if any (so a shared link keeps its name). */
export function matchPreset(points: readonly Point[]): PresetId | null {
  const match = PRESETS.find(
    (preset) =>
      preset.points.length === points.length &&
      preset.points.every((p, i) => p.x === points[i]?.x && p.y === points[i]?.y),
  );
  return match?.id ?? null;
}
