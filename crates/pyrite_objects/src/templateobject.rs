//! `string.templatelib.Template`: the value of a t-string (PEP 750), made by
//! `BUILD_TEMPLATE` from its static strings and its `Interpolation`s.
//!
//! CPython counterpart: `Objects/templateobject.c`.

use crate::err::{PyErr, PyResult};
use crate::interpolationobject::{INTERPOLATION_TYPE, Interpolation};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload: `strings` (a tuple of `str`, one more than the interpolations) and
/// `interpolations` (a tuple of `Interpolation`).
pub struct Template {
    pub strings: PyRef,
    pub interpolations: PyRef,
}

impl PyPayload for Template {
    fn static_type() -> &'static PyType {
        &TEMPLATE_TYPE
    }
}

/// `BUILD_TEMPLATE`: both arguments are tuples made by the compiler.
pub fn new(ts: &ThreadState, strings: PyRef, interpolations: PyRef) -> PyRef {
    Py::new(
        ts,
        Template {
            strings,
            interpolations,
        },
    )
    .into_ref()
}

fn payload(object: &PyObject) -> PyResult<&Template> {
    object
        .downcast_ref::<Template>()
        .map(|template| template.payload())
        .ok_or_else(|| PyErr::type_error("expected a Template"))
}

fn is_template(object: &PyObject) -> bool {
    object.downcast_ref::<Template>().is_some()
}

fn concat_text(ts: &ThreadState, left: &PyObject, right: &PyObject) -> PyRef {
    let mut bytes = Vec::new();
    for piece in [left, right] {
        if let Some(text) = crate::str::as_str_payload(piece) {
            bytes.extend_from_slice(text.as_bytes());
        }
    }
    crate::abstract_ops::str_from_bytes(ts, &bytes)
}

/// `Template(*args)`: adjacent strings join, and an empty string separates adjacent
/// interpolations (and opens and closes the template).
fn template_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(
            "Template.__new__ only accepts *args arguments",
        ));
    }
    let mut strings: Vec<PyRef> = Vec::new();
    let mut interpolations: Vec<PyRef> = Vec::new();
    let mut last_was_str = false;
    for arg in args {
        if arg.payload_is::<crate::str::Str>() {
            if last_was_str {
                let previous = strings.pop().unwrap_or_else(|| crate::str::intern(ts, ""));
                strings.push(concat_text(ts, &previous, arg));
            } else {
                strings.push(arg.clone());
            }
            last_was_str = true;
        } else if arg.ob_type().is_subtype(ts, &INTERPOLATION_TYPE) {
            if !last_was_str {
                strings.push(crate::str::intern(ts, ""));
            }
            interpolations.push(arg.clone());
            last_was_str = false;
        } else {
            return Err(PyErr::type_error(format!(
                "Template.__new__ *args need to be of type 'str' or 'Interpolation', got {}",
                arg.ob_type().name()
            )));
        }
    }
    if !last_was_str {
        strings.push(crate::str::intern(ts, ""));
    }
    Py::new_with_type(
        ts,
        ty,
        Template {
            strings: crate::tuple::new(ts, strings).into_ref(),
            interpolations: crate::tuple::new(ts, interpolations).into_ref(),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("Template.__new__: bad type"))
}

fn template_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let this = payload(object)?;
    let strings = crate::str::to_rust_string(&*this.strings.repr(ts)?);
    let interpolations = crate::str::to_rust_string(&*this.interpolations.repr(ts)?);
    let name = object.ob_type().name();
    let name = name.rsplit('.').next().unwrap_or(name);
    Ok(crate::str::new(
        ts,
        &format!("{name}(strings={strings}, interpolations={interpolations})"),
    )
    .into_ref())
}

/// `iter(template)`: the non-empty strings and the interpolations, in order.
fn template_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let this = payload(object)?;
    let strings = crate::tuple::items(&this.strings);
    let interpolations = crate::tuple::items(&this.interpolations);
    let mut items = Vec::with_capacity(strings.len() + interpolations.len());
    for (index, string) in strings.iter().enumerate() {
        if crate::str::as_str_payload(string).is_some_and(|text| !text.is_empty()) {
            items.push(string.clone());
        }
        if let Some(interpolation) = interpolations.get(index) {
            items.push(interpolation.clone());
        }
    }
    let list = crate::list::new(ts, items).into_ref();
    crate::iterobject::get_iter(ts, &list)
}

