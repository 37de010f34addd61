//! The objects PEP 695 syntax creates: `TypeVar`, `ParamSpec` (with `P.args` and
//! `P.kwargs`), `TypeVarTuple`, `TypeAliasType`, and the `typing.NoDefault` sentinel.
//!
//! CPython counterpart: `Objects/typevarobject.c`. Bounds, constraints, defaults and
//! alias values are evaluated lazily, on first access, by calling the compiler-made
//! evaluation function with the annotation format `VALUE` (1), then cached. Generic
//! classes (`class C[T]`) need `typing.Generic`, which comes with the standard library.

use std::cell::RefCell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use crate::{singletons, str as pystr, tuple};

/// A value computed on first use by an evaluation function (`__bound__`, ...).
struct Lazy {
    value: RefCell<Option<PyRef>>,
    evaluate: RefCell<Option<PyRef>>,
}

impl Lazy {
    fn new(value: Option<PyRef>, evaluate: Option<PyRef>) -> Lazy {
        Lazy {
            value: RefCell::new(value),
            evaluate: RefCell::new(evaluate),
        }
    }

    /// The value, evaluating it if needed; `None` when there is neither.
    fn get(&self, ts: &ThreadState) -> PyResult<Option<PyRef>> {
        if let Some(value) = self.value.borrow().clone() {
            return Ok(Some(value));
        }
        let Some(evaluate) = self.evaluate.borrow().clone() else {
            return Ok(None);
        };
        let format = crate::int::new(ts, 1);
        let value = crate::abstract_api::call(ts, &evaluate, &[format], None)?;
        self.value.replace(Some(value.clone()));
        Ok(Some(value))
    }

    fn is_set(&self) -> bool {
        self.value.borrow().is_some() || self.evaluate.borrow().is_some()
    }

    fn visit(&self, visit: &mut dyn FnMut(&PyObject)) {
        if let Some(value) = self.value.borrow().as_ref() {
            visit(value);
        }
        if let Some(evaluate) = self.evaluate.borrow().as_ref() {
            visit(evaluate);
        }
    }
}

/// The kind of type parameter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    TypeVar,
    ParamSpec,
    TypeVarTuple,
}

/// The payload of `TypeVar`, `ParamSpec` and `TypeVarTuple` objects.
pub struct TypeParam {
    pub kind: ParamKind,
    pub name: PyRef,
    bound: Lazy,
    constraints: Lazy,
    default: Lazy,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
}

/// `TypeVar` objects carry a `TypeParam`; the other two kinds are distinct types with
/// the same payload layout.
impl PyPayload for TypeParam {
    fn static_type() -> &'static PyType {
        &TYPEVAR_TYPE
    }
}

/// Whether `object` is a TypeVar, ParamSpec or TypeVarTuple.
pub fn is_type_parameter(object: &PyObject) -> bool {
    object.payload_is::<TypeParam>()
}

fn type_for(kind: ParamKind) -> &'static PyType {
    match kind {
        ParamKind::TypeVar => &TYPEVAR_TYPE,
        ParamKind::ParamSpec => &PARAMSPEC_TYPE,
        ParamKind::TypeVarTuple => &TYPEVARTUPLE_TYPE,
    }
}

/// A type parameter as PEP 695 syntax makes it (variance inferred).
pub fn new_param(
    ts: &ThreadState,
    kind: ParamKind,
    name: PyRef,
    evaluate_bound: Option<PyRef>,
    evaluate_constraints: Option<PyRef>,
) -> PyResult {
    let param = TypeParam {
        kind,
        name,
        bound: Lazy::new(None, evaluate_bound),
        constraints: Lazy::new(None, evaluate_constraints),
        default: Lazy::new(None, None),
        covariant: false,
        contravariant: false,
        infer_variance: kind != ParamKind::TypeVarTuple,
    };
    Py::new_with_type(ts, type_for(kind), param)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "bad type parameter type"))
}

