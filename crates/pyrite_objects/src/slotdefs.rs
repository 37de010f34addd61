//! The table that names each slot of a type with its dunder (`nb_add` is `__add__` and
//! `__radd__`), used in the direction from slots to methods: when a built-in type is
//! readied, each slot it fills itself becomes a `wrapper_descriptor` in its dict
//! (`int.__add__`), and calling that descriptor calls the slot with the arguments
//! unpacked the way the slot expects.
//!
//! CPython counterpart: `Objects/typeobject.c` (`slotdefs`, `add_operators`, the `wrap_*`
//! functions, `tp_new_wrapper`). The other direction (a Python class's dunders filling
//! its slots) is `slot_wrappers.rs`.

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::slots::{
    BinaryFn, CallFn, CompareOp, ContainsFn, DescrGetFn, FinalizeFn, HashFn, InitFn, InquiryFn,
    IterNextFn, LenFn, RichCompareFn, SetAttrFn, Slot, SsizeArgFn, SsizeObjArgFn, TernaryFn,
    UnaryFn,
};
use crate::typeobject::{PyType, TypeObject};

type Get<F> = fn(&TypeObject) -> &Slot<F>;

/// How a wrapper unpacks its arguments and calls its slot (CPython's `wrap_*`).
#[derive(Clone, Copy)]
pub enum Wrapper {
    Unary(Get<UnaryFn>),
    Hash,
    Call,
    GetAttribute,
    SetAttr,
    DelAttr,
    Compare(CompareOp),
    Next,
    DescrGet,
    DescrSet,
    DescrDelete,
    Init,
    Del,
    /// `self OP value` (also the in-place and sequence forms that take an object).
    BinaryLeft(Get<BinaryFn>),
    /// `value OP self`: the reflected operand order.
    BinaryRight(Get<BinaryFn>),
    Ternary(Get<TernaryFn>),
    TernaryRight(Get<TernaryFn>),
    Bool,
    Len(Get<LenFn>),
    SetItem,
    DelItem,
    /// `sq_repeat`-like: the argument converted with `__index__`.
    IndexArg(Get<SsizeArgFn>),
    SequenceItem,
    SequenceSetItem,
    SequenceDelItem,
    Contains,
}

/// One named slot: its dunder, its text signature and doc (what `__doc__` and
/// `__text_signature__` show) and how its wrapper calls it.
pub struct SlotDef {
    pub name: &'static str,
    pub signature: &'static str,
    pub doc: &'static str,
    pub wrapper: Wrapper,
}

const SELF: &str = "($self, /)";
const VALUE: &str = "($self, value, /)";

macro_rules! def {
    ($name:literal, $sig:expr, $doc:expr, $wrapper:expr) => {
        SlotDef {
            name: $name,
            signature: $sig,
            doc: $doc,
            wrapper: $wrapper,
        }
    };
}

macro_rules! binary {
    ($name:literal, $rname:literal, $op:literal, $field:ident) => {
        [
            def!(
                $name,
                VALUE,
                concat!("Return self", $op, "value."),
                Wrapper::BinaryLeft(|t| &t.number.$field)
            ),
            def!(
                $rname,
                VALUE,
                concat!("Return value", $op, "self."),
                Wrapper::BinaryRight(|t| &t.number.$field)
            ),
        ]
    };
}

macro_rules! inplace {
    ($name:literal, $op:literal, $field:ident) => {
        def!(
            $name,
            VALUE,
            concat!("Return self", $op, "value."),
            Wrapper::BinaryLeft(|t| &t.number.$field)
        )
    };
}

macro_rules! unary {
    ($name:literal, $doc:literal, $field:ident) => {
        def!($name, SELF, $doc, Wrapper::Unary(|t| &t.number.$field))
    };
}

