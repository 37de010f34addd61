//! `dict`: insertion-ordered hash tables.
//!
//! CPython counterpart: `Objects/dictobject.c`. The layout is CPython's compact dict: a
//! sparse table of indices probed with CPython's perturbation scheme, pointing into a dense
//! array of `(hash, key, value)` entries kept in insertion order. Deleting leaves a hole in
//! the entries (skipped by iteration) and a "dummy" in the indices; a resize compacts.
//!
//! Key comparison can run Python code (`__eq__`) that mutates the dict. As in CPython's
//! lookup, the candidate key is held by its own reference while it is compared, no borrow
//! is kept across the call, and the lookup restarts if the table changed meanwhile.
//! *(Planned: CPython's variable-width indices, key-sharing dicts for instances, and the
//! version tag used by the specializer.)*

use std::cell::{Cell, RefCell, RefMut};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::err::{ExceptionKind, PyErr, PyResult};
use crate::object::{Py, PyObject, PyPayload, PyRef, StaticObject};
use crate::pystate::ThreadState;
use crate::singletons::not_implemented;
use crate::slots::{CompareOp, MappingSlots, Slot, SlotTable};
use crate::str::STR_TYPE;
use crate::typeobject::{
    OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags, hash_not_implemented,
};

const EMPTY: isize = -1;
const DUMMY: isize = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

/// The payload of `dict` objects.
pub struct Dict {
    table: RefCell<Table>,
    /// Set on a type's namespace: any change invalidates the type attribute cache
    /// (CPython's type version tags are reset by `PyType_Modified`).
    watched: Cell<bool>,
}

struct Table {
    /// Power-of-two sized; `EMPTY`, `DUMMY`, or an index into `entries`.
    indices: Vec<isize>,
    /// Insertion order; `None` where an entry was deleted.
    entries: Vec<Option<Entry>>,
    /// Live entries (`len(d)`).
    used: usize,
    /// A fresh value from `fresh_version` at every change (CPython's `ma_version_tag`):
    /// detects mutation during a comparison, and lets the evaluation loop's global-name
    /// cache (`Code::load_global`) know that a dict is unchanged.
    version: u64,
    /// One bit per hash value modulo 64 of every key ever inserted (never cleared by a
    /// deletion): a clear bit proves a key absent without probing, which makes the
    /// evaluation loop's check that an instance does not shadow a method cheap.
    hash_bits: u64,
}

/// The `hash_bits` bit of `hash`.
#[inline]
fn hash_bit(hash: isize) -> u64 {
    1 << (hash as usize & 63)
}

/// The last dict version handed out. Only threads holding the GIL change dicts, so a
/// relaxed load and store (no read-modify-write) keep the values unique.
static LAST_VERSION: AtomicU64 = AtomicU64::new(0);

#[inline]
fn fresh_version() -> u64 {
    let version = LAST_VERSION.load(Ordering::Relaxed) + 1;
    LAST_VERSION.store(version, Ordering::Relaxed);
    version
}

struct Entry {
    hash: isize,
    key: PyRef,
    value: PyRef,
}

enum Lookup {
    Found { entry: usize, slot: usize },
    Missing,
}

