//! The operators of the evaluation loop on any object: binary and in-place operators
//! (with the sequence fallbacks `+`/`*` of `str`, `list` and `tuple`), unary operators,
//! subscription with slices, item assignment and deletion, `in`.
//!
//! CPython counterpart: `Objects/abstract.c` (`binary_op1`, `binary_iop1`,
//! `PyNumber_Add`, `PyNumber_Multiply`'s `sq_repeat` fallback, `PyNumber_Negative`,
//! `PyObject_GetItem`, `PyObject_SetItem`, `PyObject_DelItem`, `PySequence_Contains`)
//! and the sequence slots of `Objects/unicodeobject.c`, `listobject.c`, `tupleobject.c`.

use crate::dict::Dict;
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::list::List;
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{BinaryFn, CompareOp, NumberSlots, TernaryFn};
use crate::str::Str;
use crate::tuple::Tuple;
use crate::typeobject::PyType;

/// The binary operators, numbered as `BINARY_OP`'s oparg (`NB_ADD` .. `NB_SUBSCR`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    And,
    FloorDivide,
    Lshift,
    MatrixMultiply,
    Multiply,
    Remainder,
    Or,
    Power,
    Rshift,
    Subtract,
    TrueDivide,
    Xor,
}

impl BinaryOp {
    const ALL: [BinaryOp; 13] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::Lshift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::Rshift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
    ];

    /// The operator of `BINARY_OP`'s oparg, and whether it is the in-place form.
    pub fn from_oparg(oparg: u32) -> Option<(BinaryOp, bool)> {
        let index = oparg as usize;
        if index < 13 {
            Some((Self::ALL[index], false))
        } else if index < 26 {
            Some((Self::ALL[index - 13], true))
        } else {
            None
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::And => "&",
            BinaryOp::FloorDivide => "//",
            BinaryOp::Lshift => "<<",
            BinaryOp::MatrixMultiply => "@",
            BinaryOp::Multiply => "*",
            BinaryOp::Remainder => "%",
            BinaryOp::Or => "|",
            BinaryOp::Power => "**",
            BinaryOp::Rshift => ">>",
            BinaryOp::Subtract => "-",
            BinaryOp::TrueDivide => "/",
            BinaryOp::Xor => "^",
        }
    }

    fn slot(self, number: &NumberSlots) -> Option<BinaryFn> {
        match self {
            BinaryOp::Add => number.add.get(),
            BinaryOp::And => number.and.get(),
            BinaryOp::FloorDivide => number.floor_divide.get(),
            BinaryOp::Lshift => number.lshift.get(),
            BinaryOp::MatrixMultiply => number.matrix_multiply.get(),
            BinaryOp::Multiply => number.multiply.get(),
            BinaryOp::Remainder => number.remainder.get(),
            BinaryOp::Or => number.or.get(),
            BinaryOp::Power => None,
            BinaryOp::Rshift => number.rshift.get(),
            BinaryOp::Subtract => number.subtract.get(),
            BinaryOp::TrueDivide => number.true_divide.get(),
            BinaryOp::Xor => number.xor.get(),
        }
    }

    fn inplace_slot(self, number: &NumberSlots) -> Option<BinaryFn> {
        match self {
            BinaryOp::Add => number.inplace_add.get(),
            BinaryOp::And => number.inplace_and.get(),
            BinaryOp::FloorDivide => number.inplace_floor_divide.get(),
            BinaryOp::Lshift => number.inplace_lshift.get(),
            BinaryOp::MatrixMultiply => number.inplace_matrix_multiply.get(),
            BinaryOp::Multiply => number.inplace_multiply.get(),
            BinaryOp::Remainder => number.inplace_remainder.get(),
            BinaryOp::Or => number.inplace_or.get(),
            BinaryOp::Power => None,
            BinaryOp::Rshift => number.inplace_rshift.get(),
            BinaryOp::Subtract => number.inplace_subtract.get(),
            BinaryOp::TrueDivide => number.inplace_true_divide.get(),
            BinaryOp::Xor => number.inplace_xor.get(),
        }
    }
}

