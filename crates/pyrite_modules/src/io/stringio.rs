//! `_io.StringIO`: a text stream over an in-memory buffer of code points, with the
//! newline translation of its `newline` argument.
//!
//! CPython counterpart: `Modules/_io/stringio.c`.

use pyrite_objects::descr::{add_getsets, add_methods};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    PyErr, PyObject, PyResult, ThreadState, singletons, str as pystr, str_methods,
};

use super::{STRINGIO_TYPE, State, bool_ref, int_arg, io_of, new_int, size_arg};
use crate::modsupport::{Args, KwNames, bind};

#[derive(Default)]
pub struct StringState {
    buffer: Vec<u32>,
    position: usize,
    /// `None`: universal newlines, translated on write.
    newline: Option<Vec<u32>>,
    /// The line ends seen, for `newlines` (universal mode only).
    seen: u8,
}

const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

fn with_open<R>(object: &PyObject, operation: impl FnOnce(&mut StringState) -> R) -> PyResult<R> {
    let io = io_of(object)?;
    if io.closed.get() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "I/O operation on closed file",
        ));
    }
    let mut state = io.state.borrow_mut();
    match &mut *state {
        State::StringIo(string_state) => Ok(operation(string_state)),
        _ => Err(PyErr::new(
            ExceptionKind::ValueError,
            "I/O operation on uninitialized object",
        )),
    }
}

/// Newline translation on the way in.
fn translate(state: &mut StringState, text: &[u32]) -> Vec<u32> {
    match &state.newline {
        None => {
            let mut out = Vec::with_capacity(text.len());
            let mut index = 0;
            while index < text.len() {
                match text[index] {
                    0x0D if text.get(index + 1) == Some(&0x0A) => {
                        state.seen |= SEEN_CRLF;
                        out.push(0x0A);
                        index += 2;
                        continue;
                    }
                    0x0D => {
                        state.seen |= SEEN_CR;
                        out.push(0x0A);
                    }
                    0x0A => {
                        state.seen |= SEEN_LF;
                        out.push(0x0A);
                    }
                    code => out.push(code),
                }
                index += 1;
            }
            out
        }
        Some(newline) if newline.as_slice() == [0x0D] || newline.as_slice() == [0x0D, 0x0A] => {
            let mut out = Vec::with_capacity(text.len());
            for &code in text {
                if code == 0x0A {
                    out.extend_from_slice(newline);
                } else {
                    out.push(code);
                }
            }
            out
        }
        Some(newline) => {
            if newline.is_empty() {
                let mut index = 0;
                while index < text.len() {
                    match text[index] {
                        0x0D if text.get(index + 1) == Some(&0x0A) => {
                            state.seen |= SEEN_CRLF;
                            index += 1;
                        }
                        0x0D => state.seen |= SEEN_CR,
                        0x0A => state.seen |= SEEN_LF,
                        _ => {}
                    }
                    index += 1;
                }
            }
            text.to_vec()
        }
    }
}

fn write_text(state: &mut StringState, text: &[u32]) -> PyResult<()> {
    let text = translate(state, text);
    let end = state.position.saturating_add(text.len());
    if state.buffer.len() < end {
        let additional = end - state.buffer.len();
        super::reserve(&mut state.buffer, additional)?;
        state.buffer.resize(end, 0);
    }
    state.buffer[state.position..end].copy_from_slice(&text);
    state.position = end;
    Ok(())
}

pub(super) fn stringio_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let values = bind("StringIO", args, kw, &["initial_value", "newline"], 0, 0)?;
    let newline = match values[1].as_ref() {
        None => Some(vec![0x0A]),
        Some(value) if singletons::is_none(value) => None,
        Some(value) => match pystr::as_str_payload(value) {
            Some(text) => {
                let codes = str_methods::code_points_of(text);
                if !matches!(codes.as_slice(), [] | [0x0A] | [0x0D] | [0x0D, 0x0A]) {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        format!("illegal newline value: {}", pystr::repr_text(ts, value)?),
                    ));
                }
                Some(codes)
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "newline must be str or None, not {}",
                    value.ob_type().name()
                )));
            }
        },
    };
    let initial = match values[0]
        .as_ref()
        .filter(|value| !singletons::is_none(value))
    {
        Some(value) => match pystr::as_str_payload(value) {
            Some(text) => str_methods::code_points_of(text),
            None => {
                return Err(PyErr::type_error(format!(
                    "initial_value must be str or None, not {}",
                    value.ob_type().name()
                )));
            }
        },
        None => Vec::new(),
    };
    let io = io_of(this)?;
    io.closed.set(false);
    let mut state = StringState {
        newline,
        ..StringState::default()
    };
    write_text(&mut state, &initial)?;
    state.position = 0;
    *io.state.borrow_mut() = State::StringIo(state);
    Ok(())
}

fn text_of(ts: &ThreadState, codes: &[u32]) -> PyResult {
    str_methods::str_from_code_points(ts, codes)
}

