//! Iteration: `iter()`/`next()` on any object, the iterators of the built-in sequences
//! and dicts, dict views, and `enumerate`, `zip`, `map`, `filter`, `reversed`.
//!
//! CPython counterpart: `Objects/iterobject.c` (`PySeqIter_New`), `Objects/abstract.c`
//! (`PyObject_GetIter`, `PyIter_Next`), `Objects/listobject.c`/`tupleobject.c`
//! (their iterators), `Objects/dictobject.c` (dict iterators and views),
//! `Objects/enumobject.c` (`enumerate`, `reversed`) and `Python/bltinmodule.c` (`zip`,
//! `map`, `filter`).

use std::cell::{Cell, RefCell};

use crate::dict::Dict;
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::list::List;
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{SequenceSlots, Slot, SlotTable};
use crate::str::Str;
use crate::tuple::Tuple;
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

/// Whether `iter(object)` would find an iteration protocol (CPython's check
/// `tp_iter != NULL || PySequence_Check(obj)`), without calling it.
pub fn is_iterable(object: &PyObject) -> bool {
    let ty = object.ob_type();
    ty.slots.iter.get().is_some() || is_builtin_sequence(object)
}

fn is_builtin_sequence(object: &PyObject) -> bool {
    let ty = object.ob_type();
    object.payload_is::<Dict>()
        || object.payload_is::<List>()
        || object.payload_is::<Tuple>()
        || object.payload_is::<Str>()
        || ty.sequence.item.get().is_some()
        || ty.mapping.subscript.get().is_some()
}

/// `iter(object)` (CPython's `PyObject_GetIter`).
pub fn get_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let ty = object.ob_type();
    if let Some(iter) = ty.slots.iter.get() {
        let iterator = iter(ts, object)?;
        if iterator.ob_type().slots.iternext.get().is_none() {
            return Err(PyErr::type_error(format!(
                "iter() returned non-iterator of type '{}'",
                iterator.ob_type().name()
            )));
        }
        return Ok(iterator);
    }
    builtin_iter(ts, object)
}

/// `tp_iter` of `dict`, `list`, `tuple` and `str` (their iterator types), and the
/// iteration of objects without the slot.
pub(crate) fn builtin_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let ty = object.ob_type();
    if object.payload_is::<Dict>() {
        return Ok(new_dict_iterator(ts, object, DictIterKind::Keys));
    }
    if is_builtin_sequence(object) {
        let name = if object.payload_is::<List>() {
            SeqKind::List
        } else if object.payload_is::<Tuple>() {
            SeqKind::Tuple
        } else if object.payload_is::<Str>() {
            SeqKind::Str
        } else {
            SeqKind::Generic
        };
        // Exact built-in sequences get their own iterator type names, as in CPython.
        let ty: &PyType = match name {
            SeqKind::List if object.is_exact_type(&crate::list::LIST_TYPE) => &LIST_ITERATOR_TYPE,
            SeqKind::Tuple if object.is_exact_type(&crate::tuple::TUPLE_TYPE) => {
                &TUPLE_ITERATOR_TYPE
            }
            SeqKind::Str if object.is_exact_type(&crate::str::STR_TYPE) => {
                if crate::str::as_str_payload(object).is_some_and(Str::is_ascii) {
                    &STR_ASCII_ITERATOR_TYPE
                } else {
                    &STR_ITERATOR_TYPE
                }
            }
            _ => &SEQ_ITERATOR_TYPE,
        };
        let iterator = SeqIterator {
            seq: RefCell::new(Some(object.new_ref())),
            index: Cell::new(0),
            kind: name,
        };
        return Py::new_with_type(ts, ty, iterator)
            .map(Py::into_ref)
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "cannot make an iterator"));
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not iterable",
        ty.name()
    )))
}

thread_local! {
    /// Whether swallowed `StopIteration`s are kept for the trace function (on while
    /// `sys.settrace` is).
    static RECORD_STOP_ITERATION: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static SWALLOWED_STOP_ITERATION: std::cell::RefCell<Option<PyRef>> =
        const { std::cell::RefCell::new(None) };
}

/// Keeps (or stops keeping) the `StopIteration`s iterators raise and their callers
/// treat as exhaustion: CPython reports them to trace functions as 'exception' events
/// in the frame whose `for` loop or `yield from` ended.
pub fn set_stop_iteration_recording(on: bool) {
    RECORD_STOP_ITERATION.with(|record| record.set(on));
    if !on {
        let old = SWALLOWED_STOP_ITERATION.with(|slot| slot.borrow_mut().take());
        drop(old);
    }
}

/// An iterator's `StopIteration` (made by `make`) was taken as exhaustion.
pub fn record_stop_iteration(make: impl FnOnce() -> PyRef) {
    if RECORD_STOP_ITERATION.with(std::cell::Cell::get) {
        let exc = make();
        let old = SWALLOWED_STOP_ITERATION.with(|slot| slot.borrow_mut().replace(exc));
        drop(old);
    }
}

/// The last recorded `StopIteration`, if any (taken).
pub fn take_stop_iteration() -> Option<PyRef> {
    SWALLOWED_STOP_ITERATION.with(|slot| slot.borrow_mut().take())
}

