//! Function objects and bound methods.
//!
//! CPython counterpart: `Objects/funcobject.c` (`PyFunction_New`, `func_descr_get`) and
//! `Objects/classobject.c` (`PyMethod_New`, `method_vectorcall`). Calling a function runs
//! the evaluation loop, which lives in `pyrite_vm`: it registers itself here
//! ([`set_eval_function`]) as CPython's interpreter registers `_PyEval_EvalFrame`.

use std::cell::RefCell;
use std::mem::offset_of;
use std::sync::OnceLock;

use crate::code::Code;
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObj, PyObject, PyPayload, PyRef, StaticObject, payload_field_offset};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `function` objects.
pub struct Function {
    pub code: Py<Code>,
    /// `__globals__` (a dict) and the builtins dict found through it at creation.
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<PyRef>,
    pub qualname: RefCell<PyRef>,
    /// `__defaults__` (a tuple) and `__kwdefaults__` (a dict).
    pub defaults: RefCell<Option<PyRef>>,
    pub kwdefaults: RefCell<Option<PyRef>>,
    /// `__closure__`: a tuple of cells, one per free variable.
    pub closure: RefCell<Option<PyRef>>,
    /// PEP 649: `__annotate__` computes the annotations; `__annotations__` caches them.
    pub annotate: RefCell<Option<PyRef>>,
    pub annotations: RefCell<Option<PyRef>>,
    /// `__type_params__` (PEP 695), set by the generic function's prologue.
    pub type_params: RefCell<Option<PyRef>>,
    pub doc: RefCell<Option<PyRef>>,
    pub module: RefCell<Option<PyRef>>,
    pub dict: RefCell<Option<PyRef>>,
    /// Functions can be weakly referenced (CPython's `func_weakreflist`).
    pub weaklist: crate::weakref::WeakrefList,
}

impl PyPayload for Function {
    fn static_type() -> &'static PyType {
        &FUNCTION_TYPE
    }
}

/// The evaluation loop's entry for calling a function: `(function, arguments, keyword
/// names)`.
pub type EvalFunction = fn(&ThreadState, &PyObj<Function>, &[PyRef], Option<&PyObject>) -> PyResult;

static EVAL_FUNCTION: OnceLock<EvalFunction> = OnceLock::new();

/// Registers the evaluation loop (done once by `pyrite_vm`).
pub fn set_eval_function(eval: EvalFunction) {
    let _ = EVAL_FUNCTION.set(eval);
}

/// A new function over `code` with `globals` (CPython's `PyFunction_New`).
pub fn new(ts: &ThreadState, code: Py<Code>, globals: PyRef, builtins: PyRef) -> Py<Function> {
    let module = globals
        .downcast_ref::<crate::dict::Dict>()
        .and_then(|dict| {
            dict.get_item(ts, &crate::str::intern(ts, "__name__"))
                .ok()
                .flatten()
        });
    let doc = if code.code.co_flags & pyrite_bytecode::CodeFlags::HAS_DOCSTRING != 0 {
        code.consts.first().cloned()
    } else {
        None
    };
    Py::new(
        ts,
        Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            code,
            globals,
            builtins,
            defaults: RefCell::new(None),
            kwdefaults: RefCell::new(None),
            closure: RefCell::new(None),
            annotate: RefCell::new(None),
            annotations: RefCell::new(None),
            type_params: RefCell::new(None),
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            dict: RefCell::new(None),
            weaklist: crate::weakref::WeakrefList::new(),
        },
    )
}

fn function_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let function = callable
        .downcast_ref::<Function>()
        .ok_or_else(|| PyErr::type_error("not a function"))?;
    match EVAL_FUNCTION.get() {
        Some(eval) => eval(ts, function, args, kwnames),
        None => Err(PyErr::new(
            ExceptionKind::SystemError,
            "no evaluation loop is registered",
        )),
    }
}

fn function_descr_get(
    ts: &ThreadState,
    descr: &PyObject,
    instance: Option<&PyObject>,
    _owner: Option<&PyObject>,
) -> PyResult {
    match instance {
        Some(instance) => Ok(new_method(ts, descr.new_ref(), instance.new_ref())),
        None => Ok(descr.new_ref()),
    }
}

