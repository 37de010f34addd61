//! The `_random` module: `Random`, the Mersenne Twister (MT19937) that `random.Random`
//! builds on.
//!
//! CPython counterpart: `Modules/_randommodule.c`. Seeding follows CPython exactly (an
//! int's absolute value split into 32-bit words, least significant first, fed to
//! `init_by_array`; other objects by their hash), so that `random.seed(n)` gives
//! CPython's sequence, and `getstate()`/`setstate()` exchange the same 625-tuple.

use std::cell::RefCell;

use num_bigint::{BigUint, Sign};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, singletons,
};
use pyrite_objects::{abstract_api, float, int, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: CPython's `RandomObject` fields.
struct Twister {
    state: [u32; N],
    /// The next word of `state` to temper; `N` means "regenerate first".
    index: usize,
}

impl Twister {
    fn new() -> Twister {
        Twister {
            state: [0; N],
            index: N + 1,
        }
    }

    /// `init_genrand`: fills the state from one 32-bit seed.
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

    /// `init_by_array`: fills the state from a key of any length.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let previous = mt[i - 1];
            mt[i] = (mt[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = mt[i - 1];
            mt[i] = (mt[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// Regenerates all `N` words at once.
    fn twist(&mut self) {
        let mt = &mut self.state;
        let mix = |upper: u32, lower: u32| {
            let y = (upper & UPPER_MASK) | (lower & LOWER_MASK);
            (y >> 1) ^ if y & 1 == 1 { MATRIX_A } else { 0 }
        };
        for k in 0..N - M {
            mt[k] = mt[k + M] ^ mix(mt[k], mt[k + 1]);
        }
        for k in N - M..N - 1 {
            mt[k] = mt[k + M - N] ^ mix(mt[k], mt[k + 1]);
        }
        mt[N - 1] = mt[M - 1] ^ mix(mt[N - 1], mt[0]);
        self.index = 0;
    }

    /// `genrand_uint32`: the next tempered 32-bit output.
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits scaled into [0, 1).
    fn next_f64(&mut self) -> f64 {
        let high = f64::from(self.next_u32() >> 5);
        let low = f64::from(self.next_u32() >> 6);
        (high * 67_108_864.0 + low) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// `_random.Random`.
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

fn random_new(ts: &ThreadState, ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    let random = Random {
        twister: RefCell::new(Twister::new()),
    };
    Py::new_with_type(ts, ty, random)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("Random type mismatch"))
}

/// Seeds from the operating system's entropy, else from the time and process id.
fn seed_from_system(twister: &mut Twister) {
    let mut bytes = [0u8; N * 4];
    let read = std::fs::File::open("/dev/urandom")
        .and_then(|mut source| std::io::Read::read_exact(&mut source, &mut bytes));
    let key: Vec<u32> = if read.is_ok() {
        bytes
            .chunks_exact(4)
            .map(|word| u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
            .collect()
    } else {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos() as u64);
        vec![now as u32, (now >> 32) as u32, std::process::id(), 0, 0]
    };
    twister.init_by_array(&key);
}

/// CPython's `random_seed`: `None` seeds from the system; an int by its absolute
/// value; anything else by its hash, taken as unsigned.
fn seed(ts: &ThreadState, random: &Random, value: Option<&PyRef>) -> PyResult<()> {
    let Some(value) = value.filter(|value| !singletons::is_none(value)) else {
        seed_from_system(&mut random.twister.borrow_mut());
        return Ok(());
    };
    let key: Vec<u32> = match value.downcast_ref::<int::Int>() {
        Some(number) => number.to_bigint().to_u32_digits().1,
        None => {
            let hash = value.hash(ts)? as u64;
            vec![hash as u32, (hash >> 32) as u32]
        }
    };
    let used = key
        .iter()
        .rposition(|&word| word != 0)
        .map_or(1, |top| top + 1);
    let mut key = key;
    key.resize(used, 0);
    random.twister.borrow_mut().init_by_array(&key);
    Ok(())
}

fn random_init(
    ts: &ThreadState,
    object: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let ty = object.ob_type();
    let plain_init = ty.slots.init.get().is_some_and(|init| {
        std::ptr::fn_addr_eq(init, random_init as pyrite_objects::slots::InitFn)
    });
    if plain_init && kw.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    seed(ts, random_of(object)?, args.first())
}

fn random_random(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("random", args, kw, 0, 0)?;
    let value = random_of(this)?.twister.borrow_mut().next_f64();
    Ok(float::new(ts, value))
}

fn random_seed(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("seed", args, kw, 0, 1)?;
    seed(ts, random_of(this)?, args.first())?;
    Ok(singletons::none())
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

/// `PyLong_AsUnsignedLong` (64-bit `unsigned long`) for one state word.
fn state_word(item: &PyObject) -> PyResult<u32> {
    let Some(number) = item.downcast_ref::<int::Int>() else {
        return Err(PyErr::type_error("an integer is required"));
    };
    let value = number.to_bigint();
    if value.sign() == Sign::Minus {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "can't convert negative value to unsigned int",
        ));
    }
    let digits = value.to_u32_digits().1;
    if digits.len() > 2 {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C unsigned long",
        ));
    }
    Ok(digits.first().copied().unwrap_or(0))
}

fn random_setstate(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("setstate", args, kw, 1, 1)?;
    let state = &args[0];
    if state.downcast_ref::<tuple::Tuple>().is_none() {
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
        *word = state_word(item)?;
    }
    let index = abstract_api::index(ts, &items[N])?;
    let index = int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C long",
        )
    })?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::new(ExceptionKind::ValueError, "invalid state"));
    }
    let mut twister = random_of(this)?.twister.borrow_mut();
    twister.state = words;
    twister.index = index as usize;
    Ok(singletons::none())
}

