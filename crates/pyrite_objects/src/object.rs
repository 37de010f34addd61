//! The object header, owned and borrowed references, immortality, allocation and
//! deallocation (finalizer, weak references, trashcan).
//!
//! CPython counterpart: `Include/object.h` (`PyObject`, `Py_INCREF`, `Py_DECREF`, PEP 683
//! immortality), `Objects/object.c` (`_Py_Dealloc`, the trashcan, `PyObject_CallFinalizer`).
//! The unsafe code of the crate's core is here, in small functions, each with its reason.
//! See `docs/OBJECTS.md` for the design.

use std::any::TypeId;
use std::cell::Cell;
use std::fmt;
use std::mem::{ManuallyDrop, offset_of};
use std::ops::Deref;
use std::ptr::NonNull;

use crate::err::{PyErr, PyResult};
use crate::gc::{self, GcHead};
use crate::pystate::{ThreadState, with_attached};
use crate::slots::CompareOp;
use crate::typeobject::{PyType, TypeObject};

/// The count immortal objects start with, CPython 3.14's `_Py_IMMORTAL_INITIAL_REFCNT`.
pub const IMMORTAL_REFCNT: usize = 3 << 30;
/// An object whose count has this bit set is immortal: counting never writes to it.
const IMMORTAL_BIT: usize = 1 << 31;
/// Nested deallocations of containers beyond this depth are deferred (CPython's trashcan
/// uses the same bound, `_PyTrash_UNWIND_LEVEL`).
pub const TRASHCAN_DEPTH: u32 = 50;
/// The largest payload alignment: the 16-byte header then leaves every payload at offset 16.
const MAX_PAYLOAD_ALIGN: usize = 16;

/// The header every object starts with: CPython's `PyObject` (`ob_refcnt`, `ob_type`).
///
/// It exists only inside allocations made by this module (or immortal statics) and is only
/// ever seen through references: `&PyObject` is a borrowed reference. Interior mutability
/// (`Cell`) makes it `!Sync`; its raw type pointer makes it `!Send`.
#[repr(C)]
pub struct PyObject {
    refcnt: Cell<usize>,
    /// Owned reference to the type (a no-op count for immortal static types). Changed
    /// only by `__class__` assignment on instances of classes defined in Python.
    ob_type: Cell<NonNull<PyType>>,
}

/// An object whose payload is a `T`: CPython's `PyObject_HEAD` followed by fields
/// (`PyListObject`, ...). `&PyObj<T>` is a typed borrowed reference; it derefs to `T`.
#[repr(C)]
pub struct PyObj<T> {
    header: PyObject,
    payload: T,
}

/// A Rust type that is the payload of Python objects.
pub trait PyPayload: Sized + 'static {
    /// The built-in type whose instances carry exactly this payload.
    fn static_type() -> &'static PyType;
}

impl PyObject {
    /// The object's type.
    #[inline]
    pub fn ob_type(&self) -> &PyType {
        // SAFETY: an object holds a reference to its type (or the type is an immortal
        // static), so the type lives at least as long as the object borrowed here.
        unsafe { self.ob_type.get().as_ref() }
    }

    /// `obj.__class__ = ty` (the caller checked that both types are heap types with the
    /// same layout): the object takes a reference to its new type and releases the old.
    pub(crate) fn set_ob_type(&self, ty: &PyType) {
        ty.as_object().incref();
        let old = self.ob_type.replace(NonNull::from(ty));
        // SAFETY: the object owned a reference to its old type; it is released here.
        drop(unsafe { PyRef::from_raw(old.cast()) });
    }

    /// The reference count (`sys.getrefcount` minus the caller's own reference).
    #[inline]
    pub fn refcnt(&self) -> usize {
        self.refcnt.get()
    }

    #[inline]
    pub fn is_immortal(&self) -> bool {
        self.refcnt.get() & IMMORTAL_BIT != 0
    }

    /// `a is b`.
    #[inline]
    pub fn is(&self, other: &PyObject) -> bool {
        std::ptr::eq(self, other)
    }

    /// The address, which `id()` reports.
    #[inline]
    pub fn as_ptr(&self) -> *const PyObject {
        self
    }

    /// A new owned reference to this object (CPython's `Py_NewRef`).
    #[inline]
    pub fn new_ref(&self) -> PyRef {
        self.incref();
        PyRef {
            ptr: NonNull::from(self),
        }
    }

