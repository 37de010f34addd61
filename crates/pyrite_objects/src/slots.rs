//! Slot function types and the slot tables a type object carries.
//!
//! CPython counterpart: `Include/cpython/object.h` (`PyTypeObject`'s `tp_*` fields,
//! `PyNumberMethods`, `PySequenceMethods`, `PyMappingMethods`) and the typedefs of
//! `Include/object.h` (`unaryfunc`, `binaryfunc`, `richcmpfunc`, ...).
//!
//! A slot is a plain `fn` pointer in a `Cell`: calling it is a load and an indirect call.
//! Every slot function takes the thread state first (the proof the GIL is held) and
//! returns `PyResult`. Tables are embedded in the type object (no `tp_as_number`
//! indirection). Built-in types' tables are complete constants; heap types' empty slots
//! are filled from their bases when the type is readied (`PyType::ready`).

use std::cell::Cell;

use crate::err::PyResult;
use crate::object::{PyObject, PyRef};
use crate::pystate::ThreadState;
use crate::typeobject::PyType;

/// `repr`, `str`, `iter`, unary number operations (`unaryfunc`).
pub type UnaryFn = fn(&ThreadState, &PyObject) -> PyResult;
/// Binary number operations, `mp_subscript`, `sq_concat` (`binaryfunc`).
pub type BinaryFn = fn(&ThreadState, &PyObject, &PyObject) -> PyResult;
/// `nb_power`, `nb_inplace_power` (`ternaryfunc`).
pub type TernaryFn = fn(&ThreadState, &PyObject, &PyObject, &PyObject) -> PyResult;
/// `tp_hash`: CPython's `Py_hash_t`, never -1 on success.
pub type HashFn = fn(&ThreadState, &PyObject) -> PyResult<isize>;
/// `tp_richcompare`: may return `NotImplemented`.
pub type RichCompareFn = fn(&ThreadState, &PyObject, &PyObject, CompareOp) -> PyResult;
/// `tp_getattro`: `(object, name)`.
pub type GetAttrFn = fn(&ThreadState, &PyObject, &PyObject) -> PyResult;
/// `tp_setattro`: `(object, name, value)`, `None` deletes.
pub type SetAttrFn = fn(&ThreadState, &PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
/// `tp_call` in vectorcall shape: positional then keyword arguments in `args`, the
/// keywords' names in `kwnames` (a tuple), so the VM passes a slice of its value stack.
pub type CallFn = fn(&ThreadState, &PyObject, &[PyRef], Option<&PyObject>) -> PyResult;
/// `tp_iternext`: `Ok(None)` when exhausted, without raising `StopIteration`.
pub type IterNextFn = fn(&ThreadState, &PyObject) -> PyResult<Option<PyRef>>;
/// `tp_descr_get`: `(descriptor, instance, owner)`.
pub type DescrGetFn = fn(&ThreadState, &PyObject, Option<&PyObject>, Option<&PyObject>) -> PyResult;
/// `tp_descr_set`: `(descriptor, instance, value)`, `None` deletes.
pub type DescrSetFn = fn(&ThreadState, &PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
/// `tp_init`: `(self, args, kwnames)`.
pub type InitFn = fn(&ThreadState, &PyObject, &[PyRef], Option<&PyObject>) -> PyResult<()>;
/// `tp_new`: `(type, args, kwnames)`.
pub type NewFn = fn(&ThreadState, &PyType, &[PyRef], Option<&PyObject>) -> PyResult;
/// `tp_finalize` (`__del__`): errors are reported as unraisable by the finalizer itself.
pub type FinalizeFn = fn(&ThreadState, &PyObject);
/// `tp_traverse`: calls the visitor with each reference the object owns.
pub type TraverseFn = fn(&ThreadState, &PyObject, &mut dyn FnMut(&PyObject));
/// `tp_clear`: drops the references the object owns, to break a cycle.
pub type ClearFn = fn(&ThreadState, &PyObject);
/// `sq_length`, `mp_length` (`lenfunc`).
pub type LenFn = fn(&ThreadState, &PyObject) -> PyResult<usize>;
/// `nb_bool` (`inquiry`).
pub type InquiryFn = fn(&ThreadState, &PyObject) -> PyResult<bool>;
/// `sq_item`, `sq_repeat` (`ssizeargfunc`); the index is already made non-negative.
pub type SsizeArgFn = fn(&ThreadState, &PyObject, isize) -> PyResult;
/// `sq_ass_item`: `None` deletes.
pub type SsizeObjArgFn = fn(&ThreadState, &PyObject, isize, Option<&PyObject>) -> PyResult<()>;
/// `mp_ass_subscript`: `None` deletes.
pub type ObjObjArgFn = fn(&ThreadState, &PyObject, &PyObject, Option<&PyObject>) -> PyResult<()>;
/// `sq_contains`.
pub type ContainsFn = fn(&ThreadState, &PyObject, &PyObject) -> PyResult<bool>;

/// The comparison operators, numbered as CPython's `Py_LT` .. `Py_GE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// Applies the operator to an ordering (for values with a total order).
    pub fn matches(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match self {
            CompareOp::Lt => ordering == Less,
            CompareOp::Le => ordering != Greater,
            CompareOp::Eq => ordering == Equal,
            CompareOp::Ne => ordering != Equal,
            CompareOp::Gt => ordering == Greater,
            CompareOp::Ge => ordering != Less,
        }
    }
}

/// One slot: an optional function pointer that heap types may replace.
pub struct Slot<F: Copy>(Cell<Option<F>>);

impl<F: Copy> Slot<F> {
    // A template: each use is a fresh, separate cell (how static tables are written).
    #[allow(clippy::declare_interior_mutable_const)]
    pub const NONE: Slot<F> = Slot(Cell::new(None));

    pub const fn new(function: F) -> Slot<F> {
        Slot(Cell::new(Some(function)))
    }

    #[inline]
    pub fn get(&self) -> Option<F> {
        self.0.get()
    }

    /// Replaces the slot (a heap type's dunder assigned; see `TypeObject::set_slot`).
    /// Static types' tables are constants: they are never written, so any thread may read
    /// them.
    pub(crate) fn set(&self, _ts: &ThreadState, function: Option<F>) {
        self.0.set(function);
    }

    pub fn is_some(&self) -> bool {
        self.0.get().is_some()
    }

    /// Copies the base's slot if this one is empty (CPython's `COPYSLOT`).
    pub(crate) fn inherit(&self, _ts: &ThreadState, base: &Slot<F>) {
        if self.0.get().is_none() {
            self.0.set(base.0.get());
        }
    }
}

macro_rules! slot_table {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: Slot<$ty>),*
        }

        impl $name {
            /// A template for `..EMPTY` in static tables: each use is a fresh table.
            #[allow(clippy::declare_interior_mutable_const)]
            pub const EMPTY: $name = $name { $($field: Slot::NONE),* };

            /// Fills each empty slot from `base`.
            pub(crate) fn inherit(&self, ts: &ThreadState, base: &$name) {
                $(self.$field.inherit(ts, &base.$field);)*
            }
        }
    };
}

