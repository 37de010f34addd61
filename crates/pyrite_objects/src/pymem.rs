//! Guarding huge allocation requests: a request that cannot be satisfied is a
//! `MemoryError`, never an abort or a machine-wide out-of-memory kill.
//!
//! CPython counterpart: `Objects/obmalloc.c` (`PyMem_Malloc` returning NULL, turned into
//! `PyErr_NoMemory`). The global allocator may reserve address space lazily (mimalloc maps
//! huge blocks without reserving them), so a successful `try_reserve` does not prove the
//! memory exists: requests beyond the machine's RAM plus swap are refused up front.

use std::sync::OnceLock;

use crate::err::{ExceptionKind, PyErr, PyResult};

/// RAM plus swap in bytes (`/proc/meminfo`), or `None` where unknown.
fn memory_limit() -> Option<usize> {
    static LIMIT: OnceLock<Option<usize>> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        let info = std::fs::read_to_string("/proc/meminfo").ok()?;
        let field = |name: &str| -> Option<usize> {
            let line = info.lines().find(|line| line.starts_with(name))?;
            let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
            kib.checked_mul(1024)
        };
        Some(field("MemTotal:")?.saturating_add(field("SwapTotal:").unwrap_or(0)))
    })
}

/// Fails with `MemoryError` if `bytes` can never be allocated on this machine.
pub fn check_request(bytes: usize) -> PyResult<()> {
    if bytes > isize::MAX as usize || memory_limit().is_some_and(|limit| bytes > limit) {
        return Err(PyErr::without_arg(ExceptionKind::MemoryError));
    }
    Ok(())
}

/// A vector with room for `count` items, or `MemoryError`.
pub fn vec_with_capacity<T>(count: usize) -> PyResult<Vec<T>> {
    let bytes = count
        .checked_mul(std::mem::size_of::<T>().max(1))
        .ok_or_else(|| PyErr::without_arg(ExceptionKind::MemoryError))?;
    check_request(bytes)?;
    let mut items = Vec::new();
    items
        .try_reserve_exact(count)
        .map_err(|_| PyErr::without_arg(ExceptionKind::MemoryError))?;
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_requests_are_memory_errors() {
        assert!(check_request(16).is_ok());
        assert!(check_request(usize::MAX).is_err());
        assert!(vec_with_capacity::<u64>(1 << 61).is_err());
        assert_eq!(vec_with_capacity::<u8>(10).unwrap().capacity(), 10);
    }
}
