;; Dense float64 kernels of the engine in WebAssembly with 128-bit SIMD (two f64 lanes), on
;; row-major n×n matrices at byte addresses in this module's memory. Eight are exported:
;;   product                  the register-blocked product            (productJs, ../dense-js.ts)
;;   cholesky                 the blocked Cholesky factorisation      (choleskyJs, ../dense-js.ts)
;;   inverseTransposeOfLower  U = L⁻ᵀ                                 (../dense-js.ts)
;;   tridiagonalise           the Householder tridiagonalisation      (../eigen.ts)
;;   likelihoodTerms          the sums behind L(θ), ∇L, ∇²L           (../likelihood-terms.ts)
;;   sensitivityTerms         the sums behind ∂∇L/∂x                  (../sensitivity-terms.ts)
;;   looCurvatureSums         the sums behind the LOO-CV Hessian      (../loo-curvature-terms.ts)
;;   fillCorrelationMatrices  R, ∂R/∂log ℓ, ∂²R/∂(log ℓ)²             (../kernels.ts)
;; (and `dot`, the inner product they share, and `absoluteSum`). Each computes what its JavaScript
;; reference computes; only the order of the additions differs (fillCorrelationMatrices also has its own exp).
;; Every double-braced name below is a constant of ./layout.ts, the layout the TypeScript side imports:
;; `npm run build:wasm` substitutes them and compiles this file into dense-binary.ts.
(module
  (memory (export "memory") 1)

  ;; Σ_{k<length} a[k] b[k] for byte addresses a, b: two vector accumulators (four lanes), so the
  ;; additions pipeline; 0 when length ≤ 0.
  (func $dot (export "dot") (param $a i32) (param $b i32) (param $length i32) (result f64)
    (local $sum0 v128) (local $sum1 v128) (local $end i32) (local $tail f64)
    (if (i32.le_s (local.get $length) (i32.const 0)) (then (return (f64.const 0))))
    (local.set $end
      (i32.add (local.get $a)
        (i32.shl (i32.and (local.get $length) (i32.const -4)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $sum0
          (f64x2.add (local.get $sum0)
            (f64x2.mul (v128.load (local.get $a)) (v128.load (local.get $b)))))
        (local.set $sum1
          (f64x2.add (local.get $sum1)
            (f64x2.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 32)))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $next)))
    (local.set $end
      (i32.add (local.get $a)
        (i32.shl (i32.and (local.get $length) (i32.const 3)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $tail
          (f64.add (local.get $tail) (f64.mul (f64.load (local.get $a)) (f64.load (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 8)))
        (br $next)))
    (local.set $sum0 (f64x2.add (local.get $sum0) (local.get $sum1)))
    (f64.add
      (f64.add (f64x2.extract_lane 0 (local.get $sum0)) (f64x2.extract_lane 1 (local.get $sum0)))
      (local.get $tail)))

  ;; Σ_{k<length} |a[k]| for a byte address a: two lanes at a time, then the odd one.
  (func $absoluteSum (param $a i32) (param $length i32) (result f64)
    (local $sum v128) (local $end i32) (local $tail f64)
    (local.set $end
      (i32.add (local.get $a) (i32.shl (i32.and (local.get $length) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $sum (f64x2.add (local.get $sum) (f64x2.abs (v128.load (local.get $a)))))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (br $next)))
    (if (i32.and (local.get $length) (i32.const 1))
      (then (local.set $tail (f64.abs (f64.load (local.get $a))))))
    (f64.add
      (f64.add (f64x2.extract_lane 0 (local.get $sum)) (f64x2.extract_lane 1 (local.get $sum)))
      (local.get $tail)))

  ;; out[address] = value, or out[address] −= value when subtract is set.
  (func $store (param $address i32) (param $value f64) (param $subtract i32)
    (if (local.get $subtract)
      (then (f64.store (local.get $address)
        (f64.sub (f64.load (local.get $address)) (local.get $value))))
      (else (f64.store (local.get $address) (local.get $value)))))

  ;; One entry of `product`: Σ_{k in [first, kEnd)} A_rk B_ck.
  (func $entry
    (param $a i32) (param $b i32) (param $out i32) (param $n i32) (param $row i32) (param $col i32)
    (param $kStart i32) (param $kEnd i32) (param $flags i32)
    (local $first i32)
    (local.set $first (local.get $kStart))
    (if (i32.and (local.get $flags) (i32.const {{PRODUCT_FLAG.bothUpperTriangular}}))
      (then
        (if (i32.gt_s (local.get $row) (local.get $first)) (then (local.set $first (local.get $row))))
        (if (i32.gt_s (local.get $col) (local.get $first)) (then (local.set $first (local.get $col))))))
    (call $store
      (i32.add (local.get $out)
        (i32.shl (i32.add (i32.mul (local.get $row) (local.get $n)) (local.get $col)) (i32.const 3)))
      (call $dot
        (i32.add (local.get $a)
          (i32.shl (i32.add (i32.mul (local.get $row) (local.get $n)) (local.get $first)) (i32.const 3)))
        (i32.add (local.get $b)
          (i32.shl (i32.add (i32.mul (local.get $col) (local.get $n)) (local.get $first)) (i32.const 3)))
        (i32.sub (local.get $kEnd) (local.get $first)))
      (i32.and (local.get $flags) (i32.const {{PRODUCT_FLAG.subtract}}))))

  ;; out_rc = Σ_{k in [kStart, kEnd)} A_rk B_ck (or out_rc −= that) for start ≤ r, c < n.
  ;; flags (PRODUCT_FLAG): lowerOnly = only c ≤ r (rounded up to whole 4×2 blocks, so a few
  ;; entries above the diagonal too); subtract; bothUpperTriangular = A and B upper triangular (row
  ;; r of A and row c of B vanish before columns r and c), so each sum starts at k = max(kStart, r, c).
  ;; Register-blocked 4×2: eight vector accumulators share each load of two rows of B.
  (func $product (export "product")
    (param $a i32) (param $b i32) (param $out i32) (param $n i32)
    (param $start i32) (param $kStart i32) (param $kEnd i32) (param $flags i32)
    (local $rowBytes i32) (local $subtract i32) (local $i i32) (local $j i32) (local $jEnd i32)
    (local $r i32) (local $first i32) (local $count i32) (local $pairBytes i32) (local $offset i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $b0 i32) (local $b1 i32)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local $vb0 v128) (local $vb1 v128) (local $va v128) (local $zero v128)
    (local $tb0 f64) (local $tb1 f64) (local $target i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $subtract (i32.and (local.get $flags) (i32.const {{PRODUCT_FLAG.subtract}})))
    (local.set $i (local.get $start))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (i32.add (local.get $i) (i32.const 3)) (local.get $n)))
        (local.set $jEnd (local.get $n))
        (if (i32.and (local.get $flags) (i32.const {{PRODUCT_FLAG.lowerOnly}}))
          (then (local.set $jEnd (i32.add (local.get $i) (i32.const 4)))))
        (local.set $j (local.get $start))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.ge_s (i32.add (local.get $j) (i32.const 1)) (local.get $jEnd)))
            (local.set $first (local.get $kStart))
            (if (i32.and (local.get $flags) (i32.const {{PRODUCT_FLAG.bothUpperTriangular}}))
              (then
                (if (i32.gt_s (local.get $i) (local.get $first)) (then (local.set $first (local.get $i))))
                (if (i32.gt_s (local.get $j) (local.get $first)) (then (local.set $first (local.get $j))))))
            (local.set $count (i32.sub (local.get $kEnd) (local.get $first)))
            (if (i32.lt_s (local.get $count) (i32.const 0)) (then (local.set $count (i32.const 0))))
            (local.set $a0
              (i32.add (local.get $a)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $first)) (i32.const 3))))
            (local.set $a1 (i32.add (local.get $a0) (local.get $rowBytes)))
            (local.set $a2 (i32.add (local.get $a1) (local.get $rowBytes)))
            (local.set $a3 (i32.add (local.get $a2) (local.get $rowBytes)))
            (local.set $b0
              (i32.add (local.get $b)
                (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $first)) (i32.const 3))))
            (local.set $b1 (i32.add (local.get $b0) (local.get $rowBytes)))
            (local.set $s00 (local.get $zero)) (local.set $s01 (local.get $zero))
            (local.set $s10 (local.get $zero)) (local.set $s11 (local.get $zero))
            (local.set $s20 (local.get $zero)) (local.set $s21 (local.get $zero))
            (local.set $s30 (local.get $zero)) (local.set $s31 (local.get $zero))
            (local.set $pairBytes
              (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3)))
            (local.set $offset (i32.const 0))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $offset) (local.get $pairBytes)))
                (local.set $vb0 (v128.load (i32.add (local.get $b0) (local.get $offset))))
                (local.set $vb1 (v128.load (i32.add (local.get $b1) (local.get $offset))))
                (local.set $va (v128.load (i32.add (local.get $a0) (local.get $offset))))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $va) (local.get $vb1))))
                (local.set $va (v128.load (i32.add (local.get $a1) (local.get $offset))))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $va) (local.get $vb1))))
                (local.set $va (v128.load (i32.add (local.get $a2) (local.get $offset))))
                (local.set $s20 (f64x2.add (local.get $s20) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s21 (f64x2.add (local.get $s21) (f64x2.mul (local.get $va) (local.get $vb1))))
                (local.set $va (v128.load (i32.add (local.get $a3) (local.get $offset))))
                (local.set $s30 (f64x2.add (local.get $s30) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s31 (f64x2.add (local.get $s31) (f64x2.mul (local.get $va) (local.get $vb1))))
                (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
                (br $k)))
            ;; An odd count leaves one k: its products go into lane 0 of each sum.
            (if (i32.and (local.get $count) (i32.const 1))
              (then
                (local.set $vb0 (f64x2.splat (f64.load (i32.add (local.get $b0) (local.get $offset)))))
                (local.set $vb1 (f64x2.splat (f64.load (i32.add (local.get $b1) (local.get $offset)))))
                (local.set $va (f64x2.replace_lane 0 (local.get $zero) (f64.load (i32.add (local.get $a0) (local.get $offset)))))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $va) (local.get $vb1))))
                (local.set $va (f64x2.replace_lane 0 (local.get $zero) (f64.load (i32.add (local.get $a1) (local.get $offset)))))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $va) (local.get $vb1))))
                (local.set $va (f64x2.replace_lane 0 (local.get $zero) (f64.load (i32.add (local.get $a2) (local.get $offset)))))
                (local.set $s20 (f64x2.add (local.get $s20) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s21 (f64x2.add (local.get $s21) (f64x2.mul (local.get $va) (local.get $vb1))))
                (local.set $va (f64x2.replace_lane 0 (local.get $zero) (f64.load (i32.add (local.get $a3) (local.get $offset)))))
                (local.set $s30 (f64x2.add (local.get $s30) (f64x2.mul (local.get $va) (local.get $vb0))))
                (local.set $s31 (f64x2.add (local.get $s31) (f64x2.mul (local.get $va) (local.get $vb1))))))
            (local.set $target
              (i32.add (local.get $out)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))))
            (call $store (local.get $target)
              (f64.add (f64x2.extract_lane 0 (local.get $s00)) (f64x2.extract_lane 1 (local.get $s00)))
              (local.get $subtract))
            (call $store (i32.add (local.get $target) (i32.const 8))
              (f64.add (f64x2.extract_lane 0 (local.get $s01)) (f64x2.extract_lane 1 (local.get $s01)))
              (local.get $subtract))
            (local.set $target (i32.add (local.get $target) (local.get $rowBytes)))
            (call $store (local.get $target)
              (f64.add (f64x2.extract_lane 0 (local.get $s10)) (f64x2.extract_lane 1 (local.get $s10)))
              (local.get $subtract))
            (call $store (i32.add (local.get $target) (i32.const 8))
              (f64.add (f64x2.extract_lane 0 (local.get $s11)) (f64x2.extract_lane 1 (local.get $s11)))
              (local.get $subtract))
            (local.set $target (i32.add (local.get $target) (local.get $rowBytes)))
            (call $store (local.get $target)
              (f64.add (f64x2.extract_lane 0 (local.get $s20)) (f64x2.extract_lane 1 (local.get $s20)))
              (local.get $subtract))
            (call $store (i32.add (local.get $target) (i32.const 8))
              (f64.add (f64x2.extract_lane 0 (local.get $s21)) (f64x2.extract_lane 1 (local.get $s21)))
              (local.get $subtract))
            (local.set $target (i32.add (local.get $target) (local.get $rowBytes)))
            (call $store (local.get $target)
              (f64.add (f64x2.extract_lane 0 (local.get $s30)) (f64x2.extract_lane 1 (local.get $s30)))
              (local.get $subtract))
            (call $store (i32.add (local.get $target) (i32.const 8))
              (f64.add (f64x2.extract_lane 0 (local.get $s31)) (f64x2.extract_lane 1 (local.get $s31)))
              (local.get $subtract))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $pairs)))
        ;; A last odd column of this band of four rows.
        (if (i32.lt_s (local.get $j) (local.get $jEnd))
          (then
            (local.set $r (local.get $i))
            (block $edgeDone
              (loop $edge
                (br_if $edgeDone (i32.ge_s (local.get $r) (i32.add (local.get $i) (i32.const 4))))
                (call $entry (local.get $a) (local.get $b) (local.get $out) (local.get $n)
                  (local.get $r) (local.get $j) (local.get $kStart) (local.get $kEnd) (local.get $flags))
                (local.set $r (i32.add (local.get $r) (i32.const 1)))
                (br $edge)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rows)))
    ;; The last rows that do not fill a band of four.
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $jEnd (local.get $n))
        (if (i32.and (local.get $flags) (i32.const {{PRODUCT_FLAG.lowerOnly}}))
          (then (local.set $jEnd (i32.add (local.get $i) (i32.const 1)))))
        (local.set $j (local.get $start))
        (block $colsDone
          (loop $cols
            (br_if $colsDone (i32.ge_s (local.get $j) (local.get $jEnd)))
            (call $entry (local.get $a) (local.get $b) (local.get $out) (local.get $n)
              (local.get $i) (local.get $j) (local.get $kStart) (local.get $kEnd) (local.get $flags))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $cols)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail))))

  ;; In-place Cholesky factorisation A = L Lᵀ of the n×n matrix at `matrix`, blocked right-looking
  ;; with panels of `block` columns (as choleskyInPlace in ../dense-js.ts). Reads the lower
  ;; triangle, leaves L there and zeroes the strict upper triangle. Returns −1, or the index of the
  ;; first pivot that is not positive.
  (func $cholesky (export "cholesky") (param $matrix i32) (param $n i32) (param $block i32) (result i32)
    (local $rowBytes i32) (local $blockStart i32) (local $blockEnd i32) (local $row i32)
    (local $col i32) (local $lastColumn i32) (local $rowAddress i32) (local $colAddress i32)
    (local $pivot f64)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $blockStart (i32.const 0))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_s (local.get $blockStart) (local.get $n)))
        (local.set $blockEnd (i32.add (local.get $blockStart) (local.get $block)))
        (if (i32.gt_s (local.get $blockEnd) (local.get $n)) (then (local.set $blockEnd (local.get $n))))
        (local.set $row (local.get $blockStart))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_s (local.get $row) (local.get $n)))
            (local.set $rowAddress
              (i32.add (local.get $matrix) (i32.mul (local.get $row) (local.get $rowBytes))))
            (local.set $lastColumn (local.get $blockEnd))
            (if (i32.lt_s (local.get $row) (local.get $lastColumn))
              (then (local.set $lastColumn (local.get $row))))
            (local.set $col (local.get $blockStart))
            (block $colsDone
              (loop $cols
                (br_if $colsDone (i32.ge_s (local.get $col) (local.get $lastColumn)))
                (local.set $colAddress
                  (i32.add (local.get $matrix) (i32.mul (local.get $col) (local.get $rowBytes))))
                (f64.store
                  (i32.add (local.get $rowAddress) (i32.shl (local.get $col) (i32.const 3)))
                  (f64.div
                    (f64.sub
                      (f64.load (i32.add (local.get $rowAddress) (i32.shl (local.get $col) (i32.const 3))))
                      (call $dot
                        (i32.add (local.get $rowAddress) (i32.shl (local.get $blockStart) (i32.const 3)))
                        (i32.add (local.get $colAddress) (i32.shl (local.get $blockStart) (i32.const 3)))
                        (i32.sub (local.get $col) (local.get $blockStart))))
                    (f64.load (i32.add (local.get $colAddress) (i32.shl (local.get $col) (i32.const 3))))))
                (local.set $col (i32.add (local.get $col) (i32.const 1)))
                (br $cols)))
            (if (i32.lt_s (local.get $row) (local.get $blockEnd))
              (then
                (local.set $pivot
                  (f64.sub
                    (f64.load (i32.add (local.get $rowAddress) (i32.shl (local.get $row) (i32.const 3))))
                    (call $dot
                      (i32.add (local.get $rowAddress) (i32.shl (local.get $blockStart) (i32.const 3)))
                      (i32.add (local.get $rowAddress) (i32.shl (local.get $blockStart) (i32.const 3)))
                      (i32.sub (local.get $row) (local.get $blockStart)))))
                ;; Written so that NaN fails too.
                (if (i32.eqz (f64.gt (local.get $pivot) (f64.const 0)))
                  (then (return (local.get $row))))
                (f64.store
                  (i32.add (local.get $rowAddress) (i32.shl (local.get $row) (i32.const 3)))
                  (f64.sqrt (local.get $pivot)))))
            (local.set $row (i32.add (local.get $row) (i32.const 1)))
            (br $rows)))
        ;; Trailing update M_rc −= Σ_{k in block} L_rk L_ck for blockEnd ≤ c ≤ r.
        (call $product (local.get $matrix) (local.get $matrix) (local.get $matrix) (local.get $n)
          (local.get $blockEnd) (local.get $blockStart) (local.get $blockEnd) (i32.const 3))
        (local.set $blockStart (local.get $blockEnd))
        (br $blocks)))
    ;; Zero the strict upper triangle.
    (local.set $row (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $row) (local.get $n)))
        (memory.fill
          (i32.add (local.get $matrix)
            (i32.shl (i32.add (i32.mul (local.get $row) (local.get $n)) (i32.add (local.get $row) (i32.const 1))) (i32.const 3)))
          (i32.const 0)
          (i32.shl (i32.sub (i32.sub (local.get $n) (local.get $row)) (i32.const 1)) (i32.const 3)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $next)))
    (i32.const -1))

  ;; U = L⁻ᵀ (upper triangular) from the lower-triangular L at `factor`, written to `out`: row j of U
  ;; is column j of L⁻¹, by forward substitution four rows at a time (as inverseTransposeOfLower
  ;; in ../dense-js.ts):  U_ji = (δ_ij − Σ_{k=j}^{i−1} L_ik U_jk) / L_ii  for i ≥ j.
  (func $inverseTransposeOfLower (export "inverseTransposeOfLower") (param $factor i32) (param $n i32) (param $out i32)
    (local $rowBytes i32) (local $j i32) (local $i i32) (local $u0 i32) (local $u1 i32)
    (local $u2 i32) (local $u3 i32) (local $li i32) (local $offset i32) (local $pairBytes i32)
    (local $count i32) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $vl v128) (local $zero v128) (local $inverseDiagonal f64) (local $k i32)
    (local $ujj i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (memory.fill (local.get $out) (i32.const 0) (i32.mul (local.get $n) (local.get $rowBytes)))
    (local.set $j (i32.const 0))
    (block $bandsDone
      (loop $bands
        (br_if $bandsDone (i32.ge_s (i32.add (local.get $j) (i32.const 3)) (local.get $n)))
        (local.set $u0 (i32.add (local.get $out) (i32.mul (local.get $j) (local.get $rowBytes))))
        (local.set $u1 (i32.add (local.get $u0) (local.get $rowBytes)))
        (local.set $u2 (i32.add (local.get $u1) (local.get $rowBytes)))
        (local.set $u3 (i32.add (local.get $u2) (local.get $rowBytes)))
        (local.set $i (local.get $j))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $li (i32.add (local.get $factor) (i32.mul (local.get $i) (local.get $rowBytes))))
            ;; k runs over [j, i); `offset` is the byte offset of column k.
            (local.set $count (i32.sub (local.get $i) (local.get $j)))
            (local.set $offset (i32.shl (local.get $j) (i32.const 3)))
            (local.set $pairBytes
              (i32.add (local.get $offset)
                (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
            (local.set $s0 (local.get $zero)) (local.set $s1 (local.get $zero))
            (local.set $s2 (local.get $zero)) (local.set $s3 (local.get $zero))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.ge_u (local.get $offset) (local.get $pairBytes)))
                (local.set $vl (v128.load (i32.add (local.get $li) (local.get $offset))))
                (local.set $s0 (f64x2.add (local.get $s0)
                  (f64x2.mul (local.get $vl) (v128.load (i32.add (local.get $u0) (local.get $offset))))))
                (local.set $s1 (f64x2.add (local.get $s1)
                  (f64x2.mul (local.get $vl) (v128.load (i32.add (local.get $u1) (local.get $offset))))))
                (local.set $s2 (f64x2.add (local.get $s2)
                  (f64x2.mul (local.get $vl) (v128.load (i32.add (local.get $u2) (local.get $offset))))))
                (local.set $s3 (f64x2.add (local.get $s3)
                  (f64x2.mul (local.get $vl) (v128.load (i32.add (local.get $u3) (local.get $offset))))))
                (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
                (br $k)))
            (if (i32.and (local.get $count) (i32.const 1))
              (then
                (local.set $vl
                  (f64x2.replace_lane 0 (local.get $zero)
                    (f64.load (i32.add (local.get $li) (local.get $offset)))))
                (local.set $s0 (f64x2.add (local.get $s0)
                  (f64x2.mul (local.get $vl) (f64x2.splat (f64.load (i32.add (local.get $u0) (local.get $offset)))))))
                (local.set $s1 (f64x2.add (local.get $s1)
                  (f64x2.mul (local.get $vl) (f64x2.splat (f64.load (i32.add (local.get $u1) (local.get $offset)))))))
                (local.set $s2 (f64x2.add (local.get $s2)
                  (f64x2.mul (local.get $vl) (f64x2.splat (f64.load (i32.add (local.get $u2) (local.get $offset)))))))
                (local.set $s3 (f64x2.add (local.get $s3)
                  (f64x2.mul (local.get $vl) (f64x2.splat (f64.load (i32.add (local.get $u3) (local.get $offset)))))))))
            (local.set $inverseDiagonal
              (f64.div (f64.const 1)
                (f64.load (i32.add (local.get $li) (i32.shl (local.get $i) (i32.const 3))))))
            (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
            (f64.store (i32.add (local.get $u0) (local.get $offset))
              (f64.mul (local.get $inverseDiagonal)
                (f64.sub (f64.convert_i32_s (i32.eq (local.get $i) (local.get $j)))
                  (f64.add (f64x2.extract_lane 0 (local.get $s0)) (f64x2.extract_lane 1 (local.get $s0))))))
            (f64.store (i32.add (local.get $u1) (local.get $offset))
              (f64.mul (local.get $inverseDiagonal)
                (f64.sub (f64.convert_i32_s (i32.eq (local.get $i) (i32.add (local.get $j) (i32.const 1))))
                  (f64.add (f64x2.extract_lane 0 (local.get $s1)) (f64x2.extract_lane 1 (local.get $s1))))))
            (f64.store (i32.add (local.get $u2) (local.get $offset))
              (f64.mul (local.get $inverseDiagonal)
                (f64.sub (f64.convert_i32_s (i32.eq (local.get $i) (i32.add (local.get $j) (i32.const 2))))
                  (f64.add (f64x2.extract_lane 0 (local.get $s2)) (f64x2.extract_lane 1 (local.get $s2))))))
            (f64.store (i32.add (local.get $u3) (local.get $offset))
              (f64.mul (local.get $inverseDiagonal)
                (f64.sub (f64.convert_i32_s (i32.eq (local.get $i) (i32.add (local.get $j) (i32.const 3))))
                  (f64.add (f64x2.extract_lane 0 (local.get $s3)) (f64x2.extract_lane 1 (local.get $s3))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $bands)))
    ;; The last rows of U that do not fill a band of four, one at a time.
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_s (local.get $j) (local.get $n)))
        (local.set $ujj
          (i32.add (local.get $out)
            (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $j)) (i32.const 3))))
        (f64.store (local.get $ujj)
          (f64.div (f64.const 1)
            (f64.load (i32.add (local.get $factor)
              (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $j)) (i32.const 3))))))
        (local.set $k (i32.add (local.get $j) (i32.const 1)))
        (block $done
          (loop $next
            (br_if $done (i32.ge_s (local.get $k) (local.get $n)))
            (local.set $li (i32.add (local.get $factor) (i32.mul (local.get $k) (local.get $rowBytes))))
            (f64.store
              (i32.add (local.get $out)
                (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $k)) (i32.const 3)))
              (f64.div
                (f64.neg
                  (call $dot
                    (i32.add (local.get $li) (i32.shl (local.get $j) (i32.const 3)))
                    (local.get $ujj)
                    (i32.sub (local.get $k) (local.get $j))))
                (f64.load (i32.add (local.get $li) (i32.shl (local.get $k) (i32.const 3))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $next)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $tail))))

  ;; The Householder vector that zeroes column k of `a` below its sub-diagonal, into `out` (unit;
  ;; all zero when the column already is), with the diagonal entry d_k and the sub-diagonal entry
  ;; α = ∓‖x‖ (as makeReflector in ../eigen.ts).
  (func $makeReflector
    (param $a i32) (param $n i32) (param $k i32) (param $diagonal i32) (param $subdiagonal i32)
    (param $out i32)
    (local $rowBytes i32) (local $i i32) (local $address i32) (local $value f64)
    (local $normSquared f64) (local $head f64) (local $norm f64) (local $alpha f64) (local $vNorm f64)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (memory.fill (local.get $out) (i32.const 0) (local.get $rowBytes))
    (f64.store (i32.add (local.get $diagonal) (i32.shl (local.get $k) (i32.const 3)))
      (f64.load (i32.add (local.get $a)
        (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $k)) (i32.const 3)))))
    ;; Column k, rows k+1..n−1: `address` walks down the column.
    (local.set $address (i32.add (local.get $a)
      (i32.shl (i32.add (i32.mul (i32.add (local.get $k) (i32.const 1)) (local.get $n)) (local.get $k))
        (i32.const 3))))
    (local.set $head (f64.load (local.get $address)))
    (local.set $i (i32.add (local.get $k) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $value (f64.load (local.get $address)))
        (local.set $normSquared (f64.add (local.get $normSquared) (f64.mul (local.get $value) (local.get $value))))
        (local.set $address (i32.add (local.get $address) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (f64.eq (local.get $normSquared) (f64.const 0))
      (then
        (f64.store (i32.add (local.get $subdiagonal) (i32.shl (local.get $k) (i32.const 3))) (f64.const 0))
        (return)))
    (local.set $norm (f64.sqrt (local.get $normSquared)))
    (local.set $alpha (local.get $norm))
    (if (f64.gt (local.get $head) (f64.const 0)) (then (local.set $alpha (f64.neg (local.get $norm)))))
    ;; v = x − α e₁, normalised; |v|² = |x|² − 2α x₀ + α².
    (local.set $vNorm
      (f64.sqrt
        (f64.add
          (f64.sub (local.get $normSquared) (f64.mul (f64.mul (f64.const 2) (local.get $alpha)) (local.get $head)))
          (f64.mul (local.get $alpha) (local.get $alpha)))))
    (local.set $address (i32.add (local.get $a)
      (i32.shl (i32.add (i32.mul (i32.add (local.get $k) (i32.const 1)) (local.get $n)) (local.get $k))
        (i32.const 3))))
    (local.set $i (i32.add (local.get $k) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64.div (f64.load (local.get $address)) (local.get $vNorm)))
        (local.set $address (i32.add (local.get $address) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (f64.store (i32.add (local.get $out) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))
      (f64.div (f64.sub (local.get $head) (local.get $alpha)) (local.get $vNorm)))
    (f64.store (i32.add (local.get $subdiagonal) (i32.shl (local.get $k) (i32.const 3))) (local.get $alpha)))

  ;; Column `column` of `a`, rows column..n−1: a_ic −= v_i q_c + q_i v_c (one column of the
  ;; rank-two update A ← A − v qᵀ − q vᵀ).
  (func $updateColumn
    (param $a i32) (param $n i32) (param $column i32) (param $reflector i32) (param $product i32)
    (local $i i32) (local $address i32) (local $vColumn f64) (local $qColumn f64)
    (local.set $vColumn (f64.load (i32.add (local.get $reflector) (i32.shl (local.get $column) (i32.const 3)))))
    (local.set $qColumn (f64.load (i32.add (local.get $product) (i32.shl (local.get $column) (i32.const 3)))))
    (local.set $i (local.get $column))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $address (i32.add (local.get $a)
          (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $column)) (i32.const 3))))
        (f64.store (local.get $address)
          (f64.sub
            (f64.sub (f64.load (local.get $address))
              (f64.mul (f64.load (i32.add (local.get $reflector) (i32.shl (local.get $i) (i32.const 3))))
                (local.get $qColumn)))
            (f64.mul (f64.load (i32.add (local.get $product) (i32.shl (local.get $i) (i32.const 3))))
              (local.get $vColumn))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Householder reduction A = Q_H T Q_Hᵀ of the symmetric n×n `a` (lower triangle read, destroyed),
  ;; as tridiagonalise in ../eigen.ts: T's diagonal and sub-diagonal into `diagonal` and
  ;; `subdiagonal`, `vector` replaced by Q_Hᵀ vector. `scratch` holds four vectors of n doubles.
  ;; Step k's rank-two update and step k+1's product p' = A v' share one pass over the trailing block.
  (func (export "tridiagonalise")
    (param $a i32) (param $n i32) (param $diagonal i32) (param $subdiagonal i32) (param $vector i32)
    (param $scratch i32)
    (local $rowBytes i32) (local $reflector i32) (local $product i32) (local $nextReflector i32)
    (local $nextProduct i32) (local $swap i32) (local $k i32) (local $i i32) (local $j i32)
    (local $next i32) (local $first i32) (local $hasNext i32) (local $row i32) (local $count i32)
    (local $offset i32) (local $pairEnd i32)
    (local $vi f64) (local $qi f64) (local $nextVi f64) (local $sum f64) (local $entry f64)
    (local $vDotP f64) (local $vDotY f64) (local $diagonalEntry f64)
    (local $viSplat v128) (local $qiSplat v128) (local $nextViSplat v128) (local $sumVector v128)
    (local $entryVector v128) (local $zero v128)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $reflector (local.get $scratch))
    (local.set $product (i32.add (local.get $reflector) (local.get $rowBytes)))
    (local.set $nextReflector (i32.add (local.get $product) (local.get $rowBytes)))
    (local.set $nextProduct (i32.add (local.get $nextReflector) (local.get $rowBytes)))
    (if (i32.ge_s (local.get $n) (i32.const 3))
      (then
        (call $makeReflector (local.get $a) (local.get $n) (i32.const 0) (local.get $diagonal)
          (local.get $subdiagonal) (local.get $reflector))
        (memory.fill (local.get $product) (i32.const 0) (local.get $rowBytes))
        ;; p = A v over rows and columns 1..n−1, from the lower triangle.
        (local.set $i (i32.const 1))
        (block $done
          (loop $rows
            (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $row (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowBytes))))
            (local.set $vi (f64.load (i32.add (local.get $reflector) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $sum
              (f64.mul (f64.load (i32.add (local.get $row) (i32.shl (local.get $i) (i32.const 3)))) (local.get $vi)))
            (local.set $j (i32.const 1))
            (block $columnsDone
              (loop $columns
                (br_if $columnsDone (i32.ge_s (local.get $j) (local.get $i)))
                (local.set $offset (i32.shl (local.get $j) (i32.const 3)))
                (local.set $entry (f64.load (i32.add (local.get $row) (local.get $offset))))
                (local.set $sum (f64.add (local.get $sum)
                  (f64.mul (local.get $entry) (f64.load (i32.add (local.get $reflector) (local.get $offset))))))
                (f64.store (i32.add (local.get $product) (local.get $offset))
                  (f64.add (f64.load (i32.add (local.get $product) (local.get $offset)))
                    (f64.mul (local.get $entry) (local.get $vi))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $columns)))
            (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
            (f64.store (i32.add (local.get $product) (local.get $offset))
              (f64.add (f64.load (i32.add (local.get $product) (local.get $offset))) (local.get $sum)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))))
    (local.set $k (i32.const 0))
    (block $stepsDone
      (loop $steps
        (br_if $stepsDone (i32.ge_s (local.get $k) (i32.sub (local.get $n) (i32.const 2))))
        ;; q = 2p − 2(vᵀp)v, kept in `product`; and y ← y − 2(vᵀy)v.
        (local.set $vDotP
          (call $dot
            (i32.add (local.get $reflector) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))
            (i32.add (local.get $product) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))
            (i32.sub (i32.sub (local.get $n) (local.get $k)) (i32.const 1))))
        (local.set $vDotY
          (call $dot
            (i32.add (local.get $reflector) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))
            (i32.add (local.get $vector) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))
            (i32.sub (i32.sub (local.get $n) (local.get $k)) (i32.const 1))))
        (local.set $i (i32.add (local.get $k) (i32.const 1)))
        (block $done
          (loop $next
            (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
            (local.set $vi (f64.load (i32.add (local.get $reflector) (local.get $offset))))
            (f64.store (i32.add (local.get $product) (local.get $offset))
              (f64.sub
                (f64.mul (f64.const 2) (f64.load (i32.add (local.get $product) (local.get $offset))))
                (f64.mul (f64.mul (f64.const 2) (local.get $vDotP)) (local.get $vi))))
            (f64.store (i32.add (local.get $vector) (local.get $offset))
              (f64.sub (f64.load (i32.add (local.get $vector) (local.get $offset)))
                (f64.mul (f64.mul (f64.const 2) (local.get $vDotY)) (local.get $vi))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        (local.set $next (i32.add (local.get $k) (i32.const 1)))
        (local.set $hasNext (i32.lt_s (local.get $next) (i32.sub (local.get $n) (i32.const 2))))
        (if (local.get $hasNext)
          (then
            ;; Bring column k+1 up to date, then define the next reflector from it.
            (call $updateColumn (local.get $a) (local.get $n) (local.get $next) (local.get $reflector)
              (local.get $product))
            (call $makeReflector (local.get $a) (local.get $n) (local.get $next) (local.get $diagonal)
              (local.get $subdiagonal) (local.get $nextReflector))
            (memory.fill (local.get $nextProduct) (i32.const 0) (local.get $rowBytes))))
        ;; Step k's update of rows/columns ≥ k+2 and, in the same pass, p' = A v' for step k+1.
        (local.set $first (i32.add (local.get $k) (i32.const 2)))
        (local.set $i (local.get $first))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $row (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowBytes))))
            (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
            (local.set $vi (f64.load (i32.add (local.get $reflector) (local.get $offset))))
            (local.set $qi (f64.load (i32.add (local.get $product) (local.get $offset))))
            (local.set $viSplat (f64x2.splat (local.get $vi)))
            (local.set $qiSplat (f64x2.splat (local.get $qi)))
            (local.set $count (i32.sub (local.get $i) (local.get $first)))
            (local.set $offset (i32.shl (local.get $first) (i32.const 3)))
            (local.set $pairEnd
              (i32.add (local.get $offset)
                (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
            (if (local.get $hasNext)
              (then
                (local.set $nextVi
                  (f64.load (i32.add (local.get $nextReflector) (i32.shl (local.get $i) (i32.const 3)))))
                (local.set $nextViSplat (f64x2.splat (local.get $nextVi)))
                (local.set $sumVector (local.get $zero))
                (block $pairsDone
                  (loop $pairs
                    (br_if $pairsDone (i32.ge_u (local.get $offset) (local.get $pairEnd)))
                    (local.set $entryVector
                      (f64x2.sub
                        (f64x2.sub (v128.load (i32.add (local.get $row) (local.get $offset)))
                          (f64x2.mul (local.get $viSplat)
                            (v128.load (i32.add (local.get $product) (local.get $offset)))))
                        (f64x2.mul (local.get $qiSplat)
                          (v128.load (i32.add (local.get $reflector) (local.get $offset))))))
                    (v128.store (i32.add (local.get $row) (local.get $offset)) (local.get $entryVector))
                    (local.set $sumVector
                      (f64x2.add (local.get $sumVector)
                        (f64x2.mul (local.get $entryVector)
                          (v128.load (i32.add (local.get $nextReflector) (local.get $offset))))))
                    (v128.store (i32.add (local.get $nextProduct) (local.get $offset))
                      (f64x2.add (v128.load (i32.add (local.get $nextProduct) (local.get $offset)))
                        (f64x2.mul (local.get $entryVector) (local.get $nextViSplat))))
                    (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
                    (br $pairs)))
                (local.set $sum
                  (f64.add (f64x2.extract_lane 0 (local.get $sumVector))
                    (f64x2.extract_lane 1 (local.get $sumVector))))
                (if (i32.and (local.get $count) (i32.const 1))
                  (then
                    (local.set $entry
                      (f64.sub
                        (f64.sub (f64.load (i32.add (local.get $row) (local.get $offset)))
                          (f64.mul (local.get $vi) (f64.load (i32.add (local.get $product) (local.get $offset)))))
                        (f64.mul (local.get $qi) (f64.load (i32.add (local.get $reflector) (local.get $offset))))))
                    (f64.store (i32.add (local.get $row) (local.get $offset)) (local.get $entry))
                    (local.set $sum (f64.add (local.get $sum)
                      (f64.mul (local.get $entry) (f64.load (i32.add (local.get $nextReflector) (local.get $offset))))))
                    (f64.store (i32.add (local.get $nextProduct) (local.get $offset))
                      (f64.add (f64.load (i32.add (local.get $nextProduct) (local.get $offset)))
                        (f64.mul (local.get $entry) (local.get $nextVi))))))
                ;; The diagonal entry: a_ii −= 2 v_i q_i.
                (local.set $offset (i32.shl (local.get $i) (i32.const 3)))
                (local.set $diagonalEntry
                  (f64.sub (f64.load (i32.add (local.get $row) (local.get $offset)))
                    (f64.mul (f64.mul (f64.const 2) (local.get $vi)) (local.get $qi))))
                (f64.store (i32.add (local.get $row) (local.get $offset)) (local.get $diagonalEntry))
                (f64.store (i32.add (local.get $nextProduct) (local.get $offset))
                  (f64.add (f64.load (i32.add (local.get $nextProduct) (local.get $offset)))
                    (f64.add (local.get $sum) (f64.mul (local.get $diagonalEntry) (local.get $nextVi))))))
              (else
                ;; The last step: the update alone, diagonal included.
                (local.set $pairEnd (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 3)))
                (block $entriesDone
                  (loop $entries
                    (br_if $entriesDone (i32.ge_u (local.get $offset) (local.get $pairEnd)))
                    (f64.store (i32.add (local.get $row) (local.get $offset))
                      (f64.sub
                        (f64.sub (f64.load (i32.add (local.get $row) (local.get $offset)))
                          (f64.mul (local.get $vi) (f64.load (i32.add (local.get $product) (local.get $offset)))))
                        (f64.mul (local.get $qi) (f64.load (i32.add (local.get $reflector) (local.get $offset))))))
                    (local.set $offset (i32.add (local.get $offset) (i32.const 8)))
                    (br $entries)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))
        (if (local.get $hasNext)
          (then
            (local.set $swap (local.get $reflector))
            (local.set $reflector (local.get $nextReflector))
            (local.set $nextReflector (local.get $swap))
            (local.set $swap (local.get $product))
            (local.set $product (local.get $nextProduct))
            (local.set $nextProduct (local.get $swap)))
          (else
            ;; The last reflection also updates column k+1 (the 2×2 block that remains).
            (call $updateColumn (local.get $a) (local.get $n) (local.get $next) (local.get $reflector)
              (local.get $product))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $steps)))
    (if (i32.ge_s (local.get $n) (i32.const 2))
      (then
        (local.set $k (i32.sub (local.get $n) (i32.const 2)))
        (f64.store (i32.add (local.get $diagonal) (i32.shl (local.get $k) (i32.const 3)))
          (f64.load (i32.add (local.get $a)
            (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $k)) (i32.const 3)))))
        (f64.store (i32.add (local.get $subdiagonal) (i32.shl (local.get $k) (i32.const 3)))
          (f64.load (i32.add (local.get $a)
            (i32.shl (i32.add (i32.mul (i32.add (local.get $k) (i32.const 1)) (local.get $n)) (local.get $k))
              (i32.const 3)))))))
    (local.set $k (i32.sub (local.get $n) (i32.const 1)))
    (f64.store (i32.add (local.get $diagonal) (i32.shl (local.get $k) (i32.const 3)))
      (f64.load (i32.add (local.get $a)
        (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $k)) (i32.const 3)))))
    (f64.store (i32.add (local.get $subdiagonal) (i32.shl (local.get $k) (i32.const 3))) (f64.const 0)))

  ;; out[i] = Σ_k M_ik v_k for an n×n row-major M.
  (func $matvec (param $matrix i32) (param $n i32) (param $vector i32) (param $out i32)
    (local $i i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (call $dot (local.get $matrix) (local.get $vector) (local.get $n)))
        (local.set $matrix (i32.add (local.get $matrix) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; tr(M) = Σ_i M_ii.
  (func $trace (param $matrix i32) (param $n i32) (result f64)
    (local $i i32) (local $sum f64) (local $stride i32)
    (local.set $stride (i32.shl (i32.add (local.get $n) (i32.const 1)) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $sum (f64.add (local.get $sum) (f64.load (local.get $matrix))))
        (local.set $matrix (i32.add (local.get $matrix) (local.get $stride)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; Σ_ij A_ij A_ji = tr(A²) for a square, not necessarily symmetric, A.
  (func $traceOfSquare (param $a i32) (param $n i32) (result f64)
    (local $i i32) (local $j i32) (local $sum f64) (local $diagonal f64) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $diagonal (f64.load (i32.add (local.get $a)
          (i32.add (i32.mul (local.get $i) (local.get $rowBytes)) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $diagonal) (local.get $diagonal))))
        (local.set $j (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_s (local.get $j) (local.get $i)))
            (local.set $sum
              (f64.add (local.get $sum)
                (f64.mul (f64.const 2)
                  (f64.mul
                    (f64.load (i32.add (local.get $a)
                      (i32.add (i32.mul (local.get $i) (local.get $rowBytes)) (i32.shl (local.get $j) (i32.const 3)))))
                    (f64.load (i32.add (local.get $a)
                      (i32.add (i32.mul (local.get $j) (local.get $rowBytes)) (i32.shl (local.get $i) (i32.const 3)))))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $columns)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (local.get $sum))

  ;; Copies the lower triangle of M onto its upper triangle.
  (func $mirrorLower (param $matrix i32) (param $n i32)
    (local $i i32) (local $j i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $j (i32.add (local.get $i) (i32.const 1)))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_s (local.get $j) (local.get $n)))
            (f64.store
              (i32.add (local.get $matrix)
                (i32.add (i32.mul (local.get $i) (local.get $rowBytes)) (i32.shl (local.get $j) (i32.const 3))))
              (f64.load (i32.add (local.get $matrix)
                (i32.add (i32.mul (local.get $j) (local.get $rowBytes)) (i32.shl (local.get $i) (i32.const 3))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $columns)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; Solves L Lᵀ x = b in place (`vector` holds b, then x): forward, then back substitution.
  (func $solveCholesky (param $factor i32) (param $n i32) (param $vector i32)
    (local $i i32) (local $k i32) (local $rowBytes i32) (local $sum f64) (local $address i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (block $forwardDone
      (loop $forward
        (br_if $forwardDone (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $address (i32.add (local.get $vector) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $address)
          (f64.div
            (f64.sub (f64.load (local.get $address))
              (call $dot (i32.add (local.get $factor) (i32.mul (local.get $i) (local.get $rowBytes)))
                (local.get $vector) (local.get $i)))
            (f64.load (i32.add (local.get $factor)
              (i32.add (i32.mul (local.get $i) (local.get $rowBytes)) (i32.shl (local.get $i) (i32.const 3)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $forward)))
    (local.set $i (i32.sub (local.get $n) (i32.const 1)))
    (block $backDone
      (loop $back
        (br_if $backDone (i32.lt_s (local.get $i) (i32.const 0)))
        (local.set $address (i32.add (local.get $vector) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $sum (f64.load (local.get $address)))
        (local.set $k (i32.add (local.get $i) (i32.const 1)))
        (block $columnDone
          (loop $column
            (br_if $columnDone (i32.ge_s (local.get $k) (local.get $n)))
            (local.set $sum
              (f64.sub (local.get $sum)
                (f64.mul
                  (f64.load (i32.add (local.get $factor)
                    (i32.add (i32.mul (local.get $k) (local.get $rowBytes)) (i32.shl (local.get $i) (i32.const 3)))))
                  (f64.load (i32.add (local.get $vector) (i32.shl (local.get $k) (i32.const 3)))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $column)))
        (f64.store (local.get $address)
          (f64.div (local.get $sum)
            (f64.load (i32.add (local.get $factor)
              (i32.add (i32.mul (local.get $i) (local.get $rowBytes)) (i32.shl (local.get $i) (i32.const 3)))))))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $back))))

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

  ;; e^x in both lanes for x ≤ 0 (Cody & Waite reduction x = k ln 2 + r, |r| ≤ ½ ln 2; e^r by its
  ;; Taylor series to r¹³, whose remainder is below 5e-18; 2^k built from its exponent bits). Lanes
  ;; below −708, where e^x < 4e-308 would leave the normal range, give 0.
  (func $expNonPositive (param $x v128) (result v128)
    (local $k v128) (local $r v128) (local $p v128) (local $underflow v128)
    (local.set $underflow (f64x2.lt (local.get $x) (f64x2.splat (f64.const -708))))
    (local.set $x (f64x2.max (local.get $x) (f64x2.splat (f64.const -708))))
    (local.set $k (f64x2.nearest (f64x2.mul (local.get $x) (f64x2.splat (f64.const 1.4426950408889634)))))
    (local.set $r
      (f64x2.sub
        (f64x2.sub (local.get $x) (f64x2.mul (local.get $k) (f64x2.splat (f64.const 6.93147180369123816490e-01))))
        (f64x2.mul (local.get $k) (f64x2.splat (f64.const 1.90821492927058770002e-10)))))
    (local.set $p (f64x2.splat (f64.const 1.6059043836821613e-10)))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.08767569878681e-09))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.505210838544172e-08))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.755731922398589e-07))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.7557319223985893e-06))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 2.48015873015873e-05))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 1.984126984126984e-04))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 1.388888888888889e-03))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 8.333333333333333e-03))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 4.1666666666666664e-02))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 0.16666666666666666))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 0.5))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 1))))
    (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $r)) (f64x2.splat (f64.const 1))))
    ;; 2^k for −1022 ≤ k ≤ 0: the biased exponent k + 1023 shifted into place.
    (local.set $k
      (i64x2.shl
        (i64x2.add
          (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k)))
          (i64x2.splat (i64.const 1023)))
        (i32.const 52)))
    (v128.andnot (f64x2.mul (local.get $p) (local.get $k)) (local.get $underflow)))

  ;; R_ab = φ(s), (∂R/∂log ℓ)_ab = −s φ'(s), (∂²R/∂(log ℓ)²)_ab = s φ'(s) + s² φ''(s) with
  ;; s = sPerDistance |x_a − x_b|, as fillCorrelationMatrices in ../kernels.ts, for the kernel of
  ;; code `kernel` (KERNEL_CODE). Two entries of a row at a time; the upper triangles are mirrored.
  (func (export "fillCorrelationMatrices")
    (param $kernel i32) (param $x i32) (param $n i32) (param $sPerDistance f64) (param $r i32)
    (param $dR i32) (param $d2R i32)
    (local $a i32) (local $b i32) (local $rowBytes i32) (local $offset i32) (local $xa v128)
    (local $s v128) (local $e v128) (local $phi v128) (local $phi1 v128) (local $phi2 v128)
    (local $dLog v128) (local $d2Log v128) (local $third v128) (local $one v128) (local $pair i32)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $third (f64x2.splat (f64.const 0.3333333333333333)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $a) (local.get $n)))
        (local.set $xa (f64x2.splat (f64.load (i32.add (local.get $x) (i32.shl (local.get $a) (i32.const 3))))))
        (local.set $b (i32.const 0))
        (block $columnsDone
          (loop $columns
            (br_if $columnsDone (i32.ge_s (local.get $b) (local.get $a)))
            ;; Two columns b, b+1 when both are below the diagonal, else b alone (in lane 0).
            (local.set $pair (i32.lt_s (i32.add (local.get $b) (i32.const 1)) (local.get $a)))
            (local.set $offset (i32.shl (local.get $b) (i32.const 3)))
            (if (local.get $pair)
              (then (local.set $s (v128.load (i32.add (local.get $x) (local.get $offset)))))
              (else (local.set $s (f64x2.splat (f64.load (i32.add (local.get $x) (local.get $offset)))))))
            (local.set $s
              (f64x2.mul (f64x2.abs (f64x2.sub (local.get $xa) (local.get $s))) (f64x2.splat (local.get $sPerDistance))))
            (if (i32.eq (local.get $kernel) (i32.const {{KERNEL_CODE.rbf}}))
              (then
                (local.set $e (call $expNonPositive
                  (f64x2.mul (f64x2.splat (f64.const -0.5)) (f64x2.mul (local.get $s) (local.get $s)))))
                (local.set $phi (local.get $e))
                (local.set $phi1 (f64x2.neg (f64x2.mul (local.get $s) (local.get $e))))
                (local.set $phi2
                  (f64x2.mul (f64x2.sub (f64x2.mul (local.get $s) (local.get $s)) (local.get $one)) (local.get $e))))
              (else
                (local.set $e (call $expNonPositive (f64x2.neg (local.get $s))))
                (if (i32.eq (local.get $kernel) (i32.const {{KERNEL_CODE.matern52}}))
                  (then
                    (local.set $phi
                      (f64x2.mul
                        (f64x2.add (f64x2.add (local.get $one) (local.get $s))
                          (f64x2.mul (f64x2.mul (local.get $s) (local.get $s)) (local.get $third)))
                        (local.get $e)))
                    (local.set $phi1
                      (f64x2.neg
                        (f64x2.mul
                          (f64x2.mul (f64x2.mul (local.get $s) (local.get $third)) (f64x2.add (local.get $one) (local.get $s)))
                          (local.get $e))))
                    (local.set $phi2
                      (f64x2.mul
                        (f64x2.mul
                          (f64x2.sub (f64x2.sub (f64x2.mul (local.get $s) (local.get $s)) (local.get $s)) (local.get $one))
                          (local.get $third))
                        (local.get $e))))
                  (else ;; KERNEL_CODE.matern32
                    (local.set $phi (f64x2.mul (f64x2.add (local.get $one) (local.get $s)) (local.get $e)))
                    (local.set $phi1 (f64x2.neg (f64x2.mul (local.get $s) (local.get $e))))
                    (local.set $phi2 (f64x2.mul (f64x2.sub (local.get $s) (local.get $one)) (local.get $e)))))))
            (local.set $dLog (f64x2.neg (f64x2.mul (local.get $s) (local.get $phi1))))
            (local.set $d2Log
              (f64x2.add (f64x2.mul (local.get $s) (local.get $phi1))
                (f64x2.mul (f64x2.mul (local.get $s) (local.get $s)) (local.get $phi2))))
            (local.set $offset (i32.add (i32.mul (local.get $a) (local.get $rowBytes)) (local.get $offset)))
            (if (local.get $pair)
              (then
                (v128.store (i32.add (local.get $r) (local.get $offset)) (local.get $phi))
                (v128.store (i32.add (local.get $dR) (local.get $offset)) (local.get $dLog))
                (v128.store (i32.add (local.get $d2R) (local.get $offset)) (local.get $d2Log))
                (local.set $b (i32.add (local.get $b) (i32.const 2))))
              (else
                (f64.store (i32.add (local.get $r) (local.get $offset)) (f64x2.extract_lane 0 (local.get $phi)))
                (f64.store (i32.add (local.get $dR) (local.get $offset)) (f64x2.extract_lane 0 (local.get $dLog)))
                (f64.store (i32.add (local.get $d2R) (local.get $offset)) (f64x2.extract_lane 0 (local.get $d2Log)))
                (local.set $b (i32.add (local.get $b) (i32.const 1)))))
            (br $columns)))
        (local.set $offset (i32.add (i32.mul (local.get $a) (local.get $rowBytes)) (i32.shl (local.get $a) (i32.const 3))))
        (f64.store (i32.add (local.get $r) (local.get $offset)) (f64.const 1))
        (f64.store (i32.add (local.get $dR) (local.get $offset)) (f64.const 0))
        (f64.store (i32.add (local.get $d2R) (local.get $offset)) (f64.const 0))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $rows)))
    (call $mirrorLower (local.get $r) (local.get $n))
    (call $mirrorLower (local.get $dR) (local.get $n))
    (call $mirrorLower (local.get $d2R) (local.get $n)))
)
