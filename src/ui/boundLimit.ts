import type { Diagnostics, HyperparameterName } from '../engine/types';

/**
 * Where a hyperparameter of θ̂ stands when the search region's edge stopped it (Diagnostics.
 * boundary, docs/numerics.md): running to ∞ or to 0, so that its value is where the search
 * stopped rather than an estimate; `floor` for σn held on the noise floor (a maximum with σn
 * held there); null for an ordinary estimate.
 */
export type BoundLimit = 'infinity' | 'zero' | 'floor';

export function boundLimit(diagnostics: Diagnostics, name: HyperparameterName): BoundLimit | null {
  const flags = diagnostics.boundary;
  switch (name) {
    case 'lengthscale':
      return flags.includes('lengthscale-beyond-span')
        ? 'infinity'
        : flags.includes('lengthscale-below-spacing')
          ? 'zero'
          : null;
    case 'signalStd':
      return flags.includes('signal-unbounded')
        ? 'infinity'
        : flags.includes('signal-vanishing')
          ? 'zero'
          : null;
    case 'noiseStd':
      return diagnostics.constrained !== null
        ? 'floor'
        : flags.includes('noise-vanishing')
          ? 'zero'
          : null;
  }
}
