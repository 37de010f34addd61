//! Code objects as runtime objects: a `pyrite_bytecode::CodeObject` with its constants
//! and names turned into objects once, its exception table decoded, and what the
//! evaluation loop needs precomputed.
//!
//! CPython counterpart: `Objects/codeobject.c` (`PyCode_New`, `_PyCode_Quicken`'s private
//! copy of the bytecode, `co_positions`). The specializing interpreter will rewrite
//! `instructions` in place; `co_code` (the `CodeObject`'s bytes) stays unspecialized.

use std::cell::{Cell, OnceCell, RefCell};
use std::ptr::NonNull;

use pyrite_ast::PyStr;
use pyrite_bytecode::code::LocalKind;
use pyrite_bytecode::exceptiontable::ExceptionTableEntry;
use pyrite_bytecode::linetable::Position;
use pyrite_bytecode::{CodeObject, Constant};

use crate::dict::Dict;
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::slots::{Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `code` objects.
pub struct Code {
    pub code: CodeObject,
    /// `co_consts` as objects.
    pub consts: Vec<PyRef>,
    /// `co_names`, interned.
    pub names: Vec<PyRef>,
    /// `co_localsplusnames`, interned.
    pub localsplusnames: Vec<PyRef>,
    pub name: PyRef,
    pub qualname: PyRef,
    pub filename: PyRef,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// The bytecode the loop runs: a private copy of `co_code` (the specializer's).
    pub instructions: RefCell<Vec<u8>>,
    positions: OnceCell<Vec<Position>>,
    /// Number of `co_localsplusnames` entries (locals, cells, free variables).
    pub nlocalsplus: usize,
    weaklist: crate::weakref::WeakrefList,
    /// `LOAD_GLOBAL`'s cache, one entry per `co_names` entry (see `load_global`).
    global_cache: Box<[Cell<GlobalCacheEntry>]>,
    /// Per `co_names` entry: where the name was last found in an instance dict's entries
    /// (`LOAD_ATTR`/`STORE_ATTR` try that position first; instances of one class usually
    /// share their attributes' order).
    pub attribute_hints: Box<[Cell<u32>]>,
    /// Per `co_names` entry: the class attribute lookup last done for that name by
    /// `LOAD_ATTR`/`STORE_ATTR` (see `PyType::lookup_at_site`).
    pub type_lookups: Box<[crate::typeobject::TypeLookupSite]>,
    /// An empty localsplus array left by the last frame of this code that finished: the
    /// next call's frame reuses it without going to the thread's pool (the evaluation
    /// loop's `Frame::new` and `Frame::drop`). Never holds a value.
    pub spare_localsplus: Cell<Vec<Option<PyRef>>>,
}

/// What a global or builtin name resolved to while the globals and builtins dicts had
/// the recorded versions (CPython's `LOAD_GLOBAL_MODULE`/`LOAD_GLOBAL_BUILTIN` caches,
/// which key on dict-keys versions). `value` is borrowed from one of the two dicts.
#[derive(Clone, Copy)]
struct GlobalCacheEntry {
    globals_version: u64,
    builtins_version: u64,
    value: Option<NonNull<PyObject>>,
}

impl GlobalCacheEntry {
    /// Dict versions start at 1: this entry never matches.
    const EMPTY: GlobalCacheEntry = GlobalCacheEntry {
        globals_version: 0,
        builtins_version: 0,
        value: None,
    };
}

impl PyPayload for Code {
    fn static_type() -> &'static PyType {
        &CODE_TYPE
    }
}

fn name_object(ts: &ThreadState, name: &PyStr) -> PyRef {
    match name.as_str() {
        Some(text) => crate::str::intern(ts, text),
        None => crate::str::from_py_str(ts, name.clone()).into_ref(),
    }
}

