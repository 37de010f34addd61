//! The built-in hash modules `hashlib` falls back on without OpenSSL: `_md5`, `_sha1`,
//! `_sha2`, `_sha3` and `_blake2`.
//!
//! CPython counterparts: `Modules/md5module.c`, `sha1module.c`, `sha2module.c`,
//! `sha3module.c`, `blake2module.c` (over HACL*), and `hashlib.h` for the argument
//! rules they share. Here every hash object is a `HashObject<A>`: the algorithm `A`
//! brings the digest and the Python type, and this file the methods (`update`,
//! `digest`, `hexdigest`, `copy`) and attributes (`name`, `digest_size`,
//! `block_size`) all of them have.

pub mod blake2;
pub mod md5;
pub mod sha1;
pub mod sha2;
pub mod sha3;

use std::cell::RefCell;

use num_bigint::Sign;
use pyrite_objects::err::ExceptionKind;
use pyrite_objects::typeobject::PyType;
use pyrite_objects::{Py, PyErr, PyObject, PyPayload, PyRef, PyResult, ThreadState};
use pyrite_objects::{bytes, int, str as pystr};

use crate::modsupport::{Args, KwNames};

/// One hash algorithm's running state.
pub trait Algorithm: Clone + 'static {
    /// The Python type of its hash objects.
    fn python_type() -> &'static PyType;
    /// `name`, as `hashlib.new` spells it.
    fn name(&self) -> &'static str;
    /// `digest_size` in bytes; 0 for the extendable-output SHAKEs.
    fn digest_size(&self) -> usize;
    fn block_size(&self) -> usize;
    /// Whether `digest()`/`hexdigest()` take a length (SHAKE).
    fn extendable(&self) -> bool {
        false
    }
    fn update(&mut self, data: &[u8]);
    /// The digest of what was fed so far (`length` bytes for SHAKE), leaving the state
    /// able to take more.
    fn finish(&self, length: usize) -> Vec<u8>;
}

/// A hash object (`_md5.md5`, `_sha2.SHA256Type`, `_sha3.sha3_256`, `_blake2.blake2b`...).
pub struct HashObject<A: Algorithm> {
    state: RefCell<A>,
}

impl<A: Algorithm> PyPayload for HashObject<A> {
    fn static_type() -> &'static PyType {
        A::python_type()
    }
}

/// A new hash object of `ty` (the algorithm's type, or for `sha3_*`/`blake2*`, which are
/// classes, the type being called) over `state`.
pub fn new_hash<A: Algorithm>(ts: &ThreadState, ty: &PyType, state: A) -> PyResult {
    Py::new_with_type(
        ts,
        ty,
        HashObject {
            state: RefCell::new(state),
        },
    )
    .map(Py::into_ref)
    .ok_or_else(|| PyErr::type_error("hash object type mismatch"))
}

fn state_of<A: Algorithm>(object: &PyObject) -> PyResult<&RefCell<A>> {
    object
        .downcast_ref::<HashObject<A>>()
        .map(|hash| &hash.payload().state)
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor requires a '{}' object but received a '{}'",
                A::python_type().name(),
                object.ob_type().name()
            ))
        })
}

/// The bytes of data to hash (CPython's `GET_BUFFER_VIEW_OR_ERROUT`): a str must be
/// encoded first, anything else must be a buffer.
pub fn data_bytes(object: &PyObject) -> PyResult<Vec<u8>> {
    if pystr::as_str_payload(object).is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    bytes::bytes_like(object)
        .ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

/// The arguments every constructor takes: `(data=b'', /?, *, usedforsecurity=True,
/// string=None, **extra)`. Returns the data and the values of the `extra` keyword-only
/// parameters by name, in `extra`'s order.
pub fn constructor_args(
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
    extra: &[&str],
) -> PyResult<(Option<PyRef>, Vec<Option<PyRef>>)> {
    let (positional, keywords) = pyrite_objects::methods::split_args(args, kwnames);
    if positional.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 1 positional argument ({} given)",
            positional.len()
        )));
    }
    let mut data = positional.first().cloned();
    let mut string = None;
    let mut values: Vec<Option<PyRef>> = vec![None; extra.len()];
    for (key, value) in keywords {
        match key.as_str() {
            "data" if data.is_none() => data = Some(value),
            "data" => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('data') and position (1)"
                )));
            }
            "string" => string = Some(value),
            "usedforsecurity" => {}
            other => match extra.iter().position(|param| *param == other) {
                Some(index) => values[index] = Some(value),
                None => {
                    return Err(PyErr::type_error(format!(
                        "{name}() got an unexpected keyword argument '{other}'"
                    )));
                }
            },
        }
    }
    let data = match (data, string) {
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "'data' and 'string' are mutually exclusive and support for 'string' keyword \
                 parameter is slated for removal in a future version.",
            ));
        }
        (data, string) => data.or(string),
    };
    Ok((data, values))
}

/// Builds `state`, feeds it the constructor's `data`, and wraps it as a `ty` object.
pub fn construct<A: Algorithm>(
    ts: &ThreadState,
    ty: &PyType,
    mut state: A,
    data: Option<&PyRef>,
) -> PyResult {
    if let Some(data) = data {
        state.update(&data_bytes(data)?);
    }
    new_hash(ts, ty, state)
}

fn no_arguments(name: &str, args: Args<'_>, kwnames: KwNames<'_>) -> PyResult<()> {
    crate::modsupport::positional(name, args, kwnames, 0, 0).map(|_| ())
}