/// `INTRINSIC_SET_TYPEPARAM_DEFAULT`: the default's evaluation function.
pub fn set_default_evaluator(param: &PyObject, evaluate: PyRef) -> PyResult<()> {
    let param = param_of(param)?;
    param.default.evaluate.replace(Some(evaluate));
    Ok(())
}

fn param_of(object: &PyObject) -> PyResult<&TypeParam> {
    object
        .downcast_ref::<TypeParam>()
        .map(|param| param.payload())
        .ok_or_else(|| PyErr::type_error("expected a type parameter"))
}

fn param_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let param = param_of(object)?;
    let name = pystr::to_rust_string(&param.name);
    let prefix = if param.kind == ParamKind::TypeVarTuple || param.infer_variance {
        ""
    } else if param.covariant {
        "+"
    } else if param.contravariant {
        "-"
    } else {
        "~"
    };
    Ok(pystr::new(ts, &format!("{prefix}{name}")).into_ref())
}

fn get_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(param_of(object)?.name.clone())
}

fn get_bound(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(param_of(object)?
        .bound
        .get(ts)?
        .unwrap_or_else(singletons::none))
}

fn get_constraints(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(param_of(object)?
        .constraints
        .get(ts)?
        .unwrap_or_else(tuple::empty))
}

fn get_default(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(param_of(object)?
        .default
        .get(ts)?
        .unwrap_or_else(|| NO_DEFAULT.as_object().new_ref()))
}

fn get_covariant(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(param_of(object)?.covariant))
}

fn get_contravariant(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(param_of(object)?.contravariant))
}

fn get_infer_variance(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(param_of(object)?.infer_variance))
}

fn get_module(ts: &ThreadState, _object: &PyObject) -> PyResult {
    Ok(pystr::intern(ts, "typing"))
}

fn has_default(
    _ts: &ThreadState,
    this: &PyObject,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    Ok(crate::bool::bool_ref(param_of(this)?.default.is_set()))
}

/// `P.args` / `P.kwargs`.
pub struct ParamSpecAttr {
    origin: PyRef,
    kwargs: bool,
}

impl PyPayload for ParamSpecAttr {
    fn static_type() -> &'static PyType {
        &PARAMSPEC_ARGS_TYPE
    }
}

fn paramspec_attr(ts: &ThreadState, object: &PyObject, kwargs: bool) -> PyResult {
    let ty: &PyType = if kwargs {
        &PARAMSPEC_KWARGS_TYPE
    } else {
        &PARAMSPEC_ARGS_TYPE
    };
    Py::new_with_type(
        ts,
        ty,
        ParamSpecAttr {
            origin: object.new_ref(),
            kwargs,
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "bad ParamSpec attribute type"))
}

fn get_args(ts: &ThreadState, object: &PyObject) -> PyResult {
    paramspec_attr(ts, object, false)
}

fn get_kwargs(ts: &ThreadState, object: &PyObject) -> PyResult {
    paramspec_attr(ts, object, true)
}

fn paramspec_attr_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let attr = object
        .downcast_ref::<ParamSpecAttr>()
        .ok_or_else(|| PyErr::type_error("expected ParamSpec args or kwargs"))?;
    let name = param_of(&attr.origin)
        .map(|param| pystr::to_rust_string(&param.name))
        .unwrap_or_default();
    let which = if attr.kwargs { "kwargs" } else { "args" };
    Ok(pystr::new(ts, &format!("{name}.{which}")).into_ref())
}

fn paramspec_attr_get_origin(_ts: &ThreadState, object: &PyObject) -> PyResult {
    object
        .downcast_ref::<ParamSpecAttr>()
        .map(|attr| attr.origin.clone())
        .ok_or_else(|| PyErr::type_error("expected ParamSpec args or kwargs"))
}

fn param_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(param) = object.downcast_ref::<TypeParam>() {
        visit(&param.name);
        param.bound.visit(visit);
        param.constraints.visit(visit);
        param.default.visit(visit);
    }
}

