//! The built-in exception classes: `BaseException` and its hierarchy, with `args`,
//! `__traceback__`, `__context__`, `__cause__` and an instance dict for user attributes.
//!
//! CPython counterpart: `Objects/exceptions.c` (`BaseException_new`, `BaseException_init`,
//! `BaseException_str`, `BaseException_repr`, `KeyError_str`, `SystemExit`'s `code`,
//! `StopIteration`'s `value`). Every built-in exception class shares one payload; heap
//! subclasses (`class MyError(Exception)`) carry it too.

use std::cell::{Cell, RefCell};
use std::mem::offset_of;

use crate::err::{ExceptionKind, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject, payload_field_offset};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of every exception instance (CPython's `PyBaseExceptionObject`).
pub struct BaseExceptionData {
    /// `args`, always a tuple.
    pub args: RefCell<PyRef>,
    pub traceback: RefCell<Option<PyRef>>,
    pub context: RefCell<Option<PyRef>>,
    pub cause: RefCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
    /// The instance `__dict__` (made on first attribute store).
    pub dict: RefCell<Option<PyRef>>,
    /// What the top-level traceback appends to the message ("Did you mean: ...?"),
    /// computed where a `NameError` was raised, from that frame's names.
    pub suggestion: RefCell<Option<String>>,
    /// `AttributeError`'s `obj` and `name`: the object and the missing attribute.
    pub attribute_target: RefCell<Option<(PyRef, PyRef)>>,
    /// An exception group's `message` and `exceptions` (a tuple).
    pub group: RefCell<Option<(PyRef, PyRef)>>,
}

impl BaseExceptionData {
    pub fn new(args: PyRef) -> BaseExceptionData {
        BaseExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            context: RefCell::new(None),
            cause: RefCell::new(None),
            suppress_context: Cell::new(false),
            dict: RefCell::new(None),
            suggestion: RefCell::new(None),
            attribute_target: RefCell::new(None),
            group: RefCell::new(None),
        }
    }
}

impl PyPayload for BaseExceptionData {
    fn static_type() -> &'static PyType {
        &BASE_EXCEPTION_TYPE
    }
}

/// Offset of the instance dict, for `TypeObject::dict_offset`.
const DICT_OFFSET: usize =
    payload_field_offset::<BaseExceptionData>(offset_of!(BaseExceptionData, dict));

pub(crate) const fn exception_slots() -> SlotTable {
    SlotTable {
        repr: Slot::new(exception_repr),
        str: Slot::new(exception_str),
        new: Slot::new(exception_new),
        init: Slot::new(exception_init),
        traverse: Slot::new(exception_traverse),
        clear: Slot::new(exception_clear),
        ..crate::typeobject::object_slots()
    }
}

const EXC_FLAGS: u64 = flags::BASETYPE | flags::HAVE_GC | flags::BASE_EXC_SUBCLASS;

const fn exception_type(name: &'static str, base: &'static StaticType) -> TypeObject {
    TypeObject::builtin::<BaseExceptionData>(name, EXC_FLAGS, Some(base))
        .with_slots(exception_slots())
        .with_dict_offset(DICT_OFFSET)
}

pub static BASE_EXCEPTION_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, exception_type("BaseException", &OBJECT_TYPE));

macro_rules! exception_slots_or_default {
    () => {
        exception_slots()
    };
    ($slots:expr) => {
        $slots
    };
}

macro_rules! exception_types {
    ($($kind:ident: $static_name:ident < $base:ident $(=> $slots:expr)?,)*) => {
        $(
            pub static $static_name: StaticType = StaticObject::new(
                &TYPE_TYPE,
                exception_type(stringify!($kind), &$base)
                    .with_slots(exception_slots_or_default!($($slots)?)),
            );
        )*

        impl ExceptionKind {
            /// The built-in class of this kind.
            pub fn static_type(self) -> &'static PyType {
                match self {
                    ExceptionKind::BaseException => &BASE_EXCEPTION_TYPE,
                    $(ExceptionKind::$kind => &$static_name,)*
                }
            }

            /// Every kind, bases before subclasses.
            pub fn all() -> &'static [ExceptionKind] {
                &[ExceptionKind::BaseException, $(ExceptionKind::$kind,)*]
            }
        }

        /// The built-in exception types, bases first (for readying).
        pub(crate) fn exception_types() -> Vec<&'static PyType> {
            vec![&BASE_EXCEPTION_TYPE, $(&$static_name,)*]
        }
    };
}

