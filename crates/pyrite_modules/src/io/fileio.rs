//! `_io.FileIO`: raw, unbuffered I/O on a file descriptor (through `posix`'s descriptor
//! helpers).
//!
//! CPython counterpart: `Modules/_io/fileio.c`.

use std::io::SeekFrom;

use pyrite_objects::descr::{add_getsets, add_methods};
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::{
    PyErr, PyObject, PyResult, ThreadState, abstract_api, attrs, bytearray, bytes, int, singletons,
    str as pystr,
};

use super::{
    FILEIO_TYPE, IoObject, State, bool_ref, call_method, int_arg, io_of, new_int, size_arg,
    uninitialized_error, unsupported,
};
use crate::modsupport::{Args, KwNames, bind};
use crate::posix;

pub struct FileState {
    /// `-1` once closed.
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
}

impl FileState {
    fn mode(&self) -> &'static str {
        match (self.created, self.appending, self.readable, self.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }
}

fn state<R>(object: &PyObject, read: impl FnOnce(&FileState) -> R) -> PyResult<R> {
    let io = io_of(object)?;
    let state = io.state.borrow();
    match &*state {
        State::File(file) => Ok(read(file)),
        _ => Err(uninitialized_error()),
    }
}

/// The open descriptor, or the closed-file error.
fn open_fd(object: &PyObject) -> PyResult<i32> {
    let fd = state(object, |file| file.fd)?;
    if fd < 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "I/O operation on closed file",
        ));
    }
    Ok(fd)
}

fn io_err(ts: &ThreadState, err: &std::io::Error) -> PyErr {
    posix::io_error(ts, err, None)
}

/// `os.fspath(file)`: a `str` or `bytes` path.
fn fspath(ts: &ThreadState, file: &PyObject) -> PyResult {
    if pystr::as_str_payload(file).is_some() || bytes::as_bytes(file).is_some() {
        return Ok(file.new_ref());
    }
    match attrs::lookup_special(ts, file, "__fspath__")? {
        Some(method) => {
            let path = abstract_api::call(ts, &method, &[], None)?;
            if pystr::as_str_payload(&path).is_some() || bytes::as_bytes(&path).is_some() {
                Ok(path)
            } else {
                Err(PyErr::type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    file.ob_type().name(),
                    path.ob_type().name()
                )))
            }
        }
        None => Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.ob_type().name()
        ))),
    }
}

