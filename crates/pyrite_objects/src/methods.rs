//! The methods of the built-in types written in Rust (`list.append`,
//! `dict.items`, ...), their constructors, and the computed attributes of exceptions,
//! installed in the types' dicts when the runtime starts.
//!
//! CPython counterpart: the `PyMethodDef` tables and `tp_new` functions of
//! `Objects/unicodeobject.c`, `listobject.c`, `dictobject.c`, `tupleobject.c`,
//! `longobject.c`, `floatobject.c`, and the getsets of `Objects/exceptions.c`.

use crate::descr::{add_getsets, add_methods};
use crate::dict::Dict;
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::exceptions::BaseExceptionData;
use crate::iterobject::{DictIterKind, collect};
use crate::list::List;
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::slots::CompareOp;
use crate::typeobject::PyType;

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

/// Splits vectorcall arguments into positional ones and `(name, value)` keywords.
pub fn split_args<'a>(
    args: &'a [PyRef],
    kwnames: KwNames<'_>,
) -> (&'a [PyRef], Vec<(String, PyRef)>) {
    let names = kwnames.map_or(&[][..], crate::tuple::items);
    let positional = &args[..args.len() - names.len()];
    let keywords = names
        .iter()
        .zip(&args[positional.len()..])
        .map(|(name, value)| (crate::str::to_rust_string(name), value.clone()))
        .collect();
    (positional, keywords)
}

pub(crate) fn no_keywords(name: &str, kwnames: KwNames<'_>) -> PyResult<()> {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// Positional arguments only, between `min` and `max` of them (a method's checks).
pub(crate) fn positional_only(
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_keywords(name, kwnames)?;
    arg_count(name, args, min, max)
}

pub(crate) fn arg_count(name: &str, args: Args<'_>, min: usize, max: usize) -> PyResult<()> {
    if args.len() >= min && args.len() <= max {
        return Ok(());
    }
    Err(PyErr::type_error(if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({} given)", args.len()),
            1 => format!("{name}() takes exactly one argument ({} given)", args.len()),
            _ => format!(
                "{name}() takes exactly {min} arguments ({} given)",
                args.len()
            ),
        }
    } else if args.len() < min {
        format!(
            "{name} expected at least {min} argument{}, got {}",
            if min == 1 { "" } else { "s" },
            args.len()
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {}",
            if max == 1 { "" } else { "s" },
            args.len()
        )
    }))
}

fn new_str(ts: &ThreadState, text: &str) -> PyRef {
    crate::str::new(ts, text).into_ref()
}

// ----- list -----

/// `list.__new__`: an empty list of `ty` (a subclass too); `list.__init__` fills it.
pub(crate) fn list_new(
    ts: &ThreadState,
    ty: &PyType,
    _args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    if std::ptr::eq(ty, &*crate::list::LIST_TYPE) {
        no_keywords("list", kwnames)?;
        return Ok(crate::list::new(ts, Vec::new()).into_ref());
    }
    crate::list::new_with_type(ts, ty)
        .map(crate::object::Py::into_ref)
        .ok_or_else(|| PyErr::type_error("list.__new__(X): X is not a type object"))
}

/// `list.__init__(self, iterable=(), /)`: replaces the items (the `new` slot made the
/// list empty).
pub(crate) fn list_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<()> {
    no_keywords("list", kwnames)?;
    arg_count("list", args, 0, 1)?;
    let list = list_of(this)?;
    let items = match args.first() {
        Some(iterable) => collect(ts, iterable)?,
        None => Vec::new(),
    };
    // One splice: `list(x)` makes an empty list, then fills it here.
    list.replace_range(0, list.len(), items);
    Ok(())
}

fn list_of(object: &PyObject) -> PyResult<&List> {
    object
        .downcast_ref::<List>()
        .map(|list| list.payload())
        .ok_or_else(|| PyErr::type_error("expected a list"))
}

