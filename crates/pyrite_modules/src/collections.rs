//! The `_collections` module: `deque` (with its iterators) and `defaultdict`.
//!
//! CPython counterpart: `Modules/_collectionsmodule.c`. A deque is a `VecDeque` (CPython
//! links blocks of 64 items); the state counter that detects mutation during iteration
//! is CPython's `deque->state`. `defaultdict` is a `dict` whose instances carry one more
//! field, its `default_factory`, kept as the first `__slots__` value of the instance
//! extension. `OrderedDict`, `_count_elements` and `_tuplegetter` are left to
//! `collections`' pure-Python versions.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use pyrite_objects::dict::{DICT_TYPE, Dict};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{NumberSlots, SequenceSlots, Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    CompareOp, Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState,
};
use pyrite_objects::{abstract_api, int, iterobject, singletons, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

// ---------------------------------------------------------------------------- deque

/// `collections.deque`.
pub struct Deque {
    items: RefCell<VecDeque<PyRef>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change of length, so iterators notice mutation.
    state: Cell<u64>,
    weaklist: pyrite_objects::weakref::WeakrefList,
}

impl PyPayload for Deque {
    fn static_type() -> &'static PyType {
        &DEQUE_TYPE
    }
}

impl Deque {
    fn new() -> Deque {
        Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(None),
            state: Cell::new(0),
            weaklist: pyrite_objects::weakref::WeakrefList::new(),
        }
    }

    fn touch(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    /// Appends on the right, dropping from the left beyond `maxlen`.
    fn push_back(&self, item: PyRef) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen.get() == Some(0) {
                Some(item)
            } else {
                items.push_back(item);
                match self.maxlen.get() {
                    Some(maxlen) if items.len() > maxlen => items.pop_front(),
                    _ => None,
                }
            }
        };
        self.touch();
        drop(dropped);
    }

    fn push_front(&self, item: PyRef) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen.get() == Some(0) {
                Some(item)
            } else {
                items.push_front(item);
                match self.maxlen.get() {
                    Some(maxlen) if items.len() > maxlen => items.pop_back(),
                    _ => None,
                }
            }
        };
        self.touch();
        drop(dropped);
    }

    fn snapshot(&self) -> Vec<PyRef> {
        self.items.borrow().iter().cloned().collect()
    }

    fn clear(&self) {
        let items = std::mem::take(&mut *self.items.borrow_mut());
        self.touch();
        drop(items);
    }
}

fn deque_of(object: &PyObject) -> PyResult<&Deque> {
    object
        .downcast_ref::<Deque>()
        .map(|deque| deque.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'collections.deque' object"))
}

fn deque_new(ts: &ThreadState, ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Py::new_with_type(ts, ty, Deque::new())
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("deque type mismatch"))
}

fn parse_maxlen(ts: &ThreadState, value: Option<&PyRef>) -> PyResult<Option<usize>> {
    let Some(value) = value.filter(|value| !singletons::is_none(value)) else {
        return Ok(None);
    };
    let index = abstract_api::index(ts, value)?;
    let maxlen = int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })?;
    if maxlen < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "maxlen must be non-negative",
        ));
    }
    Ok(Some(maxlen as usize))
}

fn deque_init(
    ts: &ThreadState,
    object: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let values = bind("deque", args, kw, &["iterable", "maxlen"], 0, 0)?;
    let deque = deque_of(object)?;
    deque.maxlen.set(parse_maxlen(ts, values[1].as_ref())?);
    if deque.len() > 0 {
        deque.clear();
    }
    if let Some(iterable) = &values[0] {
        extend(ts, object, deque, iterable)?;
    }
    Ok(())
}

fn deque_init_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    deque_init(ts, this, args, kw)?;
    Ok(singletons::none())
}

fn extend(ts: &ThreadState, this: &PyObject, deque: &Deque, iterable: &PyObject) -> PyResult<()> {
    // `d.extend(d)` iterates over a copy.
    let items = if iterable.is(this) {
        deque.snapshot()
    } else {
        iterobject::collect(ts, iterable)?
    };
    for item in items {
        deque.push_back(item);
    }
    Ok(())
}

fn deque_append(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("append", args, kw, 1, 1)?;
    deque_of(this)?.push_back(args[0].clone());
    Ok(singletons::none())
}