impl Table {
    fn new() -> Table {
        Table {
            indices: vec![EMPTY; MIN_SIZE],
            entries: Vec::new(),
            used: 0,
            version: fresh_version(),
            hash_bits: 0,
        }
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// The probe sequence of `hash` (CPython's: `i = 5*i + perturb + 1`).
    fn probe(&self, hash: isize) -> impl Iterator<Item = usize> + use<> {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut slot = hash as usize & mask;
        let mut first = true;
        std::iter::from_fn(move || {
            if !first {
                perturb >>= PERTURB_SHIFT;
                slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
            first = false;
            Some(slot)
        })
    }

    /// Finds an exact-`str` key without running Python code: `Some(Some(entry))` found,
    /// `Some(None)` missing, `None` when an entry with the same hash has a key of another
    /// type (only the general lookup, which may call `__eq__`, can decide).
    #[inline]
    fn find_str(
        &self,
        key: &PyObject,
        text: &crate::str::Str,
        hash: isize,
    ) -> Option<Option<usize>> {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut slot = hash as usize & mask;
        loop {
            let index = self.indices[slot];
            if index == EMPTY {
                return Some(None);
            }
            if index >= 0
                && let Some(entry) = self.entries[index as usize].as_ref()
            {
                if entry.key.is(key) {
                    return Some(Some(index as usize));
                }
                if entry.hash == hash {
                    if !entry.key.is_exact_type(&STR_TYPE) {
                        return None;
                    }
                    let equal = crate::str::as_str_payload(&entry.key)
                        .is_some_and(|other| other.as_bytes() == text.as_bytes());
                    if equal {
                        return Some(Some(index as usize));
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            slot = (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    /// Entries may fill two thirds of the indices (CPython's `USABLE_FRACTION`).
    fn usable(&self) -> usize {
        self.indices.len() * 2 / 3
    }

    fn insert_new(&mut self, hash: isize, key: PyRef, value: PyRef) {
        if self.entries.len() >= self.usable() {
            self.resize((self.used * 3).max(MIN_SIZE));
        }
        let entry = self.entries.len();
        let slot = self
            .probe(hash)
            .find(|&slot| self.indices[slot] < 0)
            .unwrap_or(0);
        self.indices[slot] = entry as isize;
        self.entries.push(Some(Entry { hash, key, value }));
        self.hash_bits |= hash_bit(hash);
        self.used += 1;
    }

    /// Rebuilds the indices for at least `minimum` slots, compacting the entries.
    fn resize(&mut self, minimum: usize) {
        let size = minimum.next_power_of_two().max(MIN_SIZE);
        let entries: Vec<Option<Entry>> = std::mem::take(&mut self.entries)
            .into_iter()
            .filter(Option::is_some)
            .collect();
        self.indices = vec![EMPTY; size];
        for (position, entry) in entries.iter().enumerate() {
            let hash = entry.as_ref().map_or(0, |entry| entry.hash);
            let slot = self
                .probe(hash)
                .find(|&slot| self.indices[slot] == EMPTY)
                .unwrap_or(0);
            self.indices[slot] = position as isize;
        }
        self.entries = entries;
    }
}

/// The hash of a key; an unhashable key's `TypeError` names its use, as CPython 3.14:
/// `cannot use 'list' as a dict key (unhashable type: 'list')`.
fn key_hash(ts: &ThreadState, key: &PyObject) -> PyResult<isize> {
    key.hash(ts).map_err(|err| {
        if !err.is(ExceptionKind::TypeError) {
            return err;
        }
        let reason = match err.message() {
            Some(message) => message.to_owned(),
            None => err.display_lazy(),
        };
        PyErr::type_error(format!(
            "cannot use '{}' as a dict key ({reason})",
            key.ob_type().name()
        ))
    })
}

impl Dict {
    /// The table for a change; a watched dict (a type's namespace) invalidates the type
    /// attribute cache first.
    #[inline]
    fn table_mut(&self) -> RefMut<'_, Table> {
        if self.watched.get() {
            crate::typeobject::invalidate_type_cache();
        }
        let mut table = self.table.borrow_mut();
        table.version = fresh_version();
        table
    }

    /// The dict's version: equal versions of one dict mean no change happened between.
    #[inline]
    pub fn version(&self) -> u64 {
        self.table.borrow().version
    }

    /// Marks the dict as a type's namespace (see `table_mut`).
    pub(crate) fn watch(&self) {
        self.watched.set(true);
    }

    /// The exact `str` view of `key` and its hash, for the lookups that need no Python code.
    #[inline]
    fn exact_str<'a>(ts: &ThreadState, key: &'a PyObject) -> Option<(&'a crate::str::Str, isize)> {
        if key.is_exact_type(&STR_TYPE) {
            let text = crate::str::as_str_payload(key)?;
            Some((text, text.hash_value(ts)))
        } else {
            None
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lookup(&self, ts: &ThreadState, key: &PyObject, hash: isize) -> PyResult<Lookup> {
        let key_is_exact_str = key.is_exact_type(&STR_TYPE);
        'restart: loop {
            let probe = self.table.borrow().probe(hash);
            for slot in probe {
                let table = self.table.borrow();
                let index = table.indices[slot];
                if index == EMPTY {
                    return Ok(Lookup::Missing);
                }
                if index == DUMMY {
                    continue;
                }
                let entry_index = index as usize;
                let Some(entry) = table.entries[entry_index].as_ref() else {
                    continue;
                };
                if entry.key.is(key) {
                    return Ok(Lookup::Found {
                        entry: entry_index,
                        slot,
                    });
                }
                if entry.hash != hash {
                    continue;
                }
                if key_is_exact_str && entry.key.is_exact_type(&STR_TYPE) {
                    // Exact strs compare by value without running Python code.
                    let equal = crate::str::as_str_payload(&entry.key)
                        .zip(crate::str::as_str_payload(key))
                        .is_some_and(|(a, b)| a.as_bytes() == b.as_bytes());
                    if equal {
                        return Ok(Lookup::Found {
                            entry: entry_index,
                            slot,
                        });
                    }
                    continue;
                }
                let candidate = entry.key.clone();
                let version = table.version;
                drop(table);
                let equal = candidate.rich_compare_bool(ts, key, CompareOp::Eq)?;
                let table_now = self.table.borrow();
                let unchanged = table_now.version == version
                    && table_now.entries[entry_index]
                        .as_ref()
                        .is_some_and(|entry| entry.key.is(&candidate));
                drop(table_now);
                if !unchanged {
                    continue 'restart;
                }
                if equal {
                    return Ok(Lookup::Found {
                        entry: entry_index,
                        slot,
                    });
                }
            }
            return Ok(Lookup::Missing);
        }
    }

    /// `d.get(key)`.
    pub fn get_item(&self, ts: &ThreadState, key: &PyObject) -> PyResult<Option<PyRef>> {
        if let Some((text, hash)) = Self::exact_str(ts, key) {
            let table = self.table.borrow();
            if let Some(found) = table.find_str(key, text, hash) {
                return Ok(found.and_then(|entry| {
                    table.entries[entry]
                        .as_ref()
                        .map(|entry| entry.value.clone())
                }));
            }
        }
        let hash = key_hash(ts, key)?;
        Ok(match self.lookup(ts, key, hash)? {
            Lookup::Found { entry, .. } => self.table.borrow().entries[entry]
                .as_ref()
                .map(|entry| entry.value.clone()),
            Lookup::Missing => None,
        })
    }

    /// Whether the dict may hold the exact-`str` key `key`; `false` is certain (no key
    /// with its hash bit was ever inserted), `true` is not (ask `get_item`).
    #[inline]
    pub fn may_hold_str(&self, ts: &ThreadState, key: &PyObject) -> bool {
        match Self::exact_str(ts, key) {
            Some((_, hash)) => self.table.borrow().hash_bits & hash_bit(hash) != 0,
            None => true,
        }
    }

    /// The value of the exact-`str` key `key` if the entry at `hint` holds that very
    /// object (the evaluation loop's attribute hints, CPython's `LOAD_ATTR_WITH_HINT`).
    #[inline]
    pub fn get_at_hint(&self, key: &PyObject, hint: usize) -> Option<PyRef> {
        let table = self.table.borrow();
        let entry = table.entries.get(hint)?.as_ref()?;
        entry.key.is(key).then(|| entry.value.clone())
    }

    /// Like `get_item` for an exact `str` key, with the entry's position for
    /// `get_at_hint`; `None` when the key is missing or only the general lookup (which
    /// may run `__eq__`) can tell.
    pub fn get_str_with_hint(&self, ts: &ThreadState, key: &PyObject) -> Option<(PyRef, usize)> {
        let (text, hash) = Self::exact_str(ts, key)?;
        let table = self.table.borrow();
        let entry = table.find_str(key, text, hash)??;
        let value = table.entries[entry].as_ref()?.value.clone();
        Some((value, entry))
    }

    /// Adds the exact-`str` key `key` when its hash bit proves it absent (an attribute
    /// set for the first time on an instance); gives `value` back otherwise. `Ok` holds
    /// the new entry's position, for `get_at_hint`.
    pub fn insert_absent_str(
        &self,
        ts: &ThreadState,
        key: &PyObject,
        value: PyRef,
    ) -> Result<usize, PyRef> {
        let Some((_, hash)) = Self::exact_str(ts, key) else {
            return Err(value);
        };
        if self.table.borrow().hash_bits & hash_bit(hash) != 0 {
            return Err(value);
        }
        let mut table = self.table_mut();
        table.insert_new(hash, key.new_ref(), value);
        Ok(table.entries.len() - 1)
    }

    /// Replaces the value of `key` if the entry at `hint` holds that very key object;
    /// otherwise gives `value` back. The old value is returned for the caller to drop.
    #[inline]
    pub fn replace_at_hint(
        &self,
        key: &PyObject,
        hint: usize,
        value: PyRef,
    ) -> Result<PyRef, PyRef> {
        let matches = self
            .table
            .borrow()
            .entries
            .get(hint)
            .and_then(Option::as_ref)
            .is_some_and(|entry| entry.key.is(key));
        if !matches {
            return Err(value);
        }
        let mut table = self.table_mut();
        match table.entries[hint].as_mut() {
            Some(entry) => Ok(std::mem::replace(&mut entry.value, value)),
            None => Err(value),
        }
    }

    /// The position of an exact-`str` key's entry, if it is there (see `get_at_hint`).
    pub fn str_entry_index(&self, ts: &ThreadState, key: &PyObject) -> Option<usize> {
        let (text, hash) = Self::exact_str(ts, key)?;
        self.table.borrow().find_str(key, text, hash)?
    }

    /// `d[key] = value`.
    pub fn set_item(&self, ts: &ThreadState, key: PyRef, value: PyRef) -> PyResult<()> {
        if let Some((text, hash)) = Self::exact_str(ts, &key) {
            let found = self.table.borrow().find_str(&key, text, hash);
            match found {
                Some(Some(entry)) => {
                    let old = {
                        let mut table = self.table_mut();
                        table.entries[entry]
                            .as_mut()
                            .map(|entry| std::mem::replace(&mut entry.value, value))
                    };
                    drop(old);
                    return Ok(());
                }
                Some(None) => {
                    self.table_mut().insert_new(hash, key, value);
                    return Ok(());
                }
                None => {}
            }
        }
        let hash = key_hash(ts, &key)?;
        match self.lookup(ts, &key, hash)? {
            Lookup::Found { entry, .. } => {
                let old = {
                    let mut table = self.table_mut();
                    table.entries[entry]
                        .as_mut()
                        .map(|entry| std::mem::replace(&mut entry.value, value))
                };
                drop(old);
            }
            Lookup::Missing => self.table_mut().insert_new(hash, key, value),
        }
        Ok(())
    }

    /// `del d[key]`: `KeyError(key)` if missing.
    pub fn del_item(&self, ts: &ThreadState, key: &PyObject) -> PyResult<()> {
        let hash = key_hash(ts, key)?;
        match self.lookup(ts, key, hash)? {
            Lookup::Found { entry, slot } => {
                let removed = {
                    let mut table = self.table_mut();
                    table.indices[slot] = DUMMY;
                    table.used -= 1;
                    table.entries[entry].take()
                };
                drop(removed);
                Ok(())
            }
            Lookup::Missing => Err(PyErr::with_object(ExceptionKind::KeyError, key.new_ref())),
        }
    }

    /// The `(key, value)` pairs in insertion order (a snapshot).
    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.table
            .borrow()
            .entries
            .iter()
            .flatten()
            .map(|entry| (entry.key.clone(), entry.value.clone()))
            .collect()
    }

    /// The entry at position `index` of the entries array (holes skipped by the caller),
    /// read afresh so that iteration sees changes made by Python code.
    pub(crate) fn entry_at(&self, index: usize) -> Option<Option<(PyRef, PyRef)>> {
        let table = self.table.borrow();
        let entry = table.entries.get(index)?;
        Some(
            entry
                .as_ref()
                .map(|entry| (entry.key.clone(), entry.value.clone())),
        )
    }

    /// The length of the entries array, holes included (where a reverse iteration starts).
    pub(crate) fn entry_slots(&self) -> usize {
        self.table.borrow().entries.len()
    }

    /// `d.clear()`: the entries are released after the dict is already empty.
    pub fn clear(&self) {
        let old = std::mem::replace(&mut *self.table_mut(), Table::new());
        drop(old);
    }
}

impl PyPayload for Dict {
    fn static_type() -> &'static PyType {
        &DICT_TYPE
    }
}

/// An empty instance of `ty`, `dict` or a subclass (`dict.__new__`).
pub fn new_with_type(ts: &ThreadState, ty: &PyType) -> Option<Py<Dict>> {
    Py::new_with_type(ts, ty, Dict::empty())
}

pub fn new(ts: &ThreadState) -> Py<Dict> {
    Py::new(ts, Dict::empty())
}

impl Dict {
    /// An empty dict's payload (for instances of dict subclasses).
    pub fn empty() -> Dict {
        Dict {
            table: RefCell::new(Table::new()),
            watched: Cell::new(false),
        }
    }
}

fn dict_payload<'a>(object: &'a PyObject, method: &str) -> PyResult<&'a Dict> {
    object
        .downcast_ref::<Dict>()
        .map(|dict| dict.payload())
        .ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{method}' requires a 'dict' object but received a '{}'",
                object.ob_type().name()
            ))
        })
}