fn replace_items(ts: &ThreadState, list: &List, items: Vec<PyRef>) {
    list.clear();
    for item in items {
        list.append(ts, item);
    }
}

fn list_append(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("list.append", kwnames)?;
    arg_count("list.append", args, 1, 1)?;
    list_of(this)?.append(_ts, args[0].clone());
    Ok(crate::singletons::none())
}

fn list_extend(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("list.extend", args, 1, 1)?;
    let items = collect(ts, &args[0])?;
    let list = list_of(this)?;
    for item in items {
        list.append(ts, item);
    }
    Ok(crate::singletons::none())
}

fn list_insert(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len()
        )));
    }
    let list = list_of(this)?;
    let mut index = ssize_arg(ts, &args[0])?;
    let length = list.len() as i64;
    if index < 0 {
        index = (index + length).max(0);
    }
    list.insert_at(index.min(length) as usize, args[1].clone());
    Ok(crate::singletons::none())
}

/// An index argument as a C `Py_ssize_t`: `OverflowError` beyond it.
fn ssize_arg(ts: &ThreadState, value: &PyObject) -> PyResult<i64> {
    let index = crate::abstract_api::index(ts, value)?;
    crate::int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

fn list_pop(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("pop", args, 0, 1)?;
    let list = list_of(this)?;
    if list.is_empty() {
        return Err(PyErr::new(ExceptionKind::IndexError, "pop from empty list"));
    }
    let mut index = match args.first() {
        Some(index) => ssize_arg(ts, index)?,
        None => -1,
    };
    // The length after `__index__`, which may have changed the list.
    let length = list.len() as i64;
    if index < 0 {
        index += length;
    }
    match usize::try_from(index)
        .ok()
        .and_then(|index| list.pop_at(index))
    {
        Some(item) => Ok(item),
        None => Err(PyErr::new(
            ExceptionKind::IndexError,
            "pop index out of range",
        )),
    }
}

fn list_remove(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("list.remove", args, 1, 1)?;
    let list = list_of(this)?;
    // The live list is walked, as CPython does: `__eq__` may change it.
    let mut position = 0;
    while let Some(item) = list.get(position) {
        if item.rich_compare_bool(ts, &args[0], CompareOp::Eq)? {
            drop(list.pop_at(position));
            return Ok(crate::singletons::none());
        }
        position += 1;
    }
    Err(PyErr::new(
        ExceptionKind::ValueError,
        "list.remove(x): x not in list",
    ))
}

fn list_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("index", args, 1, 3)?;
    let items = list_of(this)?.to_vec();
    let length = items.len() as i64;
    let bound = |position: usize, default: i64| -> PyResult<i64> {
        let Some(value) = args.get(position) else {
            return Ok(default);
        };
        let index = crate::abstract_api::index(ts, value).map_err(|_| {
            PyErr::type_error("slice indices must be integers or have an __index__ method")
        })?;
        let value =
            crate::int::as_i64(&index).unwrap_or(if crate::int_ops::is_negative_int(&index) {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            });
        Ok(if value < 0 {
            (value + length).max(0)
        } else {
            value.min(length)
        })
    };
    let start = bound(1, 0)?;
    let stop = bound(2, length)?;
    let mut position = start;
    while position < stop {
        let Some(item) = list_of(this)?.get(position as usize) else {
            break;
        };
        if item.is(&args[0]) || item.rich_compare_bool(ts, &args[0], CompareOp::Eq)? {
            return Ok(crate::int::new(ts, position));
        }
        position += 1;
    }
    Err(PyErr::new(
        ExceptionKind::ValueError,
        "list.index(x): x not in list",
    ))
}

fn count_in(ts: &ThreadState, items: &[PyRef], value: &PyObject) -> PyResult {
    let mut count = 0;
    for item in items {
        if item.rich_compare_bool(ts, value, CompareOp::Eq)? {
            count += 1;
        }
    }
    Ok(crate::int::new(ts, count))
}

