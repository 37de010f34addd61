//! `types.GenericAlias`: what subscripting a generic built-in class gives (`list[int]`),
//! and `__class_getitem__` of the built-in containers.
//!
//! CPython counterpart: `Objects/genericaliasobject.c` (`ga_repr`, `ga_getattro`'s
//! forwarding to the origin, `ga_call` setting `__orig_class__`, `__parameters__`
//! collection and substitution) and `_Py_typing_type_repr` in `Objects/typevarobject.c`.

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use crate::{attrs, singletons, str as pystr, tuple};

/// The payload of `types.GenericAlias` objects.
pub struct GenericAlias {
    pub origin: PyRef,
    /// Always a tuple.
    pub args: PyRef,
    /// `__parameters__`, computed on creation.
    pub parameters: PyRef,
    /// `*tuple[int]`.
    pub starred: bool,
}

impl PyPayload for GenericAlias {
    fn static_type() -> &'static PyType {
        &GENERIC_ALIAS_TYPE
    }
}

/// `GenericAlias(origin, args)`: a non-tuple `args` is a one-element tuple.
pub fn new(ts: &ThreadState, origin: PyRef, args: &PyObject) -> PyRef {
    let args = if args.payload_is::<tuple::Tuple>() {
        args.new_ref()
    } else {
        tuple::new(ts, vec![args.new_ref()]).into_ref()
    };
    let parameters = collect_parameters(ts, tuple::items(&args));
    Py::new(
        ts,
        GenericAlias {
            origin,
            args,
            parameters,
            starred: false,
        },
    )
    .into_ref()
}

/// Whether `object` is a type variable (TypeVar, ParamSpec, TypeVarTuple).
fn is_type_parameter(object: &PyObject) -> bool {
    crate::typevarobject::is_type_parameter(object)
}

/// The type variables in `args`, in order of first appearance (`__parameters__`).
pub fn collect_parameters(ts: &ThreadState, args: &[PyRef]) -> PyRef {
    let mut found: Vec<PyRef> = Vec::new();
    let mut add = |param: &PyRef| {
        if !found.iter().any(|known| known.is(param)) {
            found.push(param.clone());
        }
    };
    for arg in args {
        if is_type_parameter(arg) {
            add(arg);
        } else if let Some(params) = nested_parameters(arg) {
            for param in tuple::items(&params) {
                add(param);
            }
        } else if let Some(items) = arg.downcast_ref::<crate::list::List>() {
            let items = items.to_vec();
            for item in &items {
                if is_type_parameter(item) {
                    add(item);
                }
            }
        }
    }
    tuple::new(ts, found).into_ref()
}

fn nested_parameters(object: &PyObject) -> Option<PyRef> {
    if let Some(alias) = object.downcast_ref::<GenericAlias>() {
        return Some(alias.parameters.clone());
    }
    crate::unionobject::parameters_of(object)
}

/// How typing objects show a type inside brackets (`_Py_typing_type_repr`): `...`,
/// `None`, reprs of aliases, `module.qualname` of classes (bare for builtins).
pub fn type_repr(ts: &ThreadState, object: &PyObject) -> PyResult<String> {
    if object.is(&singletons::ellipsis()) {
        return Ok("...".to_owned());
    }
    if object.is(crate::singletons::NONE_TYPE.as_object()) {
        return Ok("None".to_owned());
    }
    if object.payload_is::<GenericAlias>() || crate::typeobject::as_type(object).is_none() {
        return repr_string(ts, object);
    }
    let qualname = attrs::lookup_attr(ts, object, &pystr::intern(ts, "__qualname__"))?;
    let module = attrs::lookup_attr(ts, object, &pystr::intern(ts, "__module__"))?;
    match (qualname, module) {
        (Some(qualname), Some(module)) if qualname.payload_is::<pystr::Str>() => {
            let qualname = pystr::to_rust_string(&qualname);
            if module.payload_is::<pystr::Str>() && pystr::to_rust_string(&module) != "builtins" {
                Ok(format!("{}.{qualname}", pystr::to_rust_string(&module)))
            } else {
                Ok(qualname)
            }
        }
        _ => Ok(repr_string(ts, object)?),
    }
}

fn repr_string(ts: &ThreadState, object: &PyObject) -> PyResult<String> {
    let repr = object.repr(ts)?;
    Ok(pystr::to_rust_string(&repr))
}

fn items_repr(ts: &ThreadState, items: &[PyRef]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        if let Some(list) = item.downcast_ref::<crate::list::List>() {
            let inner = list.to_vec();
            parts.push(format!("[{}]", items_repr(ts, &inner)?));
        } else {
            parts.push(type_repr(ts, item)?);
        }
    }
    Ok(parts.join(", "))
}

