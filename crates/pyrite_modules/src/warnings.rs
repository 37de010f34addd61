//! The `_warnings` module: `warn`, `warn_explicit`, the `filters` list with CPython's
//! default filters, `_defaultaction`, `_onceregistry`, the per-module
//! `__warningregistry__` and the filter actions (`error`, `ignore`, `always`/`all`,
//! `default`, `module`, `once`). A warning that is shown goes to
//! `warnings._showwarnmsg` when the `warnings` module is loaded, else straight to
//! `sys.stderr` as `FILE:LINE: Category: message` and the stripped source line.
//!
//! CPython counterpart: `Python/_warnings.c`. It also implements the hooks of
//! `pyrite_objects::warnings` for warnings issued from Rust.

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::methods::split_args;
use pyrite_objects::pystate::GilCell;
use pyrite_objects::slots::CompareOp;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, attrs, int};
use pyrite_objects::{list, singletons, str as pystr, tuple};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

/// The interpreter's warnings state (CPython's `WarningsState`).
struct State {
    filters: PyRef,
    once_registry: PyRef,
    default_action: PyRef,
    filters_version: i64,
    lock_count: usize,
}

static STATE: GilCell<Option<State>> = GilCell::new(None);

/// The filters CPython installs when not in development mode: `DeprecationWarning`
/// shown for `__main__` only, then deprecation, import and resource warnings ignored.
fn default_filters(ts: &ThreadState) -> PyRef {
    let none = singletons::none;
    let filter = |action: &str, kind: ExceptionKind, module: Option<&str>| {
        tuple::new(
            ts,
            vec![
                pystr::intern(ts, action),
                none(),
                kind.static_type().as_object().new_ref(),
                module.map_or_else(none, |module| pystr::intern(ts, module)),
                int::new(ts, 0),
            ],
        )
        .into_ref()
    };
    list::new(
        ts,
        vec![
            filter(
                "default",
                ExceptionKind::DeprecationWarning,
                Some("__main__"),
            ),
            filter("ignore", ExceptionKind::DeprecationWarning, None),
            filter("ignore", ExceptionKind::PendingDeprecationWarning, None),
            filter("ignore", ExceptionKind::ImportWarning, None),
            filter("ignore", ExceptionKind::ResourceWarning, None),
        ],
    )
    .into_ref()
}

fn with_state<R>(ts: &ThreadState, f: impl FnOnce(&mut State) -> R) -> R {
    let mut state = STATE.borrow_mut(ts);
    let state = state.get_or_insert_with(|| State {
        filters: default_filters(ts),
        once_registry: pyrite_objects::dict::new(ts).into_ref(),
        default_action: pystr::intern(ts, "default"),
        filters_version: 0,
        lock_count: 0,
    });
    f(state)
}

/// An attribute of the `warnings` module if it is loaded (it may have replaced
/// `filters`, `defaultaction`, `onceregistry` or the display functions).
fn warnings_module_attr(ts: &ThreadState, name: &str) -> PyResult<Option<PyRef>> {
    let Some(module) = pyrite_vm::import::sys_modules_get(ts, "warnings")? else {
        return Ok(None);
    };
    if singletons::is_none(&module) {
        return Ok(None);
    }
    attrs::lookup_attr(ts, &module, &pystr::intern(ts, name))
}

fn filters(ts: &ThreadState) -> PyResult<PyRef> {
    let filters = match warnings_module_attr(ts, "filters")? {
        Some(filters) => filters,
        None => with_state(ts, |state| state.filters.clone()),
    };
    if filters.downcast_ref::<list::List>().is_none() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "_warnings.filters must be a list",
        ));
    }
    Ok(filters)
}

fn default_action(ts: &ThreadState) -> PyResult<PyRef> {
    let action = match warnings_module_attr(ts, "defaultaction")? {
        Some(action) => action,
        None => with_state(ts, |state| state.default_action.clone()),
    };
    if !action.payload_is::<pystr::Str>() {
        return Err(PyErr::type_error(format!(
            "_warnings.defaultaction must be a string, not '{}'",
            action.ob_type().name()
        )));
    }
    Ok(action)
}