fn function_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let qualname = object
        .downcast_ref::<Function>()
        .map(|function| crate::str::to_rust_string(&function.qualname.borrow()))
        .unwrap_or_default();
    let text = format!("<function {qualname} at {:p}>", object.as_ptr());
    Ok(crate::str::new(ts, &text).into_ref())
}

fn function_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(function) = object.downcast_ref::<Function>() {
        visit(function.code.as_object());
        visit(&function.globals);
        visit(&function.builtins);
        for field in [
            &function.defaults,
            &function.kwdefaults,
            &function.closure,
            &function.annotate,
            &function.annotations,
            &function.type_params,
            &function.doc,
            &function.module,
            &function.dict,
        ] {
            if let Some(value) = field.borrow().as_ref() {
                visit(value);
            }
        }
    }
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None,
/// kwdefaults=None)` (CPython's `func_new_impl`).
fn function_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    const PARAMS: [&str; 6] = [
        "code",
        "globals",
        "name",
        "argdefs",
        "closure",
        "kwdefaults",
    ];
    let (given, keywords) = crate::methods::split_args(args, kwnames);
    if given.len() > PARAMS.len() {
        return Err(PyErr::type_error(format!(
            "function() takes at most 6 arguments ({} given)",
            given.len() + keywords.len()
        )));
    }
    let mut bound: Vec<Option<PyRef>> = vec![None; PARAMS.len()];
    for (slot, value) in bound.iter_mut().zip(given) {
        *slot = Some(value.clone());
    }
    for (key, value) in keywords {
        let Some(index) = PARAMS.iter().position(|param| *param == key) else {
            return Err(PyErr::type_error(format!(
                "function() got an unexpected keyword argument '{key}'"
            )));
        };
        if bound[index].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for function() given by name ('{key}') and position ({})",
                index + 1
            )));
        }
        bound[index] = Some(value);
    }
    if let Some(missing) = (0..2).find(|&index| bound[index].is_none()) {
        return Err(PyErr::type_error(format!(
            "function() missing required argument '{}' (pos {})",
            PARAMS[missing],
            missing + 1
        )));
    }
    let kwdefaults = bound[5].take();
    let positional: Vec<PyRef> = bound
        .into_iter()
        .take(5)
        .map(|value| value.unwrap_or_else(crate::singletons::none))
        .collect();
    let Some(code) = positional[0].clone().downcast::<Code>().ok() else {
        return Err(PyErr::type_error(format!(
            "function() argument 'code' must be code, not {}",
            positional[0].ob_type().name()
        )));
    };
    let globals = positional[1].clone();
    let Some(dict) = globals.downcast_ref::<crate::dict::Dict>() else {
        return Err(PyErr::type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            globals.ob_type().name()
        )));
    };
    let builtins = match dict.get_item(ts, &crate::str::intern(ts, "__builtins__"))? {
        Some(found) => crate::module::dict_of(&found).unwrap_or(found),
        None => crate::dict::new(ts).into_ref(),
    };
    let function = new(ts, code, globals.clone(), builtins);
    if let Some(name) = positional
        .get(2)
        .filter(|name| !crate::singletons::is_none(name))
    {
        let old = function.name.replace(name.clone());
        drop(old);
    }
    if let Some(defaults) = positional.get(3).filter(|d| !crate::singletons::is_none(d)) {
        let old = function.defaults.replace(Some(defaults.clone()));
        drop(old);
    }
    if let Some(closure) = positional.get(4).filter(|c| !crate::singletons::is_none(c)) {
        let old = function.closure.replace(Some(closure.clone()));
        drop(old);
    }
    if let Some(kwdefaults) = kwdefaults.filter(|k| !crate::singletons::is_none(k)) {
        if !kwdefaults.payload_is::<crate::dict::Dict>() {
            return Err(PyErr::type_error("arg 6 (kwdefaults) must be None or dict"));
        }
        let old = function.kwdefaults.replace(Some(kwdefaults));
        drop(old);
    }
    Ok(function.into_ref())
}

pub static FUNCTION_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Function>("function", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            clear: Slot::new(function_clear),
            call: Slot::new(function_call),
            descr_get: Slot::new(function_descr_get),
            repr: Slot::new(function_repr),
            traverse: Slot::new(function_traverse),
            new: Slot::new(function_new),
            ..crate::typeobject::object_slots()
        })
        .with_dict_offset(payload_field_offset::<Function>(offset_of!(Function, dict)))
        .with_weaklist_offset(payload_field_offset::<Function>(offset_of!(
            Function, weaklist
        ))),
);

