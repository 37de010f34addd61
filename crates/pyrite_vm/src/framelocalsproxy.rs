//! `FrameLocalsProxy` (PEP 667): `frame.f_locals` of a function frame, a live mapping
//! over the frame's fast locals, cells and free variables, with the names that are not
//! locals kept in the frame object's extra dict.
//!
//! CPython counterpart: `Objects/frameobject.c` (`framelocalsproxy_*`): the same key
//! lookup (identity, then equality), the same hidden/unbound rules, the same errors.

use pyrite_bytecode::code::LocalKind;
use pyrite_objects::code::Code;
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{MappingSlots, NumberSlots, SequenceSlots, Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    CompareOp, Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState,
    bool as pybool, cell, dict, list, singletons, str as pystr, tuple,
};

use crate::frameobject::{FrameObject, frame_of};

/// The payload of `FrameLocalsProxy` objects: the frame object they view.
pub struct FrameLocalsProxy {
    frame: PyRef,
}

impl PyPayload for FrameLocalsProxy {
    fn static_type() -> &'static PyType {
        &FRAME_LOCALS_PROXY_TYPE
    }
}

/// A new proxy over `frame` (a frame object).
pub fn new(ts: &ThreadState, frame: PyRef) -> PyRef {
    Py::new(ts, FrameLocalsProxy { frame }).into_ref()
}

fn proxy_of(object: &PyObject) -> PyResult<(&FrameObject, Py<Code>)> {
    let proxy = object
        .downcast_ref::<FrameLocalsProxy>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'FrameLocalsProxy' object"))?;
    let frame = frame_of(&proxy.frame)?;
    let code = frame
        .code()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "frame without code"))?;
    Ok((frame, code))
}

/// The value of slot `index` as the proxy sees it: a cell's contents for cells and free
/// variables (CPython's `framelocalsproxy_getval`).
fn value_at(frame: &FrameObject, code: &Code, index: usize) -> Option<PyRef> {
    let value = frame.local(index)?;
    let kind = code
        .code
        .co_localspluskinds
        .get(index)
        .copied()
        .unwrap_or(0);
    if (kind == LocalKind::FREE || kind & LocalKind::CELL != 0)
        && value.payload_is::<pyrite_objects::cell::Cell>()
    {
        return cell::get(&value);
    }
    Some(value)
}

/// Whether a PEP 709 comprehension inlined in a module or class body has bound
/// variables right now (CPython's `_PyFrame_HasHiddenLocals`): `f_locals` and
/// `locals()` then show the fast locals instead of the namespace.
pub(crate) fn has_hidden_locals(code: &Code, local: impl Fn(usize) -> Option<PyRef>) -> bool {
    (0..code.nlocalsplus).any(|index| {
        is_hidden(code, index)
            && local(index).is_some_and(|value| {
                let kind = code.code.co_localspluskinds[index];
                !((kind == LocalKind::FREE || kind & LocalKind::CELL != 0)
                    && value.payload_is::<pyrite_objects::cell::Cell>()
                    && cell::get(&value).is_none())
            })
    })
}

fn is_hidden(code: &Code, index: usize) -> bool {
    code.code
        .co_localspluskinds
        .get(index)
        .copied()
        .unwrap_or(0)
        & LocalKind::HIDDEN
        != 0
}

/// The slot a key names: for reading, a bound one; for writing, one not hidden
/// (CPython's `framelocalsproxy_getkeyindex`). Unhashable keys raise.
fn key_index(
    ts: &ThreadState,
    frame: &FrameObject,
    code: &Code,
    key: &PyObject,
    read: bool,
) -> PyResult<Option<(usize, Option<PyRef>)>> {
    let key_hash = key.hash(ts)?;
    let check = |index: usize| -> Option<(usize, Option<PyRef>)> {
        if read {
            value_at(frame, code, index).map(|value| (index, Some(value)))
        } else if !is_hidden(code, index) {
            Some((index, None))
        } else {
            None
        }
    };
    let mut found = false;
    for (index, name) in code.localsplusnames.iter().enumerate() {
        if name.is(key) {
            if let Some(hit) = check(index) {
                return Ok(Some(hit));
            }
            found = true;
        }
    }
    if found {
        return Ok(None);
    }
    for (index, name) in code.localsplusnames.iter().enumerate() {
        if name.hash(ts)? != key_hash {
            continue;
        }
        if name.rich_compare_bool(ts, key, CompareOp::Eq)?
            && let Some(hit) = check(index)
        {
            return Ok(Some(hit));
        }
    }
    Ok(None)
}