    /// Makes a non-container object immortal (CPython's `_Py_SetImmortal`), as interning
    /// does. Containers stay mortal: their GC prefix marks them (see `has_gc_head`).
    pub(crate) fn immortalize(&self, _ts: &ThreadState) -> bool {
        if self.ob_type().has_gc() {
            return false;
        }
        self.refcnt.set(IMMORTAL_REFCNT);
        true
    }

    #[inline]
    fn incref(&self) {
        let count = self.refcnt.get();
        if count & IMMORTAL_BIT == 0 {
            self.refcnt.set(count + 1);
        }
    }

    /// Whether the object is an instance of the type carrying payload `T` or of a subtype
    /// sharing its layout.
    #[inline]
    pub fn payload_is<T: PyPayload>(&self) -> bool {
        let ty = self.ob_type();
        std::ptr::eq(ty, T::static_type()) || ty.payload_type_id() == TypeId::of::<T>()
    }

    /// The object as a `PyObj<T>`, if its payload is a `T`.
    #[inline]
    pub fn downcast_ref<T: PyPayload>(&self) -> Option<&PyObj<T>> {
        if self.payload_is::<T>() {
            // SAFETY: objects whose type records payload `T` were allocated as `PyObj<T>`
            // (or a `#[repr(C)]` layout starting with one) by `alloc`, which checks that.
            Some(unsafe { &*(self as *const PyObject).cast::<PyObj<T>>() })
        } else {
            None
        }
    }

    /// Whether the object is the exact type `ty` (no subclass).
    #[inline]
    pub fn is_exact_type(&self, ty: &PyType) -> bool {
        std::ptr::eq(self.ob_type(), ty)
    }

    /// Whether the object carries a `GcHead` prefix: GC types' instances, except immortal
    /// statics (CPython's `tp_is_gc` for static types). GC objects are never immortalized at
    /// run time, so immortality identifies the statics.
    #[inline]
    pub(crate) fn has_gc_head(&self) -> bool {
        self.ob_type().has_gc() && !self.is_immortal()
    }

    /// The GC prefix of a GC object.
    pub(crate) fn gc_head(&self) -> Option<&GcHead> {
        if !self.has_gc_head() {
            return None;
        }
        // SAFETY: objects with a GC head were allocated by `alloc` as a `GcBox`, whose
        // `#[repr(C)]` layout puts the head exactly `GC_HEAD_SIZE` bytes before the header.
        Some(unsafe {
            &*(self as *const PyObject)
                .cast::<u8>()
                .sub(GC_HEAD_SIZE)
                .cast::<GcHead>()
        })
    }
}

impl fmt::Debug for PyObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} object at {:p}>", self.ob_type().name(), self)
    }
}

impl<T> PyObj<T> {
    #[inline]
    pub fn as_object(&self) -> &PyObject {
        &self.header
    }

    #[inline]
    pub fn payload(&self) -> &T {
        &self.payload
    }

    /// A new owned, typed reference.
    #[inline]
    pub fn new_ref(&self) -> Py<T> {
        self.header.incref();
        Py {
            ptr: NonNull::from(self),
        }
    }
}

impl<T> Deref for PyObj<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        &self.payload
    }
}

/// An owned ("strong") reference to any object: one non-null pointer. `Clone` increments
/// the count, `Drop` decrements it and deallocates at zero.
#[repr(transparent)]
pub struct PyRef {
    ptr: NonNull<PyObject>,
}

impl PyRef {
    /// A reference to an immortal static; no count is taken (immortal objects ignore it).
    pub const fn immortal<T>(object: &'static StaticObject<T>) -> PyRef {
        let ptr = std::ptr::from_ref(object).cast::<PyObject>().cast_mut();
        // SAFETY: a pointer made from a reference is never null.
        PyRef {
            ptr: unsafe { NonNull::new_unchecked(ptr) },
        }
    }

    /// Gives up ownership without decrementing; the pointer owns one reference.
    #[inline]
    pub fn into_raw(self) -> NonNull<PyObject> {
        ManuallyDrop::new(self).ptr
    }

    /// Takes ownership of one reference.
    ///
    /// # Safety
    /// `ptr` must point to a live object and own one reference to it (as from `into_raw`).
    #[inline]
    pub unsafe fn from_raw(ptr: NonNull<PyObject>) -> PyRef {
        PyRef { ptr }
    }

