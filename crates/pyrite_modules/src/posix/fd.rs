//! File descriptors: `open`, `read`, `write`, `close`, `lseek`, `dup`, `pipe`,
//! inheritance and blocking flags, and the helpers `_io.FileIO` uses on the same
//! descriptors.
//!
//! CPython counterpart: `Modules/posixmodule.c` (`os_open_impl`, `os_read_impl`, ...) and
//! `Python/fileutils.c` (`_Py_read`, `_Py_write`, `_Py_set_inheritable`).

use std::ffi::c_int;
use std::io::SeekFrom;
use std::os::fd::IntoRawFd;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState};
use pyrite_objects::{bool as pybool, bytes, int, singletons, str as pystr, tuple};

use super::{
    PATH_ONLY, bind_keywords, c_int_value, dir_fd_arg, ffi, os_error, path_arg, path_error,
    required, set_constants,
};
use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

// ---------------------------------------------------------------------------- helpers for _io

/// Adopts an open file: its descriptor, now owned by whoever closes it with `close_fd`.
pub fn register_file(file: std::fs::File) -> i32 {
    file.into_raw_fd()
}

/// Closes `fd`; whether it was open.
pub fn close_fd(fd: i32) -> bool {
    ffi::close(fd).is_ok()
}

/// Reads up to `length` bytes from `fd`.
pub fn read_fd(fd: i32, length: usize) -> std::io::Result<Vec<u8>> {
    // One read gives at most what a regular file still holds, and a pipe or terminal at
    // most its buffer: a huge request must not allocate its size up front.
    let limit = match ffi::fstat(fd) {
        Ok(status) if status.st_mode & libc::S_IFMT == libc::S_IFREG => {
            let position = ffi::lseek(fd, 0, libc::SEEK_CUR).unwrap_or(0);
            let remaining = (status.st_size - position).max(0) as usize;
            remaining.max(1)
        }
        _ => 1 << 20,
    };
    let mut buffer = vec![0u8; length.min(limit)];
    let count = ffi::read(fd, &mut buffer)?;
    buffer.truncate(count);
    Ok(buffer)
}

/// Writes `data` to `fd`: the count written. The standard streams get all of it (after
/// whatever Rust code buffered in its own `stdout`).
pub fn write_fd(fd: i32, data: &[u8]) -> std::io::Result<usize> {
    if fd == 1 || fd == 2 {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let mut written = 0;
        while written < data.len() {
            match ffi::write(fd, &data[written..])? {
                0 => break,
                count => written += count,
            }
        }
        return Ok(written);
    }
    ffi::write(fd, data)
}

/// `lseek` with a `SeekFrom`: the new position.
pub fn seek_fd(fd: i32, target: SeekFrom) -> std::io::Result<u64> {
    let (offset, whence) = match target {
        SeekFrom::Start(offset) => (offset as i64, libc::SEEK_SET),
        SeekFrom::Current(offset) => (offset, libc::SEEK_CUR),
        SeekFrom::End(offset) => (offset, libc::SEEK_END),
    };
    ffi::lseek(fd, offset, whence).map(|position| position as u64)
}

pub fn truncate_fd(fd: i32, length: u64) -> std::io::Result<()> {
    ffi::ftruncate(fd, length as i64)
}

pub fn isatty_fd(fd: i32) -> bool {
    ffi::isatty(fd)
}

// ---------------------------------------------------------------------------- functions

fn fd_arg(ts: &ThreadState, value: &PyObject) -> PyResult<c_int> {
    c_int_value(ts, value)
}