fn deque_appendleft(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("appendleft", args, kw, 1, 1)?;
    deque_of(this)?.push_front(args[0].clone());
    Ok(singletons::none())
}

fn deque_extend(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("extend", args, kw, 1, 1)?;
    extend(ts, this, deque_of(this)?, &args[0])?;
    Ok(singletons::none())
}

fn deque_extendleft(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("extendleft", args, kw, 1, 1)?;
    let deque = deque_of(this)?;
    let items = if args[0].is(this) {
        deque.snapshot()
    } else {
        iterobject::collect(ts, &args[0])?
    };
    for item in items {
        deque.push_front(item);
    }
    Ok(singletons::none())
}

fn deque_pop(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("pop", args, kw, 0, 0)?;
    let deque = deque_of(this)?;
    let item = deque.items.borrow_mut().pop_back();
    deque.touch();
    item.ok_or_else(|| PyErr::new(ExceptionKind::IndexError, "pop from an empty deque"))
}

fn deque_popleft(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("popleft", args, kw, 0, 0)?;
    let deque = deque_of(this)?;
    let item = deque.items.borrow_mut().pop_front();
    deque.touch();
    item.ok_or_else(|| PyErr::new(ExceptionKind::IndexError, "pop from an empty deque"))
}

fn deque_clear_method(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("clear", args, kw, 0, 0)?;
    deque_of(this)?.clear();
    Ok(singletons::none())
}

fn new_like(ts: &ThreadState, this: &PyObject, items: Vec<PyRef>) -> PyResult {
    let deque = deque_of(this)?;
    if this.is_exact_type(&DEQUE_TYPE) {
        let copy = Deque::new();
        copy.maxlen.set(deque.maxlen.get());
        for item in items {
            copy.push_back(item);
        }
        return Ok(Py::new(ts, copy).into_ref());
    }
    // A subclass is rebuilt through its constructor, as CPython's `deque_copy`.
    let list = pyrite_objects::list::new(ts, items).into_ref();
    let mut args = vec![list];
    if let Some(maxlen) = deque.maxlen.get() {
        args.push(int::new(ts, maxlen as i64));
    }
    abstract_api::call(ts, this.ob_type().as_object(), &args, None)
}

fn deque_copy(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("copy", args, kw, 0, 0)?;
    let items = deque_of(this)?.snapshot();
    new_like(ts, this, items)
}

fn find(
    ts: &ThreadState,
    deque: &Deque,
    value: &PyObject,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let state = deque.state.get();
    for index in start..stop {
        let Some(item) = deque.items.borrow().get(index).cloned() else {
            break;
        };
        let equal = item.is(value) || item.rich_compare_bool(ts, value, CompareOp::Eq)?;
        if deque.state.get() != state {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "deque mutated during iteration",
            ));
        }
        if equal {
            return Ok(Some(index));
        }
    }
    Ok(None)
}

fn deque_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("count", args, kw, 1, 1)?;
    let deque = deque_of(this)?;
    let state = deque.state.get();
    let mut count = 0;
    for item in deque.snapshot() {
        if item.is(&args[0]) || item.rich_compare_bool(ts, &args[0], CompareOp::Eq)? {
            count += 1;
        }
        if deque.state.get() != state {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "deque mutated during iteration",
            ));
        }
    }
    Ok(int::new(ts, count))
}

/// A `start`/`stop` argument of `index`, clamped as CPython's `_PyEval_SliceIndex`.
fn clamp_index(
    ts: &ThreadState,
    value: Option<&PyRef>,
    default: usize,
    len: usize,
) -> PyResult<usize> {
    let Some(value) = value else {
        return Ok(default);
    };
    let index = abstract_api::index(ts, value)?;
    let index =
        int::as_i64(&index).unwrap_or(if pyrite_objects::int_ops::is_negative_int(&index) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        });
    let len = len as i64;
    let index = if index < 0 {
        (index + len).max(0)
    } else {
        index.min(len)
    };
    Ok(index as usize)
}

fn deque_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("index", args, kw, 1, 3)?;
    let deque = deque_of(this)?;
    let len = deque.len();
    let start = clamp_index(ts, args.get(1), 0, len)?;
    let stop = clamp_index(ts, args.get(2), len, len)?;
    match find(ts, deque, &args[0], start, stop)? {
        Some(index) => Ok(int::new(ts, index as i64)),
        None => Err(PyErr::new(
            ExceptionKind::ValueError,
            "deque.index(x): x not in deque",
        )),
    }
}

