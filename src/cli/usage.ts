/** The text `--help` prints. */
import { MAX_POINTS } from '../engine/index';
import { MAX_MAP_GRID } from './args';

export const USAGE = `Usage: gp-sensitivity fit FILE [--kernel rbf|matern52|matern32] [--rule ml|map|loo]
                          [--prior P] [--format json|csv] [--influence] [--map-grid NX,NY]
                          [--fd] [--pretty]
       (in the project's repository: npm run cli -- fit FILE …)

Fits a zero-mean Gaussian process to 1-D data by maximum marginal likelihood (or by the rule
--rule names) and prints on stdout the fitted hyperparameters θ̂ = (lengthscale, signalStd,
noiseStd) and how they move when any data point moves (dθ̂/dy and dθ̂/dx, by the implicit
function theorem).

FILE          JSON {"x": [...], "y": [...]}, or a two-column table x,y (header optional; comma,
              semicolon, tab or space separated; blank lines and # comments skipped).
              "-" reads standard input. Between 2 and ${MAX_POINTS} points, all finite.
--kernel K    rbf (default), matern52 or matern32.
--rule R      how θ̂ is chosen: ml, type-II maximum likelihood (default); map, maximum a
              posteriori under log-normal priors (medians: lengthscale 0.5 × the SD of x,
              signalStd 1 × and noiseStd 0.1 × the RMS of y; log-sds 1, 1, 1.5); loo, the
              leave-one-out predictive log probability. Adds rule and objective (the rule's
              objective at θ̂), and prior for map; gradLogTheta, hessianLogTheta, the
              sensitivities and the diagnostics are then the rule's.
--prior P     with --rule map, the priors in part, the rest as above: comma-separated
              NAME=MEDIAN:LOGSD (NAME lengthscale, signalStd or noiseStd; either number may be
              left out, e.g. noiseStd=:2), and absolute to give the medians in the data's units
              instead of as multiples of its scale. Example: --prior lengthscale=1:0.5,absolute.
--format F    json (default): one JSON object; csv: one row per point (below).
--influence   also report how much each point holds θ̂ (field influence, JSON only): status
              (continued, jumped, untrusted or invalid), removal (log θ̂ without the point −
              log θ̂, exact refit, also checked by a global search), linearRemoval
              (−dLogTheta_dw, its first-order estimate), dLogTheta_dw (the infinitesimal
              jackknife, weight entering as noise σn²/w), all [3][n]; continuedRemoval and
              notes per point.
--map-grid NX,NY
              also report where a new point would pull θ̂ (field pullMap, JSON only):
              d log θ̂/dw at w = 0 for a point added at (xs[i], ys[j]), as
              dLogTheta_dw[h][j][i] with h = lengthscale, signalStd, noiseStd; xs and ys span
              the data's x and y ranges padded by 10% on each side (NX, NY from 1 to
              ${MAX_MAP_GRID}); mean and sd: the posterior of f at xs.
--fd          also check the sensitivities of the first, middle and last point against
              finite-difference refits (field fdCheck).
--pretty      indent the JSON.
--help, -h    show this help.

JSON fields: kernel, x, y, theta, lml, gradLogTheta, hessianLogTheta, hessianEigLog,
dLogTheta_dy, dLogTheta_dx, dTheta_dy, dTheta_dx ([3][n], rows lengthscale, signalStd,
noiseStd), fdCheck (with --fd), rule, objective and prior (with --rule), influence (with
--influence), pullMap (with --map-grid), diagnostics, timingMs {fit, sensitivity, and
influence, pullMap when computed}.
Where the sensitivities are undefined (an unbounded, flat or saddle-shaped optimum) the four
matrices and fdCheck are null and diagnostics.sensitivities.reason says why. At a maximum with
σn on its floor (nearly noise-free data) diagnostics.sensitivities.held is ["noiseStd"]: the
matrices show how ℓ and σf move with σn held there (for every rule).

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
