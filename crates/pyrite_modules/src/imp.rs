//! The `_imp` module: the import machinery's built-in half, which `importlib` sits on.
//!
//! CPython counterpart: `Python/import.c` (`_imp` functions) and
//! `Python/clinic/import.c.h`. Pyrite's own importer (`pyrite_vm::import`) loads
//! modules; `_imp` lets CPython's `importlib` (its `_bootstrap` and
//! `_bootstrap_external`, imported by `importlib.machinery`, `inspect`, `pkgutil`, ...)
//! run on top: built-in modules come from the same table, there are no frozen modules and
//! no extension modules (CPython's C API is out of scope), and the import lock is the
//! interpreter lock.

use std::cell::Cell;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState};
use pyrite_objects::{bool as pybool, bytes, int, list, singletons, str as pystr};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

thread_local! {
    /// How many times this thread holds the import lock (`acquire_lock` nests).
    static LOCK_DEPTH: Cell<usize> = const { Cell::new(0) };
}

fn name_argument(function: &str, value: &PyObject) -> PyResult<String> {
    pystr::as_str_payload(value)
        .map(|text| text.to_string_lossy())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "{function}() argument must be str, not {}",
                value.ob_type().name()
            ))
        })
}

/// `is_builtin(name)`: 1 for a built-in module, -1 for `sys` and `builtins` (which cannot
/// be initialized again), 0 otherwise.
fn is_builtin(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("is_builtin", args, kw, 1, 1)?;
    let name = name_argument("is_builtin", &args[0])?;
    let answer = match name.as_str() {
        "sys" | "builtins" => -1,
        _ if pyrite_vm::import::inittab_entry(&name).is_some() => 1,
        _ => 0,
    };
    Ok(int::new(ts, answer))
}

/// `create_builtin(spec)`: the built-in module `spec.name` (the one in `sys.modules` for
/// the modules made at start-up).
fn create_builtin(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("create_builtin", args, kw, 1, 1)?;
    let name = pyrite_objects::attrs::get_attr_str(ts, &args[0], "name")?;
    let Some(text) = pystr::as_str_payload(&name).map(|text| text.to_string_lossy()) else {
        return Err(PyErr::type_error(format!(
            "name must be string, not {}",
            name.ob_type().name()
        )));
    };
    if let Some(module) = pyrite_vm::import::sys_modules_get(ts, &text)? {
        return Ok(module);
    }
    match pyrite_vm::import::inittab_entry(&text) {
        Some(init) => init(ts),
        None => Err(PyErr::new(
            ExceptionKind::ImportError,
            format!("no built-in module named {text}"),
        )),
    }
}

/// `exec_builtin(module)`: built-in modules are complete once created.
fn exec_builtin(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("exec_builtin", args, kw, 1, 1)?;
    Ok(int::new(ts, 0))
}

fn is_frozen(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("is_frozen", args, kw, 1, 1)?;
    name_argument("is_frozen", &args[0])?;
    Ok(pybool::false_ref())
}

fn is_frozen_package(
    _ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = positional("is_frozen_package", args, kw, 1, 1)?;
    let name = name_argument("is_frozen_package", &args[0])?;
    Err(not_frozen(&name))
}

fn not_frozen(name: &str) -> PyErr {
    PyErr::new(
        ExceptionKind::ImportError,
        format!("No such frozen object named '{name}'"),
    )
}

/// `find_frozen(name, *, withdata=False)`: there are no frozen modules.
fn find_frozen(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("find_frozen", args, kw, &["name", "withdata"], 1, 1)?;
    if let Some(name) = &values[0] {
        name_argument("find_frozen", name)?;
    }
    Ok(singletons::none())
}

fn get_frozen_object(
    _ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("get_frozen_object", args, kw, &["name", "data"], 2, 1)?;
    let name = values[0]
        .as_ref()
        .map(|name| name_argument("get_frozen_object", name))
        .transpose()?
        .unwrap_or_default();
    Err(not_frozen(&name))
}

fn init_frozen(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("init_frozen", args, kw, 1, 1)?;
    name_argument("init_frozen", &args[0])?;
    Ok(singletons::none())
}

