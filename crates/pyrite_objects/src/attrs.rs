//! Attribute access: `getattr`, `setattr`, `delattr` for instances, types and modules,
//! and calling special methods.
//!
//! CPython counterpart: `Objects/object.c` (`PyObject_GetAttr`,
//! `_PyObject_GenericGetAttrWithDict`, `_PyObject_GenericSetAttrWithDict`,
//! `_PyObject_GetMethod`), `Objects/typeobject.c` (`type_getattro`, `type_setattro`,
//! `lookup_maybe_method`) and `Objects/moduleobject.c` (`module_getattro`).

use crate::dict::Dict;
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::typeobject::{PyType, as_type};

fn attribute_error(message: String) -> PyErr {
    PyErr::new(ExceptionKind::AttributeError, message)
}

fn name_text(name: &PyObject) -> String {
    crate::str::to_rust_string(name)
}

/// The instance `__dict__` of `object`, made if `create` and missing.
#[inline]
pub fn instance_dict(ts: &ThreadState, object: &PyObject, create: bool) -> Option<PyRef> {
    let cell = object.ob_type().instance_dict_cell(object)?;
    if let Some(dict) = cell.borrow().as_ref() {
        return Some(dict.clone());
    }
    if !create {
        return None;
    }
    let dict = crate::dict::new(ts).into_ref();
    *cell.borrow_mut() = Some(dict.clone());
    Some(dict)
}

fn dict_get(ts: &ThreadState, dict: &PyObject, name: &PyObject) -> PyResult<Option<PyRef>> {
    match dict.downcast_ref::<Dict>() {
        Some(dict) => dict.get_item(ts, name),
        None => Ok(None),
    }
}

/// `getattr(object, name)` (CPython's `PyObject_GetAttr`).
pub fn get_attr(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    if let Some(getattro) = object.ob_type().slots.getattro.get() {
        return getattro(ts, object, name);
    }
    if let Some(ty) = as_type(object) {
        return type_getattr(ts, ty, name);
    }
    generic_getattr(ts, object, name)
}

/// `getattr(object, name)` with a Rust name.
pub fn get_attr_str(ts: &ThreadState, object: &PyObject, name: &str) -> PyResult {
    get_attr(ts, object, &crate::str::intern(ts, name))
}

