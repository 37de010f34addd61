//! The algorithms `str`, `bytes` and `bytearray` share: searching, counting, splitting,
//! partitioning, replacing, stripping, padding and tab expansion, written once over
//! slices of code units (`u8` for the binary types, `u32` code points for `str`), plus
//! the argument handling those methods have in common (`start`/`end` slice bounds).
//!
//! CPython counterpart: `Objects/stringlib/` (`fastsearch.h`, `find.h`, `count.h`,
//! `split.h`, `partition.h`, `transmogrify.h`) and the `ADJUST_INDICES` logic of
//! `Objects/unicodeobject.c` / `bytes_methods.c`.

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;

/// A code unit: a byte or a code point.
pub trait Unit: Copy + Eq + Ord + Into<u32> {
    fn from_ascii(byte: u8) -> Self;
}

impl Unit for u8 {
    fn from_ascii(byte: u8) -> Self {
        byte
    }
}

impl Unit for u32 {
    fn from_ascii(byte: u8) -> Self {
        u32::from(byte)
    }
}

/// Clamps Python `start`/`end` bounds (negative counts from the end) to `0..=len`.
/// `start` may end up past `end`; callers treat that as an empty range.
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len_i = len as isize;
    let clamp = |value: isize| -> usize {
        if value < 0 {
            (value + len_i).max(0) as usize
        } else {
            value as usize
        }
    };
    let end = end.map_or(len, |end| clamp(end).min(len));
    let start = start.map_or(0, clamp);
    (start, end)
}

/// A `start`/`end` argument: `None` or an object with `__index__`, clipped to `isize`
/// (CPython's `_PyEval_SliceIndex`).
pub fn slice_index(ts: &ThreadState, value: Option<&PyObject>) -> PyResult<Option<isize>> {
    let Some(value) = value else {
        return Ok(None);
    };
    if value.is(&crate::singletons::none()) {
        return Ok(None);
    }
    if value.ob_type().number.index.get().is_none() {
        return Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        ));
    }
    let index = crate::abstract_api::index(ts, value)?;
    Ok(Some(match crate::int::as_i64(&index) {
        Some(value) => value as isize,
        None => {
            let negative = index
                .rich_compare_bool(ts, &crate::int::new(ts, 0), crate::CompareOp::Lt)
                .unwrap_or(false);
            if negative { isize::MIN } else { isize::MAX }
        }
    }))
}

/// Finds `needle` in `hay[start..end]`; the index in `hay`.
pub fn find<T: Unit>(hay: &[T], needle: &[T], start: usize, end: usize) -> Option<usize> {
    if start > hay.len() || start > end || end - start < needle.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    let first = needle[0];
    let last_start = end - needle.len();
    (start..=last_start).find(|&at| hay[at] == first && &hay[at..at + needle.len()] == needle)
}

/// Finds the last `needle` in `hay[start..end]`.
pub fn rfind<T: Unit>(hay: &[T], needle: &[T], start: usize, end: usize) -> Option<usize> {
    if start > hay.len() || start > end || end - start < needle.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(end);
    }
    let last_start = end - needle.len();
    (start..=last_start)
        .rev()
        .find(|&at| &hay[at..at + needle.len()] == needle)
}

/// Counts non-overlapping `needle`s in `hay[start..end]`, at most `limit`.
pub fn count<T: Unit>(hay: &[T], needle: &[T], start: usize, end: usize, limit: usize) -> usize {
    if start > hay.len() || start > end || end - start < needle.len() {
        return 0;
    }
    if needle.is_empty() {
        return (end - start + 1).min(limit);
    }
    let mut found = 0;
    let mut at = start;
    while found < limit {
        match find(hay, needle, at, end) {
            Some(position) => {
                found += 1;
                at = position + needle.len();
            }
            None => break,
        }
    }
    found
}

/// `maxsplit` as a limit: negative means unlimited.
fn split_limit(maxsplit: isize) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

/// `split(sep, maxsplit)` with a separator (not empty).
pub fn split<'a, T: Unit>(hay: &'a [T], sep: &[T], maxsplit: isize) -> Vec<&'a [T]> {
    let mut parts = Vec::new();
    let mut remaining = split_limit(maxsplit);
    let mut at = 0;
    while remaining > 0 {
        let Some(position) = find(hay, sep, at, hay.len()) else {
            break;
        };
        parts.push(&hay[at..position]);
        at = position + sep.len();
        remaining -= 1;
    }
    parts.push(&hay[at..]);
    parts
}