exception_types! {
    Exception: EXCEPTION_TYPE < BASE_EXCEPTION_TYPE,
    BaseExceptionGroup: BASE_EXCEPTION_GROUP_TYPE < BASE_EXCEPTION_TYPE
        => crate::exception_group::group_slots(),
    GeneratorExit: GENERATOR_EXIT_TYPE < BASE_EXCEPTION_TYPE,
    KeyboardInterrupt: KEYBOARD_INTERRUPT_TYPE < BASE_EXCEPTION_TYPE,
    SystemExit: SYSTEM_EXIT_TYPE < BASE_EXCEPTION_TYPE,
    ArithmeticError: ARITHMETIC_ERROR_TYPE < EXCEPTION_TYPE,
    FloatingPointError: FLOATING_POINT_ERROR_TYPE < ARITHMETIC_ERROR_TYPE,
    OverflowError: OVERFLOW_ERROR_TYPE < ARITHMETIC_ERROR_TYPE,
    ZeroDivisionError: ZERO_DIVISION_ERROR_TYPE < ARITHMETIC_ERROR_TYPE,
    AssertionError: ASSERTION_ERROR_TYPE < EXCEPTION_TYPE,
    AttributeError: ATTRIBUTE_ERROR_TYPE < EXCEPTION_TYPE,
    EOFError: EOF_ERROR_TYPE < EXCEPTION_TYPE,
    ImportError: IMPORT_ERROR_TYPE < EXCEPTION_TYPE => import_error_slots(),
    ModuleNotFoundError: MODULE_NOT_FOUND_ERROR_TYPE < IMPORT_ERROR_TYPE => import_error_slots(),
    LookupError: LOOKUP_ERROR_TYPE < EXCEPTION_TYPE,
    IndexError: INDEX_ERROR_TYPE < LOOKUP_ERROR_TYPE,
    KeyError: KEY_ERROR_TYPE < LOOKUP_ERROR_TYPE,
    MemoryError: MEMORY_ERROR_TYPE < EXCEPTION_TYPE,
    NameError: NAME_ERROR_TYPE < EXCEPTION_TYPE,
    UnboundLocalError: UNBOUND_LOCAL_ERROR_TYPE < NAME_ERROR_TYPE,
    OSError: OS_ERROR_TYPE < EXCEPTION_TYPE => crate::oserror::os_error_slots(),
    FileNotFoundError: FILE_NOT_FOUND_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    RuntimeError: RUNTIME_ERROR_TYPE < EXCEPTION_TYPE,
    NotImplementedError: NOT_IMPLEMENTED_ERROR_TYPE < RUNTIME_ERROR_TYPE,
    RecursionError: RECURSION_ERROR_TYPE < RUNTIME_ERROR_TYPE,
    StopAsyncIteration: STOP_ASYNC_ITERATION_TYPE < EXCEPTION_TYPE,
    StopIteration: STOP_ITERATION_TYPE < EXCEPTION_TYPE,
    SyntaxError: SYNTAX_ERROR_TYPE < EXCEPTION_TYPE => syntax_error_slots(),
    SystemError: SYSTEM_ERROR_TYPE < EXCEPTION_TYPE,
    TypeError: TYPE_ERROR_TYPE < EXCEPTION_TYPE,
    ValueError: VALUE_ERROR_TYPE < EXCEPTION_TYPE,
    UnicodeError: UNICODE_ERROR_TYPE < VALUE_ERROR_TYPE,
    ExceptionGroup: EXCEPTION_GROUP_TYPE < BASE_EXCEPTION_GROUP_TYPE
        => crate::exception_group::group_slots(),
    UnicodeDecodeError: UNICODE_DECODE_ERROR_TYPE < UNICODE_ERROR_TYPE => crate::unicode_error::unicode_error_slots(),
    UnicodeEncodeError: UNICODE_ENCODE_ERROR_TYPE < UNICODE_ERROR_TYPE => crate::unicode_error::unicode_error_slots(),
    UnicodeTranslateError: UNICODE_TRANSLATE_ERROR_TYPE < UNICODE_ERROR_TYPE => crate::unicode_error::unicode_error_slots(),
    BufferError: BUFFER_ERROR_TYPE < EXCEPTION_TYPE,
    ReferenceError: REFERENCE_ERROR_TYPE < EXCEPTION_TYPE,
    PythonFinalizationError: PYTHON_FINALIZATION_ERROR_TYPE < RUNTIME_ERROR_TYPE,
    IndentationError: INDENTATION_ERROR_TYPE < SYNTAX_ERROR_TYPE => syntax_error_slots(),
    TabError: TAB_ERROR_TYPE < INDENTATION_ERROR_TYPE => syntax_error_slots(),
    BlockingIOError: BLOCKING_IO_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    ChildProcessError: CHILD_PROCESS_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    ConnectionError: CONNECTION_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    BrokenPipeError: BROKEN_PIPE_ERROR_TYPE < CONNECTION_ERROR_TYPE => crate::oserror::os_error_slots(),
    ConnectionAbortedError: CONNECTION_ABORTED_ERROR_TYPE < CONNECTION_ERROR_TYPE => crate::oserror::os_error_slots(),
    ConnectionRefusedError: CONNECTION_REFUSED_ERROR_TYPE < CONNECTION_ERROR_TYPE => crate::oserror::os_error_slots(),
    ConnectionResetError: CONNECTION_RESET_ERROR_TYPE < CONNECTION_ERROR_TYPE => crate::oserror::os_error_slots(),
    FileExistsError: FILE_EXISTS_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    InterruptedError: INTERRUPTED_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    IsADirectoryError: IS_A_DIRECTORY_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    NotADirectoryError: NOT_A_DIRECTORY_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    PermissionError: PERMISSION_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    ProcessLookupError: PROCESS_LOOKUP_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    TimeoutError: TIMEOUT_ERROR_TYPE < OS_ERROR_TYPE => crate::oserror::os_error_slots(),
    Warning: WARNING_TYPE < EXCEPTION_TYPE,
    UserWarning: USER_WARNING_TYPE < WARNING_TYPE,
    DeprecationWarning: DEPRECATION_WARNING_TYPE < WARNING_TYPE,
    PendingDeprecationWarning: PENDING_DEPRECATION_WARNING_TYPE < WARNING_TYPE,
    SyntaxWarning: SYNTAX_WARNING_TYPE < WARNING_TYPE,
    RuntimeWarning: RUNTIME_WARNING_TYPE < WARNING_TYPE,
    FutureWarning: FUTURE_WARNING_TYPE < WARNING_TYPE,
    ImportWarning: IMPORT_WARNING_TYPE < WARNING_TYPE,
    UnicodeWarning: UNICODE_WARNING_TYPE < WARNING_TYPE,
    BytesWarning: BYTES_WARNING_TYPE < WARNING_TYPE,
    ResourceWarning: RESOURCE_WARNING_TYPE < WARNING_TYPE,
    EncodingWarning: ENCODING_WARNING_TYPE < WARNING_TYPE,
}

