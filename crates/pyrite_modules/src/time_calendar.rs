//! The calendar half of the `time` module: `struct_time`, `gmtime`, `localtime`,
//! `mktime`, `strftime`, `asctime`, `ctime` and the time-zone constants.
//!
//! CPython counterpart: `Modules/timemodule.c` (`time_gmtime`, `time_localtime`,
//! `time_mktime`, `time_strftime`, `gettmarg`, `init_timezone`). Pyrite reads no time-zone
//! database yet: local time is UTC (`timezone == 0`, `tzname == ('UTC', 'UTC')`), which
//! is what CPython shows on a machine whose zone is UTC.

use std::cell::RefCell;
use std::time::{SystemTime, UNIX_EPOCH};

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::structseq::{self, StructSeqDesc};
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState};
use pyrite_objects::{float, int, singletons, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, positional};

static STRUCT_TIME_DESC: StructSeqDesc = StructSeqDesc {
    name: "time.struct_time",
    doc: "The time value as returned by gmtime(), localtime(), and strptime(), and\n \
          accepted by asctime(), mktime() and strftime().  May be considered as a\n \
          sequence of 9 integers.\n\n \
          Note that several fields' values are not the same as those defined by\n \
          the C language standard for struct tm.  For example, the value of the\n \
          field tm_year is the actual year, not year - 1900.  See individual\n \
          fields' descriptions for details.",
    fields: &[
        Some("tm_year"),
        Some("tm_mon"),
        Some("tm_mday"),
        Some("tm_hour"),
        Some("tm_min"),
        Some("tm_sec"),
        Some("tm_wday"),
        Some("tm_yday"),
        Some("tm_isdst"),
        Some("tm_zone"),
        Some("tm_gmtoff"),
    ],
    n_in_sequence: 9,
    instantiable: true,
};

thread_local! {
    static STRUCT_TIME: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// A broken-down time (CPython's `struct tm` with the real year and month 1..=12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct BrokenDown {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    /// Monday is 0.
    weekday: i64,
    /// 1..=366.
    yearday: i64,
    isdst: i64,
    /// `tm_zone`: `gmtime` says `GMT`, local (UTC) time `UTC`.
    zone: &'static str,
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The civil date of a day count from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn broken_down(seconds: i64) -> BrokenDown {
    let days = seconds.div_euclid(86_400);
    let in_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    BrokenDown {
        year,
        month,
        day,
        hour: in_day / 3600,
        minute: in_day % 3600 / 60,
        second: in_day % 60,
        // 1970-01-01 was a Thursday (3 with Monday as 0)
        weekday: (days + 3).rem_euclid(7),
        yearday: days - days_from_civil(year, 1, 1) + 1,
        isdst: 0,
        zone: "UTC",
    }
}

fn seconds_arg(ts: &ThreadState, value: Option<&PyRef>) -> PyResult<i64> {
    let Some(value) = value.filter(|value| !singletons::is_none(value)) else {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        return Ok(now.as_secs() as i64);
    };
    if let Some(seconds) = float::as_f64(value) {
        if seconds.is_nan() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Invalid value NaN (not a number)",
            ));
        }
        let floored = seconds.floor();
        if !(-9.2e18..9.2e18).contains(&floored) {
            return Err(PyErr::new(
                ExceptionKind::OverflowError,
                "timestamp out of range for platform time_t",
            ));
        }
        return Ok(floored as i64);
    }
    let index = pyrite_objects::abstract_api::index(ts, value)?;
    int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "timestamp out of range for platform time_t",
        )
    })
}

fn struct_time(ts: &ThreadState, time: BrokenDown) -> PyResult {
    let ty = STRUCT_TIME
        .with(|ty| ty.borrow().clone())
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "time.struct_time is missing"))?;
    let small = |value: i64| int::new(ts, value);
    let values = vec![
        small(time.year),
        small(time.month),
        small(time.day),
        small(time.hour),
        small(time.minute),
        small(time.second),
        small(time.weekday),
        small(time.yearday),
        small(time.isdst),
        pystr::new(ts, time.zone).into_ref(),
        small(0),
    ];
    structseq::new(ts, &ty, values)
}

fn time_gmtime(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("gmtime", args, kw, 0, 1)?;
    let time = BrokenDown {
        zone: "GMT",
        ..broken_down(seconds_arg(ts, args.first())?)
    };
    struct_time(ts, time)
}

