//! Fast paths of the evaluation loop for the common operand types: machine-word `int`
//! and `float` arithmetic and comparisons, `list`/`tuple`/`dict` subscription.
//!
//! CPython counterpart: the specialized instruction families of `Python/bytecodes.c`
//! (`BINARY_OP_ADD_INT`, `BINARY_OP_SUBSCR_LIST_INT`, `COMPARE_OP_FLOAT`,
//! `STORE_SUBSCR_LIST_INT`, ...). Each function answers only when the operands are
//! exactly the built-in types and the result needs no error or overflow handling;
//! otherwise it returns `None` and the loop takes the generic path, which gives the same
//! result (or raises the same error) more slowly.

use std::cell::{Cell, RefCell};

use pyrite_objects::PyResult;
use pyrite_objects::descr::{MEMBER_DESCRIPTOR_TYPE, MemberDescr};
use pyrite_objects::dict::Dict;
use pyrite_objects::float::{FLOAT_TYPE, Float};
use pyrite_objects::int::{INT_TYPE, Int};
use pyrite_objects::list::{LIST_TYPE, List};
use pyrite_objects::slice::Slice;
use pyrite_objects::str::{STR_TYPE, Str};
use pyrite_objects::tuple::{TUPLE_TYPE, Tuple};
use pyrite_objects::typeobject::{PyType, TypeLookupSite, as_type};
use pyrite_objects::{CompareOp, PyObject, PyRef, ThreadState, bool as pybool, float, int};

/// `BINARY_OP` opargs (`NB_*`), in-place forms included.
const NB_ADD: u32 = 0;
const NB_AND: u32 = 1;
const NB_FLOOR_DIVIDE: u32 = 2;
const NB_LSHIFT: u32 = 3;
const NB_MULTIPLY: u32 = 5;
const NB_REMAINDER: u32 = 6;
const NB_OR: u32 = 7;
const NB_POWER: u32 = 8;
const NB_RSHIFT: u32 = 9;
const NB_SUBTRACT: u32 = 10;
const NB_TRUE_DIVIDE: u32 = 11;
const NB_XOR: u32 = 12;
const NB_INPLACE_OFFSET: u32 = 13;
pub const NB_SUBSCR: u32 = 26;

/// The value of an exact `int` that fits in an `i64`.
#[inline]
fn exact_small_int(object: &PyObject) -> Option<i64> {
    if object.is_exact_type(&INT_TYPE) {
        object.downcast_ref::<Int>()?.as_i64()
    } else {
        None
    }
}

#[inline]
fn exact_float(object: &PyObject) -> Option<f64> {
    if object.is_exact_type(&FLOAT_TYPE) {
        Some(object.downcast_ref::<Float>()?.0)
    } else {
        None
    }
}

/// The value of an exact `int` that converts to `f64` exactly (at most 2**53 in size).
#[inline]
fn exact_float_int(object: &PyObject) -> Option<f64> {
    exact_small_int(object)
        .filter(|value| value.unsigned_abs() <= EXACT_FLOAT_INT as u64)
        .map(|value| value as f64)
}

/// `a // b` rounded towards negative infinity; `None` on overflow or division by zero.
#[inline]
fn floor_div(a: i64, b: i64) -> Option<i64> {
    let quotient = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        quotient.checked_sub(1)
    } else {
        Some(quotient)
    }
}

/// `a % b` with the sign of `b`; `None` on division by zero or overflow.
#[inline]
fn floor_mod(a: i64, b: i64) -> Option<i64> {
    let remainder = a.checked_rem(b)?;
    if remainder != 0 && ((remainder < 0) != (b < 0)) {
        Some(remainder + b)
    } else {
        Some(remainder)
    }
}

/// Largest magnitude an `i64` may have to convert to `f64` exactly (2**53).
const EXACT_FLOAT_INT: i64 = 1 << 53;

