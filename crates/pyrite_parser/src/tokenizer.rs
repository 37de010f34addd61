//! The tokenizer: turns decoded source text into the token stream the PEG parser reads.
//!
//! CPython counterpart: `Parser/lexer/lexer.c` (`tok_get_normal_mode`,
//! `tok_get_fstring_mode`) and `Parser/lexer/state.c`. The whole file is tokenized up
//! front; a tokenizer error ends the stream and is reported when the parser reaches it,
//! which is when CPython's lazy tokenizer would have raised it. Positions follow CPython:
//! 1-based lines and 0-based byte columns, with `-1` columns for INDENT/DEDENT.

pub mod decoding;

use crate::error::{SyntaxError, SyntaxErrorKind, SyntaxWarning};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op,
    FStringStart,
    FStringMiddle,
    FStringEnd,
    TStringStart,
    TStringMiddle,
    TStringEnd,
    /// Only in extra-tokens mode (the `tokenize` module's view).
    Comment,
    /// A non-logical newline; only in extra-tokens mode.
    Nl,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub kind: TokKind,
    /// Byte range of the token's text in the source.
    pub start: usize,
    pub end: usize,
    pub lineno: i32,
    pub col: i32,
    pub end_lineno: i32,
    pub end_col: i32,
    /// Where the tokenizer stood right after producing this token (CPython reads its
    /// tokenizer state when reporting some errors).
    pub after_lineno: i32,
    pub after_col: i32,
    /// For the `=`/`!`/`:`/`}` closing an f-string expression: the expression's text.
    pub fstring_expr_text: Option<(usize, usize)>,
    /// Bracket nesting depth after this token (CPython's `token->level`).
    pub level: u32,
}

/// How the token stream ended badly (CPython's ERRORTOKEN with `tok->done`).
#[derive(Clone, Debug)]
pub enum TokErrorKind {
    /// `_PyTokenizer_syntaxerror`: the exception is already built.
    Raised(SyntaxError),
    /// End of input inside brackets (E_EOF with `level > 0`) or after a `\`.
    Eof,
    Dedent,
    TabSpace,
    TooDeep,
    LineCont,
}

#[derive(Clone, Debug)]
pub struct TokError {
    pub kind: TokErrorKind,
    /// The tokenizer's line and column (`tok->cur - tok->line_start`) at the error.
    pub lineno: i32,
    pub cur_col: i32,
    /// The innermost unclosed bracket: character, line, column.
    pub open_paren: Option<(u8, i32, i32)>,
    /// Whether the tokenizer was inside an f-string or t-string at the error.
    pub in_fstring: bool,
}

pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<TokError>,
    pub warnings: Vec<SyntaxWarning>,
}

const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;
const MAXFSTRINGLEVEL: usize = 150;
const MAX_EXPR_NESTING: i32 = 3;
const TABSIZE: usize = 8;

#[derive(Clone, Debug)]
struct FStringState {
    quote: u8,
    quote_size: usize,
    raw: bool,
    tstring: bool,
    start: usize,
    start_line_start: usize,
    start_lineno: i32,
    curly_depth: i32,
    expr_start_depth: i32,
    in_format_spec: bool,
    debug: bool,
    /// Start of the current replacement field's expression text (just after `{`).
    expr_text_start: Option<usize>,
    expr_text_end: Option<usize>,
}

#[derive(Clone, Debug)]
struct Mode {
    regular: bool,
    fstring: Option<FStringState>,
}

pub struct Lexer<'a> {
    buf: &'a [u8],
    pos: usize,
    line_start: usize,
    line_end: usize,
    lineno: i32,
    atbol: bool,
    pendin: i32,
    indstack: Vec<usize>,
    altindstack: Vec<usize>,
    parens: Vec<(u8, i32, i32)>,
    modes: Vec<Mode>,
    start: usize,
    start_col: i32,
    first_lineno: i32,
    multi_line_start: usize,
    warnings: Vec<SyntaxWarning>,
    /// CPython's `tok_extra_tokens`: emit COMMENT and NL, and accept what only the
    /// parser would reject (unmatched brackets, odd number endings).
    extra_tokens: bool,
    /// The last COMMENT filled a line of its own: its newline is an NL.
    comment_newline: bool,
}

type LexResult = Result<Token, TokError>;

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// Tokenizes the whole (decoded, newline-translated) source.
pub fn tokenize(source: &str) -> Tokens {
    let mut lexer = Lexer::new(source.as_bytes());
    // Python source averages a token per 4-5 bytes: reserving that avoids regrowing.
    let mut tokens = Vec::with_capacity(source.len() / 4 + 16);
    let mut error = None;
    loop {
        match lexer.next_token() {
            Ok(token) => {
                let done = token.kind == TokKind::EndMarker;
                tokens.push(token);
                if done {
                    break;
                }
            }
            Err(err) => {
                error = Some(err);
                break;
            }
        }
    }
    Tokens {
        tokens,
        error,
        warnings: lexer.warnings,
    }
}

