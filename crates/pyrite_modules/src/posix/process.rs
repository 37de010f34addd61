//! The process and the system: ids, `getlogin`, `uname`, `times`, `kill`,
//! `getloadavg`, `sysconf`/`confstr`, `cpu_count`, `_exit`, the wait-status macros
//! (`WIFEXITED`, ...) and `waitstatus_to_exitcode`. `fork`, `exec*`, `wait*` and
//! `spawn*` are not here yet.
//!
//! CPython counterpart: `Modules/posixmodule.c` (`os_uname_impl`, `os_times_impl`,
//! `os_sysconf_impl`, `conv_confname`, `os_waitstatus_to_exitcode_impl`, ...).

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::structseq::StructSeqDesc;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState};
use pyrite_objects::{bool as pybool, dict, float, int, singletons, str as pystr, tuple};

use super::{StructSeqType, c_int_value, ffi, os_error, required, set_constants};
use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

static UNAME_RESULT_DESC: StructSeqDesc = StructSeqDesc {
    name: "posix.uname_result",
    doc: "uname_result: Result from os.uname().\n\nThis object may be accessed either as a \
          tuple of\n  (sysname, nodename, release, version, machine),\nor via the attributes \
          sysname, nodename, release, version, and machine.\n\nSee os.uname for more \
          information.",
    fields: &[
        Some("sysname"),
        Some("nodename"),
        Some("release"),
        Some("version"),
        Some("machine"),
    ],
    n_in_sequence: 5,
    instantiable: true,
};

static TIMES_RESULT_DESC: StructSeqDesc = StructSeqDesc {
    name: "posix.times_result",
    doc: "times_result: Result from os.times().\n\nThis object may be accessed either as a \
          tuple of\n  (user, system, children_user, children_system, elapsed),\nor via the \
          attributes user, system, children_user, children_system,\nand elapsed.\n\nSee \
          os.times for more information.",
    fields: &[
        Some("user"),
        Some("system"),
        Some("children_user"),
        Some("children_system"),
        Some("elapsed"),
    ],
    n_in_sequence: 5,
    instantiable: true,
};

static UNAME_RESULT: StructSeqType = StructSeqType::new(&UNAME_RESULT_DESC);
static TIMES_RESULT: StructSeqType = StructSeqType::new(&TIMES_RESULT_DESC);

fn no_args(name: &str, args: Args<'_>, kw: KwNames<'_>) -> PyResult<()> {
    positional(name, args, kw, 0, 0).map(drop)
}

fn getpid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getpid", args, kw)?;
    Ok(int::new(ts, i64::from(std::process::id())))
}

fn getppid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getppid", args, kw)?;
    Ok(int::new(ts, i64::from(ffi::getppid())))
}

fn getpgrp(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getpgrp", args, kw)?;
    Ok(int::new(ts, i64::from(ffi::getpgrp())))
}

fn getuid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getuid", args, kw)?;
    Ok(int::new(ts, i64::from(ffi::ids().0)))
}

fn geteuid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("geteuid", args, kw)?;
    Ok(int::new(ts, i64::from(ffi::ids().1)))
}

fn getgid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getgid", args, kw)?;
    Ok(int::new(ts, i64::from(ffi::ids().2)))
}

fn getegid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getegid", args, kw)?;
    Ok(int::new(ts, i64::from(ffi::ids().3)))
}

fn getlogin(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getlogin", args, kw)?;
    let name = ffi::getlogin().map_err(|err| os_error(ts, &err, None))?;
    Ok(super::path_result(ts, &name, false))
}

fn uname(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("uname", args, kw)?;
    let names = ffi::uname().map_err(|err| os_error(ts, &err, None))?;
    let values = names
        .iter()
        .map(|name| super::path_result(ts, name, false))
        .collect();
    UNAME_RESULT.instance(ts, values)
}

fn times(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("times", args, kw)?;
    let counts = ffi::times().map_err(|err| os_error(ts, &err, None))?;
    let ticks = ffi::sysconf(libc::_SC_CLK_TCK)
        .ok()
        .filter(|&ticks| ticks > 0)
        .unwrap_or(100) as f64;
    let values = counts
        .iter()
        .map(|&count| float::new(ts, count as f64 / ticks))
        .collect();
    TIMES_RESULT.instance(ts, values)
}

