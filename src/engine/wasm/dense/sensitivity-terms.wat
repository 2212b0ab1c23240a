;; The sums behind ∂g/∂x, as sensitivityTermsJs in ../sensitivity-terms.ts computes them: D and D^ℓ
;; into `d` and `dLog` from ∂R/∂log ℓ, ∂²R/∂(log ℓ)² and x; AP into `sandwich` and P² into
;; `squared`; then nine n-vectors into the rows of `out` at SENSITIVITY_VECTOR: Dα, D^ℓα, the row
;; sums of AP∘D, P∘D, P²∘D and P∘D^ℓ, and D times each of the three vectors at `betas` (Aα, PRα,
;; Pα, rows at BETA_VECTOR).
(func (export "sensitivityTerms")
  (param $n i32) (param $x i32) (param $dR i32) (param $d2R i32) (param $precision i32)
  (param $product i32) (param $alpha i32) (param $betas i32) (param $d i32) (param $dLog i32)
  (param $sandwich i32) (param $squared i32) (param $out i32)
  (local $a i32) (local $b i32) (local $rowBytes i32) (local $index i32) (local $difference f64)
  (local $i i32) (local $row i32)
  (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
  (block $rowsDone
    (loop $rows
      (br_if $rowsDone (i32.ge_s (local.get $a) (local.get $n)))
      (local.set $b (i32.const 0))
      (block $columnsDone
        (loop $columns
          (br_if $columnsDone (i32.ge_s (local.get $b) (local.get $n)))
          (local.set $difference
            (f64.sub (f64.load (i32.add (local.get $x) (i32.shl (local.get $a) (i32.const 3))))
              (f64.load (i32.add (local.get $x) (i32.shl (local.get $b) (i32.const 3))))))
          (local.set $index
            (i32.shl (i32.add (i32.mul (local.get $a) (local.get $n)) (local.get $b)) (i32.const 3)))
          (if (f64.eq (local.get $difference) (f64.const 0))
            (then
              (f64.store (i32.add (local.get $d) (local.get $index)) (f64.const 0))
              (f64.store (i32.add (local.get $dLog) (local.get $index)) (f64.const 0)))
            (else
              (f64.store (i32.add (local.get $d) (local.get $index))
                (f64.div (f64.neg (f64.load (i32.add (local.get $dR) (local.get $index)))) (local.get $difference)))
              (f64.store (i32.add (local.get $dLog) (local.get $index))
                (f64.div (f64.neg (f64.load (i32.add (local.get $d2R) (local.get $index)))) (local.get $difference)))))
          (local.set $b (i32.add (local.get $b) (i32.const 1)))
          (br $columns)))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (br $rows)))
  (call $product (local.get $product) (local.get $precision) (local.get $sandwich) (local.get $n)
    (i32.const 0) (i32.const 0) (local.get $n) (i32.const {{PRODUCT_FLAG.lowerOnly}}))
  (call $mirrorLower (local.get $sandwich) (local.get $n))
  (call $product (local.get $precision) (local.get $precision) (local.get $squared) (local.get $n)
    (i32.const 0) (i32.const 0) (local.get $n) (i32.const {{PRODUCT_FLAG.lowerOnly}}))
  (call $mirrorLower (local.get $squared) (local.get $n))
  (call $matvec (local.get $d) (local.get $n) (local.get $alpha)
    (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.dAlpha}}))))
  (call $matvec (local.get $dLog) (local.get $n) (local.get $alpha)
    (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.dLogAlpha}}))))
  ;; Row sums of M∘D: one dot product per row.
  (block $done
    (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $row (i32.mul (local.get $i) (local.get $rowBytes)))
      (local.set $index (i32.shl (local.get $i) (i32.const 3)))
      (f64.store (i32.add (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.sandwichTerm}}))) (local.get $index))
        (call $dot (i32.add (local.get $sandwich) (local.get $row)) (i32.add (local.get $d) (local.get $row)) (local.get $n)))
      (f64.store (i32.add (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.precisionTerm}}))) (local.get $index))
        (call $dot (i32.add (local.get $precision) (local.get $row)) (i32.add (local.get $d) (local.get $row)) (local.get $n)))
      (f64.store (i32.add (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.squaredTerm}}))) (local.get $index))
        (call $dot (i32.add (local.get $squared) (local.get $row)) (i32.add (local.get $d) (local.get $row)) (local.get $n)))
      (f64.store (i32.add (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.precisionLogTerm}}))) (local.get $index))
        (call $dot (i32.add (local.get $precision) (local.get $row)) (i32.add (local.get $dLog) (local.get $row)) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  (call $matvec (local.get $d) (local.get $n)
    (i32.add (local.get $betas) (i32.mul (local.get $rowBytes) (i32.const {{BETA_VECTOR.productAlpha}})))
    (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.dProductAlpha}}))))
  (call $matvec (local.get $d) (local.get $n)
    (i32.add (local.get $betas) (i32.mul (local.get $rowBytes) (i32.const {{BETA_VECTOR.precisionRAlpha}})))
    (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.dPrecisionRAlpha}}))))
  (call $matvec (local.get $d) (local.get $n)
    (i32.add (local.get $betas) (i32.mul (local.get $rowBytes) (i32.const {{BETA_VECTOR.precisionAlpha}})))
    (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const {{SENSITIVITY_VECTOR.dPrecisionAlpha}})))))
