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
    /// `z`: a negative zero (after rounding) is shown without its sign.
    no_negative_zero: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    /// The separator between groups of three digits after the decimal point (3.14).
    fraction_grouping: Option<char>,
    kind: Option<char>,
}

fn invalid_spec(spec: &str, type_name: &str) -> PyErr {
    PyErr::new(
        ExceptionKind::ValueError,
        format!("Invalid format specifier '{spec}' for object of type '{type_name}'"),
    )
}

fn too_many_digits() -> PyErr {
    PyErr::new(
        ExceptionKind::ValueError,
        "Too many decimal digits in format string",
    )
}

/// Reads a run of decimal digits at `*i` (CPython's `get_integer`).
fn parse_number(chars: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    let mut value: usize = 0;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        let digit = chars[*i] as usize - '0' as usize;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit))
            .filter(|v| *v <= isize::MAX as usize)
            .ok_or_else(too_many_digits)?;
        *i += 1;
    }
    Ok((*i > start).then_some(value))
}

fn grouping_char(chars: &[char], i: &mut usize) -> Option<char> {
    match chars.get(*i) {
        Some(&c @ (',' | '_')) => {
            *i += 1;
            Some(c)
        }
        _ => None,
    }
}

/// Parses `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision [grouping]][type]`
/// (CPython's `parse_internal_render_format_spec`).
fn parse_spec(spec: &str, type_name: &str) -> PyResult<Spec> {
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
        parsed.no_negative_zero = true;
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
    parsed.width = parse_number(&chars, &mut i)?.unwrap_or(0);
    parsed.grouping = grouping_char(&chars, &mut i);
    if let Some(second) = grouping_char(&chars, &mut i) {
        let _ = second;
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Cannot specify both ',' and '_'.",
        ));
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        parsed.precision = parse_number(&chars, &mut i)?;
        parsed.fraction_grouping = grouping_char(&chars, &mut i);
        if parsed.precision.is_none() && parsed.fraction_grouping.is_none() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Format specifier missing precision",
            ));
        }
    }
    if chars.len() - i > 1 {
        return Err(invalid_spec(spec, type_name));
    }
    if i < chars.len() {
        parsed.kind = Some(chars[i]);
    }
    // `0` without an explicit fill or alignment means "pad with zeros after the sign".
    if parsed.zero {
        parsed.fill.get_or_insert('0');
        parsed.align.get_or_insert('=');
    }
    if let Some(separator) = parsed.grouping {
        let allowed = match parsed.kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => separator == '_',
            _ => false,
        };
        if !allowed {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!(
                    "Cannot specify '{separator}' with '{}'.",
                    parsed.kind.unwrap_or(' ')
                ),
            ));
        }
    }
    Ok(parsed)
}

