//! `str`: immutable sequences of code points.
//!
//! CPython counterpart: `Objects/unicodeobject.c` (`unicode_repr`, `unicode_hash`,
//! `PyUnicode_RichCompare`, `unicode_getitem`). Text is stored as UTF-8 (surrogates in
//! "surrogatepass" form, see `pyrite_ast::PyStr`), with the code-point length computed
//! once; static strings (`Str::from_static`) borrow a `&'static str` without copying. The
//! hash is cached and computed over CPython's PEP 393 form (1, 2 or 4 bytes per code
//! point), so it equals 64-bit CPython's for the same key.

use std::cell::Cell;
use std::collections::HashMap;

use pyrite_ast::PyStr;

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::{GilCell, ThreadState};
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `str` objects.
pub struct Str {
    data: StrData,
    /// Length in code points.
    len: usize,
    /// The cached hash; -1 until computed (no hash is -1).
    hash: Cell<isize>,
    /// The code points of a non-ASCII string, made on first use by code that indexes by
    /// character (the regular expression engine); CPython keeps such strings in fixed
    /// width arrays throughout.
    // A boxed `Vec` is one word; a `Box<[u32]>` would make every `str` a word larger.
    #[allow(clippy::box_collection)]
    wide: std::cell::OnceCell<Box<Vec<u32>>>,
}

enum StrData {
    Static(&'static str),
    Owned(PyStr),
}

impl Str {
    /// A string borrowing static text, for `static` string objects (identifiers).
    pub const fn from_static(text: &'static str) -> Str {
        Str {
            data: StrData::Static(text),
            len: count_code_points(text.as_bytes()),
            hash: Cell::new(-1),
            wide: std::cell::OnceCell::new(),
        }
    }

    pub fn from_py_str(value: PyStr) -> Str {
        let len = match value.as_str() {
            Some(text) => text.chars().count(),
            None => value.len(),
        };
        Str {
            data: StrData::Owned(value),
            len,
            hash: Cell::new(-1),
            wide: std::cell::OnceCell::new(),
        }
    }

    /// The text, if it holds no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        match &self.data {
            StrData::Static(text) => Some(text),
            StrData::Owned(value) => value.as_str(),
        }
    }

    /// UTF-8, with surrogates encoded on their own ("surrogatepass"); its byte order is
    /// code-point order.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.data {
            StrData::Static(text) => text.as_bytes(),
            StrData::Owned(value) => value.as_surrogatepass_utf8(),
        }
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn is_ascii(&self) -> bool {
        self.len == self.as_bytes().len()
    }

    /// The code points as an array, computed once per string and kept.
    pub fn code_point_array(&self) -> &[u32] {
        self.wide
            .get_or_init(|| Box::new(self.code_points().collect()))
            .as_slice()
    }

    fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        let bytes = self.as_bytes();
        let mut index = 0;
        std::iter::from_fn(move || {
            let lead = *bytes.get(index)?;
            // Well-formed by construction: a lead byte, then its continuation bytes.
            let (mut code_point, width) = match lead {
                0x00..=0x7F => (u32::from(lead), 1),
                0xC0..=0xDF => (u32::from(lead & 0x1F), 2),
                0xE0..=0xEF => (u32::from(lead & 0x0F), 3),
                _ => (u32::from(lead & 0x07), 4),
            };
            for offset in 1..width {
                code_point = (code_point << 6) | u32::from(*bytes.get(index + offset)? & 0x3F);
            }
            index += width;
            Some(code_point)
        })
    }

    /// `hash(s)`, cached.
    #[inline]
    pub fn hash_value(&self, _ts: &ThreadState) -> isize {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        self.compute_hash()
    }

    #[cold]
    fn compute_hash(&self) -> isize {
        let hash = if self.is_ascii() {
            crate::pyhash::hash_bytes(self.as_bytes())
        } else {
            crate::pyhash::hash_bytes(&self.pep393_bytes())
        };
        self.hash.set(hash);
        hash
    }

    /// The bytes CPython hashes: each code point in the narrowest of 1, 2 or 4 bytes that
    /// holds the largest one, little-endian.
    fn pep393_bytes(&self) -> Vec<u8> {
        let max = self.code_points().max().unwrap_or(0);
        let width = if max <= 0xFF {
            1
        } else if max <= 0xFFFF {
            2
        } else {
            4
        };
        let mut bytes = Vec::with_capacity(self.len * width);
        for code_point in self.code_points() {
            bytes.extend_from_slice(&code_point.to_le_bytes()[..width]);
        }
        bytes
    }

    /// The `index`th code point (`0 <= index < len`), in constant time (ASCII text is
    /// indexed directly, other text through its code-point array).
    pub fn code_point_at(&self, index: usize) -> Option<u32> {
        if self.is_ascii() {
            return self.as_bytes().get(index).map(|&byte| u32::from(byte));
        }
        self.code_point_array().get(index).copied()
    }

    /// The text for messages: surrogates as U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        match self.as_str() {
            Some(text) => text.to_owned(),
            None => String::from_utf8_lossy(self.as_bytes()).into_owned(),
        }
    }
}