fn dict_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let dict = dict_payload(object, "__repr__")?;
    if dict.is_empty() {
        return Ok(crate::str::from_static_text(ts, "{}"));
    }
    let Some(_guard) = ts.repr_enter(object) else {
        return Ok(crate::str::from_static_text(ts, "{...}"));
    };
    let mut text = String::from("{");
    let mut first = true;
    let mut index = 0;
    while let Some(entry) = dict.entry_at(index) {
        index += 1;
        let Some((key, value)) = entry else { continue };
        if !first {
            text.push_str(", ");
        }
        first = false;
        text.push_str(&crate::str::repr_text(ts, &key)?);
        text.push_str(": ");
        text.push_str(&crate::str::repr_text(ts, &value)?);
    }
    text.push('}');
    Ok(crate::str::new(ts, &text).into_ref())
}

/// `==` on dicts: same length, and each key of one maps to an equal value in the other.
fn dict_richcompare(ts: &ThreadState, a: &PyObject, b: &PyObject, op: CompareOp) -> PyResult {
    let (Some(left), Some(right)) = (a.downcast_ref::<Dict>(), b.downcast_ref::<Dict>()) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let mut equal = left.len() == right.len();
    if equal {
        for (key, value) in left.items() {
            let matches = match right.get_item(ts, &key)? {
                Some(other) => value.rich_compare_bool(ts, &other, CompareOp::Eq)?,
                None => false,
            };
            if !matches {
                equal = false;
                break;
            }
        }
    }
    Ok(crate::bool::bool_ref(equal == (op == CompareOp::Eq)))
}

