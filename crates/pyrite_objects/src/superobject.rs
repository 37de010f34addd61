//! `super`: the proxy `super(C, obj)` makes, looking attributes up on `obj`'s MRO after
//! `C`. (`super().name` in a method compiles to `LOAD_SUPER_ATTR`, which does the same
//! lookup without making the object.)
//!
//! CPython counterpart: `Objects/typeobject.c` (`super_init`, `supercheck`,
//! `super_getattro`, `super_repr`, `super_descr_get`).

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, as_type, flags};

/// A `super` object: the class to skip past, and the bound object and its type (absent
/// for an unbound `super(C)`).
pub struct Super {
    pub thisclass: PyRef,
    pub obj: Option<PyRef>,
    pub obj_type: Option<PyRef>,
}

impl PyPayload for Super {
    fn static_type() -> &'static PyType {
        &SUPER_TYPE
    }
}

/// The type `super` binds to for `(thisclass, obj)` (CPython's `supercheck`).
pub fn supercheck<'a>(
    ts: &ThreadState,
    thisclass: &PyType,
    obj: &'a PyObject,
) -> PyResult<&'a PyType> {
    if let Some(ty) = as_type(obj)
        && ty.is_subtype(ts, thisclass)
    {
        return Ok(ty);
    }
    if obj.ob_type().is_subtype(ts, thisclass) {
        return Ok(obj.ob_type());
    }
    Err(PyErr::type_error(format!(
        "super(type, obj): obj ({}) is not an instance or subtype of type ({}).",
        if as_type(obj).is_some() {
            format!("type {}", as_type(obj).map_or("?", |t| t.name()))
        } else {
            format!("instance of {}", obj.ob_type().name())
        },
        thisclass.name()
    )))
}

fn super_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("super() takes no keyword arguments"));
    }
    let (thisclass, obj) = match args {
        [] => {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "super(): no arguments",
            ));
        }
        [thisclass] => (thisclass, None),
        [thisclass, obj] => (thisclass, Some(obj)),
        _ => {
            return Err(PyErr::type_error(format!(
                "super() takes at most 2 arguments ({} given)",
                args.len()
            )));
        }
    };
    let Some(this_type) = as_type(thisclass) else {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            thisclass.ob_type().name()
        )));
    };
    let obj = obj.filter(|obj| !crate::singletons::is_none(obj));
    let obj_type = match obj {
        Some(obj) => Some(supercheck(ts, this_type, obj)?.as_object().new_ref()),
        None => None,
    };
    Ok(Py::new(
        ts,
        Super {
            thisclass: thisclass.clone(),
            obj: obj.cloned(),
            obj_type,
        },
    )
    .into_ref())
}

fn super_getattro(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    let Some(su) = object.downcast_ref::<Super>() else {
        return crate::attrs::generic_getattr(ts, object, name);
    };
    let skip =
        crate::str::as_str_payload(name).is_some_and(|text| text.to_string_lossy() == "__class__");
    if !skip
        && let (Some(obj), Some(obj_type)) =
            (&su.obj, su.obj_type.as_ref().and_then(|t| as_type(t)))
    {
        let mro = obj_type.mro(ts).unwrap_or_else(crate::tuple::empty);
        let entries = crate::tuple::items(&mro);
        let start = entries
            .iter()
            .position(|entry| entry.is(&su.thisclass))
            .map_or(entries.len(), |index| index + 1);
        for entry in &entries[start..] {
            let Some(ty) = as_type(entry) else { continue };
            let dict = ty.dict(ts);
            let Some(found) = dict
                .downcast_ref::<crate::dict::Dict>()
                .map(|dict| dict.get_item(ts, name))
                .transpose()?
                .flatten()
            else {
                continue;
            };
            return match found.ob_type().slots.descr_get.get() {
                Some(get) => {
                    let instance = if obj.is(obj_type.as_object()) {
                        None
                    } else {
                        Some(&**obj)
                    };
                    get(ts, &found, instance, Some(obj_type.as_object()))
                }
                None => Ok(found),
            };
        }
    }
    crate::attrs::generic_getattr(ts, object, name)
}

fn super_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let Some(su) = object.downcast_ref::<Super>() else {
        return Ok(crate::str::new(ts, "<super>").into_ref());
    };
    let this = as_type(&su.thisclass).map_or("NULL".to_owned(), |t| t.name().to_owned());
    let text = match su.obj_type.as_ref().and_then(|t| as_type(t)) {
        Some(obj_type) => format!("<super: <class '{this}'>, <{} object>>", obj_type.name()),
        None => format!("<super: <class '{this}'>, NULL>"),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn super_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(su) = object.downcast_ref::<Super>() {
        visit(&su.thisclass);
        for field in [&su.obj, &su.obj_type].into_iter().flatten() {
            visit(field);
        }
    }
}

fn get_thisclass(_ts: &ThreadState, object: &PyObject) -> PyResult {
    object
        .downcast_ref::<Super>()
        .map(|su| su.thisclass.clone())
        .ok_or_else(|| PyErr::type_error("expected super"))
}

fn get_self(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object
        .downcast_ref::<Super>()
        .and_then(|su| su.obj.clone())
        .unwrap_or_else(crate::singletons::none))
}

fn get_self_class(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object
        .downcast_ref::<Super>()
        .and_then(|su| su.obj_type.clone())
        .unwrap_or_else(crate::singletons::none))
}

pub static SUPER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Super>(
        "super",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        new: Slot::new(super_new),
        getattro: Slot::new(super_getattro),
        repr: Slot::new(super_repr),
        traverse: Slot::new(super_traverse),
        ..crate::typeobject::object_slots()
    }),
);

pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_getsets(
        ts,
        &SUPER_TYPE,
        &[
            ("__thisclass__", get_thisclass, None),
            ("__self__", get_self, None),
            ("__self_class__", get_self_class, None),
        ],
    );
}
