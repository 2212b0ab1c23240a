/**
 * Built-in datasets. Each is deterministic (a fixed-seed generator), lies inside the plot's
 * domain and is chosen to show one behaviour of the fitted hyperparameters.
 */
import { normalGenerator, uniformGenerator } from '../engine/random';
import { snapPoint, type Point } from './domain';

export type PresetId = 'sine' | 'outlier' | 'clusters' | 'step' | 'noise';

export interface Preset {
  id: PresetId;
  points: readonly Point[];
  /**
   * The points its note names, by index (the note says index + 1): the plot writes their numbers
   * beside them while the note shows, so that nobody has to count the dots.
   */
  namedPoints: readonly number[];
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

/**
 * y = 1.2 sin(0.8 x) + N(0, noise²) at `count` jittered inputs on [0.6, 9.4]. The default (24
 * points, noise 0.3) was chosen by `scripts/search-presets.ts` for a maximum that stays put: every
 * drag of one point by up to ±0.3 keeps the fit trusted and the first-order prediction of θ̂
 * within 5 % of the refit, and any one added point leaves the arrows defined, for every kernel
 * (test/state/presets.test.ts).
 */
export function noisySine(count = 24, seed = 8, noise = 0.3): Point[] {
  const draw = normalGenerator(seed + 1);
  return spreadInputs(count, 0.6, 9.4, 0.3, seed).map((x) =>
    snapPoint(x, 1.2 * Math.sin(0.8 * x) + noise * draw()),
  );
}

/** How far above the curve the outlier sits (in y units, about 7 noise deviations). */
export const OUTLIER_OFFSET = 2;

/** Where the outlier preset lifts a point: the point nearest this x. */
const OUTLIER_NEAR = 5;

/** The index of the point nearest x = `near` (the first of a tie). */
function nearestIndex(points: readonly Point[], near: number): number {
  return points.reduce(
    (best, p, i) => (Math.abs(p.x - near) < Math.abs((points[best] ?? p).x - near) ? i : best),
    0,
  );
}

/**
 * `sine` (the default sine unless given) with its point nearest x = `near` moved OUTLIER_OFFSET
 * above the sine they follow.
 */
export function withOutlier(sine: readonly Point[] = noisySine(), near = OUTLIER_NEAR): Point[] {
  const points = [...sine];
  const nearest = nearestIndex(points, near);
  const target = points[nearest];
  if (target) {
    points[nearest] = snapPoint(target.x, 1.2 * Math.sin(0.8 * target.x) + OUTLIER_OFFSET);
  }
  return points;
}

/** Six points of a fast wiggle on each side, nothing in between. */
function twoClusters(): Point[] {
  const noise = normalGenerator(224);
  const left = spreadInputs(6, 0.8, 2.6, 0.3, 221);
  const right = spreadInputs(6, 7.2, 9.2, 0.3, 222);
  return [
    ...left.map((x) => snapPoint(x, 0.9 * Math.sin(3 * x) + 0.25 * noise())),
    ...right.map((x) => snapPoint(x, -0.8 + 0.9 * Math.cos(3 * x) + 0.25 * noise())),
  ];
}

/** The noise of the step preset, in y units: what a fit that followed the jump would find. */
export const STEP_NOISE = 0.05;

/** y = −1 left of x = 5, +1 right of it, with a little noise. */
function step(): Point[] {
  const noise = normalGenerator(67);
  return spreadInputs(24, 0.5, 9.5, 0.25, 66).map((x) =>
    snapPoint(x, (x < 5 ? -1 : 1) + STEP_NOISE * noise()),
  );
}

/** White noise of standard deviation 0.6: no function of x at all. */
function pureNoise(): Point[] {
  const noise = normalGenerator(127);
  return spreadInputs(20, 0.6, 9.4, 0.3, 126).map((x) => snapPoint(x, 0.6 * noise()));
}

/** The outlier preset's lifted point ("point 13" in its note). */
const OUTLIER_INDEX = nearestIndex(noisySine(), OUTLIER_NEAR);

/** The datasets of the data menu; their names and notes are in src/i18n/presets.en.ts. */
export const PRESETS: readonly Preset[] = [
  { id: 'sine', points: noisySine(), namedPoints: [] },
  {
    id: 'outlier',
    points: withOutlier(),
    // The lifted point and its right-hand neighbour.
    namedPoints: [OUTLIER_INDEX, OUTLIER_INDEX + 1],
  },
  { id: 'clusters', points: twoClusters(), namedPoints: [8] },
  { id: 'step', points: step(), namedPoints: [] },
  { id: 'noise', points: pureNoise(), namedPoints: [] },
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
