//! `set` and `frozenset`: hash sets of unique elements, in insertion order of a dict's
//! keys.
//!
//! CPython counterpart: `Objects/setobject.c` (`set_repr`, `set_richcompare`,
//! `set_or`/`set_and`/`set_sub`/`set_xor`, `set_add`, `set_remove`, `frozenset_hash`).
//! CPython's set has its own open-addressing table whose iteration order follows the
//! hashes; this one keeps the elements as the keys of a `dict`, so small-int sets iterate
//! in CPython's order only when inserted in order. *(Planned: CPython's table.)*

use crate::dict::Dict;
use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, NumberSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

/// The payload of `set` and `frozenset` objects.
pub struct Set {
    elements: Py<Dict>,
}

impl PyPayload for Set {
    fn static_type() -> &'static PyType {
        &SET_TYPE
    }
}

fn element_hash_error(err: PyErr, element: &PyObject) -> PyErr {
    if !err.is(ExceptionKind::TypeError) {
        return err;
    }
    let reason = err
        .message()
        .map_or_else(|| err.display_lazy(), str::to_owned);
    PyErr::type_error(format!(
        "cannot use '{}' as a set element ({reason})",
        element.ob_type().name()
    ))
}

impl Set {
    pub fn len(&self) -> usize {
        self.elements.len()
    }

    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
    }

    pub fn add(&self, ts: &ThreadState, element: PyRef) -> PyResult<()> {
        element
            .hash(ts)
            .map_err(|err| element_hash_error(err, &element))?;
        self.elements
            .set_item(ts, element, crate::singletons::none())
    }

    pub fn contains(&self, ts: &ThreadState, element: &PyObject) -> PyResult<bool> {
        element
            .hash(ts)
            .map_err(|err| element_hash_error(err, element))?;
        Ok(self.elements.get_item(ts, element)?.is_some())
    }

    /// Removes `element`; whether it was there.
    pub fn discard(&self, ts: &ThreadState, element: &PyObject) -> PyResult<bool> {
        if !self.contains(ts, element)? {
            return Ok(false);
        }
        self.elements.del_item(ts, element)?;
        Ok(true)
    }

    /// The elements, in iteration order.
    pub fn to_vec(&self) -> Vec<PyRef> {
        self.elements
            .items()
            .into_iter()
            .map(|(key, _)| key)
            .collect()
    }

    pub fn clear(&self) {
        self.elements.clear();
    }
}

/// A new set (or frozenset, by `ty`) of `elements`.
pub fn new_of_type(ts: &ThreadState, ty: &PyType, elements: Vec<PyRef>) -> PyResult {
    let set = Set {
        elements: crate::dict::new(ts),
    };
    for element in elements {
        set.add(ts, element)?;
    }
    match Py::new_with_type(ts, ty, set) {
        Some(set) => Ok(set.into_ref()),
        None => Err(PyErr::type_error("bad set subtype")),
    }
}

/// A new `set` of `elements`.
pub fn new(ts: &ThreadState, elements: Vec<PyRef>) -> PyResult {
    new_of_type(ts, &SET_TYPE, elements)
}

/// A new `frozenset` of `elements`.
pub fn new_frozen(ts: &ThreadState, elements: Vec<PyRef>) -> PyResult {
    new_of_type(ts, &FROZENSET_TYPE, elements)
}

/// The payload of a set or frozenset.
pub fn as_set(object: &PyObject) -> Option<&Set> {
    object.downcast_ref::<Set>().map(|set| set.payload())
}

fn set_of(object: &PyObject) -> PyResult<&Set> {
    as_set(object).ok_or_else(|| PyErr::type_error("expected a set"))
}

fn is_frozen(object: &PyObject) -> bool {
    let mut current = Some(object.ob_type());
    while let Some(ty) = current {
        if std::ptr::eq(ty, &*FROZENSET_TYPE) {
            return true;
        }
        current = ty.base().and_then(crate::typeobject::as_type);
    }
    false
}

fn set_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let set = set_of(object)?;
    let name = object.ob_type().name().to_owned();
    if set.is_empty() {
        return Ok(crate::str::new(ts, &format!("{name}()")).into_ref());
    }
    let Some(_guard) = ts.repr_enter(object) else {
        return Ok(crate::str::new(ts, &format!("{name}(...)")).into_ref());
    };
    let mut parts = Vec::new();
    for element in set.to_vec() {
        parts.push(crate::str::repr_text(ts, &element)?);
    }
    let body = format!("{{{}}}", parts.join(", "));
    let text = if name == "set" {
        body
    } else {
        format!("{name}({body})")
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn set_len(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(set_of(object)?.len())
}

fn set_contains(ts: &ThreadState, object: &PyObject, element: &PyObject) -> PyResult<bool> {
    set_of(object)?.contains(ts, element)
}

fn set_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let set = set_of(object)?;
    Ok(crate::iterobject::new_dict_iterator(
        ts,
        set.elements.as_object(),
        crate::iterobject::DictIterKind::Keys,
    ))
}