fn dict_length(_ts: &ThreadState, object: &PyObject) -> PyResult<usize> {
    Ok(dict_payload(object, "__len__")?.len())
}

fn dict_subscript(ts: &ThreadState, object: &PyObject, key: &PyObject) -> PyResult {
    match dict_payload(object, "__getitem__")?.get_item(ts, key)? {
        Some(value) => Ok(value),
        None => {
            // Subclasses may supply the value of a missing key (`dict_subscript`).
            if !object.is_exact_type(&DICT_TYPE)
                && let Some(result) =
                    crate::attrs::call_special(ts, object, "__missing__", &[key.new_ref()])?
            {
                return Ok(result);
            }
            Err(PyErr::with_object(ExceptionKind::KeyError, key.new_ref()))
        }
    }
}

fn dict_ass_subscript(
    ts: &ThreadState,
    object: &PyObject,
    key: &PyObject,
    value: Option<&PyObject>,
) -> PyResult<()> {
    let dict = dict_payload(object, "__setitem__")?;
    match value {
        Some(value) => dict.set_item(ts, key.new_ref(), value.new_ref()),
        None => dict.del_item(ts, key),
    }
}

fn dict_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(dict) = object.downcast_ref::<Dict>() {
        let table = dict.table.borrow();
        // A dict whose keys are all exact strings (CPython's unicode-keys kind) reports
        // only its values: strings hold no references.
        let str_keys = table
            .entries
            .iter()
            .flatten()
            .all(|entry| entry.key.is_exact_type(&crate::str::STR_TYPE));
        for entry in table.entries.iter().flatten() {
            if !str_keys {
                visit(&entry.key);
            }
            visit(&entry.value);
        }
    }
}

