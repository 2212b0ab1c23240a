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