/// `rsplit(sep, maxsplit)` with a separator (not empty).
pub fn rsplit<'a, T: Unit>(hay: &'a [T], sep: &[T], maxsplit: isize) -> Vec<&'a [T]> {
    let mut parts = Vec::new();
    let mut remaining = split_limit(maxsplit);
    let mut end = hay.len();
    while remaining > 0 {
        let Some(position) = rfind(hay, sep, 0, end) else {
            break;
        };
        parts.push(&hay[position + sep.len()..end]);
        end = position;
        remaining -= 1;
    }
    parts.push(&hay[..end]);
    parts.reverse();
    parts
}

/// `split(None, maxsplit)`: runs of whitespace separate, ends are trimmed.
pub fn split_whitespace<T: Unit>(
    hay: &[T],
    maxsplit: isize,
    is_space: impl Fn(T) -> bool,
) -> Vec<&[T]> {
    let mut parts = Vec::new();
    let mut remaining = split_limit(maxsplit);
    let mut at = 0;
    let len = hay.len();
    loop {
        while at < len && is_space(hay[at]) {
            at += 1;
        }
        if at == len {
            break;
        }
        if remaining == 0 {
            parts.push(&hay[at..]);
            break;
        }
        let start = at;
        while at < len && !is_space(hay[at]) {
            at += 1;
        }
        parts.push(&hay[start..at]);
        remaining -= 1;
    }
    parts
}

/// `rsplit(None, maxsplit)`.
pub fn rsplit_whitespace<T: Unit>(
    hay: &[T],
    maxsplit: isize,
    is_space: impl Fn(T) -> bool,
) -> Vec<&[T]> {
    let mut parts = Vec::new();
    let mut remaining = split_limit(maxsplit);
    let mut end = hay.len();
    loop {
        while end > 0 && is_space(hay[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            break;
        }
        if remaining == 0 {
            parts.push(&hay[..end]);
            break;
        }
        let stop = end;
        while end > 0 && !is_space(hay[end - 1]) {
            end -= 1;
        }
        parts.push(&hay[end..stop]);
        remaining -= 1;
    }
    parts.reverse();
    parts
}

/// `splitlines(keepends)`; `is_break` says which units end a line (`\r\n` is one break).
pub fn splitlines<T: Unit>(hay: &[T], keepends: bool, is_break: impl Fn(T) -> bool) -> Vec<&[T]> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut at = 0;
    let carriage = T::from_ascii(b'\r');
    let newline = T::from_ascii(b'\n');
    while at < hay.len() {
        if is_break(hay[at]) {
            let mut end_of_break = at + 1;
            if hay[at] == carriage && hay.get(at + 1) == Some(&newline) {
                end_of_break += 1;
            }
            lines.push(&hay[start..if keepends { end_of_break } else { at }]);
            start = end_of_break;
            at = end_of_break;
        } else {
            at += 1;
        }
    }
    if start < hay.len() {
        lines.push(&hay[start..]);
    }
    lines
}

/// `partition(sep)` (`from_right` for `rpartition`): `(head, found, tail)`.
pub fn partition<'a, T: Unit>(
    hay: &'a [T],
    sep: &[T],
    from_right: bool,
) -> (&'a [T], bool, &'a [T]) {
    let found = if from_right {
        rfind(hay, sep, 0, hay.len())
    } else {
        find(hay, sep, 0, hay.len())
    };
    match found {
        Some(at) => (&hay[..at], true, &hay[at + sep.len()..]),
        None if from_right => (&hay[..0], false, hay),
        None => (hay, false, &hay[hay.len()..]),
    }
}

