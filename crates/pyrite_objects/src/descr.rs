//! Functions written in Rust and the descriptors that put them in types: built-in
//! functions and bound built-in methods, method descriptors (`list.append`), getset
//! descriptors (`exc.args`), `classmethod`, `staticmethod` and `property`.
//!
//! CPython counterpart: `Objects/methodobject.c` (`builtin_function_or_method`),
//! `Objects/descrobject.c` (`method_descriptor`, `getset_descriptor`, `property`) and
//! `Objects/funcobject.c` (`classmethod`, `staticmethod`).

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// A function written in Rust: `(self or module, positional then keyword arguments,
/// keyword names)`, the vectorcall shape.
pub type NativeFn = fn(&ThreadState, &PyObject, &[PyRef], Option<&PyObject>) -> PyResult;
/// A getset descriptor's getter.
pub type GetterFn = fn(&ThreadState, &PyObject) -> PyResult;
/// A getset descriptor's setter (`None` deletes).
pub type SetterFn = fn(&ThreadState, &PyObject, Option<&PyObject>) -> PyResult<()>;

/// `builtin_function_or_method`: a Rust function, bound to its `__self__` (a module, an
/// instance, or `None`).
pub struct BuiltinFunction {
    pub name: &'static str,
    pub function: NativeFn,
    pub bound_self: PyRef,
    /// Whether `repr` shows it as a method of `bound_self` rather than a function.
    pub is_method: bool,
}

impl PyPayload for BuiltinFunction {
    fn static_type() -> &'static PyType {
        &BUILTIN_FUNCTION_TYPE
    }
}

/// A built-in function of a module (`len`, `print`).
pub fn new_builtin_function(
    ts: &ThreadState,
    name: &'static str,
    function: NativeFn,
    module: PyRef,
) -> PyRef {
    Py::new(
        ts,
        BuiltinFunction {
            name,
            function,
            bound_self: module,
            is_method: false,
        },
    )
    .into_ref()
}

fn builtin_function_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let function = callable
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("not a builtin function"))?;
    (function.function)(ts, &function.bound_self, args, kwnames)
}

fn builtin_function_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let Some(function) = object.downcast_ref::<BuiltinFunction>() else {
        return Ok(crate::str::new(ts, "<builtin>").into_ref());
    };
    let text = if function.is_method {
        format!(
            "<built-in method {} of {} object at {:p}>",
            function.name,
            function.bound_self.ob_type().name(),
            function.bound_self.as_ptr()
        )
    } else {
        format!("<built-in function {}>", function.name)
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

pub static BUILTIN_FUNCTION_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<BuiltinFunction>(
        "builtin_function_or_method",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(builtin_function_traverse),
        call: Slot::new(builtin_function_call),
        repr: Slot::new(builtin_function_repr),
        ..crate::typeobject::object_slots()
    }),
);

/// `method_descriptor`: a Rust method in a built-in type's dict (`list.append`).
pub struct MethodDescr {
    pub name: &'static str,
    pub function: NativeFn,
    /// The type that defines it (`self` must be an instance).
    pub owner: &'static PyType,
}

impl PyPayload for MethodDescr {
    fn static_type() -> &'static PyType {
        &METHOD_DESCRIPTOR_TYPE
    }
}

impl MethodDescr {
    /// Checks `self`'s type, as CPython's `descr_check` does.
    pub fn check_self(&self, ts: &ThreadState, object: &PyObject) -> PyResult<()> {
        if object.ob_type().is_subtype(ts, self.owner) {
            return Ok(());
        }
        Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            self.name,
            self.owner.name(),
            object.ob_type().name()
        )))
    }
}

fn method_descr_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let descr = callable
        .downcast_ref::<MethodDescr>()
        .ok_or_else(|| PyErr::type_error("not a method descriptor"))?;
    let Some((receiver, rest)) = args.split_first() else {
        return Err(PyErr::type_error(format!(
            "unbound method {}.{}() needs an argument",
            descr.owner.name(),
            descr.name
        )));
    };
    descr.check_self(ts, receiver)?;
    (descr.function)(ts, receiver, rest, kwnames)
}

