# os.py's helpers over posix: makedirs, removedirs, renames, walk, fwalk, path tests.
import os

base = '/tmp/pyrite_posix_helpers_%d' % os.getpid()
os.makedirs(base + '/a/b/c')
os.makedirs(base + '/a/b/c', exist_ok=True)
try:
    os.makedirs(base + '/a/b')
except FileExistsError as e:
    print('FileExistsError', e.strerror)
with open(base + '/a/b/f.txt', 'w') as f:
    f.write('data')
rel = lambda p: os.path.relpath(p, base)
for root, dirs, files in os.walk(base):
    dirs.sort()
    print(rel(root), dirs, sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    print(rel(root), sorted(dirs), sorted(files))
for root, dirs, files, fd in os.fwalk(base):
    dirs.sort()
    print(rel(root), dirs, sorted(files), os.stat('.', dir_fd=fd).st_ino == os.stat(root).st_ino)
os.renames(base + '/a/b/f.txt', base + '/x/y/g.txt')
print(os.path.exists(base + '/x/y/g.txt'), os.path.getsize(base + '/x/y/g.txt'))
print(os.path.isdir(base + '/a/b/c'), os.path.isfile(base + '/x/y/g.txt'), os.path.islink(base))
print(os.path.ismount('/'), os.path.ismount(base))
os.unlink(base + '/x/y/g.txt')
os.removedirs(base + '/x/y')
os.removedirs(base + '/a/b/c')
print(os.path.exists(base))
print(os.supports_bytes_environ, os.stat in os.supports_fd, os.open in os.supports_dir_fd)
print(os.stat in os.supports_follow_symlinks, os.scandir in os.supports_fd)