fn fileio_init(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind(
        "FileIO",
        args,
        kw,
        &["file", "mode", "closefd", "opener"],
        0,
        1,
    )?;
    let io = io_of(this)?;
    if let State::File(file) = &*io.state.borrow()
        && file.fd >= 0
        && file.closefd
    {
        posix::close_fd(file.fd);
    }
    let file = values[0].clone().expect("required");
    let mode = match values[1].as_ref() {
        None => "r".to_owned(),
        Some(mode) => pystr::as_str_payload(mode)
            .map(|text| text.to_string_lossy())
            .ok_or_else(|| {
                PyErr::type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    mode.ob_type().name()
                ))
            })?,
    };
    let closefd = match values[2].as_ref() {
        None => true,
        Some(value) => value.is_true(ts)?,
    };
    let opener = values[3]
        .clone()
        .filter(|value| !singletons::is_none(value));
    let mut state = FileState {
        fd: -1,
        readable: false,
        writable: false,
        appending: false,
        created: false,
        closefd,
    };
    let invalid = || PyErr::new(ExceptionKind::ValueError, format!("invalid mode: {mode}"));
    let mut kinds = 0;
    let mut plus = false;
    for c in mode.chars() {
        match c {
            'x' => {
                state.created = true;
                state.writable = true;
                kinds += 1;
            }
            'r' => {
                state.readable = true;
                kinds += 1;
            }
            'w' => {
                state.writable = true;
                kinds += 1;
            }
            'a' => {
                state.writable = true;
                state.appending = true;
                kinds += 1;
            }
            '+' if !plus => {
                plus = true;
                state.readable = true;
                state.writable = true;
            }
            'b' => {}
            _ => return Err(invalid()),
        }
    }
    if kinds != 1 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if file.payload_is::<pyrite_objects::float::Float>() {
        return Err(PyErr::type_error("integer argument expected, got float"));
    }
    if let Some(fd) = int::as_i64(&file).filter(|_| pystr::as_str_payload(&file).is_none()) {
        if fd < 0 {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "negative file descriptor",
            ));
        }
        state.fd = fd as i32;
    } else {
        if !closefd {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "Cannot use closefd=False with file name",
            ));
        }
        let path = fspath(ts, &file)?;
        let path_text: std::path::PathBuf = match pystr::as_str_payload(&path) {
            Some(_) => {
                use std::os::unix::ffi::OsStrExt;
                let data = posix::fs_encode(ts, &path)?;
                if data.contains(&0) {
                    return Err(PyErr::new(
                        ExceptionKind::ValueError,
                        "embedded null character",
                    ));
                }
                std::ffi::OsStr::from_bytes(&data).into()
            }
            None => {
                use std::os::unix::ffi::OsStrExt;
                std::ffi::OsStr::from_bytes(bytes::as_bytes(&path).unwrap_or_default()).into()
            }
        };
        let mut flags: i64 = if state.readable && state.writable {
            2
        } else if state.writable {
            1
        } else {
            0
        };
        if state.created {
            flags |= 0o100 | 0o200;
        } else if state.appending {
            flags |= 0o100 | 0o2000;
        } else if mode.contains('w') {
            flags |= 0o100 | 0o1000;
        }
        flags |= 0o2000000; // O_CLOEXEC
        if let Some(opener) = opener {
            let fd = abstract_api::call(ts, &opener, &[file.clone(), new_int(ts, flags)], None)?;
            let fd = int::as_i64(&fd)
                .ok_or_else(|| PyErr::type_error("expected integer from opener"))?;
            if fd < 0 {
                return Err(PyErr::new(
                    ExceptionKind::ValueError,
                    format!("opener returned {fd}"),
                ));
            }
            state.fd = fd as i32;
        } else {
            use std::os::unix::fs::OpenOptionsExt;
            let mut options = std::fs::OpenOptions::new();
            options
                .read(state.readable)
                .write(state.writable && !state.appending)
                .append(state.appending)
                .mode(0o666);
            if state.created {
                options.create_new(true);
            } else if state.appending {
                options.create(true);
            } else if mode.contains('w') {
                options.create(true).truncate(true);
            }
            let opened = options
                .open(&path_text)
                .map_err(|err| posix::io_error(ts, &err, Some(&file)))?;
            if opened.metadata().is_ok_and(|meta| meta.is_dir()) {
                return Err(posix::io_error(
                    ts,
                    &std::io::Error::from_raw_os_error(21),
                    Some(&file),
                ));
            }
            state.fd = posix::register_file(opened);
        }
    }
    let fd = state.fd;
    let appending = state.appending;
    *io.state.borrow_mut() = State::File(state);
    io.closed.set(false);
    attrs::generic_setattr(ts, this, &pystr::intern(ts, "name"), Some(&file))?;
    if appending {
        let _ = posix::seek_fd(fd, SeekFrom::End(0));
    }
    Ok(singletons::none())
}