fn once_registry(ts: &ThreadState) -> PyResult<PyRef> {
    let registry = match warnings_module_attr(ts, "onceregistry")? {
        Some(registry) => registry,
        None => with_state(ts, |state| state.once_registry.clone()),
    };
    if registry.downcast_ref::<Dict>().is_none() {
        return Err(PyErr::type_error(format!(
            "_warnings.onceregistry must be a dict, not '{}'",
            registry.ob_type().name()
        )));
    }
    Ok(registry)
}

/// A filter's message or module pattern: `None` matches anything, a plain string must
/// be equal, anything else is asked `pattern.match(text)`.
fn check_matched(ts: &ThreadState, pattern: &PyObject, text: &PyObject) -> PyResult<bool> {
    if singletons::is_none(pattern) {
        return Ok(true);
    }
    if pattern.is_exact_type(&pystr::STR_TYPE) {
        return pattern.rich_compare_bool(ts, text, CompareOp::Eq);
    }
    let method = attrs::get_attr_str(ts, pattern, "match")?;
    abstract_api::call(ts, &method, &[text.new_ref()], None)?.is_true(ts)
}

/// The action of the first filter matching the warning, and that filter.
fn get_filter(
    ts: &ThreadState,
    category: &PyObject,
    text: &PyObject,
    lineno: i64,
    module: &PyObject,
) -> PyResult<(PyRef, PyRef)> {
    let filters = filters(ts)?;
    let items = filters
        .downcast_ref::<list::List>()
        .map(|list| list.to_vec())
        .unwrap_or_default();
    for (index, item) in items.iter().enumerate() {
        let fields = tuple::items(item);
        if !item.payload_is::<tuple::Tuple>() || fields.len() != 5 {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("warnings.filters item {index} isn't a 5-tuple"),
            ));
        }
        let [action, message, filter_category, filter_module, filter_line] = fields else {
            continue;
        };
        let good_message = check_matched(ts, message, text)?;
        let good_module = check_matched(ts, filter_module, module)?;
        let is_subclass = abstract_api::is_subclass(ts, category, filter_category)?;
        let line = abstract_api::index(ts, filter_line)?;
        let line = int::as_i64(&line).unwrap_or(-1);
        if good_message && is_subclass && good_module && (line == 0 || lineno == line) {
            return Ok((action.clone(), item.new_ref()));
        }
    }
    Ok((default_action(ts)?, singletons::none()))
}

/// Whether `registry[key]` says the warning was already shown; a registry left from an
/// older filter list is emptied first.
fn already_warned(ts: &ThreadState, registry: &Dict, key: &PyObject) -> PyResult<bool> {
    let version = with_state(ts, |state| state.filters_version);
    let version_key = pystr::intern(ts, "version");
    let current = registry
        .get_item(ts, &version_key)?
        .and_then(|value| int::as_i64(&value));
    if current != Some(version) {
        registry.clear();
        registry.set_item(ts, version_key, int::new(ts, version))?;
        return Ok(false);
    }
    match registry.get_item(ts, key)? {
        Some(value) => value.is_true(ts),
        None => Ok(false),
    }
}

/// `registry[key] = True` unless it is there already; `true` if it was.
fn update_registry(ts: &ThreadState, registry: &Dict, key: PyRef) -> PyResult<bool> {
    if already_warned(ts, registry, &key)? {
        return Ok(true);
    }
    registry.set_item(ts, key, singletons::bool_ref(true))?;
    Ok(false)
}

fn text_of(ts: &ThreadState, object: &PyObject) -> PyResult<String> {
    let text = object.str(ts)?;
    Ok(pystr::to_rust_string(&text))
}