    /// The typed handle, if the payload is a `T`.
    pub fn downcast<T: PyPayload>(self) -> Result<Py<T>, PyRef> {
        if self.payload_is::<T>() {
            Ok(Py {
                ptr: self.into_raw().cast(),
            })
        } else {
            Err(self)
        }
    }
}

impl Deref for PyRef {
    type Target = PyObject;

    #[inline]
    fn deref(&self) -> &PyObject {
        // SAFETY: an owned reference keeps its object alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl Clone for PyRef {
    #[inline]
    fn clone(&self) -> PyRef {
        self.new_ref()
    }
}

impl Drop for PyRef {
    #[inline]
    fn drop(&mut self) {
        decref(self.ptr);
    }
}

impl fmt::Debug for PyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// An owned reference to an object whose payload is a `T`.
#[repr(transparent)]
pub struct Py<T> {
    ptr: NonNull<PyObj<T>>,
}

impl<T: PyPayload> Py<T> {
    /// Allocates an instance of `T`'s built-in type.
    pub fn new(ts: &ThreadState, payload: T) -> Py<T> {
        alloc(ts, T::static_type(), payload)
    }

    /// Allocates an instance of `ty`, which must carry payload `T` (a built-in type or a
    /// subclass of one); `None` if it does not.
    pub fn new_with_type(ts: &ThreadState, ty: &PyType, payload: T) -> Option<Py<T>> {
        if std::ptr::eq(ty, T::static_type()) {
            return Some(alloc(ts, ty, payload));
        }
        if ty.payload_type_id() != TypeId::of::<T>() {
            return None;
        }
        // `alloc` adds the `InstanceExtension` a Python subclass's instances carry.
        Some(alloc(ts, ty, payload))
    }
}

impl<T> Py<T> {
    /// The untyped handle.
    #[inline]
    pub fn into_ref(self) -> PyRef {
        PyRef {
            ptr: ManuallyDrop::new(self).ptr.cast(),
        }
    }
}

impl<T> Deref for Py<T> {
    type Target = PyObj<T>;

    #[inline]
    fn deref(&self) -> &PyObj<T> {
        // SAFETY: an owned reference keeps its object alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> Clone for Py<T> {
    #[inline]
    fn clone(&self) -> Py<T> {
        (**self).new_ref()
    }
}

impl<T> Drop for Py<T> {
    #[inline]
    fn drop(&mut self) {
        decref(self.ptr.cast());
    }
}

impl<T> From<Py<T>> for PyRef {
    fn from(value: Py<T>) -> PyRef {
        value.into_ref()
    }
}

/// An immortal object in a `static` (`None`, small ints, built-in types, ...).
#[repr(transparent)]
pub struct StaticObject<T>(PyObj<T>);

/// A payload that may live in an immortal `static`, shared by all threads.
///
/// # Safety
/// Every interior-mutable part of the payload must be either never written after the
/// static is constructed, or reachable only through `&ThreadState` (a `GilCell`, or a
/// method taking the thread state), so that only the thread holding the GIL touches it.
pub unsafe trait StaticPayload {}

// SAFETY: immortal objects' counts are never written (every write tests the immortal bit
// first) and their type pointers never change; `StaticPayload` guarantees that the rest of
// the object is immutable or only touched by the thread holding the GIL.
unsafe impl<T: StaticPayload> Sync for StaticObject<T> {}

impl<T> StaticObject<T> {
    /// An immortal object of the static type `ty`.
    pub const fn new(ty: &'static StaticObject<TypeObject>, payload: T) -> StaticObject<T> {
        let ty = std::ptr::from_ref(ty).cast::<PyType>().cast_mut();
        StaticObject(PyObj {
            header: PyObject {
                refcnt: Cell::new(IMMORTAL_REFCNT),
                // SAFETY: a pointer made from a reference is never null.
                ob_type: Cell::new(unsafe { NonNull::new_unchecked(ty) }),
            },
            payload,
        })
    }

    /// A reference to this object (no count is taken: it is immortal).
    pub const fn to_ref(&'static self) -> PyRef {
        PyRef::immortal(self)
    }