fn dict_clear(_ts: &ThreadState, object: &PyObject) {
    if let Some(dict) = object.downcast_ref::<Dict>() {
        dict.clear();
    }
}

/// `dict`'s `tp_*` slots: the template of its built-in subclasses (`defaultdict`).
pub const fn dict_slot_table() -> SlotTable {
    SlotTable {
        repr: Slot::new(dict_repr),
        hash: Slot::new(hash_not_implemented),
        richcompare: Slot::new(dict_richcompare),
        traverse: Slot::new(dict_traverse),
        clear: Slot::new(dict_clear),
        new: Slot::new(crate::methods::constructors::dict_new),
        init: Slot::new(crate::methods::constructors::dict_init),
        iter: Slot::new(crate::iterobject::builtin_iter),
        ..crate::typeobject::object_slots()
    }
}

/// `dict`'s `sq_*` slots, for its built-in subclasses.
pub const fn dict_sequence_slots() -> crate::slots::SequenceSlots {
    crate::slots::SequenceSlots {
        contains: Slot::new(crate::abstract_ops::builtin_contains),
        ..crate::slots::SequenceSlots::EMPTY
    }
}

/// `dict`'s `nb_*` slots, for its built-in subclasses.
pub const fn dict_number_slots() -> crate::slots::NumberSlots {
    crate::slots::NumberSlots {
        or: Slot::new(crate::abstract_ops::dict_or),
        inplace_or: Slot::new(crate::dict_views::dict_ior),
        ..crate::slots::NumberSlots::EMPTY
    }
}

