//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and `BufferedRWPair`: a read
//! buffer and a write buffer over a raw stream, whose methods they call by name.
//!
//! CPython counterpart: `Modules/_io/bufferedio.c`.

use pyrite_objects::descr::{add_getsets, add_methods};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, attrs, bytes, singletons,
    str as pystr,
};

use super::{
    BUFFERED_RANDOM_TYPE, BUFFERED_READER_TYPE, BUFFERED_RWPAIR_TYPE, BUFFERED_WRITER_TYPE,
    DEFAULT_BUFFER_SIZE, State, call_method, int_arg, io_of, new_int, size_arg,
    uninitialized_error, unsupported,
};
use crate::modsupport::{Args, KwNames, bind};

pub struct BufferedState {
    /// `None` once detached.
    pub raw: Option<PyRef>,
    buffer_size: usize,
    read_buffer: Vec<u8>,
    read_position: usize,
    write_buffer: Vec<u8>,
    readable: bool,
    writable: bool,
}

impl BufferedState {
    fn unread(&self) -> usize {
        self.read_buffer.len() - self.read_position
    }
}

pub struct PairState {
    pub reader: PyRef,
    pub writer: PyRef,
}

fn with_state<R>(
    object: &PyObject,
    operation: impl FnOnce(&mut BufferedState) -> R,
) -> PyResult<R> {
    let io = io_of(object)?;
    let mut state = io.state.borrow_mut();
    match &mut *state {
        State::Buffered(buffered) => Ok(operation(buffered)),
        _ => Err(uninitialized_error()),
    }
}

/// The raw stream, or the error for a detached (or uninitialized) object.
fn raw_of(object: &PyObject) -> PyResult<PyRef> {
    with_state(object, |state| state.raw.clone())?
        .ok_or_else(|| PyErr::new(ExceptionKind::ValueError, "raw stream has been detached"))
}

fn check_open(ts: &ThreadState, object: &PyObject, message: &str) -> PyResult<PyRef> {
    let raw = raw_of(object)?;
    if super::iobase::is_closed(ts, &raw)? {
        return Err(PyErr::new(ExceptionKind::ValueError, message.to_owned()));
    }
    Ok(raw)
}

pub(super) fn buffered_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let io = io_of(this)?;
    let ty = this.ob_type();
    let is = |target: &PyType| ty.is_subtype(ts, target);
    let (readable, writable, name) = if is(&BUFFERED_RANDOM_TYPE) {
        (true, true, "BufferedRandom")
    } else if is(&BUFFERED_WRITER_TYPE) {
        (false, true, "BufferedWriter")
    } else {
        (true, false, "BufferedReader")
    };
    let values = bind(name, args, kw, &["raw", "buffer_size"], 0, 1)?;
    let raw = values[0].clone().expect("required");
    let buffer_size = match values[1].as_ref() {
        Some(value) => int_arg(ts, value)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if readable {
        check_capability(ts, &raw, "readable", "File or stream is not readable.")?;
    }
    if writable {
        check_capability(ts, &raw, "writable", "File or stream is not writable.")?;
    }
    if readable && writable {
        check_capability(ts, &raw, "seekable", "File or stream is not seekable.")?;
    }
    if buffer_size <= 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "buffer size must be strictly positive",
        ));
    }
    *io.state.borrow_mut() = State::Buffered(BufferedState {
        raw: Some(raw),
        buffer_size: buffer_size as usize,
        read_buffer: Vec::new(),
        read_position: 0,
        write_buffer: Vec::new(),
        readable,
        writable,
    });
    Ok(())
}

use pyrite_objects::PyType;

fn check_capability(ts: &ThreadState, raw: &PyObject, method: &str, message: &str) -> PyResult<()> {
    if !call_method(ts, raw, method, &[])?.is_true(ts)? {
        return Err(unsupported(ts, message));
    }
    Ok(())
}

