//! Template strings (PEP 750): `string.templatelib.Template` and `Interpolation`, what
//! `t"..."` literals build with `BUILD_INTERPOLATION` and `BUILD_TEMPLATE`.
//!
//! CPython counterpart: `Objects/templateobject.c` and `Objects/interpolationobject.c`.
//! A template keeps its static strings and its interpolations in two tuples, one more
//! string than interpolations; iteration skips the empty strings.

use std::sync::OnceLock;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{NumberSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use crate::{str as pystr, tuple};

/// `Interpolation(value, expression, conversion, format_spec)`.
pub struct Interpolation {
    pub value: PyRef,
    pub expression: PyRef,
    /// `None` or one of the strings `'s'`, `'r'`, `'a'`.
    pub conversion: PyRef,
    pub format_spec: PyRef,
}

impl PyPayload for Interpolation {
    fn static_type() -> &'static PyType {
        &INTERPOLATION_TYPE
    }
}

/// `Template(*parts)`: the strings between the interpolations.
pub struct Template {
    pub strings: PyRef,
    pub interpolations: PyRef,
}

impl PyPayload for Template {
    fn static_type() -> &'static PyType {
        &TEMPLATE_TYPE
    }
}

/// Imports a module by name; set by the VM (templates pickle through
/// `string.templatelib._template_unpickle`).
pub type ImportFn = fn(&ThreadState, &str) -> PyResult;
static IMPORT: OnceLock<ImportFn> = OnceLock::new();

/// Installs the importer `Template.__reduce__` uses.
pub fn set_import_hook(import: ImportFn) {
    let _ = IMPORT.set(import);
}

/// `BUILD_INTERPOLATION`: `conversion` is the oparg's conversion (0 none, 1 `s`, 2 `r`,
/// 3 `a`).
pub fn build_interpolation(
    ts: &ThreadState,
    value: PyRef,
    expression: PyRef,
    conversion: u32,
    format_spec: Option<PyRef>,
) -> PyResult {
    let conversion = match conversion {
        0 => crate::singletons::none(),
        1 => pystr::intern(ts, "s"),
        2 => pystr::intern(ts, "r"),
        3 => pystr::intern(ts, "a"),
        _ => {
            return Err(PyErr::new(
                ExceptionKind::SystemError,
                "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
            ));
        }
    };
    let format_spec = format_spec.unwrap_or_else(|| pystr::intern(ts, ""));
    Ok(new_interpolation(
        ts,
        value,
        expression,
        conversion,
        format_spec,
    ))
}

fn new_interpolation(
    ts: &ThreadState,
    value: PyRef,
    expression: PyRef,
    conversion: PyRef,
    format_spec: PyRef,
) -> PyRef {
    Py::new(
        ts,
        Interpolation {
            value,
            expression,
            conversion,
            format_spec,
        },
    )
    .into_ref()
}

/// `BUILD_TEMPLATE`: the compiler's tuples of strings and interpolations.
pub fn build_template(ts: &ThreadState, strings: PyRef, interpolations: PyRef) -> PyResult {
    if !strings.payload_is::<tuple::Tuple>() || !interpolations.payload_is::<tuple::Tuple>() {
        return Err(PyErr::new(
            ExceptionKind::SystemError,
            "BUILD_TEMPLATE expects two tuples",
        ));
    }
    Ok(Py::new(
        ts,
        Template {
            strings,
            interpolations,
        },
    )
    .into_ref())
}

fn template_of(object: &PyObject) -> PyResult<&Template> {
    object
        .downcast_ref::<Template>()
        .map(|template| template.payload())
        .ok_or_else(|| PyErr::type_error("expected a Template"))
}

fn interpolation_of(object: &PyObject) -> PyResult<&Interpolation> {
    object
        .downcast_ref::<Interpolation>()
        .map(|interpolation| interpolation.payload())
        .ok_or_else(|| PyErr::type_error("expected an Interpolation"))
}

/// Joins `parts` (strs and interpolations, in order) into a template's two tuples:
/// adjacent strings merge, and an empty string stands between adjacent interpolations
/// and at either end.
fn assemble(ts: &ThreadState, parts: &[PyRef]) -> PyResult {
    let mut strings = Vec::new();
    let mut interpolations = Vec::new();
    let mut pending = String::new();
    for part in parts {
        if let Some(text) = pystr::as_str_payload(part) {
            pending.push_str(&text.to_string_lossy());
        } else if part.payload_is::<Interpolation>() {
            strings.push(pystr::new(ts, &std::mem::take(&mut pending)).into_ref());
            interpolations.push(part.clone());
        } else {
            return Err(PyErr::type_error(format!(
                "Template.__new__ *args need to be of type 'str' or 'Interpolation', got {}",
                part.ob_type().name()
            )));
        }
    }
    strings.push(pystr::new(ts, &pending).into_ref());
    build_template(
        ts,
        tuple::new(ts, strings).into_ref(),
        tuple::new(ts, interpolations).into_ref(),
    )
}

