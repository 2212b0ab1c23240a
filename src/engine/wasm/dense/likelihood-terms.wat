;; The sums the log marginal likelihood, its gradient and its Hessian are assembled from (as
;; likelihoodTermsJs in ../likelihood-terms.ts computes them), to the given order, from R, ∂R/∂log ℓ,
;; ∂²R/∂(log ℓ)² and y. Leaves L in `factor`, U = L⁻ᵀ in `inverseFactor`, P in `precision`,
;; A = P ∂R/∂log ℓ in `product`, α and eight work vectors (∂Rα, Rα, diag P², ∂²Rα, Aα, PRα,
;; Pα, diag(AP); rows of `vectors` at LIKELIHOOD_VECTOR). Writes the sums to `out` at the byte offsets TERM_BYTES. Returns −1, or the
;; index of the pivot at which K = σf²R + σn²I is not positive definite.
(func (export "likelihoodTerms")
  (param $order i32) (param $n i32) (param $signalVariance f64) (param $noiseVariance f64)
  (param $correlation i32) (param $dR i32) (param $d2R i32) (param $y i32) (param $factor i32)
  (param $inverseFactor i32) (param $precision i32) (param $product i32) (param $alpha i32)
  (param $vectors i32) (param $out i32) (result i32)
  (local $i i32) (local $count i32) (local $rowBytes i32) (local $address i32) (local $pivot i32)
  (local $diagonal f64) (local $lowerSquares f64) (local $diagonalSquares f64)
  (local $identityMinusScaled f64) (local $term f64)
  (local $dRAlpha i32) (local $rAlpha i32) (local $d2RAlpha i32) (local $productAlpha i32)
  (local $precisionRAlpha i32) (local $precisionAlpha i32)
  (local $correlationRowAbsMax f64) (local $precisionRowAbsMax f64)
  (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
  (local.set $count (i32.mul (local.get $n) (local.get $n)))
  ;; K = σf² R + σn² I, factorised in place.
  (local.set $i (i32.const 0))
  (block $done
    (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $count)))
      (local.set $address (i32.shl (local.get $i) (i32.const 3)))
      (f64.store (i32.add (local.get $factor) (local.get $address))
        (f64.mul (local.get $signalVariance) (f64.load (i32.add (local.get $correlation) (local.get $address)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  (local.set $i (i32.const 0))
  (block $done
    (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $address (i32.add (local.get $factor)
        (i32.shl (i32.mul (local.get $i) (i32.add (local.get $n) (i32.const 1))) (i32.const 3))))
      (f64.store (local.get $address) (f64.add (f64.load (local.get $address)) (local.get $noiseVariance)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  (local.set $pivot (call $cholesky (local.get $factor) (local.get $n) (i32.const {{CHOLESKY_BLOCK}})))
  (if (i32.ge_s (local.get $pivot) (i32.const 0)) (then (return (local.get $pivot))))
  (memory.copy (local.get $alpha) (local.get $y) (local.get $rowBytes))
  (call $solveCholesky (local.get $factor) (local.get $n) (local.get $alpha))
  (f64.store offset={{TERM_BYTES.yAlpha}} (local.get $out) (call $dot (local.get $y) (local.get $alpha) (local.get $n)))
  (if (i32.eqz (local.get $order)) (then (return (i32.const -1))))

  (call $inverseTransposeOfLower (local.get $factor) (local.get $n) (local.get $inverseFactor))
  (call $product (local.get $inverseFactor) (local.get $inverseFactor) (local.get $precision)
    (local.get $n) (i32.const 0) (i32.const 0) (local.get $n) (i32.const {{PRODUCT_FLAG.lowerOnly | PRODUCT_FLAG.bothUpperTriangular}}))
  (call $mirrorLower (local.get $precision) (local.get $n))
  (local.set $dRAlpha
    (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.dRAlpha}}))))
  (local.set $rAlpha
    (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.rAlpha}}))))
  (local.set $d2RAlpha
    (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.d2RAlpha}}))))
  (local.set $productAlpha
    (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.productAlpha}}))))
  (local.set $precisionRAlpha
    (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.precisionRAlpha}}))))
  (local.set $precisionAlpha
    (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.precisionAlpha}}))))
  (call $matvec (local.get $dR) (local.get $n) (local.get $alpha) (local.get $dRAlpha))
  (call $matvec (local.get $correlation) (local.get $n) (local.get $alpha) (local.get $rAlpha))
  (f64.store offset={{TERM_BYTES.alphaDRAlpha}} (local.get $out) (call $dot (local.get $alpha) (local.get $dRAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.alphaRAlpha}} (local.get $out) (call $dot (local.get $alpha) (local.get $rAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.alphaAlpha}} (local.get $out) (call $dot (local.get $alpha) (local.get $alpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.precisionDotDR}} (local.get $out) (call $dot (local.get $precision) (local.get $dR) (local.get $count)))
  (f64.store offset={{TERM_BYTES.precisionDotR}} (local.get $out) (call $dot (local.get $precision) (local.get $correlation) (local.get $count)))
  (f64.store offset={{TERM_BYTES.tracePrecision}} (local.get $out) (call $trace (local.get $precision) (local.get $n)))
  ;; diag P² and the largest absolute row sums of R and P, row by row.
  (local.set $i (i32.const 0))
  (block $done
    (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $address (i32.add (local.get $precision) (i32.mul (local.get $i) (local.get $rowBytes))))
      (f64.store
        (i32.add (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.precisionSquaredDiagonal}})))
          (i32.shl (local.get $i) (i32.const 3)))
        (call $dot (local.get $address) (local.get $address) (local.get $n)))
      (local.set $precisionRowAbsMax
        (f64.max (local.get $precisionRowAbsMax) (call $absoluteSum (local.get $address) (local.get $n))))
      (local.set $correlationRowAbsMax
        (f64.max (local.get $correlationRowAbsMax)
          (call $absoluteSum (i32.add (local.get $correlation) (i32.mul (local.get $i) (local.get $rowBytes))) (local.get $n))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  (f64.store offset={{TERM_BYTES.correlationRowAbsMax}} (local.get $out) (local.get $correlationRowAbsMax))
  (f64.store offset={{TERM_BYTES.precisionRowAbsMax}} (local.get $out) (local.get $precisionRowAbsMax))
  (if (i32.eq (local.get $order) (i32.const 1)) (then (return (i32.const -1))))

  ;; A = P ∂R/∂log ℓ (as A (∂R/∂log ℓ)ᵀ: ∂R/∂log ℓ is symmetric).
  (call $product (local.get $precision) (local.get $dR) (local.get $product) (local.get $n)
    (i32.const 0) (i32.const 0) (local.get $n) (i32.const 0))
  (call $matvec (local.get $product) (local.get $n) (local.get $alpha) (local.get $productAlpha))
  (call $matvec (local.get $precision) (local.get $n) (local.get $rAlpha) (local.get $precisionRAlpha))
  (call $matvec (local.get $precision) (local.get $n) (local.get $alpha) (local.get $precisionAlpha))
  (call $matvec (local.get $d2R) (local.get $n) (local.get $alpha) (local.get $d2RAlpha))
  (f64.store offset={{TERM_BYTES.dRAlphaDotProductAlpha}} (local.get $out) (call $dot (local.get $dRAlpha) (local.get $productAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.dRAlphaDotPrecisionRAlpha}} (local.get $out) (call $dot (local.get $dRAlpha) (local.get $precisionRAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.dRAlphaDotPrecisionAlpha}} (local.get $out) (call $dot (local.get $dRAlpha) (local.get $precisionAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.rAlphaDotPrecisionRAlpha}} (local.get $out) (call $dot (local.get $rAlpha) (local.get $precisionRAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.rAlphaDotPrecisionAlpha}} (local.get $out) (call $dot (local.get $rAlpha) (local.get $precisionAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.alphaDotPrecisionAlpha}} (local.get $out) (call $dot (local.get $alpha) (local.get $precisionAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.alphaD2RAlpha}} (local.get $out) (call $dot (local.get $alpha) (local.get $d2RAlpha) (local.get $n)))
  (f64.store offset={{TERM_BYTES.precisionDotD2R}} (local.get $out) (call $dot (local.get $precision) (local.get $d2R) (local.get $count)))
  (f64.store offset={{TERM_BYTES.traceProduct}} (local.get $out) (call $trace (local.get $product) (local.get $n)))
  (f64.store offset={{TERM_BYTES.productDotPrecision}} (local.get $out) (call $dot (local.get $product) (local.get $precision) (local.get $count)))
  ;; diag(AP), row by row (P is symmetric).
  (local.set $i (i32.const 0))
  (block $done
    (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $address (i32.mul (local.get $i) (local.get $rowBytes)))
      (f64.store
        (i32.add (i32.add (local.get $vectors) (i32.mul (local.get $rowBytes) (i32.const {{LIKELIHOOD_VECTOR.productPrecisionDiagonal}})))
          (i32.shl (local.get $i) (i32.const 3)))
        (call $dot (i32.add (local.get $product) (local.get $address))
          (i32.add (local.get $precision) (local.get $address)) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  ;; ‖P‖² and ‖I − σn²P‖² from the strict lower triangle and the diagonal (sums of squares).
  (local.set $i (i32.const 0))
  (block $done
    (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $address (i32.add (local.get $precision) (i32.mul (local.get $i) (local.get $rowBytes))))
      (local.set $lowerSquares
        (f64.add (local.get $lowerSquares) (call $dot (local.get $address) (local.get $address) (local.get $i))))
      (local.set $diagonal (f64.load (i32.add (local.get $address) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $diagonalSquares
        (f64.add (local.get $diagonalSquares) (f64.mul (local.get $diagonal) (local.get $diagonal))))
      (local.set $term (f64.sub (f64.const 1) (f64.mul (local.get $noiseVariance) (local.get $diagonal))))
      (local.set $identityMinusScaled
        (f64.add (local.get $identityMinusScaled) (f64.mul (local.get $term) (local.get $term))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  (f64.store offset={{TERM_BYTES.precisionLowerSquares}} (local.get $out) (local.get $lowerSquares))
  (f64.store offset={{TERM_BYTES.precisionDiagonalSquares}} (local.get $out) (local.get $diagonalSquares))
  (f64.store offset={{TERM_BYTES.identityMinusScaledDiagonalSquares}} (local.get $out) (local.get $identityMinusScaled))
  (f64.store offset={{TERM_BYTES.productTraceOfSquare}} (local.get $out) (call $traceOfSquare (local.get $product) (local.get $n)))
  (i32.const -1))
