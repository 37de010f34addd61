//! Path operations on the file system: the current directory, `listdir`, `mkdir`,
//! `rmdir`, `unlink`, `rename`/`replace`, links, `access`, `chmod`, `umask`, `utime`
//! and `truncate`, with their `dir_fd`/`follow_symlinks` variants.
//!
//! CPython counterpart: `Modules/posixmodule.c` (`os_getcwd_impl`, `os_listdir_impl`,
//! `os_mkdir_impl`, `internal_rename`, `os_utime_impl`, ...).

use std::ffi::c_int;
use std::os::unix::ffi::OsStrExt;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState};
use pyrite_objects::{bool as pybool, float, int, list, singletons, str as pystr, tuple};

use super::{
    PATH_ONLY, PATH_OR_FD, PathOptions, bind_keywords, c_int_value, dir_fd_arg, ffi, flag_arg,
    os_error, os_error2, path_arg, path_arg_named, path_error, path_result, required,
};
use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

fn done(ts: &ThreadState, result: std::io::Result<()>, path: &super::PathArg) -> PyResult {
    result.map_err(|err| path_error(ts, &err, path))?;
    Ok(singletons::none())
}

fn getcwd_bytes(ts: &ThreadState) -> PyResult<Vec<u8>> {
    let cwd = std::env::current_dir().map_err(|err| os_error(ts, &err, None))?;
    Ok(cwd.as_os_str().as_bytes().to_vec())
}

fn getcwd(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("getcwd", args, kw, 0, 0)?;
    Ok(path_result(ts, &getcwd_bytes(ts)?, false))
}

fn getcwdb(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("getcwdb", args, kw, 0, 0)?;
    Ok(path_result(ts, &getcwd_bytes(ts)?, true))
}

/// The directory a descriptor is open on, as a path the kernel resolves back to it.
pub(super) fn fd_directory(ts: &ThreadState, fd: c_int) -> PyResult<std::path::PathBuf> {
    ffi::fstat(fd).map_err(|err| os_error(ts, &err, None))?;
    Ok(format!("/proc/self/fd/{fd}").into())
}

/// `listdir(path=None)`: the names in a directory (given by path or descriptor).
fn listdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("listdir", args, kw, &["path"], 0, 0)?;
    let options = PathOptions {
        allow_fd: true,
        nullable: true,
    };
    let (directory, is_bytes, shown) = match &values[0] {
        Some(value) if !singletons::is_none(value) => {
            let path = path_arg(ts, "listdir", value, options)?;
            match path.fd {
                Some(fd) => (fd_directory(ts, fd)?, false, None),
                None => (path.path().to_owned(), path.is_bytes, Some(path.object)),
            }
        }
        _ => (".".into(), false, Some(pystr::new(ts, ".").into_ref())),
    };
    let fail = |err: std::io::Error| os_error(ts, &err, shown.as_deref());
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&directory).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        names.push(path_result(ts, entry.file_name().as_bytes(), is_bytes));
    }
    Ok(list::new(ts, names).into_ref())
}

fn mkdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords("mkdir", args, kw, &["path", "mode", "dir_fd"], 2, 1)?;
    let path = path_arg(ts, "mkdir", &required(&values[0]), PATH_ONLY)?;
    let mode = match &values[1] {
        Some(mode) => c_int_value(ts, mode)?,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(values[2].as_ref())?;
    done(ts, ffi::mkdir_at(dir_fd, &path.c_path, mode as u32), &path)
}

/// `rmdir`, `unlink` and `remove`: `(path, *, dir_fd=None)`.
fn remove_path(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    directory: bool,
) -> PyResult {
    let values = bind_keywords(name, args, kw, &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(ts, name, &required(&values[0]), PATH_ONLY)?;
    let dir_fd = dir_fd_arg(values[1].as_ref())?;
    done(ts, ffi::unlink_at(dir_fd, &path.c_path, directory), &path)
}

fn rmdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    remove_path(ts, "rmdir", args, kw, true)
}

fn unlink(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    remove_path(ts, "unlink", args, kw, false)
}

fn remove(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    remove_path(ts, "remove", args, kw, false)
}

/// `rename`/`replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)` (the same call on
/// POSIX: `rename` replaces an existing target).
fn rename_like(ts: &ThreadState, name: &str, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords(
        name,
        args,
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
        2,
        2,
    )?;
    let source = path_arg_named(ts, name, "src", &required(&values[0]), PATH_ONLY)?;
    let target = path_arg_named(ts, name, "dst", &required(&values[1]), PATH_ONLY)?;
    let source_dir = dir_fd_arg(values[2].as_ref())?;
    let target_dir = dir_fd_arg(values[3].as_ref())?;
    ffi::rename_at(source_dir, &source.c_path, target_dir, &target.c_path)
        .map_err(|err| os_error2(ts, &err, &source.object, &target.object))?;
    Ok(singletons::none())
}

