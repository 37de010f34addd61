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
    pub weaklist: crate::weakref::WeakrefList,
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
            weaklist: crate::weakref::WeakrefList::new(),
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
    })
    .with_weaklist_offset(crate::object::payload_field_offset::<BuiltinFunction>(
        std::mem::offset_of!(BuiltinFunction, weaklist),
    )),
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
            weaklist: crate::weakref::WeakrefList::new(),
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

fn getset_name(ts: &ThreadState, object: &PyObject) -> PyResult {
    let getset = object
        .downcast_ref::<GetSetDescr>()
        .ok_or_else(|| PyErr::type_error("expected a getset_descriptor"))?;
    Ok(crate::str::intern(ts, getset.name))
}

fn getset_qualname(ts: &ThreadState, object: &PyObject) -> PyResult {
    let getset = object
        .downcast_ref::<GetSetDescr>()
        .ok_or_else(|| PyErr::type_error("expected a getset_descriptor"))?;
    let owner = crate::str::to_rust_string(&getset.owner.qualname(ts));
    Ok(crate::str::new(ts, &format!("{owner}.{}", getset.name)).into_ref())
}

fn getset_objclass(_ts: &ThreadState, object: &PyObject) -> PyResult {
    let getset = object
        .downcast_ref::<GetSetDescr>()
        .ok_or_else(|| PyErr::type_error("expected a getset_descriptor"))?;
    Ok(getset.owner.as_object().new_ref())
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

/// Adds a `staticmethod` wrapping a Rust function (`bytes.maketrans`, `str.maketrans`).
pub fn add_static_method(
    ts: &ThreadState,
    ty: &'static PyType,
    name: &'static str,
    function: NativeFn,
) {
    let callable = new_builtin_function(ts, name, function, crate::singletons::none());
    let wrapper = Py::new(ts, StaticMethod { callable }).into_ref();
    if let Some(dict) = ty.dict(ts).downcast_ref::<crate::dict::Dict>() {
        let _ = dict.set_item(ts, crate::str::intern(ts, name), wrapper);
    }
}

/// Adds a `classmethod` wrapping a Rust function, which receives the class as its first
/// positional argument (`bytes.fromhex`, `dict.fromkeys`).
pub fn add_class_method(
    ts: &ThreadState,
    ty: &'static PyType,
    name: &'static str,
    function: NativeFn,
) {
    // Bound to the type it belongs to (its `__self__` and `__qualname__` show it); the
    // class the method is called on still comes first among the arguments.
    let callable = new_builtin_function(ts, name, function, ty.as_object().new_ref());
    let wrapper = Py::new(ts, ClassMethod { callable }).into_ref();
    if let Some(dict) = ty.dict(ts).downcast_ref::<crate::dict::Dict>() {
        let _ = dict.set_item(ts, crate::str::intern(ts, name), wrapper);
    }
}

/// The setter of a field CPython declares as a read-only member (`Py_READONLY`): its
/// message is "readonly attribute", not a getset's "is not writable".
pub fn readonly_member(
    _ts: &ThreadState,
    _object: &PyObject,
    _value: Option<&PyObject>,
) -> PyResult<()> {
    Err(PyErr::new(
        ExceptionKind::AttributeError,
        "readonly attribute",
    ))
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
    /// `__doc__`: given, or the getter's docstring; writable.
    pub doc: std::cell::RefCell<Option<PyRef>>,
    /// Whether `doc` came from the getter (so a new getter brings its own).
    pub getter_doc: bool,
    /// The attribute name given by `__set_name__`.
    pub name: std::cell::RefCell<Option<PyRef>>,
}

/// A property with `doc`, or the getter's `__doc__` when no doc is given.
fn new_property(
    ts: &ThreadState,
    fget: Option<PyRef>,
    fset: Option<PyRef>,
    fdel: Option<PyRef>,
    doc: Option<PyRef>,
) -> PyResult {
    let (doc, getter_doc) = match (doc, &fget) {
        (Some(doc), _) => (Some(doc), false),
        (None, Some(fget)) => {
            let doc = crate::attrs::lookup_attr(ts, fget, &crate::str::intern(ts, "__doc__"))?
                .filter(|doc| !crate::singletons::is_none(doc));
            let from_getter = doc.is_some();
            (doc, from_getter)
        }
        (None, None) => (None, false),
    };
    Ok(Py::new(
        ts,
        Property {
            fget,
            fset,
            fdel,
            doc: std::cell::RefCell::new(doc),
            getter_doc,
            name: std::cell::RefCell::new(None),
        },
    )
    .into_ref())
}

fn property_set_name(
    _ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let [_owner, name] = args else {
        return Err(PyErr::type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len()
        )));
    };
    if let Some(property) = this.downcast_ref::<Property>() {
        let old = property.name.replace(Some(name.clone()));
        drop(old);
    }
    Ok(crate::singletons::none())
}