fn deque_insert(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("insert", args, kw, 2, 2)?;
    let deque = deque_of(this)?;
    let len = deque.len();
    if deque.maxlen.get() == Some(len) {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            "deque already at its maximum size",
        ));
    }
    let index = clamp_index(ts, Some(&args[0]), 0, len)?;
    deque.items.borrow_mut().insert(index, args[1].clone());
    deque.touch();
    Ok(singletons::none())
}

fn deque_remove(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("remove", args, kw, 1, 1)?;
    let deque = deque_of(this)?;
    match find(ts, deque, &args[0], 0, deque.len())? {
        Some(index) => {
            let removed = deque.items.borrow_mut().remove(index);
            deque.touch();
            drop(removed);
            Ok(singletons::none())
        }
        None => Err(PyErr::new(
            ExceptionKind::ValueError,
            "deque.remove(x): x not in deque",
        )),
    }
}

fn deque_reverse(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("reverse", args, kw, 0, 0)?;
    let deque = deque_of(this)?;
    deque.items.borrow_mut().make_contiguous().reverse();
    Ok(singletons::none())
}

fn deque_rotate(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("rotate", args, kw, 0, 1)?;
    let deque = deque_of(this)?;
    let steps = match args.first() {
        Some(value) => {
            let index = abstract_api::index(ts, value)?;
            int::as_i64(&index).ok_or_else(|| {
                PyErr::new(
                    ExceptionKind::OverflowError,
                    "Python int too large to convert to C ssize_t",
                )
            })?
        }
        None => 1,
    };
    let mut items = deque.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let steps = steps.rem_euclid(len) as usize;
        items.rotate_right(steps);
    }
    Ok(singletons::none())
}

fn deque_maxlen(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(match deque_of(object)?.maxlen.get() {
        Some(maxlen) => int::new(ts, maxlen as i64),
        None => singletons::none(),
    })
}

fn deque_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(deque_of(object)?.len())
}

fn normalize_index(deque: &Deque, index: isize) -> PyResult<usize> {
    let len = deque.len() as isize;
    let index = if index < 0 { index + len } else { index };
    if index < 0 || index >= len {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            "deque index out of range",
        ));
    }
    Ok(index as usize)
}

fn deque_item(_ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let deque = deque_of(object)?;
    let index = normalize_index(deque, index)?;
    Ok(deque.items.borrow()[index].clone())
}

fn deque_ass_item(
    _ts: &ThreadState,
    object: &PyObject,
    index: isize,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let deque = deque_of(object)?;
    let index = normalize_index(deque, index)?;
    let old = match value {
        Some(value) => std::mem::replace(&mut deque.items.borrow_mut()[index], value.new_ref()),
        None => {
            let removed = deque.items.borrow_mut().remove(index);
            deque.touch();
            match removed {
                Some(removed) => removed,
                None => return Ok(()),
            }
        }
    };
    drop(old);
    Ok(())
}

/// A subscript of a deque: an integer (slices are not supported, as in CPython).
fn deque_index_key(ts: &ThreadState, key: &PyObject) -> PyResult<isize> {
    if key.ob_type().number.index.get().is_none() && int::as_i64(key).is_none() {
        return Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            key.ob_type().name()
        )));
    }
    let index = abstract_api::index(ts, key)?;
    int::as_i64(&index)
        .map(|index| index as isize)
        .ok_or_else(|| PyErr::new(ExceptionKind::IndexError, "deque index out of range"))
}

fn deque_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let index = deque_index_key(ts, key)?;
    deque_item(ts, object, index)
}

fn deque_ass_subscript(
    ts: &ThreadState,
    object: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let index = deque_index_key(ts, key)?;
    deque_ass_item(ts, object, index, value)
}

fn deque_contains(ts: &ThreadState, object: &PyObject, value: &PyObject) -> PyResult<bool> {
    let deque = deque_of(object)?;
    Ok(find(ts, deque, value, 0, deque.len())?.is_some())
}