/// CPython's `slotdefs`, in its order (the order wrappers enter a type's dict). Slots
/// Pyrite does not have (`am_*`, buffers) are left out.
pub static SLOTDEFS: &[&[SlotDef]] = &[
    &[
        def!(
            "__repr__",
            SELF,
            "Return repr(self).",
            Wrapper::Unary(|t| &t.slots.repr)
        ),
        def!("__hash__", SELF, "Return hash(self).", Wrapper::Hash),
        def!(
            "__call__",
            "($self, /, *args, **kwargs)",
            "Call self as a function.",
            Wrapper::Call
        ),
        def!(
            "__str__",
            SELF,
            "Return str(self).",
            Wrapper::Unary(|t| &t.slots.str)
        ),
        def!(
            "__getattribute__",
            "($self, name, /)",
            "Return getattr(self, name).",
            Wrapper::GetAttribute
        ),
        def!(
            "__setattr__",
            "($self, name, value, /)",
            "Implement setattr(self, name, value).",
            Wrapper::SetAttr
        ),
        def!(
            "__delattr__",
            "($self, name, /)",
            "Implement delattr(self, name).",
            Wrapper::DelAttr
        ),
        def!(
            "__lt__",
            VALUE,
            "Return self<value.",
            Wrapper::Compare(CompareOp::Lt)
        ),
        def!(
            "__le__",
            VALUE,
            "Return self<=value.",
            Wrapper::Compare(CompareOp::Le)
        ),
        def!(
            "__eq__",
            VALUE,
            "Return self==value.",
            Wrapper::Compare(CompareOp::Eq)
        ),
        def!(
            "__ne__",
            VALUE,
            "Return self!=value.",
            Wrapper::Compare(CompareOp::Ne)
        ),
        def!(
            "__gt__",
            VALUE,
            "Return self>value.",
            Wrapper::Compare(CompareOp::Gt)
        ),
        def!(
            "__ge__",
            VALUE,
            "Return self>=value.",
            Wrapper::Compare(CompareOp::Ge)
        ),
        def!(
            "__iter__",
            SELF,
            "Implement iter(self).",
            Wrapper::Unary(|t| &t.slots.iter)
        ),
        def!("__next__", SELF, "Implement next(self).", Wrapper::Next),
        def!(
            "__get__",
            "($self, instance, owner=None, /)",
            "Return an attribute of instance, which is of type owner.",
            Wrapper::DescrGet
        ),
        def!(
            "__set__",
            "($self, instance, value, /)",
            "Set an attribute of instance to value.",
            Wrapper::DescrSet
        ),
        def!(
            "__delete__",
            "($self, instance, /)",
            "Delete an attribute of instance.",
            Wrapper::DescrDelete
        ),
        def!(
            "__init__",
            "($self, /, *args, **kwargs)",
            "Initialize self.  See help(type(self)) for accurate signature.",
            Wrapper::Init
        ),
        def!(
            "__del__",
            SELF,
            "Called when the instance is about to be destroyed.",
            Wrapper::Del
        ),
    ],
    &binary!("__add__", "__radd__", "+", add),
    &binary!("__sub__", "__rsub__", "-", subtract),
    &binary!("__mul__", "__rmul__", "*", multiply),
    &binary!("__mod__", "__rmod__", "%", remainder),
    &[
        def!(
            "__divmod__",
            VALUE,
            "Return divmod(self, value).",
            Wrapper::BinaryLeft(|t| &t.number.divmod)
        ),
        def!(
            "__rdivmod__",
            VALUE,
            "Return divmod(value, self).",
            Wrapper::BinaryRight(|t| &t.number.divmod)
        ),
        def!(
            "__pow__",
            "($self, value, mod=None, /)",
            "Return pow(self, value, mod).",
            Wrapper::Ternary(|t| &t.number.power)
        ),
        def!(
            "__rpow__",
            "($self, value, mod=None, /)",
            "Return pow(value, self, mod).",
            Wrapper::TernaryRight(|t| &t.number.power)
        ),
        unary!("__neg__", "-self", negative),
        unary!("__pos__", "+self", positive),
        unary!("__abs__", "abs(self)", absolute),
        def!("__bool__", SELF, "True if self else False", Wrapper::Bool),
        unary!("__invert__", "~self", invert),
    ],
    &binary!("__lshift__", "__rlshift__", "<<", lshift),
    &binary!("__rshift__", "__rrshift__", ">>", rshift),
    &binary!("__and__", "__rand__", "&", and),
    &binary!("__xor__", "__rxor__", "^", xor),
    &binary!("__or__", "__ror__", "|", or),
    &[
        unary!("__int__", "int(self)", int),
        unary!("__float__", "float(self)", float),
        inplace!("__iadd__", "+=", inplace_add),
        inplace!("__isub__", "-=", inplace_subtract),
        inplace!("__imul__", "*=", inplace_multiply),
        inplace!("__imod__", "%=", inplace_remainder),
        def!(
            "__ipow__",
            VALUE,
            "Return self**=value.",
            Wrapper::Ternary(|t| &t.number.inplace_power)
        ),
        inplace!("__ilshift__", "<<=", inplace_lshift),
        inplace!("__irshift__", ">>=", inplace_rshift),
        inplace!("__iand__", "&=", inplace_and),
        inplace!("__ixor__", "^=", inplace_xor),
        inplace!("__ior__", "|=", inplace_or),
    ],
    &binary!("__floordiv__", "__rfloordiv__", "//", floor_divide),
    &binary!("__truediv__", "__rtruediv__", "/", true_divide),
    &[
        inplace!("__ifloordiv__", "//=", inplace_floor_divide),
        inplace!("__itruediv__", "/=", inplace_true_divide),
        unary!(
            "__index__",
            "Return self converted to an integer, if self is suitable for use as an index into a list.",
            index
        ),
    ],
    &binary!("__matmul__", "__rmatmul__", "@", matrix_multiply),
    &[
        inplace!("__imatmul__", "@=", inplace_matrix_multiply),
        def!(
            "__len__",
            SELF,
            "Return len(self).",
            Wrapper::Len(|t| &t.mapping.length)
        ),
        def!(
            "__getitem__",
            "($self, key, /)",
            "Return self[key].",
            Wrapper::BinaryLeft(|t| &t.mapping.subscript)
        ),
        def!(
            "__setitem__",
            "($self, key, value, /)",
            "Set self[key] to value.",
            Wrapper::SetItem
        ),
        def!(
            "__delitem__",
            "($self, key, /)",
            "Delete self[key].",
            Wrapper::DelItem
        ),
        def!(
            "__len__",
            SELF,
            "Return len(self).",
            Wrapper::Len(|t| &t.sequence.length)
        ),
        def!(
            "__add__",
            VALUE,
            "Return self+value.",
            Wrapper::BinaryLeft(|t| &t.sequence.concat)
        ),
        def!(
            "__mul__",
            VALUE,
            "Return self*value.",
            Wrapper::IndexArg(|t| &t.sequence.repeat)
        ),
        def!(
            "__rmul__",
            VALUE,
            "Return value*self.",
            Wrapper::IndexArg(|t| &t.sequence.repeat)
        ),
        def!(
            "__getitem__",
            "($self, key, /)",
            "Return self[key].",
            Wrapper::SequenceItem
        ),
        def!(
            "__setitem__",
            "($self, key, value, /)",
            "Set self[key] to value.",
            Wrapper::SequenceSetItem
        ),
        def!(
            "__delitem__",
            "($self, key, /)",
            "Delete self[key].",
            Wrapper::SequenceDelItem
        ),
        def!(
            "__contains__",
            "($self, key, /)",
            "Return bool(key in self).",
            Wrapper::Contains
        ),
        def!(
            "__iadd__",
            VALUE,
            "Implement self+=value.",
            Wrapper::BinaryLeft(|t| &t.sequence.inplace_concat)
        ),
        def!(
            "__imul__",
            VALUE,
            "Implement self*=value.",
            Wrapper::IndexArg(|t| &t.sequence.inplace_repeat)
        ),
    ],
];