fn stringio_write(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [text] = args else {
        return Err(PyErr::type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    with_open(this, |_| ())?;
    let Some(text) = pystr::as_str_payload(text) else {
        return Err(PyErr::type_error(format!(
            "string argument expected, got '{}'",
            text.ob_type().name()
        )));
    };
    let codes = str_methods::code_points_of(text);
    let count = codes.len();
    with_open(this, |state| write_text(state, &codes))??;
    Ok(new_int(ts, count as i64))
}

fn stringio_read(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("read", args, kw, &["size"], 1, 0)?;
    let size = size_arg(values[0].as_ref())?;
    let codes = with_open(this, |state| {
        let start = state.position.min(state.buffer.len());
        let end = if size < 0 {
            state.buffer.len()
        } else {
            (start + size as usize).min(state.buffer.len())
        };
        state.position = state.position.max(end);
        state.buffer[start..end].to_vec()
    })?;
    text_of(ts, &codes)
}

/// The end of the line starting at `start`, per the newline mode.
fn line_end(state: &StringState, start: usize, limit: usize) -> usize {
    let buffer = &state.buffer[..limit];
    let mut index = start;
    match state.newline.as_deref() {
        Some([]) => {
            while index < buffer.len() {
                match buffer[index] {
                    0x0A => return index + 1,
                    0x0D if buffer.get(index + 1) == Some(&0x0A) => return index + 2,
                    0x0D => return index + 1,
                    _ => index += 1,
                }
            }
            buffer.len()
        }
        Some([0x0D, 0x0A]) => {
            while index + 1 < buffer.len() {
                if buffer[index] == 0x0D && buffer[index + 1] == 0x0A {
                    return index + 2;
                }
                index += 1;
            }
            buffer.len()
        }
        Some([0x0D]) => buffer[start..]
            .iter()
            .position(|&code| code == 0x0D)
            .map_or(buffer.len(), |offset| start + offset + 1),
        _ => buffer[start..]
            .iter()
            .position(|&code| code == 0x0A)
            .map_or(buffer.len(), |offset| start + offset + 1),
    }
}

fn stringio_readline(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("readline", args, kw, &["size"], 1, 0)?;
    if let Some(value) = values[0].as_ref()
        && !singletons::is_none(value)
        && pyrite_objects::int::as_i64(value).is_none()
    {
        return Err(PyErr::type_error(format!(
            "integer argument expected, got '{}'",
            value.ob_type().name()
        )));
    }
    let size = size_arg(values[0].as_ref())?;
    let codes = with_open(this, |state| {
        let start = state.position.min(state.buffer.len());
        let limit = if size < 0 {
            state.buffer.len()
        } else {
            (start + size as usize).min(state.buffer.len())
        };
        let end = line_end(state, start, limit);
        state.position = state.position.max(end);
        state.buffer[start..end].to_vec()
    })?;
    text_of(ts, &codes)
}

fn stringio_getvalue(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let codes = with_open(this, |state| state.buffer.clone())?;
    text_of(ts, &codes)
}

fn stringio_tell(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(new_int(ts, with_open(this, |state| state.position)? as i64))
}

fn stringio_seek(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("seek", args, kw, &["pos", "whence"], 2, 1)?;
    let position = int_arg(ts, values[0].as_ref().expect("required"))?;
    let whence = match values[1].as_ref() {
        Some(value) => int_arg(ts, value)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("Invalid whence ({whence}, should be 0, 1 or 2)"),
        ));
    }
    if position < 0 && whence == 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("Negative seek position {position}"),
        ));
    }
    if whence != 0 && position != 0 {
        // CPython gives the cur-relative message for both.
        return Err(PyErr::new(
            ExceptionKind::OSError,
            "Can't do nonzero cur-relative seeks",
        ));
    }
    let target = with_open(this, |state| {
        state.position = match whence {
            0 => position as usize,
            1 => state.position,
            _ => state.buffer.len(),
        };
        state.position
    })?;
    Ok(new_int(ts, target as i64))
}

fn stringio_truncate(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("truncate", args, kw, &["pos"], 1, 0)?;
    let size = match values[0]
        .as_ref()
        .filter(|value| !singletons::is_none(value))
    {
        Some(value) => int_arg(ts, value)?,
        None => with_open(this, |state| state.position as i64)?,
    };
    if size < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("Negative size value {size}"),
        ));
    }
    with_open(this, |state| state.buffer.truncate(size as usize))?;
    Ok(new_int(ts, size))
}

fn stringio_true(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    with_open(this, |_| ())?;
    Ok(bool_ref(true))
}

fn stringio_close(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let io = io_of(this)?;
    io.closed.set(true);
    if let State::StringIo(state) = &mut *io.state.borrow_mut() {
        state.buffer = Vec::new();
    }
    Ok(singletons::none())
}

fn stringio_closed(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(bool_ref(io_of(this)?.closed.get()))
}

fn stringio_line_buffering(_ts: &ThreadState, this: &PyObject) -> PyResult {
    with_open(this, |_| ())?;
    Ok(bool_ref(false))
}

fn stringio_newlines(ts: &ThreadState, this: &PyObject) -> PyResult {
    let (universal, seen) = with_open(this, |state| {
        (state.newline.as_ref().is_none_or(Vec::is_empty), state.seen)
    })?;
    if !universal || seen == 0 {
        return Ok(singletons::none());
    }
    let mut names = Vec::new();
    for (flag, name) in [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")] {
        if seen & flag != 0 {
            names.push(pystr::new(ts, name).into_ref());
        }
    }
    if names.len() == 1 {
        return Ok(names.pop().expect("one"));
    }
    Ok(pyrite_objects::tuple::new(ts, names).into_ref())
}

pub(super) fn install(ts: &ThreadState) {
    add_methods(
        ts,
        &STRINGIO_TYPE,
        &[
            ("write", stringio_write),
            ("read", stringio_read),
            ("readline", stringio_readline),
            ("getvalue", stringio_getvalue),
            ("tell", stringio_tell),
            ("seek", stringio_seek),
            ("truncate", stringio_truncate),
            ("readable", stringio_true),
            ("writable", stringio_true),
            ("seekable", stringio_true),
            ("close", stringio_close),
        ],
    );
    add_getsets(
        ts,
        &STRINGIO_TYPE,
        &[
            ("closed", stringio_closed, None),
            ("line_buffering", stringio_line_buffering, None),
            ("newlines", stringio_newlines, None),
        ],
    );
}
