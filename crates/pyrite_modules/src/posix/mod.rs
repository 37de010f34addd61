//! The `posix` module, what `os` is built on: paths and the file system (`fs.rs`),
//! `stat` (`stat.rs`), file descriptors (`fd.rs`), directory listing (`scandir.rs`),
//! the process and the system (`process.rs`), terminals (`terminal.rs`) and the
//! environment (`environ.rs`). Every C library call goes through `ffi.rs`.
//!
//! CPython counterpart: `Modules/posixmodule.c`. Errors are `OSError` subclasses chosen
//! by errno, with CPython's `[Errno N] message: 'path'` text. Not here yet: `fork`,
//! `exec*`, `spawn*`, `wait*`, `system`, signals beyond `kill`, `chown`, `statvfs`,
//! extended attributes, scheduling, `sendfile`/`splice` and `pread`/`pwrite`/`readv`.

mod environ;
mod fd;
mod ffi;
mod fs;
mod process;
mod scandir;
mod stat;
mod terminal;

use std::ffi::{CString, c_int};
use std::os::unix::ffi::OsStrExt;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::pystate::GilCell;
use pyrite_objects::structseq::{self, StructSeqDesc};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState};
use pyrite_objects::{bytes, int, list, singletons, str as pystr};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind};

pub use fd::{close_fd, isatty_fd, read_fd, register_file, seek_fd, truncate_fd, write_fd};

// ---------------------------------------------------------------------------- arguments

/// A path argument: `str`, `bytes`, an `os.PathLike` or (where allowed) a descriptor.
pub(crate) struct PathArg {
    /// The argument as given, for error messages.
    pub object: PyRef,
    /// The path, file-system encoded (empty for a descriptor).
    pub c_path: CString,
    /// Whether results derived from the path are `bytes`.
    pub is_bytes: bool,
    /// The descriptor given instead of a path.
    pub fd: Option<c_int>,
}

impl PathArg {
    pub fn path(&self) -> &std::path::Path {
        std::path::Path::new(std::ffi::OsStr::from_bytes(self.c_path.as_bytes()))
    }
}

/// What a path argument may be besides a path.
#[derive(Clone, Copy, Default)]
pub(crate) struct PathOptions {
    pub allow_fd: bool,
    pub nullable: bool,
}

pub(crate) const PATH_ONLY: PathOptions = PathOptions {
    allow_fd: false,
    nullable: false,
};

pub(crate) const PATH_OR_FD: PathOptions = PathOptions {
    allow_fd: true,
    nullable: false,
};

pub(crate) fn fspath_value(ts: &ThreadState, value: &PyObject) -> PyResult {
    if pystr::as_str_payload(value).is_some() || bytes::as_bytes(value).is_some() {
        return Ok(value.new_ref());
    }
    match pyrite_objects::attrs::call_special(ts, value, "__fspath__", &[])? {
        Some(result)
            if pystr::as_str_payload(&result).is_some() || bytes::as_bytes(&result).is_some() =>
        {
            Ok(result)
        }
        Some(result) => Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            value.ob_type().name(),
            result.ob_type().name()
        ))),
        None => Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            value.ob_type().name()
        ))),
    }
}

fn is_int(value: &PyObject) -> bool {
    int::as_i64(value).is_some() || value.payload_is::<pyrite_objects::int::Int>()
}