fn none_or_error(ts: &ThreadState, result: std::io::Result<()>) -> PyResult {
    result.map_err(|err| os_error(ts, &err, None))?;
    Ok(singletons::none())
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: a new descriptor, not inheritable.
fn open(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords("open", args, kw, &["path", "flags", "mode", "dir_fd"], 3, 2)?;
    let path = path_arg(ts, "open", &required(&values[0]), PATH_ONLY)?;
    let flags = c_int_value(ts, &required(&values[1]))?;
    let mode = match &values[2] {
        Some(mode) => c_int_value(ts, mode)?,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(values[3].as_ref())?;
    let fd = ts
        .allow_threads(|| ffi::open_at(dir_fd, &path.c_path, flags | libc::O_CLOEXEC, mode as u32))
        .map_err(|err| path_error(ts, &err, &path))?;
    Ok(int::new(ts, i64::from(fd)))
}

fn close(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("close", args, kw, &["fd"], 0, 1)?;
    let fd = fd_arg(ts, &required(&values[0]))?;
    none_or_error(ts, ffi::close(fd))
}

/// `closerange(fd_low, fd_high)`: closes every descriptor in the range, ignoring errors.
fn closerange(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("closerange", args, kw, 2, 2)?;
    let low = fd_arg(ts, &args[0])?.max(0);
    let high = fd_arg(ts, &args[1])?;
    if low >= high {
        return Ok(singletons::none());
    }
    // The open descriptors are listed in /proc: closing only those stays cheap when the
    // descriptor limit is in the millions (CPython's `_Py_closerange` does the same).
    if let Ok(entries) = std::fs::read_dir("/proc/self/fd") {
        let open: Vec<c_int> = entries
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
            .filter(|fd| (low..high).contains(fd))
            .collect();
        for fd in open {
            let _ = ffi::close(fd);
        }
        return Ok(singletons::none());
    }
    let limit = ffi::sysconf(libc::_SC_OPEN_MAX)
        .ok()
        .filter(|&limit| limit > 0)
        .map_or(high, |limit| {
            high.min(limit.min(i64::from(c_int::MAX)) as c_int)
        });
    for fd in low..limit {
        let _ = ffi::close(fd);
    }
    Ok(singletons::none())
}

fn read(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("read", args, kw, 2, 2)?;
    let fd = fd_arg(ts, &args[0])?;
    let length = super::index_i64(ts, &args[1])?;
    if length < 0 {
        return Err(os_error(
            ts,
            &std::io::Error::from_raw_os_error(libc::EINVAL),
            None,
        ));
    }
    let data = read_fd(fd, length as usize).map_err(|err| os_error(ts, &err, None))?;
    Ok(bytes::from_vec(ts, data))
}

fn write(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("write", args, kw, 2, 2)?;
    let fd = fd_arg(ts, &args[0])?;
    let data = bytes::require_bytes_like(&args[1])?;
    let count = write_fd(fd, &data).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, count as i64))
}

fn lseek(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("lseek", args, kw, 3, 3)?;
    let fd = fd_arg(ts, &args[0])?;
    let position = super::index_i64(ts, &args[1])?;
    let whence = c_int_value(ts, &args[2])?;
    let result = ffi::lseek(fd, position, whence).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, result))
}

/// `pread(fd, length, offset)`: bytes read at `offset`, the file position unchanged.
fn pread(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("pread", args, kw, 3, 3)?;
    let fd = fd_arg(ts, &args[0])?;
    let length = super::index_i64(ts, &args[1])?;
    let offset = super::index_i64(ts, &args[2])?;
    if length < 0 {
        return Err(os_error(
            ts,
            &std::io::Error::from_raw_os_error(libc::EINVAL),
            None,
        ));
    }
    let mut buffer = vec![0u8; (length as usize).min(1 << 24)];
    let count = ffi::pread(fd, &mut buffer, offset).map_err(|err| os_error(ts, &err, None))?;
    buffer.truncate(count);
    Ok(bytes::from_vec(ts, buffer))
}

/// `pwrite(fd, data, offset)`: the count written at `offset`.
fn pwrite(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("pwrite", args, kw, 3, 3)?;
    let fd = fd_arg(ts, &args[0])?;
    let data = bytes::require_bytes_like(&args[1])?;
    let offset = super::index_i64(ts, &args[2])?;
    let count = ffi::pwrite(fd, &data, offset).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, count as i64))
}

fn dup(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("dup", args, kw, 1, 1)?;
    let fd = ffi::dup(fd_arg(ts, &args[0])?).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, i64::from(fd)))
}

