//! `stat`, `lstat`, `fstat` and the `os.stat_result` struct sequence they return.
//!
//! CPython counterpart: `Modules/posixmodule.c` (`_pystat_fromstructstat`,
//! `stat_result_desc`, `statresult_new`, `posix_do_stat`).

use num_bigint::BigInt;
use pyrite_objects::structseq::StructSeqDesc;
use pyrite_objects::{PyObject, PyRef, PyResult, ThreadState};
use pyrite_objects::{float, int, singletons};

use super::{
    PATH_OR_FD, StructSeqType, bind_keywords, c_int_value, dir_fd_arg, ffi, flag_arg, os_error,
    path_arg, path_error, required,
};
use crate::modsupport::{Args, KwNames, ModuleBuilder, bind};

static STAT_RESULT_DESC: StructSeqDesc = StructSeqDesc {
    name: "os.stat_result",
    doc: "stat_result: Result from stat, fstat, or lstat.\n\nThis object may be accessed \
          either as a tuple of\n  (mode, ino, dev, nlink, uid, gid, size, atime, mtime, \
          ctime)\nor via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so \
          on.\n\nPosix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\nor \
          st_flags, they are available as attributes only.\n\nSee os.stat for more \
          information.",
    fields: &[
        Some("st_mode"),
        Some("st_ino"),
        Some("st_dev"),
        Some("st_nlink"),
        Some("st_uid"),
        Some("st_gid"),
        Some("st_size"),
        // the integer times, by index only
        None,
        None,
        None,
        Some("st_atime"),
        Some("st_mtime"),
        Some("st_ctime"),
        Some("st_atime_ns"),
        Some("st_mtime_ns"),
        Some("st_ctime_ns"),
        Some("st_blksize"),
        Some("st_blocks"),
        Some("st_rdev"),
    ],
    n_in_sequence: 10,
    instantiable: true,
};

pub(super) static STAT_RESULT: StructSeqType = StructSeqType::new(&STAT_RESULT_DESC);

static STATVFS_RESULT_DESC: StructSeqDesc = StructSeqDesc {
    name: "os.statvfs_result",
    doc: "statvfs_result: Result from statvfs or fstatvfs.\n\nThis object may be accessed \
          either as a tuple of\n  (bsize, frsize, blocks, bfree, bavail, files, ffree, \
          favail, flag, namemax),\nor via the attributes f_bsize, f_frsize, f_blocks, \
          f_bfree, and so on.\n\nSee os.statvfs for more information.",
    fields: &[
        Some("f_bsize"),
        Some("f_frsize"),
        Some("f_blocks"),
        Some("f_bfree"),
        Some("f_bavail"),
        Some("f_files"),
        Some("f_ffree"),
        Some("f_favail"),
        Some("f_flag"),
        Some("f_namemax"),
        Some("f_fsid"),
    ],
    n_in_sequence: 10,
    instantiable: true,
};

static STATVFS_RESULT: StructSeqType = StructSeqType::new(&STATVFS_RESULT_DESC);

fn unsigned(ts: &ThreadState, value: u64) -> PyRef {
    match i64::try_from(value) {
        Ok(value) => int::new(ts, value),
        Err(_) => int::from_bigint(ts, BigInt::from(value)),
    }
}