/// `BINARY_OP` on two exact small ints or two exact floats.
#[inline]
pub fn binary_op(ts: &ThreadState, oparg: u32, left: &PyObject, right: &PyObject) -> Option<PyRef> {
    let op = if (NB_INPLACE_OFFSET..NB_SUBSCR).contains(&oparg) {
        oparg - NB_INPLACE_OFFSET
    } else {
        oparg
    };
    if let (Some(a), Some(b)) = (exact_small_int(left), exact_small_int(right)) {
        let value = match op {
            NB_ADD => a.checked_add(b)?,
            NB_SUBTRACT => a.checked_sub(b)?,
            NB_MULTIPLY => a.checked_mul(b)?,
            NB_AND => a & b,
            NB_OR => a | b,
            NB_XOR => a ^ b,
            NB_FLOOR_DIVIDE => floor_div(a, b)?,
            NB_REMAINDER => floor_mod(a, b)?,
            // A negative count is the generic path's ValueError.
            NB_RSHIFT if b >= 0 => a >> b.min(63),
            NB_LSHIFT if (0..64).contains(&b) => {
                let shifted = a << b;
                if shifted >> b != a {
                    return None;
                }
                shifted
            }
            NB_TRUE_DIVIDE => {
                // Both convert exactly, so one rounding, as CPython's small-int path.
                if b == 0 || a.abs() > EXACT_FLOAT_INT || b.abs() > EXACT_FLOAT_INT {
                    return None;
                }
                return Some(float::new(ts, a as f64 / b as f64));
            }
            _ => return None,
        };
        return Some(int::new(ts, value));
    }
    let floats = match (exact_float(left), exact_float(right)) {
        (Some(a), Some(b)) => Some((a, b)),
        // A float with a small int: the int converts exactly, as `float.__add__` &c.
        // convert it (the int's own methods return NotImplemented first).
        (Some(a), None) => exact_float_int(right).map(|b| (a, b)),
        (None, Some(b)) => exact_float_int(left).map(|a| (a, b)),
        (None, None) => None,
    };
    if let Some((a, b)) = floats {
        let value = match op {
            NB_ADD => a + b,
            NB_SUBTRACT => a - b,
            NB_MULTIPLY => a * b,
            NB_TRUE_DIVIDE if b != 0.0 => a / b,
            // A positive finite base: no domain error, and `pow` is what `float.__pow__`
            // calls; an infinite result is its OverflowError, left to the generic path.
            NB_POWER if a > 0.0 && a.is_finite() && b.is_finite() => {
                let value = a.powf(b);
                if !value.is_finite() {
                    return None;
                }
                value
            }
            _ => return None,
        };
        return Some(float::new(ts, value));
    }
    None
}

/// `container[key]` for an exact list or tuple with a small int index in range, and an
/// exact dict holding the key.
#[inline]
pub fn subscript(ts: &ThreadState, container: &PyObject, key: &PyObject) -> Option<PyRef> {
    if container.is_exact_type(&LIST_TYPE) {
        let list = container.downcast_ref::<List>()?;
        if let Some(slice) = key.downcast_ref::<Slice>() {
            if !(is_simple_bound(&slice.start)
                && is_simple_bound(&slice.stop)
                && is_simple_bound(&slice.step))
            {
                return None;
            }
            let (start, _, step, count) = slice.indices(ts, list.len()).ok()?;
            let items = list.select(start, step, count)?;
            return Some(pyrite_objects::list::new(ts, items).into_ref());
        }
        let index = exact_small_int(key)?;
        let index = if index < 0 {
            index.checked_add(list.len() as i64)?
        } else {
            index
        };
        return list.get(usize::try_from(index).ok()?);
    }
    if container.is_exact_type(&TUPLE_TYPE) {
        let items = container.downcast_ref::<Tuple>()?.items();
        let index = exact_small_int(key)?;
        let index = if index < 0 {
            index.checked_add(items.len() as i64)?
        } else {
            index
        };
        return items.get(usize::try_from(index).ok()?).cloned();
    }
    if container.is_exact_type(&pyrite_objects::dict::DICT_TYPE) && key.is_exact_type(&STR_TYPE) {
        // A missing key takes the generic path, which raises `KeyError`.
        return container.downcast_ref::<Dict>()?.get_item(ts, key).ok()?;
    }
    None
}

