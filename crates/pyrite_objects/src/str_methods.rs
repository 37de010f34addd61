//! The methods of `str`: searching, splitting, case mapping, the `is*` predicates,
//! padding, `translate`/`maketrans`, `encode`, `format`/`format_map`.
//!
//! CPython counterpart: the `unicode_methods` table of `Objects/unicodeobject.c`, with
//! `Objects/unicodectype.c` (character properties), `Objects/stringlib/unicode_format.h`
//! (`str.format`) and the algorithms shared with `bytes` in [`crate::stringlib`]. Methods
//! work on the code points of the string (surrogates included) and build new strings
//! from code points.

use unicode_general_category::{GeneralCategory, get_general_category};

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::str::Str;
use crate::stringlib::{self, Justify};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

/// The code points of a string.
pub fn code_points_of(text: &Str) -> Vec<u32> {
    match text.as_str() {
        Some(text) if text.is_ascii() => text.bytes().map(u32::from).collect(),
        Some(text) => text.chars().map(u32::from).collect(),
        None => pyrite_ast::PyStr::from_surrogatepass_utf8(text.as_bytes())
            .map(|value| value.code_points().collect())
            .unwrap_or_default(),
    }
}

/// A new `str` from code points (surrogates allowed).
pub fn str_from_code_points(ts: &ThreadState, units: &[u32]) -> PyResult {
    if units.iter().all(|&u| u < 0x80) {
        let text: String = units.iter().map(|&u| u as u8 as char).collect();
        return Ok(crate::str::new(ts, &text).into_ref());
    }
    match pyrite_ast::PyStr::from_code_points(units.iter().copied()) {
        Ok(value) => Ok(crate::str::from_py_str(ts, value).into_ref()),
        Err(_) => Err(PyErr::new(
            ExceptionKind::ValueError,
            "character code point out of range",
        )),
    }
}

/// `ascii(text)`'s escaping of non-ASCII characters (applied to a repr).
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(c);
        } else if code < 0x100 {
            out.push_str(&format!("\\x{code:02x}"));
        } else if code < 0x10000 {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push_str(&format!("\\U{code:08x}"));
        }
    }
    out
}

/// The text of an ASCII `str` (the fast paths: its bytes are its code points).
fn ascii_text(object: &PyObject) -> Option<&str> {
    crate::str::as_str_payload(object)
        .filter(|text| text.is_ascii())
        .and_then(Str::as_str)
}

/// `units` as bytes when every one is ASCII.
fn ascii_units(units: &[u32]) -> Option<Vec<u8>> {
    units
        .iter()
        .map(|&unit| u8::try_from(unit).ok().filter(u8::is_ascii))
        .collect()
}

fn ascii_str(ts: &ThreadState, bytes: &[u8]) -> PyRef {
    crate::str::new(ts, std::str::from_utf8(bytes).unwrap_or_default()).into_ref()
}

/// The code points of `self`: ASCII text converted afresh, other text borrowed from the
/// string's code-point array (so repeated calls with offsets stay linear).
fn this_units(this: &PyObject) -> PyResult<std::borrow::Cow<'_, [u32]>> {
    match crate::str::as_str_payload(this) {
        Some(text) if text.is_ascii() => Ok(std::borrow::Cow::Owned(code_points_of(text))),
        Some(text) => Ok(std::borrow::Cow::Borrowed(text.code_point_array())),
        None => Err(PyErr::type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            this.ob_type().name()
        ))),
    }
}

fn str_units_arg(value: &PyObject, message: impl FnOnce(&str) -> String) -> PyResult<Vec<u32>> {
    match crate::str::as_str_payload(value) {
        Some(text) => Ok(code_points_of(text)),
        None => Err(PyErr::type_error(message(arg_type_name(value)))),
    }
}

/// A type's name in argument errors: CPython says `None` for `NoneType`.
pub fn arg_type_name(value: &PyObject) -> &str {
    if crate::singletons::is_none(value) {
        "None"
    } else {
        value.ob_type().name()
    }
}

fn must_be_str(function: &str, position: usize) -> impl FnOnce(&str) -> String + '_ {
    move |name| format!("{function}() argument {position} must be str, not {name}")
}

fn make(ts: &ThreadState, units: &[u32]) -> PyResult {
    str_from_code_points(ts, units)
}

fn is_none(value: Option<&PyObject>) -> bool {
    value.is_none_or(crate::singletons::is_none)
}

// ----- character properties (CPython's unicodectype.c) -----

fn category(code: u32) -> Option<GeneralCategory> {
    char::from_u32(code).map(get_general_category)
}

pub fn is_space(code: u32) -> bool {
    (0x1C..=0x1F).contains(&code) || char::from_u32(code).is_some_and(char::is_whitespace)
}

pub fn is_linebreak(code: u32) -> bool {
    matches!(
        code,
        0x0A | 0x0B | 0x0C | 0x0D | 0x1C | 0x1D | 0x1E | 0x85 | 0x2028 | 0x2029
    )
}

pub fn is_alpha(code: u32) -> bool {
    matches!(
        category(code),
        Some(
            GeneralCategory::UppercaseLetter
                | GeneralCategory::LowercaseLetter
                | GeneralCategory::TitlecaseLetter
                | GeneralCategory::ModifierLetter
                | GeneralCategory::OtherLetter
        )
    )
}

pub fn is_decimal(code: u32) -> bool {
    category(code) == Some(GeneralCategory::DecimalNumber)
}