fn list_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("list.count", args, 1, 1)?;
    count_in(ts, &list_of(this)?.to_vec(), &args[0])
}

fn list_reverse(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    list_of(this)?.reverse();
    Ok(crate::singletons::none())
}

fn list_clear(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    list_of(this)?.clear();
    Ok(crate::singletons::none())
}

fn list_copy(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(crate::list::new(ts, list_of(this)?.to_vec()).into_ref())
}

/// Stable merge sort by `<` (CPython's `list.sort` is a stable timsort; any stable sort
/// gives the same order), with errors from comparisons propagated.
pub fn sort_items(
    ts: &ThreadState,
    items: Vec<PyRef>,
    key: Option<&PyObject>,
    reverse: bool,
) -> PyResult<Vec<PyRef>> {
    let keys = match key {
        Some(key) if !crate::singletons::is_none(key) => items
            .iter()
            .map(|item| crate::abstract_api::call(ts, key, std::slice::from_ref(item), None))
            .collect::<PyResult<Vec<_>>>()?,
        _ => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    let mut error = None;
    let less = |a: usize, b: usize, error: &mut Option<PyErr>| -> bool {
        if error.is_some() {
            return false;
        }
        match keys[a].rich_compare_bool(ts, &keys[b], CompareOp::Lt) {
            Ok(value) => value,
            Err(err) => {
                *error = Some(err);
                false
            }
        }
    };
    merge_sort(&mut order, &mut |a, b| less(b, a, &mut error));
    if let Some(err) = error {
        return Err(err);
    }
    if reverse {
        order.reverse();
    }
    Ok(order.into_iter().map(|i| items[i].clone()).collect())
}

/// A stable merge sort taking a "b < a" predicate (so equal items keep their order).
fn merge_sort(items: &mut [usize], b_less_than_a: &mut dyn FnMut(usize, usize) -> bool) {
    if items.len() <= 1 {
        return;
    }
    let middle = items.len() / 2;
    merge_sort(&mut items[..middle], b_less_than_a);
    merge_sort(&mut items[middle..], b_less_than_a);
    let left = items[..middle].to_vec();
    let right = items[middle..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if b_less_than_a(left[i], right[j]) {
            items[k] = right[j];
            j += 1;
        } else {
            items[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        items[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        items[k] = right[j];
        j += 1;
        k += 1;
    }
}

/// `(key, reverse)` keyword arguments of `sort`/`sorted`.
pub fn sort_options(
    ts: &ThreadState,
    keywords: &[(String, PyRef)],
    method: &str,
) -> PyResult<(Option<PyRef>, bool)> {
    let mut key = None;
    let mut reverse = false;
    for (name, value) in keywords {
        match name.as_str() {
            "key" => key = Some(value.clone()),
            "reverse" => reverse = value.is_true(ts)?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "{method}() got an unexpected keyword argument '{name}'"
                )));
            }
        }
    }
    Ok((key, reverse))
}

fn list_sort(ts: &ThreadState, this: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    if !positional.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_options(ts, &keywords, "sort")?;
    let list = list_of(this)?;
    let sorted = sort_items(ts, list.to_vec(), key.as_deref(), reverse)?;
    replace_items(ts, list, sorted);
    Ok(crate::singletons::none())
}

// ----- tuple -----

pub(crate) fn tuple_new(
    ts: &ThreadState,
    ty: &PyType,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("tuple", kwnames)?;
    arg_count("tuple", args, 0, 1)?;
    if !std::ptr::eq(ty, &*crate::tuple::TUPLE_TYPE) {
        // `tuple.__new__(cls, iterable)` of a subclass: a new object of that class.
        let items = match args.first() {
            Some(iterable) => collect(ts, iterable)?,
            None => Vec::new(),
        };
        return crate::tuple::new_with_type(ts, ty, items, Vec::new());
    }
    match args.first() {
        Some(iterable) if iterable.is_exact_type(&crate::tuple::TUPLE_TYPE) => Ok(iterable.clone()),
        Some(iterable) => Ok(crate::tuple::new(ts, collect(ts, iterable)?).into_ref()),
        None => Ok(crate::tuple::empty()),
    }
}