/// `None` or an exact small int: a slice bound whose conversion runs no Python code.
#[inline]
fn is_simple_bound(bound: &PyObject) -> bool {
    pyrite_objects::singletons::is_none(bound) || exact_small_int(bound).is_some()
}

/// A slice bound adjusted to a sequence of `length` (CPython's `PySlice_AdjustIndices`
/// for a step of 1); `None` for a bound that is not `None` or a small int.
#[inline]
fn unit_step_bound(bound: &PyObject, default: i64, length: i64) -> Option<i64> {
    if pyrite_objects::singletons::is_none(bound) {
        return Some(default);
    }
    let value = exact_small_int(bound)?;
    Some(if value < 0 {
        (value + length).max(0)
    } else {
        value.min(length)
    })
}

/// `BINARY_SLICE`: `container[start:stop]` of an exact list with simple bounds.
#[inline]
pub fn list_slice(
    ts: &ThreadState,
    container: &PyObject,
    start: &PyObject,
    stop: &PyObject,
) -> Option<PyRef> {
    if !container.is_exact_type(&LIST_TYPE) {
        return None;
    }
    let list = container.downcast_ref::<List>()?;
    let length = list.len() as i64;
    let start = unit_step_bound(start, 0, length)?;
    let stop = unit_step_bound(stop, length, length)?.max(start);
    let items = list.select(start, 1, (stop - start) as usize)?;
    Some(pyrite_objects::list::new(ts, items).into_ref())
}

/// `STORE_SLICE`: `container[start:stop] = value` of an exact list from an exact list
/// or tuple, with simple bounds; `false` when the generic path must run.
#[inline]
pub fn store_list_slice(
    container: &PyObject,
    start: &PyObject,
    stop: &PyObject,
    value: &PyObject,
) -> bool {
    if !container.is_exact_type(&LIST_TYPE) {
        return false;
    }
    let Some(list) = container.downcast_ref::<List>() else {
        return false;
    };
    let new_items = if value.is_exact_type(&LIST_TYPE) {
        match value.downcast_ref::<List>() {
            Some(source) => source.to_vec(),
            None => return false,
        }
    } else if value.is_exact_type(&TUPLE_TYPE) {
        match value.downcast_ref::<Tuple>() {
            Some(source) => source.items().to_vec(),
            None => return false,
        }
    } else {
        return false;
    };
    let length = list.len() as i64;
    let (Some(start), Some(stop)) = (
        unit_step_bound(start, 0, length),
        unit_step_bound(stop, length, length),
    ) else {
        return false;
    };
    let stop = stop.max(start);
    list.replace_range(start as usize, stop as usize, new_items)
}

/// `container[key] = value` for an exact list with a small int index in range; gives
/// the value back when the generic path must run.
#[inline]
pub fn store_subscript(
    ts: &ThreadState,
    container: &PyObject,
    key: &PyObject,
    value: PyRef,
) -> Result<(), PyRef> {
    if container.is_exact_type(&LIST_TYPE)
        && let Some(list) = container.downcast_ref::<List>()
        && let Some(index) = exact_small_int(key)
    {
        let index = if index < 0 {
            index.checked_add(list.len() as i64)
        } else {
            Some(index)
        };
        if let Some(index) = index.and_then(|index| usize::try_from(index).ok())
            && index < list.len()
        {
            list.set(ts, index, value);
            return Ok(());
        }
    }
    Err(value)
}

