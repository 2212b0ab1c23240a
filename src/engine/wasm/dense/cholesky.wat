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