/// Digits that are not decimal (superscripts, circled digits...): Numeric_Type=Digit.
fn is_digit(code: u32) -> bool {
    is_decimal(code)
        || matches!(code,
            0xB2 | 0xB3 | 0xB9 | 0x1369..=0x1371 | 0x19DA | 0x2070 | 0x2074..=0x2079
            | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490
            | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788
            | 0x278A..=0x2792 | 0x10A40..=0x10A43 | 0x10E60..=0x10E68 | 0x11052..=0x1105A
            | 0x1F100..=0x1F10A)
}

pub fn is_numeric(code: u32) -> bool {
    is_digit(code)
        || matches!(
            category(code),
            Some(GeneralCategory::LetterNumber | GeneralCategory::OtherNumber)
        )
        || matches!(
            code,
            0x3007
                | 0x4E00
                | 0x4E8C
                | 0x4E09
                | 0x56DB
                | 0x4E94
                | 0x516D
                | 0x4E03
                | 0x516B
                | 0x4E5D
                | 0x5341
                | 0x767E
                | 0x5343
                | 0x4E07
                | 0x5104
                | 0x5146
                | 0x96F6
                | 0x58F9
                | 0x8CB3
                | 0x53C3
                | 0x8086
                | 0x4F0D
                | 0x9678
                | 0x67D2
                | 0x634C
                | 0x7396
                | 0x62FE
        )
}

fn is_upper(code: u32) -> bool {
    char::from_u32(code).is_some_and(char::is_uppercase)
}

fn is_lower(code: u32) -> bool {
    char::from_u32(code).is_some_and(char::is_lowercase)
}

fn is_title(code: u32) -> bool {
    category(code) == Some(GeneralCategory::TitlecaseLetter)
}

fn is_cased(code: u32) -> bool {
    is_upper(code) || is_lower(code) || is_title(code)
}

fn is_case_ignorable(code: u32) -> bool {
    matches!(
        code,
        0x27 | 0x2E | 0x3A | 0x5E | 0x60 | 0xA8 | 0xAD | 0xAF | 0xB4 | 0xB7 | 0xB8 | 0x2019
    ) || matches!(
        category(code),
        Some(
            GeneralCategory::NonspacingMark
                | GeneralCategory::EnclosingMark
                | GeneralCategory::Format
                | GeneralCategory::ModifierLetter
                | GeneralCategory::ModifierSymbol
        )
    )
}

fn push_mapped(out: &mut Vec<u32>, mapped: impl Iterator<Item = char>) {
    out.extend(mapped.map(u32::from));
}

fn push_lower(out: &mut Vec<u32>, units: &[u32], at: usize) {
    let code = units[at];
    if code == 0x3A3 {
        out.push(if final_sigma(units, at) { 0x3C2 } else { 0x3C3 });
        return;
    }
    match char::from_u32(code) {
        Some(c) => push_mapped(out, c.to_lowercase()),
        None => out.push(code),
    }
}

/// CPython's final-sigma rule: a capital sigma after a cased letter and not before one.
fn final_sigma(units: &[u32], at: usize) -> bool {
    let before = units[..at]
        .iter()
        .rev()
        .find(|&&u| !is_case_ignorable(u))
        .is_some_and(|&u| is_cased(u));
    let after = units[at + 1..]
        .iter()
        .find(|&&u| !is_case_ignorable(u))
        .is_some_and(|&u| is_cased(u));
    before && !after
}

fn push_upper(out: &mut Vec<u32>, code: u32) {
    match char::from_u32(code) {
        Some(c) => push_mapped(out, c.to_uppercase()),
        None => out.push(code),
    }
}

/// Titlecase mapping: the uppercase mapping except for digraphs, ligatures and Greek
/// letters with ypogegrammeni (SpecialCasing.txt / UnicodeData.txt).
fn push_title(out: &mut Vec<u32>, code: u32) {
    let single = match code {
        0x1C4..=0x1C6 => Some(0x1C5),
        0x1C7..=0x1C9 => Some(0x1C8),
        0x1CA..=0x1CC => Some(0x1CB),
        0x1F1..=0x1F3 => Some(0x1F2),
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => Some(code + 8),
        0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF => Some(code),
        0x1FB3 => Some(0x1FBC),
        0x1FC3 => Some(0x1FCC),
        0x1FF3 => Some(0x1FFC),
        _ => None,
    };
    if let Some(single) = single {
        out.push(single);
        return;
    }
    let multi: Option<&str> = match code {
        0xDF => Some("Ss"),
        0xFB00 => Some("Ff"),
        0xFB01 => Some("Fi"),
        0xFB02 => Some("Fl"),
        0xFB03 => Some("Ffi"),
        0xFB04 => Some("Ffl"),
        0xFB05 | 0xFB06 => Some("St"),
        0x587 => Some("\u{535}\u{582}"),
        0xFB13 => Some("\u{544}\u{576}"),
        0xFB14 => Some("\u{544}\u{565}"),
        0xFB15 => Some("\u{544}\u{56B}"),
        0xFB16 => Some("\u{54E}\u{576}"),
        0xFB17 => Some("\u{544}\u{56D}"),
        _ => None,
    };
    match multi {
        Some(text) => push_mapped(out, text.chars()),
        None => push_upper(out, code),
    }
}

