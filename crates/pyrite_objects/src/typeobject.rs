//! Type objects: `type` and `object`, readiness (bases, MRO), slot inheritance and heap
//! types.
//!
//! CPython counterpart: `Objects/typeobject.c` (`PyType_Type`, `PyBaseObject_Type`,
//! `PyType_Ready`, `inherit_slots`, `object_repr`, `object_richcompare`, `type_repr`,
//! `PyType_IsSubtype`). A type object is a `PyObj<TypeObject>`; built-in types are
//! immortal `static`s.
//!
//! Built-in types' slot tables are complete constants: a built-in type spells out what it
//! inherits with `..object_slots()` (or its base's template), so static tables are never
//! written and any thread may read them. Heap types get empty tables filled by
//! `inherit_slots` when they are created. The mutable parts of every type (bases, MRO,
//! readiness) are in `GilCell`s, reachable only with the thread state.

use std::any::TypeId;
use std::borrow::Cow;
use std::cell::Cell;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::err::{PyErr, PyResult};
use crate::object::{
    PyObj, PyObject, PyPayload, PyRef, StaticObject, free_object, object_address_of,
};
use crate::pystate::{GilCell, ThreadState};
use crate::singletons;
use crate::slots::{CompareOp, MappingSlots, NumberSlots, SequenceSlots, Slot, SlotTable};

/// A type object.
pub type PyType = PyObj<TypeObject>;
/// A built-in (static, immortal) type object.
pub type StaticType = StaticObject<TypeObject>;

/// `tp_flags` bits, with CPython's values (`type.__flags__` shows them).
pub mod flags {
    pub const IMMUTABLETYPE: u64 = 1 << 8;
    pub const HEAPTYPE: u64 = 1 << 9;
    pub const BASETYPE: u64 = 1 << 10;
    pub const READY: u64 = 1 << 12;
    pub const HAVE_GC: u64 = 1 << 14;
    pub const LONG_SUBCLASS: u64 = 1 << 24;
    pub const LIST_SUBCLASS: u64 = 1 << 25;
    pub const TUPLE_SUBCLASS: u64 = 1 << 26;
    pub const BYTES_SUBCLASS: u64 = 1 << 27;
    pub const UNICODE_SUBCLASS: u64 = 1 << 28;
    pub const DICT_SUBCLASS: u64 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u64 = 1 << 30;
    pub const TYPE_SUBCLASS: u64 = 1 << 31;
}

/// The payload of a type object: CPython's `PyTypeObject` fields.
pub struct TypeObject {
    /// `tp_name`. *(Planned: heap types' `__name__`/`__qualname__` in a `GilCell`.)*
    name: Cow<'static, str>,
    /// `tp_flags` as declared (`READY` is tracked in `state`).
    flags: u64,
    /// `tp_base`: the base whose instance layout this type extends.
    base: Option<PyRef>,
    state: GilCell<TypeState>,
    /// The Rust payload of instances (subclasses share their base's).
    payload_type: TypeId,
    /// Frees an instance (the layout-specific part of `tp_dealloc`).
    dealloc: unsafe fn(NonNull<PyObject>),
    /// `tp_weaklistoffset`: offset of a `WeakrefList` in instances, 0 if none.
    weaklist_offset: usize,
    /// `tp_dictoffset`: offset of the instance dict (a `RefCell<Option<PyRef>>`), 0 if none.
    dict_offset: usize,
    /// `tp_basicsize`.
    basicsize: usize,
    /// Whether instances are allocated as `Extended<T>`: a Python class over a built-in
    /// type other than `object` adds a dict, weak references and `__slots__` storage after
    /// the built-in's fields (CPython's growing `tp_basicsize`).
    extended: bool,
    /// Frees an `Extended<T>` instance of a Python subclass of this built-in type.
    extended_dealloc: unsafe fn(NonNull<PyObject>),
    /// The offset of the `InstanceExtension` in an `Extended<T>` instance.
    extension_offset: usize,
    /// The offset of the `__slots__` values (`RefCell<Vec<Option<PyRef>>>`), 0 if none.
    slots_offset: usize,
    pub slots: SlotTable,
    pub number: NumberSlots,
    pub sequence: SequenceSlots,
    pub mapping: MappingSlots,
    /// The weak references to this type (CPython's `tp_weaklist` of type objects).
    weaklist: crate::weakref::WeakrefList,
}

/// What `PyType::ready` computes and Python code may change.
/// Bumped by every change to a type's namespace or MRO and by freeing a type: the type
/// attribute cache's entries are valid only for the epoch they were made in (CPython's
/// type version tags, reduced to one global tag).
static TYPE_CACHE_EPOCH: AtomicU64 = AtomicU64::new(1);

const TYPE_CACHE_BITS: u32 = 12;
const TYPE_CACHE_SIZE: usize = 1 << TYPE_CACHE_BITS;

/// One `(type, interned name) -> value` result of `lookup` (CPython's method cache
/// entry); `value` is borrowed from the type's namespace.
#[derive(Clone, Copy)]
struct TypeCacheEntry {
    epoch: u64,
    ty: usize,
    name: usize,
    value: Option<NonNull<PyObject>>,
}

/// One place's cache of a type attribute lookup (see `PyType::lookup_at_site`): the
/// answers for the last two types seen there, newest first (a place that sees instances
/// of two classes, a method called on a base and a subclass, keeps hitting).
pub struct TypeLookupSite([Cell<TypeCacheEntry>; 2]);

impl TypeLookupSite {
    pub const fn new() -> TypeLookupSite {
        TypeLookupSite(
            [const {
                Cell::new(TypeCacheEntry {
                    epoch: 0,
                    ty: 0,
                    name: 0,
                    value: None,
                })
            }; 2],
        )
    }
}

impl Default for TypeLookupSite {
    fn default() -> Self {
        TypeLookupSite::new()
    }
}

thread_local! {
    static TYPE_CACHE: [Cell<TypeCacheEntry>; TYPE_CACHE_SIZE] = const {
        [const {
            Cell::new(TypeCacheEntry {
                epoch: 0,
                ty: 0,
                name: 0,
                value: None,
            })
        }; TYPE_CACHE_SIZE]
    };
}