/// A constant of `co_consts` as an object.
pub fn constant_to_object(ts: &ThreadState, constant: &Constant) -> PyResult {
    Ok(match constant {
        Constant::None => crate::singletons::none(),
        Constant::Ellipsis => crate::singletons::ellipsis(),
        Constant::Bool(value) => crate::bool::bool_ref(*value),
        Constant::Int(value) => crate::int::from_bigint(ts, value.clone()),
        Constant::Float(value) => crate::float::new(ts, *value),
        Constant::Str(value) => match value.as_str() {
            Some(text)
                if text.len() <= 40
                    && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
            {
                crate::str::intern(ts, text)
            }
            _ => crate::str::from_py_str(ts, value.clone()).into_ref(),
        },
        Constant::Tuple(items) => {
            let items = items
                .iter()
                .map(|item| constant_to_object(ts, item))
                .collect::<PyResult<Vec<_>>>()?;
            crate::tuple::new(ts, items).into_ref()
        }
        Constant::Slice(parts) => {
            let [start, stop, step] = &**parts;
            crate::slice::new(
                ts,
                constant_to_object(ts, start)?,
                constant_to_object(ts, stop)?,
                constant_to_object(ts, step)?,
            )
        }
        Constant::FrozenSet(items) => {
            let items = items
                .iter()
                .map(|item| constant_to_object(ts, item))
                .collect::<PyResult<Vec<_>>>()?;
            crate::set::new_frozen(ts, items)?
        }
        Constant::Code(code) => new(ts, (**code).clone())?.into_ref(),
        Constant::Complex { real, imag } => crate::complex::new(ts, *real, *imag),
        Constant::Bytes(data) => crate::bytes::new(ts, data),
    })
}

/// Checks that every oparg indexing `co_consts`, `co_names` or the localsplus array is in
/// range and that the parameters fit in the locals, so that the evaluation loop can index
/// them directly: a malformed `.pyc` gets `SystemError`, never a crash.
fn validate(code: &CodeObject) -> PyResult<()> {
    use pyrite_bytecode::Opcode;
    let bad = |what: &str| {
        PyErr::new(
            ExceptionKind::SystemError,
            format!(
                "malformed code object {}: {what}",
                code.co_name.to_string_lossy()
            ),
        )
    };
    let nlocalsplus = code.co_localsplusnames.len();
    if code.co_localspluskinds.len() != nlocalsplus {
        return Err(bad("localsplus names and kinds differ in length"));
    }
    let varargs = code.co_flags & (pyrite_bytecode::CodeFlags::VARARGS) != 0;
    let varkw = code.co_flags & (pyrite_bytecode::CodeFlags::VARKEYWORDS) != 0;
    let parameters = code.co_argcount as usize
        + code.co_kwonlyargcount as usize
        + usize::from(varargs)
        + usize::from(varkw);
    if parameters > nlocalsplus || code.co_posonlyargcount > code.co_argcount {
        return Err(bad("more parameters than locals"));
    }
    for instruction in pyrite_bytecode::opcode::instructions(&code.co_code) {
        let op = instruction.opcode;
        let arg = instruction.oparg as usize;
        let base = op.deopt();
        if base.has_const() && arg >= code.co_consts.len() {
            return Err(bad("constant index out of range"));
        }
        if base.has_name() {
            let shift = match base {
                Opcode::LOAD_GLOBAL | Opcode::LOAD_ATTR => 1,
                Opcode::LOAD_SUPER_ATTR => 2,
                _ => 0,
            };
            if arg >> shift >= code.co_names.len() {
                return Err(bad("name index out of range"));
            }
        }
        if base.has_local() || base.has_free() {
            let pair = matches!(
                base,
                Opcode::LOAD_FAST_LOAD_FAST
                    | Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW
                    | Opcode::STORE_FAST_STORE_FAST
                    | Opcode::STORE_FAST_LOAD_FAST
            );
            let in_range = if pair {
                arg >> 4 < nlocalsplus && arg & 15 < nlocalsplus
            } else if base == Opcode::COPY_FREE_VARS {
                arg <= nlocalsplus
            } else {
                arg < nlocalsplus
            };
            if !in_range {
                return Err(bad("local index out of range"));
            }
        }
    }
    Ok(())
}

