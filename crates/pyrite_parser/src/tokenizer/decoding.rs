//! Source decoding before tokenizing: UTF-8 BOM, PEP 263 coding cookie on line 1 or 2,
//! newline translation. CPython counterpart: `Parser/tokenizer/helpers.c` and the
//! `decode_str`/`check_coding_spec` logic of `Parser/tokenizer/string_tokenizer.c`.

use crate::error::{SyntaxError, SyntaxErrorKind, bare_error};

/// Why a source could not be turned into text.
pub enum DecodeError {
    Syntax(SyntaxError),
    /// `compile()` raises `ValueError` before the parser runs.
    Value(String),
}

/// Decodes `bytes` into the UTF-8 text the tokenizer reads, with `\r\n` and `\r`
/// translated to `\n` and a final `\n` added when missing (as CPython's string input).
pub fn decode_source(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.contains(&0) {
        return Err(DecodeError::Syntax(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "source code string cannot contain null bytes".into(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
            location_in_args: true,
        }));
    }
    let (body, had_bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    let encoding = find_coding_cookie(body);
    let text = match encoding.as_deref().map(normal_encoding_name) {
        None | Some(Some("utf-8")) => match std::str::from_utf8(body) {
            Ok(s) => s.to_owned(),
            Err(err) => return Err(DecodeError::Syntax(non_utf8_error(body, err.valid_up_to()))),
        },
        Some(Some("iso-8859-1")) => {
            if had_bom {
                return Err(bom_mismatch(body, "iso-8859-1"));
            }
            body.iter().map(|&b| b as char).collect()
        }
        Some(Some("ascii")) => {
            if had_bom {
                return Err(bom_mismatch(body, "ascii"));
            }
            match body.iter().position(|&b| b >= 0x80) {
                None => String::from_utf8_lossy(body).into_owned(),
                Some(pos) => {
                    return Err(DecodeError::Syntax(bare_error(
                        SyntaxErrorKind::SyntaxError,
                        format!(
                            "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                            body[pos], pos
                        ),
                        0,
                        -1,
                    )));
                }
            }
        }
        Some(_) if is_non_text_codec(encoding.as_deref().unwrap_or("")) => {
            let name = encoding.unwrap_or_default();
            return Err(DecodeError::Syntax(bare_error(
                SyntaxErrorKind::SyntaxError,
                format!(
                    "'{name}' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
                ),
                0,
                -1,
            )));
        }
        Some(_) => {
            let name = encoding.unwrap_or_default();
            if let Some(result) = decode_utf16(&name, body) {
                match result {
                    Ok(text) => return Ok(translate_newlines(&text)),
                    Err(msg) => {
                        return Err(DecodeError::Syntax(bare_error(
                            SyntaxErrorKind::SyntaxError,
                            msg,
                            0,
                            -1,
                        )));
                    }
                }
            }
            let codec = other_codec(&name);
            let Some(codec) = codec else {
                return Err(DecodeError::Syntax(bare_error(
                    SyntaxErrorKind::SyntaxError,
                    format!("unknown encoding: {name}"),
                    0,
                    -1,
                )));
            };
            if had_bom {
                return Err(bom_mismatch(body, &name.to_ascii_lowercase()));
            }
            match codec.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => text.into_owned(),
                None => {
                    return Err(DecodeError::Syntax(bare_error(
                        SyntaxErrorKind::SyntaxError,
                        format!(
                            "'{}' codec can't decode the source",
                            name.to_ascii_lowercase()
                        ),
                        0,
                        -1,
                    )));
                }
            }
        }
    };
    Ok(translate_newlines(&text))
}

fn bom_mismatch(body: &[u8], name: &str) -> DecodeError {
    let line_end = body.iter().position(|&b| b == b'\n').unwrap_or(body.len());
    let line = String::from_utf8_lossy(&body[..line_end]);
    let line = line.trim_end_matches('\r').to_owned();
    let mut err = bare_error(
        SyntaxErrorKind::SyntaxError,
        format!("encoding problem: {name} with BOM"),
        1,
        0,
    );
    err.end_lineno = Some(1);
    err.end_offset = Some(line.chars().count() as i32);
    err.text = Some(line);
    DecodeError::Syntax(err)
}