fn tuple_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("index", args, 1, 3)?;
    let items = crate::tuple::items(this).to_vec();
    let length = items.len() as i64;
    let bound = |position: usize, default: i64| -> PyResult<i64> {
        let Some(value) = args.get(position) else {
            return Ok(default);
        };
        let index = crate::abstract_api::index(ts, value).map_err(|_| {
            PyErr::type_error("slice indices must be integers or have an __index__ method")
        })?;
        let value =
            crate::int::as_i64(&index).unwrap_or(if crate::int_ops::is_negative_int(&index) {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            });
        Ok(if value < 0 {
            (value + length).max(0)
        } else {
            value.min(length)
        })
    };
    let (start, stop) = (bound(1, 0)?, bound(2, length)?);
    for position in start..stop {
        let item = &items[position as usize];
        if item.is(&args[0]) || item.rich_compare_bool(ts, &args[0], CompareOp::Eq)? {
            return Ok(crate::int::new(ts, position));
        }
    }
    Err(PyErr::new(
        ExceptionKind::ValueError,
        "tuple.index(x): x not in tuple",
    ))
}

fn tuple_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("tuple.count", args, 1, 1)?;
    count_in(ts, crate::tuple::items(this), &args[0])
}

// ----- dict -----

fn dict_of(object: &PyObject) -> PyResult<&Dict> {
    object
        .downcast_ref::<Dict>()
        .map(|dict| dict.payload())
        .ok_or_else(|| PyErr::type_error("expected a dict"))
}

/// `dict.update(other, **kwargs)`'s work.
pub fn dict_merge(ts: &ThreadState, dict: &Dict, other: &PyObject) -> PyResult<()> {
    if let Some(source) = other.downcast_ref::<Dict>() {
        for (key, value) in source.items() {
            dict.set_item(ts, key, value)?;
        }
        return Ok(());
    }
    if let Some(keys) = crate::attrs::lookup_special(ts, other, "keys")? {
        let keys = crate::abstract_api::call(ts, &keys, &[], None)?;
        for key in collect(ts, &keys)? {
            let value = crate::abstract_ops::get_item(ts, other, &key)?;
            dict.set_item(ts, key, value)?;
        }
        return Ok(());
    }
    for (position, pair) in collect(ts, other)?.into_iter().enumerate() {
        let items = collect(ts, &pair).map_err(|err| {
            if err.is(ExceptionKind::TypeError) {
                PyErr::type_error("object is not iterable")
            } else {
                err
            }
        })?;
        let [key, value] = <[PyRef; 2]>::try_from(items).map_err(|items| {
            PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "dictionary update sequence element #{position} has length {}; 2 is required",
                    items.len()
                ),
            )
        })?;
        dict.set_item(ts, key, value)?;
    }
    Ok(())
}

/// `dict.__new__`: an empty dict of `ty` (a subclass too); `dict.__init__` fills it.
pub(crate) fn dict_new(
    ts: &ThreadState,
    ty: &PyType,
    _args: Args<'_>,
    _kwnames: KwNames<'_>,
) -> PyResult {
    let dict = crate::dict::new_with_type(ts, ty).unwrap_or_else(|| crate::dict::new(ts));
    Ok(dict.into_ref())
}

/// `dict.__init__(self, mapping_or_iterable=(), /, **kwargs)`: `update` (the `new` slot
/// made the dict empty).
pub(crate) fn dict_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<()> {
    let (positional, keywords) = split_args(args, kwnames);
    arg_count("dict", positional, 0, 1)?;
    let dict = dict_of(this)?;
    if let Some(source) = positional.first() {
        dict_merge(ts, dict, source)?;
    }
    for (name, value) in keywords {
        dict.set_item(ts, new_str(ts, &name), value)?;
    }
    Ok(())
}

