//! The `_sre` module: compiled patterns (`re.Pattern`), match objects (`re.Match`),
//! scanners and replacement templates, on which CPython's pure-Python `re` package runs.
//!
//! CPython counterpart: `Modules/_sre/sre.c`. The engine itself is `sre_engine`; this
//! file turns Python arguments into engine states and engine results into Python objects,
//! with CPython's argument handling, error messages and reprs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pyrite_objects::descr::{NativeFn, new_builtin_function};
use pyrite_objects::dict::Dict;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::int::Int;
use pyrite_objects::methods::split_args;
use pyrite_objects::slots::{MappingSlots, Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    CompareOp, Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState,
    abstract_api, bool as pybool, bytes as pybytes, int, list, singletons, str as pystr,
    str_methods, tuple,
};

use crate::sre_constants::*;
use crate::sre_engine::{self, Program, SreError, State, UNSET};

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

// ---------------------------------------------------------------------------- subjects

/// The characters a pattern runs over: borrowed from an immutable `bytes` or `str`
/// object (a non-ASCII `str` lends its cached code-point array), or copied from a
/// mutable buffer.
enum Text {
    /// An exact-or-subclass `bytes`, or a `str`.
    Borrowed(PyRef),
    Owned(Vec<u8>),
}

enum Chars<'a> {
    Bytes(&'a [u8]),
    Wide(&'a [u32]),
}

/// A string being matched, with what slices of it must be made of. Shared (`Rc`) by
/// a scanner and the match objects it makes, so group access never copies the subject.
struct Subject {
    text: Text,
    /// `str` (true) or bytes-like (false).
    is_str: bool,
    length: usize,
}

impl Subject {
    fn chars(&self) -> Chars<'_> {
        match &self.text {
            Text::Borrowed(object) => match pystr::as_str_payload(object) {
                Some(text) if text.is_ascii() => Chars::Bytes(text.as_bytes()),
                Some(text) => Chars::Wide(text.code_point_array()),
                None => Chars::Bytes(pybytes::as_bytes(object).unwrap_or_default()),
            },
            Text::Owned(data) => Chars::Bytes(data),
        }
    }

    fn slice(&self, ts: &ThreadState, string: &PyObject, start: usize, end: usize) -> PyResult {
        let (start, end) = (start.min(self.length), end.min(self.length));
        let end = end.max(start);
        let whole = start == 0 && end == self.length;
        if self.is_str {
            if whole && string.is_exact_type(&pystr::STR_TYPE) {
                return Ok(string.new_ref());
            }
            return match self.chars() {
                Chars::Bytes(data) => {
                    let text = std::str::from_utf8(&data[start..end]).unwrap_or_default();
                    Ok(pystr::new(ts, text).into_ref())
                }
                Chars::Wide(points) => str_methods::str_from_code_points(ts, &points[start..end]),
            };
        }
        if whole && string.is_exact_type(&pybytes::BYTES_TYPE) {
            return Ok(string.new_ref());
        }
        match self.chars() {
            Chars::Bytes(data) => Ok(pybytes::new(ts, &data[start..end])),
            Chars::Wide(_) => Ok(pybytes::new(ts, b"")),
        }
    }

    fn empty(&self, ts: &ThreadState) -> PyRef {
        if self.is_str {
            pystr::new(ts, "").into_ref()
        } else {
            pybytes::new(ts, b"")
        }
    }
}

/// The characters of a `str` or bytes-like object, or CPython's `getstring` TypeError.
fn get_subject(string: &PyObject) -> PyResult<Subject> {
    if let Some(text) = pystr::as_str_payload(string) {
        return Ok(Subject {
            length: text.len(),
            text: Text::Borrowed(string.new_ref()),
            is_str: true,
        });
    }
    if let Some(data) = pybytes::as_bytes(string) {
        return Ok(Subject {
            length: data.len(),
            text: Text::Borrowed(string.new_ref()),
            is_str: false,
        });
    }
    match pybytes::bytes_like(string) {
        Some(data) => Ok(Subject {
            length: data.len(),
            text: Text::Owned(data),
            is_str: false,
        }),
        None => Err(PyErr::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            string.ob_type().name()
        ))),
    }
}

fn engine_error(error: SreError) -> PyErr {
    let _ = error;
    PyErr::new(
        ExceptionKind::RuntimeError,
        "internal error in regular expression engine",
    )
}

fn run_match(subject: &Subject, program: &Program, state: &mut State) -> PyResult<bool> {
    let result = match subject.chars() {
        Chars::Bytes(data) => sre_engine::sre_match(data, program, state),
        Chars::Wide(points) => sre_engine::sre_match(points, program, state),
    };
    result.map_err(engine_error)
}

fn run_search(subject: &Subject, program: &Program, state: &mut State) -> PyResult<bool> {
    let result = match subject.chars() {
        Chars::Bytes(data) => sre_engine::sre_search(data, program, state),
        Chars::Wide(points) => sre_engine::sre_search(points, program, state),
    };
    result.map_err(engine_error)
}

// ---------------------------------------------------------------------------- arguments

/// Binds positional and keyword arguments to `names` (argument-clinic style).
fn bind_args(
    function: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let (positional, keywords) = split_args(args, kwnames);
    if positional.len() > names.len() {
        return Err(PyErr::type_error(format!(
            "{function}() takes at most {} argument{} ({} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            positional.len() + keywords.len()
        )));
    }
    let mut values: Vec<Option<PyRef>> = vec![None; names.len()];
    for (slot, value) in values.iter_mut().zip(positional) {
        *slot = Some(value.clone());
    }
    for (key, value) in keywords {
        match names.iter().position(|name| *name == key) {
            Some(index) => {
                if values[index].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {function}() given by name ('{key}') and position ({})",
                        index + 1
                    )));
                }
                values[index] = Some(value);
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "{function}() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    for (index, name) in names.iter().enumerate().take(required) {
        if values[index].is_none() {
            return Err(PyErr::type_error(format!(
                "{function}() missing required argument '{name}' (pos {})",
                index + 1
            )));
        }
    }
    Ok(values)
}

