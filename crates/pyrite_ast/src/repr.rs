//! Python's `repr()` of the constant types: `str`, `bytes`, `int`, `float`, `complex`.
//!
//! CPython counterpart: `unicode_repr` (`Objects/unicodeobject.c`), `bytes_repr`
//! (`Objects/bytesobject.c`), `long_to_decimal_string` (`Objects/longobject.c`),
//! `float_repr` (`Objects/floatobject.c`, `PyOS_double_to_string` in `Python/pystrtod.c`)
//! and `complex_repr` (`Objects/complexobject.c`).
//!
//! `str.isprintable` needs the Unicode general categories; they come from the
//! `unicode-general-category` crate, whose Unicode 16.0 data is the version CPython 3.14
//! ships (`unicodedata.unidata_version == '16.0.0'`). A test checks every code point
//! against a table produced by CPython.

use num_bigint::BigInt;
use unicode_general_category::{GeneralCategory, get_general_category};

use crate::py_str::PyStr;

/// `repr(int)`: the decimal digits.
///
/// CPython refuses (ValueError) to convert an int of more than `sys.get_int_max_str_digits()`
/// (default 4300) decimal digits; that check belongs to the caller that has the setting.
pub fn int_repr(value: &BigInt) -> String {
    value.to_string()
}

/// Python's `str.isprintable()` for one code point: false for the general categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs, except the space U+0020.
pub fn is_printable(code_point: u32) -> bool {
    if code_point == 0x20 {
        return true;
    }
    // Surrogates and values past U+10FFFF are not `char`s; neither is printable.
    let Some(ch) = char::from_u32(code_point) else {
        return false;
    };
    if ch.is_ascii() {
        return (0x21..0x7F).contains(&code_point);
    }
    !matches!(
        get_general_category(ch),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::Surrogate
            | GeneralCategory::PrivateUse
            | GeneralCategory::Unassigned
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::SpaceSeparator
    )
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, value: u32, digits: u32) {
    for shift in (0..digits).rev() {
        out.push(char::from(
            HEX_DIGITS[((value >> (shift * 4)) & 0xF) as usize],
        ));
    }
}

/// `repr(str)`: single quotes unless the text has a `'` and no `"`; backslash escapes for
/// the quote, `\\`, `\t`, `\n`, `\r`, and `\xNN`/`\uNNNN`/`\UNNNNNNNN` for every
/// non-printable code point.
pub fn str_repr(value: &PyStr) -> String {
    match value.as_str() {
        Some(text) => text_repr(text),
        None => {
            let bytes = value.as_surrogatepass_utf8();
            let mut out = String::with_capacity(bytes.len() + 2);
            write_str_repr(
                &mut out,
                value.code_points(),
                bytes.contains(&b'\''),
                bytes.contains(&b'"'),
            );
            out
        }
    }
}

/// `repr(str)` of a string without surrogates, e.g. an identifier.
pub fn text_repr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_str_repr(
        &mut out,
        text.chars().map(u32::from),
        text.contains('\''),
        text.contains('"'),
    );
    out
}

fn write_str_repr(
    out: &mut String,
    code_points: impl Iterator<Item = u32>,
    has_single: bool,
    has_double: bool,
) {
    let quote = if has_single && !has_double { '"' } else { '\'' };
    out.push(quote);
    for code_point in code_points {
        match code_point {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if code_point == u32::from(quote) => {
                out.push('\\');
                out.push(quote);
            }
            _ if is_printable(code_point) => {
                // Printable code points are never surrogates, so this always succeeds.
                if let Some(ch) = char::from_u32(code_point) {
                    out.push(ch);
                }
            }
            0..=0xFF => {
                out.push_str("\\x");
                push_hex(out, code_point, 2);
            }
            0x100..=0xFFFF => {
                out.push_str("\\u");
                push_hex(out, code_point, 4);
            }
            _ => {
                out.push_str("\\U");
                push_hex(out, code_point, 8);
            }
        }
    }
    out.push(quote);
}