/// Invalidates every type attribute cache entry (CPython's `PyType_Modified`).
#[inline]
pub(crate) fn invalidate_type_cache() {
    TYPE_CACHE_EPOCH.fetch_add(1, Ordering::Relaxed);
}

struct TypeState {
    ready: bool,
    /// `__bases__` and `__mro__` (tuples).
    bases: Option<PyRef>,
    mro: Option<PyRef>,
    /// `tp_dict`: the type's namespace (a `dict`), made on first use.
    dict: Option<PyRef>,
    /// `tp_subclasses`: the classes that name this one as a direct base, in creation
    /// order. Not counted (CPython holds weak references): a subclass removes itself
    /// when it is cleared by the collector or freed (`unlink_from_bases`).
    subclasses: Vec<NonNull<PyObject>>,
    /// How many `__slots__` values instances carry (this class's and its bases').
    slot_count: usize,
    /// `ht_qualname`: a heap type's `__qualname__` (a str), kept out of its namespace.
    qualname: Option<PyRef>,
}

impl Drop for TypeState {
    fn drop(&mut self) {
        // The freed type's address may be reused by a new type.
        invalidate_type_cache();
    }
}

impl Drop for TypeObject {
    fn drop(&mut self) {
        let bases = self.state.get_mut().bases.take();
        let own = object_address_of(self);
        crate::pystate::with_gil(|ts| unlink_from_bases(ts, own, bases.as_deref()));
    }
}

/// Removes the type at `own` from the subclass lists of its bases (and of `object`, which
/// lists the classes declared without bases): it is going away.
fn unlink_from_bases(ts: &ThreadState, own: *const PyObject, bases: Option<&PyObject>) {
    let remove = |ty: &PyType| {
        ty.state
            .borrow_mut(ts)
            .subclasses
            .retain(|entry| entry.as_ptr().cast_const() != own);
    };
    remove(&OBJECT_TYPE);
    for base in bases.map(crate::tuple::items).unwrap_or_default() {
        if let Some(base) = as_type(base) {
            remove(base);
        }
    }
}

impl TypeObject {
    /// A built-in type whose instances carry payload `T`.
    pub const fn builtin<T: PyPayload>(
        name: &'static str,
        type_flags: u64,
        base: Option<&'static StaticType>,
    ) -> TypeObject {
        TypeObject {
            name: Cow::Borrowed(name),
            flags: type_flags | flags::IMMUTABLETYPE,
            base: match base {
                Some(base) => Some(PyRef::immortal(base)),
                None => None,
            },
            state: GilCell::new(TypeState {
                ready: false,
                bases: None,
                mro: None,
                dict: None,
                subclasses: Vec::new(),
                slot_count: 0,
                qualname: None,
            }),
            payload_type: TypeId::of::<T>(),
            dealloc: free_object::<T>,
            weaklist_offset: 0,
            dict_offset: 0,
            basicsize: std::mem::size_of::<PyObj<T>>(),
            extended: false,
            extended_dealloc: free_object::<Extended<T>>,
            extension_offset: crate::object::payload_field_offset::<Extended<T>>(
                std::mem::offset_of!(Extended<T>, extension),
            ),
            slots_offset: 0,
            slots: object_slots(),
            number: NumberSlots::EMPTY,
            sequence: SequenceSlots::EMPTY,
            mapping: MappingSlots::EMPTY,
            weaklist: crate::weakref::WeakrefList::new(),
        }
    }

    /// The `tp_*` slots, complete (write `..object_slots()` or a base's template for what
    /// is inherited).
    pub const fn with_slots(mut self, slots: SlotTable) -> TypeObject {
        self.slots = slots;
        self
    }

    pub const fn with_number(mut self, number: NumberSlots) -> TypeObject {
        self.number = number;
        self
    }

    pub const fn with_sequence(mut self, sequence: SequenceSlots) -> TypeObject {
        self.sequence = sequence;
        self
    }

    pub const fn with_mapping(mut self, mapping: MappingSlots) -> TypeObject {
        self.mapping = mapping;
        self
    }

    /// Replaces the freeing part of `tp_dealloc` for exact instances (a type that keeps
    /// freed blocks for reuse, as `float` does). Subclasses keep their own.
    pub const fn with_dealloc(mut self, dealloc: unsafe fn(NonNull<PyObject>)) -> TypeObject {
        self.dealloc = dealloc;
        self
    }

    /// Declares that instances hold a `WeakrefList` at `offset` (see
    /// `object::payload_field_offset`).
    pub const fn with_weaklist_offset(mut self, offset: usize) -> TypeObject {
        self.weaklist_offset = offset;
        self
    }

    /// Declares a built-in type over another built-in's payload whose instances also carry
    /// an `InstanceExtension` without a `__dict__`: its `__slots__` values hold the fields
    /// the type adds (`collections.defaultdict`'s `default_factory`, value 0).
    pub const fn with_instance_extension(mut self) -> TypeObject {
        self.extended = true;
        self.dealloc = self.extended_dealloc;
        self.slots_offset =
            self.extension_offset + std::mem::offset_of!(InstanceExtension, slot_values);
        self.basicsize += std::mem::size_of::<InstanceExtension>();
        self
    }

    /// Declares that instances hold their `__dict__` (a `RefCell<Option<PyRef>>`) at
    /// `offset` (see `object::payload_field_offset`).
    pub const fn with_dict_offset(mut self, offset: usize) -> TypeObject {
        self.dict_offset = offset;
        self
    }

    #[inline]
    pub fn dict_offset(&self) -> usize {
        self.dict_offset
    }

    /// `tp_dict`: the type's own namespace, made on first use.
    pub fn dict(&self, ts: &ThreadState) -> PyRef {
        if let Some(dict) = self.state.borrow(ts).dict.as_ref() {
            return dict.clone();
        }
        let dict = crate::dict::new(ts);
        dict.watch();
        let dict = dict.into_ref();
        self.state.borrow_mut(ts).dict = Some(dict.clone());
        dict
    }

