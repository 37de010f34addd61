//! The `_md5` module: `md5()` and its hash type.
//!
//! CPython counterpart: `Modules/md5module.c`. The digest is the `md-5` crate's.

use pyrite_objects::typeobject::{OBJECT_TYPE, StaticType, TYPE_TYPE, TypeObject};
use pyrite_objects::{PyObject, PyResult, StaticObject, ThreadState, int};

use super::{
    GIL_MINSIZE, HashObject, add_hash_methods, fixed_digest_algorithm, function_constructor,
};
use crate::modsupport::{Args, KwNames, ModuleBuilder};

fixed_digest_algorithm!(Md5, md5::Md5, "md5", 16, 64, MD5_TYPE);

pub static MD5_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<HashObject<Md5>>("_md5.md5", 0, Some(&OBJECT_TYPE)),
);

fn md5_function(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    function_constructor::<Md5>(ts, "md5", args, kw)
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(ts, "_md5", None)?;
    module.add_type("MD5Type", &MD5_TYPE, "_md5")?;
    add_hash_methods::<Md5>(ts);
    module.functions(&[("md5", md5_function)])?;
    module.set("_GIL_MINSIZE", int::new(ts, GIL_MINSIZE))?;
    Ok(module.finish())
}
