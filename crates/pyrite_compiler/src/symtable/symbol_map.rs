//! A block's symbols: name to flags, remembering the order names were first seen.
//!
//! CPython counterpart: `ste_symbols`, a dict. Its insertion order decides which of
//! several faulty names an error is reported for, so it is kept here too.

use std::rc::Rc;

use crate::fast_hash::FastHashMap as HashMap;

/// A name shared between the map and the analysis' name sets (copied by reference count,
/// not by allocation: the analysis hands whole sets of names to every child block).
pub type Name = Rc<str>;

#[derive(Clone, Debug, Default)]
pub struct SymbolMap {
    entries: Vec<(Name, u32)>,
    index: HashMap<Name, usize>,
}

impl SymbolMap {
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).map(|&i| self.entries[i].1)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// Sets the flags of `name`, keeping its place if it is already there.
    pub fn set(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.entries[i].1 = flags,
            None => {
                let name: Name = name.into();
                self.index.insert(name.clone(), self.entries.len());
                self.entries.push((name, flags));
            }
        }
    }

    pub fn remove(&mut self, name: &str) {
        if let Some(i) = self.index.remove(name) {
            self.entries.remove(i);
            for slot in self.index.values_mut() {
                if *slot > i {
                    *slot -= 1;
                }
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.entries.iter().map(|(name, flags)| (&**name, *flags))
    }

    /// The flags of every entry, in order, to update in place.
    pub fn flags_mut(&mut self) -> impl Iterator<Item = (&Name, &mut u32)> {
        self.entries.iter_mut().map(|(name, flags)| (&*name, flags))
    }

    /// The entries, in order, with their shared names.
    pub fn entries(&self) -> &[(Name, u32)] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
