//! The `_sha2` module: `sha224()`, `sha256()`, `sha384()`, `sha512()` and their types.
//!
//! CPython counterpart: `Modules/sha2module.c`. The digests are the `sha2` crate's.

use pyrite_objects::typeobject::{OBJECT_TYPE, StaticType, TYPE_TYPE, TypeObject};
use pyrite_objects::{PyObject, PyResult, StaticObject, ThreadState, int};

use super::{
    GIL_MINSIZE, HashObject, add_hash_methods, fixed_digest_algorithm, function_constructor,
};
use crate::modsupport::{Args, KwNames, ModuleBuilder};

fixed_digest_algorithm!(Sha224, sha2::Sha224, "sha224", 28, 64, SHA224_TYPE);
fixed_digest_algorithm!(Sha256, sha2::Sha256, "sha256", 32, 64, SHA256_TYPE);
fixed_digest_algorithm!(Sha384, sha2::Sha384, "sha384", 48, 128, SHA384_TYPE);
fixed_digest_algorithm!(Sha512, sha2::Sha512, "sha512", 64, 128, SHA512_TYPE);

pub static SHA224_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Sha224>>("_sha2.SHA224Type", 0, Some(&OBJECT_TYPE)),
);
pub static SHA256_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Sha256>>("_sha2.SHA256Type", 0, Some(&OBJECT_TYPE)),
);
pub static SHA384_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Sha384>>("_sha2.SHA384Type", 0, Some(&OBJECT_TYPE)),
);
pub static SHA512_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Sha512>>("_sha2.SHA512Type", 0, Some(&OBJECT_TYPE)),
);

fn sha224(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    function_constructor::<Sha224>(ts, "sha224", args, kw)
}

fn sha256(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    function_constructor::<Sha256>(ts, "sha256", args, kw)
}

fn sha384(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    function_constructor::<Sha384>(ts, "sha384", args, kw)
}

fn sha512(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    function_constructor::<Sha512>(ts, "sha512", args, kw)
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_sha2", None)?;
    module.add_type("SHA224Type", &SHA224_TYPE, "_sha2")?;
    module.add_type("SHA256Type", &SHA256_TYPE, "_sha2")?;
    module.add_type("SHA384Type", &SHA384_TYPE, "_sha2")?;
    module.add_type("SHA512Type", &SHA512_TYPE, "_sha2")?;
    add_hash_methods::<Sha224>(ts);
    add_hash_methods::<Sha256>(ts);
    add_hash_methods::<Sha384>(ts);
    add_hash_methods::<Sha512>(ts);
    module.functions(&[
        ("sha224", sha224),
        ("sha256", sha256),
        ("sha384", sha384),
        ("sha512", sha512),
    ])?;
    module.set("_GIL_MINSIZE", int::new(ts, GIL_MINSIZE))?;
    Ok(module.finish())
}