/// The payload of bound methods: a callable and the instance it is bound to.
pub struct Method {
    pub function: PyRef,
    pub bound_self: PyRef,
    pub weaklist: crate::weakref::WeakrefList,
}

impl PyPayload for Method {
    fn static_type() -> &'static PyType {
        &METHOD_TYPE
    }
}

/// `types.MethodType(function, instance)`.
pub fn new_method(ts: &ThreadState, function: PyRef, bound_self: PyRef) -> PyRef {
    Py::new(
        ts,
        Method {
            function,
            bound_self,
            weaklist: crate::weakref::WeakrefList::new(),
        },
    )
    .into_ref()
}

/// `types.MethodType(function, instance)`.
fn method_new(
    ts: &ThreadState,
    _ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("method() takes no keyword arguments"));
    }
    let [function, instance] = args else {
        return Err(PyErr::type_error(format!(
            "method expected 2 arguments, got {}",
            args.len()
        )));
    };
    if function.ob_type().slots.call.get().is_none() {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if crate::singletons::is_none(instance) {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(new_method(ts, function.clone(), instance.clone()))
}

fn method_call(
    ts: &ThreadState,
    callable: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let method = callable
        .downcast_ref::<Method>()
        .ok_or_else(|| PyErr::type_error("not a method"))?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(method.bound_self.clone());
    full.extend_from_slice(args);
    crate::abstract_api::call(ts, &method.function, &full, kwnames)
}

fn method_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let Some(method) = object.downcast_ref::<Method>() else {
        return Ok(crate::str::new(ts, "<method>").into_ref());
    };
    let name = match method.function.downcast_ref::<Function>() {
        Some(function) => crate::str::to_rust_string(&function.qualname.borrow()),
        None => "?".to_owned(),
    };
    let owner = crate::str::repr_text(ts, &method.bound_self)?;
    let text = format!("<bound method {name} of {owner}>");
    Ok(crate::str::new(ts, &text).into_ref())
}

fn method_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(method) = object.downcast_ref::<Method>() {
        visit(&method.function);
        visit(&method.bound_self);
    }
}

/// Bound methods are equal when bound to the same object (identity) and their functions
/// are equal (CPython's `method_richcompare`).
fn method_richcompare(
    ts: &ThreadState,
    a: &PyObject,
    b: &PyObject,
    op: crate::slots::CompareOp,
) -> PyResult {
    use crate::slots::CompareOp;
    let (Some(a), Some(b), CompareOp::Eq | CompareOp::Ne) =
        (a.downcast_ref::<Method>(), b.downcast_ref::<Method>(), op)
    else {
        return Ok(crate::singletons::not_implemented());
    };
    let equal = a.bound_self.is(&b.bound_self)
        && a.function
            .rich_compare_bool(ts, &b.function, CompareOp::Eq)?;
    Ok(crate::bool::bool_ref(equal == (op == CompareOp::Eq)))
}

fn method_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let method = object
        .downcast_ref::<Method>()
        .ok_or_else(|| PyErr::type_error("expected a method"))?;
    let hash =
        crate::pyhash::hash_pointer(method.bound_self.as_ptr()) ^ method.function.hash(ts)?;
    Ok(if hash == -1 { -2 } else { hash })
}

/// Attributes of the method type itself (`__func__`, `__self__`, `__eq__`, ...) win;
/// any other name is read from the function (CPython's `method_getattro`), so
/// `obj.f.__qualname__` and function attributes show through.
fn method_getattro(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    let ty = object.ob_type();
    if let Some(found) = ty.lookup(ts, name)? {
        return match found.ob_type().slots.descr_get.get() {
            Some(get) => get(ts, &found, Some(object), Some(ty.as_object())),
            None => Ok(found),
        };
    }
    let method = object
        .downcast_ref::<Method>()
        .ok_or_else(|| PyErr::type_error("expected a method"))?;
    crate::attrs::get_attr(ts, &method.function, name)
}

pub static METHOD_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Method>("method", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            call: Slot::new(method_call),
            getattro: Slot::new(method_getattro),
            new: Slot::new(method_new),
            repr: Slot::new(method_repr),
            traverse: Slot::new(method_traverse),
            richcompare: Slot::new(method_richcompare),
            hash: Slot::new(method_hash),
            ..crate::typeobject::object_slots()
        })
        .with_weaklist_offset(payload_field_offset::<Method>(offset_of!(Method, weaklist))),
);