    /// `tp_name` (`__name__` for built-in types in `builtins`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `__flags__`.
    pub fn flags(&self, ts: &ThreadState) -> u64 {
        let ready = if self.state.borrow(ts).ready {
            flags::READY
        } else {
            0
        };
        self.flags | ready
    }

    #[inline]
    pub fn has_flag(&self, flag: u64) -> bool {
        self.flags & flag != 0
    }

    #[inline]
    pub fn has_gc(&self) -> bool {
        self.has_flag(flags::HAVE_GC)
    }

    pub fn is_heap_type(&self) -> bool {
        self.has_flag(flags::HEAPTYPE)
    }

    #[inline]
    pub fn payload_type_id(&self) -> TypeId {
        self.payload_type
    }

    #[inline]
    pub fn weaklist_offset(&self) -> usize {
        self.weaklist_offset
    }

    pub fn basicsize(&self) -> usize {
        self.basicsize
    }

    /// Whether instances are allocated with an `InstanceExtension` (see `extended`).
    #[inline]
    pub(crate) fn is_extended(&self) -> bool {
        self.extended
    }

    /// The `__slots__` values of `object`, an instance of this type, if it has storage
    /// for them.
    pub fn instance_slot_values<'a>(
        &self,
        object: &'a PyObject,
    ) -> Option<&'a std::cell::RefCell<Vec<Option<PyRef>>>> {
        if self.slots_offset == 0 {
            return None;
        }
        // SAFETY: `slots_offset` is the offset of the slot values in every instance of
        // this type (the `Instance` layout, or an `Extended<T>` one).
        Some(unsafe { crate::object::field_at(object, self.slots_offset) })
    }

    pub(crate) fn dealloc_fn(&self) -> unsafe fn(NonNull<PyObject>) {
        self.dealloc
    }

    /// `tp_base`.
    pub fn base(&self) -> Option<&PyObject> {
        self.base.as_deref()
    }

    /// `__bases__` (a tuple), once ready.
    pub fn bases(&self, ts: &ThreadState) -> Option<PyRef> {
        self.state.borrow(ts).bases.clone()
    }

    /// `__subclasses__()`: the live direct subclasses, oldest first.
    pub fn subclasses(&self, ts: &ThreadState) -> Vec<PyRef> {
        self.state
            .borrow(ts)
            .subclasses
            .iter()
            .filter_map(|&entry| {
                // SAFETY: a subclass removes itself from this list before it is freed
                // (`unlink_from_bases`), so the entries point to allocated types.
                let entry = unsafe { entry.as_ref() };
                // A count of zero means its deallocation has begun: not to be revived.
                (entry.refcnt() > 0).then(|| entry.new_ref())
            })
            .collect()
    }

    /// How many `__slots__` values instances carry.
    pub fn slot_count(&self, ts: &ThreadState) -> usize {
        self.state.borrow(ts).slot_count
    }

    pub fn set_slot_count(&self, ts: &ThreadState, count: usize) {
        self.state.borrow_mut(ts).slot_count = count;
    }

    /// `__name__` (CPython's `_PyType_Name`): a built-in type's `tp_name` after its module
    /// prefix (`itertools.count` is `count`); a heap type's name as given.
    pub fn short_name(&self) -> &str {
        let name = self.name();
        if self.is_heap_type() {
            return name;
        }
        name.rsplit('.').next().unwrap_or(name)
    }

    /// `__qualname__`: a heap type's own (set by its class statement), else its name.
    pub fn qualname(&self, ts: &ThreadState) -> PyRef {
        if let Some(qualname) = &self.state.borrow(ts).qualname {
            return qualname.clone();
        }
        crate::str::new(ts, self.short_name()).into_ref()
    }

    /// Sets a heap type's `__qualname__` (the caller checked it is a str).
    pub fn set_qualname(&self, ts: &ThreadState, qualname: PyRef) {
        let old = self.state.borrow_mut(ts).qualname.replace(qualname);
        drop(old);
    }

    /// Records `subclass` as a direct subclass.
    pub fn add_subclass(&self, ts: &ThreadState, subclass: &PyObject) {
        self.state
            .borrow_mut(ts)
            .subclasses
            .push(NonNull::from(subclass));
    }

    /// `__mro__` (a tuple), once ready.
    pub fn mro(&self, ts: &ThreadState) -> Option<PyRef> {
        self.state.borrow(ts).mro.clone()
    }

    /// Fills a heap type's empty slots from `base` (CPython's `inherit_slots`). `hash` and
    /// `richcompare` are inherited together, and only if neither is defined.
    fn inherit_slots(&self, ts: &ThreadState, base: &TypeObject) {
        if !self.is_heap_type() {
            return; // static tables are complete constants
        }
        self.copy_empty_slots(ts, base);
    }

    /// The work of `inherit_slots`, also for types made at run time that are not heap
    /// types (`new_runtime_builtin_type`): their tables start empty, not constant.
    fn copy_empty_slots(&self, ts: &ThreadState, base: &TypeObject) {
        if self.slots.hash.get().is_none() && self.slots.richcompare.get().is_none() {
            self.slots.hash.set(ts, base.slots.hash.get());
            self.slots.richcompare.set(ts, base.slots.richcompare.get());
        } else if self.slots.hash.get().is_none() {
            // Defining comparison without hashing makes instances unhashable.
            self.slots.hash.set(ts, Some(hash_not_implemented));
        }
        self.slots.inherit(ts, &base.slots);
        self.number.inherit(ts, &base.number);
        self.sequence.inherit(ts, &base.sequence);
        self.mapping.inherit(ts, &base.mapping);
    }
}

// SAFETY: name, flags, base and layout are immutable; the slot tables are written only
// with the thread state, and only in types allocated at run time (heap types and
// `new_runtime_builtin_type`'s), so the `static` built-in types' tables stay the constants
// they were built as; the rest is in a `GilCell`.
unsafe impl crate::object::StaticPayload for TypeObject {}

impl PyPayload for TypeObject {
    fn static_type() -> &'static PyType {
        &TYPE_TYPE
    }
}

