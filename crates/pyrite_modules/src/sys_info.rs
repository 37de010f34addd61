//! The struct sequences `sys` publishes: `flags`, `version_info`, `float_info`,
//! `int_info`, `hash_info` and `thread_info`.
//!
//! CPython counterparts: `Python/sysmodule.c` (`make_flags`, `make_version_info`,
//! `get_hash_info`), `Objects/floatobject.c` (`PyFloat_GetInfo`), `Objects/longobject.c`
//! (`PyLong_GetInfo`) and `Python/thread.c` (`PyThread_GetInfo`). Word-size values are
//! 64-bit CPython's, as the brief requires.

use std::sync::OnceLock;

use pyrite_objects::structseq::{self, StructSeqDesc};
use pyrite_objects::{PyRef, PyResult, ThreadState, int, str as pystr};

/// The command-line and environment settings `sys.flags` reports (CPython's `PyConfig`
/// fields behind them).
#[derive(Debug, Clone)]
pub struct SysFlags {
    pub debug: i64,
    pub inspect: bool,
    pub interactive: bool,
    pub optimize: i64,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub ignore_environment: bool,
    pub verbose: i64,
    pub bytes_warning: i64,
    pub quiet: bool,
    pub hash_randomization: bool,
    pub isolated: bool,
    pub safe_path: bool,
    pub int_max_str_digits: i64,
}

impl Default for SysFlags {
    fn default() -> Self {
        SysFlags {
            debug: 0,
            inspect: false,
            interactive: false,
            optimize: 0,
            dont_write_bytecode: false,
            no_user_site: false,
            no_site: false,
            ignore_environment: false,
            verbose: 0,
            bytes_warning: 0,
            quiet: false,
            hash_randomization: true,
            isolated: false,
            safe_path: false,
            int_max_str_digits: 4300,
        }
    }
}

static FLAGS: OnceLock<SysFlags> = OnceLock::new();

/// Records the command line's settings before the interpreter starts (once).
pub fn set_flags(flags: SysFlags) {
    let _ = FLAGS.set(flags);
}

/// The settings `sys.flags` shows.
pub fn flags() -> SysFlags {
    FLAGS.get().cloned().unwrap_or_default()
}

static FLAGS_DESC: StructSeqDesc = StructSeqDesc {
    name: "sys.flags",
    doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
    fields: &[
        Some("debug"),
        Some("inspect"),
        Some("interactive"),
        Some("optimize"),
        Some("dont_write_bytecode"),
        Some("no_user_site"),
        Some("no_site"),
        Some("ignore_environment"),
        Some("verbose"),
        Some("bytes_warning"),
        Some("quiet"),
        Some("hash_randomization"),
        Some("isolated"),
        Some("dev_mode"),
        Some("utf8_mode"),
        Some("warn_default_encoding"),
        Some("safe_path"),
        Some("int_max_str_digits"),
        Some("gil"),
        Some("thread_inherit_context"),
        Some("context_aware_warnings"),
    ],
    n_in_sequence: 18,
    instantiable: false,
};

static VERSION_INFO_DESC: StructSeqDesc = StructSeqDesc {
    name: "sys.version_info",
    doc: "sys.version_info\n\nVersion information as a named tuple.",
    fields: &[
        Some("major"),
        Some("minor"),
        Some("micro"),
        Some("releaselevel"),
        Some("serial"),
    ],
    n_in_sequence: 5,
    instantiable: false,
};

static FLOAT_INFO_DESC: StructSeqDesc = StructSeqDesc {
    name: "sys.float_info",
    doc: "sys.float_info\n\nA named tuple holding information about the float type. It \
          contains low level\ninformation about the precision and internal representation. \
          Please study\nyour system's :file:`float.h` for more information.",
    fields: &[
        Some("max"),
        Some("max_exp"),
        Some("max_10_exp"),
        Some("min"),
        Some("min_exp"),
        Some("min_10_exp"),
        Some("dig"),
        Some("mant_dig"),
        Some("epsilon"),
        Some("radix"),
        Some("rounds"),
    ],
    n_in_sequence: 11,
    instantiable: true,
};

