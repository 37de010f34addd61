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
    AttributeError,
    IndexError,
    KeyError,
    MemoryError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    RuntimeError,
    StopIteration,
    SystemError,
    TypeError,
    ValueError,
    ZeroDivisionError,
);

impl PyErr {
    /// An exception with a message (CPython's `PyErr_SetString`/`PyErr_Format`).
    pub fn new(kind: ExceptionKind, message: impl Into<Cow<'static, str>>) -> PyErr {
        PyErr(Box::new(ErrState {
            kind,
            arg: ErrArg::Message(message.into()),
        }))
    }

    /// An exception whose argument is an object (CPython's `PyErr_SetObject`), e.g.
    /// `KeyError(key)`.
    pub fn with_object(kind: ExceptionKind, arg: PyRef) -> PyErr {
        PyErr(Box::new(ErrState {
            kind,
            arg: ErrArg::Object(arg),
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

    /// Whether the exception is of `kind`.
    pub fn is(&self, kind: ExceptionKind) -> bool {
        self.0.kind == kind
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
        let arg = match &self.0.arg {
            ErrArg::None => String::new(),
            ErrArg::Message(message) => pyrite_ast::repr::text_repr(message),
            ErrArg::Object(object) => crate::str::repr_text(ts, object)?,
        };
        Ok(format!("{}({arg})", self.0.kind.name()))
    }

    /// `Kind: message` without running Python code (object arguments show their type).
    pub fn display_lazy(&self) -> String {
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
