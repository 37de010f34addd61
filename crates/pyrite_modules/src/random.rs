//! The `_random` module: `Random`, the Mersenne Twister (MT19937) generator that
//! `random.Random` builds on (`seed`, `random`, `getrandbits`, `getstate`, `setstate`).
//!
//! CPython counterpart: `Modules/_randommodule.c`. Seeding from an integer follows
//! CPython's `init_by_array` over the absolute value's 32-bit words, so seeded sequences
//! are CPython's.

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::object::{Py, PyPayload, StaticObject};
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, PyType, ThreadState};
use pyrite_objects::{float, int, singletons, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

const N: usize = 624;
const M: usize = 397;

/// The generator's state (CPython's `RandomObject` fields).
struct Twister {
    state: [u32; N],
    index: usize,
}

impl Twister {
    fn new() -> Twister {
        let mut twister = Twister {
            state: [0; N],
            index: N + 1,
        };
        twister.init_genrand(5489);
        twister
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let previous = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let key_length = key.len().max(1);
        for _ in 0..N.max(key_length) {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i]
                ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX: u32 = 0x9908_b0df;
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & UPPER) | (self.state[(k + 1) % N] & LOWER);
                let mag = if y & 1 != 0 { MATRIX } else { 0 };
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (`genrand_res53`).
    fn next_f64(&mut self) -> f64 {
        let a = f64::from(self.next_u32() >> 5);
        let b = f64::from(self.next_u32() >> 6);
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// The payload of `_random.Random` objects.
pub struct Random {
    twister: RefCell<Twister>,
}

impl PyPayload for Random {
    fn static_type() -> &'static PyType {
        &RANDOM_TYPE
    }
}

fn random_of(object: &PyObject) -> PyResult<&Random> {
    object
        .downcast_ref::<Random>()
        .map(|random| random.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_random.Random' object"))
}

/// Seed words from the system's randomness, else from the clock.
fn entropy_key() -> Vec<u32> {
    let mut bytes = [0u8; 32];
    let from_os = std::fs::File::open("/dev/urandom")
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut bytes));
    if from_os.is_err() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        bytes[..16].copy_from_slice(&now.to_le_bytes());
        bytes[16..24].copy_from_slice(&u64::from(std::process::id()).to_le_bytes());
    }
    bytes
        .chunks(4)
        .map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
        .collect()
}

fn seed_with(ts: &ThreadState, random: &Random, arg: Option<&PyObject>) -> PyResult<()> {
    let key = match arg.filter(|arg| !singletons::is_none(arg)) {
        None => entropy_key(),
        Some(arg) => {
            let value = match arg.downcast_ref::<int::Int>() {
                Some(value) => value.to_bigint(),
                None => BigInt::from(arg.hash(ts)?),
            };
            let (_, words) = value.to_u32_digits();
            if words.is_empty() { vec![0] } else { words }
        }
    };
    random.twister.borrow_mut().init_by_array(&key);
    Ok(())
}

fn random_new(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let is_base = std::ptr::eq(ty, &*RANDOM_TYPE);
    if is_base && kw.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    if is_base && args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Random() expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let object = Py::new_with_type(
        ts,
        ty,
        Random {
            twister: RefCell::new(Twister::new()),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("Random type mismatch"))?;
    seed_with(ts, random_of(&object)?, args.first().map(|arg| &**arg))?;
    Ok(object)
}

fn random_seed(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("seed", args, kw, 0, 1)?;
    seed_with(ts, random_of(this)?, args.first().map(|arg| &**arg))?;
    Ok(singletons::none())
}

fn random_random(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("random", args, kw, 0, 0)?;
    let value = random_of(this)?.twister.borrow_mut().next_f64();
    Ok(float::new(ts, value))
}

fn random_getrandbits(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("getrandbits", args, kw, 1, 1)?;
    let bits = crate::modsupport::c_int_arg(ts, &args[0])?;
    if bits < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Cannot convert negative int",
        ));
    }
    let bits = bits as u32;
    let mut twister = random_of(this)?.twister.borrow_mut();
    if bits <= 32 {
        let value = if bits == 0 {
            0
        } else {
            twister.next_u32() >> (32 - bits)
        };
        return Ok(int::new(ts, i64::from(value)));
    }
    let mut words = Vec::with_capacity(bits.div_ceil(32) as usize);
    let mut remaining = bits;
    while remaining > 0 {
        let mut word = twister.next_u32();
        if remaining < 32 {
            word >>= 32 - remaining;
        }
        words.push(word);
        remaining = remaining.saturating_sub(32);
    }
    Ok(int::from_bigint(ts, BigInt::from_slice(Sign::Plus, &words)))
}

fn random_getstate(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("getstate", args, kw, 0, 0)?;
    let twister = random_of(this)?.twister.borrow();
    let mut items: Vec<PyRef> = twister
        .state
        .iter()
        .map(|&word| int::new(ts, i64::from(word)))
        .collect();
    items.push(int::new(ts, twister.index as i64));
    Ok(tuple::new(ts, items).into_ref())
}

fn random_setstate(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("setstate", args, kw, 1, 1)?;
    let state = &args[0];
    if !state.payload_is::<tuple::Tuple>() {
        return Err(PyErr::type_error("state vector must be a tuple"));
    }
    let items = tuple::items(state);
    if items.len() != N + 1 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "state vector is the wrong size",
        ));
    }
    let mut words = [0u32; N];
    for (word, item) in words.iter_mut().zip(items) {
        let value = pyrite_objects::abstract_api::index(ts, item)?;
        *word = int::as_i64(&value)
            .and_then(|value| u32::try_from(value).ok())
            .ok_or_else(|| {
                PyErr::new(
                    ExceptionKind::OverflowError,
                    "Python int too large to convert to C unsigned long",
                )
            })?;
    }
    let index = pyrite_objects::abstract_api::index(ts, &items[N])?;
    let index = int::as_i64(&index).unwrap_or(-1);
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::new(ExceptionKind::ValueError, "invalid state"));
    }
    let mut twister = random_of(this)?.twister.borrow_mut();
    twister.state = words;
    twister.index = index as usize;
    Ok(singletons::none())
}

pub static RANDOM_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Random>("_random.Random", flags::BASETYPE, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            new: Slot::new(random_new),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_random",
        Some("Module implements the Mersenne Twister random number generator."),
    )?;
    module.add_type("Random", &RANDOM_TYPE, "_random")?;
    pyrite_objects::descr::add_methods(
        ts,
        &RANDOM_TYPE,
        &[
            ("seed", random_seed),
            ("random", random_random),
            ("getrandbits", random_getrandbits),
            ("getstate", random_getstate),
            ("setstate", random_setstate),
        ],
    );
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_sequence_for_the_standard_key() {
        // the MT19937 reference output for init_by_array({0x123, 0x234, 0x345, 0x456})
        let mut twister = Twister::new();
        twister.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        assert_eq!(twister.next_u32(), 1_067_595_299);
        assert_eq!(twister.next_u32(), 955_945_823);
    }
}
