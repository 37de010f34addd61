//! The `posix` module, the part `os` needs to import and the common file-system calls:
//! `environ`, `getcwd`, `listdir`, `scandir`, `stat`/`lstat`, `mkdir`, `rmdir`,
//! `unlink`/`remove`, `rename`, `getpid`, `strerror`, `fspath`, `urandom`, `_exit`.
//!
//! CPython counterpart: `Modules/posixmodule.c`. *(Planned: `stat_result` as a struct
//! sequence, file descriptors (`open`, `read`, `write`), `dir_fd`/`follow_symlinks`
//! arguments, processes.)* Errors are `OSError` subclasses chosen by errno, with
//! CPython's `[Errno N] message: 'path'` text.

use std::cell::RefCell;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{SequenceSlots, Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState};
use pyrite_objects::{bool as pybool, bytes, dict, float, int, list, singletons, str as pystr};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

/// A path argument: `str`, `bytes` or an `os.PathLike`; whether results are bytes.
struct PathArg {
    path: std::path::PathBuf,
    object: PyRef,
    is_bytes: bool,
}

fn fspath_value(ts: &ThreadState, value: &PyObject) -> PyResult {
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

fn path_arg(ts: &ThreadState, function: &str, value: &PyObject) -> PyResult<PathArg> {
    let resolved = fspath_value(ts, value).map_err(|err| {
        if err.is(ExceptionKind::TypeError)
            && pyrite_objects::attrs::lookup_special(ts, value, "__fspath__")
                .ok()
                .flatten()
                .is_none()
        {
            PyErr::type_error(format!(
                "{function}: path should be string, bytes or os.PathLike, not {}",
                value.ob_type().name()
            ))
        } else {
            err
        }
    })?;
    if let Some(data) = bytes::as_bytes(&resolved) {
        return Ok(PathArg {
            path: std::ffi::OsStr::from_bytes(data).into(),
            object: value.new_ref(),
            is_bytes: true,
        });
    }
    let text = pystr::to_rust_string(&resolved);
    if text.contains('\0') {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("{function}: embedded null character in path"),
        ));
    }
    Ok(PathArg {
        path: text.into(),
        object: value.new_ref(),
        is_bytes: false,
    })
}

/// An `OSError` (or the subclass its errno selects) for a failed call on `filename`.
fn os_error(ts: &ThreadState, err: &std::io::Error, filename: Option<&PyObject>) -> PyErr {
    let code = err.raw_os_error().unwrap_or(0);
    let kind = match code {
        1 | 13 => ExceptionKind::PermissionError,
        2 => ExceptionKind::FileNotFoundError,
        3 => ExceptionKind::ProcessLookupError,
        4 => ExceptionKind::InterruptedError,
        10 => ExceptionKind::ChildProcessError,
        11 | 114 | 115 => ExceptionKind::BlockingIOError,
        17 => ExceptionKind::FileExistsError,
        20 => ExceptionKind::NotADirectoryError,
        21 => ExceptionKind::IsADirectoryError,
        32 => ExceptionKind::BrokenPipeError,
        103 => ExceptionKind::ConnectionAbortedError,
        104 => ExceptionKind::ConnectionResetError,
        110 => ExceptionKind::TimeoutError,
        111 => ExceptionKind::ConnectionRefusedError,
        _ => ExceptionKind::OSError,
    };
    let message = strerror_text(code);
    let mut args = vec![
        int::new(ts, i64::from(code)),
        pystr::new(ts, &message).into_ref(),
    ];
    if let Some(filename) = filename {
        args.push(filename.new_ref());
    }
    match pyrite_objects::abstract_api::call(ts, kind.static_type().as_object(), &args, None) {
        Ok(exception) => PyErr::from_exception(exception),
        Err(err) => err,
    }
}