/// `next(iterator)` without the `StopIteration`: `Ok(None)` when exhausted.
pub fn next(ts: &ThreadState, iterator: &PyObject) -> PyResult<Option<PyRef>> {
    match iterator.ob_type().slots.iternext.get() {
        Some(iternext) => iternext(ts, iterator),
        None => Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            iterator.ob_type().name()
        ))),
    }
}

/// The items of any iterable (`list(iterable)`'s work).
pub fn collect(ts: &ThreadState, iterable: &PyObject) -> PyResult<Vec<PyRef>> {
    if let Some(list) = iterable.downcast_ref::<List>()
        && iterable.is_exact_type(&crate::list::LIST_TYPE)
    {
        return Ok(list.to_vec());
    }
    if let Some(tuple) = iterable.downcast_ref::<Tuple>() {
        return Ok(tuple.items().to_vec());
    }
    // A range knows its length: reserve it first, so that a huge one is a MemoryError
    // before any item is made (CPython preallocates from the length hint).
    let mut items = match iterable.downcast_ref::<crate::range::Range>() {
        Some(range) => crate::pymem::vec_with_capacity(range.len()?)?,
        None => Vec::new(),
    };
    let iterator = get_iter(ts, iterable)?;
    while let Some(item) = next(ts, &iterator)? {
        items.push(item);
    }
    Ok(items)
}

#[derive(Clone, Copy)]
enum SeqKind {
    List,
    Tuple,
    Str,
    Generic,
}

/// Iterates a sequence by index (`list_iterator`, `tuple_iterator`, `str_iterator`,
/// and the old `__getitem__` protocol's `iterator`).
pub struct SeqIterator {
    seq: RefCell<Option<PyRef>>,
    index: Cell<usize>,
    kind: SeqKind,
}

impl PyPayload for SeqIterator {
    fn static_type() -> &'static PyType {
        &SEQ_ITERATOR_TYPE
    }
}

fn seq_iterator_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<SeqIterator>()
        .ok_or_else(|| PyErr::type_error("expected an iterator"))?;
    let index = iterator.index.get();
    let item = match iterator.kind {
        // Lists and tuples give their item without running Python code: the sequence is
        // read through the borrow, with no new reference to it.
        SeqKind::List | SeqKind::Tuple => {
            let seq = iterator.seq.borrow();
            let Some(seq) = seq.as_ref() else {
                return Ok(None);
            };
            match iterator.kind {
                SeqKind::List => seq.downcast_ref::<List>().and_then(|list| list.get(index)),
                _ => crate::tuple::items(seq).get(index).cloned(),
            }
        }
        SeqKind::Str | SeqKind::Generic => {
            let Some(seq) = iterator.seq.borrow().clone() else {
                return Ok(None);
            };
            let key = crate::int::new(ts, index as i64);
            match crate::abstract_api::get_item(ts, &seq, &key) {
                Ok(item) => Some(item),
                Err(err)
                    if err.matches(ExceptionKind::IndexError)
                        || err.matches(ExceptionKind::StopIteration) =>
                {
                    None
                }
                Err(err) => return Err(err),
            }
        }
    };
    match item {
        Some(item) => {
            iterator.index.set(index + 1);
            Ok(Some(item))
        }
        None => {
            let old = iterator.seq.borrow_mut().take();
            drop(old);
            Ok(None)
        }
    }
}

fn seq_iterator_of(object: &PyObject) -> PyResult<&SeqIterator> {
    object
        .downcast_ref::<SeqIterator>()
        .map(|iterator| iterator.payload())
        .ok_or_else(|| PyErr::type_error("expected an iterator"))
}

/// `__length_hint__` of `list_iterator`, `tuple_iterator`, `str_iterator` and
/// `iterator`: the items left, 0 once exhausted; `NotImplemented` for a sequence
/// without a length.
fn seq_iterator_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__length_hint__", args, kwnames, 0, 0)?;
    let iterator = seq_iterator_of(this)?;
    let seq = iterator.seq.borrow().clone();
    let Some(seq) = seq else {
        return Ok(crate::int::new(ts, 0));
    };
    let length = match crate::abstract_api::len(ts, &seq) {
        Ok(length) => length,
        Err(err)
            if matches!(iterator.kind, SeqKind::Generic)
                && err.matches(ExceptionKind::TypeError) =>
        {
            return Ok(crate::singletons::not_implemented());
        }
        Err(err) => return Err(err),
    };
    Ok(crate::int::new(
        ts,
        length.saturating_sub(iterator.index.get()) as i64,
    ))
}

/// `(iter, (sequence,), index)`, or `(iter, (empty,))` once exhausted.
fn seq_iterator_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__reduce__", args, kwnames, 0, 0)?;
    let iterator = seq_iterator_of(this)?;
    let builtin_iter = crate::module::builtin(ts, "iter")?;
    let seq = iterator.seq.borrow().clone();
    Ok(match seq {
        Some(seq) => crate::tuple::new(
            ts,
            vec![
                builtin_iter,
                crate::tuple::new(ts, vec![seq]).into_ref(),
                crate::int::new(ts, iterator.index.get() as i64),
            ],
        ),
        None => {
            let empty = match iterator.kind {
                SeqKind::List => crate::list::new(ts, Vec::new()).into_ref(),
                SeqKind::Str => crate::str::new(ts, "").into_ref(),
                SeqKind::Tuple | SeqKind::Generic => crate::tuple::new(ts, Vec::new()).into_ref(),
            };
            crate::tuple::new(
                ts,
                vec![builtin_iter, crate::tuple::new(ts, vec![empty]).into_ref()],
            )
        }
    }
    .into_ref())
}

