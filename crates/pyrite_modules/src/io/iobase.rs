//! `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`: the default methods
//! every stream gets (closing, context manager, iteration, `readline`/`readlines`/
//! `writelines`, the `_check*` helpers, `read`/`readall` over `readinto`).
//!
//! CPython counterpart: `Modules/_io/iobase.c` and the base classes of
//! `Modules/_io/bufferedio.c` and `textio.c`.

use pyrite_objects::descr::{add_getsets, add_methods};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    PyErr, PyObject, PyRef, PyResult, ThreadState, abstract_api, attrs, bytearray, bytes,
    iterobject, list, singletons, str as pystr,
};

use super::{
    BUFFERED_IOBASE_TYPE, DEFAULT_BUFFER_SIZE, IOBASE_TYPE, RAW_IOBASE_TYPE, TEXT_IOBASE_TYPE,
    bool_ref, call_method, closed_file_error, int_arg, io_of, size_arg, unsupported,
};
use crate::modsupport::{Args, KwNames, bind};

/// Whether `object.closed` is true.
pub fn is_closed(ts: &ThreadState, object: &PyObject) -> PyResult<bool> {
    attrs::get_attr_str(ts, object, "closed")?.is_true(ts)
}

/// `ValueError` if `object` is closed.
pub fn check_closed(ts: &ThreadState, object: &PyObject) -> PyResult<()> {
    if is_closed(ts, object)? {
        return Err(closed_file_error());
    }
    Ok(())
}

fn none(_ts: &ThreadState) -> PyResult {
    Ok(singletons::none())
}

fn iobase_closed(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(bool_ref(io_of(object)?.closed.get()))
}

fn iobase_close(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let io = io_of(this)?;
    if io.closed.get() {
        return Ok(singletons::none());
    }
    let flushed = call_method(ts, this, "flush", &[]);
    io.closed.set(true);
    flushed?;
    Ok(singletons::none())
}

fn iobase_flush(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    check_closed(ts, this)?;
    Ok(singletons::none())
}

fn iobase_seek(ts: &ThreadState, _this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(unsupported(ts, "seek"))
}

fn iobase_tell(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    call_method(
        ts,
        this,
        "seek",
        &[super::new_int(ts, 0), super::new_int(ts, 1)],
    )
}

fn iobase_truncate(ts: &ThreadState, _this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(unsupported(ts, "truncate"))
}

fn iobase_fileno(ts: &ThreadState, _this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(unsupported(ts, "fileno"))
}

fn iobase_false(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let _ = (ts, this);
    Ok(bool_ref(false))
}

fn iobase_isatty(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    check_closed(ts, this)?;
    Ok(bool_ref(false))
}

fn iobase_check_closed(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    check_closed(ts, this)?;
    Ok(singletons::none())
}

/// `_checkReadable`/`_checkWritable`/`_checkSeekable`.
fn check_capability(ts: &ThreadState, this: &PyObject, method: &str, message: &str) -> PyResult {
    if !call_method(ts, this, method, &[])?.is_true(ts)? {
        return Err(unsupported(ts, message));
    }
    Ok(singletons::none())
}

fn iobase_check_readable(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    check_capability(ts, this, "readable", "File or stream is not readable.")
}

fn iobase_check_writable(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    check_capability(ts, this, "writable", "File or stream is not writable.")
}

fn iobase_check_seekable(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    check_capability(ts, this, "seekable", "File or stream is not seekable.")
}

fn iobase_enter(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    check_closed(ts, this)?;
    Ok(this.new_ref())
}

fn iobase_exit(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    call_method(ts, this, "close", &[])
}

pub fn iobase_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    check_closed(ts, object)?;
    Ok(object.new_ref())
}

pub fn iobase_iternext(ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let line = call_method(ts, object, "readline", &[])?;
    if abstract_api::len(ts, &line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

fn iobase_iter_method(
    ts: &ThreadState,
    this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    iobase_iter(ts, this)
}

/// The data of what `read`/`peek` returned (bytes-like), or CPython's error.
fn bytes_result(value: &PyObject, method: &str) -> PyResult<Vec<u8>> {
    bytes::bytes_like(value).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OSError,
            format!(
                "{method}() should have returned a bytes object, not '{}'",
                value.ob_type().name()
            ),
        )
    })
}