/// Every slot definition, in order.
pub fn slotdefs() -> impl Iterator<Item = &'static SlotDef> {
    SLOTDEFS.iter().flat_map(|group| group.iter())
}

/// A slot function's address, for telling a slot a type fills itself from one it
/// inherited (identity only; never called through).
trait SlotAddress: Copy {
    fn address(self) -> *const ();
}

macro_rules! slot_address {
    ($($ty:ty),*) => {
        $(impl SlotAddress for $ty {
            fn address(self) -> *const () {
                self as *const ()
            }
        })*
    };
}

// One impl per distinct function type (`GetAttrFn` is `BinaryFn`; `SetAttrFn`,
// `DescrSetFn` and `ObjObjArgFn` are one type).
slot_address!(
    UnaryFn,
    BinaryFn,
    TernaryFn,
    HashFn,
    RichCompareFn,
    SetAttrFn,
    CallFn,
    IterNextFn,
    DescrGetFn,
    InitFn,
    FinalizeFn,
    LenFn,
    InquiryFn,
    SsizeArgFn,
    SsizeObjArgFn,
    ContainsFn
);

fn address<F: SlotAddress>(slot: &Slot<F>) -> Option<*const ()> {
    slot.get().map(SlotAddress::address)
}

impl SlotDef {
    /// The address of the slot function this definition names in `ty`, if filled (for
    /// telling a slot a type fills itself from one it inherited).
    fn slot_address(&self, ty: &TypeObject) -> Option<*const ()> {
        match self.wrapper {
            Wrapper::Unary(get) => address(get(ty)),
            Wrapper::Hash => address(&ty.slots.hash),
            Wrapper::Call => address(&ty.slots.call),
            Wrapper::GetAttribute => address(&ty.slots.getattro),
            Wrapper::SetAttr | Wrapper::DelAttr => address(&ty.slots.setattro),
            Wrapper::Compare(_) => address(&ty.slots.richcompare),
            Wrapper::Next => address(&ty.slots.iternext),
            Wrapper::DescrGet => address(&ty.slots.descr_get),
            Wrapper::DescrSet | Wrapper::DescrDelete => address(&ty.slots.descr_set),
            Wrapper::Init => address(&ty.slots.init),
            Wrapper::Del => address(&ty.slots.finalize),
            Wrapper::BinaryLeft(get) | Wrapper::BinaryRight(get) => address(get(ty)),
            Wrapper::Ternary(get) | Wrapper::TernaryRight(get) => address(get(ty)),
            Wrapper::Bool => address(&ty.number.bool),
            Wrapper::Len(get) => address(get(ty)),
            Wrapper::SetItem | Wrapper::DelItem => address(&ty.mapping.ass_subscript),
            Wrapper::IndexArg(get) => address(get(ty)),
            Wrapper::SequenceItem => address(&ty.sequence.item),
            Wrapper::SequenceSetItem | Wrapper::SequenceDelItem => address(&ty.sequence.ass_item),
            Wrapper::Contains => address(&ty.sequence.contains),
        }
    }