fn positional_only(
    function: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if kwnames.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "{function}() takes no keyword arguments"
        )));
    }
    if args.len() < min || args.len() > max {
        let message = if min == max {
            if min == 0 {
                format!("{function}() takes no arguments ({} given)", args.len())
            } else {
                format!(
                    "{function}() takes exactly one argument ({} given)",
                    args.len()
                )
            }
        } else if args.len() < min {
            format!(
                "{function} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{function} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        };
        return Err(PyErr::type_error(message));
    }
    Ok(())
}

/// A `Py_ssize_t` argument (`__index__`, clamped like CPython's converter on overflow).
fn ssize_arg(ts: &ThreadState, value: &PyObject) -> PyResult<isize> {
    if value.payload_is::<pyrite_objects::float::Float>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let index = abstract_api::index(ts, value)?;
    match int::as_i64(&index) {
        Some(value) => Ok(value as isize),
        None => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn optional_ssize(ts: &ThreadState, value: &Option<PyRef>, default: isize) -> PyResult<isize> {
    match value {
        Some(value) => ssize_arg(ts, value),
        None => Ok(default),
    }
}

// ---------------------------------------------------------------------------- Pattern

/// `re.Pattern`: a compiled regular expression.
pub struct Pattern {
    pattern: PyRef,
    flags: i64,
    program: Program,
    groups: usize,
    groupindex: Option<PyRef>,
    indexgroup: Option<PyRef>,
    /// -1: no pattern object (`None`), 0: `str`, 1: bytes.
    is_bytes: i8,
    weaklist: pyrite_objects::weakref::WeakrefList,
}

fn disallow_new(_ts: &ThreadState, ty: &PyType, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(PyErr::type_error(format!(
        "cannot create '{}' instances",
        ty.name()
    )))
}

pub static PATTERN_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Pattern>(
        "re.Pattern",
        flags::HAVE_GC | flags::IMMUTABLETYPE,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        new: Slot::new(disallow_new),
        repr: Slot::new(pattern_repr),
        hash: Slot::new(pattern_hash),
        richcompare: Slot::new(pattern_richcompare),
        traverse: Slot::new(pattern_traverse),
        ..pyrite_objects::typeobject::object_slots()
    })
    .with_weaklist_offset(pyrite_objects::object::payload_field_offset::<Pattern>(
        std::mem::offset_of!(Pattern, weaklist),
    )),
);

impl PyPayload for Pattern {
    fn static_type() -> &'static PyType {
        &PATTERN_TYPE
    }
}

fn pattern_of(object: &PyObject) -> PyResult<&Pattern> {
    object
        .downcast_ref::<Pattern>()
        .map(|pattern| pattern.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 're.Pattern' object"))
}

fn pattern_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(pattern) = object.downcast_ref::<Pattern>() {
        let pattern = pattern.payload();
        visit(&pattern.pattern);
        if let Some(groupindex) = &pattern.groupindex {
            visit(groupindex);
        }
        if let Some(indexgroup) = &pattern.indexgroup {
            visit(indexgroup);
        }
    }
}

impl Pattern {
    /// CPython's `state_init`: the subject and a fresh state for `pos..endpos`.
    fn prepare(
        &self,
        string: &PyObject,
        pos: isize,
        endpos: isize,
    ) -> PyResult<(Rc<Subject>, State)> {
        let subject = Rc::new(get_subject(string)?);
        if !subject.is_str && self.is_bytes == 0 {
            return Err(PyErr::type_error(
                "cannot use a string pattern on a bytes-like object",
            ));
        }
        if subject.is_str && self.is_bytes > 0 {
            return Err(PyErr::type_error(
                "cannot use a bytes pattern on a string-like object",
            ));
        }
        let state = State::new(self.groups, subject.length, pos, endpos);
        Ok((subject, state))
    }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn sre_compile(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult {
    let names = [
        "pattern",
        "flags",
        "code",
        "groups",
        "groupindex",
        "indexgroup",
    ];
    let values = bind_args("compile", args, kwnames, &names, 6)?;
    let value = |i: usize| values[i].clone().unwrap_or_else(singletons::none);
    let pattern = value(0);
    let flags_value = value(1);
    let flags_index = abstract_api::index(ts, &flags_value)?;
    let flags = int::as_i64(&flags_index).unwrap_or(0);
    let code_list = value(2);
    if code_list.downcast_ref::<list::List>().is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'code' must be list, not {}",
            code_list.ob_type().name()
        )));
    }
    let groups = ssize_arg(ts, &value(3))?;
    let groupindex = value(4);
    if groupindex.downcast_ref::<Dict>().is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'groupindex' must be dict, not {}",
            groupindex.ob_type().name()
        )));
    }
    let indexgroup = value(5);
    if indexgroup.downcast_ref::<tuple::Tuple>().is_none() {
        return Err(PyErr::type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {}",
            indexgroup.ob_type().name()
        )));
    }
    let mut code = Vec::new();
    for item in pyrite_objects::iterobject::collect(ts, &code_list)? {
        let Some(number) = item.downcast_ref::<Int>() else {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                item.ob_type().name()
            )));
        };
        match number.payload().as_i64() {
            Some(value) if (0..=i64::from(u32::MAX)).contains(&value) => code.push(value as u32),
            Some(value) if value < 0 => {
                return Err(PyErr::new(
                    ExceptionKind::OverflowError,
                    "can't convert negative value to unsigned int",
                ));
            }
            _ => {
                return Err(PyErr::new(
                    ExceptionKind::OverflowError,
                    "regular expression code size limit exceeded",
                ));
            }
        }
    }
    let is_bytes = if singletons::is_none(&pattern) {
        -1
    } else {
        i8::from(!get_subject(&pattern)?.is_str)
    };
    let groupindex_len = groupindex
        .downcast_ref::<Dict>()
        .map_or(0, |d| d.payload().len());
    let (groupindex, indexgroup) = if groupindex_len > 0 {
        let indexgroup = (!tuple::items(&indexgroup).is_empty()).then_some(indexgroup);
        (Some(groupindex), indexgroup)
    } else {
        (None, None)
    };
    let program = usize::try_from(groups)
        .ok()
        .and_then(|groups| Program::new(code, groups))
        .ok_or_else(|| PyErr::new(ExceptionKind::RuntimeError, "invalid SRE code"))?;
    let payload = Pattern {
        pattern,
        flags,
        program,
        groups: groups as usize,
        groupindex,
        indexgroup,
        is_bytes,
        weaklist: pyrite_objects::weakref::WeakrefList::new(),
    };
    Ok(Py::new(ts, payload).into_ref())
}