/// Writes out the write buffer.
fn flush_writes(ts: &ThreadState, object: &PyObject, raw: &PyObject) -> PyResult<()> {
    let pending = with_state(object, |state| std::mem::take(&mut state.write_buffer))?;
    let mut written = 0;
    while written < pending.len() {
        let count = call_method(ts, raw, "write", &[bytes::new(ts, &pending[written..])]);
        let count = match count {
            Ok(count) => count,
            Err(err) => {
                with_state(object, |state| {
                    let mut rest = pending[written..].to_vec();
                    rest.extend_from_slice(&state.write_buffer);
                    state.write_buffer = rest;
                })?;
                return Err(err);
            }
        };
        if singletons::is_none(&count) {
            with_state(object, |state| {
                state.write_buffer = pending[written..].to_vec()
            })?;
            return Err(PyErr::new(
                ExceptionKind::BlockingIOError,
                "write could not complete without blocking",
            ));
        }
        let count = int_arg(ts, &count)?;
        if count < 0 || count as usize > pending.len() - written {
            return Err(PyErr::new(
                ExceptionKind::OSError,
                format!(
                    "raw write() returned invalid length {count} (should have been between 0 and {})",
                    pending.len() - written
                ),
            ));
        }
        written += count as usize;
    }
    Ok(())
}

/// Gives back unread buffered data to the raw stream's position (before a write or
/// seek on a random-access stream).
fn rewind_reads(ts: &ThreadState, object: &PyObject, raw: &PyObject) -> PyResult<()> {
    let unread = with_state(object, |state| {
        let unread = state.unread();
        state.read_buffer.clear();
        state.read_position = 0;
        unread
    })?;
    if unread > 0 {
        call_method(
            ts,
            raw,
            "seek",
            &[new_int(ts, -(unread as i64)), new_int(ts, 1)],
        )?;
    }
    Ok(())
}

/// One raw read into the read buffer: whether anything came (`None` from the raw
/// stream counts as nothing).
fn fill(ts: &ThreadState, object: &PyObject, raw: &PyObject, wanted: usize) -> PyResult<bool> {
    let size = with_state(object, |state| state.buffer_size.max(wanted))?;
    let chunk = call_method(ts, raw, "read", &[new_int(ts, size as i64)])?;
    if singletons::is_none(&chunk) {
        return Ok(false);
    }
    let chunk = bytes::bytes_like(&chunk).ok_or_else(|| {
        PyErr::type_error(format!(
            "read() should return bytes, not '{}'",
            chunk.ob_type().name()
        ))
    })?;
    if chunk.is_empty() {
        return Ok(false);
    }
    with_state(object, |state| {
        state.read_buffer.drain(..state.read_position);
        state.read_position = 0;
        state.read_buffer.extend_from_slice(&chunk);
    })?;
    Ok(true)
}

fn take(object: &PyObject, count: usize) -> PyResult<Vec<u8>> {
    with_state(object, |state| {
        let end = state
            .read_position
            .saturating_add(count)
            .min(state.read_buffer.len());
        let data = state.read_buffer[state.read_position..end].to_vec();
        state.read_position = end;
        data
    })
}

fn prepare_read(ts: &ThreadState, this: &PyObject, message: &str) -> PyResult<PyRef> {
    let raw = check_open(ts, this, message)?;
    if !with_state(this, |state| state.readable)? {
        return Err(unsupported(ts, "read"));
    }
    if with_state(this, |state| !state.write_buffer.is_empty())? {
        flush_writes(ts, this, &raw)?;
    }
    Ok(raw)
}

fn buffered_read(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("read", args, kw, &["size"], 1, 0)?;
    let size = size_arg(values[0].as_ref())?;
    if size < -1 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "read length must be non-negative or -1",
        ));
    }
    let raw = prepare_read(ts, this, "read of closed file")?;
    if size < 0 {
        let mut data = take(this, usize::MAX)?;
        loop {
            let chunk = call_method(ts, &raw, "read", &[new_int(ts, DEFAULT_BUFFER_SIZE as i64)])?;
            if singletons::is_none(&chunk) {
                if data.is_empty() {
                    return Ok(chunk);
                }
                break;
            }
            let chunk = bytes::bytes_like(&chunk).unwrap_or_default();
            if chunk.is_empty() {
                break;
            }
            data.extend_from_slice(&chunk);
        }
        return Ok(bytes::from_vec(ts, data));
    }
    let size = size as usize;
    while with_state(this, |state| state.unread())? < size {
        let missing = size - with_state(this, |state| state.unread())?;
        if !fill(ts, this, &raw, missing)? {
            break;
        }
    }
    Ok(bytes::from_vec(ts, take(this, size)?))
}