/// `getattr(object, name, None)`-like: `Ok(None)` when the attribute is missing.
pub fn lookup_attr(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
) -> PyResult<Option<PyRef>> {
    match get_attr(ts, object, name) {
        Ok(value) => Ok(Some(value)),
        Err(err) if err.matches(ExceptionKind::AttributeError) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Whether a type attribute is a data descriptor (defines `__set__`).
fn is_data_descriptor(descr: &PyObject) -> bool {
    descr.ob_type().slots.descr_set.get().is_some()
}

/// `object.__getattribute__` (CPython's `_PyObject_GenericGetAttrWithDict`), then a Python
/// class's `__getattr__`.
pub fn generic_getattr(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    generic_getattr_with_hook(ts, object, name, true)
}

/// `object.__getattribute__` alone (what `object.__getattribute__(o, name)` calls).
pub fn object_getattribute(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    generic_getattr_with_hook(ts, object, name, false)
}

fn generic_getattr_with_hook(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
    use_getattr_hook: bool,
) -> PyResult {
    let ty = object.ob_type();
    let descr = ty.lookup(ts, name)?;
    if let Some(descr) = &descr
        && is_data_descriptor(descr)
        && let Some(get) = descr.ob_type().slots.descr_get.get()
    {
        return get(ts, descr, Some(object), Some(ty.as_object()));
    }
    if let Some(dict) = instance_dict(ts, object, false)
        && let Some(found) = dict_get(ts, &dict, name)?
    {
        return Ok(found);
    }
    if let Some(descr) = descr {
        if let Some(get) = descr.ob_type().slots.descr_get.get() {
            return get(ts, &descr, Some(object), Some(ty.as_object()));
        }
        return Ok(descr);
    }
    let text = name_text(name);
    match text.as_str() {
        "__class__" => return Ok(ty.as_object().new_ref()),
        // every CPython type's dict holds `__doc__`; built-in types have no doc text
        // here yet, so their instances read `None`, as `type.__doc__` does
        "__doc__" if !object.payload_is::<crate::module::Module>() => {
            return Ok(crate::singletons::none());
        }
        "__dict__" => {
            if let Some(dict) = instance_dict(ts, object, true) {
                return Ok(dict);
            }
        }
        _ => {}
    }
    // `__getattr__` of a Python class, tried last (CPython's `slot_tp_getattr_hook`).
    if use_getattr_hook
        && ty.is_heap_type()
        && let Some(hook) = ty.lookup_str(ts, "__getattr__")?
    {
        return crate::abstract_api::call(ts, &hook, &[object.new_ref(), name.new_ref()], None);
    }
    if object.payload_is::<crate::module::Module>() {
        // PEP 562: a module-level `__getattr__` is asked for missing names.
        if let Some(dict) = instance_dict(ts, object, false)
            && let Some(hook) = dict_get(ts, &dict, &crate::str::intern(ts, "__getattr__"))?
        {
            return crate::abstract_api::call(ts, &hook, &[name.new_ref()], None);
        }
        let module = crate::module::name_of(ts, object);
        return Err(crate::exceptions::attribute_error(
            ts,
            object,
            name,
            format!("module '{module}' has no attribute '{text}'"),
        ));
    }
    Err(crate::exceptions::attribute_error(
        ts,
        object,
        name,
        format!("'{}' object has no attribute '{text}'", ty.name()),
    ))
}

macro_rules! type_getters {
    ($($getter:ident => $name:literal;)*) => {$(
        /// `type.__dict__[NAME].__get__(cls)` (the attribute lookup itself takes the
        /// shortcut in `type_getattr`).
        pub(crate) fn $getter(ts: &ThreadState, object: &PyObject) -> PyResult {
            let ty = crate::typeobject::as_type(object).ok_or_else(|| {
                PyErr::type_error(format!(
                    "descriptor '{}' for 'type' objects doesn't apply to a '{}' object",
                    $name,
                    object.ob_type().name()
                ))
            })?;
            type_special(ts, ty, $name)?.ok_or_else(|| attribute_error($name.to_owned()))
        }
    )*};
}

type_getters! {
    type_name_get => "__name__";
    type_qualname_get => "__qualname__";
    type_module_get => "__module__";
    type_mro_get => "__mro__";
    type_bases_get => "__bases__";
    type_base_get => "__base__";
    type_dict_get => "__dict__";
}

/// Attributes every type has, computed (CPython's `type_getsets`).
fn type_special(ts: &ThreadState, ty: &PyType, name: &str) -> PyResult<Option<PyRef>> {
    Ok(Some(match name {
        "__name__" => crate::str::new(ts, ty.short_name()).into_ref(),
        "__qualname__" => ty.qualname(ts),
        "__module__" => match dict_get(ts, &ty.dict(ts), &crate::str::intern(ts, name))? {
            // A built-in type's dict may hold its instances' `__module__` descriptor.
            Some(value) if ty.is_heap_type() || value.payload_is::<crate::str::Str>() => value,
            _ => match ty.name().rsplit_once('.') {
                Some((module, _)) => crate::str::new(ts, module).into_ref(),
                None => crate::str::intern(ts, "builtins"),
            },
        },
        "__mro__" => ty.mro(ts).unwrap_or_else(crate::tuple::empty),
        "__bases__" => ty.bases(ts).unwrap_or_else(crate::tuple::empty),
        "__base__" => ty
            .base()
            .map_or_else(crate::singletons::none, PyObject::new_ref),
        "__dict__" => crate::mappingproxy::new(ts, ty.dict(ts)),
        "__annotations__" if ty.is_heap_type() => return type_annotations(ts, ty).map(Some),
        "__annotate__" if ty.is_heap_type() => return type_annotate(ts, ty).map(Some),
        "__doc__" => match dict_get(ts, &ty.dict(ts), &crate::str::intern(ts, name))? {
            Some(value) => value,
            None => crate::singletons::none(),
        },
        "__annotations__" if ty.is_heap_type() => return type_annotations(ts, ty).map(Some),
        _ => return Ok(None),
    }))
}

/// `type.__dict__['__annotations__']` (and `'__annotate__'`): the getset descriptors
/// `annotationlib` reads through; a static type has neither attribute.
pub(crate) fn type_annotations_get(ts: &ThreadState, object: &PyObject) -> PyResult {
    type_annotation_attr(ts, object, "__annotations__")
}

pub(crate) fn type_annotate_get(ts: &ThreadState, object: &PyObject) -> PyResult {
    type_annotation_attr(ts, object, "__annotate__")
}

fn type_annotation_attr(ts: &ThreadState, object: &PyObject, name: &str) -> PyResult {
    let Some(ty) = crate::typeobject::as_type(object) else {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'type' objects doesn't apply to a '{}' object",
            object.ob_type().name()
        )));
    };
    if !ty.is_heap_type() {
        return Err(attribute_error(format!(
            "type object '{}' has no attribute '{name}'",
            ty.name()
        )));
    }
    if name == "__annotate__" {
        type_annotate(ts, ty)
    } else {
        type_annotations(ts, ty)
    }
}