fn pow_slot(ty: &PyType) -> Option<TernaryFn> {
    ty.number.power.get()
}

/// CPython's `binary_op1`: the right operand's reflected slot first if its type is a
/// subclass of the left's, then the left's, then the right's.
fn binary_op1(ts: &ThreadState, op: BinaryOp, a: &PyObject, b: &PyObject) -> PyResult {
    let ni = not_implemented();
    if op == BinaryOp::Power {
        let none = crate::singletons::none();
        let slot_a = pow_slot(a.ob_type());
        let mut slot_b = pow_slot(b.ob_type());
        if std::ptr::eq(a.ob_type(), b.ob_type())
            || slot_b.map(|f| f as usize) == slot_a.map(|f| f as usize)
        {
            slot_b = None;
        }
        if let Some(slot_a) = slot_a {
            if let Some(function) = slot_b
                && b.ob_type().is_subtype(ts, a.ob_type())
            {
                let result = function(ts, a, b, &none)?;
                if !result.is(&ni) {
                    return Ok(result);
                }
                slot_b = None;
            }
            let result = slot_a(ts, a, b, &none)?;
            if !result.is(&ni) {
                return Ok(result);
            }
        }
        if let Some(function) = slot_b {
            return function(ts, a, b, &none);
        }
        return Ok(ni);
    }
    let slot_a = op.slot(&a.ob_type().number);
    let mut slot_b = op.slot(&b.ob_type().number);
    if std::ptr::eq(a.ob_type(), b.ob_type())
        || slot_b.map(|f| f as usize) == slot_a.map(|f| f as usize)
    {
        slot_b = None;
    }
    if let Some(slot_a) = slot_a {
        if let Some(function) = slot_b
            && b.ob_type().is_subtype(ts, a.ob_type())
        {
            let result = function(ts, a, b)?;
            if !result.is(&ni) {
                return Ok(result);
            }
            slot_b = None;
        }
        let result = slot_a(ts, a, b)?;
        if !result.is(&ni) {
            return Ok(result);
        }
    }
    if let Some(function) = slot_b {
        return function(ts, a, b);
    }
    Ok(ni)
}

fn unsupported(op: &str, a: &PyObject, b: &PyObject) -> PyErr {
    PyErr::type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        a.ob_type().name(),
        b.ob_type().name()
    ))
}

/// `a OP b`, or `a OP= b` when `inplace`.
pub fn binary_op(
    ts: &ThreadState,
    op: BinaryOp,
    inplace: bool,
    a: &PyObject,
    b: &PyObject,
) -> PyResult {
    if inplace {
        if op == BinaryOp::Power {
            if let Some(ipow) = a.ob_type().number.inplace_power.get() {
                let result = ipow(ts, a, b, &crate::singletons::none())?;
                if !result.is(&not_implemented()) {
                    return Ok(result);
                }
            }
        } else if let Some(slot) = op.inplace_slot(&a.ob_type().number) {
            let result = slot(ts, a, b)?;
            if !result.is(&not_implemented()) {
                return Ok(result);
            }
        }
        if op == BinaryOp::Add
            && let Some(concat) = a.ob_type().sequence.inplace_concat.get()
        {
            return concat(ts, a, b);
        }
        if op == BinaryOp::Multiply
            && let Some(repeat) = a.ob_type().sequence.inplace_repeat.get()
            && let Some(count) = repeat_count(ts, b)?
        {
            return repeat(ts, a, count as isize);
        }
    }
    let result = binary_op1(ts, op, a, b)?;
    if !result.is(&not_implemented()) {
        return Ok(result);
    }
    match op {
        BinaryOp::Add => {
            if let Some(result) = sequence_concat(ts, a, b)? {
                return Ok(result);
            }
        }
        BinaryOp::Multiply => {
            if let Some(result) = sequence_repeat(ts, a, b)? {
                return Ok(result);
            }
            if let Some(result) = sequence_repeat(ts, b, a)? {
                return Ok(result);
            }
            if is_repeatable(a) || is_repeatable(b) {
                let other = if is_repeatable(a) { b } else { a };
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    other.ob_type().name()
                )));
            }
        }
        BinaryOp::Remainder if a.payload_is::<Str>() => {
            return crate::formatter::percent_format(ts, a, b);
        }
        _ => {}
    }
    let symbol = if inplace {
        format!("{}=", op.symbol())
    } else {
        op.symbol().to_owned()
    };
    let symbol = if op == BinaryOp::Power && !inplace {
        "** or pow()".to_owned()
    } else {
        symbol
    };
    Err(unsupported(&symbol, a, b))
}