/// The keyword arguments of the type parameter constructors.
struct ParamOptions {
    bound: Option<PyRef>,
    covariant: bool,
    contravariant: bool,
    infer_variance: bool,
    default: Option<PyRef>,
}

/// Splits `TypeVar(name, *constraints, **options)`-style arguments.
fn parse_param_args(
    ts: &ThreadState,
    owner: &str,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
    allowed: &[&str],
) -> PyResult<(PyRef, Vec<PyRef>, ParamOptions)> {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    let mut options = ParamOptions {
        bound: None,
        covariant: false,
        contravariant: false,
        infer_variance: false,
        default: None,
    };
    let mut name = positional.first().cloned();
    for (key, value) in keywords {
        if !allowed.contains(&key.as_str()) && key != "name" {
            return Err(PyErr::type_error(format!(
                "{owner}() got an unexpected keyword argument '{key}'"
            )));
        }
        match key.as_str() {
            "name" => name = Some(value),
            "bound" => options.bound = (!singletons::is_none(&value)).then_some(value),
            "covariant" => options.covariant = value.is_true(ts)?,
            "contravariant" => options.contravariant = value.is_true(ts)?,
            "infer_variance" => options.infer_variance = value.is_true(ts)?,
            _ => {
                options.default = (!value.is(NO_DEFAULT.as_object())).then_some(value);
            }
        }
    }
    let Some(name) = name else {
        return Err(PyErr::type_error(format!(
            "{owner}() missing required argument 'name' (pos 1)"
        )));
    };
    if pystr::as_str_payload(&name).is_none() {
        return Err(PyErr::type_error(format!(
            "{owner}() argument 'name' must be str, not {}",
            name.ob_type().name()
        )));
    }
    let rest = positional.get(1..).unwrap_or(&[]).to_vec();
    if options.covariant && options.contravariant {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Bivariant type variables are not supported.",
        ));
    }
    if options.infer_variance && (options.covariant || options.contravariant) {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Variance cannot be specified with infer_variance.",
        ));
    }
    Ok((name, rest, options))
}

fn make_param(
    ts: &ThreadState,
    ty: &PyType,
    kind: ParamKind,
    name: PyRef,
    constraints: Option<PyRef>,
    options: ParamOptions,
) -> PyResult {
    let param = TypeParam {
        kind,
        name,
        bound: Lazy::new(options.bound, None),
        constraints: Lazy::new(constraints, None),
        default: Lazy::new(options.default, None),
        covariant: options.covariant,
        contravariant: options.contravariant,
        infer_variance: options.infer_variance,
    };
    Py::new_with_type(ts, ty, param)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("bad type parameter type"))
}

/// `TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False,
/// infer_variance=False, default=NoDefault)`.
fn typevar_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let allowed = [
        "bound",
        "covariant",
        "contravariant",
        "infer_variance",
        "default",
    ];
    let (name, constraints, options) = parse_param_args(ts, "typevar", args, kwnames, &allowed)?;
    if constraints.len() == 1 {
        return Err(PyErr::type_error("A single constraint is not allowed"));
    }
    if !constraints.is_empty() && options.bound.is_some() {
        return Err(PyErr::type_error(
            "Constraints cannot be combined with bound=...",
        ));
    }
    let constraints = (!constraints.is_empty()).then(|| tuple::new(ts, constraints).into_ref());
    make_param(ts, ty, ParamKind::TypeVar, name, constraints, options)
}

/// `ParamSpec(name, *, bound=None, covariant=False, contravariant=False,
/// infer_variance=False, default=NoDefault)`.
fn paramspec_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let allowed = [
        "bound",
        "covariant",
        "contravariant",
        "infer_variance",
        "default",
    ];
    let (name, rest, options) = parse_param_args(ts, "paramspec", args, kwnames, &allowed)?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!(
            "paramspec() takes at most 1 positional argument ({} given)",
            rest.len() + 1
        )));
    }
    make_param(ts, ty, ParamKind::ParamSpec, name, None, options)
}