fn kill(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("kill", args, kw, 2, 2)?;
    let pid = c_int_value(ts, &args[0])?;
    let signal = c_int_value(ts, &args[1])?;
    ffi::kill(pid, signal).map_err(|err| os_error(ts, &err, None))?;
    Ok(singletons::none())
}

fn getloadavg(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getloadavg", args, kw)?;
    let loads = ffi::getloadavg()
        .ok_or_else(|| PyErr::new(ExceptionKind::OSError, "Load averages are unobtainable"))?;
    Ok(tuple::new(ts, loads.iter().map(|&load| float::new(ts, load)).collect()).into_ref())
}

/// A configuration name: a string from `table` or an int.
fn conf_name(ts: &ThreadState, value: &PyObject, table: &[(&str, i64)]) -> PyResult<i32> {
    if let Some(text) = pystr::as_str_payload(value) {
        let text = text.to_string_lossy();
        return table
            .iter()
            .find(|(name, _)| *name == text)
            .map(|&(_, number)| number as i32)
            .ok_or_else(|| {
                PyErr::new(ExceptionKind::ValueError, "unrecognized configuration name")
            });
    }
    if int::as_i64(value).is_some() || value.payload_is::<pyrite_objects::int::Int>() {
        return c_int_value(ts, value);
    }
    Err(PyErr::type_error(
        "configuration names must be strings or integers",
    ))
}

fn sysconf(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("sysconf", args, kw, 1, 1)?;
    let name = conf_name(ts, &args[0], SYSCONF_NAMES)?;
    let value = ffi::sysconf(name).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, value))
}

fn confstr(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("confstr", args, kw, 1, 1)?;
    let name = conf_name(ts, &args[0], CONFSTR_NAMES)?;
    match ffi::confstr(name).map_err(|err| os_error(ts, &err, None))? {
        Some(value) => Ok(super::path_result(ts, &value, false)),
        None => Ok(singletons::none()),
    }
}

/// `cpu_count()`: the number of CPUs online, or `None`.
fn cpu_count(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("cpu_count", args, kw)?;
    Ok(match ffi::sysconf(libc::_SC_NPROCESSORS_ONLN) {
        Ok(count) if count >= 1 => int::new(ts, count),
        _ => singletons::none(),
    })
}

fn exit_now(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("_exit", args, kw, &["status"], 0, 1)?;
    let status = c_int_value(ts, &required(&values[0]))?;
    std::process::exit(status)
}

fn status_arg(ts: &ThreadState, name: &str, args: Args<'_>, kw: KwNames<'_>) -> PyResult<i32> {
    let values = bind(name, args, kw, &["status"], 0, 1)?;
    c_int_value(ts, &required(&values[0]))
}

macro_rules! wait_predicates {
    ($($name:ident: $test:path;)*) => {
        $(
            #[allow(non_snake_case)]
            fn $name(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                let status = status_arg(ts, stringify!($name), args, kw)?;
                Ok(pybool::bool_ref($test(status)))
            }
        )*
    };
}

macro_rules! wait_fields {
    ($($name:ident: $field:path;)*) => {
        $(
            #[allow(non_snake_case)]
            fn $name(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                let status = status_arg(ts, stringify!($name), args, kw)?;
                Ok(int::new(ts, i64::from($field(status))))
            }
        )*
    };
}

wait_predicates! {
    WIFEXITED: libc::WIFEXITED;
    WIFSIGNALED: libc::WIFSIGNALED;
    WIFSTOPPED: libc::WIFSTOPPED;
    WIFCONTINUED: libc::WIFCONTINUED;
    WCOREDUMP: libc::WCOREDUMP;
}