fn string_pos_endpos(
    ts: &ThreadState,
    function: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<(PyRef, isize, isize)> {
    let values = bind_args(function, args, kwnames, &["string", "pos", "endpos"], 1)?;
    let pos = optional_ssize(ts, &values[1], 0)?;
    let endpos = optional_ssize(ts, &values[2], isize::MAX)?;
    Ok((
        values[0].clone().unwrap_or_else(singletons::none),
        pos,
        endpos,
    ))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MatchMode {
    Match,
    FullMatch,
    Search,
}

fn pattern_match_common(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    name: &str,
    mode: MatchMode,
) -> PyResult {
    let pattern = pattern_of(this)?;
    let (string, pos, endpos) = string_pos_endpos(ts, name, args, kwnames)?;
    let (subject, mut state) = pattern.prepare(&string, pos, endpos)?;
    let found = match mode {
        MatchMode::Match => run_match(&subject, &pattern.program, &mut state)?,
        MatchMode::FullMatch => {
            state.match_all = true;
            run_match(&subject, &pattern.program, &mut state)?
        }
        MatchMode::Search => run_search(&subject, &pattern.program, &mut state)?,
    };
    if !found {
        return Ok(singletons::none());
    }
    new_match(ts, this, pattern, &string, &subject, &state)
}

fn pattern_match(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    pattern_match_common(ts, this, args, kw, "match", MatchMode::Match)
}

fn pattern_fullmatch(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    pattern_match_common(ts, this, args, kw, "fullmatch", MatchMode::FullMatch)
}

fn pattern_search(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    pattern_match_common(ts, this, args, kw, "search", MatchMode::Search)
}

/// Group `index` (1-based) of the state as a slice, or `empty`/None when unset.
fn state_group(
    ts: &ThreadState,
    subject: &Subject,
    string: &PyObject,
    state: &State,
    index: usize,
    empty: bool,
) -> PyResult {
    match state.group_span(index) {
        Some((start, end)) => {
            if start > end {
                return Err(PyErr::new(
                    ExceptionKind::SystemError,
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ));
            }
            subject.slice(ts, string, start, end)
        }
        None if empty => Ok(subject.empty(ts)),
        None => Ok(singletons::none()),
    }
}

fn pattern_findall(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let pattern = pattern_of(this)?;
    let (string, pos, endpos) = string_pos_endpos(ts, "findall", args, kw)?;
    let (subject, mut state) = pattern.prepare(&string, pos, endpos)?;
    let mut items = Vec::new();
    while state.start <= state.end {
        state.reset();
        state.ptr = state.start;
        if !run_search(&subject, &pattern.program, &mut state)? {
            break;
        }
        let item = match pattern.groups {
            0 => subject.slice(ts, &string, state.start, state.ptr)?,
            1 => state_group(ts, &subject, &string, &state, 1, true)?,
            groups => {
                let mut parts = Vec::with_capacity(groups);
                for index in 1..=groups {
                    parts.push(state_group(ts, &subject, &string, &state, index, true)?);
                }
                tuple::new(ts, parts).into_ref()
            }
        };
        items.push(item);
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    Ok(list::new(ts, items).into_ref())
}

fn pattern_split(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let pattern = pattern_of(this)?;
    let values = bind_args("split", args, kw, &["string", "maxsplit"], 1)?;
    let string = values[0].clone().unwrap_or_else(singletons::none);
    let maxsplit = optional_ssize(ts, &values[1], 0)?;
    let (subject, mut state) = pattern.prepare(&string, 0, isize::MAX)?;
    let mut items = Vec::new();
    let mut count = 0;
    let mut last = state.start;
    while maxsplit == 0 || count < maxsplit {
        state.reset();
        state.ptr = state.start;
        if !run_search(&subject, &pattern.program, &mut state)? {
            break;
        }
        items.push(subject.slice(ts, &string, last, state.start)?);
        for index in 1..=pattern.groups {
            items.push(state_group(ts, &subject, &string, &state, index, false)?);
        }
        count += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
        last = state.start;
    }
    items.push(subject.slice(ts, &string, last, state.endpos)?);
    Ok(list::new(ts, items).into_ref())
}

enum Filter {
    Literal(PyRef),
    Template(PyRef),
    Callable(PyRef),
}

fn contains_backslash(template: &PyObject) -> Option<bool> {
    if let Some(text) = pystr::as_str_payload(template) {
        return Some(text.as_bytes().contains(&b'\\'));
    }
    pybytes::bytes_like(template).map(|data| data.contains(&b'\\'))
}

/// `re._compile_template(pattern, repl)`: the Python side parses replacement templates.
fn compile_template(ts: &ThreadState, pattern: &PyObject, template: &PyObject) -> PyResult {
    let re = pyrite_vm::import::import_module(ts, &pystr::intern(ts, "re"))?;
    let function = pyrite_objects::attrs::get_attr_str(ts, &re, "_compile_template")?;
    let result = abstract_api::call(
        ts,
        &function,
        &[pattern.new_ref(), template.new_ref()],
        None,
    );
    let result = match result {
        Err(err) if err.matches(ExceptionKind::TypeError) => {
            // an unhashable replacement (bytearray, str subclass): retry with str/bytes
            let converted = if let Some(text) = pystr::as_str_payload(template) {
                if template.is_exact_type(&pystr::STR_TYPE) {
                    return Err(err);
                }
                pystr::new(ts, &text.to_string_lossy()).into_ref()
            } else if let Some(data) = pybytes::bytes_like(template) {
                if template.is_exact_type(&pybytes::BYTES_TYPE) {
                    return Err(err);
                }
                pybytes::from_vec(ts, data)
            } else {
                return Err(err);
            };
            abstract_api::call(ts, &function, &[pattern.new_ref(), converted], None)?
        }
        other => other?,
    };
    if result.downcast_ref::<Template>().is_none() {
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            format!(
                "the result of compiling a replacement string is {}",
                result.ob_type().name()
            ),
        ));
    }
    Ok(result)
}

fn join_pieces(ts: &ThreadState, is_str: bool, pieces: Vec<PyRef>) -> PyResult {
    let joiner = if is_str {
        pystr::new(ts, "").into_ref()
    } else {
        pybytes::new(ts, b"")
    };
    if pieces.is_empty() {
        return Ok(joiner);
    }
    let join = pyrite_objects::attrs::get_attr_str(ts, &joiner, "join")?;
    let list = list::new(ts, pieces).into_ref();
    abstract_api::call(ts, &join, &[list], None)
}

fn pattern_subx(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
    name: &str,
    subn: bool,
) -> PyResult {
    let pattern = pattern_of(this)?;
    let values = bind_args(name, args, kw, &["repl", "string", "count"], 2)?;
    let repl = values[0].clone().unwrap_or_else(singletons::none);
    let string = values[1].clone().unwrap_or_else(singletons::none);
    let count = optional_ssize(ts, &values[2], 0)?;
    let filter = if repl.ob_type().slots.call.get().is_some() {
        Filter::Callable(repl)
    } else if contains_backslash(&repl) == Some(false) {
        Filter::Literal(repl)
    } else {
        let template = compile_template(ts, this, &repl)?;
        let simple = template
            .downcast_ref::<Template>()
            .filter(|t| t.payload().items.is_empty())
            .map(|t| t.payload().literal.clone());
        match simple {
            Some(literal) => Filter::Literal(literal),
            None => Filter::Template(template),
        }
    };
    let (subject, mut state) = pattern.prepare(&string, 0, isize::MAX)?;
    let mut pieces = Vec::new();
    let mut done = 0;
    let mut last = 0;
    while count == 0 || done < count {
        state.reset();
        state.ptr = state.start;
        if !run_search(&subject, &pattern.program, &mut state)? {
            break;
        }
        let (begin, end) = (state.start, state.ptr);
        if last < begin {
            pieces.push(subject.slice(ts, &string, last, begin)?);
        }
        let item = match &filter {
            Filter::Literal(literal) => literal.clone(),
            Filter::Template(template) => {
                let matched = new_match(ts, this, pattern, &string, &subject, &state)?;
                expand_template(ts, template, &matched)?
            }
            Filter::Callable(function) => {
                let matched = new_match(ts, this, pattern, &string, &subject, &state)?;
                abstract_api::call(ts, function, &[matched], None)?
            }
        };
        if !singletons::is_none(&item) {
            pieces.push(item);
        }
        last = end;
        done += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    if last < state.endpos {
        pieces.push(subject.slice(ts, &string, last, state.endpos)?);
    }
    let result = join_pieces(ts, subject.is_str, pieces)?;
    if subn {
        Ok(tuple::new(ts, vec![result, int::new(ts, done as i64)]).into_ref())
    } else {
        Ok(result)
    }
}

fn pattern_sub(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    pattern_subx(ts, this, args, kw, "sub", false)
}

fn pattern_subn(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    pattern_subx(ts, this, args, kw, "subn", true)
}

fn pattern_scanner(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos(ts, "scanner", args, kw)?;
    new_scanner(ts, this, string, pos, endpos)
}

fn pattern_finditer(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos(ts, "finditer", args, kw)?;
    let scanner = new_scanner(ts, this, string, pos, endpos)?;
    // CPython's `callable_iterator(scanner.search, None)`.
    let search =
        pyrite_objects::attrs::get_attr(ts, &scanner, &pyrite_objects::str::intern(ts, "search"))?;
    Ok(pyrite_objects::iterobject::new_call_iterator(
        ts,
        search,
        singletons::none(),
    ))
}

fn pattern_copy(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional_only("__copy__", args, kw, 0, 0)?;
    Ok(this.new_ref())
}

fn pattern_deepcopy(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    positional_only("__deepcopy__", args, kw, 1, 1)?;
    Ok(this.new_ref())
}

fn class_getitem(ts: &ThreadState, _m: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    match args {
        [cls, item] => Ok(pyrite_objects::genericaliasobject::new(
            ts,
            cls.clone(),
            item,
        )),
        _ => Err(PyErr::type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        ))),
    }
}

