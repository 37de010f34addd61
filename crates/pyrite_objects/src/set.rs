//! `set` and `frozenset`: CPython's open-addressing hash table, so that iteration order
//! (and thus `repr`) follows the hashes exactly as CPython's does.
//!
//! CPython counterpart: `Objects/setobject.c`. The table is a power-of-two array of slots
//! (empty, dummy, or active with the element's hash); a lookup probes `LINEAR_PROBES`
//! neighbours before jumping by CPython's perturbation recurrence; `fill` counts active
//! and dummy slots, `used` active ones; the table grows when `fill*5 >= mask*3`. The
//! set algebra (`set_merge`, `set_intersection`, `set_difference`, ...) inserts in the
//! same order as CPython's so that results iterate alike.
//!
//! Element comparison can run Python code (`__eq__`) that mutates the set. As in CPython,
//! the candidate is held by its own reference while compared, no borrow is kept across
//! the call, and the lookup restarts if the table changed meanwhile.

use std::cell::{Cell, RefCell};

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, NumberSlots, SequenceSlots, Slot, SlotTable};
use crate::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

enum Entry {
    Empty,
    Dummy,
    Active { hash: isize, key: PyRef },
}

impl Entry {
    /// The hash field as CPython keeps it (0 for empty slots, -1 for dummies).
    fn hash_field(&self) -> isize {
        match self {
            Entry::Empty => 0,
            Entry::Dummy => -1,
            Entry::Active { hash, .. } => *hash,
        }
    }
}

struct Table {
    entries: Vec<Entry>,
    fill: usize,
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
    /// Bumped by every change, to detect mutation during a comparison.
    version: u64,
}

impl Table {
    fn new() -> Table {
        Table::with_size(MIN_SIZE)
    }