wait_fields! {
    WEXITSTATUS: libc::WEXITSTATUS;
    WTERMSIG: libc::WTERMSIG;
    WSTOPSIG: libc::WSTOPSIG;
}

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the killing signal.
fn waitstatus_to_exitcode(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let status = status_arg(ts, "waitstatus_to_exitcode", args, kw)?;
    if libc::WIFEXITED(status) {
        return Ok(int::new(ts, i64::from(libc::WEXITSTATUS(status))));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(int::new(ts, -i64::from(libc::WTERMSIG(status))));
    }
    let message = if libc::WIFSTOPPED(status) {
        format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(status)
        )
    } else {
        format!("invalid wait status: {status}")
    };
    Err(PyErr::new(ExceptionKind::ValueError, message))
}

fn getpgid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("getpgid", args, kw, 1, 1)?;
    let group = ffi::getpgid(c_int_value(ts, &args[0])?).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, i64::from(group)))
}

fn getsid(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("getsid", args, kw, 1, 1)?;
    let session =
        ffi::getsid(c_int_value(ts, &args[0])?).map_err(|err| os_error(ts, &err, None))?;
    Ok(int::new(ts, i64::from(session)))
}

fn getgroups(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("getgroups", args, kw)?;
    let groups = ffi::getgroups().map_err(|err| os_error(ts, &err, None))?;
    let groups = groups
        .iter()
        .map(|&group| int::new(ts, i64::from(group)))
        .collect();
    Ok(pyrite_objects::list::new(ts, groups).into_ref())
}

/// `sched_getaffinity(pid)`: the set of CPUs the process may run on.
fn sched_getaffinity(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("sched_getaffinity", args, kw, 1, 1)?;
    let cpus = ffi::sched_getaffinity(c_int_value(ts, &args[0])?)
        .map_err(|err| os_error(ts, &err, None))?;
    let cpus = cpus.iter().map(|&cpu| int::new(ts, cpu as i64)).collect();
    pyrite_objects::set::new(ts, cpus)
}

fn sched_yield(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("sched_yield", args, kw)?;
    std::thread::yield_now();
    Ok(singletons::none())
}

fn abort(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    no_args("abort", args, kw)?;
    std::process::abort()
}

fn names_dict(ts: &ThreadState, table: &[(&str, i64)]) -> PyResult {
    let names = dict::new(ts);
    for &(name, value) in table {
        names.set_item(ts, pystr::new(ts, name).into_ref(), int::new(ts, value))?;
    }
    Ok(names.into_ref())
}

pub(super) fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.functions(&[
        ("getpid", getpid),
        ("getppid", getppid),
        ("getpgrp", getpgrp),
        ("getuid", getuid),
        ("geteuid", geteuid),
        ("getgid", getgid),
        ("getegid", getegid),
        ("getlogin", getlogin),
        ("getpgid", getpgid),
        ("getsid", getsid),
        ("getgroups", getgroups),
        ("sched_getaffinity", sched_getaffinity),
        ("sched_yield", sched_yield),
        ("abort", abort),
        ("uname", uname),
        ("times", times),
        ("kill", kill),
        ("getloadavg", getloadavg),
        ("sysconf", sysconf),
        ("confstr", confstr),
        ("cpu_count", cpu_count),
        ("_exit", exit_now),
        ("WIFEXITED", WIFEXITED),
        ("WIFSIGNALED", WIFSIGNALED),
        ("WIFSTOPPED", WIFSTOPPED),
        ("WIFCONTINUED", WIFCONTINUED),
        ("WCOREDUMP", WCOREDUMP),
        ("WEXITSTATUS", WEXITSTATUS),
        ("WTERMSIG", WTERMSIG),
        ("WSTOPSIG", WSTOPSIG),
        ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ])?;
    module.set("uname_result", UNAME_RESULT.create(ts)?)?;
    module.set("times_result", TIMES_RESULT.create(ts)?)?;
    module.set("sysconf_names", names_dict(ts, SYSCONF_NAMES)?)?;
    module.set("confstr_names", names_dict(ts, CONFSTR_NAMES)?)?;
    set_constants(ts, module, CONSTANTS)
}