fn non_utf8_error(body: &[u8], bad_at: usize) -> SyntaxError {
    let line_start = body[..bad_at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let lineno = body[..bad_at].iter().filter(|&&b| b == b'\n').count() + 1;
    let line_end = body[bad_at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(body.len(), |p| bad_at + p);
    let line = String::from_utf8_lossy(&body[line_start..line_end]).into_owned();
    let line = line.trim_end_matches('\r').to_owned();
    let col = String::from_utf8_lossy(&body[line_start..bad_at])
        .chars()
        .count() as i32
        + 1;
    let mut info = bare_error(
        SyntaxErrorKind::SyntaxError,
        format!(
            "Non-UTF-8 code starting with '\\x{:02x}' on line {lineno}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            body[bad_at]
        ),
        lineno as i32,
        col,
    );
    info.end_lineno = Some(lineno as i32);
    info.end_offset = Some(col);
    info.text = Some(line);
    info
}

/// Python's UTF-16 codecs (`utf-16` reads a BOM, else little-endian), with its error
/// messages. `None` when `name` is not a UTF-16 codec.
fn decode_utf16(name: &str, body: &[u8]) -> Option<Result<String, String>> {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let (mut big_endian, mut data, mut offset) = match lower.as_str() {
        "utf-16" | "utf16" => (false, body, 0),
        "utf-16-le" | "utf-16le" => (false, body, 0),
        "utf-16-be" | "utf-16be" => (true, body, 0),
        _ => return None,
    };
    if lower == "utf-16" || lower == "utf16" {
        if body.starts_with(&[0xff, 0xfe]) {
            data = &body[2..];
            offset = 2;
        } else if body.starts_with(&[0xfe, 0xff]) {
            big_endian = true;
            data = &body[2..];
            offset = 2;
        }
    }
    let codec = if big_endian { "utf-16-be" } else { "utf-16-le" };
    let units: Vec<u16> = data
        .chunks_exact(2)
        .map(|c| {
            if big_endian {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    let mut out = String::new();
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let at = offset + 2 * i;
        if (0xd800..0xdc00).contains(&u) {
            match units.get(i + 1) {
                Some(&low) if (0xdc00..0xe000).contains(&low) => {
                    let c = 0x10000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(low) - 0xdc00);
                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                    i += 2;
                    continue;
                }
                Some(_) => {
                    return Some(Err(format!(
                        "'{codec}' codec can't decode bytes in position {at}-{}: illegal UTF-16 surrogate",
                        at + 1
                    )));
                }
                None if data.len() % 2 == 0 => {
                    return Some(Err(format!(
                        "'{codec}' codec can't decode bytes in position {at}-{}: unexpected end of data",
                        at + 1
                    )));
                }
                None => break,
            }
        }
        if (0xdc00..0xe000).contains(&u) {
            return Some(Err(format!(
                "'{codec}' codec can't decode bytes in position {at}-{}: illegal encoding",
                at + 1
            )));
        }
        out.push(char::from_u32(u32::from(u)).unwrap_or('\u{fffd}'));
        i += 1;
    }
    if data.len() % 2 == 1 {
        let at = offset + data.len() - 1;
        return Some(Err(format!(
            "'{codec}' codec can't decode byte 0x{:02x} in position {at}: truncated data",
            data[data.len() - 1]
        )));
    }
    Some(Ok(out))
}

/// Other text codecs, through the WHATWG encoding labels (which cover the legacy single-
/// and multi-byte code pages Python source files declare). UTF-16/32 are left out: a file
/// readable as text cannot be in them.
fn other_codec(name: &str) -> Option<&'static encoding_rs::Encoding> {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower.starts_with("utf-16") || lower.starts_with("utf-32") || lower.starts_with("utf16") {
        return None;
    }
    let label = match lower.as_str() {
        "latin-9" | "latin9" | "l9" => "iso-8859-15",
        "cp932" | "ms932" | "sjis" | "shift-jis" => "shift_jis",
        "euc-jp" | "eucjp" | "ujis" => "euc-jp",
        "cp936" | "ms936" => "gbk",
        other => other,
    };
    encoding_rs::Encoding::for_label(label.as_bytes()).filter(|e| {
        *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE && *e != encoding_rs::REPLACEMENT
    })
}

/// Codecs that exist but do not decode bytes to text (`codecs.lookup(name)._is_text_encoding`
/// is false).
fn is_non_text_codec(name: &str) -> bool {
    let lower = name.to_ascii_lowercase().replace('-', "_");
    matches!(
        lower.as_str(),
        "base64"
            | "base_64"
            | "base64_codec"
            | "bz2"
            | "bz2_codec"
            | "hex"
            | "hex_codec"
            | "quopri"
            | "quotedprintable"
            | "quoted_printable"
            | "quopri_codec"
            | "uu"
            | "uu_codec"
            | "zip"
            | "zlib"
            | "zlib_codec"
            | "rot13"
            | "rot_13"
    )
}

/// CPython's `get_normal_name`, restricted to the codecs Pyrite decodes itself.
fn normal_encoding_name(name: &str) -> Option<&'static str> {
    let lower: String = name.to_ascii_lowercase().replace('_', "-");
    let base = |prefix: &str| lower == prefix || lower.starts_with(&format!("{prefix}-"));
    if base("utf-8") || lower == "utf8" {
        Some("utf-8")
    } else if base("latin-1")
        || base("iso-8859-1")
        || base("iso-latin-1")
        || lower == "latin1"
        || lower == "iso8859-1"
        || lower == "l1"
    {
        Some("iso-8859-1")
    } else if lower == "ascii" || lower == "us-ascii" || lower == "646" {
        Some("ascii")
    } else {
        None
    }
}