fn property_kept_doc(property: &Property) -> Option<PyRef> {
    if property.getter_doc {
        None
    } else {
        property.doc.borrow().clone()
    }
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
    let mut slots: [Option<PyRef>; 4] = [
        non_none(positional.first()),
        non_none(positional.get(1)),
        non_none(positional.get(2)),
        non_none(positional.get(3)),
    ];
    for (name, value) in keywords.iter().zip(&args[positional.len()..]) {
        let index = match crate::str::to_rust_string(name).as_str() {
            "fget" => 0,
            "fset" => 1,
            "fdel" => 2,
            "doc" => 3,
            other => {
                return Err(PyErr::type_error(format!(
                    "property() got an unexpected keyword argument '{other}'"
                )));
            }
        };
        slots[index] = non_none(Some(value));
    }
    let [fget, fset, fdel, doc] = slots;
    new_property(ts, fget, fset, fdel, doc)
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
                "{} of '{}' object has no getter",
                property_label(ts, property),
                instance.ob_type().name()
            ),
        )),
    }
}

/// `property 'name'` (the getter's name) or `property` in error messages.
fn property_label(ts: &ThreadState, property: &Property) -> String {
    let given = property.name.borrow().clone();
    let name = given.or_else(|| {
        property.fget.as_ref().and_then(|fget| {
            crate::attrs::lookup_attr(ts, fget, &crate::str::intern(ts, "__name__"))
                .ok()
                .flatten()
        })
    });
    match name.as_deref().and_then(crate::str::as_str_payload) {
        Some(name) => format!("property '{}'", name.to_string_lossy()),
        None => "property".to_owned(),
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
                "{} of '{}' object has no {}",
                property_label(ts, property),
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
    new_property(
        ts,
        property.fget.clone(),
        args.first().cloned(),
        property.fdel.clone(),
        property_kept_doc(property),
    )
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
    new_property(
        ts,
        property.fget.clone(),
        property.fset.clone(),
        args.first().cloned(),
        property_kept_doc(property),
    )
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
    new_property(
        ts,
        args.first().cloned(),
        property.fset.clone(),
        property.fdel.clone(),
        property_kept_doc(property),
    )
}

fn builtin_name(ts: &ThreadState, object: &PyObject) -> PyResult {
    let function = object
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))?;
    Ok(crate::str::intern(ts, function.name))
}

/// `__qualname__`: the name, after the qualified name of the type it is a method of
/// (`list.append`, `dict.fromkeys`); a module's function has its bare name.
fn builtin_qualname(ts: &ThreadState, object: &PyObject) -> PyResult {
    let function = object
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))?;
    let owner = &function.bound_self;
    if crate::singletons::is_none(owner) || owner.payload_is::<crate::module::Module>() {
        return Ok(crate::str::intern(ts, function.name));
    }
    let owner_type = if crate::typeobject::as_type(owner).is_some() {
        owner.clone()
    } else {
        owner.ob_type().as_object().new_ref()
    };
    let qualname = crate::attrs::get_attr_str(ts, &owner_type, "__qualname__")?;
    let qualname = crate::str::as_str_payload(&qualname)
        .map(|text| text.to_string_lossy())
        .unwrap_or_default();
    Ok(crate::str::new(ts, &format!("{qualname}.{}", function.name)).into_ref())
}

