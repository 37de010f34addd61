//! The PEG parser's machinery: token access, backtracking marks, memoization, node
//! positions, the two passes (the second one with the `invalid_*` rules enabled) and the
//! error reporting that turns a failure into CPython's `SyntaxError`.
//!
//! CPython counterpart: `Parser/pegen.c`, `Parser/pegen_errors.c` and the driver part of
//! the generated `Parser/parser.c`. The grammar rules themselves live in the sibling
//! modules, one per part of `Grammar/python.gram`.

mod expressions;
mod helpers;
mod invalid;
mod params;
mod patterns;
mod statements;
mod strings;
mod targets;

/// A memo table keyed by (token position, rule). A position has only a few entries, so
/// each position's entries are chained through one arena: a lookup is an index and a
/// short walk, with no hashing and no rehashing as the table grows.
pub(crate) struct MemoMap<R, V> {
    /// Per position: 1 + the index in `entries` of its newest entry (0: none).
    heads: Vec<u32>,
    /// The rule, the memoized value, and 1 + the index of the position's previous entry.
    entries: Vec<(R, V, u32)>,
}

impl<R: Copy + PartialEq, V> MemoMap<R, V> {
    fn with_capacity(positions: usize, entries: usize) -> Self {
        MemoMap {
            heads: vec![0; positions],
            entries: Vec::with_capacity(entries),
        }
    }

    fn find(&self, pos: usize, rule: R) -> Option<usize> {
        let mut link = *self.heads.get(pos)?;
        while link != 0 {
            let (r, _, previous) = &self.entries[link as usize - 1];
            if *r == rule {
                return Some(link as usize - 1);
            }
            link = *previous;
        }
        None
    }

    pub(crate) fn get(&self, &(pos, rule): &(usize, R)) -> Option<&V> {
        self.find(pos, rule).map(|i| &self.entries[i].1)
    }

    fn contains_key(&self, &(pos, rule): &(usize, R)) -> bool {
        self.find(pos, rule).is_some()
    }

    pub(crate) fn insert(&mut self, (pos, rule): (usize, R), value: V) {
        if let Some(i) = self.find(pos, rule) {
            self.entries[i].1 = value;
            return;
        }
        self.push((pos, rule), value);
    }

    /// Adds an entry known not to be in the table yet (or to shadow the one there).
    fn push(&mut self, (pos, rule): (usize, R), value: V) {
        if pos >= self.heads.len() {
            self.heads.resize(pos + 1, 0);
        }
        self.entries.push((rule, value, self.heads[pos]));
        self.heads[pos] = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
    }

    fn clear(&mut self) {
        self.heads.fill(0);
        self.entries.clear();
    }
}

use pyrite_ast::{Expr, Location, Mod, Pattern, Stmt};

use crate::error::{SyntaxError, SyntaxErrorKind, SyntaxWarning, byte_offset_to_char_offset};
use crate::tokenizer::{TokError, TokErrorKind, TokKind, Token};

/// CPython's `MAXSTACK`: how deep rule calls may nest before the parser gives up.
const MAX_DEPTH: usize = 6000;

/// Longest left-nested chain of binary operators or trailers accepted.
const MAX_CHAIN: usize = 20000;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn is_keyword(text: &str) -> bool {
    KEYWORDS.contains(&text)
}