fn method_descr_get(
    ts: &ThreadState,
    descr: &PyObject,
    instance: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let Some(instance) = instance else {
        return Ok(descr.new_ref());
    };
    let method = descr
        .downcast_ref::<MethodDescr>()
        .ok_or_else(|| PyErr::type_error("not a method descriptor"))?;
    method.check_self(ts, instance)?;
    Ok(Py::new(
        ts,
        BuiltinFunction {
            name: method.name,
            function: method.function,
            bound_self: instance.new_ref(),
            is_method: true,
        },
    )
    .into_ref())
}

fn method_descr_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = match object.downcast_ref::<MethodDescr>() {
        Some(descr) => format!(
            "<method '{}' of '{}' objects>",
            descr.name,
            descr.owner.name()
        ),
        None => "<method>".to_owned(),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

pub static METHOD_DESCRIPTOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<MethodDescr>("method_descriptor", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            call: Slot::new(method_descr_call),
            descr_get: Slot::new(method_descr_get),
            repr: Slot::new(method_descr_repr),
            ..crate::typeobject::object_slots()
        },
    ),
);

/// `getset_descriptor`: a computed attribute of a built-in type (`exc.args`).
pub struct GetSetDescr {
    pub name: &'static str,
    pub getter: GetterFn,
    pub setter: Option<SetterFn>,
    pub owner: &'static PyType,
}

impl PyPayload for GetSetDescr {
    fn static_type() -> &'static PyType {
        &GETSET_DESCRIPTOR_TYPE
    }
}

fn getset_get(
    _ts: &ThreadState,
    descr: &PyObject,
    instance: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let Some(instance) = instance else {
        return Ok(descr.new_ref());
    };
    let getset = descr
        .downcast_ref::<GetSetDescr>()
        .ok_or_else(|| PyErr::type_error("not a getset descriptor"))?;
    (getset.getter)(_ts, instance)
}

fn getset_set(
    ts: &ThreadState,
    descr: &PyObject,
    instance: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let getset = descr
        .downcast_ref::<GetSetDescr>()
        .ok_or_else(|| PyErr::type_error("not a getset descriptor"))?;
    match getset.setter {
        Some(setter) => setter(ts, instance, value),
        None => Err(PyErr::new(
            ExceptionKind::AttributeError,
            format!(
                "attribute '{}' of '{}' objects is not writable",
                getset.name,
                getset.owner.name()
            ),
        )),
    }
}

pub static GETSET_DESCRIPTOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<GetSetDescr>("getset_descriptor", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            descr_get: Slot::new(getset_get),
            descr_set: Slot::new(getset_set),
            ..crate::typeobject::object_slots()
        },
    ),
);

/// Adds Rust methods to a built-in type's dict.
pub fn add_methods(ts: &ThreadState, ty: &'static PyType, methods: &[(&'static str, NativeFn)]) {
    let dict = ty.dict(ts);
    let Some(dict) = dict.downcast_ref::<crate::dict::Dict>() else {
        return;
    };
    for &(name, function) in methods {
        let descr = Py::new(
            ts,
            MethodDescr {
                name,
                function,
                owner: ty,
            },
        )
        .into_ref();
        let _ = dict.set_item(ts, crate::str::intern(ts, name), descr);
    }
}

/// Adds getset descriptors to a built-in type's dict.
pub fn add_getsets(
    ts: &ThreadState,
    ty: &'static PyType,
    getsets: &[(&'static str, GetterFn, Option<SetterFn>)],
) {
    let dict = ty.dict(ts);
    let Some(dict) = dict.downcast_ref::<crate::dict::Dict>() else {
        return;
    };
    for &(name, getter, setter) in getsets {
        let descr = Py::new(
            ts,
            GetSetDescr {
                name,
                getter,
                setter,
                owner: ty,
            },
        )
        .into_ref();
        let _ = dict.set_item(ts, crate::str::intern(ts, name), descr);
    }
}

/// `classmethod(f)` and `staticmethod(f)`: the wrapped callable.
pub struct ClassMethod {
    pub callable: PyRef,
}

/// `staticmethod(f)`.
pub struct StaticMethod {
    pub callable: PyRef,
}

impl PyPayload for ClassMethod {
    fn static_type() -> &'static PyType {
        &CLASSMETHOD_TYPE
    }
}

impl PyPayload for StaticMethod {
    fn static_type() -> &'static PyType {
        &STATICMETHOD_TYPE
    }
}