/// The C library's message for an errno (Rust's `io::Error` text without its suffix).
fn strerror_text(code: i32) -> String {
    let text = std::io::Error::from_raw_os_error(code).to_string();
    match text.rfind(" (os error") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

fn path_result(ts: &ThreadState, path: &std::path::Path, as_bytes: bool) -> PyRef {
    if as_bytes {
        bytes::new(ts, path.as_os_str().as_bytes())
    } else {
        pystr::new(ts, &path.to_string_lossy()).into_ref()
    }
}

fn getcwd(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("getcwd", args, kw, 0, 0)?;
    let cwd = std::env::current_dir().map_err(|err| os_error(ts, &err, None))?;
    Ok(path_result(ts, &cwd, false))
}

fn getcwdb(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("getcwdb", args, kw, 0, 0)?;
    let cwd = std::env::current_dir().map_err(|err| os_error(ts, &err, None))?;
    Ok(path_result(ts, &cwd, true))
}

fn getpid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("getpid", args, kw, 0, 0)?;
    Ok(int::new(ts, i64::from(std::process::id())))
}

fn strerror(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("strerror", args, kw, 1, 1)?;
    let code = int::as_i64(&args[0]).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[0].ob_type().name()
        ))
    })?;
    Ok(pystr::new(ts, &strerror_text(code as i32)).into_ref())
}

fn fspath(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("fspath", args, kw, &["path"], 0, 1)?;
    let path = values[0].clone().unwrap_or_else(singletons::none);
    fspath_value(ts, &path)
}

fn listdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("listdir", args, kw, &["path"], 0, 0)?;
    let (path, is_bytes, shown) = match &values[0] {
        Some(value) if !singletons::is_none(value) => {
            let arg = path_arg(ts, "listdir", value)?;
            (arg.path, arg.is_bytes, Some(arg.object))
        }
        _ => (".".into(), false, None),
    };
    let shown = shown.unwrap_or_else(|| pystr::new(ts, ".").into_ref());
    let entries = std::fs::read_dir(&path).map_err(|err| os_error(ts, &err, Some(&shown)))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| os_error(ts, &err, Some(&shown)))?;
        names.push(path_result(
            ts,
            std::path::Path::new(&entry.file_name()),
            is_bytes,
        ));
    }
    Ok(list::new(ts, names).into_ref())
}

fn one_path(ts: &ThreadState, name: &str, args: Args<'_>, kw: KwNames<'_>) -> PyResult<PathArg> {
    let values = bind(name, args, kw, &["path", "dir_fd"], 0, 1)?;
    path_arg(
        ts,
        name,
        values[0].as_deref().unwrap_or(&singletons::none()),
    )
}

fn mkdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("mkdir", args, kw, &["path", "mode", "dir_fd"], 0, 1)?;
    let arg = path_arg(
        ts,
        "mkdir",
        values[0].as_deref().unwrap_or(&singletons::none()),
    )?;
    std::fs::create_dir(&arg.path).map_err(|err| os_error(ts, &err, Some(&arg.object)))?;
    Ok(singletons::none())
}

fn rmdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let arg = one_path(ts, "rmdir", args, kw)?;
    std::fs::remove_dir(&arg.path).map_err(|err| os_error(ts, &err, Some(&arg.object)))?;
    Ok(singletons::none())
}

fn unlink(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let arg = one_path(ts, "unlink", args, kw)?;
    std::fs::remove_file(&arg.path).map_err(|err| os_error(ts, &err, Some(&arg.object)))?;
    Ok(singletons::none())
}

fn rename(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("rename", args, kw, &["src", "dst"], 0, 2)?;
    let source = path_arg(
        ts,
        "rename",
        values[0].as_deref().unwrap_or(&singletons::none()),
    )?;
    let target = path_arg(
        ts,
        "rename",
        values[1].as_deref().unwrap_or(&singletons::none()),
    )?;
    std::fs::rename(&source.path, &target.path)
        .map_err(|err| os_error(ts, &err, Some(&source.object)))?;
    Ok(singletons::none())
}

fn urandom(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("urandom", args, kw, 1, 1)?;
    let size = int::as_i64(&args[0]).unwrap_or(-1);
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

/// `cpu_count()`: the number of logical CPUs, or `None`.
fn cpu_count(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("cpu_count", args, kw, 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(count) => int::new(ts, count.get() as i64),
        Err(_) => singletons::none(),
    })
}

fn exit_now(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("_exit", args, kw, 1, 1)?;
    let status = int::as_i64(&args[0]).unwrap_or(1);
    std::process::exit(status as i32)
}

// ---------------------------------------------------------------------------- descriptors