fn is_builtin_sequence(object: &PyObject) -> bool {
    object.payload_is::<Str>() || object.payload_is::<List>() || object.payload_is::<Tuple>()
}

/// Whether `*` by an int repeats `object` (for the "can't multiply" message).
fn is_repeatable(object: &PyObject) -> bool {
    is_builtin_sequence(object) || object.ob_type().sequence.repeat.get().is_some()
}

fn sequence_concat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult<Option<PyRef>> {
    if let Some(concat) = a.ob_type().sequence.concat.get() {
        return concat(ts, a, b).map(Some);
    }
    Ok(None)
}

/// `sq_concat` of `str`, `list` and `tuple`.
pub(crate) fn builtin_concat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    builtin_concat_of(ts, a, b)?.ok_or_else(|| unsupported("+", a, b))
}

fn builtin_concat_of(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult<Option<PyRef>> {
    if let Some(left) = crate::str::as_str_payload(a) {
        let Some(right) = crate::str::as_str_payload(b) else {
            return Err(PyErr::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                b.ob_type().name()
            )));
        };
        let mut bytes = Vec::with_capacity(left.as_bytes().len() + right.as_bytes().len());
        bytes.extend_from_slice(left.as_bytes());
        bytes.extend_from_slice(right.as_bytes());
        return Ok(Some(str_from_bytes(ts, &bytes)));
    }
    if let Some(left) = a.downcast_ref::<List>() {
        let Some(right) = b.downcast_ref::<List>() else {
            return Err(PyErr::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                b.ob_type().name()
            )));
        };
        let mut items = left.to_vec();
        items.extend(right.to_vec());
        return Ok(Some(crate::list::new(ts, items).into_ref()));
    }
    if let Some(left) = a.downcast_ref::<Tuple>() {
        let Some(right) = b.downcast_ref::<Tuple>() else {
            return Err(PyErr::type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.ob_type().name()
            )));
        };
        let mut items = left.items().to_vec();
        items.extend_from_slice(right.items());
        return Ok(Some(crate::tuple::new(ts, items).into_ref()));
    }
    Ok(None)
}

/// A `str` from surrogatepass UTF-8 bytes made by joining `str` data.
pub fn str_from_bytes(ts: &ThreadState, bytes: &[u8]) -> PyRef {
    match std::str::from_utf8(bytes) {
        Ok(text) => crate::str::new(ts, text).into_ref(),
        Err(_) => match pyrite_ast::PyStr::from_surrogatepass_utf8(bytes) {
            Some(value) => crate::str::from_py_str(ts, value).into_ref(),
            None => crate::str::new(ts, &String::from_utf8_lossy(bytes)).into_ref(),
        },
    }
}