/// Pads `sign` + `body` to the width with the spec's fill and alignment.
fn pad(spec: &Spec, sign: &str, body: &str, numeric: bool) -> String {
    let length = sign.chars().count() + body.chars().count();
    let (fill, align) = if spec.zero && spec.align.is_none() && numeric {
        ('0', '=')
    } else {
        (
            spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' }),
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

/// Inserts `separator` every `every` digits from the right, padding with zeros until the
/// text is at least `min_width` long (CPython's `_PyUnicode_InsertThousandsGrouping`, which
/// never starts the text with a separator).
fn group_digits_padded(
    digits: &str,
    separator: Option<char>,
    every: usize,
    min_width: usize,
) -> String {
    let mut reversed: Vec<char> = Vec::new();
    let mut source = digits.chars().rev();
    let mut in_group = 0;
    loop {
        let digit = match source.next() {
            Some(digit) => digit,
            None if reversed.len() < min_width => '0',
            None => break,
        };
        if let Some(separator) = separator {
            if in_group == every {
                reversed.push(separator);
                in_group = 0;
            }
            in_group += 1;
        }
        reversed.push(digit);
    }
    reversed.into_iter().rev().collect()
}

/// Lays out a number: sign, prefix (`0x`), integer digits (grouped, zero-padded for the `0`
/// flag), then the rest (fraction, exponent, `%`), and pads it (CPython's
/// `calc_number_widths` and `fill_number`).
fn layout_number(
    spec: &Spec,
    sign: &str,
    prefix: &str,
    digits: &str,
    rest: &str,
    every: usize,
) -> String {
    let fixed = sign.chars().count() + prefix.chars().count() + rest.chars().count();
    let mut spec = spec.clone();
    if spec.zero {
        spec.fill.get_or_insert('0');
        spec.align.get_or_insert('=');
    }
    let zero_padded = spec.fill == Some('0') && spec.align == Some('=');
    let min_width = if zero_padded {
        spec.width.saturating_sub(fixed)
    } else {
        0
    };
    let grouped = group_digits_padded(digits, spec.grouping, every, min_width);
    let body = format!("{grouped}{rest}");
    let lead = format!("{sign}{prefix}");
    let length = lead.chars().count() + body.chars().count();
    if length >= spec.width {
        return format!("{lead}{body}");
    }
    let fill = spec.fill.unwrap_or(' ');
    let padding = spec.width - length;
    let fill_text = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match spec.align.unwrap_or('>') {
        '<' => format!("{lead}{body}{}", fill_text(padding)),
        '^' => format!(
            "{}{lead}{body}{}",
            fill_text(padding / 2),
            fill_text(padding - padding / 2)
        ),
        '=' => format!("{lead}{}{body}", fill_text(padding)),
        _ => format!("{}{lead}{body}", fill_text(padding)),
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
    if spec.width > MAX_FIELD || spec.precision.is_some_and(|p| p > MAX_FIELD) {
        return Err(too_big());
    }
    let big = value.to_bigint();
    let negative = big.sign() == num_bigint::Sign::Minus;
    let magnitude = if negative { -big } else { big };
    let (digits, prefix) = match spec.kind {
        None | Some('d') | Some('n') => {
            if value.as_i64().is_none() {
                // The decimal conversion limit applies to formatting as to `str()`.
                value.to_decimal_string()?;
            }
            (magnitude.to_str_radix(10), "")
        }
        Some('b') => (magnitude.to_str_radix(2), "0b"),
        Some('o') => (magnitude.to_str_radix(8), "0o"),
        Some('x') => (magnitude.to_str_radix(16), "0x"),
        Some('X') => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
        Some('c') => {
            if spec.sign.is_some() {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "Sign not allowed with integer format specifier 'c'",
                ));
            }
            if spec.alternate {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                ));
            }
            let code = if negative {
                None
            } else {
                num_traits::ToPrimitive::to_u32(&magnitude).filter(|code| *code < 0x110000)
            };
            let Some(code) = code else {
                return Err(PyErr::new(
                    ExceptionKind::OverflowError,
                    "%c arg not in range(0x110000)",
                ));
            };
            // Lone surrogates cannot be Rust chars; CPython would keep them.
            let text = char::from_u32(code).map(String::from).unwrap_or_default();
            return Ok(pad(spec, "", &text, false));
        }
        Some(other) => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("Unknown format code '{other}' for object of type 'int'"),
            ));
        }
    };
    // printf-style `%.3d` pads the digits to the precision.
    let digits = match spec.precision {
        Some(precision) if digits.len() < precision => {
            format!("{}{digits}", "0".repeat(precision - digits.len()))
        }
        _ => digits,
    };
    let every = if matches!(spec.kind, Some('b' | 'o' | 'x' | 'X')) {
        4
    } else {
        3
    };
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(layout_number(
        spec,
        sign_text(negative, spec),
        prefix,
        &digits,
        "",
        every,
    ))
}

/// Digits past this many decimals are all zeros for any double (its exact binary value has
/// at most 1074 fractional digits); Rust's formatter cannot take precisions above `u16`.
const EXACT_DIGITS: usize = 1100;

/// Precisions and widths beyond this give `MemoryError` instead of a huge allocation.
const MAX_FIELD: usize = 100_000_000;

fn too_big() -> PyErr {
    PyErr::new(ExceptionKind::MemoryError, "")
}

/// `value` with `precision` decimals, for any precision.
fn fixed_text(value: f64, precision: usize) -> String {
    if precision <= EXACT_DIGITS {
        return format!("{value:.precision$}");
    }
    let mut text = format!("{value:.EXACT_DIGITS$}");
    text.extend(std::iter::repeat_n('0', precision - EXACT_DIGITS));
    text
}