const fn count_code_points(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] & 0xC0 != 0x80 {
            count += 1;
        }
        index += 1;
    }
    count
}

// SAFETY: the text is immutable; the hash cache is only read and written by
// `hash_value`, which takes the thread state.
unsafe impl crate::object::StaticPayload for Str {}

impl PyPayload for Str {
    fn static_type() -> &'static PyType {
        &STR_TYPE
    }
}

/// A new `str` object holding `text`.
pub fn new(ts: &ThreadState, text: &str) -> Py<Str> {
    Py::new(ts, Str::from_py_str(PyStr::from(text)))
}

/// `text[start::step]` for `count` characters (indices already adjusted to the text).
pub fn slice(ts: &ThreadState, text: &Str, start: i64, step: i64, count: usize) -> PyResult {
    if count == 1 {
        return match text.code_point_at(start as usize) {
            Some(code_point) => from_code_point(ts, code_point),
            None => Ok(new(ts, "").into_ref()),
        };
    }
    let positions = (0..count as i64).map(|i| (start + i * step) as usize);
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let selected: String = positions.map(|at| char::from(bytes[at])).collect();
        return Ok(new(ts, &selected).into_ref());
    }
    let code_points = text.code_point_array();
    if step == 1 {
        let start = start as usize;
        return crate::str_methods::str_from_code_points(ts, &code_points[start..start + count]);
    }
    let selected: Vec<u32> = positions.map(|at| code_points[at]).collect();
    crate::str_methods::str_from_code_points(ts, &selected)
}

thread_local! {
    /// The one-character strings of U+0000..U+00FF, shared as in CPython (where they
    /// are immortal singletons): `s[0] is s[0]`.
    static LATIN1_CHARS: std::cell::RefCell<Vec<Option<PyRef>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The one-character string of `code_point` (shared for Latin-1 characters).
pub fn from_code_point(ts: &ThreadState, code_point: u32) -> PyResult {
    let make = || match PyStr::from_code_points([code_point]) {
        Ok(value) => Ok(from_py_str(ts, value).into_ref()),
        Err(_) => Err(PyErr::new(
            ExceptionKind::ValueError,
            "character code point out of range",
        )),
    };
    if code_point >= 256 {
        return make();
    }
    let cached = LATIN1_CHARS.with(|chars| {
        chars
            .borrow()
            .get(code_point as usize)
            .and_then(Option::clone)
    });
    if let Some(cached) = cached {
        return Ok(cached);
    }
    let made = make()?;
    LATIN1_CHARS.with(|chars| {
        let mut chars = chars.borrow_mut();
        if chars.len() < 256 {
            chars.resize(256, None);
        }
        chars[code_point as usize] = Some(made.clone());
    });
    Ok(made)
}

/// A new `str` object from a Python string value (which may hold surrogates).
pub fn from_py_str(ts: &ThreadState, value: PyStr) -> Py<Str> {
    Py::new(ts, Str::from_py_str(value))
}

/// FNV-1a: the interned-string table is keyed by short identifiers looked up on hot
/// paths (`lookup_str("__init__")`), where SipHash's setup dominates. The keys are the
/// runtime's own names and user identifiers, not attacker-chosen dict keys.
#[derive(Default)]
struct IdentifierHasher(u64);

impl std::hash::Hasher for IdentifierHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type InternTable = HashMap<Box<[u8]>, PyRef, std::hash::BuildHasherDefault<IdentifierHasher>>;

/// The interned strings (CPython's `interned` dict), each immortal.
static INTERNED: GilCell<Option<InternTable>> = GilCell::new(None);

const RECENT_INTERNS: usize = 256;

thread_local! {
    /// Recent `intern` answers by the address and length of the text asked for: the
    /// runtime asks again and again with the same static names (`"__init__"`, ...).
    /// Only ASCII answers are kept; a hit is confirmed by comparing the text.
    static RECENT: [Cell<(usize, Option<std::ptr::NonNull<PyObject>>)>; RECENT_INTERNS] =
        const { [const { Cell::new((0, None)) }; RECENT_INTERNS] };
}

/// `sys.intern(text)`: the one immortal `str` object with this text.
pub fn intern(ts: &ThreadState, text: &str) -> PyRef {
    let address = text.as_ptr() as usize;
    let slot = ((address >> 3) ^ (address >> 12) ^ text.len()) % RECENT_INTERNS;
    let recent = RECENT.try_with(|recent| recent[slot].get()).ok();
    if let Some((recent_address, Some(object))) = recent
        && recent_address == address
    {
        // SAFETY: only interned strings are recorded, and they are immortal: never freed.
        let object = unsafe { object.as_ref() };
        if as_str_payload(object).is_some_and(|found| found.as_bytes() == text.as_bytes()) {
            return object.new_ref();
        }
    }
    let found = intern_uncached(ts, text);
    if as_str_payload(&found).is_some_and(Str::is_ascii) && found.is_immortal() {
        let entry = (address, Some(std::ptr::NonNull::from(&*found)));
        let _ = RECENT.try_with(|recent| recent[slot].set(entry));
    }
    found
}

fn intern_uncached(ts: &ThreadState, text: &str) -> PyRef {
    if let Some(found) = INTERNED
        .borrow(ts)
        .as_ref()
        .and_then(|table| table.get(text.as_bytes()))
    {
        return found.clone();
    }
    let string = new(ts, text).into_ref();
    string.immortalize(ts);
    INTERNED
        .borrow_mut(ts)
        .get_or_insert_with(InternTable::default)
        .insert(text.as_bytes().into(), string.clone());
    string
}

/// A `str` object over static text, without copying it.
pub fn from_static_text(ts: &ThreadState, text: &'static str) -> PyRef {
    Py::new(ts, Str::from_static(text)).into_ref()
}

/// The payload of a `str` object.
pub fn as_str_payload(object: &PyObject) -> Option<&Str> {
    object.downcast_ref::<Str>().map(|string| string.payload())
}

/// The text of a `str` object (surrogates as U+FFFD); empty for other objects.
pub fn to_rust_string(object: &PyObject) -> String {
    as_str_payload(object).map_or_else(String::new, Str::to_string_lossy)
}

/// `repr(obj)` as Rust text.
pub fn repr_text(ts: &ThreadState, object: &PyObject) -> PyResult<String> {
    let repr = object.repr(ts)?;
    Ok(to_rust_string(&repr))
}

/// `repr(obj)` as Rust text, or the error's description (for tests and diagnostics).
pub fn repr_string(ts: &ThreadState, object: &PyObject) -> String {
    match object.repr(ts) {
        Ok(repr) => to_rust_string(&repr),
        Err(err) => format!("<repr failed: {}>", err.display_lazy()),
    }
}

fn str_payload<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a Str> {
    as_str_payload(object).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{method}' requires a 'str' object but received a '{}'",
            object.ob_type().name()
        ))
    })
}