/// `__setstate__(index)`: clamped to the sequence (only from below for `iterator`).
fn seq_iterator_setstate(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__setstate__", args, kwnames, 1, 1)?;
    let iterator = seq_iterator_of(this)?;
    let state = crate::abstract_api::index(ts, &args[0])?;
    let index = crate::int::as_i64(&state).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })?;
    let seq = iterator.seq.borrow().clone();
    if let Some(seq) = seq {
        // A list iterator set below zero is exhausted (3.14 marks that with -1); the
        // others start again from the beginning.
        if index < 0 && matches!(iterator.kind, SeqKind::List) {
            let old = iterator.seq.borrow_mut().take();
            drop(old);
            return Ok(crate::singletons::none());
        }
        let mut index = index.max(0) as usize;
        if !matches!(iterator.kind, SeqKind::Generic) {
            index = index.min(crate::abstract_api::len(ts, &seq)?);
        }
        iterator.index.set(index);
    }
    Ok(crate::singletons::none())
}

/// Installs the sequence iterators' methods.
pub(crate) fn add_seq_iterator_methods(ts: &ThreadState) {
    for ty in [
        &SEQ_ITERATOR_TYPE,
        &LIST_ITERATOR_TYPE,
        &TUPLE_ITERATOR_TYPE,
        &STR_ASCII_ITERATOR_TYPE,
        &STR_ITERATOR_TYPE,
    ] {
        crate::descr::add_methods(
            ts,
            ty,
            &[
                ("__length_hint__", seq_iterator_length_hint),
                ("__reduce__", seq_iterator_reduce),
                ("__setstate__", seq_iterator_setstate),
            ],
        );
    }
}

const fn seq_iterator_type(name: &'static str) -> TypeObject {
    TypeObject::builtin::<SeqIterator>(name, flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            traverse: Slot::new(seq_iterator_traverse),
            iter: Slot::new(self_iter),
            iternext: Slot::new(seq_iterator_next),
            ..crate::typeobject::object_slots()
        },
    )
}

pub static SEQ_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, seq_iterator_type("iterator"));
pub static LIST_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, seq_iterator_type("list_iterator"));
pub static TUPLE_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, seq_iterator_type("tuple_iterator"));
pub static STR_ASCII_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, seq_iterator_type("str_ascii_iterator"));
pub static STR_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, seq_iterator_type("str_iterator"));

/// `iter(callable, sentinel)`: calls `callable` until it returns `sentinel` (or raises
/// `StopIteration`), then lets both go (CPython's `calliterobject`).
pub struct CallIterator {
    state: RefCell<Option<(PyRef, PyRef)>>,
}

impl PyPayload for CallIterator {
    fn static_type() -> &'static PyType {
        &CALL_ITERATOR_TYPE
    }
}

/// A `callable_iterator`.
pub fn new_call_iterator(ts: &ThreadState, callable: PyRef, sentinel: PyRef) -> PyRef {
    Py::new(
        ts,
        CallIterator {
            state: RefCell::new(Some((callable, sentinel))),
        },
    )
    .into_ref()
}

fn call_iterator_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<CallIterator>()
        .ok_or_else(|| PyErr::type_error("expected a callable_iterator"))?;
    let Some((callable, sentinel)) = iterator.state.borrow().clone() else {
        return Ok(None);
    };
    let exhausted = match crate::abstract_api::call(ts, &callable, &[], None) {
        Ok(value) => {
            if !value.rich_compare_bool(ts, &sentinel, crate::slots::CompareOp::Eq)? {
                return Ok(Some(value));
            }
            true
        }
        Err(err) if err.matches(ExceptionKind::StopIteration) => true,
        Err(err) => return Err(err),
    };
    if exhausted {
        let old = iterator.state.borrow_mut().take();
        drop(old);
    }
    Ok(None)
}

fn call_iterator_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iterator) = object.downcast_ref::<CallIterator>()
        && let Ok(state) = iterator.state.try_borrow()
        && let Some((callable, sentinel)) = state.as_ref()
    {
        visit(callable);
        visit(sentinel);
    }
}

fn call_iterator_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(iterator) = object.downcast_ref::<CallIterator>() {
        let old = iterator.state.borrow_mut().take();
        drop(old);
    }
}

pub static CALL_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<CallIterator>("callable_iterator", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            traverse: Slot::new(call_iterator_traverse),
            clear: Slot::new(call_iterator_clear),
            iter: Slot::new(self_iter),
            iternext: Slot::new(call_iterator_next),
            ..crate::typeobject::object_slots()
        }),
);

/// What a dict iterator or view yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// Iterates a dict's entries array by position, as CPython does: values changed during
/// the iteration are seen, a change of size is a `RuntimeError`.
pub struct DictIterator {
    /// `None` once exhausted.
    dict: RefCell<Option<PyRef>>,
    /// The next position in the entries array (counting down when `reversed`).
    position: Cell<isize>,
    /// The dict's length when iteration began; `usize::MAX` after a size error, so
    /// that every later call fails too (CPython's sticky `di_used = -1`).
    used: Cell<usize>,
    /// Entries still expected.
    remaining: Cell<usize>,
    kind: DictIterKind,
    reversed: bool,
}

impl PyPayload for DictIterator {
    fn static_type() -> &'static PyType {
        &DICT_ITERATOR_TYPE
    }
}