fn dict_get(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("get", args, 1, 2)?;
    match dict_of(this)?.get_item(ts, &args[0])? {
        Some(value) => Ok(value),
        None => Ok(args.get(1).cloned().unwrap_or_else(crate::singletons::none)),
    }
}

fn dict_setdefault(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("setdefault", args, 1, 2)?;
    let dict = dict_of(this)?;
    if let Some(value) = dict.get_item(ts, &args[0])? {
        return Ok(value);
    }
    let value = args.get(1).cloned().unwrap_or_else(crate::singletons::none);
    dict.set_item(ts, args[0].clone(), value.clone())?;
    Ok(value)
}

fn dict_pop(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("pop", args, 1, 2)?;
    let dict = dict_of(this)?;
    match dict.get_item(ts, &args[0])? {
        Some(value) => {
            dict.del_item(ts, &args[0])?;
            Ok(value)
        }
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::with_object(ExceptionKind::KeyError, args[0].clone())),
        },
    }
}

fn dict_popitem(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let dict = dict_of(this)?;
    let Some((key, value)) = dict.items().pop() else {
        return Err(PyErr::new(
            ExceptionKind::KeyError,
            "popitem(): dictionary is empty",
        ));
    };
    dict.del_item(ts, &key)?;
    Ok(crate::tuple::new(ts, vec![key, value]).into_ref())
}

fn dict_update(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (positional, keywords) = split_args(args, kwnames);
    let dict = dict_of(this)?;
    if let Some(source) = positional.first() {
        dict_merge(ts, dict, source)?;
    }
    for (name, value) in keywords {
        dict.set_item(ts, new_str(ts, &name), value)?;
    }
    Ok(crate::singletons::none())
}

fn dict_keys(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(crate::iterobject::new_dict_view(
        ts,
        this,
        DictIterKind::Keys,
    ))
}
fn dict_values(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(crate::iterobject::new_dict_view(
        ts,
        this,
        DictIterKind::Values,
    ))
}
fn dict_items(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(crate::iterobject::new_dict_view(
        ts,
        this,
        DictIterKind::Items,
    ))
}

fn dict_copy(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let copy = crate::dict::new(ts);
    dict_merge(ts, &copy, this)?;
    Ok(copy.into_ref())
}

fn dict_clear(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    dict_of(this)?.clear();
    Ok(crate::singletons::none())
}

// ----- int, float, object -----

// ----- exceptions -----

fn exception_data(object: &PyObject) -> PyResult<&BaseExceptionData> {
    crate::exceptions::data(object).ok_or_else(|| PyErr::type_error("expected an exception"))
}

fn optional(value: Option<PyRef>) -> PyRef {
    value.unwrap_or_else(crate::singletons::none)
}

fn not_none(value: Option<&PyObject>) -> Option<PyRef> {
    value
        .filter(|v| !crate::singletons::is_none(v))
        .map(PyObject::new_ref)
}

