//! `import`: the `IMPORT_NAME`/`IMPORT_FROM` machinery. A module is found in
//! `sys.modules`, else made from the table of built-in modules (CPython's inittab), else
//! loaded from a `.py` file or package directory on `sys.path` (the parent package's
//! `__path__` for submodules).
//!
//! CPython counterpart: `Python/import.c` (`PyImport_ImportModuleLevelObject`,
//! `resolve_name`, `import_from`) and `Lib/importlib/_bootstrap.py` (`_find_and_load`,
//! `_handle_fromlist`, `_calc___package__`), with `_bootstrap_external`'s `PathFinder`
//! and `SourceFileLoader` for source files. Until the standard library's own importlib
//! runs, modules get `__spec__` and `__loader__` of `None`; `__cached__` names the
//! `.pyc` path with the `pyrite-314` cache tag, though no `.pyc` is written yet, and
//! zip archives on `sys.path` are not searched yet.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use pyrite_objects::code::Code;
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{Py, PyErr, PyObject, PyRef, PyResult, ThreadState, attrs, str as pystr};

thread_local! {
    /// `sys.modules` (CPython keeps it in the interpreter state).
    static MODULES: RefCell<Option<PyRef>> = const { RefCell::new(None) };
    /// The modules whose code is running right now (a circular `from m import x` names
    /// them "partially initialized", as CPython's `_initializing` spec flag does).
    static INITIALIZING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Creates a built-in module (CPython's `PyInit_*` functions).
pub type ModuleInit = fn(&ThreadState) -> PyResult;

/// Compiles a module's source file (the compiler lives above this crate).
pub type SourceCompiler = fn(&ThreadState, &[u8], &str) -> PyResult<Py<Code>>;

/// The built-in modules that are made on first import (CPython's `_PyImport_Inittab`),
/// registered once by the crate that implements them.
static INITTAB: std::sync::OnceLock<&'static [(&'static str, ModuleInit)]> =
    std::sync::OnceLock::new();

static SOURCE_COMPILER: std::sync::OnceLock<SourceCompiler> = std::sync::OnceLock::new();

/// Records the table of built-in modules created on first import.
pub fn set_inittab(table: &'static [(&'static str, ModuleInit)]) {
    let _ = INITTAB.set(table);
}