fn pattern_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let pattern = pattern_of(object)?;
    let names = [
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut flags = pattern.flags;
    if pattern.is_bytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut parts = Vec::new();
    for (name, value) in names {
        if flags & value != 0 {
            parts.push(name.to_owned());
            flags &= !value;
        }
    }
    if flags != 0 {
        parts.push(format!("0x{:x}", flags as i32));
    }
    let repr: String = pystr::repr_text(ts, &pattern.pattern)?
        .chars()
        .take(200)
        .collect();
    let text = if parts.is_empty() {
        format!("re.compile({repr})")
    } else {
        format!("re.compile({repr}, {})", parts.join("|"))
    };
    Ok(pystr::new(ts, &text).into_ref())
}

fn pattern_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let pattern = pattern_of(object)?;
    let mut hash = pattern.pattern.hash(ts)?;
    let code_bytes: Vec<u8> = pattern
        .program
        .code
        .iter()
        .flat_map(|word| word.to_le_bytes())
        .collect();
    hash ^= pyrite_objects::pyhash::hash_bytes(&code_bytes);
    hash ^= pattern.flags as isize;
    hash ^= pattern.is_bytes as isize;
    hash ^= pattern.program.code.len() as isize;
    Ok(if hash == -1 { -2 } else { hash })
}