fn repeat_count(ts: &ThreadState, count: &PyObject) -> PyResult<Option<usize>> {
    if count.ob_type().number.index.get().is_none() {
        return Ok(None);
    }
    let count = crate::abstract_api::index(ts, count)?;
    match crate::int::as_i64(&count) {
        Some(value) => Ok(Some(value.max(0) as usize)),
        None => Err(PyErr::new(
            ExceptionKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

fn sequence_repeat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult<Option<PyRef>> {
    if !is_builtin_sequence(a) {
        if let Some(repeat) = a.ob_type().sequence.repeat.get()
            && let Some(count) = repeat_count(ts, b)?
        {
            return repeat(ts, a, count as isize).map(Some);
        }
        return Ok(None);
    }
    let Some(count) = repeat_count(ts, b)? else {
        return Ok(None);
    };
    builtin_repeat(ts, a, count as isize).map(Some)
}

/// `sq_repeat` of `str`, `list` and `tuple`.
pub(crate) fn builtin_repeat(ts: &ThreadState, a: &PyObject, count: isize) -> PyResult {
    let count = count.max(0) as usize;
    if let Some(text) = crate::str::as_str_payload(a) {
        let bytes = text.as_bytes();
        // CPython's `unicode_repeat`: a length past `PY_SSIZE_T_MAX` is an OverflowError,
        // one the allocator refuses a MemoryError (never an abort).
        let total = bytes
            .len()
            .checked_mul(count)
            .filter(|&total| total <= isize::MAX as usize)
            .ok_or_else(|| {
                PyErr::new(ExceptionKind::OverflowError, "repeated string is too long")
            })?;
        let mut repeated = crate::pymem::vec_with_capacity(total)?;
        for _ in 0..count {
            repeated.extend_from_slice(bytes);
        }
        return Ok(str_from_bytes(ts, &repeated));
    }
    let items = if let Some(list) = a.downcast_ref::<List>() {
        list.to_vec()
    } else {
        crate::tuple::items(a).to_vec()
    };
    // CPython's `list_repeat`/`tuple_repeat`: too many items is a MemoryError.
    let total = items
        .len()
        .checked_mul(count)
        .filter(|&total| total <= isize::MAX as usize / std::mem::size_of::<PyRef>())
        .ok_or_else(|| PyErr::without_arg(ExceptionKind::MemoryError))?;
    let mut repeated = crate::pymem::vec_with_capacity(total)?;
    for _ in 0..count {
        repeated.extend_from_slice(&items);
    }
    Ok(if a.payload_is::<List>() {
        crate::list::new(ts, repeated).into_ref()
    } else {
        crate::tuple::new(ts, repeated).into_ref()
    })
}

/// `nb_or` of `dict`: a new dict with `b`'s items over `a`'s (`dict_or`).
pub(crate) fn dict_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if !(a.payload_is::<Dict>() && b.payload_is::<Dict>()) {
        return Ok(not_implemented());
    }
    let merged = crate::dict::new(ts);
    for source in [a, b] {
        if let Some(dict) = source.downcast_ref::<Dict>() {
            for (key, value) in dict.items() {
                merged.set_item(ts, key, value)?;
            }
        }
    }
    Ok(merged.into_ref())
}

/// `nb_remainder` of `str`: printf-style formatting (`unicode_mod`).
pub(crate) fn str_remainder(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if !a.payload_is::<Str>() {
        return Ok(not_implemented());
    }
    crate::formatter::percent_format(ts, a, b)
}

/// `list += iterable`: extends in place (`list_inplace_concat`).
pub(crate) fn list_inplace_concat(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let Some(list) = a.downcast_ref::<List>() else {
        return Ok(not_implemented());
    };
    let items = crate::iterobject::collect(ts, b)?;
    for item in items {
        list.append(ts, item);
    }
    Ok(a.new_ref())
}

/// `list *= n` (`list_inplace_repeat`).
pub(crate) fn list_inplace_repeat(ts: &ThreadState, a: &PyObject, count: isize) -> PyResult {
    let Some(list) = a.downcast_ref::<List>() else {
        return Ok(not_implemented());
    };
    let items = list.to_vec();
    list.clear();
    for _ in 0..count.max(0) {
        for item in &items {
            list.append(ts, item.clone());
        }
    }
    Ok(a.new_ref())
}

/// `list[key] = value` and `del list[key]` (`list_ass_subscript`).
pub(crate) fn list_ass_subscript(
    ts: &ThreadState,
    list: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    builtin_set_item(ts, list, key, value)
}

/// `-a`, `+a`, `~a`.
pub fn unary_op(ts: &ThreadState, symbol: char, a: &PyObject) -> PyResult {
    let number = &a.ob_type().number;
    let slot = match symbol {
        '-' => number.negative.get(),
        '+' => number.positive.get(),
        _ => number.invert.get(),
    };
    match slot {
        Some(slot) => slot(ts, a),
        None => Err(PyErr::type_error(format!(
            "bad operand type for unary {symbol}: '{}'",
            a.ob_type().name()
        ))),
    }
}

/// `abs(a)`.
pub fn absolute(ts: &ThreadState, a: &PyObject) -> PyResult {
    match a.ob_type().number.absolute.get() {
        Some(slot) => slot(ts, a),
        None => Err(PyErr::type_error(format!(
            "bad operand type for abs(): '{}'",
            a.ob_type().name()
        ))),
    }
}

/// `container[key]`, with slices of the built-in sequences.
pub fn get_item(ts: &ThreadState, container: &PyObject, key: &PyObject) -> PyResult {
    if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
        if let Some(text) = crate::str::as_str_payload(container) {
            let (start, _, step, count) = slice.indices(ts, text.len())?;
            if start == 0
                && step == 1
                && count == text.len()
                && container.is_exact_type(&crate::str::STR_TYPE)
            {
                return Ok(container.new_ref());
            }
            return crate::str::slice(ts, text, start, step, count);
        }
        if let Some(list) = container.downcast_ref::<List>() {
            let (start, _, step, count) = slice.indices(ts, list.len())?;
            let selected = list.select(start, step, count).unwrap_or_default();
            return Ok(crate::list::new(ts, selected).into_ref());
        }
        if let Some(tuple) = container.downcast_ref::<Tuple>() {
            let items = tuple.items();
            let (start, _, step, count) = slice.indices(ts, items.len())?;
            if start == 0
                && step == 1
                && count == items.len()
                && container.is_exact_type(&crate::tuple::TUPLE_TYPE)
            {
                return Ok(container.new_ref());
            }
            let selected = (0..count as i64)
                .map(|i| items[(start + i * step) as usize].clone())
                .collect();
            return Ok(crate::tuple::new(ts, selected).into_ref());
        }
    }
    if let Some(ty) = crate::typeobject::as_type(container)
        && container.ob_type().mapping.subscript.get().is_none()
    {
        if container.is(crate::typeobject::TYPE_TYPE.as_object()) {
            // `type[int]`: `type` itself is generic without a `__class_getitem__`.
            return Ok(crate::genericaliasobject::new(ts, container.new_ref(), key));
        }
        if ty.lookup_str(ts, "__class_getitem__")?.is_some() {
            // Looked up as an attribute, so the classmethod binds to the class.
            let class_getitem = crate::attrs::get_attr_str(ts, container, "__class_getitem__")?;
            return crate::abstract_api::call(ts, &class_getitem, &[key.new_ref()], None);
        }
        return Err(PyErr::type_error(format!(
            "type '{}' is not subscriptable",
            ty.name()
        )));
    }
    crate::abstract_api::get_item(ts, container, key)
}

fn list_index(ts: &ThreadState, list: &List, key: &PyObject, what: &str) -> PyResult<usize> {
    let Some(mut index) = crate::abstract_api::index_for_subscript(ts, key)? else {
        return Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            key.ob_type().name()
        )));
    };
    if index < 0 {
        index += list.len() as isize;
    }
    if index < 0 || index as usize >= list.len() {
        return Err(PyErr::new(
            ExceptionKind::IndexError,
            format!("list {what} index out of range"),
        ));
    }
    Ok(index as usize)
}

