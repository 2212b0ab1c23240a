/**
 * Kernel correlations ρ(r; ℓ) on tensors, as functions of the scaled distance t = r / ℓ:
 *
 *   rbf       ρ = exp(−t²/2)
 *   matern52  ρ = (1 + s + s²/3) e^(−s),  s = √5 t
 *   matern32  ρ = (1 + s) e^(−s),         s = √3 t
 *
 * The float64 definition lives in the engine (`kernelCorrelation`); these float32 versions are
 * checked against it in the parity tests.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelName } from '../engine';

export function correlationOfScaledDistance(kernel: KernelName, scaled: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    switch (kernel) {
      case 'rbf':
        return tf.exp(tf.mul(tf.square(scaled), -0.5));
      case 'matern52': {
        const s = tf.mul(scaled, Math.sqrt(5));
        const polynomial = tf.add(tf.add(1, s), tf.div(tf.square(s), 3));
        return tf.mul(polynomial, tf.exp(tf.neg(s)));
      }
      case 'matern32': {
        const s = tf.mul(scaled, Math.sqrt(3));
        return tf.mul(tf.add(1, s), tf.exp(tf.neg(s)));
      }
    }
  });
}

/**
 * Degrees of freedom of the kernel's spectral density as a Student-t in ω·ℓ (Matérn ν has
 * 2ν), or null for the Gaussian spectral density of the RBF kernel.
 */
export function spectralDegreesOfFreedom(kernel: KernelName): number | null {
  switch (kernel) {
    case 'rbf':
      return null;
    case 'matern52':
      return 5;
    case 'matern32':
      return 3;
  }
}
