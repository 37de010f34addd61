//! Module objects: a namespace dict and a name.
//!
//! CPython counterpart: `Objects/moduleobject.c` (`PyModule_New`, `module_repr`,
//! `module_getattro`'s error message).

use std::cell::RefCell;
use std::mem::offset_of;

use crate::err::PyResult;
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject, payload_field_offset};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `module` objects. The dict is always present.
pub struct Module {
    pub dict: RefCell<Option<PyRef>>,
    /// Made by the interpreter itself (`sys`, `builtins`, `math`, ...): its repr says
    /// `(built-in)`, as the built-in importer's modules' reprs do.
    builtin: std::cell::Cell<bool>,
    weaklist: crate::weakref::WeakrefList,
}

impl PyPayload for Module {
    fn static_type() -> &'static PyType {
        &MODULE_TYPE
    }
}

/// A new module named `name` (CPython's `PyModule_New`): its namespace holds
/// `__name__`, and `None` for `__doc__`, `__package__`, `__loader__` and `__spec__`.
pub fn new(ts: &ThreadState, name: &str) -> Py<Module> {
    let module = Py::new(
        ts,
        Module {
            dict: RefCell::new(Some(crate::dict::new(ts).into_ref())),
            builtin: std::cell::Cell::new(false),
            weaklist: crate::weakref::WeakrefList::new(),
        },
    );
    let _ = init_namespace(
        ts,
        module.as_object(),
        crate::str::new(ts, name).into_ref(),
        None,
    );
    module
}

/// Fills a module's namespace as `module.__init__(name, doc)` does.
fn init_namespace(
    ts: &ThreadState,
    module: &PyObject,
    name: PyRef,
    doc: Option<PyRef>,
) -> PyResult<()> {
    let Some(dict) = dict_of(module) else {
        return Ok(());
    };
    let Some(dict) = dict.downcast_ref::<crate::dict::Dict>() else {
        return Ok(());
    };
    dict.set_item(ts, crate::str::intern(ts, "__name__"), name)?;
    dict.set_item(
        ts,
        crate::str::intern(ts, "__doc__"),
        doc.unwrap_or_else(crate::singletons::none),
    )?;
    for key in ["__package__", "__loader__", "__spec__"] {
        dict.set_item(ts, crate::str::intern(ts, key), crate::singletons::none())?;
    }
    Ok(())
}

/// Marks a module as made by the interpreter (its repr says `(built-in)`).
/// Imports a module by name (set by the VM, which owns the import system), for the
/// few objects whose `__reduce__` names a module's function (`iter`, templates).
pub type ImportFn = fn(&ThreadState, &str) -> crate::err::PyResult;
static IMPORT: std::sync::OnceLock<ImportFn> = std::sync::OnceLock::new();

/// Installs the importer [`import`] uses.
pub fn set_import_hook(import: ImportFn) {
    let _ = IMPORT.set(import);
}

/// `import name`, through the VM's importer.
pub fn import(ts: &ThreadState, name: &str) -> PyResult {
    let import = IMPORT.get().ok_or_else(|| {
        crate::err::PyErr::new(crate::err::ExceptionKind::ImportError, "no importer")
    })?;
    import(ts, name)
}

/// `builtins.name` (CPython's `_PyEval_GetBuiltin`).
pub fn builtin(ts: &ThreadState, name: &str) -> PyResult {
    let builtins = import(ts, "builtins")?;
    crate::attrs::get_attr_str(ts, &builtins, name)
}

pub fn mark_builtin(module: &PyObject) {
    if let Some(module) = module.downcast_ref::<Module>() {
        module.builtin.set(true);
    }
}

fn module_new(ts: &ThreadState, ty: &PyType, _args: &[PyRef], _kw: Option<&PyObject>) -> PyResult {
    let module = Module {
        dict: RefCell::new(Some(crate::dict::new(ts).into_ref())),
        builtin: std::cell::Cell::new(false),
        weaklist: crate::weakref::WeakrefList::new(),
    };
    Py::new_with_type(ts, ty, module)
        .map(Py::into_ref)
        .ok_or_else(|| crate::err::PyErr::type_error("module.__new__: bad type"))
}