fn deque_concat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(other) = b.downcast_ref::<Deque>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            b.ob_type().name()
        )));
    };
    let mut items = deque_of(a)?.snapshot();
    items.extend(other.snapshot());
    new_like(ts, a, items)
}

fn deque_inplace_concat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    extend(ts, a, deque_of(a)?, b)?;
    Ok(a.new_ref())
}

fn deque_repeat(ts: &ThreadState, object: &PyObject, count: isize) -> PyResult {
    let items = deque_of(object)?.snapshot();
    let count = count.max(0) as usize;
    let mut repeated = Vec::with_capacity(items.len().saturating_mul(count));
    for _ in 0..count {
        repeated.extend(items.iter().cloned());
    }
    new_like(ts, object, repeated)
}

fn deque_inplace_repeat(_ts: &ThreadState, object: &PyObject, count: isize) -> PyResult {
    let deque = deque_of(object)?;
    let items = deque.snapshot();
    if count <= 0 {
        deque.clear();
    } else {
        for _ in 1..count {
            for item in &items {
                deque.push_back(item.clone());
            }
        }
    }
    Ok(object.new_ref())
}

fn deque_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let deque = deque_of(object)?;
    let name = pyrite_objects::typeobject::display_name(ts, object.ob_type());
    let short = name.rsplit('.').next().unwrap_or(&name).to_owned();
    let Some(_guard) = ts.repr_enter(object) else {
        return Ok(pystr::new(ts, "[...]").into_ref());
    };
    let items = pyrite_objects::list::new(ts, deque.snapshot()).into_ref();
    let body = pystr::repr_text(ts, &items)?;
    let text = match deque.maxlen.get() {
        Some(maxlen) => format!("{short}({body}, maxlen={maxlen})"),
        None => format!("{short}({body})"),
    };
    Ok(pystr::new(ts, &text).into_ref())
}

fn deque_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(left), Some(right)) = (a.downcast_ref::<Deque>(), b.downcast_ref::<Deque>()) else {
        return Ok(singletons::not_implemented());
    };
    let left = pyrite_objects::list::new(ts, left.snapshot()).into_ref();
    let right = pyrite_objects::list::new(ts, right.snapshot()).into_ref();
    left.rich_compare(ts, &right, op)
}

fn deque_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let deque = deque_of(object)?;
    Ok(Py::new(
        ts,
        DequeIterator {
            deque: object.new_ref(),
            index: Cell::new(0),
            state: deque.state.get(),
            reverse: false,
        },
    )
    .into_ref())
}

fn deque_reversed(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("__reversed__", args, kw, 0, 0)?;
    let deque = deque_of(this)?;
    Ok(Py::new_with_type(
        ts,
        &DEQUE_REVERSE_ITERATOR_TYPE,
        DequeIterator {
            deque: this.new_ref(),
            index: Cell::new(0),
            state: deque.state.get(),
            reverse: true,
        },
    )
    .map(Py::into_ref)
    .unwrap_or_else(singletons::none))
}

fn deque_copy_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("__copy__", args, kw, 0, 0)?;
    deque_copy(ts, this, &[], None)
}

fn deque_reduce(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("__reduce__", args, kw, 0, 0)?;
    let deque = deque_of(this)?;
    let maxlen = match deque.maxlen.get() {
        Some(maxlen) => int::new(ts, maxlen as i64),
        None => singletons::none(),
    };
    let state =
        pyrite_objects::attrs::instance_dict(ts, this, false).unwrap_or_else(singletons::none);
    let constructor_args = tuple::new(
        ts,
        vec![pyrite_objects::list::new(ts, Vec::new()).into_ref(), maxlen],
    )
    .into_ref();
    let iterator = deque_iter(ts, this)?;
    Ok(tuple::new(
        ts,
        vec![
            this.ob_type().as_object().new_ref(),
            constructor_args,
            state,
            iterator,
        ],
    )
    .into_ref())
}

fn deque_class_getitem(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("__class_getitem__", args, kw, 1, 1)?;
    Ok(pyrite_objects::genericaliasobject::new(
        ts,
        this.new_ref(),
        &args[0],
    ))
}

fn deque_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(deque) = object.downcast_ref::<Deque>()
        && let Ok(items) = deque.items.try_borrow()
    {
        for item in items.iter() {
            visit(item);
        }
    }
}