/// `sysconf_names` (glibc's numbers on Linux).
const SYSCONF_NAMES: &[(&str, i64)] = &[
    ("SC_ARG_MAX", 0),
    ("SC_CHILD_MAX", 1),
    ("SC_CLK_TCK", 2),
    ("SC_NGROUPS_MAX", 3),
    ("SC_OPEN_MAX", 4),
    ("SC_STREAM_MAX", 5),
    ("SC_TZNAME_MAX", 6),
    ("SC_JOB_CONTROL", 7),
    ("SC_SAVED_IDS", 8),
    ("SC_REALTIME_SIGNALS", 9),
    ("SC_PRIORITY_SCHEDULING", 10),
    ("SC_TIMERS", 11),
    ("SC_ASYNCHRONOUS_IO", 12),
    ("SC_PRIORITIZED_IO", 13),
    ("SC_SYNCHRONIZED_IO", 14),
    ("SC_FSYNC", 15),
    ("SC_MAPPED_FILES", 16),
    ("SC_MEMLOCK", 17),
    ("SC_MEMLOCK_RANGE", 18),
    ("SC_MEMORY_PROTECTION", 19),
    ("SC_MESSAGE_PASSING", 20),
    ("SC_SEMAPHORES", 21),
    ("SC_SHARED_MEMORY_OBJECTS", 22),
    ("SC_AIO_LISTIO_MAX", 23),
    ("SC_AIO_MAX", 24),
    ("SC_AIO_PRIO_DELTA_MAX", 25),
    ("SC_DELAYTIMER_MAX", 26),
    ("SC_MQ_OPEN_MAX", 27),
    ("SC_MQ_PRIO_MAX", 28),
    ("SC_VERSION", 29),
    ("SC_PAGESIZE", 30),
    ("SC_PAGE_SIZE", 30),
    ("SC_RTSIG_MAX", 31),
    ("SC_SEM_NSEMS_MAX", 32),
    ("SC_SEM_VALUE_MAX", 33),
    ("SC_SIGQUEUE_MAX", 34),
    ("SC_TIMER_MAX", 35),
    ("SC_BC_BASE_MAX", 36),
    ("SC_BC_DIM_MAX", 37),
    ("SC_BC_SCALE_MAX", 38),
    ("SC_BC_STRING_MAX", 39),
    ("SC_COLL_WEIGHTS_MAX", 40),
    ("SC_EQUIV_CLASS_MAX", 41),
    ("SC_EXPR_NEST_MAX", 42),
    ("SC_LINE_MAX", 43),
    ("SC_RE_DUP_MAX", 44),
    ("SC_CHARCLASS_NAME_MAX", 45),
    ("SC_2_VERSION", 46),
    ("SC_2_C_BIND", 47),
    ("SC_2_C_DEV", 48),
    ("SC_2_FORT_DEV", 49),
    ("SC_2_FORT_RUN", 50),
    ("SC_2_SW_DEV", 51),
    ("SC_2_LOCALEDEF", 52),
    ("SC_PII", 53),
    ("SC_PII_XTI", 54),
    ("SC_PII_SOCKET", 55),
    ("SC_PII_INTERNET", 56),
    ("SC_PII_OSI", 57),
    ("SC_POLL", 58),
    ("SC_SELECT", 59),
    ("SC_IOV_MAX", 60),
    ("SC_UIO_MAXIOV", 60),
    ("SC_PII_INTERNET_STREAM", 61),
    ("SC_PII_INTERNET_DGRAM", 62),
    ("SC_PII_OSI_COTS", 63),
    ("SC_PII_OSI_CLTS", 64),
    ("SC_PII_OSI_M", 65),
    ("SC_T_IOV_MAX", 66),
    ("SC_THREADS", 67),
    ("SC_THREAD_SAFE_FUNCTIONS", 68),
    ("SC_GETGR_R_SIZE_MAX", 69),
    ("SC_GETPW_R_SIZE_MAX", 70),
    ("SC_LOGIN_NAME_MAX", 71),
    ("SC_TTY_NAME_MAX", 72),
    ("SC_THREAD_DESTRUCTOR_ITERATIONS", 73),
    ("SC_THREAD_KEYS_MAX", 74),
    ("SC_THREAD_STACK_MIN", 75),
    ("SC_THREAD_THREADS_MAX", 76),
    ("SC_THREAD_ATTR_STACKADDR", 77),
    ("SC_THREAD_ATTR_STACKSIZE", 78),
    ("SC_THREAD_PRIORITY_SCHEDULING", 79),
    ("SC_THREAD_PRIO_INHERIT", 80),
    ("SC_THREAD_PRIO_PROTECT", 81),
    ("SC_THREAD_PROCESS_SHARED", 82),
    ("SC_NPROCESSORS_CONF", 83),
    ("SC_NPROCESSORS_ONLN", 84),
    ("SC_PHYS_PAGES", 85),
    ("SC_AVPHYS_PAGES", 86),
    ("SC_ATEXIT_MAX", 87),
    ("SC_PASS_MAX", 88),
    ("SC_XOPEN_VERSION", 89),
    ("SC_XOPEN_XCU_VERSION", 90),
    ("SC_XOPEN_UNIX", 91),
    ("SC_XOPEN_CRYPT", 92),
    ("SC_XOPEN_ENH_I18N", 93),
    ("SC_XOPEN_SHM", 94),
    ("SC_2_CHAR_TERM", 95),
    ("SC_2_C_VERSION", 96),
    ("SC_2_UPE", 97),
    ("SC_XOPEN_XPG2", 98),
    ("SC_XOPEN_XPG3", 99),
    ("SC_XOPEN_XPG4", 100),
    ("SC_CHAR_BIT", 101),
    ("SC_CHAR_MAX", 102),
    ("SC_CHAR_MIN", 103),
    ("SC_INT_MAX", 104),
    ("SC_INT_MIN", 105),
    ("SC_LONG_BIT", 106),
    ("SC_WORD_BIT", 107),
    ("SC_MB_LEN_MAX", 108),
    ("SC_NZERO", 109),
    ("SC_SSIZE_MAX", 110),
    ("SC_SCHAR_MAX", 111),
    ("SC_SCHAR_MIN", 112),
    ("SC_SHRT_MAX", 113),
    ("SC_SHRT_MIN", 114),
    ("SC_UCHAR_MAX", 115),
    ("SC_UINT_MAX", 116),
    ("SC_ULONG_MAX", 117),
    ("SC_USHRT_MAX", 118),
    ("SC_NL_ARGMAX", 119),
    ("SC_NL_LANGMAX", 120),
    ("SC_NL_MSGMAX", 121),
    ("SC_NL_NMAX", 122),
    ("SC_NL_SETMAX", 123),
    ("SC_NL_TEXTMAX", 124),
    ("SC_XBS5_ILP32_OFF32", 125),
    ("SC_XBS5_ILP32_OFFBIG", 126),
    ("SC_XBS5_LP64_OFF64", 127),
    ("SC_XBS5_LPBIG_OFFBIG", 128),
    ("SC_XOPEN_LEGACY", 129),
    ("SC_XOPEN_REALTIME", 130),
    ("SC_XOPEN_REALTIME_THREADS", 131),
    ("SC_MINSIGSTKSZ", 249),
];