fn is_subset(ts: &ThreadState, a: &Set, b: &Set) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for element in a.to_vec() {
        if !b.contains(ts, &element)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let result = match op {
        CompareOp::Eq => x.len() == y.len() && is_subset(ts, x, y)?,
        CompareOp::Ne => !(x.len() == y.len() && is_subset(ts, x, y)?),
        CompareOp::Le => is_subset(ts, x, y)?,
        CompareOp::Lt => x.len() < y.len() && is_subset(ts, x, y)?,
        CompareOp::Ge => is_subset(ts, y, x)?,
        CompareOp::Gt => x.len() > y.len() && is_subset(ts, y, x)?,
    };
    Ok(crate::bool::bool_ref(result))
}

fn frozenset_hash(ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    // CPython's frozenset hash mixes each element's hash; order-independent.
    let mut hash: u64 = 0;
    for element in set_of(object)?.to_vec() {
        let h = element.hash(ts)? as u64;
        hash ^= (h ^ (h << 16) ^ 89_869_747).wrapping_mul(3_644_798_167);
    }
    hash ^= (set_of(object)?.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    let hash = hash as isize;
    Ok(if hash == -1 { 590_923_713 } else { hash })
}

/// The result type of a binary set operation: the left operand's kind.
fn result_type(a: &PyObject) -> &'static PyType {
    if is_frozen(a) {
        &FROZENSET_TYPE
    } else {
        &SET_TYPE
    }
}

fn set_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let mut elements = x.to_vec();
    elements.extend(y.to_vec());
    new_of_type(ts, result_type(a), elements)
}

fn set_and(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let mut elements = Vec::new();
    for element in x.to_vec() {
        if y.contains(ts, &element)? {
            elements.push(element);
        }
    }
    new_of_type(ts, result_type(a), elements)
}

fn set_sub(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let mut elements = Vec::new();
    for element in x.to_vec() {
        if !y.contains(ts, &element)? {
            elements.push(element);
        }
    }
    new_of_type(ts, result_type(a), elements)
}

fn set_xor(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    let (Some(x), Some(y)) = (as_set(a), as_set(b)) else {
        return Ok(not_implemented());
    };
    let mut elements = Vec::new();
    for element in x.to_vec() {
        if !y.contains(ts, &element)? {
            elements.push(element);
        }
    }
    for element in y.to_vec() {
        if !x.contains(ts, &element)? {
            elements.push(element);
        }
    }
    new_of_type(ts, result_type(a), elements)
}

fn set_new(ts: &ThreadState, ty: &PyType, args: &[PyRef], kwnames: Option<&PyObject>) -> PyResult {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if !keywords.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            ty.name()
        )));
    }
    let elements = match positional {
        [] => Vec::new(),
        [iterable] => crate::iterobject::collect(ts, iterable)?,
        _ => {
            return Err(PyErr::type_error(format!(
                "{} expected at most 1 argument, got {}",
                ty.name(),
                positional.len()
            )));
        }
    };
    new_of_type(ts, ty, elements)
}

const fn set_number_slots() -> NumberSlots {
    NumberSlots {
        or: Slot::new(set_or),
        and: Slot::new(set_and),
        subtract: Slot::new(set_sub),
        xor: Slot::new(set_xor),
        ..NumberSlots::EMPTY
    }
}

const fn set_sequence_slots() -> SequenceSlots {
    SequenceSlots {
        length: Slot::new(set_len),
        contains: Slot::new(set_contains),
        ..SequenceSlots::EMPTY
    }
}

pub static SET_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Set>("set", flags::BASETYPE | flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            traverse: Slot::new(set_traverse),
            clear: Slot::new(set_clear),
            repr: Slot::new(set_repr),
            hash: Slot::new(crate::typeobject::hash_not_implemented),
            richcompare: Slot::new(set_richcompare),
            iter: Slot::new(set_iter),
            new: Slot::new(set_new),
            ..crate::typeobject::object_slots()
        })
        .with_number(set_number_slots())
        .with_sequence(set_sequence_slots()),
);

pub static FROZENSET_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Set>(
        "frozenset",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        traverse: Slot::new(set_traverse),
        repr: Slot::new(set_repr),
        hash: Slot::new(frozenset_hash),
        richcompare: Slot::new(set_richcompare),
        iter: Slot::new(set_iter),
        new: Slot::new(set_new),
        ..crate::typeobject::object_slots()
    })
    .with_number(set_number_slots())
    .with_sequence(set_sequence_slots()),
);

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn mutable_set<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a Set> {
    if is_frozen(object) {
        return Err(PyErr::new(
            ExceptionKind::AttributeError,
            format!("'frozenset' object has no attribute '{method}'"),
        ));
    }
    set_of(object)
}