fn exc_get_args(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(exception_data(object)?.args.borrow().clone())
}
fn exc_set_args(ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let items = match value {
        Some(value) => collect(ts, value)?,
        None => return Err(PyErr::type_error("args may not be deleted")),
    };
    let args = crate::tuple::new(ts, items).into_ref();
    let old = exception_data(object)?.args.replace(args);
    drop(old);
    Ok(())
}
fn exc_get_traceback(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional(exception_data(object)?.traceback.borrow().clone()))
}
fn exc_set_traceback(
    _ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    match value {
        None => return Err(PyErr::type_error("__traceback__ may not be deleted")),
        Some(value)
            if !crate::singletons::is_none(value)
                && !value.payload_is::<crate::traceback::Traceback>() =>
        {
            return Err(PyErr::type_error(
                "__traceback__ must be a traceback or None",
            ));
        }
        _ => {}
    }
    let old = exception_data(object)?.traceback.replace(not_none(value));
    drop(old);
    Ok(())
}
fn exc_get_context(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional(exception_data(object)?.context.borrow().clone()))
}
/// `None`, or an exception instance (for `__context__`/`__cause__`).
fn check_chained(value: Option<&PyObject>, what: &str) -> PyResult<()> {
    match value {
        Some(value)
            if !crate::singletons::is_none(value) && !crate::exceptions::is_exception(value) =>
        {
            Err(PyErr::type_error(format!(
                "exception {what} must be None or derive from BaseException"
            )))
        }
        None => Err(PyErr::type_error(format!("{what} may not be deleted"))),
        _ => Ok(()),
    }
}
fn exc_set_context(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    check_chained(value, "context")?;
    let old = exception_data(object)?.context.replace(not_none(value));
    drop(old);
    Ok(())
}
fn exc_get_cause(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional(exception_data(object)?.cause.borrow().clone()))
}
fn exc_set_cause(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    check_chained(value, "cause")?;
    let data = exception_data(object)?;
    let old = data.cause.replace(not_none(value));
    data.suppress_context.set(true);
    drop(old);
    Ok(())
}
fn exc_get_suppress(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(crate::bool::bool_ref(
        exception_data(object)?.suppress_context.get(),
    ))
}
fn exc_set_suppress(ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let value = match value {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    exception_data(object)?.suppress_context.set(value);
    Ok(())
}
fn exc_first_arg(_ts: &ThreadState, object: &PyObject) -> PyResult {
    let args = crate::exceptions::args_of(object);
    Ok(match args.as_slice() {
        [] => crate::singletons::none(),
        [arg] => arg.clone(),
        _ => exception_data(object)?.args.borrow().clone(),
    })
}
fn exc_value(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional(
        crate::exceptions::args_of(object).first().cloned(),
    ))
}

fn exc_with_traceback(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    arg_count("with_traceback", args, 1, 1)?;
    exc_set_traceback(_ts, this, Some(&args[0]))?;
    Ok(this.new_ref())
}

/// `BaseException.__reduce__`: `(type(self), self.args)`, plus the instance dict when it
/// holds anything.
fn exc_reduce(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("__reduce__", args, 0, 0)?;
    let class = this.ob_type().as_object().new_ref();
    let exc_args = exc_get_args(ts, this)?;
    let mut items = vec![class, exc_args];
    let dict_name = crate::str::intern(ts, "__dict__");
    if let Some(dict) = crate::attrs::lookup_attr(ts, this, &dict_name)?
        && crate::abstract_api::len(ts, &dict).unwrap_or(0) > 0
    {
        items.push(dict);
    }
    Ok(crate::tuple::new(ts, items).into_ref())
}

fn exc_add_note(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    arg_count("add_note", args, 1, 1)?;
    if !args[0].payload_is::<crate::str::Str>() {
        return Err(PyErr::type_error(format!(
            "add_note() argument must be str, not {}",
            args[0].ob_type().name()
        )));
    }
    let notes_name = crate::str::intern(ts, "__notes__");
    let notes = match crate::attrs::lookup_attr(ts, this, &notes_name)? {
        Some(notes) => notes,
        None => {
            let notes = crate::list::new(ts, Vec::new()).into_ref();
            crate::attrs::set_attr(ts, this, &notes_name, Some(&notes))?;
            notes
        }
    };
    match notes.downcast_ref::<List>() {
        Some(list) => list.append(ts, args[0].clone()),
        None => {
            return Err(PyErr::type_error(
                "Cannot add note: __notes__ is not a list",
            ));
        }
    }
    Ok(crate::singletons::none())
}