pub fn new_dict_iterator(ts: &ThreadState, dict: &PyObject, kind: DictIterKind) -> PyRef {
    new_dict_iterator_ordered(ts, dict, kind, false)
}

/// A dict iterator, from the last entry backwards when `reversed` (`reversed(d)`).
pub fn new_dict_iterator_ordered(
    ts: &ThreadState,
    dict: &PyObject,
    kind: DictIterKind,
    reversed: bool,
) -> PyRef {
    let (used, slots) = dict
        .downcast_ref::<Dict>()
        .map_or((0, 0), |dict| (dict.len(), dict.entry_slots()));
    let ty: &PyType = match (kind, reversed) {
        (DictIterKind::Keys, false) => &DICT_ITERATOR_TYPE,
        (DictIterKind::Values, false) => &DICT_VALUE_ITERATOR_TYPE,
        (DictIterKind::Items, false) => &DICT_ITEM_ITERATOR_TYPE,
        (DictIterKind::Keys, true) => &DICT_REVERSE_KEY_ITERATOR_TYPE,
        (DictIterKind::Values, true) => &DICT_REVERSE_VALUE_ITERATOR_TYPE,
        (DictIterKind::Items, true) => &DICT_REVERSE_ITEM_ITERATOR_TYPE,
    };
    let iterator = DictIterator {
        dict: RefCell::new(Some(dict.new_ref())),
        position: Cell::new(if reversed { slots as isize - 1 } else { 0 }),
        used: Cell::new(used),
        remaining: Cell::new(used),
        kind,
        reversed,
    };
    match Py::new_with_type(ts, ty, iterator) {
        Some(iterator) => iterator.into_ref(),
        None => crate::singletons::none(),
    }
}

fn dict_iterator_of(object: &PyObject) -> PyResult<&DictIterator> {
    object
        .downcast_ref::<DictIterator>()
        .map(|iterator| iterator.payload())
        .ok_or_else(|| PyErr::type_error("expected a dict iterator"))
}

/// The next live `(key, value)`, or `None` at the end (the iterator lets go of the dict).
fn dict_iterator_step(iterator: &DictIterator) -> PyResult<Option<(PyRef, PyRef)>> {
    let dict_ref = iterator.dict.borrow().clone();
    let Some(dict_ref) = dict_ref else {
        return Ok(None);
    };
    let Some(dict) = dict_ref.downcast_ref::<Dict>() else {
        return Ok(None);
    };
    if dict.len() != iterator.used.get() {
        iterator.used.set(usize::MAX);
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "dictionary changed size during iteration",
        ));
    }
    let mut position = iterator.position.get();
    let found = loop {
        if position < 0 {
            break None;
        }
        match dict.entry_at(position as usize) {
            None => break None,
            Some(None) => position += if iterator.reversed { -1 } else { 1 },
            Some(Some(entry)) => break Some(entry),
        }
    };
    let Some(entry) = found else {
        let finished = iterator.dict.borrow_mut().take();
        drop(finished);
        return Ok(None);
    };
    if iterator.remaining.get() == 0 {
        let finished = iterator.dict.borrow_mut().take();
        drop(finished);
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "dictionary keys changed during iteration",
        ));
    }
    iterator
        .position
        .set(position + if iterator.reversed { -1 } else { 1 });
    iterator.remaining.set(iterator.remaining.get() - 1);
    Ok(Some(entry))
}

fn dict_iterator_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = dict_iterator_of(object)?;
    let Some((key, value)) = dict_iterator_step(iterator)? else {
        return Ok(None);
    };
    Ok(Some(match iterator.kind {
        DictIterKind::Keys => key,
        DictIterKind::Values => value,
        DictIterKind::Items => crate::tuple::new(ts, vec![key, value]).into_ref(),
    }))
}

/// `__length_hint__`: the entries left while the dict keeps its size, else 0.
fn dict_iterator_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__length_hint__", args, kwnames, 0, 0)?;
    let iterator = dict_iterator_of(this)?;
    let unchanged = iterator.dict.borrow().as_ref().is_some_and(|dict| {
        dict.downcast_ref::<Dict>()
            .is_some_and(|dict| dict.len() == iterator.used.get())
    });
    let left = if unchanged {
        iterator.remaining.get()
    } else {
        0
    };
    Ok(crate::int::new(ts, left as i64))
}

/// `(iter, (list_of_what_is_left,))`, from a copy of the iterator.
fn dict_iterator_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__reduce__", args, kwnames, 0, 0)?;
    let iterator = dict_iterator_of(this)?;
    let copy = DictIterator {
        dict: RefCell::new(iterator.dict.borrow().clone()),
        position: Cell::new(iterator.position.get()),
        used: Cell::new(iterator.used.get()),
        remaining: Cell::new(iterator.remaining.get()),
        kind: iterator.kind,
        reversed: iterator.reversed,
    };
    let mut left = Vec::new();
    while let Some((key, value)) = dict_iterator_step(&copy)? {
        left.push(match copy.kind {
            DictIterKind::Keys => key,
            DictIterKind::Values => value,
            DictIterKind::Items => crate::tuple::new(ts, vec![key, value]).into_ref(),
        });
    }
    let list = crate::list::new(ts, left).into_ref();
    Ok(crate::tuple::new(
        ts,
        vec![
            crate::module::builtin(ts, "iter")?,
            crate::tuple::new(ts, vec![list]).into_ref(),
        ],
    )
    .into_ref())
}