fn buffered_read1(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("read1", args, kw, &["size"], 1, 0)?;
    let size = size_arg(values[0].as_ref())?;
    let raw = prepare_read(ts, this, "read of closed file")?;
    let size = if size < 0 {
        with_state(this, |state| state.buffer_size)?
    } else {
        size as usize
    };
    if size == 0 {
        return Ok(bytes::new(ts, b""));
    }
    if with_state(this, |state| state.unread())? == 0 {
        fill(ts, this, &raw, size)?;
    }
    Ok(bytes::from_vec(ts, take(this, size)?))
}

fn buffered_peek(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    bind("peek", args, kw, &["size"], 1, 0)?;
    let raw = prepare_read(ts, this, "peek of closed file")?;
    if with_state(this, |state| state.unread())? == 0 {
        fill(ts, this, &raw, 1)?;
    }
    let data = with_state(this, |state| {
        state.read_buffer[state.read_position..].to_vec()
    })?;
    Ok(bytes::from_vec(ts, data))
}

fn buffered_readline(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("readline", args, kw, &["size"], 1, 0)?;
    let limit = size_arg(values[0].as_ref())?;
    let raw = prepare_read(ts, this, "readline of closed file")?;
    let mut line = Vec::new();
    loop {
        let (chunk, done) = with_state(this, |state| {
            let available = &state.read_buffer[state.read_position..];
            let room = if limit < 0 {
                usize::MAX
            } else {
                (limit as usize).saturating_sub(line.len())
            };
            let newline = available.iter().position(|&byte| byte == b'\n');
            let (count, done) = match newline {
                Some(index) if index < room => (index + 1, true),
                _ => (available.len().min(room), available.len() >= room),
            };
            let chunk = available[..count].to_vec();
            state.read_position += count;
            (chunk, done)
        })?;
        line.extend_from_slice(&chunk);
        if done || (limit >= 0 && line.len() as i64 >= limit) {
            break;
        }
        if !fill(ts, this, &raw, 1)? {
            break;
        }
    }
    Ok(bytes::from_vec(ts, line))
}

fn buffered_write(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [data] = args else {
        return Err(PyErr::type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let raw = check_open(ts, this, "write to closed file")?;
    if !with_state(this, |state| state.writable)? {
        return Err(unsupported(ts, "write"));
    }
    let data = bytes::require_bytes_like(data)?;
    if with_state(this, |state| state.unread())? > 0 {
        rewind_reads(ts, this, &raw)?;
    } else {
        with_state(this, |state| {
            state.read_buffer.clear();
            state.read_position = 0;
        })?;
    }
    let full = with_state(this, |state| {
        state.write_buffer.extend_from_slice(&data);
        state.write_buffer.len() > state.buffer_size
    })?;
    if full {
        flush_writes(ts, this, &raw)?;
    }
    Ok(new_int(ts, data.len() as i64))
}

fn buffered_flush(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let raw = check_open(ts, this, "I/O operation on closed file.")?;
    flush_writes(ts, this, &raw)?;
    if with_state(this, |state| state.writable)? {
        call_method(ts, &raw, "flush", &[])?;
    }
    Ok(singletons::none())
}

fn buffered_tell(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let raw = raw_of(this)?;
    let position = int_arg(ts, &*call_method(ts, &raw, "tell", &[])?)?;
    let (unread, pending) = with_state(this, |state| (state.unread(), state.write_buffer.len()))?;
    let position = position - unread as i64 + pending as i64;
    if position < 0 {
        return Err(PyErr::new(
            ExceptionKind::OSError,
            "Raw stream returned invalid position",
        ));
    }
    Ok(new_int(ts, position))
}

fn buffered_seek(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("seek", args, kw, &["target", "whence"], 2, 1)?;
    let target = values[0].as_ref().expect("required");
    if target.payload_is::<pyrite_objects::float::Float>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let mut position = int_arg(ts, target)?;
    let whence = match values[1].as_ref() {
        Some(value) => int_arg(ts, value)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("whence value {whence} unsupported"),
        ));
    }
    let raw = check_open(ts, this, "seek of closed file")?;
    if !call_method(ts, &raw, "seekable", &[])?.is_true(ts)? {
        return Err(unsupported(ts, "File or stream is not seekable."));
    }
    flush_writes(ts, this, &raw)?;
    if whence == 1 {
        position -= with_state(this, |state| state.unread())? as i64;
    }
    with_state(this, |state| {
        state.read_buffer.clear();
        state.read_position = 0;
    })?;
    call_method(
        ts,
        &raw,
        "seek",
        &[new_int(ts, position), new_int(ts, whence)],
    )
}