fn function_of(object: &PyObject) -> PyResult<&Function> {
    object
        .downcast_ref::<Function>()
        .map(|function| function.payload())
        .ok_or_else(|| PyErr::type_error("expected a function"))
}

fn or_none(value: Option<PyRef>) -> PyRef {
    value.unwrap_or_else(crate::singletons::none)
}

fn set_field(field: &RefCell<Option<PyRef>>, value: Option<&PyObject>) {
    let value = value
        .filter(|value| !crate::singletons::is_none(value))
        .map(PyObject::new_ref);
    let old = field.replace(value);
    drop(old);
}

fn get_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(function_of(object)?.name.borrow().clone())
}
fn set_name(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(value) if value.payload_is::<crate::str::Str>() => {
            let old = function_of(object)?.name.replace(value.new_ref());
            drop(old);
            Ok(())
        }
        _ => Err(PyErr::type_error("__name__ must be set to a string object")),
    }
}
fn get_qualname(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(function_of(object)?.qualname.borrow().clone())
}
fn set_qualname(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(value) if value.payload_is::<crate::str::Str>() => {
            let old = function_of(object)?.qualname.replace(value.new_ref());
            drop(old);
            Ok(())
        }
        _ => Err(PyErr::type_error(
            "__qualname__ must be set to a string object",
        )),
    }
}
fn get_code(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(function_of(object)?.code.as_object().new_ref())
}
fn get_globals(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(function_of(object)?.globals.clone())
}
fn get_defaults(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(or_none(function_of(object)?.defaults.borrow().clone()))
}
fn set_defaults(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    check_none_or::<crate::tuple::Tuple>(value, "__defaults__ must be set to a tuple object")?;
    set_field(&function_of(object)?.defaults, value);
    Ok(())
}

/// Setters that accept `None` (or deletion) and one type.
fn check_none_or<T: crate::object::PyPayload>(
    value: Option<&PyObject>,
    message: &'static str,
) -> PyResult<()> {
    match value {
        Some(value) if !crate::singletons::is_none(value) && !value.payload_is::<T>() => {
            Err(PyErr::type_error(message))
        }
        _ => Ok(()),
    }
}
fn get_kwdefaults(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(or_none(function_of(object)?.kwdefaults.borrow().clone()))
}
fn set_kwdefaults(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    check_none_or::<crate::dict::Dict>(value, "__kwdefaults__ must be set to a dict object")?;
    set_field(&function_of(object)?.kwdefaults, value);
    Ok(())
}
fn get_closure(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(or_none(function_of(object)?.closure.borrow().clone()))
}
fn get_doc(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(or_none(function_of(object)?.doc.borrow().clone()))
}
fn set_doc(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    set_field(&function_of(object)?.doc, value);
    Ok(())
}
fn get_module(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(or_none(function_of(object)?.module.borrow().clone()))
}
fn set_module(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    set_field(&function_of(object)?.module, value);
    Ok(())
}
/// Member-style read-only attributes (`__globals__`, `__closure__`, `__builtins__`).
fn readonly(_ts: &ThreadState, _object: &PyObject, _value: Option<&PyObject>) -> PyResult<()> {
    Err(PyErr::new(
        ExceptionKind::AttributeError,
        "readonly attribute",
    ))
}

fn get_dict(ts: &ThreadState, object: &PyObject) -> PyResult {
    crate::attrs::instance_dict(ts, object, true)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "function without a __dict__"))
}

fn set_dict(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(value) if value.payload_is::<crate::dict::Dict>() => {
            let old = function_of(object)?.dict.replace(Some(value.new_ref()));
            drop(old);
            Ok(())
        }
        Some(value) => Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            value.ob_type().name()
        ))),
        None => Err(PyErr::type_error("cannot delete __dict__")),
    }
}

fn get_builtins(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(function_of(object)?.builtins.clone())
}