slot_table!(
    /// The `tp_*` slots.
    SlotTable {
        repr: UnaryFn,
        str: UnaryFn,
        hash: HashFn,
        richcompare: RichCompareFn,
        getattro: GetAttrFn,
        setattro: SetAttrFn,
        call: CallFn,
        iter: UnaryFn,
        iternext: IterNextFn,
        descr_get: DescrGetFn,
        descr_set: DescrSetFn,
        init: InitFn,
        new: NewFn,
        finalize: FinalizeFn,
        traverse: TraverseFn,
        clear: ClearFn,
    }
);

slot_table!(
    /// The `nb_*` slots (`PyNumberMethods`).
    NumberSlots {
        add: BinaryFn,
        subtract: BinaryFn,
        multiply: BinaryFn,
        remainder: BinaryFn,
        divmod: BinaryFn,
        power: TernaryFn,
        negative: UnaryFn,
        positive: UnaryFn,
        absolute: UnaryFn,
        bool: InquiryFn,
        invert: UnaryFn,
        lshift: BinaryFn,
        rshift: BinaryFn,
        and: BinaryFn,
        xor: BinaryFn,
        or: BinaryFn,
        int: UnaryFn,
        float: UnaryFn,
        inplace_add: BinaryFn,
        inplace_subtract: BinaryFn,
        inplace_multiply: BinaryFn,
        inplace_remainder: BinaryFn,
        inplace_power: TernaryFn,
        inplace_lshift: BinaryFn,
        inplace_rshift: BinaryFn,
        inplace_and: BinaryFn,
        inplace_xor: BinaryFn,
        inplace_or: BinaryFn,
        floor_divide: BinaryFn,
        true_divide: BinaryFn,
        inplace_floor_divide: BinaryFn,
        inplace_true_divide: BinaryFn,
        index: UnaryFn,
        matrix_multiply: BinaryFn,
        inplace_matrix_multiply: BinaryFn,
    }
);

slot_table!(
    /// The `sq_*` slots (`PySequenceMethods`).
    SequenceSlots {
        length: LenFn,
        concat: BinaryFn,
        repeat: SsizeArgFn,
        item: SsizeArgFn,
        ass_item: SsizeObjArgFn,
        contains: ContainsFn,
        inplace_concat: BinaryFn,
        inplace_repeat: SsizeArgFn,
    }
);

slot_table!(
    /// The `mp_*` slots (`PyMappingMethods`).
    MappingSlots {
        length: LenFn,
        subscript: BinaryFn,
        ass_subscript: ObjObjArgFn,
    }
);
