//! The `_io` module: the I/O class hierarchy (`_IOBase` and its raw, buffered and text
//! branches), `FileIO`, the buffered classes, `TextIOWrapper`, `StringIO`, `BytesIO`,
//! `IncrementalNewlineDecoder`, and `open()` (also `builtins.open`).
//!
//! CPython counterpart: `Modules/_io/` (`_iomodule.c` here, the classes one file each).
//! Every `_io` class shares one payload, `IoObject`, whose `state` says which concrete
//! object it is: Python subclasses (`io.IOBase`, user classes) carry it too. The default
//! methods call the object's own methods by name, so overrides in Python are honoured as
//! in CPython.

pub mod bufferedio;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod stringio;
pub mod textio;

use std::cell::{Cell, RefCell};

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{
    Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState, abstract_api,
    attrs, int, singletons, str as pystr, tuple,
};

use crate::modsupport::{Args, KwNames, ModuleBuilder, bind};

/// `io.DEFAULT_BUFFER_SIZE` (128 KiB since 3.14).
pub const DEFAULT_BUFFER_SIZE: usize = 128 * 1024;

/// The payload of every `_io` object.
pub struct IoObject {
    pub state: RefCell<State>,
    /// `_IOBase`'s own closed flag (CPython's `__IOBase_closed`).
    pub closed: Cell<bool>,
    /// Set once `__del__`-time closing ran (CPython's `_finalizing`).
    pub finalizing: Cell<bool>,
    dict: RefCell<Option<PyRef>>,
    weaklist: pyrite_objects::weakref::WeakrefList,
}

/// Which concrete `_io` object this is.
pub enum State {
    /// An `_IOBase` (or abstract subclass) instance, or a concrete one before `__init__`.
    Plain,
    File(fileio::FileState),
    Buffered(bufferedio::BufferedState),
    Pair(bufferedio::PairState),
    Text(Box<textio::TextState>),
    StringIo(stringio::StringState),
    BytesIo(bytesio::BytesState),
    NewlineDecoder(textio::NewlineDecoderState),
}

impl PyPayload for IoObject {
    fn static_type() -> &'static PyType {
        &IOBASE_TYPE
    }
}

impl IoObject {
    fn new() -> IoObject {
        IoObject {
            state: RefCell::new(State::Plain),
            closed: Cell::new(false),
            finalizing: Cell::new(false),
            dict: RefCell::new(None),
            weaklist: pyrite_objects::weakref::WeakrefList::new(),
        }
    }
}

/// The payload of an `_io` object.
pub fn io_of(object: &PyObject) -> PyResult<&IoObject> {
    object
        .downcast_ref::<IoObject>()
        .map(|io| io.payload())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor requires an '_io' object but received '{}'",
                object.ob_type().name()
            ))
        })
}

fn io_new(ts: &ThreadState, ty: &PyType, _args: Args<'_>, _kw: KwNames<'_>) -> PyResult {
    Py::new_with_type(ts, ty, IoObject::new())
        .map(Py::into_ref)
        .ok_or_else(|| PyErr::type_error("_io type mismatch"))
}

fn io_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let Some(io) = object.downcast_ref::<IoObject>() else {
        return;
    };
    let io = io.payload();
    if let Some(dict) = io.dict.borrow().as_ref() {
        visit(dict);
    }
    if let Ok(state) = io.state.try_borrow() {
        for reference in state_references(&state) {
            visit(reference);
        }
    }
}

fn state_references(state: &State) -> Vec<&PyRef> {
    match state {
        State::Buffered(buffered) => buffered.raw.iter().collect(),
        State::Pair(pair) => vec![&pair.reader, &pair.writer],
        State::Text(text) => text.references(),
        State::NewlineDecoder(decoder) => decoder.decoder.iter().collect(),
        _ => Vec::new(),
    }
}

fn io_clear(_ts: &ThreadState, object: &PyObject) {
    let Some(io) = object.downcast_ref::<IoObject>() else {
        return;
    };
    let io = io.payload();
    let dict = io.dict.borrow_mut().take();
    let state = io
        .state
        .try_borrow_mut()
        .map(|mut state| std::mem::replace(&mut *state, State::Plain));
    drop((dict, state));
}