fn pattern_richcompare(
    ts: &ThreadState,
    left: &PyObject,
    right: &PyObject,
    op: CompareOp,
) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !right.is_exact_type(&PATTERN_TYPE) {
        return Ok(singletons::not_implemented());
    }
    let mut equal = left.is(right);
    if !equal {
        let (a, b) = (pattern_of(left)?, pattern_of(right)?);
        equal = a.flags == b.flags && a.is_bytes == b.is_bytes && a.program.code == b.program.code;
        if equal {
            equal = a.pattern.rich_compare_bool(ts, &b.pattern, CompareOp::Eq)?;
        }
    }
    Ok(pybool::bool_ref(equal == matches!(op, CompareOp::Eq)))
}

fn pattern_get_pattern(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(pattern_of(object)?.pattern.clone())
}

fn pattern_get_flags(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(int::new(ts, pattern_of(object)?.flags))
}

fn pattern_get_groups(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(int::new(ts, pattern_of(object)?.groups as i64))
}

/// `Pattern.groupindex`: a read-only proxy of the pattern's name-to-number mapping (a new
/// empty dict for a pattern without named groups, as in CPython).
fn pattern_get_groupindex(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(match &pattern_of(object)?.groupindex {
        Some(groupindex) => pyrite_objects::mappingproxy::new(ts, groupindex.clone()),
        None => pyrite_objects::dict::new(ts).into_ref(),
    })
}

// ---------------------------------------------------------------------------- Match

/// `re.Match`: the result of a successful match.
pub struct Match {
    string: PyRef,
    subject: Rc<Subject>,
    pattern: PyRef,
    /// Start and end of each group (group 0 first); -1 for groups that did not match.
    marks: Vec<isize>,
    pos: usize,
    endpos: usize,
    lastindex: isize,
    regs: RefCell<Option<PyRef>>,
}

pub static MATCH_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Match>(
        "re.Match",
        flags::HAVE_GC | flags::IMMUTABLETYPE,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        new: Slot::new(disallow_new),
        repr: Slot::new(match_repr),
        traverse: Slot::new(match_traverse),
        ..pyrite_objects::typeobject::object_slots()
    })
    .with_mapping(MappingSlots {
        subscript: Slot::new(match_getitem),
        ..MappingSlots::EMPTY
    }),
);

impl PyPayload for Match {
    fn static_type() -> &'static PyType {
        &MATCH_TYPE
    }
}

fn match_of(object: &PyObject) -> PyResult<&Match> {
    object
        .downcast_ref::<Match>()
        .map(|m| m.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a 're.Match' object"))
}

fn match_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(m) = object.downcast_ref::<Match>() {
        let m = m.payload();
        visit(&m.string);
        visit(&m.pattern);
        if let Some(regs) = m.regs.borrow().as_ref() {
            visit(regs);
        }
    }
}

fn new_match(
    ts: &ThreadState,
    pattern_object: &PyObject,
    pattern: &Pattern,
    string: &PyObject,
    subject: &Rc<Subject>,
    state: &State,
) -> PyResult {
    let mut marks = Vec::with_capacity(2 * (pattern.groups + 1));
    marks.push(state.start as isize);
    marks.push(state.ptr as isize);
    for index in 1..=pattern.groups {
        match state.group_span(index) {
            Some((start, end)) => {
                if start > end {
                    return Err(PyErr::new(
                        ExceptionKind::SystemError,
                        "The span of capturing group is wrong, please report a bug for the re module.",
                    ));
                }
                marks.push(start as isize);
                marks.push(end as isize);
            }
            None => {
                marks.push(-1);
                marks.push(-1);
            }
        }
    }
    debug_assert!(state.start != UNSET);
    let payload = Match {
        string: string.new_ref(),
        subject: subject.clone(),
        pattern: pattern_object.new_ref(),
        marks,
        pos: state.pos,
        endpos: state.endpos,
        lastindex: state.lastindex,
        regs: RefCell::new(None),
    };
    Ok(Py::new(ts, payload).into_ref())
}

impl Match {
    fn groups(&self) -> usize {
        self.marks.len() / 2
    }

    fn pattern(&self) -> PyResult<&Pattern> {
        pattern_of(&self.pattern)
    }

    /// CPython's `match_getindex`: a group number from an int or a group name.
    fn index(&self, ts: &ThreadState, key: Option<&PyObject>) -> PyResult<usize> {
        let Some(key) = key else {
            return Ok(0);
        };
        let mut index: isize = -1;
        if key.ob_type().number.index.get().is_some() {
            index = ssize_arg(ts, key)?;
        } else if let Some(groupindex) = &self.pattern()?.groupindex
            && let Some(dict) = groupindex.downcast_ref::<Dict>()
            && let Some(value) = dict.payload().get_item(ts, key)?
            && value.payload_is::<Int>()
        {
            index = ssize_arg(ts, &value)?;
        }
        if index < 0 || index as usize >= self.groups() {
            return Err(PyErr::new(ExceptionKind::IndexError, "no such group"));
        }
        Ok(index as usize)
    }

    fn group_slice(&self, ts: &ThreadState, index: usize, default: &PyObject) -> PyResult {
        let (start, end) = (self.marks[2 * index], self.marks[2 * index + 1]);
        if start < 0 || singletons::is_none(&self.string) {
            return Ok(default.new_ref());
        }
        self.subject
            .slice(ts, &self.string, start as usize, end as usize)
    }