fn push_casefold(out: &mut Vec<u32>, code: u32) {
    let folded: Option<&str> = match code {
        0xDF | 0x1E9E => Some("ss"),
        0x130 => Some("i\u{307}"),
        0x149 => Some("\u{2BC}n"),
        0x17F => Some("s"),
        0x1F0 => Some("j\u{30C}"),
        0x345 => Some("\u{3B9}"),
        0x3C2 => Some("\u{3C3}"),
        0x3D0 => Some("\u{3B2}"),
        0x3D1 => Some("\u{3B8}"),
        0x3D5 => Some("\u{3C6}"),
        0x3D6 => Some("\u{3C0}"),
        0x3F0 => Some("\u{3BA}"),
        0x3F1 => Some("\u{3C1}"),
        0x3F5 => Some("\u{3B5}"),
        0x1E9B => Some("\u{1E61}"),
        0x1FBE => Some("\u{3B9}"),
        0xFB00 => Some("ff"),
        0xFB01 => Some("fi"),
        0xFB02 => Some("fl"),
        0xFB03 => Some("ffi"),
        0xFB04 => Some("ffl"),
        0xFB05 | 0xFB06 => Some("st"),
        0x13F8..=0x13FD => None,
        0xAB70..=0xABBF => None,
        _ => None,
    };
    if let Some(text) = folded {
        push_mapped(out, text.chars());
        return;
    }
    // Cherokee folds to uppercase, unlike every other script.
    if (0xAB70..=0xABBF).contains(&code) {
        out.push(code - 0xAB70 + 0x13A0);
        return;
    }
    if (0x13F8..=0x13FD).contains(&code) {
        out.push(code - 8);
        return;
    }
    if (0x13A0..=0x13F5).contains(&code) {
        out.push(code);
        return;
    }
    match char::from_u32(code) {
        Some(c) if c.to_uppercase().count() > 1 => {
            // Full folding of characters with multi-character uppercase (ŉ, ΐ, ...):
            // lowercase of the uppercase form.
            for upper in c.to_uppercase() {
                push_mapped(out, upper.to_lowercase());
            }
        }
        Some(c) => push_mapped(out, c.to_lowercase()),
        None => out.push(code),
    }
}

// ----- constructor -----

pub(crate) fn str_new(
    ts: &ThreadState,
    ty: &crate::typeobject::PyType,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let parsed = stringlib::parse_args(
        "str",
        args,
        kwnames,
        &["object", "encoding", "errors"],
        0,
        0,
    )?;
    let text = if parsed.get(1).is_none() && parsed.get(2).is_none() {
        match parsed.get(0) {
            None => crate::str::new(ts, "").into_ref(),
            Some(value) => value.str(ts)?,
        }
    } else {
        let encoding = crate::unicode_codecs::text_arg("str", "encoding", 2, parsed.get(1))?;
        let errors = crate::unicode_codecs::text_arg("str", "errors", 3, parsed.get(2))?;
        let source = parsed.get(0).unwrap_or(crate::singletons::NONE.as_object());
        let Some(data) = crate::bytes::bytes_like(source) else {
            if crate::str::as_str_payload(source).is_some() {
                return Err(PyErr::type_error("decoding str is not supported"));
            }
            return Err(PyErr::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                source.ob_type().name()
            )));
        };
        crate::unicode_codecs::decode(
            ts,
            &data,
            encoding.as_deref().unwrap_or("utf-8"),
            errors.as_deref().unwrap_or("strict"),
        )?
    };
    if std::ptr::eq(ty, &*crate::str::STR_TYPE) {
        return Ok(text);
    }
    let value = crate::str::as_str_payload(&text)
        .map(|payload| {
            pyrite_ast::PyStr::from_surrogatepass_utf8(payload.as_bytes()).unwrap_or_default()
        })
        .unwrap_or_default();
    match crate::object::Py::new_with_type(ts, ty, Str::from_py_str(value)) {
        Some(object) => Ok(object.into_ref()),
        None => Ok(text),
    }
}

// ----- searching -----

fn search_args(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<(Vec<u32>, Option<isize>, Option<isize>)> {
    let parsed = stringlib::parse_args(
        &format!("str.{name}"),
        args,
        kwnames,
        &["sub", "start", "end"],
        3,
        1,
    )?;
    let needle = str_units_arg(parsed.required(0), must_be_str(name, 1))?;
    let start = stringlib::slice_index(ts, parsed.get(1))?;
    let end = stringlib::slice_index(ts, parsed.get(2))?;
    Ok((needle, start, end))
}

fn find_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    from_right: bool,
) -> PyResult<Option<usize>> {
    let (needle, start, end) = search_args(ts, name, args, kw)?;
    if let Some(text) = ascii_text(this) {
        let hay = text.as_bytes();
        let (start, end) = stringlib::adjust_indices(start, end, hay.len());
        let Some(needle) = ascii_units(&needle) else {
            return Ok(None);
        };
        return Ok(if from_right {
            stringlib::rfind(hay, &needle, start, end)
        } else {
            stringlib::find(hay, &needle, start, end)
        });
    }
    let units = this_units(this)?;
    let (start, end) = stringlib::adjust_indices(start, end, units.len());
    Ok(if from_right {
        stringlib::rfind(&units, &needle, start, end)
    } else {
        stringlib::find(&units, &needle, start, end)
    })
}

fn method_find(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let found = find_common(ts, this, args, kw, "find", false)?;
    Ok(crate::int::new(ts, found.map_or(-1, |at| at as i64)))
}

fn method_rfind(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let found = find_common(ts, this, args, kw, "rfind", true)?;
    Ok(crate::int::new(ts, found.map_or(-1, |at| at as i64)))
}

fn method_index(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    match find_common(ts, this, args, kw, "index", false)? {
        Some(at) => Ok(crate::int::new(ts, at as i64)),
        None => Err(PyErr::new(ExceptionKind::ValueError, "substring not found")),
    }
}

fn method_rindex(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    match find_common(ts, this, args, kw, "rindex", true)? {
        Some(at) => Ok(crate::int::new(ts, at as i64)),
        None => Err(PyErr::new(ExceptionKind::ValueError, "substring not found")),
    }
}