/// `__del__`: closes the object unless closed (CPython's `iobase_finalize`).
fn io_finalize(ts: &ThreadState, object: &PyObject) {
    let Ok(io) = io_of(object) else {
        return;
    };
    let closed = match attrs::get_attr_str(ts, object, "closed") {
        Ok(value) => value.is_true(ts).unwrap_or(true),
        Err(_) => true,
    };
    if !closed {
        io.finalizing.set(true);
        let _ = call_method(ts, object, "close", &[]);
    }
}

const IO_FLAGS: u64 = flags::BASETYPE | flags::HAVE_GC;

const fn io_slots() -> SlotTable {
    SlotTable {
        new: Slot::new(io_new),
        traverse: Slot::new(io_traverse),
        clear: Slot::new(io_clear),
        finalize: Slot::new(io_finalize),
        iter: Slot::new(iobase::iobase_iter),
        iternext: Slot::new(iobase::iobase_iternext),
        ..pyrite_objects::typeobject::object_slots()
    }
}

const fn io_type(name: &'static str, base: &'static StaticType) -> TypeObject {
    TypeObject::builtin::<IoObject>(name, IO_FLAGS, Some(base))
        .with_slots(io_slots())
        .with_dict_offset(pyrite_objects::object::payload_field_offset::<IoObject>(
            std::mem::offset_of!(IoObject, dict),
        ))
        .with_weaklist_offset(pyrite_objects::object::payload_field_offset::<IoObject>(
            std::mem::offset_of!(IoObject, weaklist),
        ))
}

pub static IOBASE_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, io_type("_io._IOBase", &OBJECT_TYPE));
pub static RAW_IOBASE_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, io_type("_io._RawIOBase", &IOBASE_TYPE));
pub static BUFFERED_IOBASE_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, io_type("_io._BufferedIOBase", &IOBASE_TYPE));
pub static TEXT_IOBASE_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, io_type("_io._TextIOBase", &IOBASE_TYPE));
pub static FILEIO_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.FileIO", &RAW_IOBASE_TYPE).with_slots(SlotTable {
        repr: Slot::new(fileio::fileio_repr),
        init: Slot::new(fileio::fileio_init_slot),
        ..io_slots()
    }),
);

const fn buffered_slots() -> SlotTable {
    SlotTable {
        repr: Slot::new(bufferedio::buffered_repr),
        init: Slot::new(bufferedio::buffered_init),
        ..io_slots()
    }
}

pub static BUFFERED_READER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.BufferedReader", &BUFFERED_IOBASE_TYPE).with_slots(buffered_slots()),
);
pub static BUFFERED_WRITER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.BufferedWriter", &BUFFERED_IOBASE_TYPE).with_slots(buffered_slots()),
);
pub static BUFFERED_RANDOM_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.BufferedRandom", &BUFFERED_IOBASE_TYPE).with_slots(buffered_slots()),
);
pub static BUFFERED_RWPAIR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.BufferedRWPair", &BUFFERED_IOBASE_TYPE).with_slots(SlotTable {
        init: Slot::new(bufferedio::pair_init),
        ..io_slots()
    }),
);
pub static BYTESIO_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.BytesIO", &BUFFERED_IOBASE_TYPE).with_slots(SlotTable {
        init: Slot::new(bytesio::bytesio_init),
        ..io_slots()
    }),
);
pub static TEXTIOWRAPPER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.TextIOWrapper", &TEXT_IOBASE_TYPE).with_slots(SlotTable {
        repr: Slot::new(textio::textio_repr),
        init: Slot::new(textio::textio_init),
        iternext: Slot::new(textio::textio_iternext),
        ..io_slots()
    }),
);
pub static STRINGIO_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.StringIO", &TEXT_IOBASE_TYPE).with_slots(SlotTable {
        init: Slot::new(stringio::stringio_init),
        ..io_slots()
    }),
);
pub static NEWLINE_DECODER_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    io_type("_io.IncrementalNewlineDecoder", &OBJECT_TYPE).with_slots(SlotTable {
        new: Slot::new(io_new),
        init: Slot::new(textio::newline_decoder_init),
        traverse: Slot::new(io_traverse),
        clear: Slot::new(io_clear),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

// ------------------------------------------------------------------ shared helpers

/// `object.name(*args)`.
pub fn call_method(ts: &ThreadState, object: &PyObject, name: &str, args: &[PyRef]) -> PyResult {
    let method = attrs::get_attr_str(ts, object, name)?;
    abstract_api::call(ts, &method, args, None)
}

thread_local! {
    static UNSUPPORTED: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// `io.UnsupportedOperation(message)`.
pub fn unsupported(ts: &ThreadState, message: &str) -> PyErr {
    let class = UNSUPPORTED.with(|class| class.borrow().clone());
    let text = pystr::new(ts, message).into_ref();
    match class {
        Some(class) => match abstract_api::call(ts, &class, &[text], None) {
            Ok(exc) => PyErr::from_exception(exc),
            Err(err) => err,
        },
        None => PyErr::new(ExceptionKind::OSError, message.to_owned()),
    }
}

pub fn closed_file_error() -> PyErr {
    PyErr::new(ExceptionKind::ValueError, "I/O operation on closed file.")
}

pub fn uninitialized_error() -> PyErr {
    PyErr::new(
        ExceptionKind::ValueError,
        "I/O operation on uninitialized object",
    )
}

/// `size` arguments: `None` or an integer (`-1` for all).
pub fn size_arg(value: Option<&PyRef>) -> PyResult<i64> {
    match value {
        None => Ok(-1),
        Some(value) if singletons::is_none(value) => Ok(-1),
        Some(value) if value.payload_is::<int::Int>() => int::as_i64(value).ok_or_else(|| {
            PyErr::new(
                ExceptionKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        }),
        Some(value) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not '{}'",
            value.ob_type().name()
        ))),
    }
}

pub fn int_arg(ts: &ThreadState, value: &PyObject) -> PyResult<i64> {
    let index = abstract_api::index(ts, value)?;
    int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )
    })
}

