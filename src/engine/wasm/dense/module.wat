;; Dense float64 kernels of the engine in WebAssembly with 128-bit SIMD (two f64 lanes), on
;; row-major n×n matrices at byte addresses in this module's memory. Eight are exported:
;;   product                  the register-blocked product            product.wat            (productJs, ../../dense-js.ts)
;;   cholesky                 the blocked Cholesky factorisation      cholesky.wat           (choleskyJs, ../../dense-js.ts)
;;   inverseTransposeOfLower  U = L⁻ᵀ                                 cholesky.wat           (../../dense-js.ts)
;;   tridiagonalise           the Householder tridiagonalisation      tridiagonalise.wat     (../../eigen.ts)
;;   likelihoodTerms          the sums behind L(θ), ∇L, ∇²L           likelihood-terms.wat   (../../likelihood-terms.ts)
;;   sensitivityTerms         the sums behind ∂∇L/∂x                  sensitivity-terms.wat  (../../sensitivity-terms.ts)
;;   looCurvatureSums         the sums behind the LOO-CV Hessian      loo-curvature-sums.wat (../../loo-curvature-terms.ts)
;;   fillCorrelationMatrices  R, ∂R/∂log ℓ, ∂²R/∂(log ℓ)²             correlation.wat        (../../kernels.ts)
;; (and `dot`, the inner product they share, and `absoluteSum`, in vectors.wat; the matrix helpers
;; of the fused kernels in matrix.wat). Each computes what its JavaScript reference computes; only
;; the order of the additions differs (fillCorrelationMatrices also has its own exp).
;;
;; One module in several files, one kernel (or family) per file: `npm run build:wasm` joins this
;; file and the others, in the order scripts/wasm-compile.mjs lists them, inside `(module …)`.
;; Every double-braced name in them is a constant of ../layout.ts, the layout the TypeScript side
;; imports: the build substitutes them and compiles the module into ../dense-binary.ts.
(memory (export "memory") 1)
