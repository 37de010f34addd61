//! A minimal `sys`: `argv`, `stdout`/`stderr` (writing to the process's streams),
//! `exit`, `maxsize`, `version`, the recursion limit, `exception()`/`exc_info()` and
//! `_getframe()`'s code and line.
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
    let limit = args.first().and_then(|v| int::as_i64(v)).unwrap_or(0);
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
        None => Err(PyErr::type_error("intern() argument must be str")),
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
        &[("write", stream_write), ("flush", stream_flush)],
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
        (
            "get_coroutine_origin_tracking_depth",
            sys_get_coroutine_origin_tracking_depth,
        ),
        (
            "set_coroutine_origin_tracking_depth",
            sys_set_coroutine_origin_tracking_depth,
        ),
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
    for (name, fd) in [
        ("stdout", 1),
        ("stderr", 2),
        ("__stdout__", 1),
        ("__stderr__", 2),
    ] {
        add(ts, dict, name, Py::new(ts, StdStream { fd }).into_ref());
    }
    add(ts, dict, "maxsize", int::new(ts, i64::MAX));
    add(
        ts,
        dict,
        "version",
        pystr::new(ts, "3.14.2 (pyrite)").into_ref(),
    );
    let version_info = [3, 14, 2]
        .into_iter()
        .map(|part| int::new(ts, part))
        .chain([pystr::new(ts, "final").into_ref(), int::new(ts, 0)])
        .collect();
    add(
        ts,
        dict,
        "version_info",
        tuple::new(ts, version_info).into_ref(),
    );
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