/// Records how source files are compiled.
pub fn set_source_compiler(compiler: SourceCompiler) {
    let _ = SOURCE_COMPILER.set(compiler);
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

/// The function that creates the built-in module `name`, if there is one.
pub fn inittab_entry(name: &str) -> Option<ModuleInit> {
    INITTAB
        .get()
        .copied()
        .unwrap_or(&[])
        .iter()
        .find(|(entry, _)| *entry == name)
        .map(|(_, init)| *init)
}

/// Records the `sys.modules` dict the importer uses.
pub fn set_modules(modules: PyRef) {
    MODULES.with(|slot| *slot.borrow_mut() = Some(modules));
}

fn modules_dict() -> PyResult<PyRef> {
    MODULES
        .with(|slot| slot.borrow().clone())
        .ok_or_else(|| PyErr::new(ExceptionKind::RuntimeError, "lost sys.modules"))
}

pub fn sys_modules_get(ts: &ThreadState, name: &str) -> PyResult<Option<PyRef>> {
    let modules = modules_dict()?;
    match modules.downcast_ref::<Dict>() {
        Some(dict) => dict.get_item(ts, &pystr::new(ts, name).into_ref()),
        None => {
            pyrite_objects::abstract_api::get_item(ts, &modules, &pystr::new(ts, name).into_ref())
                .map(Some)
                .or_else(|err| {
                    if err.matches(ExceptionKind::KeyError) {
                        Ok(None)
                    } else {
                        Err(err)
                    }
                })
        }
    }
}

fn sys_modules_set(ts: &ThreadState, name: &str, module: Option<&PyObject>) -> PyResult<()> {
    let modules = modules_dict()?;
    let key = pystr::new(ts, name).into_ref();
    match (modules.downcast_ref::<Dict>(), module) {
        (Some(dict), Some(module)) => dict.set_item(ts, key, module.new_ref()),
        (Some(dict), None) => {
            let _ = dict.del_item(ts, &key);
            Ok(())
        }
        (None, module) => pyrite_objects::abstract_ops::set_item(ts, &modules, &key, module),
    }
}

/// `ModuleNotFoundError` for the module `name` (its `name` attribute, which `site`
/// and others test).
fn module_not_found(ts: &ThreadState, message: String, name: &str) -> PyErr {
    pyrite_objects::exceptions::import_error(ts, ExceptionKind::ModuleNotFoundError, &message, name)
}

/// `import name` of an absolute dotted name: the top-level package (as `__import__`
/// with no fromlist returns it).
pub fn import_module(ts: &ThreadState, name: &PyObject) -> PyResult {
    import_module_level(ts, name, None, None, 0)
}

/// `IMPORT_NAME` / `__import__(name, globals, locals, fromlist, level)`.
pub fn import_module_level(
    ts: &ThreadState,
    name: &PyObject,
    globals: Option<&PyObject>,
    fromlist: Option<&PyObject>,
    level: usize,
) -> PyResult {
    let name = pystr::to_rust_string(name);
    if level == 0 && name.is_empty() {
        return Err(PyErr::new(ExceptionKind::ValueError, "Empty module name"));
    }
    let absolute = if level > 0 {
        resolve_name(ts, &name, globals, level)?
    } else {
        name.clone()
    };
    let module = match sys_modules_get(ts, &absolute)? {
        Some(module) if !pyrite_objects::singletons::is_none(&module) => module,
        Some(_) => {
            return Err(module_not_found(
                ts,
                format!("import of {absolute} halted; None in sys.modules"),
                &absolute,
            ));
        }
        None => find_and_load(ts, &absolute)?,
    };
    let fromlist_items: Vec<PyRef> = match fromlist {
        Some(list) if !pyrite_objects::singletons::is_none(list) => {
            pyrite_objects::iterobject::collect(ts, list)?
        }
        _ => Vec::new(),
    };
    if fromlist_items.is_empty() {
        if level == 0 || !name.is_empty() {
            // `import a.b.c` binds `a`: the module named by the first component.
            let first = name.split('.').next().unwrap_or(&name);
            let cut = name.len() - first.len();
            let top = &absolute[..absolute.len() - cut];
            if let Some(top_module) = sys_modules_get(ts, top)? {
                return Ok(top_module);
            }
            return Err(PyErr::new(
                ExceptionKind::KeyError,
                format!("'{top}' not in sys.modules as expected"),
            ));
        }
        return Ok(module);
    }
    if attrs::lookup_attr(ts, &module, &pystr::intern(ts, "__path__"))?.is_some() {
        handle_fromlist(ts, &module, &fromlist_items, false)?;
    }
    Ok(module)
}

/// The absolute name of a relative import (`_resolve_name` with `_calc___package__`).
fn resolve_name(
    ts: &ThreadState,
    name: &str,
    globals: Option<&PyObject>,
    level: usize,
) -> PyResult<String> {
    let no_parent = || {
        PyErr::new(
            ExceptionKind::ImportError,
            "attempted relative import with no known parent package",
        )
    };
    let globals = globals
        .and_then(|g| g.downcast_ref::<Dict>())
        .ok_or_else(no_parent)?;
    let get = |key: &str| -> PyResult<Option<PyRef>> {
        globals
            .get_item(ts, &pystr::intern(ts, key))
            .map(|v| v.filter(|v| !pyrite_objects::singletons::is_none(v)))
    };
    let package = match get("__package__")? {
        Some(package) => {
            if !package.payload_is::<pystr::Str>() {
                return Err(PyErr::type_error("package must be a string"));
            }
            pystr::to_rust_string(&package)
        }
        None => {
            let module_name = get("__name__")?
                .ok_or_else(|| PyErr::new(ExceptionKind::KeyError, "'__name__' not in globals"))?;
            let module_name = pystr::to_rust_string(&module_name);
            if get("__path__")?.is_some() {
                module_name
            } else {
                module_name
                    .rsplit_once('.')
                    .map_or_else(String::new, |(parent, _)| parent.to_owned())
            }
        }
    };
    if package.is_empty() {
        return Err(no_parent());
    }
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(PyErr::new(
            ExceptionKind::ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = bits[bits.len() - 1];
    Ok(if name.is_empty() {
        base.to_owned()
    } else {
        format!("{base}.{name}")
    })
}

/// `from package import a, b`: imports the submodules named that are not attributes
/// yet (`_handle_fromlist`); `*` follows `__all__`.
fn handle_fromlist(
    ts: &ThreadState,
    module: &PyObject,
    fromlist: &[PyRef],
    recursive: bool,
) -> PyResult<()> {
    let module_name = attrs::get_attr_str(ts, module, "__name__")?;
    let module_name = pystr::to_rust_string(&module_name);
    for item in fromlist {
        if !item.payload_is::<pystr::Str>() {
            let what = if recursive {
                format!("{module_name}.__all__")
            } else {
                "``from list''".to_owned()
            };
            return Err(PyErr::type_error(format!(
                "Item in {what} must be str, not {}",
                item.ob_type().name()
            )));
        }
        let text = pystr::to_rust_string(item);
        if text == "*" {
            if !recursive
                && let Some(all) = attrs::lookup_attr(ts, module, &pystr::intern(ts, "__all__"))?
            {
                let names = pyrite_objects::iterobject::collect(ts, &all)?;
                handle_fromlist(ts, module, &names, true)?;
            }
            continue;
        }
        if attrs::lookup_attr(ts, module, item)?.is_none() {
            let full = format!("{module_name}.{text}");
            if let Err(err) =
                import_module_level(ts, &pystr::new(ts, &full).into_ref(), None, None, 0)
            {
                // A missing submodule is not an error here: IMPORT_FROM reports it
                // (`_handle_fromlist` compares the error's `name`).
                if !err.matches(ExceptionKind::ModuleNotFoundError) {
                    return Err(err);
                }
                let exc = err.into_exception(ts);
                let missing = attrs::lookup_attr(ts, &exc, &pystr::intern(ts, "name"))?
                    .filter(|name| name.payload_is::<pystr::Str>())
                    .is_some_and(|name| pystr::to_rust_string(&name) == full);
                if !missing {
                    return Err(PyErr::from_exception(exc));
                }
            }
        }
    }
    Ok(())
}

/// Finds and runs the module `name`, parents first (`_find_and_load`).
fn find_and_load(ts: &ThreadState, name: &str) -> PyResult {
    let mut search_path: Option<PyRef> = None;
    let mut parent_module = None;
    if let Some((parent, _)) = name.rsplit_once('.') {
        let parent_loaded = match sys_modules_get(ts, parent)? {
            Some(module) => module,
            None => find_and_load(ts, parent)?,
        };
        // Importing the parent may have imported this module too.
        if let Some(module) = sys_modules_get(ts, name)? {
            return Ok(module);
        }
        match attrs::lookup_attr(ts, &parent_loaded, &pystr::intern(ts, "__path__"))? {
            Some(path) => search_path = Some(path),
            None => {
                return Err(module_not_found(
                    ts,
                    format!("No module named '{name}'; '{parent}' is not a package"),
                    name,
                ));
            }
        }
        parent_module = Some(parent_loaded);
    }
    let module = if search_path.is_none()
        && let Some((_, init)) = INITTAB
            .get()
            .and_then(|table| table.iter().find(|(known, _)| *known == name))
    {
        let module = init(ts)?;
        pyrite_objects::module::mark_builtin(&module);
        sys_modules_set(ts, name, Some(&module))?;
        module
    } else {
        let entries = match &search_path {
            Some(path) => pyrite_objects::iterobject::collect(ts, path)?,
            None => sys_path(ts)?,
        };
        let Some(found) = find_on_path(name, &entries) else {
            return Err(module_not_found(
                ts,
                format!("No module named '{name}'"),
                name,
            ));
        };
        load_source_module(ts, name, &found)?
    };
    if let (Some(parent), Some((_, child))) = (parent_module, name.rsplit_once('.')) {
        // The submodule becomes an attribute of its package.
        let _ = attrs::set_attr(
            ts,
            &parent,
            &pystr::new(ts, child).into_ref(),
            Some(&module),
        );
    }
    Ok(module)
}

/// Why `-m NAME` cannot run (`runpy._get_module_details`'s errors).
pub enum MainModuleError {
    /// "No module named NAME".
    NotFound(String),
    /// A package without a `__main__` submodule.
    Package(String),
    /// Importing a parent package raised.
    Raised(PyErr),
}

/// The module `-m NAME` runs: its source, filename and package.
pub struct MainModule {
    pub source: Vec<u8>,
    pub filename: String,
    pub package: String,
}

/// `runpy._get_module_details` for `-m`: imports the parent packages, finds the module
/// on their path (or `sys.path`) without executing it, and for a package its
/// `__main__` submodule instead.
pub fn find_main_module(ts: &ThreadState, name: &str) -> Result<MainModule, MainModuleError> {
    find_main_module_at_depth(ts, name, 0)
}

fn find_main_module_at_depth(
    ts: &ThreadState,
    name: &str,
    depth: usize,
) -> Result<MainModule, MainModuleError> {
    let search = match name.rsplit_once('.') {
        Some((parent, _)) => {
            let parent_module =
                match sys_modules_get(ts, parent).map_err(MainModuleError::Raised)? {
                    Some(module) => module,
                    None => find_and_load(ts, parent).map_err(MainModuleError::Raised)?,
                };
            match attrs::lookup_attr(ts, &parent_module, &pystr::intern(ts, "__path__"))
                .map_err(MainModuleError::Raised)?
            {
                Some(path) => pyrite_objects::iterobject::collect(ts, &path)
                    .map_err(MainModuleError::Raised)?,
                None => return Err(MainModuleError::NotFound(name.to_owned())),
            }
        }
        None => sys_path(ts).map_err(MainModuleError::Raised)?,
    };
    let Some(found) = find_on_path(name, &search) else {
        return Err(MainModuleError::NotFound(name.to_owned()));
    };
    if found.package_dirs.is_some() {
        if depth > 0 {
            return Err(MainModuleError::Package(
                name.trim_end_matches(".__main__").to_owned(),
            ));
        }
        // The package itself is imported first, then its `__main__` is found.
        if sys_modules_get(ts, name)
            .map_err(MainModuleError::Raised)?
            .is_none()
        {
            find_and_load(ts, name).map_err(MainModuleError::Raised)?;
        }
        return find_main_module_at_depth(ts, &format!("{name}.__main__"), depth + 1).map_err(
            |err| match err {
                MainModuleError::NotFound(_) => MainModuleError::Package(name.to_owned()),
                other => other,
            },
        );
    }
    let Some(source) = found.source else {
        return Err(MainModuleError::NotFound(name.to_owned()));
    };
    Ok(MainModule {
        source: source.read().map_err(MainModuleError::Raised)?,
        filename: source.filename(),
        package: name
            .rsplit_once('.')
            .map_or_else(String::new, |(parent, _)| parent.to_owned()),
    })
}

/// `sys.path` as a list of its entries.
fn sys_path(ts: &ThreadState) -> PyResult<Vec<PyRef>> {
    let Some(sys) = sys_modules_get(ts, "sys")? else {
        return Ok(Vec::new());
    };
    match attrs::lookup_attr(ts, &sys, &pystr::intern(ts, "path"))? {
        Some(path) => pyrite_objects::iterobject::collect(ts, &path),
        None => Ok(Vec::new()),
    }
}

/// Where a module's source is: a file, or a member of a zip archive on the path.
enum Source {
    File(PathBuf),
    Zip(std::rc::Rc<crate::zipimport::Archive>, String),
}

impl Source {
    /// `__file__`: the file's path, or the archive's path joined with the member's.
    fn filename(&self) -> String {
        match self {
            Source::File(path) => path.to_string_lossy().into_owned(),
            Source::Zip(archive, member) => {
                format!("{}/{member}", archive.path().to_string_lossy())
            }
        }
    }

    fn read(&self) -> Result<Vec<u8>, PyErr> {
        match self {
            Source::File(path) => std::fs::read(path).map_err(|err| {
                PyErr::new(
                    ExceptionKind::OSError,
                    format!(
                        "[Errno {}] {err}: '{}'",
                        err.raw_os_error().unwrap_or(0),
                        path.display()
                    ),
                )
            }),
            Source::Zip(archive, member) => archive
                .read(member)
                .map_err(|message| PyErr::new(ExceptionKind::ImportError, message)),
        }
    }
}

/// A module found on the path: its source, and its search path if a package.
struct Found {
    source: Option<Source>,
    package_dirs: Option<Vec<String>>,
}

/// A zip archive on the path and the directory inside it an entry names
/// (`lib.zip` or `lib.zip/pkg`).
fn zip_entry(entry: &Path) -> Option<(std::rc::Rc<crate::zipimport::Archive>, String)> {
    let (archive, inner) = crate::zipimport::split_path(entry)?;
    let prefix = if inner.is_empty() {
        inner
    } else {
        format!("{inner}/")
    };
    Some((archive, prefix))
}

/// `PathFinder.find_spec` over the path's entries (directories and zip archives):
/// `NAME/__init__.py`, then `NAME.py`; directories without `__init__.py` make a
/// namespace package (PEP 420) if nothing else matches.
fn find_on_path(name: &str, entries: &[PyRef]) -> Option<Found> {
    let last = name.rsplit('.').next().unwrap_or(name);
    let mut namespace_dirs = Vec::new();
    for entry in entries {
        if !entry.payload_is::<pystr::Str>() {
            continue;
        }
        let entry = pystr::to_rust_string(entry);
        // `FileFinder` makes a relative entry absolute (modules' `__file__` and
        // `co_filename` are absolute paths).
        let base = if entry.is_empty() {
            std::env::current_dir().ok()?
        } else if Path::new(&entry).is_absolute() {
            PathBuf::from(&entry)
        } else {
            std::env::current_dir().ok()?.join(&entry)
        };
        if !base.is_dir() {
            if let Some((archive, prefix)) = zip_entry(&base) {
                let package = format!("{prefix}{last}");
                let init = format!("{package}/__init__.py");
                let package_dir = format!("{}/{package}", archive.path().to_string_lossy());
                if archive.has_file(&init) {
                    return Some(Found {
                        source: Some(Source::Zip(archive, init)),
                        package_dirs: Some(vec![package_dir]),
                    });
                }
                let module = format!("{package}.py");
                if archive.has_file(&module) {
                    return Some(Found {
                        source: Some(Source::Zip(archive, module)),
                        package_dirs: None,
                    });
                }
                if archive.has_directory(&package) {
                    namespace_dirs.push(package_dir);
                }
            }
            continue;
        }
        let package = base.join(last);
        let init = package.join("__init__.py");
        if init.is_file() {
            return Some(Found {
                source: Some(Source::File(init)),
                package_dirs: Some(vec![package.to_string_lossy().into_owned()]),
            });
        }
        let module = base.join(format!("{last}.py"));
        if module.is_file() {
            return Some(Found {
                source: Some(Source::File(module)),
                package_dirs: None,
            });
        }
        if package.is_dir() {
            namespace_dirs.push(package.to_string_lossy().into_owned());
        }
    }
    if namespace_dirs.is_empty() {
        return None;
    }
    Some(Found {
        source: None,
        package_dirs: Some(namespace_dirs),
    })
}

/// `__pycache__/NAME.pyrite-314.pyc` next to `source` (`importlib.util.cache_from_source`).
fn cached_path(source: &Path) -> Option<String> {
    let stem = source.file_stem()?.to_str()?;
    let dir = source.parent()?;
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.pyrite-314.pyc"))
            .to_string_lossy()
            .into_owned(),
    )
}

/// Creates the module, registers it in `sys.modules`, and runs its code
/// (`_load_unlocked`); a failing module leaves `sys.modules`.
fn load_source_module(ts: &ThreadState, name: &str, found: &Found) -> PyResult {
    let module = pyrite_objects::module::new(ts, name).into_ref();
    let dict = pyrite_objects::module::dict_of(&module)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module without a dict"))?;
    let namespace = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module dict is not a dict"))?;
    let set = |key: &str, value: PyRef| namespace.set_item(ts, pystr::intern(ts, key), value);
    let is_package = found.package_dirs.is_some();
    let package = if is_package {
        name.to_owned()
    } else {
        name.rsplit_once('.')
            .map_or_else(String::new, |(parent, _)| parent.to_owned())
    };
    set("__package__", pystr::new(ts, &package).into_ref())?;
    if let Some(dirs) = &found.package_dirs {
        let items = dirs
            .iter()
            .map(|dir| pystr::new(ts, dir).into_ref())
            .collect();
        set("__path__", pyrite_objects::list::new(ts, items).into_ref())?;
    }
    if let Some(builtins) = sys_modules_get(ts, "builtins")? {
        set("__builtins__", builtins)?;
    }
    let Some(source) = &found.source else {
        // A namespace package has no file and no code to run.
        set("__file__", pyrite_objects::singletons::none())?;
        sys_modules_set(ts, name, Some(&module))?;
        return Ok(module);
    };
    let filename = source.filename();
    set("__file__", pystr::new(ts, &filename).into_ref())?;
    if let Source::File(file) = source
        && let Some(cached) = cached_path(file)
    {
        set("__cached__", pystr::new(ts, &cached).into_ref())?;
    }
    let source = source.read()?;
    let compiler = SOURCE_COMPILER.get().ok_or_else(|| {
        PyErr::new(
            ExceptionKind::ImportError,
            "no compiler is registered for source modules",
        )
    })?;
    let code = compiler(ts, &source, &filename)?;
    sys_modules_set(ts, name, Some(&module))?;
    INITIALIZING.with(|names| names.borrow_mut().push(name.to_owned()));
    let result = crate::ceval::run_code(ts, code, dict.clone());
    INITIALIZING.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(position) = names.iter().rposition(|known| known == name) {
            names.remove(position);
        }
    });
    if let Err(err) = result {
        sys_modules_set(ts, name, None)?;
        return Err(err);
    }
    // The module may have replaced itself in sys.modules.
    Ok(sys_modules_get(ts, name)?.unwrap_or(module))
}

