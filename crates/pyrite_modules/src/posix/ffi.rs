//! The C library calls behind `posix`, each in a small safe wrapper: every `unsafe`
//! block of the module lives here, next to the reason it is sound. Callers get
//! `io::Result`s built from `errno`, and calls interrupted by a signal are retried
//! (PEP 475), as CPython's `Modules/posixmodule.c` does around the same calls.

use std::ffi::{CStr, c_int};
use std::io;

/// `AT_FDCWD`: the `dir_fd` meaning "relative to the current directory".
pub const CWD: c_int = libc::AT_FDCWD;

fn check(result: c_int) -> io::Result<c_int> {
    if result == -1 {
        Err(io::Error::last_os_error())
    } else {
        Ok(result)
    }
}

fn check_size(result: isize) -> io::Result<usize> {
    if result < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(result as usize)
    }
}

/// Repeats `call` while it fails with `EINTR` (no signal handler runs here yet).
fn retry<T>(mut call: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    loop {
        match call() {
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

fn set_errno(value: c_int) {
    // SAFETY: `__errno_location` returns the calling thread's own `errno` slot, valid for
    // the thread's lifetime; writing an int there is what C's `errno = 0` does.
    unsafe { *libc::__errno_location() = value };
}

fn errno() -> c_int {
    io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn at_flags(follow_symlinks: bool) -> c_int {
    if follow_symlinks {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    }
}

// ------------------------------------------------------------------ descriptors

pub fn open_at(dir_fd: c_int, path: &CStr, flags: c_int, mode: u32) -> io::Result<c_int> {
    // SAFETY: `path` is a NUL-terminated string that outlives the call; `openat` reads
    // it and the other arguments are plain integers.
    retry(|| check(unsafe { libc::openat(dir_fd, path.as_ptr(), flags, mode as libc::c_uint) }))
}

pub fn read(fd: c_int, buffer: &mut [u8]) -> io::Result<usize> {
    // SAFETY: the kernel writes at most `buffer.len()` bytes into `buffer`, which is
    // exclusively borrowed for the call.
    retry(|| check_size(unsafe { libc::read(fd, buffer.as_mut_ptr().cast(), buffer.len()) }))
}

pub fn write(fd: c_int, data: &[u8]) -> io::Result<usize> {
    // SAFETY: the kernel reads at most `data.len()` bytes from `data`, borrowed for the
    // call.
    retry(|| check_size(unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) }))
}

pub fn close(fd: c_int) -> io::Result<()> {
    // SAFETY: closing a descriptor touches no memory; a descriptor some Rust object
    // still owns is the caller's business, as with CPython's `os.close`.
    check(unsafe { libc::close(fd) }).map(drop)
}

pub fn lseek(fd: c_int, offset: i64, whence: c_int) -> io::Result<i64> {
    // SAFETY: integer arguments only.
    let result = unsafe { libc::lseek(fd, offset, whence) };
    if result < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(result)
    }
}

/// A new descriptor for `fd`'s file, close-on-exec (not inheritable, PEP 446).
pub fn dup(fd: c_int) -> io::Result<c_int> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

pub fn dup2(fd: c_int, target: c_int, inheritable: bool) -> io::Result<c_int> {
    // SAFETY: integer arguments only.
    retry(|| {
        check(unsafe {
            if inheritable {
                libc::dup2(fd, target)
            } else {
                libc::dup3(fd, target, libc::O_CLOEXEC)
            }
        })
    })
}

/// A pipe's `(read end, write end)`, both close-on-exec.
pub fn pipe() -> io::Result<(c_int, c_int)> {
    pipe2(libc::O_CLOEXEC)
}

/// A pipe whose ends have `flags`.
pub fn pipe2(flags: c_int) -> io::Result<(c_int, c_int)> {
    let mut fds = [0 as c_int; 2];
    // SAFETY: `pipe2` writes exactly two ints into `fds`.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), flags) })?;
    Ok((fds[0], fds[1]))
}

pub fn isatty(fd: c_int) -> bool {
    // SAFETY: integer argument only.
    unsafe { libc::isatty(fd) == 1 }
}

pub fn ftruncate(fd: c_int, length: i64) -> io::Result<()> {
    // SAFETY: integer arguments only.
    retry(|| check(unsafe { libc::ftruncate(fd, length) })).map(drop)
}

pub fn fsync(fd: c_int) -> io::Result<()> {
    // SAFETY: integer argument only.
    retry(|| check(unsafe { libc::fsync(fd) })).map(drop)
}

pub fn fdatasync(fd: c_int) -> io::Result<()> {
    // SAFETY: integer argument only.
    retry(|| check(unsafe { libc::fdatasync(fd) })).map(drop)
}

/// `fcntl(fd, F_GETFD)` or `F_GETFL`.
pub fn fcntl_get(fd: c_int, command: c_int) -> io::Result<c_int> {
    // SAFETY: the get commands take no third argument and touch no memory.
    check(unsafe { libc::fcntl(fd, command) })
}

/// `fcntl(fd, F_SETFD, value)` or `F_SETFL`.
pub fn fcntl_set(fd: c_int, command: c_int, value: c_int) -> io::Result<()> {
    // SAFETY: the set commands take an int argument and touch no memory.
    check(unsafe { libc::fcntl(fd, command, value) }).map(drop)
}

// ------------------------------------------------------------------ file system

fn empty_stat() -> libc::stat {
    // SAFETY: `struct stat` is plain integers, for which all-zero bytes are valid.
    unsafe { std::mem::zeroed() }
}

pub fn stat_at(dir_fd: c_int, path: &CStr, follow_symlinks: bool) -> io::Result<libc::stat> {
    let mut result = empty_stat();
    // SAFETY: `path` is NUL-terminated and `result` is a valid `struct stat` the call
    // fills in.
    check(unsafe {
        libc::fstatat(
            dir_fd,
            path.as_ptr(),
            &mut result,
            at_flags(follow_symlinks),
        )
    })?;
    Ok(result)
}

pub fn fstat(fd: c_int) -> io::Result<libc::stat> {
    let mut result = empty_stat();
    // SAFETY: `result` is a valid `struct stat` the call fills in.
    check(unsafe { libc::fstat(fd, &mut result) })?;
    Ok(result)
}

pub fn access_at(
    dir_fd: c_int,
    path: &CStr,
    mode: c_int,
    effective_ids: bool,
    follow_symlinks: bool,
) -> bool {
    let mut flags = at_flags(follow_symlinks);
    if effective_ids {
        flags |= libc::AT_EACCESS;
    }
    // SAFETY: `path` is NUL-terminated; the rest are integers.
    unsafe { libc::faccessat(dir_fd, path.as_ptr(), mode, flags) == 0 }
}

pub fn chmod_at(dir_fd: c_int, path: &CStr, mode: u32, follow_symlinks: bool) -> io::Result<()> {
    // SAFETY: `path` is NUL-terminated; the rest are integers.
    check(unsafe {
        libc::fchmodat(
            dir_fd,
            path.as_ptr(),
            mode as libc::mode_t,
            at_flags(follow_symlinks),
        )
    })
    .map(drop)
}

pub fn fchmod(fd: c_int, mode: u32) -> io::Result<()> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::fchmod(fd, mode as libc::mode_t) }).map(drop)
}