fn method_count(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let units = this_units(this)?;
    let (needle, start, end) = search_args(ts, "count", args, kw)?;
    let (start, end) = stringlib::adjust_indices(start, end, units.len());
    let found = stringlib::count(&units, &needle, start, end, usize::MAX);
    Ok(crate::int::new(ts, found as i64))
}

fn affix_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    at_end: bool,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args(
        &format!("str.{name}"),
        args,
        kw,
        &["prefix", "start", "end"],
        3,
        1,
    )?;
    let affix = parsed.required(0);
    let start = stringlib::slice_index(ts, parsed.get(1))?;
    let end = stringlib::slice_index(ts, parsed.get(2))?;
    let (start, end) = stringlib::adjust_indices(start, end, units.len());
    let is_tuple = affix.payload_is::<crate::tuple::Tuple>();
    let candidates: Vec<PyRef> = if is_tuple {
        crate::tuple::items(affix).to_vec()
    } else {
        vec![affix.new_ref()]
    };
    for candidate in &candidates {
        let Some(text) = crate::str::as_str_payload(candidate) else {
            return Err(PyErr::type_error(if is_tuple {
                format!(
                    "tuple for {name} must only contain str, not {}",
                    candidate.ob_type().name()
                )
            } else {
                format!(
                    "{name} first arg must be str or a tuple of str, not {}",
                    candidate.ob_type().name()
                )
            }));
        };
        if stringlib::tailmatch(&units, &code_points_of(text), start, end, at_end) {
            return Ok(crate::bool::true_ref());
        }
    }
    Ok(crate::bool::false_ref())
}

fn method_startswith(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    affix_common(ts, this, args, kw, "startswith", false)
}

fn method_endswith(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    affix_common(ts, this, args, kw, "endswith", true)
}

// ----- splitting and joining -----

fn sep_arg(value: Option<&PyObject>) -> PyResult<Option<Vec<u32>>> {
    if is_none(value) {
        return Ok(None);
    }
    let value = value.unwrap_or(crate::singletons::NONE.as_object());
    let sep = str_units_arg(value, |name| format!("must be str or None, not {name}"))?;
    if sep.is_empty() {
        return Err(PyErr::new(ExceptionKind::ValueError, "empty separator"));
    }
    Ok(Some(sep))
}

fn parts_list(ts: &ThreadState, parts: Vec<&[u32]>) -> PyResult {
    let items = parts
        .into_iter()
        .map(|part| make(ts, part))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(crate::list::new(ts, items).into_ref())
}

fn split_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    from_right: bool,
) -> PyResult {
    let parsed =
        stringlib::parse_args(&format!("str.{name}"), args, kw, &["sep", "maxsplit"], 0, 0)?;
    let sep = sep_arg(parsed.get(0))?;
    let maxsplit = stringlib::index_arg_or(ts, parsed.get(1), -1)?;
    if let Some(text) = ascii_text(this) {
        let hay = text.as_bytes();
        let ascii_sep = sep.as_deref().map(ascii_units);
        if !matches!(ascii_sep, Some(None)) {
            let is_ascii_space = |b: u8| is_space(u32::from(b));
            let parts = match (ascii_sep.flatten(), from_right) {
                (Some(sep), false) => stringlib::split(hay, &sep, maxsplit),
                (Some(sep), true) => stringlib::rsplit(hay, &sep, maxsplit),
                (None, false) => stringlib::split_whitespace(hay, maxsplit, is_ascii_space),
                (None, true) => stringlib::rsplit_whitespace(hay, maxsplit, is_ascii_space),
            };
            let items = parts.into_iter().map(|part| ascii_str(ts, part)).collect();
            return Ok(crate::list::new(ts, items).into_ref());
        }
    }
    let units = this_units(this)?;
    let parts = match (&sep, from_right) {
        (Some(sep), false) => stringlib::split(&units, sep, maxsplit),
        (Some(sep), true) => stringlib::rsplit(&units, sep, maxsplit),
        (None, false) => stringlib::split_whitespace(&units, maxsplit, is_space),
        (None, true) => stringlib::rsplit_whitespace(&units, maxsplit, is_space),
    };
    parts_list(ts, parts)
}

fn method_split(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    split_common(ts, this, args, kw, "split", false)
}

fn method_rsplit(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    split_common(ts, this, args, kw, "rsplit", true)
}

fn method_splitlines(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args("str.splitlines", args, kw, &["keepends"], 0, 0)?;
    let keepends = match parsed.get(0) {
        Some(value) => value.is_true(ts)?,
        None => false,
    };
    parts_list(ts, stringlib::splitlines(&units, keepends, is_linebreak))
}

fn partition_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    from_right: bool,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args(&format!("str.{name}"), args, kw, &["sep"], 1, 1)?;
    let sep = str_units_arg(parsed.required(0), |n| format!("must be str, not {n}"))?;
    if sep.is_empty() {
        return Err(PyErr::new(ExceptionKind::ValueError, "empty separator"));
    }
    let (head, found, tail) = stringlib::partition(&units, &sep, from_right);
    let middle: &[u32] = if found { &sep } else { &[] };
    let items = vec![make(ts, head)?, make(ts, middle)?, make(ts, tail)?];
    Ok(crate::tuple::new(ts, items).into_ref())
}

fn method_partition(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    partition_common(ts, this, args, kw, "partition", false)
}

fn method_rpartition(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    partition_common(ts, this, args, kw, "rpartition", true)
}