/// `IMPORT_FROM`: `from module import name`, falling back to the submodule
/// `module.name` in `sys.modules` (CPython's `import_from`).
pub fn import_from(ts: &ThreadState, module: &PyObject, name: &PyObject) -> PyResult {
    if let Some(value) = attrs::lookup_attr(ts, module, name)? {
        return Ok(value);
    }
    let text = pystr::to_rust_string(name);
    let module_name = attrs::lookup_attr(ts, module, &pystr::intern(ts, "__name__"))?
        .filter(|n| n.payload_is::<pystr::Str>())
        .map(|n| pystr::to_rust_string(&n));
    if let Some(module_name) = &module_name
        && let Some(submodule) = sys_modules_get(ts, &format!("{module_name}.{text}"))?
    {
        return Ok(submodule);
    }
    let module_name = module_name.unwrap_or_else(|| "<unknown module name>".to_owned());
    let location = attrs::lookup_attr(ts, module, &pystr::intern(ts, "__file__"))?
        .filter(|f| f.payload_is::<pystr::Str>())
        .map_or_else(
            || "unknown location".to_owned(),
            |f| pystr::to_rust_string(&f),
        );
    let initializing = INITIALIZING.with(|names| names.borrow().contains(&module_name));
    let message = if initializing {
        format!(
            "cannot import name '{text}' from partially initialized module '{module_name}' \
             (most likely due to a circular import) ({location})"
        )
    } else {
        format!("cannot import name '{text}' from '{module_name}' ({location})")
    };
    Err(pyrite_objects::exceptions::import_error(
        ts,
        ExceptionKind::ImportError,
        &message,
        &module_name,
    ))
}

