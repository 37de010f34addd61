//! `scandir` and its `os.DirEntry` objects: the names of a directory with what
//! `readdir` already knew about each (type, inode), and `stat` results cached on demand.
//!
//! CPython counterpart: `Modules/posixmodule.c` (`ScandirIterator`, `DirEntry`,
//! `DirEntry_fetch_stat`, `DirEntry_test_mode`).

use std::cell::RefCell;
use std::ffi::{CString, c_int};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::DirEntryExt;

use pyrite_objects::err::ExceptionKind;
use pyrite_objects::slots::{Slot, SlotTable};
use pyrite_objects::typeobject::{OBJECT_TYPE, PyType, StaticType, TYPE_TYPE, TypeObject, flags};
use pyrite_objects::{Py, PyErr, PyObject, PyPayload, PyRef, PyResult, StaticObject, ThreadState};
use pyrite_objects::{bool as pybool, int, singletons, str as pystr};

use super::{PathOptions, ffi, os_error, path_arg, path_result};
use crate::modsupport::{Args, KwNames, ModuleBuilder, bind};

/// `os.DirEntry`.
pub struct DirEntry {
    name: PyRef,
    path: PyRef,
    /// What `readdir` said the entry is (`None` when it did not say).
    file_type: Option<std::fs::FileType>,
    inode: u64,
    /// The directory descriptor for `scandir(fd)` (then `stat` goes by name from it).
    dir_fd: Option<c_int>,
    /// The path `stat` uses: the full path, or the name under `dir_fd`.
    stat_path: CString,
    stat: RefCell<Option<PyRef>>,
    lstat: RefCell<Option<PyRef>>,
}

impl PyPayload for DirEntry {
    fn static_type() -> &'static PyType {
        &DIR_ENTRY_TYPE
    }
}

fn entry_of(object: &PyObject) -> PyResult<&DirEntry> {
    object
        .downcast_ref::<DirEntry>()
        .map(|entry| entry.payload())
        .ok_or_else(|| PyErr::type_error("expected an os.DirEntry"))
}

fn entry_name(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(entry_of(object)?.name.clone())
}

fn entry_path(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(entry_of(object)?.path.clone())
}

fn follow_arg(ts: &ThreadState, args: Args<'_>, kw: KwNames<'_>, name: &str) -> PyResult<bool> {
    if !args
        .len()
        .eq(&kw.map_or(0, |names| pyrite_objects::tuple::items(names).len()))
    {
        let given = args.len() - kw.map_or(0, |names| pyrite_objects::tuple::items(names).len());
        return Err(PyErr::type_error(format!(
            "DirEntry.{name}() takes no positional arguments ({given} given)"
        )));
    }
    let values = bind(name, args, kw, &["follow_symlinks"], 0, 0)?;
    super::flag_arg(ts, values[0].as_ref(), true)
}

impl DirEntry {
    /// `stat()` or `lstat()` of the entry, made once.
    fn fetch(&self, ts: &ThreadState, follow: bool) -> PyResult {
        let cache = if follow { &self.stat } else { &self.lstat };
        if let Some(cached) = cache.borrow().clone() {
            return Ok(cached);
        }
        let dir_fd = self.dir_fd.unwrap_or(ffi::CWD);
        let status = ffi::stat_at(dir_fd, &self.stat_path, follow)
            .map_err(|err| os_error(ts, &err, Some(&self.path)))?;
        let result = super::stat::new_stat_result(ts, &status)?;
        *cache.borrow_mut() = Some(result.clone());
        Ok(result)
    }

    fn is_symlink(&self, ts: &ThreadState) -> PyResult<bool> {
        match self.file_type {
            Some(kind) => Ok(kind.is_symlink()),
            None => self.mode_is(ts, false, libc::S_IFLNK),
        }
    }

    /// Whether the entry (or its target) has file type `kind`; a missing target is not.
    fn mode_is(&self, ts: &ThreadState, follow: bool, kind: u32) -> PyResult<bool> {
        let status = match self.fetch(ts, follow) {
            Ok(status) => status,
            Err(err) if err.matches(ExceptionKind::FileNotFoundError) => return Ok(false),
            Err(err) => return Err(err),
        };
        let mode = pyrite_objects::tuple::items(&status)
            .first()
            .and_then(|mode| int::as_i64(mode))
            .unwrap_or(0) as u32;
        Ok(mode & libc::S_IFMT == kind)
    }

    fn test_type(&self, ts: &ThreadState, follow: bool, kind: u32) -> PyResult<bool> {
        let known = self
            .file_type
            .filter(|file_type| !(follow && file_type.is_symlink()));
        match known {
            Some(file_type) => Ok(match kind {
                libc::S_IFDIR => file_type.is_dir(),
                _ => file_type.is_file(),
            }),
            None => self.mode_is(ts, follow, kind),
        }
    }
}