fn method_join(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = stringlib::parse_args("str.join", args, kw, &["iterable"], 1, 1)?;
    let separator = match crate::str::as_str_payload(this) {
        Some(text) => text.as_bytes().to_vec(),
        None => return Err(PyErr::type_error("join() requires a str")),
    };
    let iterable = parsed.required(0);
    let items = crate::iterobject::collect(ts, iterable).map_err(|err| {
        if err.is(ExceptionKind::TypeError) && crate::iterobject::get_iter(ts, iterable).is_err() {
            PyErr::type_error("can only join an iterable")
        } else {
            err
        }
    })?;
    let mut bytes = Vec::new();
    for (position, item) in items.iter().enumerate() {
        let Some(text) = crate::str::as_str_payload(item) else {
            return Err(PyErr::type_error(format!(
                "sequence item {position}: expected str instance, {} found",
                item.ob_type().name()
            )));
        };
        if position > 0 {
            bytes.extend_from_slice(&separator);
        }
        bytes.extend_from_slice(text.as_bytes());
    }
    Ok(crate::abstract_ops::str_from_bytes(ts, &bytes))
}

// ----- transforming -----

fn method_replace(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args("str.replace", args, kw, &["old", "new", "count"], 2, 2)?;
    let old = str_units_arg(parsed.required(0), must_be_str("replace", 1))?;
    let new = str_units_arg(parsed.required(1), must_be_str("replace", 2))?;
    let count = stringlib::index_arg_or(ts, parsed.get(2), -1)?;
    make(ts, &stringlib::replace(&units, &old, &new, count))
}

fn strip_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args(&format!("str.{name}"), args, kw, &["chars"], 1, 0)?;
    let stripped = if is_none(parsed.get(0)) {
        stringlib::strip(&units, left, right, is_space)
    } else {
        let chars = str_units_arg(parsed.required(0), |_| {
            format!("{name} arg must be None or str")
        })?;
        stringlib::strip(&units, left, right, |u| chars.contains(&u))
    };
    make(ts, stripped)
}

fn method_strip(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    strip_common(ts, this, args, kw, "strip", true, true)
}

fn method_lstrip(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    strip_common(ts, this, args, kw, "lstrip", true, false)
}

fn method_rstrip(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    strip_common(ts, this, args, kw, "rstrip", false, true)
}

fn affix_remove(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    suffix: bool,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args(
        &format!("str.{name}"),
        args,
        kw,
        &[if suffix { "suffix" } else { "prefix" }],
        1,
        1,
    )?;
    let affix = str_units_arg(parsed.required(0), |n| {
        format!("{name}() argument must be str, not {n}")
    })?;
    let kept = if suffix {
        units.strip_suffix(affix.as_slice()).unwrap_or(&units)
    } else {
        units.strip_prefix(affix.as_slice()).unwrap_or(&units)
    };
    make(ts, kept)
}

fn method_removeprefix(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    affix_remove(ts, this, args, kw, "removeprefix", false)
}

fn method_removesuffix(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    affix_remove(ts, this, args, kw, "removesuffix", true)
}