/// `COMPARE_OP` on two exact small ints, two exact floats, or (for `==`/`!=`) two exact
/// strs: the `bool` result.
#[inline]
pub fn compare(left: &PyObject, right: &PyObject, op: CompareOp) -> Option<bool> {
    if let (Some(a), Some(b)) = (exact_small_int(left), exact_small_int(right)) {
        return Some(match op {
            CompareOp::Lt => a < b,
            CompareOp::Le => a <= b,
            CompareOp::Eq => a == b,
            CompareOp::Ne => a != b,
            CompareOp::Gt => a > b,
            CompareOp::Ge => a >= b,
        });
    }
    if let (Some(a), Some(b)) = (exact_float(left), exact_float(right)) {
        return Some(match op {
            CompareOp::Lt => a < b,
            CompareOp::Le => a <= b,
            CompareOp::Eq => a == b,
            CompareOp::Ne => a != b,
            CompareOp::Gt => a > b,
            CompareOp::Ge => a >= b,
        });
    }
    if matches!(op, CompareOp::Eq | CompareOp::Ne)
        && left.is_exact_type(&STR_TYPE)
        && right.is_exact_type(&STR_TYPE)
    {
        let a = left.downcast_ref::<Str>()?;
        let b = right.downcast_ref::<Str>()?;
        let equal = left.is(right) || a.as_bytes() == b.as_bytes();
        return Some(equal == (op == CompareOp::Eq));
    }
    None
}

/// The truth of `True`, `False`, `None` and exact small ints without a slot call.
#[inline]
pub fn truth(value: &PyObject) -> Option<bool> {
    if let Some(truth) = pybool::as_bool_singleton(value) {
        return Some(truth);
    }
    if pyrite_objects::singletons::is_none(value) {
        return Some(false);
    }
    exact_small_int(value).map(|value| value != 0)
}

/// The items of an exact tuple of exactly `count` items (`UNPACK_SEQUENCE_TUPLE`).
#[inline]
pub fn exact_tuple_items(value: &PyObject, count: usize) -> Option<&[PyRef]> {
    if !value.is_exact_type(&TUPLE_TYPE) {
        return None;
    }
    let items = value.downcast_ref::<Tuple>()?.items();
    (items.len() == count).then_some(items)
}

/// How the generic attribute access on a plain instance (no `__getattr__`,
/// `__getattribute__` or `__setattr__` of its own, not a class) finds `name`.
enum InstanceAccess<'a> {
    /// In the instance dict: the class has no data descriptor of that name.
    Dict(&'a PyType),
    /// In a `__slots__` value of the instance: the class's member descriptor says which
    /// (CPython's `LOAD_ATTR_SLOT` / `STORE_ATTR_SLOT`).
    Slot(&'a RefCell<Vec<Option<PyRef>>>, usize),
}

/// Classifies the access to `owner.name` (`InstanceAccess`); `None`: the general path.
#[inline(always)]
fn plain_instance_access<'a>(
    ts: &ThreadState,
    owner: &'a PyObject,
    name: &PyObject,
    setting: bool,
    site: &TypeLookupSite,
) -> PyResult<Option<InstanceAccess<'a>>> {
    let ty = owner.ob_type();
    let custom = if setting {
        ty.slots.setattro.get().is_some()
    } else {
        ty.slots.getattro.get().is_some()
    };
    if custom || !ty.is_heap_type() || as_type(owner).is_some() {
        return Ok(None);
    }
    // `obj.__dict__ = d` replaces the dict itself (generic setattr's special case).
    if setting
        && pyrite_objects::str::as_str_payload(name)
            .is_some_and(|text| text.as_bytes() == b"__dict__")
    {
        return Ok(None);
    }
    let Some(descr) = ty.lookup_at_site(ts, name, site)? else {
        return Ok(Some(InstanceAccess::Dict(ty)));
    };
    if descr.ob_type().slots.descr_set.get().is_none() {
        return Ok(Some(InstanceAccess::Dict(ty)));
    }
    // A data descriptor: only a plain `__slots__` member of the class (or of a base
    // sharing its slot values) is answered here.
    if !descr.is_exact_type(&MEMBER_DESCRIPTOR_TYPE) || owner.payload_is::<Tuple>() {
        return Ok(None);
    }
    let Some(member) = descr.downcast_ref::<MemberDescr>() else {
        return Ok(None);
    };
    let applies = as_type(&member.owner).is_some_and(|declaring| ty.is_subtype(ts, declaring));
    match ty.instance_slot_values(owner) {
        Some(values) if applies => Ok(Some(InstanceAccess::Slot(values, member.index))),
        _ => Ok(None),
    }
}

