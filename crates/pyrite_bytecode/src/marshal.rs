//! The marshal format, version 5: what `.pyc` files hold and `marshal.dumps`/`loads` do.
//!
//! CPython counterpart: `Python/marshal.c`. Reading accepts every type code CPython
//! writes or reads, with its error messages. Writing follows CPython's choices (the
//! compact ASCII and small-tuple forms, interned strings, `FLAG_REF` back-references).
//! CPython sets `FLAG_REF` on objects whose reference count is above one; Pyrite has no
//! reference counts here, so it models them: constants equal by type and value are one
//! object (the compiler merges them, and merges `co_names`/`co_localsplusnames` tuples and
//! line and exception tables with equal ones), interned strings and immortal singletons
//! are shared, set elements are (the writer's sort list holds them), the module code
//! object of a `.pyc` is not, and what a code object owns alone is not. Sets are written
//! sorted by their elements' marshal bytes, as CPython does for reproducible `.pyc` files.
//!
//! Limits of the data model: a structure that contains itself (possible in hand-made
//! marshal data through a back-reference to an unfinished tuple or list) is reported as
//! `bad marshal data (invalid reference)`, and a code object whose `co_consts` holds a
//! list, dict, set or `StopIteration` cannot be represented.

use std::collections::HashMap;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};
use pyrite_ast::PyStr;

use crate::code::{CodeObject, Constant};

/// The version `marshal.dumps` writes by default (`marshal.version`).
pub const VERSION: u32 = 5;

/// CPython's `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: usize = 2000;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const TYPE_SLICE: u8 = b':';
const FLAG_REF: u8 = 0x80;

/// Python's exception for bad marshal input or an unmarshallable value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarshalError {
    /// The Python exception type: `EOFError`, `ValueError`, `TypeError`,
    /// `UnicodeDecodeError`.
    pub exception: &'static str,
    pub message: String,
}

impl MarshalError {
    fn new(exception: &'static str, message: impl Into<String>) -> MarshalError {
        MarshalError {
            exception,
            message: message.into(),
        }
    }

    fn bad_data(what: &str) -> MarshalError {
        MarshalError::new("ValueError", format!("bad marshal data ({what})"))
    }

    fn too_short() -> MarshalError {
        MarshalError::new("EOFError", "marshal data too short")
    }
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exception, self.message)
    }
}

impl std::error::Error for MarshalError {}

/// Any value marshal can hold: the code-object constants plus the mutable containers and
/// `StopIteration` (the class, which marshal stores as a singleton).
#[derive(Clone, Debug, PartialEq)]
pub enum MarshalValue {
    None,
    Ellipsis,
    StopIteration,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(PyStr),
    Bytes(Vec<u8>),
    Tuple(Vec<MarshalValue>),
    List(Vec<MarshalValue>),
    /// Items in insertion order, keys unique.
    Dict(Vec<(MarshalValue, MarshalValue)>),
    /// Items in stored order, unique.
    Set(Vec<MarshalValue>),
    FrozenSet(Vec<MarshalValue>),
    Slice(Box<[MarshalValue; 3]>),
    Code(Box<CodeObject>),
}

impl MarshalValue {
    fn type_name(&self) -> &'static str {
        match self {
            MarshalValue::None => "NoneType",
            MarshalValue::Ellipsis => "ellipsis",
            MarshalValue::StopIteration => "type",
            MarshalValue::Bool(_) => "bool",
            MarshalValue::Int(_) => "int",
            MarshalValue::Float(_) => "float",
            MarshalValue::Complex { .. } => "complex",
            MarshalValue::Str(_) => "str",
            MarshalValue::Bytes(_) => "bytes",
            MarshalValue::Tuple(_) => "tuple",
            MarshalValue::List(_) => "list",
            MarshalValue::Dict(_) => "dict",
            MarshalValue::Set(_) => "set",
            MarshalValue::FrozenSet(_) => "frozenset",
            MarshalValue::Slice(_) => "slice",
            MarshalValue::Code(_) => "code",
        }
    }
}

impl From<Constant> for MarshalValue {
    fn from(constant: Constant) -> Self {
        match constant {
            Constant::None => MarshalValue::None,
            Constant::Ellipsis => MarshalValue::Ellipsis,
            Constant::Bool(value) => MarshalValue::Bool(value),
            Constant::Int(value) => MarshalValue::Int(value),
            Constant::Float(value) => MarshalValue::Float(value),
            Constant::Complex { real, imag } => MarshalValue::Complex { real, imag },
            Constant::Str(value) => MarshalValue::Str(value),
            Constant::Bytes(value) => MarshalValue::Bytes(value),
            Constant::Tuple(items) => {
                MarshalValue::Tuple(items.into_iter().map(MarshalValue::from).collect())
            }
            Constant::FrozenSet(items) => {
                MarshalValue::FrozenSet(items.into_iter().map(MarshalValue::from).collect())
            }
            Constant::Slice(parts) => {
                let [start, stop, step] = *parts;
                MarshalValue::Slice(Box::new([start.into(), stop.into(), step.into()]))
            }
            Constant::Code(code) => MarshalValue::Code(code),
        }
    }
}

impl TryFrom<MarshalValue> for Constant {
    type Error = MarshalValue;

    /// Fails (giving the value back) for what cannot be a code object's constant.
    fn try_from(value: MarshalValue) -> Result<Self, MarshalValue> {
        fn items(values: Vec<MarshalValue>) -> Result<Vec<Constant>, MarshalValue> {
            values.into_iter().map(Constant::try_from).collect()
        }
        Ok(match value {
            MarshalValue::None => Constant::None,
            MarshalValue::Ellipsis => Constant::Ellipsis,
            MarshalValue::Bool(value) => Constant::Bool(value),
            MarshalValue::Int(value) => Constant::Int(value),
            MarshalValue::Float(value) => Constant::Float(value),
            MarshalValue::Complex { real, imag } => Constant::Complex { real, imag },
            MarshalValue::Str(value) => Constant::Str(value),
            MarshalValue::Bytes(value) => Constant::Bytes(value),
            MarshalValue::Tuple(values) => Constant::Tuple(items(values)?),
            MarshalValue::FrozenSet(values) => Constant::FrozenSet(items(values)?),
            MarshalValue::Slice(parts) => {
                let [start, stop, step] = *parts;
                Constant::Slice(Box::new([
                    start.try_into()?,
                    stop.try_into()?,
                    step.try_into()?,
                ]))
            }
            MarshalValue::Code(code) => Constant::Code(code),
            other @ (MarshalValue::StopIteration
            | MarshalValue::List(_)
            | MarshalValue::Dict(_)
            | MarshalValue::Set(_)) => return Err(other),
        })
    }
}

