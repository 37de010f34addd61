//! Where CPython 3.14.2's pure-Python standard library (`Lib`) is found.
//!
//! CPython counterpart: the search for `prefix`/`stdlib_dir` in `Modules/getpath.py`.
//! The library is never part of this repository; `build.rs` fetches the pinned
//! `python_stdlib.zip` into a cache directory. At run time the lookup order is:
//!
//! 1. the `PYRITE_STDLIB` environment variable (a zip file or a directory), unless the
//!    environment is ignored (`-E`, `-I`);
//! 2. `lib/python_stdlib.zip` or `lib/python3.14/` beside the `pyrite` executable, for a
//!    relocated installation;
//! 3. the verified zip the build recorded (`$PYRITE_CACHE_DIR`, else
//!    `$XDG_CACHE_HOME/pyrite`, else `~/.cache/pyrite`, then `pyodide-314.0.7/`).

use std::path::{Path, PathBuf};

/// The zip the build fetched and verified, or `None` if the build could not fetch it.
pub fn built_stdlib() -> Option<PathBuf> {
    let path = env!("PYRITE_BUILT_STDLIB");
    (!path.is_empty()).then(|| PathBuf::from(path))
}

/// Looks the standard library up in the documented order; `use_environment` is false
/// under `-E`/`-I`. Returns a zip file or a directory that exists.
pub fn find_stdlib(use_environment: bool, executable: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PYRITE_STDLIB").filter(|p| use_environment && !p.is_empty())
    {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    if let Some(dir) = executable.and_then(Path::parent) {
        for candidate in [
            dir.join("lib/python_stdlib.zip"),
            dir.join("lib/python3.14"),
        ] {
            if candidate.exists() {
                return Some(candidate);
            }
        }
    }
    built_stdlib().filter(|p| p.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_stdlib_is_the_pinned_zip() {
        // The build records either nothing or a path to the pinned zip file's name.
        if let Some(p) = built_stdlib() {
            assert_eq!(p.file_name().unwrap(), "python_stdlib.zip");
            assert!(p.to_string_lossy().contains("pyodide-314.0.7"));
        }
    }
}