fn time_localtime(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("localtime", args, kw, 0, 1)?;
    struct_time(ts, broken_down(seconds_arg(ts, args.first())?))
}

/// A time tuple argument (CPython's `gettmarg`).
fn time_tuple(ts: &ThreadState, value: &PyObject, function: &str) -> PyResult<BrokenDown> {
    if !value.payload_is::<tuple::Tuple>() {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    }
    let items = tuple::items(value);
    if items.len() != 9 {
        return Err(PyErr::type_error(format!(
            "{function}(): illegal time tuple argument"
        )));
    }
    let mut fields = [0i64; 9];
    for (slot, item) in fields.iter_mut().zip(items) {
        let index = pyrite_objects::abstract_api::index(ts, item)?;
        *slot = int::as_i64(&index).ok_or_else(|| {
            PyErr::new(
                ExceptionKind::OverflowError,
                "Python int too large to convert to C int",
            )
        })?;
    }
    Ok(BrokenDown {
        year: fields[0],
        month: fields[1],
        day: fields[2],
        hour: fields[3],
        minute: fields[4],
        second: fields[5],
        weekday: fields[6],
        yearday: fields[7],
        isdst: fields[8],
        zone: match structseq::field(value, 9)
            .and_then(|zone| pystr::as_str_payload(&zone).map(|text| text.to_string_lossy()))
        {
            Some(zone) if zone == "GMT" => "GMT",
            _ => "UTC",
        },
    })
}

/// The time tuple argument, or the current local time.
fn time_arg(ts: &ThreadState, value: Option<&PyRef>, function: &str) -> PyResult<BrokenDown> {
    match value {
        Some(value) => time_tuple(ts, value, function),
        None => Ok(broken_down(seconds_arg(ts, None)?)),
    }
}

fn time_mktime(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("mktime", args, kw, 1, 1)?;
    let time = time_tuple(ts, &args[0], "mktime")?;
    // normalize the month as C's mktime does, then count seconds
    let months = time.year * 12 + (time.month - 1);
    let (year, month) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    let days = days_from_civil(year, month, 1) + time.day - 1;
    let seconds = days * 86_400 + time.hour * 3600 + time.minute * 60 + time.second;
    Ok(float::new(ts, seconds as f64))
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(time: &BrokenDown) -> &'static str {
    WEEKDAYS[time.weekday.rem_euclid(7) as usize]
}

fn month_name(time: &BrokenDown) -> &'static str {
    MONTHS[(time.month - 1).rem_euclid(12) as usize]
}

fn asctime_text(time: &BrokenDown) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &weekday_name(time)[..3],
        &month_name(time)[..3],
        time.day,
        time.hour,
        time.minute,
        time.second,
        time.year
    )
}