fn extra_dict(frame: &FrameObject) -> Option<PyRef> {
    frame.extra_locals.borrow().clone()
}

fn getitem(ts: &ThreadState, this: &PyObject, key: &PyObject) -> PyResult {
    let (frame, code) = proxy_of(this)?;
    if let Some((_, Some(value))) = key_index(ts, frame, &code, key, true)? {
        return Ok(value);
    }
    if let Some(extra) = extra_dict(frame)
        && let Some(dict) = extra.downcast_ref::<Dict>()
        && let Some(value) = dict.get_item(ts, key)?
    {
        return Ok(value);
    }
    Err(PyErr::new(
        ExceptionKind::KeyError,
        format!(
            "local variable '{}' is not defined",
            key.repr(ts).map(|r| pystr::to_rust_string(&r))?
        ),
    ))
}

fn setitem(
    ts: &ThreadState,
    this: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let (frame, code) = proxy_of(this)?;
    if let Some((index, _)) = key_index(ts, frame, &code, key, false)? {
        let Some(value) = value else {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "cannot remove local variables from FrameLocalsProxy",
            ));
        };
        let kind = code
            .code
            .co_localspluskinds
            .get(index)
            .copied()
            .unwrap_or(0);
        let old = frame.local(index);
        let cell_object = match &old {
            Some(old)
                if (kind == LocalKind::FREE || kind & LocalKind::CELL != 0)
                    && old.payload_is::<pyrite_objects::cell::Cell>() =>
            {
                Some(old.clone())
            }
            _ => None,
        };
        match cell_object {
            Some(cell_object) => cell::set(&cell_object, Some(value.new_ref())),
            None => {
                let replaced = frame.replace_local(index, Some(value.new_ref()));
                drop(replaced);
            }
        }
        drop(old);
        return Ok(());
    }
    let extra = extra_dict(frame);
    let extra = match (extra, value) {
        (Some(extra), _) => extra,
        (None, None) => return Err(PyErr::with_object(ExceptionKind::KeyError, key.new_ref())),
        (None, Some(_)) => {
            let made = dict::new(ts).into_ref();
            *frame.extra_locals.borrow_mut() = Some(made.clone());
            made
        }
    };
    let dict = extra
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "extra locals are not a dict"))?;
    match value {
        Some(value) => dict.set_item(ts, key.new_ref(), value.new_ref()),
        None => dict.del_item(ts, key),
    }
}

/// The visible (name, value) pairs, fast locals first, then the extra names.
fn items_of(this: &PyObject) -> PyResult<Vec<(PyRef, PyRef)>> {
    let (frame, code) = proxy_of(this)?;
    let mut items = Vec::new();
    for (index, name) in code.localsplusnames.iter().enumerate() {
        if let Some(value) = value_at(frame, &code, index) {
            items.push((name.clone(), value));
        }
    }
    if let Some(extra) = extra_dict(frame)
        && let Some(dict) = extra.downcast_ref::<Dict>()
    {
        items.extend(dict.items());
    }
    Ok(items)
}

fn length(_ts: &ThreadState, this: &PyObject) -> PyResult<usize> {
    Ok(items_of(this)?.len())
}

fn contains(ts: &ThreadState, this: &PyObject, key: &PyObject) -> PyResult<bool> {
    let (frame, code) = proxy_of(this)?;
    if key_index(ts, frame, &code, key, true)?.is_some() {
        return Ok(true);
    }
    match extra_dict(frame) {
        Some(extra) => match extra.downcast_ref::<Dict>() {
            Some(dict) => Ok(dict.get_item(ts, key)?.is_some()),
            None => Ok(false),
        },
        None => Ok(false),
    }
}

fn keys_list(ts: &ThreadState, this: &PyObject) -> PyResult {
    let keys = items_of(this)?.into_iter().map(|(key, _)| key).collect();
    Ok(list::new(ts, keys).into_ref())
}