fn deque_clear_slot(_ts: &ThreadState, object: &PyObject) {
    if let Some(deque) = object.downcast_ref::<Deque>() {
        deque.clear();
    }
}

fn deque_bool(_ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    Ok(deque_of(object)?.len() > 0)
}

pub static DEQUE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Deque>(
        "collections.deque",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(deque_repr),
        hash: Slot::new(pyrite_objects::typeobject::hash_not_implemented),
        richcompare: Slot::new(deque_richcompare),
        iter: Slot::new(deque_iter),
        new: Slot::new(deque_new),
        init: Slot::new(deque_init),
        traverse: Slot::new(deque_traverse),
        clear: Slot::new(deque_clear_slot),
        ..pyrite_objects::typeobject::object_slots()
    })
    .with_number(NumberSlots {
        bool: Slot::new(deque_bool),
        ..NumberSlots::EMPTY
    })
    .with_sequence(SequenceSlots {
        length: Slot::new(deque_length),
        concat: Slot::new(deque_concat),
        repeat: Slot::new(deque_repeat),
        item: Slot::new(deque_item),
        ass_item: Slot::new(deque_ass_item),
        contains: Slot::new(deque_contains),
        inplace_concat: Slot::new(deque_inplace_concat),
        inplace_repeat: Slot::new(deque_inplace_repeat),
    })
    .with_mapping(pyrite_objects::slots::MappingSlots {
        length: Slot::new(deque_length),
        subscript: Slot::new(deque_subscript),
        ass_subscript: Slot::new(deque_ass_subscript),
    })
    .with_weaklist_offset(pyrite_objects::object::payload_field_offset::<Deque>(
        std::mem::offset_of!(Deque, weaklist),
    )),
);

// ---------------------------------------------------------------------------- iterators

/// `_collections._deque_iterator` and `_collections._deque_reverse_iterator`.
pub struct DequeIterator {
    deque: PyRef,
    /// Items already produced.
    index: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl PyPayload for DequeIterator {
    fn static_type() -> &'static PyType {
        &DEQUE_ITERATOR_TYPE
    }
}

fn deque_iterator_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<DequeIterator>()
        .ok_or_else(|| PyErr::type_error("expected a deque iterator"))?;
    let deque = deque_of(&iterator.deque)?;
    if deque.state.get() != iterator.state {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "deque mutated during iteration",
        ));
    }
    let items = deque.items.borrow();
    let produced = iterator.index.get();
    if produced >= items.len() {
        return Ok(None);
    }
    let position = if iterator.reverse {
        items.len() - 1 - produced
    } else {
        produced
    };
    iterator.index.set(produced + 1);
    Ok(Some(items[position].clone()))
}

fn deque_iterator_length_hint(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let iterator = this
        .downcast_ref::<DequeIterator>()
        .ok_or_else(|| PyErr::type_error("expected a deque iterator"))?;
    let len = deque_of(&iterator.deque)?.len();
    Ok(int::new(
        ts,
        len.saturating_sub(iterator.index.get()) as i64,
    ))
}

fn deque_iterator_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iterator) = object.downcast_ref::<DequeIterator>() {
        visit(&iterator.deque);
    }
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

const fn deque_iterator_type(name: &'static str) -> TypeObject {
    TypeObject::builtin::<DequeIterator>(name, flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(deque_iterator_next),
            traverse: Slot::new(deque_iterator_traverse),
            ..pyrite_objects::typeobject::object_slots()
        },
    )
}

pub static DEQUE_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    deque_iterator_type("_collections._deque_iterator"),
);
pub static DEQUE_REVERSE_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    deque_iterator_type("_collections._deque_reverse_iterator"),
);

// ---------------------------------------------------------------------------- defaultdict

fn factory_cell(object: &PyObject) -> PyResult<&RefCell<Vec<Option<PyRef>>>> {
    object
        .ob_type()
        .instance_slot_values(object)
        .filter(|_| object.downcast_ref::<Dict>().is_some())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'collections.defaultdict' object"))
}

fn default_factory(object: &PyObject) -> PyResult<Option<PyRef>> {
    Ok(factory_cell(object)?.borrow().first().cloned().flatten())
}

