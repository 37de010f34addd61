//! `string.templatelib.Interpolation`: one replacement field of a t-string (PEP 750),
//! made by `BUILD_INTERPOLATION`.
//!
//! CPython counterpart: `Objects/interpolationobject.c`.

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload: the evaluated value, its source text, the conversion (`None` or one of
/// `'s'`, `'r'`, `'a'`) and the format spec (a `str`, empty when not given).
pub struct Interpolation {
    pub value: PyRef,
    pub expression: PyRef,
    pub conversion: PyRef,
    pub format_spec: PyRef,
}

impl PyPayload for Interpolation {
    fn static_type() -> &'static PyType {
        &INTERPOLATION_TYPE
    }
}

/// The conversion object for `BUILD_INTERPOLATION`'s code (0 none, 1 `s`, 2 `r`, 3 `a`).
pub fn conversion_object(ts: &ThreadState, code: u32) -> PyRef {
    match code {
        1 => crate::str::intern(ts, "s"),
        2 => crate::str::intern(ts, "r"),
        3 => crate::str::intern(ts, "a"),
        _ => crate::singletons::none(),
    }
}

/// `BUILD_INTERPOLATION`: `format_spec` is `None` when the field has none.
pub fn new(
    ts: &ThreadState,
    value: PyRef,
    expression: PyRef,
    conversion: PyRef,
    format_spec: Option<PyRef>,
) -> PyRef {
    let format_spec = format_spec.unwrap_or_else(|| crate::str::intern(ts, ""));
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

fn payload(object: &PyObject) -> PyResult<&Interpolation> {
    object
        .downcast_ref::<Interpolation>()
        .map(|interpolation| interpolation.payload())
        .ok_or_else(|| PyErr::type_error("expected an Interpolation"))
}

/// `Interpolation(value, expression='', conversion=None, format_spec='')`.
fn interpolation_new(
    ts: &ThreadState,
    ty: &PyType,
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
    let mut bound: [Option<PyRef>; 4] = Default::default();
    for (slot, value) in bound.iter_mut().zip(positional) {
        *slot = Some(value.clone());
    }
    for (key, value) in keywords {
        let Some(index) = PARAMS.iter().position(|param| *param == key) else {
            return Err(PyErr::type_error(format!(
                "Interpolation() got an unexpected keyword argument '{key}'"
            )));
        };
        if bound[index].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for Interpolation() given by name ('{key}') and position ({})",
                index + 1
            )));
        }
        bound[index] = Some(value);
    }
    let [value, expression, conversion, format_spec] = bound;
    let Some(value) = value else {
        return Err(PyErr::type_error(
            "Interpolation() missing required argument 'value' (pos 1)",
        ));
    };
    let text = |name: &str, object: Option<PyRef>| -> PyResult<PyRef> {
        match object {
            None => Ok(crate::str::intern(ts, "")),
            Some(object) if object.payload_is::<crate::str::Str>() => Ok(object),
            Some(object) => Err(PyErr::type_error(format!(
                "Interpolation() argument '{name}' must be str, not {}",
                object.ob_type().name()
            ))),
        }
    };
    let expression = text("expression", expression)?;
    let format_spec = text("format_spec", format_spec)?;
    let conversion = match conversion {
        None => crate::singletons::none(),
        Some(object) if crate::singletons::is_none(&object) => object,
        Some(object) => {
            let valid = crate::str::as_str_payload(&object)
                .and_then(|text| text.as_str())
                .is_some_and(|text| matches!(text, "s" | "r" | "a"));
            if !valid {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
                ));
            }
            object
        }
    };
    Py::new_with_type(
        ts,
        ty,
        Interpolation {
            value,
            expression,
            conversion,
            format_spec,
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("Interpolation.__new__: bad type"))
}

fn interpolation_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let this = payload(object)?;
    let mut parts = Vec::with_capacity(4);
    for part in [
        &this.value,
        &this.expression,
        &this.conversion,
        &this.format_spec,
    ] {
        parts.push(crate::str::to_rust_string(&*part.repr(ts)?));
    }
    let name = object.ob_type().name();
    let name = name.rsplit('.').next().unwrap_or(name);
    Ok(crate::str::new(ts, &format!("{name}({})", parts.join(", "))).into_ref())
}

/// `__reduce__`: `(Interpolation, (value, expression, conversion, format_spec))`.
fn interpolation_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let this = payload(object)?;
    let args = crate::tuple::new(
        ts,
        vec![
            this.value.clone(),
            this.expression.clone(),
            this.conversion.clone(),
            this.format_spec.clone(),
        ],
    )
    .into_ref();
    let ty = PyObject::new_ref(object.ob_type().as_object());
    Ok(crate::tuple::new(ts, vec![ty, args]).into_ref())
}

fn get_value(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(payload(object)?.value.clone())
}

fn get_expression(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(payload(object)?.expression.clone())
}

fn get_conversion(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(payload(object)?.conversion.clone())
}

fn get_format_spec(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(payload(object)?.format_spec.clone())
}

fn interpolation_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(this) = object.downcast_ref::<Interpolation>() {
        visit(&this.value);
        visit(&this.expression);
        visit(&this.conversion);
        visit(&this.format_spec);
    }
}

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_getsets(
        ts,
        &INTERPOLATION_TYPE,
        &[
            ("value", get_value, Some(crate::descr::readonly_member)),
            (
                "expression",
                get_expression,
                Some(crate::descr::readonly_member),
            ),
            (
                "conversion",
                get_conversion,
                Some(crate::descr::readonly_member),
            ),
            (
                "format_spec",
                get_format_spec,
                Some(crate::descr::readonly_member),
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
            .map(|name| crate::str::intern(ts, name))
            .collect();
        let _ = dict.set_item(
            ts,
            crate::str::intern(ts, "__match_args__"),
            crate::tuple::new(ts, names).into_ref(),
        );
        let doc = crate::str::new(ts, "Interpolation object").into_ref();
        let _ = dict.set_item(ts, crate::str::intern(ts, "__doc__"), doc);
    }
}

pub static INTERPOLATION_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Interpolation>(
        "string.templatelib.Interpolation",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(interpolation_repr),
        traverse: Slot::new(interpolation_traverse),
        new: Slot::new(interpolation_new),
        ..crate::typeobject::object_slots()
    }),
);