/// `PyDict_Update(target, source)`: a dict, a proxy, or anything with `keys()`.
fn update_dict(ts: &ThreadState, target: &Dict, source: &PyObject) -> PyResult<()> {
    if let Some(source) = source.downcast_ref::<Dict>() {
        for (key, value) in source.items() {
            target.set_item(ts, key, value)?;
        }
        return Ok(());
    }
    if source.payload_is::<FrameLocalsProxy>() {
        for (key, value) in items_of(source)? {
            target.set_item(ts, key, value)?;
        }
        return Ok(());
    }
    let keys = pyrite_objects::attrs::get_attr_str(ts, source, "keys")?;
    let keys = pyrite_objects::abstract_api::call(ts, &keys, &[], None)?;
    for key in pyrite_objects::iterobject::collect(ts, &keys)? {
        let value = pyrite_objects::abstract_ops::get_item(ts, source, &key)?;
        target.set_item(ts, key, value)?;
    }
    Ok(())
}

fn as_dict(ts: &ThreadState, this: &PyObject) -> PyResult<Py<Dict>> {
    let result = dict::new(ts);
    update_dict(ts, &result, this)?;
    Ok(result)
}

fn is_mapping_operand(object: &PyObject) -> bool {
    object.payload_is::<Dict>() || object.payload_is::<FrameLocalsProxy>()
}

/// Stores every item of a dict or proxy `other` through the proxy.
fn merge(ts: &ThreadState, this: &PyObject, other: &PyObject) -> PyResult<bool> {
    if !is_mapping_operand(other) {
        return Ok(false);
    }
    let items = match other.downcast_ref::<Dict>() {
        Some(dict) => dict.items(),
        None => items_of(other)?,
    };
    for (key, value) in items {
        setitem(ts, this, &key, Some(&value))?;
    }
    Ok(true)
}

fn proxy_or(ts: &ThreadState, left: &PyObject, right: &PyObject) -> PyResult {
    if !is_mapping_operand(right) {
        return Ok(singletons::not_implemented());
    }
    let result = dict::new(ts);
    update_dict(ts, &result, left)?;
    update_dict(ts, &result, right)?;
    Ok(result.into_ref())
}

fn proxy_inplace_or(ts: &ThreadState, this: &PyObject, other: &PyObject) -> PyResult {
    if !is_mapping_operand(other) || !merge(ts, this, other).unwrap_or(false) {
        return Ok(singletons::not_implemented());
    }
    Ok(this.new_ref())
}

fn richcompare(ts: &ThreadState, this: &PyObject, other: &PyObject, op: CompareOp) -> PyResult {
    if let Some(other_proxy) = other.downcast_ref::<FrameLocalsProxy>() {
        let this_proxy = this
            .downcast_ref::<FrameLocalsProxy>()
            .ok_or_else(|| PyErr::type_error("expected a FrameLocalsProxy"))?;
        let same = this_proxy.frame.is(&other_proxy.frame);
        return Ok(match op {
            CompareOp::Eq => pybool::bool_ref(same),
            CompareOp::Ne => pybool::bool_ref(!same),
            _ => singletons::not_implemented(),
        });
    }
    if other.payload_is::<Dict>() {
        let copy = as_dict(ts, this)?;
        return copy.as_object().rich_compare(ts, other, op);
    }
    Ok(singletons::not_implemented())
}

fn proxy_repr(ts: &ThreadState, this: &PyObject) -> PyResult {
    let Some(_guard) = ts.repr_enter(this) else {
        return Ok(pystr::new(ts, "{...}").into_ref());
    };
    let copy = as_dict(ts, this)?;
    copy.as_object().repr(ts)
}

fn proxy_iter(ts: &ThreadState, this: &PyObject) -> PyResult {
    let keys = keys_list(ts, this)?;
    pyrite_objects::iterobject::get_iter(ts, &keys)
}

fn proxy_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let keywords = kwnames.map_or(0, |names| tuple::items(names).len());
    let positional = &args[..args.len() - keywords];
    if positional.len() != 1 {
        return Err(PyErr::type_error(format!(
            "FrameLocalsProxy expected 1 argument, got {}",
            positional.len()
        )));
    }
    let frame = &positional[0];
    if !frame.payload_is::<FrameObject>() {
        return Err(PyErr::type_error(format!(
            "expect frame, not {}",
            frame.ob_type().name()
        )));
    }
    if keywords > 0 {
        return Err(PyErr::type_error(
            "FrameLocalsProxy takes no keyword arguments",
        ));
    }
    Ok(new(ts, frame.clone()))
}