    /// A typed reference to this object (no count is taken: it is immortal).
    pub const fn to_py(&'static self) -> Py<T> {
        Py {
            ptr: NonNull::from_ref(&self.0),
        }
    }
}

impl<T> Deref for StaticObject<T> {
    type Target = PyObj<T>;

    #[inline]
    fn deref(&self) -> &PyObj<T> {
        &self.0
    }
}

/// A GC object's allocation: the collector's links, then the object.
#[repr(C)]
struct GcBox<T> {
    gc: GcHead,
    object: PyObj<T>,
}

pub(crate) const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

const _: () = {
    assert!(std::mem::size_of::<PyObject>() == 16 || std::mem::size_of::<usize>() != 8);
    assert!(std::mem::size_of::<PyRef>() == std::mem::size_of::<usize>());
    assert!(std::mem::size_of::<Option<PyRef>>() == std::mem::size_of::<usize>());
    assert!(offset_of!(GcBox<u128>, object) == GC_HEAD_SIZE);
};

/// Allocates an object of type `ty` with `payload`, header and payload in one allocation
/// (with the GC prefix for GC types, tracked from the start). Callers guarantee that `ty`
/// records payload `T`.
fn alloc<T>(ts: &ThreadState, ty: &PyType, payload: T) -> Py<T> {
    if ty.is_extended() {
        let extended = alloc_layout(
            ts,
            ty,
            crate::typeobject::Extended {
                base: payload,
                extension: crate::typeobject::InstanceExtension::new(),
            },
        );
        // `Extended<T>` is `#[repr(C)]` with the `T` first, and payloads sit at the same
        // offset whatever their type: the object is also a `PyObj<T>`. The type's
        // `dealloc` frees it as the `Extended<T>` it is.
        return Py {
            ptr: ManuallyDrop::new(extended).ptr.cast(),
        };
    }
    alloc_layout(ts, ty, payload)
}

/// `alloc` for the exact layout `T`.
fn alloc_layout<T>(ts: &ThreadState, ty: &PyType, payload: T) -> Py<T> {
    const { assert!(std::mem::align_of::<T>() <= MAX_PAYLOAD_ALIGN) };
    // The instance owns a reference to its type (a no-op for immortal static types).
    ty.as_object().incref();
    let header = PyObject {
        refcnt: Cell::new(1),
        ob_type: Cell::new(NonNull::from(ty)),
    };
    let object = PyObj { header, payload };
    if ty.has_gc() {
        let boxed = Box::into_raw(Box::new(GcBox {
            gc: GcHead::new(),
            object,
        }));
        // SAFETY: `boxed` is a fresh, valid allocation; the field projection stays inside it.
        let object = unsafe { NonNull::new_unchecked(&raw mut (*boxed).object) };
        let py = Py { ptr: object };
        // SAFETY: the head belongs to the object just allocated, which lives until
        // `free_object` untracks it.
        gc::track(ts, unsafe { &(*boxed).gc });
        py
    } else {
        Py {
            ptr: NonNull::from(Box::leak(Box::new(object))),
        }
    }
}

/// Freed blocks of one built-in type's exact instances, kept per thread for the next
/// instance (CPython's per-type free lists, `struct _Py_freelists`): a block taken from
/// here costs no allocator call. The blocks are freed with the thread.
pub struct FreeBlocks<T> {
    blocks: std::cell::RefCell<Vec<Box<std::mem::MaybeUninit<PyObj<T>>>>>,
}

/// How many freed blocks one list keeps (CPython keeps 100 floats).
const FREE_BLOCKS_MAX: usize = 100;

impl<T> FreeBlocks<T> {
    pub const fn new() -> FreeBlocks<T> {
        FreeBlocks {
            blocks: std::cell::RefCell::new(Vec::new()),
        }
    }
}

impl<T> Default for FreeBlocks<T> {
    fn default() -> Self {
        FreeBlocks::new()
    }
}

/// Allocates an exact instance of `T`'s built-in type (non-GC, an immortal static) in a
/// block of `free` if one is there.
#[inline]
pub(crate) fn alloc_reusing<T: PyPayload>(
    ts: &ThreadState,
    free: &'static std::thread::LocalKey<FreeBlocks<T>>,
    payload: T,
) -> Py<T> {
    let block = free
        .try_with(|free| free.blocks.borrow_mut().pop())
        .ok()
        .flatten();
    let Some(block) = block else {
        return alloc(ts, T::static_type(), payload);
    };
    debug_assert!(!T::static_type().has_gc() && T::static_type().as_object().is_immortal());
    let header = PyObject {
        refcnt: Cell::new(1),
        ob_type: Cell::new(NonNull::from(T::static_type())),
    };
    let object = Box::write(block, PyObj { header, payload });
    Py {
        ptr: NonNull::from(Box::leak(object)),
    }
}

/// The freeing part of `tp_dealloc` for types allocated by `alloc_reusing`: the payload
/// is dropped and the block kept in `free` (or freed when the list is full).
///
/// # Safety
/// `object` must be an exact instance of `T`'s built-in type (non-GC, immortal, so no
/// type reference to release), allocated as a `Box<PyObj<T>>`, with no references left.
pub(crate) unsafe fn free_reusing<T>(
    object: NonNull<PyObject>,
    free: &'static std::thread::LocalKey<FreeBlocks<T>>,
) {
    let object = object.cast::<PyObj<T>>();
    // SAFETY: the caller guarantees the object is a live, unreferenced `PyObj<T>`; its
    // payload is dropped once here, and the block is then only memory.
    unsafe { std::ptr::drop_in_place(object.as_ptr()) };
    // SAFETY: the block was allocated as a `Box<PyObj<T>>`, which has the layout of a
    // `Box<MaybeUninit<PyObj<T>>>`; its contents were dropped above.
    let block = unsafe { Box::from_raw(object.cast::<std::mem::MaybeUninit<PyObj<T>>>().as_ptr()) };
    let kept = free.try_with(|free| {
        let mut blocks = free.blocks.borrow_mut();
        if blocks.len() < FREE_BLOCKS_MAX {
            blocks.push(block);
            None
        } else {
            Some(block)
        }
    });
    drop(kept);
}

/// The deallocator stored in a type (`tp_dealloc`'s freeing part): drops the payload, which
/// releases what it owns, frees the allocation, then releases the type.
///
/// # Safety
/// `object` must have been allocated by `alloc::<T>` and have no references left.
pub(crate) unsafe fn free_object<T>(object: NonNull<PyObject>) {
    // SAFETY: the caller guarantees the object is alive until freed below.
    let ty_ptr = unsafe { object.as_ref() }.ob_type.get();
    // SAFETY: as above.
    let has_gc = unsafe { object.as_ref() }.has_gc_head();
    if has_gc {
        // SAFETY: a GC object's header sits `GC_HEAD_SIZE` bytes into its `GcBox<T>`,
        // allocated by `alloc::<T>` with `Box`; it is untracked before being freed.
        unsafe {
            let boxed = object
                .cast::<u8>()
                .sub(GC_HEAD_SIZE)
                .cast::<GcBox<T>>()
                .as_ptr();
            gc::untrack(&(*boxed).gc);
            drop(Box::from_raw(boxed));
        }
    } else {
        // SAFETY: non-GC objects are a `Box<PyObj<T>>` made by `alloc::<T>`.
        unsafe { drop(Box::from_raw(object.cast::<PyObj<T>>().as_ptr())) };
    }
    // SAFETY: the object owned one reference to its type, released now.
    drop(unsafe { PyRef::from_raw(ty_ptr.cast()) });
}

#[inline]
fn decref(ptr: NonNull<PyObject>) {
    // SAFETY: the caller owns a reference, so the object is alive.
    let object = unsafe { ptr.as_ref() };
    let count = object.refcnt.get();
    if count & IMMORTAL_BIT != 0 {
        return;
    }
    if count == 1 {
        object.refcnt.set(0);
        dealloc(ptr);
    } else {
        object.refcnt.set(count - 1);
    }
}

/// The last reference went: finalize and free, through the trashcan for containers.
#[cold]
fn dealloc(ptr: NonNull<PyObject>) {
    // SAFETY: the count just reached zero; the object is alive until freed.
    let ty = unsafe { ptr.as_ref() }.ob_type();
    if !ty.has_gc() && ty.weaklist_offset() == 0 && ty.slots.finalize.get().is_none() {
        // No finalizer, no weak references, no collector links: only the memory goes
        // (what the payload owns is released by its own `decref`s), so the thread
        // state is not needed here.
        let free = ty.dealloc_fn();
        // SAFETY: the object has no references left and `free` matches its layout.
        unsafe { free(ptr) };
        return;
    }
    // A handle dropped with no attached thread state (a misuse: handles must not outlive
    // `with_gil`) leaks its object rather than touch shared state without the GIL.
    let _ = with_attached(|ts| {
        // SAFETY: the count just reached zero; the object is alive until freed.
        let object = unsafe { ptr.as_ref() };
        if !object.ob_type().has_gc() {
            dealloc_now(ts, ptr);
            return;
        }
        // A dying container leaves the collector's lists first (CPython's
        // `subtype_dealloc` untracks before the trashcan): a collection started by a
        // finalizer must never see an object whose count reached zero.
        if let Some(head) = object.gc_head() {
            gc::untrack(head);
        }
        let depth = ts.trash_depth.get();
        if depth >= TRASHCAN_DEPTH {
            ts.trash_deferred.borrow_mut().push(ptr);
            return;
        }
        ts.trash_depth.set(depth + 1);
        dealloc_now(ts, ptr);
        ts.trash_depth.set(depth);
        if depth == 0 {
            drain_trash(ts);
        }
    });
}

fn drain_trash(ts: &ThreadState) {
    loop {
        let next = ts.trash_deferred.borrow_mut().pop();
        let Some(ptr) = next else { break };
        ts.trash_depth.set(1);
        dealloc_now(ts, ptr);
        ts.trash_depth.set(0);
    }
}

/// Finalizer, weak references, then freeing (CPython's `subtype_dealloc` order).
fn dealloc_now(ts: &ThreadState, ptr: NonNull<PyObject>) {
    // SAFETY: the object's count is zero and nothing has freed it yet.
    let object = unsafe { ptr.as_ref() };
    let ty = object.ob_type();
    if let Some(finalize) = ty.slots.finalize.get()
        && !object.gc_head().is_some_and(GcHead::is_finalized)
    {
        // PEP 442: the object is alive (count 1) while its finalizer runs, and once only.
        object.refcnt.set(1);
        if let Some(head) = object.gc_head() {
            head.set_finalized();
            // Tracked while Python code can see it; a resurrected object stays tracked.
            gc::track(ts, head);
        }
        finalize(ts, object);
        let count = object.refcnt.get() - 1;
        object.refcnt.set(count);
        if count != 0 {
            return; // resurrected: a new reference was stored somewhere
        }
        if let Some(head) = object.gc_head() {
            gc::untrack(head);
        }
    }
    if ty.weaklist_offset() != 0 {
        crate::weakref::clear_weakrefs(ts, object);
    }
    let free = ty.dealloc_fn();
    // SAFETY: the object has no references left (the finalizer did not resurrect it) and
    // `free` is the deallocator matching how its type allocates.
    unsafe { free(ptr) };
}

/// The address of the object whose payload is `payload` (address arithmetic only).
pub(crate) fn object_address_of<T>(payload: &T) -> *const PyObject {
    (payload as *const T)
        .cast::<u8>()
        .wrapping_sub(offset_of!(PyObj<T>, payload))
        .cast()
}

/// Converts a byte offset recorded in a type to the field of an object.
///
/// # Safety
/// `offset` must be the offset of a `F` inside every instance of `object`'s type.
pub(crate) unsafe fn field_at<F>(object: &PyObject, offset: usize) -> &F {
    // SAFETY: guaranteed by the caller; the field lives as long as the object.
    unsafe {
        &*(object as *const PyObject)
            .cast::<u8>()
            .add(offset)
            .cast::<F>()
    }
}

/// The byte offset of a payload field `field_offset` (from `offset_of!(T, field)`) from the
/// start of the object, for `TypeObject::weaklist_offset`.
pub const fn payload_field_offset<T>(field_offset: usize) -> usize {
    offset_of!(PyObj<T>, payload) + field_offset
}

/// The generic operations of `Objects/object.c`, dispatching through the type's slots.
impl PyObject {
    /// `repr(obj)` (CPython's `PyObject_Repr`): the result is checked to be a `str`.
    pub fn repr(&self, ts: &ThreadState) -> PyResult {
        let _depth = ts.enter_recursive_call(" while getting the repr of an object")?;
        let Some(repr) = self.ob_type().slots.repr.get() else {
            let text = format!("<{} object at {:p}>", self.ob_type().name(), self.as_ptr());
            return Ok(crate::str::new(ts, &text).into_ref());
        };
        let result = repr(ts, self)?;
        check_str_result(result, "__repr__")
    }