fn set_default_factory(object: &PyObject, factory: Option<PyRef>) -> PyResult<()> {
    let cell = factory_cell(object)?;
    let old = {
        let mut values = cell.borrow_mut();
        if values.is_empty() {
            values.push(None);
        }
        std::mem::replace(&mut values[0], factory)
    };
    drop(old);
    Ok(())
}

fn defaultdict_new(ts: &ThreadState, ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Py::new_with_type(ts, ty, Dict::empty())
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("defaultdict type mismatch"))
}

fn defaultdict_init(
    ts: &ThreadState,
    object: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let keywords = kw.map_or(0, |names| tuple::items(names).len());
    let positional_count = args.len() - keywords;
    let (factory, rest) = if positional_count > 0 {
        (Some(args[0].clone()), &args[1..])
    } else {
        (None, args)
    };
    let factory = factory.filter(|factory| !singletons::is_none(factory));
    if let Some(factory) = &factory
        && factory.ob_type().slots.call.get().is_none()
    {
        return Err(PyErr::type_error("first argument must be callable or None"));
    }
    set_default_factory(object, factory)?;
    let dict_init = DICT_TYPE
        .slots
        .init
        .get()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "dict has no __init__"))?;
    dict_init(ts, object, rest, kw)
}

fn defaultdict_init_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    defaultdict_init(ts, this, args, kw)?;
    Ok(singletons::none())
}

fn defaultdict_missing(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("__missing__", args, kw, 1, 1)?;
    let Some(factory) = default_factory(this)? else {
        return Err(PyErr::with_object(ExceptionKind::KeyError, args[0].clone()));
    };
    let value = abstract_api::call(ts, &factory, &[], None)?;
    pyrite_objects::abstract_ops::set_item(ts, this, &args[0], Some(&value))?;
    Ok(value)
}

fn defaultdict_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let dict_repr = DICT_TYPE
        .slots
        .repr
        .get()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "dict has no repr"))?;
    let body = pystr::to_rust_string(&*dict_repr(ts, object)?);
    let factory = match default_factory(object)? {
        None => "None".to_owned(),
        Some(factory) => match ts.repr_enter(object) {
            Some(_guard) => pystr::repr_text(ts, &factory)?,
            None => "...".to_owned(),
        },
    };
    let name = pyrite_objects::typeobject::display_name(ts, object.ob_type());
    let short = name.rsplit('.').next().unwrap_or(&name).to_owned();
    Ok(pystr::new(ts, &format!("{short}({factory}, {body})")).into_ref())
}

fn defaultdict_copy(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("copy", args, kw, 0, 0)?;
    let factory = default_factory(this)?.unwrap_or_else(singletons::none);
    abstract_api::call(
        ts,
        this.ob_type().as_object(),
        &[factory, this.new_ref()],
        None,
    )
}

fn defaultdict_reduce(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("__reduce__", args, kw, 0, 0)?;
    let factory = default_factory(this)?.unwrap_or_else(singletons::none);
    let constructor_args = tuple::new(ts, vec![factory]).into_ref();
    let items = pyrite_objects::attrs::call_special(ts, this, "items", &[])?
        .unwrap_or_else(singletons::none);
    let iterator = iterobject::get_iter(ts, &items)?;
    Ok(tuple::new(
        ts,
        vec![
            this.ob_type().as_object().new_ref(),
            constructor_args,
            singletons::none(),
            singletons::none(),
            iterator,
        ],
    )
    .into_ref())
}

fn get_default_factory(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(default_factory(object)?.unwrap_or_else(singletons::none))
}

fn put_default_factory(
    _ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let value = value
        .filter(|value| !singletons::is_none(value))
        .map(PyObject::new_ref);
    set_default_factory(object, value)
}

fn defaultdict_traverse(ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(traverse) = DICT_TYPE.slots.traverse.get() {
        traverse(ts, object, visit);
    }
    // A Python subclass's `subtype_traverse` visits the slot values itself.
    if !object.ob_type().is_heap_type()
        && let Ok(Some(factory)) = default_factory(object)
    {
        visit(&factory);
    }
}

fn defaultdict_clear(ts: &ThreadState, object: &PyObject) {
    if !object.ob_type().is_heap_type() {
        let _ = set_default_factory(object, None);
    }
    if let Some(clear) = DICT_TYPE.slots.clear.get() {
        clear(ts, object);
    }
}