fn buffered_truncate(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("truncate", args, kw, &["pos"], 1, 0)?;
    let raw = check_open(ts, this, "truncate of closed file")?;
    if !with_state(this, |state| state.writable)? {
        return Err(unsupported(ts, "truncate"));
    }
    flush_writes(ts, this, &raw)?;
    let position = match values[0]
        .clone()
        .filter(|value| !singletons::is_none(value))
    {
        Some(position) => position,
        None => buffered_tell(ts, this, &[], None)?,
    };
    rewind_reads(ts, this, &raw)?;
    call_method(ts, &raw, "truncate", &[position])
}

fn buffered_close(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let raw = raw_of(this)?;
    if super::iobase::is_closed(ts, &raw)? {
        return Ok(singletons::none());
    }
    let flushed = call_method(ts, this, "flush", &[]);
    with_state(this, |state| {
        state.read_buffer.clear();
        state.read_position = 0;
    })?;
    let closed = call_method(ts, &raw, "close", &[]);
    flushed?;
    closed
}

fn buffered_detach(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let raw = raw_of(this)?;
    call_method(ts, this, "flush", &[])?;
    with_state(this, |state| state.raw = None)?;
    Ok(raw)
}

fn delegate(ts: &ThreadState, this: &PyObject, name: &str) -> PyResult {
    let raw = raw_of(this)?;
    call_method(ts, &raw, name, &[])
}

fn buffered_fileno(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    delegate(ts, this, "fileno")
}

fn buffered_isatty(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    delegate(ts, this, "isatty")
}

fn buffered_seekable(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    delegate(ts, this, "seekable")
}

fn buffered_readable(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    delegate(ts, this, "readable")
}

fn buffered_writable(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    delegate(ts, this, "writable")
}

fn raw_attribute(ts: &ThreadState, this: &PyObject, name: &str) -> PyResult {
    let raw = raw_of(this)?;
    attrs::get_attr_str(ts, &raw, name)
}

fn buffered_closed(ts: &ThreadState, this: &PyObject) -> PyResult {
    raw_attribute(ts, this, "closed")
}

fn buffered_name(ts: &ThreadState, this: &PyObject) -> PyResult {
    raw_attribute(ts, this, "name")
}

fn buffered_mode(ts: &ThreadState, this: &PyObject) -> PyResult {
    raw_attribute(ts, this, "mode")
}

fn buffered_raw(_ts: &ThreadState, this: &PyObject) -> PyResult {
    raw_of(this)
}

pub fn buffered_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let ty = object.ob_type();
    let name = ty.name().to_owned();
    let text = match attrs::lookup_attr(ts, object, &pystr::intern(ts, "name")) {
        Ok(Some(file)) => format!("<{name} name={}>", pystr::repr_text(ts, &file)?),
        Ok(None) => format!("<{name}>"),
        Err(err) if err.matches(ExceptionKind::ValueError) => format!("<{name}>"),
        Err(err) => return Err(err),
    };
    Ok(pystr::new(ts, &text).into_ref())
}

// ------------------------------------------------------------------ BufferedRWPair