thread_local! {
    /// The files `posix.open` made, by descriptor: owning them here keeps descriptor
    /// handling free of `unsafe` (the standard streams 0, 1, 2 are not in the table).
    static FILES: RefCell<std::collections::HashMap<i32, std::fs::File>> =
        RefCell::new(std::collections::HashMap::new());
}

/// Adopts an open file: its descriptor, now known to `posix.read`/`write`/`close`.
pub fn register_file(file: std::fs::File) -> i32 {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    FILES.with(|files| files.borrow_mut().insert(fd, file));
    fd
}

/// Runs `operation` on the file behind `fd` (the standard streams are not files here):
/// `EBADF` for an unknown descriptor.
pub fn with_file<R>(
    fd: i32,
    operation: impl FnOnce(&mut std::fs::File) -> std::io::Result<R>,
) -> std::io::Result<R> {
    FILES.with(|files| match files.borrow_mut().get_mut(&fd) {
        Some(file) => operation(file),
        None => Err(std::io::Error::from_raw_os_error(9)),
    })
}

/// Closes `fd`; whether it was open.
pub fn close_fd(fd: i32) -> bool {
    let file = FILES.with(|files| files.borrow_mut().remove(&fd));
    file.is_some()
}

/// Reads up to `length` bytes from `fd` (0 is the process's stdin).
pub fn read_fd(fd: i32, length: usize) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Seek};
    // One read gives at most what a regular file still holds: a huge request must not
    // allocate its size up front.
    let length = if fd == 0 {
        length.min(1 << 20)
    } else {
        with_file(fd, |file| {
            let metadata = file.metadata()?;
            if metadata.is_file() {
                let position = file.stream_position()?;
                let remaining = metadata.len().saturating_sub(position);
                Ok(length.min(usize::try_from(remaining).unwrap_or(usize::MAX).max(1)))
            } else {
                Ok(length.min(1 << 20))
            }
        })?
    };
    let mut buffer = vec![0u8; length];
    let count = if fd == 0 {
        std::io::stdin().read(&mut buffer)?
    } else {
        with_file(fd, |file| file.read(&mut buffer))?
    };
    buffer.truncate(count);
    Ok(buffer)
}

/// Writes `data` to `fd` (1 and 2 are the process's stdout and stderr): the count written.
pub fn write_fd(fd: i32, data: &[u8]) -> std::io::Result<usize> {
    use std::io::Write;
    match fd {
        1 => {
            let mut out = std::io::stdout().lock();
            out.write_all(data)?;
            out.flush()?;
            Ok(data.len())
        }
        2 => {
            let _ = std::io::stdout().flush();
            std::io::stderr().write_all(data)?;
            Ok(data.len())
        }
        _ => with_file(fd, |file| file.write(data)),
    }
}

/// An `OSError` subclass for `err`, naming `filename` when given.
pub fn io_error(ts: &ThreadState, err: &std::io::Error, filename: Option<&PyObject>) -> PyErr {
    os_error(ts, err, filename)
}

const O_ACCMODE: i64 = 0o3;
const O_CREAT: i64 = 0o100;
const O_EXCL: i64 = 0o200;
const O_TRUNC: i64 = 0o1000;
const O_APPEND: i64 = 0o2000;

fn int_arg(value: &PyObject) -> PyResult<i64> {
    int::as_i64(value).ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            value.ob_type().name()
        ))
    })
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: a file descriptor.
fn open(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let values = bind("open", args, kw, &["path", "flags", "mode", "dir_fd"], 0, 2)?;
    let arg = path_arg(
        ts,
        "open",
        values[0].as_deref().unwrap_or(&singletons::none()),
    )?;
    let flags = int_arg(values[1].as_deref().unwrap_or(&singletons::none()))?;
    let mode = match &values[2] {
        Some(mode) => int_arg(mode)?,
        None => 0o777,
    };
    let access = flags & O_ACCMODE;
    let mut options = std::fs::OpenOptions::new();
    options
        .read(access == 0 || access == 2)
        .write(access == 1 || access == 2)
        .append(flags & O_APPEND != 0)
        .truncate(flags & O_TRUNC != 0)
        .mode(mode as u32)
        .custom_flags((flags & !(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND)) as i32);
    if flags & O_CREAT != 0 && flags & O_EXCL != 0 {
        options.create_new(true);
    } else if flags & O_CREAT != 0 {
        options.create(true);
    }
    let file = options
        .open(&arg.path)
        .map_err(|err| os_error(ts, &err, Some(&arg.object)))?;
    let fd = file.as_raw_fd();
    FILES.with(|files| files.borrow_mut().insert(fd, file));
    Ok(int::new(ts, i64::from(fd)))
}

