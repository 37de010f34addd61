//! The `_typing` module: what `typing` takes from C — the type parameter types,
//! `TypeAliasType`, `Union`, `NoDefault`, `Generic` and `_idfunc`.
//!
//! CPython counterpart: `Modules/_typingmodule.c` and the `Generic` of
//! `Objects/typevarobject.c`. `Generic` delegates to `typing._generic_class_getitem` and
//! `typing._generic_init_subclass`, as CPython's does; here it is a class made when the
//! module is (instances use the plain object layout).

use pyrite_objects::descr::{ClassMethod, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::typevarobject::{
    NO_DEFAULT, PARAMSPEC_ARGS_TYPE, PARAMSPEC_KWARGS_TYPE, PARAMSPEC_TYPE, TYPE_ALIAS_TYPE,
    TYPEVAR_TYPE, TYPEVARTUPLE_TYPE,
};
use pyrite_objects::{Py, PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, tuple};
use pyrite_objects::{str as pystr, unionobject::UNION_TYPE};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

fn typing_function(ts: &ThreadState, name: &str) -> PyResult {
    let typing = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "typing"))?;
    pyrite_objects::attrs::get_attr_str(ts, &typing, name)
}

/// `_idfunc(x)`: `x` (the runtime of `NewType`).
fn idfunc(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("_idfunc", args, kw, 1, 1)?;
    Ok(args[0].clone())
}

/// `Generic.__class_getitem__(cls, params)`.
fn generic_class_getitem(
    ts: &ThreadState,
    _owner: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let function = typing_function(ts, "_generic_class_getitem")?;
    abstract_api::call(ts, &function, args, kw)
}

/// `Generic.__init_subclass__(cls, *args, **kwargs)`.
fn generic_init_subclass(
    ts: &ThreadState,
    _owner: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let function = typing_function(ts, "_generic_init_subclass")?;
    abstract_api::call(ts, &function, args, kw)
}

/// A method of a type parameter that CPython forwards to a `typing` helper with the
/// parameter first.
macro_rules! forward_to_typing {
    ($($name:ident => $helper:literal;)*) => {
        $(
            fn $name(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                let function = typing_function(ts, $helper)?;
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(this.new_ref());
                full.extend_from_slice(args);
                abstract_api::call(ts, &function, &full, kw)
            }
        )*
    };
}

forward_to_typing! {
    typevar_subst => "_typevar_subst";
    paramspec_subst => "_paramspec_subst";
    paramspec_prepare_subst => "_paramspec_prepare_subst";
    typevartuple_prepare_subst => "_typevartuple_prepare_subst";
}

/// `TypeVarTuple.__typing_subst__`: never called directly.
fn typevartuple_subst(
    _ts: &ThreadState,
    _this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    Err(PyErr::type_error(
        "Substitution of bare TypeVarTuple is not supported",
    ))
}

/// `iter(Ts)`: `Unpack[Ts]`, for `*Ts`.
fn typevartuple_iter(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("__iter__", args, kw, 0, 0)?;
    let unpack = typing_function(ts, "Unpack")?;
    let unpacked = pyrite_objects::abstract_ops::get_item(ts, &unpack, this)?;
    let items = pyrite_objects::list::new(ts, vec![unpacked]).into_ref();
    pyrite_objects::iterobject::get_iter(ts, &items)
}

/// `class C(T)` with a type parameter `T` as a base.
fn param_mro_entries(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    Err(PyErr::type_error(format!(
        "Cannot subclass an instance of {}",
        this.ob_type()
            .name()
            .rsplit('.')
            .next()
            .unwrap_or("TypeVar")
    )))
}

/// `__reduce__` of a type parameter: its name (found again in its module).
fn param_reduce(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    pyrite_objects::attrs::get_attr_str(ts, this, "__name__")
}

/// `Union[X, Y, ...]` (`Union.__class_getitem__`): the union of the members, one member
/// alone being itself.
fn union_class_getitem(
    ts: &ThreadState,
    _owner: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("__class_getitem__", args, kw, 1, 1)?;
    let members = if args[0].downcast_ref::<tuple::Tuple>().is_some() {
        tuple::items(&args[0]).to_vec()
    } else {
        vec![args[0].clone()]
    };
    if members.is_empty() {
        return Err(PyErr::type_error("Cannot take a Union of no types."));
    }
    pyrite_objects::unionobject::make_union(ts, &members)
}