    /// `str(obj)` (CPython's `PyObject_Str`).
    pub fn str(&self, ts: &ThreadState) -> PyResult {
        if self.is_exact_type(&crate::str::STR_TYPE) {
            return Ok(self.new_ref());
        }
        let Some(str_slot) = self.ob_type().slots.str.get() else {
            return self.repr(ts);
        };
        let _depth = ts.enter_recursive_call(" while getting the str of an object")?;
        let result = str_slot(ts, self)?;
        check_str_result(result, "__str__")
    }

    /// `hash(obj)` (CPython's `PyObject_Hash`).
    pub fn hash(&self, ts: &ThreadState) -> PyResult<isize> {
        match self.ob_type().slots.hash.get() {
            Some(hash) => hash(ts, self),
            None => crate::typeobject::hash_not_implemented(ts, self),
        }
    }

    /// `a OP b` (CPython's `PyObject_RichCompare`): the reflected operation of a subclass
    /// first, then `a`'s, then `b`'s reflected one; `==`/`!=` fall back to identity.
    pub fn rich_compare(&self, ts: &ThreadState, other: &PyObject, op: CompareOp) -> PyResult {
        let _depth = ts.enter_recursive_call(" in comparison")?;
        let not_implemented = crate::singletons::not_implemented();
        let self_type = self.ob_type();
        let other_type = other.ob_type();
        let mut checked_reverse = false;
        if !std::ptr::eq(self_type, other_type)
            && other_type.is_subtype(ts, self_type)
            && let Some(compare) = other_type.slots.richcompare.get()
        {
            checked_reverse = true;
            let result = compare(ts, other, self, op.swapped())?;
            if !result.is(&not_implemented) {
                return Ok(result);
            }
        }
        if let Some(compare) = self_type.slots.richcompare.get() {
            let result = compare(ts, self, other, op)?;
            if !result.is(&not_implemented) {
                return Ok(result);
            }
        }
        if !checked_reverse && let Some(compare) = other_type.slots.richcompare.get() {
            let result = compare(ts, other, self, op.swapped())?;
            if !result.is(&not_implemented) {
                return Ok(result);
            }
        }
        match op {
            CompareOp::Eq => Ok(crate::bool::bool_ref(self.is(other))),
            CompareOp::Ne => Ok(crate::bool::bool_ref(!self.is(other))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self_type.name(),
                other_type.name()
            ))),
        }
    }

