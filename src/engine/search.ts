/**
 * The global stage of the fit: the profile likelihood Lp(ℓ, g) (profile.ts; σf maximised out,
 * g = σn²/σf²) on a grid locates every basin, and its local maxima seed the Newton polish. Works
 * in internal (standardised) units.
 *
 * - Lengthscales from half the smallest spacing of the inputs to ten spans, log-spaced at
 *   `rowsPerDecade`: the grid is as wide as the scales present in the data, so inputs spread over
 *   many decades are searched at every one of them (the mean spacing would miss the small ones,
 *   and pure noise peaks at the smallest spacing); then 100 and 1000 spans, the far edge of the
 *   box.
 * - Noise ratios from the noise floor (search-region.ts) to 10, log-spaced at `columnsPerDecade`.
 * - Around every local maximum within CANDIDATE_WINDOW of the best, the grid is refined to half
 *   its spacing in both directions (two more eigendecompositions; the other rows' spectra are
 *   kept), and every local maximum of the refined patch is a candidate: two basins that share a
 *   coarse cell come apart there.
 */
import type { SpectralData } from './eigen';
import { createProfileWorkspace, logSpaced, profileCells, profileSpectrum } from './profile';
import { inputSpacing, noiseRatioFloor } from './search-region';
import type { KernelName, LogTheta } from './types';

/** Datasets larger than this are searched on an evenly spread subsample (then polished on all). */
export const SEARCH_SUBSAMPLE_SIZE = 240;
/**
 * Lengthscale rows per decade: a row costs an O(n³) eigendecomposition, about a third of a
 * Newton step's evaluation, so small datasets — whose likelihood is also the most rugged, with
 * second peaks a few hundredths of a nat deep — get a dense grid (24 per decade up to 20 points),
 * large ones a coarse one (3 per decade from 160 points), refined around its maxima.
 */
function rowsPerDecade(n: number): number {
  return Math.min(24, Math.max(3, 5 * (100 / n) ** 1.5));
}

/**
 * The most rows, for inputs spread over many decades: 48 at n = 100 and beyond, more for smaller
 * data as the cost of a row falls like n³ (up to 400).
 */
function maxRows(n: number): number {
  return Math.round(Math.min(400, Math.max(48, 48 * (100 / n) ** 3)));
}
const MIN_ROWS = 6;
/** Rows beyond the dense grid, in spans (the box ends at 1000). */
const FAR_LENGTHSCALES = [100, 1000];
/** Noise-ratio columns per decade: a column costs O(n) per row, so small data get more. */
function columnsPerDecade(n: number): number {
  return Math.min(12, Math.max(3, 300 / n));
}
const LARGEST_NOISE_RATIO = 10;
/** Grid maxima worse than the best by more than this (nats) cannot win and are not polished. */
const CANDIDATE_WINDOW = 12;
/** A safeguard against pathological surfaces with dozens of ripples: the best this many. */
const MAX_CANDIDATES = 12;

export interface SearchCandidate {
  logTheta: LogTheta;
  profileLml: number;
}

/** At most `size` points spread evenly in x order (the data itself when it is small enough). */
export function subsample(
  x: Float64Array,
  y: Float64Array,
  size: number,
): { x: Float64Array; y: Float64Array } {
  if (x.length <= size) return { x, y };
  const order = Array.from(x.keys()).sort((a, b) => x[a]! - x[b]!);
  const xs = new Float64Array(size);
  const ys = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const index = order[Math.round((i * (x.length - 1)) / (size - 1))]!;
    xs[i] = x[index]!;
    ys[i] = y[index]!;
  }
  return { x: xs, y: ys };
}

/** `count` values log-spaced over [low, high], at least `minimum`, at `perDecade`. */
function logGrid(low: number, high: number, perDecade: number, minimum: number, maximum: number) {
  const decades = Math.log10(high / low);
  const count = Math.min(maximum, Math.max(minimum, Math.ceil(decades * perDecade) + 1));
  return logSpaced(low, high, count);
}

/** A rectangular patch of Lp: rows × columns, row-major, with the maximising σf² per cell. */
interface Patch {
  lengthscales: Float64Array;
  ratios: Float64Array;
  lml: Float64Array;
  signalVariance: Float64Array;
}

function evaluatePatch(
  spectra: SpectralData[],
  lengthscales: Float64Array,
  ratios: Float64Array,
): Patch {
  const columns = ratios.length;
  const lml = new Float64Array(lengthscales.length * columns);
  const signalVariance = new Float64Array(lengthscales.length * columns);
  spectra.forEach((spectrum, i) =>
    profileCells(spectrum, ratios, lml, i * columns, signalVariance),
  );
  return { lengthscales, ratios, lml, signalVariance };
}