/// A code object from its data.
pub fn new(ts: &ThreadState, code: CodeObject) -> PyResult<Py<Code>> {
    build(ts, code, None)
}

/// A code object from its data, with `co_consts` given as objects (`replace()`).
fn build(ts: &ThreadState, code: CodeObject, consts: Option<Vec<PyRef>>) -> PyResult<Py<Code>> {
    validate(&code)?;
    let consts = match consts {
        Some(consts) => consts,
        None => code
            .co_consts
            .iter()
            .map(|constant| constant_to_object(ts, constant))
            .collect::<PyResult<Vec<_>>>()?,
    };
    let names = code.co_names.iter().map(|n| name_object(ts, n)).collect();
    let localsplusnames = code
        .co_localsplusnames
        .iter()
        .map(|n| name_object(ts, n))
        .collect();
    let exception_table = code
        .exception_entries()
        .map_err(|_| PyErr::new(ExceptionKind::SystemError, "malformed exception table"))?;
    let payload = Code {
        name: name_object(ts, &code.co_name),
        qualname: name_object(ts, &code.co_qualname),
        filename: crate::str::from_py_str(ts, code.co_filename.clone()).into_ref(),
        instructions: RefCell::new(code.co_code.clone()),
        nlocalsplus: code.co_localsplusnames.len(),
        global_cache: (0..code.co_names.len())
            .map(|_| Cell::new(GlobalCacheEntry::EMPTY))
            .collect(),
        attribute_hints: (0..code.co_names.len()).map(|_| Cell::new(0)).collect(),
        spare_localsplus: Cell::new(Vec::new()),
        type_lookups: (0..code.co_names.len())
            .map(|_| crate::typeobject::TypeLookupSite::new())
            .collect(),
        consts,
        names,
        localsplusnames,
        exception_table,
        positions: OnceCell::new(),
        weaklist: crate::weakref::WeakrefList::new(),
        code,
    };
    Ok(Py::new(ts, payload))
}

impl Code {
    /// `LOAD_GLOBAL` of `co_names[index]` with exact dicts as globals and builtins: the
    /// globals' value, else the builtins', else `None`. A name found once is answered from
    /// the cache while neither dict changes (dict versions are unique across all dicts).
    #[inline]
    pub fn load_global(
        &self,
        ts: &ThreadState,
        index: usize,
        globals: &Dict,
        builtins: &Dict,
    ) -> PyResult<Option<PyRef>> {
        let name = &self.names[index];
        let globals_version = globals.version();
        let builtins_version = builtins.version();
        let slot = &self.global_cache[index];
        let entry = slot.get();
        if entry.globals_version == globals_version
            && entry.builtins_version == builtins_version
            && let Some(value) = entry.value
        {
            // SAFETY: the entry was made when the two dicts had these versions and held
            // `value`; a dict gets a new version at every change, and a dict freed since
            // cannot be the caller's (alive) dict with a version handed out to another
            // one, so both dicts are unchanged and the one that held `value` still does.
            return Ok(Some(unsafe { value.as_ref() }.new_ref()));
        }
        let found = match globals.get_item(ts, name)? {
            Some(value) => Some(value),
            None => builtins.get_item(ts, name)?,
        };
        // Looking up a non-str key may run `__eq__`, which may change either dict: only
        // an answer from unchanged dicts is recorded.
        if let Some(value) = &found
            && globals.version() == globals_version
            && builtins.version() == builtins_version
        {
            slot.set(GlobalCacheEntry {
                globals_version,
                builtins_version,
                value: Some(NonNull::from(&**value)),
            });
        }
        Ok(found)
    }

    /// `co_positions()`, decoded once.
    pub fn positions(&self) -> &[Position] {
        self.positions.get_or_init(|| self.code.positions())
    }

    /// The location of the instruction at code unit `index` (`PyCode_Addr2Location`).
    pub fn position_at(&self, index: usize) -> Position {
        self.positions().get(index).copied().unwrap_or_default()
    }

