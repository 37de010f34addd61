//! The set algebra of dict views (`d.keys() & s`, `d.items() == {...}`,
//! `isdisjoint`), `reversed(d)`, `dict.fromkeys` and `d |= iterable`.
//!
//! CPython counterpart: `Objects/dictobject.c` (`dictviews_or`, `_PyDictView_Intersect`,
//! `dictviews_sub`, `dictviews_xor`, `dictview_richcompare`, `dictviews_isdisjoint`,
//! `dict_reversed`, `dict_fromkeys`, `dict_ior`).

use crate::dict::Dict;
use crate::err::{PyErr, PyResult};
use crate::iterobject::{DictIterKind, DictView};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, NumberSlots, Slot};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

/// A keys or items view (the set-like ones).
fn set_like(object: &PyObject) -> Option<&DictView> {
    object
        .downcast_ref::<DictView>()
        .map(|view| view.payload())
        .filter(|view| view.kind != DictIterKind::Values)
}

fn is_set_or_view(object: &PyObject) -> bool {
    crate::set::as_set(object).is_some() || set_like(object).is_some()
}

fn new_set_of(ts: &ThreadState, iterable: &PyObject) -> PyResult {
    let result = crate::set::new(ts, Vec::new())?;
    if let Some(set) = crate::set::as_set(&result) {
        set.update(ts, iterable)?;
    }
    Ok(result)
}

fn call_method(ts: &ThreadState, object: &PyObject, name: &str, arg: &PyObject) -> PyResult {
    let method = crate::attrs::get_attr_str(ts, object, name)?;
    crate::abstract_api::call(ts, &method, &[arg.new_ref()], None)
}

fn views_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if set_like(a).is_none() && set_like(b).is_none() {
        return Ok(not_implemented());
    }
    let result = new_set_of(ts, a)?;
    if let Some(set) = crate::set::as_set(&result) {
        set.update(ts, b)?;
    }
    Ok(result)
}

fn views_sub(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if set_like(a).is_none() && set_like(b).is_none() {
        return Ok(not_implemented());
    }
    let result = new_set_of(ts, a)?;
    call_method(ts, &result, "difference_update", b)?;
    Ok(result)
}

fn views_xor(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (view, other) = if set_like(a).is_some() {
        (a, b)
    } else if set_like(b).is_some() {
        (b, a)
    } else {
        return Ok(not_implemented());
    };
    let result = new_set_of(ts, view)?;
    call_method(ts, &result, "symmetric_difference_update", other)?;
    Ok(result)
}

fn length(ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    crate::abstract_api::len(ts, object)
}

/// CPython's `_PyDictView_Intersect`: iterate the other operand, keep what the view has.
fn views_and(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (mut view, mut other) = if set_like(a).is_some() {
        (a, b)
    } else if set_like(b).is_some() {
        (b, a)
    } else {
        return Ok(not_implemented());
    };
    let view_length = length(ts, view)?;
    if other.is_exact_type(&crate::set::SET_TYPE) && view_length <= length(ts, other)? {
        return call_method(ts, other, "intersection", view);
    }
    if set_like(other).is_some() && length(ts, other)? > view_length {
        std::mem::swap(&mut view, &mut other);
    }
    let result = crate::set::new(ts, Vec::new())?;
    let set = crate::set::as_set(&result).ok_or_else(|| PyErr::type_error("expected a set"))?;
    let iterator = crate::iterobject::get_iter(ts, other)?;
    while let Some(item) = crate::iterobject::next(ts, &iterator)? {
        if crate::abstract_ops::contains(ts, view, &item)? {
            set.add(ts, item)?;
        }
    }
    Ok(result)
}

pub(crate) const fn view_number_slots() -> NumberSlots {
    NumberSlots {
        or: Slot::new(views_or),
        and: Slot::new(views_and),
        subtract: Slot::new(views_sub),
        xor: Slot::new(views_xor),
        ..NumberSlots::EMPTY
    }
}