pub fn fchdir(fd: c_int) -> io::Result<()> {
    // SAFETY: integer argument only.
    check(unsafe { libc::fchdir(fd) }).map(drop)
}

/// Sets the file-creation mask; the previous one.
pub fn umask(mask: u32) -> u32 {
    // SAFETY: `umask` cannot fail and touches no memory.
    unsafe { libc::umask(mask as libc::mode_t) }
}

/// `(seconds, nanoseconds)` for the access and the modification time; `None` is "now".
pub type FileTimes = Option<[(i64, i64); 2]>;

fn timespecs(times: FileTimes) -> [libc::timespec; 2] {
    match times {
        Some(times) => times.map(|(seconds, nanos)| libc::timespec {
            tv_sec: seconds,
            tv_nsec: nanos,
        }),
        None => {
            [libc::timespec {
                tv_sec: 0,
                tv_nsec: libc::UTIME_NOW,
            }; 2]
        }
    }
}

pub fn utimens_at(
    dir_fd: c_int,
    path: &CStr,
    times: FileTimes,
    follow_symlinks: bool,
) -> io::Result<()> {
    let times = timespecs(times);
    // SAFETY: `path` is NUL-terminated and `times` two valid timespecs, both read only.
    check(unsafe {
        libc::utimensat(
            dir_fd,
            path.as_ptr(),
            times.as_ptr(),
            at_flags(follow_symlinks),
        )
    })
    .map(drop)
}

