# Path operations: access, chmod, chdir, umask, utime, links, rename/replace, truncate.
import os
import stat

base = '/tmp/pyrite_posix_fs_%d' % os.getpid()
os.mkdir(base)
a = base + '/a.txt'
b = base + '/b.txt'
start = os.getcwd()
try:
    with open(a, 'w') as f:
        f.write('alpha\n')
    print(os.access(a, os.F_OK), os.access(a, os.R_OK | os.W_OK), os.access(base + '/no', os.F_OK))
    print(os.F_OK, os.R_OK, os.W_OK, os.X_OK)
    os.chmod(a, 0o640)
    print(oct(stat.S_IMODE(os.stat(a).st_mode)))
    fd = os.open(a, os.O_RDONLY)
    os.chmod(fd, 0o600)
    os.close(fd)
    print(oct(stat.S_IMODE(os.stat(a).st_mode)))
    old = os.umask(0o027)
    print(os.umask(old) == 0o027)
    os.utime(a, (1000000000, 1500000000))
    st = os.stat(a)
    print(st.st_atime, st.st_mtime, st.st_mtime_ns)
    os.utime(a, ns=(1000000000123000000, 1500000000987000000))
    st = os.stat(a)
    print(st.st_atime_ns, st.st_mtime_ns)
    os.utime(a, (1.25, 2.75))
    print(os.stat(a).st_mtime, os.stat(a).st_atime_ns)
    os.utime(a)
    print(os.stat(a).st_mtime > 1500000000)
    for call in [lambda: os.utime(a, (1, 2), ns=(1, 2)), lambda: os.utime(a, (1,)),
                 lambda: os.utime(a, ns=(1,)), lambda: os.utime(a, 5)]:
        try:
            call()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    os.symlink('a.txt', b)
    print(os.readlink(b), os.readlink(os.fsencode(b)), os.path.islink(b))
    os.unlink(b)
    os.rename(a, b)
    print(os.path.exists(a), os.path.exists(b))
    with open(a, 'w') as f:
        f.write('new')
    os.replace(a, b)
    with open(b) as f:
        print(f.read())
    os.truncate(b, 1)
    print(os.stat(b).st_size)
    os.chdir(base)
    print(os.getcwd() == os.path.realpath(base), sorted(os.listdir()), os.listdir('.'))
    print(os.getcwdb() == os.fsencode(os.getcwd()))
    os.mkdir('sub', 0o755)
    print(sorted(os.listdir(base)), sorted(os.listdir(os.fsencode(base))))
    dfd = os.open(base, os.O_RDONLY)
    os.mkdir('made', dir_fd=dfd)
    os.rename('made', 'moved', src_dir_fd=dfd, dst_dir_fd=dfd)
    print(sorted(os.listdir(dfd)))
    os.rmdir('moved', dir_fd=dfd)
    os.symlink('b.txt', base + '/ln')
    print(os.readlink('ln', dir_fd=dfd))
    os.unlink('ln', dir_fd=dfd)
    os.close(dfd)
    os.rmdir('sub')
    os.chdir(start)
    errors = [
        lambda: os.rename(base + '/x', base + '/y'),
        lambda: os.replace(base + '/x', base + '/y'),
        lambda: os.symlink('x', base),
        lambda: os.mkdir(base),
        lambda: os.rmdir(base + '/x'),
        lambda: os.rmdir(b),
        lambda: os.unlink(base + '/x'),
        lambda: os.unlink(base),
        lambda: os.chdir(base + '/x'),
        lambda: os.chmod(base + '/x', 0o777),
        lambda: os.readlink(b),
        lambda: os.truncate(base + '/x', 0),
        lambda: os.listdir(base + '/x'),
        lambda: os.utime(base + '/x'),
    ]
    for call in errors:
        try:
            call()
        except OSError as e:
            names = [n.replace(base, 'BASE') if isinstance(n, str) else n for n in (e.filename, e.filename2)]
            print(type(e).__name__, e.strerror, names)
    for call in [lambda: os.mkdir(3), lambda: os.listdir([1]), lambda: os.rename(1, 'x'),
                 lambda: os.access('/', 'r')]:
        try:
            call()
        except TypeError as e:
            print('TypeError', e)
finally:
    os.chdir(start)
    for name in [a, b]:
        if os.path.lexists(name):
            os.unlink(name)
    os.rmdir(base)
print(os.path.exists(base))