fn first_positional(args: &[PyRef], kwnames: Option<&PyObject>, what: &str) -> PyResult<PyRef> {
    let keywords = kwnames.map_or(0, |names| crate::tuple::items(names).len());
    match &args[..args.len() - keywords] {
        [callable] => Ok(callable.clone()),
        other => Err(PyErr::type_error(format!(
            "{what} expected 1 argument, got {}",
            other.len()
        ))),
    }
}

fn classmethod_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let callable = first_positional(args, kwnames, "classmethod")?;
    Ok(Py::new(ts, ClassMethod { callable }).into_ref())
}

fn staticmethod_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let callable = first_positional(args, kwnames, "staticmethod")?;
    Ok(Py::new(ts, StaticMethod { callable }).into_ref())
}

fn classmethod_get(
    ts: &ThreadState,
    descr: &PyObject,
    instance: Option<&PyObject>,
    owner: Option<&PyObject>,
) -> PyResult {
    let method = descr
        .downcast_ref::<ClassMethod>()
        .ok_or_else(|| PyErr::type_error("not a classmethod"))?;
    let owner = match (owner, instance) {
        (Some(owner), _) => owner.new_ref(),
        (None, Some(instance)) => instance.ob_type().as_object().new_ref(),
        (None, None) => return Ok(descr.new_ref()),
    };
    Ok(crate::function::new_method(
        ts,
        method.callable.clone(),
        owner,
    ))
}

fn staticmethod_get(
    _ts: &ThreadState,
    descr: &PyObject,
    _instance: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let method = descr
        .downcast_ref::<StaticMethod>()
        .ok_or_else(|| PyErr::type_error("not a staticmethod"))?;
    Ok(method.callable.clone())
}

fn staticmethod_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let method = callable
        .downcast_ref::<StaticMethod>()
        .ok_or_else(|| PyErr::type_error("not a staticmethod"))?;
    crate::abstract_api::call(ts, &method.callable, args, kwnames)
}

pub static CLASSMETHOD_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ClassMethod>(
        "classmethod",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(classmethod_traverse),
        descr_get: Slot::new(classmethod_get),
        new: Slot::new(classmethod_new),
        ..crate::typeobject::object_slots()
    }),
);

pub static STATICMETHOD_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<StaticMethod>(
        "staticmethod",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(staticmethod_traverse),
        descr_get: Slot::new(staticmethod_get),
        call: Slot::new(staticmethod_call),
        new: Slot::new(staticmethod_new),
        ..crate::typeobject::object_slots()
    }),
);

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Option<PyRef>,
    pub fset: Option<PyRef>,
    pub fdel: Option<PyRef>,
}

impl PyPayload for Property {
    fn static_type() -> &'static PyType {
        &PROPERTY_TYPE
    }
}

fn non_none(object: Option<&PyRef>) -> Option<PyRef> {
    object
        .filter(|object| !crate::singletons::is_none(object))
        .cloned()
}

fn property_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let keywords = kwnames.map_or(&[][..], crate::tuple::items);
    let positional = &args[..args.len() - keywords.len()];
    let mut slots: [Option<PyRef>; 3] = [
        non_none(positional.first()),
        non_none(positional.get(1)),
        non_none(positional.get(2)),
    ];
    for (name, value) in keywords.iter().zip(&args[positional.len()..]) {
        let index = match crate::str::to_rust_string(name).as_str() {
            "fget" => 0,
            "fset" => 1,
            "fdel" => 2,
            _ => continue,
        };
        slots[index] = non_none(Some(value));
    }
    let [fget, fset, fdel] = slots;
    Ok(Py::new(ts, Property { fget, fset, fdel }).into_ref())
}