/// `container[key] = value`, or `del container[key]` when `value` is `None`.
pub fn set_item(
    ts: &ThreadState,
    container: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    if let Some(ass) = container.ob_type().mapping.ass_subscript.get() {
        return ass(ts, container, key, value);
    }
    builtin_set_item(ts, container, key, value)
}

fn builtin_set_item(
    ts: &ThreadState,
    container: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    if let Some(list) = container.downcast_ref::<List>() {
        if let Some(slice) = key.downcast_ref::<crate::slice::Slice>() {
            let items = list.to_vec();
            let (start, stop, step, _) = slice.indices(ts, items.len())?;
            let positions = slice.positions(ts, items.len())?;
            let new_items = match value {
                Some(value) => Some(crate::iterobject::collect(ts, value).map_err(|err| {
                    if err.is(ExceptionKind::TypeError)
                        && err
                            .message()
                            .is_some_and(|m| m.ends_with("is not iterable"))
                    {
                        PyErr::type_error("must assign iterable to extended slice")
                    } else {
                        err
                    }
                })?),
                None => None,
            };
            let mut result: Vec<PyRef>;
            if step == 1 {
                let start = start as usize;
                let stop = (stop.max(start as i64)) as usize;
                result = items[..start].to_vec();
                if let Some(new_items) = new_items {
                    result.extend(new_items);
                }
                result.extend_from_slice(&items[stop..]);
            } else {
                match new_items {
                    Some(new_items) => {
                        if new_items.len() != positions.len() {
                            return Err(PyErr::new(
                                ExceptionKind::ValueError,
                                format!(
                                    "attempt to assign sequence of size {} to extended slice of size {}",
                                    new_items.len(),
                                    positions.len()
                                ),
                            ));
                        }
                        result = items.clone();
                        for (position, item) in positions.iter().zip(new_items) {
                            result[*position] = item;
                        }
                    }
                    None => {
                        result = items
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| !positions.contains(i))
                            .map(|(_, item)| item.clone())
                            .collect();
                    }
                }
            }
            list.clear();
            for item in result {
                list.append(ts, item);
            }
            return Ok(());
        }
        let what = "assignment";
        let index = list_index(ts, list, key, what)?;
        match value {
            Some(value) => {
                list.set(ts, index, value.new_ref());
            }
            None => {
                let mut items = list.to_vec();
                items.remove(index);
                list.clear();
                for item in items {
                    list.append(ts, item);
                }
            }
        }
        return Ok(());
    }
    // CPython's `PyObject_DelItem`: an index on a type with sequence methods (every
    // class defined in Python has them) says "doesn't".
    let ty = container.ob_type();
    let sequence = &ty.sequence;
    let has_sequence_methods = ty.is_heap_type()
        || sequence.item.is_some()
        || sequence.length.is_some()
        || sequence.contains.is_some();
    let index_on_sequence = has_sequence_methods && key.ob_type().number.index.is_some();
    Err(PyErr::type_error(format!(
        "'{}' object {}",
        container.ob_type().name(),
        match value {
            Some(_) => "does not support item assignment",
            None if index_on_sequence => "doesn't support item deletion",
            None => "does not support item deletion",
        }
    )))
}