    fn with_size(size: usize) -> Table {
        Table {
            entries: std::iter::repeat_with(|| Entry::Empty).take(size).collect(),
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }

    fn mask(&self) -> usize {
        self.entries.len() - 1
    }

    /// CPython's probe order: a run of up to `LINEAR_PROBES + 1` slots, then a jump.
    fn probe(&self, hash: isize) -> impl Iterator<Item = usize> + use<> {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut start = hash as usize & mask;
        let mut offset = 0;
        std::iter::from_fn(move || {
            let run = if start + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            if offset > run {
                perturb >>= PERTURB_SHIFT;
                start = (start.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
                offset = 0;
            }
            let slot = start + offset;
            offset += 1;
            Some(slot)
        })
    }

    /// Puts a key known to be absent into a table without dummies (`set_insert_clean`).
    fn insert_clean(&mut self, hash: isize, key: PyRef) {
        let slot = self
            .probe(hash)
            .find(|&slot| matches!(self.entries[slot], Entry::Empty))
            .unwrap_or(0);
        self.entries[slot] = Entry::Active { hash, key };
    }

    /// Rebuilds the table with the smallest size above `min_used` (`set_table_resize`).
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::take(&mut self.entries);
        self.entries = std::iter::repeat_with(|| Entry::Empty).take(size).collect();
        self.fill = self.used;
        for entry in old {
            if let Entry::Active { hash, key } = entry {
                self.insert_clean(hash, key);
            }
        }
        self.version += 1;
    }

    fn grow_if_needed(&mut self) {
        if self.fill * 5 >= self.mask() * 3 {
            let used = self.used;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    fn active(&self) -> impl Iterator<Item = (isize, &PyRef)> {
        self.entries.iter().filter_map(|entry| match entry {
            Entry::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }
}

/// Where a lookup ended.
enum Found {
    /// The element is in this slot.
    At(usize),
    /// Absent: the empty slot that ended the search, and the last dummy passed on the way.
    Missing { empty: usize, dummy: Option<usize> },
}

/// The payload of `set` and `frozenset` objects.
pub struct Set {
    table: RefCell<Table>,
    /// A frozenset's cached hash.
    hash: Cell<Option<isize>>,
    weaklist: crate::weakref::WeakrefList,
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

fn element_hash(ts: &ThreadState, element: &PyObject) -> PyResult<isize> {
    element
        .hash(ts)
        .map_err(|err| element_hash_error(err, element))
}

impl Set {
    fn empty() -> Set {
        Set {
            table: RefCell::new(Table::new()),
            hash: Cell::new(None),
            weaklist: crate::weakref::WeakrefList::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Finds `key` (CPython's `set_lookkey` and the probing of `set_add_entry`).
    fn find(&self, ts: &ThreadState, key: &PyObject, hash: isize) -> PyResult<Found> {
        'restart: loop {
            let (version, mut probe) = {
                let table = self.table.borrow();
                (table.version, table.probe(hash))
            };
            let mut dummy = None;
            loop {
                // Slots are scanned under one borrow until the search ends or a key with
                // an equal hash needs `__eq__`, which may run Python code.
                let (slot, candidate) = {
                    let table = self.table.borrow();
                    if table.version != version {
                        continue 'restart;
                    }
                    loop {
                        let Some(slot) = probe.next() else {
                            unreachable!("the probe sequence is endless");
                        };
                        match &table.entries[slot] {
                            Entry::Empty => return Ok(Found::Missing { empty: slot, dummy }),
                            Entry::Dummy => dummy = Some(slot),
                            Entry::Active {
                                hash: entry_hash,
                                key: candidate,
                            } if *entry_hash == hash => {
                                if candidate.is(key) {
                                    return Ok(Found::At(slot));
                                }
                                break (slot, candidate.clone());
                            }
                            Entry::Active { .. } => {}
                        }
                    }
                };
                let equal = candidate.rich_compare_bool(ts, key, CompareOp::Eq)?;
                let table = self.table.borrow();
                let unchanged = table.version == version
                    && matches!(&table.entries[slot], Entry::Active { key, .. } if key.is(&candidate));
                if !unchanged {
                    continue 'restart;
                }
                if equal {
                    return Ok(Found::At(slot));
                }
            }
        }
    }

    /// Adds `key` with its known hash (CPython's `set_add_entry`).
    fn add_entry(&self, ts: &ThreadState, key: PyRef, hash: isize) -> PyResult<()> {
        let found = self.find(ts, &key, hash)?;
        let mut table = self.table.borrow_mut();
        match found {
            Found::At(_) => {}
            Found::Missing {
                dummy: Some(slot), ..
            } => {
                table.entries[slot] = Entry::Active { hash, key };
                table.used += 1;
                table.version += 1;
            }
            Found::Missing { empty, dummy: None } => {
                table.entries[empty] = Entry::Active { hash, key };
                table.fill += 1;
                table.used += 1;
                table.version += 1;
                table.grow_if_needed();
            }
        }
        Ok(())
    }

    pub fn add(&self, ts: &ThreadState, element: PyRef) -> PyResult<()> {
        let hash = element_hash(ts, &element)?;
        self.add_entry(ts, element, hash)
    }

    fn contains_entry(&self, ts: &ThreadState, key: &PyObject, hash: isize) -> PyResult<bool> {
        Ok(matches!(self.find(ts, key, hash)?, Found::At(_)))
    }

    pub fn contains(&self, ts: &ThreadState, element: &PyObject) -> PyResult<bool> {
        let hash = element_hash(ts, element)?;
        self.contains_entry(ts, element, hash)
    }

    /// Removes the element; whether it was there (CPython's `set_discard_entry`).
    fn discard_entry(&self, ts: &ThreadState, key: &PyObject, hash: isize) -> PyResult<bool> {
        let Found::At(slot) = self.find(ts, key, hash)? else {
            return Ok(false);
        };
        let old = {
            let mut table = self.table.borrow_mut();
            table.used -= 1;
            table.version += 1;
            std::mem::replace(&mut table.entries[slot], Entry::Dummy)
        };
        drop(old);
        Ok(true)
    }

    /// Removes `element`; whether it was there.
    pub fn discard(&self, ts: &ThreadState, element: &PyObject) -> PyResult<bool> {
        let hash = element_hash(ts, element)?;
        self.discard_entry(ts, element, hash)
    }

    /// The elements with their hashes, in iteration order.
    fn entries(&self) -> Vec<(isize, PyRef)> {
        self.table
            .borrow()
            .active()
            .map(|(hash, key)| (hash, key.clone()))
            .collect()
    }

    /// The elements, in iteration order.
    pub fn to_vec(&self) -> Vec<PyRef> {
        self.table
            .borrow()
            .active()
            .map(|(_, key)| key.clone())
            .collect()
    }

    pub fn clear(&self) {
        let old = std::mem::replace(&mut *self.table.borrow_mut(), Table::new());
        self.table.borrow_mut().version = old.version + 1;
        drop(old);
    }

    /// Adds the elements of another set (CPython's `set_merge`).
    fn merge(&self, ts: &ThreadState, other: &Set) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let other_used = other.len();
        {
            let mut table = self.table.borrow_mut();
            if (table.fill + other_used) * 5 >= table.mask() * 3 {
                let wanted = (table.used + other_used) * 2;
                table.resize(wanted);
            }
        }
        let other_table = other.table.borrow();
        let same_shape = {
            let table = self.table.borrow();
            table.fill == 0
                && table.mask() == other_table.mask()
                && other_table.fill == other_table.used
        };
        if same_shape {
            let mut table = self.table.borrow_mut();
            for (slot, entry) in other_table.entries.iter().enumerate() {
                if let Entry::Active { hash, key } = entry {
                    table.entries[slot] = Entry::Active {
                        hash: *hash,
                        key: key.clone(),
                    };
                }
            }
            table.fill = other_table.used;
            table.used = other_table.used;
            table.version += 1;
            return Ok(());
        }
        if self.table.borrow().fill == 0 {
            let mut table = self.table.borrow_mut();
            for (hash, key) in other_table.active() {
                table.insert_clean(hash, key.clone());
            }
            table.fill = other_table.used;
            table.used = other_table.used;
            table.version += 1;
            return Ok(());
        }
        let entries: Vec<(isize, PyRef)> = other_table
            .active()
            .map(|(hash, key)| (hash, key.clone()))
            .collect();
        drop(other_table);
        for (hash, key) in entries {
            self.add_entry(ts, key, hash)?;
        }
        Ok(())
    }

    /// Adds the elements of any iterable (CPython's `set_update_internal`).
    pub fn update(&self, ts: &ThreadState, iterable: &PyObject) -> PyResult<()> {
        if let Some(other) = as_set(iterable) {
            return self.merge(ts, other);
        }
        if iterable.is_exact_type(&crate::dict::DICT_TYPE)
            && let Some(dict) = iterable.downcast_ref::<crate::dict::Dict>()
        {
            let size = dict.len();
            {
                let mut table = self.table.borrow_mut();
                if (table.fill + size) * 5 >= table.mask() * 3 {
                    let wanted = (table.used + size) * 2;
                    table.resize(wanted);
                }
            }
            for (key, _) in dict.items() {
                self.add(ts, key)?;
            }
            return Ok(());
        }
        let iterator = crate::iterobject::get_iter(ts, iterable)?;
        while let Some(item) = crate::iterobject::next(ts, &iterator)? {
            self.add(ts, item)?;
        }
        Ok(())
    }

    /// Exchanges the contents of two sets (CPython's `set_swap_bodies`).
    fn swap_bodies(&self, other: &Set) {
        std::mem::swap(
            &mut *self.table.borrow_mut(),
            &mut *other.table.borrow_mut(),
        );
        self.table.borrow_mut().version += 1;
        self.hash.set(None);
        other.hash.set(None);
    }
}

/// A new empty set (or frozenset, by `ty`).
fn new_empty(ts: &ThreadState, ty: &PyType) -> PyResult<PyRef> {
    match Py::new_with_type(ts, ty, Set::empty()) {
        Some(set) => Ok(set.into_ref()),
        None => Err(PyErr::type_error("bad set subtype")),
    }
}

/// A new set (or frozenset, by `ty`) of `elements`, added in order.
pub fn new_of_type(ts: &ThreadState, ty: &PyType, elements: Vec<PyRef>) -> PyResult {
    let result = new_empty(ts, ty)?;
    let set = set_of(&result)?;
    for element in elements {
        set.add(ts, element)?;
    }
    Ok(result)
}

/// A new set of `ty` filled from `iterable` (CPython's `make_new_set`).
fn from_iterable(ts: &ThreadState, ty: &PyType, iterable: Option<&PyObject>) -> PyResult {
    let result = new_empty(ts, ty)?;
    if let Some(iterable) = iterable {
        set_of(&result)?.update(ts, iterable)?;
    }
    Ok(result)
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

/// `set` or `frozenset`: the built-in type results of operations have.
fn base_type(object: &PyObject) -> &'static PyType {
    if is_frozen(object) {
        &FROZENSET_TYPE
    } else {
        &SET_TYPE
    }
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
    let text = if object.is_exact_type(&SET_TYPE) {
        body
    } else {
        format!("{name}({body})")
    };
    Ok(crate::str::new(ts, &text).into_ref())
}

fn set_len(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(set_of(object)?.len())
}

/// Runs `operation` on `key`, retrying with `frozenset(key)` when `key` is an unhashable
/// set (`{1} in {frozenset({1})}` is true, as in CPython).
fn with_key<T>(
    ts: &ThreadState,
    key: &PyObject,
    operation: impl Fn(&PyObject) -> PyResult<T>,
) -> PyResult<T> {
    match operation(key) {
        Err(err) if err.is(ExceptionKind::TypeError) && key.is_exact_type(&SET_TYPE) => {
            let frozen = from_iterable(ts, &FROZENSET_TYPE, Some(key))?;
            operation(&frozen)
        }
        other => other,
    }
}

fn set_contains(ts: &ThreadState, object: &PyObject, element: &PyObject) -> PyResult<bool> {
    let set = set_of(object)?;
    with_key(ts, element, |key| set.contains(ts, key))
}

fn set_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(set) = as_set(object) {
        for (_, key) in set.table.borrow().active() {
            visit(key);
        }
    }
}

fn set_clear_slot(_ts: &ThreadState, object: &PyObject) {
    if let Some(set) = as_set(object) {
        set.clear();
    }
}

fn is_subset(ts: &ThreadState, a: &Set, b: &Set) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (hash, element) in a.entries() {
        if !b.contains_entry(ts, &element, hash)? {
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

fn shuffle_bits(hash: usize) -> usize {
    ((hash ^ 89_869_747) ^ (hash << 16)).wrapping_mul(3_644_798_167)
}

/// CPython's `frozenset_hash`: every slot's hash field shuffled and xored, the effect of
/// empty and dummy slots removed, then dispersed.
fn frozenset_hash(_ts: &ThreadState, object: &PyObject) -> PyResult<isize> {
    let set = set_of(object)?;
    if let Some(hash) = set.hash.get() {
        return Ok(hash);
    }
    let table = set.table.borrow();
    let mut hash: usize = 0;
    for entry in &table.entries {
        hash ^= shuffle_bits(entry.hash_field() as usize);
    }
    if (table.mask() + 1 - table.fill) & 1 == 1 {
        hash ^= shuffle_bits(0);
    }
    if (table.fill - table.used) & 1 == 1 {
        hash ^= shuffle_bits(usize::MAX);
    }
    hash ^= (table.used + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    let hash = if hash as isize == -1 {
        590_923_713
    } else {
        hash as isize
    };
    set.hash.set(Some(hash));
    Ok(hash)
}

/// `a.copy()` as the base type (`make_new_set_basetype`).
fn copy_of(ts: &ThreadState, object: &PyObject) -> PyResult {
    from_iterable(ts, base_type(object), Some(object))
}

fn union_into(ts: &ThreadState, a: &PyObject, others: &[&PyObject]) -> PyResult {
    let result = copy_of(ts, a)?;
    for other in others {
        if other.is(a) {
            continue;
        }
        set_of(&result)?.update(ts, other)?;
    }
    Ok(result)
}

/// CPython's `set_intersection`.
fn intersection(ts: &ThreadState, a: &PyObject, other: &PyObject) -> PyResult {
    if a.is(other) {
        return copy_of(ts, a);
    }
    let result = new_empty(ts, base_type(a))?;
    let out = set_of(&result)?;
    let mut larger = set_of(a)?;
    if let Some(mut smaller) = as_set(other) {
        if smaller.len() > larger.len() {
            std::mem::swap(&mut smaller, &mut larger);
        }
        for (hash, key) in smaller.entries() {
            if larger.contains_entry(ts, &key, hash)? {
                out.add_entry(ts, key, hash)?;
            }
        }
        return Ok(result);
    }
    let iterator = crate::iterobject::get_iter(ts, other)?;
    while let Some(key) = crate::iterobject::next(ts, &iterator)? {
        let hash = element_hash(ts, &key)?;
        if larger.contains_entry(ts, &key, hash)? {
            out.add_entry(ts, key, hash)?;
            if out.len() >= larger.len() {
                break;
            }
        }
    }
    Ok(result)
}

fn intersection_multi(ts: &ThreadState, a: &PyObject, others: &[PyRef]) -> PyResult {
    if others.is_empty() {
        return copy_of(ts, a);
    }
    let mut result = a.new_ref();
    for other in others {
        result = intersection(ts, &result, other)?;
    }
    Ok(result)
}

/// CPython's `set_difference_update_internal`.
fn difference_update(ts: &ThreadState, target: &PyObject, other: &PyObject) -> PyResult<()> {
    let set = set_of(target)?;
    if target.is(other) {
        set.clear();
        return Ok(());
    }
    if let Some(other_set) = as_set(other) {
        let source = if (other_set.len() >> 3) > set.len() {
            intersection(ts, target, other)?
        } else {
            other.new_ref()
        };
        for (hash, key) in set_of(&source)?.entries() {
            set.discard_entry(ts, &key, hash)?;
        }
    } else {
        let iterator = crate::iterobject::get_iter(ts, other)?;
        while let Some(key) = crate::iterobject::next(ts, &iterator)? {
            with_key(ts, &key, |key| set.discard(ts, key))?;
        }
    }
    let mut table = set.table.borrow_mut();
    if table.fill - table.used > table.mask() / 4 {
        let used = table.used;
        table.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// CPython's `set_difference`.
fn difference(ts: &ThreadState, a: &PyObject, other: &PyObject) -> PyResult {
    let set = set_of(a)?;
    let dict = other
        .is_exact_type(&crate::dict::DICT_TYPE)
        .then(|| other.downcast_ref::<crate::dict::Dict>())
        .flatten();
    let other_size = match (as_set(other), dict) {
        (Some(other_set), _) => Some(other_set.len()),
        (None, Some(dict)) => Some(dict.len()),
        _ => None,
    };
    let copy_then_remove = || -> PyResult {
        let result = copy_of(ts, a)?;
        difference_update(ts, &result, other)?;
        Ok(result)
    };
    let Some(other_size) = other_size else {
        return copy_then_remove();
    };
    if (set.len() >> 2) > other_size {
        return copy_then_remove();
    }
    let result = new_empty(ts, base_type(a))?;
    let out = set_of(&result)?;
    for (hash, key) in set.entries() {
        let present = match (as_set(other), dict) {
            (Some(other_set), _) => other_set.contains_entry(ts, &key, hash)?,
            (None, Some(dict)) => dict.get_item(ts, &key)?.is_some(),
            _ => false,
        };
        if !present {
            out.add_entry(ts, key, hash)?;
        }
    }
    Ok(result)
}

/// CPython's `set_symmetric_difference_update`.
fn symmetric_difference_update(
    ts: &ThreadState,
    target: &PyObject,
    other: &PyObject,
) -> PyResult<()> {
    let set = set_of(target)?;
    if target.is(other) {
        set.clear();
        return Ok(());
    }
    let entries = if other.is_exact_type(&crate::dict::DICT_TYPE)
        && let Some(dict) = other.downcast_ref::<crate::dict::Dict>()
    {
        let mut entries = Vec::new();
        for (key, _) in dict.items() {
            entries.push((element_hash(ts, &key)?, key));
        }
        entries
    } else if let Some(other_set) = as_set(other) {
        other_set.entries()
    } else {
        let other_set = from_iterable(ts, base_type(target), Some(other))?;
        set_of(&other_set)?.entries()
    };
    for (hash, key) in entries {
        if !set.discard_entry(ts, &key, hash)? {
            set.add_entry(ts, key, hash)?;
        }
    }
    Ok(())
}

fn symmetric_difference(ts: &ThreadState, a: &PyObject, other: &PyObject) -> PyResult {
    let result = from_iterable(ts, base_type(a), Some(other))?;
    symmetric_difference_update(ts, &result, a)?;
    Ok(result)
}

fn set_or(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(a).is_none() || as_set(b).is_none() {
        return Ok(not_implemented());
    }
    union_into(ts, a, &[b])
}

fn set_and(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(a).is_none() || as_set(b).is_none() {
        return Ok(not_implemented());
    }
    intersection(ts, a, b)
}

fn set_sub(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(a).is_none() || as_set(b).is_none() {
        return Ok(not_implemented());
    }
    difference(ts, a, b)
}

fn set_xor(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(a).is_none() || as_set(b).is_none() {
        return Ok(not_implemented());
    }
    symmetric_difference(ts, a, b)
}

fn set_ior(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(b).is_none() || is_frozen(a) {
        return Ok(not_implemented());
    }
    set_of(a)?.update(ts, b)?;
    Ok(a.new_ref())
}

fn set_iand(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(b).is_none() || is_frozen(a) {
        return Ok(not_implemented());
    }
    let result = intersection(ts, a, b)?;
    set_of(a)?.swap_bodies(set_of(&result)?);
    Ok(a.new_ref())
}

fn set_isub(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(b).is_none() || is_frozen(a) {
        return Ok(not_implemented());
    }
    difference_update(ts, a, b)?;
    Ok(a.new_ref())
}

fn set_ixor(ts: &ThreadState, a: &PyObject, b: &PyObject) -> PyResult {
    if as_set(b).is_none() || is_frozen(a) {
        return Ok(not_implemented());
    }
    symmetric_difference_update(ts, a, b)?;
    Ok(a.new_ref())
}

fn set_new(ts: &ThreadState, ty: &PyType, args: &[PyRef], kwnames: Option<&PyObject>) -> PyResult {
    if !is_frozen_type(ty) {
        // `set.__init__` fills the set; only the exact `set` refuses keywords here.
        if std::ptr::eq(ty, &*SET_TYPE) {
            let (_, keywords) = crate::methods::split_args(args, kwnames);
            if !keywords.is_empty() {
                return Err(PyErr::type_error("set() takes no keyword arguments"));
            }
        }
        return new_empty(ts, ty);
    }
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if !keywords.is_empty() && std::ptr::eq(ty, &*FROZENSET_TYPE) {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            ty.name()
        )));
    }
    if positional.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{} expected at most 1 argument, got {}",
            ty.name(),
            positional.len()
        )));
    }
    let iterable = positional.first();
    // `frozenset(f)` is `f` itself.
    if std::ptr::eq(ty, &*FROZENSET_TYPE)
        && let Some(iterable) = iterable
        && iterable.is_exact_type(&FROZENSET_TYPE)
    {
        return Ok(iterable.clone());
    }
    from_iterable(ts, ty, iterable.map(|i| &**i))
}

fn is_frozen_type(ty: &PyType) -> bool {
    let mut current = Some(ty);
    while let Some(ty) = current {
        if std::ptr::eq(ty, &*FROZENSET_TYPE) {
            return true;
        }
        current = ty.base().and_then(crate::typeobject::as_type);
    }
    false
}

/// `set.__init__(iterable=(), /)`: replaces the elements.
fn set_init(
    ts: &ThreadState,
    object: &PyObject,
    args: &[PyRef],
    kwnames: Option<&PyObject>,
) -> PyResult<()> {
    let (positional, keywords) = crate::methods::split_args(args, kwnames);
    if !keywords.is_empty() {
        return Err(PyErr::type_error("set() takes no keyword arguments"));
    }
    if positional.len() > 1 {
        return Err(PyErr::type_error(format!(
            "set expected at most 1 argument, got {}",
            positional.len()
        )));
    }
    let set = set_of(object)?;
    if !set.is_empty() {
        set.clear();
    }
    if let Some(iterable) = positional.first() {
        set.update(ts, iterable)?;
    }
    Ok(())
}

fn method_init(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    set_init(ts, this, args, k)?;
    Ok(crate::singletons::none())
}

const fn set_number_slots() -> NumberSlots {
    NumberSlots {
        or: Slot::new(set_or),
        and: Slot::new(set_and),
        subtract: Slot::new(set_sub),
        xor: Slot::new(set_xor),
        inplace_or: Slot::new(set_ior),
        inplace_and: Slot::new(set_iand),
        inplace_subtract: Slot::new(set_isub),
        inplace_xor: Slot::new(set_ixor),
        ..NumberSlots::EMPTY
    }
}

const fn frozenset_number_slots() -> NumberSlots {
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
            repr: Slot::new(set_repr),
            hash: Slot::new(crate::typeobject::hash_not_implemented),
            richcompare: Slot::new(set_richcompare),
            iter: Slot::new(set_iter),
            traverse: Slot::new(set_traverse),
            clear: Slot::new(set_clear_slot),
            new: Slot::new(set_new),
            init: Slot::new(set_init),
            ..crate::typeobject::object_slots()
        })
        .with_number(set_number_slots())
        .with_sequence(set_sequence_slots())
        .with_weaklist_offset(SET_WEAKLIST_OFFSET),
);

pub static FROZENSET_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Set>(
        "frozenset",
        flags::BASETYPE | flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        repr: Slot::new(set_repr),
        hash: Slot::new(frozenset_hash),
        richcompare: Slot::new(set_richcompare),
        iter: Slot::new(set_iter),
        traverse: Slot::new(set_traverse),
        clear: Slot::new(set_clear_slot),
        new: Slot::new(set_new),
        ..crate::typeobject::object_slots()
    })
    .with_number(frozenset_number_slots())
    .with_sequence(set_sequence_slots())
    .with_weaklist_offset(SET_WEAKLIST_OFFSET),
);