/// An `os.stat_result` from a C `struct stat`.
pub(super) fn new_stat_result(ts: &ThreadState, status: &libc::stat) -> PyResult {
    let times = [
        (status.st_atime, status.st_atime_nsec),
        (status.st_mtime, status.st_mtime_nsec),
        (status.st_ctime, status.st_ctime_nsec),
    ];
    let mut values = vec![
        int::new(ts, i64::from(status.st_mode)),
        unsigned(ts, status.st_ino),
        unsigned(ts, status.st_dev),
        unsigned(ts, status.st_nlink),
        int::new(ts, i64::from(status.st_uid)),
        int::new(ts, i64::from(status.st_gid)),
        int::new(ts, status.st_size),
    ];
    values.extend(times.iter().map(|&(seconds, _)| int::new(ts, seconds)));
    values.extend(
        times
            .iter()
            .map(|&(seconds, nanos)| float::new(ts, seconds as f64 + nanos as f64 * 1e-9)),
    );
    values.extend(times.iter().map(|&(seconds, nanos)| {
        int::from_bigint(
            ts,
            BigInt::from(seconds) * 1_000_000_000 + BigInt::from(nanos),
        )
    }));
    values.push(int::new(ts, status.st_blksize));
    values.push(int::new(ts, status.st_blocks));
    values.push(unsigned(ts, status.st_rdev));
    STAT_RESULT.instance(ts, values)
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)` and `lstat`.
fn stat_path(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
    follow_default: bool,
) -> PyResult {
    let params: &[&str] = if follow_default {
        &["path", "dir_fd", "follow_symlinks"]
    } else {
        &["path", "dir_fd"]
    };
    let values = bind_keywords(name, args, kw, params, 1, 1)?;
    let options = if follow_default {
        PATH_OR_FD
    } else {
        super::PATH_ONLY
    };
    let path = path_arg(ts, name, &required(&values[0]), options)?;
    let dir_fd = dir_fd_arg(values[1].as_ref())?;
    let follow = flag_arg(ts, values.get(2).and_then(Option::as_ref), follow_default)?;
    let status = match path.fd {
        Some(fd) => ffi::fstat(fd),
        None => ts.allow_threads(|| ffi::stat_at(dir_fd, &path.c_path, follow)),
    };
    let status = status.map_err(|err| path_error(ts, &err, &path))?;
    new_stat_result(ts, &status)
}

fn stat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    stat_path(ts, "stat", args, kw, true)
}

fn lstat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    stat_path(ts, "lstat", args, kw, false)
}

fn fstat(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("fstat", args, kw, &["fd"], 0, 1)?;
    let fd = c_int_value(ts, &required(&values[0]))?;
    let status = ffi::fstat(fd).map_err(|err| os_error(ts, &err, None))?;
    new_stat_result(ts, &status)
}

fn new_statvfs_result(ts: &ThreadState, status: &libc::statvfs) -> PyResult {
    let values = [
        status.f_bsize,
        status.f_frsize,
        status.f_blocks,
        status.f_bfree,
        status.f_bavail,
        status.f_files,
        status.f_ffree,
        status.f_favail,
        status.f_flag,
        status.f_namemax,
        status.f_fsid,
    ];
    let values = values.iter().map(|&value| unsigned(ts, value)).collect();
    STATVFS_RESULT.instance(ts, values)
}

/// `statvfs(path)`: the file system's statistics (the path may be a descriptor).
fn statvfs(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("statvfs", args, kw, &["path"], 0, 1)?;
    let path = path_arg(ts, "statvfs", &required(&values[0]), PATH_OR_FD)?;
    let status = match path.fd {
        Some(fd) => ffi::fstatvfs(fd),
        None => ts.allow_threads(|| ffi::statvfs(&path.c_path)),
    };
    let status = status.map_err(|err| path_error(ts, &err, &path))?;
    new_statvfs_result(ts, &status)
}

fn fstatvfs(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("fstatvfs", args, kw, 1, 1)?;
    let fd = c_int_value(ts, &args[0])?;
    let status = ffi::fstatvfs(fd).map_err(|err| os_error(ts, &err, None))?;
    new_statvfs_result(ts, &status)
}

/// An unsigned C argument (`dev_t`, `unsigned int`), as CPython's converters check it.
fn unsigned_arg(ts: &ThreadState, value: &PyObject, max: u64) -> PyResult<u64> {
    let number = pyrite_objects::abstract_api::index(ts, value)?;
    let number = number
        .downcast_ref::<pyrite_objects::int::Int>()
        .map(|number| number.to_bigint())
        .unwrap_or_default();
    if number.sign() == num_bigint::Sign::Minus {
        return Err(pyrite_objects::PyErr::new(
            pyrite_objects::err::ExceptionKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    u64::try_from(number)
        .ok()
        .filter(|&number| number <= max)
        .ok_or_else(|| {
            pyrite_objects::PyErr::new(
                pyrite_objects::err::ExceptionKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            )
        })
}

fn major(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("major", args, kw, 1, 1)?;
    let device = unsigned_arg(ts, &args[0], u64::MAX)?;
    Ok(int::new(ts, i64::from(libc::major(device))))
}

fn minor(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("minor", args, kw, 1, 1)?;
    let device = unsigned_arg(ts, &args[0], u64::MAX)?;
    Ok(int::new(ts, i64::from(libc::minor(device))))
}

fn makedev(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = crate::modsupport::positional("makedev", args, kw, 2, 2)?;
    let major = unsigned_arg(ts, &args[0], u64::from(u32::MAX))? as u32;
    let minor = unsigned_arg(ts, &args[1], u64::from(u32::MAX))? as u32;
    Ok(unsigned(ts, libc::makedev(major, minor)))
}

/// `os.stat_result(sequence)`: the float times default to the integer ones.
fn stat_result_new(
    ts: &ThreadState,
    ty: &pyrite_objects::PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let made = pyrite_objects::structseq::construct(ts, ty, args, kwnames)?;
    let visible = pyrite_objects::tuple::items(&made).to_vec();
    let mut hidden = pyrite_objects::tuple::hidden_items(&made).to_vec();
    let mut changed = false;
    for offset in 0..3 {
        if hidden
            .get(offset)
            .is_some_and(|value| singletons::is_none(value))
        {
            hidden[offset] = visible[7 + offset].clone();
            changed = true;
        }
    }
    if !changed {
        return Ok(made);
    }
    pyrite_objects::tuple::new_with_type(ts, ty, visible, hidden)
}

pub(super) fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.functions(&[
        ("stat", stat),
        ("lstat", lstat),
        ("fstat", fstat),
        ("statvfs", statvfs),
        ("fstatvfs", fstatvfs),
        ("major", major),
        ("minor", minor),
        ("makedev", makedev),
    ])?;
    module.set("statvfs_result", STATVFS_RESULT.create(ts)?)?;
    let ty = STAT_RESULT.create(ts)?;
    pyrite_objects::structseq::set_new(ts, &ty, stat_result_new);
    module.set("stat_result", ty)
}
