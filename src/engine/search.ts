/**
 * The global stage of the fit: the profile likelihood Lp(ℓ, g) (profile.ts; σf maximised out,
 * g = σn²/σf²) on a grid locates every basin, and its local maxima seed the Newton polish. Works
 * in internal (standardised) units.
 *
 * - Lengthscales from half the smallest spacing of the inputs to ten spans, log-spaced at
 *   ROWS_PER_DECADE (one per decade below the smallest tenth of the spacings): the grid is as
 *   wide as the scales present in the data, so inputs spread over many decades are searched at
 *   every one of them (the mean spacing would miss the small ones); then 100 and 1000 spans, the
 *   far edge of the box.
 * - Noise ratios from the noise floor (search-region.ts) to 10, log-spaced at COLUMNS_PER_DECADE.
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
const ROWS_PER_DECADE = 2.5;
const MIN_ROWS = 6;
/** Beyond this many rows (inputs spread over more than ~18 decades) the grid thins out. */
const MAX_ROWS = 48;
/** Below half this quantile of the spacings, rows are one per decade. */
const SPARSE_GAP_QUANTILE = 0.1;
/** Rows beyond the dense grid, in spans (the box ends at 1000). */
const FAR_LENGTHSCALES = [100, 1000];
const COLUMNS_PER_DECADE = 1.5;
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

/** Rows one decade apart from `low` up to (not including) `high`. */
function sparseBelow(low: number, high: number): number[] {
  const rows: number[] = [];
  for (let value = low; value < high / 3; value *= 10) rows.push(value);
  return rows;
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
 * The vertex of the parabola through three equally spaced values f(−1), f(0), f(1) with f(0) the
 * largest: an offset in [−½, ½] grid steps (0 when the three are collinear or missing).
 */
function parabolaVertex(below: number | undefined, centre: number, above: number | undefined) {
  if (below === undefined || above === undefined) return 0;
  const curvature = below - 2 * centre + above;
  if (!(curvature < 0)) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (below - above)) / curvature));
}

/**
 * The candidate at a local maximum of a patch, moved to the vertex of the parabolas through it and
 * its neighbours along each axis (in log ℓ and log g; log σf² interpolated alike): the grid's
 * spacing is coarse, and a start within a fraction of it saves the polish a Newton step or two.
 */
function candidateAt(patch: Patch, index: number): SearchCandidate {
  const columns = patch.ratios.length;
  const rows = patch.lengthscales.length;
  const row = Math.floor(index / columns);
  const column = index % columns;
  const at = (r: number, c: number) =>
    r < 0 || c < 0 || r >= rows || c >= columns ? undefined : patch.lml[r * columns + c];
  const logVariance = (r: number, c: number) => Math.log(patch.signalVariance[r * columns + c]!);
  const rowOffset = parabolaVertex(at(row - 1, column), patch.lml[index]!, at(row + 1, column));
  const columnOffset = parabolaVertex(at(row, column - 1), patch.lml[index]!, at(row, column + 1));
  // Log-spaced axes: interpolate the logarithms (the patch's rows need not be evenly spaced, so
  // each side's own spacing is used).
  const logAlong = (values: Float64Array, i: number, offset: number) => {
    const here = Math.log(values[i]!);
    const neighbour = values[offset < 0 ? i - 1 : i + 1];
    return neighbour === undefined ? here : here + Math.abs(offset) * (Math.log(neighbour) - here);
  };
  const varianceAlong = (neighbourRow: number, neighbourColumn: number, offset: number): number =>
    offset === 0 || at(neighbourRow, neighbourColumn) === undefined
      ? 0
      : Math.abs(offset) * (logVariance(neighbourRow, neighbourColumn) - logVariance(row, column));
  const logSignalVariance =
    logVariance(row, column) +
    varianceAlong(row + Math.sign(rowOffset), column, rowOffset) +
    varianceAlong(row, column + Math.sign(columnOffset), columnOffset);
  const logSignalStd = 0.5 * logSignalVariance;
  return {
    logTheta: [
      logAlong(patch.lengthscales, row, rowOffset),
      logSignalStd,
      logSignalStd + 0.5 * logAlong(patch.ratios, column, columnOffset),
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
  const { span, minGap, gaps } = inputSpacing(x);
  // Below the smallest tenth of the spacings few points are correlated at all and the surface
  // changes slowly: one row per decade there.
  const sparseLimit = gaps[Math.floor(SPARSE_GAP_QUANTILE * (gaps.length - 1))] ?? minGap;
  // Beyond ten spans R changes slowly (towards 11ᵀ); two rows reach the edge of the box there,
  // where the data can look like a constant or a trend.
  const lengthscales = Float64Array.from([
    ...sparseBelow(0.5 * minGap, 0.5 * sparseLimit),
    ...logGrid(0.5 * sparseLimit, 10 * span, ROWS_PER_DECADE, MIN_ROWS, MAX_ROWS),
    ...FAR_LENGTHSCALES.map((spans) => spans * span),
  ]);
  const ratios = logGrid(noiseRatioFloor(x.length), LARGEST_NOISE_RATIO, COLUMNS_PER_DECADE, 8, 64);
  const workspace = createProfileWorkspace(kernel, x, y);
  const spectra = Array.from(lengthscales, (lengthscale) =>
    copySpectrum(profileSpectrum(workspace, lengthscale)),
  );
  const coarse = evaluatePatch(spectra, lengthscales, ratios);
  const coarseMaxima = localMaxima(coarse);
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
