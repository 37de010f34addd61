//! `PyStr`: a Python `str` value, any sequence of code points `0..=0x10FFFF`.
//!
//! CPython counterpart: the contents of a `str` object (`Objects/unicodeobject.c`). Unlike a
//! Rust `String`, a Python string may hold lone surrogates (`"\ud800"`), so it cannot always
//! be UTF-8. The common case (no surrogate) is stored as a plain `String`, so converting
//! from and to `&str`/`String` costs nothing. A string with at least one surrogate is stored
//! as the bytes Python's `s.encode("utf-8", "surrogatepass")` gives: UTF-8 where each
//! surrogate code point is encoded on its own in three bytes (`ED A0 80`..`ED BF BF`). Two
//! adjacent surrogates stay two code points, as in Python (they are not paired).
//!
//! Invariant: the `WithSurrogates` form always holds at least one surrogate, so each value
//! has exactly one representation and the derived equality and hashing are correct. Byte
//! order of both forms equals code-point order, which gives Python's `str` ordering.

use std::fmt;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyStr {
    storage: Storage,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum Storage {
    Utf8(String),
    WithSurrogates(Vec<u8>),
}

/// A code point above `0x10FFFF` was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidCodePoint(pub u32);

impl fmt::Display for InvalidCodePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code point {:#x} is not in range(0x110000)", self.0)
    }
}

impl std::error::Error for InvalidCodePoint {}

impl PyStr {
    pub fn new() -> Self {
        PyStr {
            storage: Storage::Utf8(String::new()),
        }
    }

    /// Builds a string from code points; fails on a value above `0x10FFFF`.
    pub fn from_code_points(
        code_points: impl IntoIterator<Item = u32>,
    ) -> Result<Self, InvalidCodePoint> {
        let mut string = PyStr::new();
        for code_point in code_points {
            string.push_code_point(code_point)?;
        }
        Ok(string)
    }

    /// Decodes "surrogatepass" UTF-8 (UTF-8 that may encode surrogates on their own), as
    /// `bytes.decode("utf-8", "surrogatepass")`. Returns `None` for any other malformed input.
    pub fn from_surrogatepass_utf8(bytes: &[u8]) -> Option<Self> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Some(PyStr::from(text));
        }
        let mut string = PyStr::new();
        let mut index = 0;
        while index < bytes.len() {
            let (code_point, width) = decode_one(bytes, index)?;
            // decode_one accepts overlong-free sequences only, and surrogates on purpose.
            string.push_code_point(code_point).ok()?;
            index += width;
        }
        Some(string)
    }

    pub fn push(&mut self, ch: char) {
        match &mut self.storage {
            Storage::Utf8(text) => text.push(ch),
            Storage::WithSurrogates(bytes) => {
                let mut buffer = [0; 4];
                bytes.extend_from_slice(ch.encode_utf8(&mut buffer).as_bytes());
            }
        }
    }

    pub fn push_str(&mut self, text: &str) {
        match &mut self.storage {
            Storage::Utf8(own) => own.push_str(text),
            Storage::WithSurrogates(bytes) => bytes.extend_from_slice(text.as_bytes()),
        }
    }

    pub fn push_py_str(&mut self, other: &PyStr) {
        match &other.storage {
            Storage::Utf8(text) => self.push_str(text),
            Storage::WithSurrogates(other_bytes) => {
                self.make_with_surrogates().extend_from_slice(other_bytes);
            }
        }
    }

    /// Appends any code point, surrogates included; fails above `0x10FFFF`.
    pub fn push_code_point(&mut self, code_point: u32) -> Result<(), InvalidCodePoint> {
        if let Some(ch) = char::from_u32(code_point) {
            self.push(ch);
            return Ok(());
        }
        if !(0xD800..=0xDFFF).contains(&code_point) {
            return Err(InvalidCodePoint(code_point));
        }
        let bytes = self.make_with_surrogates();
        bytes.push(0xED);
        bytes.push(0x80 | ((code_point >> 6) & 0x3F) as u8);
        bytes.push(0x80 | (code_point & 0x3F) as u8);
        Ok(())
    }

    fn make_with_surrogates(&mut self) -> &mut Vec<u8> {
        if let Storage::Utf8(text) = &mut self.storage {
            self.storage = Storage::WithSurrogates(std::mem::take(text).into_bytes());
        }
        match &mut self.storage {
            Storage::WithSurrogates(bytes) => bytes,
            Storage::Utf8(_) => unreachable!("converted just above"),
        }
    }

    /// The text, if it holds no surrogate (the common case).
    pub fn as_str(&self) -> Option<&str> {
        match &self.storage {
            Storage::Utf8(text) => Some(text),
            Storage::WithSurrogates(_) => None,
        }
    }

    /// The text, or this string back if it holds a surrogate.
    pub fn into_string(self) -> Result<String, PyStr> {
        match self.storage {
            Storage::Utf8(text) => Ok(text),
            storage @ Storage::WithSurrogates(_) => Err(PyStr { storage }),
        }
    }

    /// The text with each surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> std::borrow::Cow<'_, str> {
        match &self.storage {
            Storage::Utf8(text) => std::borrow::Cow::Borrowed(text),
            Storage::WithSurrogates(_) => std::borrow::Cow::Owned(self.chars_lossy().collect()),
        }
    }

    fn chars_lossy(&self) -> impl Iterator<Item = char> + '_ {
        self.code_points()
            .map(|code_point| char::from_u32(code_point).unwrap_or('\u{FFFD}'))
    }

    /// `s.encode("utf-8", "surrogatepass")`: UTF-8 with surrogates encoded on their own.
    pub fn as_surrogatepass_utf8(&self) -> &[u8] {
        match &self.storage {
            Storage::Utf8(text) => text.as_bytes(),
            Storage::WithSurrogates(bytes) => bytes,
        }
    }

    pub fn has_surrogates(&self) -> bool {
        matches!(self.storage, Storage::WithSurrogates(_))
    }

    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: self.as_surrogatepass_utf8(),
            index: 0,
        }
    }

    /// `len(s)`: the number of code points.
    pub fn len(&self) -> usize {
        match &self.storage {
            Storage::Utf8(text) => text.chars().count(),
            Storage::WithSurrogates(_) => self.code_points().count(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.as_surrogatepass_utf8().is_empty()
    }
}

/// Decodes one code point of well-formed "surrogatepass" UTF-8 at `index`.
fn decode_one(bytes: &[u8], index: usize) -> Option<(u32, usize)> {
    let lead = *bytes.get(index)?;
    let continuation = |offset: usize| -> Option<u32> {
        let byte = *bytes.get(index + offset)?;
        (byte & 0xC0 == 0x80).then_some(u32::from(byte & 0x3F))
    };
    match lead {
        0x00..=0x7F => Some((u32::from(lead), 1)),
        0xC2..=0xDF => Some(((u32::from(lead & 0x1F) << 6) | continuation(1)?, 2)),
        0xE0..=0xEF => {
            let code_point =
                (u32::from(lead & 0x0F) << 12) | (continuation(1)? << 6) | continuation(2)?;
            (code_point >= 0x800).then_some((code_point, 3))
        }
        0xF0..=0xF4 => {
            let code_point = (u32::from(lead & 0x07) << 18)
                | (continuation(1)? << 12)
                | (continuation(2)? << 6)
                | continuation(3)?;
            (0x10000..=0x10FFFF)
                .contains(&code_point)
                .then_some((code_point, 4))
        }
        _ => None,
    }
}

/// Iterator over the code points of a [`PyStr`].
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    index: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        // The storage is well-formed by construction, so decoding only stops at the end.
        let (code_point, width) = decode_one(self.bytes, self.index)?;
        self.index += width;
        Some(code_point)
    }
}