/// `repr(bytes)`: `b'...'` with the same quote rule as `str`, `\\`, `\t`, `\n`, `\r`, and
/// `\xNN` for bytes outside 0x20..0x7F.
pub fn bytes_repr(value: &[u8]) -> String {
    let quote = if value.contains(&b'\'') && !value.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(value.len() + 3);
    out.push('b');
    out.push(char::from(quote));
    for &byte in value {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote => {
                out.push('\\');
                out.push(char::from(quote));
            }
            0x20..=0x7E => out.push(char::from(byte)),
            _ => {
                out.push_str("\\x");
                push_hex(&mut out, u32::from(byte), 2);
            }
        }
    }
    out.push(char::from(quote));
    out
}

/// The shortest decimal digits that round-trip `value` (finite, non-negative) and the
/// position of the decimal point relative to them: `value == 0.DIGITS * 10**point`.
/// Ryu's digits are CPython's: the shortest that round-trip, and among those the closest
/// to the value (dtoa's mode 0).
fn shortest_digits(value: f64) -> (String, i32) {
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(value);
    let (mantissa, exponent) = match text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = String::with_capacity(whole.len() + fraction.len());
    digits.push_str(whole);
    digits.push_str(fraction);
    let mut point = whole.len() as i32 + exponent;
    let leading_zeros = digits.bytes().take_while(|&byte| byte == b'0').count();
    if leading_zeros == digits.len() {
        return ("0".to_string(), 1);
    }
    digits.drain(..leading_zeros);
    point -= leading_zeros as i32;
    let significant = digits.trim_end_matches('0').len();
    digits.truncate(significant);
    (digits, point)
}

