//! `list`: mutable sequences.
//!
//! CPython counterpart: `Objects/listobject.c` (`list_repr`, `list_richcompare`,
//! `list_subscript`, `list_traverse`, `list_clear`). Items are behind a `RefCell` whose
//! borrows never span a call that can run Python code: items are cloned out first, and
//! replaced items are dropped after the borrow ends (a drop may run a finalizer that reads
//! the list).

use std::cell::RefCell;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{
    OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags, hash_not_implemented,
};

/// The payload of `list` objects.
pub struct List {
    items: RefCell<Vec<PyRef>>,
}

impl List {
    #[inline]
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    /// How many items fit before the storage grows (`allocated`).
    pub fn capacity(&self) -> usize {
        self.items.borrow().capacity()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    /// The item at `index`, if in range.
    #[inline]
    pub fn get(&self, index: usize) -> Option<PyRef> {
        self.items.borrow().get(index).cloned()
    }

    /// `list.append(item)`.
    #[inline]
    pub fn append(&self, _ts: &ThreadState, item: PyRef) {
        self.items.borrow_mut().push(item);
    }

    /// `list[index] = item`; `false` if out of range.
    #[inline]
    pub fn set(&self, _ts: &ThreadState, index: usize, item: PyRef) -> bool {
        let old = {
            let mut items = self.items.borrow_mut();
            match items.get_mut(index) {
                Some(slot) => std::mem::replace(slot, item),
                None => return false,
            }
        };
        drop(old);
        true
    }

    /// A snapshot of the items.
    pub fn to_vec(&self) -> Vec<PyRef> {
        self.items.borrow().clone()
    }

    /// Removes and returns the item at `index` (`list.pop(index)`); `None` if out of
    /// range.
    pub fn pop_at(&self, index: usize) -> Option<PyRef> {
        let mut items = self.items.borrow_mut();
        if index + 1 == items.len() {
            return items.pop();
        }
        (index < items.len()).then(|| items.remove(index))
    }

    /// Inserts `item` before `index` (at most the length: `list.insert`).
    pub fn insert_at(&self, index: usize, item: PyRef) {
        let mut items = self.items.borrow_mut();
        let index = index.min(items.len());
        items.insert(index, item);
    }

    /// Reverses the items in place (`list.reverse()`).
    pub fn reverse(&self) {
        self.items.borrow_mut().reverse();
    }

    /// `list.clear()`: the items are released after the list is already empty.
    pub fn clear(&self) {
        let items = std::mem::take(&mut *self.items.borrow_mut());
        drop(items);
    }

    /// The `count` items at `start`, `start + step`, ... (positions already adjusted to
    /// the length; `None` if one is out of range).
    pub fn select(&self, start: i64, step: i64, count: usize) -> Option<Vec<PyRef>> {
        let items = self.items.borrow();
        let mut selected = Vec::with_capacity(count);
        let mut position = start;
        for _ in 0..count {
            selected.push(items.get(usize::try_from(position).ok()?)?.clone());
            position += step;
        }
        Some(selected)
    }

    /// `list[start:stop] = new_items` for `start <= stop <= len`; the replaced items are
    /// released after the list holds the new ones.
    pub fn replace_range(&self, start: usize, stop: usize, new_items: Vec<PyRef>) -> bool {
        let removed: Vec<PyRef> = {
            let mut items = self.items.borrow_mut();
            if start > stop || stop > items.len() {
                return false;
            }
            items.splice(start..stop, new_items).collect()
        };
        drop(removed);
        true
    }
}

impl Drop for List {
    /// Items are released from the last one, as CPython's `list_dealloc` does (the order
    /// finalizers observe).
    fn drop(&mut self) {
        let items = self.items.get_mut();
        while let Some(item) = items.pop() {
            drop(item);
        }
    }
}

impl PyPayload for List {
    fn static_type() -> &'static PyType {
        &LIST_TYPE
    }
}

/// An empty instance of `ty`, `list` or a subclass (`list.__new__`).
pub fn new_with_type(ts: &ThreadState, ty: &PyType) -> Option<Py<List>> {
    Py::new_with_type(
        ts,
        ty,
        List {
            items: RefCell::new(Vec::new()),
        },
    )
}

pub fn new(ts: &ThreadState, items: Vec<PyRef>) -> Py<List> {
    Py::new(
        ts,
        List {
            items: RefCell::new(items),
        },
    )
}

fn list_payload<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a List> {
    object
        .downcast_ref::<List>()
        .map(|list| list.payload())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{method}' requires a 'list' object but received a '{}'",
                object.ob_type().name()
            ))
        })
}

fn list_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let list = list_payload(object, "__repr__")?;
    if list.is_empty() {
        return Ok(crate::str::from_static_text(ts, "[]"));
    }
    let Some(_guard) = ts.repr_enter(object) else {
        return Ok(crate::str::from_static_text(ts, "[...]"));
    };
    let mut text = String::from("[");
    let mut index = 0;
    // The list may change while its items' reprs run: re-read it at each step.
    while let Some(item) = list.get(index) {
        if index > 0 {
            text.push_str(", ");
        }
        text.push_str(&crate::str::repr_text(ts, &item)?);
        index += 1;
    }
    text.push(']');
    Ok(crate::str::new(ts, &text).into_ref())
}