/// `readline(size=-1)` over `peek` (when there is one) and `read`.
fn iobase_readline(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("readline", args, kw, &["size"], 1, 0)?;
    let limit = size_arg(values[0].as_ref())?;
    let peek = attrs::lookup_attr(ts, this, &pystr::intern(ts, "peek"))?;
    let mut line: Vec<u8> = Vec::new();
    while limit < 0 || (line.len() as i64) < limit {
        let mut wanted = 1usize;
        if let Some(peek) = &peek {
            let ahead = abstract_api::call(ts, peek, &[super::new_int(ts, 1)], None)?;
            let ahead = bytes_result(&ahead, "peek")?;
            if !ahead.is_empty() {
                let upto = ahead
                    .iter()
                    .position(|&byte| byte == b'\n')
                    .map_or(ahead.len(), |index| index + 1);
                wanted = if limit >= 0 {
                    upto.min((limit as usize).saturating_sub(line.len()))
                } else {
                    upto
                };
            }
        }
        let chunk = call_method(ts, this, "read", &[super::new_int(ts, wanted as i64)])?;
        if singletons::is_none(&chunk) {
            break;
        }
        let chunk = bytes_result(&chunk, "read")?;
        if chunk.is_empty() {
            break;
        }
        line.extend_from_slice(&chunk);
        if line.ends_with(b"\n") {
            break;
        }
    }
    Ok(bytes::from_vec(ts, line))
}