fn defaultdict_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (this, other, reflected) =
        if a.downcast_ref::<Dict>().is_some() && default_factory(a).is_ok() {
            (a, b, false)
        } else {
            (b, a, true)
        };
    if other.downcast_ref::<Dict>().is_none() {
        return Ok(singletons::not_implemented());
    }
    let factory = default_factory(this)?.unwrap_or_else(singletons::none);
    let (first, second) = if reflected {
        (other, this)
    } else {
        (this, other)
    };
    let result = abstract_api::call(
        ts,
        this.ob_type().as_object(),
        &[factory, first.new_ref()],
        None,
    )?;
    let update = pyrite_objects::attrs::get_attr_str(ts, &result, "update")?;
    abstract_api::call(ts, &update, &[second.new_ref()], None)?;
    Ok(result)
}

pub static DEFAULTDICT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Dict>(
        "collections.defaultdict",
        flags::BASETYPE | flags::HAVE_GC | flags::DICT_SUBCLASS,
        Some(&DICT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(defaultdict_repr),
        new: Slot::new(defaultdict_new),
        init: Slot::new(defaultdict_init),
        traverse: Slot::new(defaultdict_traverse),
        clear: Slot::new(defaultdict_clear),
        ..pyrite_objects::dict::dict_slot_table()
    })
    .with_number(NumberSlots {
        or: Slot::new(defaultdict_or),
        ..pyrite_objects::dict::dict_number_slots()
    })
    .with_sequence(pyrite_objects::dict::dict_sequence_slots())
    .with_mapping(pyrite_objects::dict::dict_mapping_slots())
    .with_instance_extension(),
);

/// Creates the `_collections` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_collections",
        Some(
            "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n",
        ),
    )?;
    module.add_type("deque", &DEQUE_TYPE, "collections")?;
    module.add_type("_deque_iterator", &DEQUE_ITERATOR_TYPE, "_collections")?;
    module.add_type(
        "_deque_reverse_iterator",
        &DEQUE_REVERSE_ITERATOR_TYPE,
        "_collections",
    )?;
    module.add_type("defaultdict", &DEFAULTDICT_TYPE, "collections")?;
    DEFAULTDICT_TYPE.set_slot_count(ts, 1);
    pyrite_objects::descr::add_methods(
        ts,
        &DEQUE_TYPE,
        &[
            ("append", deque_append),
            ("appendleft", deque_appendleft),
            ("clear", deque_clear_method),
            ("copy", deque_copy),
            ("count", deque_count),
            ("extend", deque_extend),
            ("extendleft", deque_extendleft),
            ("index", deque_index),
            ("insert", deque_insert),
            ("pop", deque_pop),
            ("popleft", deque_popleft),
            ("remove", deque_remove),
            ("reverse", deque_reverse),
            ("rotate", deque_rotate),
            ("__copy__", deque_copy_method),
            ("__reversed__", deque_reversed),
            ("__reduce__", deque_reduce),
            ("__init__", deque_init_method),
        ],
    );
    pyrite_objects::descr::add_getsets(ts, &DEQUE_TYPE, &[("maxlen", deque_maxlen, None)]);
    for ty in [&DEQUE_ITERATOR_TYPE, &DEQUE_REVERSE_ITERATOR_TYPE] {
        pyrite_objects::descr::add_methods(
            ts,
            ty,
            &[("__length_hint__", deque_iterator_length_hint)],
        );
    }
    if let Some(type_dict) = DEQUE_TYPE.dict(ts).downcast_ref::<Dict>() {
        let getitem = pyrite_objects::descr::new_builtin_function(
            ts,
            "__class_getitem__",
            deque_class_getitem,
            DEQUE_TYPE.as_object().new_ref(),
        );
        type_dict.set_item(ts, pystr::intern(ts, "__class_getitem__"), getitem)?;
    }
    pyrite_objects::descr::add_methods(
        ts,
        &DEFAULTDICT_TYPE,
        &[
            ("__missing__", defaultdict_missing),
            ("copy", defaultdict_copy),
            ("__copy__", defaultdict_copy),
            ("__reduce__", defaultdict_reduce),
            ("__init__", defaultdict_init_method),
        ],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &DEFAULTDICT_TYPE,
        &[(
            "default_factory",
            get_default_factory,
            Some(put_default_factory),
        )],
    );
    Ok(module.finish())
}