/// The digits as Rust's formatter and a closest-candidate check find them: the
/// reference `shortest_digits` is tested against.
#[cfg(test)]
fn shortest_digits_by_formatting(value: f64) -> (String, i32) {
    let shortest = format!("{value:e}");
    let length = shortest
        .split_once('e')
        .map_or(shortest.as_str(), |(mantissa, _)| mantissa)
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    let closest = format!("{value:.*e}", length.saturating_sub(1));
    let formatted = if closest.parse::<f64>() == Ok(value) {
        closest
    } else {
        shortest
    };
    let (mantissa, exponent) = formatted.split_once('e').unwrap_or((&formatted, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

/// Formats like CPython's `PyOS_double_to_string(value, 'r', 0, flags)`. `add_dot_zero`
/// is `Py_DTSF_ADD_DOT_0` (`1.0` rather than `1`), `always_sign` is `Py_DTSF_SIGN`.
fn format_float_repr(value: f64, add_dot_zero: bool, always_sign: bool) -> String {
    let mut out = String::new();
    if value.is_nan() {
        if always_sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if value.is_sign_negative() {
        out.push('-');
    } else if always_sign {
        out.push('+');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, point) = shortest_digits(value.abs());
    let digit_count = digits.len() as i32;
    if point <= -4 || point > 16 {
        // Exponent form: D[.DDD]e[+-]XX.
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let exponent = point - 1;
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        let magnitude = exponent.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    } else if point <= 0 {
        out.push_str("0.");
        for _ in point..0 {
            out.push('0');
        }
        out.push_str(&digits);
    } else if point >= digit_count {
        out.push_str(&digits);
        for _ in digit_count..point {
            out.push('0');
        }
        if add_dot_zero {
            out.push_str(".0");
        }
    } else {
        let split = point as usize;
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    }
    out
}

/// `repr(float)`: the shortest text that round-trips, e.g. `1.0`, `0.1`, `1e+16`, `1e-05`,
/// `inf`, `nan`.
pub fn float_repr(value: f64) -> String {
    format_float_repr(value, true, false)
}

/// `repr(complex)`: `1.5j` when the real part is +0.0, else `(re+imj)`; each part without a
/// trailing `.0`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        let mut out = format_float_repr(imag, false, false);
        out.push('j');
        out
    } else {
        let mut out = String::from("(");
        out.push_str(&format_float_repr(real, false, false));
        out.push_str(&format_float_repr(imag, false, true));
        out.push_str("j)");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tables below were printed by the oracle (CPython 3.14.2): `repr()` of each value,
    // floats given by their IEEE-754 bits.

    const FLOATS: &[(u64, &str)] = &[
        (0x0000000000000000, "0.0"),
        (0x8000000000000000, "-0.0"),
        (0x3ff0000000000000, "1.0"),
        (0xbff0000000000000, "-1.0"),
        (0x3fb999999999999a, "0.1"),
        (0x3fc999999999999a, "0.2"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x3fe5555555555555, "0.6666666666666666"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x4341c37937e08000, "1e+16"),
        (0x430c6bf526340000, "1000000000000000.0"),
        (0x4341c37937e07fff, "9999999999999998.0"),
        (0x437b69b4ba630f35, "1.2345678901234568e+17"),
        (0x7e41eb2d66005835, "1.5e+300"),
        (0x7e37e43c8800759c, "1e+300"),
        (0x0000000000000001, "5e-324"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3f202e4b6ce5dc68, "0.00012345"),
        (0x3ee9e3abe16fc70d, "1.2345e-05"),
        (0x4059000000000000, "100.0"),
        (0x4132d68700000000, "1234567.0"),
        (0x54b249ad2594c37d, "1e+100"),
        (0x2b2bff2ee48e0530, "1e-100"),
        (0x7ff0000000000000, "inf"),
        (0xfff0000000000000, "-inf"),
        (0x7ff8000000000000, "nan"),
        (0xfff8000000000000, "nan"),
        (0x400921fb54442d18, "3.141592653589793"),
        (0x4004000000000000, "2.5"),
        (0x4376345785d8a000, "1e+17"),
        (0x434aa535d3d0c000, "1.5e+16"),
        (0x4345ee2a2eb5a5c4, "1.2345678901234568e+16"),
        (0x3f50624dd2f1a9fc, "0.001"),
        (0x3e7ad7f29abcaf48, "1e-07"),
        (0x405edd2f1a9fbe77, "123.456"),
        (0xbddb7cdfd9d7bdbb, "-1e-10"),
        (0x4011666666666666, "4.35"),
        (0x3fd3333333333333, "0.3"),
        (0x4340000000000000, "9007199254740992.0"),
        (0x43f0000000000000, "1.8446744073709552e+19"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x447c7e83209e90b2, "8.41e+21"),
        (0x00005c0ab9347ed7, "5e-310"),
    ];

    const COMPLEXES: &[(u64, u64, &str)] = &[
        (0x0000000000000000, 0x3ff0000000000000, "1j"),
        (0x0000000000000000, 0x3ff8000000000000, "1.5j"),
        (0x0000000000000000, 0x54b249ad2594c37d, "1e+100j"),
        (0x0000000000000000, 0x7ff0000000000000, "infj"),
        (0x0000000000000000, 0x0000000000000000, "0j"),
        (0x0000000000000000, 0x8000000000000000, "-0j"),
        (0x8000000000000000, 0x0000000000000000, "(-0+0j)"),
        (0x8000000000000000, 0x8000000000000000, "(-0-0j)"),
        (0x3ff0000000000000, 0x4000000000000000, "(1+2j)"),
        (0x3ff8000000000000, 0xc004000000000000, "(1.5-2.5j)"),
        (0x0000000000000000, 0x7ff8000000000000, "nanj"),
        (0x3ff0000000000000, 0x7ff8000000000000, "(1+nanj)"),
        (0x3ff0000000000000, 0x7ff0000000000000, "(1+infj)"),
        (0x3ff0000000000000, 0xfff0000000000000, "(1-infj)"),
        (0x7ff8000000000000, 0x3ff0000000000000, "(nan+1j)"),
        (0x7ff0000000000000, 0x0000000000000000, "(inf+0j)"),
        (0x0000000000000000, 0x4341c37937e08000, "1e+16j"),
        (0x0000000000000000, 0x3ee4f8b588e368f1, "1e-05j"),
        (
            0x0000000000000000,
            0x437b69b4ba630f35,
            "1.2345678901234568e+17j",
        ),
        (0xbff0000000000000, 0x0000000000000000, "(-1+0j)"),
        (0x4000000000000000, 0x8000000000000000, "(2-0j)"),
        (0x0000000000000000, 0xbff0000000000000, "-1j"),
        (0x0000000000000000, 0x0000000000000001, "5e-324j"),
        (0x0000000000000000, 0x3fb999999999999a, "0.1j"),
    ];

    const STRS: &[(&[u32], &str)] = &[
        (&[], "''"),
        (&[0x61], "'a'"),
        (&[0x27], "\"'\""),
        (&[0x22], "'\"'"),
        (&[0x27, 0x22], "'\\'\"'"),
        (&[0x69, 0x74, 0x27, 0x73], "\"it's\""),
        (
            &[0x73, 0x61, 0x79, 0x20, 0x22, 0x68, 0x69, 0x22],
            "'say \"hi\"'",
        ),
        (&[0x5c], "'\\\\'"),
        (&[0xa, 0xd, 0x9], "'\\n\\r\\t'"),
        (&[0x0, 0x1, 0x1f, 0x7f], "'\\x00\\x01\\x1f\\x7f'"),
        (&[0x80, 0x9f, 0xa0, 0xad], "'\\x80\\x9f\\xa0\\xad'"),
        (&[0xe9], "'\u{e9}'"),
        (&[0xa0], "'\\xa0'"),
        (&[0x2028, 0x2029], "'\\u2028\\u2029'"),
        (&[0x200b], "'\\u200b'"),
        (&[0xfeff], "'\\ufeff'"),
        (&[0x1f600], "'\u{1f600}'"),
        (&[0xe0001], "'\\U000e0001'"),
        (&[0xf0000], "'\\U000f0000'"),
        (&[0x10ffff], "'\\U0010ffff'"),
        (&[0xd800], "'\\ud800'"),
        (&[0xdfff], "'\\udfff'"),
        (&[0xd83d, 0xde00], "'\\ud83d\\ude00'"),
        (&[0x65, 0x301], "'e\u{301}'"),
        (&[0x378], "'\\u0378'"),
        (&[0xe000], "'\\ue000'"),
        (&[0x65e5, 0x672c, 0x8a9e], "'\u{65e5}\u{672c}\u{8a9e}'"),
        (&[0x3000], "'\\u3000'"),
        (&[0x1b, 0x5b, 0x30, 0x6d], "'\\x1b[0m'"),
        (&[0xfffe, 0xffff], "'\\ufffe\\uffff'"),
        (&[0x1fbf0], "'\u{1fbf0}'"),
        (&[0x600], "'\\u0600'"),
        (&[0x61c], "'\\u061c'"),
        (&[0x61, 0x300, 0x62], "'a\u{300}b'"),
        (&[0x13430], "'\\U00013430'"),
        (&[0x1680], "'\\u1680'"),
        (&[0x180e], "'\\u180e'"),
        (&[0x85], "'\\x85'"),
        (&[0x1f1e6], "'\u{1f1e6}'"),
        (&[0x2066], "'\\u2066'"),
        (&[0xe0100], "'\u{e0100}'"),
    ];

    const BYTES: &[(&[u8], &str)] = &[
        (&[], "b''"),
        (&[97], "b'a'"),
        (&[39], "b\"'\""),
        (&[34], "b'\"'"),
        (&[39, 34], "b'\\'\"'"),
        (&[92], "b'\\\\'"),
        (&[10, 13, 9], "b'\\n\\r\\t'"),
        (
            &[0, 1, 31, 127, 128, 255],
            "b'\\x00\\x01\\x1f\\x7f\\x80\\xff'",
        ),
        (
            &[104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100],
            "b'hello world'",
        ),
        (&[11, 12], "b'\\x0b\\x0c'"),
    ];

    const INTS: &[&str] = &[
        "0",
        "1",
        "-1",
        "9223372036854775808",
        "-9223372036854775809",
        "10000000000000000000000000000000000000000",
        "1606938044258990275541962092341162602522202993782792835301376",
    ];

    #[test]
    fn float_reprs_match_cpython() {
        for &(bits, expected) in FLOATS {
            assert_eq!(float_repr(f64::from_bits(bits)), expected, "bits {bits:#x}");
        }
    }

    /// `testdata/float_reprs.txt`: the oracle's `repr()` of about 1100 doubles (random bit
    /// patterns, rounded decimals, powers of ten across the whole exponent range).
    #[test]
    fn float_reprs_match_cpython_on_sampled_values() {
        for line in include_str!("../testdata/float_reprs.txt").lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (bits, expected) = line.split_once(' ').unwrap();
            let bits = u64::from_str_radix(bits, 16).unwrap();
            assert_eq!(float_repr(f64::from_bits(bits)), expected, "bits {bits:#x}");
        }
    }

    #[test]
    fn complex_reprs_match_cpython() {
        for &(real, imag, expected) in COMPLEXES {
            assert_eq!(
                complex_repr(f64::from_bits(real), f64::from_bits(imag)),
                expected
            );
        }
    }

    #[test]
    fn str_reprs_match_cpython() {
        for &(code_points, expected) in STRS {
            let value = PyStr::from_code_points(code_points.iter().copied()).unwrap();
            assert_eq!(str_repr(&value), expected, "code points {code_points:x?}");
            if let Some(text) = value.as_str() {
                assert_eq!(text_repr(text), expected);
            }
        }
    }

    #[test]
    fn bytes_reprs_match_cpython() {
        for &(bytes, expected) in BYTES {
            assert_eq!(bytes_repr(bytes), expected);
        }
    }

    #[test]
    fn int_reprs_match_cpython() {
        for &expected in INTS {
            let value: BigInt = expected.parse().unwrap();
            assert_eq!(int_repr(&value), expected);
        }
    }

    /// Ryu's digits agree with the formatter-and-closest-check digits on a spread of
    /// doubles: every exponent, random mantissas, and the awkward neighbours of powers.
    #[test]
    fn shortest_digits_agree_with_formatting() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let check = |value: f64| {
            if value.is_finite() {
                let value = value.abs();
                assert_eq!(
                    super::shortest_digits(value),
                    super::shortest_digits_by_formatting(value),
                    "{value:e}"
                );
            }
        };
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            check(f64::from_bits(state));
        }
        for exponent in -1074..=1023 {
            let power = 2f64.powi(exponent);
            check(power);
            check(f64::from_bits(power.to_bits() + 1));
            check(f64::from_bits(power.to_bits().saturating_sub(1)));
        }
        for value in [
            0.0,
            0.1,
            0.3,
            1e16,
            1e22,
            1e23,
            5e-324,
            f64::MAX,
            123456789.0,
            1.5,
        ] {
            check(value);
        }
    }

    /// `testdata/printable_ranges.txt` lists the ranges of code points for which CPython
    /// 3.14.2's `str.isprintable()` is true; every code point must agree.
    #[test]
    fn is_printable_matches_cpython_for_every_code_point() {
        let mut expected = vec![false; 0x110000];
        for line in include_str!("../testdata/printable_ranges.txt").lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (start, end) = line.split_once(' ').unwrap();
            let start = usize::from_str_radix(start, 16).unwrap();
            let end = usize::from_str_radix(end, 16).unwrap();
            expected[start..=end].fill(true);
        }
        for (code_point, &printable) in expected.iter().enumerate() {
            assert_eq!(
                is_printable(code_point as u32),
                printable,
                "U+{code_point:04X}"
            );
        }
    }
}