impl PyType {
    /// `issubclass(self, other)` by the MRO (CPython's `PyType_IsSubtype`), or by the base
    /// chain before the type is ready.
    pub fn is_subtype(&self, ts: &ThreadState, other: &PyType) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let mro = self.state.borrow(ts).mro.clone();
        if let Some(mro) = mro.as_ref() {
            return crate::tuple::items(mro)
                .iter()
                .any(|entry| entry.as_ptr() == other.as_object().as_ptr());
        }
        let mut current = self.base();
        while let Some(ty) = current {
            if ty.as_ptr() == other.as_object().as_ptr() {
                return true;
            }
            current = as_type(ty).and_then(|ty| ty.base());
        }
        false
    }

    /// Readies the type (CPython's `PyType_Ready`): `__bases__`, `__mro__`, inherited slots.
    pub fn ready(&self, ts: &ThreadState) -> PyResult<()> {
        if self.state.borrow(ts).ready {
            return Ok(());
        }
        let existing_bases = self.state.borrow(ts).bases.clone();
        let bases = match existing_bases {
            Some(bases) => bases,
            None => {
                let bases = match self.base() {
                    Some(base) => vec![base.new_ref()],
                    None => Vec::new(),
                };
                let bases = crate::tuple::new(ts, bases).into_ref();
                self.state.borrow_mut(ts).bases = Some(bases.clone());
                bases
            }
        };
        let mro = crate::mro::compute_mro(ts, self, crate::tuple::items(&bases))?;
        for ancestor in &mro[1..] {
            if let Some(ancestor) = as_type(ancestor) {
                self.inherit_slots(ts, ancestor);
            }
        }
        let mro = crate::tuple::new(ts, mro).into_ref();
        {
            let mut state = self.state.borrow_mut(ts);
            state.mro = Some(mro);
            state.ready = true;
        }
        if !self.is_heap_type() {
            crate::slotdefs::add_operators(ts, self);
        }
        invalidate_type_cache();
        Ok(())
    }
}

impl PyType {
    /// Finds `name` along the MRO, in each class's own dict (CPython's `_PyType_Lookup`),
    /// through the type attribute cache for interned names.
    #[inline]
    pub fn lookup(&self, ts: &ThreadState, name: &PyObject) -> PyResult<Option<PyRef>> {
        if !(name.is_exact_type(&crate::str::STR_TYPE) && name.is_immortal()) {
            return self.lookup_uncached(ts, name);
        }
        let epoch = TYPE_CACHE_EPOCH.load(Ordering::Relaxed);
        let ty_address = std::ptr::from_ref(self) as usize;
        let name_address = std::ptr::from_ref(name) as usize;
        // A multiplicative hash of both addresses picks a pair of slots (two ways, so
        // that two hot pairs whose addresses collide do not evict each other).
        let mixed = (ty_address ^ name_address.rotate_left(29))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize);
        let slot = (mixed >> (usize::BITS - TYPE_CACHE_BITS)) & !1;
        let (first, second) = TYPE_CACHE.with(|cache| (cache[slot].get(), cache[slot + 1].get()));
        for entry in [first, second] {
            if entry.epoch == epoch && entry.ty == ty_address && entry.name == name_address {
                // SAFETY: the epoch is unchanged since the entry was made, so no type's
                // namespace changed and no type was freed: the dict entry that held
                // `value` then still holds it.
                return Ok(entry.value.map(|value| unsafe { value.as_ref() }.new_ref()));
            }
        }
        let found = self.lookup_uncached(ts, name)?;
        // `name` is immortal, so its address names it for good; `self` is kept valid by
        // the epoch (freeing a type bumps it).
        let value = found.as_deref().map(NonNull::from);
        TYPE_CACHE.with(|cache| {
            // The newest entry takes the first way, the one it displaces the second.
            if first.epoch == epoch {
                cache[slot + 1].set(first);
            }
            cache[slot].set(TypeCacheEntry {
                epoch,
                ty: ty_address,
                name: name_address,
                value,
            });
        });
        Ok(found)
    }

    /// `lookup` through a cache entry of one place in the bytecode (an inline cache of
    /// CPython's specialized `LOAD_ATTR`): the answer for the type seen last there is
    /// reused while no type changed (the same epoch as the type attribute cache).
    #[inline]
    pub fn lookup_at_site(
        &self,
        ts: &ThreadState,
        name: &PyObject,
        site: &TypeLookupSite,
    ) -> PyResult<Option<PyRef>> {
        let epoch = TYPE_CACHE_EPOCH.load(Ordering::Relaxed);
        let ty_address = std::ptr::from_ref(self) as usize;
        let name_address = name as *const _ as usize;
        let [newest, older] = &site.0;
        let first = newest.get();
        for entry in [first, older.get()] {
            if entry.epoch == epoch && entry.ty == ty_address && entry.name == name_address {
                // SAFETY: as in `lookup`: with the epoch unchanged no namespace changed and
                // no type was freed, so the namespace entry that held `value` still holds it.
                return Ok(entry.value.map(|value| unsafe { value.as_ref() }.new_ref()));
            }
        }
        let found = self.lookup(ts, name)?;
        // Only immortal (interned) names are recorded: their address names them for good.
        if name.is_exact_type(&crate::str::STR_TYPE) && name.is_immortal() {
            if first.epoch == epoch {
                older.set(first);
            }
            newest.set(TypeCacheEntry {
                epoch,
                ty: ty_address,
                name: name_address,
                value: found.as_deref().map(NonNull::from),
            });
        }
        Ok(found)
    }

    fn lookup_uncached(&self, ts: &ThreadState, name: &PyObject) -> PyResult<Option<PyRef>> {
        let mro = self.mro(ts);
        let own = [self.as_object().new_ref()];
        let classes = match mro.as_ref() {
            Some(mro) => crate::tuple::items(mro),
            None => &own[..],
        };
        for class in classes {
            let Some(class) = as_type(class) else {
                continue;
            };
            let dict = class.dict(ts);
            if let Some(dict) = dict.downcast_ref::<crate::dict::Dict>()
                && let Some(found) = dict.get_item(ts, name)?
            {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    /// Like `lookup` with a Rust name.
    pub fn lookup_str(&self, ts: &ThreadState, name: &str) -> PyResult<Option<PyRef>> {
        let name = crate::str::intern(ts, name);
        self.lookup(ts, &name)
    }

    /// The instance dict cell of `object`, if its type has one.
    pub fn instance_dict_cell<'a>(
        &self,
        object: &'a PyObject,
    ) -> Option<&'a std::cell::RefCell<Option<PyRef>>> {
        if self.dict_offset == 0 {
            return None;
        }
        // SAFETY: `dict_offset` is the offset of a `RefCell<Option<PyRef>>` in every
        // instance of this type (declared with `with_dict_offset`, inherited by subclasses
        // that share the layout).
        Some(unsafe { crate::object::field_at(object, self.dict_offset) })
    }
}