impl<'a> Lexer<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Lexer {
            buf,
            pos: 0,
            line_start: 0,
            line_end: 0,
            lineno: 0,
            atbol: true,
            pendin: 0,
            indstack: vec![0],
            altindstack: vec![0],
            parens: Vec::new(),
            modes: vec![Mode {
                regular: true,
                fstring: None,
            }],
            start: 0,
            start_col: -1,
            first_lineno: 0,
            multi_line_start: 0,
            warnings: Vec::new(),
            extra_tokens: false,
            comment_newline: false,
        }
    }

    /// A lexer for the `tokenize` module: COMMENT and NL tokens included.
    pub fn with_extra_tokens(buf: &'a [u8]) -> Self {
        let mut lexer = Lexer::new(buf);
        lexer.extra_tokens = true;
        lexer
    }

    /// The current physical line's number (CPython's `tok->lineno`).
    pub fn lineno(&self) -> i32 {
        self.lineno
    }

    fn nextc(&mut self) -> Option<u8> {
        if self.pos == self.line_end {
            if self.pos >= self.buf.len() {
                return None;
            }
            self.lineno += 1;
            self.line_start = self.pos;
            self.line_end = self.buf[self.pos..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(self.buf.len(), |p| self.pos + p + 1);
        }
        let c = self.buf[self.pos];
        self.pos += 1;
        Some(c)
    }

    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.pos -= 1;
        }
    }

    fn col(&self) -> i32 {
        self.pos as i32 - self.line_start as i32
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn in_fstring(&self) -> bool {
        self.modes.len() > 1
    }

    fn fs(&mut self) -> Option<&mut FStringState> {
        self.modes.last_mut().and_then(|m| m.fstring.as_mut())
    }

    fn in_fstring_expr(&self) -> bool {
        self.modes
            .last()
            .and_then(|m| m.fstring.as_ref())
            .is_some_and(|f| f.expr_start_depth >= 0)
    }

    fn make(&self, kind: TokKind, start: Option<usize>, end: usize) -> Token {
        let string_lit = matches!(
            kind,
            TokKind::String | TokKind::FStringMiddle | TokKind::TStringMiddle
        );
        let lineno = if string_lit {
            self.first_lineno
        } else {
            self.lineno
        };
        let (start_byte, col, end_col) = match start {
            Some(s) => (s, self.start_col, self.col()),
            None => (self.pos, -1, -1),
        };
        Token {
            kind,
            start: start_byte,
            end: if start.is_some() { end } else { self.pos },
            lineno,
            col,
            end_lineno: self.lineno,
            end_col,
            after_lineno: self.lineno,
            after_col: self.col(),
            fstring_expr_text: None,
            level: self.parens.len() as u32,
        }
    }

    fn tok_error(&self, kind: TokErrorKind) -> TokError {
        TokError {
            kind,
            lineno: self.lineno,
            cur_col: self.col(),
            open_paren: self.parens.last().copied(),
            in_fstring: self.modes.len() > 1,
        }
    }

    fn line_text_at(&self, line_start: usize) -> String {
        let end = self.buf[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.buf.len(), |p| line_start + p);
        String::from_utf8_lossy(&self.buf[line_start..end]).into_owned()
    }

    fn chars_between(&self, from: usize, to: usize) -> i32 {
        if to <= from {
            return 0;
        }
        String::from_utf8_lossy(&self.buf[from..to]).chars().count() as i32
    }

    /// `_PyTokenizer_syntaxerror`: offset at the tokenizer's current position.
    fn syntax_error(&self, msg: String) -> TokError {
        let col = self.chars_between(self.line_start, self.pos);
        self.syntax_error_range(msg, col, col)
    }

    fn syntax_error_range(&self, msg: String, col: i32, end_col: i32) -> TokError {
        let err = SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg,
            lineno: Some(self.lineno),
            offset: Some(col),
            end_lineno: Some(self.lineno),
            end_offset: Some(end_col),
            text: Some(self.line_text_at(self.line_start)),
            location_in_args: true,
        };
        self.tok_error(TokErrorKind::Raised(err))
    }

    fn warn(&mut self, msg: String) {
        self.warnings.push(SyntaxWarning {
            msg,
            lineno: self.lineno,
        });
    }

    pub fn next_token(&mut self) -> LexResult {
        let in_regular = self.modes.last().is_none_or(|m| m.regular);
        if in_regular {
            self.normal_mode()
        } else {
            self.fstring_mode()
        }
    }

    fn indentation(&mut self) -> Result<bool, TokError> {
        let mut col = 0usize;
        let mut altcol = 0usize;
        self.atbol = false;
        let mut cont_line_col = 0usize;
        let c = loop {
            let c = self.nextc();
            match c {
                Some(b' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some(b'\t') => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    altcol += 1;
                }
                Some(0x0c) => {
                    col = 0;
                    altcol = 0;
                }
                Some(b'\\') => {
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.continuation_line()?;
                }
                _ => break c,
            }
        };
        self.backup(c);
        let blankline = matches!(c, Some(b'#' | b'\n' | b'\r'));
        if !blankline && self.parens.is_empty() {
            if cont_line_col != 0 {
                col = cont_line_col;
                altcol = cont_line_col;
            }
            let top = *self.indstack.last().unwrap_or(&0);
            let alttop = *self.altindstack.last().unwrap_or(&0);
            if col == top {
                if altcol != alttop {
                    return Err(self.indent_error());
                }
            } else if col > top {
                if self.indstack.len() >= MAXINDENT {
                    self.pos = self.line_end;
                    return Err(self.tok_error(TokErrorKind::TooDeep));
                }
                if altcol <= alttop {
                    return Err(self.indent_error());
                }
                self.pendin += 1;
                self.indstack.push(col);
                self.altindstack.push(altcol);
            } else {
                while self.indstack.len() > 1 && col < *self.indstack.last().unwrap_or(&0) {
                    self.pendin -= 1;
                    self.indstack.pop();
                    self.altindstack.pop();
                }
                if col != *self.indstack.last().unwrap_or(&0) {
                    self.pos = self.line_end;
                    return Err(self.tok_error(TokErrorKind::Dedent));
                }
                if altcol != *self.altindstack.last().unwrap_or(&0) {
                    return Err(self.indent_error());
                }
            }
        }
        Ok(blankline)
    }

    fn indent_error(&mut self) -> TokError {
        self.pos = self.line_end;
        self.tok_error(TokErrorKind::TabSpace)
    }

    fn continuation_line(&mut self) -> Result<(), TokError> {
        let mut c = self.nextc();
        if c == Some(b'\r') {
            c = self.nextc();
        }
        if c != Some(b'\n') {
            return Err(self.tok_error(TokErrorKind::LineCont));
        }
        let c = self.nextc();
        if c.is_none() {
            self.pos = self.line_end;
            return Err(self.tok_error(TokErrorKind::Eof));
        }
        self.backup(c);
        Ok(())
    }

    fn normal_mode(&mut self) -> LexResult {
        let mut blankline;
        'nextline: loop {
            blankline = false;
            if self.atbol {
                blankline = self.indentation()?;
            }
            self.start = self.pos;
            self.start_col = self.col();
            if self.pendin != 0 {
                let kind = if self.pendin < 0 {
                    self.pendin += 1;
                    TokKind::Dedent
                } else {
                    self.pendin -= 1;
                    TokKind::Indent
                };
                // Make sure the current line is loaded, as CPython's peek does.
                let c = self.nextc();
                self.backup(c);
                return Ok(self.make(kind, None, 0));
            }
            let c = self.nextc();
            self.backup(c);
            'again: loop {
                let mut c = self.nextc();
                while matches!(c, Some(b' ' | b'\t' | 0x0c)) {
                    c = self.nextc();
                }
                self.start = self.pos.saturating_sub(usize::from(c.is_some()));
                self.start_col = self.col() - i32::from(c.is_some());
                if c == Some(b'#') {
                    while !matches!(c, None | Some(b'\n' | b'\r')) {
                        c = self.nextc();
                    }
                    if self.extra_tokens {
                        self.backup(c);
                        self.comment_newline = blankline;
                        return Ok(self.make(TokKind::Comment, Some(self.start), self.pos));
                    }
                }
                let Some(ch) = c else {
                    if !self.parens.is_empty() {
                        return Err(self.tok_error(TokErrorKind::Eof));
                    }
                    let mut token = self.make(TokKind::EndMarker, None, 0);
                    token.start = self.buf.len();
                    token.end = self.buf.len();
                    return Ok(token);
                };
                if is_ident_start(ch) {
                    return self.identifier_or_prefixed_string(ch);
                }
                let ch = if ch == b'\r' {
                    match self.nextc() {
                        Some(c2) => c2,
                        None => return Err(self.syntax_error("invalid syntax".into())),
                    }
                } else {
                    ch
                };
                if ch == b'\n' {
                    self.atbol = true;
                    if blankline || !self.parens.is_empty() {
                        if self.extra_tokens {
                            self.comment_newline = false;
                            return Ok(self.make(TokKind::Nl, Some(self.start), self.pos));
                        }
                        continue 'nextline;
                    }
                    if self.comment_newline && self.extra_tokens {
                        self.comment_newline = false;
                        return Ok(self.make(TokKind::Nl, Some(self.start), self.pos));
                    }
                    return Ok(self.make(TokKind::Newline, Some(self.start), self.pos - 1));
                }
                if ch == b'.' {
                    let c2 = self.nextc();
                    if c2.is_some_and(|d| d.is_ascii_digit()) {
                        return self.number_fraction(c2);
                    } else if c2 == Some(b'.') {
                        let c3 = self.nextc();
                        if c3 == Some(b'.') {
                            return Ok(self.make(TokKind::Op, Some(self.start), self.pos));
                        }
                        self.backup(c3);
                        self.backup(c2);
                    } else {
                        self.backup(c2);
                    }
                    return Ok(self.make(TokKind::Op, Some(self.start), self.pos));
                }
                if ch.is_ascii_digit() {
                    return self.number(ch);
                }
                if ch == b'\'' || ch == b'"' {
                    return self.string(ch);
                }
                if ch == b'\\' {
                    self.continuation_line()?;
                    continue 'again;
                }
                return self.operator(ch);
            }
        }
    }

    fn identifier_or_prefixed_string(&mut self, first: u8) -> LexResult {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f, mut saw_t) =
            (false, false, false, false, false);
        let mut c = Some(first);
        while let Some(ch) = c {
            match ch.to_ascii_lowercase() {
                b'b' if !saw_b => saw_b = true,
                b'u' if !saw_u => saw_u = true,
                b'r' if !saw_r => saw_r = true,
                b'f' if !saw_f => saw_f = true,
                b't' if !saw_t => saw_t = true,
                _ => break,
            }
            c = self.nextc();
            if let Some(q @ (b'"' | b'\'')) = c {
                let pair = [
                    (saw_u && saw_b, "u", "b"),
                    (saw_u && saw_r, "u", "r"),
                    (saw_u && saw_f, "u", "f"),
                    (saw_u && saw_t, "u", "t"),
                    (saw_b && saw_f, "b", "f"),
                    (saw_b && saw_t, "b", "t"),
                    (saw_f && saw_t, "f", "t"),
                ]
                .into_iter()
                .find(|p| p.0);
                if let Some((_, a, b)) = pair {
                    let col = self.start_col + 1;
                    let end = self.col();
                    return Err(self.syntax_error_range(
                        format!("'{a}' and '{b}' prefixes are incompatible"),
                        col,
                        end,
                    ));
                }
                if saw_f || saw_t {
                    return self.fstring_start(q, saw_r, saw_t);
                }
                return self.string(q);
            }
        }
        let mut nonascii = false;
        while let Some(ch) = c {
            if !is_ident_char(ch) {
                break;
            }
            if ch >= 128 {
                nonascii = true;
            }
            c = self.nextc();
        }
        self.backup(c);
        if nonascii && !self.extra_tokens {
            self.verify_identifier()?;
        }
        Ok(self.make(TokKind::Name, Some(self.start), self.pos))
    }

    fn verify_identifier(&mut self) -> Result<(), TokError> {
        let text = String::from_utf8_lossy(&self.buf[self.start..self.pos]).into_owned();
        for (index, (byte_at, ch)) in text.char_indices().enumerate() {
            let ok = if index == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch) || is_other_id_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch) || is_other_id_start(ch)
            };
            if !ok {
                self.pos = self.start + byte_at + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                return Err(self.syntax_error(msg));
            }
        }
        Ok(())
    }

    fn decimal_tail(&mut self) -> Result<Option<u8>, TokError> {
        loop {
            let mut c = self.nextc();
            while c.is_some_and(|d| d.is_ascii_digit()) {
                c = self.nextc();
            }
            if c != Some(b'_') {
                return Ok(c);
            }
            let c = self.nextc();
            if !c.is_some_and(|d| d.is_ascii_digit()) {
                self.backup(c);
                return Err(self.syntax_error("invalid decimal literal".into()));
            }
        }
    }

    fn lookahead(&mut self, rest: &[u8]) -> bool {
        let at = self.pos;

        self.buf[at..].starts_with(rest)
            && !self
                .buf
                .get(at + rest.len())
                .is_some_and(|&c| is_ident_char(c))
    }

    fn verify_end_of_number(&mut self, c: Option<u8>, kind: &str) -> Result<(), TokError> {
        // The `tokenize` module is more liberal than the parser: `1if` is two tokens.
        if self.extra_tokens {
            return Ok(());
        }
        let Some(ch) = c else { return Ok(()) };
        let keyword = match ch {
            b'a' => self.lookahead(b"nd"),
            b'e' => self.lookahead(b"lse"),
            b'f' => self.lookahead(b"or"),
            b'i' => matches!(self.peek(), Some(b'f' | b'n' | b's')),
            b'o' => self.lookahead(b"r"),
            b'n' => self.lookahead(b"ot"),
            _ => false,
        };
        if keyword {
            self.backup(c);
            self.warn(format!("invalid {kind} literal"));
            self.nextc();
        } else if ch < 128 && is_ident_char(ch) {
            self.backup(c);
            return Err(self.syntax_error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn number(&mut self, first: u8) -> LexResult {
        let mut c;
        if first == b'0' {
            c = self.nextc();
            match c {
                Some(b'x' | b'X') => {
                    c = self.nextc();
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                        }
                        if !c.is_some_and(|d| d.is_ascii_hexdigit()) {
                            self.backup(c);
                            return Err(self.syntax_error("invalid hexadecimal literal".into()));
                        }
                        while c.is_some_and(|d| d.is_ascii_hexdigit()) {
                            c = self.nextc();
                        }
                        if c != Some(b'_') {
                            break;
                        }
                    }
                    self.verify_end_of_number(c, "hexadecimal")?;
                }
                Some(b'o' | b'O') => {
                    c = self.nextc();
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                        }
                        if !c.is_some_and(|d| (b'0'..b'8').contains(&d)) {
                            if let Some(d) = c.filter(|d| d.is_ascii_digit()) {
                                return Err(self.syntax_error(format!(
                                    "invalid digit '{}' in octal literal",
                                    d as char
                                )));
                            }
                            self.backup(c);
                            return Err(self.syntax_error("invalid octal literal".into()));
                        }
                        while c.is_some_and(|d| (b'0'..b'8').contains(&d)) {
                            c = self.nextc();
                        }
                        if c != Some(b'_') {
                            break;
                        }
                    }
                    if let Some(d) = c.filter(|d| d.is_ascii_digit()) {
                        return Err(self.syntax_error(format!(
                            "invalid digit '{}' in octal literal",
                            d as char
                        )));
                    }
                    self.verify_end_of_number(c, "octal")?;
                }
                Some(b'b' | b'B') => {
                    c = self.nextc();
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                        }
                        if !matches!(c, Some(b'0' | b'1')) {
                            if let Some(d) = c.filter(|d| d.is_ascii_digit()) {
                                return Err(self.syntax_error(format!(
                                    "invalid digit '{}' in binary literal",
                                    d as char
                                )));
                            }
                            self.backup(c);
                            return Err(self.syntax_error("invalid binary literal".into()));
                        }
                        while matches!(c, Some(b'0' | b'1')) {
                            c = self.nextc();
                        }
                        if c != Some(b'_') {
                            break;
                        }
                    }
                    if let Some(d) = c.filter(|d| d.is_ascii_digit()) {
                        return Err(self.syntax_error(format!(
                            "invalid digit '{}' in binary literal",
                            d as char
                        )));
                    }
                    self.verify_end_of_number(c, "binary")?;
                }
                _ => {
                    let mut nonzero = false;
                    loop {
                        if c == Some(b'_') {
                            c = self.nextc();
                            if !c.is_some_and(|d| d.is_ascii_digit()) {
                                self.backup(c);
                                return Err(self.syntax_error("invalid decimal literal".into()));
                            }
                        }
                        if c != Some(b'0') {
                            break;
                        }
                        c = self.nextc();
                    }
                    let zeros_end = self.pos;
                    if c.is_some_and(|d| d.is_ascii_digit()) {
                        nonzero = true;
                        c = self.decimal_tail()?;
                    }
                    match c {
                        Some(b'.') => {
                            let c2 = self.nextc();
                            return self.number_fraction(c2);
                        }
                        Some(b'e' | b'E') => return self.number_exponent(c),
                        Some(b'j' | b'J') => return self.number_imaginary(),
                        _ => {}
                    }
                    if nonzero && !self.extra_tokens {
                        self.backup(c);
                        let col = (self.start + 1 - self.line_start) as i32;
                        let end = (zeros_end - self.line_start) as i32;
                        return Err(self.syntax_error_range(
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                            col,
                            end,
                        ));
                    }
                    self.verify_end_of_number(c, "decimal")?;
                }
            }
        } else {
            c = self.decimal_tail()?;
            match c {
                Some(b'.') => {
                    let c2 = self.nextc();
                    return self.number_fraction(c2);
                }
                Some(b'e' | b'E') => return self.number_exponent(c),
                Some(b'j' | b'J') => return self.number_imaginary(),
                _ => self.verify_end_of_number(c, "decimal")?,
            }
        }
        self.backup(c);
        Ok(self.make(TokKind::Number, Some(self.start), self.pos))
    }

    /// After the `.` of a float; `c` is the character following it.
    fn number_fraction(&mut self, mut c: Option<u8>) -> LexResult {
        if c.is_some_and(|d| d.is_ascii_digit()) {
            c = self.decimal_tail()?;
        }
        match c {
            Some(b'e' | b'E') => self.number_exponent(c),
            Some(b'j' | b'J') => self.number_imaginary(),
            _ => {
                self.verify_end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(self.make(TokKind::Number, Some(self.start), self.pos))
            }
        }
    }

    fn number_exponent(&mut self, e: Option<u8>) -> LexResult {
        let mut c = self.nextc();
        if matches!(c, Some(b'+' | b'-')) {
            c = self.nextc();
            if !c.is_some_and(|d| d.is_ascii_digit()) {
                self.backup(c);
                return Err(self.syntax_error("invalid decimal literal".into()));
            }
        } else if !c.is_some_and(|d| d.is_ascii_digit()) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(self.make(TokKind::Number, Some(self.start), self.pos));
        }
        c = self.decimal_tail()?;
        if matches!(c, Some(b'j' | b'J')) {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(self.make(TokKind::Number, Some(self.start), self.pos))
    }

    fn number_imaginary(&mut self) -> LexResult {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(self.make(TokKind::Number, Some(self.start), self.pos))
    }

    fn string(&mut self, quote: u8) -> LexResult {
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut has_escaped_quote = false;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let mut c = self.nextc();
        if c == Some(quote) {
            c = self.nextc();
            if c == Some(quote) {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != Some(quote) {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            let c = self.nextc();
            if c.is_none() || (quote_size == 1 && c == Some(b'\n')) {
                let detected_at = self.lineno;
                self.pos = self.start + 1;
                self.line_start = self.multi_line_start;
                self.lineno = self.first_lineno;
                if let Some(fs) = self.modes.last().and_then(|m| m.fstring.as_ref())
                    && fs.quote == quote
                    && fs.quote_size == quote_size
                {
                    let what = if fs.tstring { "t-string" } else { "f-string" };
                    return Err(self.syntax_error(format!("{what}: expecting '}}'")));
                }
                let msg = if quote_size == 3 {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {detected_at})"
                    )
                } else if has_escaped_quote {
                    format!(
                        "unterminated string literal (detected at line {detected_at}); perhaps you escaped the end quote?"
                    )
                } else {
                    format!("unterminated string literal (detected at line {detected_at})")
                };
                return Err(self.syntax_error(msg));
            }
            if c == Some(quote) {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == Some(b'\\') {
                    let c2 = self.nextc();
                    if c2 == Some(quote) {
                        has_escaped_quote = true;
                    }
                    if c2 == Some(b'\r') {
                        self.nextc();
                    }
                }
            }
        }
        Ok(self.make(TokKind::String, Some(self.start), self.pos))
    }

    fn fstring_start(&mut self, quote: u8, raw: bool, tstring: bool) -> LexResult {
        let mut quote_size = 1;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let after = self.nextc();
        if after == Some(quote) {
            let after2 = self.nextc();
            if after2 == Some(quote) {
                quote_size = 3;
            } else {
                self.backup(after2);
                self.backup(after);
            }
        } else {
            self.backup(after);
        }
        if self.modes.len() >= MAXFSTRINGLEVEL {
            return Err(self.syntax_error("too many nested f-strings or t-strings".into()));
        }
        self.modes.push(Mode {
            regular: false,
            fstring: Some(FStringState {
                quote,
                quote_size,
                raw,
                tstring,
                start: self.start,
                start_line_start: self.line_start,
                start_lineno: self.lineno,
                curly_depth: 0,
                expr_start_depth: -1,
                in_format_spec: false,
                debug: false,
                expr_text_start: None,
                expr_text_end: None,
            }),
        });
        let kind = if tstring {
            TokKind::TStringStart
        } else {
            TokKind::FStringStart
        };
        Ok(self.make(kind, Some(self.start), self.pos))
    }

    fn operator(&mut self, c: u8) -> LexResult {
        let mut fstring_expr_text = None;
        let is_punct = matches!(c, b':' | b'}' | b'!' | b'{');
        if is_punct && self.in_fstring() && self.in_fstring_expr() {
            let pos = self.pos;
            let start = self.start;
            let fs = self.fs().expect("inside an f-string");
            let cursor = fs.curly_depth - i32::from(c != b'{');
            let cursor_valid = cursor == 0 || (cursor == 1 && (fs.debug || fs.in_format_spec));
            if cursor_valid {
                if c == b'{' {
                    fs.expr_text_start = Some(pos);
                    fs.expr_text_end = None;
                } else if fs.expr_text_end.is_none() {
                    fs.expr_text_end = Some(start);
                }
                if c != b'{'
                    && let (Some(s), Some(e)) = (fs.expr_text_start, fs.expr_text_end)
                {
                    fstring_expr_text = Some((s, e));
                }
            }
            if c == b':' && cursor == fs.expr_start_depth {
                fs.in_format_spec = true;
                if let Some(mode) = self.modes.last_mut() {
                    mode.regular = false;
                }
                let mut token = self.make(TokKind::Op, Some(self.start), self.pos);
                token.fstring_expr_text = fstring_expr_text;
                return Ok(token);
            }
        }
        // Two- and three-character operators.
        let c2 = self.nextc();
        if let Some(c2v) = c2
            && is_two_char_op(c, c2v)
        {
            let c3 = self.nextc();
            if !c3.is_some_and(|c3v| is_three_char_op(c, c2v, c3v)) {
                self.backup(c3);
            }
            let mut token = self.make(TokKind::Op, Some(self.start), self.pos);
            token.fstring_expr_text = fstring_expr_text;
            return Ok(token);
        }
        self.backup(c2);
        match c {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    return Err(self.syntax_error("too many nested parentheses".into()));
                }
                self.parens.push((c, self.lineno, self.start_col));
                if self.in_fstring()
                    && let Some(fs) = self.fs()
                {
                    fs.curly_depth += 1;
                }
            }
            b')' | b']' | b'}' => {
                if self.in_fstring() && c == b'}' && self.fs().is_some_and(|f| f.curly_depth == 0) {
                    let what = self.fstring_word();
                    return Err(self.syntax_error(format!("{what}: single '}}' is not allowed")));
                }
                let Some(&(opening, open_line, _)) = self.parens.last() else {
                    if self.extra_tokens {
                        return Ok(self.make(TokKind::Op, Some(self.start), self.pos));
                    }
                    return Err(self.syntax_error(format!("unmatched '{}'", c as char)));
                };
                self.parens.pop();
                let matching = matches!((opening, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matching && !self.extra_tokens {
                    if self.in_fstring() && opening == b'{' {
                        let fs = self.fs().expect("inside an f-string");
                        if fs.curly_depth - 1 == fs.expr_start_depth {
                            let what = self.fstring_word();
                            return Err(
                                self.syntax_error(format!("{what}: unmatched '{}'", c as char))
                            );
                        }
                    }
                    let msg = if open_line != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                            c as char, opening as char
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, opening as char
                        )
                    };
                    return Err(self.syntax_error(msg));
                }
                if self.in_fstring() {
                    let fs = self.fs().expect("inside an f-string");
                    fs.curly_depth -= 1;
                    if fs.curly_depth < 0 {
                        let what = self.fstring_word();
                        return Err(self.syntax_error(format!("{what}: unmatched '{}'", c as char)));
                    }
                    if c == b'}' && fs.curly_depth == fs.expr_start_depth {
                        fs.expr_start_depth -= 1;
                        fs.in_format_spec = false;
                        fs.debug = false;
                        if let Some(mode) = self.modes.last_mut() {
                            mode.regular = false;
                        }
                    }
                }
            }
            _ => {}
        }
        if !is_printable_byte_op(c) {
            // Decode the full character for the message.
            let text = String::from_utf8_lossy(&self.buf[self.start..]).into_owned();
            let ch = text.chars().next().unwrap_or('\u{fffd}');
            if !ch.is_ascii() {
                self.pos = self.start + ch.len_utf8();
            }
            let msg = if is_printable(ch) && !ch.is_ascii() {
                format!("invalid character '{ch}' (U+{:04X})", ch as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", ch as u32)
            };
            if !is_printable(ch) || !ch.is_ascii() {
                return Err(self.syntax_error(msg));
            }
        }
        if c == b'='
            && self.in_fstring_expr()
            && let Some(fs) = self.fs()
        {
            fs.debug = true;
        }
        let mut token = self.make(TokKind::Op, Some(self.start), self.pos);
        token.fstring_expr_text = fstring_expr_text;
        Ok(token)
    }

    fn fstring_word(&self) -> &'static str {
        match self.modes.last().and_then(|m| m.fstring.as_ref()) {
            Some(fs) if fs.tstring => "t-string",
            _ => "f-string",
        }
    }

    fn fstring_mode(&mut self) -> LexResult {
        self.start = self.pos;
        self.first_lineno = self.lineno.max(1);
        // Make sure line bookkeeping is current for the first character.
        let start_char = self.nextc();
        if self.pos > 0 && start_char.is_some() {
            self.start = self.pos - 1;
        }
        self.first_lineno = self.lineno;
        self.start_col = self.col() - i32::from(start_char.is_some());
        let (tstring, quote, quote_size, raw) = {
            let fs = self
                .modes
                .last()
                .and_then(|m| m.fstring.as_ref())
                .expect("f-string mode");
            (fs.tstring, fs.quote, fs.quote_size, fs.raw)
        };
        if start_char == Some(b'{') {
            let peek1 = self.nextc();
            self.backup(peek1);
            self.backup(start_char);
            if peek1 != Some(b'{') {
                let fs = self.fs().expect("f-string mode");
                fs.expr_start_depth += 1;
                if fs.expr_start_depth >= MAX_EXPR_NESTING {
                    let what = self.fstring_word();
                    return Err(self.syntax_error(format!("{what}: expressions nested too deeply")));
                }
                if let Some(mode) = self.modes.last_mut() {
                    mode.regular = true;
                }
                return self.normal_mode();
            }
        } else {
            self.backup(start_char);
        }
        // At the closing quote(s)?
        let mut at_end = true;
        let mut consumed = Vec::new();
        for _ in 0..quote_size {
            let q = self.nextc();
            if q != Some(quote) {
                self.backup(q);
                at_end = false;
                break;
            }
            consumed.push(q);
        }
        if at_end {
            self.modes.pop();
            let kind = if tstring {
                TokKind::TStringEnd
            } else {
                TokKind::FStringEnd
            };
            return Ok(self.make(kind, Some(self.start), self.pos));
        }
        for q in consumed.into_iter().rev() {
            self.backup(q);
        }
        let middle = if tstring {
            TokKind::TStringMiddle
        } else {
            TokKind::FStringMiddle
        };
        self.multi_line_start = self.line_start;
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        while end_quote_size != quote_size {
            let c = self.nextc();
            let in_format_spec = {
                let fs = self
                    .modes
                    .last()
                    .and_then(|m| m.fstring.as_ref())
                    .expect("f-string mode");
                fs.in_format_spec && fs.expr_start_depth >= 0
            };
            if c.is_none() || (quote_size == 1 && c == Some(b'\n')) {
                if in_format_spec && c == Some(b'\n') {
                    if quote_size == 1 {
                        let what = if tstring { "t-string" } else { "f-string" };
                        return Err(self.syntax_error(format!(
                            "{what}: newlines are not allowed in format specifiers for single quoted {what}s"
                        )));
                    }
                    self.backup(c);
                    if let Some(mode) = self.modes.last_mut() {
                        mode.regular = true;
                    }
                    if let Some(fs) = self.fs() {
                        fs.in_format_spec = false;
                    }
                    return Ok(self.make(middle, Some(self.start), self.pos));
                }
                let detected_at = self.lineno;
                let fs = self
                    .modes
                    .last()
                    .and_then(|m| m.fstring.clone())
                    .expect("f-string mode");
                self.pos = fs.start + 1;
                self.line_start = fs.start_line_start;
                self.lineno = fs.start_lineno;
                let what = if tstring { "t-string" } else { "f-string" };
                let msg = if quote_size == 3 {
                    format!(
                        "unterminated triple-quoted {what} literal (detected at line {detected_at})"
                    )
                } else {
                    format!("unterminated {what} literal (detected at line {detected_at})")
                };
                return Err(self.syntax_error(msg));
            }
            if c == Some(quote) {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            match c {
                Some(b'{') => {
                    let peek = self.nextc();
                    if peek != Some(b'{') || in_format_spec {
                        self.backup(peek);
                        self.backup(c);
                        let fs = self.fs().expect("f-string mode");
                        fs.expr_start_depth += 1;
                        if fs.expr_start_depth >= MAX_EXPR_NESTING {
                            let what = self.fstring_word();
                            return Err(
                                self.syntax_error(format!("{what}: expressions nested too deeply"))
                            );
                        }
                        fs.in_format_spec = false;
                        if let Some(mode) = self.modes.last_mut() {
                            mode.regular = true;
                        }
                        return Ok(self.make(middle, Some(self.start), self.pos));
                    }
                    return Ok(self.make(middle, Some(self.start), self.pos - 1));
                }
                Some(b'}') => {
                    if unicode_escape {
                        return Ok(self.make(middle, Some(self.start), self.pos));
                    }
                    let peek = self.nextc();
                    let cursor = self.fs().map_or(0, |f| f.curly_depth);
                    if peek == Some(b'}') && !in_format_spec && cursor == 0 {
                        return Ok(self.make(middle, Some(self.start), self.pos - 1));
                    }
                    self.backup(peek);
                    self.backup(c);
                    if let Some(mode) = self.modes.last_mut() {
                        mode.regular = true;
                    }
                    if let Some(fs) = self.fs() {
                        fs.in_format_spec = false;
                    }
                    return Ok(self.make(middle, Some(self.start), self.pos));
                }
                Some(b'\\') => {
                    let mut peek = self.nextc();
                    if peek == Some(b'\r') {
                        peek = self.nextc();
                    }
                    if matches!(peek, Some(b'{' | b'}')) {
                        if !raw {
                            let ch = peek.unwrap_or(b'{') as char;
                            self.warn(format!(
                                "\"\\{ch}\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{ch}\"? A raw string is also an option."
                            ));
                        }
                        self.backup(peek);
                        continue;
                    }
                    if !raw && peek == Some(b'N') {
                        let p2 = self.nextc();
                        if p2 == Some(b'{') {
                            unicode_escape = true;
                        } else {
                            self.backup(p2);
                        }
                    }
                }
                _ => {}
            }
        }
        for _ in 0..quote_size {
            self.backup(Some(quote));
        }
        Ok(self.make(middle, Some(self.start), self.pos))
    }
}

