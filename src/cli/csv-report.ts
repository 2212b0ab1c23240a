/**
 * The `fit` report as a table (`--format csv`), for spreadsheets and data frames: one row per
 * point, in the data's order, with the point and its sensitivities.
 *
 *   # gp-sensitivity fit  kernel=rbf  n=12
 *   # theta  lengthscale=…  signalStd=…  noiseStd=…  lml=…
 *   # trust=trusted
 *   # sensitivities defined  dlogl_dy = d log(lengthscale)/dy_i of the point in that row  …
 *   x,y,dlogl_dy,dlogsf_dy,dlogsn_dy,dlogl_dx,dlogsf_dx,dlogsn_dx,dl_dy,dsf_dy,dsn_dy,dl_dx,dsf_dx,dsn_dx
 *   0,0.1,…
 *
 * Lines starting with `#` come first and say what the JSON's scalar fields say (pandas:
 * `read_csv(path, comment='#')`; R: `read.csv(path, comment.char = '#')`); they hold no commas, so
 * a spreadsheet shows each in its first cell. Then one header line and n rows. Column
 * `dlogl_dy` is ∂ log ℓ̂/∂y_i (the JSON's dLogTheta_dy[0][i]), `dsn_dx` is ∂σ̂n/∂x_i
 * (dTheta_dx[2][i]), and so on: l, sf, sn are ℓ, σf, σn. Where the sensitivities are undefined
 * (the JSON's four matrices are null) their twelve fields are empty on every row and a `#` line
 * gives the reason; at a maximum with σn on its noise floor a `# held=noiseStd …` line says the
 * columns are the constrained sensitivities (docs/numerics.md). Numbers are JavaScript's shortest round-trip decimals; lines end in `\n`; the
 * `#` lines are ASCII apart from the engine's reasons.
 */
import type { FitReport } from './report';

const HYPERPARAMETERS = ['l', 'sf', 'sn'] as const;

/** The twelve sensitivity columns, with the report's matrix each reads from. */
const SENSITIVITY_COLUMNS = (
  [
    ['dlog', '_dy', 'dLogTheta_dy'],
    ['dlog', '_dx', 'dLogTheta_dx'],
    ['d', '_dy', 'dTheta_dy'],
    ['d', '_dx', 'dTheta_dx'],
  ] as const
).flatMap(([prefix, suffix, matrix]) =>
  HYPERPARAMETERS.map((name, row) => ({ header: `${prefix}${name}${suffix}`, matrix, row })),
);

/** The header line's column names, in order. */
export const CSV_COLUMNS = ['x', 'y', ...SENSITIVITY_COLUMNS.map((column) => column.header)];

/** Text for a `#` line: on one line and without the commas that would split it into cells. */
function commentText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/,/g, ';');
}

function commentLines(report: FitReport): string[] {
  const { theta, diagnostics } = report;
  const lines = [
    `gp-sensitivity fit  kernel=${report.kernel}  n=${report.x.length}`,
    `theta  lengthscale=${theta.lengthscale}  signalStd=${theta.signalStd}  ` +
      `noiseStd=${theta.noiseStd}  lml=${report.lml}`,
    `trust=${diagnostics.trust}` +
      (diagnostics.reasons.length > 0 ? `  reasons: ${diagnostics.reasons.join('; ')}` : ''),
    diagnostics.sensitivities.defined
      ? 'sensitivities defined  dlogl_dy = d log(lengthscale)/dy_i of the point in that row  ' +
        'dsn_dx = d(noiseStd)/dx_i  (l = lengthscale  sf = signalStd  sn = noiseStd)'
      : `sensitivities undefined (their columns are empty): ${diagnostics.sensitivities.reason}`,
  ];
  const { held } = diagnostics.sensitivities;
  if (diagnostics.sensitivities.defined && held.length > 0) {
    lines.push(
      `held=${held.join(' ')}  the noise sits on its floor: the columns show how lengthscale and ` +
        'signalStd move with noiseStd held at the same fraction of signalStd',
    );
  }
  for (const check of report.fdCheck ?? []) {
    lines.push(
      `fdCheck point ${check.i}  dlogl_dy dlogsf_dy dlogsn_dy  ` +
        `finite differences ${check.fd.join(' ')}  implicit function theorem ${check.ift.join(' ')}`,
    );
  }
  if (report.fdCheck === null) lines.push('fdCheck not run: the sensitivities are undefined');
  return lines.map((line) => `# ${commentText(line)}`);
}

/** The report as CSV text with a final newline (see the file's comment for the layout). */
export function formatCsvReport(report: FitReport): string {
  const rows = report.x.map((x, i) => {
    const sensitivities = SENSITIVITY_COLUMNS.map(({ matrix, row }) => {
      const values = report[matrix];
      return values === null ? '' : String(values[row]![i]);
    });
    return [String(x), String(report.y[i]), ...sensitivities].join(',');
  });
  return `${[...commentLines(report), CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}
