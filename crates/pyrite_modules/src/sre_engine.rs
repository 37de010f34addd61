//! The `_sre` matching engine: runs the code words that `re._compiler` emits against a
//! sequence of characters (bytes, or the code points of a `str`).
//!
//! CPython counterpart: `Modules/_sre/sre_lib.h` (`SRE(match)`, `SRE(search)`,
//! `SRE(count)`, `SRE(charset)`, `SRE(at)`) and the validator of `Modules/_sre/sre.c`.
//! The semantics (which alternative wins, what the groups hold after backtracking, the
//! zero-width repeat guard) are CPython's; the structure is our own. Backtracking never
//! recurses natively: every choice point is a `Context` on a heap stack, and a child
//! context's result is handed back to its parent through `Matcher::resume`, so no pattern
//! can overflow the native stack.

use crate::sre_constants::*;

/// One character of the subject: a byte or a code point.
pub trait SreChar: Copy {
    fn code(self) -> u32;
}

impl SreChar for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        u32::from(self)
    }
}

impl SreChar for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// An engine failure that is not "no match": bad code reaching the matcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    Illegal,
    State,
}

/// "No position": an unset mark or an unset `last_ptr`.
pub const UNSET: usize = usize::MAX;
const NO_REPEAT: usize = usize::MAX;

// ---------------------------------------------------------------------------- characters

pub fn lower_ascii(ch: u32) -> u32 {
    if ch < 128 {
        u32::from((ch as u8).to_ascii_lowercase())
    } else {
        ch
    }
}

fn upper_ascii(ch: u32) -> u32 {
    if ch < 128 {
        u32::from((ch as u8).to_ascii_uppercase())
    } else {
        ch
    }
}

/// The C locale's `tolower` for bytes (what CPython sees in the default locale).
fn lower_locale(ch: u32) -> u32 {
    if ch < 256 { lower_ascii(ch) } else { ch }
}

fn upper_locale(ch: u32) -> u32 {
    if ch < 256 { upper_ascii(ch) } else { ch }
}

/// The simple (one code point) lowercase mapping, as `Py_UNICODE_TOLOWER`.
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    if ch == 0x130 {
        return 0x69;
    }
    let Some(c) = char::from_u32(ch) else {
        return ch;
    };
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(first), None) => u32::from(first),
        _ => ch,
    }
}

/// The simple uppercase mapping, as `Py_UNICODE_TOUPPER`.
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    let Some(c) = char::from_u32(ch) else {
        return ch;
    };
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(first), None) => u32::from(first),
        _ => ch,
    }
}

fn is_ascii_digit(ch: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&ch)
}

fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0D | 0x20)
}

fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == u32::from(b'_'))
}

fn is_loc_word(ch: u32) -> bool {
    is_ascii_word(ch)
}

fn is_linebreak(ch: u32) -> bool {
    ch == u32::from(b'\n')
}

fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_digit(ch);
    }
    pyrite_objects::str_methods::is_decimal(ch)
}

fn is_uni_space(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_space(ch) || (0x1C..=0x1F).contains(&ch);
    }
    pyrite_objects::str_methods::is_space(ch)
}

fn is_uni_linebreak(ch: u32) -> bool {
    pyrite_objects::str_methods::is_linebreak(ch)
}

fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    pyrite_objects::str_methods::is_alpha(ch) || pyrite_objects::str_methods::is_numeric(ch)
}