const SET_WEAKLIST_OFFSET: usize =
    crate::object::payload_field_offset::<Set>(std::mem::offset_of!(Set, weaklist));

// ----- set_iterator -----

/// The iterator of a set: a position in the table, and the size it started with.
pub struct SetIterator {
    set: RefCell<Option<PyRef>>,
    used: Cell<usize>,
    position: Cell<usize>,
}

impl PyPayload for SetIterator {
    fn static_type() -> &'static PyType {
        &SET_ITERATOR_TYPE
    }
}

fn set_iter(ts: &ThreadState, object: &PyObject) -> PyResult {
    let used = set_of(object)?.len();
    Ok(Py::new(
        ts,
        SetIterator {
            set: RefCell::new(Some(object.new_ref())),
            used: Cell::new(used),
            position: Cell::new(0),
        },
    )
    .into_ref())
}

fn set_iterator_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<SetIterator>()
        .ok_or_else(|| PyErr::type_error("expected a set iterator"))?;
    let Some(set_object) = iterator.set.borrow().clone() else {
        return Ok(None);
    };
    let set = set_of(&set_object)?;
    if iterator.used.get() != set.len() {
        // Sticky, as CPython's `si_used = -1`.
        iterator.used.set(usize::MAX);
        return Err(PyErr::new(
            ExceptionKind::RuntimeError,
            "Set changed size during iteration",
        ));
    }
    let table = set.table.borrow();
    let mut position = iterator.position.get();
    while position < table.entries.len() {
        if let Entry::Active { key, .. } = &table.entries[position] {
            iterator.position.set(position + 1);
            return Ok(Some(key.clone()));
        }
        position += 1;
    }
    drop(table);
    iterator.position.set(position);
    *iterator.set.borrow_mut() = None;
    Ok(None)
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