static INT_INFO_DESC: StructSeqDesc = StructSeqDesc {
    name: "sys.int_info",
    doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal \
          representation of integers.  The attributes are read only.",
    fields: &[
        Some("bits_per_digit"),
        Some("sizeof_digit"),
        Some("default_max_str_digits"),
        Some("str_digits_check_threshold"),
    ],
    n_in_sequence: 4,
    instantiable: true,
};

static HASH_INFO_DESC: StructSeqDesc = StructSeqDesc {
    name: "sys.hash_info",
    doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The \
          attributes are read only.",
    fields: &[
        Some("width"),
        Some("modulus"),
        Some("inf"),
        Some("nan"),
        Some("imag"),
        Some("algorithm"),
        Some("hash_bits"),
        Some("seed_bits"),
        Some("cutoff"),
    ],
    n_in_sequence: 9,
    instantiable: true,
};

static THREAD_INFO_DESC: StructSeqDesc = StructSeqDesc {
    name: "sys.thread_info",
    doc: "sys.thread_info\n\nA named tuple holding information about the thread \
          implementation.",
    fields: &[Some("name"), Some("lock"), Some("version")],
    n_in_sequence: 3,
    instantiable: true,
};

fn make(ts: &ThreadState, desc: &'static StructSeqDesc, values: Vec<PyRef>) -> PyResult {
    let ty = structseq::new_type(ts, desc)?;
    structseq::new(ts, &ty, values)
}

/// `(name, value)` for each struct sequence of `sys`.
pub fn create_all(ts: &ThreadState) -> PyResult<Vec<(&'static str, PyRef)>> {
    let small = |value: i64| int::new(ts, value);
    let flag = |value: bool| int::new(ts, i64::from(value));
    let boolean = pyrite_objects::bool::bool_ref;
    let float = |value: f64| pyrite_objects::float::new(ts, value);
    let text = |value: &str| pystr::new(ts, value).into_ref();
    let settings = flags();
    let flags = make(
        ts,
        &FLAGS_DESC,
        vec![
            small(settings.debug),
            flag(settings.inspect),
            flag(settings.interactive),
            small(settings.optimize),
            flag(settings.dont_write_bytecode),
            flag(settings.no_user_site),
            flag(settings.no_site),
            flag(settings.ignore_environment),
            small(settings.verbose),
            small(settings.bytes_warning),
            flag(settings.quiet),
            flag(settings.hash_randomization),
            flag(settings.isolated),
            boolean(false),
            small(0),
            small(0),
            boolean(settings.safe_path),
            small(settings.int_max_str_digits),
            small(1),
            small(0),
            small(0),
        ],
    )?;
    let version_info = make(
        ts,
        &VERSION_INFO_DESC,
        vec![
            small(3),
            small(14),
            small(2),
            pystr::intern(ts, "final"),
            small(0),
        ],
    )?;
    let float_info = make(
        ts,
        &FLOAT_INFO_DESC,
        vec![
            float(f64::MAX),
            small(f64::MAX_EXP.into()),
            small(f64::MAX_10_EXP.into()),
            float(f64::MIN_POSITIVE),
            small(f64::MIN_EXP.into()),
            small(f64::MIN_10_EXP.into()),
            small(f64::DIGITS.into()),
            small(f64::MANTISSA_DIGITS.into()),
            float(f64::EPSILON),
            small(f64::RADIX.into()),
            small(1),
        ],
    )?;
    let int_info = make(
        ts,
        &INT_INFO_DESC,
        vec![small(30), small(4), small(4300), small(640)],
    )?;
    let hash_info = make(
        ts,
        &HASH_INFO_DESC,
        vec![
            small(64),
            small((1 << 61) - 1),
            small(314_159),
            small(0),
            small(1_000_003),
            text("siphash13"),
            small(64),
            small(128),
            small(0),
        ],
    )?;
    let thread_info = make(
        ts,
        &THREAD_INFO_DESC,
        vec![
            text("pthread"),
            text("mutex+cond"),
            pyrite_objects::singletons::none(),
        ],
    )?;
    Ok(vec![
        ("flags", flags),
        ("version_info", version_info),
        ("float_info", float_info),
        ("int_info", int_info),
        ("hash_info", hash_info),
        ("thread_info", thread_info),
    ])
}