    fn span_tuple(&self, ts: &ThreadState, index: usize) -> PyRef {
        let (start, end) = (self.marks[2 * index], self.marks[2 * index + 1]);
        tuple::new(
            ts,
            vec![int::new(ts, start as i64), int::new(ts, end as i64)],
        )
        .into_ref()
    }
}

fn match_group(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    if kw.is_some_and(|names| !tuple::items(names).is_empty()) {
        return Err(PyErr::type_error("group() takes no keyword arguments"));
    }
    let m = match_of(this)?;
    let none = singletons::none();
    match args {
        [] => m.group_slice(ts, 0, &none),
        [key] => {
            let index = m.index(ts, Some(key))?;
            m.group_slice(ts, index, &none)
        }
        keys => {
            let mut items = Vec::with_capacity(keys.len());
            for key in keys {
                let index = m.index(ts, Some(key))?;
                items.push(m.group_slice(ts, index, &none)?);
            }
            Ok(tuple::new(ts, items).into_ref())
        }
    }
}

fn match_getitem(ts: &ThreadState, this: &PyObject, key: &PyObject) -> PyResult {
    let m = match_of(this)?;
    let index = m.index(ts, Some(key))?;
    m.group_slice(ts, index, &singletons::none())
}

fn default_arg(function: &str, args: Args<'_>, kw: KwNames<'_>) -> PyResult<PyRef> {
    let values = bind_args(function, args, kw, &["default"], 0)?;
    Ok(values[0].clone().unwrap_or_else(singletons::none))
}

fn match_groups(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let default = default_arg("groups", args, kw)?;
    let m = match_of(this)?;
    let mut items = Vec::new();
    for index in 1..m.groups() {
        items.push(m.group_slice(ts, index, &default)?);
    }
    Ok(tuple::new(ts, items).into_ref())
}

fn match_groupdict(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let default = default_arg("groupdict", args, kw)?;
    let m = match_of(this)?;
    let result = pyrite_objects::dict::new(ts);
    if let Some(groupindex) = &m.pattern()?.groupindex
        && let Some(dict) = groupindex.downcast_ref::<Dict>()
    {
        for (key, _) in dict.payload().items() {
            let index = m.index(ts, Some(&key))?;
            let value = m.group_slice(ts, index, &default)?;
            result.payload().set_item(ts, key, value)?;
        }
    }
    Ok(result.into_ref())
}

fn group_arg<'a>(function: &str, args: Args<'a>, kw: KwNames<'_>) -> PyResult<Option<&'a PyRef>> {
    positional_only(function, args, kw, 0, 1)?;
    Ok(args.first())
}

fn match_start(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let m = match_of(this)?;
    let index = m.index(ts, group_arg("start", args, kw)?.map(|g| &**g))?;
    Ok(int::new(ts, m.marks[2 * index] as i64))
}

fn match_end(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let m = match_of(this)?;
    let index = m.index(ts, group_arg("end", args, kw)?.map(|g| &**g))?;
    Ok(int::new(ts, m.marks[2 * index + 1] as i64))
}

fn match_span(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let m = match_of(this)?;
    let index = m.index(ts, group_arg("span", args, kw)?.map(|g| &**g))?;
    Ok(m.span_tuple(ts, index))
}

fn match_expand(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind_args("expand", args, kw, &["template"], 1)?;
    let template = values[0].clone().unwrap_or_else(singletons::none);
    let m = match_of(this)?;
    let compiled = compile_template(ts, &m.pattern, &template)?;
    expand_template(ts, &compiled, this)
}

fn match_copy(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional_only("__copy__", args, kw, 0, 0)?;
    Ok(this.new_ref())
}

fn match_deepcopy(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional_only("__deepcopy__", args, kw, 1, 1)?;
    Ok(this.new_ref())
}

fn match_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let m = match_of(object)?;
    let group0 = m.group_slice(ts, 0, &singletons::none())?;
    let repr: String = pystr::repr_text(ts, &group0)?.chars().take(50).collect();
    let text = format!(
        "<{} object; span=({}, {}), match={repr}>",
        object.ob_type().name(),
        m.marks[0],
        m.marks[1]
    );
    Ok(pystr::new(ts, &text).into_ref())
}

fn match_get_string(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(match_of(object)?.string.clone())
}

fn match_get_re(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(match_of(object)?.pattern.clone())
}

fn match_get_pos(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(int::new(ts, match_of(object)?.pos as i64))
}

fn match_get_endpos(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(int::new(ts, match_of(object)?.endpos as i64))
}

fn match_get_lastindex(ts: &ThreadState, object: &PyObject) -> PyResult {
    let m = match_of(object)?;
    if m.lastindex >= 0 {
        Ok(int::new(ts, m.lastindex as i64))
    } else {
        Ok(singletons::none())
    }
}

fn match_get_lastgroup(_ts: &ThreadState, object: &PyObject) -> PyResult {
    let m = match_of(object)?;
    if let Some(indexgroup) = &m.pattern()?.indexgroup {
        let names = tuple::items(indexgroup);
        if m.lastindex >= 0 && (m.lastindex as usize) < names.len() {
            return Ok(names[m.lastindex as usize].clone());
        }
    }
    Ok(singletons::none())
}

fn match_get_regs(ts: &ThreadState, object: &PyObject) -> PyResult {
    let m = match_of(object)?;
    if let Some(regs) = m.regs.borrow().as_ref() {
        return Ok(regs.clone());
    }
    let spans = (0..m.groups())
        .map(|index| m.span_tuple(ts, index))
        .collect();
    let regs = tuple::new(ts, spans).into_ref();
    m.regs.replace(Some(regs.clone()));
    Ok(regs)
}

// ---------------------------------------------------------------------------- Scanner