    /// `bool(a OP b)` with the identity shortcut of `PyObject_RichCompareBool`: an object
    /// is equal to itself (so `nan` is found in a list holding it).
    pub fn rich_compare_bool(
        &self,
        ts: &ThreadState,
        other: &PyObject,
        op: CompareOp,
    ) -> PyResult<bool> {
        if self.is(other) {
            match op {
                CompareOp::Eq => return Ok(true),
                CompareOp::Ne => return Ok(false),
                _ => {}
            }
        }
        let result = self.rich_compare(ts, other, op)?;
        result.is_true(ts)
    }

    /// `bool(obj)` (CPython's `PyObject_IsTrue`): `nb_bool`, else the length, else true.
    pub fn is_true(&self, ts: &ThreadState) -> PyResult<bool> {
        if let Some(value) = crate::bool::as_bool_singleton(self) {
            return Ok(value);
        }
        if self.is(crate::singletons::NONE.as_object()) {
            return Ok(false);
        }
        let ty = self.ob_type();
        if let Some(nb_bool) = ty.number.bool.get() {
            return nb_bool(ts, self);
        }
        if let Some(length) = ty.mapping.length.get().or(ty.sequence.length.get()) {
            return Ok(length(ts, self)? != 0);
        }
        Ok(true)
    }
}

