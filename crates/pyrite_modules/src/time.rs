//! The `time` module: clocks (`time`, `monotonic`, `perf_counter`, `process_time` and
//! their `_ns` forms) and `sleep`; the calendar functions are in `time_calendar`.
//!
//! CPython counterpart: `Modules/timemodule.c`. Without a CPU-time clock from the
//! system, `process_time` measures time since the process started.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState, float, int, singletons};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

fn epoch() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn monotonic_duration() -> Duration {
    epoch().elapsed()
}

fn nanoseconds(ts: &ThreadState, duration: Duration) -> pyrite_objects::PyRef {
    int::from_bigint(ts, duration.as_nanos().into())
}

fn time_time(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("time", args, kw, 0, 0)?;
    Ok(float::new(ts, since_epoch().as_secs_f64()))
}

fn time_time_ns(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("time_ns", args, kw, 0, 0)?;
    Ok(nanoseconds(ts, since_epoch()))
}

fn time_monotonic(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("monotonic", args, kw, 0, 0)?;
    Ok(float::new(ts, monotonic_duration().as_secs_f64()))
}

fn time_monotonic_ns(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("monotonic_ns", args, kw, 0, 0)?;
    Ok(nanoseconds(ts, monotonic_duration()))
}

fn time_process_time(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional("process_time", args, kw, 0, 0)?;
    Ok(float::new(ts, monotonic_duration().as_secs_f64()))
}

fn time_process_time_ns(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional("process_time_ns", args, kw, 0, 0)?;
    Ok(nanoseconds(ts, monotonic_duration()))
}

/// `sleep(seconds)`: a non-negative int or float.
fn time_sleep(_ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("sleep", args, kw, 1, 1)?;
    let value = &args[0];
    let seconds = match (float::as_f64(value), int::as_i64(value)) {
        (Some(seconds), _) => seconds,
        (None, Some(seconds)) => seconds as f64,
        (None, None) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer or float",
                value.ob_type().name()
            )));
        }
    };
    if seconds.is_nan() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Invalid value NaN (not a number)",
        ));
    }
    if seconds < 0.0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "sleep length must be non-negative",
        ));
    }
    let duration = Duration::try_from_secs_f64(seconds)
        .map_err(|_| PyErr::new(ExceptionKind::OverflowError, "sleep length is too large"))?;
    std::thread::sleep(duration);
    Ok(singletons::none())
}

/// Creates the `time` module.
pub fn create(ts: &ThreadState) -> PyResult {
    epoch();
    let module = ModuleBuilder::new(
        ts,
        "time",
        Some("This module provides various functions to manipulate time values."),
    )?;
    module.functions(&[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("perf_counter", time_monotonic),
        ("perf_counter_ns", time_monotonic_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("sleep", time_sleep),
    ])?;
    crate::time_calendar::install(ts, &module)?;
    for (name, value) in [
        ("CLOCK_REALTIME", 0),
        ("CLOCK_MONOTONIC", 1),
        ("CLOCK_PROCESS_CPUTIME_ID", 2),
        ("CLOCK_THREAD_CPUTIME_ID", 3),
        ("CLOCK_MONOTONIC_RAW", 4),
        ("CLOCK_BOOTTIME", 7),
        ("CLOCK_TAI", 11),
    ] {
        module.set(name, int::new(ts, value))?;
    }
    Ok(module.finish())
}