    /// The line of the instruction at code unit `index` (`PyCode_Addr2Line`).
    pub fn line_at(&self, index: usize) -> Option<i32> {
        self.position_at(index).line
    }

    /// The handler for an exception raised at code unit `index`.
    pub fn handler_for(&self, index: u32) -> Option<ExceptionTableEntry> {
        self.exception_table
            .iter()
            .find(|entry| entry.start <= index && index < entry.end())
            .copied()
    }
}

fn code_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = match object.downcast_ref::<Code>() {
        Some(code) => format!(
            "<code object {} at {:p}, file \"{}\", line {}>",
            code.code.co_name.to_string_lossy(),
            object.as_ptr(),
            code.code.co_filename.to_string_lossy(),
            code.code.co_firstlineno
        ),
        None => "<code object>".to_owned(),
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

pub static CODE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Code>("code", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(code_repr),
            richcompare: Slot::new(code_richcompare),
            hash: Slot::new(code_hash),
            ..crate::typeobject::object_slots()
        })
        .with_weaklist_offset(crate::object::payload_field_offset::<Code>(
            std::mem::offset_of!(Code, weaklist),
        )),
);

fn code_of(object: &PyObject) -> PyResult<&Code> {
    object
        .downcast_ref::<Code>()
        .map(|code| code.payload())
        .ok_or_else(|| PyErr::type_error("expected a code object"))
}

fn names_tuple(ts: &ThreadState, names: Vec<PyStr>) -> PyRef {
    let items = names.iter().map(|name| name_object(ts, name)).collect();
    crate::tuple::new(ts, items).into_ref()
}

macro_rules! code_getters {
    ($($fn_name:ident = |$ts:ident, $code:ident| $body:expr;)*) => {
        $(fn $fn_name($ts: &ThreadState, object: &PyObject) -> PyResult {
            let $code = code_of(object)?;
            Ok($body)
        })*
    };
}

code_getters! {
    co_name = |_ts, code| code.name.clone();
    co_qualname = |_ts, code| code.qualname.clone();
    co_filename = |_ts, code| code.filename.clone();
    co_firstlineno = |ts, code| crate::int::new(ts, i64::from(code.code.co_firstlineno));
    co_argcount = |ts, code| crate::int::new(ts, i64::from(code.code.co_argcount));
    co_posonlyargcount = |ts, code| crate::int::new(ts, i64::from(code.code.co_posonlyargcount));
    co_kwonlyargcount = |ts, code| crate::int::new(ts, i64::from(code.code.co_kwonlyargcount));
    co_stacksize = |ts, code| crate::int::new(ts, i64::from(code.code.co_stacksize));
    co_flags = |ts, code| crate::int::new(ts, i64::from(code.code.co_flags));
    co_nlocals = |ts, code| crate::int::new(ts, code.code.nlocals() as i64);
    co_varnames = |ts, code| names_tuple(ts, code.code.varnames());
    co_cellvars = |ts, code| names_tuple(ts, code.code.cellvars());
    co_freevars = |ts, code| names_tuple(ts, code.code.freevars());
    co_names = |ts, code| crate::tuple::new(ts, code.names.clone()).into_ref();
    co_consts = |ts, code| crate::tuple::new(ts, code.consts.clone()).into_ref();
    co_code = |ts, code| crate::bytes::new(ts, &code.code.co_code);
    co_linetable = |ts, code| crate::bytes::new(ts, &code.code.co_linetable);
    co_exceptiontable = |ts, code| crate::bytes::new(ts, &code.code.co_exceptiontable);
    // Pyrite's own quickened forms are not CPython's specialized opcodes: `dis` sees the
    // bytecode as CPython shows code that has not been specialized yet.
    co_code_adaptive = |ts, code| crate::bytes::new(ts, &code.code.co_code);
}