pub(crate) fn type_annotations_set(
    ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    type_annotation_set(ts, object, "__annotations__", value)
}

pub(crate) fn type_annotate_set(
    ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    type_annotation_set(ts, object, "__annotate__", value)
}

fn type_annotation_set(
    ts: &ThreadState,
    object: &PyObject,
    name: &str,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let Some(ty) = crate::typeobject::as_type(object) else {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'type' objects doesn't apply to a '{}' object",
            object.ob_type().name()
        )));
    };
    type_setattr(ts, ty, &crate::str::intern(ts, name), value)
}

/// A class's `__annotate__` (PEP 649): its own, else `None` (remembered in the dict
/// as `__annotate_func__`, as CPython does).
fn type_annotate(ts: &ThreadState, ty: &PyType) -> PyResult {
    let dict = ty.dict(ts);
    for key in ["__annotate__", "__annotate_func__"] {
        if let Some(value) = dict_get(ts, &dict, &crate::str::intern(ts, key))? {
            return Ok(value);
        }
    }
    if let Some(dict) = dict.downcast_ref::<Dict>() {
        dict.set_item(
            ts,
            crate::str::intern(ts, "__annotate_func__"),
            crate::singletons::none(),
        )?;
    }
    Ok(crate::singletons::none())
}

/// A class's `__annotations__` (PEP 649): its own `__annotations__`, else the cached
/// result of calling its `__annotate__(VALUE)`, else an empty dict (cached too).
fn type_annotations(ts: &ThreadState, ty: &PyType) -> PyResult {
    let dict = ty.dict(ts);
    for key in ["__annotations__", "__annotations_cache__"] {
        if let Some(value) = dict_get(ts, &dict, &crate::str::intern(ts, key))? {
            if let Some(get) = value.ob_type().slots.descr_get.get() {
                return get(ts, &value, None, Some(ty.as_object()));
            }
            return Ok(value);
        }
    }
    let annotate = type_annotate(ts, ty)?;
    let annotations = if crate::singletons::is_none(&annotate) {
        crate::dict::new(ts).into_ref()
    } else {
        let format = crate::int::new(ts, 1);
        let value = crate::abstract_api::call(ts, &annotate, &[format], None)?;
        if !value.payload_is::<Dict>() {
            return Err(PyErr::type_error(format!(
                "__annotate__ returned non-dict of type '{}'",
                value.ob_type().name()
            )));
        }
        value
    };
    if let Some(dict) = dict.downcast_ref::<Dict>() {
        dict.set_item(
            ts,
            crate::str::intern(ts, "__annotations_cache__"),
            annotations.clone(),
        )?;
    }
    Ok(annotations)
}

