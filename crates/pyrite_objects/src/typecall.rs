//! Calling a type: `type(x)`, `type(name, bases, ns)`, and `Class(...)` as `__new__`
//! then `__init__`; `object.__new__`/`__init__` and their argument rules; creating a class
//! (`type.__new__`): metaclass calculation, the namespace copied into the type's dict,
//! implicit class/static methods, slots of the dunders it defines, `__set_name__` and
//! `__init_subclass__`.
//!
//! CPython counterpart: `Objects/typeobject.c` (`type_call`, `type_new`, `type_init`,
//! `_PyType_CalculateMetaclass`, `object_new`, `object_init`, `excess_args`,
//! `type_new_set_names`, `type_new_init_subclass`, `tp_new_wrapper`).

use std::sync::OnceLock;

use crate::err::{PyErr, PyResult};
use crate::object::{Py, PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::typeobject::{BaseObject, Instance, OBJECT_TYPE, PyType, TYPE_TYPE, as_type};

fn keyword_count(kwnames: Option<&PyObject>) -> usize {
    kwnames.map_or(0, |names| crate::tuple::items(names).len())
}

/// The `__name__` of the module whose code is running (for `type(name, bases, ns)`'s
/// `__module__`), given by the evaluation loop.
pub type CurrentModuleNameFn = fn(&ThreadState) -> Option<PyRef>;
static CURRENT_MODULE_NAME: OnceLock<CurrentModuleNameFn> = OnceLock::new();

/// Registers how to find the running code's module name (once, by the VM).
pub fn set_current_module_name_function(function: CurrentModuleNameFn) {
    let _ = CURRENT_MODULE_NAME.set(function);
}

/// `type.__call__` (CPython's `type_call`).
pub(crate) fn type_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let ty = as_type(callable).ok_or_else(|| PyErr::type_error("not a type"))?;
    if std::ptr::eq(ty, &*TYPE_TYPE) && args.len() == 1 && keyword_count(kwnames) == 0 {
        return Ok(args[0].ob_type().as_object().new_ref());
    }
    let Some(new) = ty.slots.new.get() else {
        return Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            ty.name()
        )));
    };
    let object = new(ts, ty, args, kwnames)?;
    if object.ob_type().is_subtype(ts, ty)
        && let Some(init) = object.ob_type().slots.init.get()
    {
        init(ts, &object, args, kwnames)?;
    }
    Ok(object)
}

fn is_object_init(ty: &PyType) -> bool {
    ty.slots
        .init
        .get()
        .is_some_and(|init| init as *const () == object_init as *const ())
}

fn is_object_new(ty: &PyType) -> bool {
    ty.slots
        .new
        .get()
        .is_some_and(|new| new as *const () == object_new as *const ())
}

/// `object.__new__`: an instance of a Python class (with its dict) or a plain `object()`.
pub(crate) fn object_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    if !args.is_empty() {
        if !is_object_new(ty) {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if is_object_init(ty) {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                ty.name()
            )));
        }
    }
    if ty.has_flag(crate::typeobject::flags::TYPE_SUBCLASS)
        || std::ptr::eq(ty, &*TYPE_TYPE)
        || ty.payload_type_id() == std::any::TypeId::of::<crate::typeobject::TypeObject>()
    {
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use type.__new__()",
            ty.name()
        )));
    }
    if let Some(instance) = Py::new_with_type(
        ts,
        ty,
        Instance {
            dict: std::cell::RefCell::new(None),
            weaklist: crate::weakref::WeakrefList::new(),
            slot_values: std::cell::RefCell::new(Vec::new()),
        },
    ) {
        return Ok(instance.into_ref());
    }
    match Py::new_with_type(ts, ty, BaseObject) {
        Some(object) => Ok(object.into_ref()),
        None => Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            ty.name(),
            ty.name()
        ))),
    }
}