    /// Copies this definition's slot function from `from` to `to`.
    fn copy_slot(&self, ts: &ThreadState, from: &TypeObject, to: &TypeObject) {
        match self.wrapper {
            Wrapper::Unary(get) => get(to).set(ts, get(from).get()),
            Wrapper::Hash => to.slots.hash.set(ts, from.slots.hash.get()),
            Wrapper::Call => to.slots.call.set(ts, from.slots.call.get()),
            Wrapper::GetAttribute => to.slots.getattro.set(ts, from.slots.getattro.get()),
            Wrapper::SetAttr | Wrapper::DelAttr => {
                to.slots.setattro.set(ts, from.slots.setattro.get());
            }
            Wrapper::Compare(_) => to.slots.richcompare.set(ts, from.slots.richcompare.get()),
            Wrapper::Next => to.slots.iternext.set(ts, from.slots.iternext.get()),
            Wrapper::DescrGet => to.slots.descr_get.set(ts, from.slots.descr_get.get()),
            Wrapper::DescrSet | Wrapper::DescrDelete => {
                to.slots.descr_set.set(ts, from.slots.descr_set.get());
            }
            Wrapper::Init => to.slots.init.set(ts, from.slots.init.get()),
            Wrapper::Del => to.slots.finalize.set(ts, from.slots.finalize.get()),
            Wrapper::BinaryLeft(get) | Wrapper::BinaryRight(get) => {
                get(to).set(ts, get(from).get());
            }
            Wrapper::Ternary(get) | Wrapper::TernaryRight(get) => get(to).set(ts, get(from).get()),
            Wrapper::Bool => to.number.bool.set(ts, from.number.bool.get()),
            Wrapper::Len(get) => get(to).set(ts, get(from).get()),
            Wrapper::SetItem | Wrapper::DelItem => {
                to.mapping
                    .ass_subscript
                    .set(ts, from.mapping.ass_subscript.get());
            }
            Wrapper::IndexArg(get) => get(to).set(ts, get(from).get()),
            Wrapper::SequenceItem => to.sequence.item.set(ts, from.sequence.item.get()),
            Wrapper::SequenceSetItem | Wrapper::SequenceDelItem => {
                to.sequence.ass_item.set(ts, from.sequence.ass_item.get());
            }
            Wrapper::Contains => to.sequence.contains.set(ts, from.sequence.contains.get()),
        }
    }

