//! The `_sha1` module: `sha1()` and its hash type.
//!
//! CPython counterpart: `Modules/sha1module.c`. The digest is the `sha1` crate's.

use pyrite_objects::typeobject::{OBJECT_TYPE, StaticType, TYPE_TYPE, TypeObject};
use pyrite_objects::{PyObject, PyResult, StaticObject, ThreadState, int};

use super::{
    GIL_MINSIZE, HashObject, add_hash_methods, fixed_digest_algorithm, function_constructor,
};
use crate::modsupport::{Args, KwNames, ModuleBuilder};

fixed_digest_algorithm!(Sha1, sha1::Sha1, "sha1", 20, 64, SHA1_TYPE);

pub static SHA1_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Sha1>>("_sha1.sha1", 0, Some(&OBJECT_TYPE)),
);

fn sha1_function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    function_constructor::<Sha1>(ts, "sha1", args, kw)
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_sha1", None)?;
    module.add_type("SHA1Type", &SHA1_TYPE, "_sha1")?;
    add_hash_methods::<Sha1>(ts);
    module.functions(&[("sha1", sha1_function)])?;
    module.set("_GIL_MINSIZE", int::new(ts, GIL_MINSIZE))?;
    Ok(module.finish())
}