// ---------------------------------------------------------------------------------------
// Reading

/// `marshal.loads(data)`: the first value in `data` (trailing bytes are ignored, as in
/// CPython).
pub fn loads(data: &[u8]) -> Result<MarshalValue, MarshalError> {
    loads_prefix(data).map(|(value, _)| value)
}

/// Reads one value and says how many bytes it took (for `marshal.load` on a file).
pub fn loads_prefix(data: &[u8]) -> Result<(MarshalValue, usize), MarshalError> {
    let mut reader = Reader {
        data,
        position: 0,
        refs: Vec::new(),
        depth: 0,
    };
    let value = reader.read_required("object")?;
    Ok((value, reader.position))
}

/// Reads a marshalled code object (what follows a `.pyc` header).
pub fn loads_code(data: &[u8]) -> Result<CodeObject, MarshalError> {
    match loads(data)? {
        MarshalValue::Code(code) => Ok(*code),
        other => Err(MarshalError::new(
            "TypeError",
            format!("expected a code object, got {}", other.type_name()),
        )),
    }
}

struct Reader<'a> {
    data: &'a [u8],
    position: usize,
    /// Objects stored with `FLAG_REF`; `None` while still being built.
    refs: Vec<Option<MarshalValue>>,
    depth: usize,
}

impl Reader<'_> {
    fn bytes(&mut self, count: usize) -> Result<&[u8], MarshalError> {
        let end = self
            .position
            .checked_add(count)
            .filter(|end| *end <= self.data.len())
            .ok_or_else(MarshalError::too_short)?;
        let slice = &self.data[self.position..end];
        self.position = end;
        Ok(slice)
    }

    /// `r_byte`: a single byte, with its own end-of-data message.
    fn byte(&mut self) -> Result<u8, MarshalError> {
        let byte = *self
            .data
            .get(self.position)
            .ok_or_else(|| MarshalError::new("EOFError", "EOF read where not expected"))?;
        self.position += 1;
        Ok(byte)
    }

    fn long(&mut self) -> Result<i32, MarshalError> {
        let bytes = self.bytes(4)?;
        Ok(i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn size(&mut self, what: &str) -> Result<usize, MarshalError> {
        let size = self.long()?;
        usize::try_from(size)
            .map_err(|_| MarshalError::bad_data(&format!("{what} size out of range")))
    }

    fn reserve(&mut self, flagged: bool) -> Option<usize> {
        flagged.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, slot: Option<usize>, value: &MarshalValue) {
        if let Some(slot) = slot {
            self.refs[slot] = Some(value.clone());
        }
    }

    fn read_required(&mut self, context: &str) -> Result<MarshalValue, MarshalError> {
        self.read()?.ok_or_else(|| {
            MarshalError::new(
                "TypeError",
                format!("NULL object in marshal data for {context}"),
            )
        })
    }

    /// `r_object`: `Ok(None)` is TYPE_NULL (a dict's terminator).
    fn read(&mut self) -> Result<Option<MarshalValue>, MarshalError> {
        if self.depth >= MAX_DEPTH {
            return Err(MarshalError::new("ValueError", "recursion limit exceeded"));
        }
        let Some(&code) = self.data.get(self.position) else {
            return Err(MarshalError::new(
                "EOFError",
                "EOF read where object expected",
            ));
        };
        self.position += 1;
        self.depth += 1;
        let result = self.read_after_type(code & !FLAG_REF, code & FLAG_REF != 0);
        self.depth -= 1;
        result
    }

    fn read_after_type(
        &mut self,
        kind: u8,
        flagged: bool,
    ) -> Result<Option<MarshalValue>, MarshalError> {
        let value = match kind {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => return Ok(Some(MarshalValue::None)),
            TYPE_STOPITER => return Ok(Some(MarshalValue::StopIteration)),
            TYPE_ELLIPSIS => return Ok(Some(MarshalValue::Ellipsis)),
            TYPE_FALSE => return Ok(Some(MarshalValue::Bool(false))),
            TYPE_TRUE => return Ok(Some(MarshalValue::Bool(true))),
            TYPE_REF => {
                let index = self.long()?;
                let found = usize::try_from(index)
                    .ok()
                    .and_then(|index| self.refs.get(index))
                    .and_then(|slot| slot.clone());
                return found
                    .map(Some)
                    .ok_or_else(|| MarshalError::bad_data("invalid reference"));
            }
            TYPE_TUPLE | TYPE_SMALL_TUPLE | TYPE_LIST | TYPE_SET | TYPE_FROZENSET | TYPE_DICT
            | TYPE_CODE | TYPE_SLICE => return self.read_container(kind, flagged).map(Some),
            TYPE_INT => MarshalValue::Int(self.long()?.into()),
            TYPE_INT64 => {
                let bytes = self.bytes(8)?;
                let mut buffer = [0; 8];
                buffer.copy_from_slice(bytes);
                MarshalValue::Int(i64::from_le_bytes(buffer).into())
            }
            TYPE_LONG => MarshalValue::Int(self.read_long()?),
            TYPE_FLOAT => MarshalValue::Float(self.read_text_float()?),
            TYPE_BINARY_FLOAT => MarshalValue::Float(self.read_binary_float()?),
            TYPE_COMPLEX => {
                let real = self.read_text_float()?;
                let imag = self.read_text_float()?;
                MarshalValue::Complex { real, imag }
            }
            TYPE_BINARY_COMPLEX => {
                let real = self.read_binary_float()?;
                let imag = self.read_binary_float()?;
                MarshalValue::Complex { real, imag }
            }
            TYPE_STRING => {
                let size = self.size("bytes object")?;
                MarshalValue::Bytes(self.bytes(size)?.to_vec())
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let size = self.size("string")?;
                let bytes = self.bytes(size)?;
                MarshalValue::Str(decode_utf8_surrogatepass(bytes)?)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let size = self.size("string")?;
                MarshalValue::Str(latin1(self.bytes(size)?))
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let size = usize::from(self.byte()?);
                MarshalValue::Str(latin1(self.bytes(size)?))
            }
            _ => return Err(MarshalError::bad_data("unknown type code")),
        };
        if flagged {
            self.refs.push(Some(value.clone()));
        }
        Ok(Some(value))
    }

    fn read_long(&mut self) -> Result<BigInt, MarshalError> {
        let count = self.long()?;
        if count == i32::MIN {
            return Err(MarshalError::bad_data("long size out of range"));
        }
        let sign = if count < 0 { Sign::Minus } else { Sign::Plus };
        let count = count.unsigned_abs() as usize;
        // Check the length first so that a forged size cannot make us allocate.
        let digits = self.bytes(count.checked_mul(2).ok_or_else(MarshalError::too_short)?)?;
        let mut words: Vec<u32> = Vec::with_capacity(count * 15 / 32 + 1);
        let mut accumulator: u64 = 0;
        let mut bits = 0;
        let mut last_digit = 0;
        for pair in digits.chunks_exact(2) {
            let digit = u16::from_le_bytes([pair[0], pair[1]]);
            if digit >= 1 << 15 {
                return Err(MarshalError::bad_data("digit out of range in long"));
            }
            last_digit = digit;
            accumulator |= u64::from(digit) << bits;
            bits += 15;
            if bits >= 32 {
                words.push(accumulator as u32);
                accumulator >>= 32;
                bits -= 32;
            }
        }
        if count > 0 && last_digit == 0 {
            return Err(MarshalError::bad_data("unnormalized long data"));
        }
        words.push(accumulator as u32);
        Ok(BigInt::from_biguint(sign, BigUint::new(words)))
    }

    fn read_text_float(&mut self) -> Result<f64, MarshalError> {
        let size = usize::from(self.byte()?);
        let text = self.bytes(size)?;
        parse_float_text(text).ok_or_else(|| {
            MarshalError::new(
                "ValueError",
                format!(
                    "could not convert string to float: {}",
                    pyrite_ast::repr::str_repr(&latin1(text))
                ),
            )
        })
    }

    fn read_binary_float(&mut self) -> Result<f64, MarshalError> {
        let bytes = self.bytes(8)?;
        let mut buffer = [0; 8];
        buffer.copy_from_slice(bytes);
        Ok(f64::from_le_bytes(buffer))
    }

    fn read_items(
        &mut self,
        count: usize,
        context: &str,
    ) -> Result<Vec<MarshalValue>, MarshalError> {
        // Each item takes at least one byte: a forged count cannot make us allocate more
        // than the data.
        let mut items = Vec::with_capacity(count.min(self.data.len() - self.position));
        for _ in 0..count {
            items.push(self.read_required(context)?);
        }
        Ok(items)
    }

    fn read_container(&mut self, kind: u8, flagged: bool) -> Result<MarshalValue, MarshalError> {
        let value = match kind {
            TYPE_SMALL_TUPLE => {
                let count = usize::from(self.byte()?);
                let slot = self.reserve(flagged);
                let value = MarshalValue::Tuple(self.read_items(count, "tuple")?);
                self.fill(slot, &value);
                return Ok(value);
            }
            TYPE_TUPLE | TYPE_LIST | TYPE_SET | TYPE_FROZENSET => {
                let (what, context) = match kind {
                    TYPE_TUPLE => ("tuple", "tuple"),
                    TYPE_LIST => ("list", "list"),
                    _ => ("set", "set"),
                };
                let count = self.size(what)?;
                let slot = self.reserve(flagged);
                let items = self.read_items(count, context)?;
                let value = match kind {
                    TYPE_TUPLE => MarshalValue::Tuple(items),
                    TYPE_LIST => MarshalValue::List(items),
                    TYPE_SET => MarshalValue::Set(unique_items(items, "set element")?),
                    _ => MarshalValue::FrozenSet(unique_items(items, "set element")?),
                };
                self.fill(slot, &value);
                return Ok(value);
            }
            TYPE_DICT => {
                let slot = self.reserve(flagged);
                let mut pairs = Vec::new();
                while let Some(key) = self.read()? {
                    let Some(value) = self.read()? else { break };
                    pairs.push((key, value));
                }
                let value = MarshalValue::Dict(unique_pairs(pairs)?);
                self.fill(slot, &value);
                return Ok(value);
            }
            TYPE_SLICE => {
                let slot = self.reserve(flagged);
                let start = self.read_required("object")?;
                let stop = self.read_required("object")?;
                let step = self.read_required("object")?;
                let value = MarshalValue::Slice(Box::new([start, stop, step]));
                self.fill(slot, &value);
                return Ok(value);
            }
            _ => {
                let slot = self.reserve(flagged);
                let value = MarshalValue::Code(Box::new(self.read_code()?));
                self.fill(slot, &value);
                value
            }
        };
        Ok(value)
    }

    fn read_code(&mut self) -> Result<CodeObject, MarshalError> {
        let co_argcount = self.long()?;
        let co_posonlyargcount = self.long()?;
        let co_kwonlyargcount = self.long()?;
        let co_stacksize = self.long()?;
        let co_flags = self.long()?;
        let co_code = self.read_bytes_field()?;
        let co_consts = match self.read_required("object")? {
            MarshalValue::Tuple(items) => items
                .into_iter()
                .map(Constant::try_from)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|_| MarshalError::bad_data("unsupported constant in code object"))?,
            _ => return Err(bad_code_field()),
        };
        let co_names = self.read_str_tuple_field()?;
        let co_localsplusnames = self.read_str_tuple_field()?;
        let co_localspluskinds = self.read_bytes_field()?;
        let co_filename = self.read_str_field()?;
        let co_name = self.read_str_field()?;
        let co_qualname = self.read_str_field()?;
        let co_firstlineno = self.long()?;
        let co_linetable = self.read_bytes_field()?;
        let co_exceptiontable = self.read_bytes_field()?;
        let count = |value: i32| u32::try_from(value).map_err(|_| bad_code_field());
        if co_localspluskinds.len() != co_localsplusnames.len() {
            return Err(bad_code_field());
        }
        Ok(CodeObject {
            co_argcount: count(co_argcount)?,
            co_posonlyargcount: count(co_posonlyargcount)?,
            co_kwonlyargcount: count(co_kwonlyargcount)?,
            co_stacksize: count(co_stacksize)?,
            co_flags: co_flags as u32,
            co_firstlineno,
            co_code,
            co_consts,
            co_names,
            co_localsplusnames,
            co_localspluskinds,
            co_filename,
            co_name,
            co_qualname,
            co_linetable,
            co_exceptiontable,
        })
    }

    fn read_bytes_field(&mut self) -> Result<Vec<u8>, MarshalError> {
        match self.read_required("object")? {
            MarshalValue::Bytes(bytes) => Ok(bytes),
            _ => Err(bad_code_field()),
        }
    }

    fn read_str_field(&mut self) -> Result<PyStr, MarshalError> {
        match self.read_required("object")? {
            MarshalValue::Str(text) => Ok(text),
            _ => Err(bad_code_field()),
        }
    }

    fn read_str_tuple_field(&mut self) -> Result<Vec<PyStr>, MarshalError> {
        match self.read_required("object")? {
            MarshalValue::Tuple(items) => items
                .into_iter()
                .map(|item| match item {
                    MarshalValue::Str(text) => Ok(text),
                    _ => Err(bad_code_field()),
                })
                .collect(),
            _ => Err(bad_code_field()),
        }
    }
}