fn entry_is_dir(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let follow = follow_arg(ts, args, kw, "is_dir")?;
    Ok(pybool::bool_ref(entry_of(this)?.test_type(
        ts,
        follow,
        libc::S_IFDIR,
    )?))
}

fn entry_is_file(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let follow = follow_arg(ts, args, kw, "is_file")?;
    Ok(pybool::bool_ref(entry_of(this)?.test_type(
        ts,
        follow,
        libc::S_IFREG,
    )?))
}

fn entry_is_symlink(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    crate::modsupport::positional("is_symlink", args, kw, 0, 0)?;
    Ok(pybool::bool_ref(entry_of(this)?.is_symlink(ts)?))
}

fn entry_is_junction(
    _ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    crate::modsupport::positional("is_junction", args, kw, 0, 0)?;
    entry_of(this)?;
    Ok(pybool::bool_ref(false))
}

fn entry_stat(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let follow = follow_arg(ts, args, kw, "stat")?;
    let entry = entry_of(this)?;
    let follow = follow && entry.is_symlink(ts)?;
    entry.fetch(ts, follow)
}

fn entry_inode(ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::modsupport::positional("inode", args, kw, 0, 0)?;
    let inode = entry_of(this)?.inode;
    Ok(match i64::try_from(inode) {
        Ok(inode) => int::new(ts, inode),
        Err(_) => int::from_bigint(ts, inode.into()),
    })
}

fn entry_fspath(_ts: &ThreadState, this: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    crate::modsupport::positional("__fspath__", args, kw, 0, 0)?;
    Ok(entry_of(this)?.path.clone())
}

fn entry_class_getitem(
    ts: &ThreadState,
    this: &PyObject,
    args: Args<'_>,
    kw: KwNames<'_>,
) -> PyResult {
    let args = crate::modsupport::positional("__class_getitem__", args, kw, 1, 1)?;
    Ok(pyrite_objects::genericaliasobject::new(
        ts,
        this.new_ref(),
        &args[0],
    ))
}

fn entry_repr(ts: &ThreadState, object: &PyObject) -> PyResult {
    let name = entry_of(object)?.name.repr(ts)?;
    let text = format!("<DirEntry {}>", pystr::to_rust_string(&name));
    Ok(pystr::new(ts, &text).into_ref())
}

fn entry_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(entry) = object.downcast_ref::<DirEntry>() {
        visit(&entry.name);
        visit(&entry.path);
        for cache in [&entry.stat, &entry.lstat] {
            if let Ok(cached) = cache.try_borrow()
                && let Some(cached) = cached.as_ref()
            {
                visit(cached);
            }
        }
    }
}

pub static DIR_ENTRY_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<DirEntry>("posix.DirEntry", flags::HAVE_GC, Some(&OBJECT_TYPE))
        .with_slots(SlotTable {
            repr: Slot::new(entry_repr),
            traverse: Slot::new(entry_traverse),
            ..pyrite_objects::typeobject::object_slots()
        }),
);

/// `os.scandir()`'s iterator, a context manager.
pub struct ScandirIterator {
    entries: RefCell<std::collections::VecDeque<PyRef>>,
}

impl PyPayload for ScandirIterator {
    fn static_type() -> &'static PyType {
        &SCANDIR_ITERATOR_TYPE
    }
}

fn scandir_next(_ts: &ThreadState, object: &PyObject) -> PyResult<Option<PyRef>> {
    let iterator = object
        .downcast_ref::<ScandirIterator>()
        .ok_or_else(|| PyErr::type_error("expected a ScandirIterator"))?;
    let next = iterator.entries.borrow_mut().pop_front();
    Ok(next)
}

fn scandir_close(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    if let Some(iterator) = this.downcast_ref::<ScandirIterator>() {
        let entries = std::mem::take(&mut *iterator.entries.borrow_mut());
        drop(entries);
    }
    Ok(singletons::none())
}

fn scandir_enter(
    _ts: &ThreadState,
    this: &PyObject,
    _args: Args<'_>,
    _kw: KwNames<'_>,
) -> PyResult {
    Ok(this.new_ref())
}

fn self_iter(_ts: &ThreadState, object: &PyObject) -> PyResult {
    Ok(object.new_ref())
}

fn scandir_traverse(_ts: &ThreadState, object: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    if let Some(iterator) = object.downcast_ref::<ScandirIterator>()
        && let Ok(entries) = iterator.entries.try_borrow()
    {
        for entry in entries.iter() {
            visit(entry);
        }
    }
}

