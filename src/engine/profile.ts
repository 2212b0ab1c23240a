/**
 * The profile likelihood (docs/design.md, "Profile likelihood"): with g = σn²/σf² and
 * A = R + gI, σf² is maximised at σ̂f² = yᵀA⁻¹y / n, leaving
 *
 *   Lp(ℓ, g) = −n/2 − (n/2) log(yᵀA⁻¹y / n) − ½ log|A| − (n/2) log 2π.
 *
 * With R = QΛQᵀ and z = Qᵀy, yᵀA⁻¹y = Σ zᵢ²/(λᵢ + g) and log|A| = Σ log(λᵢ + g): one symmetric
 * eigendecomposition per ℓ, then O(n) per noise ratio g.
 */
import { denseKernels, type DenseKernels } from './dense-kernels';
import { symmetricSpectrum, type SpectralData } from './eigen';
import { fillCorrelation } from './kernels';
import type { KernelName } from './types';

const LOG_TWO_PI = Math.log(2 * Math.PI);
const LOG_BLOCK = 16;

/** Buffers for profile columns over one dataset. */
export interface ProfileWorkspace {
  kernel: KernelName;
  /** The dense kernels the spectra are computed on, chosen when the workspace is created. */
  kernels: DenseKernels;
  x: Float64Array;
  y: Float64Array;
  matrix: Float64Array;
  spectrum: SpectralData;
}

export function createProfileWorkspace(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
  kernels: DenseKernels = denseKernels(),
): ProfileWorkspace {
  const n = x.length;
  return {
    kernel,
    kernels,
    x,
    y,
    matrix: new Float64Array(n * n),
    spectrum: { eigenvalues: new Float64Array(n), rotatedData: new Float64Array(n) },
  };
}

/**
 * Lp(ℓ, g) for one lengthscale and every noise ratio in `noiseRatios`, written to
 * `lml[offset + j]`; the maximising σf² of each cell to `signalVariance[offset + j]` if given.
 */
export function profileColumn(
  workspace: ProfileWorkspace,
  lengthscale: number,
  noiseRatios: Float64Array,
  lml: Float64Array,
  offset: number,
  signalVariance?: Float64Array,
): void {
  profileCells(profileSpectrum(workspace, lengthscale), noiseRatios, lml, offset, signalVariance);
}

/**
 * The spectrum of R at one lengthscale — its eigenvalues λ (round-off negatives set to 0) and the
 * rotated data z = Qᵀy — from which `profileCells` gives Lp at any noise ratio in O(n). The
 * result is the workspace's own buffer: copy it to keep it past the next call.
 */
export function profileSpectrum(workspace: ProfileWorkspace, lengthscale: number): SpectralData {
  const { x, y, matrix, spectrum } = workspace;
  const n = x.length;
  fillCorrelation(workspace.kernels, workspace.kernel, x, lengthscale, matrix);
  symmetricSpectrum(workspace.kernels, matrix, n, y, spectrum);
  const { eigenvalues } = spectrum;
  for (let i = 0; i < n; i++) {
    // R is positive semi-definite; round-off can leave tiny negative eigenvalues.
    if (eigenvalues[i]! < 0) eigenvalues[i] = 0;
  }
  return spectrum;
}

/** Lp at every noise ratio from a spectrum (see `profileColumn`). */
export function profileCells(
  spectrum: SpectralData,
  noiseRatios: Float64Array,
  lml: Float64Array,
  offset: number,
  signalVariance?: Float64Array,
): void {
  const { eigenvalues, rotatedData } = spectrum;
  const n = eigenvalues.length;
  for (let j = 0; j < noiseRatios.length; j++) {
    const ratio = noiseRatios[j]!;
    let quadratic = 0;
    let logDeterminant = 0;
    // log|A| as a sum of logs of products of up to LOG_BLOCK factors: a sixteenth of the
    // logarithms. A product is flushed early before it could leave the range of float64.
    let product = 1;
    for (let i = 0; i < n; i++) {
      const shifted = eigenvalues[i]! + ratio;
      quadratic += (rotatedData[i]! * rotatedData[i]!) / shifted;
      product *= shifted;
      if ((i + 1) % LOG_BLOCK === 0 || product < 1e-200 || product > 1e200) {
        logDeterminant += Math.log(product);
        product = 1;
      }
    }
    logDeterminant += Math.log(product);
    const variance = quadratic / n;
    lml[offset + j] =
      -0.5 * n - 0.5 * n * Math.log(variance) - 0.5 * logDeterminant - 0.5 * n * LOG_TWO_PI;
    if (signalVariance) signalVariance[offset + j] = variance;
  }
}

/** `count` log-spaced values from `low` to `high` inclusive. */
export function logSpaced(low: number, high: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const logLow = Math.log(low);
  const step = count > 1 ? (Math.log(high) - logLow) / (count - 1) : 0;
  for (let i = 0; i < count; i++) out[i] = Math.exp(logLow + i * step);
  return out;
}