fn install_param_methods(ts: &ThreadState) {
    if let Some(dict) = UNION_TYPE.dict(ts).downcast_ref::<Dict>() {
        let getitem = new_builtin_function(
            ts,
            "__class_getitem__",
            union_class_getitem,
            UNION_TYPE.as_object().new_ref(),
        );
        let _ = dict.set_item(ts, pystr::intern(ts, "__class_getitem__"), getitem);
    }
    use pyrite_objects::descr::add_methods;
    add_methods(
        ts,
        &TYPEVAR_TYPE,
        &[
            ("__typing_subst__", typevar_subst),
            ("__mro_entries__", param_mro_entries),
            ("__reduce__", param_reduce),
        ],
    );
    add_methods(
        ts,
        &PARAMSPEC_TYPE,
        &[
            ("__typing_subst__", paramspec_subst),
            ("__typing_prepare_subst__", paramspec_prepare_subst),
            ("__mro_entries__", param_mro_entries),
            ("__reduce__", param_reduce),
        ],
    );
    add_methods(
        ts,
        &TYPEVARTUPLE_TYPE,
        &[
            ("__typing_subst__", typevartuple_subst),
            ("__typing_prepare_subst__", typevartuple_prepare_subst),
            ("__iter__", typevartuple_iter),
            ("__mro_entries__", param_mro_entries),
            ("__reduce__", param_reduce),
        ],
    );
}

fn make_generic(ts: &ThreadState, module: &PyRef) -> PyResult {
    let generic = pyrite_objects::typeobject::new_heap_type(ts, "Generic", &[])?;
    let ty = pyrite_objects::typeobject::as_type(&generic)
        .ok_or_else(|| PyErr::type_error("Generic is not a type"))?;
    let dict = ty.dict(ts);
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::type_error("Generic has no namespace"))?;
    let classmethod = |name: &'static str, function| {
        let callable = new_builtin_function(ts, name, function, module.clone());
        Py::new(ts, ClassMethod { callable }).into_ref()
    };
    dict.set_item(
        ts,
        pystr::intern(ts, "__class_getitem__"),
        classmethod("__class_getitem__", generic_class_getitem),
    )?;
    dict.set_item(
        ts,
        pystr::intern(ts, "__init_subclass__"),
        classmethod("__init_subclass__", generic_init_subclass),
    )?;
    dict.set_item(
        ts,
        pystr::intern(ts, "__module__"),
        pystr::intern(ts, "typing"),
    )?;
    dict.set_item(ts, pystr::intern(ts, "__slots__"), tuple::empty())?;
    dict.set_item(
        ts,
        pystr::intern(ts, "__doc__"),
        pystr::new(ts, "Abstract base class for generic types.").into_ref(),
    )?;
    Ok(generic)
}

/// Creates the `_typing` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_typing",
        Some("Primitives and accelerators for the typing module.\n"),
    )?;
    module.functions(&[("_idfunc", idfunc)])?;
    for (name, ty) in [
        ("TypeVar", &TYPEVAR_TYPE),
        ("ParamSpec", &PARAMSPEC_TYPE),
        ("TypeVarTuple", &TYPEVARTUPLE_TYPE),
        ("ParamSpecArgs", &PARAMSPEC_ARGS_TYPE),
        ("ParamSpecKwargs", &PARAMSPEC_KWARGS_TYPE),
        ("TypeAliasType", &TYPE_ALIAS_TYPE),
        ("Union", &UNION_TYPE),
    ] {
        ty.ready(ts)?;
        module.set(name, ty.as_object().new_ref())?;
    }
    module.set("NoDefault", NO_DEFAULT.as_object().new_ref())?;
    install_param_methods(ts);
    let generic = make_generic(ts, &module.module)?;
    module.set("Generic", generic)?;
    Ok(module.finish())
}