    fn takes_keywords(&self) -> bool {
        matches!(self.wrapper, Wrapper::Call | Wrapper::Init)
    }

    /// Calls `owner`'s slot on `receiver` with the wrapper's arguments (CPython's
    /// `wrapperdescr_raw_call` and the `wrap_*` function of the slot). The receiver's type
    /// has been checked against `owner`.
    pub fn call(
        &self,
        ts: &ThreadState,
        owner: &PyType,
        receiver: &PyObject,
        args: &[PyRef],
        kwnames: Option<&PyObject>,
    ) -> PyResult {
        let has_keywords = kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty());
        if has_keywords && !self.takes_keywords() {
            return Err(PyErr::type_error(format!(
                "wrapper {}() takes no keyword arguments",
                self.name
            )));
        }
        let none = crate::singletons::none;
        let missing = || PyErr::type_error(format!("wrapper {}() slot is empty", self.name));
        match self.wrapper {
            Wrapper::Unary(get) => {
                check_args(args, 0)?;
                get(owner).get().ok_or_else(missing)?(ts, receiver)
            }
            Wrapper::Hash => {
                check_args(args, 0)?;
                let hash = owner.slots.hash.get().ok_or_else(missing)?(ts, receiver)?;
                Ok(crate::int::new(ts, hash as i64))
            }
            Wrapper::Call => {
                owner.slots.call.get().ok_or_else(missing)?(ts, receiver, args, kwnames)
            }
            Wrapper::GetAttribute => {
                check_args(args, 1)?;
                check_attr_name(&args[0])?;
                match owner.slots.getattro.get() {
                    Some(getattro) => getattro(ts, receiver, &args[0]),
                    None => crate::attrs::object_getattribute(ts, receiver, &args[0]),
                }
            }
            Wrapper::SetAttr | Wrapper::DelAttr => {
                let value = if matches!(self.wrapper, Wrapper::SetAttr) {
                    check_args(args, 2)?;
                    Some(&*args[1])
                } else {
                    check_args(args, 1)?;
                    None
                };
                check_attr_name(&args[0])?;
                match owner.slots.setattro.get() {
                    Some(setattro) => setattro(ts, receiver, &args[0], value)?,
                    None => crate::attrs::generic_setattr(ts, receiver, &args[0], value)?,
                }
                Ok(none())
            }
            Wrapper::Compare(op) => {
                check_args(args, 1)?;
                owner.slots.richcompare.get().ok_or_else(missing)?(ts, receiver, &args[0], op)
            }
            Wrapper::Next => {
                check_args(args, 0)?;
                match owner.slots.iternext.get().ok_or_else(missing)?(ts, receiver)? {
                    Some(value) => Ok(value),
                    None => Err(PyErr::without_arg(ExceptionKind::StopIteration)),
                }
            }
            Wrapper::DescrGet => {
                if args.is_empty() || args.len() > 2 {
                    return Err(PyErr::type_error(
                        format!(
                            "__get__ expected {} 1 argument{}, got {}",
                            if args.is_empty() {
                                "at least"
                            } else {
                                "at most"
                            },
                            if args.is_empty() { "" } else { "s" },
                            args.len()
                        )
                        .replace("at most 1 arguments", "at most 2 arguments"),
                    ));
                }
                let instance = Some(&*args[0]).filter(|o| !crate::singletons::is_none(o));
                let owner_arg = args
                    .get(1)
                    .map(|o| &**o)
                    .filter(|o| !crate::singletons::is_none(o));
                if instance.is_none() && owner_arg.is_none() {
                    return Err(PyErr::type_error("__get__(None, None) is invalid"));
                }
                owner.slots.descr_get.get().ok_or_else(missing)?(ts, receiver, instance, owner_arg)
            }
            Wrapper::DescrSet => {
                check_args(args, 2)?;
                owner.slots.descr_set.get().ok_or_else(missing)?(
                    ts,
                    receiver,
                    &args[0],
                    Some(&args[1]),
                )?;
                Ok(none())
            }
            Wrapper::DescrDelete => {
                check_args(args, 1)?;
                owner.slots.descr_set.get().ok_or_else(missing)?(ts, receiver, &args[0], None)?;
                Ok(none())
            }
            Wrapper::Init => {
                owner.slots.init.get().ok_or_else(missing)?(ts, receiver, args, kwnames)?;
                Ok(none())
            }
            Wrapper::Del => {
                check_args(args, 0)?;
                owner.slots.finalize.get().ok_or_else(missing)?(ts, receiver);
                Ok(none())
            }
            Wrapper::BinaryLeft(get) => {
                check_args(args, 1)?;
                get(owner).get().ok_or_else(missing)?(ts, receiver, &args[0])
            }
            Wrapper::BinaryRight(get) => {
                check_args(args, 1)?;
                get(owner).get().ok_or_else(missing)?(ts, &args[0], receiver)
            }
            Wrapper::Ternary(get) | Wrapper::TernaryRight(get) => {
                if args.is_empty() || args.len() > 2 {
                    return Err(PyErr::type_error(format!(
                        "expected 1 or 2 arguments, got {}",
                        args.len()
                    )));
                }
                let modulo = args.get(1).cloned().unwrap_or_else(none);
                let function = get(owner).get().ok_or_else(missing)?;
                if matches!(self.wrapper, Wrapper::Ternary(_)) {
                    function(ts, receiver, &args[0], &modulo)
                } else {
                    function(ts, &args[0], receiver, &modulo)
                }
            }
            Wrapper::Bool => {
                check_args(args, 0)?;
                let value = owner.number.bool.get().ok_or_else(missing)?(ts, receiver)?;
                Ok(crate::bool::bool_ref(value))
            }
            Wrapper::Len(get) => {
                check_args(args, 0)?;
                let length = get(owner).get().ok_or_else(missing)?(ts, receiver)?;
                Ok(crate::int::new(ts, length as i64))
            }
            Wrapper::SetItem => {
                check_args(args, 2)?;
                owner.mapping.ass_subscript.get().ok_or_else(missing)?(
                    ts,
                    receiver,
                    &args[0],
                    Some(&args[1]),
                )?;
                Ok(none())
            }
            Wrapper::DelItem => {
                check_args(args, 1)?;
                owner.mapping.ass_subscript.get().ok_or_else(missing)?(
                    ts, receiver, &args[0], None,
                )?;
                Ok(none())
            }
            Wrapper::IndexArg(get) => {
                check_args(args, 1)?;
                let count = index_arg(ts, &args[0])?;
                get(owner).get().ok_or_else(missing)?(ts, receiver, count)
            }
            Wrapper::SequenceItem => {
                check_args(args, 1)?;
                let index = sequence_index(ts, owner, receiver, &args[0])?;
                owner.sequence.item.get().ok_or_else(missing)?(ts, receiver, index)
            }
            Wrapper::SequenceSetItem | Wrapper::SequenceDelItem => {
                let value = if matches!(self.wrapper, Wrapper::SequenceSetItem) {
                    check_args(args, 2)?;
                    Some(&*args[1])
                } else {
                    check_args(args, 1)?;
                    None
                };
                let index = sequence_index(ts, owner, receiver, &args[0])?;
                owner.sequence.ass_item.get().ok_or_else(missing)?(ts, receiver, index, value)?;
                Ok(none())
            }
            Wrapper::Contains => {
                check_args(args, 1)?;
                let found =
                    owner.sequence.contains.get().ok_or_else(missing)?(ts, receiver, &args[0])?;
                Ok(crate::bool::bool_ref(found))
            }
        }
    }
}