fn repr_of(ts: &ThreadState, object: &PyObject) -> PyResult<String> {
    let text = object.repr(ts)?;
    Ok(pystr::to_rust_string(&text))
}

/// `normalize_module`: the file name without `.py` (`<unknown>` when empty).
fn module_from_filename(filename: &str) -> String {
    if filename.is_empty() {
        "<unknown>".to_owned()
    } else {
        filename.strip_suffix(".py").unwrap_or(filename).to_owned()
    }
}

/// Line `lineno` of a file, stripped (`linecache.getline(...).strip()`).
fn source_line(filename: &str, lineno: i64) -> Option<String> {
    let index = usize::try_from(lineno).ok()?.checked_sub(1)?;
    let text = std::fs::read(filename)
        .ok()
        .or_else(|| pyrite_vm::zipimport::read_member_path(std::path::Path::new(filename)))?;
    let text = String::from_utf8_lossy(&text);
    let line = text.lines().nth(index)?.trim().to_owned();
    (!line.is_empty()).then_some(line)
}

fn write_stderr(ts: &ThreadState, text: &str) -> PyResult<()> {
    let sys = pyrite_vm::import::sys_modules_get(ts, "sys")?;
    let stderr = match sys {
        Some(sys) => attrs::lookup_attr(ts, &sys, &pystr::intern(ts, "stderr"))?,
        None => None,
    };
    match stderr.filter(|stream| !singletons::is_none(stream)) {
        Some(stream) => {
            let write = attrs::get_attr_str(ts, &stream, "write")?;
            abstract_api::call(ts, &write, &[pystr::new(ts, text).into_ref()], None)?;
        }
        None => {
            use std::io::Write;
            let _ = std::io::stderr().write_all(b"lost sys.stderr\n");
        }
    }
    Ok(())
}

/// Shows a warning: `warnings._showwarnmsg(WarningMessage(...))` when the module is
/// loaded, else `FILE:LINE: Category: text` and the source line on `sys.stderr`.
fn show_warning(
    ts: &ThreadState,
    message: &PyObject,
    category: &PyObject,
    filename: &PyObject,
    lineno: i64,
    source: &PyObject,
) -> PyResult<()> {
    if let Some(show) = warnings_module_attr(ts, "_showwarnmsg")?
        && let Some(message_type) = warnings_module_attr(ts, "WarningMessage")?
    {
        let record = abstract_api::call(
            ts,
            &message_type,
            &[
                message.new_ref(),
                category.new_ref(),
                filename.new_ref(),
                int::new(ts, lineno),
                singletons::none(),
                singletons::none(),
                source.new_ref(),
            ],
            None,
        )?;
        abstract_api::call(ts, &show, &[record], None)?;
        return Ok(());
    }
    let name = attrs::get_attr_str(ts, category, "__name__")?;
    let filename_text = text_of(ts, filename)?;
    let mut text = format!(
        "{filename_text}:{lineno}: {}: {}\n",
        text_of(ts, &name)?,
        text_of(ts, message)?,
    );
    if let Some(line) = source_line(&filename_text, lineno) {
        text.push_str(&format!("  {line}\n"));
    }
    if !singletons::is_none(source) {
        // `warnings` asks tracemalloc where the object was made; it never traces here.
        text.push_str(&format!(
            "{}: Enable tracemalloc to get the object allocation traceback\n",
            text_of(ts, &name)?
        ));
    }
    write_stderr(ts, &text)
}