/// `%e`-style text with at least two exponent digits, as C prints it.
pub fn format_exponent(value: f64, precision: usize, upper: bool) -> String {
    let exact = precision.min(EXACT_DIGITS);
    let text = format!("{value:.exact$e}");
    let text = match text.split_once('e') {
        Some((mantissa, exponent)) if precision > exact => {
            let zeros = "0".repeat(precision - exact);
            format!("{mantissa}{zeros}e{exponent}")
        }
        _ => text,
    };
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

/// Adds the decimal point the alternate form (`#`) keeps when no digit follows it.
fn with_point(text: String) -> String {
    if text.contains('.') {
        return text;
    }
    match text.find(['e', 'E']) {
        Some(position) => format!("{}.{}", &text[..position], &text[position..]),
        None => format!("{text}."),
    }
}

/// `%g`: the shorter of fixed and exponent notation for `precision` significant digits.
pub fn format_general(value: f64, precision: usize, upper: bool, alternate: bool) -> String {
    format_general_switch(value, precision, upper, alternate, precision.max(1) as i32)
}

/// `%g` switching to exponent notation when the decimal exponent reaches `limit` (the
/// precision, or one less for the untyped spec, which always shows a fractional digit).
fn format_general_switch(
    value: f64,
    precision: usize,
    upper: bool,
    alternate: bool,
    limit: i32,
) -> String {
    let requested = precision.max(1);
    let precision = requested.min(EXACT_DIGITS);
    let exponent: i32 = if value == 0.0 {
        0
    } else {
        let exp_text = format!("{:.*e}", precision - 1, value);
        exp_text
            .split_once('e')
            .and_then(|(_, e)| e.parse().ok())
            .unwrap_or(0)
    };
    let text = if exponent < -4 || exponent >= limit {
        format_exponent(value, precision - 1, upper)
    } else {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        fixed_text(value, decimals)
    };
    if !alternate {
        return strip_zeros(&text);
    }
    let text = with_point(text);
    if requested == precision {
        return text;
    }
    // The alternate form keeps every requested digit; those past the exact ones are zeros.
    let zeros = "0".repeat(requested - precision);
    match text.find(['e', 'E']) {
        Some(position) => format!("{}{zeros}{}", &text[..position], &text[position..]),
        None => format!("{text}{zeros}"),
    }
}

/// Groups the digits after the decimal point in threes from the left (3.14's `.3_f`).
fn group_fraction(rest: &str, separator: char) -> String {
    let Some(fraction) = rest.strip_prefix('.') else {
        return rest.to_owned();
    };
    let end = fraction
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(fraction.len());
    let (digits, tail) = fraction.split_at(end);
    let mut out = String::from(".");
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && position % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    out.push_str(tail);
    out
}

fn format_float(value: f64, spec: &Spec) -> PyResult<String> {
    if spec.precision.is_some_and(|p| p > MAX_FIELD) || spec.width > MAX_FIELD {
        return Err(too_big());
    }
    let mut negative = value.is_sign_negative() && !value.is_nan();
    let magnitude = value.abs();
    let upper = matches!(spec.kind, Some('F' | 'E' | 'G'));
    let body = if magnitude.is_infinite() {
        if upper { "INF" } else { "inf" }.to_owned()
    } else if magnitude.is_nan() {
        if upper { "NAN" } else { "nan" }.to_owned()
    } else {
        let alternate = spec.alternate;
        match spec.kind {
            Some('f' | 'F') => {
                let text = fixed_text(magnitude, spec.precision.unwrap_or(6));
                if alternate { with_point(text) } else { text }
            }
            Some('e' | 'E') => {
                let text = format_exponent(magnitude, spec.precision.unwrap_or(6), upper);
                if alternate { with_point(text) } else { text }
            }
            Some('g' | 'G' | 'n') => {
                format_general(magnitude, spec.precision.unwrap_or(6), upper, alternate)
            }
            Some('%') => {
                let text = fixed_text(magnitude * 100.0, spec.precision.unwrap_or(6));
                format!("{}%", if alternate { with_point(text) } else { text })
            }
            None => match spec.precision {
                Some(precision) => {
                    let limit = precision.max(1) as i32 - 1;
                    let text = format_general_switch(magnitude, precision, false, alternate, limit);
                    if text.contains(['.', 'e']) {
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
    if negative
        && spec.no_negative_zero
        && magnitude.is_finite()
        && !body
            .split(['e', 'E'])
            .next()
            .unwrap_or("")
            .contains(|c: char| c.is_ascii_digit() && c != '0')
    {
        negative = false;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    let rest = match spec.fraction_grouping {
        Some(separator) => group_fraction(rest, separator),
        None => rest.to_owned(),
    };
    Ok(layout_number(
        spec,
        sign_text(negative, spec),
        "",
        digits,
        &rest,
        3,
    ))
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
        if crate::str::as_str_payload(&result).is_none() {
            return Err(PyErr::type_error(format!(
                "__format__ must return a str, not {}",
                result.ob_type().name()
            )));
        }
        return Ok(result);
    }
    format_builtin(ts, value, spec)
}

/// The `__format__` of `int`, `float` and `str` (and their subclasses).
pub fn format_builtin(ts: &ThreadState, value: &PyObject, spec: &str) -> PyResult {
    if spec.is_empty() {
        return value.str(ts);
    }
    let type_name = if value.downcast_ref::<Int>().is_some() {
        "int"
    } else if crate::float::as_f64(value).is_some() {
        "float"
    } else if crate::str::as_str_payload(value).is_some() {
        "str"
    } else {
        value.ob_type().name()
    };
    let parsed = parse_spec(spec, type_name)?;
    if parsed.width > MAX_FIELD {
        return Err(too_big());
    }
    let text = if let Some(int) = value.downcast_ref::<Int>() {
        match parsed.kind {
            Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
                format_float(crate::int_ops::int_to_f64(int)?, &parsed)?
            }
            None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {
                if parsed.precision.is_some() {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        "Precision not allowed in integer format specifier",
                    ));
                }
                if parsed.no_negative_zero {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier",
                    ));
                }
                format_int(int, &parsed)?
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
        } else if parsed.align == Some('=') && !parsed.zero {
            // `0` implies `=` for numbers only; an explicit `=` is refused.
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
        if parsed.zero {
            parsed.fill.get_or_insert('0');
            if parsed.align == Some('=') {
                parsed.align = Some('<');
            }
        }
        pad(&parsed, "", &body, false)
    } else if let Some(text) = crate::complex::format_complex(value, spec)? {
        text
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

/// A float as `repr` writes it inside a complex: no `.0` on integral values.
pub fn complex_part_repr(value: f64) -> String {
    let text = pyrite_ast::repr::float_repr(value);
    match text.strip_suffix(".0") {
        Some(integral) => integral.to_owned(),
        None => text,
    }
}

/// `format(complex, spec)` (CPython's `format_complex_internal`): both parts formatted as
/// floats, the imaginary one always signed, the whole padded as one field.
pub fn format_complex_parts(real: f64, imag: f64, spec: &str) -> PyResult<String> {
    let parsed = parse_spec(spec, "complex")?;
    if parsed.zero {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if parsed.align == Some('=') {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut kind = parsed.kind;
    let mut skip_real = false;
    let mut parens = false;
    let mut repr_style = false;
    match kind {
        None => {
            if real == 0.0 && real.is_sign_positive() {
                skip_real = true;
            } else {
                parens = true;
            }
            if parsed.precision.is_some() {
                kind = Some('g');
            } else {
                repr_style = true;
            }
        }
        Some('n') => kind = Some('g'),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G') => {}
        Some(other) => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("Unknown format code '{other}' for object of type 'complex'"),
            ));
        }
    }
    let part = |value: f64, sign: Option<char>| -> PyResult<String> {
        if repr_style {
            let text = complex_part_repr(value.abs());
            let negative = value.is_sign_negative() && !value.is_nan();
            let negative = negative && !(parsed.no_negative_zero && value == 0.0);
            let sign = sign_text(
                negative,
                &Spec {
                    sign,
                    ..Spec::default()
                },
            );
            let split = text
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len());
            let (digits, rest) = text.split_at(split);
            let part_spec = Spec {
                grouping: parsed.grouping,
                ..Spec::default()
            };
            return Ok(layout_number(&part_spec, sign, "", digits, rest, 3));
        }
        let part_spec = Spec {
            sign,
            kind,
            precision: parsed.precision,
            alternate: parsed.alternate,
            grouping: parsed.grouping,
            fraction_grouping: parsed.fraction_grouping,
            no_negative_zero: parsed.no_negative_zero,
            ..Spec::default()
        };
        format_float(value, &part_spec)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_real {
        body.push_str(&part(real, parsed.sign)?);
        body.push_str(&part(imag, Some('+'))?);
    } else {
        body.push_str(&part(imag, parsed.sign)?);
    }
    body.push('j');
    if parens {
        body.push(')');
    }
    let outer = Spec {
        fill: parsed.fill,
        align: Some(parsed.align.unwrap_or('>')),
        width: parsed.width,
        ..Spec::default()
    };
    Ok(pad(&outer, "", &body, false))
}