/// CPython's `check_num_args`.
fn check_args(args: &[PyRef], expected: usize) -> PyResult<()> {
    if args.len() == expected {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "expected {expected} argument{}, got {}",
        if expected == 1 { "" } else { "s" },
        args.len()
    )))
}

fn check_attr_name(name: &PyObject) -> PyResult<()> {
    if crate::str::as_str_payload(name).is_some() {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "attribute name must be string, not '{}'",
        name.ob_type().name()
    )))
}

/// An `__index__`-able argument as an `isize` (CPython's `PyNumber_AsSsize_t` with
/// `OverflowError`).
fn index_arg(ts: &ThreadState, value: &PyObject) -> PyResult<isize> {
    let index = crate::abstract_api::index(ts, value)?;
    crate::int::as_i64(&index)
        .map(|value| value as isize)
        .ok_or_else(|| {
            PyErr::new(
                ExceptionKind::OverflowError,
                format!(
                    "cannot fit '{}' into an index-sized integer",
                    value.ob_type().name()
                ),
            )
        })
}

/// CPython's `getindex`: a negative index counts from the end.
fn sequence_index(
    ts: &ThreadState,
    owner: &PyType,
    receiver: &PyObject,
    key: &PyObject,
) -> PyResult<isize> {
    let index = index_arg(ts, key)?;
    if index >= 0 {
        return Ok(index);
    }
    match owner.sequence.length.get() {
        Some(length) => Ok(index + length(ts, receiver)? as isize),
        None => Ok(index),
    }
}