/// `dup2(fd, fd2, inheritable=True)`: `fd2`, now a copy of `fd`.
fn dup2(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("dup2", args, kw, &["fd", "fd2", "inheritable"], 0, 2)?;
    let fd = fd_arg(ts, &required(&values[0]))?;
    let target = fd_arg(ts, &required(&values[1]))?;
    let inheritable = super::flag_arg(ts, values[2].as_ref(), true)?;
    let result = ffi::dup2(fd, target, inheritable).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, i64::from(result)))
}

fn pipe(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("pipe", args, kw, 0, 0)?;
    let (reader, writer) = ffi::pipe().map_err(|err| os_error(ts, &err, None))?;
    Ok(tuple::new(
        ts,
        vec![
            int::new(ts, i64::from(reader)),
            int::new(ts, i64::from(writer)),
        ],
    )
    .into_ref())
}

/// `pipe2(flags)`: a pipe whose ends get `flags` (`O_NONBLOCK`, `O_CLOEXEC`).
fn pipe2(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("pipe2", args, kw, 1, 1)?;
    let flags = c_int_value(ts, &args[0])?;
    let (reader, writer) = ffi::pipe2(flags).map_err(|err| os_error(ts, &err, None))?;
    Ok(tuple::new(
        ts,
        vec![
            int::new(ts, i64::from(reader)),
            int::new(ts, i64::from(writer)),
        ],
    )
    .into_ref())
}

fn isatty(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("isatty", args, kw, 1, 1)?;
    Ok(pybool::bool_ref(ffi::isatty(fd_arg(ts, &args[0])?)))
}

fn ftruncate(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("ftruncate", args, kw, 2, 2)?;
    let fd = fd_arg(ts, &args[0])?;
    let length = super::index_i64(ts, &args[1])?;
    none_or_error(ts, ffi::ftruncate(fd, length))
}

/// A descriptor given as an int or an object with `fileno()` (`fsync`, `fdatasync`).
fn fileno_arg(ts: &ThreadState, value: &PyObject) -> PyResult<c_int> {
    if int::as_i64(value).is_some() || value.payload_is::<pyrite_objects::int::Int>() {
        return fd_arg(ts, value);
    }
    match pyrite_objects::attrs::lookup_attr(ts, value, &pystr::intern(ts, "fileno"))? {
        Some(method) => {
            let fd = pyrite_objects::abstract_api::call(ts, &method, &[], None)?;
            if int::as_i64(&fd).is_none() {
                return Err(PyErr::type_error("fileno() returned a non-integer"));
            }
            let fd = fd_arg(ts, &fd)?;
            if fd < 0 {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    format!("file descriptor cannot be a negative integer ({fd})"),
                ));
            }
            Ok(fd)
        }
        None => Err(PyErr::type_error(
            "argument must be an int, or have a fileno() method.",
        )),
    }
}

fn checked_fileno(ts: &ThreadState, value: &PyObject) -> PyResult<c_int> {
    let fd = fileno_arg(ts, value)?;
    if fd < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("file descriptor cannot be a negative integer ({fd})"),
        ));
    }
    Ok(fd)
}

fn fsync(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("fsync", args, kw, &["fd"], 0, 1)?;
    let fd = checked_fileno(ts, &required(&values[0]))?;
    none_or_error(ts, ffi::fsync(fd))
}

fn fdatasync(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("fdatasync", args, kw, &["fd"], 0, 1)?;
    let fd = checked_fileno(ts, &required(&values[0]))?;
    none_or_error(ts, ffi::fdatasync(fd))
}

fn get_inheritable(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("get_inheritable", args, kw, 1, 1)?;
    let flags = ffi::fcntl_get(fd_arg(ts, &args[0])?, libc::F_GETFD)
        .map_err(|err| os_error(ts, &err, None))?;
    Ok(pybool::bool_ref(flags & libc::FD_CLOEXEC == 0))
}