/// Converts a path argument named `argument` of `function`, as CPython's
/// `path_converter` does.
pub(crate) fn path_arg_named(
    ts: &ThreadState,
    function: &str,
    argument: &str,
    value: &PyObject,
    options: PathOptions,
) -> PyResult<PathArg> {
    let wrong_type = || {
        let accepted = match (options.allow_fd, options.nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        PyErr::type_error(format!(
            "{function}: {argument} should be {accepted}, not {}",
            value.ob_type().name()
        ))
    };
    if options.allow_fd && is_int(value) {
        if pyrite_objects::bool::as_bool_singleton(value).is_some() {
            pyrite_objects::warnings::warn(
                ts,
                ExceptionKind::RuntimeWarning,
                "bool is used as a file descriptor",
                1,
            )?;
        }
        let fd = fd_value(value)?;
        return Ok(PathArg {
            object: value.new_ref(),
            c_path: CString::default(),
            is_bytes: false,
            fd: Some(fd),
        });
    }
    let has_fspath = pystr::as_str_payload(value).is_some()
        || bytes::as_bytes(value).is_some()
        || pyrite_objects::attrs::lookup_special(ts, value, "__fspath__")?.is_some();
    if !has_fspath {
        return Err(wrong_type());
    }
    let resolved = fspath_value(ts, value)?;
    let (data, is_bytes) = match bytes::as_bytes(&resolved) {
        Some(data) => (data.to_vec(), true),
        None => (fs_encode(ts, &resolved)?, false),
    };
    let c_path = CString::new(data).map_err(|_| {
        PyErr::new(
            ExceptionKind::ValueError,
            format!("{function}: embedded null character in {argument}"),
        )
    })?;
    Ok(PathArg {
        object: value.new_ref(),
        c_path,
        is_bytes,
        fd: None,
    })
}

pub(crate) fn path_arg(
    ts: &ThreadState,
    function: &str,
    value: &PyObject,
    options: PathOptions,
) -> PyResult<PathArg> {
    path_arg_named(ts, function, "path", value, options)
}

/// The file-system encoding of a `str`: UTF-8, with the lone surrogates U+DC80..U+DCFF
/// standing for the undecodable bytes they came from (`surrogateescape`).
pub fn fs_encode(ts: &ThreadState, text: &PyObject) -> PyResult<Vec<u8>> {
    let Some(payload) = pystr::as_str_payload(text) else {
        return Ok(Vec::new());
    };
    if let Some(plain) = payload.as_str() {
        return Ok(plain.as_bytes().to_vec());
    }
    let mut encoded = Vec::new();
    for (position, code_point) in pyrite_objects::str_methods::code_points_of(payload)
        .into_iter()
        .enumerate()
    {
        match code_point {
            0xDC80..=0xDCFF => encoded.push((code_point - 0xDC00) as u8),
            0xD800..=0xDFFF => return Err(surrogate_error(ts, text, position)),
            _ => {
                let character = char::from_u32(code_point).unwrap_or('\u{fffd}');
                let mut buffer = [0u8; 4];
                encoded.extend_from_slice(character.encode_utf8(&mut buffer).as_bytes());
            }
        }
    }
    Ok(encoded)
}

/// `UnicodeEncodeError('utf-8', text, position, position + 1, 'surrogates not allowed')`.
fn surrogate_error(ts: &ThreadState, text: &PyObject, position: usize) -> PyErr {
    let args = [
        pystr::new(ts, "utf-8").into_ref(),
        text.new_ref(),
        int::new(ts, position as i64),
        int::new(ts, position as i64 + 1),
        pystr::new(ts, "surrogates not allowed").into_ref(),
    ];
    let class = ExceptionKind::UnicodeEncodeError.static_type();
    match pyrite_objects::abstract_api::call(ts, class.as_object(), &args, None) {
        Ok(exception) => PyErr::from_exception(exception),
        Err(err) => err,
    }
}

/// Bytes from the file system as a `str`: UTF-8, each undecodable byte as the lone
/// surrogate U+DC00 + byte (`surrogateescape`).
pub(crate) fn fs_decode(ts: &ThreadState, data: &[u8]) -> PyRef {
    if let Ok(text) = std::str::from_utf8(data) {
        return pystr::new(ts, text).into_ref();
    }
    let mut decoded = pyrite_ast::py_str::PyStr::new();
    for chunk in data.utf8_chunks() {
        decoded.push_str(chunk.valid());
        for &byte in chunk.invalid() {
            let _ = decoded.push_code_point(0xDC00 + u32::from(byte));
        }
    }
    pystr::from_py_str(ts, decoded).into_ref()
}

/// A descriptor argument (an int that fits a C int).
pub(crate) fn fd_value(value: &PyObject) -> PyResult<c_int> {
    let number = int_arg(value)?;
    c_int::try_from(number).map_err(|_| {
        PyErr::new(
            ExceptionKind::OverflowError,
            if number < 0 {
                "fd is less than minimum"
            } else {
                "fd is greater than maximum"
            },
        )
    })
}

/// A `dir_fd` argument: `None` is the current directory.
pub(crate) fn dir_fd_arg(value: Option<&PyRef>) -> PyResult<c_int> {
    match value {
        None => Ok(ffi::CWD),
        Some(value) if singletons::is_none(value) => Ok(ffi::CWD),
        Some(value) if is_int(value) => fd_value(value),
        Some(value) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not {}",
            value.ob_type().name()
        ))),
    }
}

/// A boolean flag argument (`follow_symlinks=`), `default` when absent.
pub(crate) fn flag_arg(ts: &ThreadState, value: Option<&PyRef>, default: bool) -> PyResult<bool> {
    match value {
        Some(value) => value.is_true(ts),
        None => Ok(default),
    }
}