fn type_mro_method(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let mro = crate::typeobject::as_type(this).and_then(|ty| ty.mro(ts));
    Ok(crate::list::new(
        ts,
        mro.map(|m| crate::tuple::items(&m).to_vec())
            .unwrap_or_default(),
    )
    .into_ref())
}

// ----- object -----

/// `object.__format__(self, format_spec, /)`: `str(self)`, and no format spec allowed.
fn object_format_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("__format__", kwnames)?;
    arg_count("__format__", args, 1, 1)?;
    let Some(spec) = crate::str::as_str_payload(&args[0]) else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            args[0].ob_type().name()
        )));
    };
    if !spec.as_bytes().is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            this.ob_type().name()
        )));
    }
    this.str(ts)
}

/// `object.__sizeof__(self, /)`: the object's size in memory, as 64-bit CPython counts it.
fn object_sizeof_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("__sizeof__", kwnames)?;
    arg_count("__sizeof__", args, 0, 0)?;
    let size = crate::sizeof::sizeof(ts, this)?;
    Ok(crate::int::new(ts, size as i64))
}

/// `object.__dir__(self, /)`: the default listing, unsorted.
fn object_dir_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("__dir__", kwnames)?;
    arg_count("__dir__", args, 0, 0)?;
    Ok(crate::list::new(ts, crate::attrs::default_dir(ts, this)?).into_ref())
}

// ----- methods that coexist with a slot (CPython's `METH_COEXIST`) -----

fn coexist_getitem(
    ts: &ThreadState,
    ty: &PyType,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("__getitem__", kwnames)?;
    arg_count("__getitem__", args, 1, 1)?;
    let subscript = ty
        .mapping
        .subscript
        .get()
        .ok_or_else(|| PyErr::type_error("no __getitem__"))?;
    subscript(ts, this, &args[0])
}

fn coexist_contains(
    ts: &ThreadState,
    ty: &PyType,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_keywords("__contains__", kwnames)?;
    arg_count("__contains__", args, 1, 1)?;
    let contains = ty
        .sequence
        .contains
        .get()
        .ok_or_else(|| PyErr::type_error("no __contains__"))?;
    Ok(crate::bool::bool_ref(contains(ts, this, &args[0])?))
}

fn list_getitem_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    coexist_getitem(ts, &crate::list::LIST_TYPE, this, args, k)
}

fn dict_getitem_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    coexist_getitem(ts, &crate::dict::DICT_TYPE, this, args, k)
}

fn dict_contains_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    coexist_contains(ts, &crate::dict::DICT_TYPE, this, args, k)
}

fn set_contains_method(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    coexist_contains(ts, &crate::set::SET_TYPE, this, args, k)
}