/// `_sre.SRE_Scanner`: successive matches over one string (`finditer`, `re.Scanner`).
pub struct Scanner {
    pattern: PyRef,
    string: PyRef,
    subject: Rc<Subject>,
    state: RefCell<State>,
    exhausted: Cell<bool>,
    executing: Cell<bool>,
}

pub static SCANNER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Scanner>(
        "_sre.SRE_Scanner",
        flags::HAVE_GC | flags::IMMUTABLETYPE,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        new: Slot::new(disallow_new),
        traverse: Slot::new(scanner_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

impl PyPayload for Scanner {
    fn static_type() -> &'static PyType {
        &SCANNER_TYPE
    }
}

fn scanner_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(scanner) = object.downcast_ref::<Scanner>() {
        visit(&scanner.payload().pattern);
        visit(&scanner.payload().string);
    }
}

fn new_scanner(
    ts: &ThreadState,
    pattern_object: &PyObject,
    string: PyRef,
    pos: isize,
    endpos: isize,
) -> PyResult {
    let pattern = pattern_of(pattern_object)?;
    let (subject, state) = pattern.prepare(&string, pos, endpos)?;
    let payload = Scanner {
        pattern: pattern_object.new_ref(),
        string,
        subject,
        state: RefCell::new(state),
        exhausted: Cell::new(false),
        executing: Cell::new(false),
    };
    Ok(Py::new(ts, payload).into_ref())
}

fn scanner_step(ts: &ThreadState, object: &PyObject, search: bool) -> PyResult {
    let scanner = object
        .downcast_ref::<Scanner>()
        .map(|s| s.payload())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_sre.SRE_Scanner' object"))?;
    if scanner.executing.get() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "regular expression scanner already executing",
        ));
    }
    if scanner.exhausted.get() {
        return Ok(singletons::none());
    }
    scanner.executing.set(true);
    let pattern = pattern_of(&scanner.pattern)?;
    let mut state = scanner.state.borrow_mut();
    state.reset();
    state.ptr = state.start;
    let found = if search {
        run_search(&scanner.subject, &pattern.program, &mut state)
    } else {
        run_match(&scanner.subject, &pattern.program, &mut state)
    };
    let outcome = found.as_ref().ok().copied();
    let result = match found {
        Ok(true) => new_match(
            ts,
            &scanner.pattern,
            pattern,
            &scanner.string,
            &scanner.subject,
            &state,
        ),
        Ok(false) => Ok(singletons::none()),
        Err(err) => Err(err),
    };
    if let Some(found) = outcome {
        if found {
            state.must_advance = state.ptr == state.start;
            state.start = state.ptr;
        } else {
            scanner.exhausted.set(true);
        }
    }
    scanner.executing.set(false);
    result
}

fn scanner_match(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional_only("match", args, kw, 0, 0)?;
    scanner_step(ts, this, false)
}

fn scanner_search(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional_only("search", args, kw, 0, 0)?;
    scanner_step(ts, this, true)
}

fn scanner_get_pattern(_ts: &ThreadState, object: &PyObject) -> PyResult {
    object
        .downcast_ref::<Scanner>()
        .map(|s| s.payload().pattern.clone())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_sre.SRE_Scanner' object"))
}

// ---------------------------------------------------------------------------- Template

/// `_sre.SRE_Template`: a parsed replacement string (literal, then group/literal pairs).
pub struct Template {
    literal: PyRef,
    items: Vec<(usize, Option<PyRef>)>,
}

pub static TEMPLATE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Template>(
        "_sre.SRE_Template",
        flags::HAVE_GC | flags::IMMUTABLETYPE,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        new: Slot::new(disallow_new),
        traverse: Slot::new(template_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

impl PyPayload for Template {
    fn static_type() -> &'static PyType {
        &TEMPLATE_TYPE
    }
}

fn template_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(template) = object.downcast_ref::<Template>() {
        visit(&template.payload().literal);
        for (_, literal) in &template.payload().items {
            if let Some(literal) = literal {
                visit(literal);
            }
        }
    }
}

/// `_sre.template(pattern, template)`.
fn sre_template(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional_only("template", args, kw, 2, 2)?;
    let template = &args[1];
    if template.downcast_ref::<list::List>().is_none() {
        return Err(PyErr::type_error(format!(
            "template() argument 2 must be list, not {}",
            template.ob_type().name()
        )));
    }
    let parts = pyrite_objects::iterobject::collect(ts, template)?;
    let bad = || PyErr::type_error("invalid template");
    if parts.len() % 2 == 0 {
        return Err(bad());
    }
    let mut items = Vec::new();
    for pair in parts[1..].chunks(2) {
        let index = ssize_arg(ts, &pair[0])?;
        if index < 0 {
            return Err(bad());
        }
        let literal = &pair[1];
        let empty = pystr::as_str_payload(literal).is_some_and(|s| s.is_empty())
            || pybytes::as_bytes(literal).is_some_and(<[u8]>::is_empty);
        items.push((index as usize, (!empty).then(|| literal.clone())));
    }
    let payload = Template {
        literal: parts[0].clone(),
        items,
    };
    Ok(Py::new(ts, payload).into_ref())
}

fn expand_template(ts: &ThreadState, template: &PyObject, matched: &PyObject) -> PyResult {
    let template = template
        .downcast_ref::<Template>()
        .map(|t| t.payload())
        .ok_or_else(|| PyErr::type_error("expected a template"))?;
    if template.items.is_empty() {
        return Ok(template.literal.clone());
    }
    let m = match_of(matched)?;
    let mut pieces = vec![template.literal.clone()];
    let none = singletons::none();
    for (index, literal) in &template.items {
        if *index >= m.groups() {
            return Err(PyErr::new(ExceptionKind::IndexError, "no such group"));
        }
        let item = m.group_slice(ts, *index, &none)?;
        if !singletons::is_none(&item) {
            pieces.push(item);
        }
        if let Some(literal) = literal {
            pieces.push(literal.clone());
        }
    }
    let is_str = pystr::as_str_payload(&template.literal).is_some();
    join_pieces(ts, is_str, pieces)
}