/// Whether `ty` is `base` or derives from it, following `tp_base` (no thread state needed;
/// exception classes' layouts follow their first base).
fn derives_from(ty: &PyType, base: &PyType) -> bool {
    let mut current = Some(ty);
    while let Some(candidate) = current {
        if std::ptr::eq(candidate, base) {
            return true;
        }
        current = candidate.base().and_then(crate::typeobject::as_type);
    }
    false
}

/// The nearest built-in exception class of `ty` (`BaseException` for non-exceptions).
pub fn kind_of_type(ty: &PyType) -> ExceptionKind {
    // The built-in classes by address, for a binary search (every raise asks).
    static BY_ADDRESS: std::sync::OnceLock<Vec<(usize, ExceptionKind)>> =
        std::sync::OnceLock::new();
    let by_address = BY_ADDRESS.get_or_init(|| {
        let mut table: Vec<(usize, ExceptionKind)> = ExceptionKind::all()
            .iter()
            .map(|kind| (std::ptr::from_ref(kind.static_type()) as usize, *kind))
            .collect();
        // Stable: of two kinds sharing a class, the first in `all()` order answers.
        table.sort_by_key(|entry| entry.0);
        table.dedup_by_key(|entry| entry.0);
        table
    });
    let mut current = Some(ty);
    while let Some(candidate) = current {
        // Classes defined in Python are never built-in kinds: their base is asked next.
        if !candidate.is_heap_type() {
            let address = std::ptr::from_ref(candidate) as usize;
            if let Ok(found) = by_address.binary_search_by_key(&address, |entry| entry.0) {
                return by_address[found].1;
            }
        }
        current = candidate.base().and_then(crate::typeobject::as_type);
    }
    ExceptionKind::BaseException
}