pub(super) fn fileio_init_slot(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult<()> {
    fileio_init(ts, this, args, kw).map(drop)
}

fn check_readable(ts: &ThreadState, this: &PyObject) -> PyResult<i32> {
    let fd = open_fd(this)?;
    if !state(this, |file| file.readable)? {
        return Err(unsupported(ts, "File not open for reading"));
    }
    Ok(fd)
}

fn check_writable(ts: &ThreadState, this: &PyObject) -> PyResult<i32> {
    let fd = open_fd(this)?;
    if !state(this, |file| file.writable)? {
        return Err(unsupported(ts, "File not open for writing"));
    }
    Ok(fd)
}

fn read_all(ts: &ThreadState, fd: i32) -> PyResult<Vec<u8>> {
    let mut data = Vec::new();
    loop {
        let chunk =
            posix::read_fd(fd, super::DEFAULT_BUFFER_SIZE).map_err(|err| io_err(ts, &err))?;
        if chunk.is_empty() {
            return Ok(data);
        }
        data.extend_from_slice(&chunk);
    }
}

fn fileio_read(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("read", args, kw, &["size"], 1, 0)?;
    let size = size_arg(values[0].as_ref())?;
    let fd = check_readable(ts, this)?;
    let data = if size < 0 {
        read_all(ts, fd)?
    } else {
        posix::read_fd(fd, size as usize).map_err(|err| io_err(ts, &err))?
    };
    Ok(bytes::from_vec(ts, data))
}

fn fileio_readall(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let fd = check_readable(ts, this)?;
    Ok(bytes::from_vec(ts, read_all(ts, fd)?))
}

fn fileio_readinto(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [target] = args else {
        return Err(PyErr::type_error("readinto() takes exactly one argument"));
    };
    let fd = check_readable(ts, this)?;
    let length = abstract_api::len(ts, target)?;
    let data = posix::read_fd(fd, length).map_err(|err| io_err(ts, &err))?;
    let count = data.len();
    if target
        .downcast_ref::<pyrite_objects::bytearray::ByteArray>()
        .is_some()
    {
        target
            .downcast_ref::<pyrite_objects::bytearray::ByteArray>()
            .expect("checked")
            .payload()
            .modify(|buffer| buffer[..count].copy_from_slice(&data));
    } else {
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
    }
    let _ = bytearray::data_of;
    Ok(new_int(ts, count as i64))
}

fn fileio_write(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let [data] = args else {
        return Err(PyErr::type_error("write() takes exactly one argument"));
    };
    let fd = check_writable(ts, this)?;
    let data = bytes::require_bytes_like(data)?;
    let count = posix::write_fd(fd, &data).map_err(|err| io_err(ts, &err))?;
    Ok(new_int(ts, count as i64))
}

fn seek_fd(ts: &ThreadState, fd: i32, target: SeekFrom) -> PyResult<u64> {
    posix::seek_fd(fd, target).map_err(|err| io_err(ts, &err))
}

fn fileio_seek(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("seek", args, kw, &["pos", "whence"], 2, 1)?;
    let fd = open_fd(this)?;
    let position_object = values[0].as_ref().expect("required");
    if position_object.payload_is::<pyrite_objects::float::Float>() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let position = int_arg(ts, position_object)?;
    let whence = match values[1].as_ref() {
        None => 0,
        Some(value) => int_arg(ts, value)?,
    };
    let target = match whence {
        0 if position < 0 => {
            return Err(io_err(ts, &std::io::Error::from_raw_os_error(22)));
        }
        0 => SeekFrom::Start(position as u64),
        1 => SeekFrom::Current(position),
        2 => SeekFrom::End(position),
        _ => return Err(io_err(ts, &std::io::Error::from_raw_os_error(22))),
    };
    let result = seek_fd(ts, fd, target)?;
    Ok(new_int(ts, result as i64))
}

fn fileio_tell(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let fd = open_fd(this)?;
    Ok(new_int(ts, seek_fd(ts, fd, SeekFrom::Current(0))? as i64))
}

fn fileio_truncate(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("truncate", args, kw, &["size"], 1, 0)?;
    let fd = check_writable(ts, this)?;
    let size = match values[0]
        .as_ref()
        .filter(|value| !singletons::is_none(value))
    {
        Some(value) => int_arg(ts, value)?,
        None => seek_fd(ts, fd, SeekFrom::Current(0))? as i64,
    };
    if size < 0 {
        return Err(io_err(ts, &std::io::Error::from_raw_os_error(22)));
    }
    posix::truncate_fd(fd, size as u64).map_err(|err| io_err(ts, &err))?;
    Ok(new_int(ts, size))
}

fn fileio_close(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let io = io_of(this)?;
    let flushed = if io.closed.get() {
        Ok(singletons::none())
    } else {
        let result = call_method(ts, this, "flush", &[]);
        io.closed.set(true);
        result
    };
    if let State::File(file) = &mut *io.state.borrow_mut() {
        if file.fd >= 0 && file.closefd {
            posix::close_fd(file.fd);
        }
        file.fd = -1;
    }
    flushed.map(|_| singletons::none())
}

fn fileio_seekable(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let fd = open_fd(this)?;
    let _ = ts;
    Ok(bool_ref(posix::seek_fd(fd, SeekFrom::Current(0)).is_ok()))
}

fn fileio_readable(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    open_fd(this)?;
    Ok(bool_ref(state(this, |file| file.readable)?))
}

fn fileio_writable(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    open_fd(this)?;
    Ok(bool_ref(state(this, |file| file.writable)?))
}

fn fileio_fileno(ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    Ok(new_int(ts, i64::from(open_fd(this)?)))
}

fn fileio_isatty(_ts: &ThreadState, this: &PyObject, _a: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let fd = open_fd(this)?;
    Ok(bool_ref(posix::isatty_fd(fd)))
}

fn fileio_closed(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(bool_ref(state(this, |file| file.fd < 0).unwrap_or(true)))
}

fn fileio_closefd(_ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(bool_ref(state(this, |file| file.closefd)?))
}

fn fileio_mode(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(pystr::new(ts, state(this, FileState::mode)?).into_ref())
}

fn fileio_blksize(ts: &ThreadState, _this: &PyObject) -> PyResult {
    Ok(new_int(ts, 4096))
}

pub fn fileio_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let type_name = object.ob_type().name().to_owned();
    let qualified = if object.is_exact_type(&FILEIO_TYPE) {
        "_io.FileIO".to_owned()
    } else {
        type_name
    };
    let Ok((fd, mode, closefd)) = state(object, |file| (file.fd, file.mode(), file.closefd)) else {
        return Ok(pystr::new(ts, &format!("<{qualified} [closed]>")).into_ref());
    };
    if fd < 0 {
        return Ok(pystr::new(ts, &format!("<{qualified} [closed]>")).into_ref());
    }
    let closefd = if closefd { "True" } else { "False" };
    let text = match attrs::lookup_attr(ts, object, &pystr::intern(ts, "name"))? {
        Some(name) => format!(
            "<{qualified} name={} mode='{mode}' closefd={closefd}>",
            pystr::repr_text(ts, &name)?
        ),
        None => format!("<{qualified} fd={fd} mode='{mode}' closefd={closefd}>"),
    };
    Ok(pystr::new(ts, &text).into_ref())
}

