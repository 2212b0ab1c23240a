/**
 * The rules on the JavaScript fallback: where WebAssembly cannot run, the map and loo fits, their
 * sensitivities, the influence derivatives and the new-point pull come out the same.
 */
import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  fitHyperparameters,
  infinitesimalInfluence,
  newPointPullMap,
  pullMapAxes,
  type SelectionRule,
} from '../../../src/engine';
import { setDenseBackend, type DenseBackend } from '../../../src/engine/dense-kernels';
import { RULE_CASE } from './cases';

function everything(rule: SelectionRule, backend: DenseBackend) {
  const previous = setDenseBackend(backend);
  try {
    const fit = fitHyperparameters(RULE_CASE, { rule, kernel: 'matern52' });
    const sensitivities = computeSensitivities(RULE_CASE, fit);
    const influence = infinitesimalInfluence(RULE_CASE, fit);
    const map = newPointPullMap(RULE_CASE, fit, pullMapAxes(RULE_CASE, 8, 6));
    if (!sensitivities.defined || !influence.defined || !map.defined) throw new Error('undefined');
    return [
      fit.logTheta,
      ...sensitivities.dLogTheta_dy,
      ...sensitivities.dLogTheta_dx,
      ...influence.dLogTheta_dw,
      ...map.dLogTheta_dw,
    ].map((row) => Array.from(row));
  } finally {
    setDenseBackend(previous);
  }
}

describe.each(['map', 'loo'] as const)('rule %s on both dense backends', (rule) => {
  it('gives the same θ̂, sensitivities, dθ̂/dw and pull to 1e-9 of each row', () => {
    const wasm = everything(rule, 'wasm');
    const js = everything(rule, 'js');
    wasm.forEach((row, r) => {
      const scale = Math.max(...row.map(Math.abs), 1e-300);
      row.forEach((value, k) => expect(Math.abs(value - js[r]![k]!)).toBeLessThan(1e-9 * scale));
    });
  });
});
