//! `typing.Union` (also `types.UnionType`): what `int | str` gives.
//!
//! CPython counterpart: `Objects/unionobject.c` (3.14 merged `types.UnionType` into
//! `typing.Union`): `_Py_union_type_or`, flattening and de-duplication of the members,
//! order-insensitive equality and hashing, `isinstance`/`issubclass` against the
//! members, and the `int | None` repr.

use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use crate::{singletons, str as pystr, tuple};

/// The payload of `typing.Union` objects.
pub struct Union {
    /// The members, flattened and de-duplicated, `None` as `NoneType`.
    pub args: PyRef,
    pub parameters: PyRef,
}

impl PyPayload for Union {
    fn static_type() -> &'static PyType {
        &UNION_TYPE
    }
}

/// The members of a union, if `object` is one (`isinstance` tests each).
pub fn members(object: &PyObject) -> Option<Vec<PyRef>> {
    object
        .downcast_ref::<Union>()
        .map(|union| tuple::items(&union.args).to_vec())
}

/// The `__parameters__` of a union, for aliases that contain one.
pub fn parameters_of(object: &PyObject) -> Option<PyRef> {
    object
        .downcast_ref::<Union>()
        .map(|union| union.parameters.clone())
}

/// Whether `object` may be a member of a union made with `|`.
fn is_unionable(object: &PyObject) -> bool {
    singletons::is_none(object)
        || crate::typeobject::as_type(object).is_some()
        || object.payload_is::<crate::genericaliasobject::GenericAlias>()
        || object.payload_is::<Union>()
        || crate::typevarobject::is_type_parameter(object)
        || object.payload_is::<crate::typevarobject::TypeAliasType>()
}

/// `a | b` for types and typing objects (CPython's `_Py_union_type_or`).
pub fn union_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(singletons::not_implemented());
    }
    make_union(ts, &[a.new_ref(), b.new_ref()])
}

/// A union of `members` (flattened, de-duplicated); one distinct member is returned
/// as itself.
pub fn make_union(ts: &ThreadState, members: &[PyRef]) -> PyResult {
    let mut flat: Vec<PyRef> = Vec::new();
    for member in members {
        let nested = member
            .downcast_ref::<Union>()
            .map(|union| tuple::items(&union.args).to_vec());
        let candidates = nested.unwrap_or_else(|| {
            if singletons::is_none(member) {
                vec![singletons::NONE_TYPE.as_object().new_ref()]
            } else {
                vec![member.clone()]
            }
        });
        for candidate in candidates {
            let mut duplicate = false;
            for known in &flat {
                if known.is(&candidate) || known.rich_compare_bool(ts, &candidate, CompareOp::Eq)? {
                    duplicate = true;
                    break;
                }
            }
            if !duplicate {
                flat.push(candidate);
            }
        }
    }
    if flat.len() == 1 {
        return Ok(flat.remove(0));
    }
    let parameters = crate::genericaliasobject::collect_parameters(ts, &flat);
    Ok(Py::new(
        ts,
        Union {
            args: tuple::new(ts, flat).into_ref(),
            parameters,
        },
    )
    .into_ref())
}

fn union_of(object: &PyObject) -> PyResult<&Union> {
    object
        .downcast_ref::<Union>()
        .map(|union| union.payload())
        .ok_or_else(|| PyErr::type_error("expected a Union"))
}

fn union_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let union = union_of(object)?;
    let mut parts = Vec::new();
    for arg in tuple::items(&union.args) {
        parts.push(crate::genericaliasobject::type_repr(ts, arg)?);
    }
    Ok(pystr::new(ts, &parts.join(" | ")).into_ref())
}

/// Whether every member of `a` equals some member of `b`.
fn covers(ts: &ThreadState, a: &[PyRef], b: &[PyRef]) -> PyResult<bool> {
    'outer: for x in a {
        for y in b {
            if x.is(y) || x.rich_compare_bool(ts, y, CompareOp::Eq)? {
                continue 'outer;
            }
        }
        return Ok(false);
    }
    Ok(true)
}

fn union_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast_ref::<Union>(), b.downcast_ref::<Union>()) else {
        return Ok(singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(singletons::not_implemented());
    }
    let (xs, ys) = (tuple::items(&x.args), tuple::items(&y.args));
    let equal = covers(ts, xs, ys)? && covers(ts, ys, xs)?;
    Ok(crate::bool::bool_ref(equal == (op == CompareOp::Eq)))
}

/// Order-insensitive, like `hash(frozenset(args))`.
fn union_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let union = union_of(object)?;
    let mut hash: isize = 0x345678;
    for arg in tuple::items(&union.args) {
        hash ^= arg.hash(ts)?.wrapping_mul(0x5bd1_e995);
    }
    Ok(if hash == -1 { -2 } else { hash })
}

fn union_getattro(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    let union = union_of(object)?;
    match pystr::to_rust_string(name).as_str() {
        "__args__" => Ok(union.args.clone()),
        "__parameters__" => Ok(union.parameters.clone()),
        "__origin__" => Ok(UNION_TYPE.as_object().new_ref()),
        _ => crate::attrs::generic_getattr(ts, object, name),
    }
}

/// The members to test `isinstance`/`issubclass` against; parameterized generics are
/// refused as CPython refuses them.
fn check_members(union: &Union, what: &str) -> PyResult<PyRef> {
    for arg in tuple::items(&union.args) {
        if arg.payload_is::<crate::genericaliasobject::GenericAlias>() {
            return Err(PyErr::type_error(format!(
                "{what}() argument 2 cannot be a parameterized generic"
            )));
        }
    }
    Ok(union.args.clone())
}

/// The tuple a union stands for in `isinstance`/`issubclass` (`None` if `object` is
/// not a union).
pub fn isinstance_members(object: &PyObject, what: &str) -> Option<PyResult<PyRef>> {
    object
        .downcast_ref::<Union>()
        .map(|union| check_members(union, what))
}

fn union_instancecheck(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    let members = check_members(union_of(this)?, "isinstance")?;
    let [instance] = args else {
        return Err(PyErr::type_error("__instancecheck__ expected 1 argument"));
    };
    for member in tuple::items(&members) {
        if let Some(ty) = crate::typeobject::as_type(member)
            && instance.ob_type().is_subtype(ts, ty)
        {
            return Ok(crate::bool::bool_ref(true));
        }
    }
    Ok(crate::bool::bool_ref(false))
}

fn union_subclasscheck(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    let members = check_members(union_of(this)?, "issubclass")?;
    let [class] = args else {
        return Err(PyErr::type_error("__subclasscheck__ expected 1 argument"));
    };
    let Some(class) = crate::typeobject::as_type(class) else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    for member in tuple::items(&members) {
        if let Some(ty) = crate::typeobject::as_type(member)
            && class.is_subtype(ts, ty)
        {
            return Ok(crate::bool::bool_ref(true));
        }
    }
    Ok(crate::bool::bool_ref(false))
}

fn union_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(union) = object.downcast_ref::<Union>() {
        visit(&union.args);
        visit(&union.parameters);
    }
}

pub static UNION_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Union>("typing.Union", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(union_repr),
            richcompare: Slot::new(union_richcompare),
            hash: Slot::new(union_hash),
            getattro: Slot::new(union_getattro),
            traverse: Slot::new(union_traverse),
            ..crate::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            or: Slot::new(union_or),
            ..NumberSlots::EMPTY
        }),
);

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &UNION_TYPE,
        &[
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
        ],
    );
}
