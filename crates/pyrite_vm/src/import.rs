//! `import`: finding a module by name in `sys.modules` (the built-in modules so far).
//!
//! CPython counterpart: `Python/import.c` (`PyImport_ImportModuleLevelObject`,
//! `import_find_and_load`) and `Lib/importlib/_bootstrap.py`. Source and `.pyc` modules
//! will be found on `sys.path` once the importer exists.

use std::cell::RefCell;

use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState, str as pystr};

/// Creates a built-in module (CPython's `PyInit_*` entries of `_PyImport_Inittab`).
pub type ModuleInit = fn(&ThreadState) -> PyRef;

thread_local! {
    /// `sys.modules` (CPython keeps it in the interpreter state).
    static MODULES: RefCell<Option<PyRef>> = const { RefCell::new(None) };
    /// The built-in modules created on first import (CPython's inittab).
    static BUILTIN_MODULES: RefCell<Vec<(&'static str, ModuleInit)>> =
        const { RefCell::new(Vec::new()) };
}

/// Registers a built-in module, created and added to `sys.modules` when first imported.
pub fn register_builtin_module(name: &'static str, init: ModuleInit) {
    BUILTIN_MODULES.with(|table| table.borrow_mut().push((name, init)));
}

/// The names of the registered built-in modules (for `sys.builtin_module_names`).
pub fn builtin_module_names() -> Vec<&'static str> {
    BUILTIN_MODULES.with(|table| table.borrow().iter().map(|(name, _)| *name).collect())
}

/// Records the `sys.modules` dict the importer uses.
pub fn set_modules(modules: PyRef) {
    MODULES.with(|slot| *slot.borrow_mut() = Some(modules));
}

/// `import name`: the module, from `sys.modules`.
pub fn import_module(ts: &ThreadState, name: &PyObject) -> PyResult {
    let modules = MODULES.with(|slot| slot.borrow().clone());
    if let Some(modules) = &modules
        && let Some(dict) = modules.downcast_ref::<Dict>()
        && let Some(module) = dict.get_item(ts, name)?
    {
        return Ok(module);
    }
    let wanted = pystr::to_rust_string(name);
    let init = BUILTIN_MODULES.with(|table| {
        table
            .borrow()
            .iter()
            .find(|(entry, _)| *entry == wanted)
            .map(|(_, init)| *init)
    });
    if let Some(init) = init {
        let module = init(ts);
        if let Some(modules) = modules
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