/// `issubclass(a, b)` for built-in exception classes.
pub fn kind_is_subclass(a: ExceptionKind, b: ExceptionKind) -> bool {
    // `ExceptionGroup`'s second base.
    if a == ExceptionKind::ExceptionGroup && b == ExceptionKind::Exception {
        return true;
    }
    derives_from(a.static_type(), b.static_type())
}

/// Whether `object` is an exception instance.
pub fn is_exception(object: &PyObject) -> bool {
    object.downcast_ref::<BaseExceptionData>().is_some()
}

/// Whether `object` is an exception class.
pub fn is_exception_type(object: &PyObject) -> bool {
    crate::typeobject::as_type(object)
        .is_some_and(|ty| ty.payload_type_id() == std::any::TypeId::of::<BaseExceptionData>())
}

/// A new instance of the exception class `ty` with `args`.
pub fn new_exception(ts: &ThreadState, ty: &PyType, args: Vec<PyRef>) -> PyRef {
    let args = crate::tuple::new(ts, args).into_ref();
    match Py::new_with_type(ts, ty, BaseExceptionData::new(args.clone())) {
        Some(object) => object.into_ref(),
        None => Py::new(ts, BaseExceptionData::new(args)).into_ref(),
    }
}

/// An `AttributeError` for `object.name` with `message`, remembering both (its `obj`
/// and `name`, which the traceback's "Did you mean" uses).
pub fn attribute_error(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
    message: String,
) -> crate::err::PyErr {
    let exc = new_exception(
        ts,
        &ATTRIBUTE_ERROR_TYPE,
        vec![crate::str::new(ts, &message).into_ref()],
    );
    if let Some(data) = data(&exc) {
        *data.attribute_target.borrow_mut() = Some((object.new_ref(), name.new_ref()));
    }
    crate::err::PyErr::from_exception(exc)
}

/// `exc.args` as a vector (empty for non-exceptions).
pub fn args_of(object: &PyObject) -> Vec<PyRef> {
    match object.downcast_ref::<BaseExceptionData>() {
        Some(data) => crate::tuple::items(&data.args.borrow()).to_vec(),
        None => Vec::new(),
    }
}

/// The payload of an exception instance.
pub fn data(object: &PyObject) -> Option<&BaseExceptionData> {
    object
        .downcast_ref::<BaseExceptionData>()
        .map(|d| d.payload())
}

pub(crate) fn exception_new(
    ts: &ThreadState,
    ty: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let positional = args.len() - kwnames.map_or(0, |names| crate::tuple::items(names).len());
    Ok(new_exception(ts, ty, args[..positional].to_vec()))
}

pub(crate) fn exception_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    if let Some(names) = kwnames
        && !crate::tuple::items(names).is_empty()
    {
        return Err(crate::err::PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            object.ob_type().name()
        )));
    }
    if let Some(data) = data(object) {
        let new_args = crate::tuple::new(ts, args.to_vec()).into_ref();
        let old = data.args.replace(new_args);
        drop(old);
    }
    Ok(())
}

/// The attributes `SyntaxError.__init__` sets from `(msg, (filename, lineno, offset,
/// text, end_lineno, end_offset))`, all `None` until then.
pub const SYNTAX_ERROR_FIELDS: [&str; 6] = [
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
];