/// `code._varname_from_oparg(oparg)`: the `co_localsplusnames` entry a local, cell or
/// free-variable instruction names (for `dis`).
fn code_varname_from_oparg(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let code = code_of(this)?;
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    let oparg = match (positional, keywords.as_slice()) {
        ([oparg], []) => oparg.clone(),
        ([], [(key, oparg)]) if key == "oparg" => oparg.clone(),
        _ => {
            return Err(PyErr::type_error(
                "_varname_from_oparg() takes exactly one argument",
            ));
        }
    };
    let index = crate::int::as_i64(&*crate::abstract_api::index(ts, &oparg)?);
    index
        .and_then(|index| usize::try_from(index).ok())
        .and_then(|index| code.localsplusnames.get(index))
        .cloned()
        .ok_or_else(|| PyErr::new(ExceptionKind::IndexError, "tuple index out of range"))
}

/// `co_lines()` and `co_positions()` iterators: a precomputed sequence of tuples.
pub struct CodeIterator {
    items: Vec<PyRef>,
    next: std::cell::Cell<usize>,
}

impl PyPayload for CodeIterator {
    fn static_type() -> &'static PyType {
        &LINE_ITERATOR_TYPE
    }
}

fn code_iterator_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let Some(iterator) = object.downcast_ref::<CodeIterator>() else {
        return Ok(None);
    };
    let index = iterator.next.get();
    let item = iterator.items.get(index).cloned();
    if item.is_some() {
        iterator.next.set(index + 1);
    }
    Ok(item)
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

fn code_iterator_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iterator) = object.downcast_ref::<CodeIterator>() {
        for item in &iterator.items {
            visit(item);
        }
    }
}

const fn code_iterator_type(name: &'static str) -> TypeObject {
    TypeObject::builtin::<CodeIterator>(name, flags::HAVE_GC, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(code_iterator_next),
            traverse: Slot::new(code_iterator_traverse),
            ..crate::typeobject::object_slots()
        },
    )
}

pub static LINE_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, code_iterator_type("line_iterator"));
pub static POSITIONS_ITERATOR_TYPE: StaticType =
    StaticObject::new(&TYPE_TYPE, code_iterator_type("positions_iterator"));

fn optional_int(ts: &ThreadState, value: Option<i32>) -> PyRef {
    match value {
        Some(value) => crate::int::new(ts, i64::from(value)),
        None => crate::singletons::none(),
    }
}

fn no_arguments(name: &str, args: &[PyRef]) -> PyResult<()> {
    if args.is_empty() {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "code.{name}() takes no arguments ({} given)",
        args.len()
    )))
}

/// `code.co_lines()`: `(start, end, line)` for each range of bytecode offsets.
fn code_co_lines(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    no_arguments("co_lines", args)?;
    let code = code_of(this)?;
    let items =
        pyrite_bytecode::linetable::co_lines(&code.code.co_linetable, code.code.co_firstlineno)
            .into_iter()
            .map(|(start, end, line)| {
                crate::tuple::new(
                    ts,
                    vec![
                        crate::int::new(ts, i64::from(start)),
                        crate::int::new(ts, i64::from(end)),
                        optional_int(ts, line),
                    ],
                )
                .into_ref()
            })
            .collect();
    let _ = LINE_ITERATOR_TYPE.ready(ts);
    Ok(Py::new(
        ts,
        CodeIterator {
            items,
            next: std::cell::Cell::new(0),
        },
    )
    .into_ref())
}

/// `code.co_positions()`: `(line, end_line, column, end_column)` per code unit.
fn code_co_positions(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    _k: Option<&PyObject>,
) -> PyResult {
    no_arguments("co_positions", args)?;
    let code = code_of(this)?;
    let units = code.code.co_code.len() / 2;
    let items = (0..units)
        .map(|index| {
            let position = code.position_at(index);
            crate::tuple::new(
                ts,
                vec![
                    optional_int(ts, position.line),
                    optional_int(ts, position.end_line),
                    optional_int(ts, position.column),
                    optional_int(ts, position.end_column),
                ],
            )
            .into_ref()
        })
        .collect();
    let _ = POSITIONS_ITERATOR_TYPE.ready(ts);
    let iterator = CodeIterator {
        items,
        next: std::cell::Cell::new(0),
    };
    match Py::new_with_type(ts, &POSITIONS_ITERATOR_TYPE, iterator) {
        Some(made) => Ok(made.into_ref()),
        None => Err(PyErr::new(
            ExceptionKind::SystemError,
            "cannot make a positions iterator",
        )),
    }
}