/// CPython's code constructor rejects ill-typed fields with this `SystemError`.
fn bad_code_field() -> MarshalError {
    MarshalError::new("SystemError", "bad argument to internal function")
}

fn latin1(bytes: &[u8]) -> PyStr {
    if bytes.is_ascii() {
        // ASCII is valid UTF-8.
        return PyStr::from(String::from_utf8_lossy(bytes).into_owned());
    }
    bytes
        .iter()
        .map(|byte| char::from(*byte))
        .collect::<String>()
        .into()
}

/// `PyOS_string_to_double` on marshal's text floats: decimal or `inf`/`nan` spellings,
/// no surrounding space or underscores.
fn parse_float_text(text: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(text).ok()?;
    let body = text.trim_start_matches(['+', '-']);
    let valid = text.len() - body.len() <= 1
        && !body.is_empty()
        && (body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
            || ["inf", "infinity", "nan"].contains(&body.to_ascii_lowercase().as_str()));
    if !valid {
        return None;
    }
    text.parse::<f64>().ok()
}

/// `bytes.decode("utf-8", "surrogatepass")`, with CPython's `UnicodeDecodeError` text.
fn decode_utf8_surrogatepass(bytes: &[u8]) -> Result<PyStr, MarshalError> {
    if let Some(text) = PyStr::from_surrogatepass_utf8(bytes) {
        return Ok(text);
    }
    // Find the first bad byte to word the error as CPython does.
    let mut index = 0;
    while index < bytes.len() {
        let lead = bytes[index];
        let (width, low, high) = match lead {
            0x00..=0x7F => (1, 0x80, 0xBF),
            0xC2..=0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            0xE1..=0xEF => (3, 0x80, 0xBF),
            0xF0 => (4, 0x90, 0xBF),
            0xF1..=0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ => return Err(unicode_error(lead, index, "invalid start byte")),
        };
        for offset in 1..width {
            let Some(&next) = bytes.get(index + offset) else {
                return Err(unicode_error(lead, index, "unexpected end of data"));
            };
            let (low, high) = if offset == 1 {
                (low, high)
            } else {
                (0x80, 0xBF)
            };
            if !(low..=high).contains(&next) {
                return Err(unicode_error(lead, index, "invalid continuation byte"));
            }
        }
        index += width;
    }
    Err(unicode_error(0, 0, "invalid start byte"))
}

