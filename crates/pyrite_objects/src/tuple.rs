//! `tuple`: immutable sequences.
//!
//! CPython counterpart: `Objects/tupleobject.c` (`tuple_repr`, `tuple_hash`,
//! `tuple_richcompare`, `tuple_subscript`). The empty tuple is an immortal static.
//! *(Planned: items stored inline after the header, CPython's `ob_item[]`, making a tuple
//! one allocation; today they are a `Vec`.)*

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `tuple` objects.
pub struct Tuple {
    items: Vec<PyRef>,
    /// A struct sequence's fields past its visible length (CPython keeps them in
    /// `ob_item` after `ob_size`); `None` for every other tuple.
    hidden: Option<Box<HiddenItems>>,
}

/// The fields of a struct sequence that only attribute access shows (`structseq.rs`).
pub struct HiddenItems(pub Vec<PyRef>);

impl Tuple {
    #[inline]
    pub fn items(&self) -> &[PyRef] {
        &self.items
    }
}

impl Drop for Tuple {
    /// Items are released from the last one, as CPython's `tupledealloc` does (the order
    /// finalizers observe).
    fn drop(&mut self) {
        if let Some(hidden) = self.hidden.as_mut() {
            while let Some(item) = hidden.0.pop() {
                drop(item);
            }
        }
        while let Some(item) = self.items.pop() {
            drop(item);
        }
    }
}

// SAFETY: a tuple's items never change.
unsafe impl crate::object::StaticPayload for Tuple {}

impl PyPayload for Tuple {
    fn static_type() -> &'static PyType {
        &TUPLE_TYPE
    }
}

static EMPTY_TUPLE: StaticObject<Tuple> = StaticObject::new(
    &TUPLE_TYPE,
    Tuple {
        items: Vec::new(),
        hidden: None,
    },
);

/// `()`, the shared immortal empty tuple.
pub fn empty() -> PyRef {
    EMPTY_TUPLE.to_ref()
}

/// A tuple of `items` (the shared one when empty).
pub fn new(ts: &ThreadState, items: Vec<PyRef>) -> Py<Tuple> {
    if items.is_empty() {
        return EMPTY_TUPLE.to_py();
    }
    Py::new(
        ts,
        Tuple {
            items,
            hidden: None,
        },
    )
}

/// A tuple of `items` whose type is `ty`, a subclass of `tuple` (`tuple.__new__(cls, it)`),
/// with a struct sequence's `hidden` fields.
pub fn new_with_type(
    ts: &ThreadState,
    ty: &PyType,
    items: Vec<PyRef>,
    hidden: Vec<PyRef>,
) -> PyResult {
    if std::ptr::eq(ty, &*TUPLE_TYPE) && hidden.is_empty() {
        return Ok(new(ts, items).into_ref());
    }
    let hidden = (!hidden.is_empty()).then(|| Box::new(HiddenItems(hidden)));
    Py::new_with_type(ts, ty, Tuple { items, hidden })
        .map(Py::into_ref)
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "tuple.__new__({}): {} is not a subtype of tuple",
                ty.name(),
                ty.name()
            ))
        })
}

/// A struct sequence's hidden fields (none for other objects).
pub fn hidden_items(object: &PyObject) -> &[PyRef] {
    object
        .downcast_ref::<Tuple>()
        .and_then(|tuple| tuple.payload().hidden.as_deref())
        .map_or(&[], |hidden| &hidden.0)
}

/// The items of a tuple object (none for other objects).
#[inline]
pub fn items(object: &PyObject) -> &[PyRef] {
    object
        .downcast_ref::<Tuple>()
        .map_or(&[], |tuple| tuple.payload().items())
}

fn tuple_payload<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a Tuple> {
    object
        .downcast_ref::<Tuple>()
        .map(|tuple| tuple.payload())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{method}' requires a 'tuple' object but received a '{}'",
                object.ob_type().name()
            ))
        })
}

fn tuple_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let items = tuple_payload(object, "__repr__")?.items();
    if items.is_empty() {
        return Ok(crate::str::from_static_text(ts, "()"));
    }
    let Some(_guard) = ts.repr_enter(object) else {
        return Ok(crate::str::from_static_text(ts, "(...)"));
    };
    let mut text = String::from("(");
    for (position, item) in items.iter().enumerate() {
        if position > 0 {
            text.push_str(", ");
        }
        text.push_str(&crate::str::repr_text(ts, item)?);
    }
    if items.len() == 1 {
        text.push(',');
    }
    text.push(')');
    Ok(crate::str::new(ts, &text).into_ref())
}

fn tuple_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let items = tuple_payload(object, "__hash__")?.items();
    let mut hashes = Vec::with_capacity(items.len());
    for item in items {
        hashes.push(item.hash(ts)?);
    }
    Ok(crate::pyhash::hash_tuple(hashes.into_iter()))
}