/// `warn_explicit` (CPython's `warn_explicit` in `_warnings.c`).
#[allow(clippy::too_many_arguments)]
fn warn_explicit_impl(
    ts: &ThreadState,
    category: &PyObject,
    message: &PyObject,
    filename: &PyObject,
    lineno: i64,
    module: Option<PyRef>,
    registry: Option<&Dict>,
    source: &PyObject,
) -> PyResult<()> {
    let module = match module {
        Some(module) => module,
        None => {
            let filename = text_of(ts, filename)?;
            pystr::new(ts, &module_from_filename(&filename)).into_ref()
        }
    };
    let warning_type = ExceptionKind::Warning.static_type().as_object();
    let (text, category, message) = if abstract_api::is_instance(ts, message, warning_type)? {
        (
            message.str(ts)?,
            message.ob_type().as_object().new_ref(),
            message.new_ref(),
        )
    } else {
        let instance = abstract_api::call(ts, category, &[message.new_ref()], None)?;
        (message.new_ref(), category.new_ref(), instance)
    };
    let key = tuple::new(
        ts,
        vec![text.clone(), category.clone(), int::new(ts, lineno)],
    )
    .into_ref();
    if let Some(registry) = registry
        && already_warned(ts, registry, &key)?
    {
        return Ok(());
    }
    let (action, item) = get_filter(ts, &category, &text, lineno, &module)?;
    let action_text = pystr::to_rust_string(&action);
    match action_text.as_str() {
        "error" => return Err(PyErr::from_exception(message)),
        "ignore" => return Ok(()),
        "always" | "all" => {}
        _ => {
            if let Some(registry) = registry {
                registry.set_item(ts, key, singletons::bool_ref(true))?;
            }
            let pair = || tuple::new(ts, vec![text.clone(), category.clone()]).into_ref();
            let already = match action_text.as_str() {
                "once" => match registry {
                    Some(registry) => update_registry(ts, registry, pair())?,
                    None => {
                        let once = once_registry(ts)?;
                        match once.downcast_ref::<Dict>() {
                            Some(once) => update_registry(ts, once, pair())?,
                            None => false,
                        }
                    }
                },
                "module" => match registry {
                    Some(registry) => update_registry(ts, registry, pair())?,
                    None => false,
                },
                "default" => false,
                _ => {
                    return Err(PyErr::new(
                        ExceptionKind::RuntimeError,
                        format!(
                            "Unrecognized action ({}) in warnings.filters:\n {}",
                            repr_of(ts, &action)?,
                            repr_of(ts, &item)?
                        ),
                    ));
                }
            };
            if already {
                return Ok(());
            }
        }
    }
    show_warning(ts, &message, &category, filename, lineno, source)
}

/// `importlib._bootstrap` frames, which `stacklevel` does not count.
fn is_internal_filename(filename: &str) -> bool {
    filename.contains("importlib") && filename.contains("_bootstrap")
}

fn frame_filename(frame: &pyrite_vm::frame::Frame) -> String {
    frame.code.code.co_filename.to_string_lossy().into_owned()
}

/// Where a warning `stacklevel` frames up comes from: its file, line, module name and
/// the registry in its globals (`setup_context`).
fn setup_context(
    ts: &ThreadState,
    stacklevel: i64,
    skip_prefixes: &[String],
) -> PyResult<(PyRef, i64, PyRef, PyRef)> {
    let skipped = |frame: &pyrite_vm::frame::Frame| {
        let filename = frame_filename(frame);
        is_internal_filename(&filename)
            || skip_prefixes
                .iter()
                .any(|prefix| filename.starts_with(prefix.as_str()))
    };
    let mut frame = pyrite_vm::frame::current(ts);
    let mut level = stacklevel;
    let internal = frame.is_some_and(|frame| is_internal_filename(&frame_filename(frame)));
    if stacklevel <= 0 || internal {
        loop {
            level -= 1;
            let Some(current) = frame.filter(|_| level > 0) else {
                break;
            };
            frame = current.previous();
        }
    } else {
        loop {
            level -= 1;
            let Some(mut current) = frame.filter(|_| level > 0) else {
                break;
            };
            frame = loop {
                match current.previous() {
                    Some(previous) if skipped(previous) => current = previous,
                    other => break other,
                }
            };
        }
    }
    let (globals, filename, lineno) = match frame {
        Some(frame) => (
            frame.globals.clone(),
            pystr::new(ts, &frame_filename(frame)).into_ref(),
            i64::from(frame.line().unwrap_or(0)),
        ),
        None => {
            let sys = pyrite_vm::import::sys_modules_get(ts, "sys")?
                .ok_or_else(|| PyErr::new(ExceptionKind::RuntimeError, "lost sys"))?;
            let globals = pyrite_objects::module::dict_of(&sys)
                .ok_or_else(|| PyErr::new(ExceptionKind::RuntimeError, "lost sys.__dict__"))?;
            (globals, pystr::new(ts, "<sys>").into_ref(), 0)
        }
    };
    let Some(globals_dict) = globals.downcast_ref::<Dict>() else {
        return Err(PyErr::new(
            ExceptionKind::SystemError,
            "globals is not a dict",
        ));
    };
    let registry_key = pystr::intern(ts, "__warningregistry__");
    let registry = match globals_dict.get_item(ts, &registry_key)? {
        Some(registry) => registry,
        None => {
            let registry = pyrite_objects::dict::new(ts).into_ref();
            globals_dict.set_item(ts, registry_key, registry.clone())?;
            registry
        }
    };
    let module = globals_dict
        .get_item(ts, &pystr::intern(ts, "__name__"))?
        .filter(|name| name.payload_is::<pystr::Str>())
        .unwrap_or_else(|| pystr::new(ts, "<string>").into_ref());
    Ok((filename, lineno, module, registry))
}

