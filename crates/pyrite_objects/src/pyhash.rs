//! Hashing: SipHash-1-3 for `str`/`bytes`, the numeric hash (value modulo `2**61 - 1`),
//! pointer hashing, and the hash secret.
//!
//! CPython counterpart: `Python/pyhash.c` (`_Py_HashDouble`, `_Py_HashPointer`,
//! `Py_HashBuffer`, siphash13) and `Python/bootstrap_hash.c` (`PYTHONHASHSEED`). Pyrite
//! follows 64-bit CPython: `sys.hash_info` is `width=64, modulus=2**61-1, inf=314159,
//! nan=0, imag=1000003, algorithm='siphash13'`.

use std::sync::atomic::{AtomicU64, Ordering};

use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// `sys.hash_info.modulus`: the Mersenne prime `2**61 - 1`.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`.
pub const HASH_INF: isize = 314_159;
/// `sys.hash_info.imag`.
pub const HASH_IMAG: isize = 1_000_003;
const BITS: u32 = 61;

// The SipHash key (CPython's `_Py_HashSecret.siphash.k0/k1`). Set once at start-up,
// before any string is hashed; atomics make it readable from any thread.
static KEY0: AtomicU64 = AtomicU64::new(0);
static KEY1: AtomicU64 = AtomicU64::new(0);

/// Sets the hash secret from `PYTHONHASHSEED=seed`: 0 gives the zero key (hash
/// randomization off); other values fill the secret with CPython's LCG (`lcg_urandom`).
pub fn set_hash_seed(seed: u32) {
    set_hash_key(secret_from_seed(seed));
}

fn secret_from_seed(seed: u32) -> [u8; 16] {
    let mut secret = [0u8; 16];
    if seed != 0 {
        let mut state = seed;
        for byte in &mut secret {
            state = state.wrapping_mul(214_013).wrapping_add(2_531_011);
            *byte = ((state >> 16) & 0xff) as u8;
        }
    }
    secret
}

/// Sets the hash secret from 16 random bytes (`os.urandom` at start-up).
pub fn set_hash_key(secret: [u8; 16]) {
    let (k0, k1) = key_words(secret);
    KEY0.store(k0, Ordering::Relaxed);
    KEY1.store(k1, Ordering::Relaxed);
}

fn key_words(secret: [u8; 16]) -> (u64, u64) {
    let (k0, k1) = secret.split_at(8);
    let to_u64 = |bytes: &[u8]| u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]));
    (to_u64(k0), to_u64(k1))
}

/// SipHash-1-3 (one compression round, three finalization rounds) of `data`.
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = [0u8; 8];
    let tail = chunks.remainder();
    last[..tail.len()].copy_from_slice(tail);
    last[7] = data.len() as u8;
    let m = u64::from_le_bytes(last);
    v3 ^= m;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= m;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// `Py_HashBuffer`: the hash of raw bytes with the interpreter's key; 0 for no bytes.
pub fn hash_bytes(data: &[u8]) -> isize {
    if data.is_empty() {
        return 0;
    }
    let hash = siphash13(
        KEY0.load(Ordering::Relaxed),
        KEY1.load(Ordering::Relaxed),
        data,
    ) as isize;
    fix_minus_one(hash)
}

/// -1 is the C API's error value, so no hash is ever -1.
#[inline]
pub fn fix_minus_one(hash: isize) -> isize {
    if hash == -1 { -2 } else { hash }
}

/// The hash of an int that fits in 64 bits.
#[inline]
pub fn hash_i64(value: i64) -> isize {
    let reduced = (value.unsigned_abs() % MODULUS) as isize;
    fix_minus_one(if value < 0 { -reduced } else { reduced })
}

/// The hash of any int: its absolute value modulo `2**61 - 1`, with its sign.
pub fn hash_bigint(value: &BigInt) -> isize {
    if let Some(small) = value.to_i64() {
        return hash_i64(small);
    }
    let modulus = BigInt::from(MODULUS);
    let reduced = (value.magnitude() % modulus.magnitude())
        .to_u64()
        .unwrap_or(0) as isize;
    fix_minus_one(if value.sign() == num_bigint::Sign::Minus {
        -reduced
    } else {
        reduced
    })
}

