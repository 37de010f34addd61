//! `types.UnionType`: what `int | str` makes, usable with `isinstance`/`issubclass`.
//!
//! CPython counterpart: `Objects/unionobject.c` (`_Py_union_type_or`, `union_repr`,
//! `union_richcompare`, `__args__`). Members are deduplicated and nested unions
//! flattened; `None` stands for `NoneType`.

use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{CompareOp, NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, as_type, flags};

/// A union of types (`__args__`, a tuple).
pub struct UnionType {
    pub args: PyRef,
}

impl PyPayload for UnionType {
    fn static_type() -> &'static PyType {
        &UNION_TYPE
    }
}

/// The members of a union, if `object` is one.
pub fn members(object: &PyObject) -> Option<Vec<PyRef>> {
    object
        .downcast_ref::<UnionType>()
        .map(|union| crate::tuple::items(&union.args).to_vec())
}

/// Whether `object` may be an operand of `|` between types.
fn is_unionable(object: &PyObject) -> bool {
    crate::singletons::is_none(object)
        || as_type(object).is_some()
        || object.payload_is::<UnionType>()
}

fn push_member(items: &mut Vec<PyRef>, member: &PyObject) {
    let member = if crate::singletons::is_none(member) {
        crate::singletons::NONE_TYPE.as_object().new_ref()
    } else {
        member.new_ref()
    };
    if !items.iter().any(|item| item.is(&member)) {
        items.push(member);
    }
}

/// `a | b` for types, `None` and unions (CPython's `_Py_union_type_or`).
pub fn type_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(crate::singletons::not_implemented());
    }
    let mut items = Vec::new();
    for side in [a, b] {
        match members(side) {
            Some(inner) => inner
                .iter()
                .for_each(|member| push_member(&mut items, member)),
            None => push_member(&mut items, side),
        }
    }
    if items.len() == 1 {
        return Ok(items.remove(0));
    }
    let args = crate::tuple::new(ts, items).into_ref();
    Ok(Py::new(ts, UnionType { args }).into_ref())
}

fn member_repr(ts: &ThreadState, member: &PyObject) -> PyResult<String> {
    if member.is(crate::singletons::NONE_TYPE.as_object()) {
        return Ok("None".to_owned());
    }
    if let Some(ty) = as_type(member) {
        let module = crate::attrs::get_attr_str(ts, member, "__module__")
            .ok()
            .map(|m| crate::str::to_rust_string(&m));
        let qualname = crate::attrs::get_attr_str(ts, member, "__qualname__")
            .map(|m| crate::str::to_rust_string(&m))
            .unwrap_or_else(|_| ty.name().to_owned());
        return Ok(match module.as_deref() {
            Some("builtins") | None => qualname,
            Some(module) => format!("{module}.{qualname}"),
        });
    }
    crate::str::repr_text(ts, member)
}

fn union_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let mut parts = Vec::new();
    for member in members(object).unwrap_or_default() {
        parts.push(member_repr(ts, &member)?);
    }
    Ok(crate::str::new(ts, &parts.join(" | ")).into_ref())
}

fn union_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let items = members(object).unwrap_or_default();
    let frozen = crate::set::new_frozen(ts, items)?;
    frozen.hash(ts)
}

fn union_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(left), Some(right)) = (members(a), members(b)) else {
        return Ok(crate::singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::singletons::not_implemented());
    }
    let same = left.len() == right.len() && left.iter().all(|l| right.iter().any(|r| r.is(l)));
    let _ = ts;
    Ok(crate::bool::bool_ref(same == (op == CompareOp::Eq)))
}

fn union_args(_ts: &ThreadState, object: &PyObject) -> PyResult {
    object
        .downcast_ref::<UnionType>()
        .map(|union| union.args.clone())
        .ok_or_else(|| PyErr::type_error("expected a union"))
}

fn union_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(union) = object.downcast_ref::<UnionType>() {
        visit(&union.args);
    }
}

pub static UNION_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<UnionType>("Union", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(union_repr),
            hash: Slot::new(union_hash),
            richcompare: Slot::new(union_richcompare),
            traverse: Slot::new(union_traverse),
            ..crate::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            or: Slot::new(type_or),
            ..NumberSlots::EMPTY
        }),
);

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_getsets(ts, &UNION_TYPE, &[("__args__", union_args, None)]);
    let module = crate::str::intern(ts, "typing");
    if let Some(dict) = UNION_TYPE.dict(ts).downcast_ref::<crate::dict::Dict>() {
        let _ = dict.set_item(ts, crate::str::intern(ts, "__module__"), module);
    }
}
