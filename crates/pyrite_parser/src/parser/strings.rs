//! String literals: decoding of escapes, f-strings (`JoinedStr`/`FormattedValue`),
//! t-strings (`TemplateStr`/`Interpolation`) and implicit concatenation.
//!
//! CPython counterpart: `Parser/string_parser.c` (`_PyPegen_parse_string`,
//! `decode_unicode_with_escapes`) and the f-string helpers of `Parser/action_helpers.c`
//! (`_PyPegen_joined_str`, `_PyPegen_formatted_value`, `_PyPegen_concatenate_strings`,
//! `_PyPegen_setup_full_format_spec`, `_PyPegen_interpolation`).

use pyrite_ast::*;

use super::helpers::name;
use super::{MemoRule, Parser};
use crate::error::SyntaxWarning;
use crate::tokenizer::TokKind;

/// One piece of a string concatenation before folding.
enum Piece {
    Str {
        value: PyStr,
        kind: Option<String>,
        location: Location,
    },
    Bytes(Vec<u8>),
    Joined(Vec<Expr>),
    Template(Vec<Expr>),
}

impl Parser<'_> {
    pub(crate) fn strings(&mut self) -> Option<Expr> {
        self.memo_expr(MemoRule::Strings, |p| p.strings_uncached())
    }

    fn strings_uncached(&mut self) -> Option<Expr> {
        let start = self.pos;
        let mut pieces = Vec::new();
        loop {
            match self.peek_kind() {
                Some(TokKind::String) => {
                    let index = self.pos;
                    self.pos += 1;
                    pieces.push(self.string_piece(index)?);
                }
                Some(TokKind::FStringStart) => {
                    let values = self.fstring(false)?;
                    pieces.push(Piece::Joined(values));
                }
                Some(TokKind::TStringStart) => {
                    let values = self.fstring(true)?;
                    pieces.push(Piece::Template(values));
                }
                _ => break,
            }
        }
        if pieces.is_empty() || self.failed() {
            return None;
        }
        let location = self.loc(start);
        let has_template = pieces.iter().any(|p| matches!(p, Piece::Template(_)));
        if has_template && !pieces.iter().all(|p| matches!(p, Piece::Template(_))) {
            let span = location;
            self.raise_syntax_at(
                span,
                "cannot mix t-string literals with string or bytes literals",
            );
            return None;
        }
        let has_bytes = pieces.iter().any(|p| matches!(p, Piece::Bytes(_)));
        let has_text = pieces.iter().any(|p| !matches!(p, Piece::Bytes(_)));
        if has_bytes && has_text {
            self.raise_syntax("cannot mix bytes and nonbytes literals");
            return None;
        }
        if has_bytes {
            let mut value = Vec::new();
            for piece in pieces {
                if let Piece::Bytes(v) = piece {
                    value.extend(v);
                }
            }
            return Some(Expr::Constant(Constant {
                value: ConstantValue::Bytes(value),
                kind: None,
                location,
            }));
        }
        let f_string_found = pieces
            .iter()
            .any(|p| matches!(p, Piece::Joined(_) | Piece::Template(_)));
        // Flatten.
        let mut flat: Vec<Expr> = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Str {
                    value,
                    kind,
                    location,
                } => flat.push(Expr::Constant(Constant {
                    value: ConstantValue::Str(value),
                    kind,
                    location,
                })),
                Piece::Joined(values) | Piece::Template(values) => flat.extend(values),
                Piece::Bytes(_) => {}
            }
        }
        let values = fold_constants(flat, f_string_found);
        if !f_string_found {
            return values.into_iter().next().map(|mut e| {
                *e.location_mut() = location;
                e
            });
        }
        Some(if has_template {
            Expr::TemplateStr(TemplateStr { values, location })
        } else {
            Expr::JoinedStr(JoinedStr { values, location })
        })
    }

    /// A plain STRING token's value.
    fn string_piece(&mut self, index: usize) -> Option<Piece> {
        let text = self.text(index);
        let location = self.token_location(index);
        let prefix_len = text.find(['\'', '"']).unwrap_or(0);
        let prefix = &text[..prefix_len];
        let is_bytes = prefix.contains(['b', 'B']);
        let is_raw = prefix.contains(['r', 'R']);
        // Only a lowercase `u` prefix marks the constant (CPython checks the first byte).
        let is_u = prefix.starts_with('u');
        let body = &text[prefix_len..];
        let quote_len =
            if body.len() >= 6 && (body.starts_with("'''") || body.starts_with("\"\"\"")) {
                3
            } else {
                1
            };
        let inner = &body[quote_len..body.len() - quote_len];
        if is_bytes {
            if !inner.is_ascii() {
                self.raise_syntax_at(location, "bytes can only contain ASCII literal characters");
                return None;
            }
            let value = if is_raw {
                inner.as_bytes().to_vec()
            } else {
                match decode_bytes_escapes(inner) {
                    Ok((v, invalid)) => {
                        if let Some(at) = invalid {
                            self.warn_invalid_escape(inner, at, index);
                        }
                        v
                    }
                    Err(msg) => {
                        self.raise_syntax(msg);
                        return None;
                    }
                }
            };
            return Some(Piece::Bytes(value));
        }
        let value = if is_raw {
            PyStr::from(inner)
        } else {
            self.decode_str(inner, index)?
        };
        Some(Piece::Str {
            value,
            kind: is_u.then(|| "u".to_string()),
            location,
        })
    }

    /// Decodes an f-string middle: a backslash right before a `{` or `}` (which ends the
    /// token) stays a backslash; the tokenizer has already warned about it.
    fn decode_fstring_text(&mut self, text: &str, index: usize) -> Option<PyStr> {
        let trailing = text.bytes().rev().take_while(|&b| b == b'\\').count();
        if trailing % 2 == 1 {
            let mut value = self.decode_str(&text[..text.len() - 1], index)?;
            value.push('\\');
            return Some(value);
        }
        self.decode_str(text, index)
    }

    fn decode_str(&mut self, inner: &str, index: usize) -> Option<PyStr> {
        match decode_unicode_escapes(inner) {
            Ok((v, invalid)) => {
                if let Some(at) = invalid {
                    self.warn_invalid_escape(inner, at, index);
                }
                Some(v)
            }
            Err(msg) => {
                self.raise_syntax(msg);
                None
            }
        }
    }

    /// `warn_invalid_escape_sequence` in `Parser/string_parser.c`.
    fn warn_invalid_escape(&mut self, body: &str, at: usize, index: usize) {
        if self.call_invalid_rules {
            return;
        }
        let kind = self.toks[index].kind;
        let bytes = body.as_bytes();
        let c = bytes.get(at).copied().unwrap_or(b'\\');
        if matches!(
            kind,
            TokKind::FStringMiddle
                | TokKind::FStringEnd
                | TokKind::TStringMiddle
                | TokKind::TStringEnd
        ) && (c == b'{' || c == b'}')
        {
            return;
        }
        let msg = if (b'4'..=b'7').contains(&c) {
            let seq: String = body[at..].chars().take(3).collect();
            format!(
                "\"\\{seq}\" is an invalid octal escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{seq}\"? A raw string is also an option."
            )
        } else {
            let ch = body[at..].chars().next().unwrap_or('\\');
            format!(
                "\"\\{ch}\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{ch}\"? A raw string is also an option."
            )
        };
        let lineno = self.toks[index].lineno + body[..at].matches('\n').count() as i32;
        self.warnings.push(SyntaxWarning { msg, lineno });
    }

    /// `fstring` / `tstring`: START middle* END, returning the values before folding.
    fn fstring(&mut self, template: bool) -> Option<Vec<Expr>> {
        let start_index = self.pos;
        self.pos += 1;
        let is_raw = self.text(start_index).contains(['r', 'R']);
        let (middle_kind, end_kind) = if template {
            (TokKind::TStringMiddle, TokKind::TStringEnd)
        } else {
            (TokKind::FStringMiddle, TokKind::FStringEnd)
        };
        // Middles are decoded once the whole f-string is read, as CPython's
        // `_PyPegen_joined_str` does (an escape error then points at the end).
        let mut parts: Vec<Result<Expr, usize>> = Vec::new();
        loop {
            if let Some(index) = self.eat_kind(middle_kind) {
                parts.push(Err(index));
                continue;
            }
            if self.at("{") {
                let field = self.replacement_field(template, template, is_raw)?;
                parts.extend(field.into_iter().map(Ok));
                continue;
            }
            break;
        }
        self.eat_kind(end_kind)?;
        let mut values = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                Ok(e) => values.push(e),
                Err(index) => values.push(self.fstring_middle_constant(index, is_raw)?),
            }
        }
        // Drop empty constants (`_PyPegen_joined_str`).
        values.retain(|e| !matches!(e, Expr::Constant(Constant { value: ConstantValue::Str(s), .. }) if s.is_empty()));
        Some(values)
    }

    fn fstring_middle_constant(&mut self, index: usize, is_raw: bool) -> Option<Expr> {
        let text = self.text(index);
        let location = self.token_location(index);
        let value = if is_raw || !text.contains('\\') {
            PyStr::from(text)
        } else {
            self.decode_fstring_text(text, index)?
        };
        Some(Expr::Constant(Constant {
            value: ConstantValue::Str(value),
            kind: None,
            location,
        }))
    }

    /// `fstring_replacement_field` / `tstring_replacement_field`. Returns the debug
    /// text constant (for `=`) followed by the FormattedValue/Interpolation.
    pub(crate) fn replacement_field_for_invalid(&mut self) -> Option<Vec<Expr>> {
        let template = self.at_kind_in_template();
        self.replacement_field(template, false, false)
    }

    /// Whether the replacement field at the current position belongs to a t-string
    /// (its format spec pieces are TSTRING_MIDDLE tokens).
    fn at_kind_in_template(&self) -> bool {
        self.toks[..self.pos.min(self.toks.len())]
            .iter()
            .rev()
            .find_map(|t| match t.kind {
                TokKind::TStringStart => Some(true),
                TokKind::FStringStart => Some(false),
                _ => None,
            })
            .unwrap_or(false)
    }

    /// A replacement field. `template` says which string kind the tokens belong to;
    /// `interpolation` whether the node is an `Interpolation` (only at the top level of a
    /// t-string: fields nested in a format spec are `FormattedValue`s).
    fn replacement_field(
        &mut self,
        template: bool,
        interpolation: bool,
        is_raw: bool,
    ) -> Option<Vec<Expr>> {
        let start = self.pos;
        let lbrace = self.eat("{")?;
        if !self.enter() {
            return None;
        }
        let result = self.replacement_field_body(start, lbrace, template, interpolation, is_raw);
        self.leave();
        if result.is_none() {
            self.pos = start;
            if self.call_invalid_rules && !self.failed() {
                self.invalid_replacement_field(template);
            }
        }
        result
    }

    fn replacement_field_body(
        &mut self,
        start: usize,
        lbrace: usize,
        template: bool,
        interpolation: bool,
        _is_raw: bool,
    ) -> Option<Vec<Expr>> {
        let value = if self.at("yield") {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        let expr_end = self.toks[self.pos - 1].end;
        let debug = self.eat("=");
        let mut conversion = -1;
        let mut conversion_tok = None;
        let mut bang_tok = None;
        if self.at("!") {
            let bang = self.pos;
            // The conversion must follow '!' directly.
            let (conv_name, conv_index) = {
                self.pos += 1;
                let Some(index) = self.eat_kind(TokKind::Name) else {
                    self.pos = bang;
                    return None;
                };
                (self.text(index).to_owned(), index)
            };
            let bang_token = &self.toks[bang];
            let conv_tok = &self.toks[conv_index];
            if bang_token.end_lineno != conv_tok.lineno || bang_token.end_col != conv_tok.col {
                let (a, b) = (self.token_span(bang), self.token_span(conv_index));
                let what = if template { "t-string" } else { "f-string" };
                self.raise_range(
                    a,
                    b,
                    format!("{what}: conversion type must come right after the exclamation mark"),
                );
                return None;
            }
            let first = conv_name.chars().next().unwrap_or(' ');
            if conv_name.chars().count() > 1 || !matches!(first, 's' | 'r' | 'a') {
                let span = self.token_span(conv_index);
                let what = if template { "t-string" } else { "f-string" };
                self.raise_syntax_at(
                    span,
                    format!("{what}: invalid conversion character '{conv_name}': expected 's', 'r', or 'a'"),
                );
                return None;
            }
            conversion = first as i32;
            conversion_tok = Some(conv_index);
            bang_tok = Some(bang);
        }
        let mut format_spec = None;
        let mut colon_tok = None;
        if let Some(colon) = self.eat(":") {
            colon_tok = Some(colon);
            let spec_start = colon;
            let mut spec = Vec::new();
            let middle_kind = if template {
                TokKind::TStringMiddle
            } else {
                TokKind::FStringMiddle
            };
            loop {
                if let Some(index) = self.eat_kind(middle_kind) {
                    let text = self.text(index);
                    let location = self.token_location(index);
                    let v = if text.contains('\\') && !_is_raw {
                        self.decode_fstring_text(text, index)?
                    } else {
                        PyStr::from(text)
                    };
                    spec.push(Expr::Constant(Constant {
                        value: ConstantValue::Str(v),
                        kind: None,
                        location,
                    }));
                    continue;
                }
                if self.at("{") {
                    // Fields inside a format spec are always FormattedValue nodes,
                    // even in a t-string.
                    let field = self.replacement_field(template, false, _is_raw)?;
                    spec.extend(field);
                    continue;
                }
                break;
            }
            spec.retain(|e| !matches!(e, Expr::Constant(Constant { value: ConstantValue::Str(s), .. }) if s.is_empty()));
            format_spec = Some(Box::new(Expr::JoinedStr(JoinedStr {
                values: spec,
                location: self.loc(spec_start),
            })));
        }
        let rbrace = self.eat("}")?;
        let location = self.loc(start);
        if debug.is_some() && conversion == -1 && format_spec.is_none() {
            conversion = 'r' as i32;
        }
        let mut out = Vec::new();
        if debug.is_some() {
            let text_tok = bang_tok.or(colon_tok).unwrap_or(rbrace);
            let raw = match self.toks[text_tok].fstring_expr_text {
                Some((s, e)) => self.src[s..e].to_owned(),
                None => self.src[self.toks[lbrace].end..self.toks[text_tok].start].to_owned(),
            };
            let text = strip_comments(&raw);
            let (end_line, end_col) = if let Some(c) = conversion_tok {
                (self.toks[c].lineno, self.toks[c].col - 1)
            } else if let Some(c) = colon_tok {
                (self.toks[c].lineno, self.toks[c].col)
            } else {
                (location.end_lineno, location.end_col_offset - 1)
            };
            out.push(Expr::Constant(Constant {
                value: ConstantValue::Str(PyStr::from(text.as_str())),
                kind: None,
                location: Location::new(
                    location.lineno,
                    location.col_offset + 1,
                    end_line,
                    end_col,
                ),
            }));
        }
        if interpolation {
            let text = self.src[self.toks[lbrace].end..expr_end].to_owned();
            out.push(Expr::Interpolation(Interpolation {
                value: Box::new(value),
                str: text,
                conversion,
                format_spec,
                location,
            }));
        } else {
            out.push(Expr::FormattedValue(FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
                location,
            }));
        }
        Some(out)
    }

    /// A NAME token turned into a `Name` load expression.
    #[allow(dead_code)]
    pub(crate) fn name_expr_at(&self, index: usize) -> Expr {
        name(
            self.text(index).to_owned(),
            ExprContext::Load,
            self.token_location(index),
        )
    }
}

