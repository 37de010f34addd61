//! `PyErr`: a raised Python exception, returned as `Err` by every operation that can fail.
//!
//! CPython counterpart: `Python/errors.c` (`PyErr_SetString`, `PyErr_Format`,
//! `PyErr_SetObject`). CPython keeps the current exception in the thread state; Pyrite
//! returns it (`PyResult<T>`), so there is no error indicator to forget.
//!
//! Until exception classes exist, an error is *lazy*: its kind and its single argument
//! (a message, or an object such as `KeyError`'s key). When they exist, `PyErr` gains the
//! normalized form holding the exception instance, made only when Python code looks at it.

use std::borrow::Cow;
use std::fmt;

use crate::object::PyRef;
use crate::pystate::ThreadState;

/// The result of a Python-level operation.
pub type PyResult<T = PyRef> = Result<T, PyErr>;

/// A raised exception. One word: `Result<PyRef, PyErr>` is two.
pub struct PyErr(Box<ErrState>);

struct ErrState {
    kind: ExceptionKind,
    arg: ErrArg,
    /// The exception instance once made (CPython's normalized exception): set for every
    /// exception raised by Python code (`raise`) and when a handler or a traceback needs it.
    object: Option<PyRef>,
}

/// The exception's argument (`args[0]`).
pub enum ErrArg {
    None,
    Message(Cow<'static, str>),
    Object(PyRef),
}

macro_rules! exception_kinds {
    ($($name:ident),* $(,)?) => {
        /// The built-in exception classes the object model raises so far.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ExceptionKind { $($name),* }

        impl ExceptionKind {
            /// The class name, as `type(exc).__name__`.
            pub fn name(self) -> &'static str {
                match self { $(ExceptionKind::$name => stringify!($name)),* }
            }
        }
    };
}

exception_kinds!(
    BaseException,
    BaseExceptionGroup,
    Exception,
    ArithmeticError,
    AssertionError,
    AttributeError,
    EOFError,
    ExceptionGroup,
    FileNotFoundError,
    FloatingPointError,
    GeneratorExit,
    ImportError,
    IndexError,
    KeyError,
    KeyboardInterrupt,
    LookupError,
    MemoryError,
    ModuleNotFoundError,
    NameError,
    NotImplementedError,
    OSError,
    OverflowError,
    RecursionError,
    RuntimeError,
    StopAsyncIteration,
    StopIteration,
    SyntaxError,
    SystemError,
    SystemExit,
    TypeError,
    UnboundLocalError,
    UnicodeError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    UnicodeTranslateError,
    ValueError,
    ZeroDivisionError,
    BlockingIOError,
    BrokenPipeError,
    BufferError,
    ChildProcessError,
    ConnectionError,
    ConnectionAbortedError,
    ConnectionRefusedError,
    ConnectionResetError,
    FileExistsError,
    IndentationError,
    InterruptedError,
    IsADirectoryError,
    NotADirectoryError,
    PermissionError,
    ProcessLookupError,
    PythonFinalizationError,
    ReferenceError,
    TabError,
    TimeoutError,
    Warning,
    UserWarning,
    DeprecationWarning,
    PendingDeprecationWarning,
    SyntaxWarning,
    RuntimeWarning,
    FutureWarning,
    ImportWarning,
    UnicodeWarning,
    BytesWarning,
    ResourceWarning,
    EncodingWarning,
);

impl PyErr {
    /// An exception with a message (CPython's `PyErr_SetString`/`PyErr_Format`).
    pub fn new(kind: ExceptionKind, message: impl Into<Cow<'static, str>>) -> PyErr {
        PyErr(Box::new(ErrState {
            kind,
            arg: ErrArg::Message(message.into()),
            object: None,
        }))
    }

    /// An exception with no argument (`raise StopIteration`).
    pub fn without_arg(kind: ExceptionKind) -> PyErr {
        PyErr(Box::new(ErrState {
            kind,
            arg: ErrArg::None,
            object: None,
        }))
    }

