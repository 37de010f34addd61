//! printf-style formatting: `str % args` and `bytes % args`, one parser for both.
//!
//! CPython counterpart: `PyUnicode_Format` (`Objects/unicodeobject.c`) and
//! `_PyBytes_FormatEx` (`Objects/bytesobject.c`). The template is read as code units
//! (code points for `str`, bytes for `bytes`); the conversions differ only for `%s`,
//! `%r`/`%a`, `%b` and `%c`.

use num_bigint::Sign;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::int::Int;
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;

#[derive(Default, Clone, Copy)]
struct Flags {
    left: bool,
    sign: bool,
    space: bool,
    alternate: bool,
    zero: bool,
}

/// `str % args`.
pub fn format_str(ts: &ThreadState, template: &PyObject, args: &PyObject) -> PyResult {
    let units = match crate::str::as_str_payload(template) {
        Some(text) => crate::str_methods::code_points_of(text),
        None => return Ok(crate::singletons::not_implemented()),
    };
    let out = format_units(ts, &units, args, false)?;
    crate::str_methods::str_from_code_points(ts, &out)
}

/// `bytes % args` (also `bytearray`): the formatted bytes.
pub fn format_bytes(ts: &ThreadState, template: &[u8], args: &PyObject) -> PyResult<Vec<u8>> {
    let units: Vec<u32> = template.iter().map(|&b| u32::from(b)).collect();
    let out = format_units(ts, &units, args, true)?;
    // Every unit came from bytes or ASCII text.
    Ok(out.into_iter().map(|unit| unit as u8).collect())
}

fn is_mapping_arg(args: &PyObject) -> bool {
    !args.payload_is::<crate::tuple::Tuple>()
        && args.ob_type().mapping.subscript.get().is_some()
        && crate::str::as_str_payload(args).is_none()
        && crate::bytes::bytes_like(args).is_none()
}

fn ascii_units(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.chars().map(u32::from)
}