/// `_PyPegen_concatenate_strings`'s folding of adjacent constants (empty ones dropped
/// when an f-string is involved).
fn fold_constants(flat: Vec<Expr>, f_string_found: bool) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::new();
    let mut run: Vec<Constant> = Vec::new();
    let flush = |run: &mut Vec<Constant>, out: &mut Vec<Expr>| {
        if run.is_empty() {
            return;
        }
        let first = run[0].location;
        let last = run[run.len() - 1].location;
        let kind = run[0].kind.clone();
        let mut value = PyStr::new();
        for c in run.drain(..) {
            if let ConstantValue::Str(s) = c.value {
                value.push_py_str(&s);
            }
        }
        if f_string_found && value.is_empty() {
            return;
        }
        out.push(Expr::Constant(Constant {
            value: ConstantValue::Str(value),
            kind,
            location: Location::new(
                first.lineno,
                first.col_offset,
                last.end_lineno,
                last.end_col_offset,
            ),
        }));
    };
    for e in flat {
        match e {
            Expr::Constant(c) if matches!(c.value, ConstantValue::Str(_)) => {
                if f_string_found && matches!(&c.value, ConstantValue::Str(s) if s.is_empty()) {
                    continue;
                }
                run.push(c)
            }
            other => {
                flush(&mut run, &mut out);
                out.push(other);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Debug text of `{expr=}` with comments removed (newlines kept).
fn strip_comments(text: &str) -> String {
    if !text.contains('#') {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut in_comment = false;
    for c in text.chars() {
        if in_comment {
            if c == '\n' {
                out.push(c);
                in_comment = false;
            }
            continue;
        }
        if c == '#' {
            in_comment = true;
            continue;
        }
        out.push(c);
    }
    out
}

/// Length of `text` in the buffer CPython hands to the `unicode_escape` codec, where
/// every non-ASCII character was first rewritten as a `\\UXXXXXXXX` escape.
fn escaped_len(text: &str) -> usize {
    text.chars()
        .map(|c| if c.is_ascii() { 1 } else { 10 })
        .sum()
}

/// Decodes the escapes of a non-raw `str` literal body. Returns the value and the byte
/// offset (just after the backslash) of the first invalid escape, if any.
pub(crate) fn decode_unicode_escapes(body: &str) -> Result<(PyStr, Option<usize>), String> {
    let mut out = PyStr::new();
    let mut first_invalid = None;
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut chars_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            // Copy a run of ordinary characters.
            let next = body[i..].find('\\').map_or(body.len(), |p| i + p);
            out.push_str(&body[i..next]);
            i = next;
            continue;
        }
        let _ = chars_start;
        let esc_at = i + 1;
        let Some(&c) = bytes.get(esc_at) else {
            return Err("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position 0: \\ at end of string".into());
        };
        i = esc_at + 1;
        match c {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut value = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 && i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
                    value = value * 8 + u32::from(bytes[i] - b'0');
                    i += 1;
                    n += 1;
                }
                if value > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(esc_at);
                }
                let _ = out.push_code_point(value);
            }
            b'x' | b'u' | b'U' => {
                let digits = match c {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = body
                    .get(i..i + digits)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                let Some(hex) = hex else {
                    let avail = body[i..]
                        .bytes()
                        .take(digits)
                        .take_while(|b| b.is_ascii_hexdigit())
                        .count();
                    let start = escaped_len(&body[..esc_at - 1]);
                    let end = start + 1 + avail;
                    let what = match c {
                        b'x' => "truncated \\xXX escape",
                        b'u' => "truncated \\uXXXX escape",
                        _ => "truncated \\UXXXXXXXX escape",
                    };
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}"
                    ));
                };
                let value = u32::from_str_radix(hex, 16).unwrap_or(0);
                i += digits;
                if out.push_code_point(value).is_err() {
                    let start = escaped_len(&body[..esc_at - 1]);
                    let end = start + 1 + digits;
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: illegal Unicode character"
                    ));
                }
            }
            b'N' => {
                let start = escaped_len(&body[..esc_at - 1]);
                if bytes.get(i) != Some(&b'{') {
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: malformed \\N character escape",
                        start + 1
                    ));
                }
                let Some(close) = body[i..].find('}') else {
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: malformed \\N character escape",
                        start + escaped_len(&body[esc_at - 1..]) - 1
                    ));
                };
                let name = &body[i + 1..i + close];
                let end = start + 2 + escaped_len(name) + 1;
                match unicode_names2::character(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: unknown Unicode character name"
                        ));
                    }
                }
                i += close + 1;
            }
            _ => {
                if first_invalid.is_none() {
                    first_invalid = Some(esc_at);
                }
                out.push('\\');
                // The escaped character itself is copied by the next iteration.
                i = esc_at;
            }
        }
        chars_start = i;
    }
    Ok((out, first_invalid))
}