/// Fills a built-in type's dict with its `__new__` and a `wrapper_descriptor` for each
/// slot it fills itself (not inherited from its base), as CPython's `type_ready` does
/// with `add_tp_new_wrapper` and `add_operators`. Names already in the dict are kept; a
/// hash slot that refuses hashing becomes `__hash__ = None`.
pub(crate) fn add_operators(ts: &ThreadState, ty: &PyType) {
    let dict = ty.dict(ts);
    let Some(dict) = dict.downcast_ref::<crate::dict::Dict>() else {
        return;
    };
    let base = ty.base().and_then(crate::typeobject::as_type);
    let is_object = std::ptr::eq(ty, &*crate::typeobject::OBJECT_TYPE);
    let own = |def: &SlotDef| -> bool {
        let Some(mine) = def.slot_address(ty) else {
            // `object` implements attribute access without slots: the generic functions.
            return is_object
                && matches!(
                    def.wrapper,
                    Wrapper::GetAttribute | Wrapper::SetAttr | Wrapper::DelAttr
                );
        };
        base.is_none_or(|base| def.slot_address(base) != Some(mine))
    };
    let contains = |name: &PyObject| matches!(dict.get_item(ts, name), Ok(Some(_)));
    let new_name = crate::str::intern(ts, "__new__");
    let own_new = match (
        ty.slots.new.get(),
        base.and_then(|base| base.slots.new.get()),
    ) {
        (Some(mine), Some(inherited)) => mine as *const () != inherited as *const (),
        (Some(_), None) => true,
        _ => false,
    };
    if own_new && !contains(&new_name) {
        let new = crate::object::Py::new(
            ts,
            crate::descr::BuiltinFunction {
                name: "__new__",
                function: crate::typecall::new_wrapper,
                bound_self: ty.as_object().new_ref(),
                is_method: true,
                weaklist: crate::weakref::WeakrefList::new(),
            },
        )
        .into_ref();
        let _ = dict.set_item(ts, new_name, new);
    }
    let hash_not_implemented = crate::typeobject::hash_not_implemented as *const ();
    for def in slotdefs() {
        if !own(def) {
            continue;
        }
        let name = crate::str::intern(ts, def.name);
        if contains(&name) {
            continue;
        }
        let value = if matches!(def.wrapper, Wrapper::Hash)
            && def.slot_address(ty) == Some(hash_not_implemented)
        {
            crate::singletons::none()
        } else {
            crate::wrapper_descr::new_wrapper_descr(ts, def, ty)
        };
        let _ = dict.set_item(ts, name, value);
    }
}

