//! The compiled-module cache: imported source modules are compiled once and their code
//! objects kept as hash-checked `.pyc` files under the user's cache directory.
//!
//! CPython counterpart: `Lib/importlib/_bootstrap_external.py`'s `__pycache__` files
//! (`SourceLoader.get_code`, `_code_to_hash_pyc`), and the precompiled `.pyc` files a
//! CPython installation ships for its standard library. Pyrite's standard library is a
//! zip it cannot write into, so its caches live in `$XDG_CACHE_HOME/pyrite/bytecode`
//! (else `~/.cache/pyrite/bytecode`), one file per module file and optimization level.
//! The `.pyc` header carries the source's hash, checked on every load, so an edited
//! source is always compiled afresh.

use std::path::PathBuf;

use pyrite_bytecode::code::CodeObject;
use pyrite_bytecode::pyc::{self, Validation};

/// The cache directory, if the environment names a home for it.
fn cache_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME").filter(|dir| !dir.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => {
            PathBuf::from(std::env::var_os("HOME").filter(|dir| !dir.is_empty())?).join(".cache")
        }
    };
    Some(base.join("pyrite").join("bytecode"))
}

/// The cache file of a module file at an optimization level (like `__pycache__`, one
/// per module: a newer source replaces the older one's code).
fn cache_path(filename: &str, optimize: u8) -> Option<PathBuf> {
    Some(cache_path_in(cache_dir()?, filename, optimize))
}

fn cache_path_in(dir: PathBuf, filename: &str, optimize: u8) -> PathBuf {
    let mut key = Vec::with_capacity(filename.len() + 2);
    key.extend_from_slice(filename.as_bytes());
    key.push(0);
    key.push(optimize);
    let hex: String = pyc::source_hash(&key)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    dir.join(format!("{hex}.pyc"))
}

/// The cached code of `source`, if a valid cache file for it exists.
pub fn load(source: &[u8], filename: &str, optimize: u8) -> Option<CodeObject> {
    load_from(&cache_path(filename, optimize)?, source)
}

fn load_from(path: &std::path::Path, source: &[u8]) -> Option<CodeObject> {
    let data = std::fs::read(path).ok()?;
    let cached = pyc::read(&data).ok()?;
    match cached.validation {
        Validation::Hash { hash, .. } if hash == pyc::source_hash(source) => Some(cached.code),
        _ => None,
    }
}

/// Keeps `code` for the next import of the same source; failures are ignored, as
/// CPython ignores an unwritable `__pycache__`.
pub fn store(source: &[u8], filename: &str, optimize: u8, code: &CodeObject) {
    if let Some(path) = cache_path(filename, optimize) {
        store_at(&path, source, code);
    }
}

fn store_at(path: &std::path::Path, source: &[u8], code: &CodeObject) {
    let Some(dir) = path.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let validation = Validation::Hash {
        hash: pyc::source_hash(source),
        check_source: true,
    };
    let data = pyc::write(validation, code);
    // Written aside and renamed, so a concurrent reader never sees half a file.
    let partial = path.with_extension(format!("{}.tmp", std::process::id()));
    if std::fs::write(&partial, data).is_ok() && std::fs::rename(&partial, path).is_err() {
        let _ = std::fs::remove_file(&partial);
    }
}

#[cfg(test)]
mod tests {
    use super::{cache_path_in, load_from, store_at};

    /// A stored module loads back for the same source and not for an edited one.
    #[test]
    fn round_trip_and_invalidation() {
        let dir = std::env::temp_dir().join(format!("pyrite-bytecode-test-{}", std::process::id()));
        let source = b"x = 1\n";
        let code = crate::run::compile_file_source(source, "m.py", 0)
            .ok()
            .unwrap();
        let path = cache_path_in(dir.clone(), "m.py", 0);
        assert_ne!(path, cache_path_in(dir.clone(), "m.py", 1));
        store_at(&path, source, &code);
        let loaded = load_from(&path, source).unwrap();
        assert_eq!(
            pyrite_bytecode::marshal::dumps_code(&loaded),
            pyrite_bytecode::marshal::dumps_code(&code)
        );
        assert!(load_from(&path, b"x = 2\n").is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