/// `TypeVarTuple(name, *, default=NoDefault)`.
fn typevartuple_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (name, rest, options) = parse_param_args(ts, "typevartuple", args, kwnames, &["default"])?;
    if !rest.is_empty() {
        return Err(PyErr::type_error(format!(
            "typevartuple() takes at most 1 positional argument ({} given)",
            rest.len() + 1
        )));
    }
    make_param(ts, ty, ParamKind::TypeVarTuple, name, None, options)
}

macro_rules! param_type {
    ($static_name:ident, $name:literal, $new:ident) => {
        pub static $static_name: StaticType = StaticObject::new(
            &TYPE_TYPE,
            TypeObject::builtin::<TypeParam>($name, flags::HAVE_GC, Some(&OBJECT_TYPE))
                .with_slots(SlotTable {
                    repr: Slot::new(param_repr),
                    new: Slot::new($new),
                    traverse: Slot::new(param_traverse),
                    ..crate::typeobject::object_slots()
                })
                .with_number(NumberSlots {
                    or: Slot::new(crate::unionobject::union_or),
                    ..NumberSlots::EMPTY
                }),
        );
    };
}

param_type!(TYPEVAR_TYPE, "typing.TypeVar", typevar_new);
param_type!(PARAMSPEC_TYPE, "typing.ParamSpec", paramspec_new);
param_type!(TYPEVARTUPLE_TYPE, "typing.TypeVarTuple", typevartuple_new);

fn paramspec_attr_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(attr) = object.downcast_ref::<ParamSpecAttr>() {
        visit(&attr.origin);
    }
}

pub static PARAMSPEC_ARGS_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ParamSpecAttr>(
        "typing.ParamSpecArgs",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(paramspec_attr_repr),
        traverse: Slot::new(paramspec_attr_traverse),
        ..crate::typeobject::object_slots()
    }),
);

pub static PARAMSPEC_KWARGS_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ParamSpecAttr>(
        "typing.ParamSpecKwargs",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(paramspec_attr_repr),
        traverse: Slot::new(paramspec_attr_traverse),
        ..crate::typeobject::object_slots()
    }),
);

/// `typing.NoDefault`: what `__default__` is when a parameter has no default.
pub struct NoDefaultValue;

impl PyPayload for NoDefaultValue {
    fn static_type() -> &'static PyType {
        &NO_DEFAULT_TYPE
    }
}

// SAFETY: the payload has no state at all, so sharing the immortal static is sound.
unsafe impl crate::object::StaticPayload for NoDefaultValue {}

fn no_default_repr(ts: &ThreadState, _object: &PyObject) -> PyResult {
    Ok(pystr::intern(ts, "typing.NoDefault"))
}

pub static NO_DEFAULT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<NoDefaultValue>("typing.NoDefaultType", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(no_default_repr),
            ..crate::typeobject::object_slots()
        }),
);

pub static NO_DEFAULT: StaticObject<NoDefaultValue> =
    StaticObject::new(&NO_DEFAULT_TYPE, NoDefaultValue);

/// `typing.TypeAliasType`: what `type Name[params] = value` makes.
pub struct TypeAliasType {
    name: PyRef,
    type_params: PyRef,
    value: Lazy,
    module: Option<PyRef>,
}

impl PyPayload for TypeAliasType {
    fn static_type() -> &'static PyType {
        &TYPE_ALIAS_TYPE
    }
}

/// `INTRINSIC_TYPEALIAS`: `(name, type_params or None, evaluate_value)`.
pub fn new_type_alias(ts: &ThreadState, args: &PyObject, module: Option<PyRef>) -> PyResult {
    let [name, type_params, evaluate] = tuple::items(args) else {
        return Err(PyErr::new(
            ExceptionKind::SystemError,
            "bad arguments for a type alias",
        ));
    };
    let type_params = if singletons::is_none(type_params) {
        tuple::empty()
    } else {
        type_params.clone()
    };
    Ok(Py::new(
        ts,
        TypeAliasType {
            name: name.clone(),
            type_params,
            value: Lazy::new(None, Some(evaluate.clone())),
            module,
        },
    )
    .into_ref())
}