fn str_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let string = str_payload(object, "__repr__")?;
    let text = match string.as_str() {
        Some(text) => pyrite_ast::repr::text_repr(text),
        None => match PyStr::from_surrogatepass_utf8(string.as_bytes()) {
            Some(value) => pyrite_ast::repr::str_repr(&value),
            None => return Err(PyErr::new(ExceptionKind::SystemError, "malformed str")),
        },
    };
    Ok(new(ts, &text).into_ref())
}

/// `str(s)`: an exact `str` is returned as is.
fn str_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    let string = str_payload(object, "__str__")?;
    if object.is_exact_type(&STR_TYPE) {
        return Ok(object.new_ref());
    }
    let value = PyStr::from_surrogatepass_utf8(string.as_bytes()).unwrap_or_default();
    Ok(from_py_str(ts, value).into_ref())
}

fn str_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    Ok(str_payload(object, "__hash__")?.hash_value(ts))
}

fn str_richcompare(_ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(a), Some(b)) = (as_str_payload(a), as_str_payload(b)) else {
        return Ok(not_implemented());
    };
    Ok(crate::bool::bool_ref(
        op.matches(a.as_bytes().cmp(b.as_bytes())),
    ))
}

fn str_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(str_payload(object, "__len__")?.len())
}

fn str_item(ts: &ThreadState, object: &PyObject, index: isize) -> PyResult {
    let string = str_payload(object, "__getitem__")?;
    let found = usize::try_from(index)
        .ok()
        .and_then(|index| string.code_point_at(index));
    match found {
        Some(code_point) => from_code_point(ts, code_point),
        None => Err(PyErr::new(
            ExceptionKind::IndexError,
            "string index out of range",
        )),
    }
}

fn str_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    let string = str_payload(object, "__getitem__")?;
    let Some(index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error(format!(
            "string indices must be integers, not '{}'",
            key.ob_type().name()
        )));
    };
    let index = if index < 0 {
        index + string.len() as isize
    } else {
        index
    };
    str_item(ts, object, index)
}