/// `module(name, doc=None)`.
fn module_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    let mut name = positional.first().cloned();
    let mut doc = positional.get(1).cloned();
    if positional.len() > 2 {
        return Err(crate::err::PyErr::type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            positional.len()
        )));
    }
    for (key, value) in keywords {
        match key.as_str() {
            "name" => name = Some(value),
            "doc" => doc = Some(value),
            _ => {
                return Err(crate::err::PyErr::type_error(format!(
                    "module() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    let Some(name) = name else {
        return Err(crate::err::PyErr::type_error(
            "module() missing required argument 'name' (pos 1)",
        ));
    };
    if !name.payload_is::<crate::str::Str>() {
        return Err(crate::err::PyErr::type_error(format!(
            "module() argument 'name' must be str, not {}",
            name.ob_type().name()
        )));
    }
    init_namespace(ts, object, name, doc)
}

/// The module's namespace.
pub fn dict_of(module: &PyObject) -> Option<PyRef> {
    module
        .downcast_ref::<Module>()
        .and_then(|module| module.dict.borrow().clone())
}

/// The module's `__name__`, or `?`.
pub fn name_of(ts: &ThreadState, module: &PyObject) -> String {
    dict_of(module)
        .and_then(|dict| {
            let dict = dict.downcast_ref::<crate::dict::Dict>()?;
            dict.get_item(ts, &crate::str::intern(ts, "__name__"))
                .ok()
                .flatten()
        })
        .map_or_else(|| "?".to_owned(), |name| crate::str::to_rust_string(&name))
}

/// `<module 'name' from 'file'>`, `<module 'name' (built-in)>` or `<module 'name'>`
/// (what `importlib._bootstrap._module_repr` gives without a spec).
fn module_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let name = name_of(ts, object);
    let file = dict_of(object).and_then(|dict| {
        let dict = dict.downcast_ref::<crate::dict::Dict>()?;
        dict.get_item(ts, &crate::str::intern(ts, "__file__"))
            .ok()
            .flatten()
            .filter(|file| file.payload_is::<crate::str::Str>())
    });
    let builtin = object
        .downcast_ref::<Module>()
        .is_some_and(|module| module.builtin.get());
    let text = match file {
        Some(file) => format!(
            "<module '{name}' from '{}'>",
            crate::str::to_rust_string(&file)
        ),
        None if builtin => format!("<module '{name}' (built-in)>"),
        None => format!("<module '{name}'>"),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn module_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(dict) = dict_of(object) {
        visit(&dict);
    }
}

pub static MODULE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Module>(
        "module",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(module_repr),
        traverse: Slot::new(module_traverse),
        new: Slot::new(module_new),
        init: Slot::new(module_init),
        ..crate::typeobject::object_slots()
    })
    .with_dict_offset(payload_field_offset::<Module>(offset_of!(Module, dict)))
    .with_weaklist_offset(payload_field_offset::<Module>(offset_of!(Module, weaklist))),
);

/// `module.__dir__(self, /)`: the namespace's keys, or what a `__dir__` function in the
/// namespace returns (PEP 562).
pub(crate) fn module_dir_method(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    crate::methods::no_keywords("__dir__", kwnames)?;
    crate::methods::arg_count("__dir__", args, 0, 0)?;
    let dict = crate::attrs::get_attr_str(ts, this, "__dict__")?;
    let Some(namespace) = dict.downcast_ref::<crate::dict::Dict>() else {
        return Err(crate::err::PyErr::type_error(
            "<module>.__dict__ is not a dictionary",
        ));
    };
    if let Some(dir_function) = namespace.get_item(ts, &crate::str::intern(ts, "__dir__"))? {
        return crate::abstract_api::call(ts, &dir_function, &[], None);
    }
    let keys = namespace.items().into_iter().map(|(key, _)| key).collect();
    Ok(crate::list::new(ts, keys).into_ref())
}