/// `replace(old, new, count)`; a negative count replaces all.
pub fn replace<T: Unit>(hay: &[T], old: &[T], new: &[T], count: isize) -> Vec<T> {
    let limit = split_limit(count);
    let mut out = Vec::with_capacity(hay.len());
    if old.is_empty() {
        // The empty string matches before each unit and at the end.
        let mut done = 0;
        for (index, &unit) in hay.iter().enumerate() {
            if done < limit {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(unit);
            let _ = index;
        }
        if done < limit {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut at = 0;
    let mut done = 0;
    while done < limit {
        let Some(position) = find(hay, old, at, hay.len()) else {
            break;
        };
        out.extend_from_slice(&hay[at..position]);
        out.extend_from_slice(new);
        at = position + old.len();
        done += 1;
    }
    out.extend_from_slice(&hay[at..]);
    out
}

/// The part of `hay` left after removing leading (`left`) and trailing (`right`) units
/// for which `strip` holds.
pub fn strip<T: Unit>(hay: &[T], left: bool, right: bool, strip: impl Fn(T) -> bool) -> &[T] {
    let mut start = 0;
    let mut end = hay.len();
    if left {
        while start < end && strip(hay[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(hay[end - 1]) {
            end -= 1;
        }
    }
    &hay[start..end]
}

/// Where justification puts the padding.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Justify {
    Left,
    Right,
    Center,
}

/// `ljust`/`rjust`/`center(width, fill)`; `None` when no padding is needed.
pub fn justify<T: Unit>(hay: &[T], width: isize, fill: T, how: Justify) -> Option<Vec<T>> {
    if width <= hay.len() as isize {
        return None;
    }
    let total = width as usize - hay.len();
    let left = match how {
        Justify::Left => 0,
        Justify::Right => total,
        // CPython's centering puts the odd unit on the left when the width is odd.
        Justify::Center => total / 2 + (total & width as usize & 1),
    };
    let mut out = Vec::with_capacity(width as usize);
    out.resize(left, fill);
    out.extend_from_slice(hay);
    out.resize(width as usize, fill);
    Some(out)
}

/// `zfill(width)`: zeros after any leading sign.
pub fn zfill<T: Unit>(hay: &[T], width: isize) -> Option<Vec<T>> {
    let padded = justify(hay, width, T::from_ascii(b'0'), Justify::Right)?;
    let mut padded = padded;
    let fill = width as usize - hay.len();
    if let Some(&first) = hay.first()
        && (first == T::from_ascii(b'+') || first == T::from_ascii(b'-'))
    {
        padded[0] = first;
        padded[fill] = T::from_ascii(b'0');
    }
    Some(padded)
}

/// `expandtabs(tabsize)`; columns restart after `\n` and `\r`.
pub fn expandtabs<T: Unit>(hay: &[T], tabsize: isize) -> Vec<T> {
    let mut out = Vec::with_capacity(hay.len());
    let mut column = 0usize;
    for &unit in hay {
        if unit == T::from_ascii(b'\t') {
            if tabsize > 0 {
                let spaces = tabsize as usize - column % tabsize as usize;
                column += spaces;
                out.extend(std::iter::repeat_n(T::from_ascii(b' '), spaces));
            }
        } else {
            out.push(unit);
            column += 1;
            if unit == T::from_ascii(b'\n') || unit == T::from_ascii(b'\r') {
                column = 0;
            }
        }
    }
    out
}

/// Whether `hay[start..end]` starts (or ends, `at_end`) with `affix`.
pub fn tailmatch<T: Unit>(hay: &[T], affix: &[T], start: usize, end: usize, at_end: bool) -> bool {
    if start > hay.len() || start > end {
        return false;
    }
    let window = &hay[start..end];
    if at_end {
        window.ends_with(affix)
    } else {
        window.starts_with(affix)
    }
}

/// Positional and keyword arguments matched to parameter names (a small argument
/// clinic): `names[i]` receives `args[i]` or the keyword of that name.
pub struct ParsedArgs {
    pub values: Vec<Option<PyRef>>,
}

impl ParsedArgs {
    pub fn get(&self, index: usize) -> Option<&PyObject> {
        self.values.get(index).and_then(|value| value.as_deref())
    }

    /// A required argument (`parse_args` checked it is there; `None` otherwise).
    pub fn required(&self, index: usize) -> &PyObject {
        self.get(index)
            .unwrap_or(crate::singletons::NONE.as_object())
    }
}

/// Matches `args` to `names`; `positional_only` leading names take no keyword,
/// `min` are required. Messages follow CPython's argument clinic.
pub fn parse_args(
    function: &str,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
    names: &[&str],
    positional_only: usize,
    min: usize,
) -> PyResult<ParsedArgs> {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    let qualified = function;
    let function = function.rsplit('.').next().unwrap_or(function);
    let all_positional = positional_only == names.len();
    if names.is_empty() && (!positional.is_empty() || !keywords.is_empty()) {
        if positional.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualified}() takes no keyword arguments"
            )));
        }
        return Err(PyErr::type_error(format!(
            "{qualified}() takes no arguments ({} given)",
            positional.len()
        )));
    }
    let is_meth_o = all_positional && names.len() == 1 && min == 1;
    if all_positional && !keywords.is_empty() {
        return Err(PyErr::type_error(format!(
            "{qualified}() takes no keyword arguments"
        )));
    }
    if is_meth_o && positional.len() != 1 {
        return Err(PyErr::type_error(format!(
            "{qualified}() takes exactly one argument ({} given)",
            positional.len()
        )));
    }
    if all_positional && (positional.len() < min || positional.len() > names.len()) {
        let (bound, word) = if positional.len() < min {
            (min, if min == names.len() { "" } else { "at least " })
        } else {
            (
                names.len(),
                if min == names.len() { "" } else { "at most " },
            )
        };
        return Err(PyErr::type_error(format!(
            "{function} expected {word}{bound} argument{}, got {}",
            if bound == 1 { "" } else { "s" },
            positional.len()
        )));
    }
    if positional.len() > names.len() {
        return Err(PyErr::type_error(if names.len() == min {
            match names.len() {
                0 => format!(
                    "{function}() takes no arguments ({} given)",
                    positional.len()
                ),
                1 => format!(
                    "{function}() takes exactly one argument ({} given)",
                    positional.len()
                ),
                n => format!(
                    "{function}() takes exactly {n} arguments ({} given)",
                    positional.len()
                ),
            }
        } else {
            format!(
                "{function}() takes at most {} argument{} ({} given)",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                positional.len()
            )
        }));
    }
    let mut values: Vec<Option<PyRef>> = vec![None; names.len()];
    for (slot, value) in values.iter_mut().zip(positional) {
        *slot = Some(value.clone());
    }
    for (name, value) in keywords {
        let position = names.iter().position(|candidate| *candidate == name);
        match position {
            Some(position) if position >= positional_only => {
                if values[position].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {function}() given by name ('{name}') and position ({})",
                        position + 1
                    )));
                }
                values[position] = Some(value);
            }
            _ => {
                if positional_only == names.len() && positional.len() <= names.len() {
                    return Err(PyErr::type_error(format!(
                        "{function}() takes no keyword arguments"
                    )));
                }
                return Err(PyErr::type_error(format!(
                    "{function}() got an unexpected keyword argument '{name}'"
                )));
            }
        }
    }
    if let Some(missing) = values.iter().take(min).position(Option::is_none) {
        let given = values.iter().filter(|value| value.is_some()).count();
        return Err(PyErr::type_error(if missing < positional_only {
            if min == names.len() && min == 1 {
                format!("{function}() takes exactly one argument ({given} given)")
            } else if min == names.len() {
                format!("{function}() takes exactly {min} arguments ({given} given)")
            } else {
                format!(
                    "{function}() takes at least {min} argument{} ({given} given)",
                    if min == 1 { "" } else { "s" }
                )
            }
        } else {
            format!(
                "{function}() missing required argument '{}' (pos {})",
                names[missing],
                missing + 1
            )
        }));
    }
    Ok(ParsedArgs { values })
}