/// `strftime` in the C locale, for the directives C99 and glibc define.
fn format_time(format: &str, time: &BrokenDown) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let Some(directive) = chars.next() else {
            out.push('%');
            break;
        };
        let hour12 = if time.hour % 12 == 0 {
            12
        } else {
            time.hour % 12
        };
        let piece = match directive {
            'Y' => time.year.to_string(),
            'C' => format!("{:02}", time.year.div_euclid(100)),
            'y' => format!("{:02}", time.year.rem_euclid(100)),
            'm' => format!("{:02}", time.month),
            'd' => format!("{:02}", time.day),
            'e' => format!("{:2}", time.day),
            'H' => format!("{:02}", time.hour),
            'I' => format!("{hour12:02}"),
            'M' => format!("{:02}", time.minute),
            'S' => format!("{:02}", time.second),
            'j' => format!("{:03}", time.yearday),
            'a' => weekday_name(time)[..3].to_owned(),
            'A' => weekday_name(time).to_owned(),
            'b' | 'h' => month_name(time)[..3].to_owned(),
            'B' => month_name(time).to_owned(),
            'p' => (if time.hour < 12 { "AM" } else { "PM" }).to_owned(),
            'w' => ((time.weekday + 1).rem_euclid(7)).to_string(),
            'u' => (time.weekday.rem_euclid(7) + 1).to_string(),
            'Z' => time.zone.to_owned(),
            'z' => "+0000".to_owned(),
            'n' => "\n".to_owned(),
            't' => "\t".to_owned(),
            '%' => "%".to_owned(),
            'c' => asctime_text(time),
            'x' => format!(
                "{:02}/{:02}/{:02}",
                time.month,
                time.day,
                time.year.rem_euclid(100)
            ),
            'X' | 'T' => format!("{:02}:{:02}:{:02}", time.hour, time.minute, time.second),
            'D' => format!(
                "{:02}/{:02}/{:02}",
                time.month,
                time.day,
                time.year.rem_euclid(100)
            ),
            'F' => format!("{}-{:02}-{:02}", time.year, time.month, time.day),
            'R' => format!("{:02}:{:02}", time.hour, time.minute),
            'r' => format!(
                "{hour12:02}:{:02}:{:02} {}",
                time.minute,
                time.second,
                if time.hour < 12 { "AM" } else { "PM" }
            ),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

fn check_time_fields(time: &BrokenDown) -> PyResult<()> {
    let bad = |message: &'static str| Err(PyErr::new(ExceptionKind::ValueError, message));
    if !(0..=12).contains(&time.month) {
        return bad("month out of range");
    }
    if !(0..=31).contains(&time.day) {
        return bad("day of month out of range");
    }
    if !(0..=23).contains(&time.hour) {
        return bad("hour out of range");
    }
    if !(0..=59).contains(&time.minute) {
        return bad("minute out of range");
    }
    if !(0..=61).contains(&time.second) {
        return bad("seconds out of range");
    }
    if time.weekday < 0 {
        return bad("day of week out of range");
    }
    if !(0..=366).contains(&time.yearday) {
        return bad("day of year out of range");
    }
    Ok(())
}

fn time_strftime(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("strftime", args, kw, 1, 2)?;
    let Some(format) = pystr::as_str_payload(&args[0]) else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            args[0].ob_type().name()
        )));
    };
    let mut time = time_arg(ts, args.get(1), "strftime")?;
    check_time_fields(&time)?;
    // CPython moves the zero "don't know" values into range before formatting
    time.month = time.month.max(1);
    time.day = time.day.max(1);
    time.yearday = time.yearday.max(1);
    let text = format_time(&format.to_string_lossy(), &time);
    Ok(pystr::new(ts, &text).into_ref())
}

fn time_asctime(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("asctime", args, kw, 0, 1)?;
    let mut time = time_arg(ts, args.first(), "asctime")?;
    check_time_fields(&time)?;
    time.month = time.month.max(1);
    time.day = time.day.max(1);
    Ok(pystr::new(ts, &asctime_text(&time)).into_ref())
}

fn time_ctime(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("ctime", args, kw, 0, 1)?;
    let time = broken_down(seconds_arg(ts, args.first())?);
    Ok(pystr::new(ts, &asctime_text(&time)).into_ref())
}

/// Adds the calendar functions, `struct_time` and the time-zone values to `time`.
pub fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    let ty = structseq::new_type(ts, &STRUCT_TIME_DESC)?;
    STRUCT_TIME.with(|slot| *slot.borrow_mut() = Some(ty.clone()));
    module.set("struct_time", ty)?;
    module.functions(&[
        ("gmtime", time_gmtime),
        ("localtime", time_localtime),
        ("mktime", time_mktime),
        ("strftime", time_strftime),
        ("asctime", time_asctime),
        ("ctime", time_ctime),
    ])?;
    module.set("timezone", int::new(ts, 0))?;
    module.set("altzone", int::new(ts, 0))?;
    module.set("daylight", int::new(ts, 0))?;
    let utc = || pystr::new(ts, "UTC").into_ref();
    module.set("tzname", tuple::new(ts, vec![utc(), utc()]).into_ref())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        for days in [
            -1_000_000, -719_468, -1, 0, 1, 59, 365, 11_016, 20_000, 2_932_896,
        ] {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn broken_down_epoch() {
        let time = broken_down(0);
        assert_eq!(
            (time.year, time.month, time.day, time.weekday, time.yearday),
            (1970, 1, 1, 3, 1)
        );
        let time = broken_down(-1);
        assert_eq!(
            (time.year, time.hour, time.second, time.yearday),
            (1969, 23, 59, 365)
        );
        assert_eq!(asctime_text(&broken_down(0)), "Thu Jan  1 00:00:00 1970");
    }
}