/// Binds arguments where only the first `positional` may be given by position (the
/// rest are keyword-only, like `dir_fd` and `follow_symlinks`).
pub(crate) fn bind_keywords(
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    params: &[&str],
    positional: usize,
    required: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let given = args.len() - kw.map_or(0, |names| pyrite_objects::tuple::items(names).len());
    if given > positional {
        let plural = if positional == 1 { "" } else { "s" };
        let bound = if positional == required {
            "exactly"
        } else {
            "at most"
        };
        return Err(PyErr::type_error(format!(
            "{name}() takes {bound} {positional} positional argument{plural} ({given} given)"
        )));
    }
    bind(name, args, kw, params, 0, required)
}

pub(crate) fn int_arg(value: &PyObject) -> PyResult<i64> {
    if let Some(number) = int::as_i64(value) {
        return Ok(number);
    }
    if value.payload_is::<pyrite_objects::int::Int>() {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    Err(PyErr::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        value.ob_type().name()
    )))
}

/// An int argument through `__index__` that must fit 64 bits.
pub(crate) fn index_i64(ts: &ThreadState, value: &PyObject) -> PyResult<i64> {
    int_arg(&*pyrite_objects::abstract_api::index(ts, value)?)
}

/// An int argument that must fit a C int (`PyLong_AsInt`), through `__index__`.
pub(crate) fn c_int_value(ts: &ThreadState, value: &PyObject) -> PyResult<c_int> {
    crate::modsupport::c_int_arg(ts, value)
}

/// An argument that must be present (`bind` checked the required ones).
pub(crate) fn required(value: &Option<PyRef>) -> PyRef {
    value.clone().unwrap_or_else(singletons::none)
}

// ---------------------------------------------------------------------------- errors

fn error_kind(code: i32) -> ExceptionKind {
    match code {
        libc::EPERM | libc::EACCES => ExceptionKind::PermissionError,
        libc::ENOENT => ExceptionKind::FileNotFoundError,
        libc::ESRCH => ExceptionKind::ProcessLookupError,
        libc::EINTR => ExceptionKind::InterruptedError,
        libc::ECHILD => ExceptionKind::ChildProcessError,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExceptionKind::BlockingIOError,
        libc::EEXIST => ExceptionKind::FileExistsError,
        libc::ENOTDIR => ExceptionKind::NotADirectoryError,
        libc::EISDIR => ExceptionKind::IsADirectoryError,
        libc::EPIPE | libc::ESHUTDOWN => ExceptionKind::BrokenPipeError,
        libc::ECONNABORTED => ExceptionKind::ConnectionAbortedError,
        libc::ECONNRESET => ExceptionKind::ConnectionResetError,
        libc::ETIMEDOUT => ExceptionKind::TimeoutError,
        libc::ECONNREFUSED => ExceptionKind::ConnectionRefusedError,
        _ => ExceptionKind::OSError,
    }
}

fn raise_os_error(ts: &ThreadState, err: &std::io::Error, filenames: &[&PyObject]) -> PyErr {
    let code = err.raw_os_error().unwrap_or(0);
    let mut args = vec![
        int::new(ts, i64::from(code)),
        pystr::new(ts, &strerror_text(code)).into_ref(),
    ];
    match filenames {
        [] => {}
        [filename] => args.push(filename.new_ref()),
        [first, second, ..] => {
            args.push(first.new_ref());
            args.push(singletons::none());
            args.push(second.new_ref());
        }
    }
    let kind = error_kind(code);
    match pyrite_objects::abstract_api::call(ts, kind.static_type().as_object(), &args, None) {
        Ok(exception) => PyErr::from_exception(exception),
        Err(err) => err,
    }
}

/// An `OSError` (or the subclass its errno selects) for a failed call on `filename`.
pub(crate) fn os_error(
    ts: &ThreadState,
    err: &std::io::Error,
    filename: Option<&PyObject>,
) -> PyErr {
    match filename {
        Some(filename) => raise_os_error(ts, err, &[filename]),
        None => raise_os_error(ts, err, &[]),
    }
}

/// An `OSError` naming two paths (`'src' -> 'dst'`).
pub(crate) fn os_error2(
    ts: &ThreadState,
    err: &std::io::Error,
    first: &PyObject,
    second: &PyObject,
) -> PyErr {
    raise_os_error(ts, err, &[first, second])
}

/// An `OSError` subclass for `err`, naming `filename` when given.
pub fn io_error(ts: &ThreadState, err: &std::io::Error, filename: Option<&PyObject>) -> PyErr {
    os_error(ts, err, filename)
}