fn replace_str(field: &str, value: &PyObject) -> PyResult<PyStr> {
    match crate::str::as_str_payload(value) {
        Some(text) => Ok(text.to_string_lossy().as_str().into()),
        None => Err(PyErr::type_error(format!(
            "replace() argument '{field}' must be str, not {}",
            value.ob_type().name()
        ))),
    }
}

fn replace_int(ts: &ThreadState, value: &PyObject) -> PyResult<i64> {
    let index = crate::abstract_api::index(ts, value)?;
    crate::int::as_i64(&index).ok_or_else(|| {
        PyErr::new(
            ExceptionKind::OverflowError,
            "Python int too large to convert to C int",
        )
    })
}

fn replace_tuple(field: &str, value: &PyObject) -> PyResult<Vec<PyRef>> {
    if !value.payload_is::<crate::tuple::Tuple>() {
        return Err(PyErr::type_error(format!(
            "replace() argument '{field}' must be tuple, not {}",
            value.ob_type().name()
        )));
    }
    Ok(crate::tuple::items(value).to_vec())
}

fn replace_names(field: &str, value: &PyObject) -> PyResult<Vec<PyStr>> {
    replace_tuple(field, value)?
        .iter()
        .map(|name| replace_str(field, name))
        .collect()
}

/// `code.replace(**changes)`: a copy with some fields changed (CPython's
/// `code_replace_impl`).
fn code_replace(
    ts: &ThreadState,
    this: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let code = code_of(this)?;
    let names = kwnames.map_or(&[][..], crate::tuple::items);
    if args.len() > names.len() {
        return Err(PyErr::type_error("replace() takes no positional arguments"));
    }
    let mut data = code.code.clone();
    let mut consts = code.consts.clone();
    let mut varnames = None;
    let mut cellvars = None;
    let mut freevars = None;
    for (name, value) in names.iter().zip(&args[args.len() - names.len()..]) {
        let field = crate::str::to_rust_string(name);
        match field.as_str() {
            "co_argcount" => data.co_argcount = replace_int(ts, value)? as u32,
            "co_posonlyargcount" => data.co_posonlyargcount = replace_int(ts, value)? as u32,
            "co_kwonlyargcount" => data.co_kwonlyargcount = replace_int(ts, value)? as u32,
            "co_nlocals" => {
                replace_int(ts, value)?;
            }
            "co_stacksize" => data.co_stacksize = replace_int(ts, value)? as u32,
            "co_flags" => data.co_flags = replace_int(ts, value)? as u32,
            "co_firstlineno" => data.co_firstlineno = replace_int(ts, value)? as i32,
            "co_consts" => consts = replace_tuple(&field, value)?,
            "co_names" => data.co_names = replace_names(&field, value)?,
            "co_varnames" => varnames = Some(replace_names(&field, value)?),
            "co_cellvars" => cellvars = Some(replace_names(&field, value)?),
            "co_freevars" => freevars = Some(replace_names(&field, value)?),
            "co_filename" => data.co_filename = replace_str(&field, value)?,
            "co_name" => data.co_name = replace_str(&field, value)?,
            "co_qualname" => data.co_qualname = replace_str(&field, value)?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "replace() got an unexpected keyword argument '{field}'"
                )));
            }
        }
    }
    // Renaming variables keeps their kinds: names are replaced in place, by kind.
    for (kind, replacement) in [
        (LocalKind::LOCAL, varnames),
        (LocalKind::CELL, cellvars),
        (LocalKind::FREE, freevars),
    ] {
        let Some(replacement) = replacement else {
            continue;
        };
        let slots: Vec<usize> = (0..data.co_localsplusnames.len())
            .filter(|&index| data.co_localspluskinds[index] & kind != 0)
            .collect();
        if slots.len() != replacement.len() {
            return Err(PyErr::new(
                ExceptionKind::ValueError,
                "code: varnames is too small",
            ));
        }
        for (slot, name) in slots.into_iter().zip(replacement) {
            data.co_localsplusnames[slot] = name;
        }
    }
    Ok(build(ts, data, Some(consts))?.into_ref())
}