fn bad_descriptor(ts: &ThreadState) -> PyErr {
    os_error(ts, &std::io::Error::from_raw_os_error(9), None)
}

fn close(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("close", args, kw, &["fd"], 0, 1)?;
    let fd = int_arg(values[0].as_deref().unwrap_or(&singletons::none()))? as i32;
    match FILES.with(|files| files.borrow_mut().remove(&fd)) {
        Some(file) => {
            drop(file);
            Ok(singletons::none())
        }
        None => Err(bad_descriptor(ts)),
    }
}

fn read(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    use std::io::Read;
    let args = positional("read", args, kw, 2, 2)?;
    let fd = int_arg(&args[0])? as i32;
    let length = int_arg(&args[1])?;
    if length < 0 {
        return Err(PyErr::new(ExceptionKind::ValueError, "negative length"));
    }
    let mut buffer = vec![0u8; length as usize];
    let count = if fd == 0 {
        std::io::stdin().read(&mut buffer)
    } else {
        FILES.with(|files| match files.borrow_mut().get_mut(&fd) {
            Some(file) => file.read(&mut buffer),
            None => Err(std::io::Error::from_raw_os_error(9)),
        })
    }
    .map_err(|err| os_error(ts, &err, None))?;
    buffer.truncate(count);
    Ok(bytes::from_vec(ts, buffer))
}

fn write(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    use std::io::Write;
    let args = positional("write", args, kw, 2, 2)?;
    let fd = int_arg(&args[0])? as i32;
    let data = bytes::require_bytes_like(&args[1])?;
    let count = match fd {
        1 => std::io::stdout().write(&data),
        2 => std::io::stderr().write(&data),
        _ => FILES.with(|files| match files.borrow_mut().get_mut(&fd) {
            Some(file) => file.write(&data),
            None => Err(std::io::Error::from_raw_os_error(9)),
        }),
    }
    .map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, count as i64))
}

// ---------------------------------------------------------------------------- stat

/// `os.stat_result` (planned as a struct sequence): the ten classic fields by index and
/// the `st_*` attributes.
pub struct StatResult {
    fields: [i64; 10],
    times: [f64; 3],
    times_ns: [i128; 3],
}

impl PyPayload for StatResult {
    fn static_type() -> &'static PyType {
        &STAT_RESULT_TYPE
    }
}

fn stat_of(object: &PyObject) -> PyResult<&StatResult> {
    object
        .downcast_ref::<StatResult>()
        .map(|stat| stat.payload())
        .ok_or_else(|| PyErr::type_error("expected an os.stat_result"))
}

fn new_stat(ts: &ThreadState, metadata: &std::fs::Metadata) -> PyRef {
    let time = |seconds: i64, nanos: i64| {
        (
            seconds as f64 + nanos as f64 * 1e-9,
            i128::from(seconds) * 1_000_000_000 + i128::from(nanos),
        )
    };
    let (atime, atime_ns) = time(metadata.atime(), metadata.atime_nsec());
    let (mtime, mtime_ns) = time(metadata.mtime(), metadata.mtime_nsec());
    let (ctime, ctime_ns) = time(metadata.ctime(), metadata.ctime_nsec());
    Py::new(
        ts,
        StatResult {
            fields: [
                i64::from(metadata.mode()),
                metadata.ino() as i64,
                metadata.dev() as i64,
                metadata.nlink() as i64,
                i64::from(metadata.uid()),
                i64::from(metadata.gid()),
                metadata.size() as i64,
                metadata.atime(),
                metadata.mtime(),
                metadata.ctime(),
            ],
            times: [atime, mtime, ctime],
            times_ns: [atime_ns, mtime_ns, ctime_ns],
        },
    )
    .into_ref()
}