/// `__module__`: the name of the module a function belongs to; None for a method.
fn builtin_module(ts: &ThreadState, object: &PyObject) -> PyResult {
    let function = object
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))?;
    if function.bound_self.payload_is::<crate::module::Module>() {
        return Ok(
            crate::str::new(ts, &crate::module::name_of(ts, &function.bound_self)).into_ref(),
        );
    }
    Ok(crate::singletons::none())
}

/// `__doc__` and `__text_signature__`: Pyrite's built-ins carry no docstrings yet.
fn builtin_no_doc(_ts: &ThreadState, _object: &PyObject) -> PyResult {
    Ok(crate::singletons::none())
}

fn builtin_self(_ts: &ThreadState, object: &PyObject) -> PyResult {
    let function = object
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))?;
    Ok(function.bound_self.clone())
}

/// `__reduce__` (CPython's `meth_reduce`): a module-level function pickles by name, a
/// bound method as `getattr(self, name)`.
fn builtin_reduce(
    ts: &ThreadState,
    object: &PyObject,
    _args: &[PyRef],
    _kw: Option<&PyObject>,
) -> PyResult {
    let function = object
        .downcast_ref::<BuiltinFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))?;
    let name = crate::str::new(ts, function.name).into_ref();
    let owner = &function.bound_self;
    if crate::singletons::is_none(owner) || owner.payload_is::<crate::module::Module>() {
        return Ok(name);
    }
    let builtins = crate::module::import(ts, "builtins")?;
    let getattr = crate::attrs::get_attr_str(ts, &builtins, "getattr")?;
    let args = crate::tuple::new(ts, vec![owner.clone(), name]).into_ref();
    Ok(crate::tuple::new(ts, vec![getattr, args]).into_ref())
}

fn property_of(object: &PyObject) -> PyResult<&Property> {
    object
        .downcast_ref::<Property>()
        .map(|p| p.payload())
        .ok_or_else(|| PyErr::type_error("expected a property"))
}

fn optional_ref(value: &Option<PyRef>) -> PyRef {
    value.clone().unwrap_or_else(crate::singletons::none)
}

fn property_fget(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional_ref(&property_of(object)?.fget))
}

fn property_fset(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional_ref(&property_of(object)?.fset))
}

fn property_fdel(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional_ref(&property_of(object)?.fdel))
}

fn property_doc(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(optional_ref(&property_of(object)?.doc.borrow()))
}

/// `property.__doc__` is a writable member (deleting it leaves None).
fn set_property_doc(
    _ts: &ThreadState,
    object: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let old = property_of(object)?
        .doc
        .replace(value.map(PyObject::new_ref));
    drop(old);
    Ok(())
}

fn wrapped_callable(_ts: &ThreadState, object: &PyObject) -> PyResult {
    if let Some(method) = object.downcast_ref::<ClassMethod>() {
        return Ok(method.callable.clone());
    }
    if let Some(method) = object.downcast_ref::<StaticMethod>() {
        return Ok(method.callable.clone());
    }
    Err(PyErr::type_error("expected a classmethod or staticmethod"))
}

fn not_none_arg(value: Option<&PyRef>) -> Option<&PyObject> {
    value
        .filter(|value| !crate::singletons::is_none(value))
        .map(|value| &**value)
}

/// `__get__(instance, owner=None)` of a built-in descriptor (its `tp_descr_get`).
fn descr_get_method(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "expected 1 or 2 arguments, got {}",
            args.len()
        )));
    }
    let instance = not_none_arg(args.first());
    let owner = not_none_arg(args.get(1));
    if instance.is_none() && owner.is_none() {
        return Err(PyErr::type_error("__get__(None, None) is invalid"));
    }
    let get = this
        .ob_type()
        .slots
        .descr_get
        .get()
        .ok_or_else(|| PyErr::type_error("not a descriptor"))?;
    get(ts, this, instance, owner)
}

fn descr_set_method(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let [instance, value] = args else {
        return Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            args.len()
        )));
    };
    let set = this
        .ob_type()
        .slots
        .descr_set
        .get()
        .ok_or_else(|| PyErr::type_error("not a data descriptor"))?;
    set(ts, this, instance, Some(value))?;
    Ok(crate::singletons::none())
}