/// Room for `additional` more items in `vector`, or `MemoryError` (never an abort).
pub fn reserve<T>(vector: &mut Vec<T>, additional: usize) -> PyResult<()> {
    vector
        .try_reserve(additional)
        .map_err(|_| PyErr::without_arg(ExceptionKind::MemoryError))
}

pub fn bool_ref(value: bool) -> PyRef {
    pyrite_objects::bool::bool_ref(value)
}

pub fn new_int(ts: &ThreadState, value: i64) -> PyRef {
    int::new(ts, value)
}

// ------------------------------------------------------------------ open()

/// The parsed `mode` of `open()`.
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let invalid = || PyErr::new(ExceptionKind::ValueError, format!("invalid mode: '{mode}'"));
    let mut parsed = Mode {
        creating: false,
        reading: false,
        writing: false,
        appending: false,
        updating: false,
        text: false,
        binary: false,
    };
    let mut seen = String::new();
    for c in mode.chars() {
        if !"xrwabt+".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
        match c {
            'x' => parsed.creating = true,
            'r' => parsed.reading = true,
            'w' => parsed.writing = true,
            'a' => parsed.appending = true,
            '+' => parsed.updating = true,
            't' => parsed.text = true,
            _ => parsed.binary = true,
        }
    }
    if parsed.text && parsed.binary {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "can't have text and binary mode at once",
        ));
    }
    let kinds = [
        parsed.creating,
        parsed.reading,
        parsed.writing,
        parsed.appending,
    ]
    .iter()
    .filter(|&&set| set)
    .count();
    if kinds > 1 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if kinds == 0 {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(parsed)
}