/// Decodes the escapes of a non-raw `bytes` literal body (ASCII only).
fn decode_bytes_escapes(body: &str) -> Result<(Vec<u8>, Option<usize>), String> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut first_invalid = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        let esc_at = i + 1;
        let Some(&c) = bytes.get(esc_at) else {
            return Err("(value error) Trailing \\ in string".into());
        };
        i = esc_at + 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 && i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
                    value = value * 8 + u32::from(bytes[i] - b'0');
                    i += 1;
                    n += 1;
                }
                if value > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(esc_at);
                }
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let hex = body
                    .get(i..i + 2)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                let Some(hex) = hex else {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {}",
                        esc_at - 1
                    ));
                };
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 2;
            }
            _ => {
                if first_invalid.is_none() {
                    first_invalid = Some(esc_at);
                }
                out.push(b'\\');
                i = esc_at;
            }
        }
    }
    Ok((out, first_invalid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let (v, bad) = decode_unicode_escapes(r"a\n\x41\u00e9\101\d").unwrap();
        assert_eq!(v.as_str(), Some("a\nAéA\\d"));
        assert_eq!(bad, Some(18));
        let (b, _) = decode_bytes_escapes(r"\x00\n\777").unwrap();
        assert_eq!(b, vec![0, b'\n', 0xff]);
    }
}