/// The `length` argument of a SHAKE digest (Argument Clinic's unsigned converter).
fn digest_length(
    ts: &ThreadState,
    method: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<usize> {
    let values = crate::modsupport::bind(method, args, kwnames, &["length"], 0, 1)?;
    let Some(length) = values.into_iter().next().flatten() else {
        return Err(PyErr::type_error(format!(
            "{method}() missing required argument 'length' (pos 1)"
        )));
    };
    let length = pyrite_objects::abstract_api::index(ts, &length)?;
    let length = length
        .downcast_ref::<int::Int>()
        .map(|value| value.to_bigint())
        .unwrap_or_default();
    if length.sign() == Sign::Minus {
        return Err(PyErr::new(
            ExceptionKind::ValueError,
            "Cannot convert negative int",
        ));
    }
    let length = u64::try_from(length).map_err(|_| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large for C unsigned long",
        )
    })?;
    // CPython refuses lengths of 2**29 bytes and more (the HACL* output limit).
    if length >= 1 << 29 {
        return Err(PyErr::new(ExceptionKind::ValueError, "length is too large"));
    }
    Ok(length as usize)
}

fn digest_of<A: Algorithm>(
    ts: &ThreadState,
    this: &PyObject,
    method: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult<Vec<u8>> {
    let state = state_of::<A>(this)?;
    let extendable = state.borrow().extendable();
    let length = if extendable {
        digest_length(ts, method, args, kwnames)?
    } else {
        let qualified = format!("{}.{method}", A::python_type().short_name());
        no_arguments(&qualified, args, kwnames)?;
        state.borrow().digest_size()
    };
    Ok(state.borrow().finish(length))
}

fn hash_update<A: Algorithm>(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let args = crate::modsupport::positional("update", args, kwnames, 1, 1)?;
    let data = data_bytes(&args[0])?;
    state_of::<A>(this)?.borrow_mut().update(&data);
    Ok(pyrite_objects::singletons::none())
}

fn hash_digest<A: Algorithm>(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let digest = digest_of::<A>(ts, this, "digest", args, kwnames)?;
    Ok(bytes::new(ts, &digest))
}

fn hash_hexdigest<A: Algorithm>(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let digest = digest_of::<A>(ts, this, "hexdigest", args, kwnames)?;
    let text: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    Ok(pystr::new(ts, &text).into_ref())
}

fn hash_copy<A: Algorithm>(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    no_arguments(
        &format!("{}.copy", A::python_type().short_name()),
        args,
        kwnames,
    )?;
    let state = state_of::<A>(this)?.borrow().clone();
    new_hash(ts, this.ob_type(), state)
}

fn hash_name<A: Algorithm>(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(pystr::intern(ts, state_of::<A>(this)?.borrow().name()))
}

fn hash_digest_size<A: Algorithm>(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(int::new(
        ts,
        state_of::<A>(this)?.borrow().digest_size() as i64,
    ))
}

fn hash_block_size<A: Algorithm>(ts: &ThreadState, this: &PyObject) -> PyResult {
    Ok(int::new(
        ts,
        state_of::<A>(this)?.borrow().block_size() as i64,
    ))
}

/// Gives `A`'s type the methods and attributes every hash object has.
pub fn add_hash_methods<A: Algorithm>(ts: &ThreadState) {
    let ty = A::python_type();
    pyrite_objects::descr::add_methods(
        ts,
        ty,
        &[
            ("copy", hash_copy::<A>),
            ("digest", hash_digest::<A>),
            ("hexdigest", hash_hexdigest::<A>),
            ("update", hash_update::<A>),
        ],
    );
    pyrite_objects::descr::add_getsets(
        ts,
        ty,
        &[
            ("block_size", hash_block_size::<A>, None),
            ("name", hash_name::<A>, None),
            ("digest_size", hash_digest_size::<A>, None),
        ],
    );
}

/// The `_GIL_MINSIZE` constant every hash module exports (the data size above which
/// CPython releases the GIL while hashing).
pub const GIL_MINSIZE: i64 = 2048;

/// Wraps a RustCrypto digest as an [`Algorithm`] with a fixed output size.
macro_rules! fixed_digest_algorithm {
    ($wrapper:ident, $hasher:ty, $name:literal, $digest:literal, $block:literal, $ty:expr) => {
        #[derive(Clone, Default)]
        pub struct $wrapper(pub $hasher);

        impl $crate::hashlib::Algorithm for $wrapper {
            fn python_type() -> &'static pyrite_objects::typeobject::PyType {
                &$ty
            }
            fn name(&self) -> &'static str {
                $name
            }
            fn digest_size(&self) -> usize {
                $digest
            }
            fn block_size(&self) -> usize {
                $block
            }
            fn update(&mut self, data: &[u8]) {
                digest::Digest::update(&mut self.0, data);
            }
            fn finish(&self, _length: usize) -> Vec<u8> {
                digest::Digest::finalize(self.0.clone()).to_vec()
            }
        }
    };
}
pub(crate) use fixed_digest_algorithm;

/// A function-style constructor (`_md5.md5`, `_sha2.sha256`...) for algorithm `A`.
pub fn function_constructor<A: Algorithm + Default>(
    ts: &ThreadState,
    name: &str,
    args: Args<'_>,
    kwnames: KwNames<'_>,
) -> PyResult {
    let (data, _) = constructor_args(name, args, kwnames, &[])?;
    construct(ts, A::python_type(), A::default(), data.as_ref())
}