// ---------------------------------------------------------------------------- module

fn character_arg(
    ts: &ThreadState,
    function: &str,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<u32> {
    positional_only(function, args, kw, 1, 1)?;
    let value = ssize_arg(ts, &args[0])?;
    if value > i64::from(i32::MAX) as isize || value < i64::from(i32::MIN) as isize {
        return Err(PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    Ok(value as i32 as u32)
}

fn sre_getcodesize(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    positional_only("getcodesize", args, kw, 0, 0)?;
    Ok(int::new(ts, CODESIZE))
}

fn sre_ascii_iscased(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let ch = character_arg(ts, "ascii_iscased", args, kw)?;
    let _ = ts;
    Ok(pybool::bool_ref(
        ch < 128 && (ch as u8).is_ascii_alphabetic(),
    ))
}

fn sre_unicode_iscased(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let ch = character_arg(ts, "unicode_iscased", args, kw)?;
    Ok(pybool::bool_ref(
        ch != sre_engine::lower_unicode(ch) || ch != sre_engine::upper_unicode(ch),
    ))
}

fn sre_ascii_tolower(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let ch = character_arg(ts, "ascii_tolower", args, kw)?;
    Ok(int::new(ts, i64::from(sre_engine::lower_ascii(ch) as i32)))
}

fn sre_unicode_tolower(
    ts: &ThreadState,
    _m: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let ch = character_arg(ts, "unicode_tolower", args, kw)?;
    Ok(int::new(
        ts,
        i64::from(sre_engine::lower_unicode(ch) as i32),
    ))
}

fn set(ts: &ThreadState, dict: &Dict, name: &str, value: PyRef) -> PyResult<()> {
    dict.set_item(ts, pystr::intern(ts, name), value)
}

pub fn create(ts: &ThreadState) -> PyResult {
    let module = pyrite_objects::module::new(ts, "_sre").into_ref();
    let dict = pyrite_objects::module::dict_of(&module)
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module without a dict"))?;
    let dict = dict
        .downcast_ref::<Dict>()
        .ok_or_else(|| PyErr::new(ExceptionKind::SystemError, "module dict is not a dict"))?;
    let dict = dict.payload();
    for (ty, module_name) in [
        (&PATTERN_TYPE, "re"),
        (&MATCH_TYPE, "re"),
        (&SCANNER_TYPE, "_sre"),
        (&TEMPLATE_TYPE, "_sre"),
    ] {
        ty.ready(ts)?;
        if let Some(type_dict) = ty.dict(ts).downcast_ref::<Dict>() {
            set(
                ts,
                type_dict.payload(),
                "__module__",
                pystr::intern(ts, module_name),
            )?;
        }
    }
    pyrite_objects::descr::add_methods(
        ts,
        &PATTERN_TYPE,
        &[
            ("match", pattern_match),
            ("fullmatch", pattern_fullmatch),
            ("search", pattern_search),
            ("sub", pattern_sub),
            ("subn", pattern_subn),
            ("findall", pattern_findall),
            ("split", pattern_split),
            ("finditer", pattern_finditer),
            ("scanner", pattern_scanner),
            ("__copy__", pattern_copy),
            ("__deepcopy__", pattern_deepcopy),
        ],
    );
    pyrite_objects::descr::add_class_method(ts, &PATTERN_TYPE, "__class_getitem__", class_getitem);
    pyrite_objects::descr::add_getsets(
        ts,
        &PATTERN_TYPE,
        &[
            ("pattern", pattern_get_pattern, None),
            ("flags", pattern_get_flags, None),
            ("groups", pattern_get_groups, None),
            ("groupindex", pattern_get_groupindex, None),
        ],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &MATCH_TYPE,
        &[
            ("group", match_group),
            ("start", match_start),
            ("end", match_end),
            ("span", match_span),
            ("groups", match_groups),
            ("groupdict", match_groupdict),
            ("expand", match_expand),
            ("__copy__", match_copy),
            ("__deepcopy__", match_deepcopy),
        ],
    );
    pyrite_objects::descr::add_class_method(ts, &MATCH_TYPE, "__class_getitem__", class_getitem);
    pyrite_objects::descr::add_getsets(
        ts,
        &MATCH_TYPE,
        &[
            ("lastindex", match_get_lastindex, None),
            ("lastgroup", match_get_lastgroup, None),
            ("regs", match_get_regs, None),
            ("string", match_get_string, None),
            ("re", match_get_re, None),
            ("pos", match_get_pos, None),
            ("endpos", match_get_endpos, None),
        ],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &SCANNER_TYPE,
        &[("match", scanner_match), ("search", scanner_search)],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        &SCANNER_TYPE,
        &[("pattern", scanner_get_pattern, None)],
    );
    set(ts, dict, "MAGIC", int::new(ts, MAGIC))?;
    set(ts, dict, "CODESIZE", int::new(ts, CODESIZE))?;
    set(ts, dict, "MAXREPEAT", int::new(ts, i64::from(MAXREPEAT)))?;
    set(ts, dict, "MAXGROUPS", int::new(ts, MAXGROUPS as i64))?;
    set(
        ts,
        dict,
        "copyright",
        pystr::new(ts, " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ").into_ref(),
    )?;
    let functions: &[(&'static str, NativeFn)] = &[
        ("compile", sre_compile),
        ("template", sre_template),
        ("getcodesize", sre_getcodesize),
        ("ascii_iscased", sre_ascii_iscased),
        ("unicode_iscased", sre_unicode_iscased),
        ("ascii_tolower", sre_ascii_tolower),
        ("unicode_tolower", sre_unicode_tolower),
    ];
    for &(name, function) in functions {
        set(
            ts,
            dict,
            name,
            new_builtin_function(ts, name, function, module.clone()),
        )?;
    }
    Ok(module)
}