fn set_inheritable(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("set_inheritable", args, kw, 2, 2)?;
    let fd = fd_arg(ts, &args[0])?;
    let inheritable = c_int_value(ts, &args[1])? != 0;
    let result = ffi::fcntl_get(fd, libc::F_GETFD).and_then(|flags| {
        let wanted = if inheritable {
            flags & !libc::FD_CLOEXEC
        } else {
            flags | libc::FD_CLOEXEC
        };
        if wanted == flags {
            Ok(())
        } else {
            ffi::fcntl_set(fd, libc::F_SETFD, wanted)
        }
    });
    none_or_error(ts, result)
}

fn get_blocking(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("get_blocking", args, kw, 1, 1)?;
    let flags = ffi::fcntl_get(fd_arg(ts, &args[0])?, libc::F_GETFL)
        .map_err(|err| os_error(ts, &err, None))?;
    Ok(pybool::bool_ref(flags & libc::O_NONBLOCK == 0))
}

fn set_blocking(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("set_blocking", args, kw, 2, 2)?;
    let fd = fd_arg(ts, &args[0])?;
    let blocking = c_int_value(ts, &args[1])? != 0;
    let result = ffi::fcntl_get(fd, libc::F_GETFL).and_then(|flags| {
        let wanted = if blocking {
            flags & !libc::O_NONBLOCK
        } else {
            flags | libc::O_NONBLOCK
        };
        if wanted == flags {
            Ok(())
        } else {
            ffi::fcntl_set(fd, libc::F_SETFL, wanted)
        }
    });
    none_or_error(ts, result)
}

/// `device_encoding(fd)`: the terminal's encoding, `None` for other files.
fn device_encoding(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("device_encoding", args, kw, &["fd"], 0, 1)?;
    let fd = fd_arg(ts, &required(&values[0]))?;
    Ok(if ffi::isatty(fd) {
        pystr::new(ts, "UTF-8").into_ref()
    } else {
        singletons::none()
    })
}

pub(super) fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.functions(&[
        ("open", open),
        ("close", close),
        ("closerange", closerange),
        ("read", read),
        ("write", write),
        ("lseek", lseek),
        ("pread", pread),
        ("pwrite", pwrite),
        ("dup", dup),
        ("dup2", dup2),
        ("pipe", pipe),
        ("pipe2", pipe2),
        ("isatty", isatty),
        ("ftruncate", ftruncate),
        ("fsync", fsync),
        ("fdatasync", fdatasync),
        ("get_inheritable", get_inheritable),
        ("set_inheritable", set_inheritable),
        ("get_blocking", get_blocking),
        ("set_blocking", set_blocking),
        ("device_encoding", device_encoding),
    ])?;
    let constants: &[(&str, c_int)] = &[
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_ACCMODE", libc::O_ACCMODE),
        ("O_APPEND", libc::O_APPEND),
        ("O_CREAT", libc::O_CREAT),
        ("O_EXCL", libc::O_EXCL),
        ("O_TRUNC", libc::O_TRUNC),
        ("O_NONBLOCK", libc::O_NONBLOCK),
        ("O_NDELAY", libc::O_NDELAY),
        ("O_CLOEXEC", libc::O_CLOEXEC),
        ("O_DIRECTORY", libc::O_DIRECTORY),
        ("O_NOFOLLOW", libc::O_NOFOLLOW),
        ("O_NOCTTY", libc::O_NOCTTY),
        ("O_SYNC", libc::O_SYNC),
        ("O_FSYNC", libc::O_FSYNC),
        ("O_DSYNC", libc::O_DSYNC),
        ("O_RSYNC", libc::O_RSYNC),
        ("O_ASYNC", libc::O_ASYNC),
        ("O_DIRECT", libc::O_DIRECT),
        ("O_LARGEFILE", libc::O_LARGEFILE),
        ("O_NOATIME", libc::O_NOATIME),
        ("O_PATH", libc::O_PATH),
        ("O_TMPFILE", libc::O_TMPFILE),
        ("SEEK_DATA", libc::SEEK_DATA),
        ("SEEK_HOLE", libc::SEEK_HOLE),
    ];
    let constants: Vec<(&str, i64)> = constants
        .iter()
        .map(|&(name, value)| (name, i64::from(value)))
        .collect();
    set_constants(ts, module, &constants)
}