fn stat_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let stat = stat_of(object)?;
    let index = if index < 0 { index + 10 } else { index };
    if !(0..10).contains(&index) {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            "tuple index out of range",
        ));
    }
    Ok(int::new(ts, stat.fields[index as usize]))
}

fn stat_length(_ts: &ThreadState, _object: &PyObject) -> PyResult<usize> {
    Ok(10)
}

fn stat_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let stat = stat_of(object)?;
    let names = [
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime",
        "st_mtime", "st_ctime",
    ];
    let body: Vec<String> = names
        .iter()
        .zip(stat.fields)
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    Ok(pystr::new(ts, &format!("os.stat_result({})", body.join(", "))).into_ref())
}

macro_rules! stat_fields {
    ($($name:ident: $index:expr;)*) => {
        $(
            fn $name(ts: &ThreadState, object: &PyObject) -> PyResult {
                Ok(int::new(ts, stat_of(object)?.fields[$index]))
            }
        )*
    };
}

stat_fields! {
    st_mode: 0;
    st_ino: 1;
    st_dev: 2;
    st_nlink: 3;
    st_uid: 4;
    st_gid: 5;
    st_size: 6;
}

macro_rules! stat_times {
    ($($name:ident, $name_ns:ident: $index:expr;)*) => {
        $(
            fn $name(ts: &ThreadState, object: &PyObject) -> PyResult {
                Ok(float::new(ts, stat_of(object)?.times[$index]))
            }

            fn $name_ns(ts: &ThreadState, object: &PyObject) -> PyResult {
                Ok(int::from_bigint(ts, stat_of(object)?.times_ns[$index].into()))
            }
        )*
    };
}

stat_times! {
    st_atime, st_atime_ns: 0;
    st_mtime, st_mtime_ns: 1;
    st_ctime, st_ctime_ns: 2;
}

pub static STAT_RESULT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<StatResult>("os.stat_result", 0, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(stat_repr),
            ..pyrite_objects::typeobject::object_slots()
        })
        .with_sequence(SequenceSlots {
            length: Slot::new(stat_length),
            item: Slot::new(stat_item),
            ..SequenceSlots::EMPTY
        }),
);

fn stat_path(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    follow: bool,
) -> PyResult {
    let values = bind(name, args, kw, &["path", "dir_fd", "follow_symlinks"], 0, 1)?;
    let follow = match &values[2] {
        Some(value) => follow && value.is_true(ts)?,
        None => follow,
    };
    let arg = path_arg(
        ts,
        name,
        values[0].as_deref().unwrap_or(&singletons::none()),
    )?;
    let metadata = if follow {
        std::fs::metadata(&arg.path)
    } else {
        std::fs::symlink_metadata(&arg.path)
    };
    let metadata = metadata.map_err(|err| os_error(ts, &err, Some(&arg.object)))?;
    Ok(new_stat(ts, &metadata))
}

fn stat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    stat_path(ts, "stat", args, kw, true)
}

fn lstat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    stat_path(ts, "lstat", args, kw, false)
}

/// `readlink(path, *, dir_fd=None)`: a symbolic link's target, str or bytes as the path.
fn readlink(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("readlink", args, kw, &["path", "dir_fd"], 0, 1)?;
    let arg = path_arg(
        ts,
        "readlink",
        values[0].as_deref().unwrap_or(&singletons::none()),
    )?;
    let target =
        std::fs::read_link(&arg.path).map_err(|err| os_error(ts, &err, Some(&arg.object)))?;
    Ok(path_result(ts, &target, arg.is_bytes))
}

// ---------------------------------------------------------------------------- scandir

/// `os.DirEntry`.
pub struct DirEntry {
    name: PyRef,
    path: PyRef,
    file_type: Option<std::fs::FileType>,
    full_path: std::path::PathBuf,
}

impl PyPayload for DirEntry {
    fn static_type() -> &'static PyType {
        &DIR_ENTRY_TYPE
    }
}

fn entry_of(object: &PyObject) -> PyResult<&DirEntry> {
    object
        .downcast_ref::<DirEntry>()
        .map(|entry| entry.payload())
        .ok_or_else(|| PyErr::type_error("expected an os.DirEntry"))
}

