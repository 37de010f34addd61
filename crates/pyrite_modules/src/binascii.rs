//! The `binascii` module: conversions between binary data and ASCII encodings (hex,
//! base64, uuencode) and the `crc32`/`crc_hqx` checksums.
//!
//! CPython counterpart: `Modules/binascii.c`.

use std::cell::RefCell;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::typeobject::TYPE_TYPE;
use pyrite_objects::{PyErr, PyObject, PyRef, PyResult, ThreadState};
use pyrite_objects::{abstract_api, bytes, int, str as pystr, tuple};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind, positional};

thread_local! {
    static ERROR: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// `binascii.Error(message)`.
fn error(ts: &ThreadState, message: impl Into<String>) -> PyErr {
    let message = message.into();
    match ERROR.with(|class| class.borrow().clone()) {
        Some(class) => {
            let text = pystr::new(ts, &message).into_ref();
            match abstract_api::call(ts, &class, &[text], None) {
                Ok(exc) => PyErr::from_exception(exc),
                Err(err) => err,
            }
        }
        None => PyErr::new(ExceptionKind::ValueError, message),
    }
}

/// An `a2b_*` argument: a bytes-like object or an ASCII `str` (the `ascii_buffer`
/// converter).
fn ascii_data(object: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(text) = pystr::as_str_payload(object) {
        if !text.is_ascii() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(text.as_bytes().to_vec());
    }
    bytes::bytes_like(object).ok_or_else(|| {
        PyErr::type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            object.ob_type().name()
        ))
    })
}

fn binary_data(object: &PyObject) -> PyResult<Vec<u8>> {
    bytes::require_bytes_like(object)
}

fn hexlify(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let Some((data, rest)) = args.split_first() else {
        return Err(PyErr::type_error(
            "hexlify() missing required argument 'data' (pos 1)",
        ));
    };
    let data = binary_data(data)?;
    let text = pyrite_objects::bytes_methods::hex_common(ts, &data, rest, kw)?;
    Ok(bytes::new(ts, pystr::to_rust_string(&text).as_bytes()))
}

fn hex_value(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|digit| digit as u8)
}

fn unhexlify(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("unhexlify", args, kw, &["hexstr"], 1, 1)?;
    let data = ascii_data(values[0].as_ref().expect("required"))?;
    if data.len() % 2 != 0 {
        return Err(error(ts, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(high), Some(low)) => out.push(high << 4 | low),
            _ => return Err(error(ts, "Non-hexadecimal digit found")),
        }
    }
    Ok(bytes::from_vec(ts, out))
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_value(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Decodes base64 as CPython does: non-alphabet characters are skipped (an error in
/// strict mode) and decoding stops at the padding that completes a quad.
fn decode_base64(ts: &ThreadState, data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let mut quad_pos = 0;
    let mut left = 0u8;
    let mut pads = 0;
    let mut padding_started = false;
    let mut data_chars = 0usize;
    let mut complete = false;
    for (i, &byte) in data.iter().enumerate() {
        if byte == b'=' {
            padding_started = true;
            if strict && quad_pos == 0 {
                return Err(error(
                    ts,
                    if i == 0 {
                        "Leading padding not allowed"
                    } else {
                        "Excess padding not allowed"
                    },
                ));
            }
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(ts, "Excess data after padding"));
                    }
                    complete = true;
                    break;
                }
            }
            continue;
        }
        let Some(value) = base64_value(byte) else {
            if strict {
                return Err(error(ts, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(ts, "Discontinuous padding not allowed"));
        }
        pads = 0;
        data_chars += 1;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = value;
            }
            1 => {
                quad_pos = 2;
                out.push(left << 2 | value >> 4);
                left = value & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(left << 4 | value >> 2);
                left = value & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(left << 6 | value);
                left = 0;
            }
        }
    }
    if !complete && quad_pos != 0 {
        return Err(if quad_pos == 1 {
            error(
                ts,
                format!(
                    "Invalid base64-encoded string: number of data characters ({data_chars}) \
                     cannot be 1 more than a multiple of 4"
                ),
            )
        } else {
            error(ts, "Incorrect padding")
        });
    }
    Ok(out)
}

fn a2b_base64(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("a2b_base64", args, kw, &["data", "strict_mode"], 1, 1)?;
    let data = ascii_data(values[0].as_ref().expect("required"))?;
    let strict = match &values[1] {
        Some(flag) => flag.is_true(ts)?,
        None => false,
    };
    Ok(bytes::from_vec(ts, decode_base64(ts, &data, strict)?))
}

