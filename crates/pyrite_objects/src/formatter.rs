//! `format(value, spec)`: the format-specification mini-language for `int`, `float` and
//! `str` (printf-style `%` is in [`crate::percent_format`]).
//!
//! CPython counterpart: `Python/formatter_unicode.c` (`parse_internal_render_format_spec`,
//! `format_long_internal`, `format_float_internal`, `format_string_internal`),
//! `Python/pystrtod.c` (`PyOS_double_to_string`) and `Objects/unicodeobject.c`
//! (`PyUnicode_Format`).

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::int::Int;
use crate::object::PyObject;
use crate::pystate::ThreadState;

#[derive(Default, Clone)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn invalid_spec() -> PyErr {
    PyErr::new(ExceptionKind::ValueError, "Invalid format specifier")
}

fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut parsed = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        parsed.fill = Some(chars[0]);
        parsed.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        parsed.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        parsed.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        parsed.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        parsed.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        parsed.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .map_err(|_| invalid_spec())?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        parsed.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Format specifier missing precision",
            ));
        }
        parsed.precision = Some(
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| invalid_spec())?,
        );
    }
    if i < chars.len() {
        parsed.kind = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(invalid_spec());
    }
    Ok(parsed)
}

fn group_digits(digits: &str, separator: char, every: usize) -> String {
    let mut out = String::new();
    let count = digits.chars().count();
    for (position, c) in digits.chars().enumerate() {
        if position > 0 && (count - position).is_multiple_of(every) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Pads `sign` + `body` to the width with the spec's fill and alignment.
fn pad(spec: &Spec, sign: &str, body: &str, numeric: bool) -> String {
    let length = sign.chars().count() + body.chars().count();
    let (fill, align) = if spec.zero && spec.align.is_none() && numeric {
        ('0', '=')
    } else {
        (
            spec.fill.unwrap_or(' '),
            spec.align.unwrap_or(if numeric { '>' } else { '<' }),
        )
    };
    if length >= spec.width {
        return format!("{sign}{body}");
    }
    let padding = spec.width - length;
    let fill_text = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", fill_text(padding)),
        '^' => format!(
            "{}{sign}{body}{}",
            fill_text(padding / 2),
            fill_text(padding - padding / 2)
        ),
        '=' => format!("{sign}{}{body}", fill_text(padding)),
        _ => format!("{}{sign}{body}", fill_text(padding)),
    }
}

fn sign_text(negative: bool, spec: &Spec) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

fn format_int(value: &Int, spec: &Spec) -> PyResult<String> {
    let big = value.to_bigint();
    let negative = big.sign() == num_bigint::Sign::Minus;
    let magnitude = if negative { -big } else { big };
    let (digits, prefix) = match spec.kind {
        None | Some('d') | Some('n') => (magnitude.to_str_radix(10), ""),
        Some('b') => (magnitude.to_str_radix(2), "0b"),
        Some('o') => (magnitude.to_str_radix(8), "0o"),
        Some('x') => (magnitude.to_str_radix(16), "0x"),
        Some('X') => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        Some('c') => {
            let code = num_traits::ToPrimitive::to_u32(&magnitude).and_then(char::from_u32);
            return Ok(pad(
                spec,
                "",
                &code.map(String::from).unwrap_or_default(),
                false,
            ));
        }
        Some(other) => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("Unknown format code '{other}' for object of type 'int'"),
            ));
        }
    };
    let digits = match spec.grouping {
        Some(separator) => {
            let every = if matches!(spec.kind, Some('b' | 'o' | 'x' | 'X')) {
                4
            } else {
                3
            };
            group_digits(&digits, separator, every)
        }
        None => digits,
    };
    let sign = format!(
        "{}{}",
        sign_text(negative, spec),
        if spec.alternate { prefix } else { "" }
    );
    Ok(pad(spec, &sign, &digits, true))
}

/// `%e`-style text with at least two exponent digits, as C prints it.
pub fn format_exponent(value: f64, precision: usize, upper: bool) -> String {
    let text = format!("{value:.precision$e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let sign = if exponent < 0 { '-' } else { '+' };
    let e = if upper { 'E' } else { 'e' };
    format!("{mantissa}{e}{sign}{:02}", exponent.abs())
}

fn strip_zeros(text: &str) -> String {
    if let Some((mantissa, exponent)) = text.split_once(['e', 'E']) {
        let marker = if text.contains('E') { 'E' } else { 'e' };
        let mantissa = if mantissa.contains('.') {
            mantissa.trim_end_matches('0').trim_end_matches('.')
        } else {
            mantissa
        };
        return format!("{mantissa}{marker}{exponent}");
    }
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text.to_owned()
    }
}