const fn syntax_error_slots() -> SlotTable {
    SlotTable {
        init: Slot::new(syntax_error_init),
        ..exception_slots()
    }
}

/// `SyntaxError.__init__` (CPython's `SyntaxError_init`): `args`, then `msg` and the
/// location fields from the details tuple.
fn syntax_error_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    exception_init(ts, object, args, kwnames)?;
    let set = |name: &str, value: &PyObject| {
        crate::attrs::set_attr(ts, object, &crate::str::intern(ts, name), Some(value))
    };
    if let Some(msg) = args.first() {
        set("msg", msg)?;
    }
    if let [_, details] = args {
        let details = crate::iterobject::collect(ts, details)?;
        // A seventh item (CPython's private `_metadata`) is accepted and not shown.
        if details.len() < 4 || details.len() > 7 {
            let bound = if details.len() < 4 {
                "at least 4"
            } else {
                "at most 7"
            };
            return Err(crate::err::PyErr::type_error(format!(
                "function takes {bound} arguments ({} given)",
                details.len()
            )));
        }
        for (name, value) in SYNTAX_ERROR_FIELDS.iter().zip(&details) {
            set(name, value)?;
        }
    }
    Ok(())
}

/// The keyword arguments `ImportError.__init__` takes, and the attributes it sets
/// (CPython's `ImportError_init` and members; `msg` comes from a single positional
/// argument).
const IMPORT_ERROR_KEYWORDS: [&str; 3] = ["name", "path", "name_from"];

const fn import_error_slots() -> SlotTable {
    SlotTable {
        init: Slot::new(import_error_init),
        ..exception_slots()
    }
}

/// `ImportError.__init__(*args, name=None, path=None, name_from=None)`.
fn import_error_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let names = kwnames.map(crate::tuple::items).unwrap_or(&[]);
    let positional = &args[..args.len() - names.len()];
    let mut values: [Option<&PyRef>; 3] = [None; 3];
    for (name, value) in names.iter().zip(&args[positional.len()..]) {
        let name = crate::str::to_rust_string(name);
        let Some(index) = IMPORT_ERROR_KEYWORDS
            .iter()
            .position(|known| *known == name)
        else {
            // CPython parses them with the format "|$OOO:ImportError", subclasses too.
            return Err(crate::err::PyErr::type_error(format!(
                "ImportError() got an unexpected keyword argument '{name}'"
            )));
        };
        values[index] = Some(value);
    }
    exception_init(ts, object, positional, None)?;
    let set = |name: &str, value: &PyObject| {
        crate::attrs::set_attr(ts, object, &crate::str::intern(ts, name), Some(value))
    };
    for (name, value) in IMPORT_ERROR_KEYWORDS.iter().zip(values) {
        set(
            name,
            &value.cloned().unwrap_or_else(crate::singletons::none),
        )?;
    }
    let msg = match positional {
        [msg] => msg.clone(),
        _ => crate::singletons::none(),
    };
    set("msg", &msg)
}

/// An `ImportError` (or subclass `kind`) with `message` whose `name` is the module
/// that could not be imported, as the import system raises it.
pub fn import_error(
    ts: &ThreadState,
    kind: ExceptionKind,
    message: &str,
    name: &str,
) -> crate::err::PyErr {
    let exc = new_exception(
        ts,
        kind.static_type(),
        vec![crate::str::new(ts, message).into_ref()],
    );
    let name = crate::str::new(ts, name).into_ref();
    let kwnames = crate::tuple::new(ts, vec![crate::str::intern(ts, "name")]).into_ref();
    let args = [crate::str::new(ts, message).into_ref(), name];
    if let Err(err) = import_error_init(ts, &exc, &args, Some(&kwnames)) {
        return err;
    }
    crate::err::PyErr::from_exception(exc)
}

