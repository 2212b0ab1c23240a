import { describe, expect, it } from 'vitest';
import {
  computeSensitivities,
  finiteDifferenceCheck,
  fitHyperparameters,
  validateDataset,
} from '../../src/engine';
import { setDenseBackend, type DenseBackend } from '../../src/engine/dense-kernels';
import {
  errorRelativeToLargest,
  referenceCases,
  relativeError,
  type ReferenceCase,
} from '../fixtures/reference';

/** Fit, sensitivities and the finite-difference checks of one case, on one dense backend. */
function analyse(reference: ReferenceCase, backend: DenseBackend) {
  const previous = setDenseBackend(backend);
  try {
    const data = validateDataset(reference.x, reference.y);
    const fit = fitHyperparameters(data, { kernel: reference.kernel });
    const sensitivities = computeSensitivities(data, fit);
    const checks = reference.fdCheck.map(({ i, fd }) => ({
      fd,
      check: finiteDifferenceCheck(data, fit, i),
    }));
    return { fit, sensitivities, checks };
  } finally {
    setDenseBackend(previous);
  }
}

// The JavaScript backend is the fallback where WebAssembly cannot run: it must match too.
describe.each(['wasm', 'js'] as const)('reference cases on the %s backend', (backend) => {
  describe.each(Object.entries(referenceCases))('reference case %s', (_name, reference) => {
    const { fit, sensitivities, checks } = analyse(reference, backend);

    it('finds θ̂ and the log marginal likelihood to 1e-8 relative', () => {
      expect(relativeError(fit.theta.lengthscale, reference.theta.lengthscale)).toBeLessThan(1e-8);
      expect(relativeError(fit.theta.signalStd, reference.theta.signalStd)).toBeLessThan(1e-8);
      expect(relativeError(fit.theta.noiseStd, reference.theta.noiseStd)).toBeLessThan(1e-8);
      expect(relativeError(fit.lml, reference.lml)).toBeLessThan(1e-8);
    });

    it('sits at a stationary point with the reference Hessian', () => {
      const scale = Math.max(...reference.hessianLogTheta.flat().map(Math.abs));
      for (const value of fit.gradLogTheta) expect(Math.abs(value)).toBeLessThan(1e-7 * scale);
      expect(errorRelativeToLargest(fit.hessianLogTheta, reference.hessianLogTheta)).toBeLessThan(
        1e-6,
      );
      fit.diagnostics.hessianEigLog.forEach((value, i) =>
        expect(relativeError(value, reference.hessianEigLog[i]!)).toBeLessThan(1e-6),
      );
      expect(fit.diagnostics.trust).toBe('trusted');
    });

    it('matches dθ̂/dy to 1e-6 and dθ̂/dx to 1e-5 of the largest entry', () => {
      expect(sensitivities.defined).toBe(true);
      if (!sensitivities.defined) return;
      expect(
        errorRelativeToLargest(sensitivities.dLogTheta_dy, reference.dLogTheta_dy),
      ).toBeLessThan(1e-6);
      expect(errorRelativeToLargest(sensitivities.dTheta_dy, reference.dTheta_dy)).toBeLessThan(
        1e-6,
      );
      expect(
        errorRelativeToLargest(sensitivities.dLogTheta_dx, reference.dLogTheta_dx),
      ).toBeLessThan(1e-5);
      expect(errorRelativeToLargest(sensitivities.dTheta_dx, reference.dTheta_dx)).toBeLessThan(
        1e-5,
      );
    });

    it('agrees with finite-difference refits to 1e-5', () => {
      for (const { fd, check } of checks) {
        const scale = Math.max(...fd.map(Math.abs));
        check.fd.forEach((value, k) => expect(Math.abs(value - fd[k]!)).toBeLessThan(1e-5 * scale));
        expect(check.agreeDigits).toBeGreaterThan(5);
      }
    });
  });
});