/// The payload of instances of classes defined in Python whose layout is `object`'s: an
/// instance dict and a weak-reference list.
pub struct Instance {
    pub dict: std::cell::RefCell<Option<PyRef>>,
    pub weaklist: crate::weakref::WeakrefList,
    /// The values of the `__slots__` of the class and its bases, by slot index (CPython
    /// keeps them inline after the header; `member_descriptor`s index them).
    pub slot_values: std::cell::RefCell<Vec<Option<PyRef>>>,
}

impl PyPayload for Instance {
    fn static_type() -> &'static PyType {
        &INSTANCE_LAYOUT_TYPE
    }
}

/// What a Python class over a built-in type adds to the built-in's instances: CPython's
/// `__dict__`, `__weakref__` and `__slots__` members after the base's fields.
pub struct InstanceExtension {
    pub dict: std::cell::RefCell<Option<PyRef>>,
    pub weaklist: crate::weakref::WeakrefList,
    pub slot_values: std::cell::RefCell<Vec<Option<PyRef>>>,
}

impl InstanceExtension {
    pub(crate) const fn new() -> InstanceExtension {
        InstanceExtension {
            dict: std::cell::RefCell::new(None),
            weaklist: crate::weakref::WeakrefList::new(),
            slot_values: std::cell::RefCell::new(Vec::new()),
        }
    }
}

/// The instances of a Python class over a built-in type with payload `T`: `T` first, so
/// that they are also `PyObj<T>`s.
#[repr(C)]
pub struct Extended<T> {
    pub base: T,
    pub extension: InstanceExtension,
}

/// Where a new class's instances keep what it adds (see `new_heap_type_with_meta`).
struct InstanceLayout {
    payload_type: TypeId,
    dealloc: unsafe fn(NonNull<PyObject>),
    dict_offset: usize,
    weaklist_offset: usize,
    slots_offset: usize,
    basicsize: usize,
    extended: bool,
}

/// Never instantiated: marks the `Instance` layout, so that a plain `object()` (payload
/// `BaseObject`) is never taken for one.
static INSTANCE_LAYOUT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Instance>("object", 0, Some(&OBJECT_TYPE)),
);

/// The object as a type object, if it is one.
pub fn as_type(object: &PyObject) -> Option<&PyType> {
    object.downcast_ref::<TypeObject>()
}

/// Creates a class with `bases` the way `type(name, bases, {})` would, for the parts that
/// exist so far: the MRO (C3, with CPython's errors), the layout and slots of the first
/// base. Heap types are GC objects; their `__mro__` contains themselves, a cycle that the
/// cycle collector will reclaim.
pub fn new_heap_type(ts: &ThreadState, name: &str, bases: &[PyRef]) -> PyResult<PyRef> {
    new_heap_type_with_meta(ts, &TYPE_TYPE, name, bases, false, false)
}

/// `new_heap_type` with the class's metatype (`type` or a subclass), whether instances
/// go without a `__dict__` (`__slots__` without `"__dict__"`), and whether the class adds
/// no weak references of its own (`__slots__` without `"__weakref__"`: only the base's).
pub fn new_heap_type_with_meta(
    ts: &ThreadState,
    metatype: &PyType,
    name: &str,
    bases: &[PyRef],
    no_dict: bool,
    no_weakref: bool,
) -> PyResult<PyRef> {
    let type_flags = flags::HEAPTYPE | flags::BASETYPE | flags::HAVE_GC;
    new_type_object(ts, metatype, name, bases, no_dict, no_weakref, type_flags)
}

/// A type made at run time that behaves as a built-in (static) one: not a heap type, so
/// `__name__`/`__module__` come from its dotted `name`, and not subclassable
/// (CPython's `PyStructSequence_NewType`).
pub fn new_runtime_builtin_type(ts: &ThreadState, name: &str, base: &PyType) -> PyResult<PyRef> {
    let bases = [base.as_object().new_ref()];
    let ty = new_type_object(ts, &TYPE_TYPE, name, &bases, true, true, flags::HAVE_GC)?;
    if let Some(made) = as_type(&ty) {
        made.copy_empty_slots(ts, base);
    }
    Ok(ty)
}