pub fn futimens(fd: c_int, times: FileTimes) -> io::Result<()> {
    let times = timespecs(times);
    // SAFETY: `times` is two valid timespecs, read only.
    check(unsafe { libc::futimens(fd, times.as_ptr()) }).map(drop)
}

pub fn link_at(
    source_dir_fd: c_int,
    source: &CStr,
    target_dir_fd: c_int,
    target: &CStr,
    follow_symlinks: bool,
) -> io::Result<()> {
    let flags = if follow_symlinks {
        libc::AT_SYMLINK_FOLLOW
    } else {
        0
    };
    // SAFETY: both paths are NUL-terminated; the rest are integers.
    check(unsafe {
        libc::linkat(
            source_dir_fd,
            source.as_ptr(),
            target_dir_fd,
            target.as_ptr(),
            flags,
        )
    })
    .map(drop)
}

pub fn symlink_at(target: &CStr, dir_fd: c_int, link: &CStr) -> io::Result<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::symlinkat(target.as_ptr(), dir_fd, link.as_ptr()) }).map(drop)
}

pub fn readlink_at(dir_fd: c_int, path: &CStr) -> io::Result<Vec<u8>> {
    let mut buffer = vec![0u8; 256];
    loop {
        // SAFETY: `path` is NUL-terminated; the call writes at most `buffer.len()` bytes
        // into `buffer`.
        let length = check_size(unsafe {
            libc::readlinkat(
                dir_fd,
                path.as_ptr(),
                buffer.as_mut_ptr().cast(),
                buffer.len(),
            )
        })?;
        if length < buffer.len() {
            buffer.truncate(length);
            return Ok(buffer);
        }
        buffer.resize(buffer.len() * 2, 0);
    }
}

/// `unlinkat`: removes a file, or with `directory` an empty directory.
pub fn unlink_at(dir_fd: c_int, path: &CStr, directory: bool) -> io::Result<()> {
    let flags = if directory { libc::AT_REMOVEDIR } else { 0 };
    // SAFETY: `path` is NUL-terminated; the rest are integers.
    check(unsafe { libc::unlinkat(dir_fd, path.as_ptr(), flags) }).map(drop)
}

pub fn rename_at(
    source_dir_fd: c_int,
    source: &CStr,
    target_dir_fd: c_int,
    target: &CStr,
) -> io::Result<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe {
        libc::renameat(
            source_dir_fd,
            source.as_ptr(),
            target_dir_fd,
            target.as_ptr(),
        )
    })
    .map(drop)
}

pub fn mkdir_at(dir_fd: c_int, path: &CStr, mode: u32) -> io::Result<()> {
    // SAFETY: `path` is NUL-terminated; the rest are integers.
    check(unsafe { libc::mkdirat(dir_fd, path.as_ptr(), mode as libc::mode_t) }).map(drop)
}

pub fn truncate(path: &CStr, length: i64) -> io::Result<()> {
    // SAFETY: `path` is NUL-terminated.
    retry(|| check(unsafe { libc::truncate(path.as_ptr(), length) })).map(drop)
}