/** Indices of the local maxima of a patch (8 neighbours; ties go to the earlier cell). */
function localMaxima(patch: Patch): number[] {
  const rows = patch.lengthscales.length;
  const columns = patch.ratios.length;
  const { lml } = patch;
  const maxima: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const index = i * columns + j;
      const value = lml[index]!;
      if (!Number.isFinite(value)) continue;
      let isMaximum = true;
      for (let di = -1; di <= 1 && isMaximum; di++) {
        for (let dj = -1; dj <= 1; dj++) {
          const ni = i + di;
          const nj = j + dj;
          if ((di === 0 && dj === 0) || ni < 0 || nj < 0 || ni >= rows || nj >= columns) continue;
          const neighbourIndex = ni * columns + nj;
          const neighbour = lml[neighbourIndex]!;
          // Ties go to the earlier cell so a plateau yields one candidate.
          if (neighbour > value || (neighbour === value && neighbourIndex < index)) {
            isMaximum = false;
            break;
          }
        }
      }
      if (isMaximum) maxima.push(index);
    }
  }
  return maxima;
}

/**
 * The least-squares quadratic f ≈ a + b·u + c·v + ½(d·u² + 2e·uv + f·v²) on the 3×3 stencil
 * u, v ∈ {−1, 0, 1} around a cell; `values(u, v)` is undefined outside the patch.
 */
function stencilQuadratic(values: (u: number, v: number) => number | undefined) {
  const at = (u: number, v: number) => values(u, v)!;
  const complete = [-1, 0, 1].every((u) => [-1, 0, 1].every((v) => values(u, v) !== undefined));
  if (!complete) return null;
  let b = 0;
  let c = 0;
  let d = 0;
  let f = 0;
  for (const w of [-1, 0, 1]) {
    b += (at(1, w) - at(-1, w)) / 6;
    c += (at(w, 1) - at(w, -1)) / 6;
    d += (at(1, w) - 2 * at(0, w) + at(-1, w)) / 3;
    f += (at(w, 1) - 2 * at(w, 0) + at(w, -1)) / 3;
  }
  const e = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / 4;
  return { b, c, d, e, f };
}

/**
 * Where the stencil's quadratic peaks, as an offset (u, v) in grid steps within [−1, 1]², or
 * (0, 0) where it has no maximum there (a cell on the patch's edge, or a saddle).
 */
function stencilPeak(values: (u: number, v: number) => number | undefined): [number, number] {
  const q = stencilQuadratic(values);
  if (!q) return [0, 0];
  const determinant = q.d * q.f - q.e * q.e;
  if (!(q.d < 0 && determinant > 0)) return [0, 0];
  // ∇ = 0: [d e; e f] (u, v) = −(b, c).
  const u = (-q.b * q.f + q.c * q.e) / determinant;
  const v = (-q.c * q.d + q.b * q.e) / determinant;
  if (!(Math.abs(u) <= 1 && Math.abs(v) <= 1)) return [0, 0];
  return [u, v];
}

/**
 * The candidate at a local maximum of a patch, moved to the peak of the quadratic fitted to it
 * and its eight neighbours (in log ℓ and log g; log σf² interpolated alike): the profile's ridge
 * often runs diagonally across the grid, and a start a fraction of a cell from the peak saves the
 * polish a Newton step or two.
 */
/** How far along the noise-ratio axis (decades) a ridge may run between neighbouring rows. */
const RIDGE_DECADES_PER_ROW = 2;
/** Maxima within this many nats of the best are never taken for ridge steps. */
const KEEP_NEAR_BEST = 3;

/**
 * The local maxima that are not steps of a ridge. A ridge running diagonally across the grid —
 * longer ℓ with less noise is the classic one — shows a local maximum in every row it crosses,
 * each the highest of its neighbourhood; polishing each would walk the ridge to the same peak. A
 * maximum is such a step when a neighbouring row holds a higher cell within
 * RIDGE_DECADES_PER_ROW of its noise ratio; one whose higher neighbours are further away in g (a
 * peak on the noise floor beside a noisy basin) is a basin of its own and stays, and so does any
 * maximum within KEEP_NEAR_BEST of the best: there a step and a second peak look alike.
 */
function withoutRidgeSteps(patch: Patch, maxima: number[], perDecade: number): number[] {
  const columns = patch.ratios.length;
  const rows = patch.lengthscales.length;
  const reach = Math.ceil(RIDGE_DECADES_PER_ROW * perDecade);
  const best = Math.max(...maxima.map((index) => patch.lml[index]!));
  return maxima.filter((index) => {
    const row = Math.floor(index / columns);
    const column = index % columns;
    const value = patch.lml[index]!;
    // Near the top, a step and a second peak beside the first look alike on the grid: polish it.
    if (value >= best - KEEP_NEAR_BEST) return true;
    for (const neighbour of [row - 1, row + 1]) {
      if (neighbour < 0 || neighbour >= rows) continue;
      const from = Math.max(0, column - reach);
      const to = Math.min(columns - 1, column + reach);
      for (let j = from; j <= to; j++)
        if (patch.lml[neighbour * columns + j]! > value) return false;
    }
    return true;
  });
}

/**
 * The candidate at a local maximum of a patch, moved to the peak of the quadratic fitted to it
 * and its eight neighbours (in log ℓ and log g; log σf² interpolated alike): the profile's ridge
 * often runs diagonally across the grid, and a start a fraction of a cell from the peak saves the
 * polish a Newton step or two.
 */