fn new_type_object(
    ts: &ThreadState,
    metatype: &PyType,
    name: &str,
    bases: &[PyRef],
    no_dict: bool,
    no_weakref: bool,
    type_flags: u64,
) -> PyResult<PyRef> {
    let mut base_types = Vec::with_capacity(bases.len());
    for base in bases {
        let Some(ty) = as_type(base) else {
            return Err(PyErr::type_error("bases must be types"));
        };
        if !ty.has_flag(flags::BASETYPE) {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                ty.name()
            )));
        }
        base_types.push(ty);
    }
    let base = best_base(ts, &base_types)?;
    // Instances of Python classes over `object` get a dict and weak references.
    // Classes over `object` (or over other such classes) share the `Instance` layout.
    let plain_object = base.payload_type == TypeId::of::<BaseObject>()
        || base.payload_type == TypeId::of::<Instance>();
    // Subclasses of the variable-size `int`, `tuple` and `bytes` get no weak references
    // in CPython (`tp_itemsize != 0`).
    let variable_size = [
        TypeId::of::<crate::int::Int>(),
        TypeId::of::<crate::tuple::Tuple>(),
        TypeId::of::<crate::bytes::Bytes>(),
    ]
    .contains(&base.payload_type);
    let layout = if plain_object {
        InstanceLayout {
            payload_type: TypeId::of::<Instance>(),
            dealloc: free_object::<Instance> as unsafe fn(NonNull<PyObject>),
            dict_offset: crate::object::payload_field_offset::<Instance>(std::mem::offset_of!(
                Instance, dict
            )),
            weaklist_offset: crate::object::payload_field_offset::<Instance>(std::mem::offset_of!(
                Instance, weaklist
            )),
            slots_offset: crate::object::payload_field_offset::<Instance>(std::mem::offset_of!(
                Instance,
                slot_values
            )),
            basicsize: std::mem::size_of::<PyObj<Instance>>(),
            extended: false,
        }
    } else if base.extended {
        let extension = base.extension_offset;
        InstanceLayout {
            payload_type: base.payload_type,
            dealloc: base.dealloc,
            dict_offset: if base.dict_offset != 0 {
                base.dict_offset
            } else {
                extension + std::mem::offset_of!(InstanceExtension, dict)
            },
            weaklist_offset: if base.weaklist_offset != 0 || variable_size {
                base.weaklist_offset
            } else {
                extension + std::mem::offset_of!(InstanceExtension, weaklist)
            },
            slots_offset: base.slots_offset,
            basicsize: base.basicsize,
            extended: true,
        }
    } else {
        // A built-in base: its fields, then an `InstanceExtension`.
        let extension = base.extension_offset;
        InstanceLayout {
            payload_type: base.payload_type,
            dealloc: base.extended_dealloc,
            dict_offset: if base.dict_offset != 0 {
                base.dict_offset
            } else {
                extension + std::mem::offset_of!(InstanceExtension, dict)
            },
            weaklist_offset: if base.weaklist_offset != 0 || variable_size {
                base.weaklist_offset
            } else {
                extension + std::mem::offset_of!(InstanceExtension, weaklist)
            },
            slots_offset: extension + std::mem::offset_of!(InstanceExtension, slot_values),
            basicsize: base.basicsize + std::mem::size_of::<InstanceExtension>(),
            extended: true,
        }
    };
    let bases = if bases.is_empty() {
        vec![OBJECT_TYPE.to_ref()]
    } else {
        bases.to_vec()
    };
    let mut payload = TypeObject {
        name: Cow::Owned(name.to_owned()),
        flags: type_flags,
        base: Some(base.as_object().new_ref()),
        state: GilCell::new(TypeState {
            ready: false,
            bases: None,
            mro: None,
            dict: None,
            subclasses: Vec::new(),
            slot_count: 0,
            qualname: None,
        }),
        payload_type: layout.payload_type,
        dealloc: layout.dealloc,
        weaklist_offset: layout.weaklist_offset,
        dict_offset: layout.dict_offset,
        basicsize: layout.basicsize,
        extended: layout.extended,
        extended_dealloc: base.extended_dealloc,
        extension_offset: base.extension_offset,
        slots_offset: layout.slots_offset,
        slots: SlotTable::EMPTY,
        number: NumberSlots::EMPTY,
        sequence: SequenceSlots::EMPTY,
        mapping: MappingSlots::EMPTY,
        weaklist: crate::weakref::WeakrefList::new(),
    };
    if no_dict {
        payload.dict_offset = 0;
    }
    if no_weakref {
        payload.weaklist_offset = base.weaklist_offset;
    }
    payload.state.get_mut().bases = Some(crate::tuple::new(ts, bases).into_ref());
    let ty = crate::object::Py::new_with_type(ts, metatype, payload)
        .ok_or_else(|| PyErr::type_error("metatype is not a type"))?;
    ty.ready(ts)?;
    // `__new__` comes from `__base__` (the layout's owner), not the first base in the MRO.
    if base.slots.new.get().is_some() {
        ty.slots.new.set(ts, base.slots.new.get());
    }
    if base_types.is_empty() {
        OBJECT_TYPE.add_subclass(ts, ty.as_object());
    }
    for base in base_types {
        base.add_subclass(ts, ty.as_object());
    }
    if type_flags & flags::HEAPTYPE != 0 {
        ty.slots.traverse.set(ts, Some(subtype_traverse));
        ty.slots.clear.set(ts, Some(subtype_clear));
    }
    Ok(ty.into_ref())
}

/// The base whose instance layout every other base's layout is a prefix of: the class's
/// `__base__` (CPython's `best_base`, by the nearest built-in type of each base).
fn best_base<'a>(ts: &ThreadState, bases: &[&'a PyType]) -> PyResult<&'a PyType> {
    let mut best: Option<(&PyType, &'a PyType)> = None;
    for &base in bases {
        let solid = solid_base(base);
        best = match best {
            None => Some((solid, base)),
            Some((winner, _)) if winner.is_subtype(ts, solid) => best,
            Some(_) if solid.is_subtype(ts, best.map_or(solid, |(winner, _)| winner)) => {
                Some((solid, base))
            }
            Some(_) => {
                return Err(PyErr::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
        };
    }
    Ok(best.map_or(&*OBJECT_TYPE, |(_, base)| base))
}

/// The nearest built-in (static) type in `ty`'s base chain: whose payload and slots the
/// instances carry.
fn static_base(ty: &PyType) -> &PyType {
    let mut current = ty;
    while current.is_heap_type() {
        match current.base().and_then(as_type) {
            Some(base) => current = base,
            None => break,
        }
    }
    current
}

/// The type whose instance layout `ty`'s instances have (CPython's `solid_base`): the
/// nearest built-in type, then up while the base has the same layout (`LookupError` and
/// `SystemError` share `BaseException`'s).
fn solid_base(ty: &PyType) -> &PyType {
    let mut current = static_base(ty);
    while let Some(base) = current.base().and_then(as_type) {
        let same_layout = base.payload_type == current.payload_type
            && base.basicsize == current.basicsize
            && base.dict_offset == current.dict_offset
            && base.extended == current.extended
            && !std::ptr::eq(base, &*OBJECT_TYPE);
        if !same_layout {
            break;
        }
        current = base;
    }
    current
}

/// The instance dict a heap type added to its built-in base's layout, if any (a dict the
/// built-in payload holds itself is the built-in's `traverse`'s business).
fn added_instance_dict<'a>(
    ty: &PyType,
    object: &'a PyObject,
) -> Option<&'a std::cell::RefCell<Option<PyRef>>> {
    if static_base(ty).dict_offset != 0 {
        return None;
    }
    ty.instance_dict_cell(object)
}