/// `confstr_names` (glibc's numbers on Linux).
const CONFSTR_NAMES: &[(&str, i64)] = &[
    ("CS_PATH", 0),
    ("CS_GNU_LIBC_VERSION", 2),
    ("CS_GNU_LIBPTHREAD_VERSION", 3),
    ("CS_LFS_CFLAGS", 1000),
    ("CS_LFS_LDFLAGS", 1001),
    ("CS_LFS_LIBS", 1002),
    ("CS_LFS_LINTFLAGS", 1003),
    ("CS_LFS64_CFLAGS", 1004),
    ("CS_LFS64_LDFLAGS", 1005),
    ("CS_LFS64_LIBS", 1006),
    ("CS_LFS64_LINTFLAGS", 1007),
    ("CS_XBS5_ILP32_OFF32_CFLAGS", 1100),
    ("CS_XBS5_ILP32_OFF32_LDFLAGS", 1101),
    ("CS_XBS5_ILP32_OFF32_LIBS", 1102),
    ("CS_XBS5_ILP32_OFF32_LINTFLAGS", 1103),
    ("CS_XBS5_ILP32_OFFBIG_CFLAGS", 1104),
    ("CS_XBS5_ILP32_OFFBIG_LDFLAGS", 1105),
    ("CS_XBS5_ILP32_OFFBIG_LIBS", 1106),
    ("CS_XBS5_ILP32_OFFBIG_LINTFLAGS", 1107),
    ("CS_XBS5_LP64_OFF64_CFLAGS", 1108),
    ("CS_XBS5_LP64_OFF64_LDFLAGS", 1109),
    ("CS_XBS5_LP64_OFF64_LIBS", 1110),
    ("CS_XBS5_LP64_OFF64_LINTFLAGS", 1111),
    ("CS_XBS5_LPBIG_OFFBIG_CFLAGS", 1112),
    ("CS_XBS5_LPBIG_OFFBIG_LDFLAGS", 1113),
    ("CS_XBS5_LPBIG_OFFBIG_LIBS", 1114),
    ("CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", 1115),
];