fn unicode_error(byte: u8, position: usize, reason: &str) -> MarshalError {
    MarshalError::new(
        "UnicodeDecodeError",
        format!("'utf-8' codec can't decode byte {byte:#04x} in position {position}: {reason}"),
    )
}

/// A key under which Python considers two hashable values equal (`1 == 1.0 == True`).
#[derive(Clone, PartialEq, Eq, Hash)]
enum HashKey {
    Integer(BigInt),
    /// A float that is not an integer, by its bits; NaNs get a unique number each.
    Float(u64),
    Complex(u64, u64),
    Other(Vec<u8>),
    Unique(usize),
}

fn hash_key(
    value: &MarshalValue,
    what: &str,
    nan_counter: &mut usize,
) -> Result<HashKey, MarshalError> {
    let float_key = |value: f64, counter: &mut usize| {
        if value.is_nan() {
            *counter += 1;
            return HashKey::Unique(*counter);
        }
        if value.fract() == 0.0
            && value.is_finite()
            && let Some(int) = float_to_bigint(value)
        {
            return HashKey::Integer(int);
        }
        HashKey::Float(value.to_bits())
    };
    Ok(match value {
        MarshalValue::Bool(value) => HashKey::Integer(BigInt::from(u8::from(*value))),
        MarshalValue::Int(value) => HashKey::Integer(value.clone()),
        MarshalValue::Float(value) => float_key(*value, nan_counter),
        MarshalValue::Complex { real, imag } if *imag == 0.0 => float_key(*real, nan_counter),
        MarshalValue::Complex { real, imag } => HashKey::Complex(real.to_bits(), imag.to_bits()),
        MarshalValue::List(_) | MarshalValue::Dict(_) | MarshalValue::Set(_) => {
            return Err(MarshalError::new(
                "TypeError",
                format!(
                    "cannot use '{0}' as a {what} (unhashable type: '{0}')",
                    value.type_name()
                ),
            ));
        }
        other => {
            let mut writer = Writer::new(VERSION, false);
            writer.write(other, Role::Plain)?;
            HashKey::Other(writer.out)
        }
    })
}

fn float_to_bigint(value: f64) -> Option<BigInt> {
    if value.abs() < 9.0e15 {
        return Some(BigInt::from(value as i64));
    }
    let text = format!("{value:.0}");
    text.parse::<BigInt>().ok()
}

fn unique_items(items: Vec<MarshalValue>, what: &str) -> Result<Vec<MarshalValue>, MarshalError> {
    let mut seen = std::collections::HashSet::new();
    let mut nan_counter = 0;
    let mut unique = Vec::with_capacity(items.len());
    for item in items {
        if seen.insert(hash_key(&item, what, &mut nan_counter)?) {
            unique.push(item);
        }
    }
    Ok(unique)
}