/// `traverse` of instances of classes defined in Python (CPython's `subtype_traverse`):
/// the class (each instance owns a reference to it), the instance dict, then what the
/// built-in base's payload holds.
fn subtype_traverse(ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    let ty = object.ob_type();
    visit(ty.as_object());
    if let Some(cell) = added_instance_dict(ty, object)
        && let Ok(dict) = cell.try_borrow()
        && let Some(dict) = dict.as_ref()
    {
        visit(dict);
    }
    if let Some(values) = ty.instance_slot_values(object)
        && let Ok(values) = values.try_borrow()
    {
        for value in values.iter().flatten() {
            visit(value);
        }
    }
    if let Some(traverse) = static_base(ty).slots.traverse.get() {
        traverse(ts, object, visit);
    }
}

/// `clear` of instances of classes defined in Python (CPython's `subtype_clear`): drops
/// the instance dict, then the built-in base's own references.
fn subtype_clear(ts: &ThreadState, object: &PyObject) {
    let ty = object.ob_type();
    if let Some(cell) = added_instance_dict(ty, object) {
        let dict = cell.borrow_mut().take();
        drop(dict);
    }
    if let Some(values) = ty.instance_slot_values(object) {
        let values = std::mem::take(&mut *values.borrow_mut());
        drop(values);
    }
    if let Some(clear) = static_base(ty).slots.clear.get() {
        clear(ts, object);
    }
}

/// Readies every built-in static type, bases first (once per process).
pub(crate) fn ready_builtin_types(ts: &ThreadState) {
    // `ExceptionGroup(BaseExceptionGroup, Exception)`: the one built-in with two bases.
    let group = &crate::exceptions::EXCEPTION_GROUP_TYPE;
    if group.state.borrow(ts).bases.is_none() {
        let bases = crate::tuple::new(
            ts,
            vec![
                crate::exceptions::BASE_EXCEPTION_GROUP_TYPE.to_ref(),
                crate::exceptions::EXCEPTION_TYPE.to_ref(),
            ],
        )
        .into_ref();
        group.state.borrow_mut(ts).bases = Some(bases);
    }
    for ty in crate::builtin_types()
        .into_iter()
        .chain(crate::exceptions::exception_types())
        .chain(crate::extra_builtin_types())
    {
        // Built-in types have single bases declared in order; readying cannot fail.
        if let Err(err) = ty.ready(ts) {
            ts.write_unraisable(err, "readying a built-in type");
        }
    }
    crate::methods::install(ts);
    install(ts);
}

/// `object`'s `tp_*` slots: the template every built-in table completes.
pub const fn object_slots() -> SlotTable {
    SlotTable {
        repr: Slot::new(object_repr),
        str: Slot::new(object_str),
        hash: Slot::new(object_hash),
        richcompare: Slot::new(object_richcompare),
        ..SlotTable::EMPTY
    }
}

/// `tp_hash` of unhashable types (CPython's `PyObject_HashNotImplemented`).
pub fn hash_not_implemented(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    Err(PyErr::type_error(format!(
        "unhashable type: '{}'",
        object.ob_type().name()
    )))
}

/// `object.__repr__`: `<NAME object at 0xADDR>`.
fn object_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let text = format!(
        "<{} object at {:p}>",
        display_name(ts, object.ob_type()),
        object.as_ptr()
    );
    Ok(crate::str::new(ts, &text).into_ref())
}

/// `object.__str__`: the type's `repr`.
fn object_str(ts: &ThreadState, object: &PyObject) -> PyResult {
    object.repr(ts)
}

/// `object.__hash__`: by identity (CPython's `_Py_HashPointer`).
fn object_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    Ok(crate::pyhash::hash_pointer(object.as_ptr()))
}

/// `object.__eq__`/`__ne__`: identity; `!=` inverts the type's own `==`.
fn object_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            singletons::true_ref()
        } else {
            singletons::not_implemented()
        }),
        CompareOp::Ne => {
            let Some(compare) = a.ob_type().slots.richcompare.get() else {
                return Ok(singletons::not_implemented());
            };
            let equal = compare(ts, a, b, CompareOp::Eq)?;
            if equal.is(&singletons::not_implemented()) {
                return Ok(equal);
            }
            Ok(singletons::bool_ref(!equal.is_true(ts)?))
        }
        _ => Ok(singletons::not_implemented()),
    }
}

/// `type.__repr__`: `<class 'NAME'>` (heap types will show their module).
/// The name `repr` shows for a type: `module.qualname` for classes defined in Python
/// (outside `builtins`), `tp_name` for built-in types.
pub fn display_name(ts: &ThreadState, ty: &PyType) -> String {
    if !ty.is_heap_type() {
        return ty.name().to_owned();
    }
    let dict = ty.dict(ts);
    let dict = dict.downcast_ref::<crate::dict::Dict>();
    let get = |key: &str| -> Option<String> {
        let key = crate::str::intern(ts, key);
        let value = dict?.get_item(ts, &key).ok()??;
        crate::str::as_str_payload(&value).map(|s| s.to_string_lossy())
    };
    let qualname = crate::str::to_rust_string(&ty.qualname(ts));
    match get("__module__") {
        Some(module) if module != "builtins" => format!("{module}.{qualname}"),
        _ => qualname,
    }
}

fn type_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let name = match as_type(object) {
        Some(ty) => display_name(ts, ty),
        None => "?".to_owned(),
    };
    Ok(crate::str::new(ts, &format!("<class '{name}'>")).into_ref())
}

fn type_traverse(ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(ty) = as_type(object) {
        if let Some(base) = ty.base() {
            visit(base);
        }
        let state = ty.state.borrow(ts);
        for referent in [&state.bases, &state.mro, &state.dict]
            .into_iter()
            .flatten()
        {
            visit(referent);
        }
    }
}

