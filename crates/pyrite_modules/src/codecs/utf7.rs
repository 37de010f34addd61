//! The UTF-7 codec (RFC 2152): characters outside the direct set go in `+...-` runs of
//! modified base64 over UTF-16.
//!
//! CPython counterpart: `PyUnicode_DecodeUTF7Stateful` and `_PyUnicode_EncodeUTF7`
//! (`Objects/unicodeobject.c`), with CPython's choice of directly encoded characters
//! (the optional set O and whitespace are written directly).

use pyrite_objects::{PyResult, ThreadState, str_methods};

use super::escapes::decode_failure;

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn is_base64(byte: u32) -> bool {
    byte < 128 && (byte as u8).is_ascii_alphanumeric()
        || byte == u32::from(b'+')
        || byte == u32::from(b'/')
}

fn from_base64(byte: u8) -> u32 {
    match byte {
        b'A'..=b'Z' => u32::from(byte - b'A'),
        b'a'..=b'z' => u32::from(byte - b'a') + 26,
        b'0'..=b'9' => u32::from(byte - b'0') + 52,
        b'+' => 62,
        _ => 63,
    }
}

/// Characters written as themselves: set D, set O and whitespace (not `+`, `\`, `~`,
/// controls or DEL).
fn encode_direct(code: u32) -> bool {
    if code == 0 || code >= 128 {
        return false;
    }
    let c = code as u8;
    c.is_ascii_alphanumeric()
        || b"'(),-./:?".contains(&c)
        || b"!\"#$%&*;<=>@[]^_`{|}".contains(&c)
        || b" \t\r\n".contains(&c)
}

/// `utf_7_encode(str)`.
pub fn encode(code_points: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(code_points.len());
    let mut in_shift = false;
    let mut bits = 0u32;
    let mut buffer = 0u64;
    let flush_bits = |out: &mut Vec<u8>, bits: &mut u32, buffer: &mut u64| {
        while *bits >= 6 {
            out.push(BASE64[((*buffer >> (*bits - 6)) & 0x3F) as usize]);
            *bits -= 6;
        }
        *buffer &= (1u64 << *bits) - 1;
    };
    for &code in code_points {
        if in_shift && encode_direct(code) {
            if bits > 0 {
                out.push(BASE64[((buffer << (6 - bits)) & 0x3F) as usize]);
                bits = 0;
                buffer = 0;
            }
            in_shift = false;
            if is_base64(code) || code == u32::from(b'-') {
                out.push(b'-');
            }
            out.push(code as u8);
            continue;
        }
        if !in_shift {
            if code == u32::from(b'+') {
                out.extend_from_slice(b"+-");
                continue;
            }
            if encode_direct(code) {
                out.push(code as u8);
                continue;
            }
            out.push(b'+');
            in_shift = true;
        }
        let units: Vec<u32> = if code >= 0x10000 {
            let value = code - 0x10000;
            vec![0xD800 | (value >> 10), 0xDC00 | (value & 0x3FF)]
        } else {
            vec![code]
        };
        for unit in units {
            bits += 16;
            buffer = (buffer << 16) | u64::from(unit);
            flush_bits(&mut out, &mut bits, &mut buffer);
        }
    }
    if bits > 0 {
        out.push(BASE64[((buffer << (6 - bits)) & 0x3F) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// `utf_7_decode(data, errors, final)`: the code points and the bytes consumed.
pub fn decode(
    ts: &ThreadState,
    data: &[u8],
    errors: &str,
    last: bool,
) -> PyResult<(pyrite_objects::PyRef, usize)> {
    let codec = "utf7";
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut in_shift = false;
    let mut start = 0usize;
    let mut shift_out_start = 0usize;
    let mut bits = 0u32;
    let mut buffer = 0u64;
    let mut surrogate: Option<u32> = None;
    let mut at = 0usize;
    while at < data.len() {
        let byte = data[at];
        if in_shift {
            if is_base64(u32::from(byte)) {
                buffer = (buffer << 6) | u64::from(from_base64(byte));
                bits += 6;
                at += 1;
                if bits >= 16 {
                    let unit = ((buffer >> (bits - 16)) & 0xFFFF) as u32;
                    bits -= 16;
                    buffer &= (1u64 << bits) - 1;
                    if let Some(high) = surrogate.take() {
                        if (0xDC00..0xE000).contains(&unit) {
                            out.push(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00));
                            continue;
                        }
                        out.push(high);
                    }
                    if (0xD800..0xDC00).contains(&unit) {
                        surrogate = Some(unit);
                    } else {
                        out.push(unit);
                    }
                }
                continue;
            }
            in_shift = false;
            if bits > 6 {
                at += 1;
                at = decode_failure(
                    ts,
                    errors,
                    codec,
                    data,
                    (start, at),
                    "partial character in shift sequence",
                    &mut out,
                )?;
                continue;
            }
            if bits > 0 && buffer != 0 {
                at += 1;
                at = decode_failure(
                    ts,
                    errors,
                    codec,
                    data,
                    (start, at),
                    "non-zero padding bits in shift sequence",
                    &mut out,
                )?;
                continue;
            }
            if let Some(high) = surrogate.take() {
                out.push(high);
            }
            if byte == b'-' {
                at += 1;
            }
            continue;
        }
        if byte == b'+' {
            start = at;
            at += 1;
            match data.get(at) {
                Some(b'-') => {
                    at += 1;
                    out.push(u32::from(b'+'));
                }
                Some(&next) if !is_base64(u32::from(next)) => {
                    at += 1;
                    at = decode_failure(
                        ts,
                        errors,
                        codec,
                        data,
                        (start, at),
                        "ill-formed sequence",
                        &mut out,
                    )?;
                }
                _ => {
                    in_shift = true;
                    surrogate = None;
                    shift_out_start = out.len();
                    bits = 0;
                    buffer = 0;
                }
            }
            continue;
        }
        if byte < 128 {
            out.push(u32::from(byte));
            at += 1;
            continue;
        }
        start = at;
        at += 1;
        at = decode_failure(
            ts,
            errors,
            codec,
            data,
            (start, at),
            "unexpected special character",
            &mut out,
        )?;
    }
    let mut consumed = at;
    if in_shift && last {
        if surrogate.is_some() || bits >= 6 || (bits > 0 && buffer != 0) {
            decode_failure(
                ts,
                errors,
                codec,
                data,
                (start, data.len()),
                "unterminated shift sequence",
                &mut out,
            )?;
        }
    } else if in_shift {
        consumed = start;
        out.truncate(shift_out_start);
    }
    Ok((str_methods::str_from_code_points(ts, &out)?, consumed))
}
