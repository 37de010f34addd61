//! `import`: finding a module by name in `sys.modules` (the built-in modules so far).
//!
//! CPython counterpart: `Python/import.c` (`PyImport_ImportModuleLevelObject`,
//! `import_find_and_load`) and `Lib/importlib/_bootstrap.py`. Source and `.pyc` modules
//! will be found on `sys.path` once the importer exists.

use std::cell::RefCell;

use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState, str as pystr};

thread_local! {
    /// `sys.modules` (CPython keeps it in the interpreter state).
    static MODULES: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// Records the `sys.modules` dict the importer uses.
pub fn set_modules(modules: PyRef) {
    MODULES.with(|slot| *slot.borrow_mut() = Some(modules));
}

/// `import name`: the module, from `sys.modules`.
pub fn import_module(ts: &ThreadState, name: &PyObject) -> PyResult {
    let modules = MODULES.with(|slot| slot.borrow().clone());
    if let Some(modules) = modules
        && let Some(dict) = modules.downcast_ref::<Dict>()
        && let Some(module) = dict.get_item(ts, name)?
    {
        return Ok(module);
    }
    Err(PyErr::new(
        ExceptionKind::ModuleNotFoundError,
        format!("No module named '{}'", pystr::to_rust_string(name)),
    ))
}
