//! Struct sequences: tuples whose items also have names (`sys.version_info`,
//! `sys.flags`, `time.struct_time`, `os.stat_result`). The first `n_in_sequence` fields
//! are the tuple's items; the rest are reachable only by name.
//!
//! CPython counterpart: `Objects/structseq.c`.

use std::cell::RefCell;

use crate::dict::Dict;
use crate::err::{PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::typeobject::{PyType, as_type};

/// A struct sequence type's description (CPython's `PyStructSequence_Desc`).
pub struct StructSeqDesc {
    /// The dotted type name: `sys.flags` (`__module__` `sys`, `__name__` `flags`).
    pub name: &'static str,
    pub doc: &'static str,
    /// Field names in order; `None` is an unnamed field (reachable by index only).
    pub fields: &'static [Option<&'static str>],
    /// How many fields the tuple shows (`n_sequence_fields`).
    pub n_in_sequence: usize,
    /// Whether Python code may call the type (`sys.flags()` may not).
    pub instantiable: bool,
}

impl StructSeqDesc {
    fn unnamed_count(&self) -> usize {
        self.fields.iter().filter(|name| name.is_none()).count()
    }
}

thread_local! {
    /// The description of each struct sequence type made so far, by type address.
    static DESCRIPTIONS: RefCell<Vec<(usize, &'static StructSeqDesc)>> =
        const { RefCell::new(Vec::new()) };
}

fn description_of(ty: &PyType) -> Option<&'static StructSeqDesc> {
    let address = ty as *const PyType as usize;
    DESCRIPTIONS.with(|known| {
        known
            .borrow()
            .iter()
            .find(|(key, _)| *key == address)
            .map(|(_, desc)| *desc)
    })
}

/// Makes a struct sequence type (`PyStructSequence_NewType`): a `tuple` subclass with a
/// read-only member per named field, `n_sequence_fields`, `n_fields`,
/// `n_unnamed_fields` and `__match_args__`.
pub fn new_type(ts: &ThreadState, desc: &'static StructSeqDesc) -> PyResult<PyRef> {
    let ty_ref =
        crate::typeobject::new_runtime_builtin_type(ts, desc.name, &crate::tuple::TUPLE_TYPE)?;
    let ty = as_type(&ty_ref).ok_or_else(|| PyErr::type_error("struct sequence type"))?;
    DESCRIPTIONS.with(|known| {
        known
            .borrow_mut()
            .push((ty as *const PyType as usize, desc));
    });
    ty.slots.repr.set(ts, Some(structseq_repr));
    ty.slots
        .new
        .set(ts, desc.instantiable.then_some(structseq_new as _));
    let dict = ty.dict(ts);
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::type_error("struct sequence type without a dict"))?;
    let key = |name: &str| crate::str::intern(ts, name);
    for (index, name) in desc.fields.iter().enumerate() {
        if let Some(name) = name {
            let member = crate::descr::new_member(ts, name, index, ty_ref.clone());
            dict.set_item(ts, key(name), member)?;
        }
    }
    let match_args = desc.fields[..desc.n_in_sequence]
        .iter()
        .flatten()
        .map(|name| crate::str::intern(ts, name))
        .collect();
    dict.set_item(
        ts,
        key("__match_args__"),
        crate::tuple::new(ts, match_args).into_ref(),
    )?;
    let count = |value: usize| crate::int::new(ts, value as i64);
    dict.set_item(ts, key("n_sequence_fields"), count(desc.n_in_sequence))?;
    dict.set_item(ts, key("n_fields"), count(desc.fields.len()))?;
    dict.set_item(ts, key("n_unnamed_fields"), count(desc.unnamed_count()))?;
    dict.set_item(ts, key("__doc__"), crate::str::new(ts, desc.doc).into_ref())?;
    // The receiver check of these methods is `tuple`'s: they test for a struct
    // sequence themselves.
    for (name, function) in [
        ("__reduce__", structseq_reduce as crate::descr::NativeFn),
        ("__replace__", structseq_replace),
    ] {
        let method = crate::descr::new_method_descr(ts, name, function, &crate::tuple::TUPLE_TYPE);
        dict.set_item(ts, key(name), method)?;
    }
    Ok(ty_ref)
}