/// `from module import *` into `locals` (CPython's `import_all_from`): the names in
/// `__all__`, else every public name of the module's namespace.
pub fn import_star(ts: &ThreadState, module: &PyObject, locals: &PyObject) -> PyResult<()> {
    let (names, skip_private) = match attrs::lookup_attr(ts, module, &pystr::intern(ts, "__all__"))?
    {
        Some(all) => (pyrite_objects::iterobject::collect(ts, &all)?, false),
        None => {
            let Some(dict) = attrs::lookup_attr(ts, module, &pystr::intern(ts, "__dict__"))? else {
                return Err(PyErr::new(
                    ExceptionKind::ImportError,
                    "from-import-* object has no __dict__ and no __all__",
                ));
            };
            (pyrite_objects::iterobject::collect(ts, &dict)?, true)
        }
    };
    for name in names {
        if !name.payload_is::<pystr::Str>() {
            let module_name = pyrite_objects::module::name_of(ts, module);
            let what = if skip_private {
                format!("{module_name}.__dict__")
            } else {
                format!("{module_name}.__all__")
            };
            return Err(PyErr::type_error(format!(
                "Item in {what} must be str, not {}",
                name.ob_type().name()
            )));
        }
        if skip_private && pystr::to_rust_string(&name).starts_with('_') {
            continue;
        }
        let value = attrs::get_attr(ts, module, &name)?;
        pyrite_objects::abstract_ops::set_item(ts, locals, &name, Some(&value))?;
    }
    Ok(())
}