fn alias_of(object: &PyObject) -> PyResult<&GenericAlias> {
    object
        .downcast_ref::<GenericAlias>()
        .map(|alias| alias.payload())
        .ok_or_else(|| PyErr::type_error("expected a GenericAlias"))
}

fn ga_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let alias = alias_of(object)?;
    let origin = type_repr(ts, &alias.origin)?;
    let args = tuple::items(&alias.args);
    let inner = if args.is_empty() {
        "()".to_owned()
    } else {
        items_repr(ts, args)?
    };
    let star = if alias.starred { "*" } else { "" };
    Ok(pystr::new(ts, &format!("{star}{origin}[{inner}]")).into_ref())
}

/// Attributes that belong to the alias itself; every other one comes from the origin.
const OWN_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__bases__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn ga_getattro(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    let alias = alias_of(object)?;
    let text = pystr::to_rust_string(name);
    match text.as_str() {
        "__origin__" => return Ok(alias.origin.clone()),
        "__args__" => return Ok(alias.args.clone()),
        "__parameters__" => return Ok(alias.parameters.clone()),
        "__unpacked__" => return Ok(crate::bool::bool_ref(alias.starred)),
        "__typing_unpacked_tuple_args__" => {
            let is_tuple = alias.origin.is(crate::tuple::TUPLE_TYPE.as_object());
            return Ok(if alias.starred && is_tuple {
                alias.args.clone()
            } else {
                singletons::none()
            });
        }
        _ => {}
    }
    if OWN_ATTRIBUTES.contains(&text.as_str()) {
        return attrs::generic_getattr(ts, object, name);
    }
    attrs::get_attr(ts, &alias.origin, name)
}

fn ga_call(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let alias = alias_of(object)?;
    let result = crate::abstract_api::call(ts, &alias.origin, args, kwnames)?;
    let key = pystr::intern(ts, "__orig_class__");
    if let Err(err) = attrs::set_attr(ts, &result, &key, Some(object))
        && !err.matches(ExceptionKind::AttributeError)
        && !err.matches(ExceptionKind::TypeError)
    {
        return Err(err);
    }
    Ok(result)
}

fn ga_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (
        a.downcast_ref::<GenericAlias>(),
        b.downcast_ref::<GenericAlias>(),
    ) else {
        return Ok(singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(singletons::not_implemented());
    }
    let equal = x.starred == y.starred
        && x.origin.rich_compare_bool(ts, &y.origin, CompareOp::Eq)?
        && x.args.rich_compare_bool(ts, &y.args, CompareOp::Eq)?;
    Ok(crate::bool::bool_ref(equal == (op == CompareOp::Eq)))
}

fn ga_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let alias = alias_of(object)?;
    Ok(alias.origin.hash(ts)? ^ alias.args.hash(ts)?)
}

fn ga_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    // `*list[int]` in a subscript: one starred copy of the alias.
    let alias = alias_of(object)?;
    let starred = Py::new(
        ts,
        GenericAlias {
            origin: alias.origin.clone(),
            args: alias.args.clone(),
            parameters: alias.parameters.clone(),
            starred: true,
        },
    )
    .into_ref();
    crate::iterobject::get_iter(ts, &tuple::new(ts, vec![starred]).into_ref())
}

/// `alias[args]`: substitutes the alias's type variables (`dict[K, int][str]`).
fn ga_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let alias = alias_of(object)?;
    let params = tuple::items(&alias.parameters);
    if params.is_empty() {
        let repr = repr_string(ts, object)?;
        return Err(PyErr::type_error(format!("{repr} is not a generic class")));
    }
    let given: Vec<PyRef> = if key.payload_is::<tuple::Tuple>() {
        tuple::items(key).to_vec()
    } else {
        vec![key.new_ref()]
    };
    if given.len() != params.len() {
        let repr = repr_string(ts, object)?;
        let kind = if given.len() > params.len() {
            "many"
        } else {
            "few"
        };
        return Err(PyErr::type_error(format!(
            "Too {kind} arguments for {repr}; actual {}, expected {}",
            given.len(),
            params.len()
        )));
    }
    let substituted = substitute(ts, tuple::items(&alias.args), params, &given)?;
    let args = tuple::new(ts, substituted).into_ref();
    let parameters = collect_parameters(ts, tuple::items(&args));
    Ok(Py::new(
        ts,
        GenericAlias {
            origin: alias.origin.clone(),
            args,
            parameters,
            starred: alias.starred,
        },
    )
    .into_ref())
}