/// An instance of a struct sequence type with all its fields' values, in order.
pub fn new(ts: &ThreadState, ty: &PyObject, mut values: Vec<PyRef>) -> PyResult {
    let ty = as_type(ty).ok_or_else(|| PyErr::type_error("not a struct sequence type"))?;
    let desc = description_of(ty).ok_or_else(|| PyErr::type_error("not a struct sequence type"))?;
    if values.len() != desc.fields.len() {
        return Err(PyErr::type_error(format!(
            "{}: {} fields expected, {} given",
            desc.name,
            desc.fields.len(),
            values.len()
        )));
    }
    let hidden = values.split_off(desc.n_in_sequence);
    crate::tuple::new_with_type(ts, ty, values, hidden)
}

/// The value of field `index` of a struct sequence (a member descriptor's read).
pub fn field(object: &PyObject, index: usize) -> Option<PyRef> {
    let visible = crate::tuple::items(object);
    match visible.get(index) {
        Some(value) => Some(value.clone()),
        None => crate::tuple::hidden_items(object)
            .get(index - visible.len())
            .cloned(),
    }
}

fn desc_of_instance(object: &PyObject) -> PyResult<&'static StructSeqDesc> {
    description_of(object.ob_type()).ok_or_else(|| PyErr::type_error("not a struct sequence"))
}

fn all_values(object: &PyObject) -> Vec<PyRef> {
    crate::tuple::items(object)
        .iter()
        .chain(crate::tuple::hidden_items(object))
        .cloned()
        .collect()
}

/// `sys.float_info(max=1.79..., ...)`: the visible fields by name.
fn structseq_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let desc = desc_of_instance(object)?;
    let mut text = format!("{}(", desc.name);
    for (index, value) in crate::tuple::items(object).iter().enumerate() {
        if index > 0 {
            text.push_str(", ");
        }
        let value: PyRef = value.repr(ts)?;
        // CPython names the items by its member list, which skips unnamed fields: the
        // three integer times of `os.stat_result` show as `st_atime=...`.
        let name = desc
            .fields
            .iter()
            .flatten()
            .nth(index)
            .copied()
            .unwrap_or("?");
        text.push_str(name);
        text.push('=');
        text.push_str(&crate::str::to_rust_string(&value));
    }
    text.push(')');
    Ok(crate::str::new(ts, &text).into_ref())
}

/// Replaces a struct sequence type's `__new__` (by a function that calls `construct`).
pub fn set_new(ts: &ThreadState, ty: &PyObject, new: crate::slots::NewFn) {
    if let Some(ty) = as_type(ty) {
        ty.slots.new.set(ts, Some(new));
    }
}

/// The generic `T(sequence, dict=None)` for a type that wraps it in its own `__new__`
/// (`os.stat_result` fills defaults afterwards).
pub fn construct(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    structseq_new(ts, ty, args, kwnames)
}

