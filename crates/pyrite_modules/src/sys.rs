//! A minimal `sys`: `argv`, `stdout`/`stderr` (writing to the process's streams),
//! `exit`, `maxsize`, `version`, the recursion limit, `exception()`/`exc_info()`,
//! `_getframe()`'s code and line, and the trace and profile hooks (`settrace`,
//! `setprofile`; the events are `pyrite_vm::legacy_tracing`'s).
//!
//! CPython counterpart: `Python/sysmodule.c` and, for the streams, `Modules/_io`
//! (a `TextIOWrapper` over each standard file descriptor).

use std::io::Write;

use pyrite_objects::descr::{NativeFn, add_methods, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, int, singletons,
    str as pystr, tuple,
};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

/// `sys.hexversion` of CPython 3.14.2 final (`0x030E02F0`).
const HEXVERSION: i64 = 0x030E_02F0;

/// A standard stream (`sys.stdout`, `sys.stderr`): writes go to its file descriptor.
pub struct StdStream {
    fd: u8,
}

impl PyPayload for StdStream {
    fn static_type() -> &'static PyType {
        &STD_STREAM_TYPE
    }
}

pub static STD_STREAM_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<StdStream>("TextIOWrapper", 0, Some(&OBJECT_TYPE)),
);

/// The file descriptor of a standard stream object.
pub fn std_stream_fd(object: &PyObject) -> Option<u8> {
    object.downcast_ref::<StdStream>().map(|stream| stream.fd)
}

/// Writes to stdout (1) or stderr (2); stdout is flushed before stderr is written so
/// that the two interleave as CPython's line-buffered streams do on a terminal.
pub fn write_fd(fd: u8, bytes: &[u8]) {
    if fd == 2 {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().lock().write_all(bytes);
    } else {
        let _ = std::io::stdout().lock().write_all(bytes);
    }
}

fn stream_write(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [text] = args else {
        return Err(PyErr::type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let Some(text) = pystr::as_str_payload(text) else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            text.ob_type().name()
        )));
    };
    write_fd(std_stream_fd(this).unwrap_or(1), text.as_bytes());
    Ok(int::new(ts, text.len() as i64))
}

fn stream_flush(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    if std_stream_fd(this) == Some(2) {
        let _ = std::io::stderr().flush();
    } else {
        let _ = std::io::stdout().flush();
    }
    Ok(singletons::none())
}

fn sys_exit(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let err = match args.first() {
        Some(code) => PyErr::with_object(ExceptionKind::SystemExit, code.clone()),
        None => PyErr::without_arg(ExceptionKind::SystemExit),
    };
    Err(err)
}

fn sys_getrecursionlimit(
    ts: &ThreadState,
    _m: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Ok(int::new(ts, i64::from(ts.recursion_limit())))
}

fn sys_setrecursionlimit(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let limit = match args.first() {
        Some(value) if value.payload_is::<pyrite_objects::int::Int>() => {
            int::as_i64(value).unwrap_or(i64::MAX)
        }
        Some(value) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                value.ob_type().name()
            )));
        }
        None => 0,
    };
    if limit < 1 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "recursion limit must be greater or equal than 1",
        ));
    }
    ts.set_recursion_limit(limit.min(i64::from(u32::MAX)) as u32);
    Ok(singletons::none())
}

fn sys_exception(_ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(pyrite_vm::ceval::handled_exception().unwrap_or_else(singletons::none))
}

fn sys_exc_info(ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let items = match pyrite_vm::ceval::handled_exception() {
        Some(exc) => {
            let traceback = pyrite_objects::exceptions::data(&exc)
                .and_then(|data| data.traceback.borrow().clone())
                .unwrap_or_else(singletons::none);
            vec![exc.ob_type().as_object().new_ref(), exc, traceback]
        }
        None => vec![singletons::none(), singletons::none(), singletons::none()],
    };
    Ok(tuple::new(ts, items).into_ref())
}

fn sys_intern(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    match args.first().and_then(|a| pystr::as_str_payload(a)) {
        Some(text) => Ok(pystr::intern(ts, &text.to_string_lossy())),
        None => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            args.first().map_or("NoneType", |arg| arg.ob_type().name())
        ))),
    }
}