/// `warn`'s category: the message's class if it is a warning, else `category` (default
/// `UserWarning`), which must derive from `Warning`.
fn get_category(ts: &ThreadState, message: &PyObject, category: Option<&PyRef>) -> PyResult {
    let warning_type = ExceptionKind::Warning.static_type().as_object();
    if abstract_api::is_instance(ts, message, warning_type)? {
        return Ok(message.ob_type().as_object().new_ref());
    }
    let category = match category.filter(|category| !singletons::is_none(category)) {
        Some(category) => category.clone(),
        None => ExceptionKind::UserWarning
            .static_type()
            .as_object()
            .new_ref(),
    };
    let is_warning_class = pyrite_objects::typeobject::as_type(&category).is_some()
        && abstract_api::is_subclass(ts, &category, warning_type)?;
    if !is_warning_class {
        return Err(PyErr::type_error(format!(
            "category must be a Warning subclass, not '{}'",
            category.ob_type().name()
        )));
    }
    Ok(category)
}

fn do_warn(
    ts: &ThreadState,
    message: &PyObject,
    category: &PyObject,
    stacklevel: i64,
    source: &PyObject,
    skip_prefixes: &[String],
) -> PyResult<()> {
    let (filename, lineno, module, registry) = setup_context(ts, stacklevel, skip_prefixes)?;
    let registry = registry.downcast_ref::<Dict>().map(|registry| &**registry);
    warn_explicit_impl(
        ts,
        category,
        message,
        &filename,
        lineno,
        Some(module),
        registry,
        source,
    )
}

/// Binds `args` to `names` (positional then keyword; `keyword_only` names only by
/// keyword), Argument Clinic's way.
fn bind_arguments(
    function: &str,
    names: &[&str],
    keyword_only: usize,
    required: usize,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<Vec<Option<PyRef>>> {
    let (positional, keywords) = split_args(args, kwnames);
    let max_positional = names.len() - keyword_only;
    if positional.len() > max_positional {
        return Err(PyErr::type_error(format!(
            "{function}() takes at most {max_positional} positional arguments ({} given)",
            positional.len()
        )));
    }
    let mut bound: Vec<Option<PyRef>> = vec![None; names.len()];
    for (slot, value) in bound.iter_mut().zip(positional) {
        *slot = Some(value.clone());
    }
    for (name, value) in keywords {
        let Some(index) = names.iter().position(|candidate| *candidate == name) else {
            return Err(PyErr::type_error(format!(
                "{function}() got an unexpected keyword argument '{name}'"
            )));
        };
        if bound[index].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {function}() given by name ('{name}') and position ({})",
                index + 1
            )));
        }
        bound[index] = Some(value);
    }
    for (index, name) in names.iter().enumerate().take(required) {
        if bound[index].is_none() {
            return Err(PyErr::type_error(format!(
                "{function}() missing required argument '{name}' (pos {})",
                index + 1
            )));
        }
    }
    Ok(bound)
}