fn type_clear(ts: &ThreadState, object: &PyObject) {
    if let Some(ty) = as_type(object) {
        let bases = ty.state.borrow(ts).bases.clone();
        unlink_from_bases(ts, object, bases.as_deref());
        let (mro, bases, dict) = {
            let mut state = ty.state.borrow_mut(ts);
            (state.mro.take(), state.bases.take(), state.dict.take())
        };
        drop((mro, bases, dict));
    }
}

/// The payload of plain `object()` instances.
pub struct BaseObject;

// SAFETY: no data.
unsafe impl crate::object::StaticPayload for BaseObject {}

impl PyPayload for BaseObject {
    fn static_type() -> &'static PyType {
        &OBJECT_TYPE
    }
}

pub static OBJECT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<BaseObject>("object", flags::BASETYPE, None).with_slots(SlotTable {
        new: Slot::new(crate::typecall::object_new),
        init: Slot::new(crate::typecall::object_init),
        ..object_slots()
    }),
);

/// Fills `object`'s and `type`'s dicts with what `type.__new__` and friends need.
pub(crate) fn install(ts: &ThreadState) {
    use crate::descr::{ClassMethod, add_methods, new_builtin_function};
    let set = |ty: &PyType, name: &'static str, value: PyRef| {
        if let Some(dict) = ty.dict(ts).downcast_ref::<crate::dict::Dict>() {
            let _ = dict.set_item(ts, crate::str::intern(ts, name), value);
        }
    };
    let init_subclass = new_builtin_function(
        ts,
        "__init_subclass__",
        crate::typecall::object_init_subclass,
        crate::singletons::none(),
    );
    let init_subclass = crate::object::Py::new(
        ts,
        ClassMethod {
            callable: init_subclass,
        },
    )
    .into_ref();
    set(&OBJECT_TYPE, "__init_subclass__", init_subclass);
    add_methods(
        ts,
        &TYPE_TYPE,
        &[("__subclasses__", type_subclasses_method)],
    );
}

fn type_subclasses_method(
    ts: &ThreadState,
    this: &PyObject,
    _args: &[PyRef],
    _kwnames: Option<&PyObject>,
) -> PyResult {
    let subclasses = as_type(this)
        .map(|ty| ty.subclasses(ts))
        .unwrap_or_default();
    Ok(crate::list::new(ts, subclasses).into_ref())
}

/// `type.__getattribute__` (`tp_getattro` of `type`).
fn type_getattro(ts: &ThreadState, object: &PyObject, name: &PyObject) -> PyResult {
    match as_type(object) {
        Some(ty) => crate::attrs::type_getattr(ts, ty, name),
        None => crate::attrs::generic_getattr(ts, object, name),
    }
}

/// `type.__setattr__`/`__delattr__` (`tp_setattro` of `type`).
fn type_setattro(
    ts: &ThreadState,
    object: &PyObject,
    name: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    match as_type(object) {
        Some(ty) => crate::attrs::type_setattr(ts, ty, name, value),
        None => crate::attrs::generic_setattr(ts, object, name, value),
    }
}

pub static TYPE_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<TypeObject>(
        "type",
        flags::BASETYPE | flags::HAVE_GC | flags::TYPE_SUBCLASS,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(type_repr),
        getattro: Slot::new(type_getattro),
        setattro: Slot::new(type_setattro),
        call: Slot::new(crate::typecall::type_call),
        new: Slot::new(crate::typecall::type_new),
        init: Slot::new(crate::typecall::type_init),
        traverse: Slot::new(type_traverse),
        clear: Slot::new(type_clear),
        ..object_slots()
    })
    .with_number(NumberSlots {
        or: Slot::new(crate::unionobject::union_or),
        ..NumberSlots::EMPTY
    })
    .with_weaklist_offset(crate::object::payload_field_offset::<TypeObject>(
        std::mem::offset_of!(TypeObject, weaklist),
    )),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;

    #[test]
    fn type_of_type_is_type_and_object_is_the_root() {
        with_gil(|ts| {
            assert!(
                TYPE_TYPE
                    .as_object()
                    .ob_type()
                    .as_object()
                    .is(TYPE_TYPE.as_object())
            );
            assert!(OBJECT_TYPE.base().is_none());
            assert!(TYPE_TYPE.is_subtype(ts, &OBJECT_TYPE));
            assert!(!OBJECT_TYPE.is_subtype(ts, &TYPE_TYPE));
            // CPython 3.14: object.__flags__ == 5378, type.__flags__ == 2155896066 (the
            // bits Pyrite models so far).
            assert_eq!(OBJECT_TYPE.flags(ts) & 0x1700, 5378 & 0x1700);
            assert_eq!(
                crate::str::repr_string(ts, TYPE_TYPE.as_object()),
                "<class 'type'>"
            );
            assert_eq!(
                crate::str::repr_string(ts, OBJECT_TYPE.as_object()),
                "<class 'object'>"
            );
            let mro = TYPE_TYPE.mro(ts).unwrap();
            assert_eq!(
                crate::str::repr_string(ts, &mro),
                "(<class 'type'>, <class 'object'>)"
            );
            // Static types are immortal and not tracked by the collector.
            assert!(TYPE_TYPE.as_object().is_immortal());
            assert!(!crate::gc::is_tracked(TYPE_TYPE.as_object()));
        });
    }

    #[test]
    fn object_instances_hash_by_identity_and_compare_by_identity() {
        with_gil(|ts| {
            let a = crate::object::Py::new(ts, BaseObject).into_ref();
            let b = crate::object::Py::new(ts, BaseObject).into_ref();
            assert_eq!(a.hash(ts).unwrap(), a.hash(ts).unwrap());
            assert!(a.rich_compare_bool(ts, &a, CompareOp::Eq).unwrap());
            assert!(!a.rich_compare_bool(ts, &b, CompareOp::Eq).unwrap());
            assert!(a.rich_compare_bool(ts, &b, CompareOp::Ne).unwrap());
            let err = a.rich_compare(ts, &b, CompareOp::Lt).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: '<' not supported between instances of 'object' and 'object'"
            );
            let repr = crate::str::repr_string(ts, &a);
            assert!(repr.starts_with("<object object at 0x"), "{repr}");
        });
    }
}
