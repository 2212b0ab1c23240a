/** The text `--help` prints. */
import { MAX_POINTS } from '../engine/index';

export const USAGE = `Usage: gp-sensitivity fit FILE [--kernel rbf|matern52|matern32] [--format json|csv]
                          [--fd] [--pretty]
       (in the project's repository: npm run cli -- fit FILE …)

Fits a zero-mean Gaussian process to 1-D data by maximum marginal likelihood and prints on
stdout the fitted hyperparameters θ̂ = (lengthscale, signalStd, noiseStd) and how they move when
any data point moves (dθ̂/dy and dθ̂/dx, by the implicit function theorem).

FILE          JSON {"x": [...], "y": [...]}, or a two-column table x,y (header optional; comma,
              semicolon, tab or space separated; blank lines and # comments skipped).
              "-" reads standard input. Between 2 and ${MAX_POINTS} points, all finite.
--kernel K    rbf (default), matern52 or matern32.
--format F    json (default): one JSON object; csv: one row per point (below).
--fd          also check the sensitivities of the first, middle and last point against
              finite-difference refits (field fdCheck).
--pretty      indent the JSON.
--help, -h    show this help.

JSON fields: kernel, x, y, theta, lml, gradLogTheta, hessianLogTheta, hessianEigLog,
dLogTheta_dy, dLogTheta_dx, dTheta_dy, dTheta_dx ([3][n], rows lengthscale, signalStd,
noiseStd), fdCheck (with --fd), diagnostics, timingMs {fit, sensitivity}.
Where the sensitivities are undefined (optimum on a boundary or not a strict maximum) the four
matrices and fdCheck are null and diagnostics.sensitivities.reason says why.

CSV: first some lines starting with "#" (kernel, n, θ̂, lml, the trust verdict, whether the
sensitivities are defined and why not, the --fd check), then the header
  x,y,dlogl_dy,dlogsf_dy,dlogsn_dy,dlogl_dx,dlogsf_dx,dlogsn_dx,dl_dy,dsf_dy,dsn_dy,dl_dx,dsf_dx,dsn_dx
and one row per point: dlogl_dy is d log(lengthscale)/dy of that point, dsn_dx is
d(noiseStd)/dx, and so on (l, sf, sn: lengthscale, signalStd, noiseStd). Where the
sensitivities are undefined those twelve fields are empty. Read it with comment='#' (pandas)
or comment.char='#' (R).

Exit status: 0 on success; 2 for bad input (one line on stderr naming the problem);
1 for an internal failure.
`;