/// An `OSError` for a call on a path argument (its file name unless it was a descriptor).
pub(crate) fn path_error(ts: &ThreadState, err: &std::io::Error, path: &PathArg) -> PyErr {
    os_error(ts, err, Some(&path.object))
}

/// The C library's message for an errno (Rust's `io::Error` text without its suffix).
pub(crate) fn strerror_text(code: i32) -> String {
    let text = std::io::Error::from_raw_os_error(code).to_string();
    match text.rfind(" (os error") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

/// A path result: `bytes` when the argument was, else `str`.
pub(crate) fn path_result(ts: &ThreadState, path: &[u8], as_bytes: bool) -> PyRef {
    if as_bytes {
        bytes::new(ts, path)
    } else {
        fs_decode(ts, path)
    }
}

// ---------------------------------------------------------------------------- struct sequences

/// A struct sequence type made when the module is created, shared by its functions.
pub(crate) struct StructSeqType {
    desc: &'static StructSeqDesc,
    made: GilCell<Option<PyRef>>,
}

impl StructSeqType {
    pub const fn new(desc: &'static StructSeqDesc) -> StructSeqType {
        StructSeqType {
            desc,
            made: GilCell::new(None),
        }
    }

    /// Makes the type (again, for a new module object) and returns it.
    pub fn create(&self, ts: &ThreadState) -> PyResult<PyRef> {
        let ty = structseq::new_type(ts, self.desc)?;
        *self.made.borrow_mut(ts) = Some(ty.clone());
        Ok(ty)
    }

    pub fn get(&self, ts: &ThreadState) -> PyResult<PyRef> {
        self.made
            .borrow(ts)
            .clone()
            .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "posix is not initialized"))
    }

    /// An instance with `values` for all the fields, in order.
    pub fn instance(&self, ts: &ThreadState, values: Vec<PyRef>) -> PyResult {
        structseq::new(ts, &*self.get(ts)?, values)
    }
}

// ---------------------------------------------------------------------------- small functions

fn fspath(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("fspath", args, kw, &["path"], 0, 1)?;
    fspath_value(ts, &required(&values[0]))
}

fn strerror(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("strerror", args, kw, 1, 1)?;
    let code = c_int_value(ts, &args[0])?;
    Ok(pystr::new(ts, &strerror_text(code)).into_ref())
}

fn urandom(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("urandom", args, kw, 1, 1)?;
    let size = index_i64(ts, &args[0])?;
    if size < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "negative argument not allowed",
        ));
    }
    let mut data = vec![0u8; size as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut source| source.read_exact(&mut data))
        .map_err(|err| os_error(ts, &err, None))?;
    Ok(bytes::from_vec(ts, data))
}

/// What `os.py` reads to fill `supports_dir_fd`, `supports_fd` and
/// `supports_follow_symlinks`: the calls implemented here.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// Creates the `posix` module.
pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "posix",
        Some(
            "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.",
        ),
    )?;
    module.functions(&[
        ("fspath", fspath),
        ("strerror", strerror),
        ("urandom", urandom),
    ])?;
    fs::install(ts, &module)?;
    stat::install(ts, &module)?;
    fd::install(ts, &module)?;
    scandir::install(ts, &module)?;
    process::install(ts, &module)?;
    terminal::install(ts, &module)?;
    environ::install(ts, &module)?;
    module.set(
        "error",
        ExceptionKind::OSError.static_type().as_object().new_ref(),
    )?;
    let have = HAVE_FUNCTIONS
        .iter()
        .map(|name| pystr::new(ts, name).into_ref())
        .collect();
    module.set("_have_functions", list::new(ts, have).into_ref())?;
    Ok(module.finish())
}

/// Sets integer constants on the module.
pub(crate) fn set_constants(
    ts: &ThreadState,
    module: &ModuleBuilder<'_>,
    constants: &[(&str, i64)],
) -> PyResult<()> {
    for &(name, value) in constants {
        module.set(name, int::new(ts, value))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strerror_is_the_c_library_message_without_rust_suffix() {
        assert_eq!(strerror_text(2), "No such file or directory");
        assert_eq!(strerror_text(17), "File exists");
    }

    #[test]
    fn errno_selects_the_os_error_subclass() {
        assert!(matches!(
            error_kind(libc::ENOENT),
            ExceptionKind::FileNotFoundError
        ));
        assert!(matches!(
            error_kind(libc::EACCES),
            ExceptionKind::PermissionError
        ));
        assert!(matches!(error_kind(libc::EIO), ExceptionKind::OSError));
    }
}