fn entry_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(entry_of(object)?.name.clone())
}

fn entry_path(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(entry_of(object)?.path.clone())
}

fn entry_follow(ts: &ThreadState, args: Args<'_>, kw: KwNames<'_>, name: &str) -> PyResult<bool> {
    let values = bind(name, args, kw, &["follow_symlinks"], 0, 0)?;
    match &values[0] {
        Some(value) => value.is_true(ts),
        None => Ok(true),
    }
}

fn entry_is_dir(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let entry = entry_of(this)?;
    let result = if entry_follow(ts, args, kw, "is_dir")? {
        entry.full_path.is_dir()
    } else {
        entry.file_type.is_some_and(|kind| kind.is_dir())
    };
    Ok(pybool::bool_ref(result))
}

fn entry_is_file(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let entry = entry_of(this)?;
    let result = if entry_follow(ts, args, kw, "is_file")? {
        entry.full_path.is_file()
    } else {
        entry.file_type.is_some_and(|kind| kind.is_file())
    };
    Ok(pybool::bool_ref(result))
}

fn entry_is_symlink(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    Ok(pybool::bool_ref(
        entry_of(this)?
            .file_type
            .is_some_and(|kind| kind.is_symlink()),
    ))
}

fn entry_stat(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let entry = entry_of(this)?;
    let follow = entry_follow(ts, args, kw, "stat")?;
    let metadata = if follow {
        std::fs::metadata(&entry.full_path)
    } else {
        std::fs::symlink_metadata(&entry.full_path)
    };
    let metadata = metadata.map_err(|err| os_error(ts, &err, Some(&entry.path)))?;
    Ok(new_stat(ts, &metadata))
}

fn entry_fspath(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Ok(entry_of(this)?.path.clone())
}

fn entry_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let name = pystr::repr_text(ts, &entry_of(object)?.name)?;
    Ok(pystr::new(ts, &format!("<DirEntry {name}>")).into_ref())
}

fn entry_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(entry) = object.downcast_ref::<DirEntry>() {
        visit(&entry.name);
        visit(&entry.path);
    }
}

pub static DIR_ENTRY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<DirEntry>("posix.DirEntry", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(entry_repr),
            traverse: Slot::new(entry_traverse),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

/// `os.scandir()`'s iterator, a context manager.
pub struct ScandirIterator {
    entries: RefCell<std::collections::VecDeque<PyRef>>,
}

impl PyPayload for ScandirIterator {
    fn static_type() -> &'static PyType {
        &SCANDIR_ITERATOR_TYPE
    }
}

fn scandir_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<ScandirIterator>()
        .ok_or_else(|| PyErr::type_error("expected a ScandirIterator"))?;
    let next = iterator.entries.borrow_mut().pop_front();
    Ok(next)
}

fn scandir_close(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    if let Some(iterator) = this.downcast_ref::<ScandirIterator>() {
        let entries = std::mem::take(&mut *iterator.entries.borrow_mut());
        drop(entries);
    }
    Ok(singletons::none())
}

fn scandir_enter(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    Ok(this.new_ref())
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

fn scandir_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iterator) = object.downcast_ref::<ScandirIterator>()
        && let Ok(entries) = iterator.entries.try_borrow()
    {
        for entry in entries.iter() {
            visit(entry);
        }
    }
}

