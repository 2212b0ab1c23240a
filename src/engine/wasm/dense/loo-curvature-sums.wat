;; The b-weighted sums behind the leave-one-out Hessian, as looCurvatureSumsJs in
;; ../loo-curvature-terms.ts computes them: PB into `weighted` (column c of P times b_c), Q = PBP
;; into `q` and S = AP into `sandwich` (lower triangles, mirrored), then ⟨P, Q⟩, ⟨A, Q⟩, ⟨Δ₂, Q⟩
;; and Σₐ bₐ(AS)ₐₐ into `out` at the byte offsets LOO_CURVATURE_SUM_BYTES.
(func (export "looCurvatureSums")
  (param $n i32) (param $precision i32) (param $product i32) (param $d2R i32) (param $b i32)
  (param $weighted i32) (param $q i32) (param $sandwich i32) (param $out i32)
  (local $i i32) (local $j i32) (local $rowBytes i32) (local $row i32) (local $index i32)
  (local $square i32) (local $sum f64)
  (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
  (local.set $square (i32.mul (local.get $n) (local.get $n)))
  (block $rowsDone
    (loop $rows
      (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $row (i32.mul (local.get $i) (local.get $rowBytes)))
      (local.set $j (i32.const 0))
      (block $columnsDone
        (loop $columns
          (br_if $columnsDone (i32.ge_s (local.get $j) (local.get $n)))
          (local.set $index (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3))))
          (f64.store (i32.add (local.get $weighted) (local.get $index))
            (f64.mul (f64.load (i32.add (local.get $precision) (local.get $index)))
              (f64.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $columns)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
  (call $product (local.get $weighted) (local.get $precision) (local.get $q) (local.get $n)
    (i32.const 0) (i32.const 0) (local.get $n) (i32.const {{PRODUCT_FLAG.lowerOnly}}))
  (call $mirrorLower (local.get $q) (local.get $n))
  (call $product (local.get $product) (local.get $precision) (local.get $sandwich) (local.get $n)
    (i32.const 0) (i32.const 0) (local.get $n) (i32.const {{PRODUCT_FLAG.lowerOnly}}))
  (call $mirrorLower (local.get $sandwich) (local.get $n))
  (f64.store offset={{LOO_CURVATURE_SUM_BYTES.d3}} (local.get $out)
    (call $dot (local.get $precision) (local.get $q) (local.get $square)))
  (f64.store offset={{LOO_CURVATURE_SUM_BYTES.s2}} (local.get $out)
    (call $dot (local.get $product) (local.get $q) (local.get $square)))
  (f64.store offset={{LOO_CURVATURE_SUM_BYTES.e2}} (local.get $out)
    (call $dot (local.get $d2R) (local.get $q) (local.get $square)))
  (local.set $i (i32.const 0))
  (block $done
    (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $row (i32.mul (local.get $i) (local.get $rowBytes)))
      (local.set $sum
        (f64.add (local.get $sum)
          (f64.mul (f64.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3))))
            (call $dot (i32.add (local.get $product) (local.get $row))
              (i32.add (local.get $sandwich) (local.get $row)) (local.get $n)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  (f64.store offset={{LOO_CURVATURE_SUM_BYTES.s3}} (local.get $out) (local.get $sum)))