fn check_str_result(result: PyRef, method: &str) -> PyResult {
    if result.payload_is::<crate::str::Str>() {
        Ok(result)
    } else {
        Err(PyErr::type_error(format!(
            "{method} returned non-string (type {})",
            result.ob_type().name()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::testing::{self, NODES_FREED, Node, Probe, RESURRECTED};

    #[test]
    fn header_is_two_words_and_handles_are_one() {
        assert_eq!(
            std::mem::size_of::<PyObject>(),
            2 * std::mem::size_of::<usize>()
        );
        assert_eq!(std::mem::size_of::<PyRef>(), std::mem::size_of::<usize>());
        assert_eq!(
            std::mem::size_of::<PyResult<PyRef>>(),
            2 * std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn clone_and_drop_count_references() {
        with_gil(|ts| {
            testing::ready(ts);
            let probe = Py::new(ts, Probe::new("counted")).into_ref();
            assert_eq!(probe.refcnt(), 1);
            let second = probe.clone();
            assert_eq!(probe.refcnt(), 2);
            let borrowed: &PyObject = &second;
            let third = borrowed.new_ref();
            assert_eq!(probe.refcnt(), 3);
            drop((second, third));
            assert_eq!(probe.refcnt(), 1);
            let typed = probe.clone().downcast::<Probe>().ok().unwrap();
            assert_eq!(typed.name, "counted");
            assert!(probe.clone().downcast::<Node>().is_err());
            assert!(probe.downcast_ref::<crate::int::Int>().is_none());
            drop((typed, probe));
            assert_eq!(testing::take_log(), ["del counted"]);
        });
    }

    #[test]
    fn finalizer_runs_exactly_when_the_last_reference_goes() {
        with_gil(|ts| {
            testing::ready(ts);
            testing::take_log();
            let outer = Py::new(ts, Probe::new("outer"));
            let inner = Py::new(ts, Probe::new("inner")).into_ref();
            *outer.child.borrow_mut() = Some(inner.clone());
            let alias = outer.clone();
            drop(outer);
            assert!(testing::take_log().is_empty());
            drop(inner);
            assert!(testing::take_log().is_empty());
            // The outer's finalizer runs first, then dropping its payload frees the inner.
            drop(alias);
            assert_eq!(testing::take_log(), ["del outer", "del inner"]);
        });
    }

    #[test]
    fn a_resurrected_object_lives_on_and_is_finalized_once() {
        with_gil(|ts| {
            testing::ready(ts);
            testing::take_log();
            let phoenix = Py::new(ts, Probe::new("phoenix")).into_ref();
            let tracked_before = gc::tracked_count(ts);
            drop(phoenix);
            assert_eq!(testing::take_log(), ["del phoenix"]);
            let revived = RESURRECTED.with(|slot| slot.borrow_mut().take()).unwrap();
            assert_eq!(revived.refcnt(), 1);
            assert!(gc::is_tracked(&revived));
            assert_eq!(gc::tracked_count(ts), tracked_before);
            // PEP 442: the second death does not run the finalizer again.
            drop(revived);
            assert!(testing::take_log().is_empty());
            assert!(RESURRECTED.with(|slot| slot.borrow().is_none()));
            assert_eq!(gc::tracked_count(ts), tracked_before - 1);
        });
    }

    #[test]
    fn dropping_a_million_long_chain_does_not_overflow_the_stack() {
        with_gil(|ts| {
            testing::ready(ts);
            let freed_before = NODES_FREED.with(|count| count.get());
            let tracked_before = gc::tracked_count(ts);
            let mut head: Option<PyRef> = None;
            for _ in 0..1_000_000 {
                head = Some(Py::new(ts, Node { next: head }).into_ref());
            }
            assert_eq!(gc::tracked_count(ts), tracked_before + 1_000_000);
            drop(head);
            let freed = NODES_FREED.with(|count| count.get()) - freed_before;
            assert_eq!(freed, 1_000_000);
            assert_eq!(gc::tracked_count(ts), tracked_before);
            assert!(ts.trash_deferred.borrow().is_empty());
        });
    }

    #[test]
    fn gc_groundwork_tracks_containers_only() {
        with_gil(|ts| {
            testing::ready(ts);
            let child = crate::int::new(ts, 1000);
            let probe = Py::new(ts, Probe::new("tracked"));
            *probe.child.borrow_mut() = Some(child.clone());
            assert!(gc::is_tracked(probe.as_object()));
            assert!(!gc::is_tracked(&child));
            let referents = gc::get_referents(ts, probe.as_object());
            assert_eq!(referents.len(), 1);
            assert!(referents[0].is(&child));
            drop(probe);
            testing::take_log();
        });
    }
}
