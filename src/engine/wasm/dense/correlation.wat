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