fn integer_argument(ts: &ThreadState, value: Option<&PyRef>, default: i64) -> PyResult<i64> {
    match value {
        None => Ok(default),
        Some(value) => {
            let index = abstract_api::index(ts, value)?;
            if let Some(value) = int::as_i64(&index) {
                return Ok(value);
            }
            let negative = index.rich_compare_bool(ts, &int::new(ts, 0), CompareOp::Lt)?;
            Ok(if negative { i64::MIN } else { i64::MAX })
        }
    }
}

/// `warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=())`.
fn warnings_warn(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let bound = bind_arguments(
        "warn",
        &[
            "message",
            "category",
            "stacklevel",
            "source",
            "skip_file_prefixes",
        ],
        1,
        1,
        args,
        kwnames,
    )?;
    let message = bound[0].clone().unwrap_or_else(singletons::none);
    let mut stacklevel = integer_argument(ts, bound[2].as_ref(), 1)?;
    let source = bound[3].clone().unwrap_or_else(singletons::none);
    let mut skip_prefixes = Vec::new();
    if let Some(prefixes) = &bound[4] {
        if !prefixes.payload_is::<tuple::Tuple>() {
            return Err(PyErr::type_error(format!(
                "warn() argument 'skip_file_prefixes' must be tuple, not {}",
                prefixes.ob_type().name()
            )));
        }
        for prefix in tuple::items(prefixes) {
            if !prefix.payload_is::<pystr::Str>() {
                return Err(PyErr::type_error(
                    "Found non-str '{}' in skip_file_prefixes.",
                ));
            }
            skip_prefixes.push(pystr::to_rust_string(prefix));
        }
        if !skip_prefixes.is_empty() && stacklevel < 2 {
            stacklevel = 2;
        }
    }
    let category = get_category(ts, &message, bound[1].as_ref())?;
    do_warn(ts, &message, &category, stacklevel, &source, &skip_prefixes)?;
    Ok(singletons::none())
}

/// `warn_explicit(message, category, filename, lineno, module=None, registry=None,
/// module_globals=None, source=None)`.
fn warnings_warn_explicit(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let bound = bind_arguments(
        "warn_explicit",
        &[
            "message",
            "category",
            "filename",
            "lineno",
            "module",
            "registry",
            "module_globals",
            "source",
        ],
        0,
        4,
        args,
        kwnames,
    )?;
    let none = singletons::none;
    let message = bound[0].clone().unwrap_or_else(none);
    let category = bound[1].clone().unwrap_or_else(none);
    let filename = bound[2].clone().unwrap_or_else(none);
    if !filename.payload_is::<pystr::Str>() {
        return Err(PyErr::type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            filename.ob_type().name()
        )));
    }
    let lineno = integer_argument(ts, bound[3].as_ref(), 0)?;
    let module = bound[4]
        .clone()
        .filter(|module| !singletons::is_none(module));
    let registry = bound[5]
        .clone()
        .filter(|registry| !singletons::is_none(registry));
    if let Some(registry) = &registry
        && registry.downcast_ref::<Dict>().is_none()
    {
        return Err(PyErr::type_error("'registry' must be a dict or None"));
    }
    let source = bound[7].clone().unwrap_or_else(none);
    warn_explicit_impl(
        ts,
        &category,
        &message,
        &filename,
        lineno,
        module,
        registry
            .as_ref()
            .and_then(|registry| registry.downcast_ref::<Dict>())
            .map(|registry| &**registry),
        &source,
    )?;
    Ok(singletons::none())
}