fn list_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(left), Some(right)) = (a.downcast_ref::<List>(), b.downcast_ref::<List>()) else {
        return Ok(not_implemented());
    };
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && left.len() != right.len() {
        return Ok(crate::bool::bool_ref(op == CompareOp::Ne));
    }
    crate::tuple::compare_sequences(
        ts,
        |right_side, index| {
            if right_side {
                right.get(index)
            } else {
                left.get(index)
            }
        },
        op,
    )
}

fn list_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(list_payload(object, "__len__")?.len())
}

fn list_item(_ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let list = list_payload(object, "__getitem__")?;
    usize::try_from(index)
        .ok()
        .and_then(|index| list.get(index))
        .ok_or_else(|| PyErr::new(ExceptionKind::IndexError, "list index out of range"))
}

fn list_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let list = list_payload(object, "__getitem__")?;
    let Some(index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            key.ob_type().name()
        )));
    };
    let index = if index < 0 {
        index + list.len() as isize
    } else {
        index
    };
    list_item(ts, object, index)
}

fn list_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(list) = object.downcast_ref::<List>() {
        // CPython visits the items from the last one (as `gc.get_referents` shows).
        for item in list.items.borrow().iter().rev() {
            visit(item);
        }
    }
}

fn list_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(list) = object.downcast_ref::<List>() {
        list.clear();
    }
}

pub static LIST_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<List>(
        "list",
        flags::BASETYPE | flags::HAVE_GC | flags::LIST_SUBCLASS,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(list_repr),
        hash: Slot::new(hash_not_implemented),
        richcompare: Slot::new(list_richcompare),
        traverse: Slot::new(list_traverse),
        clear: Slot::new(list_clear),
        new: Slot::new(crate::methods::constructors::list_new),
        init: Slot::new(crate::methods::constructors::list_init),
        iter: Slot::new(crate::iterobject::builtin_iter),
        ..crate::typeobject::object_slots()
    })
    .with_sequence(SequenceSlots {
        length: Slot::new(list_length),
        item: Slot::new(list_item),
        concat: Slot::new(crate::abstract_ops::builtin_concat),
        repeat: Slot::new(crate::abstract_ops::builtin_repeat),
        contains: Slot::new(crate::abstract_ops::builtin_contains),
        inplace_concat: Slot::new(crate::abstract_ops::list_inplace_concat),
        inplace_repeat: Slot::new(crate::abstract_ops::list_inplace_repeat),
        ..SequenceSlots::EMPTY
    })
    .with_mapping(MappingSlots {
        length: Slot::new(list_length),
        subscript: Slot::new(list_subscript),
        ass_subscript: Slot::new(crate::abstract_ops::list_ass_subscript),
    }),
);

/// `reversed(list)`: walks the live list from its end (CPython's `listreviterobject`).
pub struct ListReverseIterator {
    list: RefCell<Option<PyRef>>,
    index: std::cell::Cell<isize>,
}

impl PyPayload for ListReverseIterator {
    fn static_type() -> &'static PyType {
        &LIST_REVERSE_ITERATOR_TYPE
    }
}

fn list_length_of(object: &PyObject) -> usize {
    object.downcast_ref::<List>().map_or(0, |list| list.len())
}

fn list_reversed(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::int_methods::check_no_args("list.__reversed__", args, kwnames)?;
    let length = list_length_of(this);
    Ok(Py::new(
        ts,
        ListReverseIterator {
            list: RefCell::new(Some(this.new_ref())),
            index: std::cell::Cell::new(length as isize - 1),
        },
    )
    .into_ref())
}

fn reverse_iterator_of(object: &PyObject) -> PyResult<&ListReverseIterator> {
    object
        .downcast_ref::<ListReverseIterator>()
        .map(|iterator| iterator.payload())
        .ok_or_else(|| PyErr::type_error("expected a list_reverseiterator"))
}

fn list_reverse_iterator_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = reverse_iterator_of(object)?;
    let Some(list) = iterator.list.borrow().clone() else {
        return Ok(None);
    };
    let index = iterator.index.get();
    if index >= 0
        && let Some(item) = list
            .downcast_ref::<List>()
            .and_then(|list| list.get(index as usize))
    {
        iterator.index.set(index - 1);
        return Ok(Some(item));
    }
    iterator.index.set(-1);
    *iterator.list.borrow_mut() = None;
    Ok(None)
}

fn list_reverse_iterator_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::int_methods::check_no_args("__length_hint__", args, kwnames)?;
    let iterator = reverse_iterator_of(this)?;
    let remaining = iterator.index.get() + 1;
    let live = iterator
        .list
        .borrow()
        .as_ref()
        .is_some_and(|list| list_length_of(list) as isize >= remaining);
    Ok(crate::int::new(ts, if live { remaining as i64 } else { 0 }))
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