pub static SCANDIR_ITERATOR_TYPE: StaticType = StaticObject::new(
    &TYPE_TYPE,
    TypeObject::builtin::<ScandirIterator>(
        "posix.ScandirIterator",
        flags::HAVE_GC,
        Some(&OBJECT_TYPE),
    )
    .with_slots(SlotTable {
        iter: Slot::new(self_iter),
        iternext: Slot::new(scandir_next),
        traverse: Slot::new(scandir_traverse),
        ..pyrite_objects::typeobject::object_slots()
    }),
);

/// `path/name` as CPython's `join_path_filename` makes it.
fn join(directory: &[u8], name: &[u8]) -> Vec<u8> {
    let mut joined = directory.to_vec();
    if !joined.is_empty() && !joined.ends_with(b"/") {
        joined.push(b'/');
    }
    joined.extend_from_slice(name);
    joined
}

/// `scandir(path=None)`: an iterator of `DirEntry` (the path may be a descriptor).
fn scandir(ts: &ThreadState, _m: &PyObject, args: Args<'_>, kw: KwNames<'_>) -> PyResult {
    let values = bind("scandir", args, kw, &["path"], 0, 0)?;
    let options = PathOptions {
        allow_fd: true,
        nullable: true,
    };
    // (directory to read, prefix of entry paths, bytes results, descriptor, shown name)
    let (directory, prefix, is_bytes, dir_fd, shown) = match &values[0] {
        Some(value) if !singletons::is_none(value) => {
            let path = path_arg(ts, "scandir", value, options)?;
            match path.fd {
                Some(fd) => (
                    super::fs::fd_directory(ts, fd)?,
                    None,
                    false,
                    Some(fd),
                    None,
                ),
                None => (
                    path.path().to_owned(),
                    Some(path.c_path.as_bytes().to_vec()),
                    path.is_bytes,
                    None,
                    Some(path.object),
                ),
            }
        }
        _ => (
            ".".into(),
            Some(b".".to_vec()),
            false,
            None,
            Some(pystr::new(ts, ".").into_ref()),
        ),
    };
    let fail = |err: std::io::Error| os_error(ts, &err, shown.as_deref());
    let mut entries = std::collections::VecDeque::new();
    for entry in std::fs::read_dir(&directory).map_err(fail)? {
        let entry = entry.map_err(fail)?;
        let file_name = entry.file_name();
        let name = file_name.as_bytes();
        let full = match &prefix {
            Some(prefix) => join(prefix, name),
            None => name.to_vec(),
        };
        let stat_path = CString::new(full.clone()).map_err(|_| {
            PyErr::new(ExceptionKind::ValueError, "embedded null character in path")
        })?;
        let payload = DirEntry {
            name: path_result(ts, name, is_bytes),
            path: path_result(ts, &full, is_bytes),
            file_type: entry.file_type().ok(),
            inode: entry.ino(),
            dir_fd,
            stat_path,
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
        };
        entries.push_back(Py::new(ts, payload).into_ref());
    }
    Ok(Py::new(
        ts,
        ScandirIterator {
            entries: RefCell::new(entries),
        },
    )
    .into_ref())
}

pub(super) fn install(ts: &ThreadState, module: &ModuleBuilder<'_>) -> PyResult<()> {
    module.functions(&[("scandir", scandir)])?;
    module.add_type("DirEntry", &DIR_ENTRY_TYPE, "posix")?;
    SCANDIR_ITERATOR_TYPE.ready(ts)?;
    pyrite_objects::descr::add_getsets(
        ts,
        &DIR_ENTRY_TYPE,
        &[("name", entry_name, None), ("path", entry_path, None)],
    );
    pyrite_objects::descr::add_methods(
        ts,
        &DIR_ENTRY_TYPE,
        &[
            ("is_dir", entry_is_dir),
            ("is_file", entry_is_file),
            ("is_symlink", entry_is_symlink),
            ("is_junction", entry_is_junction),
            ("stat", entry_stat),
            ("inode", entry_inode),
            ("__fspath__", entry_fspath),
        ],
    );
    if let Some(type_dict) = DIR_ENTRY_TYPE
        .dict(ts)
        .downcast_ref::<pyrite_objects::dict::Dict>()
    {
        let getitem = pyrite_objects::descr::new_builtin_function(
            ts,
            "__class_getitem__",
            entry_class_getitem,
            DIR_ENTRY_TYPE.as_object().new_ref(),
        );
        type_dict.set_item(ts, pystr::intern(ts, "__class_getitem__"), getitem)?;
    }
    pyrite_objects::descr::add_methods(
        ts,
        &SCANDIR_ITERATOR_TYPE,
        &[
            ("close", scandir_close),
            ("__enter__", scandir_enter),
            ("__exit__", scandir_close),
        ],
    );
    Ok(())
}