fn descr_delete_method(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let [instance] = args else {
        return Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            args.len()
        )));
    };
    let set = this
        .ob_type()
        .slots
        .descr_set
        .get()
        .ok_or_else(|| PyErr::type_error("not a data descriptor"))?;
    set(ts, this, instance, None)?;
    Ok(crate::singletons::none())
}

/// `property`'s methods, installed in its dict.
pub(crate) fn install_property_methods(ts: &ThreadState) {
    add_getsets(
        ts,
        &PROPERTY_TYPE,
        &[
            ("fget", property_fget, None),
            ("fset", property_fset, None),
            ("fdel", property_fdel, None),
            ("__doc__", property_doc, Some(set_property_doc)),
        ],
    );
    for ty in [
        &CLASSMETHOD_TYPE,
        &STATICMETHOD_TYPE,
        &PROPERTY_TYPE,
        &crate::function::FUNCTION_TYPE,
        &MEMBER_DESCRIPTOR_TYPE,
        &GETSET_DESCRIPTOR_TYPE,
        &METHOD_DESCRIPTOR_TYPE,
    ] {
        add_methods(ts, ty, &[("__get__", descr_get_method)]);
    }
    for ty in [
        &PROPERTY_TYPE,
        &MEMBER_DESCRIPTOR_TYPE,
        &GETSET_DESCRIPTOR_TYPE,
    ] {
        add_methods(
            ts,
            ty,
            &[
                ("__set__", descr_set_method),
                ("__delete__", descr_delete_method),
            ],
        );
    }
    for ty in [&CLASSMETHOD_TYPE, &STATICMETHOD_TYPE] {
        add_getsets(
            ts,
            ty,
            &[
                ("__func__", wrapped_callable, None),
                ("__wrapped__", wrapped_callable, None),
            ],
        );
    }
    add_getsets(
        ts,
        &GETSET_DESCRIPTOR_TYPE,
        &[
            ("__name__", getset_name, None),
            ("__qualname__", getset_qualname, None),
            ("__objclass__", getset_objclass, None),
            ("__doc__", builtin_no_doc, None),
        ],
    );
    add_getsets(
        ts,
        &BUILTIN_FUNCTION_TYPE,
        &[
            ("__name__", builtin_name, None),
            ("__qualname__", builtin_qualname, None),
            ("__self__", builtin_self, None),
            ("__module__", builtin_module, None),
            ("__doc__", builtin_no_doc, None),
            ("__text_signature__", builtin_no_doc, None),
        ],
    );
    add_methods(
        ts,
        &BUILTIN_FUNCTION_TYPE,
        &[("__reduce__", builtin_reduce)],
    );
    add_methods(
        ts,
        &PROPERTY_TYPE,
        &[
            ("setter", property_setter),
            ("getter", property_getter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
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

/// `member_descriptor`: one name of a class's `__slots__`, stored in the instance's slot
/// values (CPython's `PyMemberDescrObject` over `T_OBJECT_EX` members).
pub struct MemberDescr {
    pub name: String,
    pub index: usize,
    /// The class that declared the slot.
    pub owner: PyRef,
}

impl PyPayload for MemberDescr {
    fn static_type() -> &'static PyType {
        &MEMBER_DESCRIPTOR_TYPE
    }
}

/// The number of slot values instances of `ty`'s bases already carry.
pub(crate) fn inherited_slot_count(ts: &ThreadState, ty: &PyType) -> usize {
    let mro = ty.mro(ts).unwrap_or_else(crate::tuple::empty);
    crate::tuple::items(&mro)
        .iter()
        .skip(1)
        .filter_map(|base| crate::typeobject::as_type(base))
        .map(|base| base.slot_count(ts))
        .max()
        .unwrap_or(0)
}

pub(crate) fn new_member(ts: &ThreadState, name: &str, index: usize, owner: PyRef) -> PyRef {
    Py::new(
        ts,
        MemberDescr {
            name: name.to_owned(),
            index,
            owner,
        },
    )
    .into_ref()
}

fn member_values<'a>(
    ts: &ThreadState,
    member: &MemberDescr,
    instance: &'a PyObject,
) -> PyResult<&'a std::cell::RefCell<Vec<Option<PyRef>>>> {
    let owner = crate::typeobject::as_type(&member.owner);
    let applies = owner.is_some_and(|owner| instance.ob_type().is_subtype(ts, owner));
    match instance.ob_type().instance_slot_values(instance) {
        Some(values) if applies => Ok(values),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            member.name,
            owner.map_or("?", |owner| owner.name()),
            instance.ob_type().name()
        ))),
    }
}