/// `item in container` (CPython's `PySequence_Contains`).
pub fn contains(ts: &ThreadState, container: &PyObject, item: &PyObject) -> PyResult<bool> {
    if let Some(contains) = container.ob_type().sequence.contains.get() {
        return contains(ts, container, item);
    }
    builtin_contains(ts, container, item)
}

/// `sq_contains` of `dict`, `list`, `tuple` and `str`, and the search by iteration of
/// objects without the slot.
pub(crate) fn builtin_contains(
    ts: &ThreadState,
    container: &PyObject,
    item: &PyObject,
) -> PyResult<bool> {
    if let Some(dict) = container.downcast_ref::<Dict>() {
        return Ok(dict.get_item(ts, item)?.is_some());
    }
    if let Some(text) = crate::str::as_str_payload(container) {
        let Some(needle) = crate::str::as_str_payload(item) else {
            return Err(PyErr::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                item.ob_type().name()
            )));
        };
        let haystack = text.as_bytes();
        let needle = needle.as_bytes();
        return Ok(needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle));
    }
    let is_iterable = container.ob_type().slots.iter.get().is_some()
        || is_builtin_sequence(container)
        || container.ob_type().sequence.item.get().is_some()
        || container.ob_type().mapping.subscript.get().is_some();
    if !is_iterable {
        return Err(PyErr::type_error(format!(
            "argument of type '{}' is not a container or iterable",
            container.ob_type().name()
        )));
    }
    let iterator = crate::iterobject::get_iter(ts, container)?;
    while let Some(candidate) = crate::iterobject::next(ts, &iterator)? {
        if candidate.rich_compare_bool(ts, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}