fn is_two_char_op(c1: u8, c2: u8) -> bool {
    matches!(
        (c1, c2),
        (b'!', b'=')
            | (b'%', b'=')
            | (b'&', b'=')
            | (b'*', b'*')
            | (b'*', b'=')
            | (b'+', b'=')
            | (b'-', b'=')
            | (b'-', b'>')
            | (b'/', b'/')
            | (b'/', b'=')
            | (b':', b'=')
            | (b'<', b'<')
            | (b'<', b'=')
            | (b'<', b'>')
            | (b'=', b'=')
            | (b'>', b'=')
            | (b'>', b'>')
            | (b'@', b'=')
            | (b'^', b'=')
            | (b'|', b'=')
    )
}

fn is_three_char_op(c1: u8, c2: u8, c3: u8) -> bool {
    matches!(
        (c1, c2, c3),
        (b'*', b'*', b'=')
            | (b'.', b'.', b'.')
            | (b'/', b'/', b'=')
            | (b'<', b'<', b'=')
            | (b'>', b'>', b'=')
    )
}

/// Single-character tokens CPython knows (anything else is reported as a bad character,
/// or as an ERRORTOKEN the parser rejects with "invalid syntax").
fn is_printable_byte_op(c: u8) -> bool {
    (0x20..0x7f).contains(&c)
}