fn code_richcompare(
    ts: &ThreadState,
    this: &PyObject,
    other: &PyObject,
    op: crate::CompareOp,
) -> PyResult {
    let (Some(left), Some(right)) = (this.downcast_ref::<Code>(), other.downcast_ref::<Code>())
    else {
        return Ok(crate::singletons::not_implemented());
    };
    if !matches!(op, crate::CompareOp::Eq | crate::CompareOp::Ne) {
        return Ok(crate::singletons::not_implemented());
    }
    let mut equal = left.code.co_name == right.code.co_name
        && left.code.co_qualname == right.code.co_qualname
        && left.code.co_argcount == right.code.co_argcount
        && left.code.co_posonlyargcount == right.code.co_posonlyargcount
        && left.code.co_kwonlyargcount == right.code.co_kwonlyargcount
        && left.code.co_flags == right.code.co_flags
        && left.code.co_firstlineno == right.code.co_firstlineno
        && left.code.co_code == right.code.co_code
        && left.code.co_names == right.code.co_names
        && left.code.co_localsplusnames == right.code.co_localsplusnames
        && left.code.co_localspluskinds == right.code.co_localspluskinds
        && left.code.co_linetable == right.code.co_linetable
        && left.code.co_exceptiontable == right.code.co_exceptiontable
        && left.consts.len() == right.consts.len();
    if equal {
        for (a, b) in left.consts.iter().zip(&right.consts) {
            let same = a.is(b)
                || (a.ob_type().as_object().is(b.ob_type().as_object())
                    && a.rich_compare_bool(ts, b, crate::CompareOp::Eq)?);
            if !same {
                equal = false;
                break;
            }
        }
    }
    Ok(crate::bool::bool_ref(equal == (op == crate::CompareOp::Eq)))
}

fn code_hash(ts: &ThreadState, this: &PyObject) -> PyResult<isize> {
    let code = code_of(this)?;
    let name = code.name.hash(ts)?;
    let flags = code.code.co_flags as isize;
    let line = code.code.co_firstlineno as isize;
    let hash = name ^ flags.wrapping_mul(1_000_003) ^ line;
    Ok(if hash == -1 { -2 } else { hash })
}

/// The code type's attributes (`co_name`, `co_varnames`, ...).
pub(crate) fn install(ts: &ThreadState) {
    crate::descr::add_methods(
        ts,
        &CODE_TYPE,
        &[
            ("co_lines", code_co_lines),
            ("co_positions", code_co_positions),
            ("replace", code_replace),
            ("__replace__", code_replace),
            ("_varname_from_oparg", code_varname_from_oparg),
        ],
    );
    crate::descr::add_getsets(
        ts,
        &CODE_TYPE,
        &[
            ("co_name", co_name, None),
            ("co_qualname", co_qualname, None),
            ("co_filename", co_filename, None),
            ("co_firstlineno", co_firstlineno, None),
            ("co_argcount", co_argcount, None),
            ("co_posonlyargcount", co_posonlyargcount, None),
            ("co_kwonlyargcount", co_kwonlyargcount, None),
            ("co_stacksize", co_stacksize, None),
            ("co_flags", co_flags, None),
            ("co_nlocals", co_nlocals, None),
            ("co_varnames", co_varnames, None),
            ("co_cellvars", co_cellvars, None),
            ("co_freevars", co_freevars, None),
            ("co_names", co_names, None),
            ("co_consts", co_consts, None),
            ("co_code", co_code, None),
            ("co_linetable", co_linetable, None),
            ("co_exceptiontable", co_exceptiontable, None),
            ("_co_code_adaptive", co_code_adaptive, None),
        ],
    );
}