fn one_arg<'a>(args: Args<'a>, method: &str) -> PyResult<&'a PyRef> {
    match args {
        [arg] => Ok(arg),
        _ => Err(PyErr::type_error(format!(
            "set.{method}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn method_add(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    mutable_set(this, "add")?.add(ts, one_arg(args, "add")?.clone())?;
    Ok(crate::singletons::none())
}

fn method_remove(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let element = one_arg(args, "remove")?;
    if !mutable_set(this, "remove")?.discard(ts, element)? {
        return Err(PyErr::with_object(ExceptionKind::KeyError, element.clone()));
    }
    Ok(crate::singletons::none())
}

fn method_discard(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    mutable_set(this, "discard")?.discard(ts, one_arg(args, "discard")?)?;
    Ok(crate::singletons::none())
}

fn method_pop(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let set = mutable_set(this, "pop")?;
    let Some(element) = set.to_vec().into_iter().next() else {
        return Err(PyErr::new(
            ExceptionKind::KeyError,
            "'pop from an empty set'",
        ));
    };
    set.discard(ts, &element)?;
    Ok(element)
}

fn method_clear(_ts: &ThreadState, this: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    mutable_set(this, "clear")?.clear();
    Ok(crate::singletons::none())
}

fn method_copy(ts: &ThreadState, this: &PyObject, _args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    new_of_type(ts, result_type(this), set_of(this)?.to_vec())
}

fn method_update(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let set = mutable_set(this, "update")?;
    for iterable in args {
        for element in crate::iterobject::collect(ts, iterable)? {
            set.add(ts, element)?;
        }
    }
    Ok(crate::singletons::none())
}

fn with_others(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    operation: fn(&ThreadState, &PyObject, &PyObject) -> PyResult,
) -> PyResult {
    let mut result = new_of_type(ts, result_type(this), set_of(this)?.to_vec())?;
    for other in args {
        let other = if as_set(other).is_some() {
            other.clone()
        } else {
            new(ts, crate::iterobject::collect(ts, other)?)?
        };
        let combined = operation(ts, &result, &other)?;
        result = new_of_type(ts, result_type(this), set_of(&combined)?.to_vec())?;
    }
    Ok(result)
}

fn method_union(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    with_others(ts, this, args, set_or)
}

fn method_intersection(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    with_others(ts, this, args, set_and)
}

fn method_difference(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    with_others(ts, this, args, set_sub)
}

fn method_symmetric_difference(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    with_others(ts, this, args, set_xor)
}

fn as_set_arg(ts: &ThreadState, other: &PyRef) -> PyResult<PyRef> {
    if as_set(other).is_some() {
        return Ok(other.clone());
    }
    new(ts, crate::iterobject::collect(ts, other)?)
}

fn method_issubset(ts: &ThreadState, this: &PyObject, args: Args<'_>, _k: KwNames<'_>) -> PyResult {
    let other = as_set_arg(ts, one_arg(args, "issubset")?)?;
    Ok(crate::bool::bool_ref(is_subset(
        ts,
        set_of(this)?,
        set_of(&other)?,
    )?))
}

fn method_issuperset(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let other = as_set_arg(ts, one_arg(args, "issuperset")?)?;
    Ok(crate::bool::bool_ref(is_subset(
        ts,
        set_of(&other)?,
        set_of(this)?,
    )?))
}

fn method_isdisjoint(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    _k: KwNames<'_>,
) -> PyResult {
    let other = as_set_arg(ts, one_arg(args, "isdisjoint")?)?;
    let other = set_of(&other)?;
    for element in set_of(this)?.to_vec() {
        if other.contains(ts, &element)? {
            return Ok(crate::bool::false_ref());
        }
    }
    Ok(crate::bool::true_ref())
}

/// Fills the dicts of `set` and `frozenset`.
pub(crate) fn install(ts: &ThreadState) {
    let shared: &[(&'static str, crate::descr::NativeFn)] = &[
        ("copy", method_copy),
        ("union", method_union),
        ("intersection", method_intersection),
        ("difference", method_difference),
        ("symmetric_difference", method_symmetric_difference),
        ("issubset", method_issubset),
        ("issuperset", method_issuperset),
        ("isdisjoint", method_isdisjoint),
    ];
    crate::descr::add_methods(ts, &SET_TYPE, shared);
    crate::descr::add_methods(ts, &FROZENSET_TYPE, shared);
    crate::descr::add_methods(
        ts,
        &SET_TYPE,
        &[
            ("add", method_add),
            ("remove", method_remove),
            ("discard", method_discard),
            ("pop", method_pop),
            ("clear", method_clear),
            ("update", method_update),
        ],
    );
}

/// The elements live in a dict the set owns.
fn set_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(set) = object.downcast_ref::<Set>() {
        visit(set.elements.as_object());
    }
}

fn set_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(set) = object.downcast_ref::<Set>() {
        set.elements.clear();
    }
}