/// The hash of a float (CPython's `_Py_HashDouble`): equal to the hash of the rational it
/// represents, so `hash(1.5) == hash(Fraction(3, 2))`; `None` for NaN (hashed by identity).
pub fn hash_f64(value: f64) -> Option<isize> {
    if value.is_nan() {
        return None;
    }
    if value.is_infinite() {
        return Some(if value > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if value == 0.0 {
        return Some(0);
    }
    // value = mantissa * 2**exponent with an integer mantissa of at most 53 bits.
    let bits = value.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased_exponent - 1075)
    };
    // Multiplying by 2**k modulo a Mersenne prime 2**61 - 1 rotates the 61-bit residue.
    let residue = mantissa % MODULUS;
    let shift = exponent.rem_euclid(BITS as i32) as u32;
    let rotated = ((residue << shift) & MODULUS) | (residue >> (BITS - shift));
    let hash = rotated as isize;
    Some(fix_minus_one(if value < 0.0 { -hash } else { hash }))
}

/// `_Py_HashPointer`: the address rotated right by 4 bits (allocations are aligned).
pub fn hash_pointer<T>(pointer: *const T) -> isize {
    let address = pointer as usize;
    fix_minus_one(address.rotate_right(4) as isize)
}

/// Combines item hashes as CPython's `tuplehash` (xxHash's 64-bit round).
pub fn hash_tuple(item_hashes: impl ExactSizeIterator<Item = isize>) -> isize {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let length = item_hashes.len() as u64;
    let mut accumulator = PRIME_5;
    for hash in item_hashes {
        accumulator = accumulator.wrapping_add((hash as u64).wrapping_mul(PRIME_2));
        accumulator = accumulator.rotate_left(31);
        accumulator = accumulator.wrapping_mul(PRIME_1);
    }
    accumulator = accumulator.wrapping_add(length ^ (PRIME_5 ^ 3_527_539));
    if accumulator == u64::MAX {
        return 1_546_275_796;
    }
    accumulator as isize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values: CPython 64-bit (`python3`, unchanged since 3.11) `hash(n)`.
    #[test]
    fn int_hashes_match_cpython() {
        let cases: &[(&str, isize)] = &[
            ("-1", -2),
            ("-2", -2),
            ("0", 0),
            ("1", 1),
            ("2305843009213693950", 2305843009213693950),
            ("2305843009213693951", 0),
            ("2305843009213693952", 1),
            ("4611686018427387904", 2),
            ("-2305843009213693952", -2),
            ("9223372036854775808", 4),
            ("-9223372036854775808", -4),
            ("1267650600228229401496703205376", 549755813888),
            ("-1267650600228229401496703205376", -549755813888),
            ("1000000000000000000000000000000", 465258685558744706),
        ];
        for &(text, expected) in cases {
            let value: BigInt = text.parse().unwrap();
            assert_eq!(hash_bigint(&value), expected, "hash({text})");
            if let Some(small) = value.to_i64() {
                assert_eq!(hash_i64(small), expected, "hash({text})");
            }
        }
    }

    /// Expected values: CPython 64-bit `hash(x)` for floats.
    #[test]
    fn float_hashes_match_cpython() {
        let cases: &[(f64, isize)] = &[
            (1.5, 1152921504606846977),
            (-1.5, -1152921504606846977),
            (0.0, 0),
            (-0.0, 0),
            (0.1, 230584300921369408),
            (1e300, 1224995262755759164),
            (1e-300, 482449582752280463),
            (f64::INFINITY, 314159),
            (f64::NEG_INFINITY, -314159),
            (2f64.powi(61), 1),
            (123456789.125, 288230376275168533),
            (5e-324, 16777216),
            (-1.0, -2),
        ];
        for &(value, expected) in cases {
            assert_eq!(hash_f64(value), Some(expected), "hash({value:?})");
        }
        assert_eq!(hash_f64(f64::NAN), None);
    }

    /// Expected values: 64-bit CPython's `hash(b"abc")` under `PYTHONHASHSEED=42` and `=0`.
    #[test]
    fn hash_seed_lcg_matches_cpython() {
        let (k0, k1) = key_words(secret_from_seed(42));
        assert_eq!(siphash13(k0, k1, b"abc") as isize, 3869580338025362921);
        let (k0, k1) = key_words(secret_from_seed(0));
        assert_eq!(siphash13(k0, k1, b"abc") as isize, -4594863902769663758);
    }
}