fn pair_of(object: &PyObject) -> PyResult<(PyRef, PyRef)> {
    let io = io_of(object)?;
    match &*io.state.borrow() {
        State::Pair(pair) => Ok((pair.reader.clone(), pair.writer.clone())),
        _ => Err(uninitialized_error()),
    }
}

pub(super) fn pair_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let values = bind(
        "BufferedRWPair",
        args,
        kw,
        &["reader", "writer", "buffer_size"],
        3,
        2,
    )?;
    let size = values[2]
        .clone()
        .unwrap_or_else(|| new_int(ts, DEFAULT_BUFFER_SIZE as i64));
    let reader = abstract_api::call(
        ts,
        BUFFERED_READER_TYPE.as_object(),
        &[values[0].clone().expect("required"), size.clone()],
        None,
    )?;
    let writer = abstract_api::call(
        ts,
        BUFFERED_WRITER_TYPE.as_object(),
        &[values[1].clone().expect("required"), size],
        None,
    )?;
    *io_of(this)?.state.borrow_mut() = State::Pair(PairState { reader, writer });
    Ok(())
}

macro_rules! pair_methods {
    ($($function:ident: $side:tt, $name:literal;)*) => {
        $(
            fn $function(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
                let sides = pair_of(this)?;
                let method = attrs::get_attr_str(ts, &sides.$side, $name)?;
                abstract_api::call(ts, &method, args, kw)
            }
        )*
    };
}

pair_methods! {
    pair_read: 0, "read";
    pair_peek: 0, "peek";
    pair_read1: 0, "read1";
    pair_readinto: 0, "readinto";
    pair_readinto1: 0, "readinto1";
    pair_readable: 0, "readable";
    pair_write: 1, "write";
    pair_flush: 1, "flush";
    pair_writable: 1, "writable";
}

fn pair_close(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let (reader, writer) = pair_of(this)?;
    let first = call_method(ts, &writer, "close", &[]);
    let second = call_method(ts, &reader, "close", &[]);
    first?;
    second
}

fn pair_isatty(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let (reader, writer) = pair_of(this)?;
    if call_method(ts, &writer, "isatty", &[])?.is_true(ts)? {
        return Ok(super::bool_ref(true));
    }
    call_method(ts, &reader, "isatty", &[])
}

fn pair_closed(ts: &ThreadState, this: &PyObject) -> PyResult {
    let (_, writer) = pair_of(this)?;
    attrs::get_attr_str(ts, &writer, "closed")
}

pub(super) fn install(ts: &ThreadState) {
    for ty in [
        &BUFFERED_READER_TYPE,
        &BUFFERED_WRITER_TYPE,
        &BUFFERED_RANDOM_TYPE,
    ] {
        add_methods(
            ts,
            ty,
            &[
                ("read", buffered_read),
                ("read1", buffered_read1),
                ("peek", buffered_peek),
                ("readline", buffered_readline),
                ("write", buffered_write),
                ("flush", buffered_flush),
                ("tell", buffered_tell),
                ("seek", buffered_seek),
                ("truncate", buffered_truncate),
                ("close", buffered_close),
                ("detach", buffered_detach),
                ("fileno", buffered_fileno),
                ("isatty", buffered_isatty),
                ("seekable", buffered_seekable),
                ("readable", buffered_readable),
                ("writable", buffered_writable),
            ],
        );
        add_getsets(
            ts,
            ty,
            &[
                ("closed", buffered_closed, None),
                ("name", buffered_name, None),
                ("mode", buffered_mode, None),
                ("raw", buffered_raw, None),
            ],
        );
    }
    add_methods(
        ts,
        &BUFFERED_RWPAIR_TYPE,
        &[
            ("read", pair_read),
            ("peek", pair_peek),
            ("read1", pair_read1),
            ("readinto", pair_readinto),
            ("readinto1", pair_readinto1),
            ("readable", pair_readable),
            ("write", pair_write),
            ("flush", pair_flush),
            ("writable", pair_writable),
            ("close", pair_close),
            ("isatty", pair_isatty),
        ],
    );
    add_getsets(ts, &BUFFERED_RWPAIR_TYPE, &[("closed", pair_closed, None)]);
}
