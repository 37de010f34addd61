# statvfs, device numbers, pread/pwrite, chown with "no change", session ids.
import os

base = '/tmp/pyrite_posix_more_%d' % os.getpid()
os.mkdir(base)
path = base + '/data'
try:
    st = os.statvfs(base)
    print(type(st).__name__, type(st).__module__, len(st), os.statvfs_result.n_fields)
    print(os.statvfs_result.__match_args__)
    print(all(isinstance(x, int) for x in st), st.f_bsize == st[0], st.f_namemax == st[9])
    print(st.f_bavail <= st.f_blocks, isinstance(st.f_fsid, int))
    print(os.statvfs_result.__doc__.splitlines()[0])
    print(os.major(0x1234), os.minor(0x1234), os.makedev(18, 52))
    print(os.major(os.makedev(300, 7)), os.minor(os.makedev(300, 7)))
    for call in [lambda: os.major(-1), lambda: os.makedev(-1, 0), lambda: os.major('x')]:
        try:
            call()
        except (OverflowError, TypeError) as e:
            print(type(e).__name__, e)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    print(os.pwrite(fd, b'hello world', 0), os.lseek(fd, 0, os.SEEK_CUR))
    print(os.pread(fd, 5, 6), os.pread(fd, 100, 20), os.lseek(fd, 0, os.SEEK_CUR))
    print(os.pwrite(fd, b'W', 6), os.pread(fd, 11, 0))
    print(os.fstatvfs(fd).f_bsize == st.f_bsize, os.statvfs(fd).f_namemax == st.f_namemax)
    os.chown(path, -1, -1)
    os.chown(fd, -1, -1)
    os.close(fd)
    for call in [lambda: os.pread(fd, 1, 0), lambda: os.pwrite(fd, b'x', 0),
                 lambda: os.chown(base + '/missing', -1, -1), lambda: os.statvfs(base + '/missing')]:
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e.strerror)
    try:
        os.chown(path, 'a', 0)
    except TypeError as e:
        print('TypeError', e)
    print(os.getsid(0) == os.getsid(os.getpid()), os.getpgid(0) == os.getpgrp())
    print(os.sched_yield())
finally:
    os.unlink(path)
    os.rmdir(base)