fn sys_getframe(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    if kwnames.is_some_and(|names| !pyrite_objects::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(
            "sys._getframe() takes no keyword arguments",
        ));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "_getframe expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let depth = match args.first() {
        Some(depth) => {
            let index = pyrite_objects::abstract_api::index(ts, depth)?;
            int::as_i64(&index).unwrap_or(i64::MAX)
        }
        None => 0,
    };
    // A negative depth is the caller itself, as CPython's countdown loop gives.
    let frame = pyrite_vm::frame::frame_object(ts, usize::try_from(depth).unwrap_or(0));
    frame.ok_or_else(|| PyErr::new(ExceptionKind::ValueError, "call stack is not deep enough"))
}

/// The one positional argument of `settrace` / `setprofile` (`None` switches off).
fn hook_argument(name: &str, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult<Option<PyRef>> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "sys.{name}() takes no keyword arguments"
        )));
    }
    let [function] = args else {
        return Err(PyErr::type_error(format!(
            "sys.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    Ok((!singletons::is_none(function)).then(|| function.clone()))
}

fn sys_settrace(
    ts: &ThreadState,
    module: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let function = hook_argument("settrace", args, kwnames)?;
    sys_audit(ts, module, &[pystr::intern(ts, "sys.settrace")], None)?;
    pyrite_vm::legacy_tracing::set_trace(ts, function);
    Ok(singletons::none())
}

fn sys_gettrace(_ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(pyrite_vm::legacy_tracing::get_trace().unwrap_or_else(singletons::none))
}

fn sys_setprofile(
    ts: &ThreadState,
    module: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let function = hook_argument("setprofile", args, kwnames)?;
    sys_audit(ts, module, &[pystr::intern(ts, "sys.setprofile")], None)?;
    pyrite_vm::legacy_tracing::set_profile(ts, function);
    Ok(singletons::none())
}

fn sys_getprofile(_ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(pyrite_vm::legacy_tracing::get_profile().unwrap_or_else(singletons::none))
}

fn sys_get_coroutine_origin_tracking_depth(
    ts: &ThreadState,
    _m: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Ok(int::new(
        ts,
        pyrite_vm::genobject::origin_tracking_depth() as i64,
    ))
}

fn sys_set_coroutine_origin_tracking_depth(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let Some(depth) = args.first() else {
        return Err(PyErr::type_error(
            "set_coroutine_origin_tracking_depth() missing required argument 'depth' (pos 1)",
        ));
    };
    let index = pyrite_objects::abstract_api::index(ts, depth)?;
    let depth = int::as_i64(&index).unwrap_or(i64::MAX);
    if depth < 0 {
        return Err(PyErr::new(ExceptionKind::ValueError, "depth must be >= 0"));
    }
    pyrite_vm::genobject::set_origin_tracking_depth(usize::try_from(depth).unwrap_or(usize::MAX));
    Ok(singletons::none())
}

/// `sys._getframemodulename(depth=0)`: the `__module__` of the function running
/// `depth` frames down, or the module name of its globals for code run without a
/// function (modules, exec).
fn sys_getframemodulename(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let names = kwnames.map_or(&[][..], pyrite_objects::tuple::items);
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "_getframemodulename() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    if let Some(name) = names.first()
        && pystr::to_rust_string(name) != "depth"
    {
        return Err(PyErr::type_error(format!(
            "_getframemodulename() got an unexpected keyword argument '{}'",
            pystr::to_rust_string(name)
        )));
    }
    let depth = match args.first() {
        Some(depth) => {
            let index = pyrite_objects::abstract_api::index(ts, depth)?;
            int::as_i64(&index).unwrap_or(i64::MAX)
        }
        None => 0,
    };
    let Some(frame) = pyrite_vm::frame::nth(ts, usize::try_from(depth).unwrap_or(0)) else {
        return Ok(singletons::none());
    };
    let (function, globals) = (frame.function.clone(), frame.globals.clone());
    if let Some(function) = function {
        return match pyrite_objects::attrs::lookup_attr(
            ts,
            &function,
            &pystr::intern(ts, "__module__"),
        )? {
            Some(module) => Ok(module),
            None => Ok(singletons::none()),
        };
    }
    match globals.downcast_ref::<Dict>() {
        Some(dict) => Ok(dict
            .get_item(ts, &pystr::intern(ts, "__name__"))?
            .unwrap_or_else(singletons::none)),
        None => Ok(singletons::none()),
    }
}

fn stream_fileno(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(int::new(ts, i64::from(std_stream_fd(this).unwrap_or(1))))
}

fn stream_encoding(ts: &ThreadState, _this: &PyObject) -> PyResult {
    Ok(pystr::intern(ts, "utf-8"))
}

/// CPython's standard streams: `strict` for stdin and stdout, `backslashreplace` for
/// stderr.
fn stream_errors(ts: &ThreadState, this: &PyObject) -> PyResult {
    let errors = if std_stream_fd(this) == Some(2) {
        "backslashreplace"
    } else {
        "strict"
    };
    Ok(pystr::intern(ts, errors))
}

thread_local! {
    /// `sys.addaudithook` hooks, oldest first (CPython keeps them in the runtime).
    static AUDIT_HOOKS: std::cell::RefCell<Vec<PyRef>> = const { std::cell::RefCell::new(Vec::new()) };
    static INT_MAX_STR_DIGITS: std::cell::Cell<i64> = const { std::cell::Cell::new(4300) };
}

fn sys_addaudithook(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [hook] = args else {
        return Err(PyErr::type_error(format!(
            "addaudithook() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    AUDIT_HOOKS.with(|hooks| hooks.borrow_mut().push(hook.clone()));
    Ok(singletons::none())
}

/// `sys.audit(event, *args)`: each hook is called with the event and the arguments tuple.
fn sys_audit(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let Some((event, rest)) = args.split_first() else {
        return Err(PyErr::type_error(
            "audit() missing 1 required positional argument: 'event'",
        ));
    };
    if pystr::as_str_payload(event).is_none() {
        return Err(PyErr::type_error(format!(
            "expected str for argument 'event', not {}",
            event.ob_type().name()
        )));
    }
    let hooks = AUDIT_HOOKS.with(|hooks| hooks.borrow().clone());
    if hooks.is_empty() {
        return Ok(singletons::none());
    }
    let arguments = tuple::new(ts, rest.to_vec()).into_ref();
    for hook in hooks {
        pyrite_objects::abstract_api::call(ts, &hook, &[event.clone(), arguments.clone()], None)?;
    }
    Ok(singletons::none())
}

/// `sys.displayhook(value)`: prints `repr(value)` and stores it in `builtins._`.
fn sys_displayhook(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [value] = args else {
        return Err(PyErr::type_error(format!(
            "displayhook() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    if singletons::is_none(value) {
        return Ok(singletons::none());
    }
    let builtins = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "builtins"))?;
    let underscore = pystr::intern(ts, "_");
    pyrite_objects::attrs::set_attr(ts, &builtins, &underscore, Some(&singletons::none()))?;
    let text = pystr::to_rust_string(&*value.repr(ts)?);
    write_fd(1, format!("{text}\n").as_bytes());
    pyrite_objects::attrs::set_attr(ts, &builtins, &underscore, Some(value))?;
    Ok(singletons::none())
}

/// `sys.excepthook(type, value, traceback)`: prints the exception as the interpreter does
/// for an uncaught one.
fn sys_excepthook(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [_, value, _] = args else {
        return Err(PyErr::type_error(format!(
            "excepthook expected 3 arguments, got {}",
            args.len()
        )));
    };
    pyrite_vm::pythonrun::print_exception(ts, value);
    Ok(singletons::none())
}

fn sys_getrefcount(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [object] = args else {
        return Err(PyErr::type_error(format!(
            "getrefcount() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    Ok(int::new(ts, object.refcnt() as i64))
}

/// `sys.getsizeof(object[, default])`: the instance size of its type, plus the GC prefix
/// (64-bit CPython's layout sizes).
/// `sys.getsizeof(object[, default])`: `__sizeof__()` plus the collector's header
/// (CPython's `_PySys_GetSizeOf`); `default` stands in when the size cannot be had.
fn sys_getsizeof(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("getsizeof", args, kw, &["object", "default"], 0, 1)?;
    let [Some(object), default] = values.as_slice() else {
        return Err(PyErr::type_error(
            "getsizeof() missing required argument 'object' (pos 1)",
        ));
    };
    match size_of(ts, object) {
        Err(err) if err.matches(ExceptionKind::TypeError) && default.is_some() => {
            Ok(default.clone().unwrap_or_else(singletons::none))
        }
        result => result,
    }
}

fn size_of(ts: &ThreadState, object: &PyObject) -> PyResult {
    let Some(method) = pyrite_objects::attrs::lookup_special(ts, object, "__sizeof__")? else {
        return Err(PyErr::type_error(format!(
            "Type {} doesn't define __sizeof__",
            object.ob_type().name()
        )));
    };
    let result = pyrite_objects::abstract_api::call(ts, &method, &[], None)?;
    if !result.payload_is::<pyrite_objects::int::Int>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let size = int::as_i64(&result).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })?;
    if size < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "__sizeof__() should return >= 0",
        ));
    }
    let total = size + pyrite_objects::sizeof::preheader_size(ts, object) as i64;
    Ok(int::new(ts, total))
}

/// The default `sys.breakpointhook`: there is no debugger yet, so it does nothing.
fn sys_breakpointhook(_ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(singletons::none())
}

fn sys_utf8(ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(pystr::intern(ts, "utf-8"))
}

/// `sys.getfilesystemencodeerrors()`: `surrogateescape` on POSIX.
fn sys_surrogateescape(ts: &ThreadState, _m: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(pystr::intern(ts, "surrogateescape"))
}

fn sys_get_int_max_str_digits(
    ts: &ThreadState,
    _m: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Ok(int::new(ts, INT_MAX_STR_DIGITS.with(std::cell::Cell::get)))
}

fn sys_set_int_max_str_digits(
    _ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let Some(value) = args.first().and_then(|value| int::as_i64(value)) else {
        return Err(PyErr::type_error(
            "set_int_max_str_digits() argument must be an int",
        ));
    };
    if value != 0 && value < 640 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "maxdigits must be >= 640 or 0 for unlimited",
        ));
    }
    INT_MAX_STR_DIGITS.with(|digits| digits.set(value));
    Ok(singletons::none())
}

fn add(ts: &ThreadState, dict: &Dict, name: &str, value: PyRef) {
    let _ = dict.set_item(ts, pystr::intern(ts, name), value);
}

/// Creates the `sys` module.
pub fn create(ts: &ThreadState, argv: &[String], builtins: &PyRef) -> PyRef {
    let module = pyrite_objects::module::new(ts, "sys").into_ref();
    let Some(dict) = pyrite_objects::module::dict_of(&module) else {
        return module;
    };
    let Some(dict) = dict.downcast_ref::<Dict>() else {
        return module;
    };
    let _ = STD_STREAM_TYPE.ready(ts);
    add_methods(
        ts,
        &STD_STREAM_TYPE,
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("fileno", stream_fileno),
        ],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &STD_STREAM_TYPE,
        &[
            ("encoding", stream_encoding, None),
            ("errors", stream_errors, None),
        ],
    );
    let functions: &[(&'static str, NativeFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exception", sys_exception),
        ("exc_info", sys_exc_info),
        ("intern", sys_intern),
        ("_getframe", sys_getframe),
        ("_getframemodulename", sys_getframemodulename),
        ("settrace", sys_settrace),
        ("gettrace", sys_gettrace),
        ("setprofile", sys_setprofile),
        ("getprofile", sys_getprofile),
        (
            "get_coroutine_origin_tracking_depth",
            sys_get_coroutine_origin_tracking_depth,
        ),
        (
            "set_coroutine_origin_tracking_depth",
            sys_set_coroutine_origin_tracking_depth,
        ),
        ("addaudithook", sys_addaudithook),
        ("audit", sys_audit),
        ("displayhook", sys_displayhook),
        ("__displayhook__", sys_displayhook),
        ("excepthook", sys_excepthook),
        ("__excepthook__", sys_excepthook),
        ("getrefcount", sys_getrefcount),
        ("breakpointhook", sys_breakpointhook),
        ("__breakpointhook__", sys_breakpointhook),
        ("getsizeof", sys_getsizeof),
        ("getdefaultencoding", sys_utf8),
        ("getfilesystemencoding", sys_utf8),
        ("getfilesystemencodeerrors", sys_surrogateescape),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
    ];
    for &(name, function) in functions {
        add(
            ts,
            dict,
            name,
            new_builtin_function(ts, name, function, module.clone()),
        );
    }
    let argv_list = argv
        .iter()
        .map(|arg| pystr::new(ts, arg).into_ref())
        .collect();
    add(
        ts,
        dict,
        "argv",
        pyrite_objects::list::new(ts, argv_list).into_ref(),
    );
    for (names, fd) in [
        (["stdin", "__stdin__"], 0),
        (["stdout", "__stdout__"], 1),
        (["stderr", "__stderr__"], 2),
    ] {
        let stream = Py::new(ts, StdStream { fd }).into_ref();
        for name in names {
            add(ts, dict, name, stream.clone());
        }
    }
    add(
        ts,
        dict,
        "warnoptions",
        pyrite_objects::list::new(ts, Vec::new()).into_ref(),
    );
    let orig_argv = std::env::args()
        .map(|arg| pystr::new(ts, &arg).into_ref())
        .collect();
    add(
        ts,
        dict,
        "orig_argv",
        pyrite_objects::list::new(ts, orig_argv).into_ref(),
    );
    let executable = std::env::current_exe()
        .map(|path| path.to_string_lossy().into_owned())
        .unwrap_or_default();
    add(
        ts,
        dict,
        "executable",
        pystr::new(ts, &executable).into_ref(),
    );
    // the installation prefix is the directory above the executable's (`bin/..`), as
    // CPython's `getpath` finds it; there are no virtual environments yet
    let prefix = std::path::Path::new(&executable)
        .parent()
        .and_then(std::path::Path::parent)
        .map(|path| path.to_string_lossy().into_owned())
        .unwrap_or_default();
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        add(ts, dict, name, pystr::new(ts, &prefix).into_ref());
    }
    add(ts, dict, "platlibdir", pystr::new(ts, "lib").into_ref());
    let mut module_names: Vec<&str> = pyrite_vm::import::inittab_names().collect();
    module_names.extend(["builtins", "sys"]);
    module_names.sort_unstable();
    module_names.dedup();
    let module_names = module_names
        .into_iter()
        .map(|name| pystr::intern(ts, name))
        .collect();
    add(
        ts,
        dict,
        "builtin_module_names",
        tuple::new(ts, module_names).into_ref(),
    );
    let stdlib_names = pyrite_vm::suggestions::STDLIB_MODULE_NAMES
        .iter()
        .map(|name| pystr::intern(ts, name))
        .collect();
    if let Ok(names) = pyrite_objects::set::new_frozen(ts, stdlib_names) {
        add(ts, dict, "stdlib_module_names", names);
    }
    add(ts, dict, "maxsize", int::new(ts, i64::MAX));
    add(
        ts,
        dict,
        "version",
        pystr::new(ts, "3.14.2 (pyrite)").into_ref(),
    );
    let mut version_info = singletons::none();
    match crate::sys_info::create_all(ts) {
        Ok(infos) => {
            for (name, value) in infos {
                if name == "version_info" {
                    version_info = value.clone();
                }
                add(ts, dict, name, value);
            }
        }
        Err(err) => ts.write_unraisable(err, "creating sys's struct sequences"),
    }
    add(ts, dict, "hexversion", int::new(ts, HEXVERSION));
    // The brief's one sanctioned difference: the implementation is "pyrite", and .pyc
    // files it writes are tagged `pyrite-314`.
    let implementation = pyrite_objects::namespaceobject::new(
        ts,
        vec![
            ("name", pystr::intern(ts, "pyrite")),
            ("cache_tag", pystr::intern(ts, "pyrite-314")),
            ("version", version_info),
            ("hexversion", int::new(ts, HEXVERSION)),
            (
                "_multiarch",
                pystr::new(ts, &format!("{}-linux-gnu", std::env::consts::ARCH)).into_ref(),
            ),
            (
                "supports_isolated_interpreters",
                pyrite_objects::bool::bool_ref(false),
            ),
        ],
    );
    if let Ok(implementation) = implementation {
        add(ts, dict, "implementation", implementation);
    }
    add(
        ts,
        dict,
        "platform",
        pystr::new(ts, std::env::consts::OS).into_ref(),
    );
    add(ts, dict, "byteorder", pystr::new(ts, "little").into_ref());
    add(
        ts,
        dict,
        "path",
        pyrite_objects::list::new(ts, Vec::new()).into_ref(),
    );
    let modules = pyrite_objects::dict::new(ts);
    let _ = modules.set_item(ts, pystr::intern(ts, "sys"), module.clone());
    let _ = modules.set_item(ts, pystr::intern(ts, "builtins"), builtins.clone());
    let modules = modules.into_ref();
    pyrite_vm::import::set_modules(modules.clone());
    add(ts, dict, "modules", modules);
    module
}