fn unique_pairs(
    pairs: Vec<(MarshalValue, MarshalValue)>,
) -> Result<Vec<(MarshalValue, MarshalValue)>, MarshalError> {
    let mut index_of: HashMap<HashKey, usize> = HashMap::new();
    let mut nan_counter = 0;
    let mut unique: Vec<(MarshalValue, MarshalValue)> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        match index_of.entry(hash_key(&key, "dict key", &mut nan_counter)?) {
            std::collections::hash_map::Entry::Occupied(entry) => unique[*entry.get()].1 = value,
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(unique.len());
                unique.push((key, value));
            }
        }
    }
    Ok(unique)
}

// ---------------------------------------------------------------------------------------
// Writing

/// `marshal.dumps(value, version)`; versions 2 to 5 (binary floats) are supported.
pub fn dumps(value: &MarshalValue, version: u32) -> Result<Vec<u8>, MarshalError> {
    if !(2..=5).contains(&version) {
        return Err(MarshalError::new(
            "ValueError",
            format!("marshal version {version} is not supported by Pyrite"),
        ));
    }
    let mut counter = Writer::new(version, false);
    counter.counting = true;
    counter.write(value, Role::Top)?;
    let mut writer = Writer::new(version, version >= 3);
    writer.counts = counter.counts;
    writer.write(value, Role::Top)?;
    Ok(writer.out)
}

/// Marshals a code object as a `.pyc` body, as importlib's `_code_to_timestamp_pyc`
/// does: there the module's code object is held by one reference only (its callers pass
/// it on as a borrowed local), so CPython writes it without `FLAG_REF`.
pub fn dumps_code(code: &CodeObject) -> Vec<u8> {
    let value = MarshalValue::Code(Box::new(code.clone()));
    let top = Role::TopUnique;
    let write = || -> Result<Vec<u8>, MarshalError> {
        let mut counter = Writer::new(VERSION, false);
        counter.counting = true;
        counter.write(&value, top)?;
        let mut writer = Writer::new(VERSION, true);
        writer.counts = counter.counts;
        writer.write(&value, top)?;
        Ok(writer.out)
    };
    // A code object tree never holds an unmarshallable value; only absurd nesting fails.
    write().unwrap_or_default()
}

/// Where a value sits, which decides whether CPython would hold it more than once.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The argument of `dumps`: the caller holds a reference too.
    Top,
    /// The argument of `dumps` when nothing else holds it.
    TopUnique,
    /// A constant (or part of one): equal constants are one object in CPython.
    Plain,
    /// A string CPython interns (names, identifiers-like constants).
    Interned,
    /// `co_names`, `co_localsplusnames`: the compiler merges them with equal constants, and
    /// their items are interned.
    Names,
    /// `co_code`: a fresh bytes object that the code object also caches.
    CodeBytes,
    /// Owned by one code object alone (`co_names`, tables).
    Owned,
    /// `co_linetable`, `co_exceptiontable`: merged with equal bytes by the compiler.
    Tables,
    /// An element of a set: CPython's writer holds it in its sort list while writing.
    SetElement,
}

struct Writer {
    out: Vec<u8>,
    version: u32,
    use_refs: bool,
    /// First pass: count how often each shareable value occurs.
    counting: bool,
    counts: HashMap<Vec<u8>, u32>,
    refs: HashMap<Vec<u8>, u32>,
    next_ref: u32,
    depth: usize,
}

impl Writer {
    fn new(version: u32, use_refs: bool) -> Writer {
        Writer {
            out: Vec::new(),
            version,
            use_refs,
            counting: false,
            counts: HashMap::new(),
            refs: HashMap::new(),
            next_ref: 0,
            depth: 0,
        }
    }

    fn long(&mut self, value: i32) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    fn size(&mut self, value: usize) -> Result<(), MarshalError> {
        let value = i32::try_from(value)
            .map_err(|_| MarshalError::new("ValueError", "unmarshallable object"))?;
        self.long(value);
        Ok(())
    }