/// Up to 8 bytes of text packed into an integer (0 for longer or empty text): every
/// operator and keyword fits, so matching a token against one is an integer compare.
/// With a literal argument the compiler folds the packing away.
#[inline(always)]
const fn short_key(text: &[u8]) -> u64 {
    if text.is_empty() || text.len() > 8 {
        return 0;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < text.len() {
        key |= (text[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// `short_key` of each keyword (all of them fit in 8 bytes).
const KEYWORD_KEYS: [u64; KEYWORDS.len()] = {
    let mut keys = [0u64; KEYWORDS.len()];
    let mut i = 0;
    while i < KEYWORDS.len() {
        keys[i] = short_key(KEYWORDS[i].as_bytes());
        i += 1;
    }
    keys
};

/// What the rules ask of a token most often, precomputed once per token.
#[derive(Clone, Copy)]
struct TokKey {
    /// `short_key` of an operator's or name's text; 0 for other tokens.
    key: u64,
    /// A name that is a reserved keyword.
    keyword: bool,
}

/// Rules whose results are memoized (CPython's `(memo)` rules and the left-recursive ones).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum MemoRule {
    Expression,
    Disjunction,
    BitwiseOr,
    TPrimary,
    StarExpression,
    StarTarget,
    TargetWithStarAtom,
    DelTarget,
    Strings,
    Arguments,
    InvalidNamedExpression,
    Conjunction,
    Inversion,
    Factor,
    AwaitPrimary,
    Primary,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum MemoStmtsRule {
    Block,
    SimpleStmt,
}

pub(crate) type ArgsPair = (Vec<Expr>, Vec<pyrite_ast::Keyword>);

/// A memoized expression result. Results are not copied into the table at once:
/// the entry only records that the rule succeeded, and the rule is re-run (and its result
/// then kept) if the position is asked for again. This keeps long chains (`-x`,
/// `lambda: lambda: ...`) linear instead of copying every subtree once per level.
pub(crate) enum MemoEntry<T = Expr> {
    Value(T, usize),
    Pending,
    Fail,
}

/// A memoized expression result, small so that the table stays compact (most entries are
/// failures or pending successes): a kept value lives in `Parser::memo_values`.
#[derive(Clone, Copy)]
pub(crate) enum ExprMemo {
    /// The value at `slot` of `memo_values`, ending at token `end`.
    Value {
        slot: u32,
        end: u32,
    },
    Pending,
    Fail,
}

/// A mark in the token stream, to backtrack to.
pub(crate) type Mark = usize;

pub struct Parser<'a> {
    pub(crate) src: &'a str,
    pub(crate) toks: Vec<Token>,
    /// One per token of `toks`.
    tok_keys: Vec<TokKey>,
    tok_error: Option<TokError>,
    pub(crate) pos: usize,
    /// How many tokens the parser has looked at (CPython's `p->fill`).
    pub(crate) fill: usize,
    pub(crate) error: Option<SyntaxError>,
    pub(crate) call_invalid_rules: bool,
    memo_expr: MemoMap<MemoRule, ExprMemo>,
    /// The expressions kept by `memo_expr`'s entries.
    memo_values: Vec<Expr>,
    /// Nodes built so far (a cheap measure of how much a rule did).
    pub(crate) nodes_built: std::cell::Cell<usize>,
    memo_stmts: MemoMap<MemoStmtsRule, MemoEntry<Vec<Stmt>>>,
    memo_fail: MemoMap<MemoRule, ()>,
    pub(crate) memo_args: MemoMap<MemoRule, Option<(ArgsPair, usize)>>,
    /// `closed_pattern` is `(memo)` in CPython's grammar: without it, nested patterns
    /// backtrack exponentially.
    pub(crate) memo_pattern: MemoMap<(), Option<(Pattern, usize)>>,
    pub(crate) depth: usize,
    filename: &'a str,
    pub(crate) warnings: Vec<SyntaxWarning>,
    /// Set when the nesting limit was hit: CPython raises `MemoryError` then.
    pub stack_overflowed: bool,
    /// `from __future__ import barry_as_FLUFL` was seen: `<>` replaces `!=`.
    pub(crate) barry_as_flufl: bool,
    /// The second pass, with the invalid rules: memo entries are always kept, as in
    /// CPython (results computed with the invalid rules off are reused with them on).
    pub(crate) error_pass: bool,
}

/// A location argument for error raising: (lineno, col_offset, end_lineno, end_col_offset)
/// with 0-based byte columns, as CPython's node/token positions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    pub lineno: i32,
    pub col: i32,
    pub end_lineno: i32,
    pub end_col: i32,
}

impl From<Location> for Span {
    fn from(l: Location) -> Self {
        Span {
            lineno: l.lineno,
            col: l.col_offset,
            end_lineno: l.end_lineno,
            end_col: l.end_col_offset,
        }
    }
}

/// CPython's `CURRENT_POS` sentinel: "where the tokenizer is now".
pub(crate) const CURRENT_POS: i32 = -5;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StartRule {
    File,
    Eval,
    Single,
    FuncType,
}

impl<'a> Parser<'a> {
    pub fn new(
        src: &'a str,
        toks: Vec<Token>,
        tok_error: Option<TokError>,
        filename: &'a str,
    ) -> Self {
        let token_count = toks.len();
        let tok_keys = toks
            .iter()
            .map(|t| {
                let text = &src[t.start..t.end.max(t.start)];
                match t.kind {
                    TokKind::Op | TokKind::Name => {
                        let key = short_key(text.as_bytes());
                        TokKey {
                            key,
                            keyword: t.kind == TokKind::Name
                                && key != 0
                                && KEYWORD_KEYS.contains(&key),
                        }
                    }
                    _ => TokKey {
                        key: 0,
                        keyword: false,
                    },
                }
            })
            .collect();
        Parser {
            src,
            toks,
            tok_keys,
            tok_error,
            pos: 0,
            fill: 0,
            error: None,
            call_invalid_rules: false,
            memo_expr: MemoMap::with_capacity(token_count + 1, token_count * 2),
            // About one value is kept per four tokens: growing the vector instead costs
            // more than the unused room.
            memo_values: Vec::with_capacity(token_count / 4),
            nodes_built: std::cell::Cell::new(0),
            memo_stmts: MemoMap::with_capacity(token_count + 1, 0),
            memo_fail: MemoMap::with_capacity(0, 0),
            memo_args: MemoMap::with_capacity(0, 0),
            memo_pattern: MemoMap::with_capacity(token_count + 1, 0),
            depth: 0,
            filename,
            warnings: Vec::new(),
            stack_overflowed: false,
            barry_as_flufl: false,
            error_pass: false,
        }
    }

    // ------------------------------------------------------------------------------
    // Token access

    /// The token at `index`, fetching it (and raising a tokenizer error) as CPython's
    /// `_PyPegen_fill_token` would.
    #[inline]
    pub(crate) fn tok_at(&mut self, index: usize) -> Option<&Token> {
        if self.error.is_some() {
            return None;
        }
        if index < self.fill && index < self.toks.len() {
            // Already fetched: nothing to record.
            return self.toks.get(index);
        }
        self.tok_at_slow(index)
    }

    fn tok_at_slow(&mut self, index: usize) -> Option<&Token> {
        if index < self.toks.len() {
            if index >= self.fill {
                self.fill = index + 1;
            }
            return self.toks.get(index);
        }
        if self.tok_error.is_some() {
            self.fill = self.toks.len() + 1;
            self.raise_tokenizer_error();
        }
        None
    }

    #[inline]
    pub(crate) fn peek(&mut self) -> Option<&Token> {
        let pos = self.pos;
        self.tok_at(pos)
    }

    pub(crate) fn text(&self, index: usize) -> &'a str {
        let t = &self.toks[index];
        &self.src[t.start..t.end.max(t.start)]
    }

    #[inline]
    pub(crate) fn peek_kind(&mut self) -> Option<TokKind> {
        self.peek().map(|t| t.kind)
    }

    /// Is the next token the operator (or keyword/name) `s`?
    #[inline(always)]
    pub(crate) fn at(&mut self, s: &str) -> bool {
        let pos = self.pos;
        let key = short_key(s.as_bytes());
        if key == 0 {
            return self.at_long(s);
        }
        self.tok_at(pos).is_some() && self.tok_keys[pos].key == key
    }

    /// `at` for text too long for `short_key` (no operator or keyword is).
    fn at_long(&mut self, s: &str) -> bool {
        let pos = self.pos;
        match self.tok_at(pos) {
            Some(t) if matches!(t.kind, TokKind::Op | TokKind::Name) => {
                let (start, end) = (t.start, t.end);
                &self.src[start..end] == s
            }
            _ => false,
        }
    }

    /// Consumes the operator or keyword `s`, returning its token index.
    #[inline(always)]
    pub(crate) fn eat(&mut self, s: &str) -> Option<usize> {
        if self.at(s) {
            self.pos += 1;
            Some(self.pos - 1)
        } else {
            None
        }
    }

    #[inline]
    pub(crate) fn eat_kind(&mut self, kind: TokKind) -> Option<usize> {
        if self.peek_kind() == Some(kind) {
            self.pos += 1;
            Some(self.pos - 1)
        } else {
            None
        }
    }

    #[inline]
    pub(crate) fn at_kind(&mut self, kind: TokKind) -> bool {
        self.peek_kind() == Some(kind)
    }

    /// A NAME token that is not a reserved keyword.
    #[inline]
    pub(crate) fn at_name(&mut self) -> bool {
        let pos = self.pos;
        match self.tok_at(pos) {
            Some(t) if t.kind == TokKind::Name => !self.tok_keys[pos].keyword,
            _ => false,
        }
    }

    /// Consumes a NAME, returning the (NFKC-normalized) identifier and its token index.
    pub(crate) fn name_token(&mut self) -> Option<(String, usize)> {
        if self.at_name() {
            let index = self.pos;
            self.pos += 1;
            Some((helpers::normalize_identifier(self.text(index)), index))
        } else {
            None
        }
    }

    pub(crate) fn token_span(&self, index: usize) -> Span {
        let t = &self.toks[index];
        Span {
            lineno: t.lineno,
            col: t.col,
            end_lineno: t.end_lineno,
            end_col: t.end_col,
        }
    }

    pub(crate) fn token_location(&self, index: usize) -> Location {
        let t = &self.toks[index];
        Location::new(t.lineno, t.col, t.end_lineno, t.end_col)
    }

    /// Location from the token at `start` to the last non-whitespace token consumed
    /// (CPython's `EXTRA`).
    pub(crate) fn loc(&self, start: Mark) -> Location {
        self.nodes_built.set(self.nodes_built.get() + 1);
        let (lineno, col) = match self.toks.get(start) {
            Some(t) => (t.lineno, t.col),
            None => (0, 0),
        };
        let mut end = self.pos;
        while end > 0 {
            let t = &self.toks[end - 1];
            if matches!(
                t.kind,
                TokKind::Newline | TokKind::Indent | TokKind::Dedent | TokKind::EndMarker
            ) {
                end -= 1;
            } else {
                break;
            }
        }
        let (end_lineno, end_col) = if end == 0 {
            (lineno, col)
        } else {
            let t = &self.toks[end - 1];
            (t.end_lineno, t.end_col)
        };
        Location::new(lineno, col, end_lineno, end_col)
    }

    /// Runs `f`; on failure restores the position.
    pub(crate) fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let mark = self.pos;
        let result = f(self);
        if result.is_none() {
            self.pos = mark;
        }
        result
    }

    /// Positive lookahead.
    pub(crate) fn lookahead<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> bool {
        let mark = self.pos;
        let ok = f(self).is_some();
        self.pos = mark;
        ok
    }

    pub(crate) fn failed(&self) -> bool {
        self.error.is_some()
    }

    /// Enters a rule: bounds the recursion as CPython's `MAXSTACK` check does.
    pub(crate) fn enter(&mut self) -> bool {
        if self.error.is_some() {
            return false;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.raise_too_complex();
            return false;
        }
        true
    }

    /// Counts one more link of a left-nested chain (`a + b + ...`, `a.b.c...`) and
    /// gives up, as on too deep nesting, when the tree would get too deep to walk.
    pub(crate) fn chain_too_long(&mut self, chain: &mut usize) -> bool {
        *chain += 1;
        if *chain > MAX_CHAIN {
            self.raise_too_complex();
            return true;
        }
        false
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    fn raise_too_complex(&mut self) {
        self.stack_overflowed = true;
        if self.error.is_none() {
            let (lineno, col) = match self
                .toks
                .get(self.pos.min(self.toks.len().saturating_sub(1)))
            {
                Some(t) => (t.lineno, t.col),
                None => (1, 0),
            };
            self.error = Some(SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: "Parser stack overflowed - Python source too complex to parse".into(),
                lineno: Some(lineno),
                offset: Some(col + 1),
                end_lineno: Some(lineno),
                end_offset: Some(col + 1),
                text: None,
                location_in_args: true,
            });
        }
    }

    // ------------------------------------------------------------------------------
    // Memoization

    pub(crate) fn memo_expr(
        &mut self,
        rule: MemoRule,
        f: impl FnOnce(&mut Self) -> Option<Expr>,
    ) -> Option<Expr> {
        let key = (self.pos, rule);
        let found = self.memo_expr.find(self.pos, rule);
        let pending = match found.map(|i| self.memo_expr.entries[i].1) {
            Some(ExprMemo::Value { slot, end }) => {
                self.pos = end as usize;
                return Some(self.memo_values[slot as usize].clone());
            }
            Some(ExprMemo::Fail) => return None,
            Some(ExprMemo::Pending) => true,
            None => false,
        };
        if !self.enter() {
            return None;
        }
        let mark = self.pos;
        let nodes_before = self.nodes_built.get();
        let result = f(self);
        self.leave();
        let entry = match &result {
            None => {
                self.pos = mark;
                ExprMemo::Fail
            }
            Some(expr) => {
                // Strings are always kept: parsing them again would repeat their warnings.
                if pending
                    || self.error_pass
                    || rule == MemoRule::Strings
                    // Built no node of its own (it came from the memo itself). Copying
                    // even one-node results eagerly costs more than the rare re-runs.
                    || self.nodes_built.get() == nodes_before
                {
                    let slot = self.memo_values.len() as u32;
                    self.memo_values.push(expr.clone());
                    ExprMemo::Value {
                        slot,
                        end: self.pos as u32,
                    }
                } else {
                    ExprMemo::Pending
                }
            }
        };
        match found {
            Some(i) => self.memo_expr.entries[i].1 = entry,
            None => self.memo_expr.push(key, entry),
        }
        result
    }

    pub(crate) fn memo_stmts(
        &mut self,
        rule: MemoStmtsRule,
        f: impl FnOnce(&mut Self) -> Option<Vec<Stmt>>,
    ) -> Option<Vec<Stmt>> {
        let key = (self.pos, rule);
        // As for expressions, a success is only copied into the table when the position
        // is asked for a second time (rare for statements: the first pass never does),
        // or in the error pass.
        let pending = match self.memo_stmts.get(&key) {
            Some(MemoEntry::Value(stmts, end)) => {
                self.pos = *end;
                return Some(stmts.clone());
            }
            Some(MemoEntry::Fail) => return None,
            Some(MemoEntry::Pending) => true,
            None => false,
        };
        if !self.enter() {
            return None;
        }
        let mark = self.pos;
        let result = f(self);
        self.leave();
        let entry = match &result {
            None => {
                self.pos = mark;
                MemoEntry::Fail
            }
            Some(stmts) if pending || self.error_pass => MemoEntry::Value(stmts.clone(), self.pos),
            Some(_) => MemoEntry::Pending,
        };
        self.memo_stmts.insert(key, entry);
        result
    }

    /// A rule CPython memoizes but whose results are cheap to recompute here (memoizing
    /// long chains would copy each subtree once per level).
    /// In the error pass these are memoized like CPython's, because which rules are
    /// memoized decides which invalid rules run again (and so which error is reported).
    pub(crate) fn no_memo(
        &mut self,
        rule: MemoRule,
        f: impl FnOnce(&mut Self) -> Option<Expr>,
    ) -> Option<Expr> {
        if self.error_pass {
            return self.memo_expr(rule, f);
        }
        if !self.enter() {
            return None;
        }
        let mark = self.pos;
        let result = f(self);
        self.leave();
        if result.is_none() {
            self.pos = mark;
        }
        result
    }

    /// Memoizes only failure (for invalid_* rules, which never succeed).
    pub(crate) fn memo_failure(&mut self, rule: MemoRule, f: impl FnOnce(&mut Self)) {
        let key = (self.pos, rule);
        if self.memo_fail.contains_key(&key) {
            return;
        }
        let mark = self.pos;
        f(self);
        self.pos = mark;
        self.memo_fail.insert(key, ());
    }

    fn reset_for_second_pass(&mut self) {
        self.pos = 0;
        self.call_invalid_rules = true;
        self.error_pass = true;
        self.memo_expr.clear();
        self.memo_values.clear();
        self.memo_stmts.clear();
        self.memo_fail.clear();
        self.memo_args.clear();
        self.memo_pattern.clear();
        self.depth = 0;
    }

    // ------------------------------------------------------------------------------
    // Error raising

    /// The tokenizer's line and column right after the last token fetched.
    fn tokenizer_state(&self) -> (i32, i32) {
        if self.fill > self.toks.len()
            && let Some(err) = &self.tok_error
        {
            return (err.lineno, err.cur_col);
        }
        match self.fill.checked_sub(1).and_then(|i| self.toks.get(i)) {
            Some(t) => (t.after_lineno, t.after_col),
            None => (1, 0),
        }
    }

    fn line_bytes(&self, lineno: i32) -> Option<&'a [u8]> {
        if lineno < 1 {
            return None;
        }
        let mut rest = self.src.as_bytes();
        for _ in 1..lineno {
            let nl = rest.iter().position(|&b| b == b'\n')?;
            rest = &rest[nl + 1..];
        }
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |p| p + 1);
        Some(&rest[..end])
    }

    /// The source line CPython shows in the error: read back from the file when it
    /// exists (as `PyErr_ProgramTextObject` does), else from the tokenizer's buffers.
    fn error_line(&self, lineno: i32) -> String {
        if let Ok(bytes) = std::fs::read(self.filename) {
            if std::str::from_utf8(&bytes).is_ok() {
                if let Some(line) = nth_file_line(&bytes, lineno) {
                    return line;
                }
            } else if let Some(line) = self.line_bytes(lineno) {
                // A file in another encoding: its decoded text is our source.
                return String::from_utf8_lossy(line).into_owned();
            }
        }
        let (tok_lineno, _) = self.tokenizer_state();
        if tok_lineno <= lineno {
            // The tokenizer's current line, newline included.
            match self.line_bytes(tok_lineno) {
                Some(line) => String::from_utf8_lossy(line).into_owned(),
                None => String::new(),
            }
        } else {
            match self.line_bytes(lineno) {
                Some(line) => {
                    let line = line.strip_suffix(b"\n").unwrap_or(line);
                    String::from_utf8_lossy(line).into_owned()
                }
                None => String::new(),
            }
        }
    }

    /// `_PyPegen_raise_error_known_location`: offsets are 1-based byte columns.
    pub(crate) fn raise_known_location(
        &mut self,
        kind: SyntaxErrorKind,
        lineno: i32,
        col_offset: i32,
        end_lineno: i32,
        end_col_offset: i32,
        msg: impl Into<String>,
    ) {
        if self.error.is_some() {
            return;
        }
        let (tok_lineno, tok_col) = self.tokenizer_state();
        let (mut end_lineno, mut end_col_offset) = (end_lineno, end_col_offset);
        if end_lineno == CURRENT_POS {
            end_lineno = tok_lineno;
        }
        if end_col_offset == CURRENT_POS {
            end_col_offset = tok_col;
        }
        let mut col_offset = col_offset;
        if col_offset == CURRENT_POS {
            col_offset = tok_col;
        }
        let text = self.error_line(lineno);
        let col = byte_offset_to_char_offset(text.as_bytes(), col_offset);
        // CPython converts the end column with the first line's text too.
        let end_col = if end_col_offset > 0 {
            byte_offset_to_char_offset(text.as_bytes(), end_col_offset)
        } else {
            end_col_offset
        };
        self.error = Some(SyntaxError {
            kind,
            msg: msg.into(),
            lineno: Some(lineno),
            offset: Some(col),
            end_lineno: Some(end_lineno),
            end_offset: Some(end_col),
            text: Some(text),
            location_in_args: true,
        });
    }

    /// `RAISE_ERROR_KNOWN_LOCATION`: 0-based byte columns (-1 meaning "none").
    pub(crate) fn raise_at(&mut self, kind: SyntaxErrorKind, span: Span, msg: impl Into<String>) {
        let col = if span.col == CURRENT_POS {
            CURRENT_POS
        } else {
            span.col + 1
        };
        let end_col = if span.end_col == CURRENT_POS {
            CURRENT_POS
        } else {
            span.end_col + 1
        };
        self.raise_known_location(kind, span.lineno, col, span.end_lineno, end_col, msg);
    }

    pub(crate) fn raise_syntax_at(&mut self, span: impl Into<Span>, msg: impl Into<String>) {
        self.raise_at(SyntaxErrorKind::SyntaxError, span.into(), msg);
    }

    pub(crate) fn raise_range(
        &mut self,
        a: impl Into<Span>,
        b: impl Into<Span>,
        msg: impl Into<String>,
    ) {
        let (a, b) = (a.into(), b.into());
        self.raise_at(
            SyntaxErrorKind::SyntaxError,
            Span {
                lineno: a.lineno,
                col: a.col,
                end_lineno: b.end_lineno,
                end_col: b.end_col,
            },
            msg,
        );
    }

    pub(crate) fn raise_starting_from(&mut self, a: impl Into<Span>, msg: impl Into<String>) {
        let a = a.into();
        self.raise_at(
            SyntaxErrorKind::SyntaxError,
            Span {
                lineno: a.lineno,
                col: a.col,
                end_lineno: CURRENT_POS,
                end_col: CURRENT_POS,
            },
            msg,
        );
    }

    /// `_PyPegen_raise_error`: at the last token fetched (or, with `use_mark`, the token
    /// at the current position).
    pub(crate) fn raise_error(
        &mut self,
        kind: SyntaxErrorKind,
        use_mark: bool,
        msg: impl Into<String>,
    ) {
        if self.error.is_some() {
            return;
        }
        if use_mark {
            let pos = self.pos;
            self.tok_at(pos);
            if self.error.is_some() {
                return;
            }
        }
        let index = if use_mark {
            self.pos
        } else {
            self.fill.saturating_sub(1)
        };
        let (lineno, col, end_lineno, end_col) = match self.toks.get(index) {
            Some(t) => (t.lineno, t.col, t.end_lineno, t.end_col),
            None => {
                let (l, _) = self.tokenizer_state();
                (l, -1, l, -1)
            }
        };
        let (_, tok_col) = self.tokenizer_state();
        let col_offset = if col == -1 { tok_col } else { col + 1 };
        let end_col_offset = if end_col == -1 { -1 } else { end_col + 1 };
        self.raise_known_location(kind, lineno, col_offset, end_lineno, end_col_offset, msg);
    }

    pub(crate) fn raise_syntax(&mut self, msg: impl Into<String>) {
        self.raise_error(SyntaxErrorKind::SyntaxError, false, msg);
    }

    pub(crate) fn raise_on_next_token(&mut self, msg: impl Into<String>) {
        self.raise_error(SyntaxErrorKind::SyntaxError, true, msg);
    }

    pub(crate) fn raise_indentation(&mut self, msg: impl Into<String>) {
        self.raise_error(SyntaxErrorKind::IndentationError, false, msg);
    }

    fn raise_unclosed_paren(&mut self, paren: (u8, i32, i32)) {
        let (ch, lineno, col) = paren;
        self.raise_known_location(
            SyntaxErrorKind::SyntaxError,
            lineno,
            col + 1,
            lineno,
            0,
            format!("'{}' was never closed", ch as char),
        );
    }

    fn raise_tokenizer_error(&mut self) {
        let Some(err) = self.tok_error.clone() else {
            return;
        };
        match err.kind {
            TokErrorKind::Raised(e) => self.error = Some(e),
            TokErrorKind::Eof => match err.open_paren {
                Some(paren) => self.raise_unclosed_paren(paren),
                None => self.raise_known_location(
                    SyntaxErrorKind::SyntaxError,
                    err.lineno,
                    err.cur_col,
                    err.lineno,
                    -1,
                    "unexpected EOF while parsing",
                ),
            },
            TokErrorKind::Dedent => self.raise_known_location(
                SyntaxErrorKind::IndentationError,
                err.lineno,
                err.cur_col,
                err.lineno,
                -1,
                "unindent does not match any outer indentation level",
            ),
            TokErrorKind::TabSpace => self.raise_known_location(
                SyntaxErrorKind::TabError,
                err.lineno,
                1,
                err.lineno,
                0,
                "inconsistent use of tabs and spaces in indentation",
            ),
            TokErrorKind::TooDeep => self.raise_known_location(
                SyntaxErrorKind::IndentationError,
                err.lineno,
                1,
                err.lineno,
                0,
                "too many levels of indentation",
            ),
            TokErrorKind::LineCont => self.raise_known_location(
                SyntaxErrorKind::SyntaxError,
                err.lineno,
                err.cur_col,
                err.lineno,
                0,
                "unexpected character after line continuation character",
            ),
        }
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: a tokenizer error later in
    /// the file replaces a parser error.
    fn check_rest_for_tokenizer_errors(&mut self) {
        let Some(err) = self.tok_error.clone() else {
            return;
        };
        if err.in_fstring {
            // CPython keeps the parser's error when the tokenizer fails inside an
            // f-string, so that errors in the expression part are the ones shown.
            return;
        }
        match &err.kind {
            TokErrorKind::Raised(e) => self.error = Some(e.clone()),
            TokErrorKind::Eof => {
                if let Some(paren) = err.open_paren {
                    let last = self
                        .fill
                        .saturating_sub(1)
                        .min(self.toks.len().saturating_sub(1));
                    let current_line = self.toks.get(last).map_or(0, |t| t.lineno);
                    if current_line > paren.1 {
                        self.error = None;
                        // The tokenizer has read to the end by now.
                        self.fill = self.toks.len() + 1;
                        self.raise_unclosed_paren(paren);
                    }
                }
            }
            _ => {}
        }
    }

    // ------------------------------------------------------------------------------
    // Driver

    pub fn parse(&mut self, start: StartRule) -> Result<Mod, SyntaxError> {
        let first = self.run(start);
        if let Some(result) = first {
            if let Some(err) = self.error.take() {
                return Err(err);
            }
            if start == StartRule::Single && self.more_statements_follow() {
                self.raise_syntax("multiple statements found while compiling a single statement");
                return Err(self.error.take().unwrap_or_else(unreachable_error));
            }
            return Ok(result);
        }
        if self.error.is_some() {
            // An error raised during the first pass (a tokenizer error or an action's).
            return Err(self.error.take().unwrap_or_else(unreachable_error));
        }
        let last_token = self.fill.saturating_sub(1);
        self.reset_for_second_pass();
        let _ = self.run(start);
        if self.error.is_some() {
            let from_tokenizer = self.fill > self.toks.len();
            if !from_tokenizer {
                self.check_rest_for_tokenizer_errors();
            }
            return Err(self.error.take().unwrap_or_else(unreachable_error));
        }
        // Generic error at the first pass's last token.
        match self.toks.get(last_token).map(|t| t.kind) {
            Some(TokKind::Indent) => {
                self.fill = last_token + 1;
                self.raise_indentation("unexpected indent");
            }
            Some(TokKind::Dedent) => {
                self.fill = last_token + 1;
                self.raise_indentation("unexpected unindent");
            }
            _ => {
                let span = self.token_span(last_token.min(self.toks.len().saturating_sub(1)));
                self.raise_syntax_at(span, "invalid syntax");
                self.check_rest_for_tokenizer_errors();
            }
        }
        Err(self.error.take().unwrap_or_else(unreachable_error))
    }

    /// `bad_single_statement`: anything but whitespace and comments after the statement.
    fn more_statements_follow(&self) -> bool {
        self.tok_error.is_some()
            || self.toks[self.pos.min(self.toks.len())..].iter().any(|t| {
                !matches!(
                    t.kind,
                    TokKind::Newline | TokKind::Indent | TokKind::Dedent | TokKind::EndMarker
                )
            })
    }

    fn run(&mut self, start: StartRule) -> Option<Mod> {
        self.pos = 0;
        match start {
            StartRule::File => self.file_rule(),
            StartRule::Eval => self.eval_rule(),
            StartRule::Single => self.interactive_rule(),
            StartRule::FuncType => self.func_type_rule(),
        }
    }
}

fn unreachable_error() -> SyntaxError {
    SyntaxError::new("invalid syntax", 1, 1, 1, 1)
}

/// Line `lineno` of a file as `PyErr_ProgramTextObject` reads it (universal newlines,
/// newline kept).
fn nth_file_line(bytes: &[u8], lineno: i32) -> Option<String> {
    if lineno < 1 {
        return None;
    }
    let text = String::from_utf8_lossy(bytes);
    let mut current = 1;
    let mut line = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            line.push('\n');
        } else {
            line.push(c);
        }
        if line.ends_with('\n') {
            if current == lineno {
                return Some(line);
            }
            current += 1;
            line.clear();
        }
    }
    if current == lineno && !line.is_empty() {
        return Some(line);
    }
    None
}