/// Points the slots of a Python class at the built-in functions of the slot wrappers it
/// finds along its MRO (CPython's `update_one_slot` reusing a wrapper's `d_wrapped`):
/// `class C(Mixin, dict)` initializes with `dict.__init__`, found after `Mixin`.
pub(crate) fn inherit_wrapped_slots(ts: &ThreadState, ty: &PyType) {
    for def in slotdefs() {
        let Ok(Some(found)) = ty.lookup_str(ts, def.name) else {
            continue;
        };
        let Some(descr) = found.downcast_ref::<crate::wrapper_descr::WrapperDescr>() else {
            continue;
        };
        let owner = descr.owner_type();
        if std::ptr::eq(descr.def, def) && ty.is_subtype(ts, owner) {
            def.copy_slot(ts, owner, ty);
        }
    }
}

/// The slot function a `wrapper_descriptor` found in a class's MRO stands for, for a
/// Python class that inherits it (CPython's `update_one_slot` reusing `d_wrapped`).
pub(crate) fn wrapped_hash(descr: &PyObject) -> Option<crate::slots::HashFn> {
    let descr = descr.downcast_ref::<crate::wrapper_descr::WrapperDescr>()?;
    if !matches!(descr.def.wrapper, Wrapper::Hash) {
        return None;
    }
    descr.owner_type().slots.hash.get()
}

/// `tp_getattro` a `__getattribute__` wrapper stands for (`None`: the generic one).
pub(crate) fn wrapped_getattro(descr: &PyObject) -> Option<crate::slots::GetAttrFn> {
    let descr = descr.downcast_ref::<crate::wrapper_descr::WrapperDescr>()?;
    descr.owner_type().slots.getattro.get()
}

#[cfg(test)]
mod tests {
    use crate::pystate::with_gil;

    fn own_entry(ts: &crate::ThreadState, ty: &crate::PyType, name: &str) -> Option<crate::PyRef> {
        let dict = ty.dict(ts);
        let dict = dict.downcast_ref::<crate::dict::Dict>()?;
        dict.get_item(ts, &crate::str::intern(ts, name)).ok()?
    }

    #[test]
    fn built_in_types_expose_the_slots_they_fill_themselves() {
        with_gil(|ts| {
            let add = own_entry(ts, &crate::int::INT_TYPE, "__add__").expect("int.__add__");
            assert_eq!(
                crate::str::repr_string(ts, &add),
                "<slot wrapper '__add__' of 'int' objects>"
            );
            // `bool` inherits `int`'s addition: no wrapper of its own.
            assert!(own_entry(ts, &crate::bool::BOOL_TYPE, "__add__").is_none());
            // `list` refuses hashing: `__hash__ = None`.
            let hash = own_entry(ts, &crate::list::LIST_TYPE, "__hash__").expect("list.__hash__");
            assert!(crate::singletons::is_none(&hash));
            // `object` has the generic attribute access as wrappers.
            assert!(own_entry(ts, &crate::typeobject::OBJECT_TYPE, "__setattr__").is_some());
        });
    }

    #[test]
    fn wrappers_call_the_owners_slot_with_reflected_operands() {
        with_gil(|ts| {
            let radd = own_entry(ts, &crate::int::INT_TYPE, "__rsub__").expect("int.__rsub__");
            let args = [crate::int::new(ts, 10), crate::int::new(ts, 3)];
            let result = crate::abstract_api::call(ts, &radd, &args, None).unwrap();
            assert_eq!(crate::int::as_i64(&result), Some(-7));
            let wrong = [crate::str::new(ts, "a").into_ref(), crate::int::new(ts, 3)];
            let err = crate::abstract_api::call(ts, &radd, &wrong, None).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: descriptor '__rsub__' requires a 'int' object but received a 'str'"
            );
        });
    }
}