pub static SET_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<SetIterator>("set_iterator", 0, Some(&OBJECT_TYPE)).with_slots(
        SlotTable {
            iter: Slot::new(self_iter),
            iternext: Slot::new(set_iterator_next),
            ..crate::typeobject::object_slots()
        },
    ),
);

// ----- methods -----

type Args<'a> = &'a [PyRef];
type KwNames<'a> = Option<&'a PyObject>;

fn no_keywords(method: &str, kwnames: KwNames<'_>) -> PyResult<()> {
    if kwnames.is_some_and(|names| !crate::tuple::items(names).is_empty()) {
        return Err(PyErr::type_error(format!(
            "set.{method}() takes no keyword arguments"
        )));
    }
    Ok(())
}

fn one_arg<'a>(
    args: Args<'a>,
    kwnames: KwNames<'_>,
    owner: &str,
    method: &str,
) -> PyResult<&'a PyRef> {
    no_keywords(method, kwnames)?;
    match args {
        [arg] => Ok(arg),
        _ => Err(PyErr::type_error(format!(
            "{owner}.{method}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn no_args(args: Args<'_>, kwnames: KwNames<'_>, owner: &str, method: &str) -> PyResult<()> {
    no_keywords(method, kwnames)?;
    if !args.is_empty() {
        return Err(PyErr::type_error(format!(
            "{owner}.{method}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn owner(this: &PyObject) -> &'static str {
    if is_frozen(this) { "frozenset" } else { "set" }
}

fn method_add(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let element = one_arg(args, k, "set", "add")?;
    set_of(this)?.add(ts, element.clone())?;
    Ok(crate::singletons::none())
}

fn method_remove(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let element = one_arg(args, k, "set", "remove")?;
    let set = set_of(this)?;
    if !with_key(ts, element, |key| set.discard(ts, key))? {
        return Err(PyErr::with_object(ExceptionKind::KeyError, element.clone()));
    }
    Ok(crate::singletons::none())
}

fn method_discard(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let element = one_arg(args, k, "set", "discard")?;
    let set = set_of(this)?;
    with_key(ts, element, |key| set.discard(ts, key))?;
    Ok(crate::singletons::none())
}

/// `set.pop()`: the first active slot from the search finger on (CPython's `set_pop`).
fn method_pop(_ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args(args, k, "set", "pop")?;
    let set = set_of(this)?;
    let mut table = set.table.borrow_mut();
    if table.used == 0 {
        return Err(PyErr::new(ExceptionKind::KeyError, "pop from an empty set"));
    }
    let mask = table.mask();
    let mut slot = table.finger & mask;
    while !matches!(table.entries[slot], Entry::Active { .. }) {
        slot = if slot == mask { 0 } else { slot + 1 };
    }
    let entry = std::mem::replace(&mut table.entries[slot], Entry::Dummy);
    table.used -= 1;
    table.finger = slot + 1;
    table.version += 1;
    drop(table);
    match entry {
        Entry::Active { key, .. } => Ok(key),
        _ => Ok(crate::singletons::none()),
    }
}

fn method_clear(_ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args(args, k, "set", "clear")?;
    set_of(this)?.clear();
    Ok(crate::singletons::none())
}

fn method_copy(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_args(args, k, owner(this), "copy")?;
    if this.is_exact_type(&FROZENSET_TYPE) {
        return Ok(this.new_ref());
    }
    copy_of(ts, this)
}

fn method_update(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_keywords("update", k)?;
    let set = set_of(this)?;
    for iterable in args {
        set.update(ts, iterable)?;
    }
    Ok(crate::singletons::none())
}

fn method_union(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    no_keywords("union", k)?;
    let others: Vec<&PyObject> = args.iter().map(|a| &**a).collect();
    union_into(ts, this, &others)
}

fn method_intersection(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    no_keywords("intersection", k)?;
    intersection_multi(ts, this, args)
}

fn method_intersection_update(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    no_keywords("intersection_update", k)?;
    let result = intersection_multi(ts, this, args)?;
    set_of(this)?.swap_bodies(set_of(&result)?);
    Ok(crate::singletons::none())
}

fn method_difference(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    no_keywords("difference", k)?;
    let Some((first, rest)) = args.split_first() else {
        return copy_of(ts, this);
    };
    let result = difference(ts, this, first)?;
    for other in rest {
        difference_update(ts, &result, other)?;
    }
    Ok(result)
}

fn method_difference_update(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    no_keywords("difference_update", k)?;
    for other in args {
        difference_update(ts, this, other)?;
    }
    Ok(crate::singletons::none())
}

fn method_symmetric_difference(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    let other = one_arg(args, k, owner(this), "symmetric_difference")?;
    symmetric_difference(ts, this, other)
}

fn method_symmetric_difference_update(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    let other = one_arg(args, k, "set", "symmetric_difference_update")?;
    symmetric_difference_update(ts, this, other)?;
    Ok(crate::singletons::none())
}

fn method_issubset(ts: &ThreadState, this: &PyObject, args: Args<'_>, k: KwNames<'_>) -> PyResult {
    let other = one_arg(args, k, owner(this), "issubset")?;
    let set = set_of(this)?;
    let result = match as_set(other) {
        Some(other_set) => is_subset(ts, set, other_set)?,
        None => {
            let common = intersection(ts, this, other)?;
            set_of(&common)?.len() == set.len()
        }
    };
    Ok(crate::bool::bool_ref(result))
}

fn method_issuperset(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    let other = one_arg(args, k, owner(this), "issuperset")?;
    let set = set_of(this)?;
    if let Some(other_set) = as_set(other) {
        return Ok(crate::bool::bool_ref(is_subset(ts, other_set, set)?));
    }
    let iterator = crate::iterobject::get_iter(ts, other)?;
    while let Some(key) = crate::iterobject::next(ts, &iterator)? {
        if !with_key(ts, &key, |key| set.contains(ts, key))? {
            return Ok(crate::bool::false_ref());
        }
    }
    Ok(crate::bool::true_ref())
}

fn method_isdisjoint(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    k: KwNames<'_>,
) -> PyResult {
    let other = one_arg(args, k, owner(this), "isdisjoint")?;
    let set = set_of(this)?;
    if this.is(other) {
        return Ok(crate::bool::bool_ref(set.is_empty()));
    }
    if let Some(mut smaller) = as_set(other) {
        let mut larger = set;
        if smaller.len() > larger.len() {
            std::mem::swap(&mut smaller, &mut larger);
        }
        for (hash, key) in smaller.entries() {
            if larger.contains_entry(ts, &key, hash)? {
                return Ok(crate::bool::false_ref());
            }
        }
        return Ok(crate::bool::true_ref());
    }
    let iterator = crate::iterobject::get_iter(ts, other)?;
    while let Some(key) = crate::iterobject::next(ts, &iterator)? {
        if set.contains(ts, &key)? {
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
            ("__init__", method_init),
            ("intersection_update", method_intersection_update),
            ("difference_update", method_difference_update),
            (
                "symmetric_difference_update",
                method_symmetric_difference_update,
            ),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;

    fn order(set: &PyObject) -> Vec<i64> {
        set_of(set)
            .unwrap()
            .to_vec()
            .iter()
            .map(|item| crate::int::as_i64(item).unwrap())
            .collect()
    }

    /// Expected orders from CPython 3.14 (`print({...})`).
    #[test]
    fn iteration_order_matches_cpython() {
        with_gil(|ts| {
            let ints = |values: &[i64]| -> Vec<PyRef> {
                values.iter().map(|&v| crate::int::new(ts, v)).collect()
            };
            let set = new(ts, ints(&[10, 2, 33, 7, 100, 64])).unwrap();
            assert_eq!(order(&set), [64, 33, 2, 100, 7, 10]);
            let set = new(ts, ints(&[1, 9, 17, 25])).unwrap();
            assert_eq!(order(&set), [1, 25, 9, 17]);
            let set = new(ts, ints(&[100, 200, 300, 400, 500, 600, 700, 800, 900])).unwrap();
            assert_eq!(order(&set), [800, 100, 900, 200, 300, 400, 500, 600, 700]);
        });
    }
}