/// Fills the exception types' dicts: `SyntaxError`'s and `ImportError`'s attributes
/// read `None` before `__init__` sets them (CPython's members).
pub(crate) fn install(ts: &ThreadState) {
    crate::oserror::install(ts);
    let dict = SYNTAX_ERROR_TYPE.dict(ts);
    if let Some(dict) = dict.downcast_ref::<crate::dict::Dict>() {
        let names = ["msg", "print_file_and_line"]
            .into_iter()
            .chain(SYNTAX_ERROR_FIELDS);
        for name in names {
            let _ = dict.set_item(ts, crate::str::intern(ts, name), crate::singletons::none());
        }
    }
    let dict = IMPORT_ERROR_TYPE.dict(ts);
    if let Some(dict) = dict.downcast_ref::<crate::dict::Dict>() {
        for name in ["msg"].into_iter().chain(IMPORT_ERROR_KEYWORDS) {
            let _ = dict.set_item(ts, crate::str::intern(ts, name), crate::singletons::none());
        }
    }
}

/// `str(exc)`: `''`, `str(args[0])` or `str(args)`; `KeyError` shows `repr(key)`.
pub(crate) fn exception_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    let args = args_of(object);
    match args.as_slice() {
        [] => Ok(crate::str::new(ts, "").into_ref()),
        [arg] if kind_of_type(object.ob_type()) == ExceptionKind::KeyError => arg.repr(ts),
        [arg] => arg.str(ts),
        [msg, details]
            if kind_is_subclass(kind_of_type(object.ob_type()), ExceptionKind::SyntaxError)
                && details.payload_is::<crate::tuple::Tuple>()
                && crate::tuple::items(details).len() >= 2 =>
        {
            // `SyntaxError_str`: "msg (file, line N)" with the file's base name.
            let items = crate::tuple::items(details);
            let filename = crate::str::as_str_payload(&items[0]).map(|name| {
                let name = name.to_string_lossy();
                name.rsplit('/').next().unwrap_or_default().to_owned()
            });
            let lineno = crate::int::as_i64(&items[1]);
            let msg = crate::str::to_rust_string(&*msg.str(ts)?);
            let text = match (filename, lineno) {
                (Some(file), Some(line)) => format!("{msg} ({file}, line {line})"),
                (Some(file), None) => format!("{msg} ({file})"),
                (None, Some(line)) => format!("{msg} (line {line})"),
                (None, None) => msg,
            };
            Ok(crate::str::new(ts, &text).into_ref())
        }
        [errno, strerror]
            if kind_is_subclass(kind_of_type(object.ob_type()), ExceptionKind::OSError) =>
        {
            let text = format!(
                "[Errno {}] {}",
                crate::str::to_rust_string(&*errno.str(ts)?),
                crate::str::to_rust_string(&*strerror.str(ts)?)
            );
            Ok(crate::str::new(ts, &text).into_ref())
        }
        _ => crate::tuple::new(ts, args).as_object().str(ts),
    }
}

/// `repr(exc)`: `Name(args...)`.
pub(crate) fn exception_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let args = args_of(object);
    let name = object.ob_type().name().to_owned();
    let text = match args.as_slice() {
        [arg] => format!("{name}({})", crate::str::repr_text(ts, arg)?),
        _ => {
            let tuple = crate::tuple::new(ts, args);
            format!("{name}{}", crate::str::repr_text(ts, tuple.as_object())?)
        }
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn exception_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(data) = data(object) {
        visit(&data.args.borrow());
        for field in [&data.traceback, &data.context, &data.cause, &data.dict] {
            if let Some(value) = field.borrow().as_ref() {
                visit(value);
            }
        }
        if let Some((object, name)) = data.attribute_target.borrow().as_ref() {
            visit(object);
            visit(name);
        }
        if let Some((message, exceptions)) = data.group.borrow().as_ref() {
            visit(message);
            visit(exceptions);
        }
    }
}

fn exception_clear(ts: &ThreadState, object: &PyObject) {
    if let Some(data) = data(object) {
        let old_args = data.args.replace(crate::tuple::empty());
        let taken: Vec<Option<PyRef>> = [&data.traceback, &data.context, &data.cause, &data.dict]
            .into_iter()
            .map(|field| field.borrow_mut().take())
            .collect();
        let group = data.group.borrow_mut().take();
        let _ = ts;
        drop((old_args, taken, group));
    }
}