/// A new `FileIO` over an already open descriptor (the standard streams).
pub fn new_for_fd(ts: &ThreadState, fd: i32, mode: &str, name: &str) -> PyResult {
    let object = abstract_api::call(
        ts,
        FILEIO_TYPE.as_object(),
        &[
            new_int(ts, i64::from(fd)),
            pystr::new(ts, mode).into_ref(),
            bool_ref(false),
        ],
        None,
    )?;
    attrs::generic_setattr(
        ts,
        &object,
        &pystr::intern(ts, "name"),
        Some(&pystr::new(ts, name).into_ref()),
    )?;
    Ok(object)
}

pub(super) fn install(ts: &ThreadState) {
    add_methods(
        ts,
        &FILEIO_TYPE,
        &[
            ("read", fileio_read),
            ("readall", fileio_readall),
            ("readinto", fileio_readinto),
            ("write", fileio_write),
            ("seek", fileio_seek),
            ("tell", fileio_tell),
            ("truncate", fileio_truncate),
            ("close", fileio_close),
            ("seekable", fileio_seekable),
            ("readable", fileio_readable),
            ("writable", fileio_writable),
            ("fileno", fileio_fileno),
            ("isatty", fileio_isatty),
        ],
    );
    add_getsets(
        ts,
        &FILEIO_TYPE,
        &[
            ("closed", fileio_closed, None),
            ("closefd", fileio_closefd, None),
            ("mode", fileio_mode, None),
            ("_blksize", fileio_blksize, None),
        ],
    );
    let _ = std::mem::size_of::<IoObject>();
}
