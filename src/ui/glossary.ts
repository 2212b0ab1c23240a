/**
 * Plain-language explanations of the page's technical terms, in one place so a translation can
 * find them all. `Term` (Term.tsx) shows each behind a small ⓘ button that works by keyboard,
 * mouse and touch.
 */

export interface GlossaryEntry {
  /** The term as the page names it. */
  term: string;
  /** One to three short sentences a student can follow. */
  explanation: string;
}

export const GLOSSARY = {
  lengthscale: {
    term: 'lengthscale ℓ',
    explanation:
      'How far apart two inputs can be and still have similar outputs, in the units of x. A short ℓ gives a wiggly fit that follows the points; a long ℓ a smooth, slowly varying one.',
  },
  signalStd: {
    term: 'signal std σf',
    explanation:
      'How far the underlying function typically swings away from zero, in the units of y: the size of the pattern the fit explains.',
  },
  noiseStd: {
    term: 'noise std σn',
    explanation:
      'How much each observation scatters around the underlying function, in the units of y: what the fit leaves unexplained.',
  },
  logLikelihood: {
    term: 'log p(y | X, θ̂)',
    explanation:
      'The log marginal likelihood: how probable the observed y are under the model with hyperparameters θ, with every possible function averaged out. θ̂ is the θ that makes it largest. Measured in nats.',
  },
  nats: {
    term: 'nats',
    explanation:
      'Units of natural logarithms. A difference of d nats in log likelihood means the data are eᵈ times more (or less) probable: 1 nat is about 2.7×, 3 nats about 20×.',
  },
  hessian: {
    term: 'Hessian',
    explanation:
      'The 3×3 matrix of second derivatives of the log likelihood at θ̂ (in log ℓ, log σf, log σn). It says how sharply the peak falls away in each direction, that is how precisely the data pin θ̂ down. The arrows are built from its inverse.',
  },
  conditionNumber: {
    term: 'condition number',
    explanation:
      'The Hessian’s largest curvature divided by its smallest. Near 1, the peak is round; very large (above about 10⁸), it is a long flat ridge along which θ̂ is barely determined, and the arrows become unreliable.',
  },
  negativeDefinite: {
    term: 'negative definite',
    explanation:
      'The likelihood curves downward in every direction at θ̂: a true peak, not a saddle or a flat ridge. Only then does the implicit function theorem give the arrows.',
  },
  onBound: {
    term: 'no peak: on a bound',
    explanation:
      'The likelihood still rises past the edge of the region the search covers (here a hyperparameter keeps growing or shrinking), so θ̂ is where the search stopped, not a peak. Whatever the curvature there, there is no maximum to differentiate, and the implicit function theorem does not apply.',
  },
  nearTie: {
    term: 'near tie',
    explanation:
      'A second peak of the likelihood almost as high as θ̂ (within about one nat): two quite different explanations of the data are about equally probable, and a small change in the data can make the fit jump from one to the other.',
  },
  computeBackend: {
    term: 'compute line',
    explanation:
      '“compute webgl” (or cpu, or main thread): where the curve and its band are computed, in a background thread on the graphics card through TensorFlow.js, or on the processor; while you drag a point (up to 50 points) the page computes each step itself, so the arrows keep up with the pointer. “float64 wasm” (or js): every number shown, θ̂, the likelihood and the arrows, comes from a double-precision engine compiled to WebAssembly (or running as JavaScript).',
  },
  laplace: {
    term: 'Laplace ellipses',
    explanation:
      'Near its peak the likelihood is approximately a Gaussian with covariance Σ = −H⁻¹ (the inverse Hessian). The dashed ellipses are its one- and two-standard-deviation regions on these axes: where θ could plausibly lie given the data. A small ellipse means θ̂ is sharply determined.',
  },
  profileLikelihood: {
    term: 'profile log-likelihood',
    explanation:
      'At every place (ℓ, σn²/σf²) of the map, the signal std σf is set to its best value, so the colour is the best log likelihood reachable there. The map is flat in σf by construction.',
  },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryTerm = keyof typeof GLOSSARY;