/// Installs the dict iterators' methods.
pub(crate) fn add_dict_iterator_methods(ts: &ThreadState) {
    for ty in [
        &DICT_ITERATOR_TYPE,
        &DICT_VALUE_ITERATOR_TYPE,
        &DICT_ITEM_ITERATOR_TYPE,
        &DICT_REVERSE_KEY_ITERATOR_TYPE,
        &DICT_REVERSE_VALUE_ITERATOR_TYPE,
        &DICT_REVERSE_ITEM_ITERATOR_TYPE,
    ] {
        crate::descr::add_methods(
            ts,
            ty,
            &[
                ("__length_hint__", dict_iterator_length_hint),
                ("__reduce__", dict_iterator_reduce),
            ],
        );
    }
}

const fn dict_iterator_type(name: &'static str) -> TypeObject {
    TypeObject::builtin::<DictIterator>(name, flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            traverse: Slot::new(dict_iterator_traverse),
            iter: Slot::new(self_iter),
            iternext: Slot::new(dict_iterator_next),
            ..crate::typeobject::object_slots()
        },
    )
}

pub static DICT_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, dict_iterator_type("dict_keyiterator"));
pub static DICT_VALUE_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, dict_iterator_type("dict_valueiterator"));
pub static DICT_ITEM_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, dict_iterator_type("dict_itemiterator"));
pub static DICT_REVERSE_KEY_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, dict_iterator_type("dict_reversekeyiterator"));
pub static DICT_REVERSE_VALUE_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, dict_iterator_type("dict_reversevalueiterator"));
pub static DICT_REVERSE_ITEM_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, dict_iterator_type("dict_reverseitemiterator"));

/// `dict_keys`, `dict_values`, `dict_items`: live views of a dict.
pub struct DictView {
    pub dict: PyRef,
    pub kind: DictIterKind,
}

impl PyPayload for DictView {
    fn static_type() -> &'static PyType {
        &DICT_KEYS_TYPE
    }
}

pub fn new_dict_view(ts: &ThreadState, dict: &PyObject, kind: DictIterKind) -> PyRef {
    let ty: &PyType = match kind {
        DictIterKind::Keys => &DICT_KEYS_TYPE,
        DictIterKind::Values => &DICT_VALUES_TYPE,
        DictIterKind::Items => &DICT_ITEMS_TYPE,
    };
    let view = DictView {
        dict: dict.new_ref(),
        kind,
    };
    match Py::new_with_type(ts, ty, view) {
        Some(view) => view.into_ref(),
        None => crate::singletons::none(),
    }
}

fn view_payload(object: &PyObject) -> PyResult<&DictView> {
    object
        .downcast_ref::<DictView>()
        .map(|view| view.payload())
        .ok_or_else(|| PyErr::type_error("expected a dict view"))
}

fn view_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let view = view_payload(object)?;
    Ok(new_dict_iterator(ts, &view.dict, view.kind))
}

fn view_len(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(view_payload(object)?
        .dict
        .downcast_ref::<Dict>()
        .map_or(0, |d| d.len()))
}

fn view_contains(ts: &ThreadState, object: &PyObject, item: &PyObject) -> PyResult<bool> {
    let view = view_payload(object)?;
    let Some(dict) = view.dict.downcast_ref::<Dict>() else {
        return Ok(false);
    };
    match view.kind {
        DictIterKind::Keys => Ok(dict.get_item(ts, item)?.is_some()),
        DictIterKind::Values => {
            for (_, value) in dict.items() {
                if value.rich_compare_bool(ts, item, crate::slots::CompareOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        DictIterKind::Items => {
            let [key, value] = crate::tuple::items(item) else {
                return Ok(false);
            };
            match dict.get_item(ts, key)? {
                Some(found) => found.rich_compare_bool(ts, value, crate::slots::CompareOp::Eq),
                None => Ok(false),
            }
        }
    }
}

fn view_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let view = view_payload(object)?;
    let iterator = new_dict_iterator(ts, &view.dict, view.kind);
    let items = collect(ts, &iterator)?;
    let list = crate::list::new(ts, items);
    let text = format!(
        "{}({})",
        object.ob_type().name(),
        crate::str::repr_text(ts, list.as_object())?
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

const fn view_type(name: &'static str) -> TypeObject {
    TypeObject::builtin::<DictView>(name, flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            traverse: Slot::new(dict_view_traverse),
            iter: Slot::new(view_iter),
            repr: Slot::new(view_repr),
            richcompare: Slot::new(crate::dict_views::view_richcompare),
            ..crate::typeobject::object_slots()
        })
        .with_sequence(SequenceSlots {
            length: Slot::new(view_len),
            contains: Slot::new(view_contains),
            ..SequenceSlots::EMPTY
        })
        .with_number(crate::dict_views::view_number_slots())
}

pub static DICT_KEYS_TYPE: StaticType = StaticObject::new(&TYPE_TYPE, view_type("dict_keys"));
pub static DICT_VALUES_TYPE: StaticType = StaticObject::new(&TYPE_TYPE, view_type("dict_values"));
pub static DICT_ITEMS_TYPE: StaticType = StaticObject::new(&TYPE_TYPE, view_type("dict_items"));

fn positional<'a>(args: &'a [PyRef], kwnames: Option<&PyObject>) -> &'a [PyRef] {
    let keywords = kwnames.map_or(0, |names| crate::tuple::items(names).len());
    &args[..args.len() - keywords]
}

/// `enumerate(iterable, start=0)`.
pub struct Enumerate {
    iterator: PyRef,
    count: Cell<i64>,
    /// The count once it no longer fits in an `i64` (CPython's `en_longindex`).
    big_count: std::cell::RefCell<Option<num_bigint::BigInt>>,
}

impl PyPayload for Enumerate {
    fn static_type() -> &'static PyType {
        &ENUMERATE_TYPE
    }
}