fn iobase_readlines(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("readlines", args, kw, &["hint"], 1, 0)?;
    let hint = size_arg(values[0].as_ref())?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    let iterator = iterobject::get_iter(ts, this)?;
    while let Some(line) = iterobject::next(ts, &iterator)? {
        total += abstract_api::len(ts, &line)?;
        lines.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(list::new(ts, lines).into_ref())
}

fn iobase_writelines(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let values = bind("writelines", args, kw, &["lines"], 1, 1)?;
    check_closed(ts, this)?;
    let iterator = iterobject::get_iter(ts, values[0].as_ref().expect("required"))?;
    while let Some(line) = iterobject::next(ts, &iterator)? {
        call_method(ts, this, "write", &[line])?;
    }
    Ok(singletons::none())
}

fn iobase_dict(ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(attrs::instance_dict(ts, object, true).unwrap_or_else(singletons::none))
}

// ------------------------------------------------------------------ _RawIOBase

fn rawiobase_read(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("read", args, kw, &["size"], 1, 0)?;
    let size = size_arg(values[0].as_ref())?;
    if size < 0 {
        return call_method(ts, this, "readall", &[]);
    }
    let buffer = bytearray::new(ts, vec![0; size as usize]);
    let count = call_method(ts, this, "readinto", std::slice::from_ref(&buffer))?;
    if singletons::is_none(&count) {
        return Ok(count);
    }
    let count = int_arg(ts, &count)?.max(0) as usize;
    let mut data = bytearray::data_of(&buffer).unwrap_or_default();
    data.truncate(count);
    Ok(bytes::from_vec(ts, data))
}

fn rawiobase_readall(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let mut data = Vec::new();
    loop {
        let chunk = call_method(
            ts,
            this,
            "read",
            &[super::new_int(ts, DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if singletons::is_none(&chunk) {
            if data.is_empty() {
                return Ok(chunk);
            }
            break;
        }
        let chunk = bytes::as_bytes(&chunk)
            .ok_or_else(|| PyErr::type_error("read() should return bytes"))?;
        if chunk.is_empty() {
            break;
        }
        data.extend_from_slice(chunk);
    }
    Ok(bytes::from_vec(ts, data))
}

fn not_implemented(_ts: &ThreadState, _this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(PyErr::without_arg(ExceptionKind::NotImplementedError))
}

// ------------------------------------------------------------------ _BufferedIOBase

fn buffered_unsupported(name: &'static str) -> impl Fn(&ThreadState) -> PyErr {
    move |ts| unsupported(ts, name)
}

fn bufferediobase_read(
    ts: &ThreadState,
    _this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Err(buffered_unsupported("read")(ts))
}

fn bufferediobase_read1(
    ts: &ThreadState,
    _this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Err(buffered_unsupported("read1")(ts))
}

fn bufferediobase_write(
    ts: &ThreadState,
    _this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Err(buffered_unsupported("write")(ts))
}

fn bufferediobase_detach(
    ts: &ThreadState,
    _this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Err(buffered_unsupported("detach")(ts))
}

/// `readinto(b)` over `read(len(b))` (or `read1`).
fn readinto_with(ts: &ThreadState, this: &PyObject, args: Args<'_>, method: &str) -> PyResult {
    let [target] = args else {
        return Err(PyErr::type_error(format!(
            "{method}into() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let length = abstract_api::len(ts, target)?;
    let data = call_method(ts, this, method, &[super::new_int(ts, length as i64)])?;
    let data = bytes_result(&data, method)?;
    if data.len() > length {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!(
                "read() returned too much data: {length} bytes requested, {} returned",
                data.len()
            ),
        ));
    }
    let slice = pyrite_objects::slice::new(
        ts,
        super::new_int(ts, 0),
        super::new_int(ts, data.len() as i64),
        singletons::none(),
    );
    let count = data.len();
    call_method(
        ts,
        target,
        "__setitem__",
        &[slice, bytes::from_vec(ts, data)],
    )?;
    Ok(super::new_int(ts, count as i64))
}

fn bufferediobase_readinto(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    readinto_with(ts, this, args, "read")
}

fn bufferediobase_readinto1(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    readinto_with(ts, this, args, "read1")
}

// ------------------------------------------------------------------ _TextIOBase

fn textiobase_read(ts: &ThreadState, _this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(unsupported(ts, "read"))
}

fn textiobase_readline(
    ts: &ThreadState,
    _this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Err(unsupported(ts, "readline"))
}

fn textiobase_write(ts: &ThreadState, _this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Err(unsupported(ts, "write"))
}

fn textiobase_detach(
    ts: &ThreadState,
    _this: &PyObject,
    _a: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    Err(unsupported(ts, "detach"))
}

fn textiobase_none(ts: &ThreadState, _object: &PyObject) -> PyResult {
    none(ts)
}

pub(super) fn install(ts: &ThreadState) {
    add_methods(
        ts,
        &IOBASE_TYPE,
        &[
            ("seek", iobase_seek),
            ("tell", iobase_tell),
            ("truncate", iobase_truncate),
            ("flush", iobase_flush),
            ("close", iobase_close),
            ("seekable", iobase_false),
            ("readable", iobase_false),
            ("writable", iobase_false),
            ("_checkClosed", iobase_check_closed),
            ("_checkSeekable", iobase_check_seekable),
            ("_checkReadable", iobase_check_readable),
            ("_checkWritable", iobase_check_writable),
            ("fileno", iobase_fileno),
            ("isatty", iobase_isatty),
            ("__enter__", iobase_enter),
            ("__exit__", iobase_exit),
            ("__iter__", iobase_iter_method),
            ("readline", iobase_readline),
            ("readlines", iobase_readlines),
            ("writelines", iobase_writelines),
        ],
    );
    add_getsets(
        ts,
        &IOBASE_TYPE,
        &[
            ("closed", iobase_closed, None),
            ("__dict__", iobase_dict, None),
        ],
    );
    add_methods(
        ts,
        &RAW_IOBASE_TYPE,
        &[
            ("read", rawiobase_read),
            ("readall", rawiobase_readall),
            ("readinto", not_implemented),
            ("write", not_implemented),
        ],
    );
    add_methods(
        ts,
        &BUFFERED_IOBASE_TYPE,
        &[
            ("detach", bufferediobase_detach),
            ("read", bufferediobase_read),
            ("read1", bufferediobase_read1),
            ("readinto", bufferediobase_readinto),
            ("readinto1", bufferediobase_readinto1),
            ("write", bufferediobase_write),
        ],
    );
    add_methods(
        ts,
        &TEXT_IOBASE_TYPE,
        &[
            ("detach", textiobase_detach),
            ("read", textiobase_read),
            ("readline", textiobase_readline),
            ("write", textiobase_write),
        ],
    );
    add_getsets(
        ts,
        &TEXT_IOBASE_TYPE,
        &[
            ("encoding", textiobase_none, None),
            ("newlines", textiobase_none, None),
            ("errors", textiobase_none, None),
        ],
    );
}
