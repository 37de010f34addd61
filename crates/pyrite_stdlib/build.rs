//! Makes sure CPython 3.14.2's `Lib` is on this machine before Pyrite is built.
//!
//! The library comes from the `pyodide` package (version pinned below) on the npm
//! registry, which ships it as `python_stdlib.zip`. It is fetched once with the ordinary
//! client (`npm pack`), checked against pinned SHA-256 digests and kept in a cache
//! directory shared by every checkout, so a second build needs no network. Nothing of it
//! is committed. The verified path is compiled into the crate as `PYRITE_BUILT_STDLIB`.
//! When the fetch is impossible the build still succeeds with a warning; `pyrite` then
//! says at run time that it cannot find the library (see `lib.rs` for the lookup order).

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

const PACKAGE: &str = "pyodide";
const VERSION: &str = "314.0.7";
const TARBALL_SHA256: &str = "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0";
const ZIP_SHA256: &str = "fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a";

fn cache_root() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PYRITE_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(dir).join("pyrite"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache").join("pyrite"))
}

fn sha256_of(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    Some(format!("{:x}", Sha256::digest(&bytes)))
}

fn fetch(dir: &Path) -> Result<PathBuf, String> {
    let zip = dir.join("python_stdlib.zip");
    if sha256_of(&zip).as_deref() == Some(ZIP_SHA256) {
        return Ok(zip);
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let work = dir.join(format!("fetch-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let result = (|| {
        let spec = format!("{PACKAGE}@{VERSION}");
        let status = Command::new("npm")
            .args(["pack", "--silent", &spec, "--pack-destination"])
            .arg(&work)
            .current_dir(&work)
            .status()
            .map_err(|e| format!("cannot run npm: {e}"))?;
        if !status.success() {
            return Err(format!("`npm pack {spec}` failed ({status})"));
        }
        let tarball = work.join(format!("{PACKAGE}-{VERSION}.tgz"));
        match sha256_of(&tarball) {
            Some(sum) if sum == TARBALL_SHA256 => {}
            other => {
                return Err(format!(
                    "{} has sha256 {other:?}, expected {TARBALL_SHA256}",
                    tarball.display()
                ));
            }
        }
        let status = Command::new("tar")
            .arg("xzf")
            .arg(&tarball)
            .arg("package/python_stdlib.zip")
            .current_dir(&work)
            .status()
            .map_err(|e| format!("cannot run tar: {e}"))?;
        if !status.success() {
            return Err("tar could not extract python_stdlib.zip".into());
        }
        let extracted = work.join("package").join("python_stdlib.zip");
        if sha256_of(&extracted).as_deref() != Some(ZIP_SHA256) {
            return Err("python_stdlib.zip does not have the pinned sha256".into());
        }
        std::fs::rename(&extracted, &zip).map_err(|e| e.to_string())?;
        Ok(zip.clone())
    })();
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PYRITE_CACHE_DIR");
    println!("cargo:rerun-if-env-changed=XDG_CACHE_HOME");
    let built = match cache_root() {
        None => Err("no cache directory (set PYRITE_CACHE_DIR or HOME)".to_string()),
        Some(root) => fetch(&root.join(format!("{PACKAGE}-{VERSION}"))),
    };
    match built {
        Ok(zip) => {
            println!("cargo:rerun-if-changed={}", zip.display());
            println!("cargo:rustc-env=PYRITE_BUILT_STDLIB={}", zip.display());
        }
        Err(why) => {
            println!("cargo:warning=CPython's standard library was not fetched: {why}");
            println!("cargo:rustc-env=PYRITE_BUILT_STDLIB=");
        }
    }
}