/// `template + template`: the touching strings join.
fn template_add(ts: &ThreadState, left: &PyObject, right: &PyObject) -> PyResult {
    match (is_template(left), is_template(right)) {
        (true, true) => {
            let (left, right) = (payload(left)?, payload(right)?);
            let left_strings = crate::tuple::items(&left.strings);
            let right_strings = crate::tuple::items(&right.strings);
            let mut strings: Vec<PyRef> = Vec::new();
            if let (Some((left_last, left_rest)), Some((right_first, right_rest))) =
                (left_strings.split_last(), right_strings.split_first())
            {
                strings.extend_from_slice(left_rest);
                strings.push(concat_text(ts, left_last, right_first));
                strings.extend_from_slice(right_rest);
            }
            let mut interpolations = crate::tuple::items(&left.interpolations).to_vec();
            interpolations.extend_from_slice(crate::tuple::items(&right.interpolations));
            Ok(new(
                ts,
                crate::tuple::new(ts, strings).into_ref(),
                crate::tuple::new(ts, interpolations).into_ref(),
            ))
        }
        (true, false) => Err(PyErr::type_error(format!(
            "can only concatenate string.templatelib.Template (not \"{}\") to \
             string.templatelib.Template",
            right.ob_type().name()
        ))),
        (false, _) if left.payload_is::<crate::str::Str>() => Err(PyErr::type_error(
            "can only concatenate str (not \"string.templatelib.Template\") to str",
        )),
        _ => Ok(crate::singletons::not_implemented()),
    }
}

fn get_strings(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(payload(object)?.strings.clone())
}

fn get_interpolations(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(payload(object)?.interpolations.clone())
}

/// `values`: the interpolations' values.
fn get_values(ts: &ThreadState, object: &PyObject) -> PyResult {
    let values = crate::tuple::items(&payload(object)?.interpolations)
        .iter()
        .filter_map(|item| item.downcast_ref::<Interpolation>())
        .map(|interpolation| interpolation.value.clone())
        .collect();
    Ok(crate::tuple::new(ts, values).into_ref())
}

fn template_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(this) = object.downcast_ref::<Template>() {
        visit(&this.strings);
        visit(&this.interpolations);
    }
}

/// Imports a module by name; set by the VM (templates pickle through
/// `string.templatelib._template_unpickle`).
pub type ImportFn = fn(&ThreadState, &str) -> PyResult;
static IMPORT: std::sync::OnceLock<ImportFn> = std::sync::OnceLock::new();

/// Installs the importer `Template.__reduce__` uses.
pub fn set_import_hook(import: ImportFn) {
    let _ = IMPORT.set(import);
}

/// Imports `name` through the VM's importer.
pub(crate) fn import_module(ts: &ThreadState, name: &str) -> PyResult {
    let import = IMPORT
        .get()
        .ok_or_else(|| PyErr::new(crate::err::ExceptionKind::ImportError, "no importer"))?;
    import(ts, name)
}

/// `Template.__reduce__`: `string.templatelib._template_unpickle(strings, interpolations)`.
fn template_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let template = payload(object)?;
    let import = IMPORT
        .get()
        .ok_or_else(|| PyErr::new(crate::err::ExceptionKind::ImportError, "no importer"))?;
    let module = import(ts, "string.templatelib")?;
    let unpickle = crate::attrs::get_attr_str(ts, &module, "_template_unpickle")?;
    let args = crate::tuple::new(
        ts,
        vec![template.strings.clone(), template.interpolations.clone()],
    )
    .into_ref();
    Ok(crate::tuple::new(ts, vec![unpickle, args]).into_ref())
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(ts, &TEMPLATE_TYPE, &[("__reduce__", template_reduce)]);
    crate::descr::add_getsets(
        ts,
        &TEMPLATE_TYPE,
        &[
            ("strings", get_strings, Some(crate::descr::readonly_member)),
            (
                "interpolations",
                get_interpolations,
                Some(crate::descr::readonly_member),
            ),
            ("values", get_values, None),
        ],
    );
    if let Some(dict) = TEMPLATE_TYPE.dict(ts).downcast_ref::<crate::dict::Dict>() {
        let doc = crate::str::new(ts, "Template object").into_ref();
        let _ = dict.set_item(ts, crate::str::intern(ts, "__doc__"), doc);
    }
    crate::interpolationobject::install(ts);
}

pub static TEMPLATE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Template>(
        "string.templatelib.Template",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(template_repr),
        iter: Slot::new(template_iter),
        traverse: Slot::new(template_traverse),
        new: Slot::new(template_new),
        ..crate::typeobject::object_slots()
    })
    .with_number(NumberSlots {
        add: Slot::new(template_add),
        ..NumberSlots::EMPTY
    }),
);