fn enumerate_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let keywords = kwnames.map_or(&[][..], crate::tuple::items);
    let positional = positional(args, kwnames);
    let mut start = positional.get(1).cloned();
    for (name, value) in keywords.iter().zip(&args[positional.len()..]) {
        if crate::str::to_rust_string(name) == "start" {
            start = Some(value.clone());
        }
    }
    let Some(iterable) = positional.first() else {
        return Err(PyErr::type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    };
    let (start, big_start) = match start {
        Some(start) => {
            let start = crate::abstract_api::index(ts, &start)?;
            match crate::int::as_i64(&start) {
                Some(small) => (small, None),
                None => (
                    0,
                    start
                        .downcast_ref::<crate::int::Int>()
                        .map(|int| int.to_bigint()),
                ),
            }
        }
        None => (0, None),
    };
    Ok(Py::new(
        ts,
        Enumerate {
            iterator: get_iter(ts, iterable)?,
            count: Cell::new(start),
            big_count: std::cell::RefCell::new(big_start),
        },
    )
    .into_ref())
}

fn enumerate_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let enumerate = object
        .downcast_ref::<Enumerate>()
        .ok_or_else(|| PyErr::type_error("expected enumerate"))?;
    let Some(item) = next(ts, &enumerate.iterator)? else {
        return Ok(None);
    };
    let index = {
        let mut big = enumerate.big_count.borrow_mut();
        match big.as_mut() {
            Some(count) => {
                let value = count.clone();
                *count += 1;
                crate::int::from_bigint(ts, value)
            }
            None => {
                let count = enumerate.count.get();
                match count.checked_add(1) {
                    Some(next) => enumerate.count.set(next),
                    None => *big = Some(num_bigint::BigInt::from(count) + 1),
                }
                crate::int::new(ts, count)
            }
        }
    };
    Ok(Some(crate::tuple::new(ts, vec![index, item]).into_ref()))
}

pub static ENUMERATE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Enumerate>(
        "enumerate",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(enumerate_traverse),
        iter: Slot::new(self_iter),
        iternext: Slot::new(enumerate_next),
        new: Slot::new(enumerate_new),
        ..crate::typeobject::object_slots()
    }),
);

/// `zip(*iterables, strict=False)`.
pub struct Zip {
    iterators: Vec<PyRef>,
    strict: bool,
}

impl PyPayload for Zip {
    fn static_type() -> &'static PyType {
        &ZIP_TYPE
    }
}

fn zip_new(ts: &ThreadState, _ty: &PyType, args: &[PyRef], kwnames: Option<&PyObject>) -> PyResult {
    let keywords = kwnames.map_or(&[][..], crate::tuple::items);
    let positional = positional(args, kwnames);
    let mut strict = false;
    for (name, value) in keywords.iter().zip(&args[positional.len()..]) {
        let name = crate::str::to_rust_string(name);
        if name != "strict" {
            return Err(PyErr::type_error(format!(
                "zip() got an unexpected keyword argument '{name}'"
            )));
        }
        strict = value.is_true(ts)?;
    }
    let iterators = positional
        .iter()
        .map(|iterable| get_iter(ts, iterable))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Py::new(ts, Zip { iterators, strict }).into_ref())
}

fn zip_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let zip = object
        .downcast_ref::<Zip>()
        .ok_or_else(|| PyErr::type_error("expected zip"))?;
    if zip.iterators.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(zip.iterators.len());
    for (position, iterator) in zip.iterators.iter().enumerate() {
        match next(ts, iterator)? {
            Some(item) => items.push(item),
            None => {
                if zip.strict {
                    check_equal_lengths(ts, "zip", &zip.iterators, position)?;
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(crate::tuple::new(ts, items).into_ref()))
}

/// After iterator `position` ran out, `strict=True` requires the earlier ones to have been
/// the last items and the later ones to be exhausted too (CPython's `zip_next` and
/// `map_next` messages).
fn check_equal_lengths(
    ts: &ThreadState,
    function: &str,
    iterators: &[PyRef],
    position: usize,
) -> PyResult<()> {
    if position > 0 {
        let plural = if position == 1 { " " } else { "s 1-" };
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!(
                "{function}() argument {} is shorter than argument{plural}{}",
                position + 1,
                position
            ),
        ));
    }
    for (later, iterator) in iterators.iter().enumerate().skip(1) {
        if next(ts, iterator)?.is_some() {
            let plural = if later == 1 { " " } else { "s 1-" };
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "{function}() argument {} is longer than argument{plural}{}",
                    later + 1,
                    later
                ),
            ));
        }
    }
    Ok(())
}

pub static ZIP_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Zip>("zip", flags::BASETYPE | flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            traverse: Slot::new(zip_traverse),
            iter: Slot::new(self_iter),
            iternext: Slot::new(zip_next),
            new: Slot::new(zip_new),
            ..crate::typeobject::object_slots()
        }),
);