fn template_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(
            "Template.__new__ only accepts *args arguments",
        ));
    }
    assemble(ts, args)
}

/// The parts in order; iteration leaves the empty strings out, concatenation keeps them
/// (they mark the boundaries).
fn parts(template: &Template, keep_empty: bool) -> Vec<PyRef> {
    let strings = tuple::items(&template.strings);
    let interpolations = tuple::items(&template.interpolations);
    let mut parts = Vec::with_capacity(strings.len() + interpolations.len());
    for (index, string) in strings.iter().enumerate() {
        if keep_empty || pystr::as_str_payload(string).is_some_and(|text| !text.is_empty()) {
            parts.push(string.clone());
        }
        if let Some(interpolation) = interpolations.get(index) {
            parts.push(interpolation.clone());
        }
    }
    parts
}

fn template_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let parts = parts(template_of(object)?, false);
    crate::iterobject::get_iter(ts, &tuple::new(ts, parts).into_ref())
}

fn template_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let template = template_of(object)?;
    let text = format!(
        "Template(strings={}, interpolations={})",
        pystr::repr_text(ts, &template.strings)?,
        pystr::repr_text(ts, &template.interpolations)?
    );
    Ok(pystr::new(ts, &text).into_ref())
}

/// `Template + Template`; anything else is refused with CPython's message.
fn template_add(ts: &ThreadState, left: &PyObject, right: &PyObject) -> PyResult {
    match (
        left.downcast_ref::<Template>(),
        right.downcast_ref::<Template>(),
    ) {
        (Some(left), Some(right)) => {
            let mut all = parts(left.payload(), true);
            all.extend(parts(right.payload(), true));
            assemble(ts, &all)
        }
        (Some(_), None) if pystr::as_str_payload(right).is_none() => {
            Ok(crate::singletons::not_implemented())
        }
        (None, Some(_)) if pystr::as_str_payload(left).is_none() => {
            Ok(crate::singletons::not_implemented())
        }
        (Some(_), None) => Err(PyErr::type_error(format!(
            "can only concatenate string.templatelib.Template (not \"{}\") to string.templatelib.Template",
            right.ob_type().name()
        ))),
        _ => Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            right.ob_type().name()
        ))),
    }
}

fn template_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(template) = object.downcast_ref::<Template>() {
        visit(&template.strings);
        visit(&template.interpolations);
    }
}

fn template_strings(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(template_of(object)?.strings.clone())
}

fn template_interpolations(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(template_of(object)?.interpolations.clone())
}

fn template_values(ts: &ThreadState, object: &PyObject) -> PyResult {
    let template = template_of(object)?;
    let values = tuple::items(&template.interpolations)
        .iter()
        .map(|interpolation| {
            interpolation_of(interpolation).map(|interpolation| interpolation.value.clone())
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(tuple::new(ts, values).into_ref())
}

/// `Template.__reduce__`: `string.templatelib._template_unpickle(strings, interpolations)`.
fn template_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let template = template_of(object)?;
    let import = IMPORT
        .get()
        .ok_or_else(|| PyErr::new(ExceptionKind::ImportError, "no importer"))?;
    let module = import(ts, "string.templatelib")?;
    let unpickle = crate::attrs::get_attr_str(ts, &module, "_template_unpickle")?;
    let args = tuple::new(
        ts,
        vec![template.strings.clone(), template.interpolations.clone()],
    )
    .into_ref();
    Ok(tuple::new(ts, vec![unpickle, args]).into_ref())
}

/// `Interpolation(value, expression='', conversion=None, format_spec='')`.
fn interpolation_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    const PARAMS: [&str; 4] = ["value", "expression", "conversion", "format_spec"];
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if positional.len() > PARAMS.len() {
        return Err(PyErr::type_error(format!(
            "Interpolation() takes at most 4 arguments ({} given)",
            positional.len()
        )));
    }
    let mut values: [Option<PyRef>; 4] = Default::default();
    for (slot, value) in values.iter_mut().zip(positional) {
        *slot = Some(value.clone());
    }
    for (key, value) in keywords {
        let Some(index) = PARAMS.iter().position(|param| *param == key) else {
            return Err(PyErr::type_error(format!(
                "Interpolation() got an unexpected keyword argument '{key}'"
            )));
        };
        if values[index].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for Interpolation() given by name ('{key}') and position ({})",
                index + 1
            )));
        }
        values[index] = Some(value);
    }
    let [value, expression, conversion, format_spec] = values;
    let Some(value) = value else {
        return Err(PyErr::type_error(
            "Interpolation() missing required argument 'value' (pos 1)",
        ));
    };
    let text_argument = |name: &str, given: Option<PyRef>| -> PyResult {
        match given {
            None => Ok(pystr::intern(ts, "")),
            Some(given) if given.payload_is::<pystr::Str>() => Ok(given),
            Some(given) => Err(PyErr::type_error(format!(
                "Interpolation() argument '{name}' must be str, not {}",
                given.ob_type().name()
            ))),
        }
    };
    let expression = text_argument("expression", expression)?;
    let format_spec_value = text_argument("format_spec", format_spec);
    let conversion = match conversion {
        None => crate::singletons::none(),
        Some(given) if crate::singletons::is_none(&given) => given,
        Some(given)
            if pystr::as_str_payload(&given)
                .is_some_and(|text| matches!(text.as_str(), Some("s" | "r" | "a"))) =>
        {
            given
        }
        Some(_) => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
            ));
        }
    };
    Ok(new_interpolation(
        ts,
        value,
        expression,
        conversion,
        format_spec_value?,
    ))
}