fn no_arguments(name: &str, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult<()> {
    let (positional, keywords) = split_args(args, kwnames);
    if positional.is_empty() && keywords.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        )))
    }
}

/// `_filters_mutated_lock_held()`: a filter changed, so every registry is stale.
fn warnings_filters_mutated_lock_held(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_arguments("_filters_mutated_lock_held", args, kwnames)?;
    with_state(ts, |state| {
        if state.lock_count == 0 {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "warnings lock is not held",
            ));
        }
        state.filters_version += 1;
        Ok(singletons::none())
    })
}

/// `_acquire_lock()`: the lock is re-entrant; with one GIL a count is enough.
fn warnings_acquire_lock(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_arguments("_acquire_lock", args, kwnames)?;
    with_state(ts, |state| state.lock_count += 1);
    Ok(singletons::none())
}

fn warnings_release_lock(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_arguments("_release_lock", args, kwnames)?;
    with_state(ts, |state| {
        if state.lock_count == 0 {
            return Err(PyErr::new(
                ExceptionKind::RuntimeError,
                "cannot release un-acquired lock",
            ));
        }
        state.lock_count -= 1;
        Ok(singletons::none())
    })
}

/// `PyErr_WarnEx` for Rust callers.
fn warn_from_rust(
    ts: &ThreadState,
    category: &PyObject,
    message: &str,
    stacklevel: usize,
    source: Option<&PyObject>,
) -> PyResult<()> {
    let message = pystr::new(ts, message).into_ref();
    let stacklevel = i64::try_from(stacklevel).unwrap_or(i64::MAX);
    let source = source.map_or_else(singletons::none, PyObject::new_ref);
    do_warn(ts, &message, category, stacklevel, &source, &[])
}

/// `PyErr_WarnExplicitObject` for Rust callers (no module, no registry).
fn warn_explicit_from_rust(
    ts: &ThreadState,
    category: &PyObject,
    message: &str,
    filename: &str,
    lineno: i32,
) -> PyResult<()> {
    let message = pystr::new(ts, message).into_ref();
    let filename = pystr::new(ts, filename).into_ref();
    warn_explicit_impl(
        ts,
        category,
        &message,
        &filename,
        i64::from(lineno),
        None,
        None,
        &singletons::none(),
    )
}

/// Makes Rust code's warnings go through this module.
pub fn install_hooks() {
    pyrite_objects::warnings::set_hooks(pyrite_objects::warnings::WarningHooks {
        warn: warn_from_rust,
        warn_explicit: warn_explicit_from_rust,
    });
}

/// Adds a `-W` / `PYTHONWARNINGS` option that needs no regular expression
/// (`action[:message[:category[:module[:lineno]]]]` with empty message and module) to
/// the front of the filters, as `warnings._setoption` does; options with patterns are
/// left to the `warnings` module. Returns the error text of an invalid option.
pub fn add_option(ts: &ThreadState, option: &str) -> Result<(), String> {
    let parts: Vec<&str> = option.split(':').map(str::trim).collect();
    if parts.len() > 5 {
        return Err(format!("too many fields (max 5): '{option}'"));
    }
    let field = |index: usize| parts.get(index).copied().unwrap_or("");
    let action = match field(0) {
        "" => "default",
        other => [
            "default", "always", "all", "ignore", "module", "once", "error",
        ]
        .into_iter()
        .find(|action| action.starts_with(other))
        .ok_or_else(|| format!("invalid action: '{other}'"))?,
    };
    if !field(1).is_empty() || !field(3).is_empty() {
        return Ok(());
    }
    let category = match field(2) {
        "" => ExceptionKind::Warning.static_type().as_object().new_ref(),
        name => {
            let kind = ExceptionKind::all()
                .iter()
                .find(|kind| kind.name() == name)
                .ok_or_else(|| format!("unknown warning category: '{name}'"))?;
            if !pyrite_objects::exceptions::kind_is_subclass(*kind, ExceptionKind::Warning) {
                return Err(format!("invalid warning category: '{name}'"));
            }
            kind.static_type().as_object().new_ref()
        }
    };
    let lineno = match field(4) {
        "" => 0,
        text => text
            .parse::<i64>()
            .ok()
            .filter(|line| *line >= 0)
            .ok_or_else(|| format!("invalid lineno '{text}'"))?,
    };
    let filter = tuple::new(
        ts,
        vec![
            pystr::intern(ts, action),
            singletons::none(),
            category,
            singletons::none(),
            int::new(ts, lineno),
        ],
    )
    .into_ref();
    with_state(ts, |state| {
        if let Some(filters) = state.filters.downcast_ref::<list::List>() {
            let mut items = filters.to_vec();
            items.retain(|item| {
                !item
                    .rich_compare_bool(ts, &filter, CompareOp::Eq)
                    .unwrap_or(false)
            });
            items.insert(0, filter.clone());
            filters.clear();
            for item in items {
                filters.append(ts, item);
            }
        }
        state.filters_version += 1;
    });
    Ok(())
}