/// Process, wait, scheduling and loader constants (Linux values).
const CONSTANTS: &[(&str, i64)] = &[
    ("CLD_CONTINUED", 6),
    ("CLD_DUMPED", 3),
    ("CLD_EXITED", 1),
    ("CLD_KILLED", 2),
    ("CLD_STOPPED", 5),
    ("CLD_TRAPPED", 4),
    ("EX_CANTCREAT", 73),
    ("EX_CONFIG", 78),
    ("EX_DATAERR", 65),
    ("EX_IOERR", 74),
    ("EX_NOHOST", 68),
    ("EX_NOINPUT", 66),
    ("EX_NOPERM", 77),
    ("EX_NOUSER", 67),
    ("EX_OK", 0),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_PROTOCOL", 76),
    ("EX_SOFTWARE", 70),
    ("EX_TEMPFAIL", 75),
    ("EX_UNAVAILABLE", 69),
    ("EX_USAGE", 64),
    ("F_LOCK", 1),
    ("F_TEST", 3),
    ("F_TLOCK", 2),
    ("F_ULOCK", 0),
    ("NGROUPS_MAX", 65536),
    ("POSIX_FADV_DONTNEED", 4),
    ("POSIX_FADV_NOREUSE", 5),
    ("POSIX_FADV_NORMAL", 0),
    ("POSIX_FADV_RANDOM", 1),
    ("POSIX_FADV_SEQUENTIAL", 2),
    ("POSIX_FADV_WILLNEED", 3),
    ("PRIO_PGRP", 1),
    ("PRIO_PROCESS", 0),
    ("PRIO_USER", 2),
    ("P_ALL", 0),
    ("P_PGID", 2),
    ("P_PID", 1),
    ("P_PIDFD", 3),
    ("RTLD_DEEPBIND", 8),
    ("RTLD_GLOBAL", 256),
    ("RTLD_LAZY", 1),
    ("RTLD_LOCAL", 0),
    ("RTLD_NODELETE", 4096),
    ("RTLD_NOLOAD", 4),
    ("RTLD_NOW", 2),
    ("RWF_APPEND", 16),
    ("RWF_DSYNC", 2),
    ("RWF_HIPRI", 1),
    ("RWF_NOWAIT", 8),
    ("RWF_SYNC", 4),
    ("SCHED_BATCH", 3),
    ("SCHED_FIFO", 1),
    ("SCHED_IDLE", 5),
    ("SCHED_OTHER", 0),
    ("SCHED_RESET_ON_FORK", 1073741824),
    ("SCHED_RR", 2),
    ("ST_APPEND", 256),
    ("ST_MANDLOCK", 64),
    ("ST_NOATIME", 1024),
    ("ST_NODEV", 4),
    ("ST_NODIRATIME", 2048),
    ("ST_NOEXEC", 8),
    ("ST_NOSUID", 2),
    ("ST_RDONLY", 1),
    ("ST_RELATIME", 4096),
    ("ST_SYNCHRONOUS", 16),
    ("ST_WRITE", 128),
    ("TMP_MAX", 238328),
    ("WCONTINUED", 8),
    ("WEXITED", 4),
    ("WNOHANG", 1),
    ("WNOWAIT", 16777216),
    ("WSTOPPED", 2),
    ("WUNTRACED", 2),
];