/// `%g`: the shorter of fixed and exponent notation for `precision` significant digits.
pub fn format_general(value: f64, precision: usize, upper: bool, alternate: bool) -> String {
    let precision = precision.max(1);
    if value == 0.0 {
        return if alternate {
            format!("{:.*}", precision - 1, value)
        } else {
            "0".to_owned()
        };
    }
    let exp_text = format!("{:.*e}", precision - 1, value);
    let exponent: i32 = exp_text
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let text = if exponent < -4 || exponent >= precision as i32 {
        format_exponent(value, precision - 1, upper)
    } else {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        format!("{value:.decimals$}")
    };
    if alternate { text } else { strip_zeros(&text) }
}

fn format_float(value: f64, spec: &Spec) -> PyResult<String> {
    let negative = value.is_sign_negative() && !value.is_nan();
    let magnitude = value.abs();
    let upper = matches!(spec.kind, Some('F' | 'E' | 'G'));
    let body = if magnitude.is_infinite() {
        if upper { "INF" } else { "inf" }.to_owned()
    } else if magnitude.is_nan() {
        if upper { "NAN" } else { "nan" }.to_owned()
    } else {
        match spec.kind {
            Some('f' | 'F') => format!("{magnitude:.*}", spec.precision.unwrap_or(6)),
            Some('e' | 'E') => format_exponent(magnitude, spec.precision.unwrap_or(6), upper),
            Some('g' | 'G') => format_general(
                magnitude,
                spec.precision.unwrap_or(6),
                upper,
                spec.alternate,
            ),
            Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), magnitude * 100.0),
            None => match spec.precision {
                Some(precision) => {
                    let text = format_general(magnitude, precision, false, spec.alternate);
                    if text.contains(['.', 'e', 'n', 'i']) {
                        text
                    } else {
                        format!("{text}.0")
                    }
                }
                None => pyrite_ast::repr::float_repr(magnitude),
            },
            Some(other) => {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    format!("Unknown format code '{other}' for object of type 'float'"),
                ));
            }
        }
    };
    let body = match spec.grouping {
        Some(separator) => {
            let (integer, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(position) => body.split_at(position),
                None => (body.as_str(), ""),
            };
            format!("{}{rest}", group_digits(integer, separator, 3))
        }
        None => body,
    };
    Ok(pad(spec, sign_text(negative, spec), &body, true))
}

/// `format(value, spec)` (CPython's `PyObject_Format`) for the built-in types, and
/// `__format__` of Python classes.
pub fn format_value(ts: &ThreadState, value: &PyObject, spec: &str) -> PyResult {
    if value.ob_type().is_heap_type()
        && let Some(result) = crate::attrs::call_special(
            ts,
            value,
            "__format__",
            &[crate::str::new(ts, spec).into_ref()],
        )?
    {
        return Ok(result);
    }
    if spec.is_empty() {
        return value.str(ts);
    }
    let parsed = parse_spec(spec)?;
    let text = if let Some(int) = value.downcast_ref::<Int>() {
        match parsed.kind {
            Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
                format_float(crate::int_ops::int_to_f64(int)?, &parsed)?
            }
            _ => format_int(int, &parsed)?,
        }
    } else if let Some(float) = crate::float::as_f64(value) {
        format_float(float, &parsed)?
    } else if let Some(text) = crate::str::as_str_payload(value) {
        if !matches!(parsed.kind, None | Some('s')) {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "Unknown format code '{}' for object of type 'str'",
                    parsed.kind.unwrap_or('s')
                ),
            ));
        }
        let refusal = if parsed.sign.is_some() {
            Some("Sign not allowed in string format specifier".to_owned())
        } else if parsed.alternate {
            Some("Alternate form (#) not allowed in string format specifier".to_owned())
        } else if parsed.align == Some('=') {
            Some("'=' alignment not allowed in string format specifier".to_owned())
        } else {
            parsed
                .grouping
                .map(|separator| format!("Cannot specify '{separator}' with 's'."))
        };
        if let Some(message) = refusal {
            return Err(PyErr::new(ExceptionKind::ValueError, message));
        }
        let mut body = text.to_string_lossy();
        if let Some(precision) = parsed.precision {
            body = body.chars().take(precision).collect();
        }
        let mut parsed = parsed;
        if parsed.zero && parsed.fill.is_none() {
            parsed.fill = Some('0');
        }
        pad(&parsed, "", &body, false)
    } else {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            value.ob_type().name()
        )));
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

/// `text % args` (printf-style formatting).
pub fn percent_format(ts: &ThreadState, text: &PyObject, args: &PyObject) -> PyResult {
    crate::percent_format::format_str(ts, text, args)
}

/// The digits of `%e`/`%f`/`%g` in printf-style formatting, for a non-negative value.
pub(crate) fn float_digits(
    value: f64,
    kind: char,
    precision: usize,
    alternate: bool,
) -> PyResult<String> {
    let spec = Spec {
        kind: Some(kind),
        precision: Some(precision),
        alternate,
        ..Spec::default()
    };
    format_float(value, &spec)
}