fn encode_base64(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b0 = chunk[0];
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        out.push(BASE64_ALPHABET[usize::from(b0 >> 2)]);
        out.push(BASE64_ALPHABET[usize::from((b0 & 0x03) << 4 | b1 >> 4)]);
        out.push(if chunk.len() > 1 {
            BASE64_ALPHABET[usize::from((b1 & 0x0f) << 2 | b2 >> 6)]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            BASE64_ALPHABET[usize::from(b2 & 0x3f)]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn b2a_base64(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("b2a_base64", args, kw, &["data", "newline"], 1, 1)?;
    let data = binary_data(values[0].as_ref().expect("required"))?;
    let newline = match &values[1] {
        Some(flag) => flag.is_true(ts)?,
        None => true,
    };
    Ok(bytes::from_vec(ts, encode_base64(&data, newline)))
}

/// An `unsigned int` argument converted bitwise (Argument Clinic's `I` format: the low
/// 32 bits, no overflow check).
fn unsigned_bits(ts: &ThreadState, value: &PyObject) -> PyResult<u32> {
    if value.payload_is::<pyrite_objects::float::Float>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let index = abstract_api::index(ts, value)?;
    let value = index
        .downcast_ref::<int::Int>()
        .map(|int| int.to_bigint())
        .unwrap_or_default();
    let modulus = num_bigint::BigInt::from(1u64 << 32);
    let low = ((value % &modulus) + &modulus) % &modulus;
    Ok(u32::try_from(&low).unwrap_or(0))
}

fn crc32_update(mut crc: u32, data: &[u8]) -> u32 {
    crc = !crc;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn crc32(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("crc32", args, kw, 1, 2)?;
    let data = binary_data(&args[0])?;
    let start = match args.get(1) {
        Some(value) => unsigned_bits(ts, value)?,
        None => 0,
    };
    Ok(int::new(ts, i64::from(crc32_update(start, &data))))
}

fn crc_hqx(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("crc_hqx", args, kw, 2, 2)?;
    let data = binary_data(&args[0])?;
    let mut crc = unsigned_bits(ts, &args[1])? & 0xffff;
    for &byte in &data {
        crc ^= u32::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
            crc &= 0xffff;
        }
    }
    Ok(int::new(ts, i64::from(crc)))
}

fn uu_char(value: u8, backtick: bool) -> u8 {
    if backtick && value == 0 {
        b'`'
    } else {
        b' ' + value
    }
}

fn b2a_uu(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("b2a_uu", args, kw, &["data", "backtick"], 1, 1)?;
    let data = binary_data(values[0].as_ref().expect("required"))?;
    let backtick = match &values[1] {
        Some(flag) => flag.is_true(ts)?,
        None => false,
    };
    if data.len() > 45 {
        return Err(error(ts, "At most 45 bytes at once"));
    }
    let mut out = vec![uu_char(data.len() as u8 & 0x3f, backtick)];
    for chunk in data.chunks(3) {
        let b0 = chunk[0];
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        for value in [
            b0 >> 2,
            (b0 & 3) << 4 | b1 >> 4,
            (b1 & 0x0f) << 2 | b2 >> 6,
            b2 & 0x3f,
        ] {
            out.push(uu_char(value, backtick));
        }
    }
    out.push(b'\n');
    Ok(bytes::from_vec(ts, out))
}

fn a2b_uu(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let args = positional("a2b_uu", args, kw, 1, 1)?;
    let data = ascii_data(&args[0])?;
    let Some((&first, rest)) = data.split_first() else {
        return Ok(bytes::from_vec(ts, vec![0; 32]));
    };
    let length = usize::from(first.wrapping_sub(b' ') & 0x3f);
    let mut values = rest.iter().map(|&byte| {
        if byte == b'\n' || byte == b'\r' {
            None
        } else {
            Some(byte.wrapping_sub(b' ') & 0x3f)
        }
    });
    let mut out = Vec::with_capacity(length);
    let mut sextets = Vec::new();
    while out.len() < length {
        let value = values.next().flatten().unwrap_or(0);
        sextets.push(value);
        if sextets.len() == 4 {
            let (a, b, c, d) = (sextets[0], sextets[1], sextets[2], sextets[3]);
            for byte in [a << 2 | b >> 4, b << 4 | c >> 2, c << 6 | d] {
                if out.len() < length {
                    out.push(byte);
                }
            }
            sextets.clear();
        }
    }
    if !sextets.is_empty() && out.len() < length {
        return Err(error(ts, "Illegal char"));
    }
    Ok(bytes::from_vec(ts, out))
}

/// Decodes quoted-printable: `=XX` escapes, `=` soft line breaks, `_` for space in
/// headers; malformed escapes pass through.
fn decode_qp(data: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut at = 0;
    while at < data.len() {
        let byte = data[at];
        if byte == b'=' {
            at += 1;
            if at >= data.len() {
                break;
            }
            match data[at] {
                b'\n' | b'\r' => {
                    while at < data.len() && data[at] != b'\n' {
                        at += 1;
                    }
                    if at < data.len() {
                        at += 1;
                    }
                }
                b'=' => {
                    out.push(b'=');
                    at += 1;
                }
                high => match (
                    hex_value(high),
                    data.get(at + 1).and_then(|&b| hex_value(b)),
                ) {
                    (Some(high), Some(low)) => {
                        out.push(high << 4 | low);
                        at += 2;
                    }
                    _ => out.push(b'='),
                },
            }
        } else if header && byte == b'_' {
            out.push(b' ');
            at += 1;
        } else {
            out.push(byte);
            at += 1;
        }
    }
    out
}

fn a2b_qp(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("a2b_qp", args, kw, &["data", "header"], 0, 1)?;
    let data = ascii_data(values[0].as_ref().expect("required"))?;
    let header = match &values[1] {
        Some(flag) => flag.is_true(ts)?,
        None => false,
    };
    Ok(bytes::from_vec(ts, decode_qp(&data, header)))
}

/// Encodes quoted-printable with lines of at most 76 characters (CPython's
/// `binascii_b2a_qp_impl` rules, including its CRLF detection).
fn encode_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    const MAX_LINE: usize = 76;
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let crlf = data
        .iter()
        .position(|&b| b == b'\n')
        .is_some_and(|at| at > 0 && data[at - 1] == b'\r');
    let newline = |out: &mut Vec<u8>| {
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out = Vec::with_capacity(data.len() * 2);
    let mut line_len = 0;
    let mut at = 0;
    while at < data.len() {
        let c = data[at];
        let next = data.get(at + 1).copied();
        let needs_escape = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && line_len == 0
                && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if needs_escape {
            if line_len + 3 >= MAX_LINE {
                out.push(b'=');
                newline(&mut out);
                line_len = 0;
            }
            out.extend_from_slice(&[b'=', HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]]);
            line_len += 3;
            at += 1;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            line_len = 0;
            if let Some(&last) = out.last()
                && (last == b' ' || last == b'\t')
            {
                out.pop();
                out.extend_from_slice(&[
                    b'=',
                    HEX[usize::from(last >> 4)],
                    HEX[usize::from(last & 15)],
                ]);
            }
            newline(&mut out);
            at += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && line_len + 1 >= MAX_LINE {
                out.push(b'=');
                newline(&mut out);
                line_len = 0;
            }
            line_len += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            at += 1;
        }
    }
    out
}

fn b2a_qp(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind(
        "b2a_qp",
        args,
        kw,
        &["data", "quotetabs", "istext", "header"],
        0,
        1,
    )?;
    let data = binary_data(values[0].as_ref().expect("required"))?;
    let flag = |index: usize, default: bool| -> PyResult<bool> {
        match &values[index] {
            Some(flag) => flag.is_true(ts),
            None => Ok(default),
        }
    };
    let encoded = encode_qp(&data, flag(1, false)?, flag(2, true)?, flag(3, false)?);
    Ok(bytes::from_vec(ts, encoded))
}

fn make_class(ts: &ThreadState, name: &str, base: ExceptionKind) -> PyResult {
    let namespace = pyrite_objects::dict::new(ts);
    namespace.payload().set_item(
        ts,
        pystr::intern(ts, "__module__"),
        pystr::intern(ts, "binascii"),
    )?;
    let bases = tuple::new(ts, vec![base.static_type().as_object().new_ref()]).into_ref();
    abstract_api::call(
        ts,
        TYPE_TYPE.as_object(),
        &[pystr::intern(ts, name), bases, namespace.into_ref()],
        None,
    )
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = ModuleBuilder::new(
        ts,
        "binascii",
        Some("Conversion between binary data and ASCII"),
    )?;
    let error_class = make_class(ts, "Error", ExceptionKind::ValueError)?;
    ERROR.with(|class| *class.borrow_mut() = Some(error_class.clone()));
    module.set("Error", error_class)?;
    module.set(
        "Incomplete",
        make_class(ts, "Incomplete", ExceptionKind::Exception)?,
    )?;
    module.functions(&[
        ("hexlify", hexlify),
        ("b2a_hex", hexlify),
        ("unhexlify", unhexlify),
        ("a2b_hex", unhexlify),
        ("a2b_base64", a2b_base64),
        ("b2a_base64", b2a_base64),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
        ("a2b_uu", a2b_uu),
        ("b2a_uu", b2a_uu),
        ("a2b_qp", a2b_qp),
        ("b2a_qp", b2a_qp),
    ])?;
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_zlib() {
        assert_eq!(crc32_update(0, b"hello world"), 222_957_957);
        assert_eq!(crc32_update(0, b""), 0);
    }

    #[test]
    fn base64_encodes_with_padding() {
        assert_eq!(encode_base64(b"a", false), b"YQ==");
        assert_eq!(encode_base64(b"abcd", true), b"YWJjZA==\n");
    }
}