    fn write(&mut self, value: &MarshalValue, role: Role) -> Result<(), MarshalError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(MarshalError::new(
                "ValueError",
                "object too deeply nested to marshal",
            ));
        }
        let result = self.write_inner(value, role);
        self.depth -= 1;
        result
    }

    /// Whether CPython's `w_ref` would find the object's reference count above one.
    fn is_shared(&self, value: &MarshalValue, role: Role, key: &[u8]) -> bool {
        match role {
            Role::Top | Role::Interned | Role::CodeBytes | Role::SetElement => return true,
            Role::Owned | Role::Plain | Role::Names | Role::Tables | Role::TopUnique => {}
        }
        let immortal = match value {
            MarshalValue::Int(value) => *value >= BigInt::from(-5) && *value <= BigInt::from(256),
            MarshalValue::Tuple(items) => items.is_empty(),
            // Only the parser's one-byte bytes are the shared singletons.
            MarshalValue::Bytes(bytes) => {
                bytes.is_empty() || (bytes.len() == 1 && role == Role::Plain)
            }
            MarshalValue::Str(text) => {
                text.is_empty() || (text.len() == 1 && text.code_points().all(|code| code < 256))
            }
            _ => false,
        };
        immortal
            || (matches!(role, Role::Plain | Role::Names | Role::Tables)
                && self.counts.get(key).copied().unwrap_or(0) > 1)
    }

    fn write_inner(&mut self, value: &MarshalValue, role: Role) -> Result<(), MarshalError> {
        let mut flag = 0;
        match value {
            MarshalValue::None => return self.put(TYPE_NONE),
            MarshalValue::Bool(false) => return self.put(TYPE_FALSE),
            MarshalValue::Bool(true) => return self.put(TYPE_TRUE),
            MarshalValue::Ellipsis => return self.put(TYPE_ELLIPSIS),
            MarshalValue::StopIteration => return self.put(TYPE_STOPITER),
            _ => {}
        }
        if self.use_refs || self.counting {
            let mut plain = Writer::new(self.version, false);
            plain.write_body(value, role, 0)?;
            let key = plain.out;
            if self.counting {
                if matches!(
                    role,
                    Role::Plain | Role::Interned | Role::Names | Role::Tables | Role::SetElement
                ) {
                    *self.counts.entry(key).or_insert(0) += 1;
                }
            } else if self.is_shared(value, role, &key) {
                if role != Role::CodeBytes {
                    if let Some(index) = self.refs.get(&key) {
                        self.out.push(TYPE_REF);
                        self.long(*index as i32);
                        return Ok(());
                    }
                    self.refs.insert(key, self.next_ref);
                }
                self.next_ref += 1;
                flag = FLAG_REF;
            }
        }
        self.write_body(value, role, flag)
    }

    fn put(&mut self, byte: u8) -> Result<(), MarshalError> {
        self.out.push(byte);
        Ok(())
    }

    fn write_body(
        &mut self,
        value: &MarshalValue,
        role: Role,
        flag: u8,
    ) -> Result<(), MarshalError> {
        match value {
            MarshalValue::None => self.out.push(TYPE_NONE),
            MarshalValue::Bool(false) => self.out.push(TYPE_FALSE),
            MarshalValue::Bool(true) => self.out.push(TYPE_TRUE),
            MarshalValue::Ellipsis => self.out.push(TYPE_ELLIPSIS),
            MarshalValue::StopIteration => self.out.push(TYPE_STOPITER),
            MarshalValue::Int(value) => self.write_int(value, flag),
            MarshalValue::Float(value) => {
                self.out.push(TYPE_BINARY_FLOAT | flag);
                self.out.extend_from_slice(&value.to_le_bytes());
            }
            MarshalValue::Complex { real, imag } => {
                self.out.push(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&real.to_le_bytes());
                self.out.extend_from_slice(&imag.to_le_bytes());
            }
            MarshalValue::Str(text) => self.write_str(text, role == Role::Interned, flag)?,
            MarshalValue::Bytes(bytes) => {
                self.out.push(TYPE_STRING | flag);
                self.size(bytes.len())?;
                self.out.extend_from_slice(bytes);
            }
            MarshalValue::Tuple(items) => {
                if self.version >= 4 && items.len() < 256 {
                    self.out.push(TYPE_SMALL_TUPLE | flag);
                    self.out.push(items.len() as u8);
                } else {
                    self.out.push(TYPE_TUPLE | flag);
                    self.size(items.len())?;
                }
                let item_role = if matches!(role, Role::Owned | Role::Names) {
                    Role::Interned
                } else {
                    Role::Plain
                };
                for item in items {
                    let item_role = constant_role(item, item_role);
                    self.write(item, item_role)?;
                }
            }
            MarshalValue::List(items) => self.write_sequence(TYPE_LIST | flag, items)?,
            MarshalValue::Set(items) => {
                let items = self.set_order(items)?;
                self.write_set(TYPE_SET | flag, &items)?;
            }
            MarshalValue::FrozenSet(items) => {
                let items = self.set_order(items)?;
                self.write_set(TYPE_FROZENSET | flag, &items)?;
            }
            MarshalValue::Dict(pairs) => {
                self.out.push(TYPE_DICT | flag);
                for (key, value) in pairs {
                    self.write(key, constant_role(key, Role::Plain))?;
                    self.write(value, constant_role(value, Role::Plain))?;
                }
                self.out.push(TYPE_NULL);
            }
            MarshalValue::Slice(parts) => {
                if self.version < 5 {
                    return Err(MarshalError::new("ValueError", "unmarshallable object"));
                }
                self.out.push(TYPE_SLICE | flag);
                for part in parts.iter() {
                    self.write(part, constant_role(part, Role::Plain))?;
                }
            }
            MarshalValue::Code(code) => self.write_code(code, flag)?,
        }
        Ok(())
    }

    /// The order CPython writes a set's elements in: not its hash-table order but, for
    /// reproducible `.pyc` files, `sorted(items, key=marshal.dumps)` (each element
    /// marshalled alone, where everything but the `None`/`True`/`False`/`...` singletons
    /// carries `FLAG_REF`, being referenced by the set and the sort). Elements nested in a
    /// tuple are keyed without their own flags, which only matters for frozensets of
    /// tuples that differ first in such a flag.
    fn set_order(&self, items: &[MarshalValue]) -> Result<Vec<MarshalValue>, MarshalError> {
        let mut keyed = Vec::with_capacity(items.len());
        for item in items {
            let mut alone = Writer::new(self.version, false);
            alone.write_body(item, constant_role(item, Role::Plain), 0)?;
            let mut key = alone.out;
            let singleton = matches!(
                item,
                MarshalValue::None
                    | MarshalValue::Bool(_)
                    | MarshalValue::Ellipsis
                    | MarshalValue::StopIteration
            );
            if !singleton && self.version >= 3 {
                key[0] |= FLAG_REF;
            }
            keyed.push((key, item));
        }
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(keyed.into_iter().map(|(_, item)| item.clone()).collect())
    }

    fn write_set(&mut self, code: u8, items: &[MarshalValue]) -> Result<(), MarshalError> {
        self.out.push(code);
        self.size(items.len())?;
        for item in items {
            let role = match constant_role(item, Role::SetElement) {
                Role::Interned => Role::Interned,
                _ => Role::SetElement,
            };
            self.write(item, role)?;
        }
        Ok(())
    }

    fn write_sequence(&mut self, code: u8, items: &[MarshalValue]) -> Result<(), MarshalError> {
        self.out.push(code);
        self.size(items.len())?;
        for item in items {
            self.write(item, constant_role(item, Role::Plain))?;
        }
        Ok(())
    }

    fn write_int(&mut self, value: &BigInt, flag: u8) {
        if let Ok(small) = i32::try_from(value) {
            self.out.push(TYPE_INT | flag);
            self.long(small);
            return;
        }
        self.out.push(TYPE_LONG | flag);
        let (sign, magnitude) = (value.sign(), value.magnitude());
        let mut digits: Vec<u16> = Vec::new();
        let mut accumulator: u64 = 0;
        let mut bits = 0;
        for word in magnitude.iter_u32_digits() {
            accumulator |= u64::from(word) << bits;
            bits += 32;
            while bits >= 15 {
                digits.push((accumulator & 0x7fff) as u16);
                accumulator >>= 15;
                bits -= 15;
            }
        }
        if bits > 0 {
            digits.push((accumulator & 0x7fff) as u16);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        let count = digits.len() as i32;
        self.long(if sign == Sign::Minus { -count } else { count });
        for digit in digits {
            self.out.extend_from_slice(&digit.to_le_bytes());
        }
    }

    fn write_str(&mut self, text: &PyStr, interned: bool, flag: u8) -> Result<(), MarshalError> {
        // One-character Latin-1 strings are CPython's statically interned singletons.
        let interned = interned || (text.len() == 1 && text.code_points().all(|code| code < 256));
        let bytes = text.as_surrogatepass_utf8();
        if self.version >= 4 && bytes.is_ascii() {
            if bytes.len() < 256 {
                let code = if interned {
                    TYPE_SHORT_ASCII_INTERNED
                } else {
                    TYPE_SHORT_ASCII
                };
                self.out.push(code | flag);
                self.out.push(bytes.len() as u8);
            } else {
                let code = if interned {
                    TYPE_ASCII_INTERNED
                } else {
                    TYPE_ASCII
                };
                self.out.push(code | flag);
                self.size(bytes.len())?;
            }
        } else {
            let code = if interned {
                TYPE_INTERNED
            } else {
                TYPE_UNICODE
            };
            self.out.push(code | flag);
            self.size(bytes.len())?;
        }
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    fn write_code(&mut self, code: &CodeObject, flag: u8) -> Result<(), MarshalError> {
        self.out.push(TYPE_CODE | flag);
        self.long(code.co_argcount as i32);
        self.long(code.co_posonlyargcount as i32);
        self.long(code.co_kwonlyargcount as i32);
        self.long(code.co_stacksize as i32);
        self.long(code.co_flags as i32);
        self.write(&MarshalValue::Bytes(code.co_code.clone()), Role::CodeBytes)?;
        // The compiler merges co_consts and co_names tuples with equal constants.
        let consts: Vec<MarshalValue> = code
            .co_consts
            .iter()
            .cloned()
            .map(MarshalValue::from)
            .collect();
        self.write(&MarshalValue::Tuple(consts), Role::Plain)?;
        let names: Vec<MarshalValue> = code
            .co_names
            .iter()
            .cloned()
            .map(MarshalValue::Str)
            .collect();
        self.write(&MarshalValue::Tuple(names), Role::Names)?;
        let locals: Vec<MarshalValue> = code
            .co_localsplusnames
            .iter()
            .cloned()
            .map(MarshalValue::Str)
            .collect();
        self.write(&MarshalValue::Tuple(locals), Role::Names)?;
        self.write(
            &MarshalValue::Bytes(code.co_localspluskinds.clone()),
            Role::Owned,
        )?;
        for text in [&code.co_filename, &code.co_name, &code.co_qualname] {
            self.write(&MarshalValue::Str(text.clone()), Role::Interned)?;
        }
        self.long(code.co_firstlineno);
        // The assembler merges both tables through the constant cache too.
        self.write(
            &MarshalValue::Bytes(code.co_linetable.clone()),
            Role::Tables,
        )?;
        self.write(
            &MarshalValue::Bytes(code.co_exceptiontable.clone()),
            Role::Tables,
        )?;
        Ok(())
    }
}

/// CPython interns string constants made only of ASCII letters, digits and underscores
/// (`all_name_chars` in `Objects/codeobject.c`).
fn constant_role(value: &MarshalValue, default: Role) -> Role {
    match value {
        MarshalValue::Str(text)
            if text.as_str().is_some_and(|text| {
                text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            }) =>
        {
            Role::Interned
        }
        _ => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|index| u8::from_str_radix(&text[index..index + 2], 16).unwrap())
            .collect()
    }

    fn error(data: &[u8]) -> String {
        loads(data).unwrap_err().to_string()
    }

    // Expected texts from the oracle (marshal.loads on each input).
    #[test]
    fn bad_data_errors() {
        assert_eq!(error(b""), "EOFError: EOF read where object expected");
        assert_eq!(error(b"i"), "EOFError: marshal data too short");
        assert_eq!(
            error(b"\x01"),
            "ValueError: bad marshal data (unknown type code)"
        );
        assert_eq!(
            error(b"?"),
            "ValueError: bad marshal data (unknown type code)"
        );
        assert_eq!(error(b"z"), "EOFError: EOF read where not expected");
        assert_eq!(error(b"f"), "EOFError: EOF read where not expected");
        assert_eq!(error(b"g"), "EOFError: marshal data too short");
        assert_eq!(
            error(b"0"),
            "TypeError: NULL object in marshal data for object"
        );
        assert_eq!(
            error(b"(\x01\x00\x00\x000"),
            "TypeError: NULL object in marshal data for tuple"
        );
        assert_eq!(
            error(b"<\x01\x00\x00\x000"),
            "TypeError: NULL object in marshal data for set"
        );
        assert_eq!(
            error(b"r\x00\x00\x00\x00"),
            "ValueError: bad marshal data (invalid reference)"
        );
        assert_eq!(
            error(b"l\x01\x00\x00\x00\x00\x80"),
            "ValueError: bad marshal data (digit out of range in long)"
        );
        assert_eq!(
            error(b"l\x01\x00\x00\x00\x00\x00"),
            "ValueError: bad marshal data (unnormalized long data)"
        );
        assert_eq!(
            error(b"l\x00\x00\x00\x80"),
            "ValueError: bad marshal data (long size out of range)"
        );
        assert_eq!(
            error(b"u\x02\x00\x00\x00\xff\xfe"),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert_eq!(
            error(b"u\x01\x00\x00\x00\xed"),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: unexpected end of data"
        );
        assert_eq!(
            error(b"s\xff\xff\xff\xff"),
            "ValueError: bad marshal data (bytes object size out of range)"
        );
        assert_eq!(
            error(b"(\x00\x00\x00\x80"),
            "ValueError: bad marshal data (tuple size out of range)"
        );
        assert_eq!(
            error(b"[\xff\xff\xff\xff"),
            "ValueError: bad marshal data (list size out of range)"
        );
        assert_eq!(
            error(b"<\xff\xff\xff\xff"),
            "ValueError: bad marshal data (set size out of range)"
        );
        assert_eq!(
            error(b"a\xff\xff\xff\xff"),
            "ValueError: bad marshal data (string size out of range)"
        );
        assert_eq!(
            error(b"f\x03abc"),
            "ValueError: could not convert string to float: 'abc'"
        );
        assert_eq!(
            error(b"f\x02 1"),
            "ValueError: could not convert string to float: ' 1'"
        );
        assert_eq!(
            error(b">\x02\x00\x00\x00[\x00\x00\x00\x00N"),
            "TypeError: cannot use 'list' as a set element (unhashable type: 'list')"
        );
        assert_eq!(
            error(b"{[\x00\x00\x00\x00NN0"),
            "TypeError: cannot use 'list' as a dict key (unhashable type: 'list')"
        );
        assert_eq!(error(b":NN"), "EOFError: EOF read where object expected");
        assert_eq!(error(b"c\x00"), "EOFError: marshal data too short");
    }

    #[test]
    fn deep_nesting_is_an_error() {
        // Run on a large stack: debug builds use big frames.
        let handle = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(|| {
                let mut data = b"(\x01\x00\x00\x00".repeat(3000);
                data.push(b'N');
                error(&data)
            })
            .unwrap();
        assert_eq!(
            handle.join().unwrap(),
            "ValueError: recursion limit exceeded"
        );
    }

    // Values and encodings from the oracle (marshal.loads / marshal.dumps).
    #[test]
    fn reads_every_scalar_form() {
        let cases: Vec<(&[u8], MarshalValue)> = vec![
            (b"N\x00extra", MarshalValue::None),
            (b"S", MarshalValue::StopIteration),
            (b".", MarshalValue::Ellipsis),
            (b"T", MarshalValue::Bool(true)),
            (
                b"I\x01\x00\x00\x00\x00\x00\x00\x00",
                MarshalValue::Int(1.into()),
            ),
            (b"l\xff\xff\xff\xff\x05\x00", MarshalValue::Int((-5).into())),
            (b"l\x00\x00\x00\x00", MarshalValue::Int(0.into())),
            (b"f\x031.5", MarshalValue::Float(1.5)),
            (b"f\x03inf", MarshalValue::Float(f64::INFINITY)),
            (
                b"x\x031.5\x031.5",
                MarshalValue::Complex {
                    real: 1.5,
                    imag: 1.5,
                },
            ),
            (b"a\x01\x00\x00\x00\xff", MarshalValue::Str("\u{ff}".into())),
            (b"z\x01\xff", MarshalValue::Str("\u{ff}".into())),
            (
                b":NNN",
                MarshalValue::Slice(Box::new([
                    MarshalValue::None,
                    MarshalValue::None,
                    MarshalValue::None,
                ])),
            ),
            (
                b"{NN0",
                MarshalValue::Dict(vec![(MarshalValue::None, MarshalValue::None)]),
            ),
            (b"{0", MarshalValue::Dict(vec![])),
            (
                b"<\x02\x00\x00\x00i\x01\x00\x00\x00i\x01\x00\x00\x00",
                MarshalValue::Set(vec![MarshalValue::Int(1.into())]),
            ),
        ];
        for (data, expected) in cases {
            assert_eq!(loads(data), Ok(expected), "{data:?}");
        }
    }

    #[test]
    fn writes_like_cpython() {
        let big: BigInt = BigInt::from(1u8) << 100;
        let cases: Vec<(MarshalValue, &str)> = vec![
            (
                MarshalValue::Int(big.clone()),
                "ec070000000000000000000000000000000004",
            ),
            (
                MarshalValue::Int(-big),
                "ecf9ffffff0000000000000000000000000004",
            ),
            (
                MarshalValue::Int(BigInt::from(1u64 << 31)),
                "ec03000000000000000200",
            ),
            (
                MarshalValue::Int(BigInt::from(-(1i64 << 31) - 1)),
                "ecfdffffff010000000200",
            ),
            (MarshalValue::Int(BigInt::from(-1)), "e9ffffffff"),
            (MarshalValue::Float(1.5), "e7000000000000f83f"),
            (
                MarshalValue::Complex {
                    real: 0.0,
                    imag: 1.0,
                },
                "f90000000000000000000000000000f03f",
            ),
            (
                MarshalValue::Str(PyStr::from_code_points([0xD800]).unwrap()),
                "f503000000eda080",
            ),
            (MarshalValue::Bytes(b"b".to_vec()), "f30100000062"),
            (MarshalValue::Tuple(vec![]), "a900"),
            (MarshalValue::FrozenSet(vec![]), "be00000000"),
            (
                MarshalValue::List(vec![MarshalValue::Int(1.into())]),
                "db01000000e901000000",
            ),
            (
                MarshalValue::Dict(vec![(
                    MarshalValue::Int(1.into()),
                    MarshalValue::Int(2.into()),
                )]),
                "fbe901000000e90200000030",
            ),
            (
                MarshalValue::Slice(Box::new(
                    [1.into(), 2.into(), 3.into()].map(MarshalValue::Int),
                )),
                "bae901000000e902000000e903000000",
            ),
            (MarshalValue::StopIteration, "53"),
            (MarshalValue::Bool(true), "54"),
        ];
        for (value, expected) in cases {
            let data = dumps(&value, VERSION).unwrap();
            assert_eq!(data, hex(expected), "{value:?}");
            assert_eq!(loads(&data), Ok(value));
        }
    }

    /// Sets are written sorted by their elements' own marshal bytes, whatever the order
    /// of the set (from the oracle: `marshal.dumps(frozenset({300, 1, 2, 1000, -7}))`...).
    #[test]
    fn sets_in_cpython_order() {
        let ints = |values: &[i64]| {
            values
                .iter()
                .map(|&v| MarshalValue::Int(v.into()))
                .collect()
        };
        let strs = |values: &[&str]| {
            values
                .iter()
                .map(|&v| MarshalValue::Str(v.into()))
                .collect()
        };
        let cases: Vec<(MarshalValue, &str)> = vec![
            (
                MarshalValue::FrozenSet(ints(&[300, 1, 2, 1000, -7])),
                "be05000000e901000000e902000000e92c010000e9e8030000e9f9ffffff",
            ),
            (
                MarshalValue::FrozenSet(strs(&["zz", "hello world!", "b", "a"])),
                "be04000000da0161da0162da027a7afa0c68656c6c6f20776f726c6421",
            ),
            (
                MarshalValue::FrozenSet(vec![
                    MarshalValue::Float(1.5),
                    MarshalValue::Int(2.into()),
                    MarshalValue::Tuple(ints(&[1, 2])),
                    MarshalValue::None,
                ]),
                "be040000004ea902e901000000e902000000e7000000000000f83f7203000000",
            ),
        ];
        for (value, expected) in cases {
            assert_eq!(dumps(&value, VERSION).unwrap(), hex(expected), "{value:?}");
        }
    }
}