fn traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(proxy) = object.downcast_ref::<FrameLocalsProxy>() {
        visit(&proxy.frame);
    }
}

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn no_keywords(name: &str, kwnames: KwNames<'_>) -> PyResult<()> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "FrameLocalsProxy.{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

fn no_args(name: &str, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult<()> {
    no_keywords(name, kwnames)?;
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "FrameLocalsProxy.{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn one_arg<'a>(name: &str, args: Args<'a>, kwnames: KwNames<'_>) -> PyResult<&'a PyRef> {
    no_keywords(name, kwnames)?;
    match args {
        [arg] => Ok(arg),
        _ => Err(PyErr::type_error(format!(
            "FrameLocalsProxy.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn method_keys(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("keys", args, k)?;
    keys_list(ts, this)
}

fn method_values(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("values", args, k)?;
    let values = items_of(this)?
        .into_iter()
        .map(|(_, value)| value)
        .collect();
    Ok(list::new(ts, values).into_ref())
}

fn method_items(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("items", args, k)?;
    let pairs = items_of(this)?
        .into_iter()
        .map(|(key, value)| tuple::new(ts, vec![key, value]).into_ref())
        .collect();
    Ok(list::new(ts, pairs).into_ref())
}

fn method_copy(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("copy", args, k)?;
    Ok(as_dict(ts, this)?.into_ref())
}

fn method_reversed(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("__reversed__", args, k)?;
    let mut keys: Vec<PyRef> = items_of(this)?.into_iter().map(|(key, _)| key).collect();
    keys.reverse();
    Ok(list::new(ts, keys).into_ref())
}

fn method_update(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let other = one_arg("update", args, k)?;
    match merge(ts, this, other) {
        Ok(true) => Ok(singletons::none()),
        _ => Err(PyErr::type_error(
            "update() argument must be dict or another FrameLocalsProxy",
        )),
    }
}

fn get_or_default(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    name: &str,
) -> PyResult<(PyRef, PyRef, Option<PyRef>)> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{name} expected 1 or 2 arguments"
        )));
    }
    let default = args.get(1).cloned().unwrap_or_else(singletons::none);
    match getitem(ts, this, &args[0]) {
        Ok(value) => Ok((args[0].clone(), default, Some(value))),
        Err(err) if err.matches(ExceptionKind::KeyError) => Ok((args[0].clone(), default, None)),
        Err(err) => Err(err),
    }
}

fn method_get(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let (_, default, found) = get_or_default(ts, this, args, "get")?;
    Ok(found.unwrap_or(default))
}

fn method_setdefault(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let (key, default, found) = get_or_default(ts, this, args, "setdefault")?;
    match found {
        Some(value) => Ok(value),
        None => {
            setitem(ts, this, &key, Some(&default))?;
            Ok(default)
        }
    }
}

fn method_pop(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "pop expected {} argument{}, got {}",
            if args.is_empty() {
                "at least 1"
            } else {
                "at most 2"
            },
            if args.is_empty() { "" } else { "s" },
            args.len()
        )));
    }
    let key = &args[0];
    let (frame, code) = proxy_of(this)?;
    if key_index(ts, frame, &code, key, false)?.is_some() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "cannot remove local variables from FrameLocalsProxy",
        ));
    }
    let popped = match extra_dict(frame) {
        Some(extra) => match extra.downcast_ref::<Dict>() {
            Some(dict) => match dict.get_item(ts, key)? {
                Some(value) => {
                    dict.del_item(ts, key)?;
                    Some(value)
                }
                None => None,
            },
            None => None,
        },
        None => None,
    };
    match (popped, args.get(1)) {
        (Some(value), _) => Ok(value),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(PyErr::with_object(ExceptionKind::KeyError, key.clone())),
    }
}

fn method_getitem(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    getitem(ts, this, one_arg("__getitem__", args, k)?)
}