fn format_units(
    ts: &ThreadState,
    template: &[u32],
    args: &PyObject,
    is_bytes: bool,
) -> PyResult<Vec<u32>> {
    let is_tuple = args.payload_is::<crate::tuple::Tuple>();
    let values: Vec<PyRef> = if is_tuple {
        crate::tuple::items(args).to_vec()
    } else {
        vec![args.new_ref()]
    };
    let is_mapping = is_mapping_arg(args);
    let mut next = 0usize;
    let mut out: Vec<u32> = Vec::with_capacity(template.len());
    let take = |next: &mut usize| -> PyResult<PyRef> {
        let value = values
            .get(*next)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(value)
    };
    let unit_is = |at: usize, c: u8| template.get(at) == Some(&u32::from(c));
    let mut i = 0;
    while i < template.len() {
        if template[i] != u32::from(b'%') {
            out.push(template[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut keyed: Option<PyRef> = None;
        if unit_is(i, b'(') {
            if !is_mapping {
                return Err(PyErr::type_error("format requires a mapping"));
            }
            let mut depth = 1;
            let start = i + 1;
            let mut j = start;
            while j < template.len() && depth > 0 {
                if template[j] == u32::from(b'(') {
                    depth += 1;
                } else if template[j] == u32::from(b')') {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "incomplete format key",
                ));
            }
            let key_units = &template[start..j - 1];
            let key = if is_bytes {
                crate::bytes::from_vec(ts, key_units.iter().map(|&u| u as u8).collect())
            } else {
                crate::str_methods::str_from_code_points(ts, key_units)?
            };
            keyed = Some(crate::abstract_api::get_item(ts, args, &key)?);
            i = j;
        }
        let mut flags = Flags::default();
        while let Some(&unit) = template.get(i) {
            match char::from_u32(unit) {
                Some('-') => flags.left = true,
                Some('+') => flags.sign = true,
                Some(' ') => flags.space = true,
                Some('#') => flags.alternate = true,
                Some('0') => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if unit_is(i, b'*') {
            let value = if keyed.is_some() && !is_tuple {
                return Err(PyErr::type_error("* wants int"));
            } else {
                take(&mut next)?
            };
            if !value.payload_is::<Int>() {
                return Err(PyErr::type_error("* wants int"));
            }
            let requested = crate::int::as_i64(&value).unwrap_or(0);
            if requested < 0 {
                flags.left = true;
            }
            width = requested.unsigned_abs() as usize;
            i += 1;
        } else {
            while let Some(digit) = template
                .get(i)
                .and_then(|&u| char::from_u32(u)?.to_digit(10))
            {
                width = width.saturating_mul(10).saturating_add(digit as usize);
                i += 1;
            }
        }
        let mut precision: Option<usize> = None;
        if unit_is(i, b'.') {
            i += 1;
            let mut value_of_precision = 0usize;
            if unit_is(i, b'*') {
                let value = take(&mut next)?;
                if !value.payload_is::<Int>() {
                    return Err(PyErr::type_error("* wants int"));
                }
                value_of_precision = crate::int::as_i64(&value).unwrap_or(0).max(0) as usize;
                i += 1;
            } else {
                while let Some(digit) = template
                    .get(i)
                    .and_then(|&u| char::from_u32(u)?.to_digit(10))
                {
                    value_of_precision = value_of_precision
                        .saturating_mul(10)
                        .saturating_add(digit as usize);
                    i += 1;
                }
            }
            precision = Some(value_of_precision);
        }
        // C's length modifiers are accepted and ignored.
        while matches!(
            template.get(i).and_then(|&u| char::from_u32(u)),
            Some('h' | 'l' | 'L')
        ) {
            i += 1;
        }
        let Some(&conversion_unit) = template.get(i) else {
            return Err(PyErr::new(ExceptionKind::ValueError, "incomplete format"));
        };
        let conversion = char::from_u32(conversion_unit).unwrap_or('\u{FFFD}');
        let index = i;
        i += 1;
        if conversion == '%' {
            out.push(u32::from(b'%'));
            continue;
        }
        let value = match keyed.take() {
            Some(value) => value,
            None => take(&mut next)?,
        };
        let (body, numeric): (Vec<u32>, bool) = match conversion {
            's' if !is_bytes => {
                let text = value.str(ts)?;
                let mut units = crate::str::as_str_payload(&text)
                    .map(crate::str_methods::code_points_of)
                    .unwrap_or_default();
                if let Some(precision) = precision {
                    units.truncate(precision);
                }
                (units, false)
            }
            'r' | 'a' if !is_bytes => {
                let repr = value.repr(ts)?;
                let mut units: Vec<u32> = if conversion == 'a' {
                    ascii_units(&crate::str_methods::ascii_escape(
                        &crate::str::to_rust_string(&repr),
                    ))
                    .collect()
                } else {
                    crate::str::as_str_payload(&repr)
                        .map(crate::str_methods::code_points_of)
                        .unwrap_or_default()
                };
                if let Some(precision) = precision {
                    units.truncate(precision);
                }
                (units, false)
            }
            'c' if !is_bytes => (vec![char_for_str(ts, &value)?], false),
            's' | 'b' if is_bytes => {
                let mut data = bytes_for_s(ts, &value, conversion)?;
                if let Some(precision) = precision {
                    data.truncate(precision);
                }
                (data.into_iter().map(u32::from).collect(), false)
            }
            'r' | 'a' if is_bytes => {
                let repr = crate::str::to_rust_string(&*value.repr(ts)?);
                let mut units: Vec<u32> =
                    ascii_units(&crate::str_methods::ascii_escape(&repr)).collect();
                if let Some(precision) = precision {
                    units.truncate(precision);
                }
                (units, false)
            }
            'c' if is_bytes => (vec![u32::from(byte_for_c(&value)?)], false),
            _ => match number_text(ts, &value, conversion, flags, precision)? {
                Some(text) => (ascii_units(&text).collect(), true),
                None => {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        format!(
                            "unsupported format character '{}' (0x{:x}) at index {index}",
                            conversion, conversion_unit
                        ),
                    ));
                }
            },
        };
        pad_into(&mut out, &body, width, flags, numeric);
    }
    if next < values.len() && !is_mapping {
        return Err(PyErr::type_error(if is_bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn pad_into(out: &mut Vec<u32>, body: &[u32], width: usize, flags: Flags, numeric: bool) {
    let space = u32::from(b' ');
    if body.len() >= width {
        out.extend_from_slice(body);
        return;
    }
    let padding = width - body.len();
    if flags.left {
        out.extend_from_slice(body);
        out.extend(std::iter::repeat_n(space, padding));
        return;
    }
    let finite = !body
        .iter()
        .any(|&u| matches!(char::from_u32(u), Some('i' | 'n' | 'I' | 'N')));
    if numeric && flags.zero && finite {
        // Zeros go after the sign and any 0x/0o prefix.
        let mut prefix = 0;
        if matches!(
            body.first().and_then(|&u| char::from_u32(u)),
            Some('+' | '-' | ' ')
        ) {
            prefix = 1;
        }
        if body.get(prefix) == Some(&u32::from(b'0'))
            && matches!(
                body.get(prefix + 1).and_then(|&u| char::from_u32(u)),
                Some('x' | 'X' | 'o')
            )
        {
            prefix += 2;
        }
        out.extend_from_slice(&body[..prefix]);
        out.extend(std::iter::repeat_n(u32::from(b'0'), padding));
        out.extend_from_slice(&body[prefix..]);
        return;
    }
    out.extend(std::iter::repeat_n(space, padding));
    out.extend_from_slice(body);
}

fn char_for_str(ts: &ThreadState, value: &PyObject) -> PyResult<u32> {
    if let Some(text) = crate::str::as_str_payload(value) {
        if text.len() == 1 {
            return Ok(crate::str_methods::code_points_of(text)[0]);
        }
        return Err(PyErr::type_error(format!(
            "%c requires an int or a unicode character, not a string of length {}",
            text.len()
        )));
    }
    if value.ob_type().number.index.get().is_none() {
        return Err(PyErr::type_error(format!(
            "%c requires an int or a unicode character, not {}",
            value.ob_type().name()
        )));
    }
    let index = crate::abstract_api::index(ts, value)?;
    match crate::int::as_i64(&index) {
        Some(code) if (0..=0x10FFFF).contains(&code) => Ok(code as u32),
        _ => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "%c arg not in range(0x110000)",
        )),
    }
}

fn byte_for_c(value: &PyObject) -> PyResult<u8> {
    if let Some(data) = crate::bytes::bytes_like(value) {
        if data.len() == 1 {
            return Ok(data[0]);
        }
        return Err(PyErr::type_error(format!(
            "%c requires an integer in range(256) or a single byte, not a {} object of length {}",
            value.ob_type().name(),
            data.len()
        )));
    }
    if value.payload_is::<Int>() {
        return match crate::int::as_i64(value).and_then(|v| u8::try_from(v).ok()) {
            Some(byte) => Ok(byte),
            None => Err(PyErr::new(
                ExceptionKind::OverflowError,
                "%c arg not in range(256)",
            )),
        };
    }
    Err(PyErr::type_error(
        "%c requires an integer in range(256) or a single byte",
    ))
}

fn bytes_for_s(ts: &ThreadState, value: &PyObject, conversion: char) -> PyResult<Vec<u8>> {
    if let Some(data) = crate::bytes::bytes_like(value) {
        return Ok(data);
    }
    if let Some(method) = value.ob_type().lookup_str(ts, "__bytes__")? {
        let result = crate::abstract_api::call(ts, &method, &[value.new_ref()], None)?;
        return match crate::bytes::as_bytes(&result) {
            Some(data) => Ok(data.to_vec()),
            None => Err(PyErr::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                result.ob_type().name()
            ))),
        };
    }
    let _ = conversion;
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        value.ob_type().name()
    )))
}

