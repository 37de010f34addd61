//! `import`: finding a module by name in `sys.modules`, else creating it from the table
//! of built-in modules (CPython's inittab).
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

/// Creates a built-in module (CPython's `PyInit_*` functions).
pub type ModuleInit = fn(&ThreadState) -> PyResult;

/// The built-in modules that are made on first import (CPython's `_PyImport_Inittab`),
/// registered once by the crate that implements them.
static INITTAB: std::sync::OnceLock<&'static [(&'static str, ModuleInit)]> =
    std::sync::OnceLock::new();

/// Records the table of built-in modules created on first import.
pub fn set_inittab(table: &'static [(&'static str, ModuleInit)]) {
    let _ = INITTAB.set(table);
}

/// The names of the built-in modules made on demand.
pub fn inittab_names() -> impl Iterator<Item = &'static str> {
    INITTAB
        .get()
        .copied()
        .unwrap_or(&[])
        .iter()
        .map(|(name, _)| *name)
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
    let wanted = pystr::to_rust_string(name);
    let init = INITTAB
        .get()
        .and_then(|table| table.iter().find(|(known, _)| *known == wanted));
    if let Some((_, init)) = init {
        let module = init(ts)?;
        pyrite_objects::module::mark_builtin(&module);
        if let Some(modules) = MODULES.with(|slot| slot.borrow().clone())
            && let Some(dict) = modules.downcast_ref::<Dict>()
        {
            dict.set_item(ts, name.new_ref(), module.clone())?;
        }
        return Ok(module);
    }
    Err(PyErr::new(
        ExceptionKind::ModuleNotFoundError,
        format!("No module named '{}'", pystr::to_rust_string(name)),
    ))
}