fn rename(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    rename_like(ts, "rename", args, kw)
}

fn replace(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    rename_like(ts, "replace", args, kw)
}

/// `link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
fn link(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords(
        "link",
        args,
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let source = path_arg_named(ts, "link", "src", &required(&values[0]), PATH_ONLY)?;
    let target = path_arg_named(ts, "link", "dst", &required(&values[1]), PATH_ONLY)?;
    let source_dir = dir_fd_arg(values[2].as_ref())?;
    let target_dir = dir_fd_arg(values[3].as_ref())?;
    let follow = flag_arg(ts, values[4].as_ref(), true)?;
    ffi::link_at(
        source_dir,
        &source.c_path,
        target_dir,
        &target.c_path,
        follow,
    )
    .map_err(|err| os_error2(ts, &err, &source.object, &target.object))?;
    Ok(singletons::none())
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
fn symlink(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords(
        "symlink",
        args,
        kw,
        &["src", "dst", "target_is_directory", "dir_fd"],
        3,
        2,
    )?;
    let source = path_arg_named(ts, "symlink", "src", &required(&values[0]), PATH_ONLY)?;
    let target = path_arg_named(ts, "symlink", "dst", &required(&values[1]), PATH_ONLY)?;
    let dir_fd = dir_fd_arg(values[3].as_ref())?;
    ffi::symlink_at(&source.c_path, dir_fd, &target.c_path)
        .map_err(|err| os_error2(ts, &err, &source.object, &target.object))?;
    Ok(singletons::none())
}

/// `readlink(path, *, dir_fd=None)`: a symbolic link's target, str or bytes as the path.
fn readlink(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords("readlink", args, kw, &["path", "dir_fd"], 1, 1)?;
    let path = path_arg(ts, "readlink", &required(&values[0]), PATH_ONLY)?;
    let dir_fd = dir_fd_arg(values[1].as_ref())?;
    let target =
        ffi::readlink_at(dir_fd, &path.c_path).map_err(|err| path_error(ts, &err, &path))?;
    Ok(path_result(ts, &target, path.is_bytes))
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
fn access(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords(
        "access",
        args,
        kw,
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    )?;
    let path = path_arg(ts, "access", &required(&values[0]), PATH_ONLY)?;
    let mode = c_int_value(ts, &required(&values[1]))?;
    let dir_fd = dir_fd_arg(values[2].as_ref())?;
    let effective = flag_arg(ts, values[3].as_ref(), false)?;
    let follow = flag_arg(ts, values[4].as_ref(), true)?;
    Ok(pybool::bool_ref(ffi::access_at(
        dir_fd,
        &path.c_path,
        mode,
        effective,
        follow,
    )))
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`; `path` may be a descriptor.
fn chmod(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords(
        "chmod",
        args,
        kw,
        &["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        2,
    )?;
    let path = path_arg(ts, "chmod", &required(&values[0]), PATH_OR_FD)?;
    let mode = c_int_value(ts, &required(&values[1]))? as u32;
    let dir_fd = dir_fd_arg(values[2].as_ref())?;
    let follow = flag_arg(ts, values[3].as_ref(), true)?;
    let result = match path.fd {
        Some(fd) => ffi::fchmod(fd, mode),
        None => ffi::chmod_at(dir_fd, &path.c_path, mode, follow),
    };
    done(ts, result, &path)
}

fn fchmod(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("fchmod", args, kw, &["fd", "mode"], 0, 2)?;
    let fd = c_int_value(ts, &required(&values[0]))?;
    let mode = c_int_value(ts, &required(&values[1]))? as u32;
    ffi::fchmod(fd, mode).map_err(|err| os_error(ts, &err, None))?;
    Ok(singletons::none())
}

/// `chdir(path)`; `path` may be a descriptor.
fn chdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("chdir", args, kw, &["path"], 0, 1)?;
    let path = path_arg(ts, "chdir", &required(&values[0]), PATH_OR_FD)?;
    let result = match path.fd {
        Some(fd) => ffi::fchdir(fd),
        None => std::env::set_current_dir(path.path()),
    };
    done(ts, result, &path)
}

fn fchdir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("fchdir", args, kw, &["fd"], 0, 1)?;
    let fd = c_int_value(ts, &required(&values[0]))?;
    ffi::fchdir(fd).map_err(|err| os_error(ts, &err, None))?;
    Ok(singletons::none())
}

fn umask(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("umask", args, kw, 1, 1)?;
    let mask = c_int_value(ts, &args[0])?;
    Ok(int::new(ts, i64::from(ffi::umask(mask as u32))))
}

/// `truncate(path, length)`; `path` may be a descriptor.
fn truncate(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("truncate", args, kw, &["path", "length"], 0, 2)?;
    let path = path_arg(ts, "truncate", &required(&values[0]), PATH_OR_FD)?;
    let length = super::index_i64(ts, &required(&values[1]))?;
    let result = match path.fd {
        Some(fd) => ffi::ftruncate(fd, length),
        None => ffi::truncate(&path.c_path, length),
    };
    done(ts, result, &path)
}

/// Seconds (an int or a float) as `(seconds, nanoseconds)`, rounded toward minus
/// infinity as CPython's `_PyTime_ObjectToTimespec(..., _PyTime_ROUND_FLOOR)` does.
fn timespec_of(ts: &ThreadState, value: &PyObject) -> PyResult<(i64, i64)> {
    if let Some(seconds) = float::as_f64(value).filter(|_| int::as_i64(value).is_none()) {
        if seconds.is_nan() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Invalid value NaN (not a number)",
            ));
        }
        let whole = seconds.trunc();
        let mut nanos = ((seconds - whole) * 1e9).floor();
        let mut whole = whole;
        if nanos >= 1e9 {
            nanos -= 1e9;
            whole += 1.0;
        } else if nanos < 0.0 {
            nanos += 1e9;
            whole -= 1.0;
        }
        if !(-9.2e18..9.2e18).contains(&whole) {
            return Err(PyErr::new(
                ExceptionKind::OverflowError,
                "timestamp out of range for platform time_t",
            ));
        }
        return Ok((whole as i64, nanos as i64));
    }
    let seconds = super::index_i64(ts, value)?;
    Ok((seconds, 0))
}

fn pair(value: &PyObject) -> Option<[pyrite_objects::PyRef; 2]> {
    if !value.payload_is::<pyrite_objects::tuple::Tuple>() {
        return None;
    }
    match tuple::items(value) {
        [first, second] => Some([first.clone(), second.clone()]),
        _ => None,
    }
}

/// `utime(path, times=None, *, ns, dir_fd=None, follow_symlinks=True)`.
fn utime(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords(
        "utime",
        args,
        kw,
        &["path", "times", "ns", "dir_fd", "follow_symlinks"],
        2,
        1,
    )?;
    let path = path_arg(ts, "utime", &required(&values[0]), PATH_OR_FD)?;
    let times = values[1]
        .clone()
        .filter(|value| !singletons::is_none(value));
    let ns = values[2].clone();
    let dir_fd = dir_fd_arg(values[3].as_ref())?;
    let follow = flag_arg(ts, values[4].as_ref(), true)?;
    if times.is_some() && ns.is_some() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "utime: you may specify either 'times' or 'ns' but not both",
        ));
    }
    let chosen = if let Some(times) = times {
        let [access, modify] = pair(&times).ok_or_else(|| {
            PyErr::type_error("utime: 'times' must be either a tuple of two ints or None")
        })?;
        Some([timespec_of(ts, &access)?, timespec_of(ts, &modify)?])
    } else if let Some(ns) = ns {
        let [access, modify] = pair(&ns)
            .ok_or_else(|| PyErr::type_error("utime: 'ns' must be a tuple of two ints"))?;
        let split = |value: &PyObject| -> PyResult<(i64, i64)> {
            let index = pyrite_objects::abstract_api::index(ts, value)?;
            let total = index
                .downcast_ref::<pyrite_objects::int::Int>()
                .map(|number| number.to_bigint())
                .unwrap_or_default();
            let billion = num_bigint::BigInt::from(1_000_000_000);
            let seconds = num_integer_floor_div(&total, &billion);
            let nanos = &total - &seconds * &billion;
            let overflow = || {
                PyErr::new(
                    ExceptionKind::OverflowError,
                    "timestamp out of range for platform time_t",
                )
            };
            Ok((
                i64::try_from(seconds).map_err(|_| overflow())?,
                i64::try_from(nanos).map_err(|_| overflow())?,
            ))
        };
        Some([split(&access)?, split(&modify)?])
    } else {
        None
    };
    let result = match path.fd {
        Some(fd) => ffi::futimens(fd, chosen),
        None => ffi::utimens_at(dir_fd, &path.c_path, chosen, follow),
    };
    done(ts, result, &path)
}

fn num_integer_floor_div(
    numerator: &num_bigint::BigInt,
    denominator: &num_bigint::BigInt,
) -> num_bigint::BigInt {
    let quotient = numerator / denominator;
    if (numerator % denominator) != num_bigint::BigInt::from(0)
        && (numerator.sign() == num_bigint::Sign::Minus)
    {
        quotient - 1
    } else {
        quotient
    }
}

/// A uid or gid argument: an int, `-1` for "leave unchanged".
fn id_arg(ts: &ThreadState, kind: &str, value: &PyObject) -> PyResult<u32> {
    if int::as_i64(value).is_none()
        && !value.payload_is::<pyrite_objects::int::Int>()
        && pyrite_objects::attrs::lookup_special(ts, value, "__index__")?.is_none()
    {
        return Err(PyErr::type_error(format!(
            "{kind} should be integer, not {}",
            value.ob_type().name()
        )));
    }
    let number = super::index_i64(ts, value)?;
    if number == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(number).map_err(|_| {
        PyErr::new(
            ExceptionKind::OverflowError,
            if number < 0 {
                format!("{kind} is less than minimum")
            } else {
                format!("{kind} is greater than maximum")
            },
        )
    })
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`; `path` may be a
/// descriptor.
fn chown(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords(
        "chown",
        args,
        kw,
        &["path", "uid", "gid", "dir_fd", "follow_symlinks"],
        3,
        3,
    )?;
    let path = path_arg(ts, "chown", &required(&values[0]), PATH_OR_FD)?;
    let uid = id_arg(ts, "uid", &required(&values[1]))?;
    let gid = id_arg(ts, "gid", &required(&values[2]))?;
    let dir_fd = dir_fd_arg(values[3].as_ref())?;
    let follow = flag_arg(ts, values[4].as_ref(), true)?;
    let result = match path.fd {
        Some(fd) => ffi::fchown(fd, uid, gid),
        None => ffi::chown_at(dir_fd, &path.c_path, uid, gid, follow),
    };
    done(ts, result, &path)
}

fn lchown(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("lchown", args, kw, &["path", "uid", "gid"], 0, 3)?;
    let path = path_arg(ts, "lchown", &required(&values[0]), PATH_ONLY)?;
    let uid = id_arg(ts, "uid", &required(&values[1]))?;
    let gid = id_arg(ts, "gid", &required(&values[2]))?;
    done(
        ts,
        ffi::chown_at(ffi::CWD, &path.c_path, uid, gid, false),
        &path,
    )
}

fn fchown(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = crate::modsupport::bind("fchown", args, kw, &["fd", "uid", "gid"], 0, 3)?;
    let fd = c_int_value(ts, &required(&values[0]))?;
    let uid = id_arg(ts, "uid", &required(&values[1]))?;
    let gid = id_arg(ts, "gid", &required(&values[2]))?;
    ffi::fchown(fd, uid, gid).map_err(|err| os_error(ts, &err, None))?;
    Ok(singletons::none())
}

/// `mkfifo(path, mode=0o666, *, dir_fd=None)`.
fn mkfifo(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_keywords("mkfifo", args, kw, &["path", "mode", "dir_fd"], 2, 1)?;
    let path = path_arg(ts, "mkfifo", &required(&values[0]), PATH_ONLY)?;
    let mode = match &values[1] {
        Some(mode) => c_int_value(ts, mode)?,
        None => 0o666,
    };
    let dir_fd = dir_fd_arg(values[2].as_ref())?;
    done(ts, ffi::mkfifo_at(dir_fd, &path.c_path, mode as u32), &path)
}

fn sync(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("sync", args, kw, 0, 0)?;
    ffi::sync();
    Ok(singletons::none())
}

pub(super) fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.functions(&[
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("remove", remove),
        ("rename", rename),
        ("replace", replace),
        ("link", link),
        ("symlink", symlink),
        ("readlink", readlink),
        ("access", access),
        ("chmod", chmod),
        ("fchmod", fchmod),
        ("chdir", chdir),
        ("fchdir", fchdir),
        ("umask", umask),
        ("truncate", truncate),
        ("utime", utime),
        ("chown", chown),
        ("lchown", lchown),
        ("fchown", fchown),
        ("mkfifo", mkfifo),
        ("sync", sync),
    ])?;
    let constants: &[(&str, c_int)] = &[
        ("F_OK", libc::F_OK),
        ("R_OK", libc::R_OK),
        ("W_OK", libc::W_OK),
        ("X_OK", libc::X_OK),
    ];
    for &(name, value) in constants {
        module.set(name, int::new(ts, i64::from(value)))?;
    }
    Ok(())
}
