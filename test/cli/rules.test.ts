/**
 * The command line's selection rule, influence and new-point pull: --rule, --influence and
 * --map-grid parse (and name their mistakes), and print what the library computes.
 */
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/cli/args';
import { CliError } from '../../src/cli/cli-error';
import type { FitReport } from '../../src/cli/report';
import type { RuleReportFields } from '../../src/cli/rule-report';
import { runCli } from '../../src/cli/run';
import { USAGE } from '../../src/cli/usage';
import {
  fitHyperparameters,
  newPointPullMap,
  pointInfluence,
  pullMapAxes,
  validateDataset,
} from '../../src/engine/index';

const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const y = [0.1, 0.9, 0.8, -0.1, -0.9, -0.7, 0.2, 1.1, 0.7, -0.3];
const data = validateDataset(x, y);

async function report(argv: string[]): Promise<FitReport & RuleReportFields> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['fit', '-', ...argv], {
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
    readStdin: () => [JSON.stringify({ x, y })],
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as FitReport & RuleReportFields;
}

function mistake(argv: string[]): string {
  try {
    parseArguments(['fit', 'd.csv', ...argv]);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).message;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be rejected`);
}

describe('--rule, --influence and --map-grid', () => {
  it('parse in both forms', () => {
    expect(parseArguments(['fit', 'd.csv', '--rule', 'loo', '--influence'])).toMatchObject({
      rule: 'loo',
      influence: true,
      mapGrid: null,
    });
    expect(parseArguments(['fit', '--map-grid=64,48', 'd.csv', '--rule=map'])).toMatchObject({
      rule: 'map',
      mapGrid: { nx: 64, ny: 48 },
    });
  });

  it('name every mistake', () => {
    expect(mistake(['--rule', 'bayes'])).toBe('unknown rule "bayes"; choose ml, map or loo');
    expect(mistake(['--rule'])).toMatch(/--rule needs a value/);
    expect(mistake(['--rule', 'ml', '--rule', 'map'])).toMatch(/--rule given more than once/);
    expect(mistake(['--map-grid', '64x48'])).toMatch(/--map-grid "64x48" is not two whole numbers/);
    expect(mistake(['--map-grid', '0,5'])).toMatch(/from 1 to 1000/);
    expect(mistake(['--map-grid', '2000,5'])).toMatch(/from 1 to 1000/);
    expect(mistake(['--influence=yes'])).toBe('--influence takes no value');
  });

  it('are described by --help', () => {
    for (const flag of ['--rule', '--influence', '--map-grid', 'pullMap', 'linearRemoval']) {
      expect(USAGE).toContain(flag);
    }
  });

  it('--rule fits by that rule and reports the rule, its objective and its prior', async () => {
    const printed = await report(['--rule', 'map']);
    const fit = fitHyperparameters(data, { rule: 'map' });
    expect(printed.rule).toBe('map');
    expect(printed.theta).toEqual(fit.theta);
    expect(printed.objective).toBe(fit.objective);
    expect(printed.prior).toEqual(fit.prior);
    expect(Object.keys(printed).slice(-2)).toEqual(['diagnostics', 'timingMs']);
    const loo = await report(['--rule', 'loo']);
    expect(loo.rule).toBe('loo');
    expect(loo).not.toHaveProperty('prior');
  });

  it('--prior sets the map rule’s prior in part, and names its mistakes', async () => {
    expect(
      parseArguments([
        'fit',
        'd.csv',
        '--rule=map',
        '--prior',
        'noiseStd=:2,lengthscale=1.5:0.5,absolute',
      ]),
    ).toMatchObject({
      prior: {
        relativeTo: 'absolute',
        noiseStd: { logSd: 2 },
        lengthscale: { median: 1.5, logSd: 0.5 },
      },
    });
    const prior = { lengthscale: { median: 2, logSd: 0.3 } };
    const printed = await report(['--rule', 'map', '--prior', 'lengthscale=2:0.3']);
    const fit = fitHyperparameters(data, { rule: 'map', prior });
    expect(printed.theta).toEqual(fit.theta);
    expect(printed.prior).toEqual(fit.prior);
    expect(printed.theta).not.toEqual(fitHyperparameters(data, { rule: 'map' }).theta);
    expect(mistake(['--prior', 'lengthscale=1:1'])).toBe(
      '--prior sets the map rule’s prior; add --rule map',
    );
    expect(mistake(['--rule', 'map', '--prior', 'ell=1:1'])).toMatch(
      /"ell=1:1" is not one of NAME=MEDIAN:LOGSD/,
    );
    expect(mistake(['--rule', 'map', '--prior', 'noiseStd=0:1'])).toBe(
      '--prior: the median of noiseStd "0" is not a number > 0',
    );
    expect(mistake(['--rule', 'map', '--prior', 'noiseStd=1:1,noiseStd=2:1'])).toMatch(
      /given more than once/,
    );
    expect(mistake(['--rule', 'map', '--prior'])).toMatch(/--prior needs/);
    expect(USAGE).toContain('--prior P');
  });

  it('--influence prints each point’s removal and infinitesimal influence', async () => {
    const printed = await report(['--influence']);
    const expected = pointInfluence(data, fitHyperparameters(data), { coldCheck: true });
    const influence = printed.influence!;
    expect(printed).not.toHaveProperty('rule');
    expect(influence.coldChecked).toBe(true);
    expect(influence.status).toEqual(expected.points.map((point) => point.status));
    for (const [field, values] of [
      ['removal', expected.points.map((point) => point.removal!)],
      ['dLogTheta_dw', expected.points.map((point) => point.dLogTheta_dw!)],
      ['linearRemoval', expected.points.map((point) => point.linearRemoval!)],
    ] as const) {
      expect(influence[field]).toHaveLength(3);
      influence[field].forEach((row, i) =>
        row.forEach((value, k) => expect(value).toBeCloseTo(values[k]![i]!, 9)),
      );
    }
    expect(printed.timingMs).toHaveProperty('influence');
  });

  it('--map-grid prints the pull over the padded data range as [3][NY][NX]', async () => {
    const printed = await report(['--map-grid', '5,4', '--rule', 'ml']);
    const pullMap = printed.pullMap!;
    if (!pullMap.defined) throw new Error(pullMap.reason);
    const grid = pullMapAxes(data, 5, 4);
    const expected = newPointPullMap(data, fitHyperparameters(data), grid);
    if (!expected.defined) throw new Error(expected.reason);
    expect(pullMap.xs).toEqual(Array.from(grid.xs));
    expect(pullMap.ys).toEqual(Array.from(grid.ys));
    expect(pullMap.dLogTheta_dw).toHaveLength(3);
    pullMap.dLogTheta_dw.forEach((rows, h) => {
      expect(rows).toHaveLength(4);
      rows.forEach((row, j) => {
        expect(row).toHaveLength(5);
        row.forEach((value, i) =>
          expect(value).toBe(expected.dLogTheta_dw[h as 0 | 1 | 2][j * 5 + i]!),
        );
      });
    });
    expect(pullMap.mean).toHaveLength(5);
  });
});