/// `T(sequence, dict=None)`: the visible fields from `sequence`, the others from it too
/// or by name from `dict` (else `None`).
fn structseq_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let desc = description_of(ty).ok_or_else(|| PyErr::type_error("not a struct sequence type"))?;
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    let mut sequence = positional.first().cloned();
    let mut dict = positional.get(1).cloned();
    if positional.len() > 2 {
        return Err(PyErr::type_error(format!(
            "structseq() takes at most 2 arguments ({} given)",
            positional.len() + keywords.len()
        )));
    }
    for (name, value) in keywords {
        match name.as_str() {
            "sequence" if sequence.is_none() => sequence = Some(value),
            "dict" if dict.is_none() => dict = Some(value),
            "sequence" | "dict" => {
                return Err(PyErr::type_error(format!(
                    "argument for structseq() given by name ('{name}') and position"
                )));
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "structseq() got an unexpected keyword argument '{name}'"
                )));
            }
        }
    }
    let Some(sequence) = sequence else {
        return Err(PyErr::type_error(
            "structseq() missing required argument 'sequence' (pos 1)",
        ));
    };
    let dict = dict.filter(|dict| !dict.is(&crate::singletons::none()));
    let items = match crate::iterobject::collect(ts, &sequence) {
        Ok(items) => items,
        Err(err) if err.is(crate::err::ExceptionKind::TypeError) => {
            return Err(PyErr::type_error("constructor requires a sequence"));
        }
        Err(err) => return Err(err),
    };
    let dict = match dict {
        Some(dict) if !dict.payload_is::<Dict>() => {
            return Err(PyErr::type_error(format!(
                "{}() takes a dict as second arg, if any",
                desc.name
            )));
        }
        other => other,
    };
    let (min_len, max_len, len) = (desc.n_in_sequence, desc.fields.len(), items.len());
    if min_len == max_len && len != min_len {
        return Err(PyErr::type_error(format!(
            "{}() takes a {min_len}-sequence ({len}-sequence given)",
            desc.name
        )));
    }
    if len < min_len {
        return Err(PyErr::type_error(format!(
            "{}() takes an at least {min_len}-sequence ({len}-sequence given)",
            desc.name
        )));
    }
    if len > max_len {
        return Err(PyErr::type_error(format!(
            "{}() takes an at most {max_len}-sequence ({len}-sequence given)",
            desc.name
        )));
    }
    let mut values = items;
    let mut matched = 0;
    let dict = dict.as_ref().and_then(|dict| dict.downcast_ref::<Dict>());
    for name in &desc.fields[len..] {
        let found = match (dict, name) {
            (Some(dict), Some(name)) => dict.get_item(ts, &crate::str::intern(ts, name))?,
            _ => None,
        };
        matched += usize::from(found.is_some());
        values.push(found.unwrap_or_else(crate::singletons::none));
    }
    if dict.is_some_and(|dict| dict.len() > matched) {
        return Err(PyErr::type_error(format!(
            "{}() got duplicate or unexpected field name(s)",
            desc.name
        )));
    }
    let hidden = values.split_off(min_len);
    crate::tuple::new_with_type(ts, ty, values, hidden)
}

/// `__reduce__`: `(type, (visible fields, {hidden field: value}))`.
fn structseq_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let desc = desc_of_instance(object)?;
    let visible = crate::tuple::items(object).to_vec();
    let hidden = crate::dict::new(ts);
    for (offset, value) in crate::tuple::hidden_items(object).iter().enumerate() {
        if let Some(Some(name)) = desc.fields.get(visible.len() + offset) {
            hidden.set_item(ts, crate::str::intern(ts, name), value.clone())?;
        }
    }
    let arguments = crate::tuple::new(
        ts,
        vec![crate::tuple::new(ts, visible).into_ref(), hidden.into_ref()],
    )
    .into_ref();
    Ok(crate::tuple::new(ts, vec![object.ob_type().as_object().new_ref(), arguments]).into_ref())
}

/// `__replace__(**changes)` (`copy.replace`): a copy with the named fields changed.
fn structseq_replace(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let desc = desc_of_instance(object)?;
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if !positional.is_empty() {
        return Err(PyErr::type_error(format!(
            "__replace__() takes no positional arguments ({} given)",
            positional.len()
        )));
    }
    if desc.unnamed_count() > 0 {
        return Err(PyErr::type_error(format!(
            "__replace__() is not supported for {} because it has unnamed field(s)",
            desc.name
        )));
    }
    let mut values = all_values(object);
    let mut unexpected = Vec::new();
    for (name, value) in keywords {
        match desc
            .fields
            .iter()
            .position(|field| *field == Some(name.as_str()))
        {
            Some(index) => values[index] = value,
            None => unexpected.push(name),
        }
    }
    if !unexpected.is_empty() {
        let names: Vec<String> = unexpected.iter().map(|name| format!("'{name}'")).collect();
        return Err(PyErr::type_error(format!(
            "Got unexpected field name(s): {{{}}}",
            names.join(", ")
        )));
    }
    let hidden = values.split_off(desc.n_in_sequence);
    crate::tuple::new_with_type(ts, object.ob_type(), values, hidden)
}