fn optional_text(function: &str, name: &str, value: Option<&PyRef>) -> PyResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(value) if singletons::is_none(value) => Ok(None),
        Some(value) => match pystr::as_str_payload(value) {
            Some(text) => Ok(Some(text.to_string_lossy())),
            None => Err(PyErr::type_error(format!(
                "{function}() argument '{name}' must be str or None, not {}",
                value.ob_type().name()
            ))),
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn io_open(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    ensure_created(ts)?;
    let values = bind(
        "open",
        args,
        kw,
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        0,
        1,
    )?;
    let file = values[0].clone().expect("required");
    let mode_text = match values[1].as_ref() {
        None => "r".to_owned(),
        Some(value) => match pystr::as_str_payload(value) {
            Some(text) => text.to_string_lossy(),
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    value.ob_type().name()
                )));
            }
        },
    };
    let buffering = match values[2].as_ref() {
        None => -1,
        Some(value) => int_arg(ts, value)?,
    };
    let encoding = optional_text("open", "encoding", values[3].as_ref())?;
    let errors = optional_text("open", "errors", values[4].as_ref())?;
    let newline = optional_text("open", "newline", values[5].as_ref())?;
    let closefd = match values[6].as_ref() {
        None => true,
        Some(value) => value.is_true(ts)?,
    };
    let opener = values[7]
        .clone()
        .filter(|value| !singletons::is_none(value));
    if int::as_i64(&file).is_none()
        && pystr::as_str_payload(&file).is_none()
        && pyrite_objects::bytes::as_bytes(&file).is_none()
        && attrs::lookup_attr(ts, &file, &pystr::intern(ts, "__fspath__"))?.is_none()
    {
        return Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.ob_type().name()
        )));
    }
    let mode = parse_mode(&mode_text)?;
    if let Some(text) = &newline
        && !matches!(text.as_str(), "" | "\n" | "\r" | "\r\n")
    {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            format!("illegal newline value: {text}"),
        ));
    }
    if mode.binary && encoding.is_some() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "binary mode doesn't take an encoding argument",
        ));
    }
    if mode.binary && errors.is_some() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "binary mode doesn't take an errors argument",
        ));
    }
    if mode.binary && newline.is_some() {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "binary mode doesn't take a newline argument",
        ));
    }
    if mode.binary && buffering == 1 {
        pyrite_objects::warnings::warn(
            ts,
            ExceptionKind::RuntimeWarning,
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
            1,
        )?;
    }
    let mut raw_mode = String::new();
    for (set, c) in [
        (mode.creating, 'x'),
        (mode.reading, 'r'),
        (mode.writing, 'w'),
        (mode.appending, 'a'),
        (mode.updating, '+'),
    ] {
        if set {
            raw_mode.push(c);
        }
    }
    let raw = abstract_api::call(
        ts,
        FILEIO_TYPE.as_object(),
        &[
            file.clone(),
            pystr::new(ts, &raw_mode).into_ref(),
            bool_ref(closefd),
            opener.unwrap_or_else(singletons::none),
        ],
        None,
    )?;
    let result = open_layers(
        ts, &raw, &mode, &mode_text, buffering, encoding, errors, newline,
    );
    if result.is_err() {
        let _ = call_method(ts, &raw, "close", &[]);
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn open_layers(
    ts: &ThreadState,
    raw: &PyRef,
    mode: &Mode,
    mode_text: &str,
    buffering: i64,
    encoding: Option<String>,
    errors: Option<String>,
    newline: Option<String>,
) -> PyResult {
    let mut buffering = buffering;
    let mut line_buffering = false;
    let isatty = call_method(ts, raw, "isatty", &[])?.is_true(ts)?;
    if buffering == 1 || (buffering < 0 && isatty) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        buffering = DEFAULT_BUFFER_SIZE as i64;
    }
    if buffering == 0 {
        if mode.binary {
            return Ok(raw.clone());
        }
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "can't have unbuffered text I/O",
        ));
    }
    let class = if mode.updating {
        &BUFFERED_RANDOM_TYPE
    } else if mode.creating || mode.writing || mode.appending {
        &BUFFERED_WRITER_TYPE
    } else {
        &BUFFERED_READER_TYPE
    };
    let buffer = abstract_api::call(
        ts,
        class.as_object(),
        &[raw.clone(), int::new(ts, buffering)],
        None,
    )?;
    if mode.binary {
        return Ok(buffer);
    }
    let text_args = vec![
        buffer,
        encoding.map_or_else(singletons::none, |text| pystr::new(ts, &text).into_ref()),
        errors.map_or_else(singletons::none, |text| pystr::new(ts, &text).into_ref()),
        newline.map_or_else(singletons::none, |text| pystr::new(ts, &text).into_ref()),
        bool_ref(line_buffering),
    ];
    let wrapper = abstract_api::call(ts, TEXTIOWRAPPER_TYPE.as_object(), &text_args, None)?;
    attrs::set_attr(
        ts,
        &wrapper,
        &pystr::intern(ts, "mode"),
        Some(&pystr::new(ts, mode_text).into_ref()),
    )?;
    Ok(wrapper)
}

fn io_open_code(ts: &ThreadState, m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("open_code", args, kw, &["path"], 0, 1)?;
    let path = values[0].clone().expect("required");
    if pystr::as_str_payload(&path).is_none() {
        return Err(PyErr::type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            path.ob_type().name()
        )));
    }
    io_open(ts, m, &[path, pystr::new(ts, "rb").into_ref()], None)
}

fn io_text_encoding(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("text_encoding", args, kw, &["encoding", "stacklevel"], 2, 1)?;
    let encoding = values[0].clone().expect("required");
    if !singletons::is_none(&encoding) {
        return Ok(encoding);
    }
    Ok(pystr::intern(ts, "locale"))
}