/// `str.isprintable()` for one character.
pub fn is_printable(ch: char) -> bool {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    if ch == ' ' {
        return true;
    }
    !matches!(
        get_general_category(ch),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

/// Characters Python accepts in identifiers beyond XID (Other_ID_Start and friends).
fn is_other_id_start(ch: char) -> bool {
    matches!(
        ch,
        '\u{1885}' | '\u{1886}' | '\u{2118}' | '\u{212E}' | '\u{309B}' | '\u{309C}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokKind, String)> {
        let toks = tokenize(src);
        assert!(toks.error.is_none(), "{:?}", toks.error);
        toks.tokens
            .iter()
            .map(|t| (t.kind, src[t.start.min(t.end)..t.end].to_string()))
            .collect()
    }

    #[test]
    fn simple_statement() {
        let k = kinds("x = 1\n");
        assert_eq!(k[0], (TokKind::Name, "x".into()));
        assert_eq!(k[1], (TokKind::Op, "=".into()));
        assert_eq!(k[2], (TokKind::Number, "1".into()));
        assert_eq!(k[3].0, TokKind::Newline);
        assert_eq!(k[4].0, TokKind::EndMarker);
    }

    #[test]
    fn indentation() {
        let k: Vec<TokKind> = kinds("if x:\n  y\nz\n").into_iter().map(|t| t.0).collect();
        assert_eq!(
            k,
            vec![
                TokKind::Name,
                TokKind::Name,
                TokKind::Op,
                TokKind::Newline,
                TokKind::Indent,
                TokKind::Name,
                TokKind::Newline,
                TokKind::Dedent,
                TokKind::Name,
                TokKind::Newline,
                TokKind::EndMarker
            ]
        );
    }

    #[test]
    fn fstring_tokens() {
        let k = kinds("f\"a{{b}}c{x!r:>{w}}\"\n");
        let texts: Vec<&str> = k.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(texts[0], "f\"");
        assert_eq!(k[1], (TokKind::FStringMiddle, "a{".into()));
        assert!(texts.contains(&"x"));
        assert!(k.iter().any(|t| t.0 == TokKind::FStringEnd));
    }

    #[test]
    fn extra_tokens_mode_keeps_comments_and_blank_lines() {
        let src = "# c\nx = (1,  # d\n)\n\n";
        let mut lexer = Lexer::with_extra_tokens(src.as_bytes());
        let mut kinds = Vec::new();
        loop {
            let token = lexer.next_token().expect("no tokenizer error");
            kinds.push((token.kind, src[token.start..token.end].to_string()));
            if token.kind == TokKind::EndMarker {
                break;
            }
        }
        let expected = [
            (TokKind::Comment, "# c"),
            (TokKind::Nl, "\n"),
            (TokKind::Name, "x"),
            (TokKind::Op, "="),
            (TokKind::Op, "("),
            (TokKind::Number, "1"),
            (TokKind::Op, ","),
            (TokKind::Comment, "# d"),
            (TokKind::Nl, "\n"),
            (TokKind::Op, ")"),
        ];
        for (got, want) in kinds.iter().zip(expected) {
            assert_eq!((got.0, got.1.as_str()), want);
        }
        assert_eq!(kinds[kinds.len() - 2].0, TokKind::Nl);
    }

    #[test]
    fn extra_tokens_mode_accepts_what_only_the_parser_rejects() {
        for src in ["x = )\n", "0777\n", "1if x else y\n", "(]\n"] {
            let mut lexer = Lexer::with_extra_tokens(src.as_bytes());
            loop {
                let token = lexer.next_token().expect("no tokenizer error");
                if token.kind == TokKind::EndMarker {
                    break;
                }
            }
        }
    }

    #[test]
    fn number_errors() {
        let toks = tokenize("1_\n");
        assert!(
            matches!(toks.error.map(|e| e.kind), Some(TokErrorKind::Raised(e)) if e.msg == "invalid decimal literal")
        );
    }
}