/// Whether every item of `a` is in `b`.
fn all_contained_in(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult<bool> {
    let iterator = crate::iterobject::get_iter(ts, a)?;
    while let Some(item) = crate::iterobject::next(ts, &iterator)? {
        if !crate::abstract_ops::contains(ts, b, &item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub(crate) fn view_richcompare(
    ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    op: CompareOp,
) -> PyResult {
    if set_like(a).is_none() || !is_set_or_view(b) {
        return Ok(not_implemented());
    }
    let (len_a, len_b) = (length(ts, a)?, length(ts, b)?);
    let result = match op {
        CompareOp::Eq => len_a == len_b && all_contained_in(ts, a, b)?,
        CompareOp::Ne => !(len_a == len_b && all_contained_in(ts, a, b)?),
        CompareOp::Lt => len_a < len_b && all_contained_in(ts, a, b)?,
        CompareOp::Le => len_a <= len_b && all_contained_in(ts, a, b)?,
        CompareOp::Gt => len_a > len_b && all_contained_in(ts, b, a)?,
        CompareOp::Ge => len_a >= len_b && all_contained_in(ts, b, a)?,
    };
    Ok(crate::bool::bool_ref(result))
}

fn view_isdisjoint(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = crate::int_methods::positional("isdisjoint", args, k, 1, 1)?;
    let other = &args[0];
    if this.is(other) {
        return Ok(crate::bool::bool_ref(length(ts, this)? == 0));
    }
    let (iterated, probed): (&PyObject, &PyObject) =
        if is_set_or_view(other) && length(ts, other)? > length(ts, this)? {
            (this, other)
        } else {
            (other, this)
        };
    let iterator = crate::iterobject::get_iter(ts, iterated)?;
    while let Some(item) = crate::iterobject::next(ts, &iterator)? {
        if crate::abstract_ops::contains(ts, probed, &item)? {
            return Ok(crate::bool::false_ref());
        }
    }
    Ok(crate::bool::true_ref())
}

fn view_reversed(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    crate::int_methods::check_no_args("__reversed__", args, k)?;
    let view = this
        .downcast_ref::<DictView>()
        .ok_or_else(|| PyErr::type_error("expected a dict view"))?;
    Ok(crate::iterobject::new_dict_iterator_ordered(
        ts, &view.dict, view.kind, true,
    ))
}

fn dict_reversed(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    crate::int_methods::check_no_args("dict.__reversed__", args, k)?;
    Ok(crate::iterobject::new_dict_iterator_ordered(
        ts,
        this,
        DictIterKind::Keys,
        true,
    ))
}

/// `dict.fromkeys(iterable, value=None)`: `cls()` filled key by key.
fn dict_fromkeys(ts: &ThreadState, _m: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let args = crate::int_methods::positional("fromkeys", args, k, 2, 3)?;
    let cls = &args[0];
    let value = args.get(2).cloned().unwrap_or_else(crate::singletons::none);
    let result = crate::abstract_api::call(ts, cls, &[], None)?;
    let iterator = crate::iterobject::get_iter(ts, &args[1])?;
    let exact = result.is_exact_type(&crate::dict::DICT_TYPE);
    while let Some(key) = crate::iterobject::next(ts, &iterator)? {
        match result.downcast_ref::<Dict>() {
            Some(dict) if exact => dict.set_item(ts, key, value.clone())?,
            _ => crate::abstract_ops::set_item(ts, &result, &key, Some(&value))?,
        }
    }
    Ok(result)
}

/// `d |= other`: `d.update(other)` (any mapping or iterable of pairs).
pub(crate) fn dict_ior(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(dict) = a.downcast_ref::<Dict>() else {
        return Ok(not_implemented());
    };
    crate::methods::dict_merge(ts, dict, b)?;
    Ok(a.new_ref())
}

pub(crate) fn install(ts: &ThreadState) {
    for ty in [
        &crate::iterobject::DICT_KEYS_TYPE,
        &crate::iterobject::DICT_ITEMS_TYPE,
    ] {
        crate::descr::add_methods(
            ts,
            ty,
            &[
                ("isdisjoint", view_isdisjoint),
                ("__reversed__", view_reversed),
            ],
        );
    }
    crate::descr::add_methods(
        ts,
        &crate::iterobject::DICT_VALUES_TYPE,
        &[("__reversed__", view_reversed)],
    );
    crate::descr::add_methods(
        ts,
        &crate::dict::DICT_TYPE,
        &[("__reversed__", dict_reversed)],
    );
    crate::float_methods::add_class_methods(
        ts,
        &crate::dict::DICT_TYPE,
        &[("fromkeys", dict_fromkeys)],
    );
}