/// `__annotations__` (PEP 649): the cached dict, else what `__annotate__(VALUE)`
/// returns (cached), else a new empty dict (cached).
fn get_annotations(ts: &ThreadState, object: &PyObject) -> PyResult {
    let function = function_of(object)?;
    if let Some(annotations) = function.annotations.borrow().clone() {
        return Ok(annotations);
    }
    let annotate = function.annotate.borrow().clone();
    let annotations = match annotate {
        Some(annotate) => {
            let format = crate::int::new(ts, 1);
            let value = crate::abstract_api::call(ts, &annotate, &[format], None)?;
            if !value.payload_is::<crate::dict::Dict>() {
                return Err(PyErr::type_error(format!(
                    "__annotate__ returned non-dict of type '{}'",
                    value.ob_type().name()
                )));
            }
            value
        }
        None => crate::dict::new(ts).into_ref(),
    };
    let old = function.annotations.replace(Some(annotations.clone()));
    drop(old);
    Ok(annotations)
}

/// Setting `__annotations__` (a dict) or deleting it drops `__annotate__`.
fn set_annotations(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    check_none_or::<crate::dict::Dict>(value, "__annotations__ must be set to a dict object")?;
    let function = function_of(object)?;
    set_field(&function.annotations, value);
    let old = function.annotate.replace(None);
    drop(old);
    Ok(())
}

fn get_annotate(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(or_none(function_of(object)?.annotate.borrow().clone()))
}

/// A new `__annotate__` function invalidates the cached annotations.
fn set_annotate(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("__annotate__ cannot be deleted"));
    };
    let function = function_of(object)?;
    if crate::singletons::is_none(value) {
        let old = function.annotate.replace(None);
        drop(old);
        return Ok(());
    }
    if value.ob_type().slots.call.get().is_none() {
        return Err(PyErr::type_error("__annotate__ must be callable or None"));
    }
    let old = function.annotate.replace(Some(value.new_ref()));
    let cached = function.annotations.replace(None);
    drop((old, cached));
    Ok(())
}

fn get_type_params(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(function_of(object)?
        .type_params
        .borrow()
        .clone()
        .unwrap_or_else(crate::tuple::empty))
}

fn set_type_params(_ts: &ThreadState, object: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    match value {
        Some(value) if value.payload_is::<crate::tuple::Tuple>() => {
            let old = function_of(object)?
                .type_params
                .replace(Some(value.new_ref()));
            drop(old);
            Ok(())
        }
        _ => Err(PyErr::type_error("__type_params__ must be set to a tuple")),
    }
}

fn method_func(_ts: &ThreadState, object: &PyObject) -> PyResult {
    object
        .downcast_ref::<Method>()
        .map(|method| method.function.clone())
        .ok_or_else(|| PyErr::type_error("expected a method"))
}
fn method_self(_ts: &ThreadState, object: &PyObject) -> PyResult {
    object
        .downcast_ref::<Method>()
        .map(|method| method.bound_self.clone())
        .ok_or_else(|| PyErr::type_error("expected a method"))
}

/// The function and method types' attributes (`__name__`, `__code__`, ...).
pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_getsets(
        ts,
        &FUNCTION_TYPE,
        &[
            ("__name__", get_name, Some(set_name)),
            ("__qualname__", get_qualname, Some(set_qualname)),
            ("__code__", get_code, None),
            ("__globals__", get_globals, Some(readonly)),
            ("__defaults__", get_defaults, Some(set_defaults)),
            ("__kwdefaults__", get_kwdefaults, Some(set_kwdefaults)),
            ("__closure__", get_closure, Some(readonly)),
            ("__doc__", get_doc, Some(set_doc)),
            ("__module__", get_module, Some(set_module)),
            ("__builtins__", get_builtins, Some(readonly)),
            ("__dict__", get_dict, Some(set_dict)),
            ("__annotations__", get_annotations, Some(set_annotations)),
            ("__annotate__", get_annotate, Some(set_annotate)),
            ("__type_params__", get_type_params, Some(set_type_params)),
        ],
    );
    crate::descr::add_getsets(
        ts,
        &METHOD_TYPE,
        &[
            ("__func__", method_func, None),
            ("__self__", method_self, None),
        ],
    );
}

/// Drops what a function can let go of to break a cycle (CPython's `func_clear`).
fn function_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(function) = object.downcast_ref::<Function>() {
        let taken: Vec<Option<PyRef>> = [
            &function.defaults,
            &function.kwdefaults,
            &function.closure,
            &function.annotate,
            &function.annotations,
            &function.doc,
            &function.module,
            &function.dict,
        ]
        .into_iter()
        .map(|field| field.borrow_mut().take())
        .collect();
        drop(taken);
    }
}