fn frozen_module_names(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("_frozen_module_names", args, kw, 0, 0)?;
    Ok(pyrite_objects::tuple::new(ts, Vec::new()).into_ref())
}

/// Extension modules (`.so`) cannot be loaded: no suffix names one.
fn extension_suffixes(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("extension_suffixes", args, kw, 0, 0)?;
    Ok(list::new(ts, Vec::new()).into_ref())
}

fn no_extensions(name: &str) -> PyErr {
    PyErr::new(
        ExceptionKind::ImportError,
        format!("{name}: extension modules are not supported by Pyrite"),
    )
}

fn create_dynamic(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("create_dynamic", args, kw, 1, 2)?;
    Err(no_extensions("create_dynamic"))
}

fn exec_dynamic(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("exec_dynamic", args, kw, 1, 1)?;
    Err(no_extensions("exec_dynamic"))
}

fn acquire_lock(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("acquire_lock", args, kw, 0, 0)?;
    LOCK_DEPTH.with(|depth| depth.set(depth.get() + 1));
    Ok(singletons::none())
}

fn release_lock(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("release_lock", args, kw, 0, 0)?;
    LOCK_DEPTH.with(|depth| match depth.get() {
        0 => Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "not holding the import lock",
        )),
        held => {
            depth.set(held - 1);
            Ok(singletons::none())
        }
    })
}

fn lock_held(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("lock_held", args, kw, 0, 0)?;
    Ok(pybool::bool_ref(LOCK_DEPTH.with(Cell::get) > 0))
}

/// `_fix_co_filename(code, path)`: Pyrite's importer names code objects after the file
/// they were compiled from, so there is nothing to rename.
fn fix_co_filename(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("_fix_co_filename", args, kw, 2, 2)?;
    if !args[0].payload_is::<pyrite_objects::code::Code>() {
        return Err(PyErr::type_error(format!(
            "_fix_co_filename() argument 1 must be code, not {}",
            args[0].ob_type().name()
        )));
    }
    Ok(singletons::none())
}

/// `source_hash(key, source)`: the SipHash-1-3 of a hash-based `.pyc` (PEP 552).
fn source_hash(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("source_hash", args, kw, &["key", "source"], 0, 2)?;
    let [Some(key), Some(source)] = values.as_slice() else {
        return Err(PyErr::type_error("source_hash() missing required argument"));
    };
    let key = pyrite_objects::abstract_api::index(ts, key)?;
    let key = int::as_i64(&key).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C long",
        )
    })?;
    let data = bytes::as_bytes(source).map(<[u8]>::to_vec).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            source.ob_type().name()
        ))
    })?;
    let hash = pyrite_bytecode::pyc::source_hash_with_key(key as u64, &data);
    Ok(bytes::new(ts, &hash))
}

fn override_check(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("_override_check", args, kw, 1, 1)?;
    Ok(int::new(ts, -1))
}

/// Creates the `_imp` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "_imp",
        Some("(Extremely) low-level import machinery bits as used by importlib."),
    )?;
    module.functions(&[
        ("is_builtin", is_builtin),
        ("create_builtin", create_builtin),
        ("exec_builtin", exec_builtin),
        ("is_frozen", is_frozen),
        ("is_frozen_package", is_frozen_package),
        ("find_frozen", find_frozen),
        ("get_frozen_object", get_frozen_object),
        ("init_frozen", init_frozen),
        ("_frozen_module_names", frozen_module_names),
        ("extension_suffixes", extension_suffixes),
        ("create_dynamic", create_dynamic),
        ("exec_dynamic", exec_dynamic),
        ("acquire_lock", acquire_lock),
        ("release_lock", release_lock),
        ("lock_held", lock_held),
        ("_fix_co_filename", fix_co_filename),
        ("source_hash", source_hash),
        ("_override_frozen_modules_for_tests", override_check),
        ("_override_multi_interp_extensions_check", override_check),
    ])?;
    module.set("check_hash_based_pycs", pystr::intern(ts, "default"))?;
    let magic = u32::from_le_bytes(pyrite_bytecode::pyc::MAGIC_NUMBER);
    module.set("pyc_magic_number_token", int::new(ts, i64::from(magic)))?;
    Ok(module.finish())
}