/// `map(function, *iterables)`.
pub struct Map {
    function: PyRef,
    iterators: Vec<PyRef>,
    strict: bool,
}

impl PyPayload for Map {
    fn static_type() -> &'static PyType {
        &MAP_TYPE
    }
}

fn map_new(ts: &ThreadState, _ty: &PyType, args: &[PyRef], kwnames: Option<&PyObject>) -> PyResult {
    let positional = positional(args, kwnames);
    let keywords = kwnames.map_or(&[][..], crate::tuple::items);
    let mut strict = false;
    for (name, value) in keywords.iter().zip(&args[positional.len()..]) {
        let name = crate::str::to_rust_string(name);
        if name != "strict" {
            return Err(PyErr::type_error(format!(
                "map() got an unexpected keyword argument '{name}'"
            )));
        }
        strict = value.is_true(ts)?;
    }
    if positional.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let iterators = positional[1..]
        .iter()
        .map(|iterable| get_iter(ts, iterable))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(Py::new(
        ts,
        Map {
            function: positional[0].clone(),
            iterators,
            strict,
        },
    )
    .into_ref())
}

fn map_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let map = object
        .downcast_ref::<Map>()
        .ok_or_else(|| PyErr::type_error("expected map"))?;
    let mut items = Vec::with_capacity(map.iterators.len());
    for (position, iterator) in map.iterators.iter().enumerate() {
        match next(ts, iterator)? {
            Some(item) => items.push(item),
            None => {
                if map.strict {
                    check_equal_lengths(ts, "map", &map.iterators, position)?;
                }
                return Ok(None);
            }
        }
    }
    crate::abstract_api::call(ts, &map.function, &items, None).map(Some)
}

pub static MAP_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Map>("map", flags::BASETYPE | flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            traverse: Slot::new(map_traverse),
            iter: Slot::new(self_iter),
            iternext: Slot::new(map_next),
            new: Slot::new(map_new),
            ..crate::typeobject::object_slots()
        }),
);

/// `filter(function or None, iterable)`.
pub struct Filter {
    function: PyRef,
    iterator: PyRef,
}

impl PyPayload for Filter {
    fn static_type() -> &'static PyType {
        &FILTER_TYPE
    }
}

fn filter_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let [function, iterable] = positional(args, kwnames) else {
        return Err(PyErr::type_error(format!(
            "filter expected 2 arguments, got {}",
            positional(args, kwnames).len()
        )));
    };
    Ok(Py::new(
        ts,
        Filter {
            function: function.clone(),
            iterator: get_iter(ts, iterable)?,
        },
    )
    .into_ref())
}

fn filter_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let filter = object
        .downcast_ref::<Filter>()
        .ok_or_else(|| PyErr::type_error("expected filter"))?;
    while let Some(item) = next(ts, &filter.iterator)? {
        let keep = if crate::singletons::is_none(&filter.function) {
            item.is_true(ts)?
        } else {
            crate::abstract_api::call(ts, &filter.function, std::slice::from_ref(&item), None)?
                .is_true(ts)?
        };
        if keep {
            return Ok(Some(item));
        }
    }
    Ok(None)
}

pub static FILTER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Filter>(
        "filter",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(filter_traverse),
        iter: Slot::new(self_iter),
        iternext: Slot::new(filter_next),
        new: Slot::new(filter_new),
        ..crate::typeobject::object_slots()
    }),
);

/// `reversed(sequence)` over a sequence without `__reversed__`: it indexes the sequence
/// from its end down, one `__getitem__` per step (CPython's `reversedobject`).
pub struct Reversed {
    /// `None` once exhausted.
    sequence: RefCell<Option<PyRef>>,
    /// The next index to fetch; -1 when done.
    index: Cell<isize>,
}

impl PyPayload for Reversed {
    fn static_type() -> &'static PyType {
        &REVERSED_TYPE
    }
}

/// CPython's `PySequence_Check`: indexable by integers, and not a dict.
pub fn is_sequence(object: &PyObject) -> bool {
    let ty = object.ob_type();
    (ty.sequence.item.get().is_some() || ty.mapping.subscript.get().is_some())
        && !object.payload_is::<Dict>()
}

/// `PySequence_GetItem(sequence, index)` for `index >= 0`.
fn sequence_item(ts: &ThreadState, sequence: &PyObject, index: isize) -> PyResult {
    match sequence.ob_type().sequence.item.get() {
        Some(item) => item(ts, sequence, index),
        None => crate::abstract_ops::get_item(ts, sequence, &crate::int::new(ts, index as i64)),
    }
}

fn reversed_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if std::ptr::eq(ty, &*REVERSED_TYPE) {
        crate::methods::no_keywords("reversed", kwnames)?;
    }
    let [sequence] = positional(args, kwnames) else {
        return Err(PyErr::type_error(format!(
            "reversed expected 1 argument, got {}",
            positional(args, kwnames).len()
        )));
    };
    let not_reversible = || {
        PyErr::type_error(format!(
            "'{}' object is not reversible",
            sequence.ob_type().name()
        ))
    };
    match crate::attrs::lookup_special(ts, sequence, "__reversed__")? {
        Some(method) if crate::singletons::is_none(&method) => return Err(not_reversible()),
        Some(method) => return crate::abstract_api::call(ts, &method, &[], None),
        None => {}
    }
    if !is_sequence(sequence) {
        return Err(not_reversible());
    }
    let length = crate::abstract_api::len(ts, sequence)?;
    let reversed = Reversed {
        sequence: RefCell::new(Some(sequence.clone())),
        index: Cell::new(length as isize - 1),
    };
    Py::new_with_type(ts, ty, reversed)
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("reversed type mismatch"))
}