pub static SCANDIR_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ScandirIterator>(
        "posix.ScandirIterator",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        iter: Slot::new(self_iter),
        iternext: Slot::new(scandir_next),
        traverse: Slot::new(scandir_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

fn scandir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("scandir", args, kw, &["path"], 0, 0)?;
    let (path, is_bytes, shown, prefix) = match &values[0] {
        Some(value) if !singletons::is_none(value) => {
            let arg = path_arg(ts, "scandir", value)?;
            let prefix = Some(arg.path.clone());
            (arg.path, arg.is_bytes, arg.object, prefix)
        }
        _ => (".".into(), false, pystr::new(ts, ".").into_ref(), None),
    };
    let read = std::fs::read_dir(&path).map_err(|err| os_error(ts, &err, Some(&shown)))?;
    let mut entries = std::collections::VecDeque::new();
    for entry in read {
        let entry = entry.map_err(|err| os_error(ts, &err, Some(&shown)))?;
        let file_name = entry.file_name();
        let shown_path = match &prefix {
            Some(prefix) => prefix.join(&file_name),
            None => std::path::Path::new(".").join(&file_name),
        };
        let shown_path = if prefix.is_none() {
            std::path::PathBuf::from(format!("./{}", file_name.to_string_lossy()))
        } else {
            shown_path
        };
        let payload = DirEntry {
            name: path_result(ts, std::path::Path::new(&file_name), is_bytes),
            path: path_result(ts, &shown_path, is_bytes),
            file_type: entry.file_type().ok(),
            full_path: entry.path(),
        };
        entries.push_back(Py::new(ts, payload).into_ref());
    }
    Ok(Py::new(
        ts,
        ScandirIterator {
            entries: RefCell::new(entries),
        },
    )
    .into_ref())
}

/// `posix.environ`: the environment as bytes.
fn environ(ts: &ThreadState) -> PyResult {
    let environ = dict::new(ts);
    for (key, value) in std::env::vars_os() {
        environ.set_item(
            ts,
            bytes::new(ts, key.as_bytes()),
            bytes::new(ts, value.as_bytes()),
        )?;
    }
    Ok(environ.into_ref())
}

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
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("getpid", getpid),
        ("strerror", strerror),
        ("fspath", fspath),
        ("listdir", listdir),
        ("scandir", scandir),
        ("stat", stat),
        ("lstat", lstat),
        ("readlink", readlink),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("remove", unlink),
        ("rename", rename),
        ("replace", rename),
        ("urandom", urandom),
        ("open", open),
        ("close", close),
        ("read", read),
        ("write", write),
        ("_exit", exit_now),
        ("cpu_count", cpu_count),
    ])?;
    module.add_type("stat_result", &STAT_RESULT_TYPE, "os")?;
    module.add_type("DirEntry", &DIR_ENTRY_TYPE, "posix")?;
    SCANDIR_ITERATOR_TYPE.ready(ts)?;
    pyrite_objects::descr::add_getsets(
        ts,
        &STAT_RESULT_TYPE,
        &[
            ("st_mode", st_mode, None),
            ("st_ino", st_ino, None),
            ("st_dev", st_dev, None),
            ("st_nlink", st_nlink, None),
            ("st_uid", st_uid, None),
            ("st_gid", st_gid, None),
            ("st_size", st_size, None),
            ("st_atime", st_atime, None),
            ("st_mtime", st_mtime, None),
            ("st_ctime", st_ctime, None),
            ("st_atime_ns", st_atime_ns, None),
            ("st_mtime_ns", st_mtime_ns, None),
            ("st_ctime_ns", st_ctime_ns, None),
        ],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &DIR_ENTRY_TYPE,
        &[("name", entry_name, None), ("path", entry_path, None)],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &DIR_ENTRY_TYPE,
        &[
            ("is_dir", entry_is_dir),
            ("is_file", entry_is_file),
            ("is_symlink", entry_is_symlink),
            ("stat", entry_stat),
            ("__fspath__", entry_fspath),
        ],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &SCANDIR_ITERATOR_TYPE,
        &[
            ("close", scandir_close),
            ("__enter__", scandir_enter),
            ("__exit__", scandir_close),
        ],
    );
    module.set("environ", environ(ts)?)?;
    module.set(
        "error",
        ExceptionKind::OSError.static_type().as_object().new_ref(),
    )?;
    module.set("_have_functions", list::new(ts, Vec::new()).into_ref())?;
    for (name, value) in [
        ("F_OK", 0),
        ("R_OK", 4),
        ("W_OK", 2),
        ("X_OK", 1),
        ("O_RDONLY", 0),
        ("O_WRONLY", 1),
        ("O_RDWR", 2),
        ("O_CREAT", O_CREAT),
        ("O_EXCL", O_EXCL),
        ("O_TRUNC", O_TRUNC),
        ("O_APPEND", O_APPEND),
    ] {
        module.set(name, int::new(ts, value))?;
    }
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strerror_is_the_c_library_message_without_rust_suffix() {
        assert_eq!(strerror_text(2), "No such file or directory");
        assert_eq!(strerror_text(17), "File exists");
    }
}