/// Fills the built-in types' dicts (called once, when the built-in types are readied).
pub(crate) fn install(ts: &ThreadState) {
    crate::iterobject::add_reversed_methods(ts);
    crate::iterobject::add_seq_iterator_methods(ts);
    crate::range::add_iterator_methods(ts);
    crate::iterobject::add_dict_iterator_methods(ts);
    crate::str_methods::install(ts);
    crate::bytes_methods::install(ts);
    add_methods(
        ts,
        &crate::list::LIST_TYPE,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("reverse", list_reverse),
            ("clear", list_clear),
            ("copy", list_copy),
            ("sort", list_sort),
        ],
    );
    add_methods(
        ts,
        &crate::tuple::TUPLE_TYPE,
        &[("index", tuple_index), ("count", tuple_count)],
    );
    add_methods(
        ts,
        &crate::dict::DICT_TYPE,
        &[
            ("get", dict_get),
            ("setdefault", dict_setdefault),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("update", dict_update),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("copy", dict_copy),
            ("clear", dict_clear),
        ],
    );
    crate::int_methods::install(ts);
    crate::float_methods::install(ts);
    crate::complex::install(ts);
    crate::range::install(ts);
    crate::list::install(ts);
    crate::dict_views::install(ts);
    crate::slice::install(ts);
    crate::wrapper_descr::install(ts);
    let object = &crate::typeobject::OBJECT_TYPE;
    add_methods(
        ts,
        object,
        &[
            ("__format__", object_format_method),
            ("__dir__", object_dir_method),
            ("__sizeof__", object_sizeof_method),
        ],
    );
    add_methods(
        ts,
        &crate::module::MODULE_TYPE,
        &[("__dir__", crate::module::module_dir_method)],
    );
    add_getsets(
        ts,
        object,
        &[(
            "__class__",
            crate::attrs::get_class,
            Some(crate::attrs::set_class),
        )],
    );
    // Methods that replace the slot wrapper of the same name, as in CPython.
    add_methods(
        ts,
        &crate::list::LIST_TYPE,
        &[("__getitem__", list_getitem_method)],
    );
    add_methods(
        ts,
        &crate::dict::DICT_TYPE,
        &[
            ("__getitem__", dict_getitem_method),
            ("__contains__", dict_contains_method),
        ],
    );
    for ty in [&crate::set::SET_TYPE, &crate::set::FROZENSET_TYPE] {
        add_methods(ts, ty, &[("__contains__", set_contains_method)]);
    }
    crate::mappingproxy::install(ts);
    add_methods(
        ts,
        &crate::typeobject::TYPE_TYPE,
        &[("mro", type_mro_method)],
    );
    add_getsets(
        ts,
        &crate::typeobject::TYPE_TYPE,
        &[
            (
                "__annotations__",
                crate::attrs::type_annotations_get,
                Some(crate::attrs::type_annotations_set),
            ),
            (
                "__annotate__",
                crate::attrs::type_annotate_get,
                Some(crate::attrs::type_annotate_set),
            ),
            ("__name__", crate::attrs::type_name_get, None),
            ("__qualname__", crate::attrs::type_qualname_get, None),
            ("__module__", crate::attrs::type_module_get, None),
            ("__mro__", crate::attrs::type_mro_get, None),
            ("__bases__", crate::attrs::type_bases_get, None),
            ("__base__", crate::attrs::type_base_get, None),
            ("__dict__", crate::attrs::type_dict_get, None),
        ],
    );
    let base = &crate::exceptions::BASE_EXCEPTION_TYPE;
    add_methods(
        ts,
        base,
        &[
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
            ("__reduce__", exc_reduce),
        ],
    );
    add_getsets(
        ts,
        base,
        &[
            ("args", exc_get_args, Some(exc_set_args)),
            ("__traceback__", exc_get_traceback, Some(exc_set_traceback)),
            ("__context__", exc_get_context, Some(exc_set_context)),
            ("__cause__", exc_get_cause, Some(exc_set_cause)),
            (
                "__suppress_context__",
                exc_get_suppress,
                Some(exc_set_suppress),
            ),
        ],
    );
    add_getsets(
        ts,
        &crate::exceptions::SYSTEM_EXIT_TYPE,
        &[("code", exc_first_arg, None)],
    );
    add_getsets(
        ts,
        &crate::exceptions::STOP_ITERATION_TYPE,
        &[("value", exc_value, None)],
    );
    crate::descr::install_property_methods(ts);
    crate::set::install(ts);
    crate::code::install(ts);
    crate::function::install(ts);
    crate::genericaliasobject::install(ts);
    crate::cell::install(ts);
    crate::namespaceobject::install(ts);
    crate::templateobject::install(ts);
    crate::unionobject::install(ts);
    crate::typevarobject::install(ts);
    crate::exception_group::install(ts);
    crate::exceptions::install(ts);
    crate::superobject::install(ts);
}

/// The constructors of the built-in containers, for their `tp_new` slots.
pub(crate) mod constructors {
    pub(crate) use super::{dict_init, dict_new, list_init, list_new, tuple_new};
    pub(crate) use crate::str_methods::str_new;
}