/// An integer argument (`__index__`), with CPython's messages.
pub fn index_arg(ts: &ThreadState, value: &PyObject) -> PyResult<isize> {
    if value.ob_type().number.index.get().is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            value.ob_type().name()
        )));
    }
    let index = crate::abstract_api::index(ts, value)?;
    match crate::int::as_i64(&index) {
        Some(value) => Ok(value as isize),
        None => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// An optional integer argument with a default.
pub fn index_arg_or(ts: &ThreadState, value: Option<&PyObject>, default: isize) -> PyResult<isize> {
    match value {
        Some(value) => index_arg(ts, value),
        None => Ok(default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<u32> {
        text.chars().map(u32::from).collect()
    }

    fn text(units: &[u32]) -> String {
        units.iter().filter_map(|&u| char::from_u32(u)).collect()
    }

    #[test]
    fn split_and_rsplit_respect_maxsplit() {
        let hay = units("a,b,,c");
        let parts: Vec<String> = split(&hay, &units(","), 2)
            .iter()
            .map(|p| text(p))
            .collect();
        assert_eq!(parts, ["a", "b", ",c"]);
        let parts: Vec<String> = rsplit(&hay, &units(","), 1)
            .iter()
            .map(|p| text(p))
            .collect();
        assert_eq!(parts, ["a,b,", "c"]);
        let hay = units("  a  b c  ");
        let space = |u: u32| u == 32;
        let parts: Vec<String> = split_whitespace(&hay, 1, space)
            .iter()
            .map(|p| text(p))
            .collect();
        assert_eq!(parts, ["a", "b c  "]);
        let parts: Vec<String> = rsplit_whitespace(&hay, 1, space)
            .iter()
            .map(|p| text(p))
            .collect();
        assert_eq!(parts, ["  a  b", "c"]);
    }

    #[test]
    fn find_count_replace_and_centering() {
        let hay = b"abcabc".as_slice();
        assert_eq!(find(hay, b"c", 3, 6), Some(5));
        assert_eq!(rfind(hay, b"", 0, 6), Some(6));
        assert_eq!(count(hay, b"", 0, 6, usize::MAX), 7);
        assert_eq!(replace(hay, b"", b"-", 2), b"-a-bcabc");
        assert_eq!(justify(b"ab", 5, b'*', Justify::Center).unwrap(), b"**ab*");
        assert_eq!(
            justify(b"abc", 6, b'*', Justify::Center).unwrap(),
            b"*abc**"
        );
        assert_eq!(zfill(b"-42", 5).unwrap(), b"-0042");
        assert_eq!(expandtabs(b"a\tbc\td", 4), b"a   bc  d");
        assert_eq!(adjust_indices(Some(-2), None, 6), (4, 6));
    }
}
