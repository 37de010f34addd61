//! The `_sha3` module: the `sha3_224` ... `sha3_512` and `shake_128`/`shake_256` types.
//!
//! CPython counterpart: `Modules/sha3module.c`. The permutations are the `sha3` crate's;
//! unlike `_sha2`, the types themselves are the constructors.

use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};
use pyrite_objects::{PyObject, PyResult, StaticObject, ThreadState, bytes, int};
use sha3::digest::{ExtendableOutput, Update, XofReader};

use super::{Algorithm, GIL_MINSIZE, HashObject, add_hash_methods, construct, constructor_args};
use crate::modsupport::{Args, KwNames, ModuleBuilder};

/// The sponge parameters each SHA-3 type reports.
trait Sponge: Algorithm + Default {
    /// `_capacity_bits`.
    const CAPACITY_BITS: i64;
    /// The domain-separation byte (`_suffix`): 0x06 for SHA-3, 0x1f for SHAKE.
    const SUFFIX: u8;
    const NAME: &'static str;
}

/// The Python type of a SHA-3 hash object: it is its own constructor.
macro_rules! sha3_type {
    ($ty:ident, $wrapper:ident, $name:literal) => {
        pub static $ty: StaticType = StaticObject::new(
            &TYPE_TYPE,
            TypeObject::builtin::<HashObject<$wrapper>>(
                concat!("_sha3.", $name),
                0,
                Some(&OBJECT_TYPE),
            )
            .with_slots(SlotTable {
                new: Slot::new(sha3_new::<$wrapper>),
                ..pyrite_objects::typeobject::object_slots()
            }),
        );
    };
}

macro_rules! sha3_fixed {
    ($wrapper:ident, $hasher:ty, $name:literal, $digest:literal, $capacity:literal, $ty:ident) => {
        #[derive(Clone, Default)]
        struct $wrapper($hasher);

        impl Algorithm for $wrapper {
            fn python_type() -> &'static PyType {
                &$ty
            }
            fn name(&self) -> &'static str {
                $name
            }
            fn digest_size(&self) -> usize {
                $digest
            }
            fn block_size(&self) -> usize {
                (1600 - $capacity) / 8
            }
            fn update(&mut self, data: &[u8]) {
                sha3::Digest::update(&mut self.0, data);
            }
            fn finish(&self, _length: usize) -> Vec<u8> {
                sha3::Digest::finalize(self.0.clone()).to_vec()
            }
        }

        impl Sponge for $wrapper {
            const CAPACITY_BITS: i64 = $capacity;
            const SUFFIX: u8 = 0x06;
            const NAME: &'static str = $name;
        }

        sha3_type!($ty, $wrapper, $name);
    };
}

macro_rules! shake {
    ($wrapper:ident, $hasher:ty, $name:literal, $capacity:literal, $ty:ident) => {
        #[derive(Clone, Default)]
        struct $wrapper($hasher);

        impl Algorithm for $wrapper {
            fn python_type() -> &'static PyType {
                &$ty
            }
            fn name(&self) -> &'static str {
                $name
            }
            fn digest_size(&self) -> usize {
                0
            }
            fn block_size(&self) -> usize {
                (1600 - $capacity) / 8
            }
            fn extendable(&self) -> bool {
                true
            }
            fn update(&mut self, data: &[u8]) {
                Update::update(&mut self.0, data);
            }
            fn finish(&self, length: usize) -> Vec<u8> {
                let mut output = vec![0u8; length];
                self.0.clone().finalize_xof().read(&mut output);
                output
            }
        }

        impl Sponge for $wrapper {
            const CAPACITY_BITS: i64 = $capacity;
            const SUFFIX: u8 = 0x1f;
            const NAME: &'static str = $name;
        }

        sha3_type!($ty, $wrapper, $name);
    };
}

sha3_fixed!(Sha3_224, sha3::Sha3_224, "sha3_224", 28, 448, SHA3_224_TYPE);
sha3_fixed!(Sha3_256, sha3::Sha3_256, "sha3_256", 32, 512, SHA3_256_TYPE);
sha3_fixed!(Sha3_384, sha3::Sha3_384, "sha3_384", 48, 768, SHA3_384_TYPE);
sha3_fixed!(
    Sha3_512,
    sha3::Sha3_512,
    "sha3_512",
    64,
    1024,
    SHA3_512_TYPE
);
shake!(Shake128, sha3::Shake128, "shake_128", 256, SHAKE_128_TYPE);
shake!(Shake256, sha3::Shake256, "shake_256", 512, SHAKE_256_TYPE);

fn sha3_new<A: Sponge>(ts: &ThreadState, ty: &PyType, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (data, _) = constructor_args(A::NAME, args, kw, &[])?;
    construct(ts, ty, A::default(), data.as_ref())
}

fn capacity_bits<A: Sponge>(ts: &ThreadState, _this: &PyObject) -> PyResult {
    Ok(int::new(ts, A::CAPACITY_BITS))
}

fn rate_bits<A: Sponge>(ts: &ThreadState, _this: &PyObject) -> PyResult {
    Ok(int::new(ts, 1600 - A::CAPACITY_BITS))
}

fn suffix<A: Sponge>(ts: &ThreadState, _this: &PyObject) -> PyResult {
    Ok(bytes::new(ts, &[A::SUFFIX]))
}

fn add_type<A: Sponge>(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.add_type(A::NAME, A::python_type(), "_sha3")?;
    add_hash_methods::<A>(ts);
    pyrite_objects::descr::add_getsets(
        ts,
        A::python_type(),
        &[
            ("_capacity_bits", capacity_bits::<A>, None),
            ("_rate_bits", rate_bits::<A>, None),
            ("_suffix", suffix::<A>, None),
        ],
    );
    Ok(())
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_sha3", None)?;
    add_type::<Sha3_224>(ts, &module)?;
    add_type::<Sha3_256>(ts, &module)?;
    add_type::<Sha3_384>(ts, &module)?;
    add_type::<Sha3_512>(ts, &module)?;
    add_type::<Shake128>(ts, &module)?;
    add_type::<Shake256>(ts, &module)?;
    module.set("_GIL_MINSIZE", int::new(ts, GIL_MINSIZE))?;
    Ok(module.finish())
}