/// Lexicographic comparison of two item sequences (shared with `list`): the first unequal
/// pair decides, else the lengths. `items_at` reads an item afresh each step because a
/// list may change while its items are compared.
pub(crate) fn compare_sequences(
    ts: &ThreadState,
    items_at: impl Fn(bool, usize) -> Option<PyRef>,
    op: CompareOp,
) -> PyResult {
    let mut index = 0;
    loop {
        let (Some(a), Some(b)) = (items_at(false, index), items_at(true, index)) else {
            break;
        };
        if !a.rich_compare_bool(ts, &b, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(crate::bool::false_ref()),
                CompareOp::Ne => Ok(crate::bool::true_ref()),
                _ => a.rich_compare(ts, &b, op),
            };
        }
        index += 1;
    }
    let left_more = items_at(false, index).is_some();
    let right_more = items_at(true, index).is_some();
    let ordering = left_more.cmp(&right_more);
    Ok(crate::bool::bool_ref(op.matches(ordering)))
}

fn tuple_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(left), Some(right)) = (a.downcast_ref::<Tuple>(), b.downcast_ref::<Tuple>()) else {
        return Ok(not_implemented());
    };
    compare_sequences(
        ts,
        |right_side, index| {
            let tuple = if right_side { right } else { left };
            tuple.items.get(index).cloned()
        },
        op,
    )
}

fn tuple_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(tuple_payload(object, "__len__")?.items.len())
}

fn tuple_item(_ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let items = tuple_payload(object, "__getitem__")?.items();
    usize::try_from(index)
        .ok()
        .and_then(|index| items.get(index))
        .cloned()
        .ok_or_else(|| PyErr::new(ExceptionKind::IndexError, "tuple index out of range"))
}

fn tuple_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let items = tuple_payload(object, "__getitem__")?.items();
    let Some(index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error(format!(
            "tuple indices must be integers or slices, not {}",
            key.ob_type().name()
        )));
    };
    let index = if index < 0 {
        index + items.len() as isize
    } else {
        index
    };
    tuple_item(ts, object, index)
}

fn tuple_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    for item in items(object).iter().chain(hidden_items(object)).rev() {
        visit(item);
    }
}

pub static TUPLE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Tuple>(
        "tuple",
        flags::BASETYPE | flags::HAVE_GC | flags::TUPLE_SUBCLASS,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(tuple_repr),
        hash: Slot::new(tuple_hash),
        richcompare: Slot::new(tuple_richcompare),
        traverse: Slot::new(tuple_traverse),
        new: Slot::new(crate::methods::constructors::tuple_new),
        iter: Slot::new(crate::iterobject::builtin_iter),
        ..crate::typeobject::object_slots()
    })
    .with_sequence(SequenceSlots {
        length: Slot::new(tuple_length),
        item: Slot::new(tuple_item),
        concat: Slot::new(crate::abstract_ops::builtin_concat),
        repeat: Slot::new(crate::abstract_ops::builtin_repeat),
        contains: Slot::new(crate::abstract_ops::builtin_contains),
        ..SequenceSlots::EMPTY
    })
    .with_mapping(MappingSlots {
        length: Slot::new(tuple_length),
        subscript: Slot::new(tuple_subscript),
        ..MappingSlots::EMPTY
    }),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::int;
    use crate::pystate::with_gil;
    use crate::str::repr_string;

    /// Expected values: CPython 3.14 reprs and errors; 64-bit CPython hashes.
    #[test]
    fn tuple_slots_match_cpython() {
        with_gil(|ts| {
            assert!(new(ts, Vec::new()).as_object().is(&empty()));
            assert_eq!(repr_string(ts, &empty()), "()");
            let single = new(ts, vec![int::new(ts, 1)]).into_ref();
            assert_eq!(repr_string(ts, &single), "(1,)");
            assert_eq!(empty().hash(ts).unwrap(), 5740354900026072187);
            let pair = new(ts, vec![int::new(ts, 1), int::new(ts, 2)]).into_ref();
            assert_eq!(pair.hash(ts).unwrap(), -3550055125485641917);
            let inner = new(ts, vec![int::new(ts, 2), int::new(ts, 3)]).into_ref();
            let nested = new(ts, vec![int::new(ts, 1), inner]).into_ref();
            assert_eq!(nested.hash(ts).unwrap(), 7267574591690527098);
            let minus_one = new(ts, vec![int::new(ts, -1)]).into_ref();
            assert_eq!(minus_one.hash(ts).unwrap(), 8078679518589016365);
            let other = new(ts, vec![int::new(ts, 1), int::new(ts, 3)]).into_ref();
            assert!(pair.rich_compare_bool(ts, &other, CompareOp::Lt).unwrap());
            assert!(single.rich_compare_bool(ts, &pair, CompareOp::Lt).unwrap());
            let text = crate::str::new(ts, "a").into_ref();
            let mixed = new(ts, vec![int::new(ts, 1), text]).into_ref();
            let err = mixed.rich_compare(ts, &pair, CompareOp::Lt).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: '<' not supported between instances of 'str' and 'int'"
            );
            assert!(!mixed.rich_compare_bool(ts, &pair, CompareOp::Eq).unwrap());
            let err = crate::abstract_api::get_item(ts, &single, &mixed).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: tuple indices must be integers or slices, not tuple"
            );
            let err = crate::abstract_api::get_item(ts, &single, &int::new(ts, 1)).unwrap_err();
            assert_eq!(err.display_lazy(), "IndexError: tuple index out of range");
            let last = crate::abstract_api::get_item(ts, &pair, &int::new(ts, -1)).unwrap();
            assert_eq!(int::as_i64(&last), Some(2));
            assert_eq!(crate::gc::get_referents(ts, &pair).len(), 2);
        });
    }
}