fn interpolation_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let interpolation = interpolation_of(object)?;
    let text = format!(
        "Interpolation({}, {}, {}, {})",
        pystr::repr_text(ts, &interpolation.value)?,
        pystr::repr_text(ts, &interpolation.expression)?,
        pystr::repr_text(ts, &interpolation.conversion)?,
        pystr::repr_text(ts, &interpolation.format_spec)?
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn interpolation_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(interpolation) = object.downcast_ref::<Interpolation>() {
        visit(&interpolation.value);
        visit(&interpolation.expression);
        visit(&interpolation.conversion);
        visit(&interpolation.format_spec);
    }
}

fn interpolation_fields(interpolation: &Interpolation) -> Vec<PyRef> {
    vec![
        interpolation.value.clone(),
        interpolation.expression.clone(),
        interpolation.conversion.clone(),
        interpolation.format_spec.clone(),
    ]
}

/// `Interpolation.__reduce__`: the class and its four fields.
fn interpolation_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let fields = tuple::new(ts, interpolation_fields(interpolation_of(object)?)).into_ref();
    Ok(tuple::new(ts, vec![object.ob_type().as_object().new_ref(), fields]).into_ref())
}

macro_rules! interpolation_getters {
    ($($getter:ident => $field:ident;)*) => {$(
        fn $getter(_ts: &ThreadState, object: &PyObject) -> PyResult {
            Ok(interpolation_of(object)?.$field.clone())
        }
    )*};
}

interpolation_getters! {
    interpolation_value => value;
    interpolation_expression => expression;
    interpolation_conversion => conversion;
    interpolation_format_spec => format_spec;
}

/// The fields are read-only members in CPython (`Py_READONLY`), with its message.
fn readonly_member(
    _ts: &ThreadState,
    _object: &PyObject,
    _value: Option<&PyObject>,
) -> PyResult<()> {
    Err(PyErr::new(
        ExceptionKind::AttributeError,
        "readonly attribute",
    ))
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_getsets(
        ts,
        &TEMPLATE_TYPE,
        &[
            ("strings", template_strings, Some(readonly_member)),
            (
                "interpolations",
                template_interpolations,
                Some(readonly_member),
            ),
            ("values", template_values, None),
        ],
    );
    crate::descr::add_methods(ts, &TEMPLATE_TYPE, &[("__reduce__", template_reduce)]);
    crate::descr::add_getsets(
        ts,
        &INTERPOLATION_TYPE,
        &[
            ("value", interpolation_value, Some(readonly_member)),
            (
                "expression",
                interpolation_expression,
                Some(readonly_member),
            ),
            (
                "conversion",
                interpolation_conversion,
                Some(readonly_member),
            ),
            (
                "format_spec",
                interpolation_format_spec,
                Some(readonly_member),
            ),
        ],
    );
    crate::descr::add_methods(
        ts,
        &INTERPOLATION_TYPE,
        &[("__reduce__", interpolation_reduce)],
    );
    if let Some(dict) = INTERPOLATION_TYPE
        .dict(ts)
        .downcast_ref::<crate::dict::Dict>()
    {
        let names = ["value", "expression", "conversion", "format_spec"]
            .iter()
            .map(|name| pystr::intern(ts, name))
            .collect();
        let _ = dict.set_item(
            ts,
            pystr::intern(ts, "__match_args__"),
            tuple::new(ts, names).into_ref(),
        );
    }
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
        new: Slot::new(template_new),
        traverse: Slot::new(template_traverse),
        ..crate::typeobject::object_slots()
    })
    .with_number(NumberSlots {
        add: Slot::new(template_add),
        ..NumberSlots::EMPTY
    }),
);

pub static INTERPOLATION_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Interpolation>(
        "string.templatelib.Interpolation",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(interpolation_repr),
        new: Slot::new(interpolation_new),
        traverse: Slot::new(interpolation_traverse),
        ..crate::typeobject::object_slots()
    }),
);