thread_local! {
    static CREATED: Cell<bool> = const { Cell::new(false) };
    static OPEN: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// The `open` function object, shared by `_io` and `builtins` (`io.open is open`).
pub fn open_function(ts: &ThreadState) -> PyRef {
    if let Some(open) = OPEN.with(|open| open.borrow().clone()) {
        return open;
    }
    let open =
        pyrite_objects::descr::new_builtin_function(ts, "open", io_open, pystr::intern(ts, "_io"));
    OPEN.with(|slot| *slot.borrow_mut() = Some(open.clone()));
    open
}

/// `builtins.open` may run before `import io`: the classes get their methods when the
/// module is made, so make it first.
fn ensure_created(ts: &ThreadState) -> PyResult<()> {
    if !CREATED.with(Cell::get) {
        pyrite_vm::import::import_module(ts, &pystr::intern(ts, "_io"))?;
    }
    Ok(())
}

/// Creates the `_io` module.
pub fn create(ts: &ThreadState) -> PyResult {
    CREATED.with(|created| created.set(true));
    let module = ModuleBuilder::new(
        ts,
        "_io",
        Some("The io module provides the Python interfaces to stream handling."),
    )?;
    module.set(
        "DEFAULT_BUFFER_SIZE",
        int::new(ts, DEFAULT_BUFFER_SIZE as i64),
    )?;
    let bases = tuple::new(
        ts,
        vec![
            ExceptionKind::OSError.static_type().as_object().new_ref(),
            ExceptionKind::ValueError
                .static_type()
                .as_object()
                .new_ref(),
        ],
    )
    .into_ref();
    let namespace = pyrite_objects::dict::new(ts);
    namespace
        .payload()
        .set_item(ts, pystr::intern(ts, "__module__"), pystr::intern(ts, "io"))?;
    let unsupported_class = abstract_api::call(
        ts,
        TYPE_TYPE.as_object(),
        &[
            pystr::intern(ts, "UnsupportedOperation"),
            bases,
            namespace.into_ref(),
        ],
        None,
    )?;
    UNSUPPORTED.with(|class| *class.borrow_mut() = Some(unsupported_class.clone()));
    module.set("UnsupportedOperation", unsupported_class)?;
    module.set(
        "BlockingIOError",
        ExceptionKind::BlockingIOError
            .static_type()
            .as_object()
            .new_ref(),
    )?;
    module.set("open", open_function(ts))?;
    module.functions(&[
        ("open_code", io_open_code),
        ("text_encoding", io_text_encoding),
    ])?;
    for (name, ty) in [
        ("_IOBase", &IOBASE_TYPE),
        ("_RawIOBase", &RAW_IOBASE_TYPE),
        ("_BufferedIOBase", &BUFFERED_IOBASE_TYPE),
        ("_TextIOBase", &TEXT_IOBASE_TYPE),
        ("FileIO", &FILEIO_TYPE),
        ("BufferedReader", &BUFFERED_READER_TYPE),
        ("BufferedWriter", &BUFFERED_WRITER_TYPE),
        ("BufferedRandom", &BUFFERED_RANDOM_TYPE),
        ("BufferedRWPair", &BUFFERED_RWPAIR_TYPE),
        ("BytesIO", &BYTESIO_TYPE),
        ("TextIOWrapper", &TEXTIOWRAPPER_TYPE),
        ("StringIO", &STRINGIO_TYPE),
        ("IncrementalNewlineDecoder", &NEWLINE_DECODER_TYPE),
    ] {
        module.add_type(name, ty, "_io")?;
    }
    iobase::install(ts);
    fileio::install(ts);
    bufferedio::install(ts);
    textio::install(ts);
    stringio::install(ts);
    bytesio::install(ts);
    Ok(module.finish())
}

#[cfg(test)]
mod tests {
    use super::parse_mode;

    #[test]
    fn open_modes_are_checked_as_cpython_does() {
        assert!(parse_mode("rb+").is_ok_and(|mode| mode.reading && mode.binary && mode.updating));
        assert!(parse_mode("wt").is_ok_and(|mode| mode.writing && mode.text));
        for bad in ["rw", "rbt", "q", "rr", "", "b", "r++"] {
            assert!(parse_mode(bad).is_err(), "{bad:?}");
        }
    }
}
