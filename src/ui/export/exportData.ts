/** Text exports of the current data and fit: CSV, JSON, and Python that reproduces the fit. */
import type { Hyperparameters, KernelName } from '../../engine/types';
import type { Point } from '../../state';

export interface FitSummary {
  kernel: KernelName;
  theta: Hyperparameters;
  lml: number;
}

/** Two columns with a header: `x,y`, one point per line, in the order of the points. */
export function pointsToCsv(points: readonly Point[]): string {
  return ['x,y', ...points.map((p) => `${p.x},${p.y}`)].join('\n') + '\n';
}

/**
 * `{ "x": [...], "y": [...] }` (the command line's input format), plus the kernel and, when a
 * fit is at hand, θ̂ and log p(y | X, θ̂).
 */
export function pointsToJson(
  points: readonly Point[],
  kernel: KernelName,
  fit: FitSummary | null,
): string {
  const document: Record<string, unknown> = {
    x: points.map((p) => p.x),
    y: points.map((p) => p.y),
    kernel,
  };
  if (fit) {
    document.theta = fit.theta;
    document.lml = fit.lml;
  }
  return JSON.stringify(document, null, 2) + '\n';
}

const SKLEARN_KERNELS: Record<KernelName, (lengthscale: string) => string> = {
  rbf: (lengthscale) => `RBF(${lengthscale}, (1e-3, 1e3))`,
  matern52: (lengthscale) => `Matern(${lengthscale}, (1e-3, 1e3), nu=2.5)`,
  matern32: (lengthscale) => `Matern(${lengthscale}, (1e-3, 1e3), nu=1.5)`,
};

function number(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(10))) : 'float("nan")';
}

/**
 * scikit-learn code that fits the same model: zero mean (normalize_y=False),
 * k = σf²·ρ(ℓ) + σn²·δ as ConstantKernel·RBF/Matern + WhiteKernel, started at this page's θ̂ when
 * known, with restarts; it prints θ̂ and the log marginal likelihood for comparison.
 */
export function pointsToPython(
  points: readonly Point[],
  kernel: KernelName,
  fit: FitSummary | null,
): string {
  const start = fit?.theta ?? { lengthscale: 1, signalStd: 1, noiseStd: 0.1 };
  const list = (values: number[]) => `[${values.map(number).join(', ')}]`;
  const lines = [
    '# A zero-mean Gaussian process fitted by type-II maximum likelihood,',
    "# k(x, x') = sf^2 rho(|x - x'|; l) + sn^2 delta, as in the GP Sensitivity Explorer.",
    'import numpy as np',
    'from sklearn.gaussian_process import GaussianProcessRegressor',
    'from sklearn.gaussian_process.kernels import RBF, ConstantKernel, Matern, WhiteKernel',
    '',
    `x = np.array(${list(points.map((p) => p.x))}).reshape(-1, 1)`,
    `y = np.array(${list(points.map((p) => p.y))})`,
    '',
    'kernel = (',
    `    ConstantKernel(${number(start.signalStd ** 2)}, (1e-8, 1e4))`,
    `    * ${SKLEARN_KERNELS[kernel](number(start.lengthscale))}`,
    `    + WhiteKernel(${number(start.noiseStd ** 2)}, (1e-12, 1e2))`,
    ')',
    'gp = GaussianProcessRegressor(kernel, normalize_y=False, n_restarts_optimizer=20, random_state=0)',
    'gp.fit(x, y)',
    '',
    'fitted = gp.kernel_',
    'lengthscale = fitted.k1.k2.length_scale',
    'signal_std = np.sqrt(fitted.k1.k1.constant_value)',
    'noise_std = np.sqrt(fitted.k2.noise_level)',
    'print(f"lengthscale {lengthscale:.6g}, signal std {signal_std:.6g}, noise std {noise_std:.6g}")',
    'print(f"log marginal likelihood {gp.log_marginal_likelihood_value_:.6g}")',
  ];
  if (fit) {
    lines.push(
      `# The explorer found: lengthscale ${number(fit.theta.lengthscale)}, signal std ${number(fit.theta.signalStd)},`,
      `# noise std ${number(fit.theta.noiseStd)}, log marginal likelihood ${number(fit.lml)}.`,
    );
  }
  return lines.join('\n') + '\n';
}