/// `dict`'s `mp_*` slots, for its built-in subclasses.
pub const fn dict_mapping_slots() -> MappingSlots {
    MappingSlots {
        length: Slot::new(dict_length),
        subscript: Slot::new(dict_subscript),
        ass_subscript: Slot::new(dict_ass_subscript),
    }
}

pub static DICT_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<Dict>(
        "dict",
        flags::BASETYPE | flags::HAVE_GC | flags::DICT_SUBCLASS,
        Some(&OBJECT_TYPE),
    )
    .with_slots(dict_slot_table())
    .with_sequence(dict_sequence_slots())
    .with_number(dict_number_slots())
    .with_mapping(dict_mapping_slots()),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pystate::with_gil;
    use crate::str::repr_string;
    use crate::{float, int, list, tuple};

    #[test]
    fn every_change_gives_a_version_no_other_dict_had() {
        with_gil(|ts| {
            let a = new(ts);
            let b = new(ts);
            let mut seen = vec![a.version(), b.version()];
            let key = crate::str::intern(ts, "key");
            a.set_item(ts, key.clone(), int::new(ts, 1)).unwrap();
            seen.push(a.version());
            assert!(a.get_item(ts, &key).unwrap().is_some());
            assert_eq!(a.version(), seen[2], "a lookup is no change");
            a.set_item(ts, key.clone(), int::new(ts, 2)).unwrap();
            seen.push(a.version());
            let hint = a.str_entry_index(ts, &key).unwrap();
            assert!(a.get_at_hint(&key, hint).is_some());
            assert!(a.replace_at_hint(&key, hint, int::new(ts, 3)).is_ok());
            seen.push(a.version());
            a.del_item(ts, &key).unwrap();
            seen.push(a.version());
            assert!(a.get_at_hint(&key, hint).is_none());
            a.clear();
            seen.push(a.version());
            b.set_item(ts, key, int::new(ts, 4)).unwrap();
            seen.push(b.version());
            let mut unique = seen.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), seen.len(), "{seen:?}");
        });
    }

    fn keys(ts: &ThreadState, dict: &Dict) -> Vec<String> {
        dict.items()
            .iter()
            .map(|(key, _)| repr_string(ts, key))
            .collect()
    }

    /// `d = {'a': 1, 'b': 2, 'c': 3, 'd': 4}; del d['b']; d['e'] = 5; d['b'] = 6;
    /// del d['a']` gives `{'c': 3, 'd': 4, 'e': 5, 'b': 6}` in CPython 3.14.
    #[test]
    fn iteration_order_after_deletions_matches_cpython() {
        with_gil(|ts| {
            let dict = new(ts);
            let key = |text: &str| crate::str::new(ts, text).into_ref();
            for (name, value) in [("a", 1), ("b", 2), ("c", 3), ("d", 4)] {
                dict.set_item(ts, key(name), int::new(ts, value)).unwrap();
            }
            dict.del_item(ts, &key("b")).unwrap();
            dict.set_item(ts, key("e"), int::new(ts, 5)).unwrap();
            dict.set_item(ts, key("b"), int::new(ts, 6)).unwrap();
            dict.del_item(ts, &key("a")).unwrap();
            assert_eq!(
                repr_string(ts, dict.as_object()),
                "{'c': 3, 'd': 4, 'e': 5, 'b': 6}"
            );
            assert_eq!(dict.len(), 4);
        });
    }

    /// `d = {i: i for i in range(20)}`, delete every third, re-add 3 and add 100: CPython
    /// 3.14 iterates `[1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 3, 100]` (this also
    /// crosses resizes).
    #[test]
    fn order_survives_resizes() {
        with_gil(|ts| {
            let dict = new(ts);
            for i in 0..20 {
                dict.set_item(ts, int::new(ts, i), int::new(ts, i)).unwrap();
            }
            for i in (0..20).step_by(3) {
                dict.del_item(ts, &int::new(ts, i)).unwrap();
            }
            dict.set_item(ts, int::new(ts, 3), crate::str::new(ts, "x").into_ref())
                .unwrap();
            dict.set_item(ts, int::new(ts, 100), crate::str::new(ts, "y").into_ref())
                .unwrap();
            assert_eq!(
                keys(ts, &dict),
                [
                    "1", "2", "4", "5", "7", "8", "10", "11", "13", "14", "16", "17", "19", "3",
                    "100"
                ]
            );
        });
    }

    /// `{1: 'a', 1.0: 'b', True: 'c'}` is `{1: 'c'}`; `{1: 'x', 2.5: (1,), 'k': None}`.
    #[test]
    fn equal_keys_of_different_types_share_an_entry() {
        with_gil(|ts| {
            let dict = new(ts);
            let text = |value: &str| crate::str::new(ts, value).into_ref();
            dict.set_item(ts, int::new(ts, 1), text("a")).unwrap();
            dict.set_item(ts, float::new(ts, 1.0), text("b")).unwrap();
            dict.set_item(ts, crate::bool::true_ref(), text("c"))
                .unwrap();
            assert_eq!(repr_string(ts, dict.as_object()), "{1: 'c'}");
            let found = dict.get_item(ts, &float::new(ts, 1.0)).unwrap().unwrap();
            assert_eq!(repr_string(ts, &found), "'c'");
            let other = new(ts);
            other.set_item(ts, int::new(ts, 1), text("x")).unwrap();
            let one = tuple::new(ts, vec![int::new(ts, 1)]).into_ref();
            other.set_item(ts, float::new(ts, 2.5), one).unwrap();
            other
                .set_item(ts, text("k"), crate::singletons::none())
                .unwrap();
            assert_eq!(
                repr_string(ts, other.as_object()),
                "{1: 'x', 2.5: (1,), 'k': None}"
            );
        });
    }

    /// Errors and comparisons as CPython 3.14.
    #[test]
    fn dict_errors_and_equality_match_cpython() {
        with_gil(|ts| {
            let dict = new(ts);
            let key = crate::str::new(ts, "k").into_ref();
            let err = crate::abstract_api::get_item(ts, dict.as_object(), &key).unwrap_err();
            assert_eq!(err.repr(ts).unwrap(), "KeyError('k')");
            let unhashable = list::new(ts, Vec::new()).into_ref();
            let err = dict
                .set_item(ts, unhashable.clone(), int::new(ts, 1))
                .unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: cannot use 'list' as a dict key (unhashable type: 'list')"
            );
            let nested = tuple::new(ts, vec![int::new(ts, 1), unhashable]).into_ref();
            let err = dict.get_item(ts, &nested).unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: cannot use 'tuple' as a dict key (unhashable type: 'list')"
            );
            // {'a': 1} == {'a': 1.0}; {'a': 1} != {'b': 1}
            let a = new(ts);
            a.set_item(ts, crate::str::new(ts, "a").into_ref(), int::new(ts, 1))
                .unwrap();
            let b = new(ts);
            b.set_item(ts, crate::str::new(ts, "a").into_ref(), float::new(ts, 1.0))
                .unwrap();
            let c = new(ts);
            c.set_item(ts, crate::str::new(ts, "b").into_ref(), int::new(ts, 1))
                .unwrap();
            assert!(
                a.as_object()
                    .rich_compare_bool(ts, b.as_object(), CompareOp::Eq)
                    .unwrap()
            );
            assert!(
                a.as_object()
                    .rich_compare_bool(ts, c.as_object(), CompareOp::Ne)
                    .unwrap()
            );
            let err = a
                .as_object()
                .rich_compare(ts, b.as_object(), CompareOp::Lt)
                .unwrap_err();
            assert_eq!(
                err.display_lazy(),
                "TypeError: '<' not supported between instances of 'dict' and 'dict'"
            );
            // d = {}; d['x'] = d -> {'x': {...}}
            let cyclic = new(ts);
            cyclic
                .set_item(
                    ts,
                    crate::str::new(ts, "x").into_ref(),
                    cyclic.as_object().new_ref(),
                )
                .unwrap();
            assert_eq!(repr_string(ts, cyclic.as_object()), "{'x': {...}}");
            // Only the value: a dict of str keys does not report its keys (as CPython).
            assert_eq!(crate::gc::get_referents(ts, cyclic.as_object()).len(), 1);
            cyclic.clear();
        });
    }

    #[test]
    fn many_keys_and_deletions_keep_lookups_right() {
        with_gil(|ts| {
            let dict = new(ts);
            for i in 0..10_000 {
                dict.set_item(ts, int::new(ts, i * 7), int::new(ts, i))
                    .unwrap();
            }
            for i in (0..10_000).filter(|i| i % 2 == 0) {
                dict.del_item(ts, &int::new(ts, i * 7)).unwrap();
            }
            assert_eq!(dict.len(), 5_000);
            for i in 0..10_000 {
                let found = dict.get_item(ts, &int::new(ts, i * 7)).unwrap();
                assert_eq!(found.is_some(), i % 2 == 1, "key {}", i * 7);
            }
            let err = dict.del_item(ts, &int::new(ts, 0)).unwrap_err();
            assert_eq!(err.repr(ts).unwrap(), "KeyError(0)");
        });
    }
}
