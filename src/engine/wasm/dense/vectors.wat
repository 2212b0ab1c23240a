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
