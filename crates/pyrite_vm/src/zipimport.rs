//! Importing from zip archives on `sys.path` (the standard library ships as
//! `python_stdlib.zip`): the archive's central directory is read once, and members
//! are read (stored or deflated) on demand.
//!
//! CPython counterpart: `Lib/zipimport.py` (`zipimporter`, `_read_directory`,
//! `_get_data`). The formats are the zip application note's: the end-of-central-
//! directory record, central directory headers, local headers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// One member of an archive.
struct Member {
    /// Offset of the member's local header.
    header_offset: u64,
    compressed_size: u64,
    uncompressed_size: u64,
    /// 0: stored, 8: deflated.
    method: u16,
}

/// The table of contents of one archive.
pub struct Archive {
    path: PathBuf,
    members: HashMap<String, Member>,
    /// Directories implied by member names (`pkg/` for `pkg/mod.py`).
    directories: std::collections::HashSet<String>,
}

thread_local! {
    static ARCHIVES: std::cell::RefCell<HashMap<PathBuf, Option<Rc<Archive>>>> =
        std::cell::RefCell::new(HashMap::new());
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The archive at `path`, read once per process; `None` if it is not a zip file.
pub fn archive(path: &Path) -> Option<Rc<Archive>> {
    if let Some(cached) = ARCHIVES.with(|cache| cache.borrow().get(path).cloned()) {
        return cached;
    }
    let read = read_directory(path).map(Rc::new);
    ARCHIVES.with(|cache| cache.borrow_mut().insert(path.to_owned(), read.clone()));
    read
}

/// Reads `len` bytes at `offset` of `file`.
fn read_at(file: &mut std::fs::File, offset: u64, len: usize) -> Option<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset)).ok()?;
    let mut buffer = vec![0; len];
    file.read_exact(&mut buffer).ok()?;
    Some(buffer)
}

fn read_directory(path: &Path) -> Option<Archive> {
    let mut file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    // The end-of-central-directory record is within the last 64 KiB + 22 bytes.
    let tail_len = size.min(22 + 0xFFFF);
    let tail = read_at(&mut file, size - tail_len, usize::try_from(tail_len).ok()?)?;
    let eocd = (0..=tail.len().checked_sub(22)?)
        .rev()
        .find(|&at| u32_at(&tail, at) == Some(0x0605_4b50))?;
    let directory_size = usize::try_from(u32_at(&tail, eocd + 12)?).ok()?;
    let directory_offset = u64::from(u32_at(&tail, eocd + 16)?);
    let count = usize::from(u16_at(&tail, eocd + 10)?);
    let data = read_at(&mut file, directory_offset, directory_size)?;
    let mut at = 0;
    let mut members = HashMap::with_capacity(count);
    let mut directories = std::collections::HashSet::new();
    for _ in 0..count {
        if u32_at(&data, at)? != 0x0201_4b50 {
            return None;
        }
        let method = u16_at(&data, at + 10)?;
        let compressed_size = u64::from(u32_at(&data, at + 20)?);
        let uncompressed_size = u64::from(u32_at(&data, at + 24)?);
        let name_len = usize::from(u16_at(&data, at + 28)?);
        let extra_len = usize::from(u16_at(&data, at + 30)?);
        let comment_len = usize::from(u16_at(&data, at + 32)?);
        let header_offset = u64::from(u32_at(&data, at + 42)?);
        let name = String::from_utf8_lossy(data.get(at + 46..at + 46 + name_len)?).into_owned();
        let mut prefix = name.as_str();
        while let Some((parent, _)) = prefix.rsplit_once('/') {
            directories.insert(format!("{parent}/"));
            prefix = parent;
        }
        members.insert(
            name,
            Member {
                header_offset,
                compressed_size,
                uncompressed_size,
                method,
            },
        );
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(Archive {
        path: path.to_owned(),
        members,
        directories,
    })
}

impl Archive {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn has_file(&self, name: &str) -> bool {
        self.members.contains_key(name)
    }

    pub fn has_directory(&self, name: &str) -> bool {
        self.directories.contains(&format!("{name}/"))
    }

    /// The bytes of member `name`.
    pub fn read(&self, name: &str) -> Result<Vec<u8>, String> {
        let member = self
            .members
            .get(name)
            .ok_or_else(|| format!("there is no item named '{name}' in the archive"))?;
        let bad = || format!("bad local file header in {}", self.path.display());
        let mut file = std::fs::File::open(&self.path).map_err(|err| err.to_string())?;
        let header = read_at(&mut file, member.header_offset, 30).ok_or_else(bad)?;
        if u32_at(&header, 0) != Some(0x0403_4b50) {
            return Err(bad());
        }
        let name_len = u64::from(u16_at(&header, 26).ok_or_else(bad)?);
        let extra_len = u64::from(u16_at(&header, 28).ok_or_else(bad)?);
        let start = member.header_offset + 30 + name_len + extra_len;
        let size = usize::try_from(member.compressed_size).map_err(|_| bad())?;
        let raw = read_at(&mut file, start, size).ok_or_else(bad)?;
        let raw = raw.as_slice();
        match member.method {
            0 => Ok(raw.to_vec()),
            8 => {
                let limit = usize::try_from(member.uncompressed_size).map_err(|_| bad())?;
                miniz_oxide::inflate::decompress_to_vec_with_limit(raw, limit.max(1))
                    .map_err(|_| format!("can't decompress data; zlib not available: {name}"))
            }
            other => Err(format!("bad compression method {other} for {name}")),
        }
    }
}

/// The archive a path starts with and the path inside it (`lib.zip/pkg/mod.py` is
/// `lib.zip` and `pkg/mod.py`).
pub fn split_path(path: &Path) -> Option<(Rc<Archive>, String)> {
    let mut archive_path = path;
    let mut inner = Vec::new();
    while !archive_path.is_file() {
        inner.push(archive_path.file_name()?.to_string_lossy().into_owned());
        archive_path = archive_path.parent()?;
    }
    inner.reverse();
    Some((archive(archive_path)?, inner.join("/")))
}

/// The bytes of `archive.zip/member/path` (a module's `__file__` inside an archive).
pub fn read_member_path(path: &Path) -> Option<Vec<u8>> {
    let (archive, member) = split_path(path)?;
    archive.read(&member).ok()
}