/// A new instance of `class` from `object.__new__`, when calling the class means
/// `type.__call__` (its metatype is exactly `type`) and its `__new__` is `object.__new__`:
/// the evaluation loop then runs a Python `__init__` itself. `None` otherwise.
pub fn new_plain_instance(ts: &ThreadState, class: &PyType) -> Option<PyResult> {
    if !class.as_object().is_exact_type(&TYPE_TYPE) || !is_object_new(class) {
        return None;
    }
    Some(object_new(ts, class, &[], None))
}

/// `object.__init__`: argument errors when neither `__new__` nor `__init__` is overridden
/// in a way that accepts them.
pub(crate) fn object_init(
    _ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult<()> {
    if !args.is_empty() {
        let ty = object.ob_type();
        if !is_object_init(ty) {
            return Err(PyErr::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if is_object_new(ty) {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                ty.name()
            )));
        }
    }
    Ok(())
}

/// `type.__init__`: checks the argument count only.
pub(crate) fn type_init(
    _ts: &ThreadState,
    _object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let positional = args.len() - keyword_count(kwnames);
    if positional == 1 && keyword_count(kwnames) != 0 {
        return Err(PyErr::type_error(
            "type.__init__() takes no keyword arguments",
        ));
    }
    if positional != 1 && positional != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

/// The most derived metaclass among `metatype` and the bases' types (CPython's
/// `_PyType_CalculateMetaclass`).
pub fn calculate_metaclass<'a>(
    ts: &ThreadState,
    metatype: &'a PyType,
    bases: &'a [PyRef],
) -> PyResult<&'a PyType> {
    let mut winner = metatype;
    for base in bases {
        let candidate = base.ob_type();
        if winner.is_subtype(ts, candidate) {
            continue;
        }
        if candidate.is_subtype(ts, winner) {
            winner = candidate;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__(metatype, name, bases, namespace, **kwargs)`.
pub(crate) fn type_new(
    ts: &ThreadState,
    metatype: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let keywords = keyword_count(kwnames);
    let positional = &args[..args.len() - keywords];
    if positional.len() != 3 {
        return Err(PyErr::type_error(if std::ptr::eq(metatype, &*TYPE_TYPE) {
            "type() takes 1 or 3 arguments".to_owned()
        } else {
            format!(
                "type.__new__() takes exactly 3 arguments ({} given)",
                positional.len()
            )
        }));
    }
    let [name, bases, namespace] = positional else {
        unreachable!("checked above")
    };
    let Some(name_text) = crate::str::as_str_payload(name).map(|s| s.to_string_lossy()) else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            name.ob_type().name()
        )));
    };
    if !bases.payload_is::<crate::tuple::Tuple>() {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            bases.ob_type().name()
        )));
    }
    if !namespace.payload_is::<crate::dict::Dict>() {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            namespace.ob_type().name()
        )));
    }
    let base_items = crate::tuple::items(bases).to_vec();
    let winner = calculate_metaclass(ts, metatype, &base_items)?;
    if !std::ptr::eq(winner, metatype)
        && let Some(new) = winner.slots.new.get()
        && new as *const () != type_new as *const ()
    {
        return new(ts, winner, args, kwnames);
    }
    let kwargs: Vec<(PyRef, PyRef)> = match kwnames {
        Some(names) => crate::tuple::items(names)
            .iter()
            .cloned()
            .zip(args[positional.len()..].iter().cloned())
            .collect(),
        None => Vec::new(),
    };
    create_class(ts, winner, &name_text, &base_items, namespace, &kwargs)
}

/// Creates a class from its name, bases and the namespace its body filled.
pub fn new_class(ts: &ThreadState, name: &str, bases: &[PyRef], namespace: &PyObject) -> PyResult {
    let winner = calculate_metaclass(ts, &TYPE_TYPE, bases)?;
    create_class(ts, winner, name, bases, namespace, &[])
}

fn intern(ts: &ThreadState, name: &str) -> PyRef {
    crate::str::intern(ts, name)
}

/// The names in `__slots__` (a string or an iterable of strings), checked.
fn slot_names(ts: &ThreadState, slots: &PyObject) -> PyResult<Vec<String>> {
    let items = if slots.payload_is::<crate::str::Str>() {
        vec![slots.new_ref()]
    } else {
        crate::iterobject::collect(ts, slots)?
    };
    let mut names = Vec::with_capacity(items.len());
    for item in items {
        let Some(text) = crate::str::as_str_payload(&item).map(|s| s.to_string_lossy()) else {
            return Err(PyErr::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                item.ob_type().name()
            )));
        };
        let valid = text
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && text.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !valid {
            return Err(PyErr::type_error("__slots__ must be identifiers"));
        }
        if text == "__dict__" && names.iter().any(|n: &String| n == "__dict__") {
            return Err(PyErr::type_error(
                "__dict__ slot disallowed: we already got one",
            ));
        }
        if text == "__weakref__" && names.iter().any(|n: &String| n == "__weakref__") {
            return Err(PyErr::type_error(
                "__weakref__ slot disallowed: we already got one",
            ));
        }
        names.push(text);
    }
    Ok(names)
}

fn create_class(
    ts: &ThreadState,
    metatype: &PyType,
    name: &str,
    bases: &[PyRef],
    namespace: &PyObject,
    kwargs: &[(PyRef, PyRef)],
) -> PyResult {
    let source = namespace
        .downcast_ref::<crate::dict::Dict>()
        .ok_or_else(|| PyErr::type_error("type.__new__() argument 3 must be dict"))?;
    // `__slots__`: names checked before the class exists.
    let slots = source.get_item(ts, &intern(ts, "__slots__"))?;
    let mut slot_list = Vec::new();
    let mut no_dict = false;
    if let Some(slots) = &slots {
        slot_list = slot_names(ts, slots)?;
        for slot in &slot_list {
            if slot != "__dict__"
                && slot != "__weakref__"
                && source.get_item(ts, &intern(ts, slot))?.is_some()
            {
                return Err(PyErr::new(
                    crate::err::ExceptionKind::ValueError,
                    format!("'{slot}' in __slots__ conflicts with class variable"),
                ));
            }
        }
        let bases_have_dict = bases
            .iter()
            .all(|base| as_type(base).is_some_and(|ty| ty.dict_offset() != 0))
            && !bases.is_empty();
        no_dict = !slot_list.iter().any(|s| s == "__dict__") && !bases_have_dict;
    }
    let no_weakref = slots.is_some() && !slot_list.iter().any(|s| s == "__weakref__");
    let class =
        crate::typeobject::new_heap_type_with_meta(ts, metatype, name, bases, no_dict, no_weakref)?;
    let ty = as_type(&class).ok_or_else(|| PyErr::type_error("not a type"))?;
    let dict = ty.dict(ts);
    let target = dict
        .downcast_ref::<crate::dict::Dict>()
        .ok_or_else(|| PyErr::type_error("type dict is not a dict"))?;
    for (key, value) in source.items() {
        target.set_item(ts, key, value)?;
    }
    if target.get_item(ts, &intern(ts, "__module__"))?.is_none()
        && let Some(current) = CURRENT_MODULE_NAME.get()
        && let Some(module) = current(ts)
    {
        target.set_item(ts, intern(ts, "__module__"), module)?;
    }
    // `__qualname__` and `__classdictcell__` leave the namespace (CPython's
    // `type_new_set_ht_name`, `type_new_set_classdictcell`).
    if let Some(qualname) = target.get_item(ts, &intern(ts, "__qualname__"))? {
        if !qualname.payload_is::<crate::str::Str>() {
            return Err(PyErr::type_error(format!(
                "type __qualname__ must be a str, not {}",
                qualname.ob_type().name()
            )));
        }
        ty.set_qualname(ts, qualname);
        target.del_item(ts, &intern(ts, "__qualname__"))?;
    }
    if let Some(cell) = target.get_item(ts, &intern(ts, "__classdictcell__"))? {
        if !cell.payload_is::<crate::cell::Cell>() {
            return Err(PyErr::type_error(format!(
                "__classdictcell__ must be a nonlocal cell, not {}",
                crate::str::repr_text(ts, cell.ob_type().as_object())?
            )));
        }
        crate::cell::set(&cell, Some(dict.clone()));
        target.del_item(ts, &intern(ts, "__classdictcell__"))?;
    }
    if target.get_item(ts, &intern(ts, "__doc__"))?.is_none() {
        target.set_item(ts, intern(ts, "__doc__"), crate::singletons::none())?;
    }
    // Defining `__eq__` without `__hash__` makes instances unhashable.
    if target.get_item(ts, &intern(ts, "__eq__"))?.is_some()
        && target.get_item(ts, &intern(ts, "__hash__"))?.is_none()
    {
        target.set_item(ts, intern(ts, "__hash__"), crate::singletons::none())?;
    }
    // Implicit class and static methods.
    for (dunder, class_method) in [
        ("__init_subclass__", true),
        ("__class_getitem__", true),
        ("__new__", false),
    ] {
        let key = intern(ts, dunder);
        if let Some(value) = target.get_item(ts, &key)?
            && value.payload_is::<crate::function::Function>()
        {
            let wrapped = if class_method {
                Py::new(ts, crate::descr::ClassMethod { callable: value }).into_ref()
            } else {
                Py::new(ts, crate::descr::StaticMethod { callable: value }).into_ref()
            };
            target.set_item(ts, key, wrapped)?;
        }
    }
    // Member descriptors for `__slots__`.
    let first_slot = crate::descr::inherited_slot_count(ts, ty);
    let mut index = first_slot;
    for slot in &slot_list {
        if slot == "__dict__" || slot == "__weakref__" {
            continue;
        }
        let descr = crate::descr::new_member(ts, slot, index, class.clone());
        target.set_item(ts, intern(ts, slot), descr)?;
        index += 1;
    }
    ty.set_slot_count(ts, index);
    if let Some(cell) = target.get_item(ts, &intern(ts, "__classcell__"))? {
        if !cell.payload_is::<crate::cell::Cell>() {
            return Err(PyErr::type_error(format!(
                "__classcell__ must be a nonlocal cell, not {}",
                crate::str::repr_text(ts, cell.ob_type().as_object())?
            )));
        }
        crate::cell::set(&cell, Some(class.clone()));
        target.del_item(ts, &intern(ts, "__classcell__"))?;
    }
    crate::slot_wrappers::update_slots(ts, ty);
    set_names(ts, &class, target)?;
    init_subclass(ts, &class, kwargs)?;
    Ok(class)
}

/// Calls `__set_name__(owner, name)` on each attribute that has it.
fn set_names(ts: &ThreadState, class: &PyRef, dict: &crate::dict::Dict) -> PyResult<()> {
    for (key, value) in dict.items() {
        let Some(hook) = crate::attrs::lookup_special(ts, &value, "__set_name__")? else {
            continue;
        };
        if let Err(mut err) =
            crate::abstract_api::call(ts, &hook, &[class.clone(), key.clone()], None)
        {
            let exc = err.normalize(ts);
            let note = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                value.ob_type().name(),
                crate::str::repr_text(ts, &key)?,
                as_type(class).map_or("?", |ty| ty.name())
            );
            if let Ok(add_note) = crate::attrs::get_attr_str(ts, &exc, "add_note") {
                let _ = crate::abstract_api::call(
                    ts,
                    &add_note,
                    &[crate::str::new(ts, &note).into_ref()],
                    None,
                );
            }
            return Err(err);
        }
    }
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kwargs)`.
fn init_subclass(ts: &ThreadState, class: &PyRef, kwargs: &[(PyRef, PyRef)]) -> PyResult<()> {
    let ty = as_type(class).ok_or_else(|| PyErr::type_error("not a type"))?;
    let mro = ty.mro(ts).unwrap_or_else(crate::tuple::empty);
    let name = intern(ts, "__init_subclass__");
    for entry in crate::tuple::items(&mro).iter().skip(1) {
        let Some(entry_type) = as_type(entry) else {
            continue;
        };
        let Some(found) = entry_type
            .dict(ts)
            .downcast_ref::<crate::dict::Dict>()
            .map(|d| d.get_item(ts, &name))
            .transpose()?
            .flatten()
        else {
            continue;
        };
        let bound = match found.ob_type().slots.descr_get.get() {
            Some(get) => get(ts, &found, None, Some(class))?,
            None => found,
        };
        let mut args: Vec<PyRef> = kwargs.iter().map(|(_, value)| value.clone()).collect();
        let names: Vec<PyRef> = kwargs.iter().map(|(name, _)| name.clone()).collect();
        let kwnames = (!names.is_empty()).then(|| crate::tuple::new(ts, names).into_ref());
        let result = crate::abstract_api::call(ts, &bound, &args, kwnames.as_deref());
        args.clear();
        result?;
        return Ok(());
    }
    Ok(())
}

/// `object.__init_subclass__`: accepts nothing.
pub(crate) fn object_init_subclass(
    _ts: &ThreadState,
    _module: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let class_name = args
        .first()
        .and_then(|class| as_type(class).map(|ty| ty.name().to_owned()))
        .unwrap_or_else(|| "object".to_owned());
    if keyword_count(kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{class_name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{class_name}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(crate::singletons::none())
}

/// `T.__new__(subtype, ...)` for a built-in `T` (CPython's `tp_new_wrapper`): checks
/// `subtype` and calls `T`'s `tp_new`.
pub(crate) fn new_wrapper(
    ts: &ThreadState,
    owner: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let owner = as_type(owner).ok_or_else(|| PyErr::type_error("not a type"))?;
    let Some((subtype, rest)) = args.split_first() else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(): not enough arguments",
            owner.name()
        )));
    };
    let Some(sub) = as_type(subtype) else {
        return Err(PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            owner.name(),
            subtype.ob_type().name()
        )));
    };
    if !sub.is_subtype(ts, owner) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name(),
            sub.name(),
            sub.name(),
            owner.name()
        )));
    }
    let new = owner
        .slots
        .new
        .get()
        .ok_or_else(|| PyErr::type_error("type has no __new__"))?;
    // The nearest base without a Python `__new__` must allocate like `owner` does
    // (CPython's `tp_new_wrapper` safety check: `int.__new__(bool)` is refused).
    let mut static_base = sub;
    while static_base
        .slots
        .new
        .get()
        .is_some_and(|function| function as *const () == slot_new as *const ())
    {
        match static_base.base().and_then(as_type) {
            Some(base) => static_base = base,
            None => break,
        }
    }
    if static_base
        .slots
        .new
        .get()
        .is_some_and(|function| function as *const () != new as *const ())
    {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            owner.name(),
            sub.name(),
            static_base.name()
        )));
    }
    // `object.__new__` called explicitly only rejects arguments when nothing overrides
    // `__init__`/`__new__` (CPython's `excess_args` rules apply to the subtype).
    if std::ptr::eq(owner, &*OBJECT_TYPE) && !rest.is_empty() {
        if is_object_init(sub) && is_object_new(sub) {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                sub.name()
            )));
        }
        if !is_object_new(sub) && !is_object_init(sub) {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        return new(ts, sub, &[], None);
    }
    new(ts, sub, rest, kwnames)
}

/// `slot_tp_new`: a class's Python `__new__` (a static method) called with the class.
pub(crate) fn slot_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let new = crate::attrs::get_attr_str(ts, ty.as_object(), "__new__")?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(ty.as_object().new_ref());
    full.extend_from_slice(args);
    crate::abstract_api::call(ts, &new, &full, kwnames)
}