fn random_getrandbits(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("getrandbits", args, kw, 1, 1)?;
    let bits = abstract_api::index(ts, &args[0])?;
    let bits = bits
        .downcast_ref::<int::Int>()
        .map(|number| number.to_bigint())
        .unwrap_or_default();
    if bits.sign() == Sign::Minus {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Cannot convert negative int",
        ));
    }
    let bits: u64 = bits.try_into().map_err(|_| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C uint64_t",
        )
    })?;
    let mut twister = random_of(this)?.twister.borrow_mut();
    if bits == 0 {
        return Ok(int::new(ts, 0));
    }
    if bits <= 32 {
        return Ok(int::new(ts, i64::from(twister.next_u32() >> (32 - bits))));
    }
    let words = usize::try_from(bits.div_ceil(32))
        .map_err(|_| PyErr::new(ExceptionKind::MemoryError, ""))?;
    let mut digits: Vec<u32> = Vec::new();
    digits
        .try_reserve_exact(words)
        .map_err(|_| PyErr::new(ExceptionKind::MemoryError, ""))?;
    let mut remaining = bits;
    while remaining > 0 {
        let word = twister.next_u32();
        digits.push(if remaining < 32 {
            word >> (32 - remaining)
        } else {
            word
        });
        remaining = remaining.saturating_sub(32);
    }
    Ok(int::from_bigint(ts, BigUint::new(digits).into()))
}

pub static RANDOM_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Random>("_random.Random", flags::BASETYPE, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            new: Slot::new(random_new),
            init: Slot::new(random_init),
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
            ("random", random_random),
            ("seed", random_seed),
            ("getstate", random_getstate),
            ("setstate", random_setstate),
            ("getrandbits", random_getrandbits),
        ],
    );
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::Twister;

    /// The reference outputs of MT19937 seeded by `init_by_array({0x123, 0x234, 0x345,
    /// 0x456})`, from the generator authors' test vector.
    #[test]
    fn matches_reference_vector() {
        let mut twister = Twister::new();
        twister.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| twister.next_u32()).collect();
        assert_eq!(
            first,
            [1067595299, 955945823, 477289528, 4107218783, 4228976476]
        );
    }
}