/// The text of a numeric conversion (sign, prefix, digits; no padding); `None` for an
/// unknown conversion character.
fn number_text(
    ts: &ThreadState,
    value: &PyObject,
    conversion: char,
    flags: Flags,
    precision: Option<usize>,
) -> PyResult<Option<String>> {
    let sign_for = |negative: bool| {
        if negative {
            "-"
        } else if flags.sign {
            "+"
        } else if flags.space {
            " "
        } else {
            ""
        }
    };
    match conversion {
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let integer = if value.payload_is::<Int>() {
                value.new_ref()
            } else if matches!(conversion, 'd' | 'i' | 'u') {
                if value.ob_type().number.int.get().is_none()
                    && value.ob_type().number.index.get().is_none()
                {
                    return Err(PyErr::type_error(format!(
                        "%{conversion} format: a real number is required, not {}",
                        value.ob_type().name()
                    )));
                }
                crate::int_ops::to_int(ts, value)?
            } else {
                if value.ob_type().number.index.get().is_none() {
                    return Err(PyErr::type_error(format!(
                        "%{conversion} format: an integer is required, not {}",
                        value.ob_type().name()
                    )));
                }
                crate::abstract_api::index(ts, value)?
            };
            let Some(int) = integer.downcast_ref::<Int>() else {
                return Ok(Some(String::new()));
            };
            let big = int.to_bigint();
            let negative = big.sign() == Sign::Minus;
            let magnitude = if negative { -big } else { big };
            let (mut digits, prefix) = match conversion {
                'o' => (magnitude.to_str_radix(8), "0o"),
                'x' => (magnitude.to_str_radix(16), "0x"),
                'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
                _ => (magnitude.to_str_radix(10), ""),
            };
            if let Some(precision) = precision
                && digits.len() < precision
            {
                digits = format!("{}{digits}", "0".repeat(precision - digits.len()));
            }
            let prefix = if flags.alternate { prefix } else { "" };
            Ok(Some(format!("{}{prefix}{digits}", sign_for(negative))))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let float = match crate::float::as_f64(value) {
                Some(float) => float,
                None if value.ob_type().number.float.get().is_none()
                    && value.ob_type().number.index.get().is_none() =>
                {
                    return Err(PyErr::type_error(format!(
                        "must be real number, not {}",
                        value.ob_type().name()
                    )));
                }
                None => {
                    let converted = crate::float_ops::to_float(ts, value).map_err(|err| {
                        if err.is(ExceptionKind::TypeError) {
                            PyErr::type_error(format!(
                                "must be real number, not {}",
                                value.ob_type().name()
                            ))
                        } else {
                            err
                        }
                    })?;
                    crate::float::as_f64(&converted).unwrap_or(0.0)
                }
            };
            let body = crate::formatter::float_digits(
                float.abs(),
                conversion,
                precision.unwrap_or(6),
                flags.alternate,
            )?;
            let negative = float.is_sign_negative() && !float.is_nan();
            let mut body = body;
            if flags.alternate
                && matches!(conversion, 'f' | 'F' | 'e' | 'E')
                && float.is_finite()
                && !body.contains('.')
            {
                let at = body.find(['e', 'E']).unwrap_or(body.len());
                body.insert(at, '.');
            }
            Ok(Some(format!("{}{body}", sign_for(negative))))
        }
        _ => Ok(None),
    }
}