fn method_setitem(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [key, value] = args else {
        return Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            args.len()
        )));
    };
    setitem(ts, this, key, Some(value))?;
    Ok(singletons::none())
}

fn method_delitem(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    setitem(ts, this, one_arg("__delitem__", args, k)?, None)?;
    Ok(singletons::none())
}

fn method_contains(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    Ok(pybool::bool_ref(contains(
        ts,
        this,
        one_arg("__contains__", args, k)?,
    )?))
}

fn method_len(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args("__len__", args, k)?;
    Ok(pyrite_objects::int::new(ts, length(ts, this)? as i64))
}

fn method_or(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    proxy_or(ts, this, one_arg("__or__", args, k)?)
}

fn method_ror(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    proxy_or(ts, one_arg("__ror__", args, k)?, this)
}

fn method_ior(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    proxy_inplace_or(ts, this, one_arg("__ior__", args, k)?)
}

pub static FRAME_LOCALS_PROXY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<FrameLocalsProxy>("FrameLocalsProxy", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(proxy_repr),
            hash: Slot::new(pyrite_objects::typeobject::hash_not_implemented),
            richcompare: Slot::new(richcompare),
            iter: Slot::new(proxy_iter),
            new: Slot::new(proxy_new),
            traverse: Slot::new(traverse),
            ..pyrite_objects::typeobject::object_slots()
        })
        .with_number(NumberSlots {
            or: Slot::new(proxy_or),
            inplace_or: Slot::new(proxy_inplace_or),
            ..NumberSlots::EMPTY
        })
        .with_sequence(SequenceSlots {
            contains: Slot::new(contains),
            ..SequenceSlots::EMPTY
        })
        .with_mapping(MappingSlots {
            length: Slot::new(length),
            subscript: Slot::new(getitem),
            ass_subscript: Slot::new(setitem),
        }),
);

/// Readies the proxy type and fills its dict.
pub fn init(ts: &ThreadState) {
    let _ = FRAME_LOCALS_PROXY_TYPE.ready(ts);
    pyrite_objects::descr::add_methods(
        ts,
        &FRAME_LOCALS_PROXY_TYPE,
        &[
            ("__getitem__", method_getitem),
            ("__setitem__", method_setitem),
            ("__delitem__", method_delitem),
            ("__contains__", method_contains),
            ("__len__", method_len),
            ("__or__", method_or),
            ("__ror__", method_ror),
            ("__ior__", method_ior),
            ("__reversed__", method_reversed),
            ("update", method_update),
            ("copy", method_copy),
            ("keys", method_keys),
            ("values", method_values),
            ("items", method_items),
            ("get", method_get),
            ("pop", method_pop),
            ("setdefault", method_setdefault),
        ],
    );
}

/// `locals()` in `frame`: the namespace of module and class frames, a fresh snapshot
/// dict of a function frame's visible locals (PEP 667), extra names included.
pub fn locals_of(ts: &ThreadState, frame: &crate::frame::Frame) -> PyResult {
    let code = frame.code.clone();
    if code.code.co_flags & pyrite_bytecode::CodeFlags::OPTIMIZED == 0
        && let Some(namespace) = &frame.locals
        && !has_hidden_locals(&code, |index| frame.local(index))
    {
        return Ok(namespace.clone());
    }
    let snapshot = dict::new(ts);
    for (index, name) in code.localsplusnames.iter().enumerate() {
        let Some(value) = frame.local(index) else {
            continue;
        };
        let kind = code
            .code
            .co_localspluskinds
            .get(index)
            .copied()
            .unwrap_or(0);
        let value = if (kind == LocalKind::FREE || kind & LocalKind::CELL != 0)
            && value.payload_is::<pyrite_objects::cell::Cell>()
        {
            match cell::get(&value) {
                Some(contents) => contents,
                None => continue,
            }
        } else {
            value
        };
        snapshot.set_item(ts, name.clone(), value)?;
    }
    let extra = frame.frame_object.borrow().as_ref().and_then(|object| {
        object
            .downcast_ref::<FrameObject>()
            .and_then(|fo| fo.extra_locals.borrow().clone())
    });
    if let Some(extra) = extra {
        update_dict(ts, &snapshot, &extra)?;
    }
    Ok(snapshot.into_ref())
}