/// `type.__getattribute__` (CPython's `type_getattro`): the metatype's data descriptors,
/// then the type's own MRO, then the metatype's other attributes.
pub fn type_getattr(ts: &ThreadState, ty: &PyType, name: &PyObject) -> PyResult {
    let name_bytes = crate::str::as_str_payload(name).map_or(&[][..], |text| text.as_bytes());
    if matches!(
        name_bytes,
        b"__name__"
            | b"__qualname__"
            | b"__module__"
            | b"__annotations__"
            | b"__annotate__"
            | b"__mro__"
            | b"__bases__"
            | b"__base__"
            | b"__dict__"
    ) && let Some(value) = type_special(ts, ty, &name_text(name))?
    {
        return Ok(value);
    }
    let meta = ty.as_object().ob_type();
    let meta_attr = meta.lookup(ts, name)?;
    if let Some(meta_attr) = &meta_attr
        && is_data_descriptor(meta_attr)
        && let Some(get) = meta_attr.ob_type().slots.descr_get.get()
    {
        return get(ts, meta_attr, Some(ty.as_object()), Some(meta.as_object()));
    }
    if let Some(found) = ty.lookup(ts, name)? {
        if let Some(get) = found.ob_type().slots.descr_get.get() {
            return get(ts, &found, None, Some(ty.as_object()));
        }
        return Ok(found);
    }
    if let Some(meta_attr) = meta_attr {
        if let Some(get) = meta_attr.ob_type().slots.descr_get.get() {
            return get(ts, &meta_attr, Some(ty.as_object()), Some(meta.as_object()));
        }
        return Ok(meta_attr);
    }
    let text = name_text(name);
    if let Some(value) = type_special(ts, ty, &text)? {
        return Ok(value);
    }
    Err(crate::exceptions::attribute_error(
        ts,
        ty.as_object(),
        name,
        format!("type object '{}' has no attribute '{text}'", ty.name()),
    ))
}

/// `setattr(object, name, value)`, or `delattr` when `value` is `None`.
pub fn set_attr(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    if let Some(setattro) = object.ob_type().slots.setattro.get() {
        return setattro(ts, object, name, value);
    }
    if let Some(ty) = as_type(object) {
        return type_setattr(ts, ty, name, value);
    }
    generic_setattr(ts, object, name, value)
}

/// `object.__setattr__` (CPython's `_PyObject_GenericSetAttrWithDict`).
pub fn generic_setattr(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let ty = object.ob_type();
    if let Some(descr) = ty.lookup(ts, name)?
        && let Some(set) = descr.ob_type().slots.descr_set.get()
    {
        return set(ts, &descr, object, value);
    }
    if crate::str::as_str_payload(name).is_some_and(|text| text.as_bytes() == b"__dict__")
        && set_instance_dict(object, value)?.is_some()
    {
        return Ok(());
    }
    let Some(dict) = instance_dict(ts, object, true) else {
        let text = name_text(name);
        return Err(attribute_error(if ty.lookup(ts, name)?.is_some() {
            format!("'{}' object attribute '{text}' is read-only", ty.name())
        } else {
            format!(
                "'{}' object has no attribute '{text}' and no __dict__ for setting new attributes",
                ty.name()
            )
        }));
    };
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::type_error("instance dict is not a dict"))?;
    match value {
        Some(value) => dict.set_item(ts, name.new_ref(), value.new_ref()),
        None => dict.del_item(ts, name).map_err(|_| {
            attribute_error(format!(
                "'{}' object has no attribute '{}'",
                ty.name(),
                name_text(name)
            ))
        }),
    }
}

/// The names `dir(object)` lists by default (CPython's `object.__dir__` and
/// `type.__dir__`): the instance dict's keys, then the attributes of the classes of the
/// MRO (of the object itself if it is a class), each once.
pub fn default_dir(ts: &ThreadState, object: &PyObject) -> PyResult<Vec<PyRef>> {
    let mut seen = Vec::new();
    if let Some(dict) = instance_dict(ts, object, false)
        && let Some(dict) = dict.downcast_ref::<Dict>()
    {
        seen.extend(dict.items().into_iter().map(|(key, _)| key));
    }
    let ty = as_type(object).unwrap_or(object.ob_type());
    if let Some(mro) = ty.mro(ts) {
        for class in crate::tuple::items(&mro) {
            if let Some(class) = as_type(class)
                && let Some(dict) = class.dict(ts).downcast_ref::<Dict>()
            {
                seen.extend(dict.items().into_iter().map(|(key, _)| key));
            }
        }
    }
    let mut names: Vec<PyRef> = Vec::with_capacity(seen.len());
    for name in seen {
        let mut known = false;
        for existing in &names {
            if existing.rich_compare_bool(ts, &name, crate::slots::CompareOp::Eq)? {
                known = true;
                break;
            }
        }
        if !known {
            names.push(name);
        }
    }
    Ok(names)
}