// ------------------------------------------------------------------ process

/// The real and effective user and group ids: `(uid, euid, gid, egid)`.
pub fn ids() -> (u32, u32, u32, u32) {
    // SAFETY: these calls always succeed and touch no memory.
    unsafe {
        (
            libc::getuid(),
            libc::geteuid(),
            libc::getgid(),
            libc::getegid(),
        )
    }
}

pub fn getppid() -> i32 {
    // SAFETY: always succeeds, touches no memory.
    unsafe { libc::getppid() }
}

pub fn getpgrp() -> i32 {
    // SAFETY: always succeeds, touches no memory.
    unsafe { libc::getpgrp() }
}

/// The login name of the controlling terminal's user.
pub fn getlogin() -> io::Result<Vec<u8>> {
    set_errno(0);
    // SAFETY: `getlogin` returns NULL or a NUL-terminated string in a static buffer that
    // stays valid until the next call; it is copied at once, with the GIL held, so no
    // other interpreter thread calls `getlogin` meanwhile.
    unsafe {
        let name = libc::getlogin();
        if name.is_null() {
            let code = match errno() {
                0 => libc::ENOENT,
                code => code,
            };
            return Err(io::Error::from_raw_os_error(code));
        }
        Ok(CStr::from_ptr(name).to_bytes().to_vec())
    }
}

/// `uname()`: sysname, nodename, release, version and machine.
pub fn uname() -> io::Result<[Vec<u8>; 5]> {
    // SAFETY: `struct utsname` is arrays of chars, for which zero bytes are valid.
    let mut names: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `names` is a valid `struct utsname` the call fills in.
    check(unsafe { libc::uname(&mut names) })?;
    let text = |field: &[libc::c_char]| -> Vec<u8> {
        field
            .iter()
            .map(|&c| c as u8)
            .take_while(|&byte| byte != 0)
            .collect()
    };
    Ok([
        text(&names.sysname),
        text(&names.nodename),
        text(&names.release),
        text(&names.version),
        text(&names.machine),
    ])
}

/// `times()`: user, system, children's user and system times and the elapsed real
/// time, in clock ticks.
pub fn times() -> io::Result<[i64; 5]> {
    let mut counts = libc::tms {
        tms_utime: 0,
        tms_stime: 0,
        tms_cutime: 0,
        tms_cstime: 0,
    };
    // SAFETY: `counts` is a valid `struct tms` the call fills in.
    let elapsed = unsafe { libc::times(&mut counts) };
    if elapsed == -1 as libc::clock_t {
        return Err(io::Error::last_os_error());
    }
    Ok([
        counts.tms_utime,
        counts.tms_stime,
        counts.tms_cutime,
        counts.tms_cstime,
        elapsed,
    ])
}

pub fn kill(pid: i32, signal: c_int) -> io::Result<()> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::kill(pid, signal) }).map(drop)
}

pub fn getloadavg() -> Option<[f64; 3]> {
    let mut loads = [0f64; 3];
    // SAFETY: the call writes at most 3 doubles into `loads`.
    let count = unsafe { libc::getloadavg(loads.as_mut_ptr(), 3) };
    (count == 3).then_some(loads)
}

/// `sysconf(name)`: the value (`-1` for "no limit"), or the error.
pub fn sysconf(name: c_int) -> io::Result<i64> {
    set_errno(0);
    // SAFETY: integer argument only.
    let value = unsafe { libc::sysconf(name) };
    if value == -1 && errno() != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(value)
}