impl Default for PyStr {
    fn default() -> Self {
        PyStr::new()
    }
}

impl From<&str> for PyStr {
    fn from(text: &str) -> Self {
        PyStr {
            storage: Storage::Utf8(text.to_owned()),
        }
    }
}

impl From<String> for PyStr {
    fn from(text: String) -> Self {
        PyStr {
            storage: Storage::Utf8(text),
        }
    }
}

impl From<char> for PyStr {
    fn from(ch: char) -> Self {
        PyStr {
            storage: Storage::Utf8(ch.to_string()),
        }
    }
}

impl PartialEq<str> for PyStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for PyStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_surrogatepass_utf8()
            .cmp(other.as_surrogatepass_utf8())
    }
}

/// Python's `repr()` of the string.
impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::repr::str_repr(self))
    }
}

/// The text, with each surrogate shown as U+FFFD.
impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_round_trip() {
        let string = PyStr::from("héllo 😀");
        assert_eq!(string.as_str(), Some("héllo 😀"));
        assert_eq!(string.len(), 7);
        assert!(!string.has_surrogates());
        assert_eq!(string.into_string().as_deref(), Ok("héllo 😀"));
    }

    #[test]
    fn surrogates_stay_separate_code_points() {
        let string = PyStr::from_code_points([0x61, 0xD83D, 0xDE00, 0x1F600]).unwrap();
        assert!(string.has_surrogates());
        assert_eq!(string.as_str(), None);
        assert_eq!(string.len(), 4);
        assert_eq!(
            string.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xD83D, 0xDE00, 0x1F600]
        );
        // 'a\ud83d\ude00\U0001f600'.encode('utf-8', 'surrogatepass') in the oracle.
        assert_eq!(
            string.as_surrogatepass_utf8(),
            b"a\xed\xa0\xbd\xed\xb8\x80\xf0\x9f\x98\x80"
        );
        assert_eq!(string.to_string_lossy(), "a\u{FFFD}\u{FFFD}😀");
        let decoded = PyStr::from_surrogatepass_utf8(string.as_surrogatepass_utf8()).unwrap();
        assert_eq!(decoded, string);
    }

    #[test]
    fn rejects_out_of_range_and_malformed() {
        assert_eq!(
            PyStr::from_code_points([0x110000]),
            Err(InvalidCodePoint(0x110000))
        );
        assert_eq!(PyStr::from_surrogatepass_utf8(b"\xff"), None);
        assert_eq!(PyStr::from_surrogatepass_utf8(b"\xed\xa0"), None);
        assert_eq!(PyStr::from_surrogatepass_utf8(b"\xc0\x80"), None);
    }

    #[test]
    fn ordering_is_code_point_order() {
        use std::cmp::Ordering::Less;
        let surrogate = PyStr::from_code_points([0xDFFF]).unwrap();
        assert_eq!(PyStr::from("\u{D7FF}").cmp(&surrogate), Less);
        assert_eq!(surrogate.cmp(&PyStr::from("\u{E000}")), Less);
        assert_eq!(PyStr::from("\u{FFFF}").cmp(&PyStr::from("\u{10000}")), Less);
    }
}