fn justify_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    how: Justify,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args(
        &format!("str.{name}"),
        args,
        kw,
        &["width", "fillchar"],
        2,
        1,
    )?;
    let width = stringlib::index_arg(ts, parsed.required(0))?;
    let fill = match parsed.get(1) {
        None => u32::from(b' '),
        Some(value) => {
            let fill = str_units_arg(value, |n| {
                format!("The fill character must be a unicode character, not {n}")
            })?;
            if fill.len() != 1 {
                return Err(PyErr::type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            fill[0]
        }
    };
    match stringlib::justify(&units, width, fill, how) {
        Some(result) => make(ts, &result),
        None => make(ts, &units),
    }
}

fn method_ljust(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    justify_common(ts, this, args, kw, "ljust", Justify::Left)
}

fn method_rjust(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    justify_common(ts, this, args, kw, "rjust", Justify::Right)
}

fn method_center(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    justify_common(ts, this, args, kw, "center", Justify::Center)
}

fn method_zfill(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args("str.zfill", args, kw, &["width"], 1, 1)?;
    let width = stringlib::index_arg(ts, parsed.required(0))?;
    match stringlib::zfill(&units, width) {
        Some(result) => make(ts, &result),
        None => make(ts, &units),
    }
}

fn method_expandtabs(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args("str.expandtabs", args, kw, &["tabsize"], 0, 0)?;
    let tabsize = stringlib::index_arg_or(ts, parsed.get(0), 8)?;
    make(ts, &stringlib::expandtabs(&units, tabsize))
}

macro_rules! case_method {
    ($name:ident, $text:literal, $body:expr) => {
        fn $name(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
            stringlib::parse_args(concat!("str.", $text), args, kw, &[], 0, 0)?;
            let units = this_units(this)?;
            let transform: fn(&[u32]) -> Vec<u32> = $body;
            make(ts, &transform(&units))
        }
    };
}

fn method_lower(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    if let Some(text) = ascii_text(this) {
        stringlib::parse_args("str.lower", args, kw, &[], 0, 0)?;
        return Ok(crate::str::new(ts, &text.to_ascii_lowercase()).into_ref());
    }
    method_lower_general(ts, this, args, kw)
}

fn method_upper(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    if let Some(text) = ascii_text(this) {
        stringlib::parse_args("str.upper", args, kw, &[], 0, 0)?;
        return Ok(crate::str::new(ts, &text.to_ascii_uppercase()).into_ref());
    }
    method_upper_general(ts, this, args, kw)
}

case_method!(method_lower_general, "lower", |units| {
    let mut out = Vec::with_capacity(units.len());
    for at in 0..units.len() {
        push_lower(&mut out, units, at);
    }
    out
});
case_method!(method_upper_general, "upper", |units| {
    let mut out = Vec::with_capacity(units.len());
    for &code in units {
        push_upper(&mut out, code);
    }
    out
});
case_method!(method_casefold, "casefold", |units| {
    let mut out = Vec::with_capacity(units.len());
    for &code in units {
        push_casefold(&mut out, code);
    }
    out
});
case_method!(method_swapcase, "swapcase", |units| {
    let mut out = Vec::with_capacity(units.len());
    for (at, &code) in units.iter().enumerate() {
        if is_upper(code) {
            push_lower(&mut out, units, at);
        } else if is_lower(code) {
            push_upper(&mut out, code);
        } else {
            out.push(code);
        }
    }
    out
});
case_method!(method_capitalize, "capitalize", |units| {
    let mut out = Vec::with_capacity(units.len());
    for at in 0..units.len() {
        if at == 0 {
            push_title(&mut out, units[0]);
        } else {
            push_lower(&mut out, units, at);
        }
    }
    out
});
case_method!(method_title, "title", |units| {
    let mut out = Vec::with_capacity(units.len());
    let mut previous_cased = false;
    for (at, &code) in units.iter().enumerate() {
        if previous_cased {
            push_lower(&mut out, units, at);
        } else {
            push_title(&mut out, code);
        }
        previous_cased = is_cased(code);
    }
    out
});

macro_rules! predicate_method {
    ($name:ident, $text:literal, $test:expr) => {
        fn $name(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
            stringlib::parse_args(concat!("str.", $text), args, kw, &[], 0, 0)?;
            let units = this_units(this)?;
            let test: fn(&[u32]) -> bool = $test;
            Ok(crate::bool::bool_ref(test(&units)))
        }
    };
}

predicate_method!(method_isalpha, "isalpha", |u| !u.is_empty()
    && u.iter().all(|&c| is_alpha(c)));
predicate_method!(method_isalnum, "isalnum", |u| !u.is_empty()
    && u.iter().all(|&c| is_alpha(c) || is_numeric(c)));
predicate_method!(method_isdecimal, "isdecimal", |u| !u.is_empty()
    && u.iter().all(|&c| is_decimal(c)));
predicate_method!(method_isdigit, "isdigit", |u| !u.is_empty()
    && u.iter().all(|&c| is_digit(c)));
predicate_method!(method_isnumeric, "isnumeric", |u| !u.is_empty()
    && u.iter().all(|&c| is_numeric(c)));
predicate_method!(method_isspace, "isspace", |u| !u.is_empty()
    && u.iter().all(|&c| is_space(c)));
predicate_method!(method_isascii, "isascii", |u| u.iter().all(|&c| c < 0x80));
predicate_method!(method_isprintable, "isprintable", |u| u
    .iter()
    .all(|&c| pyrite_ast::repr::is_printable(c)));
predicate_method!(method_islower, "islower", |u| {
    let mut cased = false;
    for &c in u {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
});
predicate_method!(method_isupper, "isupper", |u| {
    let mut cased = false;
    for &c in u {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
});
predicate_method!(method_istitle, "istitle", |u| {
    let mut cased = false;
    let mut previous_cased = false;
    for &c in u {
        if is_upper(c) || is_title(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
});
predicate_method!(method_isidentifier, "isidentifier", |u| {
    let Some((&first, rest)) = u.split_first() else {
        return false;
    };
    let start = char::from_u32(first).is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c));
    start
        && rest
            .iter()
            .all(|&c| char::from_u32(c).is_some_and(unicode_ident::is_xid_continue))
});

// ----- translate, maketrans, encode -----

fn method_translate(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let units = this_units(this)?;
    let parsed = stringlib::parse_args("str.translate", args, kw, &["table"], 1, 1)?;
    let table = parsed.required(0);
    let mut out = Vec::with_capacity(units.len());
    for &code in units.iter() {
        let key = crate::int::new(ts, i64::from(code));
        let mapped = match crate::abstract_api::get_item(ts, table, &key) {
            Ok(value) => value,
            Err(err) if err.matches(ExceptionKind::LookupError) => {
                out.push(code);
                continue;
            }
            Err(err) => return Err(err),
        };
        if crate::singletons::is_none(&mapped) {
            continue;
        }
        if let Some(text) = crate::str::as_str_payload(&mapped) {
            out.extend(code_points_of(text));
        } else if mapped.payload_is::<crate::int::Int>() {
            match crate::int::as_i64(&mapped) {
                Some(value) if (0..=0x10FFFF).contains(&value) => out.push(value as u32),
                _ => {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        "character mapping must be in range(0x110000)",
                    ));
                }
            }
        } else {
            return Err(PyErr::type_error(
                "character mapping must return integer, None or str",
            ));
        }
    }
    make(ts, &out)
}

fn maketrans(ts: &ThreadState, _unbound: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let parsed = stringlib::parse_args("str.maketrans", args, kw, &["x", "y", "z"], 3, 1)?;
    let table = crate::dict::new(ts);
    let x = parsed.required(0);
    match parsed.get(1) {
        None => {
            let Some(source) = x.downcast_ref::<crate::dict::Dict>() else {
                return Err(PyErr::type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            };
            for (key, value) in source.items() {
                let key = if let Some(text) = crate::str::as_str_payload(&key) {
                    let units = code_points_of(text);
                    if units.len() != 1 {
                        return Err(PyErr::new(
                            ExceptionKind::ValueError,
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    crate::int::new(ts, i64::from(units[0]))
                } else if key.payload_is::<crate::int::Int>() {
                    key
                } else {
                    return Err(PyErr::type_error(
                        "keys in translate table must be strings or integers",
                    ));
                };
                table.set_item(ts, key, value)?;
            }
        }
        Some(y) => {
            let from = str_units_arg(x, |n| {
                format!("maketrans() argument 1 must be str, not {n}")
            })?;
            let to = str_units_arg(y, |n| {
                format!("maketrans() argument 2 must be str, not {n}")
            })?;
            if from.len() != to.len() {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (&a, &b) in from.iter().zip(&to) {
                table.set_item(
                    ts,
                    crate::int::new(ts, i64::from(a)),
                    crate::int::new(ts, i64::from(b)),
                )?;
            }
            if let Some(z) = parsed.get(2) {
                let delete = str_units_arg(z, |n| {
                    format!("maketrans() argument 3 must be str, not {n}")
                })?;
                for &code in &delete {
                    table.set_item(
                        ts,
                        crate::int::new(ts, i64::from(code)),
                        crate::singletons::none(),
                    )?;
                }
            }
        }
    }
    Ok(table.into_ref())
}

fn method_encode(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let Some(text) = crate::str::as_str_payload(this) else {
        return Err(PyErr::type_error("encode() requires a str"));
    };
    let parsed = stringlib::parse_args("str.encode", args, kw, &["encoding", "errors"], 0, 0)?;
    let encoding = crate::unicode_codecs::text_arg("encode", "encoding", 1, parsed.get(0))?;
    let errors = crate::unicode_codecs::text_arg("encode", "errors", 2, parsed.get(1))?;
    let data = crate::unicode_codecs::encode(
        ts,
        text,
        encoding.as_deref().unwrap_or("utf-8"),
        errors.as_deref().unwrap_or("strict"),
    )?;
    Ok(crate::bytes::from_vec(ts, data))
}

fn method_getnewargs(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    stringlib::parse_args("str.__getnewargs__", args, kw, &[], 0, 0)?;
    let copy = make(ts, &this_units(this)?)?;
    Ok(crate::tuple::new(ts, vec![copy]).into_ref())
}

fn method_dunder_format(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let parsed = stringlib::parse_args("str.__format__", args, kw, &["format_spec"], 1, 1)?;
    let spec = str_units_arg(parsed.required(0), |n| {
        format!("__format__() argument must be str, not {n}")
    })?;
    let spec: String = spec.iter().filter_map(|&u| char::from_u32(u)).collect();
    crate::formatter::format_value(ts, this, &spec)
}

// ----- str.format -----

/// Where `str.format` takes its fields from.
struct FormatSource<'a> {
    positional: &'a [PyRef],
    mapping: Option<&'a PyObject>,
    keywords: Vec<(String, PyRef)>,
    auto_index: usize,
    /// `Some(true)` once automatic numbering is used, `Some(false)` for manual.
    automatic: Option<bool>,
}

fn format_error(message: &'static str) -> PyErr {
    PyErr::new(ExceptionKind::ValueError, message)
}

impl FormatSource<'_> {
    fn lookup(&mut self, ts: &ThreadState, name: &str) -> PyResult {
        if self.mapping.is_some() && (name.is_empty() || name.parse::<usize>().is_ok()) {
            return Err(format_error("Format string contains positional fields"));
        }
        if name.is_empty() {
            if self.automatic == Some(false) {
                return Err(format_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.automatic = Some(true);
            let index = self.auto_index;
            self.auto_index += 1;
            return self.positional.get(index).cloned().ok_or_else(|| {
                PyErr::new(
                    ExceptionKind::IndexError,
                    format!("Replacement index {index} out of range for positional args tuple"),
                )
            });
        }
        if let Ok(index) = name.parse::<usize>() {
            if self.automatic == Some(true) {
                return Err(format_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.automatic = Some(false);
            return self.positional.get(index).cloned().ok_or_else(|| {
                PyErr::new(
                    ExceptionKind::IndexError,
                    format!("Replacement index {index} out of range for positional args tuple"),
                )
            });
        }
        let key = crate::str::new(ts, name).into_ref();
        if let Some(mapping) = self.mapping {
            return crate::abstract_api::get_item(ts, mapping, &key);
        }
        self.keywords
            .iter()
            .find(|(candidate, _)| candidate == name)
            .map(|(_, value)| value.clone())
            .ok_or_else(|| PyErr::with_object(ExceptionKind::KeyError, key))
    }
}

/// Resolves `name.attr[index]...` to its value.
fn resolve_field(ts: &ThreadState, source: &mut FormatSource<'_>, field: &[char]) -> PyResult {
    let first_end = field
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(field.len());
    let name: String = field[..first_end].iter().collect();
    let mut value = source.lookup(ts, &name)?;
    let mut at = first_end;
    while at < field.len() {
        if field[at] == '.' {
            let end = field[at + 1..]
                .iter()
                .position(|&c| c == '.' || c == '[')
                .map_or(field.len(), |p| p + at + 1);
            let attribute: String = field[at + 1..end].iter().collect();
            if attribute.is_empty() {
                return Err(format_error("Empty attribute in format string"));
            }
            value = crate::attrs::get_attr_str(ts, &value, &attribute)?;
            at = end;
        } else {
            let Some(close) = field[at..].iter().position(|&c| c == ']').map(|p| p + at) else {
                return Err(format_error("Missing ']' in format string"));
            };
            let key: String = field[at + 1..close].iter().collect();
            if key.is_empty() {
                return Err(format_error("Empty attribute in format string"));
            }
            let key_object = match key.parse::<i64>() {
                Ok(index) if !key.starts_with(['+', '-']) => crate::int::new(ts, index),
                _ => crate::str::new(ts, &key).into_ref(),
            };
            value = crate::abstract_api::get_item(ts, &value, &key_object)?;
            at = close + 1;
            if at < field.len() && field[at] != '.' && field[at] != '[' {
                return Err(format_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
    }
    Ok(value)
}

fn format_template(
    ts: &ThreadState,
    template: &[char],
    source: &mut FormatSource<'_>,
    depth: usize,
) -> PyResult<String> {
    if depth > 2 {
        return Err(format_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut i = 0;
    while i < template.len() {
        let c = template[i];
        if c == '}' {
            if template.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(format_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if template.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching close brace, allowing nested braces in the spec.
        let mut nesting = 1;
        let mut end = i + 1;
        let mut in_brackets = false;
        while end < template.len() {
            match template[end] {
                '[' if nesting == 1 => in_brackets = true,
                ']' if nesting == 1 => in_brackets = false,
                '{' if !in_brackets => nesting += 1,
                '}' if !in_brackets => {
                    nesting -= 1;
                    if nesting == 0 {
                        break;
                    }
                }
                _ => {}
            }
            end += 1;
        }
        if end >= template.len() {
            return Err(format_error(if i + 1 == template.len() {
                "Single '{' encountered in format string"
            } else {
                "expected '}' before end of string"
            }));
        }
        let field = &template[i + 1..end];
        // The field name ends at the first '!' or ':' outside brackets.
        let mut name_end = field.len();
        let mut bracket = false;
        for (position, &fc) in field.iter().enumerate() {
            match fc {
                '[' => bracket = true,
                ']' => bracket = false,
                '!' | ':' if !bracket => {
                    name_end = position;
                    break;
                }
                _ => {}
            }
        }
        let name = &field[..name_end];
        let mut rest = &field[name_end..];
        let mut conversion = None;
        if rest.first() == Some(&'!') {
            if rest.len() < 2 {
                return Err(format_error("unmatched '{' in format spec"));
            }
            conversion = Some(rest[1]);
            rest = &rest[2..];
            if !rest.is_empty() && rest[0] != ':' {
                return Err(format_error("expected ':' after conversion specifier"));
            }
        }
        let spec_template = if rest.first() == Some(&':') {
            &rest[1..]
        } else {
            rest
        };
        let value = resolve_field(ts, source, name)?;
        let value = match conversion {
            None => value,
            Some('r') => value.repr(ts)?,
            Some('s') => value.str(ts)?,
            Some('a') => {
                let repr = crate::str::to_rust_string(&*value.repr(ts)?);
                crate::str::new(ts, &ascii_escape(&repr)).into_ref()
            }
            Some(other) => {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    format!("Unknown conversion specifier {other}"),
                ));
            }
        };
        let spec = format_template(ts, spec_template, source, depth + 1)?;
        let formatted = crate::formatter::format_value(ts, &value, &spec)?;
        out.push_str(&crate::str::to_rust_string(&formatted));
        i = end + 1;
    }
    Ok(out)
}

fn method_format(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (positional, keywords) = crate::methods::split_args(args, kw);
    let template: Vec<char> = crate::str::to_rust_string(this).chars().collect();
    let mut source = FormatSource {
        positional,
        mapping: None,
        keywords,
        auto_index: 0,
        automatic: None,
    };
    let text = format_template(ts, &template, &mut source, 0)?;
    Ok(crate::str::new(ts, &text).into_ref())
}

fn method_format_map(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let parsed = stringlib::parse_args("str.format_map", args, kw, &["mapping"], 1, 1)?;
    let template: Vec<char> = crate::str::to_rust_string(this).chars().collect();
    let mut source = FormatSource {
        positional: &[],
        mapping: Some(parsed.required(0)),
        keywords: Vec::new(),
        auto_index: 0,
        automatic: None,
    };
    let text = format_template(ts, &template, &mut source, 0)?;
    Ok(crate::str::new(ts, &text).into_ref())
}

/// Fills `str`'s dict.
pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &crate::str::STR_TYPE,
        &[
            ("find", method_find),
            ("rfind", method_rfind),
            ("index", method_index),
            ("rindex", method_rindex),
            ("count", method_count),
            ("startswith", method_startswith),
            ("endswith", method_endswith),
            ("split", method_split),
            ("rsplit", method_rsplit),
            ("splitlines", method_splitlines),
            ("partition", method_partition),
            ("rpartition", method_rpartition),
            ("join", method_join),
            ("replace", method_replace),
            ("strip", method_strip),
            ("lstrip", method_lstrip),
            ("rstrip", method_rstrip),
            ("removeprefix", method_removeprefix),
            ("removesuffix", method_removesuffix),
            ("ljust", method_ljust),
            ("rjust", method_rjust),
            ("center", method_center),
            ("zfill", method_zfill),
            ("expandtabs", method_expandtabs),
            ("lower", method_lower),
            ("upper", method_upper),
            ("casefold", method_casefold),
            ("swapcase", method_swapcase),
            ("capitalize", method_capitalize),
            ("title", method_title),
            ("isalpha", method_isalpha),
            ("isalnum", method_isalnum),
            ("isdecimal", method_isdecimal),
            ("isdigit", method_isdigit),
            ("isnumeric", method_isnumeric),
            ("isspace", method_isspace),
            ("isascii", method_isascii),
            ("isprintable", method_isprintable),
            ("islower", method_islower),
            ("isupper", method_isupper),
            ("istitle", method_istitle),
            ("isidentifier", method_isidentifier),
            ("translate", method_translate),
            ("encode", method_encode),
            ("format", method_format),
            ("format_map", method_format_map),
            ("__format__", method_dunder_format),
            ("__getnewargs__", method_getnewargs),
        ],
    );
    crate::descr::add_static_method(ts, &crate::str::STR_TYPE, "maketrans", maketrans);
}