    /// A raised exception instance (`raise exc`); `kind` is the nearest built-in class.
    pub fn from_exception(object: PyRef) -> PyErr {
        let kind = crate::exceptions::kind_of_type(object.ob_type());
        PyErr(Box::new(ErrState {
            kind,
            arg: ErrArg::None,
            object: Some(object),
        }))
    }

    /// The exception instance, made now if the error was lazy (CPython's
    /// `PyErr_NormalizeException`).
    pub fn normalize(&mut self, ts: &ThreadState) -> PyRef {
        if let Some(object) = &self.0.object {
            return object.clone();
        }
        let args = match &self.0.arg {
            ErrArg::None => Vec::new(),
            ErrArg::Message(message) => vec![crate::str::new(ts, message).into_ref()],
            ErrArg::Object(object) => vec![object.clone()],
        };
        let object = crate::exceptions::new_exception(ts, self.0.kind.static_type(), args);
        self.0.object = Some(object.clone());
        object
    }

    /// The exception instance, made now if needed.
    pub fn into_exception(mut self, ts: &ThreadState) -> PyRef {
        self.normalize(ts)
    }

    /// The exception instance, if it was made.
    pub fn exception_object(&self) -> Option<&PyRef> {
        self.0.object.as_ref()
    }

    /// An exception whose argument is an object (CPython's `PyErr_SetObject`), e.g.
    /// `KeyError(key)`.
    pub fn with_object(kind: ExceptionKind, arg: PyRef) -> PyErr {
        PyErr(Box::new(ErrState {
            kind,
            arg: ErrArg::Object(arg),
            object: None,
        }))
    }

    pub fn type_error(message: impl Into<Cow<'static, str>>) -> PyErr {
        PyErr::new(ExceptionKind::TypeError, message)
    }

    pub fn kind(&self) -> ExceptionKind {
        self.0.kind
    }

    pub fn arg(&self) -> &ErrArg {
        &self.0.arg
    }

    /// Whether the exception is of `kind` exactly (its nearest built-in class).
    pub fn is(&self, kind: ExceptionKind) -> bool {
        self.0.kind == kind
    }

    /// `isinstance(exc, kind)`, by the built-in classes' hierarchy.
    pub fn matches(&self, kind: ExceptionKind) -> bool {
        crate::exceptions::kind_is_subclass(self.0.kind, kind)
    }

    /// The message, when the argument is one.
    pub fn message(&self) -> Option<&str> {
        match &self.0.arg {
            ErrArg::Message(message) => Some(message),
            _ => None,
        }
    }

    /// `repr(exc)`, e.g. `TypeError("unhashable type: 'list'")` or `KeyError('k')`.
    pub fn repr(&self, ts: &ThreadState) -> PyResult<String> {
        if let Some(object) = &self.0.object {
            return crate::str::repr_text(ts, object);
        }
        let arg = match &self.0.arg {
            ErrArg::None => String::new(),
            ErrArg::Message(message) => pyrite_ast::repr::text_repr(message),
            ErrArg::Object(object) => crate::str::repr_text(ts, object)?,
        };
        Ok(format!("{}({arg})", self.0.kind.name()))
    }

    /// `Kind: message` without running Python code (object arguments show their type).
    pub fn display_lazy(&self) -> String {
        if let Some(object) = &self.0.object {
            let name = object.ob_type().name().to_owned();
            return match crate::exceptions::args_of(object).as_slice() {
                [] => name,
                [arg] => match crate::str::as_str_payload(arg) {
                    Some(text) => format!("{name}: {}", text.to_string_lossy()),
                    None => format!("{name}: <{} object>", arg.ob_type().name()),
                },
                _ => format!("{name}: (...)"),
            };
        }
        match &self.0.arg {
            ErrArg::None => self.0.kind.name().to_owned(),
            ErrArg::Message(message) => format!("{}: {message}", self.0.kind.name()),
            ErrArg::Object(object) => {
                format!(
                    "{}: <{} object>",
                    self.0.kind.name(),
                    object.ob_type().name()
                )
            }
        }
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_lazy())
    }
}
