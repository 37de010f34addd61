# stat, lstat and fstat on files, directories and symbolic links.
import os
import stat

base = '/tmp/pyrite_posix_stat_%d' % os.getpid()
os.mkdir(base)
path = base + '/file.txt'
link = base + '/link'
try:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, b'hello world')
    os.close(fd)
    st = os.stat(path)
    print(type(st).__name__, st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
    print(stat.S_IMODE(st.st_mode) & 0o600 == 0o600)
    print(st.st_nlink, st.st_mtime_ns // 10**9 == int(st.st_mtime), st[8] == int(st.st_mtime))
    print(isinstance(st.st_ino, int), isinstance(st.st_dev, int), isinstance(st.st_atime, float))
    print(isinstance(st.st_blksize, int), isinstance(st.st_blocks, int), isinstance(st.st_rdev, int))
    dst = os.stat(base)
    print(stat.S_ISDIR(dst.st_mode), stat.filemode(dst.st_mode)[0])
    os.symlink('file.txt', link)
    print(stat.S_ISLNK(os.lstat(link).st_mode), stat.S_ISLNK(os.stat(link).st_mode))
    print(stat.S_ISLNK(os.stat(link, follow_symlinks=False).st_mode))
    print(os.stat(link).st_ino == st.st_ino, os.lstat(link).st_ino == st.st_ino)
    fd = os.open(path, os.O_RDONLY)
    print(os.fstat(fd).st_size, os.stat(fd).st_ino == st.st_ino)
    os.close(fd)
    dfd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    print(os.stat('file.txt', dir_fd=dfd).st_size)
    print(stat.S_ISLNK(os.stat('link', dir_fd=dfd, follow_symlinks=False).st_mode))
    os.close(dfd)
    print(os.stat(os.fsencode(path)).st_size, os.stat(path.encode()).st_size)
    import pathlib
    print(os.stat(pathlib.Path(path)).st_size)
    for bad in [base + '/missing', base + '/file.txt/sub']:
        try:
            os.stat(bad)
        except OSError as e:
            print(type(e).__name__, e.strerror, e.filename == bad)
    for call in [lambda: os.stat('a\0b'), lambda: os.stat([1]), lambda: os.lstat(3),
                 lambda: os.stat('x', dir_fd='y'), lambda: os.stat('x', 3)]:
        try:
            call()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
finally:
    for name in [link, path]:
        if os.path.lexists(name):
            os.unlink(name)
    os.rmdir(base)
print(os.path.exists(base))