fn property_get(
    ts: &ThreadState,
    descr: &PyObject,
    instance: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let Some(instance) = instance else {
        return Ok(descr.new_ref());
    };
    let property = descr
        .downcast_ref::<Property>()
        .ok_or_else(|| PyErr::type_error("not a property"))?;
    match &property.fget {
        Some(fget) => crate::abstract_api::call(ts, fget, &[instance.new_ref()], None),
        None => Err(PyErr::new(
            ExceptionKind::AttributeError,
            format!(
                "property of '{}' object has no getter",
                instance.ob_type().name()
            ),
        )),
    }
}

fn property_set(
    ts: &ThreadState,
    descr: &PyObject,
    instance: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let property = descr
        .downcast_ref::<Property>()
        .ok_or_else(|| PyErr::type_error("not a property"))?;
    let (function, args) = match value {
        Some(value) => (&property.fset, vec![instance.new_ref(), value.new_ref()]),
        None => (&property.fdel, vec![instance.new_ref()]),
    };
    match function {
        Some(function) => crate::abstract_api::call(ts, function, &args, None).map(drop),
        None => Err(PyErr::new(
            ExceptionKind::AttributeError,
            format!(
                "property of '{}' object has no {}",
                instance.ob_type().name(),
                if value.is_some() { "setter" } else { "deleter" }
            ),
        )),
    }
}

fn property_setter(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let property = object
        .downcast_ref::<Property>()
        .ok_or_else(|| PyErr::type_error("not a property"))?;
    Ok(Py::new(
        ts,
        Property {
            fget: property.fget.clone(),
            fset: args.first().cloned(),
            fdel: property.fdel.clone(),
        },
    )
    .into_ref())
}

fn property_deleter(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let property = object
        .downcast_ref::<Property>()
        .ok_or_else(|| PyErr::type_error("not a property"))?;
    Ok(Py::new(
        ts,
        Property {
            fget: property.fget.clone(),
            fset: property.fset.clone(),
            fdel: args.first().cloned(),
        },
    )
    .into_ref())
}

fn property_getter(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let property = object
        .downcast_ref::<Property>()
        .ok_or_else(|| PyErr::type_error("not a property"))?;
    Ok(Py::new(
        ts,
        Property {
            fget: args.first().cloned(),
            fset: property.fset.clone(),
            fdel: property.fdel.clone(),
        },
    )
    .into_ref())
}

fn builtin_name(ts: &ThreadState, object: &PyObject) -> PyResult {
    let function = object
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))?;
    Ok(crate::str::intern(ts, function.name))
}

fn builtin_self(_ts: &ThreadState, object: &PyObject) -> PyResult {
    let function = object
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))?;
    Ok(function.bound_self.clone())
}

/// `property`'s methods, installed in its dict.
pub(crate) fn install_property_methods(ts: &ThreadState) {
    add_getsets(
        ts,
        &BUILTIN_FUNCTION_TYPE,
        &[
            ("__name__", builtin_name, None),
            ("__qualname__", builtin_name, None),
            ("__self__", builtin_self, None),
        ],
    );
    add_methods(
        ts,
        &PROPERTY_TYPE,
        &[
            ("setter", property_setter),
            ("getter", property_getter),
            ("deleter", property_deleter),
        ],
    );
}

pub static PROPERTY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Property>(
        "property",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(property_traverse),
        descr_get: Slot::new(property_get),
        descr_set: Slot::new(property_set),
        new: Slot::new(property_new),
        ..crate::typeobject::object_slots()
    }),
);

fn builtin_function_traverse(
    _ts: &ThreadState,
    object: &PyObject,
    visit: &mut dyn FnMut(&PyObject),
) {
    if let Some(function) = object.downcast_ref::<BuiltinFunction>() {
        visit(&function.bound_self);
    }
}

fn classmethod_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(method) = object.downcast_ref::<ClassMethod>() {
        visit(&method.callable);
    }
}

fn staticmethod_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(method) = object.downcast_ref::<StaticMethod>() {
        visit(&method.callable);
    }
}

fn property_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(property) = object.downcast_ref::<Property>() {
        for accessor in [&property.fget, &property.fset, &property.fdel]
            .into_iter()
            .flatten()
        {
            visit(accessor);
        }
    }
}