pub static LIST_REVERSE_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ListReverseIterator>("list_reverseiterator", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(list_reverse_iterator_next),
            ..crate::typeobject::object_slots()
        }),
);

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(ts, &LIST_TYPE, &[("__reversed__", list_reversed)]);
    crate::descr::add_methods(
        ts,
        &LIST_REVERSE_ITERATOR_TYPE,
        &[("__length_hint__", list_reverse_iterator_length_hint)],
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::str::repr_string;
    use crate::{int, singletons, tuple};

    /// Expected values from CPython 3.14.
    #[test]
    fn list_slots_match_cpython() {
        with_gil(|ts| {
            let list = new(ts, vec![int::new(ts, 1)]);
            // l2 = [1]; l2.append(l2) -> [1, [...]]
            list.append(ts, list.as_object().new_ref());
            assert_eq!(repr_string(ts, list.as_object()), "[1, [...]]");
            list.clear();
            let err = list.as_object().hash(ts).unwrap_err();
            assert_eq!(err.display_lazy(), "TypeError: unhashable type: 'list'");
            let err =
                crate::abstract_api::get_item(ts, list.as_object(), &int::new(ts, 0)).unwrap_err();
            assert_eq!(err.display_lazy(), "IndexError: list index out of range");
            let key = crate::str::new(ts, "a").into_ref();
            let err = crate::abstract_api::get_item(ts, list.as_object(), &key).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: list indices must be integers or slices, not str"
            );
            let tuple_obj = tuple::new(ts, vec![int::new(ts, 1)]).into_ref();
            let err = list
                .as_object()
                .rich_compare(ts, &tuple_obj, CompareOp::Lt)
                .unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: '<' not supported between instances of 'list' and 'tuple'"
            );
            // [1, 2] == [1, 2.0]
            let a = new(ts, vec![int::new(ts, 1), int::new(ts, 2)]).into_ref();
            let b = new(ts, vec![int::new(ts, 1), crate::float::new(ts, 2.0)]).into_ref();
            assert!(a.rich_compare_bool(ts, &b, CompareOp::Eq).unwrap());
            assert_eq!(crate::abstract_api::len(ts, list.as_object()).unwrap(), 0);
            assert!(!list.as_object().is_true(ts).unwrap());
            assert!(a.is_true(ts).unwrap());
            let err = crate::abstract_api::len(ts, &int::new(ts, 5)).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: object of type 'int' has no len()"
            );
            let err =
                crate::abstract_api::get_item(ts, &int::new(ts, 5), &int::new(ts, 0)).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: 'int' object is not subscriptable"
            );
        });
    }

    /// [1, 'a', (2,), (), (3, [4.5, None]), {'k': [True, False]}, ..., NotImplemented]
    #[test]
    fn nested_container_repr_matches_cpython() {
        with_gil(|ts| {
            let inner_list = new(ts, vec![crate::float::new(ts, 4.5), singletons::none()]);
            let dict = crate::dict::new(ts);
            let bools = new(ts, vec![crate::bool::true_ref(), crate::bool::false_ref()]);
            dict.set_item(ts, crate::str::new(ts, "k").into_ref(), bools.into_ref())
                .unwrap();
            let items = vec![
                int::new(ts, 1),
                crate::str::new(ts, "a").into_ref(),
                tuple::new(ts, vec![int::new(ts, 2)]).into_ref(),
                tuple::empty(),
                tuple::new(ts, vec![int::new(ts, 3), inner_list.into_ref()]).into_ref(),
                dict.into_ref(),
                singletons::ellipsis(),
                singletons::not_implemented(),
            ];
            let list = new(ts, items).into_ref();
            assert_eq!(
                repr_string(ts, &list),
                "[1, 'a', (2,), (), (3, [4.5, None]), {'k': [True, False]}, Ellipsis, NotImplemented]"
            );
            // t = ([],); t[0].append(t) -> ([(...)],)
            let holder = new(ts, Vec::new());
            let cyclic = tuple::new(ts, vec![holder.as_object().new_ref()]).into_ref();
            holder.append(ts, cyclic.clone());
            assert_eq!(repr_string(ts, &cyclic), "([(...)],)");
            holder.clear(); // break the cycle (no collector yet)
        });
    }

    #[test]
    fn deep_nesting_gives_recursion_error_not_a_crash() {
        with_gil(|ts| {
            let mut value = new(ts, Vec::new()).into_ref();
            for _ in 0..100_000 {
                value = new(ts, vec![value]).into_ref();
            }
            ts.set_recursion_limit(200);
            let err = value.repr(ts).unwrap_err();
            ts.set_recursion_limit(crate::pystate::DEFAULT_RECURSION_LIMIT);
            assert_eq!(
                err.display_lazy(),
                "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
            );
            drop(value); // 100,000 nested lists freed through the trashcan
        });
    }
}