fn category(category: u32, ch: u32) -> bool {
    match category {
        CATEGORY_DIGIT => is_ascii_digit(ch),
        CATEGORY_NOT_DIGIT => !is_ascii_digit(ch),
        CATEGORY_SPACE => is_ascii_space(ch),
        CATEGORY_NOT_SPACE => !is_ascii_space(ch),
        CATEGORY_WORD => is_ascii_word(ch),
        CATEGORY_NOT_WORD => !is_ascii_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => is_uni_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CATEGORY_UNI_SPACE => is_uni_space(ch),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(ch),
        CATEGORY_UNI_WORD => is_uni_word(ch),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(ch),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// Whether `ch` is in the set that starts at `code[set]` (ends with FAILURE).
fn in_charset(code: &[u32], mut set: usize, ch: u32) -> bool {
    let word = |i: usize| code.get(i).copied().unwrap_or(OP_FAILURE);
    let mut ok = true;
    loop {
        let op = word(set);
        set += 1;
        match op {
            OP_FAILURE => return !ok,
            OP_LITERAL => {
                if ch == word(set) {
                    return ok;
                }
                set += 1;
            }
            OP_CATEGORY => {
                if category(word(set), ch) {
                    return ok;
                }
                set += 1;
            }
            OP_CHARSET => {
                if ch < 256 && (word(set + (ch as usize >> 5)) >> (ch & 31)) & 1 != 0 {
                    return ok;
                }
                set += 8;
            }
            OP_RANGE => {
                if word(set) <= ch && ch <= word(set + 1) {
                    return ok;
                }
                set += 2;
            }
            OP_RANGE_UNI_IGNORE => {
                if word(set) <= ch && ch <= word(set + 1) {
                    return ok;
                }
                let upper = upper_unicode(ch);
                if word(set) <= upper && upper <= word(set + 1) {
                    return ok;
                }
                set += 2;
            }
            OP_NEGATE => ok = !ok,
            OP_BIGCHARSET => {
                let count = word(set) as usize;
                set += 1;
                if ch < 0x10000 {
                    // 256 block numbers packed four to a word, in native (little-endian) order
                    let high = (ch >> 8) as usize;
                    let block = (word(set + high / 4) >> (8 * (high % 4))) & 0xFF;
                    let bit = block as usize * 256 + (ch & 255) as usize;
                    if (word(set + 64 + bit / 32) >> (bit % 32)) & 1 != 0 {
                        return ok;
                    }
                }
                set += 64 + count * 8;
            }
            _ => return false,
        }
    }
}

// ---------------------------------------------------------------------------- program

/// Validated code with a 256-bit table per character set, so membership of the
/// characters below 256 is one bit test instead of a walk over the set's items.
pub struct Program {
    pub code: Vec<u32>,
    /// For each code index that starts a set: its table's index, else `u32::MAX`.
    set_index: Vec<u32>,
    tables: Vec<[u64; 4]>,
}

impl Program {
    /// Validates `code` (CPython's `_validate`); `None` if it is not well-formed.
    pub fn new(code: Vec<u32>, groups: usize) -> Option<Program> {
        let mut sets = Vec::new();
        if !validate(&code, groups, &mut sets) {
            return None;
        }
        let mut set_index = vec![u32::MAX; code.len()];
        let mut tables = Vec::with_capacity(sets.len());
        for set in sets {
            if set_index[set] != u32::MAX {
                continue;
            }
            let mut table = [0u64; 4];
            for ch in 0..256u32 {
                if in_charset(&code, set, ch) {
                    table[(ch >> 6) as usize] |= 1 << (ch & 63);
                }
            }
            set_index[set] = tables.len() as u32;
            tables.push(table);
        }
        Some(Program {
            code,
            set_index,
            tables,
        })
    }

    #[inline(always)]
    fn set_contains(&self, set: usize, ch: u32) -> bool {
        if ch < 256 {
            let index = self.set_index.get(set).copied().unwrap_or(u32::MAX);
            if index != u32::MAX {
                let table = &self.tables[index as usize];
                return (table[(ch >> 6) as usize] >> (ch & 63)) & 1 != 0;
            }
        }
        in_charset(&self.code, set, ch)
    }

    fn set_contains_loc_ignore(&self, set: usize, ch: u32) -> bool {
        let lower = lower_locale(ch);
        if self.set_contains(set, lower) {
            return true;
        }
        let upper = upper_locale(ch);
        upper != lower && self.set_contains(set, upper)
    }
}

// ---------------------------------------------------------------------------- state

/// A `REPEAT ... MAX_UNTIL/MIN_UNTIL` in progress (CPython's `SRE_REPEAT`).
struct RepeatContext {
    count: isize,
    /// Index of the REPEAT's skip word (min, max and the body follow it).
    pc: usize,
    prev: usize,
    last_ptr: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One activation of the matcher: a choice point waiting for its child's result.
#[derive(Clone, Copy)]
struct Context {
    jump: Jump,
    toplevel: bool,
    pc: usize,
    ptr: usize,
    count: isize,
    repeat: usize,
    lastmark: isize,
    lastindex: isize,
    /// Whether the marks were saved on the mark stack (CPython tests `state->repeat`).
    pushed: bool,
}

impl Context {
    fn new(jump: Jump, toplevel: bool) -> Context {
        Context {
            jump,
            toplevel,
            pc: 0,
            ptr: 0,
            count: 0,
            repeat: NO_REPEAT,
            lastmark: -1,
            lastindex: -1,
            pushed: false,
        }
    }
}

/// The matcher state of one match, search or scanner (CPython's `SRE_STATE`).
pub struct State {
    pub start: usize,
    pub end: usize,
    pub ptr: usize,
    pub pos: usize,
    pub endpos: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeat: usize,
    repeats: Vec<RepeatContext>,
    contexts: Vec<Context>,
    mark_stack: Vec<usize>,
    last_ptr_stack: Vec<usize>,
}

impl State {
    /// A state for a subject of `length` characters, `pos`/`endpos` clamped as CPython.
    pub fn new(groups: usize, length: usize, pos: isize, endpos: isize) -> State {
        let clamp = |value: isize| (value.max(0) as usize).min(length);
        let start = clamp(pos);
        let end = clamp(endpos);
        State {
            start,
            end,
            ptr: start,
            pos: start,
            endpos: end,
            marks: vec![UNSET; 2 * groups + 2],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NO_REPEAT,
            repeats: Vec::new(),
            contexts: Vec::new(),
            mark_stack: Vec::new(),
            last_ptr_stack: Vec::new(),
        }
    }

    /// CPython's `state_reset`.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NO_REPEAT;
        self.repeats.clear();
        self.contexts.clear();
        self.mark_stack.clear();
        self.last_ptr_stack.clear();
    }

    /// The span of group `index` (1-based) if it took part in the match.
    pub fn group_span(&self, index: usize) -> Option<(usize, usize)> {
        let j = 2 * (index - 1);
        if (j as isize) + 1 > self.lastmark {
            return None;
        }
        let (start, end) = (self.marks[j], self.marks[j + 1]);
        if start == UNSET || end == UNSET {
            return None;
        }
        Some((start, end))
    }
}

enum Step {
    Enter(usize),
    Dispatch(usize, usize),
    Call(Jump, usize, bool),
    Return(bool),
}

struct Matcher<'a, C: SreChar> {
    text: &'a [C],
    prog: &'a Program,
    code: &'a [u32],
    st: &'a mut State,
}

type StepResult = Result<Step, SreError>;

impl<C: SreChar> Matcher<'_, C> {
    #[inline(always)]
    fn c(&self, index: usize) -> u32 {
        self.code.get(index).copied().unwrap_or(OP_FAILURE)
    }

    #[inline(always)]
    fn ch(&self, index: usize) -> u32 {
        self.text[index].code()
    }

    fn top(&mut self) -> &mut Context {
        let last = self.st.contexts.len() - 1;
        &mut self.st.contexts[last]
    }

    fn lastmark_save(&mut self) {
        let (lastmark, lastindex) = (self.st.lastmark, self.st.lastindex);
        let top = self.top();
        top.lastmark = lastmark;
        top.lastindex = lastindex;
    }

    fn lastmark_restore(&mut self) {
        let top = *self.top();
        self.st.lastmark = top.lastmark;
        self.st.lastindex = top.lastindex;
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let count = lastmark as usize + 1;
            self.st
                .mark_stack
                .extend_from_slice(&self.st.marks[..count]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let count = lastmark as usize + 1;
            let from = self.st.mark_stack.len() - count;
            self.st.marks[..count].copy_from_slice(&self.st.mark_stack[from..]);
            if discard {
                self.st.mark_stack.truncate(from);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let count = lastmark as usize + 1;
            let len = self.st.mark_stack.len();
            self.st.mark_stack.truncate(len - count);
        }
    }

    /// Saves where the current context resumes and asks for a child context.
    fn call(&mut self, pc: usize, ptr: usize, jump: Jump, child: usize, toplevel: bool) -> Step {
        let top = self.top();
        top.pc = pc;
        top.ptr = ptr;
        Step::Call(jump, child, toplevel)
    }

    fn run(&mut self, pc: usize, toplevel: bool) -> Result<bool, SreError> {
        self.st.contexts.clear();
        self.st.contexts.push(Context::new(Jump::None, toplevel));
        let mut step = Step::Enter(pc);
        loop {
            step = match step {
                Step::Enter(pc) => self.enter(pc),
                Step::Dispatch(pc, ptr) => self.dispatch(pc, ptr)?,
                Step::Call(jump, pc, toplevel) => {
                    self.st.contexts.push(Context::new(jump, toplevel));
                    Step::Enter(pc)
                }
                Step::Return(ret) => {
                    let done = self.st.contexts.pop().ok_or(SreError::State)?;
                    if self.st.contexts.is_empty() {
                        return Ok(ret);
                    }
                    self.resume(done.jump, ret)?
                }
            }
        }
    }

    fn enter(&mut self, mut pc: usize) -> Step {
        let ptr = self.st.ptr;
        if self.c(pc) == OP_INFO {
            let min = self.c(pc + 3) as usize;
            if min != 0 && ptr <= self.st.end && self.st.end - ptr < min {
                return Step::Return(false);
            }
            pc += self.c(pc + 1) as usize + 1;
        }
        Step::Dispatch(pc, ptr)
    }

    fn at(&self, ptr: usize, at: u32) -> bool {
        let end = self.st.end;
        let word_around = |test: fn(u32) -> bool| {
            let before = ptr > 0 && test(self.ch(ptr - 1));
            let here = ptr < end && test(self.ch(ptr));
            (before, here)
        };
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(self.ch(ptr - 1)),
            AT_END => (end == ptr + 1 && is_linebreak(self.ch(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || (ptr < end && is_linebreak(self.ch(ptr))),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY | AT_NON_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let (before, here) = word_around(is_ascii_word);
                (before != here) == (at == AT_BOUNDARY)
            }
            AT_LOC_BOUNDARY | AT_LOC_NON_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let (before, here) = word_around(is_loc_word);
                (before != here) == (at == AT_LOC_BOUNDARY)
            }
            AT_UNI_BOUNDARY | AT_UNI_NON_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let (before, here) = word_around(is_uni_word);
                (before != here) == (at == AT_UNI_BOUNDARY)
            }
            _ => false,
        }
    }

    /// Whether the one-character item at `pc` matches `ch`.
    fn unit_matches(&self, pc: usize, ch: u32) -> Result<bool, SreError> {
        let arg = self.c(pc + 1);
        Ok(match self.c(pc) {
            OP_ANY => !is_linebreak(ch),
            OP_ANY_ALL => true,
            OP_LITERAL => ch == arg,
            OP_NOT_LITERAL => ch != arg,
            OP_LITERAL_IGNORE => lower_ascii(ch) == arg,
            OP_NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
            OP_LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
            OP_NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
            OP_LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
            OP_NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
            OP_CATEGORY => category(arg, ch),
            OP_IN => self.prog.set_contains(pc + 2, ch),
            OP_IN_IGNORE => self.prog.set_contains(pc + 2, lower_ascii(ch)),
            OP_IN_UNI_IGNORE => self.prog.set_contains(pc + 2, lower_unicode(ch)),
            OP_IN_LOC_IGNORE => self.prog.set_contains_loc_ignore(pc + 2, ch),
            _ => return Err(SreError::Illegal),
        })
    }

    /// How many times (up to `max`) the one-character item at `pc` matches from `ptr`.
    fn count(&self, pc: usize, ptr: usize, max: u32) -> Result<usize, SreError> {
        let end = self.st.end;
        let limit = if max != MAXREPEAT && (max as usize) < end.saturating_sub(ptr) {
            ptr + max as usize
        } else {
            end
        };
        let mut p = ptr;
        let arg = self.c(pc + 1);
        match self.c(pc) {
            OP_ANY_ALL => p = limit.max(ptr),
            OP_ANY => {
                while p < limit && !is_linebreak(self.ch(p)) {
                    p += 1;
                }
            }
            OP_LITERAL => {
                while p < limit && self.ch(p) == arg {
                    p += 1;
                }
            }
            OP_NOT_LITERAL => {
                while p < limit && self.ch(p) != arg {
                    p += 1;
                }
            }
            OP_IN => {
                while p < limit && self.prog.set_contains(pc + 2, self.ch(p)) {
                    p += 1;
                }
            }
            _ => {
                while p < limit && self.unit_matches(pc, self.ch(p))? {
                    p += 1;
                }
            }
        }
        Ok(p - ptr)
    }

    fn group_bounds(&self, group: u32) -> Option<(usize, usize)> {
        let index = 2 * group as usize;
        if index as isize >= self.st.lastmark {
            return None;
        }
        let (start, end) = (self.st.marks[index], self.st.marks[index + 1]);
        if start == UNSET || end == UNSET || end < start {
            return None;
        }
        Some((start, end))
    }

    fn groupref(&self, ptr: usize, group: u32, fold: fn(u32) -> u32) -> Option<usize> {
        let (start, end) = self.group_bounds(group)?;
        let mut ptr = ptr;
        for p in start..end {
            if ptr >= self.st.end || fold(self.ch(ptr)) != fold(self.ch(p)) {
                return None;
            }
            ptr += 1;
        }
        Some(ptr)
    }

    fn dispatch(&mut self, mut pc: usize, mut ptr: usize) -> StepResult {
        let end = self.st.end;
        loop {
            let op = self.c(pc);
            pc += 1;
            match op {
                OP_MARK => {
                    let i = self.c(pc) as usize;
                    if i >= self.st.marks.len() {
                        return Err(SreError::Illegal);
                    }
                    if i & 1 == 1 {
                        self.st.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.st.lastmark {
                        let from = (self.st.lastmark + 1) as usize;
                        for mark in &mut self.st.marks[from..i] {
                            *mark = UNSET;
                        }
                        self.st.lastmark = i as isize;
                    }
                    self.st.marks[i] = ptr;
                    pc += 1;
                }
                OP_LITERAL => {
                    if ptr >= end || self.ch(ptr) != self.c(pc) {
                        return Ok(Step::Return(false));
                    }
                    pc += 1;
                    ptr += 1;
                }
                OP_NOT_LITERAL => {
                    if ptr >= end || self.ch(ptr) == self.c(pc) {
                        return Ok(Step::Return(false));
                    }
                    pc += 1;
                    ptr += 1;
                }
                OP_SUCCESS => {
                    let toplevel = self.top().toplevel;
                    if toplevel
                        && ((self.st.match_all && ptr != end)
                            || (self.st.must_advance && ptr == self.st.start))
                    {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    return Ok(Step::Return(true));
                }
                OP_AT => {
                    if !self.at(ptr, self.c(pc)) {
                        return Ok(Step::Return(false));
                    }
                    pc += 1;
                }
                OP_CATEGORY => {
                    if ptr >= end || !category(self.c(pc), self.ch(ptr)) {
                        return Ok(Step::Return(false));
                    }
                    pc += 1;
                    ptr += 1;
                }
                OP_ANY => {
                    if ptr >= end || is_linebreak(self.ch(ptr)) {
                        return Ok(Step::Return(false));
                    }
                    ptr += 1;
                }
                OP_ANY_ALL => {
                    if ptr >= end {
                        return Ok(Step::Return(false));
                    }
                    ptr += 1;
                }
                OP_IN | OP_IN_IGNORE | OP_IN_UNI_IGNORE | OP_IN_LOC_IGNORE => {
                    if ptr >= end || !self.unit_matches(pc - 1, self.ch(ptr))? {
                        return Ok(Step::Return(false));
                    }
                    pc += self.c(pc) as usize;
                    ptr += 1;
                }
                OP_LITERAL_IGNORE
                | OP_LITERAL_UNI_IGNORE
                | OP_LITERAL_LOC_IGNORE
                | OP_NOT_LITERAL_IGNORE
                | OP_NOT_LITERAL_UNI_IGNORE
                | OP_NOT_LITERAL_LOC_IGNORE => {
                    if ptr >= end || !self.unit_matches(pc - 1, self.ch(ptr))? {
                        return Ok(Step::Return(false));
                    }
                    pc += 1;
                    ptr += 1;
                }
                OP_JUMP | OP_INFO => {
                    pc += self.c(pc) as usize;
                }
                OP_BRANCH => {
                    self.lastmark_save();
                    let pushed = self.st.repeat != NO_REPEAT;
                    self.top().pushed = pushed;
                    if pushed {
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                    }
                    return Ok(self.branch_next(pc, ptr));
                }
                OP_REPEAT_ONE => {
                    let min = self.c(pc + 1) as usize;
                    if ptr > end || min > end - ptr {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    let count = self.count(pc + 3, ptr, self.c(pc + 2))?;
                    ptr += count;
                    if count < min {
                        return Ok(Step::Return(false));
                    }
                    let tail = pc + self.c(pc) as usize;
                    let toplevel = self.top().toplevel;
                    if self.c(tail) == OP_SUCCESS
                        && ptr == end
                        && !(toplevel && self.st.must_advance && ptr == self.st.start)
                    {
                        self.st.ptr = ptr;
                        return Ok(Step::Return(true));
                    }
                    self.lastmark_save();
                    let pushed = self.st.repeat != NO_REPEAT;
                    let top = self.top();
                    top.pushed = pushed;
                    top.count = count as isize;
                    let lastmark = top.lastmark;
                    if pushed {
                        self.mark_push(lastmark);
                    }
                    return Ok(self.repeat_one_next(pc, ptr, false));
                }
                OP_MIN_REPEAT_ONE => {
                    let min = self.c(pc + 1) as usize;
                    if ptr > end || min > end - ptr {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    let mut count = 0;
                    if min > 0 {
                        count = self.count(pc + 3, ptr, min as u32)?;
                        if count < min {
                            return Ok(Step::Return(false));
                        }
                        ptr += count;
                    }
                    let tail = pc + self.c(pc) as usize;
                    let toplevel = self.top().toplevel;
                    if self.c(tail) == OP_SUCCESS
                        && !(toplevel
                            && ((self.st.match_all && ptr != end)
                                || (self.st.must_advance && ptr == self.st.start)))
                    {
                        self.st.ptr = ptr;
                        return Ok(Step::Return(true));
                    }
                    self.lastmark_save();
                    let pushed = self.st.repeat != NO_REPEAT;
                    let top = self.top();
                    top.pushed = pushed;
                    top.count = count as isize;
                    let lastmark = top.lastmark;
                    if pushed {
                        self.mark_push(lastmark);
                    }
                    return Ok(self.min_repeat_one_next(pc, ptr));
                }
                OP_POSSESSIVE_REPEAT_ONE => {
                    let min = self.c(pc + 1) as usize;
                    if ptr > end || min > end - ptr {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr;
                    let count = self.count(pc + 3, ptr, self.c(pc + 2))?;
                    ptr += count;
                    if count < min {
                        return Ok(Step::Return(false));
                    }
                    pc += self.c(pc) as usize;
                    let toplevel = self.top().toplevel;
                    if self.c(pc) == OP_SUCCESS
                        && ptr == end
                        && !(toplevel && self.st.must_advance && ptr == self.st.start)
                    {
                        self.st.ptr = ptr;
                        return Ok(Step::Return(true));
                    }
                }
                OP_REPEAT => {
                    let index = self.st.repeats.len();
                    self.st.repeats.push(RepeatContext {
                        count: -1,
                        pc,
                        prev: self.st.repeat,
                        last_ptr: UNSET,
                    });
                    self.st.repeat = index;
                    self.top().repeat = index;
                    self.st.ptr = ptr;
                    let body_end = pc + self.c(pc) as usize;
                    let toplevel = self.top().toplevel;
                    return Ok(self.call(pc, ptr, Jump::Repeat, body_end, toplevel));
                }
                OP_MAX_UNTIL => {
                    let index = self.st.repeat;
                    if index == NO_REPEAT {
                        return Err(SreError::State);
                    }
                    self.st.ptr = ptr;
                    let repeat = &self.st.repeats[index];
                    let count = repeat.count + 1;
                    let (body, min, max) = (
                        repeat.pc + 3,
                        self.c(repeat.pc + 1) as isize,
                        self.c(repeat.pc + 2),
                    );
                    let top = self.top();
                    top.repeat = index;
                    top.count = count;
                    let toplevel = top.toplevel;
                    if count < min {
                        self.st.repeats[index].count = count;
                        return Ok(self.call(pc, ptr, Jump::MaxUntil1, body, toplevel));
                    }
                    if (count < max as isize || max == MAXREPEAT)
                        && self.st.ptr != self.st.repeats[index].last_ptr
                    {
                        self.st.repeats[index].count = count;
                        self.lastmark_save();
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                        let last_ptr = self.st.repeats[index].last_ptr;
                        self.st.last_ptr_stack.push(last_ptr);
                        self.st.repeats[index].last_ptr = self.st.ptr;
                        return Ok(self.call(pc, ptr, Jump::MaxUntil2, body, toplevel));
                    }
                    return Ok(self.max_until_tail(pc, ptr));
                }
                OP_MIN_UNTIL => {
                    let index = self.st.repeat;
                    if index == NO_REPEAT {
                        return Err(SreError::State);
                    }
                    self.st.ptr = ptr;
                    let repeat = &self.st.repeats[index];
                    let count = repeat.count + 1;
                    let (body, min, prev) =
                        (repeat.pc + 3, self.c(repeat.pc + 1) as isize, repeat.prev);
                    let top = self.top();
                    top.repeat = index;
                    top.count = count;
                    let toplevel = top.toplevel;
                    if count < min {
                        self.st.repeats[index].count = count;
                        return Ok(self.call(pc, ptr, Jump::MinUntil1, body, toplevel));
                    }
                    self.st.repeat = prev;
                    self.lastmark_save();
                    let pushed = prev != NO_REPEAT;
                    self.top().pushed = pushed;
                    if pushed {
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                    }
                    return Ok(self.call(pc, ptr, Jump::MinUntil2, pc, toplevel));
                }
                OP_POSSESSIVE_REPEAT => {
                    self.st.ptr = ptr;
                    self.top().count = 0;
                    if self.c(pc + 1) > 0 {
                        return Ok(self.call(pc, ptr, Jump::PossRepeat1, pc + 3, false));
                    }
                    return Ok(self.possessive_next(pc, UNSET));
                }
                OP_ATOMIC_GROUP => {
                    self.st.ptr = ptr;
                    return Ok(self.call(pc, ptr, Jump::AtomicGroup, pc + 1, false));
                }
                OP_GROUPREF
                | OP_GROUPREF_IGNORE
                | OP_GROUPREF_UNI_IGNORE
                | OP_GROUPREF_LOC_IGNORE => {
                    let fold: fn(u32) -> u32 = match op {
                        OP_GROUPREF => |c| c,
                        OP_GROUPREF_IGNORE => lower_ascii,
                        OP_GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    match self.groupref(ptr, self.c(pc), fold) {
                        Some(next) => ptr = next,
                        None => return Ok(Step::Return(false)),
                    }
                    pc += 1;
                }
                OP_GROUPREF_EXISTS => {
                    if self.group_bounds(self.c(pc)).is_some() {
                        pc += 2;
                    } else {
                        pc += self.c(pc + 1) as usize;
                    }
                }
                OP_ASSERT => {
                    let back = self.c(pc + 1) as usize;
                    if ptr < back {
                        return Ok(Step::Return(false));
                    }
                    self.st.ptr = ptr - back;
                    return Ok(self.call(pc, ptr, Jump::Assert, pc + 2, false));
                }
                OP_ASSERT_NOT => {
                    let back = self.c(pc + 1) as usize;
                    if ptr >= back {
                        self.st.ptr = ptr - back;
                        self.lastmark_save();
                        let pushed = self.st.repeat != NO_REPEAT;
                        self.top().pushed = pushed;
                        if pushed {
                            let lastmark = self.top().lastmark;
                            self.mark_push(lastmark);
                        }
                        return Ok(self.call(pc, ptr, Jump::AssertNot, pc + 2, false));
                    }
                    pc += self.c(pc) as usize;
                }
                OP_FAILURE => return Ok(Step::Return(false)),
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// Tries the BRANCH alternatives from the one whose skip word is at `pc`.
    fn branch_next(&mut self, mut pc: usize, ptr: usize) -> Step {
        let end = self.st.end;
        while self.c(pc) != 0 {
            let op = self.c(pc + 1);
            let skip_it = (op == OP_LITERAL && (ptr >= end || self.ch(ptr) != self.c(pc + 2)))
                || (op == OP_IN && (ptr >= end || !self.prog.set_contains(pc + 3, self.ch(ptr))));
            if skip_it {
                pc += self.c(pc) as usize;
                continue;
            }
            self.st.ptr = ptr;
            let toplevel = self.top().toplevel;
            return self.call(pc, ptr, Jump::Branch, pc + 1, toplevel);
        }
        let top = *self.top();
        if top.pushed {
            self.mark_discard(top.lastmark);
        }
        Step::Return(false)
    }

    /// REPEAT_ONE: tries the tail after `count` items, giving one back each time.
    fn repeat_one_next(&mut self, pc: usize, mut ptr: usize, retry: bool) -> Step {
        let min = self.c(pc + 1) as isize;
        let tail = pc + self.c(pc) as usize;
        let end = self.st.end;
        let mut count = self.top().count;
        if retry {
            ptr -= 1;
            count -= 1;
        }
        if self.c(tail) == OP_LITERAL {
            // skip the positions where the tail's first literal cannot match
            let literal = self.c(tail + 1);
            while count >= min && (ptr >= end || self.ch(ptr) != literal) {
                if count == 0 {
                    count = -1;
                    break;
                }
                ptr -= 1;
                count -= 1;
            }
        }
        if count < min {
            let top = *self.top();
            if top.pushed {
                self.mark_discard(top.lastmark);
            }
            return Step::Return(false);
        }
        self.top().count = count;
        self.st.ptr = ptr;
        let toplevel = self.top().toplevel;
        self.call(pc, ptr, Jump::RepeatOne, tail, toplevel)
    }

    fn min_repeat_one_next(&mut self, pc: usize, ptr: usize) -> Step {
        let max = self.c(pc + 2);
        let count = self.top().count;
        if max == MAXREPEAT || count <= max as isize {
            self.st.ptr = ptr;
            let tail = pc + self.c(pc) as usize;
            let toplevel = self.top().toplevel;
            return self.call(pc, ptr, Jump::MinRepeatOne, tail, toplevel);
        }
        let top = *self.top();
        if top.pushed {
            self.mark_discard(top.lastmark);
        }
        Step::Return(false)
    }

    /// POSSESSIVE_REPEAT: the next iteration of the body, or the tail.
    fn possessive_next(&mut self, pc: usize, ptr: usize) -> Step {
        let max = self.c(pc + 2);
        let count = self.top().count;
        // `ptr` here is the position before the previous iteration (UNSET at first)
        if (count < max as isize || max == MAXREPEAT) && self.st.ptr != ptr {
            self.lastmark_save();
            let lastmark = self.top().lastmark;
            self.mark_push(lastmark);
            let start = self.st.ptr;
            return self.call(pc, start, Jump::PossRepeat2, pc + 3, false);
        }
        Step::Dispatch(pc + self.c(pc) as usize + 1, self.st.ptr)
    }

    fn max_until_tail(&mut self, pc: usize, ptr: usize) -> Step {
        let index = self.top().repeat;
        self.st.repeat = self.st.repeats[index].prev;
        let toplevel = self.top().toplevel;
        self.call(pc, ptr, Jump::MaxUntil3, pc, toplevel)
    }

    fn fail_restoring_ptr(&mut self, ptr: usize) -> Step {
        self.st.ptr = ptr;
        Step::Return(false)
    }

    /// Continues the context on top of the stack after its child returned `ret`.
    fn resume(&mut self, jump: Jump, ret: bool) -> StepResult {
        let top = *self.top();
        let (pc, ptr) = (top.pc, top.ptr);
        Ok(match jump {
            Jump::None => Step::Return(ret),
            Jump::Branch => {
                if ret {
                    if top.pushed {
                        self.mark_discard(top.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if top.pushed {
                    self.mark_pop(top.lastmark, false);
                }
                self.lastmark_restore();
                self.branch_next(pc + self.c(pc) as usize, ptr)
            }
            Jump::RepeatOne => {
                if ret {
                    if top.pushed {
                        self.mark_discard(top.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if top.pushed {
                    self.mark_pop(top.lastmark, false);
                }
                self.lastmark_restore();
                if top.count == 0 {
                    if top.pushed {
                        self.mark_discard(top.lastmark);
                    }
                    return Ok(Step::Return(false));
                }
                self.repeat_one_next(pc, ptr, true)
            }
            Jump::MinRepeatOne => {
                if ret {
                    if top.pushed {
                        self.mark_discard(top.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if top.pushed {
                    self.mark_pop(top.lastmark, false);
                }
                self.lastmark_restore();
                self.st.ptr = ptr;
                let one = self.count(pc + 3, ptr, 1)?;
                if one == 0 {
                    if top.pushed {
                        self.mark_discard(top.lastmark);
                    }
                    return Ok(Step::Return(false));
                }
                self.top().count += 1;
                self.min_repeat_one_next(pc, ptr + 1)
            }
            Jump::Repeat => {
                let index = top.repeat;
                self.st.repeat = self.st.repeats[index].prev;
                self.st.repeats.truncate(index);
                Step::Return(ret)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Step::Return(true));
                }
                self.st.repeats[top.repeat].count = top.count - 1;
                self.fail_restoring_ptr(ptr)
            }
            Jump::MaxUntil2 => {
                let index = top.repeat;
                self.st.repeats[index].last_ptr = self.st.last_ptr_stack.pop().unwrap_or(UNSET);
                if ret {
                    self.mark_discard(top.lastmark);
                    return Ok(Step::Return(true));
                }
                self.mark_pop(top.lastmark, true);
                self.lastmark_restore();
                self.st.repeats[index].count = top.count - 1;
                self.st.ptr = ptr;
                self.max_until_tail(pc, ptr)
            }
            Jump::MaxUntil3 => {
                self.st.repeat = top.repeat;
                if ret {
                    return Ok(Step::Return(true));
                }
                self.fail_restoring_ptr(ptr)
            }
            Jump::MinUntil2 => {
                let index = top.repeat;
                self.st.repeat = index;
                if ret {
                    if top.pushed {
                        self.mark_discard(top.lastmark);
                    }
                    return Ok(Step::Return(true));
                }
                if top.pushed {
                    self.mark_pop(top.lastmark, true);
                }
                self.lastmark_restore();
                self.st.ptr = ptr;
                let repeat = &self.st.repeats[index];
                let max = self.c(repeat.pc + 2);
                if (top.count >= max as isize && max != MAXREPEAT) || ptr == repeat.last_ptr {
                    return Ok(Step::Return(false));
                }
                let body = repeat.pc + 3;
                self.st.repeats[index].count = top.count;
                let last_ptr = self.st.repeats[index].last_ptr;
                self.st.last_ptr_stack.push(last_ptr);
                self.st.repeats[index].last_ptr = ptr;
                self.call(pc, ptr, Jump::MinUntil3, body, top.toplevel)
            }
            Jump::MinUntil3 => {
                let index = top.repeat;
                self.st.repeats[index].last_ptr = self.st.last_ptr_stack.pop().unwrap_or(UNSET);
                if ret {
                    return Ok(Step::Return(true));
                }
                self.st.repeats[index].count = top.count - 1;
                self.fail_restoring_ptr(ptr)
            }
            Jump::PossRepeat1 => {
                if !ret {
                    return Ok(self.fail_restoring_ptr(ptr));
                }
                self.top().count += 1;
                if self.top().count < self.c(pc + 1) as isize {
                    return Ok(self.call(pc, ptr, Jump::PossRepeat1, pc + 3, false));
                }
                self.possessive_next(pc, UNSET)
            }
            Jump::PossRepeat2 => {
                if ret {
                    self.mark_discard(top.lastmark);
                    self.top().count += 1;
                    return Ok(self.possessive_next(pc, ptr));
                }
                self.mark_pop(top.lastmark, true);
                self.lastmark_restore();
                self.st.ptr = ptr;
                Step::Dispatch(pc + self.c(pc) as usize + 1, ptr)
            }
            Jump::AtomicGroup => {
                if !ret {
                    return Ok(self.fail_restoring_ptr(ptr));
                }
                Step::Dispatch(pc + self.c(pc) as usize, self.st.ptr)
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Step::Return(false));
                }
                Step::Dispatch(pc + self.c(pc) as usize, ptr)
            }
            Jump::AssertNot => {
                if ret {
                    if top.pushed {
                        self.mark_discard(top.lastmark);
                    }
                    return Ok(Step::Return(false));
                }
                if top.pushed {
                    self.mark_pop(top.lastmark, true);
                }
                self.lastmark_restore();
                Step::Dispatch(pc + self.c(pc) as usize, ptr)
            }
        })
    }
}

/// Matches `code` at `state.start` (CPython's `sre_match`; `state.ptr` is the end on success).
pub fn sre_match<C: SreChar>(
    text: &[C],
    prog: &Program,
    state: &mut State,
) -> Result<bool, SreError> {
    state.ptr = state.start;
    let code = &prog.code[..];
    let mut matcher = Matcher {
        text,
        prog,
        code,
        st: state,
    };
    matcher.run(0, true)
}

/// Searches for the first position from `state.start` where `code` matches
/// (CPython's `sre_search`): on success `state.start`..`state.ptr` is the match.
pub fn sre_search<C: SreChar>(
    text: &[C],
    prog: &Program,
    st: &mut State,
) -> Result<bool, SreError> {
    let code = &prog.code[..];
    let mut ptr = st.start;
    let real_end = st.end;
    if ptr > real_end {
        return Ok(false);
    }
    let word = |i: usize| code.get(i).copied().unwrap_or(OP_FAILURE);
    let mut pc = 0;
    let mut flags = 0;
    let mut end = real_end;
    let mut prefix: Option<(usize, usize, usize)> = None;
    let mut charset = None;
    if word(0) == OP_INFO {
        flags = word(2);
        let min = word(3) as usize;
        if min != 0 && real_end - ptr < min {
            return Ok(false);
        }
        if min > 1 {
            end = real_end - (min - 1);
            if end <= ptr {
                end = ptr;
            }
        }
        if flags & INFO_PREFIX != 0 {
            prefix = Some((word(5) as usize, word(6) as usize, 7));
        } else if flags & INFO_CHARSET != 0 {
            charset = Some(5);
        }
        pc = 1 + word(1) as usize;
    }
    let text_len = real_end;
    if let Some((prefix_len, prefix_skip, prefix_at)) = prefix
        && prefix_len >= 1
    {
        let first = word(prefix_at);
        st.must_advance = false;
        while ptr < text_len {
            if text[ptr].code() != first {
                ptr += 1;
                continue;
            }
            if ptr + prefix_len > text_len {
                return Ok(false);
            }
            let whole = (1..prefix_len).all(|i| text[ptr + i].code() == word(prefix_at + i));
            if whole {
                st.start = ptr;
                st.ptr = ptr + prefix_skip;
                if flags & INFO_LITERAL != 0 {
                    return Ok(true);
                }
                let mut matcher = Matcher {
                    text,
                    prog,
                    code,
                    st,
                };
                if matcher.run(pc + 2 * prefix_skip, false)? {
                    return Ok(true);
                }
                st.lastmark = -1;
                st.lastindex = -1;
            }
            ptr += 1;
        }
        return Ok(false);
    }
    if let Some(set) = charset {
        st.must_advance = false;
        loop {
            while ptr < text_len && !prog.set_contains(set, text[ptr].code()) {
                ptr += 1;
            }
            if ptr >= text_len {
                return Ok(false);
            }
            st.start = ptr;
            st.ptr = ptr;
            let mut matcher = Matcher {
                text,
                prog,
                code,
                st,
            };
            if matcher.run(pc, false)? {
                return Ok(true);
            }
            ptr += 1;
            st.lastmark = -1;
            st.lastindex = -1;
        }
    }
    st.start = ptr;
    st.ptr = ptr;
    let mut status = Matcher {
        text,
        prog,
        code,
        st: &mut *st,
    }
    .run(pc, true)?;
    st.must_advance = false;
    if !status
        && word(pc) == OP_AT
        && (word(pc + 1) == AT_BEGINNING || word(pc + 1) == AT_BEGINNING_STRING)
    {
        st.start = real_end;
        st.ptr = real_end;
        return Ok(false);
    }
    while !status && ptr < end {
        ptr += 1;
        st.lastmark = -1;
        st.lastindex = -1;
        st.start = ptr;
        st.ptr = ptr;
        status = Matcher {
            text,
            prog,
            code,
            st: &mut *st,
        }
        .run(pc, false)?;
    }
    Ok(status)
}

// ---------------------------------------------------------------------------- validation

/// Checks that `code` has the shape `re._compiler` produces (CPython's `_validate`), so
/// the matcher never walks off the code or loops without progress.
fn validate(code: &[u32], groups: usize, sets: &mut Vec<usize>) -> bool {
    if groups > MAXGROUPS || code.last() != Some(&OP_SUCCESS) {
        return false;
    }
    validate_inner(code, 0, code.len() - 1, groups, sets) == Some(false)
}

fn skip_target(code: &[u32], at: usize, end: usize, adjust: usize) -> Option<usize> {
    let skip = *code.get(at)? as usize;
    if at >= end || skip < adjust || skip - adjust > end - at {
        return None;
    }
    Some(skip)
}

fn validate_charset(code: &[u32], mut at: usize, end: usize) -> bool {
    while at < end {
        let op = code[at];
        at += 1;
        match op {
            OP_NEGATE => {}
            OP_LITERAL => at += 1,
            OP_RANGE | OP_RANGE_UNI_IGNORE => at += 2,
            OP_CHARSET => at += 8,
            OP_BIGCHARSET => {
                let Some(&count) = code.get(at) else {
                    return false;
                };
                at += 1;
                if at + 64 > end {
                    return false;
                }
                for i in 0..256 {
                    if (code[at + i / 4] >> (8 * (i % 4))) & 0xFF >= count {
                        return false;
                    }
                }
                at += 64 + count as usize * 8;
            }
            OP_CATEGORY => {
                match code.get(at) {
                    Some(&category) if category <= CATEGORY_UNI_NOT_LINEBREAK => {}
                    _ => return false,
                }
                at += 1;
            }
            _ => return false,
        }
        if at > end {
            return false;
        }
    }
    true
}

/// `Some(ends_with_jump)` when `code[at..end]` is valid.
fn validate_inner(
    code: &[u32],
    mut at: usize,
    end: usize,
    groups: usize,
    sets: &mut Vec<usize>,
) -> Option<bool> {
    if at > end || end > code.len() {
        return None;
    }
    let arg = |i: usize| if i < end { Some(code[i]) } else { None };
    while at < end {
        let op = code[at];
        at += 1;
        match op {
            OP_MARK => {
                if arg(at)? as usize > 2 * groups + 1 {
                    return None;
                }
                at += 1;
            }
            OP_LITERAL
            | OP_NOT_LITERAL
            | OP_LITERAL_IGNORE
            | OP_NOT_LITERAL_IGNORE
            | OP_LITERAL_UNI_IGNORE
            | OP_NOT_LITERAL_UNI_IGNORE
            | OP_LITERAL_LOC_IGNORE
            | OP_NOT_LITERAL_LOC_IGNORE => {
                arg(at)?;
                at += 1;
            }
            OP_SUCCESS | OP_FAILURE | OP_ANY | OP_ANY_ALL => {}
            OP_AT => {
                if arg(at)? > AT_UNI_NON_BOUNDARY {
                    return None;
                }
                at += 1;
            }
            OP_IN | OP_IN_IGNORE | OP_IN_UNI_IGNORE | OP_IN_LOC_IGNORE => {
                let skip = skip_target(code, at, end, 0)?;
                if skip < 2 || !validate_charset(code, at + 1, at + skip - 1) {
                    return None;
                }
                if code[at + skip - 1] != OP_FAILURE {
                    return None;
                }
                sets.push(at + 1);
                at += skip;
            }
            OP_INFO => {
                let skip = skip_target(code, at, end, 0)?;
                let next = at + skip;
                if skip < 4 {
                    return None;
                }
                let flags = code[at + 1];
                if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
                    || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
                    || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
                {
                    return None;
                }
                let mut p = at + 4;
                if flags & INFO_PREFIX != 0 {
                    if p + 2 > next {
                        return None;
                    }
                    let prefix_len = code[p] as usize;
                    let prefix_skip = code[p + 1] as usize;
                    p += 2;
                    if prefix_skip > prefix_len || p + 2 * prefix_len > next {
                        return None;
                    }
                    p += prefix_len;
                    if code[p..p + prefix_len]
                        .iter()
                        .any(|&o| o as usize >= prefix_len)
                    {
                        return None;
                    }
                    p += prefix_len;
                }
                if flags & INFO_CHARSET != 0 {
                    if next < 1 || p > next - 1 || !validate_charset(code, p, next - 1) {
                        return None;
                    }
                    if code[next - 1] != OP_FAILURE {
                        return None;
                    }
                    sets.push(p);
                } else if p != next {
                    return None;
                }
                at = next;
            }
            OP_BRANCH => {
                let mut target = None;
                loop {
                    let skip = skip_target(code, at, end, 0)?;
                    if skip == 0 {
                        at += 1;
                        break;
                    }
                    if skip < 3 {
                        return None;
                    }
                    validate_inner(code, at + 1, at + skip - 2, groups, sets)?;
                    at += skip - 2;
                    if code.get(at) != Some(&OP_JUMP) {
                        return None;
                    }
                    at += 1;
                    let jump = skip_target(code, at, end, 0)?;
                    let jump_target = at + jump;
                    if jump == 0 || *target.get_or_insert(jump_target) != jump_target {
                        return None;
                    }
                    at += 1;
                }
                if target != Some(at) {
                    return None;
                }
            }
            OP_REPEAT_ONE | OP_MIN_REPEAT_ONE | OP_POSSESSIVE_REPEAT_ONE => {
                let skip = skip_target(code, at, end, 0)?;
                if skip < 4 || arg(at + 2)? < arg(at + 1)? {
                    return None;
                }
                validate_inner(code, at + 3, at + skip - 1, groups, sets)?;
                if code.get(at + skip - 1) != Some(&OP_SUCCESS) {
                    return None;
                }
                at += skip;
            }
            OP_REPEAT | OP_POSSESSIVE_REPEAT => {
                let skip = skip_target(code, at, end, 0)?;
                if skip < 3 || arg(at + 2)? < arg(at + 1)? {
                    return None;
                }
                validate_inner(code, at + 3, at + skip, groups, sets)?;
                let closing = *code.get(at + skip)?;
                let ok = if op == OP_POSSESSIVE_REPEAT {
                    closing == OP_SUCCESS
                } else {
                    closing == OP_MAX_UNTIL || closing == OP_MIN_UNTIL
                };
                if !ok || at + skip >= end {
                    return None;
                }
                at += skip + 1;
            }
            OP_ATOMIC_GROUP => {
                let skip = skip_target(code, at, end, 0)?;
                if skip < 2 {
                    return None;
                }
                validate_inner(code, at + 1, at + skip - 1, groups, sets)?;
                if code.get(at + skip - 1) != Some(&OP_SUCCESS) {
                    return None;
                }
                at += skip;
            }
            OP_GROUPREF | OP_GROUPREF_IGNORE | OP_GROUPREF_UNI_IGNORE | OP_GROUPREF_LOC_IGNORE => {
                if arg(at)? as usize >= groups {
                    return None;
                }
                at += 1;
            }
            OP_GROUPREF_EXISTS => {
                if arg(at)? as usize >= groups {
                    return None;
                }
                let skip = skip_target(code, at + 1, end, 1)?;
                // the skip counts from the group word
                let yes_end = at + skip;
                if skip < 2 || yes_end > end {
                    return None;
                }
                let mut then_ends_with_jump = validate_inner(code, at + 2, yes_end, groups, sets)?;
                at = yes_end;
                if then_ends_with_jump {
                    // `yes_end - 1` is the JUMP's skip word: the else part follows it
                    let no_skip = code[yes_end - 1] as usize;
                    if no_skip < 1 || yes_end - 1 + no_skip > end {
                        return None;
                    }
                    let no_end = yes_end - 1 + no_skip;
                    then_ends_with_jump = validate_inner(code, yes_end, no_end, groups, sets)?;
                    at = no_end;
                }
                if then_ends_with_jump {
                    return None;
                }
            }
            OP_ASSERT | OP_ASSERT_NOT => {
                let skip = skip_target(code, at, end, 0)?;
                arg(at + 1)?;
                if skip < 3 {
                    return None;
                }
                validate_inner(code, at + 2, at + skip - 1, groups, sets)?;
                if code.get(at + skip - 1) != Some(&OP_SUCCESS) {
                    return None;
                }
                at += skip;
            }
            OP_JUMP => {
                if at + 1 != end {
                    return None;
                }
                return Some(true);
            }
            _ => return None,
        }
    }
    if at != end {
        return None;
    }
    Some(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(code: &[u32], groups: usize) -> Program {
        Program::new(code.to_vec(), groups).expect("valid code")
    }

    fn search(code: &[u32], groups: usize, text: &str) -> Option<(usize, usize)> {
        let prog = program(code, groups);
        let text: Vec<u8> = text.bytes().collect();
        let mut state = State::new(groups, text.len(), 0, isize::MAX);
        sre_search(&text, &prog, &mut state)
            .expect("no engine error")
            .then_some((state.start, state.ptr))
    }

    #[test]
    fn literal_match_and_search() {
        // `ab`: LITERAL a, LITERAL b, SUCCESS
        let code = [OP_LITERAL, 97, OP_LITERAL, 98, OP_SUCCESS];
        assert_eq!(search(&code, 0, "xxab"), Some((2, 4)));
        assert_eq!(search(&code, 0, "xxa"), None);
        let prog = program(&code, 0);
        let mut state = State::new(0, 2, 0, isize::MAX);
        assert!(sre_match(b"ab", &prog, &mut state).unwrap());
        assert_eq!(state.ptr, 2);
    }

    #[test]
    fn greedy_repeat_backtracks_into_tail() {
        // `a*ab`: REPEAT_ONE skip=6 min=0 max=MAXREPEAT (LITERAL a) SUCCESS, then `ab`
        let code = [
            OP_REPEAT_ONE,
            6,
            0,
            MAXREPEAT,
            OP_LITERAL,
            97,
            OP_SUCCESS,
            OP_LITERAL,
            97,
            OP_LITERAL,
            98,
            OP_SUCCESS,
        ];
        assert_eq!(search(&code, 0, "aaab"), Some((0, 4)));
    }

    #[test]
    fn deep_repeat_uses_the_heap() {
        // `(?:a|b)*c` over 200 000 characters: one context per iteration, no recursion
        let code = [
            OP_REPEAT,
            15,
            0,
            MAXREPEAT,
            OP_BRANCH,
            5,
            OP_LITERAL,
            97,
            OP_JUMP,
            7,
            5,
            OP_LITERAL,
            98,
            OP_JUMP,
            2,
            0,
            OP_MAX_UNTIL,
            OP_LITERAL,
            99,
            OP_SUCCESS,
        ];
        let text = "ab".repeat(100_000) + "c";
        assert_eq!(search(&code, 0, &text), Some((0, text.len())));
    }

    #[test]
    fn malformed_code_is_rejected() {
        assert!(Program::new(vec![], 0).is_none());
        assert!(Program::new(vec![OP_LITERAL], 0).is_none());
        assert!(Program::new(vec![OP_JUMP, 0, OP_SUCCESS], 0).is_none());
        assert!(Program::new(vec![OP_MARK, 5, OP_SUCCESS], 1).is_none());
        assert!(Program::new(vec![99, OP_SUCCESS], 0).is_none());
        assert!(Program::new(vec![OP_LITERAL, 97, OP_SUCCESS], 0).is_some());
    }

    #[test]
    fn case_mappings() {
        assert_eq!(lower_unicode(u32::from('É')), u32::from('é'));
        assert_eq!(lower_unicode(0x130), u32::from('i'));
        assert_eq!(upper_unicode(u32::from('ß')), u32::from('ß'));
        assert_eq!(lower_ascii(u32::from('É')), u32::from('É'));
    }
}