/// A struct sequence's field: its members index the tuple (`structseq.rs`), read-only.
fn struct_sequence_field(
    ts: &ThreadState,
    member: &MemberDescr,
    instance: &PyObject,
) -> Option<PyRef> {
    let owner = crate::typeobject::as_type(&member.owner)?;
    if !instance.payload_is::<crate::tuple::Tuple>() || !instance.ob_type().is_subtype(ts, owner) {
        return None;
    }
    crate::structseq::field(instance, member.index)
}

/// A method descriptor of `owner`'s methods that a type made at run time holds in its
/// own dict (struct sequences' `__reduce__`).
pub fn new_method_descr(
    ts: &ThreadState,
    name: &'static str,
    function: NativeFn,
    owner: &'static PyType,
) -> PyRef {
    Py::new(
        ts,
        MethodDescr {
            name,
            function,
            owner,
        },
    )
    .into_ref()
}

fn member_get(
    ts: &ThreadState,
    descr: &PyObject,
    instance: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    let Some(instance) = instance else {
        return Ok(descr.new_ref());
    };
    let member = descr
        .downcast_ref::<MemberDescr>()
        .ok_or_else(|| PyErr::type_error("not a member descriptor"))?;
    if let Some(value) = struct_sequence_field(ts, member, instance) {
        return Ok(value);
    }
    let values = member_values(ts, member, instance)?;
    let found = values.borrow().get(member.index).cloned().flatten();
    found.ok_or_else(|| {
        crate::exceptions::attribute_error(
            ts,
            instance,
            &crate::str::new(ts, &member.name).into_ref(),
            format!(
                "'{}' object has no attribute '{}'",
                instance.ob_type().name(),
                member.name
            ),
        )
    })
}

fn member_set(
    ts: &ThreadState,
    descr: &PyObject,
    instance: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let member = descr
        .downcast_ref::<MemberDescr>()
        .ok_or_else(|| PyErr::type_error("not a member descriptor"))?;
    if struct_sequence_field(ts, member, instance).is_some() {
        return Err(PyErr::new(
            ExceptionKind::AttributeError,
            "readonly attribute",
        ));
    }
    let values = member_values(ts, member, instance)?;
    let old = {
        let mut values = values.borrow_mut();
        if values.len() <= member.index {
            values.resize(member.index + 1, None);
        }
        if value.is_none() && values[member.index].is_none() {
            None
        } else {
            Some(std::mem::replace(
                &mut values[member.index],
                value.map(PyObject::new_ref),
            ))
        }
    };
    match old {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(PyErr::new(
            ExceptionKind::AttributeError,
            member.name.clone(),
        )),
    }
}

fn member_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = match object.downcast_ref::<MemberDescr>() {
        Some(member) => format!(
            "<member '{}' of '{}' objects>",
            member.name,
            crate::typeobject::as_type(&member.owner).map_or("?", |owner| owner.name())
        ),
        None => "<member>".to_owned(),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn member_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(member) = object.downcast_ref::<MemberDescr>() {
        visit(&member.owner);
    }
}

pub static MEMBER_DESCRIPTOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<MemberDescr>("member_descriptor", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            descr_get: Slot::new(member_get),
            descr_set: Slot::new(member_set),
            repr: Slot::new(member_repr),
            traverse: Slot::new(member_traverse),
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
        if let Some(doc) = &*property.doc.borrow() {
            visit(doc);
        }
    }
}
