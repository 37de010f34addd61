//! `_io.BytesIO`: a binary stream over an in-memory buffer.
//!
//! CPython counterpart: `Modules/_io/bytesio.c`.

use pyrite_objects::descr::{add_getsets, add_methods};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{PyErr, PyObject, PyResult, ThreadState, abstract_api, bytes, singletons};

use super::{
    BYTESIO_TYPE, State, bool_ref, call_method, closed_file_error, int_arg, io_of, new_int,
    size_arg,
};
use crate::modsupport::{Args, KwNames, bind};

#[derive(Default)]
pub struct BytesState {
    buffer: Vec<u8>,
    position: usize,
}

/// Runs `operation` on an open BytesIO's state.
fn with_open<R>(object: &PyObject, operation: impl FnOnce(&mut BytesState) -> R) -> PyResult<R> {
    let io = io_of(object)?;
    if io.closed.get() {
        return Err(closed_file_error());
    }
    let mut state = io.state.borrow_mut();
    if !matches!(&*state, State::BytesIo(_)) {
        *state = State::BytesIo(BytesState::default());
    }
    match &mut *state {
        State::BytesIo(bytes_state) => Ok(operation(bytes_state)),
        _ => Err(closed_file_error()),
    }
}

pub(super) fn bytesio_init(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    let values = bind("BytesIO", args, kw, &["initial_bytes"], 0, 0)?;
    let initial = match values[0]
        .as_ref()
        .filter(|value| !singletons::is_none(value))
    {
        Some(value) => bytes::require_bytes_like(value)?,
        None => Vec::new(),
    };
    let _ = ts;
    let io = io_of(this)?;
    io.closed.set(false);
    *io.state.borrow_mut() = State::BytesIo(BytesState {
        buffer: initial,
        position: 0,
    });
    Ok(())
}

fn read_up_to(state: &mut BytesState, size: i64) -> Vec<u8> {
    let start = state.position.min(state.buffer.len());
    let end = if size < 0 {
        state.buffer.len()
    } else {
        (start + size as usize).min(state.buffer.len())
    };
    state.position = end.max(state.position);
    state.buffer[start..end].to_vec()
}

fn bytesio_read(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("read", args, kw, &["size"], 1, 0)?;
    let size = size_arg(values[0].as_ref())?;
    let data = with_open(this, |state| read_up_to(state, size))?;
    Ok(bytes::from_vec(ts, data))
}

fn bytesio_readline(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("readline", args, kw, &["size"], 1, 0)?;
    let limit = size_arg(values[0].as_ref())?;
    let data = with_open(this, |state| {
        let start = state.position.min(state.buffer.len());
        let rest = &state.buffer[start..];
        let mut end = rest
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(rest.len(), |index| index + 1);
        if limit >= 0 {
            end = end.min(limit as usize);
        }
        read_up_to(state, end as i64)
    })?;
    Ok(bytes::from_vec(ts, data))
}

fn bytesio_readinto(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let [target] = args else {
        return Err(PyErr::type_error("readinto() takes exactly one argument"));
    };
    let length = abstract_api::len(ts, target)?;
    let data = with_open(this, |state| read_up_to(state, length as i64))?;
    let count = data.len();
    let slice = pyrite_objects::slice::new(
        ts,
        new_int(ts, 0),
        new_int(ts, count as i64),
        singletons::none(),
    );
    call_method(
        ts,
        target,
        "__setitem__",
        &[slice, bytes::from_vec(ts, data)],
    )?;
    Ok(new_int(ts, count as i64))
}

fn bytesio_write(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [data] = args else {
        return Err(PyErr::type_error(format!(
            "write() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    with_open(this, |_| ())?;
    let data = bytes::require_bytes_like(data)?;
    with_open(this, |state| {
        let end = state.position.saturating_add(data.len());
        if state.buffer.len() < end {
            let additional = end - state.buffer.len();
            super::reserve(&mut state.buffer, additional)?;
            state.buffer.resize(end, 0);
        }
        state.buffer[state.position..end].copy_from_slice(&data);
        state.position = end;
        Ok::<(), PyErr>(())
    })??;
    Ok(new_int(ts, data.len() as i64))
}

fn bytesio_getvalue(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let data = with_open(this, |state| state.buffer.clone())?;
    Ok(bytes::from_vec(ts, data))
}

fn bytesio_getbuffer(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let data = with_open(this, |state| state.buffer.clone())?;
    let copy = bytes::from_vec(ts, data);
    abstract_api::call(
        ts,
        pyrite_objects::memoryview::MEMORYVIEW_TYPE.as_object(),
        &[copy],
        None,
    )
}

fn bytesio_tell(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(new_int(ts, with_open(this, |state| state.position)? as i64))
}

fn bytesio_seek(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("seek", args, kw, &["pos", "whence"], 2, 1)?;
    let position = int_arg(ts, values[0].as_ref().expect("required"))?;
    let whence = match values[1].as_ref() {
        Some(value) => int_arg(ts, value)?,
        None => 0,
    };
    with_open(this, |_| ())?;
    let target = match whence {
        0 if position < 0 => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("negative seek value {position}"),
            ));
        }
        0 => position,
        1 => with_open(this, |state| state.position as i64)? + position,
        2 => with_open(this, |state| state.buffer.len() as i64)? + position,
        _ => {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                format!("invalid whence ({whence}, should be 0, 1 or 2)"),
            ));
        }
    };
    let target = target.max(0) as usize;
    with_open(this, |state| state.position = target)?;
    Ok(new_int(ts, target as i64))
}

fn bytesio_truncate(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("truncate", args, kw, &["size"], 1, 0)?;
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
            format!("negative size value {size}"),
        ));
    }
    with_open(this, |state| state.buffer.truncate(size as usize))?;
    Ok(new_int(ts, size))
}

fn bytesio_true(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    with_open(this, |_| ())?;
    Ok(bool_ref(true))
}

fn bytesio_flush(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    with_open(this, |_| ())?;
    Ok(singletons::none())
}

fn bytesio_close(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let io = io_of(this)?;
    io.closed.set(true);
    let old = std::mem::replace(
        &mut *io.state.borrow_mut(),
        State::BytesIo(BytesState::default()),
    );
    drop(old);
    Ok(singletons::none())
}

fn bytesio_closed(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(bool_ref(io_of(this)?.closed.get()))
}

pub(super) fn install(ts: &ThreadState) {
    add_methods(
        ts,
        &BYTESIO_TYPE,
        &[
            ("read", bytesio_read),
            ("read1", bytesio_read),
            ("readline", bytesio_readline),
            ("readinto", bytesio_readinto),
            ("write", bytesio_write),
            ("getvalue", bytesio_getvalue),
            ("getbuffer", bytesio_getbuffer),
            ("tell", bytesio_tell),
            ("seek", bytesio_seek),
            ("truncate", bytesio_truncate),
            ("readable", bytesio_true),
            ("writable", bytesio_true),
            ("seekable", bytesio_true),
            ("flush", bytesio_flush),
            ("close", bytesio_close),
        ],
    );
    add_getsets(ts, &BYTESIO_TYPE, &[("closed", bytesio_closed, None)]);
}
