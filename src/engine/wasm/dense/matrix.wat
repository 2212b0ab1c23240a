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
