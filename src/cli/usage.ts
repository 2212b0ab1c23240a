/** The text `--help` prints. */
import { MAX_POINTS } from '../engine/index';

export const USAGE = `Usage: npm run cli -- fit FILE [--kernel rbf|matern52|matern32] [--fd] [--pretty]

Fits a zero-mean Gaussian process to 1-D data by maximum marginal likelihood and prints, as one
JSON object on stdout, the fitted hyperparameters θ̂ = (lengthscale, signalStd, noiseStd) and how
they move when any data point moves (dθ̂/dy and dθ̂/dx, by the implicit function theorem).

FILE        JSON {"x": [...], "y": [...]}, or a two-column table x,y (header optional; comma,
            semicolon, tab or space separated; blank lines and # comments skipped).
            "-" reads standard input. Between 2 and ${MAX_POINTS} points, all finite.
--kernel K  rbf (default), matern52 or matern32.
--fd        also check the sensitivities of the first, middle and last point against
            finite-difference refits (field fdCheck).
--pretty    indent the JSON.
--help, -h  show this help.

Output fields: kernel, x, y, theta, lml, gradLogTheta, hessianLogTheta, hessianEigLog,
dLogTheta_dy, dLogTheta_dx, dTheta_dy, dTheta_dx ([3][n], rows lengthscale, signalStd,
noiseStd), fdCheck (with --fd), diagnostics, timingMs {fit, sensitivity}.
Where the sensitivities are undefined (an unbounded, flat or saddle-shaped optimum) the four
matrices and fdCheck are null and diagnostics.sensitivities.reason says why. At a maximum with
σn on its floor (nearly noise-free data) diagnostics.sensitivities.held is ["noiseStd"]: the
matrices show how ℓ and σf move with σn held there.

Exit status: 0 on success; 2 for bad input (one line on stderr naming the problem);
1 for an internal failure.
`;