/// `args` with each parameter replaced by its value, recursively into nested aliases.
pub fn substitute(
    ts: &ThreadState,
    args: &[PyRef],
    params: &[PyRef],
    values: &[PyRef],
) -> PyResult<Vec<PyRef>> {
    let mut result = Vec::with_capacity(args.len());
    for arg in args {
        if let Some(index) = params.iter().position(|param| param.is(arg)) {
            result.push(values[index].clone());
        } else if let Some(inner) = arg.downcast_ref::<GenericAlias>()
            && !tuple::items(&inner.parameters).is_empty()
        {
            let inner_params = tuple::items(&inner.parameters);
            let inner_values: Vec<PyRef> = inner_params
                .iter()
                .map(|param| {
                    params
                        .iter()
                        .position(|p| p.is(param))
                        .map_or_else(|| param.clone(), |i| values[i].clone())
                })
                .collect();
            let key = tuple::new(ts, inner_values).into_ref();
            result.push(ga_subscript(ts, arg, &key)?);
        } else {
            result.push(arg.clone());
        }
    }
    Ok(result)
}

fn ga_mro_entries(
    ts: &ThreadState,
    this: &PyObject,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    let alias = alias_of(this)?;
    Ok(tuple::new(ts, vec![alias.origin.clone()]).into_ref())
}

fn ga_instancecheck(
    _ts: &ThreadState,
    _this: &PyObject,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    Err(PyErr::type_error(
        "isinstance() argument 2 cannot be a parameterized generic",
    ))
}

fn ga_subclasscheck(
    _ts: &ThreadState,
    _this: &PyObject,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    Err(PyErr::type_error(
        "issubclass() argument 2 cannot be a parameterized generic",
    ))
}

fn ga_new(ts: &ThreadState, _ty: &PyType, args: &[PyRef], kwnames: Option<&PyObject>) -> PyResult {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(
            "GenericAlias() takes no keyword arguments",
        ));
    }
    match args {
        [origin, args] => Ok(new(ts, origin.clone(), args)),
        _ => Err(PyErr::type_error(format!(
            "GenericAlias expected 2 arguments, got {}",
            args.len()
        ))),
    }
}

fn ga_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(alias) = object.downcast_ref::<GenericAlias>() {
        visit(&alias.origin);
        visit(&alias.args);
        visit(&alias.parameters);
    }
}

pub static GENERIC_ALIAS_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<GenericAlias>(
        "types.GenericAlias",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(ga_repr),
        getattro: Slot::new(ga_getattro),
        call: Slot::new(ga_call),
        richcompare: Slot::new(ga_richcompare),
        hash: Slot::new(ga_hash),
        iter: Slot::new(ga_iter),
        new: Slot::new(ga_new),
        traverse: Slot::new(ga_traverse),
        ..crate::typeobject::object_slots()
    })
    .with_number(NumberSlots {
        or: Slot::new(crate::unionobject::union_or),
        ..NumberSlots::EMPTY
    })
    .with_mapping(crate::slots::MappingSlots {
        subscript: Slot::new(ga_subscript),
        ..crate::slots::MappingSlots::EMPTY
    }),
);

/// `cls.__class_getitem__(item)` of the generic built-in classes.
fn class_getitem(
    ts: &ThreadState,
    _m: &PyObject,
    args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    match args {
        [cls, item] => Ok(new(ts, cls.clone(), item)),
        _ => Err(PyErr::type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

/// Installs `GenericAlias`'s methods and `__class_getitem__` on the generic built-ins.
pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &GENERIC_ALIAS_TYPE,
        &[
            ("__mro_entries__", ga_mro_entries),
            ("__instancecheck__", ga_instancecheck),
            ("__subclasscheck__", ga_subclasscheck),
        ],
    );
    let generic: [&'static PyType; 7] = [
        &crate::list::LIST_TYPE,
        &crate::dict::DICT_TYPE,
        &crate::tuple::TUPLE_TYPE,
        &crate::set::SET_TYPE,
        &crate::set::FROZENSET_TYPE,
        &crate::iterobject::ENUMERATE_TYPE,
        &TYPE_TYPE,
    ];
    let function = crate::descr::new_builtin_function(
        ts,
        "__class_getitem__",
        class_getitem,
        singletons::none(),
    );
    for ty in generic {
        let method = Py::new(
            ts,
            crate::descr::ClassMethod {
                callable: function.clone(),
            },
        )
        .into_ref();
        if let Some(dict) = ty.dict(ts).downcast_ref::<crate::dict::Dict>() {
            let _ = dict.set_item(ts, pystr::intern(ts, "__class_getitem__"), method);
        }
    }
}