/// `obj.__dict__ = mapping` on an object with an instance dict.
fn set_instance_dict(object: &PyObject, value: Option<&PyObject>) -> PyResult<Option<()>> {
    let Some(cell) = object.ob_type().instance_dict_cell(object) else {
        return Ok(None);
    };
    let new = match value {
        Some(value) if value.payload_is::<Dict>() => Some(value.new_ref()),
        Some(value) => {
            return Err(PyErr::type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                value.ob_type().name()
            )));
        }
        None => None,
    };
    let old = cell.replace(new);
    drop(old);
    Ok(Some(()))
}

/// `object.__class__`'s getter.
pub(crate) fn get_class(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.ob_type().as_object().new_ref())
}

/// `obj.__class__ = C` (CPython's `object_set_class`): only between classes defined in
/// Python whose instances have the same layout.
pub(crate) fn set_class(
    ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    };
    let Some(new) = as_type(value) else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            value.ob_type().name()
        )));
    };
    let old = object.ob_type();
    if !(old.is_heap_type() && new.is_heap_type()) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let same_layout = old.payload_type_id() == new.payload_type_id()
        && old.dict_offset() == new.dict_offset()
        && old.basicsize() == new.basicsize()
        && old.slot_count(ts) == new.slot_count(ts);
    if !same_layout {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    object.set_ob_type(new);
    Ok(())
}

/// `type.__setattr__`: built-in types are immutable; a Python class's dunder updates its
/// slot.
pub fn type_setattr(
    ts: &ThreadState,
    ty: &PyType,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let text = name_text(name);
    if !ty.is_heap_type() {
        return Err(PyErr::type_error(format!(
            "cannot set '{text}' attribute of immutable type '{}'",
            ty.name()
        )));
    }
    if text == "__qualname__" {
        let Some(value) = value else {
            return Err(PyErr::type_error(format!(
                "cannot delete '__qualname__' attribute of immutable type '{}'",
                ty.name()
            )));
        };
        if !value.payload_is::<crate::str::Str>() {
            return Err(PyErr::type_error(format!(
                "can only assign string to {}.__qualname__, not '{}'",
                ty.name(),
                value.ob_type().name()
            )));
        }
        ty.set_qualname(ts, value.new_ref());
        return Ok(());
    }
    let dict = ty.dict(ts);
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::type_error("type dict is not a dict"))?;
    if text == "__annotations__" {
        // PEP 649: explicit annotations replace the annotate function and its cache.
        let _ = dict.del_item(ts, &crate::str::intern(ts, "__annotations_cache__"));
        dict.set_item(
            ts,
            crate::str::intern(ts, "__annotate_func__"),
            crate::singletons::none(),
        )?;
    }
    match value {
        Some(value) => dict.set_item(ts, name.new_ref(), value.new_ref())?,
        None => dict.del_item(ts, name).map_err(|_| {
            attribute_error(format!(
                "type object '{}' has no attribute '{text}'",
                ty.name()
            ))
        })?,
    }
    if text.starts_with("__") && text.ends_with("__") {
        crate::slot_wrappers::update_slots(ts, ty);
    }
    Ok(())
}

/// Looks up a special method on the type (not the instance) and binds it
/// (CPython's `lookup_maybe_method`); `None` if the type has none.
pub fn lookup_special(ts: &ThreadState, object: &PyObject, name: &str) -> PyResult<Option<PyRef>> {
    let ty = object.ob_type();
    let Some(found) = ty.lookup_str(ts, name)? else {
        return Ok(None);
    };
    if let Some(get) = found.ob_type().slots.descr_get.get() {
        return get(ts, &found, Some(object), Some(ty.as_object())).map(Some);
    }
    Ok(Some(found))
}