function candidateAt(patch: Patch, index: number): SearchCandidate {
  const columns = patch.ratios.length;
  const rows = patch.lengthscales.length;
  const row = Math.floor(index / columns);
  const column = index % columns;
  const inside = (u: number, v: number) =>
    row + u >= 0 && row + u < rows && column + v >= 0 && column + v < columns;
  const cell = (u: number, v: number) => (row + u) * columns + column + v;
  const [u, v] = stencilPeak((du, dv) => (inside(du, dv) ? patch.lml[cell(du, dv)] : undefined));
  // The patch's axes are evenly spaced in log; interpolate the logarithms.
  const along = (values: Float64Array, i: number, offset: number) => {
    const here = Math.log(values[i]!);
    if (offset === 0) return here;
    return here + Math.abs(offset) * (Math.log(values[offset < 0 ? i - 1 : i + 1]!) - here);
  };
  const variance = stencilQuadratic((du, dv) =>
    inside(du, dv) ? Math.log(patch.signalVariance[cell(du, dv)]!) : undefined,
  );
  let logSignalVariance = Math.log(patch.signalVariance[index]!);
  if (variance) {
    logSignalVariance +=
      variance.b * u +
      variance.c * v +
      0.5 * (variance.d * u * u + 2 * variance.e * u * v + variance.f * v * v);
  }
  const logSignalStd = 0.5 * logSignalVariance;
  return {
    logTheta: [
      along(patch.lengthscales, row, u),
      logSignalStd,
      logSignalStd + 0.5 * along(patch.ratios, column, v),
    ],
    profileLml: patch.lml[index]!,
  };
}

/** The values of `grid` at indices around `index`, with geometric midpoints: up to 5 values. */
function refinedAround(grid: Float64Array, index: number): Float64Array {
  const values: number[] = [];
  for (let k = Math.max(0, index - 1); k <= Math.min(grid.length - 1, index + 1); k++) {
    if (k > Math.max(0, index - 1)) values.push(Math.sqrt(grid[k - 1]! * grid[k]!));
    values.push(grid[k]!);
  }
  return Float64Array.from(values);
}

function copySpectrum(spectrum: SpectralData): SpectralData {
  return {
    eigenvalues: Float64Array.from(spectrum.eigenvalues),
    rotatedData: Float64Array.from(spectrum.rotatedData),
  };
}

/**
 * Local maxima of the profile likelihood on the search grid and its refinements, best first
 * (internal log θ). Pass at most SEARCH_SUBSAMPLE_SIZE points (see `subsample`): each grid row
 * costs an O(n³) eigendecomposition.
 */
export function searchCandidates(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
): SearchCandidate[] {
  const { span, minGap } = inputSpacing(x);
  // Beyond ten spans R changes slowly (towards 11ᵀ); two rows reach the edge of the box there,
  // where the data can look like a constant or a trend.
  const lengthscales = Float64Array.from([
    ...logGrid(0.5 * minGap, 10 * span, rowsPerDecade(x.length), MIN_ROWS, maxRows(x.length)),
    ...FAR_LENGTHSCALES.map((spans) => spans * span),
  ]);
  const perDecade = columnsPerDecade(x.length);
  const ratios = logGrid(noiseRatioFloor(x.length), LARGEST_NOISE_RATIO, perDecade, 8, 128);
  const workspace = createProfileWorkspace(kernel, x, y);
  const spectra = Array.from(lengthscales, (lengthscale) =>
    copySpectrum(profileSpectrum(workspace, lengthscale)),
  );
  const coarse = evaluatePatch(spectra, lengthscales, ratios);
  const coarseMaxima = withoutRidgeSteps(coarse, localMaxima(coarse), perDecade);
  const coarseBest = Math.max(...coarseMaxima.map((index) => coarse.lml[index]!));
  const candidates: SearchCandidate[] = [];
  for (const index of coarseMaxima) {
    if (coarse.lml[index]! < coarseBest - CANDIDATE_WINDOW) continue;
    const row = Math.floor(index / ratios.length);
    const column = index % ratios.length;
    const patchLengthscales = refinedAround(lengthscales, row);
    const patchRatios = refinedAround(ratios, column);
    // Rows of the coarse grid keep their spectra; only the midpoints need new ones.
    const patchSpectra = Array.from(patchLengthscales, (lengthscale) => {
      const known = lengthscales.indexOf(lengthscale);
      return known >= 0 ? spectra[known]! : copySpectrum(profileSpectrum(workspace, lengthscale));
    });
    const patch = evaluatePatch(patchSpectra, patchLengthscales, patchRatios);
    for (const patchIndex of localMaxima(patch)) candidates.push(candidateAt(patch, patchIndex));
  }
  candidates.sort((a, b) => b.profileLml - a.profileLml);
  const best = candidates[0]?.profileLml ?? -Infinity;
  const distinct = candidates.filter(
    (candidate, i) =>
      candidate.profileLml >= best - CANDIDATE_WINDOW &&
      !candidates
        .slice(0, i)
        .some((other) => other.logTheta.every((value, k) => value === candidate.logTheta[k])),
  );
  return distinct.slice(0, MAX_CANDIDATES);
}