/// The encoding named by a PEP 263 cookie (`# -*- coding: NAME -*-`) on line 1, or on
/// line 2 when line 1 is blank or a comment.
fn find_coding_cookie(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = cookie_in_line(first) {
        return Some(name);
    }
    let trimmed: Vec<u8> = first
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .collect();
    if !(trimmed.is_empty() || trimmed[0] == b'#') {
        return None;
    }
    cookie_in_line(lines.next()?)
}

fn cookie_in_line(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let at = comment.windows(6).position(|w| w == b"coding")?;
    let rest = &comment[at + 6..];
    if !matches!(rest.first(), Some(b':' | b'=')) {
        // Only the first "coding" occurrence followed by ':' or '=' counts.
        let again = cookie_in_line_from(rest)?;
        return Some(again);
    }
    read_encoding_name(&rest[1..])
}

fn cookie_in_line_from(rest: &[u8]) -> Option<String> {
    let at = rest.windows(6).position(|w| w == b"coding")?;
    let after = &rest[at + 6..];
    if matches!(after.first(), Some(b':' | b'=')) {
        read_encoding_name(&after[1..])
    } else {
        cookie_in_line_from(after)
    }
}

fn read_encoding_name(rest: &[u8]) -> Option<String> {
    let rest: &[u8] = &rest[rest
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(rest.len())..];
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
        .unwrap_or(rest.len());
    if len == 0 {
        return None;
    }
    Some(String::from_utf8_lossy(&rest[..len]).into_owned())
}

/// `\r\n` and lone `\r` become `\n`; a missing final newline is added.
fn translate_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    if !text.contains('\r') {
        // The usual case: nothing to translate, so copy in one go.
        out.push_str(text);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        return out;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_on_second_line() {
        assert_eq!(
            find_coding_cookie(b"#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n").as_deref(),
            Some("latin-1")
        );
        assert_eq!(find_coding_cookie(b"x = 1\n# coding: latin-1\n"), None);
    }

    #[test]
    fn newlines_translated() {
        assert_eq!(translate_newlines("a\r\nb\rc"), "a\nb\nc\n");
    }
}