pub static STR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Str>(
        "str",
        flags::BASETYPE | flags::UNICODE_SUBCLASS,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(str_repr),
        str: Slot::new(str_str),
        hash: Slot::new(str_hash),
        richcompare: Slot::new(str_richcompare),
        new: Slot::new(crate::methods::constructors::str_new),
        iter: Slot::new(crate::iterobject::builtin_iter),
        ..crate::typeobject::object_slots()
    })
    .with_number(crate::slots::NumberSlots {
        remainder: Slot::new(crate::abstract_ops::str_remainder),
        ..crate::slots::NumberSlots::EMPTY
    })
    .with_sequence(SequenceSlots {
        length: Slot::new(str_length),
        item: Slot::new(str_item),
        concat: Slot::new(crate::abstract_ops::builtin_concat),
        repeat: Slot::new(crate::abstract_ops::builtin_repeat),
        contains: Slot::new(crate::abstract_ops::builtin_contains),
        ..SequenceSlots::EMPTY
    })
    .with_mapping(MappingSlots {
        length: Slot::new(str_length),
        subscript: Slot::new(str_subscript),
        ..MappingSlots::EMPTY
    }),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;

    static IDENTIFIER: StaticObject<Str> =
        StaticObject::new(&STR_TYPE, Str::from_static("__init__"));

    /// Expected values: 64-bit CPython with `PYTHONHASHSEED=0` (the hash key this crate
    /// uses until start-up sets one). The 32-bit oracle uses FNV and cannot give them.
    #[test]
    fn str_hashes_match_cpython_with_seed_zero() {
        with_gil(|ts| {
            let cases: &[(&[u32], isize)] = &[
                (&[], 0),
                (&[0x61], 4644417185603328019),
                (&[0x61, 0x62, 0x63], -4594863902769663758),
                (&[0xE9], 6047309291227476195),
                (&[0x20AC, 0x75, 0x72, 0x6F], 7542247858446192590),
                (&[0x1F600], -3536540696076613844),
                (&[0xD800], 5926611903945376553),
            ];
            for &(code_points, expected) in cases {
                let value = PyStr::from_code_points(code_points.iter().copied()).unwrap();
                let string = from_py_str(ts, value);
                assert_eq!(
                    string.as_object().hash(ts).unwrap(),
                    expected,
                    "{code_points:x?}"
                );
            }
            let long = new(ts, "hello world, a longer string");
            assert_eq!(long.as_object().hash(ts).unwrap(), -3895529945874917250);
        });
    }

    #[test]
    fn interned_strings_are_shared_immortals() {
        with_gil(|ts| {
            let a = intern(ts, "pyrite_interned");
            let b = intern(ts, "pyrite_interned");
            assert!(a.is(&b));
            assert!(a.is_immortal());
            assert!(!intern(ts, "other").is(&a));
        });
    }

    #[test]
    fn static_strings_are_immortal_and_compare_by_value() {
        with_gil(|ts| {
            let object = IDENTIFIER.to_ref();
            assert!(object.is_immortal());
            assert_eq!(IDENTIFIER.len(), 8);
            let copy = new(ts, "__init__").into_ref();
            assert!(object.rich_compare_bool(ts, &copy, CompareOp::Eq).unwrap());
            assert_eq!(object.hash(ts).unwrap(), copy.hash(ts).unwrap());
        });
    }

    /// Expected values from CPython 3.14: reprs, ordering, indexing, errors.
    #[test]
    fn str_slots_work_end_to_end() {
        with_gil(|ts| {
            let text = new(ts, "it's é😀").into_ref();
            assert_eq!(repr_string(ts, &text), "\"it's é😀\"");
            assert_eq!(crate::abstract_api::len(ts, &text).unwrap(), 7);
            let last = crate::abstract_api::get_item(ts, &text, &crate::int::new(ts, -1)).unwrap();
            assert_eq!(repr_string(ts, &last), "'😀'");
            let err =
                crate::abstract_api::get_item(ts, &text, &crate::int::new(ts, 7)).unwrap_err();
            assert_eq!(err.display_lazy(), "IndexError: string index out of range");
            let err = crate::abstract_api::get_item(ts, &text, &text).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: string indices must be integers, not 'str'"
            );
            let a = new(ts, "\u{FFFF}").into_ref();
            let b = new(ts, "\u{10000}").into_ref();
            assert!(a.rich_compare_bool(ts, &b, CompareOp::Lt).unwrap());
            let err = a
                .rich_compare(ts, &crate::int::new(ts, 1), CompareOp::Lt)
                .unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: '<' not supported between instances of 'str' and 'int'"
            );
            assert!(text.str(ts).unwrap().is(&text));
        });
    }
}