/// `confstr(name)`: the value, `None` when the variable has none, or the error.
pub fn confstr(name: c_int) -> io::Result<Option<Vec<u8>>> {
    let mut buffer = vec![0u8; 256];
    loop {
        set_errno(0);
        // SAFETY: the call writes at most `buffer.len()` bytes into `buffer`.
        let needed = unsafe { libc::confstr(name, buffer.as_mut_ptr().cast(), buffer.len()) };
        if needed == 0 {
            return match errno() {
                0 => Ok(None),
                _ => Err(io::Error::last_os_error()),
            };
        }
        if needed <= buffer.len() {
            buffer.truncate(needed - 1);
            return Ok(Some(buffer));
        }
        buffer.resize(needed, 0);
    }
}

/// The terminal window size on `fd`: `(columns, lines)`.
pub fn window_size(fd: c_int) -> io::Result<(u16, u16)> {
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: `TIOCGWINSZ` writes one `struct winsize` into `size`.
    check(unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) })?;
    Ok((size.ws_col, size.ws_row))
}

/// The name of the terminal on `fd`.
pub fn ttyname(fd: c_int) -> io::Result<Vec<u8>> {
    let mut buffer = vec![0u8; 256];
    // SAFETY: the call writes a NUL-terminated name of at most `buffer.len()` bytes.
    let status = unsafe { libc::ttyname_r(fd, buffer.as_mut_ptr().cast(), buffer.len()) };
    if status != 0 {
        return Err(io::Error::from_raw_os_error(status));
    }
    let length = buffer.iter().position(|&byte| byte == 0).unwrap_or(0);
    buffer.truncate(length);
    Ok(buffer)
}

// ------------------------------------------------------------------ environment

/// `setenv(key, value)`. Keys and values were checked for `=` and NUL by the caller.
pub fn set_env(key: &CStr, value: &CStr) -> io::Result<()> {
    // SAFETY: both strings are NUL-terminated; `setenv` copies them. The environment is
    // process-global: like CPython, this runs with the GIL held, and the interpreter's
    // own threads only read the environment under the GIL.
    check(unsafe { libc::setenv(key.as_ptr(), value.as_ptr(), 1) }).map(drop)
}

pub fn unset_env(key: &CStr) -> io::Result<()> {
    // SAFETY: as for `set_env`.
    check(unsafe { libc::unsetenv(key.as_ptr()) }).map(drop)
}

// ------------------------------------------------------------------ more files

pub fn chown_at(
    dir_fd: c_int,
    path: &CStr,
    uid: libc::uid_t,
    gid: libc::gid_t,
    follow_symlinks: bool,
) -> io::Result<()> {
    // SAFETY: `path` is NUL-terminated; the rest are integers.
    check(unsafe { libc::fchownat(dir_fd, path.as_ptr(), uid, gid, at_flags(follow_symlinks)) })
        .map(drop)
}

pub fn fchown(fd: c_int, uid: libc::uid_t, gid: libc::gid_t) -> io::Result<()> {
    // SAFETY: integer arguments only.
    check(unsafe { libc::fchown(fd, uid, gid) }).map(drop)
}

fn empty_statvfs() -> libc::statvfs {
    // SAFETY: `struct statvfs` is plain integers, for which all-zero bytes are valid.
    unsafe { std::mem::zeroed() }
}

pub fn statvfs(path: &CStr) -> io::Result<libc::statvfs> {
    let mut result = empty_statvfs();
    // SAFETY: `path` is NUL-terminated and `result` a valid `struct statvfs` to fill.
    retry(|| check(unsafe { libc::statvfs(path.as_ptr(), &mut result) }))?;
    Ok(result)
}

pub fn fstatvfs(fd: c_int) -> io::Result<libc::statvfs> {
    let mut result = empty_statvfs();
    // SAFETY: `result` is a valid `struct statvfs` to fill.
    retry(|| check(unsafe { libc::fstatvfs(fd, &mut result) }))?;
    Ok(result)
}

pub fn pread(fd: c_int, buffer: &mut [u8], offset: i64) -> io::Result<usize> {
    // SAFETY: the kernel writes at most `buffer.len()` bytes into `buffer`.
    retry(|| {
        check_size(unsafe { libc::pread(fd, buffer.as_mut_ptr().cast(), buffer.len(), offset) })
    })
}