fn reversed_of(object: &PyObject) -> PyResult<&Reversed> {
    object
        .downcast_ref::<Reversed>()
        .map(|reversed| reversed.payload())
        .ok_or_else(|| PyErr::type_error("expected reversed"))
}

fn reversed_next(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let reversed = reversed_of(object)?;
    let index = reversed.index.get();
    let sequence = reversed.sequence.borrow().clone();
    if let Some(sequence) = sequence
        && index >= 0
    {
        match sequence_item(ts, &sequence, index) {
            Ok(item) => {
                reversed.index.set(index - 1);
                return Ok(Some(item));
            }
            Err(err)
                if err.matches(ExceptionKind::IndexError)
                    || err.matches(ExceptionKind::StopIteration) => {}
            Err(err) => return Err(err),
        }
    }
    reversed.index.set(-1);
    let finished = reversed.sequence.borrow_mut().take();
    drop(finished);
    Ok(None)
}

/// `reversed.__length_hint__()`: the items left, 0 if the sequence shrank below them.
fn reversed_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__length_hint__", args, kwnames, 0, 0)?;
    let reversed = reversed_of(this)?;
    let sequence = reversed.sequence.borrow().clone();
    let Some(sequence) = sequence else {
        return Ok(crate::int::new(ts, 0));
    };
    let position = reversed.index.get() + 1;
    let length = crate::abstract_api::len(ts, &sequence)? as isize;
    Ok(crate::int::new(
        ts,
        if length < position { 0 } else { position } as i64,
    ))
}

fn reversed_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__reduce__", args, kwnames, 0, 0)?;
    let reversed = reversed_of(this)?;
    let ty = this.ob_type().as_object().new_ref();
    let sequence = reversed.sequence.borrow().clone();
    Ok(match sequence {
        Some(sequence) => crate::tuple::new(
            ts,
            vec![
                ty,
                crate::tuple::new(ts, vec![sequence]).into_ref(),
                crate::int::new(ts, reversed.index.get() as i64),
            ],
        ),
        None => {
            let empty = crate::tuple::new(ts, Vec::new()).into_ref();
            crate::tuple::new(ts, vec![ty, crate::tuple::new(ts, vec![empty]).into_ref()])
        }
    }
    .into_ref())
}

fn reversed_setstate(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::positional_only("__setstate__", args, kwnames, 1, 1)?;
    let reversed = reversed_of(this)?;
    let state = crate::abstract_api::index(ts, &args[0])?;
    let mut index = crate::int::as_i64(&state)
        .and_then(|value| isize::try_from(value).ok())
        .ok_or_else(|| {
            PyErr::new(
                ExceptionKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })?;
    let sequence = reversed.sequence.borrow().clone();
    if let Some(sequence) = sequence {
        let length = crate::abstract_api::len(ts, &sequence)? as isize;
        index = index.clamp(-1, length - 1);
        reversed.index.set(index);
    }
    Ok(crate::singletons::none())
}

/// Installs `reversed`'s methods.
pub(crate) fn add_reversed_methods(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &REVERSED_TYPE,
        &[
            ("__length_hint__", reversed_length_hint),
            ("__reduce__", reversed_reduce),
            ("__setstate__", reversed_setstate),
        ],
    );
}

pub static REVERSED_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Reversed>(
        "reversed",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(reversed_traverse),
        iter: Slot::new(self_iter),
        iternext: Slot::new(reversed_next),
        new: Slot::new(reversed_new),
        ..crate::typeobject::object_slots()
    }),
);

fn seq_iterator_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iterator) = object.downcast_ref::<SeqIterator>()
        && let Ok(seq) = iterator.seq.try_borrow()
        && let Some(seq) = seq.as_ref()
    {
        visit(seq);
    }
}

fn dict_iterator_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iterator) = object.downcast_ref::<DictIterator>()
        && let Ok(dict) = iterator.dict.try_borrow()
        && let Some(dict) = dict.as_ref()
    {
        visit(dict);
    }
}

fn dict_view_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(view) = object.downcast_ref::<DictView>() {
        visit(&view.dict);
    }
}

fn enumerate_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(enumerate) = object.downcast_ref::<Enumerate>() {
        visit(&enumerate.iterator);
    }
}

fn zip_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(zip) = object.downcast_ref::<Zip>() {
        for iterator in &zip.iterators {
            visit(iterator);
        }
    }
}

fn map_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(map) = object.downcast_ref::<Map>() {
        visit(&map.function);
        for iterator in &map.iterators {
            visit(iterator);
        }
    }
}

fn filter_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(filter) = object.downcast_ref::<Filter>() {
        visit(&filter.function);
        visit(&filter.iterator);
    }
}

fn reversed_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(reversed) = object.downcast_ref::<Reversed>()
        && let Ok(sequence) = reversed.sequence.try_borrow()
        && let Some(sequence) = sequence.as_ref()
    {
        visit(sequence);
    }
}