fn alias_of(object: &PyObject) -> PyResult<&TypeAliasType> {
    object
        .downcast_ref::<TypeAliasType>()
        .map(|alias| alias.payload())
        .ok_or_else(|| PyErr::type_error("expected a TypeAliasType"))
}

fn alias_repr(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(alias_of(object)?.name.clone())
}

fn alias_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(alias_of(object)?.name.clone())
}

fn alias_value(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(alias_of(object)?
        .value
        .get(ts)?
        .unwrap_or_else(singletons::none))
}

fn alias_type_params(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(alias_of(object)?.type_params.clone())
}

fn alias_parameters(ts: &ThreadState, object: &PyObject) -> PyResult {
    let alias = alias_of(object)?;
    Ok(crate::genericaliasobject::collect_parameters(
        ts,
        tuple::items(&alias.type_params),
    ))
}

fn alias_module(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(alias_of(object)?
        .module
        .clone()
        .unwrap_or_else(singletons::none))
}

/// `Alias[args]`: a generic alias whose origin is the type alias.
fn alias_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let alias = alias_of(object)?;
    if tuple::items(&alias.type_params).is_empty() {
        return Err(PyErr::type_error(
            "Only generic type aliases are subscriptable",
        ));
    }
    Ok(crate::genericaliasobject::new(ts, object.new_ref(), key))
}

fn alias_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(alias) = object.downcast_ref::<TypeAliasType>() {
        visit(&alias.name);
        visit(&alias.type_params);
        alias.value.visit(visit);
        if let Some(module) = &alias.module {
            visit(module);
        }
    }
}

pub static TYPE_ALIAS_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<TypeAliasType>(
        "typing.TypeAliasType",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(alias_repr),
        traverse: Slot::new(alias_traverse),
        ..crate::typeobject::object_slots()
    })
    .with_number(NumberSlots {
        or: Slot::new(crate::unionobject::union_or),
        ..NumberSlots::EMPTY
    })
    .with_mapping(crate::slots::MappingSlots {
        subscript: Slot::new(alias_subscript),
        ..crate::slots::MappingSlots::EMPTY
    }),
);

pub(crate) fn install(ts: &ThreadState) {
    for ty in [&TYPEVAR_TYPE, &PARAMSPEC_TYPE, &TYPEVARTUPLE_TYPE] {
        crate::descr::add_getsets(
            ts,
            ty,
            &[
                ("__name__", get_name, None),
                ("__default__", get_default, None),
                ("__module__", get_module, None),
            ],
        );
        crate::descr::add_methods(ts, ty, &[("has_default", has_default)]);
    }
    for ty in [&TYPEVAR_TYPE, &PARAMSPEC_TYPE] {
        crate::descr::add_getsets(
            ts,
            ty,
            &[
                ("__bound__", get_bound, None),
                ("__covariant__", get_covariant, None),
                ("__contravariant__", get_contravariant, None),
                ("__infer_variance__", get_infer_variance, None),
            ],
        );
    }
    crate::descr::add_getsets(
        ts,
        &TYPEVAR_TYPE,
        &[("__constraints__", get_constraints, None)],
    );
    crate::descr::add_getsets(
        ts,
        &PARAMSPEC_TYPE,
        &[("args", get_args, None), ("kwargs", get_kwargs, None)],
    );
    for ty in [&PARAMSPEC_ARGS_TYPE, &PARAMSPEC_KWARGS_TYPE] {
        crate::descr::add_getsets(ts, ty, &[("__origin__", paramspec_attr_get_origin, None)]);
    }
    crate::descr::add_getsets(
        ts,
        &TYPE_ALIAS_TYPE,
        &[
            ("__name__", alias_name, None),
            ("__value__", alias_value, None),
            ("__type_params__", alias_type_params, None),
            ("__parameters__", alias_parameters, None),
            ("__module__", alias_module, None),
        ],
    );
}