pub fn pwrite(fd: c_int, data: &[u8], offset: i64) -> io::Result<usize> {
    // SAFETY: the kernel reads at most `data.len()` bytes from `data`.
    retry(|| check_size(unsafe { libc::pwrite(fd, data.as_ptr().cast(), data.len(), offset) }))
}

pub fn mkfifo_at(dir_fd: c_int, path: &CStr, mode: u32) -> io::Result<()> {
    // SAFETY: `path` is NUL-terminated; the rest are integers.
    check(unsafe { libc::mkfifoat(dir_fd, path.as_ptr(), mode as libc::mode_t) }).map(drop)
}

pub fn sync() {
    // SAFETY: `sync` takes nothing and cannot fail.
    unsafe { libc::sync() }
}

// ------------------------------------------------------------------ more process

pub fn getpgid(pid: i32) -> io::Result<i32> {
    // SAFETY: integer argument only.
    check(unsafe { libc::getpgid(pid) })
}

pub fn getsid(pid: i32) -> io::Result<i32> {
    // SAFETY: integer argument only.
    check(unsafe { libc::getsid(pid) })
}

pub fn getgroups() -> io::Result<Vec<libc::gid_t>> {
    // SAFETY: a zero count only asks for the number of groups.
    let count = check(unsafe { libc::getgroups(0, std::ptr::null_mut()) })?;
    let mut groups = vec![0 as libc::gid_t; count as usize];
    // SAFETY: the call writes at most `groups.len()` ids into `groups`.
    let count = check(unsafe { libc::getgroups(groups.len() as c_int, groups.as_mut_ptr()) })?;
    groups.truncate(count as usize);
    Ok(groups)
}

/// The CPUs process `pid` may run on.
pub fn sched_getaffinity(pid: i32) -> io::Result<Vec<usize>> {
    // SAFETY: `cpu_set_t` is a bit array, for which all-zero bytes are the empty set.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: the call writes at most `size_of::<cpu_set_t>()` bytes into `set`.
    check(unsafe {
        libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set)
    })?;
    let bits = 8 * std::mem::size_of::<libc::cpu_set_t>();
    // SAFETY: `CPU_ISSET` reads one bit of `set` for an index below its size.
    Ok((0..bits)
        .filter(|&cpu| unsafe { libc::CPU_ISSET(cpu, &set) })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_carries_bytes_and_closes() {
        let (reader, writer) = pipe().expect("pipe");
        assert_eq!(write(writer, b"abc").expect("write"), 3);
        let mut buffer = [0u8; 8];
        assert_eq!(read(reader, &mut buffer).expect("read"), 3);
        assert_eq!(&buffer[..3], b"abc");
        assert!(!isatty(reader));
        assert!(fcntl_get(reader, libc::F_GETFD).expect("flags") & libc::FD_CLOEXEC != 0);
        close(writer).expect("close");
        assert_eq!(read(reader, &mut buffer).expect("eof"), 0);
        close(reader).expect("close");
        assert_eq!(
            close(reader).map_err(|err| err.raw_os_error()),
            Err(Some(libc::EBADF))
        );
    }

    #[test]
    fn stat_reports_missing_paths_by_errno() {
        let missing = c"/nonexistent/pyrite/path";
        let err = stat_at(CWD, missing, true).expect_err("missing");
        assert_eq!(err.raw_os_error(), Some(libc::ENOENT));
        let root = stat_at(CWD, c"/", true).expect("root");
        assert_eq!(root.st_mode & libc::S_IFMT, libc::S_IFDIR);
    }

    #[test]
    fn sysconf_and_confstr_answer() {
        assert!(sysconf(libc::_SC_PAGESIZE).expect("page size") > 0);
        assert!(confstr(libc::_CS_PATH).expect("path").is_some());
        assert!(window_size(-1).is_err());
    }
}