/// Puts the `-W` and `PYTHONWARNINGS` options in `sys.warnoptions` and turns the ones
/// without patterns into filters (CPython's start-up imports `warnings` for this; its
/// `_processoptions` reports a bad option on stderr and goes on).
pub fn apply_warnoptions(ts: &ThreadState, sys: &PyObject, options: &[String]) {
    if let Ok(Some(list)) = attrs::lookup_attr(ts, sys, &pystr::intern(ts, "warnoptions"))
        && let Some(list) = list.downcast_ref::<list::List>()
    {
        for option in options {
            list.append(ts, pystr::new(ts, option).into_ref());
        }
    }
    for option in options {
        if let Err(why) = add_option(ts, option) {
            let _ = write_stderr(ts, &format!("Invalid -W option ignored: {why}\n"));
        }
    }
}

/// Creates the `_warnings` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = pyrite_objects::module::new(ts, "_warnings").into_ref();
    let Some(dict) = pyrite_objects::module::dict_of(&module) else {
        return Ok(module);
    };
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return Ok(module);
    };
    let set = |name: &str, value: PyRef| dict.set_item(ts, pystr::intern(ts, name), value);
    set(
        "__doc__",
        pystr::new(
            ts,
            "_warnings provides basic warning filtering support.\n\
             It is a helper module to speed up interpreter start-up.",
        )
        .into_ref(),
    )?;
    let functions: &[(&'static str, NativeFn)] = &[
        ("warn", warnings_warn),
        ("warn_explicit", warnings_warn_explicit),
        (
            "_filters_mutated_lock_held",
            warnings_filters_mutated_lock_held,
        ),
        ("_acquire_lock", warnings_acquire_lock),
        ("_release_lock", warnings_release_lock),
    ];
    for &(name, function) in functions {
        set(
            name,
            new_builtin_function(ts, name, function, module.clone()),
        )?;
    }
    let (filters, once_registry, default_action) = with_state(ts, |state| {
        (
            state.filters.clone(),
            state.once_registry.clone(),
            state.default_action.clone(),
        )
    });
    set("filters", filters)?;
    set("_onceregistry", once_registry)?;
    set("_defaultaction", default_action)?;
    // The context variable `warnings.catch_warnings` keeps context-aware filters in.
    let context_var_type = crate::contextvars::CONTEXT_VAR_TYPE.as_object();
    let context = pyrite_objects::abstract_api::call(
        ts,
        context_var_type,
        &[pystr::intern(ts, "_warnings_context")],
        None,
    )?;
    set("_warnings_context", context)?;
    Ok(module)
}

#[cfg(test)]
mod tests {
    use super::module_from_filename;

    #[test]
    fn module_names_from_file_names() {
        assert_eq!(module_from_filename("spam.py"), "spam");
        assert_eq!(module_from_filename("spam"), "spam");
        assert_eq!(module_from_filename(""), "<unknown>");
    }
}