/// Calls `object.name(*args)` looked up on the type; `None` if the type has no such method.
pub fn call_special(
    ts: &ThreadState,
    object: &PyObject,
    name: &str,
    args: &[PyRef],
) -> PyResult<Option<PyRef>> {
    let ty = object.ob_type();
    let Some(found) = ty.lookup_str(ts, name)? else {
        return Ok(None);
    };
    call_found_special(ts, object, found, args).map(Some)
}

/// Calls `found`, the special method just looked up on `object`'s type, on `object` and
/// `args` (the second half of `call_special`).
pub fn call_found_special(
    ts: &ThreadState,
    object: &PyObject,
    found: PyRef,
    args: &[PyRef],
) -> PyResult {
    if found.payload_is::<crate::function::Function>() {
        // A plain function takes `object` as its first argument: no bound method. Short
        // argument lists are put together on the native stack.
        return match args {
            [] => crate::abstract_api::call(ts, &found, &[object.new_ref()], None),
            [first] => {
                crate::abstract_api::call(ts, &found, &[object.new_ref(), first.clone()], None)
            }
            _ => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(object.new_ref());
                full.extend_from_slice(args);
                crate::abstract_api::call(ts, &found, &full, None)
            }
        };
    }
    let bound = match found.ob_type().slots.descr_get.get() {
        Some(get) => get(ts, &found, Some(object), Some(object.ob_type().as_object()))?,
        None => found,
    };
    crate::abstract_api::call(ts, &bound, args, None)
}

/// `tp_getattro` of a class defining `__getattribute__` or `__getattr__` (CPython's
/// `slot_tp_getattr_hook`): its `__getattribute__`, then `__getattr__` on
/// `AttributeError`.
pub(crate) fn slot_getattr_hook(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    let ty = object.ob_type();
    let getattribute = ty.lookup_str(ts, "__getattribute__")?;
    let custom = getattribute
        .as_ref()
        .filter(|found| !found.payload_is::<crate::descr::MethodDescr>());
    let result = match custom {
        Some(wrapper) if wrapper.payload_is::<crate::wrapper_descr::WrapperDescr>() => {
            match crate::slotdefs::wrapped_getattro(wrapper) {
                Some(getattro) => getattro(ts, object, name),
                None => generic_getattr_with_hook(ts, object, name, false),
            }
        }
        Some(getattribute) => {
            let bound = match getattribute.ob_type().slots.descr_get.get() {
                Some(get) => get(ts, getattribute, Some(object), Some(ty.as_object()))?,
                None => getattribute.clone(),
            };
            crate::abstract_api::call(ts, &bound, &[name.new_ref()], None)
        }
        None => generic_getattr_with_hook(ts, object, name, false),
    };
    match result {
        Err(err) if err.matches(ExceptionKind::AttributeError) => {
            match ty.lookup_str(ts, "__getattr__")? {
                Some(hook) => {
                    let bound = match hook.ob_type().slots.descr_get.get() {
                        Some(get) => get(ts, &hook, Some(object), Some(ty.as_object()))?,
                        None => hook,
                    };
                    crate::abstract_api::call(ts, &bound, &[name.new_ref()], None)
                }
                None => Err(err),
            }
        }
        other => other,
    }
}

/// `tp_setattro` of a class defining `__setattr__` or `__delattr__` (CPython's
/// `slot_tp_setattro`).
pub(crate) fn slot_setattro(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let dunder = if value.is_some() {
        "__setattr__"
    } else {
        "__delattr__"
    };
    let found = object.ob_type().lookup_str(ts, dunder)?;
    match found {
        Some(found)
            if !found.payload_is::<crate::descr::MethodDescr>()
                && !found.payload_is::<crate::wrapper_descr::WrapperDescr>() =>
        {
            let mut args = vec![name.new_ref()];
            if let Some(value) = value {
                args.push(value.new_ref());
            }
            call_special(ts, object, dunder, &args).map(drop)
        }
        _ => generic_setattr(ts, object, name, value),
    }
}