/// `owner.name` found in the instance dict of a plain instance (`plain_instance_access`),
/// trying the entry at `hint` first (CPython's `LOAD_ATTR_WITH_HINT`), or in its
/// `__slots__` values. `None`: the general lookup answers (the same way, more slowly,
/// or with the error).
#[inline]
pub fn load_instance_attribute(
    ts: &ThreadState,
    owner: &PyObject,
    name: &PyObject,
    hint: &Cell<u32>,
    site: &TypeLookupSite,
) -> PyResult<Option<PyRef>> {
    let ty = match plain_instance_access(ts, owner, name, false, site)? {
        None => return Ok(None),
        Some(InstanceAccess::Slot(values, index)) => {
            return Ok(values.borrow().get(index).cloned().flatten());
        }
        Some(InstanceAccess::Dict(ty)) => ty,
    };
    let Some(cell) = ty.instance_dict_cell(owner) else {
        return Ok(None);
    };
    // The dict is read through the borrow of its cell: neither lookup runs Python code.
    let dict = cell.borrow();
    let Some(dict) = dict.as_deref().and_then(|dict| dict.downcast_ref::<Dict>()) else {
        return Ok(None);
    };
    if let Some(value) = dict.get_at_hint(name, hint.get() as usize) {
        return Ok(Some(value));
    }
    Ok(dict.get_str_with_hint(ts, name).map(|(value, index)| {
        hint.set(u32::try_from(index).unwrap_or(0));
        value
    }))
}

/// `owner.name = value` into the instance dict of a plain instance
/// (`plain_instance_access`) that already has one, trying the entry at `hint` first, or
/// into its `__slots__` values. Gives `value` back when the general path must do it.
#[inline]
pub fn store_instance_attribute(
    ts: &ThreadState,
    owner: &PyObject,
    name: &PyObject,
    value: PyRef,
    hint: &Cell<u32>,
    site: &TypeLookupSite,
) -> PyResult<Option<PyRef>> {
    let ty = match plain_instance_access(ts, owner, name, true, site)? {
        None => return Ok(Some(value)),
        Some(InstanceAccess::Slot(values, index)) => {
            let old = {
                let mut values = values.borrow_mut();
                if values.len() <= index {
                    values.resize(index + 1, None);
                }
                values[index].replace(value)
            };
            // Dropped with the values released: a finalizer may look at them.
            drop(old);
            return Ok(None);
        }
        Some(InstanceAccess::Dict(ty)) => ty,
    };
    let Some(cell) = ty.instance_dict_cell(owner) else {
        return Ok(Some(value));
    };
    let dict = cell.borrow().clone();
    let Some(dict) = dict.as_deref().and_then(|dict| dict.downcast_ref::<Dict>()) else {
        return Ok(Some(value));
    };
    let value = match dict.replace_at_hint(name, hint.get() as usize, value) {
        Ok(old) => {
            drop(old);
            return Ok(None);
        }
        Err(value) => value,
    };
    let value = match dict.insert_absent_str(ts, name, value) {
        Ok(index) => {
            hint.set(u32::try_from(index).unwrap_or(0));
            return Ok(None);
        }
        Err(value) => value,
    };
    dict.set_item(ts, name.new_ref(), value)?;
    if let Some(index) = dict.str_entry_index(ts, name) {
        hint.set(u32::try_from(index).unwrap_or(0));
    }
    Ok(None)
}
