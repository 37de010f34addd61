# File descriptors: open flags, read/write/lseek, dup, pipe, flags.
import os

base = '/tmp/pyrite_posix_fd_%d' % os.getpid()
os.mkdir(base)
path = base + '/data.bin'
try:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    print(os.write(fd, b'0123456789'))
    print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3))
    print(os.lseek(fd, -2, os.SEEK_END), os.read(fd, 100), os.read(fd, 5))
    print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
    os.ftruncate(fd, 4)
    os.lseek(fd, 0, os.SEEK_SET)
    print(os.read(fd, 100))
    os.fsync(fd)
    print(os.get_blocking(fd))
    # (the oracle's platform has no close-on-exec: inheritance is only type-checked)
    os.set_inheritable(fd, True)
    print(type(os.get_inheritable(fd)).__name__)
    os.set_inheritable(fd, False)
    print(type(os.get_inheritable(fd)).__name__)
    fd2 = os.dup(fd)
    print(fd2 != fd)
    os.lseek(fd2, 1, os.SEEK_SET)
    print(os.lseek(fd, 0, os.SEEK_CUR))
    os.close(fd2)
    fd3 = os.open(path, os.O_RDONLY)
    print(os.dup2(fd, fd3) == fd3)
    os.close(fd3)
    os.close(fd)
    try:
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError as e:
        print('FileExistsError', e.strerror, e.filename == path)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    os.write(fd, b'XY')
    os.close(fd)
    with open(path, 'rb') as f:
        print(f.read())
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    os.close(fd)
    print(os.stat(path).st_size)
    r, w = os.pipe()
    print(os.isatty(r), os.get_blocking(w))
    os.write(w, b'through the pipe')
    print(os.read(r, 7), os.read(r, 100))
    os.set_blocking(r, False)
    print(os.get_blocking(r))
    try:
        os.read(r, 10)
    except BlockingIOError as e:
        print('BlockingIOError', e.strerror)
    print(os.device_encoding(r))
    os.close(w)
    os.close(r)
    with open(path, 'wb') as f:
        print(os.write(f.fileno(), b'abc'))
    fd = os.open(path, os.O_RDONLY)
    with open(fd, 'rb') as f:
        print(f.read())
    try:
        os.close(fd)
    except OSError as e:
        print(type(e).__name__, e.strerror)
    r, w = os.pipe()
    os.closerange(r, w + 1)
    for call in [lambda: os.read(r, 1), lambda: os.write(w, b'x'), lambda: os.fstat(r),
                 lambda: os.lseek(r, 0, 0), lambda: os.dup(r), lambda: os.get_inheritable(r)]:
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e.strerror)
    try:
        os.read(0, -1)
    except OSError as e:
        print(type(e).__name__, e.strerror)
    for call in [lambda: os.write(1, 'text'), lambda: os.isatty('x'), lambda: os.fsync('x'),
                 lambda: os.open(path), lambda: os.fsync(-1)]:
        try:
            call()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    print(os.isatty(-1))
    print([name for name in ['O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_APPEND', 'O_CREAT',
                             'O_EXCL', 'O_TRUNC', 'O_NONBLOCK', 'O_CLOEXEC', 'O_DIRECTORY',
                             'O_NOFOLLOW', 'O_ACCMODE', 'O_SYNC', 'O_NOCTTY'] if hasattr(os, name)])
    print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR)
finally:
    os.unlink(path)
    os.rmdir(base)
